# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class HidDanismaVisitReport(models.Model):
    """Desk visits counted by purpose, unit and assistance type (pivot and graph).

    One row per visit and assistance given (a visit with none has one row): "Visits" counts
    each visit once (on its first row), "Assistance Given" counts each assistance. No
    personal data: the visitor's name, phone and notes stay on the visit."""

    _name = "hid.danisma.visit.report"
    _description = "Desk Visit Analysis"
    _auto = False
    _rec_name = "visit_date"
    _order = "visit_date desc"

    visit_id = fields.Many2one(
        comodel_name="hid.danisma.visit",
        string="Visit",
        readonly=True,
    )
    check_in = fields.Datetime(
        string="Time In",
        readonly=True,
    )
    visit_date = fields.Date(
        string="Day",
        readonly=True,
    )
    purpose_id = fields.Many2one(
        comodel_name="hid.danisma.purpose",
        string="Purpose",
        readonly=True,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Directed To",
        readonly=True,
    )
    assistance_id = fields.Many2one(
        comodel_name="hid.danisma.assistance",
        string="Assistance",
        readonly=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Desk Staff",
        readonly=True,
    )
    outcome = fields.Selection(
        selection=[
            ("informed", "Informed"),
            ("directed", "Directed to a Unit"),
            ("appointment", "Appointment Given"),
            ("application", "Application Registered"),
            ("document", "Document Registered"),
            ("other", "Other"),
        ],
        readonly=True,
    )
    nbr_visits = fields.Integer(
        string="Visits",
        readonly=True,
    )
    nbr_assistance = fields.Integer(
        string="Assistance Given",
        readonly=True,
    )
    duration = fields.Float(
        string="Duration (Minutes)",
        group_operator="avg",
        readonly=True,
    )

    def _select(self):
        return """
            SELECT v.id::bigint * 100000 + COALESCE(r.assistance_id, 0) AS id,
                   v.id AS visit_id,
                   v.check_in,
                   v.visit_date,
                   v.purpose_id,
                   v.team_id,
                   r.assistance_id,
                   v.user_id,
                   v.outcome,
                   CASE WHEN r.assistance_id IS NULL OR r.assistance_id = (
                            SELECT min(r2.assistance_id)
                              FROM hid_danisma_visit_assistance_rel r2
                             WHERE r2.visit_id = v.id)
                        THEN 1 ELSE 0 END AS nbr_visits,
                   CASE WHEN r.assistance_id IS NULL THEN 0 ELSE 1 END AS nbr_assistance,
                   CASE WHEN v.check_out IS NOT NULL AND (r.assistance_id IS NULL
                             OR r.assistance_id = (
                                SELECT min(r3.assistance_id)
                                  FROM hid_danisma_visit_assistance_rel r3
                                 WHERE r3.visit_id = v.id))
                        THEN EXTRACT(EPOCH FROM v.check_out - v.check_in) / 60.0
                   END AS duration
        """

    def _from(self):
        return """
            FROM hid_danisma_visit v
            LEFT JOIN hid_danisma_visit_assistance_rel r ON r.visit_id = v.id
        """

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(sql.SQL("CREATE OR REPLACE VIEW {} AS ({} {})").format(
            sql.Identifier(self._table), sql.SQL(self._select()), sql.SQL(self._from())))
