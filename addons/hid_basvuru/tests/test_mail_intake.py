# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""E-mails to basvuru@ go through Odoo's real mail gateway as RFC 822 messages."""
import base64
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from .common_ticket import HidTicketCase

DOMAIN = "sancaktepe.bel.tr"
PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
    b"AAAABJRU5ErkJggg==")


def rfc822(sender, subject, body, message_id, to="basvuru@" + DOMAIN, in_reply_to=None,
           attachment=None):
    """A raw e-mail as a mail client sends it (UTF-8, encoded headers, optional PNG)."""
    msg = MIMEMultipart()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Message-Id"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.attach(MIMEText(body, "plain", "utf-8"))
    if attachment:
        part = MIMEApplication(PNG, "png")
        part.add_header("Content-Disposition", "attachment", filename=attachment)
        msg.attach(part)
    return msg.as_string()


class TestMailIntake(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("mail.catchall.domain", DOMAIN)
        cls.citizen.email = "fatma.yilmaz@example.com"
        cls.Thread = cls.env["mail.thread"].with_context(mail_notrack=True)

    def _process(self, raw):
        self.Thread.message_process(False, raw)

    def _ticket_of(self, message_id):
        return self.env["mail.message"].search(
            [("message_id", "=", message_id), ("model", "=", "helpdesk.ticket")]).res_id

    def test_email_becomes_application_of_known_citizen(self):
        self._process(rfc822('"Fatma Yılmaz" <Fatma.Yilmaz@example.com>',
                             "Parkta kırık salıncak", "Çocuklar için tehlikeli.",
                             "<m1@example.com>", attachment="salincak.png"))
        ticket = self.env["helpdesk.ticket"].browse(self._ticket_of("<m1@example.com>"))
        self.assertTrue(ticket, "the e-mail created an application")
        self.assertEqual(ticket.name, "Parkta kırık salıncak", "encoded subject decoded")
        self.assertEqual(ticket.channel_id.code, "eposta")
        self.assertEqual(ticket.partner_id, self.citizen, "matched by address, any case")
        self.assertRegex(ticket.number, r"^\d{4}-\d{6}$")
        self.assertIn("salincak.png", ticket.attachment_ids.mapped("name"))
        self.assertIn("Çocuklar için tehlikeli", ticket.description)
        ack = ticket.message_ids.filtered(lambda m: ticket.number in (m.body or ""))
        self.assertTrue(ack and self.citizen in ack.partner_ids,
                        "the citizen gets the tracking number and the KVKK notice")

    def test_unknown_sender_becomes_a_citizen(self):
        self._process(rfc822("Mehmet Öztürk <mehmet@example.org>", "Gürültü",
                             "Gece inşaat var.", "<m2@example.org>"))
        ticket = self.env["helpdesk.ticket"].browse(self._ticket_of("<m2@example.org>"))
        self.assertEqual((ticket.partner_id.name, ticket.partner_id.email),
                         ("Mehmet Öztürk", "mehmet@example.org"))
        self.assertTrue(ticket.partner_id.hid_citizen and ticket.kvkk_notice_given)

    def test_reply_lands_in_the_same_application(self):
        self._process(rfc822("fatma.yilmaz@example.com", "Çöp", "Alınmadı.",
                             "<m3@example.com>"))
        ticket = self.env["helpdesk.ticket"].browse(self._ticket_of("<m3@example.com>"))
        ack = ticket.message_ids.filtered(lambda m: ticket.number in (m.body or ""))[:1]
        count = self.env["helpdesk.ticket"].search_count([])
        self._process(rfc822("fatma.yilmaz@example.com", "Re: Çöp", "Hâlâ alınmadı.",
                             "<m4@example.com>", to="catchall@" + DOMAIN,
                             in_reply_to=ack.message_id, attachment="cop.png"))
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count,
                         "a reply is not a new application")
        self.assertEqual(self._ticket_of("<m4@example.com>"), ticket.id)
        self.assertIn("cop.png", ticket.attachment_ids.mapped("name"))
