# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import json

import pytz

from odoo import _, api, fields, models, tools
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
        frozen = self._hid_frozen("legal_deadline")
        for ticket in self:
            if ticket.id in frozen:
                ticket.legal_deadline = frozen[ticket.id]
                continue
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
        frozen = self._hid_frozen("internal_deadline")
        for ticket in self:
            if ticket.id in frozen:
                ticket.internal_deadline = frozen[ticket.id]
                continue
            target = deadlines.internal_target(
                fields.Datetime.from_string(ticket.received_date),
                ticket.category_id.target_hours) if ticket.received_date else None
            ticket.internal_deadline = fields.Datetime.to_string(target) if target else False

    def _hid_frozen(self, fname):
        """{id: stored value} of `fname` for the closed cases among self: a closed case's
        deadlines are frozen at closure (a later calendar or target change does not rewrite
        history), read from the table because the cache is being recomputed."""
        ids = [t.id for t in self if isinstance(t.id, int) and t.stage_id.closed]
        if not ids:
            return {}
        self.env.cr.execute("SELECT id, %s FROM helpdesk_ticket WHERE id IN %%s" % fname,
                            (tuple(ids),))
        # Odoo's cursor returns dates and timestamps as the strings the fields hold
        return {rid: value or False for rid, value in self.env.cr.fetchall()}

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
        """The working-day calendar changed everywhere: recompute every open case's legal
        deadline (closed cases keep theirs: frozen at closure)."""
        self._hid_recompute_legal_deadlines(self.sudo().search(
            [("closed", "=", False), ("legal_deadline", "!=", False)]))

    @api.model
    def _hid_deadline_domain_around(self, day):
        """The open cases whose legal deadline a calendar change on `day` can move
        (lib/deadlines.holiday_can_move): received on or before that day (Istanbul) and
        deadline on or after it."""
        day = fields.Date.from_string(day)
        next_midnight = TZ.localize(datetime.datetime.combine(
            day + datetime.timedelta(days=1), datetime.time.min)).astimezone(pytz.utc)
        return [("closed", "=", False),
                ("received_date", "<", fields.Datetime.to_string(next_midnight)),
                ("legal_deadline", ">=", fields.Date.to_string(day))]

    @api.model
    def _hid_recompute_deadlines_around(self, days):
        """A non-working or working day was added, changed or removed on `days`."""
        tickets = self.sudo().browse()
        for day in set(d for d in days if d):
            tickets |= self.sudo().search(self._hid_deadline_domain_around(day))
        self._hid_recompute_legal_deadlines(tickets)
        return tickets

    @api.model
    def _hid_recompute_legal_deadlines(self, tickets):
        """Recompute the legal deadline (and so its light) of `tickets` now.

        The cached values must go first: recompute() evaluates rec[field], which returns a
        value still in the cache instead of computing it, so a deadline read earlier in the
        transaction (a form, a test, the intake) silently kept its old value."""
        if not tickets:
            return
        field = self._fields["legal_deadline"]
        tickets.invalidate_cache(["legal_deadline"], tickets.ids)
        self.env.add_todo(field, tickets)
        tickets.recompute()

    _HID_CLOCK_KEY = "hid_basvuru.deadline_cron_clock"

    @api.model
    def _cron_refresh_deadline_states(self, chunk=500, auto_commit=False):
        """Refresh the traffic lights that can have changed since the last run and escalate
        the newly overdue cases. Two set-based queries whatever the number of applications:
        a light moves only when a threshold passes its deadline, so only the open cases whose
        deadline a threshold passed since the last run are looked at (partial indexes on the
        open cases' deadlines; on the same day no legal light can move), with the escalation
        flags that no longer match and, when the day changes, the cases the lights are
        missing from.

        Escalation runs in chunks of `chunk` cases; with auto_commit (the scheduled action,
        as hid.sms._send_due) each chunk is committed, so a long run keeps its progress."""
        today, now = self._deadline_clock()
        params = dict(deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS),
                      **deadlines.deadline_state_params("target", now,
                                                        deadlines.TARGET_SOON_DAYS))
        clock = {key: fields.Date.to_string(value) if key.startswith("legal")
                 else fields.Datetime.to_string(value) for key, value in params.items()}
        self.env.cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s",
                            (self._HID_CLOCK_KEY,))
        row = self.env.cr.fetchone()
        try:
            last = json.loads(row[0]) if row else None
        except ValueError:
            last = None
        window = deadlines.changed_window(last, clock)
        if window:
            params.update(window)
            # only the deadlines a threshold passed since the last run (none for the legal
            # lights on the same day), each range on the partial index of the open cases
            candidates = """
                (t.closed IS NOT TRUE AND t.legal_deadline >= %(legal_lo)s
                 AND t.legal_deadline < %(legal_hi)s)
                OR (t.closed IS NOT TRUE AND t.legal_deadline >= %(legal_soon_lo)s
                    AND t.legal_deadline < %(legal_soon_hi)s)
                OR (t.closed IS NOT TRUE AND t.internal_deadline >= %(target_lo)s
                    AND t.internal_deadline < %(target_hi)s)
                OR (t.closed IS NOT TRUE AND t.internal_deadline >= %(target_soon_lo)s
                    AND t.internal_deadline < %(target_soon_hi)s)
                OR (t.overdue_escalated AND t.deadline_state IS DISTINCT FROM 'overdue')"""
            if window["legal_lo"] != window["legal_hi"]:
                # Missing lights (rows written past the ORM) are repaired once a day, when the
                # day changes: every application made through the ORM leaves behind a dead
                # row version without its light until VACUUM, and a bitmap scan of those
                # (thousands between two autovacuums at 1M) made every hourly run slow.
                candidates += " OR t.deadline_state IS NULL"
        else:   # first run: every case
            candidates = "TRUE"
        params.update(clock_key=self._HID_CLOCK_KEY, clock=json.dumps(clock, sort_keys=True),
                      uid=self.env.uid)
        # The CASE expressions come from the rules library: the compute applies the same rule.
        closed = "COALESCE(t.closed, FALSE)"
        # No join of the table with itself: the planner would hash-join a full scan of it.
        query = """
            WITH clock AS (
                INSERT INTO ir_config_parameter (key, value, create_uid, create_date,
                                                 write_uid, write_date)
                VALUES (%(clock_key)s, %(clock)s, %(uid)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC')
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,
                                                write_date = EXCLUDED.write_date
            ), upd AS (
                UPDATE helpdesk_ticket t
                   SET deadline_state = {legal}, target_state = {target},
                       overdue_escalated = ({legal} = 'overdue' AND t.overdue_escalated)
                 WHERE ({candidates})
                   AND (t.deadline_state IS DISTINCT FROM {legal}
                        OR t.target_state IS DISTINCT FROM {target}
                        OR (t.overdue_escalated AND {legal} <> 'overdue'))
             RETURNING t.id, t.deadline_state, t.overdue_escalated
            )
            SELECT (SELECT count(*) FROM upd),
                   ARRAY(SELECT id FROM upd
                          WHERE deadline_state = 'overdue' AND overdue_escalated IS NOT TRUE
                         UNION
                         SELECT id FROM helpdesk_ticket
                          WHERE deadline_state = 'overdue' AND overdue_escalated IS NOT TRUE
                            AND id NOT IN (SELECT id FROM upd)
                         ORDER BY 1)
        """.format(legal=deadlines.deadline_state_sql("t.legal_deadline", closed, "legal"),
                   target=deadlines.deadline_state_sql("t.internal_deadline", closed, "target"),
                   candidates=candidates)
        self.env.cr.execute(query, params)
        changed, overdue_ids = self.env.cr.fetchone()
        self.invalidate_cache(["deadline_state", "target_state", "overdue_escalated"])
        for start in range(0, len(overdue_ids), chunk):
            # a fresh recordset per chunk: no prefetch over (and no re-read of) all k cases
            self.browse(overdue_ids[start:start + chunk])._escalate_overdue()
            if auto_commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return changed

    def _escalate_overdue(self):
        """An activity for the müdürlük manager (or HİM's) and a note for the directorate,
        then the cases are marked escalated: a few INSERTs for the whole chunk, whatever its
        size (the ORM made 30-odd queries per case)."""
        if not self:
            return
        self.env.cr.execute("""
            SELECT t.id, t.number, t.legal_deadline, tm.manager_id
              FROM helpdesk_ticket t LEFT JOIN helpdesk_ticket_team tm ON tm.id = t.team_id
             WHERE t.id IN %s ORDER BY t.id
        """, (tuple(self.ids),))
        rows = self.env.cr.fetchall()
        self._hid_escalation_activities(rows)
        note = self.env.ref("mail.mt_note").id
        author = self.env.user.partner_id.id
        values = []
        for ticket_id, number, deadline, _manager in rows:
            values += [ticket_id, number, note, author,
                       "<p>%s</p>" % (_("Legal deadline passed (%s).") % deadline),
                       tools.generate_tracking_message_id(ticket_id)]
        self.env.cr.execute("""
            INSERT INTO mail_message (model, res_id, record_name, message_type, subtype_id,
                                      author_id, body, message_id, date, create_uid,
                                      create_date, write_uid, write_date)
            SELECT 'helpdesk.ticket', v.res_id, v.record_name, 'notification', v.subtype_id,
                   v.author_id, v.body, v.message_id, now() at time zone 'UTC', %s,
                   now() at time zone 'UTC', %s, now() at time zone 'UTC'
              FROM (VALUES {}) v(res_id, record_name, subtype_id, author_id, body, message_id)
        """.format(", ".join(["(%s::int, %s, %s::int, %s::int, %s, %s)"] * len(rows))),
            [self.env.uid, self.env.uid] + values)
        self.env.cr.execute("UPDATE helpdesk_ticket SET overdue_escalated = TRUE WHERE id IN %s",
                            (tuple(self.ids),))
        self.env["mail.message"].invalidate_cache()
        self.invalidate_cache(["overdue_escalated", "message_ids"])

    def _hid_escalation_activities(self, rows):
        """What mail.activity.create does for each case, set-based: the activity, its
        assignee as a follower (default subtypes), the case's next activity deadline, and one
        bus notice per manager. `rows`: (ticket id, number, legal deadline, manager id)."""
        him_manager = self.env.ref("hid_basvuru.team_him").manager_id.id
        todo = [(tid, number, deadline, manager or him_manager)
                for tid, number, deadline, manager in rows if manager or him_manager]
        if not todo:
            return
        cr = self.env.cr
        today = fields.Date.to_string(self._today())
        values = []
        for tid, number, deadline, manager in todo:
            values += [tid, number, manager, _(
                "The legal deadline of application %(number)s was %(deadline)s."
            ) % {"number": number, "deadline": deadline}]
        params = [self.env["ir.model"]._get(self._name).id, self._name,
                  self.env.ref("mail.mail_activity_data_todo").id, _("Legal deadline passed"),
                  today, self.env.uid, self.env.uid] + values
        cr.execute("""
            INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name,
                                       activity_type_id, summary, note, date_deadline,
                                       user_id, create_uid, create_date, write_uid, write_date)
            SELECT v.res_id, %s, %s, v.res_name, %s, %s, v.note, %s, v.user_id,
                   %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
              FROM (VALUES {}) v(res_id, res_name, user_id, note)
        """.format(", ".join(["(%s::int, %s, %s::int, %s)"] * len(todo))), params)
        ids = [tid for tid, _n, _d, _m in todo]
        managers = sorted({manager for _t, _n, _d, manager in todo})
        cr.execute("""
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT %s, v.res_id, u.partner_id
              FROM unnest(%s, %s) v(res_id, user_id) JOIN res_users u ON u.id = v.user_id
            ON CONFLICT DO NOTHING
            RETURNING id
        """, (self._name, ids, [manager for _t, _n, _d, manager in todo]))
        followers = [row[0] for row in cr.fetchall()]
        subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0].ids
        if followers and subtypes:
            cr.execute("""
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT f, s FROM unnest(%s) f CROSS JOIN unnest(%s) s
            """, (followers, subtypes))
        cr.execute("""
            UPDATE helpdesk_ticket t SET activity_date_deadline = (
                SELECT min(a.date_deadline) FROM mail_activity a
                 WHERE a.res_model = %s AND a.res_id = t.id)
             WHERE t.id IN %s
        """, (self._name, tuple(ids)))
        for user in self.env["res.users"].sudo().browse(managers):
            self.env["bus.bus"].sendone((cr.dbname, "res.partner", user.partner_id.id),
                                        {"type": "activity_updated", "activity_created": True})
        self.env["mail.activity"].invalidate_cache()
        self.env["mail.followers"].invalidate_cache()
        self.invalidate_cache(["activity_ids", "activity_date_deadline",
                               "message_follower_ids", "message_partner_ids"])

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
