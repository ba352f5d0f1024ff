# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The PBX webhooks and the recordings' playback.

Webhook: ``POST /hid_cagri/webhook/<verimor|netgsm>?token=…`` (the token of a configured
PBX, hid.call.provider; only its hash is stored). Verimor posts form fields and checks the
address with an empty POST (→ 200); Netgsm posts JSON. A missing or wrong token → 403; an
event we cannot read → 400; both logged, nothing stored (the event is applied in a
savepoint, all or nothing). Repeated and out-of-order events merge into one call
(hid.call._hid_apply_event, row lock per call).
"""
import json
import logging

from werkzeug.exceptions import Forbidden, NotFound

from odoo import SUPERUSER_ID, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from ..lib import netgsm, verimor
from ..lib.exceptions import BadEvent

_logger = logging.getLogger(__name__)

ADAPTERS = {"verimor": verimor, "netgsm": netgsm}
MAX_BODY = 64 * 1024


def _text(status, message):
    response = request.make_response(
        message, headers=[("Content-Type", "text/plain; charset=utf-8")])
    response.status_code = status
    return response


class HidCagriController(http.Controller):

    @http.route("/hid_cagri/webhook/<string:kind>", type="http", auth="none",
                methods=["POST"], csrf=False, save_session=False)
    def webhook(self, kind, **_kwargs):
        """One PBX event: authenticate, read, merge; 200, 400, 403 or 413."""
        env = request.env(user=SUPERUSER_ID)
        Provider = env["hid.call.provider"]
        httprequest = request.httprequest
        if kind not in ADAPTERS:
            return _text(404, Provider._hid_http_message("kind"))
        if (httprequest.content_length or 0) > MAX_BODY:
            _logger.warning("PBX webhook %s: body too large from %s", kind,
                            httprequest.remote_addr)
            return _text(413, Provider._hid_http_message("too_large"))
        token = httprequest.args.get("token") or httprequest.headers.get("X-HID-Token")
        provider = Provider._authenticate(kind, token)
        if not provider:
            _logger.warning("PBX webhook %s: refused, no valid token, from %s", kind,
                            httprequest.remote_addr)
            return _text(403, Provider._hid_http_message("token"))
        try:
            event = ADAPTERS[kind].parse_event(self._read_body(kind, httprequest))
        except BadEvent as error:
            _logger.warning("PBX webhook %s (%s): bad event: %s", kind, provider.name, error)
            return _text(400, Provider._hid_http_message("bad_event", error))
        if event is None:
            return _text(200, Provider._hid_http_message("ok"))
        with env.cr.savepoint():
            env["hid.call"]._hid_apply_event(event, provider)
        return _text(200, Provider._hid_http_message("ok"))

    @staticmethod
    def _read_body(kind, httprequest):
        if kind == "verimor":
            return {key: value for key, value in httprequest.form.items()}
        raw = httprequest.get_data(cache=False) or b""
        if not raw.strip():
            raise BadEvent("The event is empty.")
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadEvent("The event is not valid JSON.")

    @http.route("/hid_cagri/recording/<int:recording_id>", type="http", auth="user",
                methods=["GET"])
    def recording(self, recording_id, **_kwargs):
        """Play a recording: supervisors and the director, as themselves; logged."""
        recording = request.env["hid.call.recording"].browse(recording_id)
        try:
            if not recording.sudo().exists():
                raise NotFound()
            content, mimetype = recording._hid_play()
        except AccessError:
            raise Forbidden()
        except UserError as error:
            return _text(410, error.name)
        return request.make_response(content, headers=[
            ("Content-Type", mimetype), ("Content-Length", str(len(content))),
            ("Cache-Control", "no-store"),
            ("Content-Disposition", "inline; filename=cagri-%d" % recording_id)])


# ---------------------------------------------------------------------------
# Odoo 11 treats every request with Content-Type application/json as JSON-RPC and answers an
# `http` route with a JSON-RPC error (HTTP 200). Netgsm posts plain JSON: our webhook paths
# are plain HTTP requests, whatever their content type (nothing else changes).
# ---------------------------------------------------------------------------

WEBHOOK_PREFIX = "/hid_cagri/webhook/"
_get_request = http.Root.get_request


def _hid_get_request(self, httprequest):
    if httprequest.path.startswith(WEBHOOK_PREFIX) and not httprequest.args.get("jsonp"):
        return http.HttpRequest(httprequest)
    return _get_request(self, httprequest)


if not getattr(http.Root.get_request, "_hid_cagri", False):
    _hid_get_request._hid_cagri = True
    http.Root.get_request = _hid_get_request
