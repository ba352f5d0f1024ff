# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who saw what: T.C. identity numbers in clear, confidential identities, recordings."""
import psycopg2

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.hid_basvuru.tests.common import new_user

from .common import KvkkCase

LOG = "hid.kvkk.access.log"


class TestAccessLog(KvkkCase):

    def logs(self, **kw):
        domain = [(k, "=", v) for k, v in kw.items()]
        return self.env[LOG].sudo().search(domain)

    def test_tckn_read_is_logged_once_per_call(self):
        partners = self.citizen | self.other
        self.env.cr.execute("SELECT count(*) FROM hid_kvkk_access_log")
        before = self.env.cr.fetchone()[0]
        rows = partners.sudo(self.agent).read(["name", "tckn"])
        self.assertEqual({r["tckn"] for r in rows}, {"10000000146", "10000000078"})
        logs = self.logs(user_id=self.agent.id, kind="tckn")
        self.assertEqual(sorted(logs.mapped("res_id")), sorted(partners.ids))
        self.assertEqual(len(set(logs.mapped("create_date"))), 1, "one INSERT")
        # Reads without the number, and the system's own reads, are not logged.
        partners.sudo(self.agent).read(["name", "tckn_masked"])
        partners.sudo().read(["tckn"])
        self.env["res.partner"].sudo(self.agent).search_read(
            [("id", "in", partners.ids)], ["name"])
        self.env.cr.execute("SELECT count(*) FROM hid_kvkk_access_log")
        self.assertEqual(self.env.cr.fetchone()[0], before + 2)
        # search_read of the number is a read too.
        self.env["res.partner"].sudo(self.staff).search_read(
            [("id", "=", self.citizen.id)], ["tckn"])
        self.assertEqual(len(self.logs(user_id=self.staff.id, kind="tckn")), 1)

    def test_code_reading_a_field_is_not_a_person_seeing_it(self):
        partner = self.citizen.sudo(self.agent)
        partner.invalidate_cache()
        self.assertEqual(partner.name, "Fatma Yılmaz")  # the prefetch reads tckn too
        self.assertFalse(self.logs(user_id=self.agent.id))
        # A client asking for the prefetch's load is still logged.
        partner.read(["tckn"], load="_classic_write")
        self.assertEqual(len(self.logs(user_id=self.agent.id)), 1)

    def test_reveal_button(self):
        action = self.citizen.sudo(self.agent).action_hid_kvkk_reveal_tckn()
        wizard = self.env["hid.kvkk.reveal"].sudo(self.agent).browse(action["res_id"])
        self.assertEqual(wizard.value, "10000000146")
        self.assertEqual(len(self.logs(user_id=self.agent.id, res_id=self.citizen.id)), 1)
        with self.assertRaises(AccessError):
            self.citizen.sudo(self.fen_user).action_hid_kvkk_reveal_tckn()

    def test_tckn_input_sets_without_showing(self):
        partner = self.env["res.partner"].sudo(self.agent).create({
            "name": "Yeni Vatandaş", "hid_citizen": True, "mobile": "0532 444 55 66"})
        partner.write({"hid_kvkk_tckn_input": "10000000214"})
        self.assertEqual(partner.sudo().tckn, "10000000214")
        self.assertFalse(partner.read(["hid_kvkk_tckn_input"])[0]["hid_kvkk_tckn_input"])

    def test_confidential_identity_read_is_logged(self):
        secret = self.app(self.citizen, "2026-11-01 08:00:00", confidential=True)
        plain = self.app(self.citizen, "2026-11-01 08:00:00")
        (secret | plain).sudo(self.staff).read(["partner_id", "name"])
        logs = self.logs(kind="confidential", user_id=self.staff.id)
        self.assertEqual(logs.mapped("res_id"), [secret.id])
        self.assertIn("partner_id", logs.field)
        # Not the identity: nothing logged; a müdürlük never sees it, nothing logged.
        (secret | plain).sudo(self.staff).read(["name", "stage_id"])
        secret.sudo(self.fen_user).read(["name", "applicant_summary"])
        self.assertEqual(len(self.logs(kind="confidential")), 1)

    def test_recording_playback_is_logged_centrally(self):
        call = self.call(self.citizen, "2026-11-01 10:00:00", "kvkk-play")
        recording = self.env["hid.call.recording"].sudo()._store(call, b"RIFF0000WAVE",
                                                                 "audio/wav")
        recording.sudo(self.director)._hid_play()
        log = self.logs(kind="recording", res_id=recording.id)
        self.assertEqual(log.user_id, self.director)
        self.assertEqual(log.model, "hid.call.recording")

    def test_log_is_append_only_and_director_reads(self):
        self.citizen.sudo(self.agent).read(["tckn"])
        log = self.logs(user_id=self.agent.id)
        self.assertTrue(log)
        self.assertEqual(self.env[LOG].sudo(self.director).search([("id", "=", log.id)]), log)
        officer = new_user(self.env, "t.kvkk.officer", ["hid_kvkk.group_hid_kvkk_officer"])
        self.assertTrue(self.env[LOG].sudo(officer).search([("id", "=", log.id)]))
        for user in (self.staff, self.agent, self.fen_user, self.fen_manager):
            with self.assertRaises(AccessError):
                self.env[LOG].sudo(user).search([])
        for user in (self.director, self.staff, self.agent, self.fen_user):
            with self.assertRaises(AccessError):
                log.sudo(user).write({"res_id": 1})
            with self.assertRaises(AccessError):
                log.sudo(user).unlink()
            with self.assertRaises(AccessError):
                self.env[LOG].sudo(user).create({
                    "date": "2026-01-01 00:00:00", "user_id": user.id, "model": "x",
                    "res_id": 1, "kind": "tckn"})
        with self.assertRaises(AccessError):
            log.sudo().write({"res_id": 1})
        with self.assertRaises(AccessError):
            log.sudo().unlink()
        for sql in ("UPDATE hid_kvkk_access_log SET res_id = 1",
                    "DELETE FROM hid_kvkk_access_log", "TRUNCATE hid_kvkk_access_log"):
            with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                    self.env.cr.savepoint():
                self.env.cr.execute(sql)
