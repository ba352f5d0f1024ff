# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The field page /saha, its service worker, and its JSON endpoints.

Thin (STYLE.md rule 14): the rules live in helpdesk.ticket (helpdesk_ticket_saha.py).

CSRF.  Odoo 11's type="json" routes have no CSRF check and always answer HTTP 200, so the
endpoints are type="http" POST routes that read a JSON body themselves, and refuse a request
unless (1) it carries the session's CSRF token (fetched from /saha/api/token, which only a
same-origin page can read), (2) its Content-Type is application/json-like
("application/vnd.hid-saha+json": not one a cross-site form can send, and a cross-site
fetch() with it needs a CORS preflight that Odoo never grants), and (3) its Origin, when
given, is this server.  The session cookie travels with the page's same-origin fetch().
"""
import json
import logging

import psycopg2
from psycopg2 import IntegrityError
from werkzeug.wrappers import Response

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.modules.module import get_module_resource

from odoo.addons.hid_basvuru.lib import upload as upload_lib

from ..models.helpdesk_ticket_saha import HidSahaInputError

_logger = logging.getLogger(__name__)
CONTENT_TYPE = "application/vnd.hid-saha+json"
# JSON of base64 photos: 4/3 of the files' limit, plus room for the text fields.
MAX_BODY = (upload_lib.MAX_TOTAL_SIZE * 4) // 3 + 512 * 1024
SYNC_ATTEMPTS = 3
SW_PATH = ("static", "src", "js", "sw.js")


def _json(data, status=200):
    return Response(json.dumps(data), status=status, headers=[
        ("Content-Type", "application/json; charset=utf-8"),
        ("Cache-Control", "no-store")])


class HidSaha(http.Controller):

    # ---------------------------------------------------
    # Page and service worker
    # ---------------------------------------------------

    @http.route("/saha", type="http", auth="user", methods=["GET"])
    def saha(self, **kw):
        Ticket = request.env["helpdesk.ticket"]
        try:
            values = Ticket._hid_saha_page_values()
        except AccessError as exc:
            return request.render("hid_saha.saha_denied", {"message": exc.name}, status=403)
        response = request.render("hid_saha.saha_page", values)
        response.headers["Cache-Control"] = "no-cache"
        return response

    @http.route("/saha/sw.js", type="http", auth="none", methods=["GET"])
    def service_worker(self, **kw):
        """Served from under /saha so that its scope can be /saha (the page and its API)."""
        with open(get_module_resource("hid_saha", *SW_PATH), "rb") as f:
            data = f.read()
        return Response(data, headers=[
            ("Content-Type", "application/javascript; charset=utf-8"),
            ("Service-Worker-Allowed", "/saha"),
            ("Cache-Control", "no-cache")])

    # ---------------------------------------------------
    # JSON API
    # ---------------------------------------------------

    @http.route("/saha/api/token", type="http", auth="public", methods=["GET"])
    def token(self, **kw):
        denied = self._denied()
        if denied:
            return denied
        return _json({"csrf_token": request.csrf_token()})

    @http.route("/saha/api/sync", type="http", auth="public", methods=["POST"], csrf=False)
    def sync(self, **kw):
        payload, error = self._payload()
        if error:
            return error
        Ticket = request.env["helpdesk.ticket"]
        for attempt in range(SYNC_ATTEMPTS):
            try:
                return self._call(Ticket._hid_saha_sync, payload)
            except (IntegrityError, psycopg2.extensions.TransactionRollbackError):
                # The same capture (or another intake) committed meanwhile: a new snapshot
                # sees it, and the repeat gets the existing number.
                request.env.cr.rollback()
                request.env.clear()
                _logger.info("saha sync: concurrent post, attempt %d", attempt + 1)
        return _json({"error": self._messages()["busy"]}, 503)

    @http.route("/saha/api/report", type="http", auth="public", methods=["POST"], csrf=False)
    def report(self, **kw):
        payload, error = self._payload()
        if error:
            return error
        return self._call(request.env["helpdesk.ticket"]._hid_saha_report, payload)

    # ---------------------------------------------------
    # Helpers
    # ---------------------------------------------------

    def _messages(self):
        """The endpoint's own messages in the user's language (Turkish without a session:
        a phone whose session has ended belongs to the municipality's staff)."""
        user = request.env.user
        lang = "tr_TR" if not request.session.uid or user._is_public() else user.lang
        return request.env["helpdesk.ticket"].with_context(lang=lang)._hid_saha_http_messages()

    def _denied(self):
        """401 without a session, 403 for a user who is not field staff; else None."""
        if not request.session.uid or request.env.user._is_public():
            return _json({"error": self._messages()["session"]}, 401)
        if not request.env.user.has_group("hid_saha.group_hid_saha"):
            return _json({"error": self._messages()["role"]}, 403)
        return None

    def _payload(self):
        """(the JSON body, None) after the session, CSRF, origin and size checks, or
        (None, the error response)."""
        denied = self._denied()
        if denied:
            return None, denied
        httprequest = request.httprequest
        origin = httprequest.headers.get("Origin")
        if origin and origin.rstrip("/") != httprequest.host_url.rstrip("/"):
            return None, _json({"error": self._messages()["origin"]}, 403)
        if httprequest.mimetype != CONTENT_TYPE:
            return None, _json({"error": self._messages()["format"]}, 415)
        if (httprequest.content_length or 0) > MAX_BODY:
            return None, _json({"error": self._messages()["size"]}, 413)
        try:
            payload = json.loads(httprequest.get_data(cache=False).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None, _json({"error": self._messages()["unreadable"]}, 400)
        if not isinstance(payload, dict) or not isinstance(payload.get("csrf_token"), str) \
                or not request.validate_csrf(payload["csrf_token"]):
            return None, _json({"error": self._messages()["csrf"]}, 403)
        return payload, None

    def _call(self, method, payload):
        try:
            return _json(method(payload))
        except HidSahaInputError as exc:
            return _json({"error": exc.name, "field": exc.field}, 400)
        except AccessError as exc:
            return _json({"error": exc.name}, 403)
        except (UserError, ValidationError) as exc:
            return _json({"error": exc.name}, 400)
