# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lib import tr_dates


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
                "rows": self._get_rows(lines),
                "team": team, "date_from": data.get("date_from"),
                "date_to": data.get("date_to"), "now": fields.Datetime.now(),
                "tr_date": tr_dates.tr_date, "tr_datetime": tr_dates.tr_datetime}

    def _get_rows(self, lines):
        """One row per line the user may read. A returned document went back to the registry
        and is no longer the müdürlük's to read: its registry number (the slip's own record
        of what was handed over) is printed, its subject only if the user may still read
        it."""
        documents = self.env["hid.evrak"].search(
            [("id", "in", lines.sudo().mapped("evrak_id").ids)])
        rows = []
        for line in lines:
            evrak = line.sudo().evrak_id
            zimmet = line.sudo().zimmet_id
            readable = evrak in documents
            rows.append({
                "slip": zimmet.name,
                "date": zimmet.date,
                "evrak": evrak.name,
                "subject": documents.browse(evrak.id).subject if readable else "",
                "state": dict(line._fields["state"]._description_selection(self.env))[
                    line.state],
                "return_reason": line.return_reason or "",
                "received_by": zimmet.received_uid.name or "",
                "received_date": zimmet.received_date,
            })
        return rows

    def _get_lines_domain(self, data):
        """Handed-over lines of the müdürlük within the days, both ends included."""
        return [("team_id", "=", data.get("team_id")),
                ("zimmet_id.state", "!=", "draft"),
                ("zimmet_id.date", ">=", "%s 00:00:00" % data.get("date_from")),
                ("zimmet_id.date", "<=", "%s 23:59:59" % data.get("date_to"))]
