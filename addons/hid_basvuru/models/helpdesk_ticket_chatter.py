# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class HelpdeskTicket(models.Model):
    """Chatter of an application for a user outside the directorate: no citizen proposed as
    a recipient, none found through the followers (see hid_mail_scope.py)."""

    _inherit = "helpdesk.ticket"

    @api.multi
    def message_get_suggested_recipients(self):
        """helpdesk_mgmt proposes the applicant (name and e-mail) to whoever opens the
        composer."""
        Scope = self.env["hid.mail.scope.mixin"]
        if not Scope._hid_mail_restricted():
            return super().message_get_suggested_recipients()
        # as the user: may they read these applications; then rendered as superuser (the
        # applicant is a partner the user may not read) and the citizens taken out below
        self.check_access_rights("read")
        self.check_access_rule("read")
        result = super(HelpdeskTicket, self.sudo()).message_get_suggested_recipients()
        listed = [rec[0] for recs in result.values() for rec in recs if rec[0]]
        hidden = Scope._hid_hidden_partner_ids(listed)
        return {
            res_id: [rec for rec in recs
                     if rec[0] not in hidden and not (not rec[0] and rec[1])]
            for res_id, recs in result.items()
        }

    @api.model
    def _search_follower_partners(self, operator, operand):
        """message_partner_ids = <a citizen> would tell which applications they follow."""
        Scope = self.env["hid.mail.scope.mixin"]
        if not Scope._hid_mail_restricted():
            return super()._search_follower_partners(operator, operand)
        followers = self.env["mail.followers"].search([
            ("res_model", "=", self._name), ("partner_id", operator, operand)])
        return [("id", "in", followers.mapped("res_id"))]
