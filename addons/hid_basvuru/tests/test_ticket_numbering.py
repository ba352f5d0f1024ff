# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Tracking numbers of applications (2026-000123) under real concurrency."""
from . import common_numbering


class TestParallelNumbering(common_numbering.ParallelNumberingCase):

    table, column, series, separator = "helpdesk_ticket", "number", "basvuru", "-"

    def _make_record(self, env):
        return env["helpdesk.ticket"].create(
            {"name": "Eşzamanlı kayıt", "description": "x", "anonymous": True}).number
