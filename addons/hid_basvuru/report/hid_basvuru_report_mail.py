# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The scheduled packs: the period that just ended, e-mailed to the director(s) (every
müdürlük) and to each müdürlük manager (their own müdürlükler only, built as that user)."""
import base64
import logging

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from ..lib import report_metrics as rm

_logger = logging.getLogger(__name__)

G_DIRECTOR = "hid_basvuru.group_hid_director"
PARAM = "hid_basvuru.report_%s"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def param_on(value):
    return str(value or "").strip().lower() in ("1", "true", "yes")


class HidBasvuruReport(models.Model):
    _inherit = "hid.basvuru.report"

    @api.model
    def _hid_report_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        return {
            "periods": {p for p in rm.PERIODS if param_on(params.get_param(PARAM % p))},
            "directors": param_on(params.get_param(PARAM % "directors")),
            "managers": param_on(params.get_param(PARAM % "managers")),
            "emails": [e.strip() for e in (params.get_param(PARAM % "emails") or "")
                       .replace(";", ",").split(",") if e.strip()],
        }

    @api.model
    def _cron_send_pack(self, period, today=None):
        """Send the pack of the `period` that ended before `today` (Istanbul's today unless
        given): the cron of each period calls this on the day after the period."""
        settings = self._hid_report_settings()
        if period not in settings["periods"]:
            return self.env["mail.mail"]
        today = rm.parse_day(today or self.env["helpdesk.ticket"]._today())
        start, _end = rm.period_just_ended(period, today)
        date_str = fields.Date.to_string(start)
        mails = self.env["mail.mail"]
        lang = self._hid_report_lang()
        to = []
        if settings["directors"]:
            directors = self.env.ref(G_DIRECTOR).users.filtered(lambda u: u.active and u.email)
            to += directors.mapped("email")
        to += settings["emails"]
        if to:
            mails |= self.sudo().with_context(lang=lang)._hid_mail_pack(
                period, date_str, None, ", ".join(sorted(set(to))))
        if settings["managers"]:
            teams = self.env["helpdesk.ticket.team"].sudo().search([("manager_id", "!=", False)])
            for manager in teams.mapped("manager_id").filtered(lambda u: u.active and u.email):
                own = teams.filtered(lambda t: t.manager_id == manager)
                # As the manager: the record rules hold, and only their müdürlükler.
                mails |= self.sudo(manager).with_context(lang=manager.lang or lang) \
                    ._hid_mail_pack(period, date_str, own.ids, manager.email)
        return mails

    @api.model
    def _hid_report_lang(self):
        langs = self.env["res.lang"].sudo().search([("code", "=", "tr_TR")])
        return "tr_TR" if langs else (self.env.context.get("lang") or "en_US")

    @api.model
    def _hid_mail_pack(self, period, date_str, team_ids, email_to):
        """One e-mail (queued) with the XLSX pack and its PDF summary, as the current user."""
        start, end = rm.period_range(period, date_str)
        label = self._hid_period_labels()[period]
        period_text = "%s – %s" % (rm.tr_date(start), rm.tr_date(end))
        xlsx = self.hid_pack_xlsx(period, date_str, team_ids)
        name = "basvuru-raporu-%s-%s" % (period, date_str)
        attachments = [(0, 0, {"name": name + ".xlsx", "datas_fname": name + ".xlsx",
                               "datas": base64.b64encode(xlsx), "mimetype": XLSX_MIME})]
        try:
            pdf = self.hid_pack_pdf(period, date_str, team_ids)
        except UserError as error:  # wkhtmltopdf failed: the workbook still goes out
            _logger.warning("Report pack %s %s: no PDF summary (%s)", period, date_str,
                            error.name)
            pdf = None
        if isinstance(pdf, bytes) and pdf.startswith(b"%PDF"):
            attachments.append((0, 0, {"name": name + ".pdf", "datas_fname": name + ".pdf",
                                       "datas": base64.b64encode(pdf),
                                       "mimetype": "application/pdf"}))
        subject = _("%(period)s application report %(dates)s") % {
            "period": label, "dates": period_text}
        body = _("The %(period)s application report for %(dates)s is attached.") % {
            "period": label.lower(), "dates": period_text}
        mail = self.env["mail.mail"].sudo().create({
            "subject": subject,
            "body_html": "<p>%s</p>" % tools.html_escape(body),
            "email_to": email_to,
            "email_from": self.env.user.company_id.email or self.env.ref("base.user_root").email
            or False,
            "attachment_ids": attachments,
            "auto_delete": False,
        })
        _logger.info("Report pack %s %s queued for %s", period, date_str, email_to)
        return mail
