# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo.exceptions import AccessError

from .common import AnketCase

ANSWERED = datetime.datetime(2026, 6, 5, 12, 0)


class TestFigures(AnketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")

    def answered(self, channel, solved=None, score=None, team_category=None):
        """A sent survey of a closed application on `channel`, answered if solved is given."""
        vals = {"channel_id": channel.id}
        if team_category:
            vals["category_id"] = team_category.id
        ticket = self.closed_ticket(**vals)
        record, token = self.send(ticket)
        if solved:
            self.Satisfaction._hid_answer_by_token(token, solved, score, "", now=ANSWERED)
        return record

    def test_figures_per_channel_on_known_data(self):
        # Phone: 4 sent, 2 answered (5 evet, 2 hayır → reopened); web: 2 sent, 2 answered.
        self.answered(self.phone, "evet", 5)
        self.answered(self.phone, "hayir", 2)
        self.answered(self.phone)
        self.answered(self.phone)
        self.answered(self.web, "kismen", 4)
        self.answered(self.web, "evet", 3)
        Report = self.env["hid.anket.satisfaction.report"].sudo(self.staff)
        rows = Report.read_group(
            [], ["channel_id", "nbr_sent", "nbr_answered", "response_rate", "csat",
                 "solved_rate", "reopen_rate"], ["channel_id"])
        by_channel = {row["channel_id"][0]: row for row in rows}
        phone, web = by_channel[self.phone.id], by_channel[self.web.id]
        self.assertEqual((phone["nbr_sent"], phone["nbr_answered"]), (4, 2))
        self.assertAlmostEqual(phone["response_rate"], 50.0)
        self.assertAlmostEqual(phone["csat"], 50.0, msg="one 5 of two answers")
        self.assertAlmostEqual(phone["solved_rate"], 50.0)
        self.assertAlmostEqual(phone["reopen_rate"], 50.0, msg="the hayır reopened")
        self.assertAlmostEqual(web["response_rate"], 100.0)
        self.assertAlmostEqual(web["csat"], 50.0, msg="4 counts, 3 does not")
        self.assertAlmostEqual(web["solved_rate"], 50.0)
        self.assertAlmostEqual(web["reopen_rate"], 0.0)

    def test_answer_columns_for_the_reports_view(self):
        record = self.answered(self.phone, "kismen", 3)
        self.env.cr.execute("""SELECT ticket_id, score, solved, answer_date
                                 FROM hid_anket_satisfaction WHERE id = %s""", (record.id,))
        ticket_id, score, solved, answer_date = self.env.cr.fetchone()
        self.assertEqual((ticket_id, score, solved), (record.ticket_id.id, 3, "kismen"))
        self.assertTrue(answer_date)
        self.env.cr.execute("""SELECT indexname FROM pg_indexes
                                WHERE tablename = 'hid_anket_satisfaction'
                                  AND indexdef LIKE '%%(ticket_id)%%'""")
        self.assertTrue(self.env.cr.fetchall(), "ticket_id is indexed for the join")

    def test_reports_view_shows_the_latest_answer(self):
        record = self.answered(self.phone, "kismen", 3)
        report = self.env["hid.basvuru.report"].search([("ticket_id", "=", record.ticket_id.id)])
        self.assertEqual(report.satisfaction, 3.0, "the analysis shows the survey's score")
        unanswered = self.closed_ticket()
        report = self.env["hid.basvuru.report"].search([("ticket_id", "=", unanswered.id)])
        self.assertFalse(report.satisfaction, "no answer, no score")


class TestRoles(AnketCase):

    def test_mudurluk_sees_its_own_services_only(self):
        fen = self.closed_ticket()
        self.send(fen)
        tem = self.closed_ticket(category_id=self.cat_cop.id)
        self.send(tem)
        self.assertEqual(tem.sudo().team_id, self.tem)
        for model in ("hid.anket.satisfaction", "hid.anket.satisfaction.report"):
            seen = self.env[model].sudo(self.fen_user).search([])
            self.assertEqual(seen.mapped("ticket_id"), fen, "%s: Fen sees Fen's only" % model)
            seen = self.env[model].sudo(self.tem_user).search([])
            self.assertEqual(seen.mapped("ticket_id"), tem)
            self.assertEqual(len(self.env[model].sudo(self.staff).search(
                [("ticket_id", "in", (fen | tem).ids)])), 2, "HİM sees all")

    def test_mudurluk_never_sees_the_citizen(self):
        record = self.survey_of(self.closed_ticket())
        with self.assertRaises(AccessError):
            record.sudo(self.fen_user).read(["partner_id"])
        self.assertEqual(record.sudo(self.agent).read(["partner_id"])[0]["partner_id"][0],
                         self.citizen.id)

    def test_nobody_writes_answers_directly(self):
        record = self.survey_of(self.closed_ticket())
        for user in (self.agent, self.staff, self.director, self.manager, self.fen_manager):
            with self.assertRaises(AccessError, msg=user.login):
                record.sudo(user).write({"score": 5})
            with self.assertRaises(AccessError, msg=user.login):
                record.sudo(user).unlink()

    def test_token_hash_is_not_readable(self):
        record = self.survey_of(self.closed_ticket())
        for user in (self.agent, self.director):
            with self.assertRaises(AccessError):
                record.sudo(user).read(["token_hash"])

    def test_satisfaction_answers_of_survey_module_hidden(self):
        ticket = self.closed_ticket()
        _record, token = self.send(ticket)
        self.Satisfaction._hid_answer_by_token(token, "hayir", "1", "Özel yorum", now=ANSWERED)
        Line = self.env["survey.user_input_line"]
        for user in (self.fen_user, self.agent, self.collector):
            self.assertFalse(Line.sudo(user).search([("value_free_text", "=", "Özel yorum")]),
                             "%s cannot read answers through survey" % user.login)
        self.assertTrue(Line.sudo(self.manager).search([("value_free_text", "=", "Özel yorum")]))
