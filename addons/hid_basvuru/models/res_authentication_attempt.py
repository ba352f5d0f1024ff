# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResAuthenticationAttempt(models.Model):
    """auth_brute_force lets every user read every login attempt (its ACL has no group):
    logins and IP addresses of everyone. In HİD only the administrator reads them (record
    rule in data/hid_login_security_data.xml); the ban check itself, which runs as the user
    logging in, reads them as the system."""

    _inherit = "res.authentication.attempt"

    @api.model
    def _trusted(self, remote, login):
        return super(ResAuthenticationAttempt, self.sudo())._trusted(remote, login)
