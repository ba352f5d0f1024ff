# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64

from odoo import api, models

from ..lib import tr_dates


class ReportHidEvrakLabel(models.AbstractModel):
    """The label's QR code is drawn here and inlined: wkhtmltopdf fetches nothing."""

    _name = "report.hid_evrak.evrak_label"
    _description = "Registry Label"

    @api.model
    def get_report_values(self, docids, data=None):
        """The documents as the user may read them, and a QR drawer."""
        docs = self.env["hid.evrak"].browse(docids)
        docs.check_access_rule("read")
        report = self.env["ir.actions.report"]

        def qr(value):
            png = report.barcode("QR", value, width=180, height=180)
            return "data:image/png;base64,%s" % base64.b64encode(png).decode()
        return {"doc_ids": docids, "doc_model": "hid.evrak", "docs": docs, "qr": qr,
                "tr_datetime": tr_dates.tr_datetime}
