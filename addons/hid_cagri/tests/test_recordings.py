# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from ..lib.fake_pbx import NETGSM_PASSWORD, NETGSM_USER, VERIMOR_KEY
from .common import CagriCase


class TestRecordings(CagriCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pbx.__enter__()
        Provider = cls.env["hid.call.provider"]
        cls.verimor = Provider.create({"name": "Verimor", "provider": "verimor",
                                       "api_url": cls.pbx.url, "api_key": VERIMOR_KEY})
        cls.netgsm = Provider.create({"name": "Netgsm", "provider": "netgsm",
                                      "api_url": cls.pbx.url, "api_user": NETGSM_USER,
                                      "api_password": NETGSM_PASSWORD})

    @classmethod
    def tearDownClass(cls):
        cls.pbx.__exit__(None, None, None)
        super().tearDownClass()

    def fetch(self):
        return self.env["hid.call.recording"]._cron_fetch()

    def test_fetch_both_providers_with_retention(self):
        self.env["ir.config_parameter"].set_param("hid_cagri.recording_retention_days", "30")
        _spec, v_call = self.verimor_call()
        _spec, n_call = self.netgsm_call()
        self.assertEqual(self.fetch(), 2)
        for call in (v_call, n_call):
            self.assertEqual(call.recording_state, "stored")
            recording = call.sudo().recording_ids
            self.assertEqual(len(recording), 1)
            today = fields.Date.from_string(fields.Date.context_today(recording))
            self.assertEqual(recording.retention_date,
                             fields.Date.to_string(today + datetime.timedelta(days=30)))
            self.assertEqual(recording.file_size, len(self.pbx.audio))
            self.assertEqual(recording.attachment_id.res_model, "hid.call.recording")
        log = self.env["hid.call.audit"].search([("call_id", "in", (v_call + n_call).ids)])
        self.assertEqual(set(log.mapped("action")), {"fetch"})

    def test_an_expired_verimor_url_is_asked_again(self):
        _spec, call = self.verimor_call()
        self.pbx.expire_recording_urls()
        self.assertEqual(self.fetch(), 1, "a fresh one-hour URL is asked for each fetch")

    def test_failed_fetch_is_retried_then_given_up(self):
        spec, call = self.verimor_call()
        spec["recording"] = False  # the PBX does not find it
        with mute_logger("odoo.addons.hid_cagri.models.hid_call_recording"):
            for _i in range(5):
                self.fetch()
        self.assertEqual(call.recording_state, "failed")
        self.assertFalse(call.sudo().recording_ids, "nothing half-stored")

    def test_who_may_play(self):
        _spec, call = self.verimor_call(extension="1001")
        self.fetch()
        recording = call.sudo().recording_ids
        attachment = recording.attachment_id
        for user in (self.agent, self.mudurluk_user, self.staff):
            with self.assertRaises(AccessError, msg=user.login):
                recording.sudo(user)._hid_play()
            with self.assertRaises(AccessError, msg=user.login):
                recording.sudo(user).read(["retention_date"])
        for user in (self.agent, self.supervisor, self.director):
            # Nobody opens the file itself: the playback route is the only door.
            with self.assertRaises(AccessError, msg=user.login):
                attachment.sudo(user).read(["datas"])
            Attachment = self.env["ir.attachment"].sudo(user)
            self.assertFalse(Attachment.search([("id", "=", attachment.id)]), user.login)
            self.assertFalse(Attachment.read_group([("id", "=", attachment.id)], ["res_model"],
                                                   ["res_model"]), user.login)
        content, mimetype = recording.sudo(self.supervisor)._hid_play()
        self.assertEqual(content, self.pbx.audio)
        recording.sudo(self.director)._hid_play()
        plays = self.env["hid.call.audit"].search([("action", "=", "play"),
                                                   ("call_id", "=", call.id)], order="id")
        self.assertEqual(plays.mapped("user_id"), self.supervisor + self.director,
                         "every playback logged with who")
        self.assertTrue(all(p.date for p in plays))

    def test_the_log_is_append_only(self):
        _spec, call = self.verimor_call()
        self.fetch()
        line = self.env["hid.call.audit"].search([("call_id", "=", call.id)])
        with self.assertRaises(UserError):
            line.write({"action": "play"})
        with self.assertRaises(UserError):
            line.unlink()
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute("DELETE FROM hid_call_audit WHERE id = %s", (line.id,))
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute("TRUNCATE hid_call_audit CASCADE")
        self.assertFalse(self.env["hid.call.audit"].sudo(self.supervisor).check_access_rights(
            "write", raise_exception=False))

    def test_retention_destroys_in_batches_and_logs(self):
        calls = self.Call
        for _i in range(3):
            calls |= self.verimor_call()[1]
        self.fetch()
        recordings = calls.sudo().mapped("recording_ids")
        attachments = recordings.mapped("attachment_id")
        yesterday = fields.Date.to_string(datetime.date.today() - datetime.timedelta(days=2))
        recordings[:2].write({"retention_date": yesterday})
        destroyed = self.env["hid.call.recording"]._cron_destroy_expired(batch=1)
        self.assertEqual(destroyed, 2)
        self.assertFalse(attachments[:2].exists(), "the files are gone")
        self.assertTrue(attachments[2].exists(), "the one still in retention stays")
        self.assertEqual(recordings[:2].mapped("destroyed"), [True, True])
        log = self.env["hid.call.audit"].search([("action", "=", "destroy")])
        self.assertEqual(set(log.mapped("recording_id").ids), set(recordings[:2].ids),
                         "each destruction logged")
        with self.assertRaises(UserError):
            recordings[0].sudo(self.supervisor)._hid_play()

    def test_reconciliation_fills_what_the_webhook_missed(self):
        self.pbx.calls.clear()
        seen, call = self.verimor_call()
        missed = self.pbx.add_call("verimor", start=datetime.datetime.utcnow().replace(
            microsecond=0) - datetime.timedelta(hours=2), caller="05553332211", wait=30,
            answered=False, recording=False)
        seen["start"] = datetime.datetime.utcnow().replace(microsecond=0) - datetime.timedelta(
            hours=1)
        self.assertEqual(self.verimor._reconcile(), 2)
        got = self.Call.search([("pbx_call_id", "=", missed["id"])])
        self.assertEqual((got.status, got.caller_number), ("abandoned", "+905553332211"))
        self.assertEqual(self.Call.search_count([("pbx_call_id", "=", seen["id"])]), 1,
                         "the call the webhook had is not doubled")
        n_spec = self.pbx.add_call("netgsm", start=datetime.datetime.utcnow().replace(
            microsecond=0) - datetime.timedelta(hours=3))
        self.assertEqual(self.netgsm._reconcile(), 1)
        n_call = self.Call.search([("pbx_call_id", "=", n_spec["id"])])
        self.assertEqual(n_call.status, "answered")
        self.assertEqual(n_call.recording_state, "pending", "the cdr gave its recording link")

    def test_reconciliation_with_wrong_credentials_stores_nothing(self):
        self.netgsm.api_password = "wrong"
        self.pbx.add_call("netgsm")
        before = self.Call.search_count([])
        with mute_logger("odoo.addons.hid_cagri.models.hid_call_provider"):
            self.assertEqual(self.netgsm._reconcile(), 0)
        self.assertEqual(self.Call.search_count([]), before)
        self.assertIn("Netgsm", self.netgsm.last_reconcile_result)
