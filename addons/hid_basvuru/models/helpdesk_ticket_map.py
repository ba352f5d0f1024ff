# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The map of applications (a client action) and the photos of an application."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import geo


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    hid_photo_ids = fields.Many2many(
        comodel_name="ir.attachment",
        string="Photos",
        compute="_compute_hid_photo_ids",
        help="The images attached to the application (the public form's photos included).",
    )

    @api.multi
    def _compute_hid_photo_ids(self):
        """One search for all the records, as the user: the attachment rules decide."""
        Attachment = self.env["ir.attachment"]
        ids = [ticket.id for ticket in self if isinstance(ticket.id, int)]
        photos = Attachment.search([("res_model", "=", self._name), ("res_id", "in", ids),
                                    ("mimetype", "=like", "image/%")]) if ids else Attachment
        by_ticket = {}
        for photo in photos:
            by_ticket.setdefault(photo.res_id, []).append(photo.id)
        for ticket in self:
            ticket.hid_photo_ids = [(6, 0, by_ticket.get(ticket.id, []))]

    @api.model
    def _hid_map_int(self, filters, name):
        value = filters.get(name)
        if value in (None, False, ""):
            return None
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = 0
        if not 0 < value < 2 ** 31:
            raise UserError(_("Map: the filter %s is not valid.") % name)
        return value

    @api.model
    def hid_map_points(self, bbox, filters=None):
        """The applications with a point inside `bbox` (south, west, north, east) the user
        may read, newest first, at most geo.MAP_LIMIT: searched as the user (ACLs and
        record rules apply), on the (latitude, longitude) index."""
        try:
            south, west, north, east = geo.parse_bbox(bbox)
        except (TypeError, ValueError):
            raise UserError(_("Map: the visible area is not valid.")) from None
        filters = filters if isinstance(filters, dict) else {}
        domain = [("latitude", ">=", south), ("latitude", "<=", north),
                  ("longitude", ">=", west), ("longitude", "<=", east),
                  "|", ("latitude", "!=", 0), ("longitude", "!=", 0)]
        for name in ("stage_id", "category_id", "team_id"):
            value = self._hid_map_int(filters, name)
            if value:
                domain.append((name, "=", value))
        if filters.get("state") == "open":
            domain.append(("closed", "=", False))
        elif filters.get("state") == "closed":
            domain.append(("closed", "=", True))
        rows = self.search_read(
            domain, ["number", "name", "latitude", "longitude", "stage_id", "category_id",
                     "team_id", "closed"], limit=geo.MAP_LIMIT + 1)
        return {
            "points": [{
                "id": row["id"],
                "number": row["number"],
                "name": row["name"],
                "lat": row["latitude"],
                "lon": row["longitude"],
                "stage": row["stage_id"] and row["stage_id"][1],
                "category": row["category_id"] and row["category_id"][1],
                "team": row["team_id"] and row["team_id"][1],
                "closed": row["closed"],
            } for row in rows[:geo.MAP_LIMIT]],
            "truncated": len(rows) > geo.MAP_LIMIT,
            "limit": geo.MAP_LIMIT,
        }

    @api.model
    def hid_map_options(self):
        """The filter choices of the map, as the user reads them."""
        def choices(model, domain):
            return [[r["id"], r["display_name"]] for r in
                    self.env[model].search_read(domain, ["display_name"])]
        values = self.hid_map_config()
        values.update({
            "stages": choices("helpdesk.ticket.stage", []),
            "categories": choices("helpdesk.ticket.category", []),
            "teams": choices("helpdesk.ticket.team", [("code", "!=", False)]),
        })
        return values

    @api.model
    def _hid_tile_url(self):
        """The XYZ tile URL of every HİD map: hid_basvuru.tile_url, else the older
        hid_saha.tile_url, else OpenStreetMap."""
        params = self.env["ir.config_parameter"].sudo()
        return (params.get_param("hid_basvuru.tile_url") or params.get_param("hid_saha.tile_url")
                or "https://tile.openstreetmap.org/{z}/{x}/{y}.png")

    @api.model
    def _hid_tile_attribution(self):
        params = self.env["ir.config_parameter"].sudo()
        value = params.get_param("hid_basvuru.tile_attribution")
        if value is None or value is False:
            value = params.get_param("hid_saha.tile_attribution")
        return value or "&copy; OpenStreetMap"

    @api.model
    def hid_map_config(self):
        """Tile URL, attribution and Sancaktepe's bounds for the map widgets."""
        return {
            "tile_url": self._hid_tile_url(),
            "tile_attribution": self._hid_tile_attribution(),
            "center": list(geo.SANCAKTEPE_CENTER),
            "bounds": list(geo.SANCAKTEPE_BOUNDS),
            # for HTML data attributes (the public form)
            "center_text": ",".join(str(v) for v in geo.SANCAKTEPE_CENTER),
            "bounds_text": ",".join(str(v) for v in geo.SANCAKTEPE_BOUNDS),
        }
