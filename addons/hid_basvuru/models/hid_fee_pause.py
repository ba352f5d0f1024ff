# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HidFeePause(models.Model):
    """A period during which a 4982 request waited for its fee: the clock stood still."""

    _name = "hid.fee.pause"
    _description = "Fee Pause (4982)"
    _order = "date_start"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date_start = fields.Date(
        string="Fee Requested On",
        required=True,
    )
    date_end = fields.Date(
        string="Fee Paid On",
        help="Empty while the fee is still pending: the deadline is suspended.",
    )
    note = fields.Char()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pause in self:
            if pause.date_end and pause.date_end < pause.date_start:
                raise ValidationError(_("A fee pause cannot end before it starts."))
