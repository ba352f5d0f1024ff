"""KPI formulas on known data."""
import datetime
import unittest

from .. import kpi

T = datetime.datetime(2026, 11, 30, 9, 0)


def call(i, status, minutes=0, wait=10, talk=100, hold=0, number=None, direction="inbound",
         callback_of=None, agent="a1", queue="q", manual=False):
    return dict(id=i, status=status, start=T + datetime.timedelta(minutes=minutes),
                wait_seconds=wait, talk_seconds=talk, hold_seconds=hold,
                caller_number=number or "+90532000%04d" % i, direction=direction,
                callback_of=callback_of, agent=agent, queue=queue, manual=manual)


class TestKpi(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.calls = [
            call(1, "answered", wait=5, talk=100, hold=20),
            call(2, "answered", wait=30, talk=200, number="+905320000099"),
            call(3, "answered", minutes=70, wait=20, talk=60, agent="a2"),
            call(4, "abandoned", wait=50, talk=0),
            call(5, "abandoned", wait=40, talk=0),
            call(6, "short_abandon", wait=2, talk=0),
            # the same number as call 2 calls again 3 days later: call 2 was not resolved
            call(7, "answered", minutes=3 * 24 * 60, wait=0, talk=30, number="+905320000099"),
            # an outbound call returning the missed call 4
            call(8, "answered", direction="outbound", callback_of=4, number="+905320000004"),
        ]

    def test_the_day(self):
        day = kpi.sums(self.calls, "day")
        r = kpi.ratios(day[T.date()])
        self.assertEqual((r["offered"], r["short_abandoned"], r["answered"], r["abandoned"]),
                         (6, 1, 3, 2), "outbound calls are not offered")
        self.assertEqual(r["answered_pct"], 60.0, "3 of 5: the short abandon is excluded")
        self.assertEqual(r["abandoned_pct"], 40.0)
        self.assertEqual(r["asa"], 18.3, "(5 + 30 + 20) / 3")
        self.assertEqual(r["service_level"], 40.0, "5 s and 20 s are within 20 s, 30 s is not")
        self.assertFalse(r["service_level_met"], "target 80 %")
        self.assertEqual(r["aht"], 126.7, "(120 + 200 + 60) / 3")
        self.assertEqual(r["fcr_pct"], 66.7, "call 2 had a repeat within 7 days")
        self.assertEqual((r["callbacks"], r["callback_pct"]), (1, 50.0))

    def test_by_hour_agent_and_total(self):
        by_hour = kpi.sums(self.calls, "hour")
        self.assertEqual(by_hour[9]["offered"], 6, "call 7 is at 9:00 three days later")
        self.assertEqual(by_hour[10]["answered"], 1)
        by_agent = kpi.sums(self.calls, "agent")
        self.assertEqual(by_agent["a2"]["answered"], 1)
        self.assertEqual(kpi.total(by_agent.values())["offered"], 7)

    def test_empty_bucket(self):
        r = kpi.ratios(dict.fromkeys(kpi.SUM_KEYS, 0))
        self.assertEqual((r["answered_pct"], r["asa"], r["fcr_pct"]), (0.0, 0.0, 0.0))

    def test_fcr_window_is_seven_days(self):
        calls = [call(1, "answered", number="+905551"),
                 call(2, "answered", minutes=7 * 24 * 60 + 1, number="+905551")]
        s = kpi.sums(calls, "queue")["q"]
        self.assertEqual(s["fcr"], 2, "a call back after 7 days is a new contact")

    def test_manual_calls_are_answered_without_a_wait(self):
        calls = self.calls + [call(9, "answered", wait=0, talk=300, manual=True, queue=None)]
        r = kpi.ratios(kpi.sums(calls, "day")[T.date()])
        self.assertEqual((r["offered"], r["answered"], r["manual"]), (7, 4, 1))
        self.assertEqual(r["answered_pct"], 66.7, "4 of 6")
        self.assertEqual(r["asa"], 18.3, "the manual call's wait is unknown: not a 0 s wait")
        self.assertEqual(r["service_level"], 40.0, "2 of the 5 calls whose wait is known")
        self.assertEqual(r["aht"], 170.0, "(120 + 200 + 60 + 300) / 4: its duration counts")
        self.assertEqual(r["fcr_pct"], 75.0)

    def test_only_manual_calls(self):
        calls = [call(1, "answered", wait=0, talk=60, manual=True)]
        r = kpi.ratios(kpi.sums(calls, "day")[T.date()])
        self.assertEqual((r["asa"], r["service_level"], r["aht"]), (0.0, 0.0, 60.0))
        self.assertTrue(r["service_level_met"], "no measured call: no breach")
