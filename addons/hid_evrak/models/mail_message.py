# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailMessage(models.Model):
    """The chatter of a secret document does not list its files to whom may not open them."""

    _inherit = "mail.message"

    @api.multi
    def message_format(self):
        """Odoo lists a message's attachments with sudo: leave out those of a secret document
        whose content the reader may not read (as ir.attachment.check refuses them)."""
        result = super().message_format()
        evrak_ids = {vals["res_id"] for vals in result
                     if vals.get("model") == "hid.evrak" and vals.get("res_id")}
        hidden = self.env["hid.evrak"]._hid_secret_unreadable(evrak_ids) if evrak_ids \
            else set()
        for vals in result:
            if vals.get("model") == "hid.evrak" and vals.get("res_id") in hidden:
                vals["attachment_ids"] = []
        return result
