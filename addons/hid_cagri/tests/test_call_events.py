# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import json

from odoo.exceptions import AccessError

from ..lib import netgsm, verimor
from .common import CITIZEN_MOBILE, START, CagriCase


class TestCallEvents(CagriCase):

    def test_verimor_events_make_one_call(self):
        spec, call = self.verimor_call(caller="0532 111 22 33", extension="1001", wait=8, talk=95)
        self.assertEqual(len(call), 1)
        self.assertEqual(self.Call.search_count([("pbx_call_id", "=", spec["id"])]), 1)
        self.assertEqual(call.caller_number, CITIZEN_MOBILE, "E.164")
        self.assertEqual(call.agent_id, self.agent, "mapped from the PBX extension")
        self.assertEqual(call.partner_id, self.citizen, "the known citizen")
        self.assertEqual((call.status, call.wait_seconds, call.talk_seconds),
                         ("answered", 8, 95))
        self.assertEqual(call.start_time, "2026-11-30 09:00:00", "Istanbul stamps to UTC")
        self.assertEqual(call.end_time, "2026-11-30 09:01:43")
        self.assertEqual(call.recording_state, "pending")

    def test_repeated_and_out_of_order_events(self):
        spec = self.pbx.add_call("verimor", start=START, extension="1002")
        events = self.pbx.verimor_events(spec)
        call = self.apply(list(reversed(events)) + events, verimor.parse_event)
        self.assertEqual(self.Call.search_count([("pbx_call_id", "=", spec["id"])]), 1)
        other = self.pbx.add_call("verimor", start=START, extension="1002")
        reference = self.apply(self.pbx.verimor_events(other), verimor.parse_event)
        for name in ("status", "start_time", "answer_time", "end_time", "wait_seconds",
                     "talk_seconds", "agent_id", "queue", "caller_number"):
            self.assertEqual(call[name], reference[name], name)

    def test_netgsm_events_make_one_call_with_the_recording_link(self):
        spec, call = self.netgsm_call(extension="1002", wait=12, talk=60)
        self.assertEqual((call.status, call.wait_seconds, call.talk_seconds), ("answered", 12, 60))
        self.assertEqual(call.agent_id, self.agent2)
        self.assertIn("/upload.php", call.sudo().recording_url)
        again = self.apply(self.pbx.netgsm_events(spec)[::-1], netgsm.parse_event)
        self.assertEqual(again, call)

    def test_short_abandon_threshold_is_configurable(self):
        _spec, call = self.verimor_call(wait=4, answered=False)
        self.assertEqual(call.status, "short_abandon")
        self.env["ir.config_parameter"].set_param("hid_cagri.short_abandon_seconds", "3")
        _spec, call = self.verimor_call(wait=4, answered=False)
        self.assertEqual(call.status, "abandoned")

    def test_screen_pop_for_a_known_citizen(self):
        spec = self.pbx.add_call("verimor", caller=CITIZEN_MOBILE, extension="1001", start=START)
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Çukur", "description": "Sokakta çukur", "partner_id": self.citizen.id,
            "kvkk_notice_given": True,
            "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id})
        self.env["bus.bus"].search([]).unlink()
        self.apply(self.pbx.verimor_events(spec)[:1], verimor.parse_event)
        channel = json.dumps([self.env.cr.dbname, "res.partner", self.agent.partner_id.id],
                             separators=(",", ":"))
        sent = self.env["bus.bus"].search([("channel", "=", channel)])
        self.assertEqual(len(sent), 1, "one notification to the agent ringing")
        self.apply(self.pbx.verimor_events(spec), verimor.parse_event)
        self.assertEqual(self.env["bus.bus"].search_count([("channel", "=", channel)]), 1,
                         "repeated events pop up once")
        message = json.loads(sent.message)
        self.assertEqual(message["type"], "hid_call_ring")
        self.assertTrue(message["known"])
        self.assertEqual(message["name"], "Ayşe Yılmaz")
        self.assertEqual(message["tckn"], self.citizen.tckn_masked)
        self.assertNotIn("10000000146", sent.message, "the TC kimlik no is masked")
        self.assertEqual([t["number"] for t in message["open_tickets"]], [ticket.number])
        self.assertTrue(message["mahalle"])

    def test_screen_pop_for_a_new_caller(self):
        spec = self.pbx.add_call("netgsm", caller="05449998877", extension="1002", start=START)
        self.env["bus.bus"].search([]).unlink()
        # Netsantral names the extension only when it answers (Inbound_call has none).
        self.apply(self.pbx.netgsm_events(spec)[:3], netgsm.parse_event)
        channel = json.dumps([self.env.cr.dbname, "res.partner", self.agent2.partner_id.id],
                             separators=(",", ":"))
        message = json.loads(self.env["bus.bus"].search([("channel", "=", channel)]).message)
        self.assertFalse(message["known"])
        self.assertEqual(message["number"], "0544 999 88 77")

    def test_intake_from_the_call(self):
        _spec, call = self.verimor_call(caller=CITIZEN_MOBILE, extension="1001")
        action = call.sudo(self.agent).action_open_intake()
        self.assertEqual(action["res_model"], "hid.basvuru.intake")
        ctx = action["context"]
        self.assertEqual((ctx["default_phone"], ctx["default_hid_call_id"]),
                         (CITIZEN_MOBILE, call.id))
        Intake = self.env["hid.basvuru.intake"].sudo(self.agent).with_context(**ctx)
        intake = Intake.create({"name": "Su kesintisi", "description": "Üç gündür su yok",
                                "kvkk_notice_given": True})
        self.assertEqual(intake.partner_id, self.citizen, "found by the phone")
        self.assertEqual(intake.channel_id,
                         self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"))
        result = intake.action_save()
        ticket = self.env["helpdesk.ticket"].browse(result["res_id"])
        self.assertEqual(ticket.hid_call_id, call, "the application carries the call")
        self.assertIn(call, ticket.hid_call_ids, "and shows it")
        self.assertEqual(ticket.sudo(self.agent).hid_call_count, 1)
        self.assertEqual(call.outcome, "ticket_opened")

    def test_no_application_on_a_call_one_may_not_read(self):
        _spec, call = self.verimor_call(extension="1002")
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].sudo(self.agent).create({
                "name": "X", "description": "Y", "hid_call_id": call.id,
                "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id})

    def test_concurrent_events_are_serialized_by_the_row_lock(self):
        """Two transactions on one call: the second waits for the first's lock (upsert)."""
        registry = self.env.registry
        call_id = "lock-%s" % datetime.datetime.utcnow().timestamp()
        event = verimor.parse_event({"event_type": "ringing", "call_uuid": call_id,
                                     "caller_id_number": "05321234567", "dialed_user": "9"})
        with registry.cursor() as cr1, registry.cursor() as cr2:
            from odoo import api, SUPERUSER_ID
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            env1["hid.call"]._hid_apply_event(event)
            cr2.execute("SET LOCAL lock_timeout = '200ms'")
            from psycopg2 import OperationalError
            with self.assertRaises(OperationalError, msg="locked by the first transaction"):
                env2["hid.call"]._hid_apply_event(event)
            cr1.rollback()
            cr2.rollback()

    def test_an_outbound_call_to_a_missed_number_is_its_callback(self):
        _spec, missed = self.verimor_call(caller="05321234567", wait=40, answered=False)
        self.assertEqual(missed.status, "abandoned")
        back = self.Call._hid_apply_event(verimor.parse_event({
            "event_type": "hangup", "call_uuid": "back-1", "direction": "outbound",
            "caller_id_number": "1001", "destination_number": "05321234567",
            "start_stamp": "2026-11-30 13:00:00", "answer_stamp": "2026-11-30 13:00:05",
            "end_stamp": "2026-11-30 13:01:00", "duration": "55"}))
        self.assertEqual(back.callback_of_id, missed, "linked without the agent")
        self.assertEqual(missed.callback_ids, back)
