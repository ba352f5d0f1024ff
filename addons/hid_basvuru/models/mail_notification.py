# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailNotification(models.Model):
    """A restricted user sees the notifications (their own and their colleagues', no
    citizen's) of messages they may read themselves: an own notification of an application
    routed away would still name it. Odoo 11 lets every employee read them all."""

    _name = "mail.notification"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "mail.notification"]

    @api.model
    def _hid_scope_clause(self):
        table = '"%s"' % self._table
        message_clause, message_params = self.env["mail.message"]._hid_scope_clause()
        message_clause = message_clause.replace('"mail_message"', "hid_m")
        citizen_clause, citizen_params = self._hid_not_citizen_clause(
            "%s.res_partner_id" % table)
        clause = ("(%s AND %s.mail_message_id IN "
                  "(SELECT hid_m.id FROM mail_message hid_m WHERE %s))" % (
                      citizen_clause, table, message_clause))
        return clause, citizen_params + message_params
