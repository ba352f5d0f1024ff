# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import contextvars

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OUTCOMES = [
    ("solved", "Solved on the Spot"),
    ("ticket", "Application Opened"),
    ("referred", "Referred"),
    ("informed", "Informed"),
]
STATES = [
    ("waiting", "Waiting"),
    ("called", "At the Desk"),
    ("done", "Done"),
]
# Set only by the actions (call, finish, application): the queue's record stays honest.
ACTION_FIELDS = frozenset({"state", "outcome", "ticket_id", "call_time", "end_time"})
_ACTION_WRITE = contextvars.ContextVar("hid_etkinlik_visit_write", default=())
DESK_GROUPS = ("hid_etkinlik.group_hid_etkinlik_organizer", "hid_basvuru.group_hid_agent")


class HidEtkinlikVisit(models.Model):
    """A visitor in the Halk Günü queue: sıra no, desk, times and outcome."""

    _name = "hid.etkinlik.visit"
    _description = "Halk Günü Visit"
    _order = "event_id desc, queue_no"
    _rec_name = "queue_no"

    event_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Event",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("hid_kind_id.has_queue", "=", True),
                ("hid_state", "in", ("planned", "announced"))],
    )
    queue_no = fields.Integer(
        readonly=True,
        copy=False,
    )
    visitor_name = fields.Char(
        help="Optional: a visitor need not give a name.",
    )
    phone = fields.Char(
        help="A known citizen is found by the phone number, as at intake.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        domain=[("hid_citizen", "=", True)],
        index=True,
        ondelete="set null",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Desk (Müdürlük)",
        index=True,
        ondelete="restrict",
    )
    topic = fields.Char()
    arrival_time = fields.Datetime(
        default=fields.Datetime.now,
        required=True,
    )
    call_time = fields.Datetime(
        readonly=True,
        copy=False,
    )
    end_time = fields.Datetime(
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        selection=STATES,
        default="waiting",
        required=True,
        readonly=True,
        index=True,
        copy=False,
    )
    outcome = fields.Selection(
        selection=OUTCOMES,
        readonly=True,
        index=True,
        copy=False,
    )
    note = fields.Text()
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        readonly=True,
        index=True,
        ondelete="set null",
        copy=False,
    )
    wait_minutes = fields.Float(
        string="Wait (min)",
        compute="_compute_wait_minutes",
    )

    _sql_constraints = [
        ("queue_no_uniq", "unique(event_id, queue_no)",
         "This queue number is already taken at this event."),
    ]

    @api.depends("arrival_time", "call_time")
    def _compute_wait_minutes(self):
        for visit in self:
            if visit.call_time and visit.arrival_time:
                delta = fields.Datetime.from_string(visit.call_time) - \
                    fields.Datetime.from_string(visit.arrival_time)
                visit.wait_minutes = round(delta.total_seconds() / 60.0, 1)
            else:
                visit.wait_minutes = 0.0

    @api.onchange("phone")
    def _onchange_phone(self):
        """A known phone number brings up the citizen (as the intake screen does)."""
        partner = self.env["res.partner"]._hid_find_citizen(self.phone, None)
        if partner:
            self.partner_id = partner
            if not self.visitor_name:
                self.visitor_name = partner.name

    @api.constrains("event_id", "team_id")
    def _check_event(self):
        for visit in self:
            event = visit.event_id
            if not event.hid_kind_id.has_queue:
                raise ValidationError(_("Event \"%s\" takes no visitors in a queue.")
                                      % event.name)
            if visit.team_id and visit.team_id not in event.hid_desk_team_ids:
                raise ValidationError(_("%(team)s has no desk at \"%(event)s\".") % {
                    "team": visit.team_id.name, "event": event.name})

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        """The next sıra no of the event, taken under a lock on the event: two desks
        registering at once never get the same number."""
        event = self.env["calendar.event"].browse(vals.get("event_id"))
        if not event.exists():
            raise ValidationError(_("Choose the event the visitor came to."))
        if event.hid_state not in ("planned", "announced"):
            raise UserError(_("Event \"%s\" is not open for visitors.") % event.name)
        if vals.get("phone") and not vals.get("partner_id"):
            partner = self.env["res.partner"]._hid_find_citizen(vals["phone"], None)
            if partner:
                vals = dict(vals, partner_id=partner.id)
        self.env.cr.execute("SELECT id FROM calendar_event WHERE id = %s FOR UPDATE",
                            (event.id,))
        self.env.cr.execute("SELECT coalesce(max(queue_no), 0) + 1 FROM hid_etkinlik_visit "
                            "WHERE event_id = %s", (event.id,))
        vals = dict(vals, queue_no=self.env.cr.fetchone()[0])
        for name in ("state", "outcome", "ticket_id", "call_time", "end_time"):
            vals.pop(name, None)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "queue_no" in vals or "event_id" in vals:
            raise UserError(_("The queue number and the event of a visit never change."))
        if set(vals) & ACTION_FIELDS and not set(self.ids) <= set(_ACTION_WRITE.get()):
            raise UserError(_("The state, times and outcome of a visit change only with its "
                              "buttons."))
        return super().write(vals)

    def _action_write(self, vals):
        """Write what an action decided, for these visits, for the duration of this call."""
        token = _ACTION_WRITE.set(tuple(_ACTION_WRITE.get()) + tuple(self.ids))
        try:
            return self.write(vals)
        finally:
            _ACTION_WRITE.reset(token)

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def _check_desk_user(self):
        user = self.env.user
        if not any(user.has_group(group) for group in DESK_GROUPS):
            raise AccessError(_("Only event organisers and desk agents run the visit queue."))

    @api.multi
    def action_call(self):
        """The desk calls the visitor: the wait ends now."""
        self._check_desk_user()
        for visit in self:
            if visit.state != "waiting":
                raise UserError(_("Visitor %s has already been called.") % visit.queue_no)
        self._action_write({"state": "called", "call_time": fields.Datetime.now()})
        return True

    def _finish(self, outcome, ticket=None):
        self._check_desk_user()
        now = fields.Datetime.now()
        for visit in self:
            if visit.state == "done":
                raise UserError(_("Visit %s is already done.") % visit.queue_no)
            visit._action_write({
                "state": "done",
                "outcome": outcome,
                "call_time": visit.call_time or now,
                "end_time": now,
                "ticket_id": ticket.id if ticket else False,
            })
        return True

    @api.multi
    def action_solved(self):
        return self._finish("solved")

    @api.multi
    def action_referred(self):
        return self._finish("referred")

    @api.multi
    def action_informed(self):
        return self._finish("informed")

    @api.multi
    def action_open_basvuru(self):
        """The quick screen that turns this visit into an application."""
        self.ensure_one()
        self._check_desk_user()
        if self.state == "done":
            raise UserError(_("Visit %s is already done.") % self.queue_no)
        return {
            "type": "ir.actions.act_window",
            "name": _("Open an Application"),
            "res_model": "hid.etkinlik.visit.basvuru",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }
