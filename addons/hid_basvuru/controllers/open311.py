# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services, requests.

Thin: split the URL into resource and format, call one method of hid.open311, render JSON or
XML.  Every refusal is the spec's error list with a 4xx status, never a 500.  GETs are public;
POST is authenticated by its api_key, hence csrf=False.
"""
import json

from werkzeug.wrappers import Response

from odoo import http
from odoo.http import request

from ..lib import open311, open311_openapi
from ..lib.open311 import Open311Error

MAX_BODY = 64 * 1024      # a service request is a few fields; media go by URL
CHANGESET = "2026-11-28T00:00:00Z"
ROOTS = {"services": "services", "requests": "service_requests"}


def _split(name):
    """`services.json` → ("services", "json"); the format is checked."""
    resource, _sep, fmt = name.rpartition(".")
    if not resource:
        raise Open311Error(400, "Add the format to the URL: .json or .xml.")
    return resource, open311.parse_format(fmt)


def _response(fmt, root, body):
    return Response(open311.render(fmt, root, body), headers=[
        ("Content-Type", open311.FORMATS[fmt]), ("Access-Control-Allow-Origin", "*")])


def _error(fmt, exc):
    fmt = fmt if fmt in open311.FORMATS else "json"
    return Response(open311.render_error(fmt, exc.status, str(exc)), status=exc.status,
                    headers=[("Content-Type", open311.FORMATS[fmt]),
                             ("Access-Control-Allow-Origin", "*")])


class Open311Controller(http.Controller):

    def _base_url(self):
        return request.httprequest.host_url.rstrip("/") + "/open311/v2"

    def _call(self, fmt, root, method, *args):
        """Run one hid.open311 method and render its result, or its refusal."""
        try:
            if request.httprequest.content_length and \
                    request.httprequest.content_length > MAX_BODY:
                raise Open311Error(413, "The request body is larger than %(max)d bytes.",
                                   max=MAX_BODY)
            return _response(fmt, root, method(*args))
        except Open311Error as exc:
            # Nothing of a refused request is kept, except the use it made of its key.
            return _error(fmt, exc)

    @http.route("/open311/discovery.<string:fmt>", type="http", auth="public",
                methods=["GET"], csrf=False)
    def discovery(self, fmt, **kw):
        """The service discovery document."""
        try:
            fmt = open311.parse_format(fmt)
        except Open311Error as exc:
            return _error("json", exc)
        base = request.httprequest.host_url.rstrip("/")
        doc = open311.discovery(self._base_url(), CHANGESET, base + "/",
                                base + "/web#model=hid.api.key")
        return _response(fmt, "discovery", doc)

    @http.route("/open311/v2/openapi.json", type="http", auth="public", methods=["GET"],
                csrf=False)
    def openapi(self, **kw):
        """The OpenAPI 3.1 description of these endpoints."""
        return Response(
            json.dumps(open311_openapi.document(self._base_url()), ensure_ascii=False),
            headers=[("Content-Type", "application/json; charset=utf-8")])

    @http.route("/open311/v2/<string:name>", type="http", auth="public",
                methods=["GET", "POST"], csrf=False)
    def collection(self, name, **kw):
        """services.{format}, GET and POST requests.{format}."""
        try:
            resource, fmt = _split(name)
        except Open311Error as exc:
            return _error("json", exc)
        if resource not in ROOTS:
            return _error(fmt, Open311Error(404, "No such resource: %(name)s.", name=resource))
        Open311 = request.env["hid.open311"]
        method = request.httprequest.method
        if resource == "requests" and method == "POST":
            return self._call(fmt, "service_requests", Open311.create_request,
                              self._form_params())
        if method != "GET":
            return _error(fmt, Open311Error(405, "Use GET here."))
        if resource == "services":
            return self._call(fmt, "services", Open311.services)
        return self._call(fmt, "service_requests", Open311.requests, self._query_params())

    @http.route("/open311/v2/services/<string:name>", type="http", auth="public",
                methods=["GET"], csrf=False)
    def service_definition(self, name, **kw):
        """services/{service_code}.{format}."""
        try:
            code, fmt = _split(name)
        except Open311Error as exc:
            return _error("json", exc)
        return self._call(fmt, "service_definition",
                          request.env["hid.open311"].service_definition, code)

    @http.route("/open311/v2/requests/<string:name>", type="http", auth="public",
                methods=["GET"], csrf=False)
    def service_request(self, name, **kw):
        """requests/{service_request_id}.{format}."""
        try:
            request_id, fmt = _split(name)
        except Open311Error as exc:
            return _error("json", exc)
        return self._call(fmt, "service_requests", request.env["hid.open311"].request,
                          request_id)

    def _query_params(self):
        """The query string as single values (the first of repeated ones)."""
        return request.httprequest.args.to_dict()

    def _form_params(self):
        """The POSTed form (attribute[...] may repeat: multivaluelist)."""
        form = request.httprequest.form
        params = form.to_dict()
        for name in form:
            if name.startswith("attribute[") and len(form.getlist(name)) > 1:
                params[name] = form.getlist(name)
        return params
