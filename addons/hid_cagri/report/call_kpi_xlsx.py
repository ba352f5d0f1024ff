# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, models

COLUMNS = ("name", "offered", "answered", "abandoned", "short_abandoned", "answered_pct",
           "abandoned_pct", "asa", "service_level", "aht", "fcr_pct", "callbacks",
           "callback_pct", "manual")


class CallKpiXlsx(models.AbstractModel):
    """The KPI report as a spreadsheet (OCA report_xlsx)."""

    _name = "report.hid_cagri.call_kpi_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        for wizard in objs:
            sheet = workbook.add_worksheet(_("KPIs"))
            sheet.write(0, 0, _("Call Centre KPIs"), bold)
            sheet.write(1, 0, "%s – %s" % (wizard.date_from, wizard.date_to))
            Line = wizard.line_ids._fields
            for col, name in enumerate(COLUMNS):
                sheet.write(3, col, Line[name]._description_string(self.env), bold)
            for row, line in enumerate(wizard.line_ids, start=4):
                for col, name in enumerate(COLUMNS):
                    sheet.write(row, col, line[name], bold if line.is_total else None)
