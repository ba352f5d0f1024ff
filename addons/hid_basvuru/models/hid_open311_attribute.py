# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.open311 import DATATYPES

LIST_TYPES = ("singlevaluelist", "multivaluelist")


class HidOpen311Attribute(models.Model):
    """An extra question of a category for Open311 clients (a service definition attribute)."""

    _name = "hid.open311.attribute"
    _description = "Open311 Service Attribute"
    _order = "category_id, sequence, id"

    category_id = fields.Many2one(
        comodel_name="helpdesk.ticket.category",
        string="Category",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(
        default=10,
    )
    code = fields.Char(
        required=True,
        help="The attribute's name in requests: attribute[code]. Lower-case letters, digits "
             "and _.",
    )
    description = fields.Char(
        string="Question",
        required=True,
        translate=True,
    )
    datatype = fields.Selection(
        selection=[(dt, dt) for dt in DATATYPES],
        required=True,
        default="string",
    )
    required = fields.Boolean()
    datatype_description = fields.Char(
        translate=True,
        help="How to answer, e.g. the unit of a number.",
    )
    value_lines = fields.Text(
        string="Values",
        help="For lists: one value per line, as key: name.",
    )

    _sql_constraints = [
        ("category_code_uniq", "unique(category_id, code)",
         "The code of an attribute must be unique within its category."),
    ]

    @api.constrains("code", "datatype", "value_lines")
    def _check_definition(self):
        for attribute in self:
            if not re.match(r"^[a-z0-9_]{1,32}$", attribute.code or ""):
                raise ValidationError(_("Attribute code: lower-case letters, digits and _ "
                                        "only (at most 32)."))
            if attribute.datatype in LIST_TYPES and not attribute._values():
                raise ValidationError(_("A list attribute needs its values, one per line as "
                                        "key: name."))

    def _values(self):
        """The values of a list attribute as the spec's [{key, name}]."""
        values = []
        for line in (self.value_lines or "").splitlines():
            key, _sep, name = line.partition(":")
            if key.strip():
                values.append({"key": key.strip(), "name": (name or key).strip()})
        return values

    def _open311_values(self):
        """The attribute as an element of a service definition."""
        values = {
            "variable": True,
            "code": self.code,
            "datatype": self.datatype,
            "required": self.required,
            "datatype_description": self.datatype_description or None,
            "order": self.sequence,
            "description": self.description,
        }
        if self.datatype in LIST_TYPES:
            values["values"] = self._values()
        return values
