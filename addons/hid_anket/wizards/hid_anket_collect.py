# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.survey_survey import G_COLLECTOR, OPINION_KINDS


class HidAnketCollect(models.TransientModel):
    """An agent (phone) or the field team (face to face) starts one answer of an opinion
    survey; the survey then opens in the browser, on a phone or tablet too."""

    _name = "hid.anket.collect"
    _description = "Collect an Opinion Survey Answer"

    survey_id = fields.Many2one(
        comodel_name="survey.survey",
        string="Survey",
        required=True,
        domain=[("hid_kind", "in", OPINION_KINDS)],
        ondelete="cascade",
    )
    channel = fields.Selection(
        selection=[("phone", "Phone"), ("face", "Face to face")],
        required=True,
        default="phone",
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
    )

    @api.multi
    def action_start(self):
        """The answer is the collector's (create_uid), tagged; its token opens the pages."""
        self.ensure_one()
        if not self.env.user.has_group(G_COLLECTOR):
            raise AccessError(_("Only survey collectors record answers."))
        survey = self.survey_id
        if survey.hid_kind not in OPINION_KINDS or survey.stage_id.closed:
            raise UserError(_("This survey is not open for answers."))
        user_input = self.env["survey.user_input"].create({
            "survey_id": survey.id,
            "type": "manually",
            "hid_channel": self.channel,
            "hid_mahalle_id": self.mahalle_id.id,
            "hid_collector_id": self.env.uid,
        })
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/survey/fill/%d/%s" % (survey.id, user_input.token)}
