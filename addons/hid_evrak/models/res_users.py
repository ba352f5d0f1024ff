# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ResUsers(models.Model):
    """Who signed a hand-over slip stays on it: a signer is archived, never deleted."""

    _inherit = "res.users"

    @api.multi
    def unlink(self):
        """The clear refusal before PostgreSQL's (received_uid is ondelete restrict)."""
        signers = self.env["hid.zimmet"].sudo().search(
            [("received_uid", "in", self.ids)]).mapped("received_uid")
        if signers:
            raise UserError(_("%s signed hand-over slips (zimmet fişi) and cannot be deleted: "
                              "archive the user instead.") % ", ".join(signers.mapped("name")))
        return super().unlink()
