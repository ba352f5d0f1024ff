# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two "Teslim Aldım" clicks at the same moment, each in its own transaction, retried as every
RPC request is: one signature, one clear error, nothing duplicated."""
import threading

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service import model as service_model
from odoo.tests.common import TransactionCase


class TestParallelReceipt(TransactionCase):

    def _setup_committed(self):
        """A handed-over slip, committed for real so two other connections see it."""
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            fen = env.ref("hid_basvuru.team_fen")
            evrak = env["hid.evrak"].create({
                "sender_id": env.ref("base.main_partner").id, "subject": "Çift tık",
                "evrak_type": "resmi_yazi"})
            zimmet = env["hid.zimmet"].create({
                "team_id": fen.id, "line_ids": [(0, 0, {"evrak_id": evrak.id})]})
            zimmet.action_send()
            users = fen.user_ids[:2] if len(fen.user_ids) >= 2 else fen.user_ids | fen.manager_id
            return zimmet.id, evrak.id, (evrak.name, zimmet.name), users.ids

    def _confirm(self, zimmet_id, uid, results, barrier):
        def click(dbname):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, uid, {"tracking_disable": True, "lang": "en_US"})
                env["hid.zimmet"].browse(zimmet_id).action_confirm_receipt()
        try:
            barrier.wait(timeout=30)
            service_model.check(click)(self.env.cr.dbname)
            results.append("ok")
        except UserError as error:
            results.append("error: %s" % error.name)
        except Exception as error:  # reported by the test with its text
            results.append("unexpected: %r" % error)

    def _cleanup(self, zimmet_id, evrak_id, numbers):
        """Committed for real: remove it and give both numbers back. The ORM refuses to touch
        a signed slip and so does PostgreSQL (hid_zimmet_guard): only the tables' owner
        lifts the guard, inside this one transaction."""
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '10s'")
            cr.execute("ALTER TABLE hid_zimmet_line DISABLE TRIGGER hid_zimmet_line_guard")
            cr.execute("ALTER TABLE hid_zimmet DISABLE TRIGGER hid_zimmet_guard")
            for series, number in zip(("evrak", "zimmet"), numbers):
                year, n = number.lstrip("Z").split("/")
                cr.execute("UPDATE hid_basvuru_counter SET last = %s WHERE series = %s "
                           "AND year = %s AND last = %s", (int(n) - 1, series, int(year), int(n)))
            cr.execute("DELETE FROM hid_zimmet_line WHERE zimmet_id = %s", (zimmet_id,))
            cr.execute("DELETE FROM hid_zimmet WHERE id = %s", (zimmet_id,))
            cr.execute("DELETE FROM mail_message WHERE model = 'hid.evrak' AND res_id = %s",
                       (evrak_id,))
            cr.execute("DELETE FROM hid_evrak WHERE id = %s", (evrak_id,))
            cr.execute("ALTER TABLE hid_zimmet ENABLE TRIGGER hid_zimmet_guard")
            cr.execute("ALTER TABLE hid_zimmet_line ENABLE TRIGGER hid_zimmet_line_guard")

    def test_double_click_signs_once(self):
        zimmet_id, evrak_id, numbers, uids = self._setup_committed()
        self.assertTrue(uids, "the demo Fen İşleri müdürlük has members")
        uid = uids[0]
        results = []
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=self._confirm, args=(zimmet_id, uid, results, barrier))
                   for _i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        try:
            self.assertEqual(sorted(r.split(":")[0] for r in results), ["error", "ok"],
                             "one signature, one clear error: %s" % results)
            self.assertIn("already received", [r for r in results if r != "ok"][0])
            self.env.cr.execute("SELECT count(*) FROM mail_message WHERE model = 'hid.evrak' "
                                "AND res_id = %s AND body LIKE %s", (evrak_id, "%Received by%"))
            self.assertEqual(self.env.cr.fetchone()[0], 1, "one receipt message, not two")
        finally:
            self._cleanup(zimmet_id, evrak_id, numbers)
