# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""HİD events on the Odoo calendar: a calendar.event with a kind is a HİD event.

Other calendar users keep their calendar as it was: every field added here is optional, the
internal ones carry `groups=` (so a plain employee reading an event never meets them), and a
HİD event is changed only by an event organiser. Its state moves only through the action
methods (a ContextVar opens that path for the duration of one call; nothing a client sends
can)."""
import contextvars
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import stats as stats_lib

G_ORGANIZER = "hid_etkinlik.group_hid_etkinlik_organizer"
G_AGENT = "hid_basvuru.group_hid_agent"
ORGANIZER_FIELDS = "hid_etkinlik.group_hid_etkinlik_organizer"
DESK_FIELDS = "hid_etkinlik.group_hid_etkinlik_organizer,hid_basvuru.group_hid_agent"
TZ = pytz.timezone("Europe/Istanbul")

STATES = [
    ("planned", "Planned"),
    ("announced", "Announced"),
    ("done", "Held"),
    ("cancelled", "Cancelled"),
]
TRANSITIONS = {
    "planned": {"announced", "done", "cancelled"},
    "announced": {"done", "cancelled", "planned"},
    "cancelled": {"planned"},
    "done": set(),
}
# Set only by the actions (announce, close, cancel, replan).
ACTION_FIELDS = frozenset({"hid_state", "hid_closed_date", "hid_closed_uid"})
PUBLIC_STATES = ("announced", "done")

_STATE_WRITE = contextvars.ContextVar("hid_etkinlik_state_write", default=())


def to_local(value):
    """A UTC datetime string of the ORM as an aware Istanbul datetime."""
    return pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(TZ)


class CalendarEvent(models.Model):

    _inherit = "calendar.event"

    hid_kind_id = fields.Many2one(
        comodel_name="hid.etkinlik.kind",
        string="Event Kind",
        index=True,
        ondelete="restrict",
        help="Set for the events of Public Relations (Halk Günü, buluşmalar, meetings).",
    )
    hid_has_queue = fields.Boolean(
        related="hid_kind_id.has_queue",
        readonly=True,
    )
    hid_state = fields.Selection(
        selection=STATES,
        string="Event State",
        index=True,
        copy=False,
        track_visibility="onchange",
    )
    hid_host_ids = fields.Many2many(
        comodel_name="hid.etkinlik.host",
        relation="calendar_event_hid_host_rel",
        column1="event_id",
        column2="host_id",
        string="Hosts",
    )
    hid_mahalle_ids = fields.Many2many(
        comodel_name="hid.mahalle",
        relation="calendar_event_hid_mahalle_rel",
        column1="event_id",
        column2="mahalle_id",
        string="Mahalleler",
    )
    hid_address = fields.Char(
        string="Venue Address",
    )
    hid_latitude = fields.Float(
        string="Latitude",
        digits=(10, 7),
    )
    hid_longitude = fields.Float(
        string="Longitude",
        digits=(10, 7),
    )
    hid_desk_team_ids = fields.Many2many(
        comodel_name="helpdesk.ticket.team",
        relation="calendar_event_hid_desk_team_rel",
        column1="event_id",
        column2="team_id",
        string="Müdürlük Desks",
        domain=[("code", "!=", False)],
        help="The müdürlükler that send a desk; their members see the event.",
    )
    hid_expected_attendance = fields.Integer(
        string="Expected Attendance",
    )
    hid_actual_attendance = fields.Integer(
        string="Actual Attendance",
    )
    hid_published = fields.Boolean(
        string="Published on the Website",
        copy=False,
        help="Announced or held events that are published appear on /etkinlikler.",
    )
    hid_public_summary = fields.Text(
        string="Published Summary",
        help="What the website shows after the event; the internal minutes stay internal.",
    )
    hid_live_url = fields.Char(
        string="Live Stream Link",
    )
    hid_social_text = fields.Text(
        string="Social Media Text",
        compute="_compute_hid_social_text",
    )
    hid_checklist_ids = fields.One2many(
        comodel_name="hid.etkinlik.checklist.line",
        inverse_name="event_id",
        string="Logistics Checklist",
        groups=ORGANIZER_FIELDS,
        copy=True,
    )
    hid_checklist_progress = fields.Char(
        string="Checklist",
        compute="_compute_hid_checklist_progress",
    )
    hid_minutes = fields.Text(
        string="Minutes (internal)",
        groups=ORGANIZER_FIELDS,
        copy=False,
    )
    hid_minutes_attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="calendar_event_hid_minutes_attachment_rel",
        column1="event_id",
        column2="attachment_id",
        string="Minutes Attachments",
        groups=ORGANIZER_FIELDS,
        copy=False,
    )
    hid_attended_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="calendar_event_hid_attended_partner_rel",
        column1="event_id",
        column2="partner_id",
        string="Organisations That Came",
        groups=ORGANIZER_FIELDS,
        copy=False,
    )
    hid_closed_date = fields.Datetime(
        string="Closed On",
        readonly=True,
        copy=False,
    )
    hid_closed_uid = fields.Many2one(
        comodel_name="res.users",
        string="Closed By",
        readonly=True,
        copy=False,
    )
    hid_invitation_ids = fields.One2many(
        comodel_name="hid.etkinlik.invitation",
        inverse_name="event_id",
        string="Invitations",
        groups=ORGANIZER_FIELDS,
        copy=False,
    )
    hid_visit_ids = fields.One2many(
        comodel_name="hid.etkinlik.visit",
        inverse_name="event_id",
        string="Visits",
        groups=DESK_FIELDS,
        copy=False,
    )
    hid_ticket_ids = fields.One2many(
        comodel_name="helpdesk.ticket",
        inverse_name="hid_etkinlik_id",
        string="Applications",
        groups="hid_basvuru.group_hid_agent",
        readonly=True,
        copy=False,
    )
    hid_visitor_count = fields.Integer(
        string="Visitors",
        compute="_compute_hid_stats",
    )
    hid_wait_avg = fields.Float(
        string="Average Wait (min)",
        compute="_compute_hid_stats",
    )
    hid_ticket_count = fields.Integer(
        string="Applications Opened",
        compute="_compute_hid_stats",
    )
    hid_ticket_share = fields.Float(
        string="Turned into Applications (%)",
        compute="_compute_hid_stats",
    )
    hid_ticket_closed_count = fields.Integer(
        string="Applications Closed",
        compute="_compute_hid_stats",
    )
    hid_ticket_ontime_share = fields.Float(
        string="Closed on Time (%)",
        compute="_compute_hid_stats",
        help="Share of the event's closed applications closed by their legal deadline.",
    )

    # ---------------------------------------------------
    # Computes
    # ---------------------------------------------------

    @api.depends("name", "start", "location", "hid_host_ids", "hid_live_url", "hid_kind_id")
    def _compute_hid_social_text(self):
        """A ready post for the municipality's accounts; only public facts."""
        for event in self:
            if not event.hid_kind_id:
                event.hid_social_text = False
                continue
            parts = [_("%(kind)s: %(name)s") % {
                "kind": event.hid_kind_id.name, "name": event.name}]
            if event.start:
                parts.append(_("When: %s") % event._hid_when())
            if event.location:
                parts.append(_("Where: %s") % event.location)
            if event.hid_host_ids:
                parts.append(_("With: %s") % ", ".join(
                    "%s (%s)" % (host.name, host.title) for host in event.hid_host_ids))
            if event.hid_live_url:
                parts.append(_("Live: %s") % event.hid_live_url)
            parts.append("#Sancaktepe #HalklaİlişkilerMüdürlüğü")
            event.hid_social_text = "\n".join(parts)

    @api.depends("hid_kind_id")
    def _compute_hid_checklist_progress(self):
        Line = self.env["hid.etkinlik.checklist.line"].sudo()
        ids = [i for i in self.filtered("hid_kind_id").ids if isinstance(i, int)]
        counts = {}
        if ids:
            for row in Line.read_group([("event_id", "in", ids)],
                                       ["event_id", "done"], ["event_id", "done"], lazy=False):
                key = (row["event_id"][0], row["done"])
                counts[key] = row["__count"]
        for event in self:
            done = counts.get((event.id, True), 0)
            total = done + counts.get((event.id, False), 0)
            event.hid_checklist_progress = "%d/%d" % (done, total) if total else False

    def _compute_hid_stats(self):
        """Figures per event from two grouped queries (never a query per event); as
        superuser, since they are counts only and every viewer of the event may see them."""
        ids = [i for i in self.ids if isinstance(i, int)]
        visits, tickets = {}, {}
        if ids:
            self.env.cr.execute("""
                SELECT event_id, count(*),
                       count(*) FILTER (WHERE outcome = 'ticket'),
                       count(call_time),
                       coalesce(sum(extract(epoch FROM call_time - arrival_time))
                                FILTER (WHERE call_time IS NOT NULL), 0)
                  FROM hid_etkinlik_visit WHERE event_id = ANY(%s) GROUP BY event_id
            """, (ids,))
            visits = {row[0]: row[1:] for row in self.env.cr.fetchall()}
            # closed on time: closed (in Istanbul) on or before its legal deadline
            self.env.cr.execute("""
                SELECT hid_etkinlik_id, count(*), count(closed_date),
                       count(*) FILTER (WHERE closed_date IS NOT NULL AND (
                           legal_deadline IS NULL OR
                           (closed_date AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Istanbul')::date
                               <= legal_deadline))
                  FROM helpdesk_ticket WHERE hid_etkinlik_id = ANY(%s)
                 GROUP BY hid_etkinlik_id
            """, (ids,))
            tickets = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for event in self:
            count, opened, called, wait = visits.get(event.id, (0, 0, 0, 0))
            total, closed, ontime = tickets.get(event.id, (0, 0, 0))
            event.hid_visitor_count = count
            event.hid_wait_avg = stats_lib.average_wait_minutes(float(wait), called)
            event.hid_ticket_count = total
            event.hid_ticket_share = stats_lib.share(opened, count)
            event.hid_ticket_closed_count = closed
            event.hid_ticket_ontime_share = stats_lib.share(ontime, closed)

    # ---------------------------------------------------
    # Constraints
    # ---------------------------------------------------

    @api.constrains("hid_kind_id", "privacy", "recurrency")
    def _check_hid_event_shape(self):
        """A HİD event is seen by the desks and published: never private, never recurring
        (each Halk Günü has its own queue and minutes)."""
        for event in self.filtered("hid_kind_id"):
            if event.privacy == "private":
                raise ValidationError(_("An event of Public Relations cannot be private."))
            if event.recurrency:
                raise ValidationError(_("An event of Public Relations cannot recur; plan each "
                                        "date as its own event."))

    @api.constrains("hid_latitude", "hid_longitude")
    def _check_hid_coordinates(self):
        for event in self:
            if not -90 <= event.hid_latitude <= 90 or not -180 <= event.hid_longitude <= 180:
                raise ValidationError(_("Coordinates: the latitude must be between -90 and 90, "
                                        "the longitude between -180 and 180."))

    @api.constrains("hid_expected_attendance", "hid_actual_attendance")
    def _check_hid_attendance(self):
        for event in self:
            if event.hid_expected_attendance < 0 or event.hid_actual_attendance < 0:
                raise ValidationError(_("Attendance cannot be negative."))

    @api.constrains("hid_live_url")
    def _check_hid_live_url(self):
        for event in self:
            url = (event.hid_live_url or "").strip().lower()
            if url and not url.startswith(("https://", "http://")):
                raise ValidationError(_("Live stream link: give a web address starting with "
                                        "https://."))

    @api.onchange("hid_kind_id")
    def _onchange_hid_kind_id(self):
        if self.hid_kind_id and not self.hid_checklist_ids:
            self.hid_checklist_ids = [(0, 0, vals) for vals in self._hid_checklist_vals()]

    # ---------------------------------------------------
    # CRUD and the organiser's guard
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        if vals.get("hid_kind_id") or any(k.startswith("hid_") and vals[k] for k in vals):
            self._hid_check_organizer()
            if any(vals.get(k) for k in ACTION_FIELDS - {"hid_state"}) or \
                    vals.get("hid_state") not in (None, False, "planned"):
                raise UserError(_("A new event starts as planned; announce, close or cancel "
                                  "it with its buttons."))
            if vals.get("hid_published"):
                raise UserError(_("Only an announced or held event can be published."))
            if vals.get("hid_kind_id"):
                vals = dict(vals, hid_state="planned")
        event = super().create(vals)
        if event.hid_kind_id and not vals.get("hid_checklist_ids"):
            event.sudo()._hid_fill_checklist()
        return event

    @api.multi
    def write(self, vals):
        names = {k for k in vals if not k.startswith(("message_", "activity_"))}
        if names and (self.filtered("hid_kind_id") or any(k.startswith("hid_") for k in names)):
            self._hid_check_organizer()
            if names & ACTION_FIELDS and not self._hid_state_write_allowed(names):
                raise UserError(_("The state of an event changes only with its buttons "
                                  "(announce, close, cancel)."))
            if vals.get("hid_published") and vals.get("hid_state") not in PUBLIC_STATES:
                self._hid_check_publishable()
        result = super().write(vals)
        if vals.get("hid_kind_id"):
            fresh = self.filtered(lambda e: not e.hid_state)
            if fresh:
                fresh._hid_action_write({"hid_state": "planned"})
        return result

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        """calendar's read() turns "no fields" into every field, ours with groups= included,
        which would refuse the whole read to users outside those groups: ask for the fields
        this user may read instead (as the ORM itself does)."""
        if not fields:
            fields = self.check_field_access_rights("read", None)
        return super().read(fields=fields, load=load)

    @api.multi
    def unlink(self):
        hid_events = self.filtered("hid_kind_id")
        if hid_events:
            self._hid_check_organizer()
            if hid_events.filtered(lambda e: e.hid_state == "done"):
                raise UserError(_("A held event keeps its minutes; it cannot be deleted."))
            if self.env["hid.etkinlik.visit"].sudo().search_count(
                    [("event_id", "in", hid_events.ids)]):
                raise UserError(_("An event with visitors cannot be deleted; cancel it "
                                  "instead."))
        return super().unlink()

    @api.model
    def _hid_is_organizer(self):
        return self.env.user.has_group(G_ORGANIZER)

    @api.model
    def _hid_check_organizer(self):
        """HİD events are planned and changed by the event organisers only."""
        if not self._hid_is_organizer():
            raise AccessError(_("Only event organisers plan and change the events of Public "
                                "Relations."))

    def _hid_state_write_allowed(self, names):
        ids = set(self.ids)
        return any(ids <= allowed_ids for allowed_ids in _STATE_WRITE.get()) and \
            names <= ACTION_FIELDS | {"hid_published", "hid_minutes",
                                      "hid_minutes_attachment_ids", "hid_actual_attendance",
                                      "hid_attended_partner_ids", "hid_public_summary"}

    def _hid_action_write(self, vals):
        """Write what an action decided, after its checks, for these records only."""
        token = _STATE_WRITE.set(_STATE_WRITE.get() + (frozenset(self.ids),))
        try:
            return self.write(vals)
        finally:
            _STATE_WRITE.reset(token)

    def _hid_check_publishable(self):
        for event in self:
            if event.hid_state not in PUBLIC_STATES:
                raise UserError(_("Only an announced or held event can be published: "
                                  "announce \"%s\" first.") % event.name)

    def _hid_checklist_vals(self):
        return [{"name": item.name, "sequence": item.sequence}
                for item in self.hid_kind_id.checklist_template_ids]

    def _hid_fill_checklist(self):
        """Add the kind's template items the event does not have yet."""
        for event in self:
            have = set(event.hid_checklist_ids.mapped("name"))
            event.hid_checklist_ids = [(0, 0, vals) for vals in event._hid_checklist_vals()
                                       if vals["name"] not in have]

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def _hid_move(self, state, vals=None):
        self._hid_check_organizer()
        for event in self:
            if not event.hid_kind_id:
                raise UserError(_("\"%s\" is not an event of Public Relations.") % event.name)
            if state not in TRANSITIONS[event.hid_state or "planned"]:
                raise UserError(_("Event \"%(name)s\" is %(state)s; it cannot become "
                                  "%(new)s.") % {
                    "name": event.name,
                    "state": dict(self._fields["hid_state"]._description_selection(
                        self.env))[event.hid_state],
                    "new": dict(self._fields["hid_state"]._description_selection(
                        self.env))[state]})
        self._hid_action_write(dict(vals or {}, hid_state=state))
        return True

    @api.multi
    def action_hid_announce(self):
        """Duyuruldu: the event is announced, and published unless it is internal."""
        return self._hid_move("announced", {"hid_published": True})

    @api.multi
    def action_hid_cancel(self):
        """İptal: a cancelled event leaves the website at once."""
        return self._hid_move("cancelled", {"hid_published": False})

    @api.multi
    def action_hid_replan(self):
        return self._hid_move("planned", {"hid_published": False})

    @api.multi
    def action_hid_publish(self):
        self._hid_check_organizer()
        self._hid_check_publishable()
        return self._hid_action_write({"hid_published": True})

    @api.multi
    def action_hid_unpublish(self):
        self._hid_check_organizer()
        return self._hid_action_write({"hid_published": False})

    @api.multi
    def action_hid_close_wizard(self):
        """Yapıldı: closing asks for the minutes, the attendance and who came."""
        self.ensure_one()
        self._hid_check_organizer()
        return {
            "type": "ir.actions.act_window",
            "name": _("Close the Event"),
            "res_model": "hid.etkinlik.close",
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.id,
                        "default_actual_attendance": self.hid_actual_attendance,
                        "default_public_summary": self.hid_public_summary},
        }

    def _hid_close(self, minutes, attendance, partners, attachments, summary):
        """Record the minutes and mark the event held (the wizard's rule, also for RPC)."""
        self.ensure_one()
        if not (minutes or "").strip():
            raise ValidationError(_("Minutes: write what was discussed and decided."))
        if attendance is None or attendance < 0:
            raise ValidationError(_("Attendance: give the number of people who came."))
        return self._hid_move("done", {
            "hid_minutes": minutes.strip(),
            "hid_actual_attendance": attendance,
            "hid_attended_partner_ids": [(6, 0, partners.ids)],
            "hid_minutes_attachment_ids": [(6, 0, attachments.ids)],
            "hid_public_summary": summary or False,
            "hid_closed_date": fields.Datetime.now(),
            "hid_closed_uid": self.env.uid,
        })

    @api.multi
    def action_hid_fill_checklist(self):
        self._hid_check_organizer()
        self._hid_fill_checklist()
        return True

    @api.multi
    def action_hid_send_invitations(self):
        """Send the invitations not sent yet: SMS through the queue and/or e-mail."""
        self._hid_check_organizer()
        invitations = self.mapped("hid_invitation_ids").filtered(lambda i: i.state == "draft")
        if not invitations:
            raise UserError(_("There is no invitation waiting to be sent: add the muhtarlar "
                              "or organisations to invite first."))
        invitations.action_send()
        return True

    @api.multi
    def action_hid_view_visits(self):
        self.ensure_one()
        action = self.env.ref("hid_etkinlik.action_hid_etkinlik_visit").read()[0]
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id}
        return action

    @api.multi
    def action_hid_view_tickets(self):
        self.ensure_one()
        action = self.env.ref("hid_basvuru.helpdesk_ticket_action").read()[0]
        action["domain"] = [("hid_etkinlik_id", "=", self.id)]
        action["context"] = {}
        return action

    # ---------------------------------------------------
    # Public website: an allow-list of public facts, nothing else
    # ---------------------------------------------------

    def _hid_when(self):
        if self.allday:
            return fields.Date.from_string(self.start_date).strftime("%d.%m.%Y")
        return to_local(self.start).strftime("%d.%m.%Y %H:%M")

    @api.model
    def _hid_public_domain(self, kind_id=None, mahalle_id=None):
        domain = [("hid_kind_id", "!=", False), ("hid_published", "=", True),
                  ("hid_state", "in", PUBLIC_STATES), ("privacy", "!=", "private")]
        if kind_id:
            domain.append(("hid_kind_id", "=", kind_id))
        if mahalle_id:
            domain.append(("hid_mahalle_ids", "in", [mahalle_id]))
        return domain

    @api.model
    def _hid_public_events(self, kind_id=None, mahalle_id=None, limit=200):
        """(upcoming, past) lists of public dicts; read as superuser from the allow-list."""
        events = self.sudo().search(self._hid_public_domain(kind_id, mahalle_id),
                                    order="start desc", limit=limit)
        now = fields.Datetime.now()
        values = events._hid_public_values()
        upcoming = [v for v in values if v["stop_utc"] >= now and v["state"] != "done"]
        past = [v for v in values if v not in upcoming]
        return list(reversed(upcoming)), past

    @api.model
    def _hid_public_event(self, event_id):
        """One public event as a dict, or None when it is not public."""
        event = self.sudo().search(self._hid_public_domain() + [("id", "=", event_id)])
        return event._hid_public_values()[0] if event else None

    def _hid_public_values(self):
        """The public facts of these events (allow-list): never attendees, partners,
        visitors, invitations, minutes or applications."""
        result = []
        for event in self:
            result.append({
                "id": event.id,
                "name": event.name,
                "kind": event.hid_kind_id.name,
                "kind_id": event.hid_kind_id.id,
                "state": event.hid_state,
                "when": event._hid_when(),
                "allday": event.allday,
                "start_utc": event.start,
                "stop_utc": event.stop or event.start,
                "start_date": event.start_date,
                "stop_date": event.stop_date,
                "location": event.location or "",
                "address": event.hid_address or "",
                "latitude": event.hid_latitude,
                "longitude": event.hid_longitude,
                "mahalleler": event.hid_mahalle_ids.mapped("name"),
                "hosts": ["%s (%s)" % (h.name, h.title) for h in event.hid_host_ids],
                "summary": event.hid_public_summary or "" if event.hid_state == "done" else "",
                "social_text": event.hid_social_text or "",
                "live_url": event.hid_live_url or "",
            })
        return result

    @api.model
    def _hid_public_kinds(self):
        """(id, name) of the active kinds, for the website filter."""
        return [(k.id, k.name) for k in self.env["hid.etkinlik.kind"].sudo().search([])]

    @api.model
    def _hid_public_mahalleler(self):
        return [(m.id, m.name) for m in self.env["hid.mahalle"].sudo().search([])]

    @api.model
    def _hid_public_ical(self, base_url):
        """The iCalendar feed of the public events."""
        from ..lib import ical
        events = self.sudo().search(self._hid_public_domain(), order="start", limit=500)
        host = base_url.split("//")[-1].split("/")[0].split(":")[0] or "localhost"
        items = []
        for value in events._hid_public_values():
            description = "\n".join(filter(None, [value["kind"], ", ".join(value["hosts"]),
                                                  value["summary"], value["live_url"]]))
            items.append({
                "uid": "etkinlik-%d@%s" % (value["id"], host),
                "summary": value["name"],
                "start": fields.Datetime.from_string(value["start_utc"]),
                "stop": fields.Datetime.from_string(value["stop_utc"]),
                "allday": value["allday"],
                "start_date": fields.Date.from_string(value["start_date"])
                if value["start_date"] else None,
                "stop_date": fields.Date.from_string(value["stop_date"])
                if value["stop_date"] else None,
                "location": ", ".join(filter(None, [value["location"], value["address"]])),
                "description": description,
                "url": "%s/etkinlikler/%d" % (base_url.rstrip("/"), value["id"]),
                "latitude": value["latitude"],
                "longitude": value["longitude"],
            })
        return ical.calendar(items, "Sancaktepe Belediyesi Etkinlikleri",
                             datetime.datetime.utcnow().replace(microsecond=0))
