# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hid_danisma_visit import G_AGENT


class HelpdeskTicket(models.Model):
    """An application registered at the desk shows the visit it came from."""

    _inherit = "helpdesk.ticket"

    # Set at create only: no role's WRITABLE allow-list (hid_basvuru/lib/lifecycle.py)
    # holds it, so a plain write is refused to everyone. The desk side only: the müdürlük
    # and the registry neither read nor search it (hid.protected.field.mixin).
    hid_visit_id = fields.Many2one(
        comodel_name="hid.danisma.visit",
        string="Desk Visit",
        index=True,
        readonly=True,
        copy=False,
        groups=G_AGENT,
    )

    def _hid_is_protected(self, name):
        return name == "hid_visit_id" or super()._hid_is_protected(name)

    @api.model
    def create(self, vals):
        """The visit is checked as the user before the application exists, and linked in
        the same transaction: an error leaves neither."""
        visit = self.env["hid.danisma.visit"]._hid_visit_to_link(
            vals.get("hid_visit_id"), "ticket_id")
        if visit and not vals.get("channel_id"):
            vals = dict(vals, channel_id=self.env.ref("hid_basvuru.channel_sahsen").id)
        ticket = super().create(vals)
        if visit:
            visit._hid_link("ticket_id", ticket)
        return ticket
