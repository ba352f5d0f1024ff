# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

from .helpdesk_ticket import G_AGENT


class HelpdeskTicket(models.Model):
    """The applicant: who may see them, and how they appear to those who may not."""

    _inherit = "helpdesk.ticket"

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
    applicant_summary = fields.Char(
        string="Applicant",
        compute="_compute_applicant",
    )
    applicant_phone = fields.Char(
        compute="_compute_applicant",
    )

    @api.depends("partner_id", "confidential", "anonymous")
    def _compute_applicant(self):
        see_identity = self.env.user.has_group(G_AGENT)
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
                ticket.applicant_phone = partner.mobile or partner.phone

    @api.multi
    def message_get_suggested_recipients(self):
        """Only the directorate may see (and so write to) the applicant."""
        if not self.env.user.has_group(G_AGENT):
            return {ticket.id: [] for ticket in self}
        return super().message_get_suggested_recipients()
