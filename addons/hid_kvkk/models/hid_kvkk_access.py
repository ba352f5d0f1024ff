# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who saw what: reading the T.C. identity no. in clear, or a confidential applicant's
identity, is logged (one INSERT per read call). The system's own reads (superuser, sudo)
are not a person seeing the data and are not logged. The views show the masked number and
a "Göster" button that reveals (and logs) it."""
import os
import sys

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

G_AGENT = "hid_basvuru.group_hid_agent"

# The applicant's identity on an application.
TICKET_IDENTITY = ("partner_id", "partner_name", "partner_email", "public_phone",
                   "applicant_summary", "applicant_phone", "hid_possible_partner_id")


def _by_the_orm(load):
    """True for the ORM's own prefetch (records.read(..., load='_classic_write') from
    BaseModel._prefetch_field), which is code reading a field, not a person seeing it. Any
    other read — the web client, XML-RPC, search_read, export — is a person's (a client
    that asks for load='_classic_write' itself is still logged: only the prefetch frame
    counts, looked for a few frames up)."""
    if load != "_classic_write":
        return False
    frame = sys._getframe(2)
    for _depth in range(12):
        if frame is None:
            return False
        if frame.f_code.co_name == "_prefetch_field" and frame.f_code.co_filename.endswith(
                os.path.join("odoo", "models.py")):
            return True
        frame = frame.f_back
    return False


def _wanted(fields_, names):
    """The names of `names` a read of `fields_` (None/empty: every field) returns."""
    if not fields_:
        return list(names)
    return [name for name in names if name in fields_]


class ResPartner(models.Model):
    _inherit = "res.partner"

    hid_kvkk_tckn_input = fields.Char(
        string="New T.C. Identity No.",
        compute="_compute_hid_kvkk_tckn_input",
        inverse="_inverse_hid_kvkk_tckn_input",
        groups=G_AGENT,
        help="Type a number to set or correct it; the registered number is shown masked "
             "(Göster reveals it, and the access is logged).",
    )

    def _compute_hid_kvkk_tckn_input(self):
        for partner in self:
            partner.hid_kvkk_tckn_input = False

    def _inverse_hid_kvkk_tckn_input(self):
        for partner in self:
            if partner.hid_kvkk_tckn_input:
                partner.write({"tckn": partner.hid_kvkk_tckn_input})

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if self.env.uid != SUPERUSER_ID and _wanted(fields, ("tckn",)) \
                and self.user_has_groups(G_AGENT) and not _by_the_orm(load):
            self.env["hid.kvkk.access.log"]._log(
                self.env.user, self._name, [row["id"] for row in result if row.get("tckn")],
                "tckn", "tckn")
        return result

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        result = super().export_data(fields_to_export, raw_data=raw_data)
        if self.env.uid != SUPERUSER_ID and any(
                f.split("/")[0] == "tckn" for f in fields_to_export):
            self.env["hid.kvkk.access.log"]._log(self.env.user, self._name, self.ids,
                                                 "tckn", "tckn (export)")
        return result

    @api.multi
    def action_hid_kvkk_reveal_tckn(self):
        """Show the number in clear, logged: for those who may read it."""
        self.ensure_one()
        if not self.user_has_groups(G_AGENT):
            raise AccessError(_("You may not see T.C. identity numbers."))
        tckn = self.read(["tckn"])[0]["tckn"]
        wizard = self.env["hid.kvkk.reveal"].create({"partner_id": self.id,
                                                     "value": tckn or _("(none)")})
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.kvkk.reveal",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        if self.env.uid != SUPERUSER_ID and result and _wanted(fields, TICKET_IDENTITY) \
                and self._hid_may_see_identity() and not _by_the_orm(load):
            self.env.cr.execute(
                "SELECT id FROM helpdesk_ticket WHERE id = ANY(%s) AND confidential "
                "AND anonymous IS NOT TRUE AND partner_id IS NOT NULL",
                ([row["id"] for row in result],))
            ids = [row[0] for row in self.env.cr.fetchall()]
            if ids:
                self.env["hid.kvkk.access.log"]._log(
                    self.env.user, self._name, ids, "confidential",
                    ",".join(_wanted(fields, TICKET_IDENTITY)))
        return result
