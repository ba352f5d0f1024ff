# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import hashlib
import hmac
import secrets

from odoo import _, api, fields, models

from ..lib.open311 import Open311Error

PREFIX_LENGTH = 8
MAX_KEY_LENGTH = 200
RATE_WINDOW = datetime.timedelta(hours=1)


def _hash(key):
    """The stored form of a key: SHA-256 is enough for 256 random bits (no guessing)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class HidApiKey(models.Model):
    """A key of the Open311 API: who may file applications over it, revocable at any time.

    Only the hash of the key is stored; the key itself is shown once, when it is generated.
    The hash is for the server (sudo) alone: no HİD role reads, searches, orders or groups by it
    over RPC (hid.protected.field.mixin), nor sets it but through action_generate_key.
    """

    _name = "hid.api.key"
    _inherit = ["hid.protected.field.mixin"]
    _description = "Open311 API Key"
    _order = "name"

    _hid_protected_fields = ("key_hash",)

    name = fields.Char(
        required=True,
        help="What the key is for, e.g. the mobile application that uses it.",
    )
    owner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Owner",
        ondelete="restrict",
        help="The organisation or person the key was issued to.",
    )
    active = fields.Boolean(
        default=True,
        help="Revoke a key by archiving it: requests with it are then refused.",
    )
    key_prefix = fields.Char(
        readonly=True,
        index=True,
        copy=False,
        help="The first characters of the key, to recognise it; the key itself is not stored.",
    )
    # Only the system administrator (who can read the database anyway); no HİD role, the
    # director included. The server reads it as superuser.
    key_hash = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
    )
    last_used = fields.Datetime(
        readonly=True,
        copy=False,
    )
    rate_limit = fields.Integer(
        string="Requests per Hour",
        default=100,
        help="How many applications may be filed with this key in one hour.",
    )
    rate_window_start = fields.Datetime(
        readonly=True,
        copy=False,
    )
    rate_count = fields.Integer(
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        ("rate_limit_positive", "CHECK(rate_limit > 0)",
         "The number of requests per hour must be positive."),
    ]

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_generate_key(self):
        """Issue a new key (the old one stops working) and show it once."""
        self.ensure_one()
        key = self._generate_key()
        # An unsaved dialog filled from the context: the key itself never reaches the database.
        return {
            "type": "ir.actions.act_window",
            "name": _("New Open311 API Key"),
            "res_model": "hid.api.key.show",
            "view_mode": "form",
            "target": "new",
            "context": {"default_api_key_id": self.id, "default_key": key},
        }

    @api.multi
    def action_revoke(self):
        """Revoke: an archived key is refused."""
        return self.write({"active": False})

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    def _generate_key(self):
        """A new random key; only its prefix and hash are stored."""
        self.ensure_one()
        key = secrets.token_urlsafe(32)
        self.sudo().write({"key_prefix": key[:PREFIX_LENGTH], "key_hash": _hash(key),
                           "rate_count": 0, "rate_window_start": False})
        return key

    @api.model
    def _authenticate(self, key):
        """The active key record matching `key` (compared in constant time), else empty."""
        if not key or not isinstance(key, str) or len(key) > MAX_KEY_LENGTH:
            return self.browse()
        candidates = self.sudo().search([("key_prefix", "=", key[:PREFIX_LENGTH])])
        digest = _hash(key)
        for candidate in candidates:
            if candidate.key_hash and hmac.compare_digest(candidate.key_hash, digest):
                return candidate
        return self.browse()

    def _count_use(self):
        """Count one request in the key's hourly window and refuse it beyond the limit.

        One atomic UPDATE in the request's transaction: concurrent requests with one key
        serialize on the key's row, and Odoo retries the one that loses (service.model.check
        wraps HTTP routes too), so each request is counted exactly once (as the tracking
        number counter, hid.basvuru.counter._next).
        """
        self.ensure_one()
        count, limit = self._count_use_sql()
        if count > limit:
            raise Open311Error(429, "Too many requests with this api_key: at most %(limit)d "
                                    "per hour.", limit=limit)

    def _count_use_sql(self):
        """One atomic update of the key's window: (count, limit)."""
        self.env.cr.execute("""
            UPDATE hid_api_key
               SET rate_count = CASE WHEN rate_window_start IS NULL
                                       OR rate_window_start <= %(since)s
                                     THEN 1 ELSE COALESCE(rate_count, 0) + 1 END,
                   rate_window_start = CASE WHEN rate_window_start IS NULL
                                              OR rate_window_start <= %(since)s
                                            THEN %(now)s ELSE rate_window_start END,
                   last_used = %(now)s
             WHERE id = %(id)s
         RETURNING rate_count, rate_limit
        """, {"id": self.id, "now": fields.Datetime.now(), "since": fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - RATE_WINDOW)},
            log_exceptions=False)  # a serialization conflict is retried, not an error
        row = self.env.cr.fetchone()
        self.invalidate_cache(["rate_count", "rate_window_start", "last_used"], self.ids)
        return row
