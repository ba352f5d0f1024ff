# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Closed applications on fixed dates, and the satisfaction survey they get."""
import contextlib
import datetime
import re
from unittest import mock

from odoo import fields

from odoo.addons.hid_basvuru.tests.common import new_user
from odoo.addons.hid_basvuru.tests.common_ticket import HidTicketCase

CLOSED_AT = "2026-06-01 10:00:00"
CLOSED = datetime.datetime(2026, 6, 1, 10, 0)
LINK = re.compile(r"/anket/([A-Za-z0-9_-]{20,64})")


@contextlib.contextmanager
def frozen_now(value):
    """helpdesk_mgmt stamps closed_date with fields.Datetime.now(): a fixed closure date."""
    with mock.patch.object(fields.Datetime, "now", return_value=value):
        yield


class AnketCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_user(cls.env, "t.anket.manager", ["hid_anket.group_hid_anket_manager"])
        cls.collector = new_user(cls.env, "t.anket.collector",
                                 ["hid_anket.group_hid_anket_collector"])
        cls.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://hid.example")
        cls.env["ir.config_parameter"].sudo().set_param("hid_basvuru.reopen_days", "30")
        cls.Satisfaction = cls.env["hid.anket.satisfaction"]

    def closed_ticket(self, closure="cozuldu", when=CLOSED_AT, **vals):
        """An application answered by Fen İşleri and closed by HİM staff at `when`."""
        ticket = self.intake(**vals)
        member = self.fen_user if ticket.sudo().team_id == self.fen else self.tem_user
        ticket.sudo(member).action_answer("Çukur kapatıldı.")
        with frozen_now(when):
            ticket.sudo(self.staff).action_close(closure)
        self.assertEqual(ticket.closed_date, when)
        return ticket

    def survey_of(self, ticket):
        return self.Satisfaction.sudo().search([("ticket_id", "=", ticket.id)],
                                               order="closure_seq desc", limit=1)

    def send(self, ticket, now=None):
        """Run the cron on the day the survey is due; return (survey, token from the SMS the
        provider will get: the shown body has it masked)."""
        record = self.survey_of(ticket)
        now = now or datetime.datetime.combine(
            fields.Date.from_string(record.scheduled_date), datetime.time(9, 0))
        self.Satisfaction._cron_send(now=now)
        sms = self.env["hid.sms"].sudo().search(
            [("ticket_id", "=", ticket.id), ("template_code", "=", "anket_satisfaction")],
            order="id desc", limit=1)
        match = LINK.search(sms.private_body or "")
        return record, match.group(1) if match else None
