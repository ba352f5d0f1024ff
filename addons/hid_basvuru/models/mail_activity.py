# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailActivity(models.Model):
    """A restricted user sees the activities of the applications they may read (Odoo 11 has
    no read rule on activities)."""

    _name = "mail.activity"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "mail.activity"]

    @api.model
    def _hid_scope_clause(self):
        table = '"%s"' % self._table
        return self._hid_document_clause("%s.res_model" % table, "%s.res_id" % table)
