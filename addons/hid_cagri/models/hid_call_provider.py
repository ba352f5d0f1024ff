# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import hashlib
import hmac
import logging
import secrets

import requests

from odoo import _, api, fields, models

from ..lib import netgsm, verimor
from ..lib.exceptions import CagriError
from .hid_call import PROVIDERS

_logger = logging.getLogger(__name__)

PREFIX_LENGTH = 8
MAX_TOKEN_LENGTH = 200


def _hash(token):
    """As hid.api.key: SHA-256 of 256 random bits; only the hash is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class HidCallProvider(models.Model):
    """A connected PBX: its kind, the webhook token (hashed) and the credentials of its API
    for the CDR list and the recordings. Configured by the HİM director."""

    _name = "hid.call.provider"
    _inherit = ["hid.protected.field.mixin"]
    _description = "Telephone Exchange (PBX)"
    _order = "name"

    _hid_protected_fields = ("token_hash", "api_key", "api_password")

    name = fields.Char(
        required=True,
    )
    provider = fields.Selection(
        selection=PROVIDERS,
        required=True,
    )
    active = fields.Boolean(
        default=True,
    )
    api_url = fields.Char(
        string="API Base URL",
        help="Empty: the provider's public API. A local address for tests.",
    )
    api_user = fields.Char(
        string="API User Code",
        help="Netgsm: the user code (santral number).",
    )
    # Secrets of the provider's API: the director alone (who configures them) and the server.
    api_key = fields.Char(
        string="API Key",
        groups="hid_basvuru.group_hid_director",
        help="Verimor: the key of Santral Ayarlarım.",
    )
    api_password = fields.Char(
        string="API Password",
        groups="hid_basvuru.group_hid_director",
        help="Netgsm: the API password.",
    )
    token_prefix = fields.Char(
        readonly=True,
        index=True,
        copy=False,
    )
    token_hash = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
    )
    last_reconcile = fields.Datetime(
        readonly=True,
        copy=False,
    )
    last_reconcile_result = fields.Char(
        readonly=True,
        copy=False,
    )

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_generate_token(self):
        """A new webhook token (the old URL stops working), shown once with the URL."""
        self.ensure_one()
        token = self._generate_token()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return {
            "type": "ir.actions.act_window",
            "name": _("Webhook Address"),
            "res_model": "hid.call.token.show",
            "view_mode": "form",
            "target": "new",
            "context": {"default_provider_id": self.id,
                        "default_url": "%s/hid_cagri/webhook/%s?token=%s" % (
                            base, self.provider, token)},
        }

    @api.multi
    def action_reconcile(self):
        """Pull the last day's CDR list now."""
        for provider in self:
            provider._reconcile()
        return True

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    def _generate_token(self):
        self.ensure_one()
        token = secrets.token_urlsafe(32)
        self.sudo().write({"token_prefix": token[:PREFIX_LENGTH], "token_hash": _hash(token)})
        return token

    @api.model
    def _authenticate(self, kind, token):
        """The active provider of this kind whose token this is (constant-time), else empty."""
        if not token or not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
            return self.browse()
        digest = _hash(token)
        for candidate in self.sudo().search([("token_prefix", "=", token[:PREFIX_LENGTH]),
                                             ("provider", "=", kind)]):
            if candidate.token_hash and hmac.compare_digest(candidate.token_hash, digest):
                return candidate
        return self.browse()

    def _client(self):
        """The adapter's API client (lib/verimor.py, lib/netgsm.py)."""
        self.ensure_one()
        me = self.sudo()
        session = requests.Session()
        if me.provider == "verimor":
            return verimor.VerimorClient(me.api_url, me.api_key, session)
        return netgsm.NetgsmClient(me.api_url, me.api_user, me.api_password, session)

    def _reconcile(self, hours=24):
        """Fill what the webhook missed: the provider's CDRs of the last `hours`, merged
        like any event (a call already complete is unchanged)."""
        self.ensure_one()
        until = datetime.datetime.utcnow()
        since = until - datetime.timedelta(hours=hours)
        try:
            cdrs = self._client().list_cdrs(since, until)
        except (CagriError, requests.RequestException) as error:
            _logger.warning("PBX %s: CDR list failed: %s", self.name, error)
            self.sudo().write({"last_reconcile": fields.Datetime.now(),
                               "last_reconcile_result": str(error)[:200]})
            return 0
        Call = self.env["hid.call"].sudo()
        for event in cdrs:
            with self.env.cr.savepoint():
                Call._hid_apply_event(event, self)
        self.sudo().write({"last_reconcile": fields.Datetime.now(),
                           "last_reconcile_result": _("%(count)d calls checked.") % {
                               "count": len(cdrs)}})
        _logger.info("PBX %s: reconciled %d CDRs", self.name, len(cdrs))
        return len(cdrs)

    @api.model
    def _hid_lib_messages(self):
        """Translatable twins of the adapters' English templates (`_()` needs literals)."""
        return {
            "Field %(field)s is too long.": _("Field %(field)s is too long."),
            "Field %(field)s has a wrong type.": _("Field %(field)s has a wrong type."),
            "Unknown event type: %(value)s.": _("Unknown event type: %(value)s."),
            "Unknown call direction: %(value)s.": _("Unknown call direction: %(value)s."),
            "The event has no call id (call_uuid).": _(
                "The event has no call id (call_uuid)."),
            "The event has no call id (unique_id).": _(
                "The event has no call id (unique_id)."),
            "Unreadable value in the event: %(error)s.": _(
                "Unreadable value in the event: %(error)s."),
            "The event is not a JSON object.": _("The event is not a JSON object."),
            "The event is empty.": _("The event is empty."),
            "The event is not valid JSON.": _("The event is not valid JSON."),
        }

    @api.model
    def _hid_http_message(self, key, error=None):
        """The webhook's answers, in Turkish (the PBX has no user language)."""
        me = self.with_context(lang="tr_TR")
        if key == "bad_event":
            template = me._hid_lib_messages().get(error.message, error.message)
            detail = template % error.params if error.params else template
            return me._hid_http_texts()["bad_event"] % {"detail": detail}
        return me._hid_http_texts()[key]

    @api.model
    def _hid_http_texts(self):
        return {
            "bad_event": _("The event could not be read: %(detail)s"),
            "token": _("Missing or wrong token."),
            "kind": _("Unknown telephone exchange."),
            "too_large": _("The request is too large."),
            "ok": _("OK"),
        }

    @api.model
    def _cron_reconcile(self):
        """Nightly: every active PBX, the last day."""
        for provider in self.sudo().search([]):
            provider._reconcile()
