"""Tests of the satisfaction rules: eligibility, dates, tokens, answers and figures."""
import datetime
import unittest

from .. import satisfaction as s

CLOSED = datetime.datetime(2026, 6, 1, 10, 0)


class TestSatisfaction(unittest.TestCase):

    def test_eligible(self):
        self.assertTrue(s.eligible('cozuldu', False, True))
        for closure in ('mukerrer', 'sevk_edildi', False):
            self.assertFalse(s.eligible(closure, False, True), closure)
        self.assertFalse(s.eligible('cozuldu', True, True), "never for an anonymous one")
        self.assertFalse(s.eligible('cozuldu', False, False), "only to a citizen")

    def test_send_date_and_reminder(self):
        self.assertEqual(s.send_date(CLOSED, 3), datetime.date(2026, 6, 4))
        self.assertEqual(s.send_date(CLOSED.date(), 0), datetime.date(2026, 6, 1))
        sent = datetime.datetime(2026, 6, 4, 9, 0)
        self.assertFalse(s.reminder_due(sent, sent + datetime.timedelta(days=2), 3, False))
        self.assertTrue(s.reminder_due(sent, sent + datetime.timedelta(days=3), 3, False))
        self.assertFalse(s.reminder_due(sent, sent + datetime.timedelta(days=9), 3, True),
                         "at most one reminder")

    def test_tokens_unguessable_and_hashed(self):
        tokens = {s.new_token() for _i in range(200)}
        self.assertEqual(len(tokens), 200, "no two tokens alike")
        token = tokens.pop()
        self.assertGreaterEqual(len(token), 43, "256 bits, URL-safe")
        self.assertTrue(s.looks_like_token(token))
        stored = s.token_hash(token)
        self.assertNotIn(token, stored, "only the hash is stored")
        self.assertTrue(s.token_matches(token, stored))
        self.assertFalse(s.token_matches(token[:-1] + ('A' if token[-1] != 'A' else 'B'),
                                         stored))
        self.assertFalse(s.looks_like_token("../../etc/passwd"))
        self.assertFalse(s.looks_like_token("kisa"))

    def test_clean_answer(self):
        self.assertEqual(s.clean_answer('evet', '5', '  iyi  '), ('evet', 5, 'iyi'))
        for solved, score in (('belki', 3), ('evet', 0), ('evet', 6), ('evet', 'x'),
                              ('evet', None)):
            with self.assertRaises(s.AnswerError):
                s.clean_answer(solved, score, '')
        with self.assertRaises(s.AnswerError):
            s.clean_answer('evet', 3, 'x' * 2001)

    def test_outcome(self):
        self.assertIsNone(s.outcome('evet', CLOSED, CLOSED, 30))
        self.assertEqual(s.outcome('hayir', CLOSED, CLOSED + datetime.timedelta(days=30), 30),
                         s.REOPEN, "the last day of the window still reopens")
        self.assertEqual(s.outcome('hayir', CLOSED, CLOSED + datetime.timedelta(days=31), 30),
                         s.REVIEW)

    def test_figures(self):
        rows = [dict(answered=True, score=5, solved='evet', reopened=False),
                dict(answered=True, score=4, solved='kismen', reopened=False),
                dict(answered=True, score=1, solved='hayir', reopened=True),
                dict(answered=True, score=2, solved='evet', reopened=False),
                dict(answered=False), dict(answered=False), dict(answered=False),
                dict(answered=False)]
        self.assertEqual(s.figures(rows), {
            'sent': 8, 'answered': 4, 'response_rate': 50.0, 'csat': 50.0,
            'solved_rate': 50.0, 'reopen_rate': 25.0})
        self.assertEqual(s.figures([])['response_rate'], None, "no base, no figure")
