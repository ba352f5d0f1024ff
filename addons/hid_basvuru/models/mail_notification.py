# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailNotification(models.Model):
    """A restricted user sees the notifications (their own and their colleagues', no
    citizen's) of messages they may read themselves: an own notification of an application
    routed away would still name it. Odoo 11 lets every employee read them all."""

    _name = "mail.notification"
    _inherit = ["mail.notification", "hid.mail.scope.mixin"]

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

    @api.model
    def _apply_ir_rules(self, query, mode="read"):
        result = super()._apply_ir_rules(query, mode)
        self._hid_add_scope(query)
        return result

    @api.multi
    def check_access_rule(self, operation):
        result = super().check_access_rule(operation)
        self._hid_check_scope(operation)
        return result
