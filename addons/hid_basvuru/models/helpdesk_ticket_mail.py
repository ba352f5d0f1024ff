# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, models, tools

from .helpdesk_ticket_lifecycle import current_actor


class HelpdeskTicket(models.Model):
    """Mail: the e-mail gateway, acknowledgements and notifications."""

    _inherit = "helpdesk.ticket"

    @api.model
    def message_new(self, msg, custom_values=None):
        """An e-mail to the alias is an application on the E-posta channel from a citizen."""
        values = dict(custom_values or {})
        partner = self._hid_citizen_from_email(msg.get("email_from") or msg.get("from"))
        values.setdefault("channel_id",
                          self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").id)
        values.setdefault("partner_id", partner.id)
        # The acknowledgement posted below, in the same transaction, carries the KVKK notice.
        values.setdefault("kvkk_notice_given", bool(partner))
        ticket = super().message_new(msg, custom_values=values)
        ticket._hid_acknowledge_email()
        return ticket

    @api.model
    def _hid_citizen_from_email(self, email_from):
        """The citizen writing: found by address, else registered from the e-mail's From."""
        addresses = tools.email_split(email_from or "")
        if not addresses:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo()
        citizen = Partner.search([("hid_citizen", "=", True),
                                  ("email", "=ilike", addresses[0])], limit=1)
        if citizen:
            return citizen
        name = Partner._parse_partner_name(email_from)[0] or addresses[0]
        return Partner.create({"name": name, "email": addresses[0], "hid_citizen": True,
                               "kvkk_notice_given": True})

    def _hid_acknowledge_email(self):
        """Reply to the sender: tracking number, status page, and the KVKK notice."""
        partner = self.sudo().partner_id
        if not partner.email:
            return
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        body = _(
            "<p>Your application has been received. Tracking number: <b>%(number)s</b>.</p>"
            "<p>You can follow it at %(link)s with this number and your phone number, or by "
            "replying to this e-mail.</p>"
            "<p>Personal data notice (KVKK, Law 6698): Sancaktepe Belediyesi processes the "
            "personal data in your application only to answer it and keeps it as the law on "
            "archives requires; you may ask for access, correction or deletion at any time.</p>"
        ) % {"number": self.number, "link": "%s/basvuru/sorgula?no=%s" % (base_url,
                                                                          self.number)}
        self.sudo().message_post(body=body, subtype="mail.mt_comment",
                                 message_type="comment", partner_ids=partner.ids)

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """Inside a workflow action, what is posted (its tracking too, even under sudo()) is
        authored by the user acting, not by the superuser."""
        actor = current_actor()
        if actor and kwargs.get("author_id") is None:
            kwargs["author_id"] = actor
        return super().message_post(*args, **kwargs)

    @api.multi
    def send_user_mail(self):
        """helpdesk_mgmt e-mails the *customer* about an assignment; HİD tells the assignee."""
        for ticket in self.filtered("user_id"):
            partner = ticket.user_id.partner_id
            ticket.sudo().message_subscribe(partner_ids=partner.ids)
            ticket.sudo().message_post(
                body=_("Assigned to %s.") % ticket.user_id.name, partner_ids=partner.ids,
                subtype="mail.mt_note", author_id=self.env.user.partner_id.id)

    def _notify_team(self, team, note=False):
        """The müdürlük's members follow the application and get a notification: recorded
        in this transaction (recipients, text, author, time) and delivered right after the
        commit, or by the cron (hid.notify.queue): rendering and sending it per recipient
        was most of a save's work."""
        partners = team.sudo().user_ids.mapped("partner_id")
        if not partners:
            return
        body = _("Application %(number)s was routed to %(team)s.") % {
            "number": self.number, "team": team.sudo().name}
        if note:
            body += "<br/>" + note
        self.env["hid.notify.queue"].sudo()._hid_record(self, partners, body,
                                                        self._hid_author())

    def _notify_applicant(self, text):
        """A notice to the applicant: logged on the application (SMS/e-mail channels follow)."""
        self.sudo().message_post(body=text, subtype="mail.mt_note",
                                 author_id=self._hid_author())
