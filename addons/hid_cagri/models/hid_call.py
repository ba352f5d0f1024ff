# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import logging

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.hid_basvuru.lib.exceptions import InvalidPhone
from odoo.addons.hid_basvuru.lib.phone import format_national, normalize_phone

from ..lib import events as call_events

_logger = logging.getLogger(__name__)

G_AGENT = "hid_basvuru.group_hid_agent"
G_SUPERVISOR = "hid_cagri.group_hid_cagri_supervisor"
PARAM_SHORT_ABANDON = "hid_cagri.short_abandon_seconds"
DEFAULT_SHORT_ABANDON = 5
CALLBACK_DAYS = 7
PROVIDERS = [("verimor", "Verimor Bulutsantralim"), ("netgsm", "Netgsm Netsantral")]
# What a user may change on a call; everything else comes from the PBX.
USER_WRITABLE = frozenset({"outcome", "notes", "partner_id", "ticket_ids", "callback_of_id"})
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
    however many events arrived), with what the agent made of it."""

    _name = "hid.call"
    _description = "Call"
    _order = "start_time desc, id desc"
    _rec_name = "caller_number"

    provider = fields.Selection(
        selection=PROVIDERS,
        required=True,
        readonly=True,
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
        required=True,
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
                number = format_national(call.caller_number) if call.caller_number else ""
            except InvalidPhone:
                number = call.caller_number
            when = fields.Datetime.context_timestamp(
                call, fields.Datetime.from_string(call.start_time)).strftime(
                "%d.%m.%Y %H:%M") if call.start_time else ""
            result.append((call.id, " ".join(p for p in (number or _("Unknown"), when) if p)))
        return result

    # ---------------------------------------------------
    # CRUD: the PBX writes through _hid_apply_event; users only USER_WRITABLE
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(_("Calls are recorded by the telephone exchange, not by hand."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID and set(vals) - USER_WRITABLE:
            raise AccessError(_("Only the outcome, the notes, the citizen, the applications "
                                "and the callback link of a call can be changed."))
        if vals.get("callback_of_id") and self.env.uid != SUPERUSER_ID:
            # As the user: one links only a call one may read.
            self.browse(vals["callback_of_id"]).check_access_rule("read")
        return super().write(vals)

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
        if self.caller_number and self.caller_number.startswith("+"):
            ctx["default_phone"] = self.caller_number
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
