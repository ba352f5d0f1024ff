# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    """Users inherit the partner's TCKN and applications (`_inherits`): guard them here too.

    A domain on an inherited field is a SQL join, not a search on res.partner, so the
    partner's guard alone would let a user probe TCKNs through res.users.
    """

    _inherit = ["res.users", "hid.protected.field.mixin"]
    _name = "res.users"

    _hid_protected_fields = ("tckn", "helpdesk_ticket_ids", "helpdesk_ticket_count",
                             "helpdesk_ticket_active_count", "helpdesk_ticket_count_string")
