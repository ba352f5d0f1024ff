# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import time

from odoo import api, fields, models

from ..lib.upload import parse_rate, window_start

# How long counters are kept: longer than any configured window.
KEEP_DAYS = 2


class HidRateLimit(models.Model):
    """How many requests one IP address made to one public page in one time window."""

    _name = "hid.rate.limit"
    _description = "Public Page Request Counter"
    _order = "window_start desc, id desc"
    _log_access = False

    key = fields.Char(
        required=True,
        help="The limited action, e.g. basvuru.form or basvuru.status.",
    )
    ip = fields.Char(
        string="IP Address",
        required=True,
    )
    window_start = fields.Datetime(
        required=True,
        index=True,
    )
    count = fields.Integer()

    _sql_constraints = [
        ("key_ip_window_uniq", "unique(key, ip, window_start)",
         "One counter per action, IP address and window."),
    ]

    @api.model
    def _hid_limit(self, key, default):
        """(count, seconds) allowed for `key`: system parameter hid_basvuru.rate.<key>."""
        text = self.env["ir.config_parameter"].sudo().get_param("hid_basvuru.rate.%s" % key)
        return parse_rate(text, default)

    @api.model
    def _hid_hit(self, key, ip, default):
        """Count one request of `ip` for `key`; False when it is over the window's limit."""
        query, params, limit = self._hid_hit_sql(key, ip, default)
        self.env.cr.execute(query, params)
        return self.env.cr.fetchone()[0] <= limit

    @api.model
    def _hid_hit_sql(self, key, ip, default):
        """(statement, params, limit) of one hit: the statement returns the window's count, so
        that a caller can run it as a CTE of its own query (one round trip).

        One statement, so that parallel requests in several workers are all counted: the
        ORM's read-then-write would lose some (and fail on the unique constraint)."""
        limit, seconds = self._hid_limit(key, default)
        start = datetime.datetime.utcfromtimestamp(window_start(time.time(), seconds))
        query = """
            INSERT INTO hid_rate_limit (key, ip, window_start, count)
                 VALUES (%(rate_key)s, %(rate_ip)s, %(rate_start)s, 1)
            ON CONFLICT (key, ip, window_start)
              DO UPDATE SET count = hid_rate_limit.count + 1
              RETURNING count"""
        params = {"rate_key": key, "rate_ip": ip or "unknown",
                  "rate_start": fields.Datetime.to_string(start)}
        return query, params, limit

    @api.model
    def _cron_gc(self):
        """Forget old counters (an IP address is personal data; keep it no longer than needed)."""
        limit = datetime.datetime.utcnow() - datetime.timedelta(days=KEEP_DAYS)
        self.sudo().search([("window_start", "<", fields.Datetime.to_string(limit))]).unlink()
