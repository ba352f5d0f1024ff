# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailFollowers(models.Model):
    """A restricted user sees the followers of the applications they may read, and no
    citizen among them (an e-mail's sender follows the application it opened). Odoo 11 has
    no read rule on followers. Through this scope the applications' message_follower_ids and
    message_partner_ids leave the citizens out too."""

    _name = "mail.followers"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "mail.followers"]

    @api.model
    def _hid_scope_clause(self):
        table = '"%s"' % self._table
        doc_clause, doc_params = self._hid_document_clause(
            "%s.res_model" % table, "%s.res_id" % table)
        citizen_clause, citizen_params = self._hid_not_citizen_clause(
            "%s.partner_id" % table)
        return ("(%s AND (%s.res_model NOT IN %%s OR %s))" % (
            doc_clause, table, citizen_clause),
            doc_params + [tuple(self._hid_mail_scoped_models())] + citizen_params)
