# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class HidBasvuruReport(models.Model):
    """The applications' analysis gets its satisfaction column: the score of the latest answered
    survey of the application (one survey per closure; a reopened and closed-again application
    counts its last answer). One index lookup per row (hid_anket_satisfaction.ticket_id)."""

    _inherit = "hid.basvuru.report"

    def _select_satisfaction(self):
        return "sat.score::float"

    def _from_satisfaction(self):
        return """
             LEFT JOIN LATERAL (SELECT s.score
                                  FROM hid_anket_satisfaction s
                                 WHERE s.ticket_id = t.id AND s.state = 'answered'
                                   AND s.score IS NOT NULL
                                 ORDER BY s.closure_seq DESC, s.id DESC
                                 LIMIT 1) sat ON TRUE"""
