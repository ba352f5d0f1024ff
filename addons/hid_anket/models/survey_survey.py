# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

G_MANAGER = "hid_anket.group_hid_anket_manager"
G_COLLECTOR = "hid_anket.group_hid_anket_collector"
KINDS = [
    ("satisfaction", "Satisfaction after a closure"),
    ("kamuoyu", "Public opinion"),
    ("hizmet", "Service satisfaction"),
]
OPINION_KINDS = ("kamuoyu", "hizmet")


class SurveySurvey(models.Model):
    """HİM's surveys: what kind, what it tells the citizen (KVKK), whom it concerns."""

    _inherit = "survey.survey"

    hid_kind = fields.Selection(
        selection=KINDS,
        string="Survey Kind",
        index=True,
        help="Opinion surveys (public opinion, service satisfaction) are run on the web, by "
             "phone and face to face; the satisfaction survey goes out after closures.",
    )
    hid_kvkk_notice = fields.Text(
        string="KVKK Notice",
        translate=True,
        help="Shown before the first question: what is collected, why, and that the answers "
             "are anonymous.",
    )
    hid_ask_mahalle = fields.Boolean(
        string="Ask the Mahalle",
        default=True,
        help="The web page asks (optionally) which mahalle the respondent lives in.",
    )
    hid_team_ids = fields.Many2many(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlükler Concerned",
        help="These müdürlükler see the results (a müdürlük sees results about its own "
             "services only).",
    )
    hid_quota_ids = fields.One2many(
        comodel_name="hid.anket.quota",
        inverse_name="survey_id",
        string="Quotas",
    )
    hid_web_url = fields.Char(
        string="Public Web Link",
        compute="_compute_hid_web_url",
    )

    def _compute_hid_web_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for survey in self:
            survey.hid_web_url = "%s/anket/g/%d" % (base_url.rstrip("/"), survey.id) \
                if survey.id and survey.hid_kind in OPINION_KINDS else False

    @api.model
    def _hid_may_see_results(self, survey):
        """Survey managers see every result; a müdürlük user only an opinion survey about
        its own services."""
        user = self.env.user
        if user.has_group(G_MANAGER) or user.has_group("survey.group_survey_manager"):
            return True
        survey = survey.sudo()
        return survey.hid_kind in OPINION_KINDS and user in survey.hid_team_ids.mapped(
            "user_ids")

    @api.multi
    def action_hid_collect(self):
        """Start an answer for a caller (phone) or face to face: the wizard asks which."""
        self.ensure_one()
        if not self.env.user.has_group(G_COLLECTOR):
            raise AccessError(_("Only survey collectors record answers."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.anket.collect",
            "view_mode": "form",
            "target": "new",
            "context": {"default_survey_id": self.id},
        }

    @api.multi
    def action_hid_web_link(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": "/anket/g/%d" % self.id,
                "target": "new"}
