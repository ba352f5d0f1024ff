# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class HidReopenWizard(models.TransientModel):
    """The citizen contests the result: reopen with the reason."""

    _name = "hid.reopen.wizard"
    _inherit = "hid.ticket.reason.wizard"
    _description = "Reopen an Application"
    _ticket_action = "action_reopen"
