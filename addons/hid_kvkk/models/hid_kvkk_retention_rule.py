# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime
import logging

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import retention as lib

_logger = logging.getLogger(__name__)

BATCH = 500
# One run destroys at most this many chunks per rule; the next run goes on.
MAX_CHUNKS = 200

KINDS = [
    ("application", "Application"),
    ("citizen", "Citizen"),
    ("call", "Call (log)"),
    ("call_recording", "Call recording"),
    ("visit", "Visitor entry"),
    ("event_visit", "Halk Günü queue entry"),
    ("sms", "SMS"),
    ("survey_answer", "Survey answer"),
    ("document_scan", "Document scan"),
    ("login_attempt", "Login attempt"),
]
DATE_FROM = [
    ("closure", "Closure"),
    ("last_contact", "Last contact"),
    ("creation", "Creation"),
    ("sent", "Sending"),
    ("answer", "Answer"),
]


class HidKvkkRetentionRule(models.Model):
    """A line of the Saklama ve İmha Politikası: how long a kind of record is kept and what
    happens to it then. The HİM director (KVKK officer) edits them; HİM staff read them."""

    _name = "hid.kvkk.retention.rule"
    _description = "Retention Rule"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
    )
    kind = fields.Selection(
        selection=KINDS,
        string="Kind of Record",
        required=True,
    )
    date_from = fields.Selection(
        selection=DATE_FROM,
        string="Counted From",
        required=True,
    )
    period = fields.Integer(
        required=True,
        default=2,
    )
    period_unit = fields.Selection(
        selection=[("months", "Months"), ("years", "Years")],
        string="Unit",
        required=True,
        default="years",
    )
    action = fields.Selection(
        selection=[("anonymise", "Anonymise"), ("delete", "Delete")],
        required=True,
        default="anonymise",
    )
    activity_id = fields.Many2one(
        comodel_name="privacy.activity",
        string="Processing Activity",
        ondelete="restrict",
        help="The entry of the register of processing activities (VERBİS) this rule "
             "belongs to.",
    )
    legal_basis = fields.Char(
        translate=True,
        help="Why the data is kept this long (law, regulation, article).",
    )
    last_run = fields.Datetime(
        readonly=True,
    )
    last_count = fields.Integer(
        readonly=True,
    )

    @api.constrains("kind", "date_from", "action", "period", "period_unit")
    def _check_rule(self):
        messages = {
            "date_from": _("This kind of record cannot be counted from that date."),
            "action": _("Applications and citizens are anonymised, never deleted (the "
                        "reports count them); recordings and scans are deleted."),
            "period": _("The period must be between 1 and 100 years."),
            "unit": _("The unit must be months or years."),
            "kind": _("Unknown kind of record."),
        }
        for rule in self:
            try:
                lib.check_rule(rule.kind, rule.date_from, rule.action, rule.period,
                               rule.period_unit)
            except lib.RetentionError as error:
                raise ValidationError(messages[error.key])

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------

    @api.model
    def _cron_apply(self):
        """The scheduled action: every active rule, committed chunk by chunk."""
        return self.search([])._apply_rules(auto_commit=True)

    @api.multi
    def _apply_rules(self, now=None, auto_commit=False, batch=BATCH, max_chunks=MAX_CHUNKS):
        """Apply the rules at `now` (UTC datetime; the clock by default); returns
        {rule id: count}. Each chunk of `batch` ids is selected with one query, destroyed
        set-based, recorded in hid.kvkk.destruction and, with `auto_commit`, committed."""
        now = now or datetime.datetime.utcnow().replace(microsecond=0)
        Engine = self.env["hid.kvkk.engine"].sudo()
        Destruction = self.env["hid.kvkk.destruction"]
        run = Engine._run_ref(now)
        user = self.env.user
        result = {}
        for rule in self.sudo():
            cutoff = fields.Datetime.to_string(lib.cutoff(now, rule.period, rule.period_unit))
            total = 0
            for _chunk in range(max_chunks):
                ids = Engine._select_expired(rule.kind, rule.date_from, rule.action,
                                             cutoff, batch)
                if not ids:
                    break
                Engine._apply(rule.kind, rule.action, ids)
                Destruction._record(run, user, rule.kind, rule.action, ids, rule=rule,
                                    cutoff=cutoff)
                total += len(ids)
                if auto_commit:
                    self.env.cr.commit()  # pylint: disable=invalid-commit
            if not total:
                # The run is on record even when nothing was due (the periodic destruction
                # of the Yönetmelik, md. 11, is proven by these rows).
                Destruction._record(run, user, rule.kind, rule.action, [], rule=rule,
                                    cutoff=cutoff)
            rule.write({"last_run": fields.Datetime.to_string(now), "last_count": total})
            if auto_commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
            _logger.info("KVKK rule %s: %d %s (%s) before %s", rule.id, total, rule.kind,
                         rule.action, cutoff)
            result[rule.id] = total
        return result
