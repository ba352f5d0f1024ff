# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import deadlines, lifecycle
from ..lib.exceptions import DeadlineError
from .helpdesk_ticket import DEADLINE_STATES, LEGAL_BASES, TZ


class HelpdeskTicket(models.Model):
    """Legal deadlines and internal targets on the iş günü calendar."""

    _inherit = "helpdesk.ticket"

    legal_basis = fields.Selection(
        selection=LEGAL_BASES,
        compute="_compute_legal_basis",
        store=True,
        index=True,
    )
    legal_deadline = fields.Date(
        compute="_compute_legal_deadline",
        store=True,
        index=True,
    )
    internal_deadline = fields.Datetime(
        string="Internal Target",
        compute="_compute_internal_deadline",
        store=True,
        index=True,
    )
    deadline_state = fields.Selection(
        selection=DEADLINE_STATES,
        string="Legal Deadline State",
        compute="_compute_deadline_state",
        store=True,
        index=True,
    )
    target_state = fields.Selection(
        selection=DEADLINE_STATES,
        string="Internal Target State",
        compute="_compute_deadline_state",
        store=True,
    )
    overdue_escalated = fields.Boolean(
        readonly=True,
        copy=False,
        help="The manager was told that the legal deadline passed (reset when it no longer is).",
    )
    extended = fields.Boolean(
        string="Deadline Extended (4982)",
        readonly=True,
        copy=False,
    )
    extension_reason = fields.Text(
        readonly=True,
        copy=False,
    )
    extension_date = fields.Date(
        readonly=True,
        copy=False,
    )
    fee_pause_ids = fields.One2many(
        comodel_name="hid.fee.pause",
        inverse_name="ticket_id",
        string="Fee Pauses",
    )

    @api.depends("channel_id.code", "basvuru_type_id.code")
    def _compute_legal_basis(self):
        for ticket in self:
            ticket.legal_basis = deadlines.legal_basis_for(
                ticket.channel_id.code, ticket.basvuru_type_id.code)

    @api.depends("received_date", "legal_basis", "extended",
                 "fee_pause_ids.date_start", "fee_pause_ids.date_end")
    def _compute_legal_deadline(self):
        calendar = self.env["hid.holiday"]._work_calendar()
        for ticket in self:
            if not ticket.received_date or not ticket.legal_basis:
                ticket.legal_deadline = False
                continue
            is_4982 = ticket.legal_basis == deadlines.LAW_4982
            pauses = [(fields.Date.from_string(p.date_start), fields.Date.from_string(p.date_end))
                      for p in ticket.fee_pause_ids] if is_4982 else ()
            ticket.legal_deadline = deadlines.legal_deadline(
                ticket.legal_basis, ticket._received_local_date(), calendar,
                extended=ticket.extended and is_4982, pauses=pauses) or False

    @api.depends("received_date", "category_id.target_hours")
    def _compute_internal_deadline(self):
        for ticket in self:
            target = deadlines.internal_target(
                fields.Datetime.from_string(ticket.received_date),
                ticket.category_id.target_hours) if ticket.received_date else None
            ticket.internal_deadline = fields.Datetime.to_string(target) if target else False

    @api.depends("legal_deadline", "internal_deadline", "stage_id.closed")
    def _compute_deadline_state(self):
        today, now = self._deadline_clock()
        for ticket in self:
            closed = ticket.stage_id.closed
            ticket.deadline_state = deadlines.deadline_state(
                fields.Date.from_string(ticket.legal_deadline), today,
                deadlines.LEGAL_SOON_DAYS, closed=closed)
            ticket.target_state = deadlines.deadline_state(
                fields.Datetime.from_string(ticket.internal_deadline), now,
                deadlines.TARGET_SOON_DAYS, closed=closed)

    @api.multi
    def action_extend(self, reason):
        """4982: extend to 30 working days once, within the first 15, telling the applicant."""
        with self._hid_acting():
            self._hid_check(lifecycle.EXTEND, {"reason": reason})
            calendar = self.env["hid.holiday"]._work_calendar()
            today = self._today()
            for ticket in self:
                pauses = [(fields.Date.from_string(p.date_start),
                           fields.Date.from_string(p.date_end)) for p in ticket.fee_pause_ids]
                try:
                    deadlines.check_extension(ticket.legal_basis, ticket._received_local_date(),
                                              calendar, today, ticket.extended, reason, pauses)
                except DeadlineError as error:
                    raise UserError(self._lib_message(error))
                ticket._workflow_write({"extended": True, "extension_reason": reason,
                                        "extension_date": fields.Date.to_string(today)})
                ticket._notify_applicant(_(
                    "The answer period of your application %(number)s is extended to 30 "
                    "working days (Law 4982, art. 11). Reason: %(reason)s. New deadline: "
                    "%(deadline)s.") % {"number": ticket.number, "reason": reason,
                                        "deadline": ticket.legal_deadline})
        return True

    @api.model
    def _hid_recompute_open_deadlines(self):
        """The working-day calendar changed: recompute the legal deadlines of open cases."""
        tickets = self.sudo().search([("closed", "=", False), ("legal_deadline", "!=", False)])
        self.env.add_todo(self._fields["legal_deadline"], tickets)
        tickets.recompute()

    @api.model
    def _cron_refresh_deadline_states(self):
        """Refresh every open case's traffic lights and escalate the overdue ones not yet
        escalated: two set-based queries, whatever the number of applications."""
        today, now = self._deadline_clock()
        params = dict(deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS),
                      **deadlines.deadline_state_params("target", now,
                                                        deadlines.TARGET_SOON_DAYS))
        # The CASE expressions come from the rules library: the compute applies the same rule.
        closed = "COALESCE(st.closed, FALSE)"
        query = """
            WITH s AS (
                SELECT t.id, {legal} AS legal, {target} AS target
                FROM helpdesk_ticket t
                LEFT JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
            )
            UPDATE helpdesk_ticket t
               SET deadline_state = s.legal, target_state = s.target,
                   overdue_escalated = (s.legal = 'overdue' AND t.overdue_escalated)
              FROM s
             WHERE s.id = t.id
               AND (t.deadline_state IS DISTINCT FROM s.legal
                    OR t.target_state IS DISTINCT FROM s.target
                    OR (t.overdue_escalated AND s.legal <> 'overdue'))
        """.format(legal=deadlines.deadline_state_sql("t.legal_deadline", closed, "legal"),
                   target=deadlines.deadline_state_sql("t.internal_deadline", closed, "target"))
        self.env.cr.execute(query, params)
        changed = self.env.cr.rowcount
        self.env.cr.execute("""
            UPDATE helpdesk_ticket SET overdue_escalated = TRUE
             WHERE deadline_state = 'overdue' AND overdue_escalated IS NOT TRUE
         RETURNING id
        """)
        overdue = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.invalidate_cache(["deadline_state", "target_state", "overdue_escalated"])
        overdue._escalate_overdue()
        return changed

    def _escalate_overdue(self):
        """An activity for the müdürlük manager (or HİM's) and a note for the directorate."""
        if not self:
            return
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        him = self.env.ref("hid_basvuru.team_him")
        for ticket in self.sudo():
            manager = ticket.team_id.manager_id or him.manager_id
            if manager:
                self.env["mail.activity"].sudo().create({
                    "res_model_id": model.id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "user_id": manager.id,
                    "summary": _("Legal deadline passed"),
                    "note": _("The legal deadline of application %(number)s was "
                              "%(deadline)s.") % {"number": ticket.number,
                                                  "deadline": ticket.legal_deadline},
                    "date_deadline": fields.Date.to_string(self._today()),
                })
            ticket.message_post(body=_("Legal deadline passed (%s).") % ticket.legal_deadline)

    @api.model
    def _deadline_clock(self):
        """(today in Istanbul, now in UTC as stored): what the traffic lights compare with."""
        return self._today(), fields.Datetime.from_string(fields.Datetime.now())

    @api.model
    def _today(self):
        """Today in Istanbul: deadlines are Turkish calendar days, whatever the server's zone."""
        return datetime.datetime.now(TZ).date()

    def _received_local_date(self):
        """The day (Istanbul time) the application was received."""
        received = pytz.utc.localize(fields.Datetime.from_string(self.received_date))
        return received.astimezone(TZ).date()

    def _lib_message(self, error):
        """The Turkish text of a rules-library error (literal _() so that it is translated)."""
        messages = {
            "Only information requests under Law 4982 can be extended.":
                _("Only information requests under Law 4982 can be extended."),
            "The deadline has already been extended once; it cannot be extended again.":
                _("The deadline has already been extended once; it cannot be extended again."),
            "The extension date %(on_date)s is before the application date %(received)s.":
                _("The extension date %(on_date)s is before the application date "
                  "%(received)s."),
            "The extension must be decided within the first 15 working days, "
            "i.e. by %(last_day)s.":
                _("The extension must be decided within the first 15 working days, i.e. by "
                  "%(last_day)s."),
            "A reason is required to extend the deadline.":
                _("A reason is required to extend the deadline."),
        }
        return messages.get(error.message, error.message) % error.params
