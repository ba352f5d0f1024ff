# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The dashboard warns HİM staff while no SMS provider is configured (models/hid_sms_notice)."""
from odoo import fields, models


class HidBasvuruDashboard(models.TransientModel):
    _inherit = "hid.basvuru.dashboard"

    sms_warning = fields.Char(
        compute="_compute_sms_warning",
    )

    def _compute_sms_warning(self):
        warning = self.env["hid.sms"].hid_provider_warning()
        for dashboard in self:
            dashboard.sms_warning = warning
