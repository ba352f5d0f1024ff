# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import base64
import binascii

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import scans


class HidEvrakScan(models.Model):
    """A scanned page set of a document: PDF or image, recognised by its content.

    The file is an ir.attachment of this model (attachment=True), so Odoo checks every read
    of it against this model's record rules: a secret document's scans stay unreadable."""

    _name = "hid.evrak.scan"
    _description = "Document Scan"
    _order = "evrak_id, id"

    evrak_id = fields.Many2one(
        comodel_name="hid.evrak",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(
        string="File Name",
        required=True,
    )
    datas = fields.Binary(
        string="File",
        attachment=True,
        required=True,
    )
    mimetype = fields.Char(
        readonly=True,
    )

    @api.model
    def create(self, vals):
        vals = self._prepare_scan_vals(dict(vals))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        vals = self._prepare_scan_vals(dict(vals))
        return super().write(vals)

    def _prepare_scan_vals(self, vals):
        """Refuse what is not a PDF or an image, whatever its name says."""
        if "datas" not in vals:
            return vals
        try:
            content = base64.b64decode(vals["datas"] or b"", validate=False)
        except (binascii.Error, ValueError):
            content = b""
        try:
            vals["mimetype"] = scans.sniff(content)
        except scans.ScanError as error:
            messages = {
                "empty": _("Scan: the file is empty."),
                "too_big": _("Scan: the file is larger than 25 MB."),
                "type": _("Scan: only PDF or image files (PNG, JPEG, TIFF) are accepted."),
            }
            raise ValidationError(messages[str(error)])
        return vals
