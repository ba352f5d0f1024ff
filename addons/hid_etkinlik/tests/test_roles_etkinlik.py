# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who sees and changes HİD events, acting as the restricted users; the calendar's own
rules (private events, attendees) still hold for everybody."""
from odoo.exceptions import AccessError

from .common import EtkinlikCase


class TestEventRoles(EtkinlikCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hg = cls.Event.sudo(cls.organizer).create({
            "name": "Rol Halk Günü", "hid_kind_id": cls.kind_hg.id,
            "start": "2026-12-05 07:00:00", "stop": "2026-12-05 10:00:00",
            "hid_desk_team_ids": [(6, 0, cls.fen.ids)]})
        cls.hg.sudo(cls.organizer).action_hid_announce()
        cls.plain = cls.Event.sudo(cls.employee).create({
            "name": "Kişisel toplantı", "start": "2026-12-06 07:00:00",
            "stop": "2026-12-06 08:00:00"})
        cls.private = cls.Event.sudo(cls.employee).create({
            "name": "Özel randevu", "privacy": "private", "start": "2026-12-06 09:00:00",
            "stop": "2026-12-06 10:00:00",
            "partner_ids": [(6, 0, cls.employee.partner_id.ids)]})

    def visible(self, user, event):
        return bool(self.env["calendar.event"].sudo(user).search([("id", "=", event.id)]))

    def test_mudurluk_sees_events_it_sends_a_desk_to(self):
        self.assertTrue(self.visible(self.fen_user, self.hg))
        self.assertFalse(self.visible(self.tem_user, self.hg), "Temizlik sends no desk")
        with self.assertRaises(AccessError):
            self.hg.sudo(self.tem_user).read(["name"])
        self.assertTrue(self.visible(self.tem_user, self.plain),
                        "ordinary calendar events stay visible as before")

    def test_internal_fields_stay_with_the_organisers(self):
        with self.assertRaises(AccessError):
            self.hg.sudo(self.fen_user).read(["hid_minutes"])
        with self.assertRaises(AccessError):
            self.hg.sudo(self.fen_user).read(["hid_visit_ids"])
        row = self.hg.sudo(self.fen_user).read(["name", "hid_state", "hid_visitor_count"])[0]
        self.assertEqual(row["hid_state"], "announced")
        self.assertTrue(self.hg.sudo(self.organizer).read(["hid_minutes", "hid_invitation_ids"]))

    def test_only_organisers_change_hid_events(self):
        for user in (self.employee, self.fen_user, self.agent):
            with self.assertRaises(AccessError, msg=user.login):
                self.hg.sudo(user).write({"name": "Değişti"})
            with self.assertRaises(AccessError, msg=user.login):
                self.Event.sudo(user).create({
                    "name": "x", "hid_kind_id": self.kind_hg.id,
                    "start": "2026-12-05 07:00:00", "stop": "2026-12-05 08:00:00"})
            with self.assertRaises(AccessError, msg=user.login):
                self.plain.sudo(user).write({"hid_kind_id": self.kind_hg.id})
        self.hg.sudo(self.organizer).write({"name": "Yeni Ad"})
        self.assertEqual(self.hg.name, "Yeni Ad")

    def test_calendar_still_works_for_other_users(self):
        self.plain.sudo(self.employee).write({"name": "Kişisel toplantı 2"})
        self.assertEqual(self.plain.name, "Kişisel toplantı 2")
        row = self.plain.sudo(self.employee).read()[0]
        self.assertNotIn("hid_minutes", row, "fields of other groups are left out, not refused")
        self.assertTrue(self.hg.sudo(self.fen_user).read())
        self.plain.sudo(self.employee).unlink()

    def test_private_events_compose_with_our_rule(self):
        """Calendar's private-event handling still holds for our organisers: they see a
        colleague's private event as "busy" only and cannot change it."""
        for user in (self.organizer, self.desk):
            row = self.private.sudo(user).read(["name", "description", "hid_kind_id"])[0]
            self.assertNotEqual(row["name"], "Özel randevu", user.login)
            self.assertFalse(row["hid_kind_id"])
            with self.assertRaises(AccessError, msg=user.login):
                self.private.sudo(user).write({"name": "x"})
        self.assertEqual(self.private.sudo(self.employee).read(["name"])[0]["name"],
                         "Özel randevu")

    def test_agents_read_every_event_and_the_queue(self):
        self.assertTrue(self.visible(self.agent, self.hg))
        visit = self.env["hid.etkinlik.visit"].sudo(self.agent).create(
            {"event_id": self.hg.id, "team_id": self.fen.id})
        visit.sudo(self.agent).action_call()
        with self.assertRaises(AccessError):
            self.env["hid.etkinlik.visit"].sudo(self.fen_user).search([])
        with self.assertRaises(AccessError):
            self.env["hid.etkinlik.visit"].sudo(self.employee).create(
                {"event_id": self.hg.id})

    def test_organiser_writes_registry_contacts_not_citizens(self):
        self.muhtar.sudo(self.organizer).write({"mobile": "0532 700 00 02"})
        self.env["res.partner"].sudo(self.organizer).create(
            {"name": "Yeni STK", "hid_contact_kind": "stk"})
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.organizer).write({"name": "Başka"})
        with self.assertRaises(AccessError):
            self.env["res.partner"].sudo(self.organizer).create({"name": "Rastgele"})
        self.citizen.sudo(self.agent).write({"email": "fatma@example.com"})

    def test_invitations_and_checklists_are_the_organisers(self):
        for model in ("hid.etkinlik.invitation", "hid.etkinlik.checklist.line"):
            for user in (self.agent, self.fen_user, self.employee):
                with self.assertRaises(AccessError, msg="%s %s" % (model, user.login)):
                    self.env[model].sudo(user).search([])
        with self.assertRaises(AccessError):
            self.env["hid.etkinlik.kind"].sudo(self.organizer).create(
                {"name": "x", "code": "x"})
