# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportHidZimmetDefteri(models.AbstractModel):
    """The paper register of one müdürlük's hand-overs over some days."""

    _name = "report.hid_evrak.zimmet_defteri"
    _description = "Hand-over Register"

    @api.model
    def get_report_values(self, docids, data=None):
        """Lines read with the user's rights: a müdürlük prints only its own."""
        data = data or {}
        team = self.env["helpdesk.ticket.team"].browse(data.get("team_id"))
        lines = self.env["hid.zimmet.line"].search(self._get_lines_domain(data),
                                                   order="id")
        return {"doc_ids": docids, "doc_model": "hid.zimmet.line", "docs": lines,
                "team": team, "date_from": data.get("date_from"),
                "date_to": data.get("date_to"), "now": fields.Datetime.now()}

    def _get_lines_domain(self, data):
        """Handed-over lines of the müdürlük within the days, both ends included."""
        return [("team_id", "=", data.get("team_id")),
                ("zimmet_id.state", "!=", "draft"),
                ("zimmet_id.date", ">=", "%s 00:00:00" % data.get("date_from")),
                ("zimmet_id.date", "<=", "%s 23:59:59" % data.get("date_to"))]
