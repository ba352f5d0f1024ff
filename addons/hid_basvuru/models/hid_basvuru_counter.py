# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import psycopg2
from psycopg2 import errorcodes

from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
    # The last number given before the numbers moved to hid_basvuru_number (their seed);
    # _next no longer updates it (an UPDATE is what made concurrent saves fail).
    last = fields.Integer(
        required=True,
        readonly=True,
    )

    _sql_constraints = [
        # the key keeps its old name so that an upgrade replaces the old unique(year)
        ("year_uniq", "unique(series, year)", "One counter per series and year."),
    ]

    # Retries on numbers taken by concurrent saves that committed first, before giving up.
    _HID_MAX_TAKEN = 1000
    # How long a save waits for a concurrent save holding the number it wants.
    _HID_WAIT = "30s"

    def init(self):
        """The numbers given, one row each: the primary key is what makes concurrent saves
        wait for each other instead of failing (see _next). Seeded once from the counters."""
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS hid_basvuru_number (
                series varchar NOT NULL,
                year integer NOT NULL,
                seq integer NOT NULL,
                PRIMARY KEY (series, year, seq)
            )
        """)
        self.env.cr.execute("""
            INSERT INTO hid_basvuru_number (series, year, seq)
            SELECT series, year, last FROM hid_basvuru_counter WHERE last > 0
            ON CONFLICT DO NOTHING
        """)

    @api.model
    def _next(self, year, series="basvuru"):
        """Take the next number of `series` in `year` inside the caller's transaction.

        Gap-free and without serialization failures under REPEATABLE READ: the number is
        INSERTed as a row (series, year, seq) whose primary key is unique, seq = the last one
        this transaction sees + 1, inside a savepoint.
        - A concurrent save that committed that number first: unique_violation (a plain
          INSERT checks the index, not the snapshot): take the next one.
        - A concurrent save that holds it uncommitted: PostgreSQL makes this INSERT wait for
          it; it commits (unique_violation: the next one) or rolls back (this save gets the
          number: no gap).
        Nothing is ever UPDATEd, so no "could not serialize access due to concurrent update".
        A save that waits longer than _HID_WAIT, or finds more than _HID_MAX_TAKEN numbers
        taken, is refused with a Turkish message (nothing saved; saving again works).
        """
        cr = self.env.cr
        cr.execute("SELECT coalesce(max(seq), 0) FROM hid_basvuru_number "
                   "WHERE series = %s AND year = %s", (series, year))
        seq = cr.fetchone()[0] + 1
        cr.execute("SHOW lock_timeout")
        previous_timeout = cr.fetchone()[0]
        cr.execute("SET LOCAL lock_timeout = %s", (self._HID_WAIT,))
        try:
            for _attempt in range(self._HID_MAX_TAKEN):
                try:
                    with cr.savepoint():
                        cr.execute("INSERT INTO hid_basvuru_number (series, year, seq) "
                                   "VALUES (%s, %s, %s)", (series, year, seq),
                                   log_exceptions=False)
                    return seq
                except psycopg2.IntegrityError as error:
                    if error.pgcode != errorcodes.UNIQUE_VIOLATION:
                        raise
                    seq += 1
                except psycopg2.OperationalError as error:
                    if error.pgcode != errorcodes.LOCK_NOT_AVAILABLE:
                        raise
                    break
        finally:
            cr.execute("SET LOCAL lock_timeout = %s", (previous_timeout,))
        raise UserError(_("Too many records are being saved at this moment and no number "
                          "could be given to this one. Nothing was saved: please save again."))
