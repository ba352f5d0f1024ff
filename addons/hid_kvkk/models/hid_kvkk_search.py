# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who searched for a T.C. identity no.: a search finds out whether that person is a
citizen with applications even when no number is shown, so every person's search whose
domain has a TCKN leaf (``tckn`` or a path ending in ``.tckn``, on the models that hold
citizens: SEARCHED_MODELS), or whose
name_search text is taken as a TCKN (hid_basvuru ``_hid_exact_match_domain``), leaves one
row in the access log (kind "tckn search"): who, when, the model searched, the ids found
(none is a finding too), and the searched value.

The value is stored masked (``123******50``, as on the screens) and as an HMAC-SHA256 keyed
with the database's secret (``database.secret``), never in clear: a plain hash of an
11-digit number with a check digit is undone by trying the ~10^9 valid numbers, a keyed one
only by who holds the secret (the system). The auditor answering "who searched for this
citizen?" — even a number nobody has — computes the same HMAC (``_hid_kvkk_value_hash``)
and looks for it; the masked value is what a person reading the log sees.

Cost: searches without a TCKN leaf pay one loop over their domain's leaves (no query, no
per-record work). The system's own searches (superuser, sudo) are not logged, nor the
searches the ORM makes inside a logged one (a path's sub-search, name_search through
search): one INSERT per search call."""
import threading

from odoo import SUPERUSER_ID, api, models

from ..lib.search_domain import tckn_values


# Set while a logged search runs, so the searches it makes are not logged again.
_ACTIVE = threading.local()


# The models holding a citizen (res.partner or a many2one to it) that a person can search.
# Not `_inherit = "base"`: that would make every model of the database hid_kvkk's.
SEARCHED_MODELS = ("res.partner", "helpdesk.ticket", "hid.kvkk.request", "hid.call", "hid.sms",
                   "hid.evrak", "hid.danisma.visit", "hid.etkinlik.visit",
                   "hid.etkinlik.invitation", "hid.anket.satisfaction", "calendar.event")


class HidKvkkTcknSearch(models.AbstractModel):
    _name = "hid.kvkk.tckn.search"
    _description = "KVKK: searches by T.C. identity no. are logged"

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self.env.uid == SUPERUSER_ID or getattr(_ACTIVE, "on", False):
            return super()._search(args, offset=offset, limit=limit, order=order,
                                   count=count, access_rights_uid=access_rights_uid)
        values = tckn_values(args)
        if not values:
            return super()._search(args, offset=offset, limit=limit, order=order,
                                   count=count, access_rights_uid=access_rights_uid)
        _ACTIVE.on = True
        try:
            ids = super()._search(args, offset=offset, limit=limit, order=order,
                                  count=False, access_rights_uid=access_rights_uid)
        finally:
            _ACTIVE.on = False
        self.env["hid.kvkk.access.log"]._log_search(self.env.user, self._name, ids, values)
        return len(ids) if count else ids

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        # read_group does not go through _search: the records it counted are looked up
        # (one query, only when there is a TCKN leaf) and logged by _search.
        if self.env.uid != SUPERUSER_ID and not getattr(_ACTIVE, "on", False) \
                and tckn_values(domain):
            self._search(domain)
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)


for _model in SEARCHED_MODELS:
    type("HidKvkkTcknSearch_" + _model.replace(".", "_"), (models.Model,), {
        "_name": _model, "_inherit": [_model, "hid.kvkk.tckn.search"],
        "__module__": __name__})


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        if self.env.uid == SUPERUSER_ID or getattr(_ACTIVE, "on", False) or not name:
            return super().name_search(name, args=args, operator=operator, limit=limit)
        values = tckn_values(self._hid_exact_match_domain(name))
        if not values:
            return super().name_search(name, args=args, operator=operator, limit=limit)
        _ACTIVE.on = True
        try:
            result = super().name_search(name, args=args, operator=operator, limit=limit)
        finally:
            _ACTIVE.on = False
        self.env["hid.kvkk.access.log"]._log_search(
            self.env.user, self._name, [row[0] for row in result], values)
        return result
