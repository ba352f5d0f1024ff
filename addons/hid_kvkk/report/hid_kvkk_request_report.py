# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

G_STAFF = "hid_basvuru.group_hid_staff"


class ReportKvkkRequestLetter(models.AbstractModel):
    """The PDF letter of a data-subject request: the answer and every record held."""

    _name = "report.hid_kvkk.request_letter"
    _description = "KVKK: request letter"

    @api.model
    def get_report_values(self, docids, data=None):
        if not self.env.user.has_group(G_STAFF):
            raise AccessError(_("Only HİM staff handle data subject requests."))
        docs = self.env["hid.kvkk.request"].browse(docids)
        docs.check_access_rule("read")
        Export = self.env["hid.kvkk.export"]
        sections = {doc.id: Export._sections(doc.partner_id.sudo()) if doc.partner_id else []
                    for doc in docs}
        if self.env.uid != SUPERUSER_ID:
            self.env["hid.kvkk.access.log"]._log(
                self.env.user, "res.partner", docs.mapped("partner_id").ids, "export",
                "PDF")
        return {"doc_ids": docs.ids, "doc_model": "hid.kvkk.request", "docs": docs.sudo(),
                "sections": sections}
