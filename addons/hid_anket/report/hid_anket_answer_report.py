# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Answers of the opinion surveys, one row per chosen answer (or number), with the channel,
mahalle and collector of the answer: results by question, mahalle and channel."""
from odoo import fields, models, tools

from ..models.survey_survey import KINDS
from ..models.survey_user_input import CHANNELS


class HidAnketAnswerReport(models.Model):

    _name = "hid.anket.answer.report"
    _description = "Opinion Survey Results"
    _auto = False
    _order = "survey_id, question_id"

    survey_id = fields.Many2one(
        comodel_name="survey.survey",
        string="Survey",
        readonly=True,
    )
    survey_kind = fields.Selection(
        selection=KINDS,
        readonly=True,
    )
    question_id = fields.Many2one(
        comodel_name="survey.question",
        string="Question",
        readonly=True,
    )
    label_id = fields.Many2one(
        comodel_name="survey.label",
        string="Answer",
        readonly=True,
    )
    row_id = fields.Many2one(
        comodel_name="survey.label",
        string="Row",
        readonly=True,
    )
    value_number = fields.Float(
        string="Number Given",
        group_operator="avg",
        readonly=True,
    )
    channel = fields.Selection(
        selection=CHANNELS,
        readonly=True,
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
        readonly=True,
    )
    collector_id = fields.Many2one(
        comodel_name="res.users",
        string="Collected By",
        readonly=True,
    )
    date = fields.Date(
        readonly=True,
    )
    nbr = fields.Integer(
        string="Answers",
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW %s AS (
                SELECT l.id AS id,
                       l.survey_id, s.hid_kind AS survey_kind, l.question_id,
                       l.value_suggested AS label_id, l.value_suggested_row AS row_id,
                       l.value_number,
                       i.hid_channel AS channel, i.hid_mahalle_id AS mahalle_id,
                       i.hid_collector_id AS collector_id,
                       i.date_create::date AS date,
                       1 AS nbr
                  FROM survey_user_input_line l
                  JOIN survey_user_input i ON i.id = l.user_input_id
                  JOIN survey_survey s ON s.id = l.survey_id
                 WHERE s.hid_kind IN ('kamuoyu', 'hizmet')
                   AND i.state = 'done' AND NOT i.test_entry
                   AND NOT COALESCE(l.skipped, FALSE)
                   AND l.answer_type IN ('suggestion', 'number')
            )""" % self._table)
