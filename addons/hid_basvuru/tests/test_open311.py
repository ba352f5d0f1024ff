# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Open311: API keys, filing an application over the API, what GET shows, who manages keys."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from ..lib.open311 import Open311Error
from .common_ticket import HidTicketCase

PERSONAL = ("Fatma", "Yılmaz", "0532", "+90532", "10000000146", "ali@example.com", "Ali",
            "Veli")


class TestOpen311(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Key = cls.env["hid.api.key"]
        cls.api = cls.env["hid.open311"]
        cls.key_rec = cls.Key.sudo(cls.director).create({"name": "Mobil uygulama"})
        cls.key = cls.key_rec._generate_key()

    def post(self, **params):
        values = {"api_key": self.key, "service_code": str(self.cat_cukur.id),
                  "lat": "40.99", "long": "29.21", "description": "Çukur <script>x</script>"}
        values.update(params)
        return self.api.create_request(values)

    # ---------------------------------------------------------------- keys

    def test_key_stored_hashed(self):
        key = self.key_rec.sudo()
        self.assertNotIn(self.key, (key.key_hash, key.key_prefix),
                         "only a prefix and a hash of the key are stored")
        self.assertEqual(len(key.key_hash), 64)
        self.assertEqual(self.Key._authenticate(self.key), self.key_rec)
        self.assertFalse(self.Key._authenticate(self.key[:-1] + "x"))
        self.assertFalse(self.Key._authenticate(""))
        self.assertFalse(self.Key._authenticate("x" * 1000))

    def test_regenerate_and_revoke(self):
        new = self.key_rec._generate_key()
        self.assertFalse(self.Key._authenticate(self.key), "a new key replaces the old one")
        self.assertEqual(self.Key._authenticate(new), self.key_rec)
        self.key_rec.sudo(self.director).action_revoke()
        self.assertFalse(self.Key._authenticate(new), "a revoked key is refused")
        with self.assertRaises(Open311Error) as ctx:
            self.api.create_request({"api_key": new, "service_code": "1"})
        self.assertEqual(ctx.exception.status, 403)

    def test_generate_shows_key_once(self):
        action = self.key_rec.sudo(self.director).action_generate_key()
        key = action["context"]["default_key"]
        self.assertFalse(action.get("res_id"), "the dialog is not saved")
        self.assertEqual(self.Key._authenticate(key), self.key_rec)
        self.assertFalse(self.env["hid.api.key.show"].search([("key", "=", key)]),
                         "the key itself is nowhere in the database")

    def test_only_director_manages_keys(self):
        for user in (self.staff, self.agent, self.fen_manager, self.fen_user):
            with self.assertRaises(AccessError, msg=user.login), mute_logger("odoo.models"):
                self.Key.sudo(user).create({"name": "x"})
            with self.assertRaises(AccessError, msg=user.login), mute_logger("odoo.models"):
                self.key_rec.sudo(user).read(["name"])

    def test_only_director_defines_attributes(self):
        vals = {"category_id": self.cat_cop.id, "code": "bins", "description": "Kaç konteyner?",
                "datatype": "number"}
        for user in (self.staff, self.fen_manager):
            with self.assertRaises(AccessError, msg=user.login), mute_logger("odoo.models"):
                self.env["hid.open311.attribute"].sudo(user).create(vals)
        attribute = self.env["hid.open311.attribute"].sudo(self.director).create(vals)
        self.assertEqual(attribute.sudo(self.fen_user).description, "Kaç konteyner?",
                         "every HİD user reads the questions")

    def test_rate_limit(self):
        self.key_rec.sudo().rate_limit = 2
        self.post()
        self.post()
        with self.assertRaises(Open311Error) as ctx:
            self.post()
        self.assertEqual(ctx.exception.status, 429)

    # ---------------------------------------------------------------- POST

    def test_post_creates_application_on_api_channel(self):
        result = self.post(first_name="Ali", last_name="Veli", phone="0532 999 88 77",
                           email="ali@example.com", address_string="Meclis Mah. 1. Sok.",
                           media_url="https://example.com/a.jpg")
        ticket = self.env["helpdesk.ticket"].search([("number", "=",
                                                      result[0]["service_request_id"])])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.channel_id, self.env.ref("hid_basvuru.channel_api"))
        self.assertEqual(ticket.category_id, self.cat_cukur)
        self.assertEqual(ticket.team_id, self.cat_cukur.team_id, "routed to the category's "
                                                                 "müdürlük")
        self.assertEqual(ticket.partner_id.phone, "+905329998877")
        self.assertIn("&lt;script&gt;", ticket.description, "HTML kept inert as text")
        self.assertIn(ticket.number, result[0]["service_notice"])
        self.assertTrue(self.key_rec.last_used)

    def test_post_attributes(self):
        self.env["hid.open311.attribute"].create({
            "category_id": self.cat_cukur.id, "code": "size", "description": "Boyut",
            "datatype": "singlevaluelist", "required": True, "value_lines": "s: Küçük\nl: Büyük"})
        definition = self.api.service_definition(str(self.cat_cukur.id))
        self.assertEqual(definition["attributes"][0]["values"][1],
                         {"key": "l", "name": "Büyük"})
        services = {s["service_code"]: s for s in self.api.services()}
        self.assertTrue(services[str(self.cat_cukur.id)]["metadata"])
        self.assertFalse(services[str(self.cat_cop.id)]["metadata"])
        with self.assertRaises(Open311Error):
            self.post()
        number = self.post(**{"attribute[size]": "l"})[0]["service_request_id"]
        ticket = self.env["helpdesk.ticket"].search([("number", "=", number)])
        self.assertIn("Boyut: l", ticket.description)

    def test_bad_post_saves_nothing(self):
        Ticket = self.env["helpdesk.ticket"].sudo()
        Partner = self.env["res.partner"].sudo()
        before = (Ticket.search_count([]), Partner.search_count([]))
        bad = ({"service_code": "999999"}, {"lat": "x"}, {"lat": "", "long": ""},
               {"phone": "12", "first_name": "Ali"}, {"email": "nope"})
        for params in bad:
            with self.assertRaises(Open311Error, msg=params) as ctx:
                self.post(**params)
            self.assertEqual(ctx.exception.status, 400, params)
        self.assertEqual((Ticket.search_count([]), Partner.search_count([])), before,
                         "no half-created application or citizen")

    # ---------------------------------------------------------------- GET

    def test_get_shows_no_personal_data(self):
        own = self.post(first_name="Ali", last_name="Veli", phone="0532 999 88 77",
                        email="ali@example.com")[0]["service_request_id"]
        phoned = self.intake()
        confidential = self.intake(confidential=True)
        rows = self.api.requests({})
        numbers = [row["service_request_id"] for row in rows]
        self.assertIn(own, numbers)
        self.assertIn(phoned.number, numbers)
        self.assertNotIn(confidential.number, numbers, "confidential (ihbar) never listed")
        text = repr(rows)
        for word in PERSONAL:
            self.assertNotIn(word, text, "no personal data in GET requests")
        row = [r for r in rows if r["service_request_id"] == phoned.number][0]
        self.assertIsNone(row["description"], "staff-written text of other channels not shown")
        self.assertEqual(row["agency_responsible"], self.cat_cukur.team_id.name)
        self.assertEqual(row["status"], "open")
        with self.assertRaises(Open311Error) as ctx:
            self.api.request(confidential.number)
        self.assertEqual(ctx.exception.status, 404)

    def test_get_filters(self):
        number = self.post()[0]["service_request_id"]
        self.assertEqual([r["service_request_id"] for r in self.api.request(number)], [number])
        self.assertTrue(self.api.requests({"service_request_id": number, "status": "closed"}),
                        "service_request_id overrides all other arguments")
        numbers = [r["service_request_id"] for r in self.api.requests({"status": "open"})]
        self.assertIn(number, numbers)
        self.assertNotIn(number, [r["service_request_id"]
                                  for r in self.api.requests({"status": "closed"})])
        self.assertNotIn(number, [r["service_request_id"] for r in self.api.requests(
            {"service_code": str(self.cat_cop.id)})])
        self.assertFalse(self.api.requests({"start_date": "2020-01-01",
                                            "end_date": "2020-02-01"}))
        with self.assertRaises(Open311Error) as ctx:
            self.api.request("2099-999999")
        self.assertEqual(ctx.exception.status, 404)
