# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The application's side of the satisfaction survey: scheduled at each closure, and the
system path by which a citizen's "No" reopens it."""
import datetime

from odoo import _, api, fields, models
from odoo.tools import plaintext2html

from odoo.addons.hid_basvuru.lib import lifecycle
from odoo.addons.hid_basvuru.models import helpdesk_ticket_lifecycle as hid_lifecycle

from ..lib import satisfaction as sat

G_STAFF = "hid_basvuru.group_hid_staff"
# Who may read satisfaction surveys (their ACLs): the registry clerk, for one, may not.
G_SURVEY_READERS = ("hid_basvuru.group_hid_agent,hid_basvuru.group_hid_mudurluk_user,"
                    "hid_anket.group_hid_anket_manager")


class HelpdeskTicket(models.Model):

    _inherit = "helpdesk.ticket"

    hid_satisfaction_ids = fields.One2many(
        comodel_name="hid.anket.satisfaction",
        inverse_name="ticket_id",
        string="Satisfaction Surveys",
        readonly=True,
        groups=G_SURVEY_READERS,
    )
    hid_satisfaction_count = fields.Integer(
        string="Satisfaction Surveys Count",
        compute="_compute_hid_satisfaction_count",
        groups=G_SURVEY_READERS,
    )

    def _compute_hid_satisfaction_count(self):
        Satisfaction = self.env["hid.anket.satisfaction"]
        if not Satisfaction.check_access_rights("read", raise_exception=False):
            # Roles without surveys (the registry) still open the application's form.
            for ticket in self:
                ticket.hid_satisfaction_count = 0
            return
        groups = Satisfaction.read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id"], ["ticket_id"])
        counts = {group["ticket_id"][0]: group["ticket_id_count"] for group in groups}
        for ticket in self:
            ticket.hid_satisfaction_count = counts.get(ticket.id, 0)

    def _close(self, closure_state, note):
        res = super()._close(closure_state, note)
        self.env["hid.anket.satisfaction"]._hid_schedule(self)
        return res

    @api.multi
    def action_view_hid_satisfaction(self):
        self.ensure_one()
        action = self.env.ref("hid_anket.hid_anket_satisfaction_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {}
        return action

    # ---------------------------------------------------
    # The citizen's "No": a system path
    # ---------------------------------------------------

    def _hid_reopen_by_citizen_survey(self, satisfaction, token, comment, now=None):
        """Reopen because the citizen answered "No" on the survey link.

        The citizen is no user: the survey token (checked here against the stored hash) is
        their right to contest, for this application and this closure only, within
        hid_basvuru.reopen_days. The move itself is the lifecycle's (CLOSED, REOPEN) row
        through _workflow_write; the history line is signed by the public user (the web), the
        chatter line by the citizen, and HİM staff are notified. Returns True if reopened."""
        self.ensure_one()
        ticket, record = self.sudo(), satisfaction.sudo()
        if record.ticket_id != ticket or not sat.token_matches(token, record.token_hash) \
                or record.answer_channel != "link" or record.solved != sat.HAYIR:
            return False
        if ticket.stage_code != lifecycle.CLOSED or ticket.reopen_count != record.closure_seq \
                or lifecycle.transition(lifecycle.CLOSED, lifecycle.REOPEN) is None:
            return False
        days = record._hid_param("hid_basvuru.reopen_days", 30)
        closed_at = fields.Datetime.from_string(ticket.closed_date or ticket.write_date)
        if sat.outcome(sat.HAYIR, closed_at, now or datetime.datetime.utcnow(),
                       days) != sat.REOPEN:
            return False
        reason = _("The citizen answered the satisfaction survey: the problem is not "
                   "solved.")
        if comment:
            reason = "%s %s" % (reason, _("Comment: %s") % comment)
        citizen = ticket.partner_id
        actor = hid_lifecycle._ACTOR.set(citizen.id)
        try:
            self.env["hid.havale"].sudo().create({
                "ticket_id": ticket.id, "kind": "reopen", "note": reason,
                "from_team_id": ticket.team_id.id, "to_team_id": ticket.team_id.id,
                "user_id": self.env.ref("base.public_user").id,
            })
            ticket._hid_move(lifecycle.REOPEN, {
                "overdue_escalated": False,
                "closure_state": False,
                "closure_note": False,
                "closed_date": False,
                "reopen_count": ticket.reopen_count + 1,
            })
            staff = self.env.ref(G_STAFF).users.filtered(lambda u: u.active and not u.share)
            ticket.message_post(
                body=plaintext2html(
                    _("Reopened by the citizen's satisfaction survey answer: %s") % reason),
                subtype="mail.mt_comment", message_type="comment", author_id=citizen.id,
                partner_ids=staff.mapped("partner_id").ids)
        finally:
            hid_lifecycle._ACTOR.reset(actor)
        return True
