# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, models


class HidProtectedFieldMixin(models.AbstractModel):
    """Fields readable only by their `groups`, whatever the door.

    Odoo 11 checks a field's `groups` in read() and write() only: a user outside the groups
    can still search on the field, order or group by it (the group keys are the values), and
    set it in create(). A model lists such fields in `_hid_protected_fields`, or sets
    `_hid_protect_grouped_fields` to protect every field that has `groups`; this mixin
    refuses them at those doors with the same AccessError as read().
    """

    _name = "hid.protected.field.mixin"
    _description = "Protected Fields Mixin"

    _hid_protected_fields = ()
    _hid_protect_grouped_fields = False

    def _hid_is_protected(self, name):
        """Whether field `name` is guarded at every door (by its `groups`)."""
        if name in self._hid_protected_fields:
            return True
        field = self._fields.get(name) if self._hid_protect_grouped_fields else None
        return bool(field and field.groups)

    def _hid_protected_names(self):
        """Every protected field of the model."""
        return [name for name in self._fields if self._hid_is_protected(name)]

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _hid_check_protected_fields(self, names, operation="read"):
        """AccessError if `names` use a protected field the user may not access."""
        protected = [name for name in names if self._hid_is_protected(name)]
        if protected:
            self.check_field_access_rights(operation, protected)

    def _hid_check_domain(self, domain):
        """Check every field on the paths of `domain`, as 'partner_id.tckn' may be a SQL join
        (auto_join, _inherits) that never searches the model holding the protected field."""
        for leaf in domain or []:
            if not (isinstance(leaf, (list, tuple)) and len(leaf) == 3
                    and isinstance(leaf[0], str)):
                continue
            if self._hid_domain_leaf_allowed(leaf):
                continue
            model = self
            for name in leaf[0].split("."):
                field = model._fields.get(name)
                if field is None:
                    break
                is_protected = getattr(model, "_hid_is_protected", None)
                if is_protected and is_protected(name):
                    model.check_field_access_rights("read", [name])
                if not field.relational:
                    break
                model = self.env[field.comodel_name]

    def _hid_domain_leaf_allowed(self, leaf):
        """Whether a leaf on a protected field tells the user nothing they may not know
        (a model may allow e.g. its own records' leaf); by default none is."""
        return False

    @staticmethod
    def _hid_spec_fields(spec):
        """Field names of an order or group-by spec ('tckn desc, id', 'date:month',
        'partner_id.name')."""
        if isinstance(spec, str):
            spec = spec.split(",")
        return [
            part.strip().split(" ")[0].split(":")[0].split(".")[0].strip('"')
            for part in spec or []
            if isinstance(part, str) and part.strip()
        ]

    # ------------------------------------------------------------------
    # Doors
    # ------------------------------------------------------------------

    @api.model
    def _where_calc(self, domain, active_test=True):
        """Refuse a domain on a protected field: a search would tell its value."""
        self._hid_check_domain(domain)
        return super()._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        """Refuse ordering by a protected field: the order would tell its value."""
        self._hid_check_protected_fields(self._hid_spec_fields(order_spec))
        return super()._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """Refuse grouping by or aggregating a protected field: group keys are values."""
        self._hid_check_protected_fields(
            self._hid_spec_fields(fields) + self._hid_spec_fields(groupby)
            + self._hid_spec_fields(orderby))
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)

    @api.model
    def create(self, vals):
        """Refuse setting a protected field, as write() does, also by a context default
        (the client sends the context)."""
        self._hid_check_protected_fields(
            [name for name in self._hid_protected_names()
             if vals.get(name) or self.env.context.get("default_" + name)], "write")
        return super().create(vals)
