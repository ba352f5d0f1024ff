# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The dashboard on opening Raporlar: today's intake, open, overdue by müdürlük, this
month's on-time rate, a 12-month trend; the same queries as the pack, as the user sees it."""
from odoo import _, api, fields, models

from ..lib import report_metrics as rm


class HidBasvuruDashboard(models.TransientModel):
    _name = "hid.basvuru.dashboard"
    _description = "Reports Dashboard"

    name = fields.Char(
        default=lambda self: _("Reports Dashboard"),
    )
    body = fields.Html(
        compute="_compute_body",
        sanitize=False,
    )

    @api.model
    def _hid_values(self, today=None):
        """The dashboard's numbers (a dict): the pack's queries, under the record rules."""
        report = self.env["hid.basvuru.report"]
        today = rm.parse_day(today or self.env["helpdesk.ticket"]._today())
        month = rm.period_range(rm.MONTH, today)
        today_counts = report._hid_counts(report._hid_period_domain(today, today))
        month_counts = report._hid_counts(report._hid_period_domain(*month))
        open_counts = report._hid_counts([("closed", "=", False)])
        overdue = report._hid_overdue_by_team(today)
        names = report._hid_names("helpdesk.ticket.team", list(overdue))
        months = rm.month_starts(today, 12)
        monthly = report._hid_monthly(months[0])
        trend = [("%02d.%04d" % (m.month, m.year), monthly.get(fields.Date.to_string(m), 0))
                 for m in months]
        return {
            "today": today,
            "today_count": today_counts["total"],
            "open_count": open_counts["total"],
            "overdue_total": sum(overdue.values()),
            "overdue_by_team": sorted(((names.get(k, names[None]), v)
                                       for k, v in overdue.items()),
                                      key=lambda item: (-item[1], item[0])),
            "month": month,
            "month_count": month_counts["total"],
            "month_kpis": rm.kpis(month_counts),
            "trend": trend,
            "trend_max": max([count for _label, count in trend] + [1]),
        }

    @api.depends("name")
    def _compute_body(self):
        values = self._hid_values()
        values["rm"] = rm
        html = self.env["ir.qweb"].render("hid_basvuru.report_dashboard_body", values)
        for dashboard in self:
            dashboard.body = html.decode() if isinstance(html, bytes) else html

    @api.model
    def action_open(self):
        """Raporlar opens here: a fresh dashboard, read-only."""
        dashboard = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": _("Dashboard"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "views": [(self.env.ref("hid_basvuru.hid_basvuru_dashboard_view_form").id,
                       "form")],
            "target": "current",
        }

    @api.multi
    def action_refresh(self):
        return self.action_open()
