# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import json
import os

from psycopg2 import IntegrityError

from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

CHANNEL_CODES = {
    "telefon", "sahsen", "web", "eposta", "saha", "acik_kapi", "cimer", "halk_gunu", "evrak",
    "sosyal_medya", "whatsapp", "api", "diger",
}
TYPE_CODES = {"talep", "sikayet", "oneri", "bilgi_edinme", "tesekkur", "ihbar"}
# The reference data the master data was made from; beside the repository in CI.
SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data",
                      "sancaktepe.json")


class TestMasterData(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Team = cls.env["helpdesk.ticket.team"]
        cls.teams = cls.Team.search([("code", "!=", False)])

    def test_mahalleler(self):
        names = set(self.env["hid.mahalle"].search([("ilce", "=", "Sancaktepe")]).mapped("name"))
        self.assertEqual(len(names), 19, "Sancaktepe has 19 mahalleler")
        self.assertTrue({"İnönü", "Eyüp Sultan", "Sarıgazi", "Yenidoğan"} <= names,
                        "names keep their Turkish letters")

    def test_matches_reference_data(self):
        if not os.path.exists(SHARED):
            self.skipTest("shared/data is not beside this checkout")
        with open(SHARED, encoding="utf-8") as f:
            ref = json.load(f)
        self.assertEqual(
            set(self.env["hid.mahalle"].search([]).mapped("name")), set(ref["mahalleler"]))
        self.assertEqual(
            {(t.code, t.name) for t in self.teams},
            {(m["code"], m["name"]) for m in ref["mudurlukler"]})
        categories = self.env["helpdesk.ticket.category"].search([("team_id", "!=", False)])
        self.assertEqual(
            {(c.name, c.team_id.code) for c in categories},
            {(c["name"], c["mudurluk"]) for c in ref["ornek_kategoriler"]})

    def test_mudurlukler(self):
        codes = self.teams.mapped("code")
        self.assertEqual(len(codes), len(set(codes)), "müdürlük codes are unique")
        self.assertTrue({"HIM", "FEN", "TEM"} <= set(codes))
        self.assertEqual(self.env.ref("hid_basvuru.team_fen").name, "Fen İşleri Müdürlüğü")

    def test_duplicate_mudurluk_code_refused(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.Team.create({"name": "İkinci Fen", "code": "FEN"})

    def test_channels(self):
        channels = self.env["helpdesk.ticket.channel"].search([])
        self.assertEqual(set(channels.mapped("code")), CHANNEL_CODES,
                         "every channel has its code, none is missing or extra")
        self.assertEqual(len(channels.mapped("name")), len(channels),
                         "helpdesk_mgmt's channels are reused, not duplicated")
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        self.assertEqual((phone.code, phone.name), ("telefon", "Çağrı Merkezi (telefon)"))

    def test_types(self):
        types = self.env["hid.basvuru.type"].search([])
        self.assertEqual(set(types.mapped("code")), TYPE_CODES)
        self.assertEqual(types.filtered("confidential_default").mapped("code"), ["ihbar"],
                         "only an ihbar hides the applicant by default")

    def test_categories_route_to_mudurluk(self):
        cat = self.env.ref("hid_basvuru.category_cop_toplanmadi")
        self.assertEqual(cat.team_id, self.env.ref("hid_basvuru.team_tem"))
        self.assertFalse(
            self.env["helpdesk.ticket.category"].search(
                [("team_id", "=", False), ("id", "in", self._our_categories().ids)]),
            "every HİD category has a default müdürlük")

    def _our_categories(self):
        data = self.env["ir.model.data"].search([
            ("module", "=", "hid_basvuru"), ("model", "=", "helpdesk.ticket.category")])
        return self.env["helpdesk.ticket.category"].browse(data.mapped("res_id"))
