# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Chatter and mail records of applications, seen by users outside the directorate.

Two applications come in by e-mail through the real gateway from a citizen: a confidential
ihbar routed to Fen İşleri, and one routed to Fen İşleri first (its users are notified and
follow it) then re-routed to Temizlik İşleri. A Fen İşleri user sees the chatter of the first
without the citizen, and nothing at all of the second.
"""
import base64

from odoo.exceptions import AccessError

from .common import new_user
from .common_ticket import HidTicketCase, deliver_notifications
from .test_mail_intake import DOMAIN, rfc822

G_EVRAK = "hid_evrak.group_hid_evrak_user"


class TestMailSecurity(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("mail.catchall.domain", DOMAIN)
        cls.citizen.email = "fatma.yilmaz@example.com"
        Thread = cls.env["mail.thread"].with_context(mail_notrack=True)
        Ticket = cls.env["helpdesk.ticket"]
        Message = cls.env["mail.message"]

        def by_mail(message_id, subject, attachment):
            Thread.message_process(False, rfc822(
                '"Fatma Yılmaz" <fatma.yilmaz@example.com>', subject, "Lütfen bakın.",
                message_id, attachment=attachment))
            return Ticket.browse(Message.search([("message_id", "=", message_id)]).res_id)

        cls.ihbar = by_mail("<ihbar@example.com>", "Kaçak yapı ihbarı", "ihbar.png")
        cls.ihbar.sudo().write({"confidential": True,
                                "basvuru_type_id": cls.env.ref("hid_basvuru.type_ihbar").id})
        cls.ihbar.sudo(cls.staff).action_havale(cls.fen)
        deliver_notifications(cls.env)   # as after the commit of each save
        # the citizen follows (helpdesk_mgmt subscribes a ticket's customer on some paths)
        cls.ihbar.message_subscribe(partner_ids=cls.citizen.ids)
        cls.other = by_mail("<other@example.com>", "Çöp alınmadı", "cop.png")
        cls.other.sudo(cls.staff).action_havale(cls.fen)
        deliver_notifications(cls.env)
        cls.other.sudo(cls.staff).action_havale(cls.tem)
        deliver_notifications(cls.env)
        cls.other_activity = cls.env["mail.activity"].create({
            "res_model_id": cls.env.ref("helpdesk_mgmt.model_helpdesk_ticket").id,
            "res_id": cls.other.id,
            "user_id": cls.tem_user.id,
            "summary": "Çöp yerinde kontrol",
        })
        cls.ihbar_activity = cls.env["mail.activity"].create({
            "res_model_id": cls.env.ref("helpdesk_mgmt.model_helpdesk_ticket").id,
            "res_id": cls.ihbar.id,
            "user_id": cls.fen_manager.id,
            "summary": "Yerinde inceleme",
        })
        cls.incoming = Message.search([("message_id", "=", "<ihbar@example.com>")])
        cls.ack = cls.ihbar.message_ids.filtered(lambda m: cls.citizen in m.partner_ids)
        # a tracked change of the applicant, as the gateway's later match would leave it
        cls.tracking = cls.env["mail.tracking.value"].create({
            "mail_message_id": cls.ack.id, "field": "partner_id", "field_desc": "Customer",
            "field_type": "many2one", "new_value_integer": cls.citizen.id,
            "new_value_char": cls.citizen.name,
        })
        cls.fen_user.partner_id.email = "fen.user@example.com"
        # the acknowledgement as it waits in the queue (sent ones are deleted)
        cls.ack_mail = cls.env["mail.mail"].create({
            "mail_message_id": cls.ack.id, "body_html": cls.ack.body, "state": "exception",
            "email_to": cls.citizen.email, "recipient_ids": [(4, cls.citizen.id)],
        })

    def as_(self, user, model):
        return self.env[model].sudo(user)

    def other_messages(self):
        return self.env["mail.message"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", self.other.id)])

    # ------------------------------------------------------------------
    # The world is as the tests assume
    # ------------------------------------------------------------------

    def test_preconditions(self):
        self.assertEqual(self.incoming.author_id, self.citizen)
        self.assertIn(self.citizen, self.ack.partner_ids)
        self.assertIn(self.citizen, self.ihbar.message_partner_ids)
        self.assertTrue(self.other_messages().filtered(
            lambda m: self.fen_user.partner_id in m.partner_ids),
            "Fen İşleri was notified while the application was theirs")
        self.assertTrue(self.env["mail.mail"].search(
            [("mail_message_id", "=", self.ack.id)]), "the acknowledgement is an e-mail")

    # ------------------------------------------------------------------
    # Messages
    # ------------------------------------------------------------------

    def test_messages_only_of_readable_applications(self):
        Message = self.as_(self.fen_user, "mail.message")
        others = self.other_messages()
        self.assertFalse(Message.search([("id", "in", others.ids)]),
                         "not even the havale note Fen İşleri was notified of")
        self.assertFalse(Message.search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", self.other.id)]))
        self.assertEqual(Message.search_count([("id", "in", others.ids)]), 0)
        self.assertFalse(Message.search([("needaction", "=", True),
                                         ("res_id", "=", self.other.id)]))
        groups = Message.read_group([("model", "=", "helpdesk.ticket")], ["res_id"],
                                    ["res_id"])
        self.assertNotIn(self.other.id, [g["res_id"] for g in groups],
                         "read_group skipped the document filter")
        for method in (lambda m: m.read(["body"]), lambda m: m.message_format(),
                       lambda m: m.name_get()):
            with self.assertRaises(AccessError):
                method(Message.browse(others[:1].ids))
        self.assertTrue(Message.search([("model", "=", "helpdesk.ticket"),
                                        ("res_id", "=", self.ihbar.id)]),
                        "the müdürlük still reads the chatter of its applications")
        self.assertEqual(len(self.as_(self.tem_user, "mail.message").search(
            [("id", "in", others.ids)])), len(others), "Temizlik İşleri reads its own")

    def test_citizen_author_and_recipients_hidden(self):
        Message = self.as_(self.fen_user, "mail.message")
        incoming = Message.browse(self.incoming.id)
        vals = incoming.read(["author_id", "email_from", "reply_to", "author_avatar"])[0]
        self.assertFalse(vals["author_id"])
        self.assertFalse(vals["author_avatar"])
        self.assertNotIn("fatma", (vals["email_from"] or "").lower())
        self.assertNotIn("fatma", (vals["reply_to"] or "").lower())
        ack = Message.browse(self.ack.id).read(["partner_ids", "needaction_partner_ids",
                                                "notification_ids"])[0]
        self.assertNotIn(self.citizen.id, ack["partner_ids"])
        self.assertNotIn(self.citizen.id, ack["needaction_partner_ids"])
        notified = self.env["mail.notification"].browse(ack["notification_ids"])
        self.assertNotIn(self.citizen, notified.mapped("res_partner_id"))
        formatted = Message.search([("model", "=", "helpdesk.ticket"),
                                    ("res_id", "=", self.ihbar.id)]).message_format()
        text = repr(formatted)
        self.assertNotIn("Fatma", text)
        self.assertNotIn("fatma.yilmaz", text)
        self.assertNotIn(self.citizen.id, [p for m in formatted
                                           for p in m["needaction_partner_ids"]])
        author = [m["author_id"] for m in formatted if m["id"] == self.incoming.id][0]
        self.assertEqual(author[0], 0, "no partner id to look up either")
        fetched = Message.message_fetch([("model", "=", "helpdesk.ticket"),
                                         ("res_id", "=", self.ihbar.id)])
        self.assertNotIn("Fatma", repr(fetched))

    def test_unknown_sender_hidden(self):
        """The gateway registers an unknown sender after parsing: the message has no author
        partner, only the From."""
        self.env["mail.thread"].with_context(mail_notrack=True).message_process(
            False, rfc822("Mehmet Öztürk <mehmet.ozturk@example.org>", "Gürültü", "Gece.",
                          "<unknown@example.org>"))
        incoming = self.env["mail.message"].search([("message_id", "=", "<unknown@example.org>")])
        ticket = self.env["helpdesk.ticket"].browse(incoming.res_id)
        ticket.sudo(self.staff).action_havale(self.fen)
        Message = self.as_(self.fen_user, "mail.message")
        formatted = Message.browse(ticket.message_ids.ids).message_format()
        self.assertTrue(formatted)
        self.assertNotIn("mehmet", repr(formatted).lower())
        self.assertNotIn("mehmet", repr(Message.browse(incoming.ids).read()).lower())
        self.assertIn("mehmet", repr(self.as_(self.staff, "mail.message").browse(
            incoming.ids).message_format()).lower())

    def test_directorate_sees_the_applicant(self):
        Message = self.as_(self.staff, "mail.message")
        formatted = Message.browse((self.incoming | self.ack).ids).message_format()
        self.assertIn("Fatma Yılmaz", repr(formatted))
        self.assertEqual(Message.browse(self.incoming.id).author_id, self.citizen)
        self.assertTrue(Message.search([("author_id", "=", self.citizen.id)]))
        self.assertTrue(Message.search([("id", "in", self.other_messages().ids)]))

    def test_tracked_applicant_hidden(self):
        formatted = self.as_(self.fen_user, "mail.message").browse(
            self.ack.id).message_format()[0]
        self.assertFalse(formatted["tracking_value_ids"])
        formatted = self.as_(self.staff, "mail.message").browse(
            self.ack.id).message_format()[0]
        self.assertEqual([t["id"] for t in formatted["tracking_value_ids"]],
                         self.tracking.ids)

    def test_no_search_group_or_order_by_author_or_recipient(self):
        Message = self.as_(self.fen_user, "mail.message")
        for domain in ([("author_id", "=", self.citizen.id)],
                       [("author_id.name", "ilike", "Fatma")],
                       [("email_from", "ilike", "fatma")],
                       [("partner_ids", "in", [self.citizen.id])],
                       [("needaction_partner_ids", "=", self.citizen.id)],
                       [("notification_ids.res_partner_id", "=", self.citizen.id)],
                       [("tracking_value_ids.new_value_char", "ilike", "Fatma")],
                       ["!", ("author_id", "!=", self.citizen.id)]):
            with self.assertRaises(AccessError, msg=domain):
                Message.search(domain)
        with self.assertRaises(AccessError):
            Message.read_group([], ["author_id"], ["author_id"])
        with self.assertRaises(AccessError):
            Message.search([], order="author_id")
        own = self.fen_user.partner_id.id
        Message.search([("needaction_partner_ids", "in", own)])
        Message.search([("author_id", "=", own)])
        Message.search([("needaction", "=", True)])
        Message.search([("starred", "=", True)])

    def test_muduluk_posts_notes_on_its_application(self):
        ticket = self.ihbar.sudo(self.fen_user)
        message = ticket.message_post(body="Yerinde bakıldı.", subtype="mail.mt_note",
                                      message_type="comment")
        fetched = self.as_(self.fen_user, "mail.message").message_fetch(
            [("id", "=", message.id)])
        self.assertEqual(fetched[0]["author_id"][0], self.fen_user.partner_id.id)
        self.assertIn("Yerinde bakıldı.", fetched[0]["body"])
        ticket.message_post(body="Vatandaşa bilgi verildi.", subtype="mail.mt_comment",
                            message_type="comment")
        with self.assertRaises(AccessError):
            self.other.sudo(self.fen_user).message_post(body="x", subtype="mail.mt_note")

    def test_suggested_recipients_name_no_citizen(self):
        self.ihbar.message_unsubscribe(partner_ids=self.citizen.ids)
        suggested = self.ihbar.sudo(self.fen_user).message_get_suggested_recipients()
        self.assertNotIn("fatma", repr(suggested).lower())
        suggested = self.ihbar.sudo(self.staff).message_get_suggested_recipients()
        self.assertIn("fatma", repr(suggested).lower())

    # ------------------------------------------------------------------
    # Notifications, e-mails, followers, activities, attachments
    # ------------------------------------------------------------------

    def test_notifications(self):
        Notification = self.as_(self.fen_user, "mail.notification")
        seen = Notification.search([])
        self.assertNotIn(self.citizen, seen.mapped("res_partner_id"))
        self.assertFalse(seen.sudo().filtered(
            lambda n: n.mail_message_id.res_id == self.other.id
            and n.mail_message_id.model == "helpdesk.ticket"),
            "not even Fen İşleri's own notifications of it")
        groups = Notification.read_group([], ["res_partner_id"], ["res_partner_id"])
        self.assertNotIn(self.citizen.id, [g["res_partner_id"] and g["res_partner_id"][0]
                                           for g in groups])
        hidden = self.env["mail.notification"].search(
            [("res_partner_id", "=", self.citizen.id)])
        self.assertTrue(hidden)
        with self.assertRaises(AccessError):
            Notification.browse(hidden[:1].ids).read(["res_partner_id"])
        self.assertTrue(self.as_(self.staff, "mail.notification").search(
            [("res_partner_id", "=", self.citizen.id)]))

    def test_outgoing_mails_of_applications_unreadable(self):
        mails = self.env["mail.mail"].search([("model", "=", "helpdesk.ticket")])
        self.assertIn(self.ack_mail, mails)
        for user in (self.fen_user, self.fen_manager, self.tem_user):
            Mail = self.as_(user, "mail.mail")
            self.assertFalse(Mail.search([("id", "in", mails.ids)]))
            self.assertFalse(Mail.read_group([("id", "in", mails.ids)], ["email_to"],
                                             ["email_to"]))
            with self.assertRaises(AccessError):
                Mail.browse(mails[:1].ids).read(["body_html", "email_to", "recipient_ids"])

    def test_followers(self):
        Followers = self.as_(self.fen_user, "mail.followers")
        self.assertFalse(Followers.search([("res_model", "=", "helpdesk.ticket"),
                                           ("res_id", "=", self.other.id)]))
        mine = Followers.search([("res_model", "=", "helpdesk.ticket"),
                                 ("res_id", "=", self.ihbar.id)])
        self.assertIn(self.fen_user.partner_id, mine.mapped("partner_id"))
        self.assertNotIn(self.citizen, mine.mapped("partner_id"))
        self.assertFalse(Followers.search([("partner_id", "=", self.citizen.id)]))
        ticket = self.ihbar.sudo(self.fen_user)
        self.assertNotIn(self.citizen.id, ticket.read(["message_partner_ids"])[0][
            "message_partner_ids"])
        self.assertNotIn(self.citizen, ticket.message_follower_ids.mapped("partner_id"))
        self.assertFalse(self.env["helpdesk.ticket"].sudo(self.fen_user).search(
            [("message_partner_ids", "in", [self.citizen.id])]))
        citizen_follower = self.env["mail.followers"].search(
            [("partner_id", "=", self.citizen.id), ("res_id", "=", self.ihbar.id)])
        with self.assertRaises(AccessError):
            Followers.browse(citizen_follower.ids).read(["partner_id"])
        self.assertIn(self.citizen, self.ihbar.sudo(self.staff).message_partner_ids)

    def test_activities(self):
        Activity = self.as_(self.fen_user, "mail.activity")
        self.assertFalse(Activity.search([("id", "=", self.other_activity.id)]))
        self.assertFalse(Activity.search([("res_id", "=", self.other.id)]))
        with self.assertRaises(AccessError):
            Activity.browse(self.other_activity.id).read(["summary", "res_name"])
        self.assertEqual(Activity.search([("res_id", "=", self.ihbar.id),
                                          ("res_model", "=", "helpdesk.ticket")]),
                         self.ihbar_activity)
        self.assertTrue(self.as_(self.tem_user, "mail.activity").search(
            [("id", "=", self.other_activity.id)]))

    def test_attachments(self):
        files = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.other.id)])
        self.assertIn("cop.png", files.mapped("name"))
        files.write({"public": True})
        Attachment = self.as_(self.fen_user, "ir.attachment")
        self.assertFalse(Attachment.search([("id", "in", files.ids)]))
        self.assertFalse(Attachment.read_group(
            [("res_model", "=", "helpdesk.ticket")], ["res_id"], ["res_id"]) and [
            g for g in Attachment.read_group([("res_model", "=", "helpdesk.ticket")],
                                             ["res_id"], ["res_id"])
            if g["res_id"] == self.other.id])
        with self.assertRaises(AccessError):
            Attachment.browse(files[:1].ids).read(["datas", "name"])
        own = Attachment.search([("res_model", "=", "helpdesk.ticket"),
                                 ("res_id", "=", self.ihbar.id)])
        self.assertIn("ihbar.png", own.mapped("name"))
        self.assertTrue(base64.b64decode(own.filtered(
            lambda a: a.name == "ihbar.png").datas))

    # ------------------------------------------------------------------
    # Evrak Kayıt reads every application, never the confidential applicant
    # ------------------------------------------------------------------

    def test_evrak_kayit_sees_no_citizen_in_mail_records(self):
        if not self.env.ref(G_EVRAK, raise_if_not_found=False):
            self.skipTest("hid_evrak is not installed")
        clerk = new_user(self.env, "t.evrak.mail", [G_EVRAK])
        Message = self.as_(clerk, "mail.message")
        formatted = Message.search([("model", "=", "helpdesk.ticket"),
                                    ("res_id", "=", self.ihbar.id)]).message_format()
        self.assertTrue(formatted)
        self.assertNotIn("Fatma", repr(formatted))
        with self.assertRaises(AccessError):
            Message.search([("author_id", "=", self.citizen.id)])
        self.assertFalse(self.as_(clerk, "mail.mail").search(
            [("model", "=", "helpdesk.ticket")]))
        self.assertFalse(self.as_(clerk, "mail.followers").search(
            [("partner_id", "=", self.citizen.id)]))
        self.assertFalse(self.as_(clerk, "mail.notification").search(
            [("res_partner_id", "=", self.citizen.id)]))
        self.assertNotIn(self.citizen, self.ihbar.sudo(clerk).message_partner_ids)
