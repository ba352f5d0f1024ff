# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The two append-only KVKK logs: who saw personal data unmasked (access log) and what the
retention job or an erasure request destroyed (destruction record). Rows are written by the
system only; nobody changes or deletes them — the ORM refuses, and a PostgreSQL trigger
refuses any other door."""
import hashlib
import hmac

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.hid_basvuru.lib.tckn import mask_tckn
from odoo.addons.hid_basvuru.models.hid_append_only import guard_append_only

ACCESS_KINDS = [
    ("tckn", "T.C. identity no. in clear"),
    ("confidential", "Confidential identity"),
    ("recording", "Call recording playback"),
    ("export", "Data export"),
    ("tckn_search", "T.C. identity no. search"),
]


class HidKvkkAppendOnly(models.AbstractModel):
    _name = "hid.kvkk.append.only"
    _description = "KVKK: append-only log"

    @api.model_cr
    def init(self):
        if self._abstract:
            return
        guard_append_only(self.env.cr, self._table)

    @api.model
    def create(self, vals):  # pylint: disable=method-required-super
        # Rows are INSERTed by the system's own methods (_log, _record); no ORM create, not
        # even the superuser's (an administrator over XML-RPC cannot forge a line).
        raise AccessError(_("KVKK logs are written by the system only."))

    @api.multi
    def write(self, vals):
        if self:
            raise AccessError(_("KVKK logs cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise AccessError(_("KVKK logs cannot be deleted."))
        return super().unlink()


class HidKvkkAccessLog(models.Model):
    """One row per record and kind each time a person saw personal data unmasked. Written in
    one INSERT per read call, whatever the number of records."""

    _name = "hid.kvkk.access.log"
    _inherit = ["hid.kvkk.append.only"]
    _description = "Personal Data Access Log"
    _order = "id desc"
    _rec_name = "date"

    date = fields.Datetime(
        required=True,
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    model = fields.Char(
        required=True,
        readonly=True,
        index=True,
    )
    res_id = fields.Integer(
        string="Record ID",
        required=True,
        readonly=True,
        index=True,
    )
    kind = fields.Selection(
        selection=ACCESS_KINDS,
        required=True,
        readonly=True,
        index=True,
    )
    field = fields.Char(
        readonly=True,
        help="The field read, or the kind of access.",
    )
    res_ids = fields.Char(
        string="Records Found",
        readonly=True,
        help="A search: the ids it found, comma-separated (empty: none).",
    )
    value = fields.Char(
        string="Searched Value",
        readonly=True,
        help="A search: the T.C. identity no. searched, masked.",
    )
    value_hash = fields.Char(
        string="Searched Value (HMAC)",
        readonly=True,
        help="A search: HMAC-SHA256 of the number searched, keyed with the database "
             "secret, to find who searched for a given number.",
    )

    @api.model
    def _hid_kvkk_value_hash(self, value):
        """HMAC-SHA256 (hex) of `value` keyed with database.secret (see hid_kvkk_search)."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        return hmac.new(secret.encode(), str(value).strip().encode(),
                        hashlib.sha256).hexdigest()

    @api.model
    def _log_search(self, user, model, res_ids, values):
        """One row for a search by T.C. identity no. (`values`: the searched numbers), found
        `res_ids` or nothing; one INSERT. The value masked and keyed-hashed, never clear."""
        if user.id == SUPERUSER_ID:
            return 0
        res_ids = [int(i) for i in res_ids if i]
        self.env.cr.execute("""
            INSERT INTO hid_kvkk_access_log (date, user_id, model, res_id, kind, field,
                                             res_ids, value, value_hash,
                                             create_uid, create_date, write_uid, write_date)
            VALUES (now() AT TIME ZONE 'UTC', %(uid)s, %(model)s, 0, 'tckn_search',
                    'tckn (search)', %(res_ids)s, %(value)s, %(hash)s,
                    %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC')
        """, {"uid": user.id, "model": model, "res_ids": ",".join(map(str, res_ids)) or None,
              "value": ", ".join(mask_tckn(v) for v in values),
              "hash": ",".join(self._hid_kvkk_value_hash(v) for v in values)})
        return 1

    @api.model
    def _log(self, user, model, res_ids, kind, field):
        """One INSERT for all of `res_ids`; `user` is the real person (before any sudo).
        The database's clock is the time."""
        res_ids = [int(i) for i in res_ids if i]
        if not res_ids or user.id == SUPERUSER_ID:
            return 0
        self.env.cr.execute("""
            INSERT INTO hid_kvkk_access_log (date, user_id, model, res_id, kind, field,
                                             create_uid, create_date, write_uid, write_date)
            SELECT now() AT TIME ZONE 'UTC', %(uid)s, %(model)s, r, %(kind)s, %(field)s,
                   %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
              FROM unnest(%(ids)s) r
        """, {"uid": user.id, "model": model, "kind": kind, "field": field, "ids": res_ids})
        return len(res_ids)


class HidKvkkDestruction(models.Model):
    """The destruction record (imha kaydı, Yönetmelik md. 7): what kind, how many, which
    rule, which action, when, which run, which user."""

    _name = "hid.kvkk.destruction"
    _inherit = ["hid.kvkk.append.only"]
    _description = "Destruction Record"
    _order = "id desc"
    _rec_name = "run"

    date = fields.Datetime(
        required=True,
        readonly=True,
        index=True,
    )
    run = fields.Char(
        required=True,
        readonly=True,
        index=True,
        help="The run (one retention job or one request) the rows belong to.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        required=True,
        readonly=True,
        ondelete="restrict",
    )
    rule_id = fields.Many2one(
        comodel_name="hid.kvkk.retention.rule",
        string="Rule",
        readonly=True,
        ondelete="restrict",
    )
    request_id = fields.Many2one(
        comodel_name="hid.kvkk.request",
        string="Data Subject Request",
        readonly=True,
        ondelete="restrict",
    )
    kind = fields.Selection(
        selection=lambda self: self.env["hid.kvkk.retention.rule"]._fields["kind"].selection,
        required=True,
        readonly=True,
    )
    action = fields.Selection(
        selection=[("anonymise", "Anonymise"), ("delete", "Delete")],
        required=True,
        readonly=True,
    )
    count = fields.Integer(
        required=True,
        readonly=True,
    )
    record_ids = fields.Text(
        string="Record IDs",
        readonly=True,
        help="The ids of the records destroyed (they name no person).",
    )
    cutoff = fields.Datetime(
        readonly=True,
        help="Records dated before this moment were due.",
    )

    @api.model
    def _record(self, run, user, kind, action, ids, rule=None, request=None, cutoff=None):
        """One row, INSERTed by the system; the database's clock is the time."""
        self.env.cr.execute("""
            INSERT INTO hid_kvkk_destruction (date, run, user_id, rule_id, request_id, kind,
                                              action, count, record_ids, cutoff, create_uid,
                                              create_date, write_uid, write_date)
            VALUES (now() AT TIME ZONE 'UTC', %(run)s, %(uid)s, %(rule)s, %(request)s,
                    %(kind)s, %(action)s, %(count)s, %(ids)s, %(cutoff)s, %(uid)s,
                    now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC')
            RETURNING id
        """, {"run": run, "uid": user.id, "rule": rule.id if rule else None,
              "request": request.id if request else None, "kind": kind, "action": action,
              "count": len(ids), "ids": ",".join(str(i) for i in sorted(ids)),
              "cutoff": cutoff or None})
        return self.browse(self.env.cr.fetchone()[0])
