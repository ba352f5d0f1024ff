# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""`user_has_groups` from the registry cache.

Every read checks the `groups` of each field it fetches: one `user_has_groups` per guarded
field and read (about 250 in one intake, ~30 µs each, splitting the string and resolving
each group through `has_group`). The answer depends on the user and the string only — held
in the registry cache, which Odoo empties whenever a user's or a group's membership changes
(`res.users.write` of groups and `res.groups.write` clear it through `has_group`), in every
worker. `base.group_no_one` also depends on the request's debug mode and is not cached."""
from odoo import api, models, tools


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def user_has_groups(self, groups):
        if "base.group_no_one" in groups:
            return super().user_has_groups(groups)
        return self._hid_user_has_groups(groups)

    @api.model
    @tools.ormcache("self._uid", "groups")
    def _hid_user_has_groups(self, groups):
        return super(Base, self).user_has_groups(groups)
