# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Multi-company record rules without a company query per use.

Odoo's multi-company rules say `('company_id', 'child_of', [user.company_id.id])`. The rule
domain is cached per user, model and mode, but `child_of` is expanded again by every search,
read and write check that applies it: one `SELECT ... FROM res_company WHERE parent_id IN`
per use, about twenty in one intake. The expansion is done here once, inside the cached
domain: `child_of` on a company field becomes `in` with the companies below. The cache is
the one Odoo already clears whenever a company is created or changed (`res.company.create`
and `write` call `clear_caches`), which is when the hierarchy can move."""
from odoo import api, models, tools
from odoo.osv import expression


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    @tools.ormcache("self._uid", "model_name", "mode")
    def _compute_domain(self, model_name, mode="read"):
        domain = super()._compute_domain(model_name, mode)
        if not domain:
            return domain
        return self._hid_expand_company_child_of(model_name, domain)

    @api.model
    def _hid_expand_company_child_of(self, model_name, domain):
        """`domain` with each (company field, 'child_of', ids) leaf as (field, 'in', ids below)."""
        model = self.env[model_name]
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        result = []
        for leaf in domain:
            if expression.is_leaf(leaf) and not expression.is_operator(leaf) \
                    and leaf[1] == "child_of" and "." not in leaf[0]:
                name = leaf[0]
                field = model._fields.get(name)
                if (name == "id" and model_name == "res.company") or (
                        field is not None and field.type in ("many2one", "many2many")
                        and field.comodel_name == "res.company"):
                    ids = leaf[2] if isinstance(leaf[2], (list, tuple)) else [leaf[2]]
                    below = companies.search([("id", "child_of", [i for i in ids if i])]).ids
                    result.append((name, "in", below))
                    continue
            result.append(leaf)
        return result
