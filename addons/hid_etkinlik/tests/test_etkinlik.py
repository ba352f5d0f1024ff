# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EtkinlikCase


class TestKindsAndStates(EtkinlikCase):

    def test_kinds_are_configurable_with_their_checklist(self):
        codes = set(self.env["hid.etkinlik.kind"].search([]).mapped("code"))
        self.assertLessEqual({"halk_gunu", "mahalle_bulusmasi", "komsu_bulusmasi",
                              "stk_toplantisi", "muhtar_toplantisi", "saha_ziyareti",
                              "sosyal_kulturel"}, codes)
        kind = self.env["hid.etkinlik.kind"].create({
            "name": "Gençlik Buluşması", "code": "genclik",
            "checklist_template_ids": [(0, 0, {"name": "Salon"}), (0, 0, {"name": "Müzik"})]})
        event = self.event(hid_kind_id=kind.id)
        self.assertEqual(event.sudo().hid_checklist_ids.mapped("name"), ["Salon", "Müzik"],
                         "a new event starts with its kind's checklist")
        self.assertEqual(event.hid_state, "planned")
        self.assertEqual(event.hid_checklist_progress, "0/2")

    def test_state_moves_only_through_the_actions(self):
        event = self.event()
        with self.assertRaises(UserError):
            event.write({"hid_state": "done"})
        with self.assertRaises(UserError, msg="a planned event cannot be published"):
            event.write({"hid_published": True})
        event.action_hid_announce()
        self.assertEqual((event.hid_state, event.hid_published), ("announced", True))
        event.action_hid_cancel()
        self.assertEqual((event.hid_state, event.hid_published), ("cancelled", False),
                         "a cancelled event leaves the website")
        with self.assertRaises(UserError):
            event.action_hid_publish()
        event.action_hid_replan()
        with self.assertRaises(ValidationError, msg="closing needs the minutes"):
            event._hid_close("  ", 10, self.env["res.partner"], self.env["ir.attachment"], "")
        attachment = self.env["ir.attachment"].create({"name": "tutanak.txt",
                                                       "datas": "dHV0YW5haw=="})
        event._hid_close("Yol sorunları konuşuldu.", 120, self.stk, attachment, "Özet")
        self.assertEqual(event.hid_state, "done")
        self.assertEqual(event.sudo().hid_attended_partner_ids, self.stk)
        self.assertEqual(event.sudo().hid_minutes_attachment_ids, attachment)
        self.assertEqual(event.hid_closed_uid, self.organizer)
        with self.assertRaises(UserError, msg="a held event is final"):
            event.action_hid_cancel()
        with self.assertRaises(UserError):
            event.unlink()

    def test_event_shape_rules(self):
        with self.assertRaises(ValidationError):
            self.event(privacy="private")
        with self.assertRaises(ValidationError):
            self.event(hid_latitude=120.0)
        with self.assertRaises(ValidationError):
            self.event(hid_live_url="javascript:alert(1)")
        with self.assertRaises(UserError, msg="a new event cannot be created as held"):
            self.event(hid_state="done")

    def test_close_wizard(self):
        event = self.event()
        action = event.action_hid_close_wizard()
        Wizard = self.env["hid.etkinlik.close"].sudo(self.organizer)
        wizard = Wizard.with_context(**action["context"]).create({
            "minutes": "Tutanak metni", "actual_attendance": 40,
            "partner_ids": [(6, 0, self.muhtar.ids)]})
        wizard.action_close()
        self.assertEqual((event.hid_state, event.hid_actual_attendance), ("done", 40))


class TestInvitations(EtkinlikCase):

    def test_invitations_go_through_the_sms_queue_and_email(self):
        event = self.event(hid_kind_id=self.kind_stk.id)
        Invitation = self.env["hid.etkinlik.invitation"].sudo(self.organizer)
        muhtar_inv = Invitation.create({"event_id": event.id, "partner_id": self.muhtar.id})
        stk_inv = Invitation.create({"event_id": event.id, "partner_id": self.stk.id})
        mails_before = self.env["mail.mail"].search_count([("email_to", "=", "muhtar@example.com")])
        event.sudo(self.organizer).action_hid_send_invitations()
        self.assertEqual(muhtar_inv.sms_state, "queued", "the organiser sees the SMS state")
        sms = muhtar_inv.sudo().sms_id
        self.assertEqual(sms.state, "queued", "the SMS waits in the HİD queue for the cron")
        self.assertEqual((sms.to, sms.template_code, sms.partner_id),
                         ("+905327000001", "etkinlik_davet", self.muhtar))
        self.assertIn("Test Halk Günü", sms.body)
        self.assertIn("05.12.2026 10:00", sms.body, "the time in Istanbul")
        self.assertEqual(self.env["mail.mail"].search_count(
            [("email_to", "=", "muhtar@example.com")]), mails_before + 1)
        self.assertEqual(muhtar_inv.state, "sent")
        self.assertFalse(stk_inv.sudo().sms_id, "a landline gets no SMS")
        self.assertEqual(stk_inv.state, "failed", "no mobile and no e-mail: not sent")
        self.assertIn("mobile", stk_inv.send_note)
        with self.assertRaises(UserError, msg="nothing left to send"):
            event.sudo(self.organizer).action_hid_send_invitations()
        muhtar_inv.write({"answer": "yes"})
        self.assertTrue(muhtar_inv.answer_date, "the answer is recorded with its date")

    def test_opted_out_contact_gets_no_sms(self):
        self.muhtar.sms_opt_out = True
        event = self.event()
        inv = self.env["hid.etkinlik.invitation"].sudo(self.organizer).create(
            {"event_id": event.id, "partner_id": self.muhtar.id, "by_email": False})
        inv.action_send()
        self.assertFalse(inv.sudo().sms_id)
        self.assertEqual(inv.state, "failed")

    def test_only_registry_contacts_are_invited(self):
        with self.assertRaises(ValidationError):
            self.env["hid.etkinlik.invitation"].sudo(self.organizer).create(
                {"event_id": self.event().id, "partner_id": self.citizen.id})

    def test_one_muhtar_per_mahalle(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({
                "name": "İkinci", "hid_contact_kind": "muhtar",
                "hid_muhtar_mahalle_id": self.emek.id})

    def test_muhtar_registry_from_master_data(self):
        Partner = self.env["res.partner"].sudo(self.organizer)
        Partner.action_hid_muhtar_from_mahalleler()
        muhtars = Partner.search([("hid_contact_kind", "=", "muhtar")])
        self.assertEqual(set(muhtars.mapped("hid_muhtar_mahalle_id").ids),
                         set(self.env["hid.mahalle"].search([]).ids),
                         "one muhtar per mahalle of the master data")
        self.assertFalse(Partner.action_hid_muhtar_from_mahalleler(), "nothing twice")


class TestHalkGunu(EtkinlikCase):

    def visit(self, event, user=None, **vals):
        values = {"event_id": event.id, "team_id": self.fen.id}
        values.update(vals)
        return self.env["hid.etkinlik.visit"].sudo(user or self.desk).create(values)

    def test_queue_numbers_and_known_citizen(self):
        event = self.event()
        first = self.visit(event, phone="0532 111 22 33")
        second = self.visit(event, visitor_name=False)
        self.assertEqual((first.queue_no, second.queue_no), (1, 2))
        self.assertEqual(first.partner_id, self.citizen, "found by phone as at intake")
        self.assertFalse(second.partner_id, "a visitor need not give a name")
        other = self.visit(self.event(name="Başka"))
        self.assertEqual(other.queue_no, 1, "numbers are per event")
        with self.assertRaises(ValidationError, msg="Temizlik has no desk here"):
            self.visit(event, team_id=self.tem.id)
        with self.assertRaises(UserError):
            first.write({"queue_no": 9})

    def test_visit_becomes_an_application_with_the_event(self):
        event = self.event()
        visit = self.visit(event, phone="0533 999 88 77", visitor_name="Ahmet Test",
                           topic="Kaldırım bozuk")
        visit.action_call()
        wizard = self.env["hid.etkinlik.visit.basvuru"].sudo(self.desk).with_context(
            default_visit_id=visit.id).create({
                "description": "Okul önündeki kaldırım çökmüş", "kvkk_notice_given": True,
                "category_id": self.cat_cukur.id})
        self.assertEqual(wizard.new_name, "Ahmet Test")
        wizard.action_save()
        ticket = visit.ticket_id
        self.assertEqual(visit.outcome, "ticket")
        self.assertEqual(visit.state, "done")
        self.assertEqual(ticket.hid_etkinlik_id, event)
        self.assertEqual(ticket.channel_id, self.env.ref("hid_basvuru.channel_halk_gunu"))
        self.assertEqual(ticket.team_id, self.fen, "routed as at any intake")
        self.assertTrue(ticket.number and ticket.number != "/", "numbered at intake")
        self.assertEqual(ticket.partner_id.mobile, "+905339998877")
        self.assertTrue(self.env["hid.sms"].search([("ticket_id", "=", ticket.id)]),
                        "the intake SMS is queued")
        self.assertIn(ticket, event.sudo(self.desk).hid_ticket_ids)
        for user in (self.desk, self.director):
            with self.assertRaises((UserError, AccessError), msg=user.login):
                ticket.sudo(user).write({"hid_etkinlik_id": False})

    def test_organizer_without_intake_right_cannot_open_an_application(self):
        event = self.event()
        visit = self.visit(event, user=self.organizer)
        wizard = self.env["hid.etkinlik.visit.basvuru"].sudo(self.organizer).create({
            "visit_id": visit.id, "name": "x", "description": "y", "anonymous": True})
        tickets = self.env["helpdesk.ticket"].search_count([])
        with self.assertRaises(AccessError):
            wizard.action_save()
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
        self.assertEqual(visit.state, "waiting")

    def test_stats(self):
        event = self.event()
        a = self.visit(event, arrival_time="2026-12-05 07:00:00")
        b = self.visit(event, arrival_time="2026-12-05 07:10:00")
        self.visit(event)
        with self.assertRaises(UserError, msg="the outcome is the buttons' to set"):
            a.write({"outcome": "ticket"})
        a._action_write({"state": "called", "call_time": "2026-12-05 07:10:00"})
        b._action_write({"state": "called", "call_time": "2026-12-05 07:30:00"})
        a.action_informed()
        ticket = self.intake(hid_etkinlik_id=event.id)
        b._finish("ticket", ticket)
        event.invalidate_cache()
        self.assertEqual(event.hid_visitor_count, 3)
        self.assertEqual(event.hid_wait_avg, 15.0, "(10 + 20) / 2 minutes")
        self.assertEqual(event.hid_ticket_share, 33.3)
        self.assertEqual((event.hid_ticket_count, event.hid_ticket_closed_count), (1, 0))
        self.env.cr.execute("UPDATE helpdesk_ticket SET closed_date = %s, legal_deadline = %s "
                            "WHERE id = %s", ("2026-12-10 09:00:00", "2026-12-31", ticket.id))
        event.invalidate_cache()
        self.assertEqual((event.hid_ticket_closed_count, event.hid_ticket_ontime_share),
                         (1, 100.0))
        self.env.cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s WHERE id = %s",
                            ("2026-12-09", ticket.id))
        event.invalidate_cache()
        self.assertEqual(event.hid_ticket_ontime_share, 0.0)


class TestPublishing(EtkinlikCase):

    def test_only_published_uncancelled_events_are_public(self):
        Event = self.env["calendar.event"]
        planned = self.event(name="Planlanan")
        announced = self.event(name="Duyurulan", start="2099-01-01 07:00:00",
                               stop="2099-01-01 09:00:00")
        announced.action_hid_announce()
        hidden = self.event(name="Yayında Değil")
        hidden.action_hid_announce()
        hidden.action_hid_unpublish()
        cancelled = self.event(name="İptal")
        cancelled.action_hid_announce()
        cancelled.action_hid_cancel()
        held = self.event(name="Yapılan", hid_kind_id=self.kind_stk.id,
                          hid_mahalle_ids=[(6, 0, self.emek.ids)])
        held._hid_close("İç tutanak: gizli ayrıntı", 10, self.stk,
                        self.env["ir.attachment"], "Kamuya açık özet")
        held.action_hid_publish()
        upcoming, past = Event._hid_public_events()
        names = [v["name"] for v in upcoming + past]
        self.assertIn("Duyurulan", [v["name"] for v in upcoming])
        self.assertIn("Yapılan", [v["name"] for v in past])
        for name in ("Planlanan", "Yayında Değil", "İptal"):
            self.assertNotIn(name, names)
        self.assertIsNone(Event._hid_public_event(planned.id))
        self.assertIsNone(Event._hid_public_event(cancelled.id))
        value = Event._hid_public_event(held.id)
        self.assertEqual(value["summary"], "Kamuya açık özet")
        self.assertNotIn("gizli", repr(value), "the internal minutes never go out")
        self.assertFalse({"partner_ids", "attendee_ids", "user_id", "hid_minutes",
                          "hid_visit_ids"} & set(value), "an allow-list of public facts")
        _up, past = Event._hid_public_events(kind_id=self.kind_stk.id)
        self.assertEqual([v["name"] for v in past if v["name"] == "Yapılan"], ["Yapılan"])
        up, past = Event._hid_public_events(mahalle_id=self.sarigazi.id)
        self.assertNotIn("Yapılan", [v["name"] for v in up + past], "filtered by mahalle")
        ical = Event._hid_public_ical("https://belediye.example")
        self.assertIn("SUMMARY:Duyurulan", ical)
        self.assertNotIn("Planlanan", ical)
        self.assertNotIn("İptal", ical)
        self.assertIn("UID:etkinlik-%d@belediye.example" % announced.id, ical)

    def test_social_text(self):
        event = self.event(hid_live_url="https://canli.example/yayin",
                           hid_host_ids=[(0, 0, {"name": "Test Başkan", "title": "Başkan"})])
        self.assertIn("https://canli.example/yayin", event.hid_social_text)
        self.assertIn("Test Başkan (Başkan)", event.hid_social_text)
        self.assertIn("05.12.2026 10:00", event.hid_social_text)
