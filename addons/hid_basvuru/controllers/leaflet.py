# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Leaflet for every HİD page that shows a map (the back office's map picker and map view,
the public form, hid_saha's field page): /hid/lib/leaflet/leaflet.js, leaflet.css and
images/*.png, and /hid/lib/leaflet.markercluster/ (its js and two css files), served from
the npm packages that scripts/setup.sh installs into var/node (the same way as lessc).

The directories are `hid_leaflet_dir` / `hid_markercluster_dir` in the Odoo configuration
file when set, else <repository>/var/node/node_modules/<package>/dist."""
import mimetypes
import os
import re

from werkzeug.wrappers import Response

from odoo import http
from odoo.tools import config

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
NODE_MODULES = os.path.join(ROOT, "var", "node", "node_modules")
DEFAULT_DIR = os.path.join(NODE_MODULES, "leaflet", "dist")
DEFAULT_CLUSTER_DIR = os.path.join(NODE_MODULES, "leaflet.markercluster", "dist")
# Allow-lists: the built files only (no source maps, no package metadata).
FILE_RE = re.compile(r"^(leaflet\.js|leaflet\.css|images/[a-z0-9-]+\.png)$")
CLUSTER_FILE_RE = re.compile(
    r"^(leaflet\.markercluster\.js|MarkerCluster\.css|MarkerCluster\.Default\.css)$")


def leaflet_dir():
    return config.get("hid_leaflet_dir") or DEFAULT_DIR


def markercluster_dir():
    return config.get("hid_markercluster_dir") or DEFAULT_CLUSTER_DIR


def leaflet_file(name):
    """The absolute path of an allowed Leaflet file, or None."""
    if not FILE_RE.match(name or ""):
        return None
    path = os.path.join(leaflet_dir(), name)
    return path if os.path.isfile(path) else None


def markercluster_file(name):
    """The absolute path of an allowed Leaflet.markercluster file, or None."""
    if not CLUSTER_FILE_RE.match(name or ""):
        return None
    path = os.path.join(markercluster_dir(), name)
    return path if os.path.isfile(path) else None


def _serve(path):
    if not path:
        # a plain 404: raising NotFound in an auth="none" route sends website's 404
        # handler looking for a website the request does not have
        return Response("Not Found", status=404, content_type="text/plain")
    with open(path, "rb") as f:
        data = f.read()
    mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if mimetype in ("application/javascript", "text/css"):
        mimetype += "; charset=utf-8"
    return Response(data, headers=[("Content-Type", mimetype),
                                   ("Cache-Control", "public, max-age=86400"),
                                   ("X-Content-Type-Options", "nosniff")])


class HidLeaflet(http.Controller):

    @http.route("/hid/lib/leaflet/<path:name>", type="http", auth="none", methods=["GET"])
    def leaflet(self, name, **kw):
        return _serve(leaflet_file(name))

    @http.route("/hid/lib/leaflet.markercluster/<path:name>", type="http", auth="none",
                methods=["GET"])
    def markercluster(self, name, **kw):
        return _serve(markercluster_file(name))
