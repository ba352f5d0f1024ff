# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Satisfaction figures: one row per survey that went out (or was answered on the phone).

Every rate is an average of a per-row 0/100 value, so that pivot and graph compute it for any
grouping: CSAT, "çözüldü" confirmation and reopen rates are NULL on unanswered rows (Postgres'
avg ignores NULL: their base is the answers), the response rate is 0/100 on every row (its
base is the surveys sent). The views always show the response rate next to them."""
from odoo import fields, models, tools

from odoo.addons.hid_basvuru.models.helpdesk_ticket import CLOSURE_STATES

from ..models.hid_anket_satisfaction import ANSWER_CHANNELS, SOLVED


class HidAnketSatisfactionReport(models.Model):

    _name = "hid.anket.satisfaction.report"
    _description = "Satisfaction Survey Figures"
    _auto = False
    _rec_name = "ticket_id"
    _order = "date desc"

    satisfaction_id = fields.Many2one(
        comodel_name="hid.anket.satisfaction",
        string="Satisfaction Survey",
        readonly=True,
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        readonly=True,
    )
    date = fields.Date(
        string="Sent On",
        readonly=True,
    )
    answer_date = fields.Date(
        readonly=True,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        readonly=True,
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
        readonly=True,
    )
    channel_id = fields.Many2one(
        comodel_name="helpdesk.ticket.channel",
        string="Channel",
        readonly=True,
    )
    category_id = fields.Many2one(
        comodel_name="helpdesk.ticket.category",
        string="Category",
        readonly=True,
    )
    closure_state = fields.Selection(
        selection=CLOSURE_STATES,
        string="Closure",
        readonly=True,
    )
    solved = fields.Selection(
        selection=SOLVED,
        string="Solved?",
        readonly=True,
    )
    answer_channel = fields.Selection(
        selection=ANSWER_CHANNELS,
        string="Answered By",
        readonly=True,
    )
    nbr_sent = fields.Integer(
        string="Surveys Sent",
        readonly=True,
    )
    nbr_answered = fields.Integer(
        string="Answers",
        readonly=True,
    )
    response_rate = fields.Float(
        string="Response Rate (%)",
        group_operator="avg",
        readonly=True,
    )
    csat = fields.Float(
        string="CSAT (% 4-5)",
        group_operator="avg",
        readonly=True,
    )
    solved_rate = fields.Float(
        string="Confirmed Solved (%)",
        group_operator="avg",
        readonly=True,
    )
    reopen_rate = fields.Float(
        string="Reopened by Survey (%)",
        group_operator="avg",
        readonly=True,
    )
    score = fields.Float(
        string="Average Score",
        group_operator="avg",
        readonly=True,
    )

    def _select(self):
        return """
            SELECT s.id AS id,
                   s.id AS satisfaction_id,
                   s.ticket_id,
                   COALESCE(s.sent_date, s.answer_date)::date AS date,
                   s.answer_date::date AS answer_date,
                   s.team_id, s.mahalle_id, s.channel_id, s.category_id, s.closure_state,
                   s.solved, s.answer_channel,
                   1 AS nbr_sent,
                   CASE WHEN s.state = 'answered' THEN 1 ELSE 0 END AS nbr_answered,
                   CASE WHEN s.state = 'answered' THEN 100.0 ELSE 0.0 END AS response_rate,
                   CASE WHEN s.state <> 'answered' THEN NULL
                        WHEN s.score >= 4 THEN 100.0 ELSE 0.0 END AS csat,
                   CASE WHEN s.state <> 'answered' THEN NULL
                        WHEN s.solved = 'evet' THEN 100.0 ELSE 0.0 END AS solved_rate,
                   CASE WHEN s.state <> 'answered' THEN NULL
                        WHEN s.reopened THEN 100.0 ELSE 0.0 END AS reopen_rate,
                   CASE WHEN s.state = 'answered' THEN s.score::float ELSE NULL END AS score
        """

    def _from(self):
        return "FROM hid_anket_satisfaction s"

    def _where(self):
        return "WHERE s.state IN ('sent', 'answered', 'expired')"

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s %s %s)" % (
            self._table, self._select(), self._from(), self._where()))
