# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class HidBasvuruReport(models.Model):
    """The applications' analysis gets its satisfaction column: the score of the latest answered
    survey of the application (one survey per closure; a reopened and closed-again application
    counts its last answer). A join on the latest answer per application (DISTINCT ON the
    application): unique on ticket_id, so PostgreSQL drops the join from every query that
    does not use the column (the pack's counts); a LATERAL look-up was one index probe per
    application in each of them (a million per query at the design scale)."""

    _inherit = "hid.basvuru.report"

    def _select_satisfaction(self):
        return "sat.score::float"

    def _from_satisfaction(self):
        return """
             LEFT JOIN (SELECT DISTINCT ON (s.ticket_id) s.ticket_id, s.score
                          FROM hid_anket_satisfaction s
                         WHERE s.state = 'answered' AND s.score IS NOT NULL
                         ORDER BY s.ticket_id, s.closure_seq DESC, s.id DESC
                       ) sat ON sat.ticket_id = t.id"""
