# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HidBasvuruCounter(models.Model):
    """Last tracking number given per year: gap-free, safe when many agents save at once."""

    _name = "hid.basvuru.counter"
    _description = "Application Number Counter"
    _rec_name = "year"

    year = fields.Integer(
        required=True,
        readonly=True,
    )
    last = fields.Integer(
        required=True,
        readonly=True,
    )

    _sql_constraints = [
        ("year_uniq", "unique(year)", "One counter per year."),
    ]

    @api.model
    def _next(self, year):
        """Take the next number of `year` inside the caller's transaction.

        Raw SQL on purpose: the upsert locks the year's row until the transaction ends, so
        concurrent intakes are serialised on it, and a rolled-back intake gives its number
        back: no gaps, no duplicates. Odoo runs transactions in REPEATABLE READ, so a
        concurrent intake that committed first makes this statement fail with a serialization
        error (40001), exactly like ir.sequence's no_gap (55P03); Odoo's RPC layer retries the
        whole request on both (odoo.service.model.check), so the agent only sees a short wait.
        Not logged as an error: a retried conflict is normal traffic.
        """
        self.env.cr.execute("""
            INSERT INTO hid_basvuru_counter (year, last, create_uid, create_date,
                                             write_uid, write_date)
            VALUES (%(year)s, 1, %(uid)s, now() at time zone 'UTC',
                    %(uid)s, now() at time zone 'UTC')
            ON CONFLICT (year) DO UPDATE SET last = hid_basvuru_counter.last + 1,
                write_uid = %(uid)s, write_date = now() at time zone 'UTC'
            RETURNING last
        """, {"year": year, "uid": self.env.uid}, log_exceptions=False)
        return self.env.cr.fetchone()[0]
