"""The two adapters against the local stand-in: events in every order, twice, the pulls."""
import datetime
import itertools
import unittest

import requests

from .. import netgsm, verimor
from ..events import merge
from ..exceptions import BadEvent, ProviderError
from ..fake_pbx import NETGSM_PASSWORD, NETGSM_USER, VERIMOR_KEY, FakePbx

START = datetime.datetime(2026, 11, 30, 9, 0, 0)


def fold(events, parse):
    state = {}
    for data in events:
        event = parse(data)
        if event is not None:
            state = merge(state, event, short_abandon_seconds=5)
    return state


class TestVerimor(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.pbx = FakePbx()

    def test_every_order_and_repeats_end_in_one_answered_call(self):
        call = self.pbx.add_call("verimor", caller="05321234567", extension="1001", start=START,
                                 wait=8, talk=95)
        events = self.pbx.verimor_events(call)
        expected = fold(events, verimor.parse_event)
        self.assertEqual(expected["status"], "answered")
        self.assertEqual(expected["start"], START)
        self.assertEqual(expected["answer"], START + datetime.timedelta(seconds=8))
        self.assertEqual(expected["end"], START + datetime.timedelta(seconds=103))
        self.assertEqual((expected["talk_seconds"], expected["wait_seconds"]), (95, 8))
        self.assertEqual(expected["extension"], "1001")
        self.assertTrue(expected["recording_present"])
        for order in itertools.permutations(events + [events[0], events[-1]]):
            self.assertEqual(fold(order, verimor.parse_event), expected, order)

    def test_abandoned_and_short_abandon(self):
        long_wait = self.pbx.add_call("verimor", start=START, wait=40, answered=False)
        short = self.pbx.add_call("verimor", start=START, wait=3, answered=False)
        self.assertEqual(fold(self.pbx.verimor_events(long_wait), verimor.parse_event)["status"],
                         "abandoned")
        self.assertEqual(fold(self.pbx.verimor_events(short), verimor.parse_event)["status"],
                         "short_abandon")

    def test_ringing_only_is_ringing(self):
        call = self.pbx.add_call("verimor", start=START)
        state = fold(self.pbx.verimor_events(call)[:1], verimor.parse_event)
        self.assertEqual(state["status"], "ringing")
        self.assertEqual(state["extension"], "1001", "the agent's extension is known at once")

    def test_url_check_and_bad_events(self):
        self.assertIsNone(verimor.parse_event({}), "the empty POST of the URL check")
        for bad in ({"event_type": "boom", "call_uuid": "x"},
                    {"event_type": "ringing"},
                    {"event_type": "hangup", "call_uuid": "x", "end_stamp": "yesterday"},
                    {"event_type": "hangup", "call_uuid": "x", "duration": "-4"},
                    {"event_type": "ringing", "call_uuid": "x", "direction": "sideways"},
                    {"event_type": "ringing", "call_uuid": "x" * 300}):
            with self.assertRaises(BadEvent, msg=bad):
                verimor.parse_event(bad)

    def test_cdr_list_and_recording_from_the_stand_in(self):
        with self.pbx as pbx:
            calls = [pbx.add_call("verimor", start=START + datetime.timedelta(minutes=i))
                     for i in range(130)]
            client = verimor.VerimorClient(pbx.url, VERIMOR_KEY, requests.Session())
            cdrs = client.list_cdrs(START, START + datetime.timedelta(days=1))
            self.assertEqual([c.call_id for c in cdrs], [c["id"] for c in calls],
                             "both pages of the list")
            self.assertEqual(cdrs[0].talk_seconds, 95)
            self.assertEqual(cdrs[0].start, START)
            audio, mimetype = client.fetch_recording(calls[0]["id"])
            self.assertEqual(audio, pbx.audio)
            with self.assertRaises(ProviderError):
                verimor.VerimorClient(pbx.url, "wrong", requests.Session()).list_cdrs(
                    START, START)
            with self.assertRaises(ProviderError):
                client.fetch_recording("unknown-call")

    def test_cdr_matches_the_events(self):
        with self.pbx as pbx:
            call = pbx.add_call("verimor", start=START)
            client = verimor.VerimorClient(pbx.url, VERIMOR_KEY, requests.Session())
            from_events = fold(pbx.verimor_events(call), verimor.parse_event)
            from_cdr = merge({}, client.list_cdrs(START, START)[0])
            for key in ("start", "answer", "end", "status", "talk_seconds", "caller_number"):
                self.assertEqual(from_cdr[key], from_events[key], key)


class TestNetgsm(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.pbx = FakePbx()

    def test_every_order_and_repeats_end_in_one_answered_call(self):
        call = self.pbx.add_call("netgsm", start=START, wait=12, talk=60, extension="102")
        events = self.pbx.netgsm_events(call)
        expected = fold(events, netgsm.parse_event)
        self.assertEqual(expected["status"], "answered")
        self.assertEqual((expected["start"], expected["end"]),
                         (START, START + datetime.timedelta(seconds=72)))
        self.assertEqual((expected["wait_seconds"], expected["talk_seconds"]), (12, 60))
        self.assertEqual(expected["extension"], "102")
        self.assertEqual(expected["queue"], "200")
        self.assertIn("/upload.php", expected["recording_url"], "the cdr carries the link")
        for order in itertools.islice(itertools.permutations(events + [events[2]]), 0, None, 7):
            self.assertEqual(fold(order, netgsm.parse_event), expected, order)

    def test_missed_call(self):
        call = self.pbx.add_call("netgsm", start=START, wait=30, answered=False, recording=False)
        state = fold(self.pbx.netgsm_events(call), netgsm.parse_event)
        self.assertEqual(state["status"], "abandoned")
        self.assertFalse(state["answered"])

    def test_bad_and_ignored_events(self):
        self.assertIsNone(netgsm.parse_event({"scenario": "Queue", "unique_id": ""}))
        self.assertIsNone(netgsm.parse_event({"scenario": "DTMF", "digit": "1"}))
        for bad in ([], {"scenario": "Boom", "unique_id": "1"}, {"scenario": "Hangup"},
                    {"scenario": "Hangup", "unique_id": "1", "timestamp": "soon"},
                    {"scenario": "cdr", "asteriskId": "1", "yon": 9},
                    {"scenario": "Answer", "unique_id": {"a": 1}}):
            with self.assertRaises(BadEvent, msg=bad):
                netgsm.parse_event(bad)

    def test_report_and_recording_from_the_stand_in(self):
        with self.pbx as pbx:
            calls = [pbx.add_call("netgsm", start=START + datetime.timedelta(minutes=i))
                     for i in range(3)]
            client = netgsm.NetgsmClient(pbx.url, NETGSM_USER, NETGSM_PASSWORD,
                                         requests.Session())
            cdrs = client.list_cdrs(START, START + datetime.timedelta(days=1))
            self.assertEqual([c.call_id for c in cdrs], [c["id"] for c in calls])
            self.assertEqual(cdrs[1].start, START + datetime.timedelta(minutes=1))
            audio, _mimetype = client.fetch_recording(cdrs[0].call_id, cdrs[0].recording_url)
            self.assertEqual(audio, pbx.audio)
            with self.assertRaises(ProviderError):
                netgsm.NetgsmClient(pbx.url, NETGSM_USER, "wrong", requests.Session()) \
                    .list_cdrs(START, START)

    def test_empty_report(self):
        self.assertEqual(netgsm.parse_report({"code": 40, "error": "Kayit bulunamadi"}), [])
