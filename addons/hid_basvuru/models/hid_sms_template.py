# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.sms import segments, template

PLACEHOLDERS = ("number", "link", "answer", "deadline", "reason", "team")


class HidSmsTemplate(models.Model):
    """The text of an SMS at one milestone, edited by HİM; {placeholders} are filled in."""

    _name = "hid.sms.template"
    _description = "SMS Template"
    _order = "code"

    # Turkish master data, like the types and categories: not translated.
    name = fields.Char(
        required=True,
    )
    code = fields.Char(
        required=True,
        help="Milestone that sends it: received, routed, extension, concluded.",
    )
    body = fields.Text(
        required=True,
        help="Placeholders: {number}, {link}, {answer}, {deadline}, {reason}, {team}.",
    )
    active = fields.Boolean(
        default=True,
        help="An archived template sends nothing.",
    )
    segment_count = fields.Integer(
        string="SMS Parts (template)",
        compute="_compute_segment_count",
        help="Parts of the text as written, before the placeholders are filled in.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "There is already a template with this code."),
    ]

    @api.depends("body")
    def _compute_segment_count(self):
        policy = self.env["hid.sms"]._segment_policy()
        for tmpl in self:
            tmpl.segment_count = segments.count_segments(tmpl.body or "", policy).segments

    @api.constrains("body")
    def _check_body(self):
        """A broken template would silently stop the SMS of a milestone: refuse it on save."""
        for tmpl in self:
            try:
                template.render(tmpl.body, dict.fromkeys(PLACEHOLDERS, ""))
            except ValueError:
                raise ValidationError(_("The SMS template \"%s\" has an unbalanced { or }.")
                                      % tmpl.name)

    @api.model
    def _render(self, code, values):
        """The filled-in text of the active template `code`, or False when there is none."""
        tmpl = self.sudo().search([("code", "=", code)], limit=1)
        return template.render(tmpl.body, values) if tmpl else False
