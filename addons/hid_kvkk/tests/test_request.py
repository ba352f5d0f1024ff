# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Data-subject requests: the 30-day light, the export (every kind of record of the
citizen, nothing of another), the erasure (what a legal duty keeps is named), the roles."""
import base64

import xlrd

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hid_basvuru.tests.common import new_user

from .common import KvkkCase

SECTION_SHEETS = ["Citizen card", "Applications", "Calls", "Call recordings",
                  "Visits (desk)", "Halk Günü queue", "Documents", "SMS",
                  "Satisfaction surveys"]


class TestRequest(KvkkCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.event = cls.env["calendar.event"].sudo().create({
            "name": "KVKK Halk Günü", "hid_kind_id": cls.env.ref(
                "hid_etkinlik.kind_halk_gunu").id,
            "start": "2026-11-05 07:00:00", "stop": "2026-11-05 10:00:00"})
        cls.clerk = new_user(cls.env, "t.kvkk.evrak", ["hid_evrak.group_hid_evrak_user"])
        cls.data = {p: cls._world(p, tag) for p, tag in ((cls.citizen, "a"), (cls.other, "b"))}
        cls.a_open = cls.app(cls.citizen, "2026-11-25 08:00:00")

    @classmethod
    def _world(cls, partner, tag):
        ticket = cls.app(partner, "2025-01-10 08:00:00", "2025-01-20 08:00:00",
                         name="Park lambası %s" % tag)
        call = cls.call(partner, "2025-02-01 10:00:00", "kvkk-req-%s" % tag)
        recording = cls.env["hid.call.recording"].sudo()._store(call, b"RIFF0000WAVE",
                                                                "audio/wav")
        visit = cls.env["hid.danisma.visit"].sudo().create({
            "partner_id": partner.id, "phone": partner.mobile,
            "purpose_id": cls.env["hid.danisma.purpose"].search([], limit=1).id,
            "note": "Ziyaret notu %s" % tag})
        event_visit = cls.env["hid.etkinlik.visit"].sudo().create({
            "event_id": cls.event.id, "partner_id": partner.id, "phone": partner.mobile,
            "topic": "Konu %s" % tag})
        evrak = cls.env["hid.evrak"].sudo(cls.clerk).create({
            "gelis_sekli": "elden", "sender_id": partner.id,
            "subject": "Dilekçe %s" % tag, "evrak_type": "dilekce",
            "sdp_id": cls.env.ref("hid_evrak.sdp_090").id, "page_count": 1,
            "kvkk_notice_given": True})
        sms = cls.env["hid.sms"].sudo().create({
            "to": "+90532000000%s" % ("1" if tag == "a" else "2"),
            "body": "SMS metni %s" % tag, "state": "sent", "partner_id": partner.id})
        survey = cls.env["hid.anket.satisfaction"].sudo().create({
            "ticket_id": ticket.id, "closure_seq": 0, "state": "answered",
            "partner_id": partner.id, "score": 4, "comment": "Yorum %s" % tag})
        return {"ticket": ticket, "call": call, "recording": recording, "visit": visit,
                "event_visit": event_visit, "evrak": evrak, "sms": sms, "survey": survey}

    def request(self, user=None, partner=None, rights=("ogrenme",), **vals):
        values = {
            "applicant_name": "Fatma Yılmaz", "tckn": "10000000146",
            "address": "Çam Sokak 5, Sancaktepe", "request_text": "Verilerimi istiyorum.",
            "channel": "yazili", "received_date": "2026-11-10",
            "right_ids": [(6, 0, [self.env.ref("hid_kvkk.right_%s" % r).id
                                  for r in rights])],
        }
        values.update(vals)
        return self.env["hid.kvkk.request"].sudo(user or self.staff).create(values)

    def test_deadline_light_and_link(self):
        req = self.request()
        self.assertTrue(req.name.startswith("KVKK/"))
        self.assertEqual(req.deadline, "2026-12-10")
        self.assertEqual(req.partner_id, self.citizen, "linked by the T.C. identity no.")
        self.assertIn(req.deadline_light, ("green", "amber", "red"))
        with self.assertRaises(ValidationError):
            self.request(tckn="12345678901")

    def test_export_holds_every_kind_and_nothing_of_another(self):
        req = self.request(rights=("ogrenme", "bilgi"))
        req.sudo(self.staff).action_export()
        self.assertEqual(req.state, "in_progress")
        book = xlrd.open_workbook(file_contents=base64.b64decode(req.export_xlsx))
        sheets = {s.name: s for s in book.sheets()}
        cells = " | ".join(str(s.cell_value(r, c)) for s in book.sheets()
                           for r in range(s.nrows) for c in range(s.ncols))
        for title in SECTION_SHEETS:
            self.assertIn(title, sheets)
            self.assertGreaterEqual(sheets[title].nrows, 2, "%s has no row" % title)
        a, b = self.data[self.citizen], self.data[self.other]
        for needle in ("Fatma Yılmaz", "10000000146", a["ticket"].number, "Ziyaret notu a",
                       "Konu a", a["evrak"].name, "SMS metni a", "Yorum a", "Arayan: Fatma"):
            self.assertIn(needle, cells)
        for needle in ("Mehmet", "10000000078", b["ticket"].number, "Ziyaret notu b",
                       "Konu b", b["evrak"].name, "SMS metni b", "Yorum b", "533 999"):
            self.assertNotIn(needle, cells)
        tickets = self.env["helpdesk.ticket"].sudo().search([("partner_id", "=", self.citizen.id)])
        self.assertEqual(sheets["Applications"].nrows, len(tickets) + 1)
        pdf = base64.b64decode(req.export_pdf)
        self.assertTrue(pdf.startswith(b"%PDF") or b"Fatma" in pdf)
        log = self.env["hid.kvkk.access.log"].sudo().search(
            [("kind", "=", "export"), ("res_id", "=", self.citizen.id)])
        self.assertEqual(log.user_id, self.staff)

    def test_erase_keeps_what_the_law_keeps(self):
        a, b = self.data[self.citizen], self.data[self.other]
        req = self.request(rights=("silme",))
        req.sudo(self.staff).action_erase()
        summary = req.erasure_summary
        self.assertIn(self.a_open.number, summary)
        self.assertIn(a["evrak"].name, summary)
        for key in ("ticket", "call", "visit", "event_visit", "sms", "survey"):
            a[key].invalidate_cache()
            self.assertTrue(a[key].hid_kvkk_anonymized, key)
            b[key].invalidate_cache()
            self.assertFalse(b[key].hid_kvkk_anonymized, key)
        self.assertTrue(a["recording"].destroyed)
        self.assertFalse(b["recording"].destroyed)
        # The open application and the citizen card (it has an open application) stay.
        self.assertFalse(self.a_open.sudo().hid_kvkk_anonymized)
        self.assertEqual(self.citizen.name, "Fatma Yılmaz")
        self.assertTrue(a["evrak"].sudo().sender_id)
        kinds = set(req.sudo().destruction_ids.mapped("kind"))
        self.assertEqual(req.sudo().destruction_ids.mapped("user_id"), self.staff)
        self.assertEqual(kinds, {"application", "call", "call_recording", "visit",
                                 "event_visit", "sms", "survey_answer"})

    def test_erase_whole_citizen_when_nothing_is_open(self):
        """Nothing open: the card goes too — unless the citizen sent a registered document
        (the registry names its sender through the card)."""
        self.env.cr.execute("UPDATE helpdesk_ticket SET closed = TRUE, stage_id = %s "
                            "WHERE partner_id = %s", (self.stages["closed"], self.citizen.id))
        req = self.request(rights=("silme",))
        req.sudo(self.staff).action_erase()
        self.citizen.invalidate_cache()
        self.assertEqual(self.citizen.sudo().name, "Fatma Yılmaz")
        self.assertIn("sender", req.with_context(lang="en_US").erasure_summary)
        loner = self.env["res.partner"].create({
            "name": "Yalnız Vatandaş", "hid_citizen": True, "mobile": "0536 111 22 33",
            "tckn": "10000000382"})
        self.app(loner, "2025-01-10 08:00:00", "2025-01-20 08:00:00")
        req2 = self.request(applicant_name="Yalnız Vatandaş", tckn="10000000382",
                            rights=("silme",))
        self.assertEqual(req2.partner_id, loner)
        req2.sudo(self.staff).action_erase()
        loner.invalidate_cache()
        self.assertEqual(loner.sudo().name, "Anonim vatandaş #%d" % loner.id)
        self.assertFalse(loner.sudo().tckn or loner.sudo().mobile)
        self.assertEqual(self.other.sudo().name, "Mehmet Başka")

    def test_erase_needs_the_right_and_legal_hold_blocks(self):
        req = self.request(rights=("ogrenme",))
        with self.assertRaises(UserError):
            req.sudo(self.staff).action_erase()
        self.env["hid.kvkk.legal.hold.wizard"].sudo(self.staff)._apply(
            "res.partner", self.citizen.ids, "set", "Savcılık yazısı")
        req2 = self.request(rights=("silme",))
        req2.sudo(self.staff).action_erase()
        self.assertFalse(req2.sudo().destruction_ids)
        self.assertIn("Savcılık yazısı", req2.erasure_summary)

    def test_answer_and_states(self):
        req = self.request()
        req.sudo(self.staff).action_start()
        with self.assertRaises(UserError):
            req.sudo(self.staff).action_send_answer()
        req.sudo(self.staff).write({"decision": "rejected", "answer": "Cevap"})
        with self.assertRaises(UserError):
            req.sudo(self.staff).action_send_answer()
        req.sudo(self.staff).write({"decision_reason": "Kimlik doğrulanamadı"})
        req.sudo(self.staff).action_send_answer()
        self.assertEqual(req.state, "answered")
        self.assertEqual(req.deadline_light, "done")
        self.assertTrue(req.answer_date)
        # Closed: nobody edits it; the state never changes by a plain write.
        with self.assertRaises(AccessError):
            req.sudo(self.staff).write({"answer": "değişti"})
        other = self.request()
        with self.assertRaises(AccessError):
            other.sudo(self.director).write({"state": "answered"})
        with self.assertRaises(AccessError):
            other.sudo(self.staff).with_context(_hid_kvkk_action=True).write(
                {"state": "answered"})

    def test_roles(self):
        req = self.request()
        for user in (self.agent, self.fen_user, self.fen_manager):
            with self.assertRaises(AccessError):
                self.request(user=user)
            with self.assertRaises(AccessError):
                req.sudo(user).read(["applicant_name"])
            with self.assertRaises(AccessError):
                req.sudo(user).action_export()
        with self.assertRaises(AccessError):
            req.sudo(self.director).unlink()
