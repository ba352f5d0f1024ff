# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Muhtarlar (one per mahalle) and STKs (sivil toplum kuruluşları) as contacts, to be
    invited to events. They are not citizens: their records are the organisers' to keep."""

    _inherit = "res.partner"

    hid_contact_kind = fields.Selection(
        selection=[("muhtar", "Muhtar"), ("stk", "NGO (STK)")],
        string="Event Contact",
        index=True,
    )
    hid_muhtar_mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Muhtar of",
        index=True,
        ondelete="restrict",
    )
    hid_stk_field = fields.Char(
        string="Field of Work",
    )
    hid_stk_contact_person = fields.Char(
        string="Contact Person",
    )

    @api.constrains("hid_contact_kind", "hid_muhtar_mahalle_id", "active")
    def _check_hid_muhtar(self):
        """One muhtar per mahalle; a muhtar belongs to a mahalle."""
        for partner in self.filtered(lambda p: p.hid_contact_kind == "muhtar"):
            if not partner.hid_muhtar_mahalle_id:
                raise ValidationError(_("A muhtar needs the mahalle they are the muhtar of."))
            if partner.active and self.sudo().search_count([
                    ("hid_contact_kind", "=", "muhtar"), ("id", "!=", partner.id),
                    ("hid_muhtar_mahalle_id", "=", partner.hid_muhtar_mahalle_id.id)]):
                raise ValidationError(_("Mahalle %s already has a muhtar in the registry; "
                                        "archive the former one first.")
                                      % partner.hid_muhtar_mahalle_id.name)
            if partner.hid_citizen:
                raise ValidationError(_("A registry contact is not a citizen record."))

    @api.constrains("hid_contact_kind", "hid_citizen")
    def _check_hid_contact_not_citizen(self):
        for partner in self.filtered(lambda p: p.hid_contact_kind and p.hid_citizen):
            raise ValidationError(_("A registry contact is not a citizen record."))

    @api.model
    def action_hid_muhtar_from_mahalleler(self):
        """Create the missing muhtar contacts from the mahalle master data (name, phone)."""
        self.env["calendar.event"]._hid_check_organizer()
        have = set(self.search([("hid_contact_kind", "=", "muhtar")]).mapped(
            "hid_muhtar_mahalle_id").ids)
        created = self.browse()
        for mahalle in self.env["hid.mahalle"].search([("id", "not in", list(have))]):
            created |= self.create({
                "name": mahalle.muhtar_name or "%s Mahallesi Muhtarı" % mahalle.name,
                "hid_contact_kind": "muhtar",
                "hid_muhtar_mahalle_id": mahalle.id,
                "mahalle_id": mahalle.id,
                "mobile": mahalle.muhtar_phone or False,
            })
        return created.ids
