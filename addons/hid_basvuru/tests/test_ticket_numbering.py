# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Tracking numbers under real concurrency: several connections, real commits, and Odoo's own
retry of serialization conflicts (odoo.service.model.check), as every RPC request gets."""
import threading

from odoo import SUPERUSER_ID, api
from odoo.service import model as service_model
from odoo.tests.common import TransactionCase

WORKERS = 6


class TestParallelNumbering(TransactionCase):

    def _create_in_own_transaction(self, numbers, errors, barrier, rollback=False):
        """One agent's save: its own connection and transaction, retried as a request is."""
        def save(dbname):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                ticket = env["helpdesk.ticket"].create({
                    "name": "Eşzamanlı kayıt", "description": "x", "anonymous": True})
                number = ticket.number
                if rollback:
                    cr.rollback()
            numbers.append(number)  # only once the transaction is over (commit or rollback)
        try:
            if barrier:
                barrier.wait(timeout=30)
            service_model.check(save)(self.env.cr.dbname)
        except Exception as error:  # reported by the test below, with its text
            errors.append(repr(error))

    def _cleanup(self, numbers):
        """The test committed for real: remove what it made and give the numbers back."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM helpdesk_ticket WHERE number = ANY(%s)", (list(numbers),))
            for number in sorted(numbers, reverse=True):
                year, n = number.split("-")
                cr.execute("UPDATE hid_basvuru_counter SET last = %s WHERE year = %s "
                           "AND series = 'basvuru' AND last = %s", (int(n) - 1, int(year), int(n)))

    def test_parallel_intakes_get_distinct_consecutive_numbers(self):
        numbers, errors = [], []
        barrier = threading.Barrier(WORKERS)
        threads = [threading.Thread(target=self._create_in_own_transaction,
                                    args=(numbers, errors, barrier))
                   for _i in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        try:
            self.assertFalse(errors, "every parallel save succeeds: %s" % errors)
            self.assertEqual(len(set(numbers)), WORKERS, "no duplicate number: %s" % numbers)
            values = sorted(int(n.split("-")[1]) for n in numbers)
            self.assertEqual(values, list(range(values[0], values[0] + WORKERS)),
                             "no gap between parallel saves: %s" % numbers)
        finally:
            self._cleanup(numbers)

    def test_rolled_back_intake_gives_its_number_back(self):
        first, second, errors = [], [], []
        self._create_in_own_transaction(first, errors, None, rollback=True)
        self._create_in_own_transaction(second, errors, None)
        try:
            self.assertFalse(errors, errors)
            self.assertEqual(first, second, "the number of a failed save is reused: no gap")
        finally:
            self._cleanup(second)
