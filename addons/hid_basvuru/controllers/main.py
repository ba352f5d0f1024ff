# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's ticket routes, made to act as the logged-in user (STYLE.md rule 14).

The OCA routes read and write with sudo() on ids and partners taken from the request, so any
logged-in user could move any application to any stage, or create applications (for any
citizen) without the right to create them.  Here every read and write is the user's own, so
ACLs, record rules and the model's own checks apply as they do over RPC.
"""
import base64

import werkzeug
from werkzeug import exceptions

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

from ..lib import lifecycle


class _Utf8Error(object):
    """werkzeug's error pages declare no charset: browsers then garble the Turkish text."""

    def get_headers(self, environ=None):
        return [("Content-Type", "text/html; charset=utf-8")]


class BadRequest(_Utf8Error, exceptions.BadRequest):
    pass


class Forbidden(_Utf8Error, exceptions.Forbidden):
    pass


MAX_ID = 2 ** 31 - 1  # PostgreSQL "integer": a larger id would fail in SQL, with a 500


def _int_param(kw, name):
    """The request parameter `name` as a record id; a 400 (never a 500) when it is not one."""
    try:
        value = int(kw.get(name))
    except (TypeError, ValueError):
        value = 0
    if not 0 < value <= MAX_ID:
        raise BadRequest(_("Missing or invalid parameter %s: a record number is expected.")
                         % name)
    return value


def _orm_refusal(exc):
    """The HTTP error for a refusal of the ORM, so that it is a 4xx with its message, not a 500;
    to be raised, not returned, so that the request's transaction is rolled back.

    A missing record is a 403 too: website's 404 handling fails (500) on routes that are not
    website routes, and a 404 would only tell which ids exist.
    """
    if isinstance(exc, (AccessError, MissingError)):
        return Forbidden(exc.name)
    return BadRequest(exc.name)


ORM_REFUSALS = (AccessError, MissingError, UserError, ValidationError)


class HidHelpdeskTicketController(HelpdeskTicketController):

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"], csrf=True)
    def support_ticket_close(self, **kw):
        """Move an application to a stage as the user, through its lifecycle (helpdesk_mgmt:
        as superuser, for anyone, on a GET without a CSRF token).  Only a move the lifecycle
        makes without further input (İşe Başla) is possible here; the others need their
        form (a reason, an answer, a closure state)."""
        ticket = request.env["helpdesk.ticket"].browse(_int_param(kw, "ticket_id"))
        stage = request.env["helpdesk.ticket.stage"].browse(_int_param(kw, "stage_id"))
        try:
            ticket.check_access_rights("write")
            ticket.check_access_rule("write")
            if not stage.exists():
                raise BadRequest(_("This stage does not exist."))
            action = lifecycle.action_to(ticket.stage_code, stage.code)
            if not action:
                raise BadRequest(_("An application reaches this stage through its own "
                                   "buttons (route, answer, close), not here."))
            getattr(ticket, "action_%s" % action)()
        except ORM_REFUSALS as exc:
            raise _orm_refusal(exc)
        return werkzeug.utils.redirect("/my/ticket/%d" % ticket.id, code=303)

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """Create the user's own application as the user (helpdesk_mgmt: as superuser, for the
        partner matching a posted name and e-mail)."""
        vals = self._prepare_submitted_ticket_vals(kw)
        try:
            ticket = request.env["helpdesk.ticket"].create(vals)
            for upload in request.httprequest.files.getlist("attachment"):
                if upload.filename:
                    request.env["ir.attachment"].create(
                        self._prepare_submitted_attachment_vals(ticket, upload))
        except ORM_REFUSALS as exc:
            raise _orm_refusal(exc)
        return werkzeug.utils.redirect("/my/tickets")

    def _prepare_submitted_ticket_vals(self, kw):
        """Values of a ticket submitted on the portal form: the applicant is the user."""
        if not (kw.get("subject") or "").strip():
            raise BadRequest(_("The subject of the application is required."))
        partner = request.env.user.partner_id
        channel = request.env["helpdesk.ticket.channel"].search([("code", "=", "web")], limit=1)
        return {
            "name": kw["subject"],
            "description": kw.get("description"),
            "category_id": _int_param(kw, "category") if kw.get("category") else False,
            "company_id": request.env.user.company_id.id,
            "channel_id": channel.id,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
        }

    def _prepare_submitted_attachment_vals(self, ticket, upload):
        """Values of one file uploaded with the portal form, attached to its ticket."""
        return {
            "name": upload.filename,
            "datas": base64.b64encode(upload.read()),
            "datas_fname": upload.filename,
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
        }
