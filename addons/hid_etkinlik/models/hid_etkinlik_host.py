# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HidEtkinlikHost(models.Model):
    """Who hosts events: the Başkan, the Başkan Yardımcıları, müdürler (public office
    holders: their name and title are published with the event)."""

    _name = "hid.etkinlik.host"
    _description = "Event Host"
    _order = "sequence, name"

    name = fields.Char(
        required=True,
    )
    title = fields.Char(
        required=True,
        help="Belediye Başkanı, Başkan Yardımcısı, Müdür ...",
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
    )
