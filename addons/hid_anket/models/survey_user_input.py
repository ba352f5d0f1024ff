# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .survey_survey import OPINION_KINDS

CHANNELS = [
    ("web", "Web"),
    ("phone", "Phone"),
    ("face", "Face to face"),
    ("link", "SMS / e-mail link"),
]


class SurveyUserInput(models.Model):
    """Each answer tagged with how it was collected, where, and by whom (no citizen's name:
    opinion answers are anonymous)."""

    _inherit = "survey.user_input"

    hid_channel = fields.Selection(
        selection=CHANNELS,
        string="Collected By Channel",
        index=True,
        readonly=True,
    )
    hid_mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
        index=True,
        readonly=True,
    )
    hid_collector_id = fields.Many2one(
        comodel_name="res.users",
        string="Collected By",
        index=True,
        readonly=True,
    )
    hid_satisfaction_id = fields.Many2one(
        comodel_name="hid.anket.satisfaction",
        string="Satisfaction Survey",
        index=True,
        readonly=True,
        ondelete="set null",
    )

    # ---------------------------------------------------
    # The public web start of an opinion survey
    # ---------------------------------------------------

    @api.model
    def _hid_public_survey(self, survey_id):
        """The opinion survey `survey_id` if it is open to the public, else empty."""
        survey = self.env["survey.survey"].sudo().browse(survey_id).exists()
        if not survey or survey.hid_kind not in OPINION_KINDS or survey.stage_id.closed \
                or not survey.page_ids or survey.auth_required:
            return self.env["survey.survey"]
        return survey

    @api.model
    def _hid_public_mahalleler(self):
        return self.env["hid.mahalle"].sudo().search([])

    @api.model
    def _hid_public_start(self, survey_id, mahalle):
        """A fresh anonymous answer on the web (no partner, no name), tagged with the
        mahalle the respondent chose (or none); its token opens Odoo's survey pages."""
        survey = self._hid_public_survey(survey_id)
        if not survey:
            raise UserError(_("This survey is not open for answers."))
        mahalle_id = int(mahalle) if (mahalle or "").isdigit() else False
        if mahalle_id and not (survey.hid_ask_mahalle
                               and self.env["hid.mahalle"].sudo().browse(mahalle_id).exists()):
            mahalle_id = False
        user_input = self.sudo().create({
            "survey_id": survey.id,
            "type": "link",
            "hid_channel": "web",
            "hid_mahalle_id": mahalle_id,
        })
        return user_input.token
