# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hid_danisma_visit import G_PERSONAL


class HidEvrak(models.Model):
    """A document registered from a desk visit shows the visit; a petition's application
    is linked to the visit too."""

    _inherit = "hid.evrak"

    # Set at create only: the registry's write allow-list (REGISTRY_FIELDS) does not hold it.
    hid_visit_id = fields.Many2one(
        comodel_name="hid.danisma.visit",
        string="Desk Visit",
        index=True,
        readonly=True,
        copy=False,
        groups=G_PERSONAL,
    )

    def _hid_is_protected(self, name):
        return name == "hid_visit_id" or super()._hid_is_protected(name)

    @api.model
    def default_get(self, fields_list):
        result = super().default_get(fields_list)
        result.update(self.env["hid.danisma.visit"]._hid_defaults_from_context(
            "evrak_id", fields_list))
        return result

    @api.model
    def create(self, vals):
        """The visit is checked as the registry clerk first; the document and the link
        are one transaction."""
        visit = self.env["hid.danisma.visit"]._hid_visit_to_link(
            vals.get("hid_visit_id"), "evrak_id")
        evrak = super().create(vals)
        if visit:
            visit._hid_link("evrak_id", evrak)
        return evrak

    def _prepare_ticket_vals(self):
        """A petition brought to the desk: its application names the visit too."""
        vals = super()._prepare_ticket_vals()
        visit = self.sudo().hid_visit_id
        if visit and not visit.ticket_id:
            vals["hid_visit_id"] = visit.id
        return vals
