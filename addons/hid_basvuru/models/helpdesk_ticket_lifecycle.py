# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .helpdesk_ticket import (ANSWER_REQUIRED, CLOSURE_STATES, G_AGENT, G_MANAGER, G_STAFF,
                              WORKFLOW_FIELDS)


class HelpdeskTicket(models.Model):
    """Who may move an application, and how: havale, answer, closure."""

    _inherit = "helpdesk.ticket"

    @api.multi
    def write(self, vals):
        if not self.env.context.get("hid_workflow"):
            self._check_manual_write(vals)
        return super().write(vals)

    def _check_manual_write(self, vals):
        """Fields that only a workflow action may change, and who may route or assign."""
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(_("Closure, extension and duplicate fields are set by the "
                              "application's actions, not edited directly."))
        if "stage_id" in vals:
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed or any(self.mapped("stage_id.closed")):
                raise UserError(_("Use \"Close\" to close an application and \"Reopen\" to "
                                  "reopen it."))
        if "basvuru_type_id" in vals and not vals["basvuru_type_id"]:
            raise ValidationError(_("Type: every application has a type."))
        if "team_id" in vals and not self.env.user.has_group(G_STAFF) \
                and any(t.team_id.id != vals["team_id"] for t in self):
            raise AccessError(_("Only the Public Relations staff route applications to a "
                                "müdürlük (havale)."))
        if "user_id" in vals and not self.env.user.has_group(G_STAFF):
            for ticket in self:
                if not (self.env.user.has_group(G_MANAGER)
                        and self.env.user in ticket.team_id.user_ids):
                    raise AccessError(_("Only the müdürlük's manager assigns its "
                                        "applications."))

    @api.multi
    def action_havale(self, team, note=False):
        """Route to a müdürlük; every havale is kept with who, when and why."""
        self._require(G_STAFF, _("Only the Public Relations staff route applications."))
        self._require_open()
        for ticket in self:
            old = ticket.team_id
            ticket._workflow_write({"team_id": team.id, "user_id": False,
                                    "stage_id": self._stage("routed").id})
            ticket._log_havale("havale", old, team, note=note)
            ticket._notify_team(team, note)
        return True

    @api.multi
    def action_iade(self, reason):
        """The müdürlük returns it to the directorate ("not ours"), with a reason."""
        if not (reason or "").strip():
            raise UserError(_("Give the reason for returning the application."))
        self._require_open()
        him = self.env.ref("hid_basvuru.team_him")
        for ticket in self:
            if not (self.env.user.has_group(G_STAFF) or self.env.user in ticket.team_id.user_ids):
                raise AccessError(_("Only the müdürlük the application was routed to can "
                                    "return it."))
            old = ticket.team_id
            ticket._log_havale("iade", old, him, note=reason)
            # The permission was checked above; as superuser because once returned, the
            # müdürlük can no longer read the application its write must still recompute.
            ticket.sudo()._workflow_write({"team_id": him.id, "user_id": False,
                                           "stage_id": self._stage("new").id})
            body = _("Returned by %(team)s: %(reason)s") % {"team": old.name, "reason": reason}
            ticket.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return True

    @api.multi
    def action_sevk(self, institution, note=False):
        """Forward to another institution (yetki dışı) and close it so."""
        if not (institution or "").strip():
            raise UserError(_("Give the institution the application is forwarded to."))
        self._require(G_STAFF, _("Only the Public Relations staff forward applications."))
        self._require_open()
        for ticket in self:
            ticket._log_havale("sevk", ticket.team_id, False, note=note,
                               institution=institution)
        return self._close("sevk_edildi", note or _("Forwarded to %s.") % institution)

    @api.multi
    def action_start(self):
        """The müdürlük starts working on it."""
        self._require_open()
        return self._workflow_write({"stage_id": self._stage("in_progress").id})

    @api.multi
    def action_answer(self, answer):
        """The müdürlük writes the citizen-facing answer; the directorate then closes."""
        if not (answer or "").strip():
            raise UserError(_("Write the answer to the citizen."))
        self._require_open()
        for ticket in self:
            if not (self.env.user.has_group(G_STAFF) or self.env.user in ticket.team_id.user_ids):
                raise AccessError(_("Only the müdürlük the application was routed to, or the "
                                    "Public Relations staff, can answer it."))
        return self._workflow_write({
            "answer": answer,
            "answer_date": fields.Datetime.now(),
            "answer_user_id": self.env.uid,
            "stage_id": self._stage("answered").id,
        })

    @api.multi
    def button_answer(self):
        """Form button: send the answer written on the form."""
        self.ensure_one()
        return self.action_answer(self.answer)

    @api.multi
    def action_close(self, closure_state, note=False):
        """The directorate closes with an honest closure state."""
        self._require(G_STAFF, _("Only the Public Relations staff close applications."))
        self._require_open()
        if closure_state not in dict(CLOSURE_STATES) or closure_state == "sevk_edildi":
            raise UserError(_("Choose how the application ends; to forward it to another "
                              "institution use \"Forward\"."))
        for ticket in self:
            if closure_state in ANSWER_REQUIRED and not (ticket.answer or "").strip():
                raise UserError(_("Application %s has no answer to the citizen yet: a closure "
                                  "must tell the citizen what was decided.") % ticket.number)
            if closure_state == "mukerrer" and not ticket.duplicate_of_id:
                raise UserError(_("Link application %s to its original before closing it as "
                                  "a duplicate.") % ticket.number)
        return self._close(closure_state, note)

    @api.multi
    def action_mark_duplicate(self, original):
        """Link to the original and close as mükerrer: a duplicate is never just dropped."""
        self._require(G_STAFF, _("Only the Public Relations staff close applications."))
        if original in self or original.duplicate_of_id in self:
            raise UserError(_("An application cannot be a duplicate of itself."))
        self._workflow_write({"duplicate_of_id": original.id})
        original.sudo().message_post(body=_("Application(s) %s linked here as duplicates.")
                                     % ", ".join(self.mapped("number")))
        return self.action_close("mukerrer", _("Duplicate of %s.") % original.number)

    @api.multi
    def action_reopen(self, reason):
        """The citizen contests the result within the allowed days: the case opens again."""
        self._require(G_AGENT, _("Only the Public Relations side reopens applications."))
        if not (reason or "").strip():
            raise UserError(_("Give the reason the citizen contests the result."))
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "hid_basvuru.reopen_days", "30"))
        for ticket in self:
            if not ticket.stage_id.closed:
                raise UserError(_("Application %s is not closed.") % ticket.number)
            closed = fields.Datetime.from_string(ticket.closed_date or ticket.write_date)
            if datetime.datetime.utcnow() - closed > datetime.timedelta(days=days):
                raise UserError(_("Application %(number)s was closed more than %(days)d days "
                                  "ago; register a new application instead.") % {
                                      "number": ticket.number, "days": days})
            ticket._log_havale("reopen", ticket.team_id, ticket.team_id, note=reason)
            ticket._workflow_write({
                "stage_id": self._stage("routed" if ticket.team_id else "new").id,
                "overdue_escalated": False,
                "closure_state": False,
                "closure_note": False,
                "closed_date": False,
                "reopen_count": ticket.reopen_count + 1,
            })
            ticket.sudo().message_post(body=_("Reopened: %s") % reason)
        return True

    @api.model
    def _stage(self, code):
        stage = self.env["helpdesk.ticket.stage"].search([("code", "=", code)], limit=1)
        if not stage:
            raise UserError(_("The stage \"%s\" is missing; ask the administrator.") % code)
        return stage

    def _require(self, group, message):
        if not self.env.user.has_group(group):
            raise AccessError(message)

    def _require_open(self):
        closed = self.filtered(lambda t: t.stage_id.closed)
        if closed:
            raise UserError(_("Application %s is closed; reopen it first.")
                            % ", ".join(closed.mapped("number")))

    def _workflow_write(self, vals):
        """Write as the user (rules apply) but past the guard of manual edits."""
        return self.with_context(hid_workflow=True).write(vals)

    def _close(self, closure_state, note):
        self._workflow_write({"stage_id": self._stage("closed").id,
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
