# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Registry numbers under real concurrency, retried as every RPC request is."""
import threading

from odoo import SUPERUSER_ID, api
from odoo.service import model as service_model
from odoo.tests.common import TransactionCase

WORKERS = 6


class TestParallelRegistration(TransactionCase):

    def _register_in_own_transaction(self, numbers, errors, barrier, rollback=False):
        """One clerk's save: its own connection and transaction, retried as a request is."""
        def save(dbname):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                partner = env.ref("base.main_partner")
                evrak = env["hid.evrak"].create({
                    "sender_id": partner.id, "subject": "Eşzamanlı kayıt",
                    "evrak_type": "resmi_yazi"})
                number = evrak.name
                if rollback:
                    cr.rollback()
            numbers.append(number)
        try:
            if barrier:
                barrier.wait(timeout=30)
            service_model.check(save)(self.env.cr.dbname)
        except Exception as error:  # reported by the test below, with its text
            errors.append(repr(error))

    def _cleanup(self, numbers):
        """The test committed for real: remove what it made and give the numbers back."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM hid_evrak WHERE name = ANY(%s)", (list(numbers),))
            for number in sorted(numbers, reverse=True):
                year, n = number.split("/")
                cr.execute("UPDATE hid_basvuru_counter SET last = %s WHERE year = %s "
                           "AND series = 'evrak' AND last = %s", (int(n) - 1, int(year), int(n)))

    def test_parallel_registrations_get_distinct_consecutive_numbers(self):
        numbers, errors = [], []
        barrier = threading.Barrier(WORKERS)
        threads = [threading.Thread(target=self._register_in_own_transaction,
                                    args=(numbers, errors, barrier))
                   for _i in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        try:
            self.assertFalse(errors, "every parallel save succeeds: %s" % errors)
            self.assertEqual(len(set(numbers)), WORKERS, "no duplicate number: %s" % numbers)
            values = sorted(int(n.split("/")[1]) for n in numbers)
            self.assertEqual(values, list(range(values[0], values[0] + WORKERS)),
                             "no gap between parallel saves: %s" % numbers)
        finally:
            self._cleanup(numbers)

    def test_rolled_back_registration_gives_its_number_back(self):
        first, second, errors = [], [], []
        self._register_in_own_transaction(first, errors, None, rollback=True)
        self._register_in_own_transaction(second, errors, None)
        try:
            self.assertFalse(errors, errors)
            self.assertEqual(first, second, "the number of a failed save is reused: no gap")
        finally:
            self._cleanup(second)

    def test_series_do_not_share_numbers(self):
        counter = self.env["hid.basvuru.counter"]
        a = counter._next(1999, "evrak")
        b = counter._next(1999)
        c = counter._next(1999, "evrak")
        self.assertEqual((a, b, c), (1, 1, 2), "each series counts on its own")
