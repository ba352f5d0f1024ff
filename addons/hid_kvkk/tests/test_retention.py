# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Retention rules on fixed dates (now = 2026-12-02 03:00 UTC)."""
import base64

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import NOW, KvkkCase

REPORT_FIELDS = ["team_id", "mahalle_id", "channel_id", "category_id", "closure_state",
                 "basvuru_type_id", "stage_id", "legal_basis"]
REPORT_MEASURES = ["resolution_hours", "first_response_hours", "on_time", "reopen_count"]


class TestRetention(KvkkCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Closed 10 years + 1 month ago: expired; closed 10 years - 1 day ago: not.
        cls.t_old = cls.app(cls.citizen, "2016-10-01 08:00:00", "2016-11-01 09:00:00")
        cls.t_edge = cls.app(cls.citizen, "2016-11-20 08:00:00", "2016-12-03 09:00:00")
        cls.t_recent = cls.app(cls.citizen, "2026-10-01 08:00:00", "2026-10-05 09:00:00")
        # The other citizen has an open application: their old closed one is kept.
        cls.o_old = cls.app(cls.other, "2015-01-05 08:00:00", "2015-02-01 09:00:00")
        cls.o_open = cls.app(cls.other, "2026-11-20 08:00:00")
        # An anonymous old one (no citizen) under a legal hold: kept.
        cls.t_held = cls.app(cls.citizen, "2014-01-05 08:00:00", "2014-02-01 09:00:00")
        cls.env["hid.kvkk.legal.hold.wizard"].sudo(cls.staff)._apply(
            "helpdesk.ticket", cls.t_held.ids, "set", "Dava: 2025/123 Esas")
        cls.t_old.sudo().message_post(body="<p>Fatma Hanım aradı, 0532 111 22 33</p>",
                                      subtype="mail.mt_note")
        cls.env["ir.attachment"].create({
            "name": "foto.jpg", "datas": base64.b64encode(b"\xff\xd8\xff fake"),
            "res_model": "helpdesk.ticket", "res_id": cls.t_old.id})

    def _report(self, ids):
        Report = self.env["hid.basvuru.report"].sudo(self.director)
        domain = [("ticket_id", "in", ids)]
        out = {}
        for field in REPORT_FIELDS:
            rows = Report.read_group(domain, [field] + REPORT_MEASURES, [field])
            out[field] = sorted((str(r[field]), r["%s_count" % field],
                                 round(r["resolution_hours"] or 0, 4),
                                 round(r["first_response_hours"] or 0, 4), r["reopen_count"])
                                for r in rows)
        out["rows"] = Report.search_read(domain, ["received_day", "closed", "on_time",
                                                  "instant", "same_day", "duplicate", "sevk",
                                                  "legal_deadline", "deadline_state"],
                                         order="ticket_id")
        return out

    def test_application_rule_picks_exactly_the_expired(self):
        rule = self.rule("application", "closure", 10)
        everything = (self.t_old | self.t_edge | self.t_recent | self.o_old | self.o_open
                      | self.t_held).ids
        before = self._report(everything)
        self.assertEqual(self.run_rule(rule), 1)
        tickets = self.env["helpdesk.ticket"].sudo().browse(everything)
        tickets.invalidate_cache()
        self.assertEqual(tickets.filtered("hid_kvkk_anonymized"), self.t_old)
        # The report's numbers do not change.
        self.assertEqual(self._report(everything), before)
        # What stays and what goes.
        t = self.t_old.sudo()
        self.assertFalse(t.partner_id)
        self.assertFalse(t.partner_name or t.partner_email or t.address or t.answer)
        self.assertFalse(t.latitude or t.longitude)
        self.assertNotIn("Yılmaz", t.description or "")
        self.assertEqual((t.team_id, t.mahalle_id.id or False, t.category_id, t.channel_id),
                         (self.fen, t.mahalle_id.id or False, self.cat_cukur, self.phone))
        self.assertEqual((t.received_date, t.closed_date, t.closure_state),
                         ("2016-10-01 08:00:00", "2016-11-01 09:00:00", "cozuldu"))
        self.assertTrue(t.number)
        bodies = self.env["mail.message"].sudo().search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", t.id)]).mapped("body")
        self.assertTrue(bodies and all(not b for b in bodies), bodies)
        self.assertFalse(self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", t.id)]))
        # The citizen card stays (they have recent applications).
        self.assertEqual(self.citizen.name, "Fatma Yılmaz")
        # Destruction record.
        rec = self.env["hid.kvkk.destruction"].sudo(self.director).search(
            [("rule_id", "=", rule.id)])
        self.assertEqual((rec.kind, rec.action, rec.count, rec.record_ids, rec.user_id),
                         ("application", "anonymise", 1, str(self.t_old.id), self.director))
        self.assertEqual(rec.cutoff, "2016-12-02 03:00:00")
        # A second run finds nothing more, and says so.
        self.assertEqual(self.run_rule(rule), 0)
        empty = self.env["hid.kvkk.destruction"].sudo().search(
            [("rule_id", "=", rule.id)], order="id desc", limit=1)
        self.assertEqual((empty.count, empty.record_ids or ""), (0, ""))

    def test_legal_hold_lifted_then_taken(self):
        rule = self.rule("application", "closure", 10)
        self.env["hid.kvkk.legal.hold.wizard"].sudo(self.staff)._apply(
            "helpdesk.ticket", self.t_held.ids, "lift")
        self.assertEqual(self.run_rule(rule), 2)
        self.assertTrue(self.t_held.sudo().hid_kvkk_anonymized)

    def test_legal_hold_roles(self):
        Wizard = self.env["hid.kvkk.legal.hold.wizard"]
        for user in (self.agent, self.fen_user, self.fen_manager):
            with self.assertRaises(AccessError):
                Wizard.sudo(user)._apply("res.partner", self.citizen.ids, "set", "x")
        with self.assertRaises(UserError):
            Wizard.sudo(self.staff)._apply("res.partner", self.citizen.ids, "set", " ")
        with self.assertRaises(UserError):
            Wizard.sudo(self.staff)._apply("res.users", self.staff.ids, "set", "x")
        # The flag is in no write allow-list.
        with self.assertRaises(AccessError):
            self.t_old.sudo(self.staff).write({"hid_kvkk_legal_hold": True})

    def test_citizen_rule_last_contact(self):
        old = self.env["res.partner"].create({
            "name": "Eski Vatandaş", "hid_citizen": True, "mobile": "0535 123 45 67",
            "tckn": "10000000214", "email": "eski@example.com", "street": "Gül Sok."})
        called = self.env["res.partner"].create({
            "name": "Arayan Vatandaş", "hid_citizen": True, "mobile": "0535 765 43 21"})
        for partner in (old, called):
            self.env.cr.execute("UPDATE res_partner SET create_date = '2014-01-01' "
                                "WHERE id = %s", (partner.id,))
            self.app(partner, "2014-02-01 08:00:00", "2014-03-01 08:00:00")
        self.call(called, "2020-06-01 10:00:00", "kvkk-call-1")
        rule = self.rule("citizen", "last_contact", 10)
        self.assertEqual(self.run_rule(rule), 1)
        old.invalidate_cache()
        self.assertEqual(old.sudo().name, "Anonim vatandaş #%d" % old.id)
        self.assertFalse(old.sudo().tckn or old.mobile or old.email or old.street)
        self.assertEqual(called.sudo().name, "Arayan Vatandaş")
        # The citizen with an open application and the one with recent ones stay.
        self.assertEqual(self.other.name, "Mehmet Başka")
        self.assertEqual(self.citizen.name, "Fatma Yılmaz")

    def test_calls_sms_visits(self):
        c_old = self.call(self.citizen, "2024-11-01 10:00:00", "kvkk-c-old")
        c_new = self.call(self.citizen, "2025-01-01 10:00:00", "kvkk-c-new")
        c_other = self.call(self.other, "2020-01-01 10:00:00", "kvkk-c-other")
        self.assertEqual(self.run_rule(self.rule("call", "creation", 2)), 1)
        (c_old | c_new | c_other).invalidate_cache()
        self.assertTrue(c_old.hid_kvkk_anonymized)
        self.assertFalse(c_old.caller_number or c_old.partner_id or c_old.notes)
        self.assertEqual(c_old.status, "answered")
        self.assertFalse(c_new.hid_kvkk_anonymized or c_other.hid_kvkk_anonymized)

        Sms = self.env["hid.sms"].sudo()
        s_old = Sms.create({"to": "+905321112233", "body": "Sayın Fatma", "state": "sent",
                            "partner_id": self.citizen.id})
        s_queued = Sms.create({"to": "+905321112233", "body": "Sayın Fatma",
                               "partner_id": self.citizen.id})
        self.env.cr.execute("UPDATE hid_sms SET create_date = '2025-01-01' WHERE id = ANY(%s)",
                            ((s_old | s_queued).ids,))
        self.assertEqual(self.run_rule(self.rule("sms", "creation", 1, action="delete")), 1)
        self.assertFalse(s_old.exists())
        self.assertTrue(s_queued.exists())

        Visit = self.env["hid.danisma.visit"].sudo()
        v_old = Visit.create({"visitor_name": "Fatma Yılmaz", "phone": "0532 111 22 33",
                              "purpose_id": self.env["hid.danisma.purpose"].search(
                                  [], limit=1).id, "note": "Eşi ile geldi"})
        self.env.cr.execute("UPDATE hid_danisma_visit SET check_in = '2024-01-01 08:00:00' "
                            "WHERE id = %s", (v_old.id,))
        self.assertEqual(self.run_rule(self.rule("visit", "creation", 2)), 1)
        v_old.invalidate_cache()
        self.assertFalse(v_old.visitor_name or v_old.phone or v_old.note or v_old.partner_id)
        self.assertEqual(v_old.check_in, "2024-01-01 08:00:00")

    def test_login_attempts_deleted_after_a_year(self):
        """auth_brute_force keeps every login attempt (login, address) for ever: the rule
        shipped deletes those older than a year, and only those."""
        rule = self.env.ref("hid_kvkk.rule_login_attempt")
        self.assertEqual((rule.kind, rule.action, rule.period, rule.period_unit, rule.active),
                         ("login_attempt", "delete", 1, "years", True))
        Attempt = self.env["res.authentication.attempt"].sudo()
        old = Attempt.create({"login": "fen.kullanici", "remote": "10.0.0.7",
                              "result": "failed"})
        new = Attempt.create({"login": "fen.kullanici", "remote": "10.0.0.7",
                              "result": "successful"})
        self.env.cr.execute("UPDATE res_authentication_attempt SET create_date = %s "
                            "WHERE id = %s", ("2025-11-30 10:00:00", old.id))
        self.env.cr.execute("UPDATE res_authentication_attempt SET create_date = %s "
                            "WHERE id = %s", ("2025-12-03 10:00:00", new.id))
        self.assertEqual(self.run_rule(rule), 1)
        self.assertFalse(old.exists())
        self.assertTrue(new.exists(), "less than a year old: kept")
        record = self.env["hid.kvkk.destruction"].sudo().search(
            [("kind", "=", "login_attempt")], order="id desc", limit=1)
        self.assertEqual((record.action, record.count), ("delete", 1))

    def test_rule_validation_and_roles(self):
        with self.assertRaises(ValidationError):
            self.rule("application", "closure", 10, action="delete")
        with self.assertRaises(ValidationError):
            self.rule("sms", "closure", 1)
        with self.assertRaises(ValidationError):
            self.rule("sms", "creation", 0)
        Rule = self.env["hid.kvkk.retention.rule"]
        self.assertTrue(Rule.sudo(self.staff).search([]))
        for user in (self.staff, self.agent, self.fen_user):
            with self.assertRaises(AccessError):
                Rule.sudo(user).create({"name": "x", "kind": "sms", "date_from": "creation",
                                        "period": 1, "period_unit": "years",
                                        "action": "delete"})
        for user in (self.agent, self.fen_user, self.fen_manager):
            with self.assertRaises(AccessError):
                Rule.sudo(user).search([])

    def test_destruction_is_append_only(self):
        self.run_rule(self.rule("application", "closure", 10))
        Destruction = self.env["hid.kvkk.destruction"]
        rec = Destruction.sudo().search([], limit=1)
        self.assertTrue(rec)
        for user in (self.director, self.staff):
            with self.assertRaises(AccessError):
                rec.sudo(user).write({"count": 0})
            with self.assertRaises(AccessError):
                rec.sudo(user).unlink()
        with self.assertRaises(AccessError):
            rec.sudo().write({"count": 0})
        for user in (self.staff, self.agent, self.fen_user):
            with self.assertRaises(AccessError):
                Destruction.sudo(user).search([])
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute("UPDATE hid_kvkk_destruction SET count = 0")
        with self.assertRaises(psycopg2.Error), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute("DELETE FROM hid_kvkk_destruction")

    def test_batches(self):
        """Chunks of 1: one destruction row per chunk, all of them in the same run."""
        a = self.app(self.citizen, "2010-01-01 08:00:00", "2010-02-01 08:00:00")
        rule = self.rule("application", "closure", 10)
        result = rule.sudo(self.director)._apply_rules(now=NOW, batch=1)
        self.assertEqual(result[rule.id], 2)
        recs = self.env["hid.kvkk.destruction"].sudo().search([("rule_id", "=", rule.id)])
        self.assertEqual(len(recs), 2)
        self.assertEqual(len(set(recs.mapped("run"))), 1)
        self.assertEqual(sorted(recs.mapped("record_ids")), sorted(
            [str(a.id), str(self.t_old.id)]))
