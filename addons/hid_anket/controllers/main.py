# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Public survey pages (no login) and the guards around Odoo's own survey routes.

Thin (STYLE.md rule 14): the token is checked and the answer stored by
hid.anket.satisfaction; an opinion answer is started by survey.user_input's model method.
"""
import werkzeug

from odoo import _, http
from odoo.http import request

from odoo.addons.survey.controllers.main import WebsiteSurvey

from ..models.hid_anket_satisfaction import HidAnketAnswerError
from ..models.survey_survey import OPINION_KINDS

REQUEST_SIZE = 16 * 1024


class HidAnketPublic(http.Controller):

    @http.route("/anket/<string:token>", type="http", auth="public", website=True,
                methods=["GET", "POST"], csrf=True, sitemap=False)
    def satisfaction(self, token, **kw):
        """The satisfaction survey of one closure, from the SMS / e-mail link."""
        Satisfaction = request.env["hid.anket.satisfaction"]
        page = Satisfaction._hid_public_page(token)
        if request.httprequest.method != "POST" or page["status"] != "open":
            status = {"open": 200, "invalid": 404}.get(page["status"], 410)
            return request.render("hid_anket.satisfaction_page",
                                  dict(page, token=token, form={}, error=False),
                                  status=status)
        if (request.httprequest.content_length or 0) > REQUEST_SIZE:
            return request.render("hid_anket.satisfaction_page",
                                  dict(page, token=token, form={},
                                       error=_("The request is too large.")), status=413)
        form = {key: kw.get(key) if isinstance(kw.get(key), str) else ""
                for key in ("solved", "score", "comment", "opt_out")}
        try:
            result = Satisfaction._hid_answer_by_token(
                token, form["solved"], form["score"], form["comment"],
                opt_out=bool(form["opt_out"]))
        except HidAnketAnswerError as exc:
            return request.render("hid_anket.satisfaction_page",
                                  dict(page, token=token, form=form, error=exc.name),
                                  status=400)
        return request.render("hid_anket.satisfaction_done", result)

    @http.route("/anket/g/<int:survey_id>", type="http", auth="public", website=True,
                methods=["GET", "POST"], csrf=True, sitemap=False)
    def opinion_start(self, survey_id, **kw):
        """An opinion survey on the web: the KVKK notice, the optional mahalle, then Odoo's
        survey pages with a fresh anonymous answer."""
        UserInput = request.env["survey.user_input"]
        survey = UserInput._hid_public_survey(survey_id)
        if not survey:
            raise werkzeug.exceptions.NotFound()
        if request.httprequest.method != "POST":
            return request.render("hid_anket.opinion_start", {
                "survey": survey, "mahalleler": UserInput._hid_public_mahalleler()})
        mahalle = kw.get("mahalle_id") if isinstance(kw.get("mahalle_id"), str) else ""
        token = UserInput._hid_public_start(survey_id, mahalle)
        return werkzeug.utils.redirect("/survey/fill/%d/%s" % (survey.id, token), 303)


class HidWebsiteSurvey(WebsiteSurvey):
    """Odoo's survey routes, kept for the pages themselves, closed where they would leak."""

    @http.route()
    def start_survey(self, survey, token=None, **post):
        # HİD opinion surveys start on our page (notice, mahalle, tags); the satisfaction
        # survey only ever through its token link.
        # Odoo's test mode ("phantom") answers as anyone: survey managers only.
        kind = survey.sudo().hid_kind
        if kind and token == "phantom":
            if not request.env.user.has_group("survey.group_survey_manager"):
                return request.render("website.403")
        elif kind in OPINION_KINDS and not token:
            return werkzeug.utils.redirect("/anket/g/%d" % survey.id)
        elif kind == "satisfaction":
            return request.render("website.403")
        return super().start_survey(survey, token=token, **post)

    @http.route()
    def survey_reporting(self, survey, token=None, **post):
        # Results: survey managers, and a müdürlük for the opinion surveys that concern it.
        if not request.env["survey.survey"]._hid_may_see_results(survey):
            return request.render("website.403")
        return super().survey_reporting(survey, token=token, **post)
