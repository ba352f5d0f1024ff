"""Manual calls: what the agent types, and who changes it when."""
import datetime
import unittest

from .. import manual

NOW = datetime.datetime(2026, 12, 2, 9, 0)
DAY = datetime.date(2026, 12, 2)


class TestCallState(unittest.TestCase):

    def test_inbound_is_an_answered_call_without_wait(self):
        start = NOW - datetime.timedelta(minutes=30)
        s = manual.call_state("inbound", "+905321112233", start, 125, NOW)
        self.assertEqual((s["caller_number"], s["called_number"]), ("+905321112233", False))
        self.assertEqual((s["status"], s["answered"], s["wait_seconds"], s["talk_seconds"]),
                         ("answered", True, 0, 125))
        self.assertEqual(s["answer_time"], start)
        self.assertEqual(s["end_time"], start + datetime.timedelta(seconds=125))

    def test_outbound_dials_the_number(self):
        s = manual.call_state("outbound", "+905321112233", None, 0, NOW)
        self.assertEqual((s["caller_number"], s["called_number"]), (False, "+905321112233"))
        self.assertEqual(s["start_time"], NOW, "now by default")

    def test_refused(self):
        cases = [
            (("internal", "+905321112233", NOW, 10), manual.MSG_DIRECTION),
            ((None, "+905321112233", NOW, 10), manual.MSG_DIRECTION),
            (("inbound", "", NOW, 10), manual.MSG_NUMBER),
            (("inbound", "+905321112233", NOW, -1), manual.MSG_DURATION),
            (("inbound", "+905321112233", NOW, manual.MAX_DURATION + 1), manual.MSG_DURATION),
            (("inbound", "+905321112233", NOW, "60"), manual.MSG_DURATION),
            (("inbound", "+905321112233", NOW + datetime.timedelta(minutes=6), 10),
             manual.MSG_FUTURE),
            (("inbound", "+905321112233", NOW - datetime.timedelta(days=7, seconds=1), 10),
             manual.MSG_OLD),
        ]
        for args, message in cases:
            with self.assertRaises(manual.ManualCallError, msg=args) as caught:
                manual.call_state(*args, now=NOW)
            self.assertEqual(caught.exception.message, message, args)

    def test_limits_are_inclusive(self):
        manual.call_state("inbound", "+905321112233", NOW + manual.FUTURE_SLACK,
                          manual.MAX_DURATION, NOW)
        manual.call_state("inbound", "+905321112233", NOW - manual.MAX_AGE, 0, NOW)


class TestMayEdit(unittest.TestCase):

    def test_own_call_the_same_day(self):
        manual.check_may_edit(True, DAY, DAY, False)

    def test_not_the_next_day_nor_another_agents(self):
        with self.assertRaises(manual.ManualCallError) as caught:
            manual.check_may_edit(True, DAY, DAY + datetime.timedelta(days=1), False)
        self.assertEqual(caught.exception.message, manual.MSG_NOT_TODAY)
        with self.assertRaises(manual.ManualCallError) as caught:
            manual.check_may_edit(False, DAY, DAY, False)
        self.assertEqual(caught.exception.message, manual.MSG_NOT_OWN)

    def test_supervisor_always(self):
        manual.check_may_edit(False, DAY - datetime.timedelta(days=30), DAY, True)
