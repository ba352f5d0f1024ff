# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import fields, models
from odoo.tools import html2plaintext

from ..lib import open311

TZ = pytz.timezone("Europe/Istanbul")


class HelpdeskTicket(models.Model):
    """What an application shows over Open311: the public fields only, never the applicant."""

    _inherit = "helpdesk.ticket"

    open311_media_url = fields.Char(
        string="Media URL",
        help="Photo link given by an Open311 client.",
    )
    open311_address_id = fields.Char(
        string="Address ID",
        help="The address identifier given by an Open311 client.",
    )

    def _open311_values(self):
        """The application as a GeoReport v2 service request (the whitelisted fields)."""
        self.ensure_one()
        api_channel = self.env.ref("hid_basvuru.channel_api")
        return {
            "service_request_id": self.number,
            "status": "closed" if self.stage_id.closed else "open",
            "status_notes": self.answer or None,
            "service_name": self.category_id.name or None,
            "service_code": str(self.category_id.id) if self.category_id else None,
            # Only the text an Open311 client filed itself: staff notes of other channels
            # may name people.
            "description": self._open311_description() if self.channel_id == api_channel
            else None,
            "agency_responsible": self.team_id.name or None,
            "service_notice": self._open311_notice(),
            "requested_datetime": open311.format_datetime(
                fields.Datetime.from_string(self.received_date)),
            "updated_datetime": open311.format_datetime(
                fields.Datetime.from_string(self.write_date)),
            "expected_datetime": open311.format_datetime(self._open311_deadline()),
            "address": self.address or None,
            "address_id": self.open311_address_id or None,
            "zipcode": None,
            "lat": self.latitude if self.latitude or self.longitude else None,
            "long": self.longitude if self.latitude or self.longitude else None,
            "media_url": self.open311_media_url or None,
        }

    def _open311_description(self):
        """The description as plain text (it is stored as HTML)."""
        return html2plaintext(self.description or "").strip() or None

    def _open311_deadline(self):
        """The legal deadline (a date) as the end of that day in Istanbul, in UTC."""
        if not self.legal_deadline:
            return None
        day = fields.Date.from_string(self.legal_deadline)
        local = TZ.localize(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _open311_notice(self):
        """What the client may tell the citizen: how to follow it and the legal deadline."""
        notice = "Tracking number %s." % self.number
        if self.legal_deadline:
            notice += " Answer due by %s (legal deadline)." % self.legal_deadline
        return notice
