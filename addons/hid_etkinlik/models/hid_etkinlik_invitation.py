# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html_escape

_logger = logging.getLogger(__name__)

SMS_TEMPLATE = "etkinlik_davet"


class HidEtkinlikInvitation(models.Model):
    """An invitation of a muhtar or an STK to an event, sent by SMS (the HİD queue) and/or
    e-mail, with the answer recorded."""

    _name = "hid.etkinlik.invitation"
    _description = "Event Invitation"
    _order = "event_id, id"
    _rec_name = "partner_id"

    event_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Event",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("hid_kind_id", "!=", False)],
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Invitee",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("hid_contact_kind", "!=", False)],
    )
    contact_kind = fields.Selection(
        related="partner_id.hid_contact_kind",
        readonly=True,
    )
    by_sms = fields.Boolean(
        string="By SMS",
        default=True,
    )
    by_email = fields.Boolean(
        string="By E-mail",
        default=True,
    )
    state = fields.Selection(
        selection=[("draft", "Not Sent"), ("sent", "Sent"), ("failed", "Not Sent: No Contact")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    sent_date = fields.Datetime(
        readonly=True,
        copy=False,
    )
    sms_id = fields.Many2one(
        comodel_name="hid.sms",
        string="SMS",
        readonly=True,
        ondelete="set null",
        copy=False,
        groups="hid_basvuru.group_hid_agent",
    )
    sms_state = fields.Selection(
        related="sms_id.state",
        string="SMS State",
        readonly=True,
    )
    mail_sent = fields.Boolean(
        string="E-mail Sent",
        readonly=True,
        copy=False,
    )
    send_note = fields.Char(
        readonly=True,
        copy=False,
    )
    answer = fields.Selection(
        selection=[("pending", "No Answer Yet"), ("yes", "Will Come"),
                   ("no", "Will Not Come"), ("maybe", "Maybe")],
        default="pending",
        required=True,
    )
    answer_date = fields.Datetime(
        readonly=True,
    )
    answer_note = fields.Char()

    _sql_constraints = [
        ("partner_uniq", "unique(event_id, partner_id)",
         "This contact is already invited to this event."),
    ]

    @api.constrains("partner_id")
    def _check_partner(self):
        for invitation in self:
            if not invitation.partner_id.hid_contact_kind:
                raise ValidationError(_("Invite muhtarlar and organisations of the registry; "
                                        "%s is not in it.") % invitation.partner_id.name)

    @api.model
    def create(self, vals):
        self.env["calendar.event"]._hid_check_organizer()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.env["calendar.event"]._hid_check_organizer()
        if "answer" in vals:
            vals = dict(vals, answer_date=fields.Datetime.now())
        return super().write(vals)

    # ---------------------------------------------------
    # Sending
    # ---------------------------------------------------

    @api.multi
    def action_send(self):
        """Queue the SMS and send the e-mail of each invitation not sent yet."""
        self.env["calendar.event"]._hid_check_organizer()
        for invitation in self:
            if invitation.state == "sent":
                raise UserError(_("The invitation of %s was already sent.")
                                % invitation.partner_id.name)
            invitation._send_one()
        return True

    def _template_values(self):
        event = self.event_id
        return {
            "event": event.name,
            "date": event._hid_when(),
            "venue": ", ".join(filter(None, [event.location, event.hid_address])),
            "name": self.partner_id.name,
        }

    def _send_one(self):
        partner = self.partner_id
        values = self._template_values()
        vals, notes = {}, []
        if self.by_sms:
            number = self.env["helpdesk.ticket"]._hid_sms_number(partner)
            body = self.env["hid.sms.template"]._render(SMS_TEMPLATE, values)
            if partner.sms_opt_out:
                notes.append(_("no SMS: opted out"))
            elif not number:
                notes.append(_("no SMS: no mobile number"))
            elif not body:
                notes.append(_("no SMS: the invitation template is missing"))
            else:
                # The queue is the system's: organisers may not write SMS themselves.
                vals["sms_id"] = self.env["hid.sms"].sudo().create({
                    "to": number, "body": body, "partner_id": partner.id,
                    "template_code": SMS_TEMPLATE}).id
        if self.by_email:
            if partner.email:
                self._send_mail(values)
                vals["mail_sent"] = True
            else:
                notes.append(_("no e-mail: no address"))
        sent = bool(vals.get("sms_id") or vals.get("mail_sent"))
        vals.update(state="sent" if sent else "failed", send_note="; ".join(notes) or False,
                    sent_date=fields.Datetime.now() if sent else False)
        self.sudo().write(vals)

    def _send_mail(self, values):
        subject = _("Invitation: %(event)s, %(date)s") % values
        body = _("<p>Dear %(name)s,</p><p>You are invited to <b>%(event)s</b> on %(date)s at "
                 "%(venue)s.</p><p>Sancaktepe Belediyesi Halkla İlişkiler Müdürlüğü</p>") % {
            key: html_escape(value or "") for key, value in values.items()}
        self.env["mail.mail"].sudo().create({
            "subject": subject,
            "body_html": body,
            "email_to": self.partner_id.email,
            "auto_delete": True,
        })
