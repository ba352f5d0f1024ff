# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from ..lib import phone as phone_lib
from ..lib import tckn as tckn_lib
from ..lib.exceptions import HidLibError
from .common import new_user

G = "hid_basvuru.group_hid_%s"
# Valid T.C. kimlik numbers (check digits correct), made up for the tests.
TCKN_A = "10000000146"
TCKN_B = "12345678950"
TCKN_C = "11111111110"
MOBILE = "+905321234567"


class TestResPartnerCitizen(SavepointCase):
    """The citizen rules, as the roles that register, route and answer applications."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.director = new_user(cls.env, "t.p.director", [G % "director"])
        cls.agent = new_user(cls.env, "t.p.agent", [G % "agent"])
        cls.fen_user = new_user(cls.env, "t.p.fen.user", [G % "mudurluk_user"])
        cls.Partner = cls.env["res.partner"]
        cls.mahalle = cls.env.ref("hid_basvuru.mahalle_sarigazi")
        cls.citizen = cls.Partner.create({
            "name": "Ayşe Yılmaz",
            "hid_citizen": True,
            "tckn": TCKN_A,
            "mobile": "0532 123 45 67",
            "phone": "+90 (216) 555 12 12",
            "mahalle_id": cls.mahalle.id,
        })
        cls.company = cls.Partner.create({"name": "Sancaktepe Esnaf Derneği",
                                          "is_company": True, "phone": "0216 555 12 12"})
        cls.employee = cls.Partner.create({"name": "Memur Ali", "tckn": TCKN_B})

    # ------------------------------------------------------------------
    # Normalisation
    # ------------------------------------------------------------------

    def test_phone_formats_normalised(self):
        self.assertEqual(self.citizen.mobile, MOBILE, "national format with spaces -> E.164")
        self.assertEqual(self.citizen.phone, "+902165551212", "+90 (216) ... -> E.164")
        for typed in ("5321234567", "0532 123 45 67", "+90 532 123 4567", "0 (532) 123-45-67"):
            self.citizen.write({"mobile": typed})
            self.assertEqual(self.citizen.mobile, MOBILE, "%r is stored as E.164" % typed)

    def test_tckn_normalised(self):
        partner = self.Partner.create({"name": "Can", "hid_citizen": True,
                                       "tckn": " 111 111 111-10 "})
        self.assertEqual(partner.tckn, TCKN_C, "separators typed by people are removed")

    def test_citizen_from_context_default(self):
        """The Citizens menu creates with default_hid_citizen: the rules apply as well."""
        partner = self.Partner.with_context(default_hid_citizen=True).create(
            {"name": "Menüden", "mobile": "0533 111 22 33"})
        self.assertTrue(partner.hid_citizen)
        self.assertEqual(partner.mobile, "+905331112233")

    def test_non_citizen_untouched(self):
        self.assertEqual(self.company.phone, "0216 555 12 12",
                         "a non-citizen's phone is kept as typed (core behaviour)")
        self.company.write({"mobile": "not a number"})
        self.assertEqual(self.company.mobile, "not a number",
                         "no validation for non-citizens")

    def test_becoming_citizen_normalises_stored_values(self):
        partner = self.Partner.create({"name": "Sonradan", "mobile": "0532 999 88 77"})
        partner.write({"hid_citizen": True})
        self.assertEqual(partner.mobile, "+905329998877",
                         "a partner turned citizen has its stored phone normalised")

    def test_mixed_write(self):
        (self.citizen | self.company).write({"phone": "0216 444 00 00"})
        self.assertEqual(self.citizen.phone, "+902164440000", "the citizen is normalised")
        self.assertEqual(self.company.phone, "0216 444 00 00", "the company is not")

    def test_empty_values_are_false(self):
        self.citizen.write({"phone": "", "mobile": False})
        self.assertFalse(self.citizen.phone)
        self.assertFalse(self.citizen.mobile)

    # ------------------------------------------------------------------
    # Invalid input
    # ------------------------------------------------------------------

    def test_invalid_phone_refused_nothing_saved(self):
        with self.assertRaises(ValidationError) as ctx:
            self.citizen.write({"name": "Değişti", "mobile": "0532 12"})
        message = ctx.exception.name
        self.assertIn("Mobile", message, "the message names the field")
        self.assertIn("0532 12", message, "the message quotes the typed value")
        self.citizen.invalidate_cache()
        self.assertEqual(self.citizen.name, "Ayşe Yılmaz", "nothing saved, not even the name")
        self.assertEqual(self.citizen.mobile, MOBILE, "the stored mobile is unchanged")
        with self.assertRaises(ValidationError) as ctx:
            self.Partner.create({"name": "X", "hid_citizen": True, "phone": "abc 123"})
        self.assertIn("Phone", ctx.exception.name)
        self.assertIn("letters", ctx.exception.name)

    def test_invalid_tckn_refused_nothing_saved(self):
        with self.assertRaises(ValidationError) as ctx:
            self.citizen.write({"tckn": "12345678901", "mobile": "0533 000 00 00"})
        self.assertIn("T.C. Identity No.", ctx.exception.name, "the message names the field")
        self.assertIn("check digits", ctx.exception.name)
        self.assertNotIn("12345678901", ctx.exception.name, "KVKK: the number is not repeated")
        self.citizen.invalidate_cache()
        self.assertEqual(self.citizen.tckn, TCKN_A, "the stored TCKN is unchanged")
        self.assertEqual(self.citizen.mobile, MOBILE, "the other field was not saved either")
        count = self.Partner.search_count([])
        with self.assertRaises(ValidationError):
            self.Partner.create({"name": "Y", "hid_citizen": True, "tckn": "0123"})
        self.assertEqual(self.Partner.search_count([]), count, "no partner created")

    def test_error_message_translated(self):
        self.env["res.lang"].load_lang("tr_TR")
        self.env["ir.translation"].create({
            "type": "code", "name": "addons/hid_basvuru/models/res_partner.py",
            "lang": "tr_TR", "module": "hid_basvuru",
            "src": '"%(raw)s" is not a valid phone number: too short.',
            "value": '"%(raw)s" geçerli bir telefon numarası değil: çok kısa.',
            "state": "translated",
        })
        with self.assertRaises(ValidationError) as ctx:
            self.citizen.with_context(lang="tr_TR").write({"mobile": "0532 12"})
        self.assertIn("çok kısa", ctx.exception.name, "the lib's message is translated")

    def test_every_lib_message_mapped(self):
        """Each lib error has a literal _() twin, otherwise it would not be translatable."""
        known = self.Partner._hid_lib_messages()
        raised = set()
        for value in ("abc", "0532 12", "0532 123 45 67 89 01", "999", "+1"):
            try:
                phone_lib.normalize_phone(value)
            except HidLibError as error:
                raised.add(error.message)
        for value in ("123", "12345678901", "01234567890", "1234567890a"):
            try:
                tckn_lib.normalize_tckn(value)
            except HidLibError as error:
                raised.add(error.message)
        self.assertTrue(len(raised) >= 6, "the inputs above reach most lib errors")
        self.assertFalse(raised - set(known), "lib messages without a translatable twin")
        templates = set(phone_lib._LENGTH_MESSAGES.values()) | {
            phone_lib.MSG_INVALID, phone_lib.MSG_LETTERS}
        self.assertFalse(templates - set(known), "phone templates without a twin")

    def test_tckn_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.Partner.create({"name": "İkiz", "hid_citizen": True, "tckn": TCKN_A})
        # NULLs allowed: many citizens without a TCKN.
        self.Partner.create({"name": "Kimliksiz 1", "hid_citizen": True})
        self.Partner.create({"name": "Kimliksiz 2", "hid_citizen": True})

    def test_tckn_not_copied(self):
        copy = self.citizen.copy()
        self.assertFalse(copy.tckn, "a copy does not duplicate the identity number")

    def test_kvkk_notice_dated(self):
        self.citizen.write({"kvkk_notice_given": True})
        self.assertTrue(self.citizen.kvkk_notice_date, "ticking the notice dates it")
        given = "2026-01-05 10:00:00"
        partner = self.Partner.create({"name": "K", "hid_citizen": True,
                                       "kvkk_notice_given": True, "kvkk_notice_date": given})
        self.assertEqual(partner.kvkk_notice_date, given, "a given date is kept")

    # ------------------------------------------------------------------
    # Name search
    # ------------------------------------------------------------------

    def _name_search_ids(self, user, name, **kwargs):
        return [i for i, _n in self.Partner.sudo(user).name_search(name, **kwargs)]

    def test_name_search_by_phone(self):
        for typed in ("0532 123 45 67", "5321234567", "+90 532 123 45 67", "0 216 555 1212"):
            self.assertIn(self.citizen.id, self._name_search_ids(self.agent, typed),
                          "an agent finds the citizen by %r" % typed)
        self.assertEqual(self._name_search_ids(self.agent, "0532 123 45 67")[0],
                         self.citizen.id, "the exact match comes first")
        self.assertIn(self.citizen.id, self._name_search_ids(self.agent, "Ayşe"),
                      "the usual name search still works")

    def test_name_search_by_tckn(self):
        self.assertEqual(self._name_search_ids(self.agent, TCKN_A), [self.citizen.id],
                         "an agent finds the citizen by TCKN")
        self.assertEqual(self._name_search_ids(self.agent, "100 000 001 46"),
                         [self.citizen.id], "typed with spaces too")

    def test_name_search_respects_args_and_limit(self):
        self.assertNotIn(self.citizen.id, self._name_search_ids(
            self.agent, TCKN_A, args=[("is_company", "=", True)]), "args still restrict")
        self.assertEqual(len(self._name_search_ids(self.agent, "0532 123 45 67", limit=1)), 1)

    def test_name_search_hides_from_mudurluk(self):
        self.assertEqual(self._name_search_ids(self.fen_user, "0532 123 45 67"), [],
                         "a müdürlük user does not find a citizen by phone")
        self.assertEqual(self._name_search_ids(self.fen_user, TCKN_B), [],
                         "nor anyone by TCKN: that would let them probe numbers")
        self.assertIn(self.company.id, self._name_search_ids(self.fen_user, "Esnaf"),
                      "but still finds non-citizens by name")

    def test_name_search_applies_every_record_rule(self):
        """The caller lookup translates plain rules itself and leaves the others to the ORM:
        a rule added later, of either kind, hides the citizen at once."""
        model = self.env["ir.model"]._get("res.partner")
        self.assertEqual(self._name_search_ids(self.agent, "0532 123 45 67")[0], self.citizen.id)
        plain = self.env["ir.rule"].create({
            "name": "test: not this mobile", "model_id": model.id, "perm_read": True,
            "domain_force": "[('mobile', '!=', %r)]" % self.citizen.mobile})
        self.assertNotIn(self.citizen.id, self._name_search_ids(self.agent, "0532 123 45 67"),
                         "a plain column rule")
        plain.unlink()
        self.assertIn(self.citizen.id, self._name_search_ids(self.agent, "0532 123 45 67"))
        self.citizen.comment = "gizli kişi"
        self.env["ir.rule"].create({
            "name": "test: a path", "model_id": model.id, "perm_read": True,
            "domain_force": "[('commercial_partner_id.comment', '!=', 'gizli kişi')]"})
        self.assertNotIn(self.citizen.id, self._name_search_ids(self.agent, "0532 123 45 67"),
                         "a rule through a relation (left to the ORM)")

    def test_ticket_search_by_partner_phone(self):
        """A many2one 'ilike' goes through name_search: tickets are found by the caller."""
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Arama", "description": "Çağrı", "partner_id": self.citizen.id,
            "kvkk_notice_given": True, "team_id": self.env.ref("hid_basvuru.team_fen").id})
        found = self.env["helpdesk.ticket"].sudo(self.agent).search(
            [("partner_id", "ilike", "0532 123 45 67")])
        self.assertEqual(found, ticket)

    # ------------------------------------------------------------------
    # Security
    # ------------------------------------------------------------------

    def test_mudurluk_user_cannot_read_citizens(self):
        Partner = self.Partner.sudo(self.fen_user)
        self.assertFalse(Partner.search([("id", "=", self.citizen.id)]),
                         "a citizen is not found by a müdürlük user")
        self.assertFalse(Partner.search([("hid_citizen", "=", True)]))
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.fen_user).read(["name"])
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.fen_user).export_data(["name"])
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.fen_user).write({"name": "X"})
        with self.assertRaises(AccessError):
            Partner.create({"name": "Gizli", "hid_citizen": True})

    def test_citizens_only_for_roles_that_need_them(self):
        """An allow-list: a role that does not say it needs citizens reads none."""
        plain = new_user(self.env, "t.plain", ["hid_basvuru.group_hid_user"])
        employee = new_user(self.env, "t.employee", ["base.group_user"])
        reader = new_user(self.env, "t.reader", ["hid_basvuru.group_hid_user",
                                                 "hid_basvuru.group_hid_citizen_reader"])
        reader_mudurluk = new_user(self.env, "t.reader.mud", [
            "hid_basvuru.group_hid_mudurluk_user", "hid_basvuru.group_hid_citizen_reader"])
        for user in (plain, employee, reader_mudurluk):
            Partner = self.Partner.sudo(user)
            self.assertFalse(Partner.search([("hid_citizen", "=", True)]),
                             "%s reads no citizen" % user.login)
            with self.assertRaises(AccessError):
                self.citizen.sudo(user).read(["name"])
            self.assertTrue(self.company.sudo(user).read(["name"]), "other contacts stay")
        for user in (reader, self.agent):
            self.assertIn(self.citizen, self.Partner.sudo(user).search(
                [("hid_citizen", "=", True)]), "%s reads citizens" % user.login)
        # A citizen who is a user (e.g. a portal login) still reads their own card.
        own = new_user(self.env, "t.own", ["base.group_user"])
        own.partner_id.sudo().write({"hid_citizen": True})
        self.assertTrue(own.partner_id.sudo(own).read(["name"]))

    def test_mudurluk_user_reads_other_partners(self):
        for partner in (self.fen_user.partner_id, self.agent.partner_id, self.company,
                        self.env.user.company_id.partner_id):
            self.assertTrue(partner.sudo(self.fen_user).read(["name", "image_small"]),
                            "%s stays readable (chatter, avatars)" % partner.name)

    def test_tckn_unreadable_below_agent(self):
        employee = self.employee.sudo(self.fen_user)
        self.assertEqual(employee.read(["tckn_masked"])[0]["tckn_masked"], "123******50",
                         "the mask is computed for a user who cannot read the TCKN")
        with self.assertRaises(AccessError):
            employee.read(["tckn"])
        with self.assertRaises(AccessError):
            self.Partner.sudo(self.fen_user).search_read(
                [("id", "=", self.employee.id)], ["tckn"])
        with self.assertRaises(AccessError):
            employee.export_data(["tckn"])
        # A müdürlük user who may edit contacts, so that only the field's groups refuse.
        editor = new_user(self.env, "t.p.fen.editor",
                          [G % "mudurluk_user", "base.group_partner_manager"])
        self.employee.sudo(editor).write({"name": "Memur Ali Bey"})
        with self.assertRaises(AccessError, msg="write() checks the groups (core)"):
            self.employee.sudo(editor).write({"tckn": TCKN_C})
        self.Partner.sudo(editor).create({"name": "Esnaf"})
        with self.assertRaises(AccessError, msg="create() does too (HİD's guard)"):
            self.Partner.sudo(editor).create({"name": "Z", "tckn": TCKN_C})
        self.assertNotIn("tckn", self.Partner.sudo(self.fen_user).fields_get(),
                         "the field is not even described to them")

    def test_tckn_cannot_be_probed_below_agent(self):
        """Odoo 11 does not check `groups` in domains: search, order and group by would leak."""
        Partner = self.Partner.sudo(self.fen_user)
        with self.assertRaises(AccessError):
            Partner.search([("tckn", "=", TCKN_B)])
        with self.assertRaises(AccessError):
            Partner.search_count([("tckn", "like", "123%")])
        with self.assertRaises(AccessError):
            Partner.search([("id", "=", self.employee.id)], order="tckn")
        with self.assertRaises(AccessError):
            Partner.read_group([], ["tckn"], ["tckn"])
        with self.assertRaises(AccessError):
            Partner.name_search("Memur", args=[("tckn", "=", TCKN_B)])
        Users = self.env["res.users"].sudo(self.fen_user)
        for domain in ([("partner_id.tckn", "=", TCKN_B)], [("tckn", "=", TCKN_B)]):
            with self.assertRaises(AccessError, msg="users searched by %s" % domain):
                Users.search(domain)
        with self.assertRaises(AccessError):
            Users.read_group([], ["tckn"], ["tckn"])
        with self.assertRaises(AccessError, msg="through the auto_join users of a partner"):
            Partner.search([("user_ids.tckn", "=", TCKN_B)])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).search(
                [("partner_id.tckn", "=", TCKN_B)])

    def test_agent_reads_searches_tckn(self):
        Partner = self.Partner.sudo(self.agent)
        self.assertEqual(Partner.search([("tckn", "=", TCKN_A)]), self.citizen)
        self.assertEqual(self.citizen.sudo(self.agent).read(["tckn"])[0]["tckn"], TCKN_A)
        self.assertEqual(self.citizen.sudo(self.agent).tckn_masked, "100******46")
        self.assertEqual(self.citizen.sudo(self.agent).export_data(["tckn"])["datas"],
                         [[TCKN_A]])
        partner = Partner.create({"name": "Kayıt", "hid_citizen": True, "tckn": TCKN_C,
                                  "mobile": "0533 222 33 44"})
        self.assertEqual(partner.mobile, "+905332223344", "an agent registers citizens")

    def test_director_sees_everything(self):
        Partner = self.Partner.sudo(self.director)
        self.assertEqual(Partner.search([("id", "in", (self.citizen | self.company).ids)]),
                         self.citizen | self.company,
                         "group rules are OR-ed: the director sees citizens too")
        self.assertEqual(self.citizen.sudo(self.director).read(["tckn"])[0]["tckn"], TCKN_A)

    def test_views_per_role(self):
        """The form and search views load for each role; tckn is left out below agent."""
        for user, sees_tckn in ((self.fen_user, False), (self.agent, True)):
            Partner = self.Partner.sudo(user)
            for view_type in ("form", "search"):
                arch = Partner.fields_view_get(view_type=view_type)["arch"]
                # With hid_kvkk installed the form shows the mask and an input for a new
                # number (the registered one is revealed by a logged button).
                shows = 'name="tckn"' in arch or 'name="hid_kvkk_tckn_input"' in arch
                self.assertEqual(shows, sees_tckn,
                                 "%s %s view shows tckn: %s" % (user.login, view_type, sees_tckn))
            tree = self.env.ref("hid_basvuru.res_partner_view_tree_citizen")
            self.assertTrue(Partner.fields_view_get(view_id=tree.id, view_type="tree"))

    def test_mudurluk_user_still_opens_a_citizens_application(self):
        """Hiding citizens must not break the müdürlük's own screen (form fields, chatter)."""
        fen = self.env.ref("hid_basvuru.team_fen")
        fen.user_ids = [(4, self.fen_user.id)]
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Kaldırım", "description": "Kırık", "team_id": fen.id,
            "partner_id": self.citizen.id, "kvkk_notice_given": True})
        ticket.message_subscribe(partner_ids=self.citizen.ids)
        Ticket = self.env["helpdesk.ticket"].sudo(self.fen_user)
        for view_id in (False, self.env.ref("hid_basvuru.hid_ticket_view_form").id):
            view = Ticket.fields_view_get(view_id=view_id, view_type="form")
            self.assertNotIn("partner_id", view["fields"],
                             "the applicant field is not even in the müdürlük's form")
            values = ticket.sudo(self.fen_user).read(list(view["fields"]))[0]
            self.assertEqual(values["name"], "Kaldırım")
        ticket.sudo(self.fen_user).message_post(body="Ekip yönlendirildi")
