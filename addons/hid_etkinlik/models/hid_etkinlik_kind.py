# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidEtkinlikKind(models.Model):
    """A kind of event (Halk Günü, Mahalle Buluşması, ...): configurable, with the logistics
    checklist every event of that kind starts with."""

    _name = "hid.etkinlik.kind"
    _description = "Event Kind"
    _order = "sequence, name"

    # Turkish master data, like the types and categories: not translated.
    name = fields.Char(
        required=True,
    )
    code = fields.Char(
        required=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
    )
    has_queue = fields.Boolean(
        string="Visit Queue",
        help="Events of this kind take visitors in a queue (Halk Günü).",
    )
    checklist_template_ids = fields.One2many(
        comodel_name="hid.etkinlik.kind.checklist",
        inverse_name="kind_id",
        string="Logistics Checklist Template",
        copy=True,
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "There is already an event kind with this code."),
    ]


class HidEtkinlikKindChecklist(models.Model):
    """One item of a kind's logistics checklist template (tent, sound system, desks, ...)."""

    _name = "hid.etkinlik.kind.checklist"
    _description = "Logistics Checklist Template Item"
    _order = "sequence, id"

    kind_id = fields.Many2one(
        comodel_name="hid.etkinlik.kind",
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
