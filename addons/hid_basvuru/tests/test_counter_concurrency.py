# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The counter under PostgreSQL's REPEATABLE READ (Odoo's isolation), step by step with two
real transactions: a save that wants a number another save holds waits for it, then gets
that number if the other rolls back (no gap) or the next one if it commits (no
serialization failure), even though its snapshot predates the other's commit."""
import threading
import time
from unittest import mock

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase

SERIES, YEAR = "test.wait", 1901


class TestCounterWaits(TransactionCase):

    def setUp(self):
        super().setUp()
        self.cursors = []
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        for cr in self.cursors:
            cr.rollback()
            cr.close()
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM hid_basvuru_number WHERE series = %s", (SERIES,))

    def _env(self):
        cr = self.registry.cursor()
        self.cursors.append(cr)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _isolation(self, env):
        env.cr.execute("SHOW transaction_isolation")
        return env.cr.fetchone()[0]

    def _next_in_thread(self, env, result):
        def take():
            with api.Environment.manage():
                try:
                    result.append(env["hid.basvuru.counter"]._next(YEAR, SERIES))
                except Exception as error:   # reported by the test
                    result.append(repr(error))
        thread = threading.Thread(target=take)
        thread.start()
        return thread

    def _two_saves(self):
        first, second = self._env(), self._env()
        # the second save's snapshot is taken now, before the first one does anything
        second.cr.execute("SELECT count(*) FROM hid_basvuru_number WHERE series = %s",
                          (SERIES,))
        self.assertEqual(self._isolation(second), "repeatable read")
        self.assertEqual(first["hid.basvuru.counter"]._next(YEAR, SERIES), 1)
        result = []
        thread = self._next_in_thread(second, result)
        time.sleep(0.5)
        self.assertTrue(thread.is_alive(), "the second save waits for the first one")
        self.assertEqual(result, [])
        return first, second, thread, result

    def test_waits_then_takes_the_number_given_back(self):
        first, second, thread, result = self._two_saves()
        first.cr.rollback()
        thread.join(10)
        self.assertEqual(result, [1], "the first save rolled back: its number is reused")

    def test_waits_then_takes_the_next_number(self):
        first, second, thread, result = self._two_saves()
        first.cr.commit()
        thread.join(10)
        self.assertEqual(result, [2], "the first save committed: the next number, no "
                                      "serialization failure although the snapshot is older")
        second.cr.commit()
        self.assertEqual(self._env()["hid.basvuru.counter"]._next(YEAR, SERIES), 3)

    def test_a_save_that_waits_too_long_is_refused_in_turkish_terms(self):
        first, second = self._env(), self._env()
        first["hid.basvuru.counter"]._next(YEAR, SERIES)
        Counter = type(second["hid.basvuru.counter"])
        with mock.patch.object(Counter, "_HID_WAIT", "300ms"):
            result = []
            self._next_in_thread(second, result).join(10)
        self.assertEqual(len(result), 1)
        self.assertIn("UserError", result[0], "a clear message, not a database error")
        # In the user's language: Turkish once tr.po is loaded, the source text otherwise.
        self.assertTrue(any(text in result[0] for text in (
            "lütfen yeniden kaydedin", "please save again")), result[0])
        second.cr.execute("SHOW lock_timeout")
        self.assertNotEqual(second.cr.fetchone()[0], "300ms", "the wait limit is put back")
