# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import phone as phone_lib
from ..lib.exceptions import HidLibError
from .helpdesk_ticket import G_AGENT

# Leaves on the applicant a user may always use: their own applications (the portal's
# "My Tickets" searches them so); they tell nobody else's identity.
OWN_PARTNER_OPERATORS = ("=", "child_of")


class HelpdeskTicket(models.Model):
    """The applicant: who may see them, and how they appear to those who may not.

    Every field of the ticket that has `groups` (the applicant's partner, name, e-mail, the
    phone and identity given on a public channel, the SMS sent to them) is guarded at every
    door by hid.protected.field.mixin: no read, search (dotted paths included), order,
    group-by, export or create by a user outside its groups.
    """

    _inherit = ["helpdesk.ticket", "hid.protected.field.mixin"]
    _name = "helpdesk.ticket"

    _hid_protect_grouped_fields = True

    # The applicant's identity is for the directorate; a müdürlük sees applicant_summary.
    partner_id = fields.Many2one(
        groups=G_AGENT,
    )
    partner_name = fields.Char(
        groups=G_AGENT,
    )
    partner_email = fields.Char(
        groups=G_AGENT,
    )
    hid_possible_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Possible Existing Citizen",
        groups=G_AGENT,
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
        help="A known citizen with the phone or TC kimlik no given on a public channel "
             "(web form, Open311). Anyone can type anyone's number, so the application is "
             "filed under the name and phone as given until an agent confirms that it is "
             "the same person.",
    )
    applicant_summary = fields.Char(
        string="Applicant",
        compute="_compute_applicant",
    )
    applicant_phone = fields.Char(
        compute="_compute_applicant",
    )

    @api.depends("partner_id", "confidential", "anonymous")
    def _compute_applicant(self):
        see_identity = self._hid_may_see_identity()
        for ticket in self:
            partner = ticket.sudo().partner_id
            ticket.applicant_phone = False
            if ticket.anonymous or not partner:
                ticket.applicant_summary = _("Anonymous")
            elif ticket.confidential and not see_identity:
                ticket.applicant_summary = _("Confidential: identity hidden")
            else:
                masked = partner.tckn_masked
                ticket.applicant_summary = "%s (%s)" % (partner.name, masked) if masked \
                    else partner.name
                ticket.applicant_phone = self._hid_display_phone(partner.mobile or partner.phone)

    @api.model
    def _hid_display_phone(self, number):
        """A stored number as people here write it (0532 111 22 33), or as stored."""
        try:
            return phone_lib.format_national(number) or False
        except HidLibError:
            return number or False

    @api.model
    def _hid_may_see_identity(self):
        """Whether the user may see who applied (the directorate: agents and staff)."""
        return self.env.uid == SUPERUSER_ID or self.user_has_groups(G_AGENT)

    def _hid_domain_leaf_allowed(self, leaf):
        """The user's own applications: ('partner_id', '=' or 'child_of', own partner)."""
        field, operator, value = leaf
        own = self.env.user.partner_id.id
        return field == "partner_id" and operator in OWN_PARTNER_OPERATORS and (
            value == own or value == [own])

    @api.multi
    def message_get_suggested_recipients(self):
        """Only the directorate may see (and so write to) the applicant."""
        if not self.env.user.has_group(G_AGENT):
            return {ticket.id: [] for ticket in self}
        return super().message_get_suggested_recipients()

    # ------------------------------------------------------------------
    # Identity given on a public channel: an agent confirms it
    # ------------------------------------------------------------------

    def _hid_require_identity_role(self):
        if not self.env.user.has_group(G_AGENT):
            raise AccessError(_("Only the Public Relations staff and the call centre confirm "
                                "an applicant's identity."))

    def _hid_to_confirm(self):
        """The applications of self with a possible citizen; a UserError if there are none."""
        pending = self.filtered("hid_possible_partner_id")
        if not pending:
            raise UserError(_("There is no possible existing citizen to confirm on this "
                              "application."))
        return pending

    @api.multi
    def action_hid_confirm_identity(self):
        """It is the known citizen: file the application under them (the role is checked
        here, not by the button)."""
        self._hid_require_identity_role()
        self.check_access_rule("write")
        for ticket in self._hid_to_confirm():
            given = ticket.partner_id
            citizen = ticket.hid_possible_partner_id
            ticket._workflow_write({"partner_id": citizen.id, "hid_possible_partner_id": False})
            ticket.message_post(
                body=_("Identity confirmed by %s: the application is filed under the known "
                       "citizen.") % self.env.user.name,
                subtype="mail.mt_note", author_id=self.env.user.partner_id.id)
            given._hid_retire_public_partner(citizen)
        return True

    @api.multi
    def action_hid_reject_identity(self):
        """Not the same person: the application stays with the name and phone as given."""
        self._hid_require_identity_role()
        self.check_access_rule("write")
        for ticket in self._hid_to_confirm():
            ticket._workflow_write({"hid_possible_partner_id": False})
            ticket.message_post(
                body=_("Checked by %s: the applicant is not the known citizen with the same "
                       "number; the application stays with the identity as given.")
                % self.env.user.name,
                subtype="mail.mt_note", author_id=self.env.user.partner_id.id)
        return True
