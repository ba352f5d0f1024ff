# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase

from .common import new_user

G = "hid_basvuru.group_hid_%s"


class TestRoles(SavepointCase):
    """Each role acting as itself: what it may see and do is enforced below the views."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.fen = cls.env.ref("hid_basvuru.team_fen")
        cls.tem = cls.env.ref("hid_basvuru.team_tem")
        cls.director = new_user(cls.env, "t.director", [G % "director"])
        cls.staff = new_user(cls.env, "t.staff", [G % "staff"])
        cls.agent = new_user(cls.env, "t.agent", [G % "agent"])
        cls.fen_manager = new_user(cls.env, "t.fen.manager", [G % "mudurluk_manager"])
        cls.fen_user = new_user(cls.env, "t.fen.user", [G % "mudurluk_user"])
        cls.tem_user = new_user(cls.env, "t.tem.user", [G % "mudurluk_user"])
        cls.fen.user_ids = [(4, cls.fen_user.id), (4, cls.fen_manager.id)]
        cls.tem.user_ids = [(4, cls.tem_user.id)]
        Ticket = cls.env["helpdesk.ticket"]
        cls.t_fen = Ticket.create({"name": "Çukur", "description": "Çukur var",
                                   "team_id": cls.fen.id})
        cls.t_tem = Ticket.create({"name": "Çöp", "description": "Çöp alınmadı",
                                   "team_id": cls.tem.id})
        cls.mine = [("id", "in", (cls.t_fen | cls.t_tem).ids)]

    def test_implied_chain(self):
        for user, groups in [
            (self.director, ["staff", "agent", "mudurluk_manager", "mudurluk_user", "user"]),
            (self.staff, ["agent", "user"]),
            (self.agent, ["user"]),
            (self.fen_manager, ["mudurluk_user", "user"]),
            (self.fen_user, ["user"]),
        ]:
            for group in groups:
                self.assertTrue(user.has_group(G % group), "%s implies %s" % (user.login, group))
            self.assertTrue(user.has_group("base.group_user"))
        self.assertFalse(self.staff.has_group(G % "mudurluk_user"),
                         "HİM staff are not müdürlük users")
        self.assertFalse(self.fen_manager.has_group(G % "agent"),
                         "a müdürlük manager is not directorate staff")

    def test_mudurluk_user_sees_only_own_mudurluk(self):
        Ticket = self.env["helpdesk.ticket"].sudo(self.fen_user)
        self.assertEqual(Ticket.search(self.mine), self.t_fen)
        self.assertEqual(Ticket.search_count(self.mine), 1)
        self.assertEqual([r["id"] for r in Ticket.search_read(self.mine, ["name"])],
                         [self.t_fen.id])
        with self.assertRaises(AccessError):
            self.t_tem.sudo(self.fen_user).read(["name"])
        with self.assertRaises(AccessError):
            self.t_tem.sudo(self.fen_user).write({"name": "Benim değil"})
        self.assertEqual(
            self.env["helpdesk.ticket"].sudo(self.tem_user).search(self.mine), self.t_tem)

    def test_mudurluk_user_cannot_create_or_delete(self):
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.fen_user).create(
                {"name": "x", "description": "x", "team_id": self.fen.id})
        with self.assertRaises(AccessError):
            self.t_fen.sudo(self.fen_user).unlink()

    def test_mudurluk_user_works_own_application(self):
        self.t_fen.sudo(self.fen_user).write({"priority": "2"})
        self.assertEqual(self.t_fen.priority, "2")

    def test_mudurluk_user_does_not_rewrite_the_application(self):
        """What the citizen asked and how it arrived is the directorate's record."""
        for vals in ({"name": "Başka konu"}, {"description": "<p>başka</p>"},
                     {"confidential": True}, {"received_date": "2026-01-01 09:00:00"}):
            with self.assertRaises(AccessError, msg=vals):
                self.t_fen.sudo(self.fen_user).write(vals)
        self.assertEqual(self.t_fen.name, "Çukur")

    def test_no_role_moves_nothing(self):
        """The base HİD role (held by every other module's roles, e.g. Evrak Kayıt) gives no
        lifecycle action and no write."""
        plain = new_user(self.env, "t.hid.plain", [G % "user"])
        self.assertEqual(self.t_fen.sudo(plain)._hid_roles(), frozenset())
        with self.assertRaises(AccessError):
            self.t_fen.sudo(plain).action_start()

    def test_directorate_sees_everything(self):
        for user in (self.agent, self.staff, self.director):
            self.assertEqual(
                self.env["helpdesk.ticket"].sudo(user).search(self.mine), self.t_fen | self.t_tem,
                "%s sees every application" % user.login)

    def test_agent_registers_but_never_deletes(self):
        ticket = self.env["helpdesk.ticket"].sudo(self.agent).create(
            {"name": "Telefon", "description": "Arayan vatandaş", "team_id": self.tem.id})
        self.assertTrue(ticket.number and ticket.number != "/", "a number is given at intake")
        for user in (self.agent, self.staff):
            with self.assertRaises(AccessError):
                ticket.sudo(user).unlink()

    def test_master_data_read_only_below_director(self):
        mahalle = self.env.ref("hid_basvuru.mahalle_sarigazi")
        for user in (self.fen_user, self.agent, self.staff):
            self.assertEqual(mahalle.sudo(user).name, "Sarıgazi")
            with self.assertRaises(AccessError):
                mahalle.sudo(user).write({"muhtar_name": "X"})
            with self.assertRaises(AccessError):
                self.env["hid.mahalle"].sudo(user).create({"name": "Yeni"})
            with self.assertRaises(AccessError):
                self.fen.sudo(user).write({"code": "FNX"})
        mahalle.sudo(self.director).write({"muhtar_name": "Ayşe Muhtar"})
        self.env["hid.basvuru.type"].sudo(self.director).create(
            {"name": "Dilek", "code": "dilek"})

    def test_no_role_no_access(self):
        plain = new_user(self.env, "t.plain", ["base.group_user"])
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(plain).search([])
        self.assertFalse(plain.has_group(G % "user"))
