# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class IrAttachment(models.Model):
    """A restricted user sees the files of the applications they may read, only those:
    Odoo 11 filters attachments by their document in search() alone, so read_group told the
    files of every application, and a file marked public was readable whatever its
    application."""

    _name = "ir.attachment"
    _inherit = ["ir.attachment", "hid.mail.scope.mixin"]

    @api.model
    def _hid_scope_clause(self):
        """The file's application is readable, or the file is the user's own upload not yet
        linked to a record (a new application's form uploads with res_id 0)."""
        table = '"%s"' % self._table
        clause, params = self._hid_document_clause("%s.res_model" % table, "%s.res_id" % table)
        return ("(%s OR (COALESCE(%s.res_id, 0) = 0 AND %s.create_uid = %%s))" % (
            clause, table, table), params + [self._uid])

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
