# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class IrAttachment(models.Model):
    """A restricted user sees the files of the applications they may read, only those:
    Odoo 11 filters attachments by their document in search() alone, so read_group told the
    files of every application, and a file marked public was readable whatever its
    application."""

    _name = "ir.attachment"
    # The mixin first, so that its scope wraps the model's own access checks.
    _inherit = ["hid.mail.scope.mixin", "ir.attachment"]

    @api.model
    def _hid_scope_clause(self):
        """The file's application is readable, or the file is the user's own upload not yet
        linked to a record (a new application's form uploads with res_id 0)."""
        table = '"%s"' % self._table
        clause, params = self._hid_document_clause("%s.res_model" % table, "%s.res_id" % table)
        return ("(%s OR (COALESCE(%s.res_id, 0) = 0 AND %s.create_uid = %%s))" % (
            clause, table, table), params + [self._uid])
