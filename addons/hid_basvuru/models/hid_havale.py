# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidHavale(models.Model):
    """One step of an application's routing history: who sent it where, when and why."""

    _name = "hid.havale"
    _description = "Routing History Line"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    kind = fields.Selection(
        selection=[
            ("havale", "Routed"),
            ("iade", "Returned"),
            ("sevk", "Forwarded to another institution"),
            ("reopen", "Reopened"),
        ],
        required=True,
        readonly=True,
    )
    from_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="From",
        readonly=True,
    )
    to_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="To",
        readonly=True,
    )
    institution = fields.Char(
        help="The other institution an application was forwarded to (sevk).",
        readonly=True,
    )
    note = fields.Text(
        readonly=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(
        required=True,
        readonly=True,
        default=fields.Datetime.now,
    )
