# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from .common import AnketCase


class TestOpinion(AnketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sarigazi = cls.env.ref("hid_basvuru.mahalle_sarigazi")
        cls.akpinar = cls.env.ref("hid_basvuru.mahalle_akpinar")
        Survey = cls.env["survey.survey"].sudo(cls.manager)
        cls.survey = Survey.create({
            "title": "Parklarımız", "hid_kind": "hizmet",
            "hid_kvkk_notice": "Yanıtlar anonimdir.",
            "hid_team_ids": [(6, 0, cls.fen.ids)],
        })
        page = cls.env["survey.page"].sudo(cls.manager).create(
            {"title": "Parklar", "survey_id": cls.survey.id})
        cls.question = cls.env["survey.question"].sudo(cls.manager).create({
            "page_id": page.id, "question": "Parkları beğeniyor musunuz?",
            "type": "simple_choice",
            "labels_ids": [(0, 0, {"value": "Evet"}), (0, 0, {"value": "Hayır"})]})
        cls.yes, cls.no = cls.question.labels_ids
        cls.free = cls.env["survey.question"].sudo(cls.manager).create({
            "page_id": page.id, "question": "Öneriniz", "type": "free_text"})
        cls.env["hid.anket.quota"].sudo(cls.manager).create(
            {"survey_id": cls.survey.id, "mahalle_id": cls.sarigazi.id, "target": 4})

    def answer(self, user_input, label, text=None):
        Line = self.env["survey.user_input_line"].sudo()
        Line.create({"user_input_id": user_input.id, "question_id": self.question.id,
                     "answer_type": "suggestion", "value_suggested": label.id})
        if text:
            Line.create({"user_input_id": user_input.id, "question_id": self.free.id,
                         "answer_type": "free_text", "value_free_text": text})
        user_input.sudo().write({"state": "done"})

    def web_answer(self, mahalle, label, text=None):
        UserInput = self.env["survey.user_input"]
        token = UserInput._hid_public_start(self.survey.id, str(mahalle.id) if mahalle else "")
        user_input = UserInput.sudo().search([("token", "=", token)])
        self.assertEqual((user_input.hid_channel, user_input.partner_id),
                         ("web", self.env["res.partner"]), "anonymous, tagged web")
        self.answer(user_input, label, text)
        return user_input

    def collected(self, user, channel, mahalle, label):
        wizard = self.env["hid.anket.collect"].sudo(user).create(
            {"survey_id": self.survey.id, "channel": channel, "mahalle_id": mahalle.id})
        action = wizard.action_start()
        token = action["url"].rsplit("/", 1)[1]
        user_input = self.env["survey.user_input"].sudo().search([("token", "=", token)])
        self.assertEqual((user_input.hid_channel, user_input.hid_collector_id),
                         (channel, user), "tagged with channel and collector")
        self.answer(user_input, label)
        return user_input

    def test_results_by_question_mahalle_channel_and_quota(self):
        self.web_answer(self.sarigazi, self.yes, "Daha çok bank")
        self.web_answer(None, self.no)
        self.collected(self.agent, "phone", self.sarigazi, self.yes)
        self.collected(self.collector, "face", self.akpinar, self.no)
        Report = self.env["hid.anket.answer.report"].sudo(self.staff)
        rows = Report.read_group([("question_id", "=", self.question.id)],
                                 ["label_id", "nbr"], ["label_id"])
        self.assertEqual({r["label_id"][0]: r["nbr"] for r in rows},
                         {self.yes.id: 2, self.no.id: 2})
        rows = Report.read_group([("survey_id", "=", self.survey.id)], ["channel", "nbr"],
                                 ["channel"])
        self.assertEqual({r["channel"]: r["nbr"] for r in rows},
                         {"web": 2, "phone": 1, "face": 1})
        rows = Report.read_group([("survey_id", "=", self.survey.id)], ["mahalle_id", "nbr"],
                                 ["mahalle_id"])
        self.assertEqual({r["mahalle_id"] and r["mahalle_id"][0]: r["nbr"] for r in rows},
                         {self.sarigazi.id: 2, self.akpinar.id: 1, False: 1})
        quota = self.survey.hid_quota_ids
        self.assertEqual((quota.answered, quota.progress), (2, 50.0), "2 of 4 in Sarıgazi")
        action = self.env.ref("hid_anket.survey_user_input_line_action_free_text")
        free = self.env["survey.user_input_line"].sudo(self.staff).search(
            safe_eval(action.domain) + [("survey_id", "=", self.survey.id)])
        self.assertEqual(free.mapped("value_free_text"), ["Daha çok bank"])

    def test_mudurluk_sees_results_of_its_services_only(self):
        self.web_answer(self.sarigazi, self.yes)
        Report = self.env["hid.anket.answer.report"]
        self.assertTrue(Report.sudo(self.fen_user).search([("survey_id", "=", self.survey.id)]))
        self.assertFalse(Report.sudo(self.tem_user).search([("survey_id", "=", self.survey.id)]))
        Survey = self.env["survey.survey"]
        self.assertTrue(Survey.sudo(self.fen_user)._hid_may_see_results(self.survey))
        self.assertFalse(Survey.sudo(self.tem_user)._hid_may_see_results(self.survey))
        self.assertFalse(Survey.sudo(self.tem_user)._hid_may_see_results(
            self.env.ref("hid_anket.survey_satisfaction")))
        lines = self.env["survey.user_input_line"]
        self.assertFalse(lines.sudo(self.tem_user).search([("survey_id", "=", self.survey.id)]))
        self.assertTrue(lines.sudo(self.fen_user).search([("survey_id", "=", self.survey.id)]))

    def test_collectors_only_and_own_answers(self):
        with self.assertRaises(AccessError):
            self.env["hid.anket.collect"].sudo(self.fen_user).create(
                {"survey_id": self.survey.id, "channel": "face"}).action_start()
        mine = self.collected(self.collector, "face", self.akpinar, self.no)
        other = self.collected(self.agent, "phone", self.sarigazi, self.yes)
        UserInput = self.env["survey.user_input"].sudo(self.collector)
        self.assertEqual(UserInput.search([("survey_id", "=", self.survey.id)]), mine,
                         "a collector sees the answers they collected")
        with self.assertRaises(AccessError):
            other.sudo(self.collector).write({"state": "new"})

    def test_closed_or_satisfaction_survey_not_public(self):
        UserInput = self.env["survey.user_input"]
        self.assertFalse(UserInput._hid_public_survey(
            self.env.ref("hid_anket.survey_satisfaction").id), "only through its token link")
        self.assertFalse(UserInput._hid_public_survey(999999))
        with self.assertRaises(UserError):
            UserInput._hid_public_start(self.env.ref("hid_anket.survey_satisfaction").id, "")
        token = UserInput._hid_public_start(self.survey.id, "not-a-number")
        self.assertFalse(UserInput.sudo().search([("token", "=", token)]).hid_mahalle_id)

    def test_xlsx_export(self):
        self.web_answer(self.sarigazi, self.yes, "Daha çok bank")
        report = self.env.ref("hid_anket.report_opinion_xlsx")
        content, kind = report.sudo(self.manager).render_xlsx(self.survey.ids, {})
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an XLSX (zip) file")
        with self.assertRaises(AccessError):
            report.sudo(self.tem_user).render_xlsx(self.survey.ids, {})
