# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The applicant's identity: who may see it, through every door of the ORM; duplicates as
the user sees them; identities given on public channels; the API key's hash."""
import json

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import new_user
from .common_ticket import HidTicketCase

IP = "203.0.113.9"
IDENTITY_FIELDS = ("partner_id", "partner_name", "partner_email", "public_phone",
                   "hid_possible_partner_id")


class IdentityCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ihbar = cls.env.ref("hid_basvuru.type_ihbar")
        cls.mahalle = cls.env.ref("hid_basvuru.mahalle_sarigazi")
        cls.mahalle2 = cls.env.ref("hid_basvuru.mahalle_yenidogan")
        evrak_group = "hid_evrak.group_hid_evrak_user"
        cls.restricted = [cls.fen_user, cls.fen_manager]
        if cls.env.ref(evrak_group, raise_if_not_found=False):
            cls.restricted.append(new_user(cls.env, "t.evrak", [evrak_group]))
        cls.confidential = cls.intake(
            cls, basvuru_type_id=cls.ihbar.id, partner_name="Fatma Yılmaz",
            partner_email="fatma@example.com", public_phone="+905321112233",
            mahalle_id=cls.mahalle.id)
        cls.named = cls.intake(cls, category_id=cls.cat_cop.id, mahalle_id=cls.mahalle2.id,
                               team_id=cls.fen.id)

    def refused(self, user, call):
        with self.assertRaises(AccessError, msg=user.login), mute_logger("odoo.models"):
            call()


class TestIdentityFields(IdentityCase):
    """Item 1: no read, search, order, group-by, export or name path for who may not."""

    def test_every_grouped_field_is_protected(self):
        protected = set(self.env["helpdesk.ticket"]._hid_protected_names())
        self.assertTrue(set(IDENTITY_FIELDS) <= protected, protected)
        self.assertIn("sms_ids", protected, "the SMS name the applicant's number")

    def test_restricted_roles_cannot_reach_the_applicant(self):
        citizen = self.citizen.id
        for user in self.restricted:
            Ticket = self.env["helpdesk.ticket"].sudo(user)
            tickets = Ticket.browse((self.confidential | self.named).ids)
            for fname in IDENTITY_FIELDS:
                self.refused(user, lambda: tickets.read([fname]))
                self.refused(user, lambda: Ticket.search([(fname, "!=", False)]))
                self.refused(user, lambda: Ticket.search([], order="%s desc" % fname))
                self.refused(user, lambda: Ticket.read_group([], [fname], [fname]))
                self.refused(user, lambda: Ticket.read_group([], ["number"], ["stage_id"],
                                                             orderby=fname))
                self.refused(user, lambda: tickets.export_data([fname]))
            for path in ("partner_id.name", "partner_id.mobile", "partner_id.tckn",
                         "duplicate_ids.partner_id", "sms_ids.to"):
                self.refused(user, lambda: Ticket.search([(path, "!=", False)]))
            self.refused(user, lambda: Ticket.read_group([("partner_id", "=", citizen)],
                                                         ["number"], ["stage_id"]))
            self.refused(user, lambda: Ticket.search_count([("partner_id", "=", citizen)]))
            self.refused(user, lambda: Ticket.name_search(
                "", args=[("partner_id", "=", citizen)]))
            self.refused(user, lambda: tickets.export_data(["partner_id/name"]))
            self.refused(user, lambda: tickets.export_data(["partner_id/mobile"]))
            self.refused(user, lambda: Ticket.search_read(
                [("id", "in", tickets.ids)], ["partner_id"]))
            # from the other side: the applications of a partner, the routing history
            Partner = self.env["res.partner"].sudo(user)
            self.refused(user, lambda: Partner.search(
                [("helpdesk_ticket_ids", "in", self.confidential.ids)]))
            self.refused(user, lambda: Partner.search([], order="helpdesk_ticket_ids"))
            self.refused(user, lambda: self.env["res.users"].sudo(user).search(
                [("helpdesk_ticket_ids", "!=", False)]))
            self.refused(user, lambda: self.env["hid.havale"].sudo(user).search(
                [("ticket_id.partner_id", "=", citizen)]))
            # what they may see still works
            self.assertEqual(Ticket.search([("id", "in", tickets.ids)]), tickets)
            self.assertEqual(tickets.sorted("id").mapped("applicant_summary"),
                             ["Confidential: identity hidden", "Fatma Yılmaz (100******46)"])
            groups = Ticket.read_group([("id", "in", tickets.ids)], ["team_id"], ["team_id"])
            self.assertEqual(groups[0]["team_id_count"], 2)

    def test_own_applications_leaf_stays_allowed(self):
        """The portal counts the user's own applications: that names nobody else."""
        Ticket = self.env["helpdesk.ticket"].sudo(self.fen_user)
        own = self.fen_user.partner_id.id
        self.assertEqual(Ticket.search_count([("partner_id", "child_of", own)]), 0)
        self.refused(self.fen_user, lambda: Ticket.search([("partner_id", "child_of",
                                                           self.citizen.id)]))

    def test_agent_reaches_the_applicant(self):
        for user in (self.agent, self.staff, self.director):
            Ticket = self.env["helpdesk.ticket"].sudo(user)
            found = Ticket.search([("partner_id.mobile", "=", "+905321112233")],
                                  order="partner_name, id")
            self.assertIn(self.confidential, found)
            groups = Ticket.read_group([("id", "in", found.ids)], ["partner_id"],
                                       ["partner_id"])
            self.assertEqual(groups[0]["partner_id"][0], self.citizen.id)
            rows = Ticket.browse(self.confidential.id).export_data(["partner_id/name"])
            self.assertEqual(rows["datas"], [["Fatma Yılmaz"]])
            self.assertIn(self.confidential,
                          self.env["res.partner"].sudo(user).browse(
                              self.citizen.id).helpdesk_ticket_ids)


class TestPossibleDuplicates(IdentityCase):
    """Item 2: computed as the user; a confidential case is nobody's duplicate for who may
    not see its applicant, and "same citizen" matches are for the directorate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # same category and mahalle as `named`, another citizen: a match anyone may see
        other = cls.env["res.partner"].create({"name": "Ali Veli", "hid_citizen": True,
                                               "mobile": "0533 222 33 44"})
        cls.neighbour = cls.intake(cls, partner_id=other.id, category_id=cls.cat_cop.id,
                                   mahalle_id=cls.mahalle2.id, team_id=cls.fen.id)

    def duplicates(self, user, ticket):
        return ticket.sudo(user).possible_duplicate_ids

    def test_directorate_sees_every_match(self):
        dups = self.duplicates(self.agent, self.named)
        self.assertIn(self.confidential, dups, "same citizen")
        self.assertIn(self.neighbour, dups, "same subject, same mahalle")
        self.assertIn(self.named, self.duplicates(self.agent, self.confidential))

    def test_restricted_roles_never_link_the_confidential_case(self):
        for user in self.restricted:
            dups = self.duplicates(user, self.named)
            self.assertNotIn(self.confidential, dups, user.login)
            self.assertIn(self.neighbour, dups, "a match that names nobody is still shown")
            self.assertFalse(self.duplicates(user, self.confidential),
                             "a confidential case links to no one for %s" % user.login)

    def test_no_same_citizen_match_below_the_directorate(self):
        """Two named applications of one citizen, nothing else in common."""
        third = self.intake(category_id=self.cat_cukur.id, mahalle_id=self.mahalle.id,
                            team_id=self.fen.id)
        self.assertIn(self.named, self.duplicates(self.agent, third))
        for user in self.restricted:
            self.assertNotIn(self.named, self.duplicates(user, third), user.login)


class TestPublicIdentity(IdentityCase):
    """Item 3: a known number given on a public channel is flagged, an agent confirms."""

    def form(self, **values):
        data = {"basvuru_type_id": str(self.talep.id), "category_id": str(self.cat_cukur.id),
                "mahalle_id": str(self.mahalle.id), "description": "Çukur var.",
                "name": "Biri Başkası", "phone": "0532 111 22 33", "kvkk": "1"}
        data.update(values)
        return data

    def public_ticket(self):
        Ticket = self.env["helpdesk.ticket"].sudo(self.env.ref("base.public_user"))
        receipt = Ticket._hid_public_intake(self.form(), [], IP)
        return self.env["helpdesk.ticket"].search([("number", "=", receipt["number"])])

    def test_web_form_flags_and_agent_confirms(self):
        ticket = self.public_ticket()
        given = ticket.partner_id
        self.assertEqual(ticket.hid_possible_partner_id, self.citizen)
        self.assertNotEqual(given, self.citizen, "not filed under the known citizen")
        self.assertEqual(given.name, "Biri Başkası")
        Agent = self.env["helpdesk.ticket"].sudo(self.agent)
        self.assertIn(ticket, Agent.search([("hid_possible_partner_id", "!=", False)]),
                      "the agents' filter Identity to Confirm")
        status = self.env["helpdesk.ticket"]._hid_public_status(
            ticket.number, "0532 111 22 33", IP)
        self.assertEqual(status["number"], ticket.number, "status page: the phone as given")
        for user in self.restricted:
            self.refused(user, lambda: ticket.sudo(user).action_hid_confirm_identity())
            self.refused(user, lambda: ticket.sudo(user).action_hid_reject_identity())
        ticket.sudo(self.agent).action_hid_confirm_identity()
        self.assertEqual(ticket.partner_id, self.citizen, "filed under them once confirmed")
        self.assertFalse(ticket.hid_possible_partner_id)
        self.assertFalse(given.active, "the identity as given, now unused, is archived")
        self.assertIn("Identity confirmed", ticket.message_ids[0].body)

    def test_confirmation_shown_to_agents_only(self):
        view = self.env.ref("hid_basvuru.hid_ticket_view_form").id
        for user, shown in ((self.agent, True), (self.fen_user, False),
                            (self.fen_manager, False)):
            arch = self.env["helpdesk.ticket"].sudo(user).fields_view_get(view, "form")["arch"]
            self.assertEqual("action_hid_confirm_identity" in arch, shown, user.login)
            self.assertEqual("hid_possible_partner_id" in arch, shown, user.login)

    def test_applicant_shown_once(self):
        """The directorate sees the citizen field, a müdürlük the summary: never both (the
        form said "Başvuru Sahibi" twice)."""
        view = self.env.ref("hid_basvuru.hid_ticket_view_form").id
        for user, agent in ((self.agent, True), (self.staff, True), (self.fen_user, False)):
            arch = etree.fromstring(self.env["helpdesk.ticket"].sudo(user).fields_view_get(
                view, "form")["arch"])

            def shown(name):
                nodes = arch.xpath("//group[@name='applicant']/field[@name='%s']" % name)
                return bool(nodes) and not json.loads(nodes[0].get("modifiers", "{}")).get(
                    "invisible")
            self.assertEqual(shown("applicant_summary"), not agent, user.login)
            self.assertEqual(shown("partner_id"), agent, user.login)

    def test_agent_rejects_the_match(self):
        ticket = self.public_ticket()
        given = ticket.partner_id
        ticket.sudo(self.agent).action_hid_reject_identity()
        self.assertEqual(ticket.partner_id, given)
        self.assertFalse(ticket.hid_possible_partner_id)
        self.assertTrue(given.active)

    def test_open311_flags_never_merges(self):
        key = self.env["hid.api.key"].create({"name": "Uygulama"})
        result = self.env["hid.open311"].create_request({
            "api_key": key._generate_key(), "service_code": str(self.cat_cukur.id),
            "lat": "40.99", "long": "29.21", "description": "Çukur",
            "first_name": "Sahte", "last_name": "Kişi", "phone": "0532 111 22 33"})
        ticket = self.env["helpdesk.ticket"].search(
            [("number", "=", result[0]["service_request_id"])])
        self.assertNotEqual(ticket.partner_id, self.citizen)
        self.assertEqual(ticket.hid_possible_partner_id, self.citizen)
        self.assertEqual((ticket.partner_name, ticket.public_phone),
                         ("Sahte Kişi", "+905321112233"))
        self.assertEqual(self.citizen.name, "Fatma Yılmaz")


class TestApiKeyHash(HidTicketCase):
    """Item 4: the hash is the server's: no role reaches it through any door."""

    def test_no_role_reaches_the_hash(self):
        key = self.env["hid.api.key"].create({"name": "Uygulama"})
        secret = key._generate_key()
        Key = self.env["hid.api.key"].sudo(self.director)
        for call in (
                lambda: Key.browse(key.id).read(["key_hash"]),
                lambda: Key.read_group([], ["key_hash"], ["key_hash"]),
                lambda: Key.read_group([], ["name"], ["name"], orderby="key_hash"),
                lambda: Key.search([("key_hash", "!=", False)]),
                lambda: Key.search([], order="key_hash"),
                lambda: Key.browse(key.id).export_data(["key_hash"]),
                lambda: Key.create({"name": "x", "key_hash": "0" * 64}),
                lambda: Key.with_context(default_key_hash="0" * 64).create({"name": "y"}),
                lambda: Key.browse(key.id).write({"key_hash": "0" * 64}),
        ):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                call()
        self.assertEqual(Key.search([("name", "=", "Uygulama")]), key, "the rest works")
        self.assertEqual(Key.read_group([("id", "=", key.id)], ["name"], ["name"])[0]
                         ["name_count"], 1)
        self.assertEqual(self.env["hid.api.key"]._authenticate(secret), key)
