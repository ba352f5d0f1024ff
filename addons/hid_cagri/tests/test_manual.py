# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Calls logged by hand: by the agent, as a manual call only, changed by him the same day."""
import datetime

import psycopg2

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import CITIZEN_MOBILE, CagriCase


def _ago(**kw):
    return (datetime.datetime.utcnow() - datetime.timedelta(**kw)).strftime(
        "%Y-%m-%d %H:%M:%S")


class TestManualCall(CagriCase):

    def log(self, user=None, **vals):
        vals.setdefault("direction", "inbound")
        vals.setdefault("caller_number", "0532 111 22 33")
        vals.setdefault("talk_seconds", 95)
        return self.Call.sudo(user or self.agent).create(vals)

    def test_agent_logs_a_call(self):
        call = self.log(start_time=_ago(minutes=20), outcome="info_given", notes="Su kesintisi")
        self.assertEqual((call.provider, call.pbx_call_id, call.agent_id),
                         ("manual", False, self.agent), "the agent is the user")
        self.assertEqual(call.caller_number, CITIZEN_MOBILE, "any Turkish format, in E.164")
        self.assertEqual(call.partner_id, self.citizen, "the citizen found by the number")
        self.assertEqual((call.status, call.answered, call.wait_seconds, call.talk_seconds),
                         ("answered", True, 0, 95))
        self.assertEqual(call.recording_state, "none", "no recording to fetch")
        end = datetime.datetime.strptime(call.start_time, "%Y-%m-%d %H:%M:%S") + \
            datetime.timedelta(seconds=95)
        self.assertEqual(call.end_time, end.strftime("%Y-%m-%d %H:%M:%S"))
        self.assertEqual(call.sudo(self.agent).name_get()[0][1][:14], "0532 111 22 33")
        second = self.log(caller_number="+90 532 111 22 33")
        self.assertNotEqual(call, second, "manual calls do not collide on the PBX id")

    def test_default_time_is_now_and_outbound_dials_the_number(self):
        call = self.log(direction="outbound", caller_number=False,
                        called_number="5321112233")
        self.assertEqual((call.caller_number, call.called_number), (False, CITIZEN_MOBILE))
        self.assertEqual(call.partner_id, self.citizen)
        started = datetime.datetime.strptime(call.start_time, "%Y-%m-%d %H:%M:%S")
        self.assertLess(abs(datetime.datetime.utcnow() - started), datetime.timedelta(minutes=1))
        self.assertIn("0532 111 22 33", call.name_get()[0][1])

    def test_outbound_manual_call_returns_a_missed_call(self):
        _spec, missed = self.verimor_call(caller=CITIZEN_MOBILE, extension="1001",
                                          answered=False, wait=40,
                                          start=datetime.datetime.utcnow().replace(
                                              microsecond=0) - datetime.timedelta(hours=2))
        self.assertEqual(missed.status, "abandoned")
        call = self.log(direction="outbound", caller_number=False, called_number="05321112233")
        self.assertEqual(call.callback_of_id, missed, "the callback link without the agent")

    def test_application_prefilled_from_it(self):
        call = self.log(direction="outbound", caller_number=False, called_number="05321112233")
        ctx = call.sudo(self.agent).action_open_intake()["context"]
        self.assertEqual((ctx["default_phone"], ctx["default_hid_call_id"],
                          ctx["default_partner_id"]), (CITIZEN_MOBILE, call.id, self.citizen.id))
        intake = self.env["hid.basvuru.intake"].sudo(self.agent).with_context(**ctx).create({
            "name": "Çukur", "description": "Sokakta çukur var", "kvkk_notice_given": True})
        ticket = self.env["helpdesk.ticket"].browse(intake.action_save()["res_id"])
        self.assertEqual(ticket.hid_call_id, call)
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertEqual(call.outcome, "ticket_opened")

    def test_onchange_normalises_and_finds_the_citizen(self):
        new = self.Call.sudo(self.agent).new({"provider": "manual", "direction": "inbound",
                                              "caller_number": "0 (532) 111 22 33"})
        new._onchange_hid_manual_number()
        self.assertEqual((new.caller_number, new.partner_id), (CITIZEN_MOBILE, self.citizen))

    def test_bad_input_is_refused_in_turkish(self):
        cases = [dict(caller_number="12"), dict(caller_number=False),
                 dict(direction="internal"), dict(talk_seconds=-5),
                 dict(talk_seconds=5 * 3600), dict(start_time=_ago(days=-1)),
                 dict(start_time=_ago(days=8)), dict(start_time="dün")]
        before = self.Call.search_count([])
        for vals in cases:
            with self.assertRaises(ValidationError, msg=vals):
                self.log(**vals)
        self.assertEqual(self.Call.search_count([]), before, "nothing half-saved")

    def test_message_in_turkish(self):
        with self.assertRaises(ValidationError) as caught:
            self.Call.sudo(self.agent).with_context(lang="tr_TR").create(
                {"direction": "inbound", "caller_number": "05321112233",
                 "start_time": _ago(days=-1)})
        self.assertEqual(caught.exception.name, "Çağrı zamanı ileride.")

    def test_no_pbx_call_by_hand(self):
        attempts = [
            {"provider": "verimor", "pbx_call_id": "hand"},
            {"provider": "netgsm", "direction": "inbound", "caller_number": "05321112233"},
            {"pbx_call_id": "x-1"},
            {"agent_id": self.agent2.id},
            {"recording_url": "http://127.0.0.1/x.mp3"},
            {"wait_seconds": 3},
            {"status": "abandoned"},
            {"queue": "q"},
        ]
        for user in (self.agent, self.supervisor, self.director):
            for vals in attempts:
                vals = dict({"direction": "inbound", "caller_number": "05321112233"}, **vals)
                with self.assertRaises(AccessError, msg=(user.login, vals)):
                    self.Call.sudo(user).create(vals)
        with self.assertRaises(AccessError, msg="nor through the context's defaults"):
            self.Call.sudo(self.agent).with_context(default_provider="verimor").create(
                {"direction": "inbound", "caller_number": "05321112233"})
        call = self.Call.sudo(self.agent).with_context(
            default_agent_id=self.agent2.id, default_pbx_call_id="ctx-1",
            default_recording_state="pending", default_status="ringing").create(
            {"direction": "inbound", "caller_number": "05321112233"})
        self.assertEqual((call.agent_id, call.pbx_call_id, call.recording_state, call.status),
                         (self.agent, False, "none", "answered"), "other defaults ignored")

    def test_pbx_fields_stay_the_pbx_s(self):
        _spec, pbx_call = self.verimor_call(caller=CITIZEN_MOBILE, extension="1001")
        mine = self.log()
        for call in (pbx_call, mine):
            for vals in ({"provider": "manual"}, {"provider": "verimor"},
                         {"pbx_call_id": "z"}, {"talk_seconds": 1}, {"start_time": _ago()},
                         {"caller_number": "+905329999999"}, {"agent_id": self.agent2.id}):
                with self.assertRaises(AccessError, msg=(call.provider, vals)):
                    call.sudo(self.agent).write(vals)

    def test_own_call_the_same_day_only(self):
        mine = self.log()
        mine.sudo(self.agent).write({"notes": "Geri aranacak", "outcome": "other"})
        self.assertEqual(mine.outcome, "other")
        theirs = self.log(user=self.agent2)
        with self.assertRaises(AccessError, msg="another agent's manual call"):
            theirs.sudo(self.agent).write({"notes": "x"})
        with self.assertRaises(AccessError, msg="nor read it"):
            theirs.sudo(self.agent).read(["notes"])
        self.env.cr.execute("UPDATE hid_call SET create_date = create_date - interval '1 day' "
                            "WHERE id = %s", (mine.id,))
        mine.invalidate_cache()
        with self.assertRaises(AccessError, msg="the next day"):
            mine.sudo(self.agent).write({"notes": "sonradan"})
        mine.sudo(self.supervisor).write({"notes": "Süpervizör düzeltti"})
        self.assertEqual(mine.notes, "Süpervizör düzeltti", "a supervisor corrects any day")
        with self.assertRaises(AccessError):
            mine.sudo(self.agent).unlink()

    def test_who_sees_manual_calls(self):
        mine = self.log()
        theirs = self.log(user=self.agent2)
        both = (mine + theirs).ids
        self.assertEqual(self.Call.sudo(self.agent).search([("id", "in", both)]), mine)
        for user in (self.supervisor, self.director):
            self.assertEqual(self.Call.sudo(user).search([("id", "in", both)]), mine + theirs)
        with self.assertRaises(AccessError):
            self.Call.sudo(self.mudurluk_user).search([("id", "in", both)])
        with self.assertRaises(AccessError):
            mine.sudo(self.mudurluk_user).read(["caller_number"])
        with self.assertRaises(AccessError, msg="müdürlükler log no call"):
            self.log(user=self.mudurluk_user)

    def test_the_database_keeps_pbx_calls_unique_and_ids_consistent(self):
        self.Call.sudo().create({"provider": "verimor", "pbx_call_id": "u-1"})
        for vals in ({"provider": "verimor", "pbx_call_id": "u-1"},
                     {"provider": "netgsm", "pbx_call_id": False},
                     {"provider": "manual", "pbx_call_id": "u-2"}):
            with self.assertRaises(psycopg2.IntegrityError, msg=vals), \
                    mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                self.Call.sudo().create(vals)
