# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import deadlines
from ..lib.exceptions import DeadlineError

TZ = pytz.timezone("Europe/Istanbul")
G_AGENT = "hid_basvuru.group_hid_agent"
G_STAFF = "hid_basvuru.group_hid_staff"
G_MANAGER = "hid_basvuru.group_hid_mudurluk_manager"

CLOSURE_STATES = [
    ("cozuldu", "Solved"),
    ("bilgi_verildi", "Information given"),
    ("programa_alindi", "Scheduled"),
    ("sevk_edildi", "Out of our authority / forwarded"),
    ("gerekceli_ret", "Refused with reasons"),
    ("mukerrer", "Duplicate"),
]
# Closure states that tell the citizen something: a written answer must exist.
ANSWER_REQUIRED = {"cozuldu", "bilgi_verildi", "programa_alindi", "gerekceli_ret"}
DEADLINE_STATES = [
    ("none", "No deadline"),
    ("on_time", "On time"),
    ("due_soon", "Due soon"),
    ("overdue", "Overdue"),
]
LEGAL_BASES = [
    (deadlines.LAW_3071, "3071 Right of Petition (30 days)"),
    (deadlines.LAW_4982, "4982 Right to Information (15 working days)"),
    (deadlines.ACIK_KAPI, "Açık Kapı (7 days)"),
    (deadlines.CIMER, "CİMER (30 days)"),
    (deadlines.INTERNAL, "Internal target only"),
]
# Fields that only the workflow methods below may change.
WORKFLOW_FIELDS = {"closure_state", "closure_note", "extended", "extension_reason",
                   "extension_date", "reopen_count", "answer_date", "answer_user_id",
                   "duplicate_of_id", "overdue_escalated"}


class HelpdeskTicket(models.Model):
    """A citizen application (başvuru): intake, havale, answer, honest closure, deadlines."""

    _inherit = "helpdesk.ticket"
    _order = "received_date desc, id desc"

    # ---------------------------------------------------
    # Fields
    # ---------------------------------------------------

    # The applicant's identity is for the directorate; a müdürlük sees applicant_summary.
    partner_id = fields.Many2one(
        groups=G_AGENT,
    )
    partner_name = fields.Char(
        groups=G_AGENT,
    )
    partner_email = fields.Char(
        groups=G_AGENT,
    )
    # Not NOT NULL in the database: tickets that exist before HİD is installed get their type
    # from _hid_adopt_existing_tickets; every new one from _prepare_intake_vals.
    basvuru_type_id = fields.Many2one(
        comodel_name="hid.basvuru.type",
        string="Type",
        index=True,
        default=lambda self: self.env.ref("hid_basvuru.type_talep", raise_if_not_found=False),
        track_visibility="onchange",
    )
    received_date = fields.Datetime(
        required=True,
        index=True,
        default=fields.Datetime.now,
        help="When the municipality received the application; the deadlines run from it.",
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        index=True,
    )
    address = fields.Char()
    latitude = fields.Float(
        digits=(10, 7),
    )
    longitude = fields.Float(
        digits=(10, 7),
    )
    cimer_no = fields.Char(
        string="CİMER No",
        index=True,
        copy=False,
    )
    acik_kapi_no = fields.Char(
        string="Açık Kapı No",
        index=True,
        copy=False,
    )
    evrak_no = fields.Char(
        string="Document Registry No",
        index=True,
        copy=False,
    )
    confidential = fields.Boolean(
        string="Keep My Identity Confidential",
        help="The müdürlük handling the application does not see who applied (ihbar).",
    )
    anonymous = fields.Boolean(
        help="The applicant did not give an identity.",
    )
    kvkk_notice_given = fields.Boolean(
        string="KVKK Notice Given",
        help="The applicant was informed how their personal data is processed (KVKK "
             "aydınlatma metni).",
    )
    applicant_summary = fields.Char(
        string="Applicant",
        compute="_compute_applicant",
    )
    applicant_phone = fields.Char(
        compute="_compute_applicant",
    )
    duplicate_of_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Duplicate Of",
        index=True,
        copy=False,
        readonly=True,
    )
    duplicate_ids = fields.One2many(
        comodel_name="helpdesk.ticket",
        inverse_name="duplicate_of_id",
        string="Duplicates",
        readonly=True,
    )
    possible_duplicate_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        string="Possible Duplicates",
        compute="_compute_possible_duplicates",
    )
    havale_ids = fields.One2many(
        comodel_name="hid.havale",
        inverse_name="ticket_id",
        string="Routing History",
        readonly=True,
    )
    stage_code = fields.Char(
        related="stage_id.code",
        store=True,
        index=True,
        readonly=True,
    )
    answer = fields.Text(
        string="Answer to the Citizen",
        help="The public answer: sent to the citizen and shown on the status page.",
    )
    answer_date = fields.Datetime(
        readonly=True,
        copy=False,
    )
    answer_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Answered By",
        readonly=True,
        copy=False,
    )
    closure_state = fields.Selection(
        selection=CLOSURE_STATES,
        string="Closure",
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    closure_note = fields.Text(
        readonly=True,
        copy=False,
    )
    reopen_count = fields.Integer(
        readonly=True,
        copy=False,
    )
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

    # ---------------------------------------------------
    # Computes
    # ---------------------------------------------------

    @api.depends("partner_id", "confidential", "anonymous")
    def _compute_applicant(self):
        see_identity = self.env.user.has_group(G_AGENT)
        for ticket in self:
            partner = ticket.sudo().partner_id
            ticket.applicant_phone = False
            if ticket.anonymous or not partner:
                ticket.applicant_summary = _("Anonymous")
            elif ticket.confidential and not see_identity:
                ticket.applicant_summary = _("Confidential: identity hidden")
            else:
                masked = partner.tckn_masked
                ticket.applicant_summary = "%s (%s)" % (partner.name, masked) if masked \
                    else partner.name
                ticket.applicant_phone = partner.mobile or partner.phone

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
        today = self._today()
        now = fields.Datetime.from_string(fields.Datetime.now())
        for ticket in self:
            if ticket.stage_id.closed:
                ticket.deadline_state = ticket.target_state = "none"
                continue
            ticket.deadline_state = deadlines.deadline_state(
                fields.Date.from_string(ticket.legal_deadline), today)
            ticket.target_state = deadlines.deadline_state(
                fields.Datetime.from_string(ticket.internal_deadline), now, soon_days=0)

    @api.depends("partner_id", "category_id", "mahalle_id", "cimer_no", "acik_kapi_no")
    def _compute_possible_duplicates(self):
        for ticket in self:
            domain = ticket._get_possible_duplicates_domain()
            ticket.possible_duplicate_ids = self.search(domain, limit=20) if domain else False

    def _get_possible_duplicates_domain(self):
        """Same citizen, same external reference, or same subject in the same mahalle lately."""
        since = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(days=30))
        alternatives = []
        partner = self.sudo().partner_id
        if partner:
            alternatives.append([("partner_id", "=", partner.id)])
        if self.cimer_no:
            alternatives.append([("cimer_no", "=", self.cimer_no)])
        if self.acik_kapi_no:
            alternatives.append([("acik_kapi_no", "=", self.acik_kapi_no)])
        if self.category_id and self.mahalle_id:
            alternatives.append([("category_id", "=", self.category_id.id),
                                 ("mahalle_id", "=", self.mahalle_id.id),
                                 ("received_date", ">=", since)])
        if not alternatives:
            return []
        domain = ["|"] * (len(alternatives) - 1)
        for alternative in alternatives:
            domain += ["&"] * (len(alternative) - 1) + alternative
        if isinstance(self.id, int):
            domain = [("id", "!=", self.id)] + domain
        return domain

    # ---------------------------------------------------
    # Constraints
    # ---------------------------------------------------

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for ticket in self:
            if not -90 <= ticket.latitude <= 90 or not -180 <= ticket.longitude <= 180:
                raise ValidationError(_("Coordinates: the latitude must be between -90 and 90 "
                                        "and the longitude between -180 and 180."))

    def init(self):
        """One case per CİMER / Açık Kapı number: later arrivals are linked duplicates."""
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS helpdesk_ticket_cimer_no_original_uniq
                ON helpdesk_ticket (cimer_no)
             WHERE cimer_no IS NOT NULL AND duplicate_of_id IS NULL
        """)
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS helpdesk_ticket_acik_kapi_no_original_uniq
                ON helpdesk_ticket (acik_kapi_no)
             WHERE acik_kapi_no IS NOT NULL AND duplicate_of_id IS NULL
        """)

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        vals = self._prepare_intake_vals(dict(vals))
        ticket = super().create(vals)
        ticket._after_intake()
        return ticket

    @api.multi
    def write(self, vals):
        if not self.env.context.get("hid_workflow"):
            self._check_manual_write(vals)
        return super().write(vals)

    @api.multi
    def message_get_suggested_recipients(self):
        """Only the directorate may see (and so write to) the applicant."""
        if not self.env.user.has_group(G_AGENT):
            return {ticket.id: [] for ticket in self}
        return super().message_get_suggested_recipients()

    # ---------------------------------------------------
    # Mail gateway: e-mails to the directorate's alias
    # ---------------------------------------------------

    @api.model
    def message_new(self, msg, custom_values=None):
        """An e-mail to the alias is an application on the E-posta channel from a citizen."""
        values = dict(custom_values or {})
        partner = self._hid_citizen_from_email(msg.get("email_from") or msg.get("from"))
        values.setdefault("channel_id",
                          self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").id)
        values.setdefault("partner_id", partner.id)
        # The acknowledgement posted below, in the same transaction, carries the KVKK notice.
        values.setdefault("kvkk_notice_given", bool(partner))
        ticket = super().message_new(msg, custom_values=values)
        ticket._hid_acknowledge_email()
        return ticket

    @api.model
    def _hid_citizen_from_email(self, email_from):
        """The citizen writing: found by address, else registered from the e-mail's From."""
        addresses = tools.email_split(email_from or "")
        if not addresses:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo()
        citizen = Partner.search([("hid_citizen", "=", True),
                                  ("email", "=ilike", addresses[0])], limit=1)
        if citizen:
            return citizen
        name = Partner._parse_partner_name(email_from)[0] or addresses[0]
        return Partner.create({"name": name, "email": addresses[0], "hid_citizen": True,
                               "kvkk_notice_given": True})

    def _hid_acknowledge_email(self):
        """Reply to the sender: tracking number, status page, and the KVKK notice."""
        partner = self.sudo().partner_id
        if not partner.email:
            return
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        body = _(
            "<p>Your application has been received. Tracking number: <b>%(number)s</b>.</p>"
            "<p>You can follow it at %(link)s with this number and your phone number, or by "
            "replying to this e-mail.</p>"
            "<p>Personal data notice (KVKK, Law 6698): Sancaktepe Belediyesi processes the "
            "personal data in your application only to answer it and keeps it as the law on "
            "archives requires; you may ask for access, correction or deletion at any time.</p>"
        ) % {"number": self.number, "link": "%s/basvuru/sorgula?no=%s" % (base_url,
                                                                          self.number)}
        self.sudo().message_post(body=body, subtype="mail.mt_comment",
                                 message_type="comment", partner_ids=partner.ids)

    @api.multi
    def send_user_mail(self):
        """helpdesk_mgmt e-mails the *customer* about an assignment; HİD tells the assignee."""
        for ticket in self.filtered("user_id"):
            partner = ticket.user_id.partner_id
            ticket.sudo().message_subscribe(partner_ids=partner.ids)
            ticket.sudo().message_post(
                body=_("Assigned to %s.") % ticket.user_id.name, partner_ids=partner.ids,
                subtype="mail.mt_note", author_id=self.env.user.partner_id.id)

    def _prepare_intake_vals(self, vals):
        """Number, default müdürlük and stage, confidentiality, and the duplicate link."""
        if not vals.get("number") or vals.get("number") == "/":
            year = datetime.datetime.now(TZ).year
            vals["number"] = "%d-%06d" % (year, self.env["hid.basvuru.counter"].sudo()._next(year))
        category = self.env["helpdesk.ticket.category"].browse(vals.get("category_id"))
        if not vals.get("team_id") and category.team_id:
            vals["team_id"] = category.team_id.id
        partner = self.env["res.partner"].sudo().browse(vals.get("partner_id"))
        if not vals.get("mahalle_id") and partner.mahalle_id:
            vals["mahalle_id"] = partner.mahalle_id.id
        if not vals.get("basvuru_type_id"):
            vals["basvuru_type_id"] = self.env.ref("hid_basvuru.type_talep").id
        btype = self.env["hid.basvuru.type"].browse(vals["basvuru_type_id"])
        if "confidential" not in vals and btype.confidential_default:
            vals["confidential"] = True
        if partner.hid_citizen and not vals.get("anonymous") \
                and not vals.get("kvkk_notice_given"):
            raise ValidationError(_("KVKK: tell the applicant how their personal data is "
                                    "processed (aydınlatma metni) and tick \"KVKK Notice "
                                    "Given\" before saving."))
        if not vals.get("stage_id"):
            vals["stage_id"] = self._stage("routed" if vals.get("team_id") else "new").id
        original = self._find_original(vals)
        if original:
            vals["duplicate_of_id"] = original.id
        return vals

    def _find_original(self, vals):
        """The case an incoming CİMER / Açık Kapı number already belongs to, if any."""
        for field in ("cimer_no", "acik_kapi_no"):
            if vals.get(field):
                vals[field] = vals[field].strip()
                original = self.sudo().search(
                    [(field, "=", vals[field]), ("duplicate_of_id", "=", False)], limit=1)
                if original:
                    return original
        return self.browse()

    def _after_intake(self):
        """History, notification of the müdürlük, and the duplicate's trace on its original."""
        if self.team_id:
            self._log_havale("havale", False, self.team_id, note=_("Routed at intake."))
            self._notify_team(self.team_id)
        if self.duplicate_of_id:
            self.duplicate_of_id.sudo().message_post(body=_(
                "The same reference arrived again as application %s; it is linked here as a "
                "duplicate.") % self.number)

    @api.model
    def _hid_adopt_existing_tickets(self):
        """Tickets made before HİD was installed (helpdesk_mgmt's) become talep applications."""
        self.sudo().with_context(hid_workflow=True, tracking_disable=True).search(
            [("basvuru_type_id", "=", False)]).write(
                {"basvuru_type_id": self.env.ref("hid_basvuru.type_talep").id})

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

    # ---------------------------------------------------
    # Workflow actions (the rules; wizards and RPC call these)
    # ---------------------------------------------------

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

    @api.multi
    def action_extend(self, reason):
        """4982: extend to 30 working days once, within the first 15, telling the applicant."""
        self._require(G_STAFF, _("Only the Public Relations staff extend deadlines."))
        calendar = self.env["hid.holiday"]._work_calendar()
        today = self._today()
        for ticket in self:
            pauses = [(fields.Date.from_string(p.date_start), fields.Date.from_string(p.date_end))
                      for p in ticket.fee_pause_ids]
            try:
                deadlines.check_extension(ticket.legal_basis, ticket._received_local_date(),
                                          calendar, today, ticket.extended, reason, pauses)
            except DeadlineError as error:
                raise UserError(self._lib_message(error))
            ticket._workflow_write({"extended": True, "extension_reason": reason,
                                    "extension_date": fields.Date.to_string(today)})
            ticket._notify_applicant(_(
                "The answer period of your application %(number)s is extended to 30 working "
                "days (Law 4982, art. 11). Reason: %(reason)s. New deadline: %(deadline)s.") % {
                    "number": ticket.number, "reason": reason,
                    "deadline": ticket.legal_deadline})
        return True

    # ---------------------------------------------------
    # Deadline monitoring
    # ---------------------------------------------------

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
        self.env.cr.execute("""
            WITH s AS (
                SELECT t.id,
                    CASE WHEN st.closed OR t.legal_deadline IS NULL THEN 'none'
                         WHEN t.legal_deadline < %(today)s THEN 'overdue'
                         WHEN t.legal_deadline < %(today)s + 2 THEN 'due_soon'
                         ELSE 'on_time' END AS legal,
                    CASE WHEN st.closed OR t.internal_deadline IS NULL THEN 'none'
                         WHEN t.internal_deadline < %(now)s THEN 'overdue'
                         ELSE 'on_time' END AS target
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
        """, {"today": self._today(), "now": fields.Datetime.now()})
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

    # ---------------------------------------------------
    # Helpers
    # ---------------------------------------------------

    @api.model
    def _today(self):
        """Today in Istanbul: deadlines are Turkish calendar days, whatever the server's zone."""
        return datetime.datetime.now(TZ).date()

    def _received_local_date(self):
        """The day (Istanbul time) the application was received."""
        received = pytz.utc.localize(fields.Datetime.from_string(self.received_date))
        return received.astimezone(TZ).date()

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

    def _notify_team(self, team, note=False):
        """The müdürlük's members follow the application and get a notification."""
        partners = team.user_ids.mapped("partner_id")
        if not partners:
            return
        self.sudo().message_subscribe(partner_ids=partners.ids)
        body = _("Application %(number)s was routed to %(team)s.") % {
            "number": self.number, "team": team.name}
        if note:
            body += "<br/>" + note
        self.sudo().message_post(body=body, partner_ids=partners.ids,
                                 subtype="mail.mt_note")

    def _notify_applicant(self, text):
        """A notice to the applicant: logged on the application (SMS/e-mail channels follow)."""
        self.sudo().message_post(body=text, subtype="mail.mt_note")

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
