# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hid_basvuru.lib import deadlines

TZ = pytz.timezone("Europe/Istanbul")
G_EVRAK = "hid_evrak.group_hid_evrak_user"
G_AGENT = "hid_basvuru.group_hid_agent"
SECRET = ("gizli", "cok_gizli")
# what a müdürlük writes on a document handed to it: the outgoing answer
MUDURLUK_FIELDS = {"answer_no", "answer_date"}
# what the registry writes; state, müdürlük, number and dates are the actions' (allow-list)
REGISTRY_FIELDS = MUDURLUK_FIELDS | {
    "gelis_sekli", "sender_id", "sender_date", "sender_no", "subject", "sdp_id", "evrak_type",
    "gizlilik", "ivedilik", "miat_date", "page_count", "physical_attachments", "scan_ids",
    "kvkk_notice_given", "answer_deadline", "ticket_id",
    # mail.thread's own bookkeeping (message_subscribe, message_post)
    "message_follower_ids", "message_last_post",
}


class HidEvrak(models.Model):
    """An incoming document of the registry (evrak kayıt), numbered per year."""

    _name = "hid.evrak"
    _inherit = ["mail.thread", "hid.protected.field.mixin"]
    _description = "Registered Document"
    _order = "kayit_date desc, id desc"
    # the sender may be a confidential applicant: search, order, group by only for those
    # who may read it (hid.protected.field.mixin); the others read sender_display
    _hid_protected_fields = ("sender_id",)

    # ---------------------------------------------------
    # Fields
    # ---------------------------------------------------

    name = fields.Char(
        string="Registry No",
        readonly=True,
        index=True,
        copy=False,
        default="/",
    )
    kayit_date = fields.Datetime(
        string="Registered On",
        required=True,
        readonly=True,
        default=fields.Datetime.now,
        index=True,
    )
    gelis_sekli = fields.Selection(
        selection=[
            ("elden", "By Hand"),
            ("posta", "Post"),
            ("kargo", "Courier"),
            ("eposta", "E-mail"),
            ("kep", "KEP (Registered E-mail)"),
            ("faks", "Fax"),
        ],
        string="Arrived By",
        required=True,
        default="elden",
    )
    sender_id = fields.Many2one(
        comodel_name="res.partner",
        string="Sender",
        required=True,
        index=True,
        groups="%s,%s" % (G_AGENT, G_EVRAK),
        help="A citizen or an institution.",
    )
    sender_display = fields.Char(
        string="Sender",
        compute="_compute_sender_display",
        help="Who sent the document, as the user may know it: a confidential applicant's "
             "petition does not name them outside the directorate and the registry.",
    )
    sender_readable = fields.Boolean(
        compute="_compute_sender_display",
    )
    sender_hidden = fields.Boolean(
        string="Sender Confidential",
        compute="_compute_sender_hidden",
        store=True,
        help="The application this petition belongs to keeps its applicant confidential.",
    )
    sender_date = fields.Date(
        string="Sender's Date",
    )
    sender_no = fields.Char(
        string="Sender's Number",
        index=True,
    )
    subject = fields.Char(
        compute="_compute_content",
        inverse="_inverse_content",
        search="_search_subject",
        help="Hidden from whoever may not read a Gizli / Çok Gizli document's contents.",
    )
    sdp_id = fields.Many2one(
        comodel_name="hid.evrak.sdp",
        string="File Plan Code",
        index=True,
    )
    evrak_type = fields.Selection(
        selection=[
            ("dilekce", "Petition"),
            ("resmi_yazi", "Official Letter"),
            ("bilgi_notu", "Information Note"),
            ("davetiye", "Invitation"),
            ("fatura", "Invoice"),
            ("diger", "Other"),
        ],
        string="Document Type",
        required=True,
        default="dilekce",
    )
    gizlilik = fields.Selection(
        selection=[
            ("normal", "Normal"),
            ("hizmete_ozel", "Restricted (Hizmete Özel)"),
            ("gizli", "Confidential (Gizli)"),
            ("cok_gizli", "Secret (Çok Gizli)"),
        ],
        string="Confidentiality",
        required=True,
        default="normal",
    )
    secret = fields.Boolean(
        compute="_compute_secret",
        store=True,
        index=True,
    )
    ivedilik = fields.Selection(
        selection=[
            ("normal", "Normal"),
            ("acele", "Urgent (Acele)"),
            ("gunlu", "Dated (Günlü)"),
        ],
        string="Urgency",
        required=True,
        default="normal",
    )
    miat_date = fields.Date(
        string="Due Date (Miat)",
    )
    page_count = fields.Integer(
        string="Pages",
    )
    physical_attachments = fields.Text(
        compute="_compute_content",
        inverse="_inverse_content",
        help="Enclosures that stay on paper, described in words.",
    )
    scan_ids = fields.One2many(
        comodel_name="hid.evrak.scan",
        inverse_name="evrak_id",
        string="Scans",
    )
    sender_kind = fields.Selection(
        selection=[
            ("citizen", "A citizen: open an application"),
            ("institution", "An institution or other: no application"),
        ],
        string="Sender Is",
        copy=False,
        help="Asked for a petition whose sender is not yet known as a citizen (say one just "
             "created here): a citizen's petition is an application.",
    )
    sender_kind_needed = fields.Boolean(
        compute="_compute_sender_kind_needed",
    )
    kvkk_notice_given = fields.Boolean(
        string="KVKK Notice Given",
        help="For a citizen's petition: the citizen was told how their data is processed.",
    )
    answer_deadline = fields.Date(
        index=True,
    )
    answer_no = fields.Char(
        string="Answer Number",
    )
    answer_date = fields.Date(
    )
    overdue = fields.Boolean(
        compute="_compute_overdue",
        search="_search_overdue",
    )
    overdue_reminded = fields.Boolean(
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        selection=[
            ("registered", "Registered"),
            ("sent", "Handed Over"),
            ("received", "Received"),
        ],
        required=True,
        readonly=True,
        default="registered",
        index=True,
        copy=False,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        readonly=True,
        index=True,
        copy=False,
        help="The müdürlük the document was handed to.",
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        index=True,
        copy=False,
    )
    duplicate_of_id = fields.Many2one(
        comodel_name="hid.evrak",
        string="Same Document As",
        readonly=True,
        copy=False,
        help="Registered before with the same sender and sender's number.",
    )
    zimmet_line_ids = fields.One2many(
        comodel_name="hid.zimmet.line",
        inverse_name="evrak_id",
        string="Hand-overs",
        readonly=True,
    )

    _sql_constraints = [
        ("page_count_positive", "check(page_count >= 0)", "Pages cannot be negative."),
    ]

    # ---------------------------------------------------
    # Compute
    # ---------------------------------------------------

    @api.depends("ticket_id.confidential", "ticket_id.anonymous")
    def _compute_sender_hidden(self):
        for evrak in self:
            ticket = evrak.sudo().ticket_id
            evrak.sender_hidden = bool(ticket.confidential or ticket.anonymous)

    def _compute_sender_display(self):
        """sudo to name the sender only after deciding the user may know it."""
        readable = self._sender_readable()
        for evrak in self:
            evrak.sender_readable = readable
            if evrak.sender_hidden and not readable:
                evrak.sender_display = _("Confidential: identity hidden")
            else:
                evrak.sender_display = evrak.sudo().sender_id.display_name

    @api.model
    def _sender_readable(self):
        """Directorate staff and the registry read every sender (sender_id's groups)."""
        return self.env.user.has_group(G_AGENT) or self.env.user.has_group(G_EVRAK)

    @api.depends("evrak_type", "sender_id", "ticket_id")
    def _compute_sender_kind_needed(self):
        """The form asks "citizen or institution?" when registration would otherwise not
        know whether a petition is a citizen's."""
        for evrak in self:
            evrak.sender_kind_needed = not evrak.id and self._sender_kind_needed(
                evrak.evrak_type, evrak.sender_id, evrak.ticket_id)

    @api.model
    def _sender_kind_needed(self, evrak_type, sender, ticket):
        return bool(evrak_type == "dilekce" and sender and not ticket
                    and not sender.hid_citizen and not sender.is_company)

    @api.depends("gizlilik")
    def _compute_secret(self):
        for evrak in self:
            evrak.secret = evrak.gizlilik in SECRET

    def _compute_content(self):
        """One search under the reader's record rules: what it may not read says so."""
        real = self.filtered("id").filtered(lambda e: isinstance(e.id, int))
        contents = self.env["hid.evrak.content"].search([("evrak_id", "in", real.ids)])
        by_evrak = {c.evrak_id.id: c for c in contents}
        for evrak in self:
            if evrak not in real:
                # a record being created in a form keeps what the user types (in cache)
                evrak.subject = evrak.physical_attachments = False
                continue
            content = by_evrak.get(evrak.id)
            evrak.subject = content.subject if content else _("(confidential)")
            evrak.physical_attachments = content.physical_attachments if content else False

    def _inverse_content(self):
        """Subject and physical attachments are kept apart, on hid.evrak.content."""
        content_model = self.env["hid.evrak.content"]
        contents = content_model.search([("evrak_id", "in", self.ids)])
        for evrak in self:
            if not evrak.subject:
                raise ValidationError(_("Subject: every document has a subject."))
            vals = {"subject": evrak.subject,
                    "physical_attachments": evrak.physical_attachments}
            content = contents.filtered(lambda c, e=evrak: c.evrak_id == e)
            if content:
                content.write(vals)
            else:
                content_model.create(dict(vals, evrak_id=evrak.id))

    @api.model
    def _hid_secret_unreadable(self, ids):
        """Of the documents `ids`, the secret ones whose content the user may not read: a
        rule of hid.evrak.content must grant it (hid_evrak_rules*.xml)."""
        ids = [i for i in ids if isinstance(i, int)]
        if not ids:
            return set()
        self.env.cr.execute("SELECT id FROM hid_evrak WHERE id IN %s AND secret",
                            (tuple(ids),))
        secret = {row[0] for row in self.env.cr.fetchall()}
        if not secret or self.env.uid == SUPERUSER_ID:
            return set()
        contents = self.env["hid.evrak.content"]
        if not contents.check_access_rights("read", raise_exception=False):
            return secret
        self.env.cr.execute("SELECT id FROM hid_evrak_content WHERE evrak_id IN %s",
                            (tuple(secret),))
        readable = contents.browse([row[0] for row in self.env.cr.fetchall()])
        readable = contents.search([("id", "in", readable.ids)])
        return secret - set(readable.sudo().mapped("evrak_id").ids)

    @api.model
    def _hid_secret_message(self):
        return _("This file belongs to a confidential (Gizli / Çok Gizli) document: only "
                 "those who may read its contents open it.")

    def _search_subject(self, operator, value):
        """Search only the subjects the user may read."""
        contents = self.env["hid.evrak.content"].search([("subject", operator, value)])
        return [("id", "in", contents.mapped("evrak_id").ids)]

    def _compute_overdue(self):
        today = fields.Date.to_string(self._today())
        for evrak in self:
            evrak.overdue = bool(evrak.answer_deadline and not evrak.answer_date
                                 and evrak.answer_deadline < today)

    def _search_overdue(self, operator, value):
        """Overdue = deadline passed and no answer yet."""
        domain = ["&", ("answer_deadline", "<", fields.Date.to_string(self._today())),
                  ("answer_date", "=", False)]
        if (operator == "=") == bool(value):
            return domain
        return ["|", ("answer_deadline", ">=", fields.Date.to_string(self._today())),
                "|", ("answer_deadline", "=", False), ("answer_date", "!=", False)]

    # ---------------------------------------------------
    # Constraints
    # ---------------------------------------------------

    @api.constrains("ivedilik", "miat_date")
    def _check_miat(self):
        """A Günlü document has a due date, and not one already past."""
        today = fields.Date.to_string(self._today())
        for evrak in self.filtered(lambda e: e.ivedilik == "gunlu"):
            if not evrak.miat_date:
                raise ValidationError(_("Urgency Günlü: give the due date (miat)."))
            if evrak.miat_date < today:
                raise ValidationError(_("Urgency Günlü: the due date (miat) %s is in the "
                                        "past.") % evrak.miat_date)

    @api.onchange("sender_id", "sender_no")
    def _onchange_sender_no(self):
        """Warn before saving; create() links the two documents whatever the clerk does."""
        original = self._find_same_document(self.sender_id.id, self.sender_no)
        if original:
            return {"warning": {
                "title": _("Already registered"),
                "message": _("This sender's number was registered as %s. Saving registers "
                             "this document too and links the two.") % original.name,
            }}

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        vals = self._prepare_registry_vals(dict(vals))
        evrak = super(HidEvrak, self.with_context(mail_create_nolog=True)).create(vals)
        evrak._after_registration()
        return evrak

    @api.multi
    def write(self, vals):
        """Allow-list per role; state, müdürlük and numbers only by the actions."""
        allowed = REGISTRY_FIELDS if self.env.user.has_group(G_EVRAK) else MUDURLUK_FIELDS
        if set(vals) - allowed:
            if not self.env.user.has_group(G_EVRAK):
                raise AccessError(_("Only the document registry edits a registered "
                                    "document; a müdürlük records its answer number and "
                                    "date."))
            raise UserError(_("The registry number, dates, state and müdürlük of a document "
                              "are set by registration and hand-over (zimmet), not edited."))
        if "ticket_id" in vals and any(e.ticket_id for e in self):
            raise ValidationError(_("This document is already linked to an application."))
        raised = self.filtered(lambda e: not e.secret) if vals.get("gizlilik") in SECRET \
            else self.browse()
        result = super().write(vals)
        if vals.get("ticket_id"):
            for evrak in self:
                evrak._link_application()
        # the write passed the user's access rights: now keep the subject out of the case
        raised._scrub_application_subject()
        return result

    def _write_workflow(self, vals):
        """The actions' own write (hand-over, receipt, iade); private, so never over RPC."""
        return super(HidEvrak, self).write(vals)

    def _scrub_application_subject(self):
        """A document made Gizli / Çok Gizli after registration: the application it opened
        loses the subject, as one registered secret never had it (_prepare_ticket_vals).

        sudo: called from write() only, after the user's write on the document passed."""
        channel = self.env.ref("hid_basvuru.channel_evrak")
        for evrak in self:
            ticket = evrak.sudo().ticket_id
            if ticket and ticket.channel_id == channel and ticket.evrak_no == evrak.name:
                label = _("Confidential document %s") % evrak.name
                ticket.with_context(tracking_disable=True).write({
                    "name": label[:200], "description": label})

    def _prepare_registry_vals(self, vals):
        """Registry number, answer deadline and the link to an earlier same document."""
        if not vals.get("subject"):
            raise ValidationError(_("Subject: every document has a subject."))
        self._apply_sender_kind(vals)
        self._check_petition_vals(vals)
        now = self._now()
        vals["name"] = "%d/%06d" % (
            now.year, self.env["hid.basvuru.counter"].sudo()._next(now.year, "evrak"))
        vals.pop("kayit_date", None)
        if not vals.get("answer_deadline"):
            if vals.get("ivedilik") == "gunlu" and vals.get("miat_date"):
                vals["answer_deadline"] = vals["miat_date"]
            else:
                vals["answer_deadline"] = fields.Date.to_string(
                    self._answer_deadline(now.date()))
        original = self._find_same_document(vals.get("sender_id"), vals.get("sender_no"))
        if original:
            vals["duplicate_of_id"] = original.id
        return vals

    def _apply_sender_kind(self, vals):
        """A petition from a sender not known as a citizen (nor an institution): the clerk
        says which. A citizen becomes one (as the clerk, with the clerk's rights) and the
        petition opens an application like any citizen's; never silently none."""
        sender = self.env["res.partner"].sudo().browse(vals.get("sender_id"))
        ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
        if not self._sender_kind_needed(vals.get("evrak_type"), sender, ticket):
            return
        kind = vals.get("sender_kind")
        if kind == "citizen":
            # the KVKK notice first: a refusal leaves the sender as it was
            self._check_petition_vals(dict(vals, _hid_citizen=True))
            sender.sudo(self.env.uid).write({"hid_citizen": True})
        elif kind != "institution":
            raise ValidationError(_("Petition from %s: say whether the sender is a citizen "
                                    "(an application is opened for the petition) or an "
                                    "institution (no application).") % sender.display_name)

    def _check_petition_vals(self, vals):
        """A citizen's petition opens an application: the KVKK notice comes first."""
        sender = self.env["res.partner"].sudo().browse(vals.get("sender_id"))
        citizen = sender.hid_citizen or vals.get("_hid_citizen")
        if vals.get("evrak_type") == "dilekce" and citizen \
                and not vals.get("ticket_id") and not vals.get("kvkk_notice_given"):
            raise ValidationError(_("KVKK: tell the citizen how their personal data is "
                                    "processed (aydınlatma metni) and tick \"KVKK Notice "
                                    "Given\" before registering the petition."))

    def _find_same_document(self, sender_id, sender_no):
        """The document registered before with this sender's number, if any."""
        if not (sender_id and sender_no and sender_no.strip()):
            return self.browse()
        return self.sudo().search([("sender_id", "=", sender_id),
                                   ("sender_no", "=", sender_no.strip()),
                                   ("duplicate_of_id", "=", False)], limit=1)

    def _after_registration(self):
        """Log it, flag a duplicate on both sides, and turn a citizen's petition into a case."""
        self.message_post(body=_("Registered as %s.") % self.name)
        if self.duplicate_of_id:
            note = _("Same sender and sender's number as %(orig)s: registered as %(dup)s and "
                     "linked, check it is not the same document twice.") % {
                "orig": self.duplicate_of_id.name, "dup": self.name}
            self.message_post(body=note)
            self.duplicate_of_id.sudo().message_post(body=note)
        if self.evrak_type == "dilekce" and self.sender_id.hid_citizen:
            self._link_application()

    def _link_application(self):
        """A citizen's petition is an application (3071, 30 days): link it or open one.

        sudo: the registry clerk does not hold the application roles; what is created is
        fixed here (channel Evrak/Dilekçe, the citizen, the registry number)."""
        tickets = self.env["helpdesk.ticket"].sudo().with_context(tracking_disable=True)
        if self.ticket_id:
            ticket = tickets.browse(self.ticket_id.id)
            if not ticket.evrak_no:
                ticket.evrak_no = self.name
        else:
            ticket = tickets.create(self._prepare_ticket_vals())
            super(HidEvrak, self).write({"ticket_id": ticket.id})
        ticket.message_post(body=_("Registered document %s (petition) is linked to this "
                                   "application.") % self.name)
        return ticket

    def _prepare_ticket_vals(self):
        """The application a petition opens; a secret one's subject stays in the registry."""
        subject = _("Confidential document %s") % self.name if self.secret else self.subject
        return {
            "name": subject[:200],
            "description": subject,
            "partner_id": self.sender_id.id,
            "channel_id": self.env.ref("hid_basvuru.channel_evrak").id,
            "basvuru_type_id": self.env.ref("hid_basvuru.type_talep").id,
            "evrak_no": self.name,
            "received_date": self.kayit_date,
            "kvkk_notice_given": self.kvkk_notice_given,
        }

    # ---------------------------------------------------
    # Actions and cron
    # ---------------------------------------------------

    @api.multi
    def action_open_application(self):
        """The application this petition became."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    @api.model
    def _cron_remind_overdue(self):
        """One set-based query for the newly overdue documents, one activity for each
        müdürlük manager (or HİM's), as for the applications."""
        self.env.cr.execute("""
            UPDATE hid_evrak SET overdue_reminded = TRUE
             WHERE answer_deadline < %s AND answer_date IS NULL
               AND state <> 'registered' AND overdue_reminded IS NOT TRUE
         RETURNING id
        """, (self._today(),))
        overdue = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.invalidate_cache(["overdue_reminded"])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        him = self.env.ref("hid_basvuru.team_him")
        for evrak in overdue.sudo():
            manager = evrak.team_id.manager_id or him.manager_id
            if manager:
                self.env["mail.activity"].sudo().create({
                    "res_model_id": model.id,
                    "res_id": evrak.id,
                    "activity_type_id": activity_type.id,
                    "user_id": manager.id,
                    "summary": _("Document answer overdue"),
                    "note": _("Registered document %(no)s was to be answered by "
                              "%(deadline)s.") % {
                        "no": evrak.name, "deadline": evrak.answer_deadline},
                    "date_deadline": fields.Date.to_string(self._today()),
                })
        return len(overdue)

    @api.model
    def _now(self):
        """Now in Istanbul: the registry's year and day are Turkish ones."""
        return datetime.datetime.now(TZ)

    @api.model
    def _today(self):
        """Today in Istanbul."""
        return self._now().date()

    @api.model
    def _answer_deadline(self, registered):
        """3071: a reasoned answer within 30 days of `registered`, on the same iş günü
        calendar as applications (a last day on a holiday moves to the next working day)."""
        calendar = self.env["hid.holiday"]._work_calendar()
        return deadlines.legal_deadline(deadlines.LAW_3071, registered, calendar)
