# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from email.utils import formataddr

from odoo import api, fields, models


class MailMessage(models.Model):
    """Staff without a personal e-mail address (call-centre agents) must still be able to work:
    Odoo 11 refuses every chatter message of such a user."""

    _inherit = "mail.message"

    email_from = fields.Char(
        default=lambda self: self._get_default_from(),
    )

    @api.model
    def _get_default_from(self):
        """The user's own address, else the municipality's (company, then catchall domain)."""
        user = self.env.user
        if user.email:
            return super()._get_default_from()
        address = user.company_id.email or "noreply@%s" % (
            self.env["ir.config_parameter"].sudo().get_param("mail.catchall.domain")
            or "localhost")
        return formataddr((user.name, address))
