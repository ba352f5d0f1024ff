# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HidAnketQuota(models.Model):
    """How many completed answers an opinion survey wants from a mahalle."""

    _name = "hid.anket.quota"
    _description = "Survey Quota per Mahalle"
    _order = "survey_id, mahalle_id"

    survey_id = fields.Many2one(
        comodel_name="survey.survey",
        string="Survey",
        required=True,
        index=True,
        ondelete="cascade",
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
        required=True,
        index=True,
    )
    target = fields.Integer(
        required=True,
        default=100,
    )
    answered = fields.Integer(
        string="Completed Answers",
        compute="_compute_answered",
    )
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_answered",
    )

    _sql_constraints = [
        ("survey_mahalle_uniq", "unique(survey_id, mahalle_id)",
         "One quota per survey and mahalle."),
    ]

    def _compute_answered(self):
        """One read_group for all the quotas shown (completed answers per survey, mahalle)."""
        groups = self.env["survey.user_input"].sudo().read_group(
            [("survey_id", "in", self.mapped("survey_id").ids), ("state", "=", "done"),
             ("test_entry", "=", False), ("hid_mahalle_id", "in", self.mapped("mahalle_id").ids)],
            ["survey_id", "hid_mahalle_id"], ["survey_id", "hid_mahalle_id"], lazy=False)
        counts = {(g["survey_id"][0], g["hid_mahalle_id"][0]): g["__count"] for g in groups}
        for quota in self:
            quota.answered = counts.get((quota.survey_id.id, quota.mahalle_id.id), 0)
            quota.progress = 100.0 * quota.answered / quota.target if quota.target else 0.0

    @api.constrains("target")
    def _check_target(self):
        for quota in self:
            if quota.target <= 0:
                raise ValidationError(_("Target: give a number of answers above zero."))
