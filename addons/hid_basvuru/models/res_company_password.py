# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models

POLICY_PARAM = "hid_basvuru.password_policy_applied"
# password_security's fields on the company: checked whenever a password is set (not on the
# passwords users already have). README "Logins and passwords".
PASSWORD_POLICY = {
    "password_length": 10,
    "password_lower": 1,
    "password_upper": 1,
    "password_numeric": 1,
    "password_special": 1,
    "password_history": 10,
    "password_expiration": 180,
}


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _hid_init_password_policy(self):
        """Once per database (install or the first upgrade that brings it): HİD's starting
        policy on every company; later changes by the administrator are kept. A database with
        demo data has no expiry, so the demo users keep password = login."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(POLICY_PARAM):
            return False
        values = dict(PASSWORD_POLICY)
        module = self.env["ir.module.module"].sudo().search([("name", "=", "base")])
        if module.demo:
            values["password_expiration"] = 0
        self.sudo().search([]).write(values)
        params.set_param(POLICY_PARAM, "1")
        return True
