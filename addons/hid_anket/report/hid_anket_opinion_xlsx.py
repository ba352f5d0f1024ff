# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import AccessError


class HidAnketOpinionXlsx(models.AbstractModel):
    """An opinion survey's results as XLSX: by question, by mahalle, by channel, free text."""

    _name = "report.hid_anket.opinion_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, surveys):
        bold = workbook.add_format({"bold": True})
        Survey = self.env["survey.survey"]
        for survey in surveys:
            if not Survey._hid_may_see_results(survey):
                raise AccessError(_("You may not see the results of this survey."))
        for survey in surveys.sudo():
            inputs = survey.user_input_ids.filtered(
                lambda i: i.state == "done" and not i.test_entry)
            lines = inputs.mapped("user_input_line_ids").filtered(lambda l: not l.skipped)
            self._sheet_questions(workbook, bold, survey, lines)
            self._sheet_counts(workbook, bold, _("By mahalle"), _("Mahalle"), [
                (i.hid_mahalle_id.name or _("Not given")) for i in inputs])
            channels = dict(self.env["survey.user_input"]._fields["hid_channel"]
                            ._description_selection(self.env))
            self._sheet_counts(workbook, bold, _("By channel"), _("Channel"), [
                channels.get(i.hid_channel) or _("Not given") for i in inputs])
            self._sheet_free_text(workbook, bold, lines)

    def _sheet_questions(self, workbook, bold, survey, lines):
        sheet = workbook.add_worksheet(_("By question")[:31])
        sheet.write_row(0, 0, [_("Question"), _("Answer"), _("Count")], bold)
        row = 1
        for question in survey.page_ids.mapped("question_ids"):
            counts = {}
            for line in lines.filtered(lambda l: l.question_id == question):
                if line.answer_type == "suggestion":
                    key = line.value_suggested.value
                    if line.value_suggested_row:
                        key = "%s / %s" % (line.value_suggested_row.value, key)
                elif line.answer_type == "number":
                    key = line.value_number
                else:
                    continue
                counts[key] = counts.get(key, 0) + 1
            for key, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
                sheet.write_row(row, 0, [question.question, key, count])
                row += 1
        sheet.set_column(0, 1, 40)

    def _sheet_counts(self, workbook, bold, title, label, keys):
        sheet = workbook.add_worksheet(title[:31])
        sheet.write_row(0, 0, [label, _("Answers")], bold)
        counts = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        for row, (key, count) in enumerate(sorted(counts.items()), start=1):
            sheet.write_row(row, 0, [key, count])
        sheet.set_column(0, 0, 30)

    def _sheet_free_text(self, workbook, bold, lines):
        sheet = workbook.add_worksheet(_("Free text")[:31])
        sheet.write_row(0, 0, [_("Question"), _("Mahalle"), _("Answer")], bold)
        texts = lines.filtered(lambda l: l.answer_type in ("free_text", "text"))
        for row, line in enumerate(texts, start=1):
            sheet.write_row(row, 0, [line.question_id.question,
                                     line.user_input_id.hid_mahalle_id.name or "",
                                     line.value_free_text or line.value_text or ""])
        sheet.set_column(0, 2, 40)
