# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class HidMailScopeMixin(models.AbstractModel):
    """The e-mail of a satisfaction survey carries its link: its mail records follow the
    survey's own record rules."""

    _inherit = "hid.mail.scope.mixin"

    @api.model
    def _hid_mail_scoped_models(self):
        return super()._hid_mail_scoped_models() + ["hid.anket.satisfaction"]
