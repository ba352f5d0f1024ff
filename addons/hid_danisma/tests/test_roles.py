# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.hid_basvuru.tests.common import untranslated_terms

from .common import HidDanismaCase

PERSONAL = ("visitor_name", "phone", "partner_id", "note", "ticket_id", "ticket_number",
            "evrak_id")


class TestTranslations(TransactionCase):

    def test_every_term_translated(self):
        missing = untranslated_terms(self.env, "hid_danisma")
        self.assertFalse(missing, "hid_danisma/i18n/tr.po lacks: %s" % missing)


class TestRoles(HidDanismaCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.v_fen = cls.Visit.sudo(cls.agent).create({
            "purpose_id": cls.p_basvuru.id, "team_id": cls.fen.id,
            "phone": "0532 111 22 33", "visitor_name": "Fatma Yılmaz",
            "note": "Komşusu hakkında şikâyet", "assistance_ids": [(6, 0, [cls.a_yasli.id])]})
        cls.v_tem = cls.Visit.sudo(cls.agent).create({
            "purpose_id": cls.p_bilgi.id, "team_id": cls.tem.id, "visitor_name": "Ali Kaya"})
        cls.v_evrak = cls.Visit.sudo(cls.agent).create({
            "purpose_id": cls.p_evrak.id, "visitor_name": "Ayşe Demir"})
        cls.ours = cls.v_fen | cls.v_tem | cls.v_evrak

    def seen(self, user, model="hid.danisma.visit"):
        return self.env[model].sudo(user).search([("id", "in", self.ours.ids)])

    # --- desk and HİM ---

    def test_desk_and_him_see_everything(self):
        for user in (self.agent, self.staff, self.director):
            self.assertEqual(self.seen(user), self.ours, "%s sees every visit" % user.login)
            row = self.v_fen.sudo(user).read(["visitor_name", "phone", "note"])[0]
            self.assertEqual(row["visitor_name"], "Fatma Yılmaz")
            self.assertEqual(row["phone"], "+905321112233")
            self.assertEqual(self.env["hid.danisma.visit"].sudo(user).search(
                [("partner_id.name", "ilike", "Fatma"), ("id", "in", self.ours.ids)]),
                self.v_fen)

    def test_desk_may_not_register_documents(self):
        with self.assertRaises(AccessError):
            self.v_evrak.sudo(self.agent).action_to_document()
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.register(user=self.agent, hid_visit_id=self.v_evrak.id)
        self.assertFalse(self.v_evrak.evrak_id)

    # --- the registry ---

    def test_registry_sees_only_visits_bringing_documents(self):
        self.assertEqual(self.seen(self.clerk), self.v_evrak)
        self.assertEqual(self.v_evrak.sudo(self.clerk).visitor_name, "Ayşe Demir",
                         "the registry needs the sender's name")
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.v_evrak.sudo(self.clerk).write({"office": "Evrak"})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.Visit.sudo(self.clerk).create({"purpose_id": self.p_evrak.id})
        with self.assertRaises(AccessError):
            self.v_evrak.sudo(self.clerk).action_to_application()
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_rule"):
            self.register(hid_visit_id=self.v_tem.id)  # a visit it may not read
        self.assertFalse(self.v_tem.evrak_id)

    # --- the müdürlük: the visit directed to it, not the visitor ---

    def test_mudurluk_sees_only_its_visits_without_visitor(self):
        for user in (self.fen_user, self.fen_manager):
            self.assertEqual(self.seen(user), self.v_fen, "%s: Fen's visit only" % user.login)
            row = self.v_fen.sudo(user).read()[0]
            for name in PERSONAL:
                self.assertNotIn(name, row, "%s never reads %s" % (user.login, name))
            self.assertEqual(row["purpose_id"][0], self.p_basvuru.id)
            self.assertEqual(row["assistance_ids"], [self.a_yasli.id],
                             "the help the visitor needs is what the müdürlük needs")
        self.assertEqual(self.seen(self.tem_user), self.v_tem)

    def test_mudurluk_refused_personal_fields_at_every_door(self):
        Visit = self.Visit.sudo(self.fen_user)
        for name in PERSONAL:
            with self.assertRaises(AccessError, msg="read %s" % name):
                self.v_fen.sudo(self.fen_user).read([name])
        for domain in ([("visitor_name", "ilike", "Fatma")], [("phone", "like", "532")],
                       [("partner_id.name", "ilike", "Fatma")],
                       [("partner_id.mobile", "like", "532")],
                       [("note", "ilike", "şikâyet")], [("ticket_id.number", "!=", False)],
                       [("evrak_id", "!=", False)]):
            with self.assertRaises(AccessError, msg="search %s" % domain):
                Visit.search(domain)
        for order in ("visitor_name", "phone desc", "partner_id", "note, id"):
            with self.assertRaises(AccessError, msg="order %s" % order):
                Visit.search([], order=order)
        for groupby in ("visitor_name", "partner_id", "phone"):
            with self.assertRaises(AccessError, msg="group by %s" % groupby):
                Visit.read_group([], ["purpose_id"], [groupby])
        groups = Visit.read_group([], ["purpose_id"], ["purpose_id"])
        self.assertEqual(sum(g["purpose_id_count"] for g in groups), 1,
                         "read_group counts only Fen's visit")

    def test_mudurluk_may_not_change_anything(self):
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.v_fen.sudo(self.fen_manager).write({"office": "Fen"})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.Visit.sudo(self.fen_user).create(
                {"purpose_id": self.p_bilgi.id, "team_id": self.fen.id})
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.v_fen.sudo(self.fen_user).unlink()
        with self.assertRaises(AccessError):
            self.v_fen.sudo(self.fen_user).action_check_out()
        with self.assertRaises(AccessError):
            self.v_fen.sudo(self.fen_user).action_to_application()
        self.assertFalse(self.v_fen.check_out)

    def test_mudurluk_does_not_see_the_visit_on_the_application(self):
        visit = self.visit()
        ticket = self.intake(hid_visit_id=visit.id, team_id=self.fen.id)
        self.assertEqual(ticket.sudo(self.fen_user).number, ticket.number)
        with self.assertRaises(AccessError):
            ticket.sudo(self.fen_user).read(["hid_visit_id"])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).search(
                [("hid_visit_id", "!=", False)])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).search(
                [("hid_visit_id.visitor_name", "ilike", "a")])
        self.assertNotIn("hid_visit_id", ticket.sudo(self.fen_user).read()[0])

    def test_mudurluk_may_not_make_an_application_from_a_visit(self):
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            self.intake(user=self.fen_manager, hid_visit_id=self.v_fen.id)
        self.assertFalse(self.v_fen.ticket_id)

    def test_report_by_role(self):
        Report = self.env["hid.danisma.visit.report"]
        domain = [("visit_id", "in", self.ours.ids)]
        rows = Report.sudo(self.agent).read_group(
            domain, ["purpose_id", "nbr_visits", "nbr_assistance"], ["purpose_id"])
        self.assertEqual(sum(r["nbr_visits"] for r in rows), 3, "each visit counted once")
        self.assertEqual(sum(r["nbr_assistance"] for r in rows), 1)
        rows = Report.sudo(self.fen_user).read_group(
            domain, ["team_id", "nbr_visits"], ["team_id"])
        self.assertEqual([(r["team_id"][0], r["nbr_visits"]) for r in rows], [(self.fen.id, 1)],
                         "the müdürlük counts only its visits")
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
            Report.sudo(self.clerk).search([])

    def test_report_counts_by_assistance(self):
        visit = self.visit(assistance_ids=[(6, 0, [self.a_engelli.id, self.a_yasli.id])])
        Report = self.env["hid.danisma.visit.report"].sudo(self.staff)
        rows = Report.read_group([("visit_id", "in", (self.ours | visit).ids)],
                                 ["assistance_id", "nbr_visits", "nbr_assistance"],
                                 ["assistance_id"])
        by_type = {r["assistance_id"] and r["assistance_id"][0]: r["nbr_assistance"]
                   for r in rows}
        self.assertEqual(by_type[self.a_engelli.id], 1)
        self.assertEqual(by_type[self.a_yasli.id], 2)
        self.assertEqual(sum(r["nbr_visits"] for r in rows), 4)

    def test_master_data_by_director_only(self):
        Purpose = self.env["hid.danisma.purpose"]
        for user in (self.agent, self.staff, self.fen_user):
            self.assertTrue(Purpose.sudo(user).search([]))
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_model"):
                Purpose.sudo(user).create({"name": "Nikâh", "code": "nikah"})
        Purpose.sudo(self.director).create({"name": "Nikâh", "code": "nikah"})
        self.env["hid.danisma.assistance"].sudo(self.director).create(
            {"name": "İşaret Dili", "code": "isaret"})

    def test_visit_files_and_messages_not_for_the_mudurluk(self):
        Attachment = self.env["ir.attachment"]
        att = Attachment.sudo(self.agent).create({
            "name": "kimlik.png", "datas_fname": "kimlik.png", "datas": self.png_data(),
            "res_model": "hid.danisma.visit", "res_id": self.v_fen.id})
        self.assertEqual(att.sudo(self.agent).read(["name"])[0]["name"], "kimlik.png")
        domain = [("res_model", "=", "hid.danisma.visit")]
        self.assertFalse(Attachment.sudo(self.fen_user).search(domain),
                         "the müdürlük reads the visit, not the visitor's files")
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.ir.ir_rule"):
            att.sudo(self.fen_user).read(["datas"])
        self.assertFalse(Attachment.sudo(self.fen_user).read_group(domain, ["name"], ["name"]))
        msg = self.env["mail.message"].create({
            "model": "hid.danisma.visit", "res_id": self.v_fen.id, "body": "Fatma Yılmaz",
            "message_type": "comment", "partner_ids": [(4, self.fen_user.partner_id.id)]})
        self.assertFalse(self.env["mail.message"].sudo(self.fen_user).search(
            [("id", "=", msg.id)]), "not even as a recipient")
        self.assertEqual(self.env["mail.message"].sudo(self.agent).search(
            [("id", "=", msg.id)]), msg)

    @staticmethod
    def png_data():
        import base64
        return base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
