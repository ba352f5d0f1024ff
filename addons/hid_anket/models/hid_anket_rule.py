# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo import _

from odoo.addons.hid_basvuru.models.helpdesk_ticket import CLOSURE_STATES

from ..lib import satisfaction

SURVEYED_CLOSURES = [(code, label) for code, label in CLOSURE_STATES
                     if code not in satisfaction.NEVER_CLOSURES]


class HidAnketRule(models.Model):
    """How many days after a closure of this kind the satisfaction survey goes out."""

    _name = "hid.anket.rule"
    _description = "Satisfaction Survey Rule"
    _order = "closure_state"
    _rec_name = "closure_state"

    closure_state = fields.Selection(
        selection=SURVEYED_CLOSURES,
        string="Closure",
        required=True,
    )
    delay_days = fields.Integer(
        string="Days After Closure",
        required=True,
        default=3,
        help="The survey goes out this many days after the application was closed.",
    )
    active = fields.Boolean(
        default=True,
        help="Without an active rule a closure of this kind gets no survey.",
    )

    _sql_constraints = [
        ("closure_state_uniq", "unique(closure_state)",
         "There is already a rule for this closure."),
    ]

    @api.constrains("delay_days")
    def _check_delay_days(self):
        for rule in self:
            if not 0 <= rule.delay_days <= 365:
                raise ValidationError(_("Days after closure: give a number from 0 to 365."))

    @api.model
    def _hid_delays(self):
        """{closure state: days} of the active rules."""
        return {rule.closure_state: rule.delay_days for rule in self.sudo().search([])}
