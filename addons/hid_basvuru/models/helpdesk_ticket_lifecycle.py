# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Who may move an application, and how: every action asks lib/lifecycle.py first.

A plain ``write`` (the form, XML-RPC) may change only what the acting user's roles allow
(lifecycle.check_write); the stage, the müdürlük, the closure and the other workflow fields
change only inside the action methods, after their check, through ``_workflow_write``.
That path is a Python value held for the duration of one call (a ContextVar): nothing a
client sends — arguments or context — can open it.
"""
import contextlib
import contextvars
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import lifecycle
from .helpdesk_ticket import G_AGENT, G_DIRECTOR, G_MANAGER, G_MUDURLUK_USER, G_STAFF

# Writes that an action method decided after its checks: (ids, field names) pairs.
_AUTHORISED = contextvars.ContextVar("hid_workflow_writes", default=())
# The partner of the user acting in a workflow action: the author of what it posts.
_ACTOR = contextvars.ContextVar("hid_workflow_actor", default=None)

# Directorate roles come from the groups; müdürlük roles need membership of the müdürlük.
DIRECTORATE_ROLES = ((lifecycle.AGENT, G_AGENT), (lifecycle.STAFF, G_STAFF),
                     (lifecycle.DIRECTOR, G_DIRECTOR))
MUDURLUK_ROLES = ((lifecycle.MUDURLUK_USER, G_MUDURLUK_USER),
                  (lifecycle.MUDURLUK_MANAGER, G_MANAGER))


def current_actor():
    """The partner id of the user acting in the current workflow action, or None."""
    return _ACTOR.get()


class HelpdeskTicket(models.Model):
    """The actions on an application (havale, iade, sevk, start, answer, close, duplicate,
    reopen) and the guard of plain writes."""

    _inherit = "helpdesk.ticket"

    hid_allowed_actions = fields.Char(
        string="Allowed Actions",
        compute="_compute_hid_allowed_actions",
        help="The lifecycle actions the current user may take at this stage.",
    )
    hid_can_havale = fields.Boolean(
        string="May Route",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_start = fields.Boolean(
        string="May Start Work",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_answer = fields.Boolean(
        string="May Answer",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_iade = fields.Boolean(
        string="May Return",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_sevk = fields.Boolean(
        string="May Forward",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_close = fields.Boolean(
        string="May Close",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_extend = fields.Boolean(
        string="May Extend",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_reopen = fields.Boolean(
        string="May Reopen",
        compute="_compute_hid_allowed_actions",
    )
    hid_can_edit_intake = fields.Boolean(
        string="May Edit the Intake",
        compute="_compute_hid_allowed_actions",
    )

    @api.depends("stage_id", "team_id")
    def _compute_hid_allowed_actions(self):
        """For the buttons: what the table lets the current user do here (not stored: it
        depends on who is looking)."""
        for ticket in self:
            roles = ticket._hid_roles()
            allowed = lifecycle.allowed_actions(ticket.stage_id.code, roles)
            ticket.hid_allowed_actions = " ".join(sorted(allowed))
            ticket.hid_can_havale = lifecycle.HAVALE in allowed
            ticket.hid_can_start = lifecycle.START in allowed
            ticket.hid_can_answer = lifecycle.ANSWER in allowed
            ticket.hid_can_iade = lifecycle.IADE in allowed
            ticket.hid_can_sevk = lifecycle.SEVK in allowed
            ticket.hid_can_close = lifecycle.CLOSE in allowed
            ticket.hid_can_extend = lifecycle.EXTEND in allowed
            ticket.hid_can_reopen = lifecycle.REOPEN in allowed
            ticket.hid_can_edit_intake = "received_date" in lifecycle.writable_fields(roles)

    # ---------------------------------------------------
    # Who is acting
    # ---------------------------------------------------

    def _hid_roles(self):
        """What the current user is for this application, in lib/lifecycle.py's words."""
        self.ensure_one()
        user = self.env.user
        roles = {role for role, group in DIRECTORATE_ROLES if user.has_group(group)}
        if user in self.sudo().team_id.user_ids:
            roles.update(role for role, group in MUDURLUK_ROLES if user.has_group(group))
        return frozenset(roles)

    @contextlib.contextmanager
    def _hid_acting(self):
        """Within an action: what it posts is authored by the user acting, also under sudo()."""
        token = None
        if _ACTOR.get() is None:
            token = _ACTOR.set(self.env.user.partner_id.id)
        try:
            yield
        finally:
            if token is not None:
                _ACTOR.reset(token)

    def _hid_author(self):
        """The author for a message posted now: the acting user, even under sudo()."""
        return current_actor() or self.env.user.partner_id.id

    # ---------------------------------------------------
    # The guard of plain writes
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        """A new application starts where intake puts it: its stage, number, closure and the
        other workflow fields are not the caller's to choose (the müdürlük and the assignee
        are: routing at intake)."""
        chosen = set(vals) & (lifecycle.WORKFLOW_FIELDS - {"team_id", "user_id"})
        if chosen or vals.get("number") not in (None, False, "/"):
            raise UserError(self._hid_lifecycle_message(
                lifecycle.LifecycleError(lifecycle.MSG_WORKFLOW)))
        if vals.get("user_id"):
            # helpdesk_mgmt stamps it with a write after its create; given here, it need not.
            vals = dict(vals, assigned_date=fields.Datetime.now())
        return super().create(vals)

    @api.multi
    def copy_data(self, default=None):
        """A copy is a new application: intake numbers and places it (helpdesk_mgmt would
        copy its stage and dates and give it a number of its own sequence)."""
        dropped = lifecycle.WORKFLOW_FIELDS - {"team_id", "user_id"}
        return [dict({k: v for k, v in vals.items() if k not in dropped}, number="/")
                for vals in super().copy_data(default)]

    @api.multi
    def write(self, vals):
        if not self._hid_write_authorised(vals):
            # The ORM's own refusal first: the guard says nothing about records one may not
            # even write.
            self.check_access_rights("write")
            self.check_access_rule("write")
            self._check_manual_write(vals)
        return super().write(vals)

    def _check_manual_write(self, vals):
        """A plain write changes only what the acting user's roles allow (an allow-list)."""
        if "basvuru_type_id" in vals and not vals["basvuru_type_id"]:
            raise ValidationError(_("Type: every application has a type."))
        names = set(vals) - self._hid_mail_fields()
        if not names:
            return
        assignee = self.env["res.users"].browse(vals.get("user_id") or [])
        for ticket in self:
            facts = {"number": ticket.number}
            if "user_id" in names:
                facts["assignee_is_member"] = \
                    not assignee or assignee in ticket.sudo().team_id.user_ids
            try:
                lifecycle.check_write(ticket.stage_code, ticket._hid_roles(), names, facts)
            except lifecycle.LifecycleError as error:
                raise ticket._hid_lifecycle_exception(error)

    @api.model
    def _hid_mail_fields(self):
        """The chatter's own fields (messages, followers, activities): mail writes them."""
        names = set()
        for mixin in ("mail.thread", "mail.activity.mixin"):
            names.update(name for name in self.env[mixin]._fields
                         if name.startswith(("message_", "activity_")))
        return names

    def _workflow_write(self, vals):
        """Write what an action decided, after its checks: as the current user (ACLs and
        record rules apply), past the guard of plain writes for these records and fields,
        for the duration of this call only."""
        entry = (frozenset(self.ids), frozenset(vals))
        token = _AUTHORISED.set(_AUTHORISED.get() + (entry,))
        try:
            return self.write(vals)
        finally:
            _AUTHORISED.reset(token)

    def _hid_write_authorised(self, vals):
        ids, names = set(self.ids), set(vals)
        return any(ids <= allowed_ids and names <= allowed_names
                   for allowed_ids, allowed_names in _AUTHORISED.get())

    # ---------------------------------------------------
    # Asking the table
    # ---------------------------------------------------

    def _hid_check(self, action, facts=None):
        """Ask lib/lifecycle.py, for each application, whether the current user may take
        `action` now; `facts` is a dict or a function of the application giving one."""
        for ticket in self:
            ticket_facts = dict(facts(ticket) if callable(facts) else facts or {},
                                number=ticket.number)
            try:
                lifecycle.check(ticket.stage_code, action, ticket._hid_roles(), ticket_facts)
            except lifecycle.LifecycleError as error:
                raise ticket._hid_lifecycle_exception(error)
        return True

    def _hid_move(self, action, vals=None):
        """Write the action's values and the stage the table leads to."""
        for ticket in self:
            code = lifecycle.next_stage(ticket.stage_code, action, has_team=bool(ticket.team_id))
            values = dict(vals or {})
            if code != ticket.stage_code:
                values["stage_id"] = self._stage(code).id
            if values:
                ticket._workflow_write(values)
        return True

    def _hid_lifecycle_exception(self, error):
        """The Odoo exception of a lifecycle refusal: who may not → AccessError."""
        message = self._hid_lifecycle_message(error)
        if isinstance(error, lifecycle.LifecycleDenied):
            return AccessError(message)
        return UserError(message)

    def _hid_lifecycle_message(self, error):
        """The Turkish text of a lifecycle error (literal _() so that it is translated)."""
        params = error.params
        number = params.get("number") or ""
        labels = ", ".join(self._fields[name].get_description(self.env)["string"]
                           if name in self._fields else name
                           for name in params.get("refused", ()))
        P, D = lifecycle, lifecycle.DENIED
        messages = {
            P.MSG_CLOSED: _("Application %s is closed; reopen it first.") % number,
            P.MSG_NOT_CLOSED: _("Application %s is not closed.") % number,
            P.MSG_WRONG_STAGE: _("Application %s is at a stage where this action is not "
                                 "possible.") % number,
            P.MSG_NEVER: _("The tracking number of an application never changes."),
            P.MSG_WORKFLOW: _("Stage, müdürlük, closure, extension and duplicate fields are "
                              "set by the application's actions, not edited directly."),
            P.MSG_FIELDS: _("You may not change these fields of application %(number)s: "
                            "%(fields)s.") % {"number": number, "fields": labels},
            D[P.HAVALE]: _("Only the Public Relations staff route applications."),
            D[P.IADE]: _("Only the müdürlük the application was routed to can return it."),
            D[P.SEVK]: _("Only the Public Relations staff forward applications."),
            D[P.START]: _("Only the müdürlük the application was routed to starts work on "
                          "it."),
            D[P.ANSWER]: _("Only the müdürlük the application was routed to, or the Public "
                           "Relations staff, can answer it."),
            D[P.CLOSE]: _("Only the Public Relations staff close applications."),
            D[P.REOPEN]: _("Only the Public Relations side reopens applications."),
            D[P.EXTEND]: _("Only the Public Relations staff extend deadlines."),
            D[P.ASSIGN]: _("Only the müdürlük's manager assigns its applications."),
            P.UNMET[(P.IADE, P.P_REASON)]: _("Give the reason for returning the application."),
            P.UNMET[(P.REOPEN, P.P_REASON)]: _("Give the reason the citizen contests the "
                                               "result."),
            P.UNMET[(P.EXTEND, P.P_REASON)]: _("A reason is required to extend the deadline."),
            P.UNMET[P.P_TEAM]: _("Choose the müdürlük to route the application to."),
            P.UNMET[P.P_ANSWER]: _("Write the answer to the citizen."),
            P.UNMET[P.P_INSTITUTION]: _("Give the institution the application is forwarded "
                                        "to."),
            P.UNMET[P.P_CLOSURE]: _("Choose how the application ends; to forward it to another "
                                    "institution use \"Forward\"."),
            P.UNMET[P.P_ANSWER_IF_TOLD]: _("Application %s has no answer to the citizen yet: a "
                                           "closure must tell the citizen what was decided.")
            % number,
            P.UNMET[P.P_ORIGINAL_IF_DUPLICATE]: _("Link application %s to its original before "
                                                  "closing it as a duplicate.") % number,
            P.UNMET[P.P_ORIGINAL]: _("An application cannot be a duplicate of itself."),
            P.UNMET[P.P_REOPEN_WINDOW]: _(
                "Application %(number)s was closed more than %(days)d days ago; register a new "
                "application instead.") % {"number": number, "days": params.get("days") or 0},
            P.UNMET[P.P_MEMBER]: _("The assignee of application %s must be a member of its "
                                   "müdürlük.") % number,
        }
        return messages.get(error.message) or str(error)

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_havale(self, team, note=False):
        """Route to a müdürlük; every havale is kept with who, when and why."""
        team = self._hid_record("helpdesk.ticket.team", team)
        with self._hid_acting():
            self._hid_check(lifecycle.HAVALE, {"team": bool(team)})
            for ticket in self:
                old = ticket.team_id
                ticket._hid_move(lifecycle.HAVALE, {"team_id": team.id, "user_id": False})
                ticket._log_havale("havale", old, team, note=note)
                ticket._notify_team(team, note)
        return True

    @api.multi
    def action_iade(self, reason):
        """The müdürlük returns it to the directorate ("not ours"), with a reason."""
        with self._hid_acting():
            self._hid_check(lifecycle.IADE, {"reason": reason})
            him = self.env.ref("hid_basvuru.team_him")
            for ticket in self:
                old = ticket.team_id
                ticket._log_havale("iade", old, him, note=reason)
                # Checked above; as superuser because once returned, the müdürlük can no
                # longer read the application its write must still track and recompute.
                ticket.sudo()._hid_move(lifecycle.IADE, {"team_id": him.id, "user_id": False})
                body = _("Returned by %(team)s: %(reason)s") % {
                    "team": old.name, "reason": reason}
                ticket.sudo().message_post(body=body, author_id=self._hid_author())
        return True

    @api.multi
    def action_sevk(self, institution, note=False):
        """Forward to another institution (yetki dışı) and close it so."""
        with self._hid_acting():
            self._hid_check(lifecycle.SEVK, {"institution": institution})
            for ticket in self:
                ticket._log_havale("sevk", ticket.team_id, False, note=note,
                                   institution=institution)
            return self._close(lifecycle.SEVK_EDILDI,
                               note or _("Forwarded to %s.") % institution)

    @api.multi
    def action_start(self):
        """The müdürlük starts working on it."""
        with self._hid_acting():
            self._hid_check(lifecycle.START)
            return self._hid_move(lifecycle.START)

    @api.multi
    def action_answer(self, answer):
        """The müdürlük writes the citizen-facing answer; the directorate then closes."""
        with self._hid_acting():
            self._hid_check(lifecycle.ANSWER, {"answer": answer})
            return self._hid_move(lifecycle.ANSWER, self._hid_answer_vals(answer))

    @api.multi
    def button_answer(self):
        """Form button: send the answer written on the form."""
        self.ensure_one()
        return self.action_answer(self.answer)

    @api.multi
    def action_close(self, closure_state, note=False, answer=None):
        """The directorate closes with an honest closure state (and, given, the answer)."""
        with self._hid_acting():
            self._hid_check(lifecycle.CLOSE, lambda ticket: {
                "closure_state": closure_state,
                "answer": answer if (answer or "").strip() else ticket.answer,
                "duplicate_of": bool(ticket.duplicate_of_id),
            })
            if (answer or "").strip():
                changed = self.filtered(lambda ticket: ticket.answer != answer)
                changed._workflow_write(self._hid_answer_vals(answer))
            return self._close(closure_state, note)

    @api.multi
    def action_mark_duplicate(self, original):
        """Link to the original and close as mükerrer: a duplicate is never just dropped."""
        original = self._hid_record("helpdesk.ticket", original)
        valid = bool(original) and original not in self and original.duplicate_of_id not in self
        with self._hid_acting():
            self._hid_check(lifecycle.MARK_DUPLICATE, {"original": valid})
            self._workflow_write({"duplicate_of_id": original.id})
            original.sudo().message_post(
                body=_("Application(s) %s linked here as duplicates.")
                % ", ".join(self.mapped("number")), author_id=self._hid_author())
            return self.action_close(lifecycle.MUKERRER, _("Duplicate of %s.") % original.number)

    @api.multi
    def action_reopen(self, reason):
        """The citizen contests the result within the allowed days: the case opens again."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "hid_basvuru.reopen_days", "30"))
        now = datetime.datetime.utcnow()
        with self._hid_acting():
            self._hid_check(lifecycle.REOPEN, lambda ticket: {
                "reason": reason, "now": now, "reopen_days": days,
                "closed_at": fields.Datetime.from_string(ticket.closed_date
                                                         or ticket.write_date),
            })
            for ticket in self:
                ticket._log_havale("reopen", ticket.team_id, ticket.team_id, note=reason)
                ticket._hid_move(lifecycle.REOPEN, {
                    "overdue_escalated": False,
                    "closure_state": False,
                    "closure_note": False,
                    "closed_date": False,
                    "reopen_count": ticket.reopen_count + 1,
                })
                ticket.sudo().message_post(body=_("Reopened: %s") % reason,
                                           author_id=self._hid_author())
        return True

    # ---------------------------------------------------
    # Helpers
    # ---------------------------------------------------

    @api.model
    def _stage(self, code):
        stage = self.env["helpdesk.ticket.stage"].search([("code", "=", code)], limit=1)
        if not stage:
            raise UserError(_("The stage \"%s\" is missing; ask the administrator.") % code)
        return stage

    @api.model
    def _hid_record(self, model, value):
        """A record argument of an action, also when given as an id (over RPC)."""
        if isinstance(value, models.BaseModel):
            return value
        return self.env[model].browse(value if isinstance(value, int) else [])

    def _hid_answer_vals(self, answer):
        return {"answer": answer, "answer_date": fields.Datetime.now(),
                "answer_user_id": self.env.uid}

    def _close(self, closure_state, note):
        """Closed by an action that checked it (close, sevk, duplicate)."""
        self._workflow_write({"stage_id": self._stage(lifecycle.CLOSED).id,
                              "closure_state": closure_state,
                              "closure_note": note or False})
        return True

    def _log_havale(self, kind, from_team, to_team, note=False, institution=False):
        self.env["hid.havale"].sudo().create({
            "ticket_id": self.id,
            "kind": kind,
            "from_team_id": from_team.id if from_team else False,
            "to_team_id": to_team.id if to_team else False,
            "institution": institution,
            "note": note,
            "user_id": self.env.uid,
        })
