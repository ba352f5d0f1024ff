# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    """An agent's extension on the PBX: events at that extension are that agent's calls."""

    _inherit = "res.users"

    hid_pbx_extension = fields.Char(
        string="PBX Extension",
        index=True,
        copy=False,
        help="The agent's internal number on the telephone exchange (e.g. 1001): calls "
             "ringing there pop up on this user's screen.",
    )

    _sql_constraints = [
        ("hid_pbx_extension_unique", "UNIQUE(hid_pbx_extension)",
         "This PBX extension already belongs to another user."),
    ]
