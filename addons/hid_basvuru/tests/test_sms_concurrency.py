# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two sending workers on real, committed rows: a locked message is skipped, never sent twice.

These tests need their own committed transactions (a savepoint cannot show a row lock to
another connection), so they use separate cursors and delete what they created.
"""
from contextlib import closing

from odoo import api
from odoo.tests.common import TransactionCase

from ..lib.sms import fake_server

PARAMS = {"provider": "netgsm", "username": fake_server.USERNAME,
          "password": fake_server.PASSWORD, "sender": fake_server.SENDER, "timeout": "2"}


class TestSmsWorkers(TransactionCase):

    def setUp(self):
        super().setUp()
        self.fake = fake_server.FakeSmsServer().__enter__()
        self.addCleanup(self.fake.__exit__, None, None, None)
        self.ids = []
        self.saved = {}
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, 1, {})
            params = env["ir.config_parameter"]
            # Messages queued before (demo data) must not be sent by these workers: pushed a
            # century ahead, and back in _cleanup.
            cr.execute("UPDATE hid_sms SET next_attempt = next_attempt + interval '100 years' "
                       "WHERE state = 'queued' RETURNING id")
            self.parked = [row[0] for row in cr.fetchall()]
            for key, value in dict(PARAMS, base_url=self.fake.url).items():
                self.saved[key] = params.get_param("hid_basvuru.sms_%s" % key)
                params.set_param("hid_basvuru.sms_%s" % key, value)
            for text in ("Birinci mesaj ş", "İkinci mesaj ğ"):
                self.ids.append(env["hid.sms"].create({"to": "+905321112233",
                                                       "body": text}).id)
            # The workers below are other connections: they must see the rows.
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, 1, {})
            env["hid.sms"].browse(self.ids).unlink()
            cr.execute("UPDATE hid_sms SET next_attempt = next_attempt - interval '100 years' "
                       "WHERE id = ANY(%s)", (self.parked,))
            for key, value in self.saved.items():
                env["ir.config_parameter"].set_param("hid_basvuru.sms_%s" % key, value)
            # Undo what setUp committed.
            cr.commit()  # pylint: disable=invalid-commit

    def test_locked_message_is_skipped_and_sent_once(self):
        first, second = self.ids
        with closing(self.registry.cursor()) as busy, \
                closing(self.registry.cursor()) as worker:
            # Another worker is in the middle of sending the first message.
            busy.execute("SELECT id FROM hid_sms WHERE id = %s FOR UPDATE", (first,))
            env = api.Environment(worker, 1, {})
            self.assertEqual(env["hid.sms"]._cron_send(), 1, "only the unlocked one")
            busy.rollback()
            self.assertEqual([d[2] for d in self.fake.delivered], ["İkinci mesaj ğ"])
            # The commit per message made "sent" durable; the next run sends only the first.
            self.assertEqual(env["hid.sms"]._cron_send(), 1)
        with closing(self.registry.cursor()) as cr:
            cr.execute("SELECT state, count(*) FROM hid_sms WHERE id IN %s GROUP BY state",
                       (tuple(self.ids),))
            self.assertEqual(cr.fetchall(), [("sent", 2)])
        self.assertEqual(sorted(d[2] for d in self.fake.delivered),
                         ["Birinci mesaj ş", "İkinci mesaj ğ"], "each exactly once")

    def test_message_sent_after_my_snapshot_is_skipped(self):
        """REPEATABLE READ: a row another worker sent since my snapshot is skipped, not an error."""
        first, _second = self.ids
        with closing(self.registry.cursor()) as late, \
                closing(self.registry.cursor()) as other:
            late_env = api.Environment(late, 1, {})
            late.execute("SELECT count(*) FROM hid_sms")  # the late worker's snapshot
            api.Environment(other, 1, {})["hid.sms"]._cron_send()  # sends both, commits
            self.assertEqual(len(self.fake.delivered), 2)
            self.assertFalse(late_env["hid.sms"]._lock_queued(first),
                             "the late worker leaves the message alone")
            late_env["hid.sms"]._send_due(auto_commit=False)
            self.assertEqual(len(self.fake.delivered), 2, "nothing is sent twice")
