# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models

from .hid_danisma_visit import G_EVRAK


class HidMailScopeMixin(models.AbstractModel):
    """Mail records and files of a desk visit (the form's sidebar lets the desk attach a
    file) may name the visitor: a restricted user sees them only for the visits whose
    visitor they may read, that is the registry's; a müdürlük, which reads the visit but
    not the visitor, sees none."""

    _inherit = "hid.mail.scope.mixin"

    @api.model
    def _hid_mail_scoped_models(self):
        return super()._hid_mail_scoped_models() + ["hid.danisma.visit"]

    @api.model
    def _hid_readable_sql(self, model_name):
        # restricted users are all outside the desk (_hid_mail_restricted): of them only
        # the registry reads the visitor (the fields' groups, G_PERSONAL)
        if model_name == "hid.danisma.visit" and not self.env.user.has_group(G_EVRAK):
            return "SELECT NULL::integer WHERE FALSE", []
        return super()._hid_readable_sql(model_name)
