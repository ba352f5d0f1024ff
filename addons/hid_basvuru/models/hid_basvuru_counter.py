# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidBasvuruCounter(models.Model):
    """Last number given per series and year: gap-free, safe when many agents save at once.

    A series is one numbering: "basvuru" for the applications' tracking numbers; other
    addons add their own (hid_evrak: the kayıt no and the zimmet fişi numbers)."""

    _name = "hid.basvuru.counter"
    _description = "Application Number Counter"
    _rec_name = "year"

    series = fields.Char(
        required=True,
        readonly=True,
        default="basvuru",
    )
    year = fields.Integer(
        required=True,
        readonly=True,
    )
    last = fields.Integer(
        required=True,
        readonly=True,
    )

    _sql_constraints = [
        # the key keeps its old name so that an upgrade replaces the old unique(year)
        ("year_uniq", "unique(series, year)", "One counter per series and year."),
    ]

    @api.model
    def _next(self, year, series="basvuru"):
        """Take the next number of `series` in `year` inside the caller's transaction.

        Raw SQL on purpose: the upsert locks the year's row until the transaction ends, so
        concurrent intakes are serialised on it, and a rolled-back intake gives its number
        back: no gaps, no duplicates. Odoo runs transactions in REPEATABLE READ, so a
        concurrent intake that committed first makes this statement fail with a serialization
        error (40001), exactly like ir.sequence's no_gap (55P03); Odoo's RPC layer retries the
        whole request on both (odoo.service.model.check), so the agent only sees a short wait.
        Not logged as an error: a retried conflict is normal traffic.
        """
        self.env.cr.execute("""
            INSERT INTO hid_basvuru_counter (series, year, last, create_uid, create_date,
                                             write_uid, write_date)
            VALUES (%(series)s, %(year)s, 1, %(uid)s, now() at time zone 'UTC',
                    %(uid)s, now() at time zone 'UTC')
            ON CONFLICT (series, year) DO UPDATE SET last = hid_basvuru_counter.last + 1,
                write_uid = %(uid)s, write_date = now() at time zone 'UTC'
            RETURNING last
        """, {"year": year, "series": series, "uid": self.env.uid}, log_exceptions=False)
        return self.env.cr.fetchone()[0]
