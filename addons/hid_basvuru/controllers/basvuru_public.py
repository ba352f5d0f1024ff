# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Public pages for citizens, no login: the application form and the status page.

Thin on purpose (STYLE.md rule 14): parse the request, call one model method, render.  The
rules, the abuse limits and the only sudo() live in helpdesk.ticket (helpdesk_ticket_public.py).
"""
from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..lib.upload import MAX_FILE_SIZE, MAX_REQUEST_SIZE
from ..models.helpdesk_ticket_public import HidPublicFormError, HidRateLimited

FORM_FIELDS = ("basvuru_type_id", "category_id", "description", "mahalle_id", "address",
               "latitude", "longitude", "name", "phone", "email", "tckn", "kvkk", "hp_fax")
STATUS_REQUEST_SIZE = 16 * 1024


class BasvuruPublic(http.Controller):

    @http.route("/basvuru", type="http", auth="public", website=True, methods=["GET", "POST"],
                csrf=True)
    def basvuru(self, **kw):
        """The application form; a POST registers it (CSRF-checked by Odoo before we run)."""
        if request.httprequest.method != "POST":
            return self._render_form({}, {})
        if (request.httprequest.content_length or 0) > MAX_REQUEST_SIZE:
            return self._message(_("The request is too large: send at most %d MB of files.")
                                 % (MAX_REQUEST_SIZE // (1024 * 1024)), 413)
        values = {key: kw.get(key) for key in FORM_FIELDS if isinstance(kw.get(key), str)}
        files = [(upload.filename, upload.read(MAX_FILE_SIZE + 1))
                 for upload in request.httprequest.files.getlist("files")]
        try:
            receipt = request.env["helpdesk.ticket"]._hid_public_intake(
                values, files, request.httprequest.remote_addr)
        except HidRateLimited as exc:
            return self._message(exc.name, 429)
        except HidPublicFormError as exc:
            return self._render_form(values, exc.errors, status=400)
        except (UserError, ValidationError) as exc:
            return self._render_form(values, {"form": exc.name}, status=400)
        return request.render("hid_basvuru.basvuru_public_done", receipt)

    @http.route("/basvuru/sorgula", type="http", auth="public", website=True,
                methods=["GET", "POST"], csrf=True)
    def basvuru_status(self, **kw):
        """Tracking number + phone -> status; ?no= fills the number in (the SMS link)."""
        if request.httprequest.method != "POST":
            number = kw.get("no") if isinstance(kw.get("no"), str) else ""
            return request.render("hid_basvuru.basvuru_public_status",
                                  {"no": number[:32], "status": None, "not_found": False})
        if (request.httprequest.content_length or 0) > STATUS_REQUEST_SIZE:
            return self._message(_("The request is too large."), 413)
        number, phone = (kw.get(key) if isinstance(kw.get(key), str) else ""
                         for key in ("no", "phone"))
        try:
            status = request.env["helpdesk.ticket"]._hid_public_status(
                number, phone, request.httprequest.remote_addr)
        except HidRateLimited as exc:
            return self._message(exc.name, 429)
        # A miss shows no input back: the same page whatever was wrong.
        return request.render("hid_basvuru.basvuru_public_status",
                              {"no": status["number"] if status else "", "status": status,
                               "not_found": not status},
                              status=200 if status else 404)

    def _render_form(self, values, errors, status=200):
        options = request.env["helpdesk.ticket"]._hid_public_form_options()
        return request.render("hid_basvuru.basvuru_public_form",
                              dict(options, form=values, errors=errors), status=status)

    def _message(self, message, status):
        return request.render("hid_basvuru.basvuru_public_message",
                              {"message": message}, status=status)
