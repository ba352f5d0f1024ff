# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """An application raised at an event (Halk Günü) points at it. The link is set at
    intake (helpdesk.ticket.create) and is not in any role's WRITABLE list, so a plain
    write can never move an application to another event."""

    _inherit = "helpdesk.ticket"

    hid_etkinlik_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Event",
        index=True,
        ondelete="restrict",
        readonly=True,
        domain=[("hid_kind_id", "!=", False)],
    )
