# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Mail records (messages, notifications, e-mails, followers, activities, attachments) are
seen by a user outside the directorate only for the applications that user may read, and
never with a citizen's identity.

Why Odoo 11 lets them through: `mail.message` gives a message to its author, its recipients
and the notified partners whatever the document; `mail.message.read_group` and
`ir.attachment.read_group` skip the document filter of `_search`; `mail.followers`,
`mail.notification` and `mail.activity` have no read rule at all (ACLs for every employee);
`mail.mail` is readable by every employee; and many2one values, `message_format` and the
suggested recipients are rendered as superuser, so a citizen's name comes out of a record the
user may read.

The mend is one mechanism, allow-list style: for a restricted user (anyone but the superuser
and directorate staff, `group_hid_agent`) each model adds to its record rules an SQL condition
"the document is of a model we do not scope, or it is one of the records of that model the
user may read", where the readable records are the document model's own query with its own
record rules, as the user (a sub-select, so it stays one query at any size). `_apply_ir_rules`
serves search, search_count, read, read_group and the fields of a many2one/one2many;
`check_access_rule` serves write and unlink. A model takes both from this mixin by listing
it first in its `_inherit`, so they wrap the model's own checks. Citizens are hidden by the
models that name partners (see mail_message.py, mail_followers.py, mail_notification.py).

A record rule (`ir.rule`) could not say this: its domain is cached per user, so a list of
readable ids would go stale when an application is routed, and `res_id` is no many2one a
domain could follow.
"""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

G_AGENT = "hid_basvuru.group_hid_agent"


class HidMailScopeMixin(models.AbstractModel):
    _name = "hid.mail.scope.mixin"
    _description = "Mail Records Scoped to Readable Applications"

    # ------------------------------------------------------------------
    # Who and what
    # ------------------------------------------------------------------

    @api.model
    def _hid_mail_restricted(self):
        """True for every user but the superuser and directorate staff."""
        return self._uid != SUPERUSER_ID and not self.env.user.has_group(G_AGENT)

    @api.model
    def _hid_mail_scoped_models(self):
        """Document models whose mail records follow the document's own record rules.
        Other addons add theirs (e.g. the document registry)."""
        return ["helpdesk.ticket"]

    @api.model
    def _hid_readable_sql(self, model_name):
        """SELECT of the ids of `model_name` the current user may read, and its params."""
        Model = self.env[model_name]
        if not Model.check_access_rights("read", raise_exception=False):
            return "SELECT NULL::integer WHERE FALSE", []
        query = Model._where_calc([], active_test=False)
        Model._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        return 'SELECT "%s".id FROM %s WHERE %s' % (
            Model._table, from_clause, where_clause or "TRUE"), list(params)

    @api.model
    def _hid_document_clause(self, model_col, res_id_col):
        """SQL: the row's document (model_col, res_id_col) is not scoped, or readable."""
        scoped = self._hid_mail_scoped_models()
        parts, sub_params = [], []
        for model_name in scoped:
            sql, params = self._hid_readable_sql(model_name)
            parts.append("(%s = %%s AND %s IN (%s))" % (model_col, res_id_col, sql))
            sub_params += [model_name] + params
        clause = "(%s IS NULL OR %s NOT IN %%s OR %s)" % (
            model_col, model_col, " OR ".join(parts))
        return clause, [tuple(scoped)] + sub_params

    @api.model
    def _hid_not_citizen_clause(self, partner_col):
        """SQL: the partner in partner_col is no citizen, or it is the user's own partner."""
        return ("(%s IS NULL OR %s = %%s OR NOT EXISTS (SELECT 1 FROM res_partner hid_p "
                "WHERE hid_p.id = %s AND hid_p.hid_citizen))" % (
                    partner_col, partner_col, partner_col),
                [self.env.user.partner_id.id])

    @api.model
    def _hid_hidden_partner_ids(self, partner_ids):
        """The citizens among partner_ids, but the user's own partner: what a restricted
        user never sees named in a mail record. Müdürlük users may not read citizens at all
        and Evrak Kayıt may not see a confidential applicant, while a message, a follower or
        a notification never tells whether its ticket is confidential to the reader: so
        every citizen is hidden there, for every restricted user."""
        partner_ids = [pid for pid in set(partner_ids) if pid]
        if not partner_ids or not self._hid_mail_restricted():
            return set()
        self._cr.execute(
            "SELECT id FROM res_partner WHERE id IN %s AND hid_citizen AND id != %s",
            (tuple(partner_ids), self.env.user.partner_id.id))
        return {row[0] for row in self._cr.fetchall()}

    # ------------------------------------------------------------------
    # The scope: each model says it in SQL on its own table
    # ------------------------------------------------------------------

    @api.model
    def _hid_scope_clause(self):
        """(SQL condition on self._table, params) a restricted user's rows must satisfy."""
        raise NotImplementedError()

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

    @api.model
    def _hid_add_scope(self, query):
        """Add the scope to a query of this model, for a restricted user."""
        if not self._hid_mail_restricted():
            return
        clause, params = self._hid_scope_clause()
        query.where_clause.append(clause)
        query.where_clause_params.extend(params)

    @api.multi
    def _hid_check_scope(self, operation):
        """AccessError if a restricted user reaches a record outside the scope."""
        if not self.ids or not self._hid_mail_restricted():
            return
        clause, params = self._hid_scope_clause()
        allowed = set()
        for sub_ids in self._cr.split_for_in_conditions(self.ids):
            self._cr.execute('SELECT id FROM "%s" WHERE id IN %%s AND %s' % (
                self._table, clause), [sub_ids] + params)
            allowed.update(row[0] for row in self._cr.fetchall())
        if set(self.ids) - allowed and (self - self.browse(list(allowed))).exists():
            raise AccessError(_(
                "%(document)s: this record belongs to an application you may not read "
                "(operation: %(operation)s).") % {"document": self._description,
                                                  "operation": operation})
