# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The SMS side of an application, kept apart from the lifecycle in helpdesk_ticket.py."""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import phone as phone_lib
from ..lib.exceptions import HidLibError
from ..lib.sms import template as template_lib

_logger = logging.getLogger(__name__)

G_AGENT = "hid_basvuru.group_hid_agent"
ANSWER_LIMIT = 100
# A duplicate is answered on its original; telling the citizen twice is noise.
NO_SMS_CLOSURES = {"mukerrer"}


class HelpdeskTicket(models.Model):
    """SMS to the applicant at intake, 4982 extension and closure; never blocks the workflow."""

    _inherit = "helpdesk.ticket"

    sms_ids = fields.One2many(
        comodel_name="hid.sms",
        inverse_name="ticket_id",
        string="SMS",
        readonly=True,
        groups=G_AGENT,
    )
    sms_count = fields.Integer(
        string="SMS Count",
        compute="_compute_sms_counts",
        groups=G_AGENT,
    )
    sms_failed_count = fields.Integer(
        string="Failed SMS",
        compute="_compute_sms_counts",
        groups=G_AGENT,
    )

    def _compute_sms_counts(self):
        groups = self.env["hid.sms"].read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id", "state"], ["ticket_id", "state"],
            lazy=False)
        counts = {}
        for group in groups:
            key = group["ticket_id"][0]
            total, failed = counts.get(key, (0, 0))
            counts[key] = (total + group["__count"],
                           failed + (group["__count"] if group["state"] == "failed" else 0))
        for ticket in self:
            ticket.sms_count, ticket.sms_failed_count = counts.get(ticket.id, (0, 0))

    # ---------------------------------------------------
    # Milestones
    # ---------------------------------------------------

    def _after_intake(self):
        res = super()._after_intake()
        self._hid_queue_sms("received")
        return res

    @api.multi
    def action_havale(self, team, note=False):
        """Routed (again) by HİM after the intake: the applicant is told which müdürlük has
        it now (at the intake, the "received" SMS is the only one)."""
        res = super().action_havale(team, note=note)
        for ticket in self:
            ticket._hid_queue_sms("routed")
        return res

    @api.multi
    def action_extend(self, reason):
        res = super().action_extend(reason)
        for ticket in self:
            ticket._hid_queue_sms("extension", reason=reason)
        return res

    def _close(self, closure_state, note):
        res = super()._close(closure_state, note)
        if closure_state not in NO_SMS_CLOSURES:
            for ticket in self:
                ticket._hid_queue_sms("concluded")
        return res

    @api.multi
    def action_view_sms(self):
        """The application's SMS, from its smart button."""
        self.ensure_one()
        action = self.env.ref("hid_basvuru.hid_sms_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ---------------------------------------------------
    # Queueing
    # ---------------------------------------------------

    def _hid_queue_sms(self, code, private=None, **extra):
        """Queue template `code` for the applicant; problems become a note, never an error.

        `private`: placeholder values that only the provider may see (a survey link with
        its token): the stored, shown body has `extra`'s values for them (masked), the
        text sent has these (hid.sms private_body)."""
        self.ensure_one()
        partner = self.sudo().partner_id
        if self.anonymous or not partner or not partner.hid_citizen:
            return False
        if partner.sms_opt_out:
            return self._hid_sms_note(_("No SMS sent: the applicant opted out of SMS."))
        number = self._hid_sms_number(partner)
        if not number:
            return self._hid_sms_note(_("No SMS sent: the applicant has no mobile number."))
        try:
            with self.env.cr.savepoint():
                body = self.env["hid.sms.template"]._render(code, self._hid_sms_values(**extra))
                if not body:
                    return False
                vals = {"to": number, "body": body, "ticket_id": self.id,
                        "partner_id": partner.id, "template_code": code}
                if private:
                    vals["private_body"] = self.env["hid.sms.template"]._render(
                        code, self._hid_sms_values(**dict(extra, **private)))
                return self.env["hid.sms"].sudo().create(vals)
        except (ValueError, KeyError, UserError, ValidationError) as error:
            _logger.warning("SMS %s for %s not queued: %s", code, self.number, error)
            return self._hid_sms_note(_("No SMS sent: the SMS could not be prepared (%s).")
                                      % error)

    @api.model
    def _hid_sms_number(self, partner):
        """The applicant's mobile in E.164 (mobile field first, then phone), or False."""
        for raw in (partner.mobile, partner.phone):
            try:
                number = phone_lib.normalize_phone(raw)
                if number and phone_lib.is_mobile(number):
                    return number
            except HidLibError:
                continue
        return False

    def _hid_sms_values(self, **extra):
        """Values of the template placeholders for this application."""
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        values = {
            "number": self.number,
            "link": "%s/basvuru/sorgula?no=%s" % (base_url.rstrip("/"), self.number),
            "answer": template_lib.shorten(self.answer or self.closure_note or "",
                                           ANSWER_LIMIT),
            "deadline": self._hid_sms_date(self.legal_deadline),
            "team": self.sudo().team_id.name or "",
        }
        values.update(extra)
        return values

    def _hid_sms_date(self, value):
        """A date as Turkish citizens write it (31.12.2026)."""
        return fields.Date.from_string(value).strftime("%d.%m.%Y") if value else ""

    def _hid_sms_note(self, text):
        """Say on the application why the applicant got no SMS."""
        self.sudo().message_post(body=text, subtype="mail.mt_note",
                                 author_id=self._hid_author())
        return False
