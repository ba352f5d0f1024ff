# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The cached company expansion of record rules and the cached group checks answer what
Odoo's own code answers, and follow a change of the company tree or of a user's groups."""
from odoo.tests.common import SavepointCase

from .common import new_user

G = "hid_basvuru.group_hid_%s"


class TestRuleCache(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main = cls.env.ref("base.main_company")
        cls.staff = new_user(cls.env, "t.rulecache.staff", [G % "staff"])

    def _tag_ids(self, user, companies):
        """Ids of the application tags of `companies` that `user` may read."""
        return set(self.env["helpdesk.ticket.tag"].sudo(user).search(
            [("company_id", "in", companies.ids)]).ids)

    def test_child_company_follows_the_tree(self):
        Tag = self.env["helpdesk.ticket.tag"]
        Rule = self.env["ir.rule"].sudo(self.staff)
        self.assertNotIn("child_of", str(Rule._compute_domain("helpdesk.ticket.tag", "read")),
                         "the company rule is expanded in the cached domain")
        self.assertTrue(self.env["ir.rule"].search([
            ("model_id.model", "=", "helpdesk.ticket.tag"), ("domain_force", "like", "child_of")]),
            "Odoo's own rule says child_of")
        sub = self.env["res.company"].create({"name": "Sancaktepe İştirak",
                                              "parent_id": self.main.id})
        mine = Tag.create({"name": "İştirak etiketi", "company_id": sub.id})
        self.assertIn(mine.id, self._tag_ids(self.staff, sub),
                      "a company created under the user's is seen (the cache was emptied)")
        other = self.env["res.company"].create({"name": "Başka Belediye"})
        theirs = Tag.create({"name": "Başka etiket", "company_id": other.id})
        self.assertNotIn(theirs.id, self._tag_ids(self.staff, other))
        other.parent_id = self.main
        self.assertIn(theirs.id, self._tag_ids(self.staff, other),
                      "moved under the user's company: seen at once")
        other.parent_id = False
        self.assertNotIn(theirs.id, self._tag_ids(self.staff, other),
                         "moved out again: hidden at once")

    def test_group_checks_follow_membership(self):
        Ticket = self.env["helpdesk.ticket"].sudo(self.staff)
        director = G % "director"
        self.assertFalse(Ticket.user_has_groups(director))
        self.staff.groups_id = [(4, self.env.ref(director).id)]
        self.assertTrue(Ticket.user_has_groups(director), "a new group counts at once")
        self.assertTrue(Ticket.user_has_groups("%s,!base.group_portal" % director))
        self.assertFalse(Ticket.user_has_groups("!%s" % director))
        self.staff.groups_id = [(3, self.env.ref(director).id)]
        self.assertFalse(Ticket.user_has_groups(director), "and a removed one at once")
