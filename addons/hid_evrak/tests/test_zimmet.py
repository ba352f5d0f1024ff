# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import HidEvrakCase


class TestZimmet(HidEvrakCase):

    def test_hand_over_and_receive(self):
        a, b = self.register(), self.register()
        zimmet = self.hand_over(a | b)
        self.assertRegex(zimmet.name, r"^Z\d{4}/\d{6}$")
        self.assertEqual((a | b).mapped("state"), ["sent", "sent"])
        self.assertEqual(a.team_id, self.fen)
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        self.assertEqual(zimmet.state, "received")
        self.assertEqual(zimmet.received_uid, self.fen_user, "who signed is recorded")
        self.assertTrue(zimmet.received_date, "when is recorded")
        self.assertEqual(zimmet.line_ids.mapped("state"), ["received", "received"])
        self.assertEqual(a.state, "received")

    def test_received_slip_is_immutable_for_everyone(self):
        zimmet = self.hand_over(self.register())
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        line = zimmet.line_ids
        for user in (self.clerk, self.director, self.env.ref("base.user_root")):
            z, ln = zimmet.sudo(user), line.sudo(user)
            with self.assertRaises(UserError, msg="%s cannot change the slip" % user.login):
                z.write({"date": "2020-01-01 10:00:00"})
            with self.assertRaises(UserError, msg="%s cannot delete the slip" % user.login):
                z.unlink()
            with self.assertRaises(UserError, msg="%s cannot change a line" % user.login):
                ln.write({"state": "returned"})
            with self.assertRaises(UserError, msg="%s cannot delete a line" % user.login):
                ln.unlink()
            with self.assertRaises(UserError, msg="%s cannot add a line" % user.login):
                self.env["hid.zimmet.line"].sudo(user).create(
                    {"zimmet_id": zimmet.id, "evrak_id": self.register().id})
        self.assertEqual(self.env.uid, SUPERUSER_ID)
        self.assertEqual(zimmet.state, "received")
        self.assertEqual(len(zimmet.line_ids), 1)

    def test_double_receipt_click_is_a_clear_error(self):
        zimmet = self.hand_over(self.register())
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        signed = zimmet.received_date
        with self.assertRaisesRegex(UserError, "already received"):
            zimmet.sudo(self.fen_manager).action_confirm_receipt()
        self.assertEqual(zimmet.received_uid, self.fen_user, "the first signature stays")
        self.assertEqual(zimmet.received_date, signed)

    def test_only_the_receiving_mudurluk_signs(self):
        zimmet = self.hand_over(self.register())
        with self.assertRaises(AccessError):
            zimmet.sudo(self.tem_user).action_confirm_receipt()
        with self.assertRaises(AccessError):
            zimmet.sudo(self.clerk).action_confirm_receipt()
        self.assertEqual(zimmet.state, "sent")

    def test_a_draft_slip_is_deleted_with_its_lines(self):
        evrak = self.register()
        zimmet = self.env["hid.zimmet"].sudo(self.clerk).create({
            "team_id": self.fen.id, "line_ids": [(0, 0, {"evrak_id": evrak.id})]})
        lines = zimmet.line_ids
        zimmet.unlink()
        self.assertFalse(zimmet.exists() or lines.exists(), "slip and lines are gone")
        self.assertEqual(evrak.state, "registered", "the document can be handed over again")

    def test_receipt_button_only_for_the_receiving_mudurluk(self):
        """Teslim Aldım (and İade) show to the receiving müdürlük only, not to the registry."""
        zimmet = self.hand_over(self.register())
        self.assertFalse(zimmet.sudo(self.clerk).can_receive)
        self.assertFalse(zimmet.sudo(self.tem_user).can_receive)
        self.assertTrue(zimmet.sudo(self.fen_user).can_receive)
        arch = self.env["hid.zimmet"].sudo(self.clerk).fields_view_get(view_type="form")["arch"]
        self.assertRegex(arch, r'name="action_confirm_receipt"[^>]*can_receive',
                         "the button is hidden by can_receive")

    def test_iade_sends_the_document_back(self):
        keep, refuse = self.register(), self.register()
        zimmet = self.hand_over(keep | refuse)
        line = zimmet.line_ids.filtered(lambda l: l.evrak_id == refuse)
        with self.assertRaises(ValidationError):
            line.sudo(self.fen_user).action_return("  ")
        wizard = self.env["hid.zimmet.return.wizard"].sudo(self.fen_user).with_context(
            active_id=line.id).create({"reason": "Bizimle ilgili değil, Zabıta'ya ait."})
        wizard.action_confirm()
        self.assertEqual(line.state, "returned")
        self.assertEqual(line.return_reason, "Bizimle ilgili değil, Zabıta'ya ait.")
        self.assertEqual(refuse.state, "registered", "back at the registry")
        self.assertFalse(refuse.team_id)
        self.assertFalse(self.env["hid.evrak"].sudo(self.fen_user).search(
            [("id", "=", refuse.id)]), "the müdürlük no longer sees it")
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        self.assertEqual(line.state, "returned", "a returned line stays returned")
        self.assertEqual(keep.state, "received")
        again = self.hand_over(refuse, team=self.tem)
        self.assertEqual(refuse.team_id, self.tem, "the registry hands it to the right one")
        self.assertEqual(again.state, "sent")

    def test_a_document_is_handed_over_once(self):
        evrak = self.register()
        self.hand_over(evrak)
        with self.assertRaisesRegex(UserError, "Already handed over"):
            self.hand_over(evrak, team=self.tem)

    def test_mudurluk_records_the_answer_only(self):
        evrak = self.register()
        zimmet = self.hand_over(evrak)
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        mine = evrak.sudo(self.fen_user)
        mine.write({"answer_no": "FEN-2026-77", "answer_date": "2026-11-20"})
        self.assertEqual(evrak.answer_no, "FEN-2026-77")
        with self.assertRaises(AccessError):
            mine.write({"gizlilik": "normal", "sender_no": "x"})

    def test_overdue_list_and_reminder(self):
        evrak = self.register()
        self.hand_over(evrak)
        self.env.cr.execute("UPDATE hid_evrak SET answer_deadline = '2020-01-01' "
                            "WHERE id = %s", (evrak.id,))
        evrak.invalidate_cache()
        overdue = self.env["hid.evrak"].search([("overdue", "=", True)])
        self.assertIn(evrak, overdue)
        self.assertIn(evrak, self.env["hid.evrak"].sudo(self.fen_user).search(
            [("overdue", "=", True)]), "the müdürlük sees its own overdue documents")
        self.env["hid.evrak"]._cron_remind_overdue()
        activity = self.env["mail.activity"].search([("res_model", "=", "hid.evrak"),
                                                     ("res_id", "=", evrak.id)])
        self.assertEqual(activity.user_id, self.fen_manager, "the müdürlük manager is told")
        self.env["hid.evrak"]._cron_remind_overdue()
        self.assertEqual(len(self.env["mail.activity"].search(
            [("res_model", "=", "hid.evrak"), ("res_id", "=", evrak.id)])), 1, "once")
        evrak.write({"answer_no": "1", "answer_date": "2026-11-01"})
        self.assertNotIn(evrak, self.env["hid.evrak"].search([("overdue", "=", True)]))


class TestZimmetSignature(HidEvrakCase):
    """Only "Teslim Aldım", by the receiving müdürlük, at the server's time, signs; a signed
    slip is kept as signed by PostgreSQL itself."""

    def _signed(self):
        zimmet = self.hand_over(self.register())
        zimmet.sudo(self.fen_user).action_confirm_receipt()
        return zimmet

    def _refused_by_postgresql(self, query, params):
        with self.assertRaises(psycopg2.Error, msg=query), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute(query, params)

    def test_registry_cannot_forge_a_signature(self):
        zimmet = self.hand_over(self.register())
        for vals in ({"state": "received"}, {"received_uid": self.fen_user.id},
                     {"received_date": "2020-01-01 09:00:00"},
                     {"state": "received", "received_uid": self.fen_user.id,
                      "received_date": "2020-01-01 09:00:00"}):
            for user in (self.clerk, self.director, self.env.ref("base.user_root")):
                with self.assertRaises(UserError, msg="%s writes %s" % (user.login, vals)):
                    zimmet.sudo(user).write(vals)
        with self.assertRaises(UserError):
            self.env["hid.zimmet"].sudo(self.clerk).create({
                "team_id": self.fen.id, "received_uid": self.fen_user.id,
                "received_date": "2020-01-01 09:00:00"})
        zimmet.invalidate_cache()
        self.assertEqual(zimmet.state, "sent")
        self.assertFalse(zimmet.received_uid or zimmet.received_date)

    def test_signature_time_is_the_database_clock(self):
        zimmet = self.hand_over(self.register())
        # even the actions' own write cannot choose the time: the trigger sets it
        zimmet.sudo()._write_workflow({"state": "received", "received_uid": self.fen_user.id,
                                       "received_date": "2020-01-01 09:00:00"})
        zimmet.invalidate_cache()
        self.env.cr.execute("SELECT (statement_timestamp() AT TIME ZONE 'UTC')::date::text")
        today = self.env.cr.fetchone()[0]
        self.assertEqual(zimmet.received_date[:10], today, "not the 2020 the caller gave")
        other = self.hand_over(self.register())
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            other.sudo()._write_workflow({"state": "received"})  # no signer

    def test_received_slip_and_lines_are_kept_by_postgresql(self):
        zimmet = self._signed()
        line = zimmet.line_ids
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            zimmet._write({"received_date": "2020-01-01 09:00:00"})  # _write: no Python lock
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            line._write({"state": "returned"})
        other = self.register()
        for query, params in (
                ("UPDATE hid_zimmet SET received_uid = %s WHERE id = %s",
                 (self.clerk.id, zimmet.id)),
                ("UPDATE hid_zimmet SET state = 'sent', received_uid = NULL, "
                 "received_date = NULL WHERE id = %s", (zimmet.id,)),
                ("UPDATE hid_zimmet SET date = '2020-01-01' WHERE id = %s", (zimmet.id,)),
                ("UPDATE hid_zimmet_line SET evrak_id = %s WHERE zimmet_id = %s",
                 (other.id, zimmet.id)),
                ("UPDATE hid_zimmet_line SET state = 'returned', return_reason = 'x' "
                 "WHERE zimmet_id = %s", (zimmet.id,)),
                ("DELETE FROM hid_zimmet_line WHERE zimmet_id = %s", (zimmet.id,)),
                ("DELETE FROM hid_zimmet WHERE id = %s", (zimmet.id,))):
            self._refused_by_postgresql(query, params)
        # harmless bookkeeping passes (the ORM touches write_date)
        self.env.cr.execute("UPDATE hid_zimmet SET write_date = now() WHERE id = %s",
                            (zimmet.id,))
        zimmet.invalidate_cache()
        self.assertEqual((zimmet.state, zimmet.received_uid), ("received", self.fen_user))

    def test_a_draft_line_cannot_move_into_a_received_slip(self):
        signed = self._signed()
        draft = self.env["hid.zimmet"].sudo(self.clerk).create({
            "team_id": self.fen.id, "line_ids": [(0, 0, {"evrak_id": self.register().id})]})
        line = draft.line_ids.sudo(self.clerk)
        with self.assertRaises(UserError):
            line.write({"zimmet_id": signed.id})
        with self.assertRaises(UserError):
            signed.sudo(self.clerk).write({"line_ids": [(4, line.id)]})
        with self.assertRaises(UserError):
            self.env["hid.zimmet.line"].sudo(self.clerk).create(
                {"zimmet_id": signed.id, "evrak_id": self.register().id})
        with self.assertRaises(UserError, msg="a line is not put on a slip as received"):
            self.env["hid.zimmet.line"].sudo(self.clerk).create(
                {"zimmet_id": draft.id, "evrak_id": self.register().id, "state": "received"})
        self._refused_by_postgresql(
            "UPDATE hid_zimmet_line SET zimmet_id = %s WHERE id = %s", (signed.id, line.id))
        self._refused_by_postgresql(
            "INSERT INTO hid_zimmet_line (zimmet_id, evrak_id, state) VALUES (%s, %s, "
            "'pending')", (signed.id, self.register().id))
        self.assertEqual(len(signed.line_ids), 1)
        self.assertEqual(line.zimmet_id, draft)

    def test_handed_over_slip_is_not_edited(self):
        zimmet = self.hand_over(self.register())
        with self.assertRaises(UserError):
            zimmet.sudo(self.clerk).write({"team_id": self.tem.id})
        with self.assertRaises(UserError):
            zimmet.line_ids.sudo(self.clerk).write({"state": "received"})
        with self.assertRaises(UserError):
            zimmet.line_ids.mapped("evrak_id").sudo(self.clerk).write(
                {"state": "received", "team_id": self.tem.id})
        self.assertEqual(zimmet.team_id, self.fen)

    def test_signer_is_archived_never_deleted(self):
        zimmet = self._signed()
        with self.assertRaisesRegex(UserError, "archive"):
            self.fen_user.unlink()
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute("DELETE FROM res_users WHERE id = %s", (self.fen_user.id,))
        self.fen_user.write({"active": False})
        zimmet.invalidate_cache()
        self.assertEqual(zimmet.received_uid, self.fen_user, "the signature stays")
        self.assertFalse(self.fen_user.active)
