# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import report_metrics as rm


class HidBasvuruPackWizard(models.TransientModel):
    """The report pack on demand: a period and any day in it; the user's own scope."""

    _name = "hid.basvuru.pack.wizard"
    _description = "Report Pack"

    period = fields.Selection(
        selection=[(rm.DAY, "Daily"), (rm.WEEK, "Weekly"), (rm.MONTH, "Monthly"),
                   (rm.YEAR, "Yearly")],
        required=True,
        default=rm.MONTH,
    )
    date = fields.Date(
        string="Any Day of the Period",
        required=True,
        default=lambda self: fields.Date.to_string(self.env["helpdesk.ticket"]._today()),
    )
    team_ids = fields.Many2many(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlükler",
        help="Only these müdürlükler (empty: every müdürlük you may see).",
    )
    period_text = fields.Char(
        string="Days Covered",
        compute="_compute_period_text",
    )

    @api.depends("period", "date")
    def _compute_period_text(self):
        for wizard in self:
            if wizard.period and wizard.date:
                start, end = rm.period_range(wizard.period, wizard.date)
                wizard.period_text = "%s – %s" % (rm.tr_date(start), rm.tr_date(end))
            else:
                wizard.period_text = False

    def _hid_pack_args(self):
        self.ensure_one()
        if not self.period or not self.date:
            raise UserError(_("Choose a period (day, week, month or year) and a valid date."))
        return self.period, self.date, (self.team_ids.ids or None)

    @api.multi
    def action_xlsx(self):
        self._hid_pack_args()
        return self.env.ref("hid_basvuru.action_report_pack_xlsx").report_action(self)

    @api.multi
    def action_pdf(self):
        self._hid_pack_args()
        return self.env.ref("hid_basvuru.action_report_pack_pdf").report_action(self)
