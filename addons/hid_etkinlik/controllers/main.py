# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Public event pages, no login: /etkinlikler, one page per event, the iCalendar feed.

Thin on purpose (STYLE.md rule 14): parse, call one model method, render. The only sudo()
reads lie in calendar.event._hid_public_* and return plain dicts of an allow-list of public
facts (never attendees, partners, visitors, invitations, minutes or applications); published,
non-cancelled events only."""
from odoo import _, http
from odoo.http import request


class EtkinlikPublic(http.Controller):

    @http.route("/etkinlikler", type="http", auth="public", website=True, methods=["GET"])
    def etkinlikler(self, tur=None, mahalle=None, **kw):
        try:
            kind_id, mahalle_id = self._id(tur), self._id(mahalle)
        except ValueError:
            return self._message(_("The filter is not valid: choose a kind and a mahalle from "
                                   "the lists."), 400)
        Event = request.env["calendar.event"]
        upcoming, past = Event._hid_public_events(kind_id, mahalle_id)
        return request.render("hid_etkinlik.etkinlik_public_list", {
            "upcoming": upcoming,
            "past": past,
            "kinds": Event._hid_public_kinds(),
            "mahalleler": Event._hid_public_mahalleler(),
            "kind_id": kind_id,
            "mahalle_id": mahalle_id,
        })

    @http.route("/etkinlikler/<int:event_id>", type="http", auth="public", website=True,
                methods=["GET"])
    def etkinlik(self, event_id, **kw):
        event = request.env["calendar.event"]._hid_public_event(event_id)
        if not event:
            return self._message(_("This event is not on our website."), 404)
        return request.render("hid_etkinlik.etkinlik_public_page", {"event": event})

    @http.route("/etkinlikler.ics", type="http", auth="public", methods=["GET"])
    def etkinlikler_ics(self, **kw):
        base_url = request.httprequest.host_url.rstrip("/")
        body = request.env["calendar.event"]._hid_public_ical(base_url)
        return request.make_response(body.encode("utf-8"), headers=[
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("Content-Disposition", 'inline; filename="etkinlikler.ics"'),
            ("Cache-Control", "public, max-age=300"),
        ])

    @staticmethod
    def _id(value):
        """An optional positive id from the query string; ValueError for anything else."""
        if value in (None, ""):
            return None
        if not str(value).isdigit() or int(value) <= 0 or int(value) > 2 ** 31 - 1:
            raise ValueError(value)
        return int(value)

    def _message(self, message, status):
        return request.render("hid_basvuru.basvuru_public_message",
                              {"message": message}, status=status)
