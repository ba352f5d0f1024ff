# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who searched for a T.C. identity no.: one row per search call, the value never clear."""
from odoo.exceptions import AccessError

from .common import KvkkCase

LOG = "hid.kvkk.access.log"
TCKN = "10000000146"      # the citizen's
NOBODY = "10000000214"    # a valid number nobody has


class TestSearchLog(KvkkCase):

    def count(self):
        self.env.cr.execute("SELECT count(*) FROM hid_kvkk_access_log")
        return self.env.cr.fetchone()[0]

    def searches(self, user):
        return self.env[LOG].sudo().search([("user_id", "=", user.id),
                                            ("kind", "=", "tckn_search")])

    def test_domain_search_is_logged_once_masked(self):
        self.assertEqual(self.citizen.sudo().tckn, TCKN)
        before = self.count()
        found = self.env["res.partner"].sudo(self.agent).search([("tckn", "=", TCKN)])
        self.assertEqual(found, self.citizen)
        self.assertEqual(self.count(), before + 1, "one row per search call")
        log = self.searches(self.agent)
        self.assertEqual(len(log), 1)
        self.assertEqual((log.model, log.res_ids, log.value),
                         ("res.partner", str(self.citizen.id), "100******46"))
        self.assertNotIn(TCKN, log.value_hash or "")
        self.assertEqual(log.value_hash, self.env[LOG]._hid_kvkk_value_hash(TCKN))
        self.assertTrue(log.date)

    def test_search_finding_nobody_is_logged(self):
        Partner = self.env["res.partner"].sudo(self.agent)
        self.assertFalse(Partner.search([("tckn", "=", NOBODY)]))
        self.assertEqual(Partner.search_count([("tckn", "in", [NOBODY, TCKN])]), 1)
        logs = self.searches(self.agent).sorted("id")
        self.assertEqual(logs.mapped("res_ids"), [False, str(self.citizen.id)])
        self.assertEqual(logs[1].value, "100******14, 100******46")

    def test_name_search_read_group_and_paths(self):
        Partner = self.env["res.partner"].sudo(self.agent)
        result = Partner.name_search(TCKN)
        self.assertEqual([r[0] for r in result], [self.citizen.id])
        log = self.searches(self.agent)
        self.assertEqual((len(log), log.res_ids), (1, str(self.citizen.id)))
        # search_read and read_group with the number.
        Partner.search_read([("tckn", "=", TCKN)], ["name"])
        Partner.read_group([("tckn", "=", TCKN)], ["name", "hid_citizen"], ["hid_citizen"])
        self.assertEqual(len(self.searches(self.agent)), 3)
        # An application searched through its applicant's number: one row, the tickets.
        ticket = self.intake()
        Ticket = self.env["helpdesk.ticket"].sudo(self.agent)
        self.assertEqual(Ticket.search([("partner_id.tckn", "=", TCKN)]), ticket)
        log = self.searches(self.agent).sorted("id")[-1]
        self.assertEqual(len(self.searches(self.agent)), 4, "the sub-search is not logged")
        self.assertEqual((log.model, log.res_ids), ("helpdesk.ticket", str(ticket.id)))

    def test_mudurluk_user_cannot_search_by_tckn(self):
        """A directorate's user may not search on the number at all (hid_basvuru's
        protected fields): refused, nothing learned, nothing logged; a number typed in a
        name search is not taken as a TCKN for them."""
        before = self.count()
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).search(
                [("partner_id.tckn", "=", TCKN)])
        self.env["res.partner"].sudo(self.fen_user).name_search(TCKN)
        self.assertEqual(self.count(), before)

    def test_applicant_many2one_search_by_tckn(self):
        """Staff typing the number in the application list's applicant filter:
        the many2one goes through the partner's name_search, logged once."""
        ticket = self.intake()
        found = self.env["helpdesk.ticket"].sudo(self.staff).search(
            [("partner_id", "ilike", TCKN)])
        self.assertEqual(found, ticket)
        log = self.searches(self.staff)
        self.assertEqual((len(log), log.model, log.res_ids),
                         (1, "res.partner", str(self.citizen.id)))

    def test_other_searches_and_the_system_are_not_logged(self):
        before = self.count()
        Partner = self.env["res.partner"].sudo(self.agent)
        Partner.search([("name", "ilike", "Fatma")])
        Partner.name_search("Fatma")
        Partner.name_search("0533 999 88 77")
        Partner.read_group([("name", "ilike", "a")], ["name", "hid_citizen"], ["hid_citizen"])
        self.env["res.partner"].sudo().search([("tckn", "=", TCKN)])
        self.env["res.partner"].sudo().name_search(TCKN)
        self.assertEqual(self.count(), before)

    def test_search_rows_are_append_only(self):
        self.env["res.partner"].sudo(self.agent).search([("tckn", "=", TCKN)])
        log = self.searches(self.agent)
        with self.assertRaises(Exception):
            log.sudo().write({"value": "x"})
