"""Tests of the lifecycle table: who may move an application, from where, to where."""
import unittest
from datetime import datetime, timedelta

from .. import lifecycle as lc
from ..lifecycle import (
    AGENT, ANSWER, ANSWERED, ASSIGN, CLOSE, CLOSED, DIRECTOR, EXTEND, HAVALE, IADE, IN_PROGRESS,
    MARK_DUPLICATE, MUDURLUK_MANAGER, MUDURLUK_USER, NEW, REOPEN, ROUTED, SEVK, STAFF, START,
    LifecycleDenied, LifecycleError)

NOW = datetime(2026, 6, 15, 12, 0)
ALL_ROLES = frozenset(lc.ROLES)


class TestTable(unittest.TestCase):

    def test_table_is_well_formed(self):
        for (stage, action), row in lc.TRANSITIONS.items():
            with self.subTest(stage=stage, action=action):
                self.assertIn(stage, lc.STAGES)
                self.assertIn(action, lc.ACTIONS)
                self.assertTrue(row.roles and row.roles <= ALL_ROLES, row)
                self.assertIn(row.next_stage, lc.STAGES + (None, lc.ROUTED_OR_NEW))
                for precondition in row.preconditions:
                    self.assertTrue((action, precondition) in lc.UNMET
                                    or precondition in lc.UNMET, precondition)
        for action in lc.ACTIONS:
            self.assertIn(action, lc.DENIED, "every action says who may take it")

    def test_closed_applications_only_reopen(self):
        for role in lc.ROLES:
            self.assertLessEqual(lc.allowed_actions(CLOSED, {role}), {REOPEN})
        self.assertEqual(lc.allowed_actions(CLOSED, {AGENT}), {REOPEN})
        for stage in lc.OPEN_STAGES:
            self.assertNotIn(REOPEN, lc.allowed_actions(stage, ALL_ROLES))

    def test_call_centre_registers_and_informs_only(self):
        for stage in lc.OPEN_STAGES:
            self.assertEqual(lc.allowed_actions(stage, {AGENT}), frozenset(),
                             "the call centre moves nothing at %s (no İşe Başla)" % stage)

    def test_no_role_no_action(self):
        for stage in lc.STAGES:
            self.assertEqual(lc.allowed_actions(stage, set()), frozenset())

    def test_mudurluk_works_and_returns_but_never_routes_or_closes(self):
        mudurluk = {MUDURLUK_USER, MUDURLUK_MANAGER}
        self.assertEqual(lc.allowed_actions(ROUTED, {MUDURLUK_USER}), {START, ANSWER, IADE})
        self.assertEqual(lc.allowed_actions(IN_PROGRESS, {MUDURLUK_USER}), {ANSWER, IADE})
        self.assertEqual(lc.allowed_actions(ANSWERED, {MUDURLUK_USER}), {ANSWER})
        self.assertEqual(lc.allowed_actions(ROUTED, {MUDURLUK_MANAGER}),
                         {START, ANSWER, IADE, ASSIGN})
        for stage in lc.STAGES:
            for action in (HAVALE, SEVK, CLOSE, MARK_DUPLICATE, EXTEND, REOPEN):
                self.assertFalse(lc.may(stage, action, mudurluk), (stage, action))

    def test_staff_routes_closes_but_does_not_start_work(self):
        for stage in lc.OPEN_STAGES:
            allowed = lc.allowed_actions(stage, {STAFF})
            self.assertTrue({HAVALE, SEVK, CLOSE, MARK_DUPLICATE, EXTEND} <= allowed, stage)
            self.assertNotIn(START, allowed)
        self.assertEqual(lc.allowed_actions(ROUTED, {DIRECTOR}),
                         lc.allowed_actions(ROUTED, {STAFF}), "the director as staff")

    def test_next_stages(self):
        cases = [
            (NEW, HAVALE, ROUTED), (ANSWERED, HAVALE, ROUTED), (ROUTED, START, IN_PROGRESS),
            (IN_PROGRESS, ANSWER, ANSWERED), (ROUTED, IADE, NEW), (ANSWERED, CLOSE, CLOSED),
            (NEW, SEVK, CLOSED), (ROUTED, MARK_DUPLICATE, CLOSED), (IN_PROGRESS, EXTEND,
                                                                    IN_PROGRESS),
            (ROUTED, ASSIGN, ROUTED),
        ]
        for stage, action, expected in cases:
            self.assertEqual(lc.next_stage(stage, action), expected, (stage, action))
        self.assertEqual(lc.next_stage(CLOSED, REOPEN, has_team=True), ROUTED)
        self.assertEqual(lc.next_stage(CLOSED, REOPEN, has_team=False), NEW)
        with self.assertRaises(LifecycleError):
            lc.next_stage(CLOSED, START)


class TestCheck(unittest.TestCase):

    def assertDenied(self, stage, action, roles, facts=None):
        with self.assertRaises(LifecycleDenied, msg="%s %s %s" % (stage, action, roles)):
            lc.check(stage, action, roles, facts)

    def assertRefused(self, message, stage, action, roles, facts=None):
        with self.assertRaises(LifecycleError) as caught:
            lc.check(stage, action, roles, facts)
        self.assertNotIsInstance(caught.exception, LifecycleDenied)
        self.assertEqual(caught.exception.message, message)
        return caught.exception

    def test_role_is_checked_before_anything_else(self):
        self.assertDenied(ROUTED, START, {AGENT})
        self.assertDenied(ROUTED, CLOSE, {MUDURLUK_MANAGER}, {"closure_state": "cozuldu"})
        self.assertDenied(CLOSED, CLOSE, {MUDURLUK_USER})
        self.assertDenied(CLOSED, REOPEN, {MUDURLUK_USER}, {"reason": "x"})
        self.assertDenied(ROUTED, IADE, set(), {"reason": "x"})
        # A role that may answer elsewhere but not in NEW (the directorate's stage).
        self.assertDenied(NEW, ANSWER, {MUDURLUK_USER}, {"answer": "x"})

    def test_wrong_stage(self):
        error = self.assertRefused(lc.MSG_CLOSED, CLOSED, HAVALE, {STAFF},
                                   {"team": True, "number": "2026-000001"})
        self.assertIn("2026-000001", str(error))
        self.assertRefused(lc.MSG_NOT_CLOSED, ROUTED, REOPEN, {AGENT}, {"reason": "x"})
        self.assertRefused(lc.MSG_WRONG_STAGE, IN_PROGRESS, START, {MUDURLUK_USER})
        with self.assertRaises(LifecycleError):
            lc.check(ROUTED, "teleport", {STAFF})

    def test_reasons_and_answers_required(self):
        self.assertRefused(lc.UNMET[(IADE, lc.P_REASON)], ROUTED, IADE, {MUDURLUK_USER},
                           {"reason": "   "})
        self.assertRefused(lc.UNMET[lc.P_ANSWER], ROUTED, ANSWER, {MUDURLUK_USER},
                           {"answer": ""})
        self.assertRefused(lc.UNMET[lc.P_INSTITUTION], ROUTED, SEVK, {STAFF}, {})
        self.assertRefused(lc.UNMET[lc.P_TEAM], NEW, HAVALE, {STAFF}, {"team": False})
        self.assertRefused(lc.UNMET[(EXTEND, lc.P_REASON)], ROUTED, EXTEND, {STAFF}, {})
        row = lc.check(ROUTED, IADE, {MUDURLUK_USER}, {"reason": "Bizim değil"})
        self.assertEqual(row.next_stage, NEW)

    def test_close_needs_honest_closure(self):
        roles = {STAFF}
        self.assertRefused(lc.UNMET[lc.P_CLOSURE], ANSWERED, CLOSE, roles,
                           {"closure_state": "anything"})
        self.assertRefused(lc.UNMET[lc.P_CLOSURE], ANSWERED, CLOSE, roles,
                           {"closure_state": lc.SEVK_EDILDI})
        for closure in lc.ANSWER_REQUIRED:
            self.assertRefused(lc.UNMET[lc.P_ANSWER_IF_TOLD], ROUTED, CLOSE, roles,
                               {"closure_state": closure, "answer": " "})
            lc.check(ROUTED, CLOSE, roles, {"closure_state": closure, "answer": "Yapıldı"})
        self.assertRefused(lc.UNMET[lc.P_ORIGINAL_IF_DUPLICATE], ROUTED, CLOSE, roles,
                           {"closure_state": lc.MUKERRER})
        lc.check(ROUTED, CLOSE, roles, {"closure_state": lc.MUKERRER, "duplicate_of": True})
        self.assertEqual(set(lc.CLOSURES) - lc.ANSWER_REQUIRED, {lc.SEVK_EDILDI, lc.MUKERRER})

    def test_reopen_window(self):
        facts = {"reason": "İtiraz", "now": NOW, "reopen_days": 30}
        lc.check(CLOSED, REOPEN, {AGENT}, dict(facts, closed_at=NOW - timedelta(days=30)))
        error = self.assertRefused(lc.UNMET[lc.P_REOPEN_WINDOW], CLOSED, REOPEN, {AGENT},
                                   dict(facts, closed_at=NOW - timedelta(days=31),
                                        number="2026-000009"))
        self.assertIn("30 days", str(error))
        self.assertRefused(lc.UNMET[(REOPEN, lc.P_REASON)], CLOSED, REOPEN, {STAFF},
                           dict(facts, reason="", closed_at=NOW))
        self.assertFalse(lc.reopen_allowed(None, NOW, 30))

    def test_assign_only_members(self):
        lc.check(ROUTED, ASSIGN, {MUDURLUK_MANAGER}, {"assignee_is_member": True})
        self.assertRefused(lc.UNMET[lc.P_MEMBER], ROUTED, ASSIGN, {MUDURLUK_MANAGER},
                           {"assignee_is_member": False})
        self.assertDenied(ROUTED, ASSIGN, {MUDURLUK_USER}, {"assignee_is_member": True})


class TestWrites(unittest.TestCase):

    def test_nobody_changes_the_number(self):
        for role in lc.ROLES:
            with self.assertRaises(LifecycleError):
                lc.check_write(ROUTED, {role}, {"number"})
        with self.assertRaises(LifecycleError):
            lc.check_write(ROUTED, ALL_ROLES, {"number", "name"})

    def test_workflow_fields_only_through_actions(self):
        for field in lc.WORKFLOW_FIELDS:
            with self.assertRaises(LifecycleError) as caught:
                lc.check_write(ROUTED, ALL_ROLES, {field})
            self.assertNotIsInstance(caught.exception, LifecycleDenied, field)
            self.assertFalse(field in lc.writable_fields(ALL_ROLES), field)

    def test_intake_fields_only_for_staff(self):
        for field in ("received_date", "basvuru_type_id", "category_id", "channel_id",
                      "mahalle_id", "confidential", "anonymous", "kvkk_notice_given"):
            for role in (AGENT, MUDURLUK_USER, MUDURLUK_MANAGER):
                with self.assertRaises(LifecycleDenied) as caught:
                    lc.check_write(ROUTED, {role}, {field, "priority"}, {"number": "N"})
                self.assertEqual(caught.exception.params["refused"], (field,))
            lc.check_write(ROUTED, {STAFF}, {field})
            lc.check_write(CLOSED, {DIRECTOR}, {field})

    def test_mudurluk_writes_answer_and_attachments(self):
        lc.check_write(ROUTED, {MUDURLUK_USER}, {"answer", "attachment_ids", "priority"})
        lc.check_write(ANSWERED, {MUDURLUK_USER}, {"answer"})
        with self.assertRaises(LifecycleError):
            lc.check_write(CLOSED, {MUDURLUK_USER}, {"answer"})
        with self.assertRaises(LifecycleDenied):
            lc.check_write(ROUTED, {AGENT}, {"answer"})
        with self.assertRaises(LifecycleDenied):
            lc.check_write(ROUTED, {MUDURLUK_USER}, {"description"})

    def test_assignee_by_the_manager_and_a_member(self):
        lc.check_write(ROUTED, {MUDURLUK_MANAGER}, {"user_id"}, {"assignee_is_member": True})
        with self.assertRaises(LifecycleError):
            lc.check_write(ROUTED, {MUDURLUK_MANAGER}, {"user_id"},
                           {"assignee_is_member": False})
        with self.assertRaises(LifecycleDenied):
            lc.check_write(ROUTED, {MUDURLUK_USER}, {"user_id"}, {"assignee_is_member": True})
        with self.assertRaises(LifecycleError):
            lc.check_write(CLOSED, {STAFF}, {"user_id"}, {"assignee_is_member": True})

    def test_free_fields_for_everyone_who_writes(self):
        for role in lc.ROLES:
            lc.check_write(IN_PROGRESS, {role}, lc.FREE_FIELDS)
        with self.assertRaises(LifecycleDenied):
            lc.check_write(IN_PROGRESS, set(), {"priority"})
