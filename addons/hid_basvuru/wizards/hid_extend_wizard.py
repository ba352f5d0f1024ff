# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidExtendWizard(models.TransientModel):
    """4982: extend the answer period once, with the reason the applicant is told."""

    _name = "hid.extend.wizard"
    _inherit = "hid.ticket.reason.wizard"
    _description = "Extend a 4982 Deadline"
    _ticket_action = "action_extend"

    reason = fields.Text(
        help="Sent to the applicant: why the information needs more time (Law 4982, art. 11).",
    )
