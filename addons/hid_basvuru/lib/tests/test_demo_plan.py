# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import unittest

from stdnum.tr import tckimlik

from .. import demo_plan, phone


class TestDemoPlan(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.plan = demo_plan.build_plan(seed=2026, count=300)
        self.tickets = self.plan["tickets"]

    def test_seeded(self):
        self.assertEqual(demo_plan.build_plan(seed=2026, count=300), self.plan)
        self.assertNotEqual(demo_plan.build_plan(seed=7, count=300), self.plan)

    def test_shape(self):
        self.assertEqual(len(self.tickets), 300)
        closed = [t for t in self.tickets if t["outcome"] in ("closed", "sevk", "mukerrer")
                  and not t["reopen_reason"]]
        self.assertTrue(0.7 <= len(closed) / 300 <= 0.9, len(closed))
        self.assertTrue(any(t["reopen_reason"] for t in self.tickets))
        self.assertTrue(any(t["outcome"] == "sevk" for t in self.tickets))
        self.assertGreater(len({t["category"] for t in self.tickets}), 12)
        self.assertGreater(len({t["channel"] for t in self.tickets}), 8)
        self.assertGreater(len({t["mahalle"] for t in self.tickets}), 15)
        ages = [t["days_ago"] for t in self.tickets]
        self.assertEqual(ages, sorted(ages, reverse=True), "in the order of intake")
        self.assertLessEqual(max(ages), demo_plan.DAYS_BACK)
        self.assertGreater(max(ages), 150)
        self.assertTrue(any(t["days_ago"] > 30 and t["outcome"].startswith("open")
                            for t in self.tickets), "some overdue")

    def test_lifecycle_consistent(self):
        for ticket in self.tickets:
            if ticket["closure"] in ("cozuldu", "bilgi_verildi", "programa_alindi",
                                     "gerekceli_ret"):
                self.assertTrue(ticket["answer"], "these closures tell the citizen")
            if ticket["outcome"] == "mukerrer":
                original = self.tickets[ticket["duplicate_of"]]
                self.assertGreaterEqual(original["days_ago"], ticket["days_ago"])
                self.assertEqual(original["person"], ticket["person"])
            if ticket["outcome"] == "sevk":
                self.assertTrue(ticket["forward_to"])
            self.assertLessEqual(ticket["close_after"], max(ticket["days_ago"], 0) or 0)
            self.assertNotIn("{", ticket["description"])

    def test_citizens_valid_and_unique(self):
        people = self.plan["citizens"]
        mobiles = [phone.normalize_phone(p["mobile"]) for p in people]
        self.assertEqual(len(set(mobiles)), len(people))
        self.assertTrue(all(phone.is_mobile(m) for m in mobiles))
        tckns = [p["tckn"] for p in people if p["tckn"]]
        self.assertTrue(tckns)
        self.assertTrue(all(tckimlik.is_valid(t) for t in tckns))
        self.assertEqual(len({p["name"] for p in people}), len(people))
