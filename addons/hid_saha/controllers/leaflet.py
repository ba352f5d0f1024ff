# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Leaflet for every HİD page that shows a map: /hid/lib/leaflet/leaflet.js, leaflet.css and
images/*.png, served from the npm package that scripts/setup.sh installs into var/node (the
same way as lessc).  Not tied to the field page: any template may include these two URLs.

The directory is `hid_leaflet_dir` in the Odoo configuration file when set, else
<repository>/var/node/node_modules/leaflet/dist."""
import mimetypes
import os
import re

from werkzeug.wrappers import Response

from odoo import http
from odoo.tools import config

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DEFAULT_DIR = os.path.join(ROOT, "var", "node", "node_modules", "leaflet", "dist")
# An allow-list: the built files only (no source maps, no package metadata).
FILE_RE = re.compile(r"^(leaflet\.js|leaflet\.css|images/[a-z0-9-]+\.png)$")


def leaflet_dir():
    return config.get("hid_leaflet_dir") or DEFAULT_DIR


def leaflet_file(name):
    """The absolute path of an allowed Leaflet file, or None."""
    if not FILE_RE.match(name or ""):
        return None
    path = os.path.join(leaflet_dir(), name)
    return path if os.path.isfile(path) else None


class HidLeaflet(http.Controller):

    @http.route("/hid/lib/leaflet/<path:name>", type="http", auth="none", methods=["GET"])
    def leaflet(self, name, **kw):
        path = leaflet_file(name)
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
