# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import logging

import pytz

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hid_basvuru.lib.exceptions import InvalidPhone
from odoo.addons.hid_basvuru.lib.phone import format_national, normalize_phone
from odoo.addons.hid_basvuru.lib.search import local_day

from ..lib import events as call_events
from ..lib import manual as manual_lib

_logger = logging.getLogger(__name__)

G_AGENT = "hid_basvuru.group_hid_agent"
G_SUPERVISOR = "hid_cagri.group_hid_cagri_supervisor"
PARAM_SHORT_ABANDON = "hid_cagri.short_abandon_seconds"
DEFAULT_SHORT_ABANDON = 5
CALLBACK_DAYS = 7
PROVIDERS = [("verimor", "Verimor Bulutsantralim"), ("netgsm", "Netgsm Netsantral")]
MANUAL = "manual"
# Where a call comes from: a PBX, or an agent who logged it by hand (lib/manual.py).
CALL_SOURCES = PROVIDERS + [(MANUAL, "Logged by Hand")]
TZ = pytz.timezone("Europe/Istanbul")
# What a user may change on a call; everything else comes from the PBX.
USER_WRITABLE = frozenset({"outcome", "notes", "partner_id", "ticket_ids", "callback_of_id"})
# What an agent gives when logging a call by hand; the rest follows (lib/manual.py).
MANUAL_CREATABLE = USER_WRITABLE | {"provider", "direction", "caller_number", "called_number",
                                    "start_time", "talk_seconds"}
# The merged state of a call, column by column (lib/events.py names on the left).
STATE_COLUMNS = {
    "direction": "direction", "caller_number": "caller_number",
    "called_number": "called_number", "extension": "extension", "queue": "queue",
    "start": "start_time", "answer": "answer_time", "end": "end_time",
    "wait_seconds": "wait_seconds", "talk_seconds": "talk_seconds",
    "hold_seconds": "hold_seconds", "answered": "answered",
    "recording_present": "recording_present", "recording_url": "recording_url",
    "rank": "event_rank", "status": "status",
}


class HidCall(models.Model):
    """A telephone call of the call centre, as the PBX reported it (one row per PBX call id,
    however many events arrived), or as an agent logged it by hand (provider "manual", no PBX
    call id), with what the agent made of it."""

    _name = "hid.call"
    _description = "Call"
    _order = "start_time desc, id desc"
    _rec_name = "caller_number"

    provider = fields.Selection(
        selection=CALL_SOURCES,
        required=True,
        readonly=True,
        index=True,
        default=MANUAL,
        help="The telephone exchange that reported the call, or Logged by Hand.",
    )
    provider_id = fields.Many2one(
        comodel_name="hid.call.provider",
        string="Telephone Exchange",
        readonly=True,
        ondelete="set null",
        groups="hid_cagri.group_hid_cagri_supervisor",
    )
    pbx_call_id = fields.Char(
        string="PBX Call ID",
        readonly=True,
    )
    direction = fields.Selection(
        selection=[("inbound", "Inbound"), ("outbound", "Outbound"), ("internal", "Internal")],
        readonly=True,
        index=True,
    )
    caller_number = fields.Char(
        readonly=True,
        index=True,
        help="E.164 when it is a telephone number; an extension as the PBX gave it.",
    )
    called_number = fields.Char(
        readonly=True,
    )
    extension = fields.Char(
        string="PBX Extension",
        readonly=True,
    )
    agent_id = fields.Many2one(
        comodel_name="res.users",
        string="Agent",
        readonly=True,
        index=True,
        ondelete="set null",
    )
    queue = fields.Char(
        readonly=True,
        index=True,
    )
    start_time = fields.Datetime(
        readonly=True,
        index=True,
        default=fields.Datetime.now,
    )
    answer_time = fields.Datetime(
        readonly=True,
    )
    end_time = fields.Datetime(
        readonly=True,
    )
    wait_seconds = fields.Integer(
        readonly=True,
    )
    talk_seconds = fields.Integer(
        readonly=True,
    )
    hold_seconds = fields.Integer(
        readonly=True,
    )
    answered = fields.Boolean(
        readonly=True,
    )
    status = fields.Selection(
        selection=[("ringing", "Ringing"), ("talking", "Talking"), ("answered", "Answered"),
                   ("abandoned", "Abandoned"), ("short_abandon", "Short Abandon")],
        readonly=True,
        index=True,
        default="ringing",
    )
    event_rank = fields.Integer(
        readonly=True,
        groups="base.group_system",
    )
    outcome = fields.Selection(
        selection=[("ticket_opened", "Application opened"),
                   ("ticket_info", "Information on an existing application"),
                   ("info_given", "Information given"),
                   ("wrong_number", "Wrong number"),
                   ("other", "Other")],
        track_visibility="onchange",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        domain=[("hid_citizen", "=", True)],
        index=True,
        ondelete="set null",
    )
    ticket_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        relation="hid_call_helpdesk_ticket_rel",
        column1="call_id",
        column2="ticket_id",
        string="Applications",
        help="The applications this call was about, the ones opened from it included.",
    )
    callback_of_id = fields.Many2one(
        comodel_name="hid.call",
        string="Callback of",
        index=True,
        ondelete="set null",
        help="The missed call this call returns.",
    )
    callback_ids = fields.One2many(
        comodel_name="hid.call",
        inverse_name="callback_of_id",
        string="Callbacks",
    )
    notes = fields.Text()
    recording_present = fields.Boolean(
        readonly=True,
    )
    recording_url = fields.Char(
        readonly=True,
        groups="base.group_system",
    )
    recording_ids = fields.One2many(
        comodel_name="hid.call.recording",
        inverse_name="call_id",
        string="Recordings",
        groups=G_SUPERVISOR,
    )
    recording_state = fields.Selection(
        selection=[("none", "None"), ("pending", "To Fetch"), ("stored", "Stored"),
                   ("failed", "Failed"), ("destroyed", "Destroyed")],
        readonly=True,
        default="none",
        index=True,
    )
    screen_pop_sent = fields.Boolean(
        readonly=True,
        groups="base.group_system",
    )
    recording_attempts = fields.Integer(
        readonly=True,
        groups="base.group_system",
    )

    _sql_constraints = [
        ("pbx_call_unique", "UNIQUE(provider, pbx_call_id)",
         "This PBX call is already recorded."),
        # NULLs are distinct for UNIQUE: calls logged by hand never collide.
        ("pbx_call_id_iff_pbx", "CHECK((provider = 'manual') = (pbx_call_id IS NULL))",
         "A call of the telephone exchange has a PBX call id; a call logged by hand has none."),
    ]

    @api.model_cr
    def init(self):
        """The lookups of the screen-pop, FCR and KPIs: number + time, and time + direction."""
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS hid_call_caller_start_idx
                ON hid_call (caller_number, start_time);
            CREATE INDEX IF NOT EXISTS hid_call_start_direction_idx
                ON hid_call (start_time, direction)
        """)

    # ---------------------------------------------------
    # Display
    # ---------------------------------------------------

    @api.multi
    def name_get(self):
        result = []
        for call in self:
            try:
                # an outbound call logged by hand has only the number called
                number = call.caller_number or call.called_number
                number = format_national(number) if number else ""
            except InvalidPhone:
                number = call.caller_number or call.called_number
            when = fields.Datetime.context_timestamp(
                call, fields.Datetime.from_string(call.start_time)).strftime(
                "%d.%m.%Y %H:%M") if call.start_time else ""
            result.append((call.id, " ".join(p for p in (number or _("Unknown"), when) if p)))
        return result

    @api.multi
    def _hid_citizen_number(self):
        """The citizen's side of the call: who called in, or whom the agent called."""
        self.ensure_one()
        return self.called_number if self.direction == "outbound" else self.caller_number

    @api.onchange("direction", "caller_number", "called_number")
    def _onchange_hid_manual_number(self):
        """Logging a call by hand: the number in E.164 as soon as it is valid, and the
        citizen found by it (as the user: only a citizen the user may see)."""
        if self.provider != MANUAL or getattr(self, "_origin", self).id:
            return
        name = "called_number" if self.direction == "outbound" else "caller_number"
        try:
            number = normalize_phone(self[name]) if self[name] else None
        except InvalidPhone:
            return
        if number and number != self[name]:
            self[name] = number
        if number and not self.partner_id:
            self.partner_id = self.env["res.partner"]._hid_find_citizen(number, False)

    # ---------------------------------------------------
    # CRUD: the PBX writes through _hid_apply_event; users only USER_WRITABLE
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        if self.env.uid != SUPERUSER_ID:
            return self._hid_create_manual(vals)
        return super().create(vals)

    @api.model
    def _hid_create_manual(self, vals):
        """A call logged by hand, as the user: direction, number, time, duration and what
        the agent made of it; the agent is the user, the source "manual", no PBX id, no
        recording. Nothing else the client sends (defaults of the context included) is
        taken: a PBX call is never created by hand."""
        self.check_access_rights("create")
        missing = [name for name in MANUAL_CREATABLE if name not in vals]
        vals = dict(self.default_get(missing), **vals)
        if vals.get("provider") != MANUAL or set(vals) - MANUAL_CREATABLE:
            raise AccessError(_("Calls of the telephone exchange are recorded by the exchange; "
                                "by hand one logs only a call of its own (direction, number, "
                                "time, duration, outcome, notes, citizen, applications)."))
        direction = vals.get("direction")
        raw = vals.get("called_number" if direction == "outbound" else "caller_number")
        try:
            start = fields.Datetime.from_string(vals.get("start_time")) or None
        except (TypeError, ValueError):
            raise ValidationError(_("The time of the call is not a valid date and time."))
        try:
            number = normalize_phone(raw) if raw and direction in manual_lib.DIRECTIONS \
                else None
            state = manual_lib.call_state(direction, number, start,
                                          vals.get("talk_seconds") or 0,
                                          datetime.datetime.utcnow())
        except (InvalidPhone, manual_lib.ManualCallError) as error:
            raise ValidationError(self._hid_lib_text(error))
        if vals.get("callback_of_id"):
            self.browse(vals["callback_of_id"]).check_access_rule("read")
        new = {name: value for name, value in vals.items() if name in USER_WRITABLE}
        new.update(state, provider=MANUAL, pbx_call_id=False, agent_id=self.env.uid,
                   recording_state="none", recording_present=False)
        for name in ("start_time", "answer_time", "end_time"):
            new[name] = fields.Datetime.to_string(new[name])
        if not new.get("partner_id"):
            new["partner_id"] = self.env["res.partner"].sudo()._hid_find_citizen(
                number, False).id or False
        # The context's defaults are the client's: replaced, not merged (kwargs would keep them).
        clean = {key: value for key, value in self.env.context.items()
                 if not key.startswith("default_")}
        env = self.with_context(clean)  # pylint: disable=context-overridden
        call = super(HidCall, env).create(new)
        if direction == "outbound" and not call.callback_of_id:
            missed = call.sudo()._hid_missed_call_returned()
            if missed:
                call.sudo().write({"callback_of_id": missed.id})
        return call

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID and set(vals) - USER_WRITABLE:
            raise AccessError(_("Only the outcome, the notes, the citizen, the applications "
                                "and the callback link of a call can be changed."))
        if vals.get("callback_of_id") and self.env.uid != SUPERUSER_ID:
            # As the user: one links only a call one may read.
            self.browse(vals["callback_of_id"]).check_access_rule("read")
        if self.env.uid != SUPERUSER_ID:
            self._hid_check_may_edit_manual()
        return super().write(vals)

    @api.multi
    def _hid_check_may_edit_manual(self):
        """A call logged by hand: its agent the day it was logged, a supervisor always."""
        supervisor = self.env.user.has_group(G_SUPERVISOR)
        today = local_day(datetime.datetime.utcnow(), TZ)
        for call in self.sudo().filtered(lambda c: c.provider == MANUAL):
            try:
                manual_lib.check_may_edit(call.agent_id.id == self.env.uid,
                                          local_day(call.create_date, TZ), today, supervisor)
            except manual_lib.ManualCallError as error:
                raise AccessError(self._hid_lib_text(error))

    @api.model
    def _hid_lib_text(self, error):
        """A lib error in the user's language (`_()` needs literals: the twins below; the
        phone's are hid_basvuru's)."""
        messages = dict(self.env["res.partner"]._hid_lib_messages())
        messages.update({
            manual_lib.MSG_DIRECTION: _("Choose whether the call was inbound or outbound."),
            manual_lib.MSG_NUMBER: _("Enter the citizen's telephone number."),
            manual_lib.MSG_DURATION: _(
                "The duration of the call must be between 0 and %(max)s minutes."),
            manual_lib.MSG_FUTURE: _("The time of the call is in the future."),
            manual_lib.MSG_OLD: _(
                "A call can be logged by hand at most %(days)s days after it took place."),
            manual_lib.MSG_NOT_OWN: _("Only the agent who logged a call by hand may change it."),
            manual_lib.MSG_NOT_TODAY: _(
                "A call logged by hand can be changed only on the day it was logged."),
        })
        template = messages.get(error.message, error.message)
        return template % error.params if error.params else template

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_open_intake(self):
        """Yeni Başvuru prefilled with the caller's number and this call."""
        self.ensure_one()
        self.check_access_rule("read")
        ctx = {"default_hid_call_id": self.id,
               "default_channel_id": self.env.ref(
                   "helpdesk_mgmt.helpdesk_ticket_channel_phone").id}
        number = self._hid_citizen_number()
        if number and number.startswith("+"):
            ctx["default_phone"] = number
        if self.partner_id:
            ctx["default_partner_id"] = self.partner_id.id
        return {
            "type": "ir.actions.act_window",
            "name": _("New Application"),
            "res_model": "hid.basvuru.intake",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": ctx,
        }

    @api.multi
    def hid_screen_pop_data(self):
        """What the screen-pop shows for this call, read as the current user."""
        self.ensure_one()
        self.check_access_rule("read")
        return self._hid_screen_pop_payload()

    # ---------------------------------------------------
    # PBX events
    # ---------------------------------------------------

    @api.model
    def _hid_short_abandon_seconds(self):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_SHORT_ABANDON)
        try:
            return max(0, int(value)) if value not in (None, False, "") else \
                DEFAULT_SHORT_ABANDON
        except ValueError:
            return DEFAULT_SHORT_ABANDON

    @api.model
    def _hid_lock_call(self, provider, pbx_call_id):
        """The call's row, created if new and locked until the end of the transaction:
        concurrent events of one call are applied one after the other (upsert)."""
        cr = self.env.cr
        cr.execute("""
            INSERT INTO hid_call (provider, pbx_call_id, status, event_rank, recording_state,
                                  create_uid, write_uid, create_date, write_date)
            VALUES (%s, %s, 'ringing', 0, 'none', %s, %s, now() at time zone 'UTC',
                    now() at time zone 'UTC')
            ON CONFLICT (provider, pbx_call_id) DO NOTHING
        """, (provider, pbx_call_id, self.env.uid, self.env.uid),
            log_exceptions=False)  # a serialization conflict is retried by Odoo, not an error
        cr.execute("SELECT id FROM hid_call WHERE provider = %s AND pbx_call_id = %s "
                   "FOR UPDATE", (provider, pbx_call_id), log_exceptions=False)
        return self.browse(cr.fetchone()[0])

    @api.model
    def _hid_apply_event(self, event, provider=None):
        """Fold one CallEvent (lib/events.py) into its call; the call, sudo. `provider`: the
        hid.call.provider it came from (its API fetches the recording)."""
        call = self.sudo()._hid_lock_call(event.provider, event.call_id)
        call.invalidate_cache(ids=call.ids)
        before = call._hid_state()
        after = call_events.merge(before, self._hid_normalise_event(event),
                                  self._hid_short_abandon_seconds())
        vals = {STATE_COLUMNS[key]: value for key, value in after.items()
                if key in STATE_COLUMNS and value != before.get(key)}
        for key in ("start_time", "answer_time", "end_time"):
            if vals.get(key):
                vals[key] = fields.Datetime.to_string(vals[key])
        if provider and not call.provider_id:
            vals["provider_id"] = provider.id
        if "extension" in vals:
            vals["agent_id"] = self._hid_agent_for(vals["extension"]).id
        if "caller_number" in vals and not call.partner_id:
            citizen = self.env["res.partner"].sudo()._hid_find_citizen(
                vals["caller_number"], False) if (vals["caller_number"] or "").startswith(
                "+") else self.env["res.partner"]
            if citizen:
                vals["partner_id"] = citizen.id
        if after.get("recording_present") and after["status"] in ("answered",) and \
                call.recording_state == "none":
            vals["recording_state"] = "pending"
        if vals:
            call.write(vals)
        if call.direction == "outbound" and not call.callback_of_id and call.called_number:
            missed = call._hid_missed_call_returned()
            if missed:
                call.write({"callback_of_id": missed.id})
        if event.kind in ("ringing", "queue", "answer") and call.agent_id and \
                call.direction != "outbound" and not call.screen_pop_sent:
            # Verimor names the extension while it rings; Netgsm only at the answer.
            call.write({"screen_pop_sent": True})
            call._hid_notify_screen_pop()
        return call

    @api.multi
    def _hid_missed_call_returned(self):
        """The latest missed call of the number this outbound call dials, not yet called
        back, of the last CALLBACK_DAYS days: the callback link is made without the agent."""
        self.ensure_one()
        since = fields.Datetime.from_string(self.start_time or fields.Datetime.now()) - \
            datetime.timedelta(days=CALLBACK_DAYS)
        return self.search([("direction", "=", "inbound"), ("status", "=", "abandoned"),
                            ("caller_number", "=", self.called_number),
                            ("start_time", ">=", fields.Datetime.to_string(since)),
                            ("callback_ids", "=", False), ("id", "!=", self.id)], limit=1)

    @api.multi
    def _hid_state(self):
        """The call as lib/events.py knows it, from the row itself (NULL stays unknown,
        where the ORM would read an integer as 0)."""
        self.ensure_one()
        keys = list(STATE_COLUMNS)
        self.env.cr.execute("SELECT %s FROM hid_call WHERE id = %%s" % ", ".join(
            STATE_COLUMNS[key] for key in keys), (self.id,))
        state = dict(zip(keys, self.env.cr.fetchone()))
        for key in ("start", "answer", "end"):
            if isinstance(state[key], str):  # Odoo's cursor gives timestamps as text
                state[key] = fields.Datetime.from_string(state[key])
        if not state["rank"]:
            state.update(answered=None, status=None, rank=0)
        return state

    @api.model
    def _hid_normalise_event(self, event):
        """Numbers in E.164 (hid_basvuru/lib/phone.py); extensions and hidden numbers as
        they came."""
        for name in ("caller_number", "called_number"):
            raw = getattr(event, name)
            if raw:
                try:
                    setattr(event, name, normalize_phone(raw) or raw)
                except InvalidPhone:
                    setattr(event, name, raw)
        return event

    @api.model
    def _hid_agent_for(self, extension):
        """The user whose PBX extension this is (active users only)."""
        if not extension:
            return self.env["res.users"]
        return self.env["res.users"].sudo().search([("hid_pbx_extension", "=", extension)],
                                                   limit=1)

    # ---------------------------------------------------
    # Screen-pop
    # ---------------------------------------------------

    @api.multi
    def _hid_notify_screen_pop(self):
        """Tell the agent's web client at once (bus, the agent's partner channel); the
        content is built as the agent, so it shows only what the agent may see."""
        self.ensure_one()
        agent = self.agent_id
        payload = self.sudo(agent)._hid_screen_pop_payload()
        payload["type"] = "hid_call_ring"
        self.env["bus.bus"].sendone(
            (self.env.cr.dbname, "res.partner", agent.partner_id.id), payload)

    @api.multi
    def _hid_screen_pop_payload(self):
        """Caller, citizen (TC kimlik no masked), mahalle, open applications with their
        deadline lights, last contacts: as the current user."""
        self.ensure_one()
        try:
            number = format_national(self.caller_number) if self.caller_number else ""
        except InvalidPhone:
            number = self.caller_number or ""
        data = {"call_id": self.id, "number": number, "known": False, "name": "",
                "tckn": "", "mahalle": "", "open_tickets": [], "contacts": []}
        partner = self.sudo().partner_id
        Ticket = self.env["helpdesk.ticket"]
        if partner and Ticket._hid_may_see_identity():
            partner = partner.sudo(self.env.user)
            data.update(known=True, name=partner.name, tckn=partner.tckn_masked or "",
                        mahalle=partner.mahalle_id.name or "")
            deadline_labels = dict(Ticket._fields["deadline_state"]._description_selection(
                self.env))
            for ticket in Ticket.search([("partner_id", "=", partner.id),
                                         ("closed", "=", False)], limit=5,
                                        order="create_date desc"):
                data["open_tickets"].append({
                    "id": ticket.id, "number": ticket.number, "name": ticket.name,
                    "deadline": ticket.legal_deadline or "",
                    "light": ticket.deadline_state or "",
                    "light_label": deadline_labels.get(ticket.deadline_state, ""),
                })
            data["contacts"] = self._hid_last_contacts(partner)
        return data

    @api.multi
    def _hid_last_contacts(self, partner, limit=5):
        """The citizen's last calls and applications, newest first."""
        contacts = []
        calls = self.search([("partner_id", "=", partner.id), ("id", "!=", self.id)],
                            limit=limit)
        for call in calls:
            contacts.append({"kind": _("Call"), "date": call.start_time or "",
                             "text": dict(self._fields["status"]._description_selection(
                                 self.env)).get(call.status, "")})
        for ticket in self.env["helpdesk.ticket"].search([("partner_id", "=", partner.id)],
                                                         limit=limit, order="create_date desc"):
            contacts.append({"kind": _("Application"), "date": ticket.create_date or "",
                             "text": "%s %s" % (ticket.number or "", ticket.name or "")})
        contacts.sort(key=lambda c: c["date"], reverse=True)
        return contacts[:limit]

    # ---------------------------------------------------
    # Applications opened from a call
    # ---------------------------------------------------

    @api.multi
    def _hid_link_opened_ticket(self, ticket):
        """The call concerned the application it opened (as superuser, after the intake
        checked the user may read the call)."""
        self.ensure_one()
        self.sudo().write({"ticket_ids": [(4, ticket.id)], "outcome": "ticket_opened",
                           "partner_id": self.sudo().partner_id.id or ticket.sudo()
                           .partner_id.id or False})

    def _check_user_may_link(self):
        if not self.exists():
            raise UserError(_("The call does not exist any more."))
        self.check_access_rights("read")
        self.check_access_rule("read")
