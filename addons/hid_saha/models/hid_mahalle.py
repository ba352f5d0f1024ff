# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import geo


class HidMahalle(models.Model):
    """A mahalle's approximate centre, so that a position in the field proposes its mahalle."""

    _inherit = "hid.mahalle"

    latitude = fields.Float(
        string="Centre Latitude",
        digits=(10, 7),
        help="Approximate centre of the mahalle (WGS 84); with the longitude, the field "
             "page proposes the nearest mahalle for a position. Empty: never proposed.",
    )
    longitude = fields.Float(
        string="Centre Longitude",
        digits=(10, 7),
    )

    @api.constrains("latitude", "longitude")
    def _check_centre(self):
        for mahalle in self:
            if not (-90 <= mahalle.latitude <= 90 and -180 <= mahalle.longitude <= 180):
                raise ValidationError(_("The centre of a mahalle must be a position on the "
                                        "globe (latitude -90..90, longitude -180..180)."))

    @api.model
    def _hid_nearest(self, lat, lon):
        """The active mahalle whose centre is nearest the point (within 3 km), or empty."""
        mahalleler = self.search([("latitude", "!=", 0), ("longitude", "!=", 0)])
        found = geo.nearest(lat, lon, [(m.id, m.latitude, m.longitude) for m in mahalleler])
        return self.browse(found[0]) if found else self.browse()
