# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The public status lookup does the same work for a known number with a wrong phone and for
an unknown number: the same queries and the same constant-time comparisons, so its timing
does not tell which numbers exist."""
import hmac
from unittest import mock

from ..models import helpdesk_ticket_public
from .common_ticket import HidTicketCase


class TestStatusEqualWork(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"].sudo(cls.env.ref("base.public_user"))
        cls.ticket = cls.intake(cls, name="Çöp toplanmadı", category_id=cls.cat_cop.id)

    def _work(self, number, phone, ip):
        """(queries, compared values, result) of one status query."""
        compared = []
        real = hmac.compare_digest

        def counting(a, b):
            compared.append(a)
            return real(a, b)
        self.Ticket.invalidate_cache()
        before = self.env.cr.sql_log_count
        with mock.patch.object(helpdesk_ticket_public.hmac, "compare_digest", counting):
            result = self.Ticket._hid_public_status(number, phone, ip)
        return self.env.cr.sql_log_count - before, len(compared), result

    def test_wrong_phone_and_unknown_number_do_the_same_work(self):
        self._work("2099-000000", "0532 111 22 33", "198.51.100.20")   # caches warm
        wrong = self._work(self.ticket.number, "0555 000 00 01", "198.51.100.21")
        unknown = self._work("2099-999999", "0532 111 22 33", "198.51.100.22")
        self.assertIs(wrong[2], False)
        self.assertIs(unknown[2], False)
        self.assertEqual(wrong[:2], unknown[:2], "same queries and comparisons")
        self.assertEqual(wrong[1], 3, "always three candidates compared")
        self._work(self.ticket.number, "0532 111 22 33", "198.51.100.23")   # labels cached
        right = self._work(self.ticket.number, "0532 111 22 33", "198.51.100.23")
        self.assertEqual(right[2]["number"], self.ticket.number)
        self.assertEqual(right[1], 3)
        self.assertEqual(right[0], wrong[0], "the page data came with the look-up")

    def test_anonymous_application_compares_fillers(self):
        self._work("2099-000000", "0532 111 22 33", "198.51.100.20")   # caches warm
        anonymous = self.intake(anonymous=True, partner_id=False)
        work = self._work(anonymous.number, "0532 111 22 33", "198.51.100.24")
        self.assertEqual(work[1:], (3, False), "nothing proves an anonymous applicant")
