# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The periodic report pack as an XLSX workbook (OCA report_xlsx), streamed row by row."""
from odoo import _, api, models

from ..lib import report_metrics as rm

# Excel number formats: Turkish Excel shows them with its own separators.
PCT = "0.0"
DAYS = "0.0"
INT = "#,##0"


class HidBasvuruPackXlsx(models.AbstractModel):
    """Sheets: KPIs against the previous period and the same period last year; by müdürlük,
    mahalle, channel, type and category; the overdue list; the most frequent subjects."""

    _name = "report.hid_basvuru.pack_xlsx"
    _description = "Report Pack (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        """report_xlsx builds xlsxwriter.Workbook(stream, these options): constant memory,
        each row is flushed to a temporary file as soon as the next one begins (rows must be
        written in order, which the sheets below do)."""
        options = dict(super().get_workbook_options())
        options.update(constant_memory=True, default_date_format="dd.mm.yyyy")
        return options

    @api.model
    def _hid_pack_args(self, data, objs):
        """(period, date, team_ids) from the wizard printed, else from `data`."""
        wizard = objs[:1] if objs and objs._name == "hid.basvuru.pack.wizard" else None
        if wizard:
            return wizard._hid_pack_args()
        data = data or {}
        return data.get("period"), data.get("date"), data.get("team_ids")

    def generate_xlsx_report(self, workbook, data, objs):
        period, date_str, team_ids = self._hid_pack_args(data, objs)
        pack = self.env["hid.basvuru.report"]._hid_pack_data(period, date_str, team_ids)
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "head": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                         "text_wrap": True, "valign": "top"}),
            "bold": workbook.add_format({"bold": True}),
            "int": workbook.add_format({"num_format": INT}),
            "pct": workbook.add_format({"num_format": PCT}),
            "days": workbook.add_format({"num_format": DAYS}),
            "date": workbook.add_format({"num_format": "dd.mm.yyyy"}),
        }
        self._hid_sheet_kpis(workbook, styles, pack)
        labels = {"team": _("By Müdürlük"), "mahalle": _("By Mahalle"),
                  "channel": _("By Channel"), "type": _("By Type"),
                  "category": _("By Category")}
        heads = {"team": _("Müdürlük"), "mahalle": _("Mahalle"), "channel": _("Channel"),
                 "type": _("Type"), "category": _("Category")}
        for key in ("team", "mahalle", "channel", "type", "category"):
            self._hid_sheet_dimension(workbook, styles, pack, key, labels[key], heads[key])
        self._hid_sheet_overdue(workbook, styles, pack)
        self._hid_sheet_subjects(workbook, styles, pack)

    # ---------------------------------------------------
    # Sheets (each writes its rows top to bottom: constant memory)
    # ---------------------------------------------------

    def _hid_title(self, sheet, styles, pack, title):
        sheet.write(0, 0, title, styles["title"])
        sheet.write(1, 0, _("%(period)s report: %(start)s – %(end)s") % {
            "period": pack["period_label"], "start": rm.tr_date(pack["start"]),
            "end": rm.tr_date(pack["end"])})
        sheet.write(2, 0, _("Scope: %s") % pack["scope"])
        return 4

    @staticmethod
    def _hid_value(sheet, row, col, value, style):
        if value is None:
            sheet.write_blank(row, col, None)
        else:
            sheet.write_number(row, col, value, style)

    def _hid_sheet_kpis(self, workbook, styles, pack):
        sheet = workbook.add_worksheet(_("KPIs"))
        sheet.set_column(0, 0, 58)
        sheet.set_column(1, 7, 15)
        row = self._hid_title(sheet, styles, pack, _("Application Report"))
        prev, last_year = pack["previous"], pack["last_year"]
        heads = [_("Metric"), _("This period"),
                 _("Previous period (%(start)s – %(end)s)") % {
                     "start": rm.tr_date(prev[0]), "end": rm.tr_date(prev[1])},
                 _("Change"), _("Change (%)"),
                 _("Same period last year (%(start)s – %(end)s)") % {
                     "start": rm.tr_date(last_year[0]), "end": rm.tr_date(last_year[1])},
                 _("Change"), _("Change (%)")]
        sheet.write_row(row, 0, heads, styles["head"])
        first = row + 1
        kpis = pack["kpis"]
        for key, label in pack["kpi_labels"]:
            row += 1
            style = styles["int"] if key == rm.COUNT else (
                styles["days"] if key == rm.AVG_RESOLUTION_DAYS else styles["pct"])
            current = kpis["current"][key]
            sheet.write_string(row, 0, label)
            self._hid_value(sheet, row, 1, current, style)
            col = 2
            for other in ("previous", "last_year"):
                diff, change = rm.change(current, kpis[other][key])
                self._hid_value(sheet, row, col, kpis[other][key], style)
                self._hid_value(sheet, row, col + 1, diff, style)
                self._hid_value(sheet, row, col + 2, change, styles["pct"])
                col += 3
        row += 2
        sheet.write_row(row, 0, [_("Channel shares"), _("Share (%)")], styles["head"])
        for name, share in pack["channel_shares"]:
            row += 1
            sheet.write_string(row, 0, name)
            self._hid_value(sheet, row, 1, share, styles["pct"])
        chart = workbook.add_chart({"type": "column"})
        chart.add_series({
            "name": _("Number of applications"),
            "categories": [sheet.name, first - 1, 1, first - 1, 1],
            "values": [sheet.name, first, 1, first, 1],
        })
        chart.add_series({"name": heads[2], "values": [sheet.name, first, 2, first, 2]})
        chart.add_series({"name": heads[5], "values": [sheet.name, first, 5, first, 5]})
        chart.set_title({"name": _("Number of applications")})
        sheet.insert_chart(row + 2, 0, chart)

    def _hid_sheet_dimension(self, workbook, styles, pack, key, title, head):
        sheet = workbook.add_worksheet(title)
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 9, 14)
        row = self._hid_title(sheet, styles, pack, title)
        sheet.write_row(row, 0, [
            head, _("Number of applications"), _("Responded on the day (%)"),
            _("Avg. resolution excl. instant (days)"), _("Within the legal period (%)"),
            _("Reopened (%)"), _("Open"), _("Closed"), _("Forwarded (sevk)"),
            _("Duplicates")], styles["head"])
        first = row + 1
        rows = pack["dimensions"][key]
        for name, counts, kpis in rows:
            row += 1
            sheet.write_string(row, 0, name)
            sheet.write_number(row, 1, counts["total"], styles["int"])
            self._hid_value(sheet, row, 2, kpis[rm.SAME_DAY_PCT], styles["pct"])
            self._hid_value(sheet, row, 3, kpis[rm.AVG_RESOLUTION_DAYS], styles["days"])
            self._hid_value(sheet, row, 4, kpis[rm.ON_TIME_PCT], styles["pct"])
            self._hid_value(sheet, row, 5, kpis[rm.REOPENED_PCT], styles["pct"])
            for col, name_ in ((6, "open"), (7, "closed"), (8, "sevk"), (9, "duplicate")):
                sheet.write_number(row, col, counts[name_], styles["int"])
        if rows:
            chart = workbook.add_chart({"type": "pie" if key == "channel" else "bar"})
            last = first + min(len(rows), 20) - 1
            chart.add_series({
                "name": _("Number of applications"),
                "categories": [sheet.name, first, 0, last, 0],
                "values": [sheet.name, first, 1, last, 1],
            })
            chart.set_title({"name": title})
            if key != "channel":
                chart.set_legend({"none": True})
            chart.set_size({"width": 720, "height": 400 if key == "channel" else 480})
            sheet.insert_chart(3, 11, chart)

    def _hid_sheet_overdue(self, workbook, styles, pack):
        sheet = workbook.add_worksheet(_("Overdue List"))
        sheet.set_column(0, 0, 18)
        sheet.set_column(1, 1, 50)
        sheet.set_column(2, 2, 36)
        sheet.set_column(3, 5, 14)
        row = self._hid_title(sheet, styles, pack, _("Overdue Applications"))
        sheet.write(3, 0, _("Open on %(day)s with the legal deadline passed: %(count)d") % {
            "day": rm.tr_date(pack["on_day"]), "count": pack["overdue_total"]})
        row += 1
        sheet.write_row(row, 0, [_("Tracking Number"), _("Subject"), _("Müdürlük"),
                                 _("Received On"), _("Legal Deadline"), _("Days Late")],
                        styles["head"])
        for line in pack["overdue"]:
            row += 1
            sheet.write_string(row, 0, line["number"] or "")
            sheet.write_string(row, 1, line["name"] or "")
            sheet.write_string(row, 2, line["team"])
            sheet.write_string(row, 3, rm.tr_date(line["received_day"]))
            sheet.write_string(row, 4, rm.tr_date(line["legal_deadline"]))
            sheet.write_number(row, 5, line["days_late"], styles["int"])
        if pack["overdue_total"] > len(pack["overdue"]):
            sheet.write(row + 1, 0, _("Only the %d most overdue are listed.")
                        % len(pack["overdue"]), styles["bold"])

    def _hid_sheet_subjects(self, workbook, styles, pack):
        sheet = workbook.add_worksheet(_("Frequent Subjects"))
        sheet.set_column(0, 0, 60)
        sheet.set_column(1, 2, 14)
        row = self._hid_title(sheet, styles, pack, _("Most Frequent Subjects"))
        sheet.write_row(row, 0, [_("Subject"), _("Number of applications"), _("Share (%)")],
                        styles["head"])
        total = pack["counts"]["current"]["total"]
        for subject, count in pack["subjects"]:
            row += 1
            sheet.write_string(row, 0, subject or "")
            sheet.write_number(row, 1, count, styles["int"])
            self._hid_value(sheet, row, 2, rm.pct(count, total), styles["pct"])
