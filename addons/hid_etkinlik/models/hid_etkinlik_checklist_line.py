# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidEtkinlikChecklistLine(models.Model):
    """One logistics item of an event, copied from its kind's template, ticked when ready."""

    _name = "hid.etkinlik.checklist.line"
    _description = "Logistics Checklist Item"
    _order = "sequence, id"

    event_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Event",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(
        required=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    done = fields.Boolean()
    note = fields.Char()
