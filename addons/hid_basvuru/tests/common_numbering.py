# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Gap-free numbers under real concurrency: several connections, real commits, and Odoo's own
retry of serialization conflicts (odoo.service.model.check), as every RPC request gets.

A numbered model's test subclasses ParallelNumberingCase and says how to make one record and
where its number lives; the two tests come with the base class. Import this module, not the
class, so that test runners do not collect the base class itself."""
import threading

from odoo import SUPERUSER_ID, api
from odoo.service import model as service_model
from odoo.tests.common import TransactionCase

WORKERS = 6


class ParallelNumberingCase(TransactionCase):

    table = None        # the numbered model's table
    column = None       # its number column
    series = None       # hid.basvuru.counter series
    separator = None    # between year and number: "2026-000123", "2026/000123"

    def _make_record(self, env):
        """Create one numbered record in `env` and return its number."""
        raise NotImplementedError

    def _save_in_own_transaction(self, numbers, errors, barrier, rollback=False):
        """One user's save: its own connection and transaction, retried as a request is."""
        def save(dbname):
            with api.Environment.manage(), self.registry.cursor() as cr:
                number = self._make_record(
                    api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True}))
                if rollback:
                    cr.rollback()
            numbers.append(number)  # only once the transaction is over (commit or rollback)
        try:
            if barrier:
                barrier.wait(timeout=30)
            service_model.check(save)(self.env.cr.dbname)
        except Exception as error:  # reported by the tests below, with its text
            errors.append(repr(error))

    def _cleanup(self, numbers):
        """The test committed for real: remove what it made and give the numbers back."""
        with self.registry.cursor() as cr:
            # Table and column are class constants of the test, not input.
            cr.execute("DELETE FROM %s WHERE %s = ANY(%%s)" % (self.table, self.column),
                       (list(numbers),))
            for number in sorted(numbers, reverse=True):
                year, n = number.split(self.separator)
                cr.execute("UPDATE hid_basvuru_counter SET last = %s WHERE year = %s "
                           "AND series = %s AND last = %s",
                           (int(n) - 1, int(year), self.series, int(n)))
                cr.execute("DELETE FROM hid_basvuru_number WHERE year = %s AND series = %s "
                           "AND seq = %s", (int(year), self.series, int(n)))

    def test_parallel_saves_get_distinct_consecutive_numbers(self):
        numbers, errors = [], []
        barrier = threading.Barrier(WORKERS)
        threads = [threading.Thread(target=self._save_in_own_transaction,
                                    args=(numbers, errors, barrier))
                   for _i in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        try:
            self.assertFalse(errors, "every parallel save succeeds: %s" % errors)
            self.assertEqual(len(set(numbers)), WORKERS, "no duplicate number: %s" % numbers)
            values = sorted(int(n.split(self.separator)[1]) for n in numbers)
            self.assertEqual(values, list(range(values[0], values[0] + WORKERS)),
                             "no gap between parallel saves: %s" % numbers)
        finally:
            self._cleanup(numbers)

    def test_rolled_back_save_gives_its_number_back(self):
        first, second, errors = [], [], []
        self._save_in_own_transaction(first, errors, None, rollback=True)
        self._save_in_own_transaction(second, errors, None)
        try:
            self.assertFalse(errors, errors)
            self.assertEqual(first, second, "the number of a failed save is reused: no gap")
        finally:
            self._cleanup(second)
