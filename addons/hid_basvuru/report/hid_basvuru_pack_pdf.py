# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..lib import report_metrics as rm


class HidBasvuruPackPdf(models.AbstractModel):
    """The one-page PDF summary of the pack: the KPIs, the müdürlükler and the channels."""

    _name = "report.hid_basvuru.report_pack_pdf"
    _description = "Report Pack Summary (PDF)"

    @api.model
    def get_report_values(self, docids, data=None):
        wizards = self.env["hid.basvuru.pack.wizard"].browse(docids or [])
        period, date_str, team_ids = self.env["report.hid_basvuru.pack_xlsx"]._hid_pack_args(
            data, wizards.exists())
        pack = self.env["hid.basvuru.report"]._hid_pack_data(period, date_str, team_ids)
        return {
            "doc_ids": docids,
            "doc_model": "hid.basvuru.pack.wizard",
            "docs": wizards,
            "pack": pack,
            "rm": rm,
            "top_teams": pack["dimensions"]["team"][:12],
        }
