# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""One satisfaction survey per closure of an application: scheduled at the closure, sent by
the cron (SMS through the hid.sms queue, else e-mail) with a single-use token of which only
the hash is stored, answered on the public page or recorded by an agent on the phone.

Nobody writes these records directly (the ACLs are read-only): the methods below decide,
after their own checks, and write as the system.
"""
import datetime
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.hid_basvuru.models.helpdesk_ticket import CLOSURE_STATES

from ..lib import satisfaction as sat

_logger = logging.getLogger(__name__)

G_AGENT = "hid_basvuru.group_hid_agent"
G_STAFF = "hid_basvuru.group_hid_staff"
G_MANAGER = "hid_anket.group_hid_anket_manager"
SMS_CODE = "anket_satisfaction"
BATCH = 500
STATES = [
    ("scheduled", "To Be Sent"),
    ("sent", "Sent"),
    ("answered", "Answered"),
    ("expired", "Expired"),
    ("cancelled", "Cancelled"),
]
CANCEL_REASONS = [
    ("opted_out", "The citizen refuses surveys"),
    ("no_contact", "No mobile number or e-mail"),
    ("reopened", "The application was reopened before the survey"),
]
SOLVED = [
    (sat.EVET, "Yes"),
    (sat.KISMEN, "Partly"),
    (sat.HAYIR, "No"),
]
ANSWER_CHANNELS = [
    ("link", "Link (SMS / e-mail)"),
    ("phone", "Phone (recorded by an agent)"),
]


class HidAnketAnswerError(UserError):
    """A public answer that cannot be recorded; `field` names the form field at fault."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class HidAnketSatisfaction(models.Model):
    """The satisfaction survey of one closure of one application, and its answer."""

    _name = "hid.anket.satisfaction"
    _description = "Satisfaction Survey of a Closure"
    _order = "id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    closure_seq = fields.Integer(
        string="Closure No",
        required=True,
        readonly=True,
        help="Which closure of the application this is about (0: the first; each reopening "
             "adds one).",
    )
    closure_state = fields.Selection(
        selection=CLOSURE_STATES,
        string="Closure",
        readonly=True,
        index=True,
    )
    closed_date = fields.Datetime(
        readonly=True,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        readonly=True,
        index=True,
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        readonly=True,
        index=True,
    )
    channel_id = fields.Many2one(
        comodel_name="helpdesk.ticket.channel",
        string="Channel",
        readonly=True,
        index=True,
    )
    category_id = fields.Many2one(
        comodel_name="helpdesk.ticket.category",
        string="Category",
        readonly=True,
        index=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        readonly=True,
        groups=G_AGENT,
    )
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="scheduled",
        readonly=True,
        index=True,
    )
    cancel_reason = fields.Selection(
        selection=CANCEL_REASONS,
        readonly=True,
    )
    scheduled_date = fields.Date(
        string="Send On",
        readonly=True,
        index=True,
    )
    sent_date = fields.Datetime(
        readonly=True,
    )
    send_via = fields.Selection(
        selection=[("sms", "SMS"), ("email", "E-mail")],
        readonly=True,
    )
    reminder_date = fields.Datetime(
        string="Reminder Sent",
        readonly=True,
    )
    token_hash = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="SHA-256 of the link's token; the token itself is not stored.",
    )
    token_expiry = fields.Datetime(
        string="Link Valid Until",
        readonly=True,
    )
    answer_date = fields.Datetime(
        readonly=True,
        index=True,
    )
    solved = fields.Selection(
        selection=SOLVED,
        string="Solved?",
        readonly=True,
        index=True,
    )
    score = fields.Integer(
        string="Satisfaction (1-5)",
        readonly=True,
        group_operator="avg",
    )
    comment = fields.Text(
        readonly=True,
    )
    answer_channel = fields.Selection(
        selection=ANSWER_CHANNELS,
        string="Answered By",
        readonly=True,
    )
    recorded_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded By",
        readonly=True,
        help="The agent who recorded an answer given on the phone.",
    )
    user_input_id = fields.Many2one(
        comodel_name="survey.user_input",
        string="Survey Answer",
        readonly=True,
    )
    reopened = fields.Boolean(
        string="Reopened by the Survey",
        readonly=True,
    )
    review_needed = fields.Boolean(
        string="To Review",
        readonly=True,
        index=True,
        help="\"No\" after the reopen window: HİM staff look at it.",
    )
    reviewed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Reviewed By",
        readonly=True,
    )

    _sql_constraints = [
        ("closure_uniq", "unique(ticket_id, closure_seq)",
         "One satisfaction survey per closure of an application."),
        ("token_hash_uniq", "unique(token_hash)", "A survey token is used once."),
        ("score_range", "CHECK(score IS NULL OR score = 0 OR (score >= 1 AND score <= 5))",
         "The score is from 1 to 5."),
    ]

    # ---------------------------------------------------
    # Scheduling (at the closure)
    # ---------------------------------------------------

    @api.model
    def _hid_schedule(self, tickets):
        """One survey per closure of each eligible application, to go out N days later."""
        delays = self.env["hid.anket.rule"]._hid_delays()
        created = self.browse()
        for ticket in tickets.sudo():
            partner = ticket.partner_id
            if ticket.closure_state not in delays or not sat.eligible(
                    ticket.closure_state, ticket.anonymous, bool(partner and partner.hid_citizen)):
                continue
            if self.sudo().search_count([("ticket_id", "=", ticket.id),
                                         ("closure_seq", "=", ticket.reopen_count)]):
                continue
            closed = fields.Datetime.from_string(ticket.closed_date) or datetime.datetime.utcnow()
            created |= self.sudo().create(self._hid_schedule_vals(ticket, closed, delays))
        return created

    def _hid_schedule_vals(self, ticket, closed, delays):
        return {
            "ticket_id": ticket.id,
            "closure_seq": ticket.reopen_count,
            "closure_state": ticket.closure_state,
            "closed_date": fields.Datetime.to_string(closed),
            "team_id": ticket.team_id.id,
            "mahalle_id": ticket.mahalle_id.id,
            "channel_id": ticket.channel_id.id,
            "category_id": ticket.category_id.id,
            "partner_id": ticket.partner_id.id,
            "scheduled_date": fields.Date.to_string(
                sat.send_date(closed, delays[ticket.closure_state])),
        }

    # ---------------------------------------------------
    # Sending (cron)
    # ---------------------------------------------------

    @api.model
    def _hid_param(self, name, default):
        value = self.env["ir.config_parameter"].sudo().get_param(name, default)
        try:
            return int(value)
        except (TypeError, ValueError):
            return int(default)

    @api.model
    def _cron_send(self, now=None):
        """Send what is due, one reminder to the silent, expire old links: a few set-based
        searches in batches; each survey is prepared in its own savepoint."""
        now = now or datetime.datetime.utcnow()
        model = self.sudo()
        due = model.search([("state", "=", "scheduled"),
                            ("scheduled_date", "<=", fields.Date.to_string(now.date()))],
                           limit=BATCH, order="scheduled_date, id")
        for record in due:
            record._hid_send(now)
        reminder_days = self._hid_param("hid_anket.reminder_days", 3)
        if reminder_days:
            limit = fields.Datetime.to_string(now - datetime.timedelta(days=reminder_days))
            silent = model.search([("state", "=", "sent"), ("reminder_date", "=", False),
                                   ("sent_date", "<=", limit)], limit=BATCH, order="id")
            for record in silent:
                record._hid_send(now, reminder=True)
        expired = model.search([("state", "=", "sent"),
                                ("token_expiry", "<", fields.Datetime.to_string(now))],
                               limit=BATCH)
        expired.write({"state": "expired"})
        return True

    def _hid_send(self, now, reminder=False):
        """Issue a fresh token and deliver the link (the token lives only in the message)."""
        self.ensure_one()
        ticket, partner = self.ticket_id, self.ticket_id.partner_id
        if ticket.stage_code != "closed" or ticket.reopen_count != self.closure_seq:
            if reminder:  # reopened meanwhile: no reminder about a closure that is gone
                return self.write({"reminder_date": fields.Datetime.to_string(now)})
            return self.write({"state": "cancelled", "cancel_reason": "reopened"})
        if partner.hid_anket_opt_out:
            return self.write({"state": "cancelled", "cancel_reason": "opted_out"})
        number = False if partner.sms_opt_out else ticket._hid_sms_number(partner)
        if not number and not partner.email:
            if reminder:
                return self.write({"reminder_date": fields.Datetime.to_string(now)})
            return self.write({"state": "cancelled", "cancel_reason": "no_contact"})
        token = sat.new_token()
        days = self._hid_param("hid_anket.token_days", 30)
        vals = {"token_hash": sat.token_hash(token),
                "token_expiry": fields.Datetime.to_string(now + datetime.timedelta(days=days))}
        if reminder:
            vals["reminder_date"] = fields.Datetime.to_string(now)
        else:
            vals.update(state="sent", sent_date=fields.Datetime.to_string(now),
                        send_via="sms" if number else "email")
        try:
            with self.env.cr.savepoint():
                self.write(vals)
                if number:
                    self._hid_send_sms(token)
                else:
                    self._hid_send_email(token)
        except (UserError, ValueError, KeyError) as error:
            _logger.warning("Satisfaction survey of %s not sent: %s", ticket.number, error)
            return False
        return True

    def _hid_link(self, token):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return "%s/anket/%s" % (base_url.rstrip("/"), token)

    def _hid_send_sms(self, token):
        """Through hid_basvuru's queue, with HİM's template (code anket_satisfaction). The
        SMS list shows the link with its token masked (same length: same SMS parts); only
        the provider gets the real link (hid.sms private_body, emptied once sent)."""
        sms = self.ticket_id._hid_queue_sms(SMS_CODE, link=self._hid_link("*" * len(token)),
                                            private={"link": self._hid_link(token)})
        if not sms:
            raise UserError(_("The satisfaction SMS could not be queued."))
        return sms

    def _hid_send_email(self, token):
        template = self.env.ref("hid_anket.mail_template_satisfaction")
        return template.with_context(hid_anket_link=self._hid_link(token)).send_mail(
            self.id, email_values={"email_to": self.ticket_id.partner_id.email,
                                   "recipient_ids": [], "auto_delete": True})

    # ---------------------------------------------------
    # Answering
    # ---------------------------------------------------

    @api.model
    def _hid_find_by_token(self, token):
        """The survey a link's token opens (any state), or an empty recordset."""
        if not sat.looks_like_token(token):
            return self.browse()
        record = self.sudo().search([("token_hash", "=", sat.token_hash(token))], limit=1)
        if record and sat.token_matches(token, record.token_hash):
            return record
        return self.browse()

    @api.model
    def _hid_public_page(self, token, now=None):
        """What the public page shows for a token: the state and the application number
        (nothing about the citizen: the token is all the page knows)."""
        record = self._hid_find_by_token(token)
        if not record:
            return {"status": "invalid"}
        if record.state == "answered":
            return {"status": "answered"}
        if record.state != "sent" or self._hid_expired(record, now):
            return {"status": "expired"}
        return {"status": "open", "number": record.ticket_id.number,
                "kvkk": record._hid_survey().hid_kvkk_notice}

    def _hid_expired(self, record, now=None):
        now = now or datetime.datetime.utcnow()
        expiry = fields.Datetime.from_string(record.token_expiry)
        return bool(expiry and now > expiry)

    @api.model
    def _hid_answer_by_token(self, token, solved, score, comment, opt_out=False, now=None):
        """The citizen's answer from the link: the token is checked and spent, the answer
        stored, and a "No" reopens the application within the window (else a review)."""
        record = self._hid_find_by_token(token)
        if not record:
            raise HidAnketAnswerError(_("This survey link is not valid."))
        if record.state == "answered":
            raise HidAnketAnswerError(_("This survey has already been answered. Thank you."))
        if record.state != "sent" or self._hid_expired(record, now):
            raise HidAnketAnswerError(_("This survey link has expired."))
        values = self._hid_clean(solved, score, comment)
        # Spent first, in one statement: of two parallel posts of the same link only one
        # finds it still unanswered.
        self.env.cr.execute("""
            UPDATE hid_anket_satisfaction SET state = 'answered'
             WHERE id = %s AND state = 'sent' RETURNING id
        """, (record.id,))
        if not self.env.cr.fetchone():
            raise HidAnketAnswerError(_("This survey has already been answered. Thank you."))
        record.invalidate_cache(["state"])
        record._hid_store_answer(values, "link", now=now)
        if record.solved == sat.HAYIR:
            reopened = record.ticket_id._hid_reopen_by_citizen_survey(
                record, token, values[2], now=now)
            record._hid_after_no(reopened)
        if opt_out:
            record.ticket_id.partner_id.sudo().write({"hid_anket_opt_out": True})
        return {"number": record.ticket_id.number, "reopened": record.reopened,
                "review": record.review_needed}

    @api.model
    def _hid_clean(self, solved, score, comment):
        try:
            return sat.clean_answer(solved, score, comment)
        except sat.AnswerError as error:
            messages = {
                "solved": _("Tell us whether your problem was solved."),
                "score": _("Give a score from 1 to 5."),
                "comment": _("The comment is too long (at most 2000 characters)."),
            }
            raise HidAnketAnswerError(messages.get(error.field) or error.message, error.field)

    def _hid_store_answer(self, values, channel, now=None, user=None):
        """Store the answer here and as an answer of the satisfaction survey (survey.*)."""
        solved, score, comment = values
        now = now or datetime.datetime.utcnow()
        user_input = self._hid_create_user_input(solved, score, comment, channel, user)
        self.sudo().write({
            "state": "answered", "answer_date": fields.Datetime.to_string(now),
            "solved": solved, "score": score, "comment": comment or False,
            "answer_channel": channel, "recorded_by_id": user.id if user else False,
            "user_input_id": user_input.id,
        })

    def _hid_survey(self):
        return self.env.ref("hid_anket.survey_satisfaction").sudo()

    def _hid_create_user_input(self, solved, score, comment, channel, user):
        ref = self.env.ref
        survey = self._hid_survey()
        user_input = self.env["survey.user_input"].sudo().create({
            "survey_id": survey.id,
            "type": "link",
            "state": "done",
            "hid_channel": "phone" if channel == "phone" else "link",
            "hid_mahalle_id": self.mahalle_id.id,
            "hid_collector_id": user.id if user else False,
            "hid_satisfaction_id": self.id,
        })
        lines = [
            (ref("hid_anket.question_solved"), ref("hid_anket.label_solved_%s" % solved)),
            (ref("hid_anket.question_score"), ref("hid_anket.label_score_%d" % score)),
        ]
        Line = self.env["survey.user_input_line"].sudo()
        for question, label in lines:
            Line.create({"user_input_id": user_input.id, "question_id": question.id,
                         "answer_type": "suggestion", "value_suggested": label.id})
        question = ref("hid_anket.question_comment")
        if comment:
            Line.create({"user_input_id": user_input.id, "question_id": question.id,
                         "answer_type": "free_text", "value_free_text": comment})
        else:
            Line.create({"user_input_id": user_input.id, "question_id": question.id,
                         "skipped": True})
        return user_input

    def _hid_after_no(self, reopened):
        """A "No" that did not reopen (window passed, already open again): HİM reviews it."""
        if reopened:
            return self.sudo().write({"reopened": True})
        self.sudo().write({"review_needed": True})
        ticket = self.ticket_id.sudo()
        ticket.message_post(
            body=_("Satisfaction survey: the citizen says the problem is not solved; the "
                   "application could not be reopened (reopen window passed or already "
                   "open). To be reviewed by the Public Relations staff."),
            subtype="mail.mt_note", author_id=ticket._hid_author())
        return True

    def _hid_answer_by_phone(self, solved, score, comment):
        """An agent records what the citizen said on the phone (marked as such); a "No"
        reopens through the ordinary Yeniden Aç, as the agent."""
        self.ensure_one()
        if not self.env.user.has_group(G_AGENT):
            raise AccessError(_("Only the call centre and the Public Relations staff record "
                                "answers given on the phone."))
        self.check_access_rule("read")
        if self.state in ("answered", "cancelled"):
            raise UserError(_("This survey is already answered or cancelled."))
        values = self._hid_clean(solved, score, comment)
        self._hid_store_answer(values, "phone", user=self.env.user)
        if values[0] == sat.HAYIR:
            self._hid_after_no(self._hid_reopen_by_agent(values[2]))
        return True

    def _hid_reopen_by_agent(self, comment):
        ticket = self.ticket_id
        if ticket.stage_code != "closed" or ticket.reopen_count != self.closure_seq:
            return False
        reason = _("Satisfaction survey (phone): not solved. %s") % (comment or "")
        try:
            with self.env.cr.savepoint():
                ticket.action_reopen(reason.strip())
        except UserError:
            return False
        return True

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_record_phone_answer(self):
        """Form button: the wizard where the agent types the citizen's answers."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.anket.phone.answer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_satisfaction_id": self.id},
        }

    @api.multi
    def action_mark_reviewed(self):
        """HİM staff looked at a late "No": it leaves the review list, with who did it."""
        if not self.env.user.has_group(G_STAFF):
            raise AccessError(_("Only the Public Relations staff review survey answers."))
        self.check_access_rule("read")
        self.sudo().write({"review_needed": False, "reviewed_by_id": self.env.uid})
        return True
