# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Registry numbers (2026/000123) under real concurrency, retried as every RPC request is."""
from odoo.addons.hid_basvuru.tests import common_numbering


class TestParallelRegistration(common_numbering.ParallelNumberingCase):

    table, column, series, separator = "hid_evrak", "name", "evrak", "/"

    def _make_record(self, env):
        return env["hid.evrak"].create({
            "sender_id": env.ref("base.main_partner").id, "subject": "Eşzamanlı kayıt",
            "evrak_type": "resmi_yazi"}).name

    def test_series_do_not_share_numbers(self):
        counter = self.env["hid.basvuru.counter"]
        a = counter._next(1999, "evrak")
        b = counter._next(1999)
        c = counter._next(1999, "evrak")
        self.assertEqual((a, b, c), (1, 1, 2), "each series counts on its own")
