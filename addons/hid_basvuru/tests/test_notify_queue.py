# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The müdürlük's notification of a routed application: recorded by the save, delivered
after the commit (or by the cron) to the same recipients with the same content."""
from unittest import mock

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from ..models import hid_notify_queue
from .common_ticket import HidTicketCase


class TestNotifyQueue(HidTicketCase):

    def routed_notes(self, ticket):
        return ticket.message_ids.filtered(lambda m: "was routed to" in (m.body or ""))

    def test_the_save_records_and_the_delivery_posts(self):
        ticket = self.intake()
        Queue = self.env["hid.notify.queue"]
        row = Queue.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(len(row), 1, "the save recorded the notification")
        members = (self.fen_user | self.fen_manager).mapped("partner_id")
        self.assertEqual(set(map(int, row.partner_ids.split(","))), set(members.ids))
        self.assertEqual(row.author_id, self.agent.partner_id)
        self.assertFalse(self.routed_notes(ticket), "nothing rendered or sent in the save")
        self.assertFalse(members & ticket.message_partner_ids)
        recorded = row.date
        self.assertEqual(self.deliver_notifications(), 1)
        self.assertFalse(row.exists(), "delivered rows are deleted")
        ticket.invalidate_cache()
        note = self.routed_notes(ticket)
        self.assertEqual(len(note), 1)
        self.assertIn("Application %s was routed to %s." % (ticket.number, self.fen.name),
                      note.body)
        self.assertEqual(note.partner_ids, members, "the müdürlük's members are notified")
        self.assertEqual(note.author_id, self.agent.partner_id, "signed by the acting user")
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(note.date, recorded, "dated when it was routed")
        self.assertLessEqual(members, ticket.message_partner_ids, "the members follow it")
        self.assertEqual(self.deliver_notifications(), 0, "never delivered twice")
        self.assertEqual(len(self.routed_notes(ticket)), 1)

    def test_havale_note_and_recipients_at_routing(self):
        ticket = self.intake(category_id=False)
        ticket.sudo(self.staff).action_havale(self.tem, "Acil bakılsın")
        ticket.sudo(self.staff).action_havale(self.fen)
        self.deliver_notifications()
        ticket.invalidate_cache()
        notes = self.routed_notes(ticket).sorted("id")
        self.assertEqual(len(notes), 2)
        self.assertIn("Acil bakılsın", notes[0].body)
        self.assertEqual(notes[0].partner_ids, self.tem_user.partner_id,
                         "Temizlik was notified while the application was theirs")
        self.assertEqual(notes[0].author_id, self.staff.partner_id)
        self.assertEqual(notes[1].partner_ids,
                         (self.fen_user | self.fen_manager).mapped("partner_id"))

    def test_a_failure_is_counted_and_retried(self):
        first, second = self.intake(), self.intake(category_id=self.cat_cop.id)
        Queue = self.env["hid.notify.queue"]
        real = hid_notify_queue.HidNotifyQueue._hid_post

        def failing(row):
            if row.ticket_id == first:
                raise ValueError("mail server down")
            return real(row)
        with mock.patch.object(hid_notify_queue.HidNotifyQueue, "_hid_post", failing):
            self.assertEqual(self.deliver_notifications(), 1, "the other one goes out")
        row = Queue.search([("ticket_id", "=", first.id)])
        self.assertEqual((row.attempts, row.last_error), (1, "mail server down"))
        self.assertFalse(self.routed_notes(first))
        self.assertTrue(self.routed_notes(second))
        self.assertEqual(Queue._cron_deliver(auto_commit=False), 1, "the cron retries it")
        first.invalidate_cache()
        self.assertEqual(len(self.routed_notes(first)), 1)
        self.assertFalse(row.exists())

    def test_a_row_past_its_attempts_waits(self):
        ticket = self.intake()
        row = self.env["hid.notify.queue"].search([("ticket_id", "=", ticket.id)])
        row.attempts = hid_notify_queue.MAX_ATTEMPTS
        self.assertEqual(self.env["hid.notify.queue"]._cron_deliver(auto_commit=False), 0)
        self.assertTrue(row.exists(), "kept, with its error, for a person to look at")

    def test_who_reads_the_queue(self):
        self.intake()
        self.assertTrue(self.env["hid.notify.queue"].sudo(self.director).search([]))
        for user in (self.agent, self.staff, self.fen_manager, self.fen_user):
            with self.assertRaises(AccessError):
                self.env["hid.notify.queue"].sudo(user).search([])
            with self.assertRaises(AccessError):
                self.env["hid.notify.queue"].sudo(user).create({
                    "ticket_id": self.intake().id, "partner_ids": "1",
                    "date": "2026-01-01 00:00:00"})


class TestNotifyAfterCommit(TransactionCase):
    """With real commits: the note is delivered right after the save's commit, in a
    transaction of its own; a rolled-back save leaves nothing to deliver."""

    def setUp(self):
        super().setUp()
        self.created = []
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            for ticket_id in self.created:
                cr.execute("DELETE FROM mail_message WHERE model = 'helpdesk.ticket' "
                           "AND res_id = %s", (ticket_id,))
                cr.execute("DELETE FROM mail_followers WHERE res_model = 'helpdesk.ticket' "
                           "AND res_id = %s", (ticket_id,))
                cr.execute("DELETE FROM helpdesk_ticket WHERE id = %s", (ticket_id,))

    def _save(self, commit):
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            agent = env.ref("hid_basvuru.user_cagri_merkezi")
            ticket = env["helpdesk.ticket"].sudo(agent).create({
                "name": "Gece sokak lambası yanmıyor", "description": "<p>Karanlık</p>",
                "anonymous": True, "kvkk_notice_given": True,
                "category_id": env.ref("hid_basvuru.category_asfalt_ve_cukur").id,
                "channel_id": env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
            })
            ticket_id, number = ticket.id, ticket.number
            cr.execute("SELECT count(*) FROM hid_notify_queue WHERE ticket_id = %s",
                       (ticket_id,))
            self.assertEqual(cr.fetchone()[0], 1, "recorded by the save")
            if commit:
                self.created.append(ticket_id)
                cr.commit()  # pylint: disable=invalid-commit
            else:
                cr.rollback()
        return ticket_id, number

    def _state(self, ticket_id, number="%"):
        with self.registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM hid_notify_queue WHERE ticket_id = %s",
                       (ticket_id,))
            queued = cr.fetchone()[0]
            cr.execute("SELECT body FROM mail_message WHERE model = 'helpdesk.ticket' "
                       "AND res_id = %s AND body LIKE %s", (ticket_id, "%%%s%%" % number))
            return queued, [row[0] for row in cr.fetchall()]

    def test_delivered_after_commit(self):
        ticket_id, number = self._save(commit=True)
        queued, notes = self._state(ticket_id, number)   # in the agent's language
        self.assertEqual(queued, 0, "delivered by the commit's handler")
        self.assertEqual(len(notes), 1)
        self.assertIn(number, notes[0])
        self.assertIn("Fen", notes[0])

    def test_nothing_after_rollback(self):
        ticket_id, _number = self._save(commit=False)
        self.assertEqual(self._state(ticket_id), (0, []))
