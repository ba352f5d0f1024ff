# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import re

from unittest.mock import patch

import pytz

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import PDF, PNG, HidEvrakCase

TZ = pytz.timezone("Europe/Istanbul")


class TestRegistration(HidEvrakCase):

    def test_registry_number_and_defaults(self):
        first = self.register()
        second = self.register()
        self.assertRegex(first.name, r"^\d{4}/\d{6}$", "kayıt no is year/six digits")
        y1, n1 = first.name.split("/")
        y2, n2 = second.name.split("/")
        self.assertEqual((y1, int(n1) + 1), (y2, int(n2)), "consecutive, no gap")
        self.assertEqual(first.subject, "Yol çalışması hakkında")
        self.assertEqual(first.state, "registered")
        registered = self.env["hid.evrak"]._today()
        self.assertEqual(first.answer_deadline,
                         fields.Date.to_string(first._answer_deadline(registered)),
                         "answer due by the 3071 rule of the applications")

    def test_answer_deadline_follows_the_working_day_calendar(self):
        """30 days from a fixed day, whatever today is: a last day on a holiday moves on."""
        Evrak = self.env["hid.evrak"]
        self.assertEqual(Evrak._answer_deadline(datetime.date(2026, 11, 2)),
                         datetime.date(2026, 12, 2), "a working day stays")
        self.assertEqual(Evrak._answer_deadline(datetime.date(2026, 12, 2)),
                         datetime.date(2027, 1, 4), "1 January (Friday) moves to Monday")
        self.env["hid.holiday"].create({"date": "2027-01-04", "name": "İdari izin",
                                        "kind": "holiday"})
        self.assertEqual(Evrak._answer_deadline(datetime.date(2026, 12, 2)),
                         datetime.date(2027, 1, 5), "an administrative leave day counts too")
        fixed = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=TZ)
        with patch.object(type(Evrak), "_now", lambda self: fixed):
            evrak = self.register()
        self.assertEqual((evrak.name[:4], evrak.answer_deadline), ("2026", "2027-01-05"))

    def test_mandatory_subject(self):
        with self.assertRaises(ValidationError):
            self.register(subject="")

    def test_miat_in_the_past_is_refused(self):
        with self.assertRaises(ValidationError):
            self.register(ivedilik="gunlu", miat_date="2020-01-01")
        with self.assertRaises(ValidationError):
            self.register(ivedilik="gunlu")
        future = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
        evrak = self.register(ivedilik="gunlu", miat_date=future)
        self.assertEqual(evrak.answer_deadline, future, "a Günlü document is due on its miat")

    def test_scans_sniffed_by_content(self):
        evrak = self.register(scan_ids=[(0, 0, {"name": "tarama.pdf", "datas": PDF}),
                                        (0, 0, {"name": "sayfa2.png", "datas": PNG})])
        self.assertEqual(evrak.scan_ids.mapped("mimetype"), ["application/pdf", "image/png"])
        count = self.env["hid.evrak"].search_count([])
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():  # as the RPC request's rollback
            self.register(scan_ids=[(0, 0, {"name": "virus.pdf",
                                            "datas": "TVqQAAMAAAAEAAAA"})])  # MZ: an .exe
        self.assertEqual(self.env["hid.evrak"].search_count([]), count, "nothing half-saved")

    def test_duplicate_sender_number_is_linked_not_lost(self):
        first = self.register(sender_no="E-12345")
        again = self.register(sender_no=" E-12345 ")
        other = self.register(sender_no="E-12345", sender_id=self.citizen.id)
        self.assertEqual(again.duplicate_of_id, first, "same institution and number: linked")
        self.assertTrue(again.id and again.name != first.name, "and registered all the same")
        self.assertFalse(other.duplicate_of_id, "another sender's number is another document")
        self.assertTrue(any("E-12345" in m.body or first.name in m.body
                            for m in first.message_ids), "the original is told")

    def test_citizen_petition_opens_an_application(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              subject="Sokak lambası yanmıyor", kvkk_notice_given=True)
        ticket = evrak.ticket_id
        self.assertTrue(ticket, "a citizen's dilekçe becomes an application")
        ticket = ticket.sudo()
        self.assertEqual(ticket.channel_id, self.env.ref("hid_basvuru.channel_evrak"))
        self.assertEqual(ticket.legal_basis, "3071")
        self.assertEqual(ticket.evrak_no, evrak.name)
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertIn(evrak, ticket.evrak_ids, "the link is visible from the application")
        self.assertEqual(ticket.legal_deadline, evrak.answer_deadline,
                         "the application and its petition are due on the same day (3071)")
        self.assertEqual(evrak.sudo(self.agent).ticket_id, ticket,
                         "HİM staff see the link from the document too")

    def test_secret_petition_keeps_its_subject_out_of_the_application(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              gizlilik="gizli", subject="Komşumun kaçak yapısı",
                              kvkk_notice_given=True)
        ticket = evrak.ticket_id.sudo()
        self.assertNotIn("kaçak", ticket.name + (ticket.description or ""))
        self.assertIn(evrak.name, ticket.name)

    def test_raising_gizlilik_takes_the_subject_out_of_the_application(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              subject="Komşumun kaçak yapısı", kvkk_notice_given=True)
        ticket = evrak.ticket_id.sudo()
        self.assertIn("kaçak", ticket.name, "a normal petition names its subject")
        with self.assertRaises(AccessError, msg="only the registry changes the gizlilik"):
            evrak.sudo(self.agent).write({"gizlilik": "gizli"})
        self.assertIn("kaçak", ticket.name)
        evrak.sudo(self.clerk).write({"gizlilik": "cok_gizli"})
        ticket.invalidate_cache()
        self.assertNotIn("kaçak", ticket.name + (ticket.description or ""))
        self.assertIn(evrak.name, ticket.name)
        self.assertEqual(evrak.sudo(self.clerk).subject, "Komşumun kaçak yapısı",
                         "the registry keeps it")

    def test_raising_gizlilik_leaves_an_application_it_did_not_open(self):
        ticket = self.intake(name="Sokak lambası")
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              ticket_id=ticket.id, kvkk_notice_given=True)
        evrak.sudo(self.clerk).write({"gizlilik": "gizli"})
        self.assertEqual(ticket.sudo().name, "Sokak lambası",
                         "the citizen's own words on another channel are not the document's")

    def test_duplicate_warning_in_the_form(self):
        first = self.register(sender_no="W-1")
        form = self.env["hid.evrak"].sudo(self.clerk).new(
            {"sender_id": self.institution.id, "sender_no": "W-1"})
        warning = form._onchange_sender_no()
        self.assertIn(first.name, warning["warning"]["message"])

    def test_petition_links_an_existing_application(self):
        ticket = self.intake()
        evrak = self.register(sender_id=self.citizen.id, evrak_type="dilekce",
                              ticket_id=ticket.id, kvkk_notice_given=True)
        self.assertEqual(evrak.ticket_id, ticket)
        self.assertEqual(ticket.evrak_no, evrak.name)
        self.assertEqual(self.env["helpdesk.ticket"].search_count(
            [("evrak_no", "=", evrak.name)]), 1, "linked, not a second application")

    def test_petition_without_kvkk_notice_saves_nothing(self):
        count = self.env["hid.evrak"].search_count([])
        with self.assertRaises(ValidationError):
            self.register(sender_id=self.citizen.id, evrak_type="dilekce")
        self.assertEqual(self.env["hid.evrak"].search_count([]), count)

    def test_institution_letter_opens_no_application(self):
        evrak = self.register()
        self.assertFalse(evrak.ticket_id)
        self.assertFalse(re.search("[^0-9/]", evrak.name))

    def test_linking_later_sets_the_registry_number(self):
        evrak = self.register(sender_id=self.citizen.id, evrak_type="diger")
        ticket = self.intake()
        evrak.sudo(self.clerk).write({"ticket_id": ticket.id})
        self.assertEqual(ticket.evrak_no, evrak.name)
        self.assertIn(evrak, ticket.evrak_ids)
        with self.assertRaises(ValidationError):
            evrak.sudo(self.clerk).write({"ticket_id": self.intake().id})

    def test_physical_attachments_kept_with_the_subject(self):
        evrak = self.register(physical_attachments="1 CD, 2 fotoğraf")
        self.assertEqual(evrak.physical_attachments, "1 CD, 2 fotoğraf")
        evrak.sudo(self.clerk).write({"physical_attachments": "1 CD"})
        evrak.invalidate_cache()
        self.assertEqual(evrak.physical_attachments, "1 CD")
        self.assertEqual(evrak.subject, "Yol çalışması hakkında", "the subject stays")
