# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailMail(models.Model):
    """Outgoing e-mails carry bodies and addresses (a citizen's, for an acknowledgement):
    a restricted user sees only e-mails they wrote themselves, and none of an application,
    whichever: they are sent by the server, nobody outside the directorate needs them."""

    _name = "mail.mail"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "mail.mail"]

    @api.model
    def _hid_scope_clause(self):
        return ('"mail_mail"."mail_message_id" IN (SELECT hid_m.id FROM mail_message hid_m '
                'WHERE hid_m.author_id = %s AND (hid_m.model IS NULL '
                'OR hid_m.model NOT IN %s))',
                [self.env.user.partner_id.id, tuple(self._hid_mail_scoped_models())])
