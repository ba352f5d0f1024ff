# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The Open311 GeoReport v2 service: each public call is one method here.

Parameters are validated (lib/open311.py) before anything is read; reads go through sudo()
but return only the whitelisted fields of helpdesk.ticket._open311_values(), never records.
"""
import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import plaintext2html

from ..lib import open311
from ..lib.exceptions import HidLibError
from ..lib.open311 import Open311Error


class HidOpen311(models.AbstractModel):
    """Open311 GeoReport v2 over the applications (the controller's only entry point)."""

    _name = "hid.open311"
    _description = "Open311 GeoReport v2 Service"

    @api.model
    def _public_domain(self):
        """Applications Open311 may show: confidential ones (ihbar) never appear."""
        return [("confidential", "=", False)]

    @api.model
    def services(self):
        """The services: every active category, its müdürlük as the group."""
        categories = self.env["helpdesk.ticket.category"].sudo().search([])
        return [{
            "service_code": str(category.id),
            "service_name": category.name,
            "description": category.description or None,
            "metadata": bool(category.open311_attribute_ids),
            "type": "realtime",
            "keywords": None,
            "group": category.team_id.name or None,
        } for category in categories]

    @api.model
    def service_definition(self, code):
        """The attributes of one service; 404 for a code that is no active category."""
        category = self._category(open311.parse_service_code(code, status=404), status=404)
        return {
            "service_code": str(category.id),
            "attributes": [a._open311_values() for a in category.open311_attribute_ids],
        }

    @api.model
    def requests(self, params):
        """GET requests: the spec's filters, at most 1000, by default the last 90 days."""
        query = open311.parse_query(params, datetime.datetime.utcnow())
        domain = self._public_domain()
        if query["ids"]:
            domain.append(("number", "in", query["ids"]))
        else:
            domain += [("received_date", ">=", fields.Datetime.to_string(query["start"])),
                       ("received_date", "<=", fields.Datetime.to_string(query["end"]))]
        if query["service_codes"]:
            domain.append(("category_id", "in", query["service_codes"]))
        if query["statuses"] == ["open"]:
            domain.append(("stage_id.closed", "=", False))
        elif query["statuses"] == ["closed"]:
            domain.append(("stage_id.closed", "=", True))
        tickets = self.env["helpdesk.ticket"].sudo().search(domain, limit=query["limit"])
        return [ticket._open311_values() for ticket in tickets]

    @api.model
    def request(self, request_id):
        """GET one request by its tracking number; 404 when there is none to show."""
        number = open311.parse_request_id(request_id)
        ticket = self.env["helpdesk.ticket"].sudo().search(
            self._public_domain() + [("number", "=", number)], limit=1)
        if not ticket:
            raise Open311Error(404, "No service request %(id)s.", id=number)
        return [ticket._open311_values()]

    @api.model
    def create_request(self, params):
        """POST requests: an application on the API channel, all or nothing."""
        key = self.env["hid.api.key"]._authenticate(params.get("api_key"))
        if not key:
            raise Open311Error(403, "A valid api_key is required to file a service request.")
        key._count_use()
        post = open311.parse_post(params)
        category = self._category(post["service_code"], status=400)
        attributes = open311.parse_attributes(
            params, [a._open311_values() for a in category.open311_attribute_ids])
        try:
            with self.env.cr.savepoint():
                ticket = self.env["helpdesk.ticket"].sudo().create(
                    self._prepare_ticket_vals(post, category, attributes))
        except (ValidationError, UserError, AccessError, HidLibError) as exc:
            raise Open311Error(400, "%(error)s", error=getattr(exc, "name", None) or str(exc))
        return [{
            "service_request_id": ticket.number,
            "service_notice": ticket._open311_notice(),
            "account_id": post["account_id"] or None,
        }]

    @api.model
    def _category(self, category_id, status):
        """The active category `category_id`, else an error with `status`."""
        category = self.env["helpdesk.ticket.category"].sudo().search(
            [("id", "=", category_id)], limit=1)
        if not category:
            raise Open311Error(status, "Unknown service_code %(code)s.", code=category_id)
        return category

    @api.model
    def _prepare_ticket_vals(self, post, category, attributes):
        """Values of the application filed over Open311 (description kept inert as text)."""
        partner, known = self._find_or_create_citizen(post)
        description = post["description"]
        for attribute in category.open311_attribute_ids:
            if attribute.code in attributes:
                description += "\n%s: %s" % (attribute.description,
                                             ", ".join(attributes[attribute.code]))
        return {
            "name": ("%s (Open311)" % category.name)[:200],
            "description": plaintext2html(description.strip()) if description.strip()
            else False,
            "category_id": category.id,
            "channel_id": self.env.ref("hid_basvuru.channel_api").id,
            "address": post["address_string"] or False,
            "open311_address_id": post["address_id"] or False,
            "latitude": post["lat"] or 0.0,
            "longitude": post["long"] or 0.0,
            "open311_media_url": post["media_url"] or False,
            "partner_id": partner.id,
            "partner_name": partner.name or False,
            "partner_email": post["email"] or False,
            "public_phone": partner.phone or False,
            "hid_possible_partner_id": known.id,
            "anonymous": not partner,
            # The client application shows the KVKK notice before it sends personal data.
            "kvkk_notice_given": bool(partner),
        }

    @api.model
    def _find_or_create_citizen(self, post):
        """(citizen, known): the citizen registered with the name/phone/e-mail as given (else
        nobody), and the known citizen with that phone, only to be confirmed by an agent: any
        client can send anyone's number, so an application is never filed under them."""
        Partner = self.env["res.partner"].sudo().with_context(hid_citizen=True)
        name = " ".join(filter(None, (post["first_name"], post["last_name"])))
        if not (name or post["phone"] or post["email"]):
            return Partner.browse(), Partner.browse()
        vals = Partner._hid_prepare_citizen_vals({"phone": post["phone"] or False})
        known = Partner._hid_find_citizen(vals["phone"], False) if vals["phone"] \
            else Partner.browse()
        partner = Partner.create({
            "name": name or post["email"] or vals["phone"],
            "phone": vals["phone"],
            "email": post["email"] or False,
            "hid_citizen": True,
            "kvkk_notice_given": True,
        })
        return partner, known
