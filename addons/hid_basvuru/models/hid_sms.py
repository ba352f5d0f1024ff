# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import logging

import psycopg2
import psycopg2.errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import phone as phone_lib
from ..lib.exceptions import HidLibError

from ..lib.sms import base as sms_base
from ..lib.sms import registry, retry, segments

_logger = logging.getLogger(__name__)

PARAM = "hid_basvuru.sms_%s"
DEFAULT_MAX_ATTEMPTS = 10
# Without credit the provider cannot send; looking again every hour costs nothing.
QUOTA_DELAY = datetime.timedelta(hours=1)
BATCH = 200
# Consecutive temporary failures after which a run stops: the provider is down, and the
# messages behind should wait for the next run rather than each spend an attempt (and a
# timeout) on it.
OUTAGE_STREAK = 3


STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("failed", "Failed"),
    ("cancelled", "Cancelled"),
]
# Allowed state changes; a sent message never goes back, so it is never sent twice.
TRANSITIONS = {
    "queued": {"sent", "failed", "cancelled"},
    "failed": {"queued", "cancelled"},
    "cancelled": {"queued"},
    "sent": set(),
}


def _dt(value):
    """A datetime as the ORM stores it."""
    return fields.Datetime.to_string(value)


class HidSms(models.Model):
    """An outgoing SMS: stored first, sent by the cron with retries, never sent twice."""

    _name = "hid.sms"
    _description = "Outgoing SMS"
    _order = "id desc"
    _rec_name = "to"

    to = fields.Char(
        required=True,
        index=True,
        help="Mobile number in E.164 form (+905XXXXXXXXX).",
    )
    body = fields.Text(
        required=True,
        help="The text as shown; a personal link's secret (a survey token) is masked here.",
    )
    private_body = fields.Text(
        groups="base.group_system",
        copy=False,
        help="The text handed to the provider when it differs from the one shown (a "
             "personal link with its token): read by the sending job only, emptied once "
             "the provider has it.",
    )
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="queued",
        index=True,
    )
    attempts = fields.Integer(
        readonly=True,
    )
    next_attempt = fields.Datetime(
        default=fields.Datetime.now,
        readonly=True,
        help="The cron does not try the message before this time (back-off).",
    )
    last_error = fields.Char(
        readonly=True,
    )
    provider_reply = fields.Char(
        readonly=True,
        help="The provider's last answer (code and text).",
    )
    provider = fields.Char(
        readonly=True,
        help="The provider last tried.",
    )
    provider_message_id = fields.Char(
        string="Provider Message ID",
        index=True,
        readonly=True,
        copy=False,
    )
    sent_date = fields.Datetime(
        readonly=True,
        copy=False,
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        index=True,
        ondelete="set null",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Recipient",
        index=True,
        ondelete="set null",
    )
    template_code = fields.Selection(
        selection="_hid_template_selection",
        string="Template",
        index=True,
    )
    encoding = fields.Selection(
        selection=[(segments.GSM7, "GSM 7-bit"),
                   (segments.GSM7_TR, "GSM 7-bit, Turkish shift table"),
                   (segments.UCS2, "UCS-2 (Unicode)")],
        compute="_compute_segments",
        store=True,
    )
    segment_count = fields.Integer(
        string="SMS Parts",
        compute="_compute_segments",
        store=True,
        help="How many SMS the provider bills for this text.",
    )

    # ---------------------------------------------------
    # Computes
    # ---------------------------------------------------

    @api.model
    def _hid_template_selection(self):
        """The templates' Turkish names instead of their codes ("received", "concluded")."""
        templates = self.env["hid.sms.template"].sudo().with_context(active_test=False).search(
            [])
        return [(template.code, template.name) for template in templates]

    @api.depends("body", "provider")
    def _compute_segments(self):
        """Parts as the provider that sent it (else the configured one) encodes the text."""
        configured = self._segment_policy()
        for sms in self:
            adapter = registry.ADAPTERS.get(sms.provider)
            policy = adapter.segment_policy if adapter else configured
            info = segments.count_segments(sms.body or "", policy)
            sms.encoding = info.encoding
            sms.segment_count = info.segments

    @api.model_cr
    def init(self):
        """Partial index for the cron's question "which queued messages are due?"."""
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS hid_sms_due_idx ON hid_sms (next_attempt) "
            "WHERE state = 'queued'")

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        return super().create(self._prepare_number(vals))

    @api.multi
    def write(self, vals):
        vals = self._prepare_number(vals)
        if "state" in vals:
            for sms in self:
                if vals["state"] != sms.state and vals["state"] not in TRANSITIONS[sms.state]:
                    raise UserError(_("SMS to %(to)s is %(state)s; it cannot become "
                                      "%(new)s.") % {"to": sms.to, "state": sms.state,
                                                     "new": vals["state"]})
        if {"to", "body", "private_body"} & set(vals) \
                and self.filtered(lambda s: s.state == "sent"):
            raise UserError(_("A sent SMS cannot be changed."))
        return super().write(vals)

    @api.model
    def _prepare_number(self, vals):
        """`to` in E.164 and a mobile: an SMS to a landline would only fail at the provider."""
        if "to" not in vals:
            return vals
        vals = dict(vals)
        vals["to"] = self.env["res.partner"]._hid_normalize_value("mobile", vals["to"])
        try:
            mobile = phone_lib.is_mobile(vals["to"])
        except HidLibError:
            mobile = False
        if not mobile:
            raise ValidationError(_("%s is not a mobile number; SMS can only go to mobiles.")
                                  % (vals["to"] or "-"))
        return vals

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_retry(self):
        """Staff put failed (or cancelled) messages back in the queue, with fresh attempts."""
        self.write({"state": "queued", "attempts": 0, "next_attempt": fields.Datetime.now(),
                    "last_error": False})
        return True

    @api.multi
    def action_cancel(self):
        """Staff give up a message that should not go out."""
        self.write({"state": "cancelled"})
        return True

    # ---------------------------------------------------
    # Sending
    # ---------------------------------------------------

    @api.model
    def _cron_send(self):
        """Scheduled job: send what is due, committing after each message."""
        return self._send_due(auto_commit=True)

    @api.model
    def _send_due(self, auto_commit=False, limit=BATCH):
        """Send the due messages once each; a second worker skips the rows this one holds."""
        adapter = self._adapter()
        if adapter is None:
            _logger.info("No SMS provider configured: queued SMS wait.")
            return 0
        now = self._now()
        self.env.cr.execute(
            "SELECT id FROM hid_sms WHERE state = 'queued' AND next_attempt <= %s "
            "ORDER BY next_attempt, id LIMIT %s", (now, limit))
        ids = [row[0] for row in self.env.cr.fetchall()]
        done = streak = 0
        for sms_id in ids:
            if streak >= OUTAGE_STREAK:
                _logger.warning("SMS provider unavailable: %d messages left for the next run",
                                len(ids) - done)
                break
            if not self._lock_queued(sms_id):
                continue
            sms = self.browse(sms_id)
            status = sms._send_one(adapter, now)
            done += 1
            streak = streak + 1 if status in (sms_base.RETRY, sms_base.QUOTA) else 0
            if auto_commit:
                # Commit per message: once the provider accepted it, "sent" must be durable
                # before the next HTTP call, so that a crash later never resends it; the
                # commit also releases this row's lock.
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return done

    def _lock_queued(self, sms_id):
        """Lock the row and re-check its state, or leave it to the worker that has it.

        Another worker may hold it (SKIP LOCKED leaves it to them) or may have updated it since
        this transaction's snapshot: under Odoo's REPEATABLE READ that raises a serialization
        failure rather than skipping, so it is caught in a savepoint and the row left alone.
        """
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "SELECT id FROM hid_sms WHERE id = %s AND state = 'queued' "
                    "FOR UPDATE SKIP LOCKED", (sms_id,), log_exceptions=False)
                return bool(self.env.cr.fetchone())
        except psycopg2.errors.SerializationFailure:
            return False

    def _send_one(self, adapter, now):
        """Hand one message to the provider, record the outcome and return its status."""
        result = adapter.send(self.to, self.sudo().private_body or self.body)
        vals = {"provider_reply": (result.detail or "")[:250], "provider": adapter.name}
        if result.status == sms_base.SENT:
            vals.update(state="sent", provider_message_id=result.provider_id,
                        private_body=False,
                        sent_date=_dt(now), last_error=False,
                        attempts=self.attempts + 1)
        elif result.status == sms_base.QUOTA:
            vals.update(next_attempt=_dt(now + QUOTA_DELAY),
                        last_error=_("Provider quota exhausted."))
        else:
            vals.update(self._failure_vals(result, now))
        self.write(vals)
        if vals.get("state") == "failed" and self.ticket_id:
            self.ticket_id.sudo().message_post(body=_(
                "The SMS to the applicant could not be sent: %s") % vals["last_error"],
                subtype="mail.mt_note")
        return result.status

    def _failure_vals(self, result, now):
        """An attempt used up: back off, or fail for good (permanent error or no attempts)."""
        attempts = self.attempts + 1
        vals = {"attempts": attempts, "last_error": (result.detail or result.code or "")[:250]}
        if result.status == sms_base.PERMANENT or attempts >= self._max_attempts():
            vals["state"] = "failed"
        else:
            vals["next_attempt"] = _dt(now + retry.backoff_delay(attempts))
        return vals

    # ---------------------------------------------------
    # Configuration
    # ---------------------------------------------------

    @api.model
    def _now(self):
        """The current time; tests move it forward through the context."""
        now = self.env.context.get("hid_sms_now")
        return fields.Datetime.from_string(now) if now else datetime.datetime.utcnow().replace(
            microsecond=0)

    @api.model
    def _param(self, key, default=False):
        return self.env["ir.config_parameter"].sudo().get_param(PARAM % key, default)

    @api.model
    def _max_attempts(self):
        try:
            return max(1, int(self._param("max_attempts", DEFAULT_MAX_ATTEMPTS)))
        except ValueError:
            return DEFAULT_MAX_ATTEMPTS

    @api.model
    def _segment_policy(self):
        """The chosen provider's way with Turkish letters (see lib/sms/segments.py)."""
        adapter = registry.ADAPTERS.get(self._param("provider"))
        return adapter.segment_policy if adapter else segments.POLICY_DEFAULT

    @api.model
    def _adapter(self):
        """The configured provider adapter, or None while none is configured."""
        name = self._param("provider")
        if name not in registry.ADAPTERS:
            return None
        try:
            timeout = float(self._param("timeout", sms_base.DEFAULT_TIMEOUT))
        except ValueError:
            timeout = sms_base.DEFAULT_TIMEOUT
        return registry.get_adapter(
            name, username=self._param("username"), password=self._param("password"),
            sender=self._param("sender"), base_url=self._param("base_url") or None,
            timeout=timeout)
