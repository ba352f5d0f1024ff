# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Data-subject requests (ilgili kişi başvurusu, KVKK md. 11 and 13; Veri Sorumlusuna
Başvuru Usul ve Esasları Hakkında Tebliğ)."""
import base64
import datetime
import io

import xlsxwriter

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from odoo.addons.hid_basvuru.lib import tckn as tckn_lib
from odoo.addons.hid_basvuru.lib.exceptions import HidLibError

from ..lib import retention as lib

G_STAFF = "hid_basvuru.group_hid_staff"

CHANNELS = [
    ("yazili", "In writing"),
    ("kep", "KEP (registered e-mail)"),
    ("eposta", "E-mail (registered with us)"),
    ("sahsen", "In person"),
    ("mobil", "Mobile signature / e-signature"),
    ("diger", "Other"),
]
STATES = [
    ("received", "Received"),
    ("in_progress", "In Progress"),
    ("answered", "Answered"),
    ("cancelled", "Cancelled"),
]
DECISIONS = [
    ("accepted", "Accepted"),
    ("partial", "Partly accepted"),
    ("rejected", "Rejected"),
]
# Written by the buttons only.
SYSTEM_FIELDS = {"state", "answer_date", "export_xlsx", "export_xlsx_name", "export_pdf",
                 "export_pdf_name", "export_date", "erasure_date", "erasure_summary", "name"}
LIGHTS = [
    ("green", "On time"),
    ("amber", "Approaching"),
    ("red", "Overdue"),
    ("done", "Answered"),
]


class HidKvkkRight(models.Model):
    """The rights of KVKK md. 11 (master data)."""

    _name = "hid.kvkk.right"
    _description = "Data Subject Right (KVKK art. 11)"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
    )
    code = fields.Char(
        required=True,
    )
    sequence = fields.Integer(
        default=10,
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a right must be unique."),
    ]


class HidKvkkRequest(models.Model):
    _name = "hid.kvkk.request"
    _description = "Data Subject Request"
    _order = "received_date desc, id desc"

    name = fields.Char(
        string="Reference",
        readonly=True,
        copy=False,
        default="/",
    )
    applicant_name = fields.Char(
        string="Name and Surname",
        required=True,
    )
    tckn = fields.Char(
        string="T.C. Identity No.",
        help="For a citizen of Türkiye; a foreigner gives nationality and passport number "
             "in the request text.",
    )
    address = fields.Text(
        string="Address for Notification",
        required=True,
    )
    phone = fields.Char()
    email = fields.Char(
        string="E-mail / KEP Address",
    )
    request_text = fields.Text(
        string="Request",
        required=True,
    )
    channel = fields.Selection(
        selection=CHANNELS,
        required=True,
        default="yazili",
    )
    right_ids = fields.Many2many(
        comodel_name="hid.kvkk.right",
        string="Rights (art. 11)",
    )
    received_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        index=True,
        help="Thirty days after receipt (KVKK art. 13).",
    )
    deadline_light = fields.Selection(
        selection=LIGHTS,
        string="Deadline Status",
        compute="_compute_deadline_light",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        domain=[("hid_citizen", "=", True)],
        ondelete="restrict",
        help="The citizen card of the applicant, once their identity is confirmed.",
    )
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="received",
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        default=lambda self: self.env.user,
    )
    decision = fields.Selection(
        selection=DECISIONS,
    )
    decision_reason = fields.Text()
    answer = fields.Text()
    answer_date = fields.Date(
        string="Answer Sent On",
        readonly=True,
    )
    export_xlsx = fields.Binary(
        string="Data Export (XLSX)",
        attachment=True,
        readonly=True,
    )
    export_xlsx_name = fields.Char(
        readonly=True,
    )
    export_pdf = fields.Binary(
        string="Data Export (PDF letter)",
        attachment=True,
        readonly=True,
    )
    export_pdf_name = fields.Char(
        readonly=True,
    )
    export_date = fields.Datetime(
        readonly=True,
    )
    erasure_date = fields.Datetime(
        readonly=True,
    )
    erasure_summary = fields.Text(
        string="Erasure: Done and Kept",
        readonly=True,
    )
    destruction_ids = fields.One2many(
        comodel_name="hid.kvkk.destruction",
        inverse_name="request_id",
        string="Destruction Records",
        readonly=True,
        groups="hid_kvkk.group_hid_kvkk_officer",
    )

    @api.depends("received_date")
    def _compute_deadline(self):
        for request in self:
            received = fields.Date.from_string(request.received_date)
            request.deadline = fields.Date.to_string(lib.request_deadline(received)) \
                if received else False

    @api.depends("deadline", "state")
    def _compute_deadline_light(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for request in self:
            deadline = fields.Date.from_string(request.deadline) if request.deadline else None
            request.deadline_light = lib.request_light(
                deadline, today, request.state in ("answered", "cancelled"))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _hid_prepare(self, vals):
        if vals.get("tckn"):
            try:
                vals["tckn"] = tckn_lib.normalize_tckn(vals["tckn"])
            except HidLibError:
                raise ValidationError(_("T.C. identity no.: %s is not a valid T.C. identity "
                                        "number.") % vals["tckn"])
        return vals

    @api.model
    def create(self, vals):
        vals = self._hid_prepare(dict(vals))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].sudo().next_by_code("hid.kvkk.request")
        if not vals.get("partner_id") and vals.get("tckn"):
            partner = self.env["res.partner"].sudo().search(
                [("tckn", "=", vals["tckn"]), ("hid_citizen", "=", True)], limit=1)
            vals["partner_id"] = partner.id or False
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) & SYSTEM_FIELDS and self.env.uid != SUPERUSER_ID:
            raise AccessError(_("The state, the export and the erasure of a request change "
                                "through its buttons only."))
        return super().write(self._hid_prepare(dict(vals)))

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def _hid_check_staff(self):
        if not self.env.user.has_group(G_STAFF):
            raise AccessError(_("Only HİM staff handle data subject requests."))
        self.check_access_rights("write")
        self.check_access_rule("write")

    def _hid_set_state(self, vals):
        """The buttons' own write, as the system, after their role and state checks."""
        return self.sudo().write(vals)

    @api.multi
    def action_start(self):
        self._hid_check_staff()
        for request in self:
            if request.state != "received":
                raise UserError(_("Only a received request can be taken in progress."))
        return self._hid_set_state({"state": "in_progress"})

    @api.multi
    def action_cancel(self):
        self._hid_check_staff()
        if self.filtered(lambda r: r.state == "answered"):
            raise UserError(_("An answered request cannot be cancelled."))
        return self._hid_set_state({"state": "cancelled"})

    @api.multi
    def action_send_answer(self):
        self._hid_check_staff()
        for request in self:
            if request.state not in ("received", "in_progress"):
                raise UserError(_("This request is already closed."))
            if not request.decision:
                raise UserError(_("Choose the decision (accepted, partly accepted, rejected) "
                                  "before sending the answer."))
            if request.decision != "accepted" and not (request.decision_reason or "").strip():
                raise UserError(_("A rejection (or a partial acceptance) needs its reason."))
            if not (request.answer or "").strip():
                raise UserError(_("Write the answer before sending it."))
        return self._hid_set_state({"state": "answered",
                                    "answer_date": fields.Date.context_today(self)})

    def _hid_require_partner(self):
        self.ensure_one()
        if not self.partner_id:
            raise UserError(_("Link the request to the applicant's citizen card first (after "
                              "checking their identity)."))
        if self.state not in ("received", "in_progress"):
            raise UserError(_("This request is already closed."))

    @api.multi
    def action_export(self):
        """The citizen's data as XLSX and as a PDF letter, stored on the request; the export
        is logged in the access log."""
        self._hid_check_staff()
        self._hid_require_partner()
        partner = self.partner_id
        sections = self.env["hid.kvkk.export"]._sections(partner)
        xlsx = self.env["hid.kvkk.export"]._xlsx(self, sections)
        report = self.env.ref("hid_kvkk.action_report_kvkk_request")
        pdf, _fmt = report.sudo().render_qweb_pdf(self.ids)
        stamp = fields.Datetime.now()
        self._hid_set_state({
            "export_xlsx": base64.b64encode(xlsx),
            "export_xlsx_name": "kvkk-%s.xlsx" % self.name.replace("/", "-"),
            "export_pdf": base64.b64encode(pdf),
            "export_pdf_name": "kvkk-%s.pdf" % self.name.replace("/", "-"),
            "export_date": stamp,
            "state": "in_progress" if self.state == "received" else self.state,
        })
        self.env["hid.kvkk.access.log"]._log(self.env.user, "res.partner", partner.ids,
                                             "export", self.name)
        return True

    @api.multi
    def action_erase(self):
        """"Silme / yok etme": anonymise the citizen's data that no legal duty keeps; the
        summary names what was kept and why (for the answer)."""
        self._hid_check_staff()
        self._hid_require_partner()
        if "silme" not in self.right_ids.mapped("code"):
            raise UserError(_("The request does not ask for erasure (silme / yok etme)."))
        partner = self.partner_id.sudo()
        Engine = self.env["hid.kvkk.engine"].sudo()
        run = "%s/%s" % (self.name, fields.Datetime.now())
        kept = self._hid_kept_lines(partner)
        done = Engine.with_context(active_test=False)._erase_citizens(
            partner.ids, run, request=self, user=self.env.user)
        labels = dict(self.env["hid.kvkk.retention.rule"]._fields["kind"]._description_selection(
            self.env))
        lines = [_("Anonymised:")] + ["- %s: %d" % (labels[kind], len(ids))
                                      for kind, ids in sorted(done.items())]
        if not done:
            lines.append("- " + _("nothing"))
        lines += [_("Kept under a legal duty:")] + (kept or ["- " + _("nothing")])
        self._hid_set_state({"erasure_date": fields.Datetime.now(),
                             "erasure_summary": "\n".join(lines),
                             "state": "in_progress" if self.state == "received"
                             else self.state})
        return True

    def _hid_kept_lines(self, partner):
        """What the erasure leaves, in words for the answer."""
        lines = []
        Ticket = self.env["helpdesk.ticket"].sudo().with_context(active_test=False)
        open_tickets = Ticket.search([("partner_id", "=", partner.id), ("closed", "=", False)])
        if open_tickets:
            lines.append("- " + _("Open applications (until they are concluded): %s")
                         % ", ".join(open_tickets.mapped("number")))
        held = Ticket.search([("partner_id", "=", partner.id),
                              ("hid_kvkk_legal_hold", "=", True)])
        if held:
            lines.append("- " + _("Applications under a legal hold: %s")
                         % ", ".join(held.mapped("number")))
        if partner.hid_kvkk_legal_hold:
            lines.append("- " + _("The citizen card is under a legal hold: %s")
                         % (partner.hid_kvkk_legal_hold_reason or ""))
        docs = self.env["hid.evrak"].sudo().with_context(active_test=False).search(
            [("sender_id", "=", partner.id)])
        if docs:
            lines.append("- " + _("Registered documents (kept under the State Archives "
                                  "regulation): %s") % ", ".join(docs.mapped("name")))
            lines.append("- " + _("The citizen card, as the sender of those documents."))
        calls = self.env["hid.call"].sudo().search([("partner_id", "=", partner.id),
                                                    ("hid_kvkk_legal_hold", "=", True)])
        if calls:
            lines.append("- " + _("Calls under a legal hold: %d") % len(calls))
        return lines

    @api.model
    def _today(self):
        return datetime.date.today()


class HidKvkkExport(models.AbstractModel):
    """The export of everything HİD holds about one citizen (read as the system, for the
    request's handler who was checked before)."""

    _name = "hid.kvkk.export"
    _description = "KVKK: data export"

    # (section title, model, owner field, fields)
    SECTIONS = [
        ("Citizen card", "res.partner", "id",
         ["name", "tckn", "phone", "mobile", "email", "street", "city", "mahalle_id",
          "kvkk_notice_given", "kvkk_notice_date", "sms_opt_out", "create_date"]),
        ("Applications", "helpdesk.ticket", "partner_id",
         ["number", "received_date", "basvuru_type_id", "channel_id", "category_id",
          "team_id", "stage_id", "name", "description", "mahalle_id", "address",
          "latitude", "longitude", "confidential", "answer", "answer_date", "closed_date",
          "closure_state"]),
        ("Calls", "hid.call", "partner_id",
         ["start_time", "direction", "caller_number", "called_number", "status",
          "outcome", "notes", "agent_id", "recording_state"]),
        ("Call recordings", "hid.call.recording", "call_id.partner_id",
         ["call_id", "create_date", "retention_date", "destroyed"]),
        ("Visits (desk)", "hid.danisma.visit", "partner_id",
         ["check_in", "check_out", "visitor_name", "phone", "purpose_id", "team_id",
          "office", "outcome", "note"]),
        ("Halk Günü queue", "hid.etkinlik.visit", "partner_id",
         ["event_id", "queue_no", "arrival_time", "visitor_name", "phone", "team_id",
          "topic", "outcome", "note"]),
        ("Documents", "hid.evrak", "sender_id",
         ["name", "kayit_date", "sender_date", "sender_no", "subject", "answer_date"]),
        ("SMS", "hid.sms", "partner_id",
         ["create_date", "to", "body", "state", "sent_date"]),
        ("Satisfaction surveys", "hid.anket.satisfaction", "partner_id",
         ["ticket_id", "sent_date", "answer_date", "solved", "score", "comment"]),
        ("Event invitations", "hid.etkinlik.invitation", "partner_id",
         ["event_id", "sent_date", "answer", "answer_date"]),
        ("Who saw the data", "hid.kvkk.access.log", "res_id",
         ["date", "user_id", "kind", "field"]),
    ]

    @api.model
    def _titles(self):
        """The sections' titles, translated (literal, so that they are exported)."""
        return {
            "Citizen card": _("Citizen card"), "Applications": _("Applications"),
            "Calls": _("Calls"), "Call recordings": _("Call recordings"),
            "Visits (desk)": _("Visits (desk)"), "Halk Günü queue": _("Halk Günü queue"),
            "Documents": _("Documents"), "SMS": _("SMS"),
            "Satisfaction surveys": _("Satisfaction surveys"),
            "Event invitations": _("Event invitations"),
            "Who saw the data": _("Who saw the data"),
        }

    @api.model
    def _sections(self, partner):
        """[(title, [column labels], [[cell text]])] for `partner`, every kind of record."""
        out = []
        titles = self._titles()
        for title, model, owner, names in self.SECTIONS:
            Model = self.env[model].sudo().with_context(active_test=False, lang=self.env.lang)
            domain = [(owner, "=", partner.id)]
            if model == "hid.kvkk.access.log":
                domain.append(("model", "=", "res.partner"))
            records = Model.search(domain, order="id")
            fields_ = [Model._fields[n] for n in names]
            labels = [f.get_description(self.env)["string"] for f in fields_]
            rows = [[self._cell(record, f) for f in fields_] for record in records]
            out.append((titles[title], labels, rows))
        return out

    @api.model
    def _cell(self, record, field):
        value = record[field.name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "") if value \
                else ""
        if field.type == "boolean":
            return _("Yes") if value else _("No")
        if field.type == "html":
            return html2plaintext(value or "").strip()
        if value is False or value is None:
            return ""
        return str(value)

    @api.model
    def _xlsx(self, request, sections):
        buf = io.BytesIO()
        book = xlsxwriter.Workbook(buf, {"in_memory": True})
        bold = book.add_format({"bold": True})
        head = book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        sheet = book.add_worksheet(_("Summary")[:31])
        sheet.write(0, 0, _("Data subject request"), bold)
        sheet.write(0, 1, request.name)
        sheet.write(1, 0, _("Applicant"), bold)
        sheet.write(1, 1, request.applicant_name)
        sheet.write(2, 0, _("Citizen card"), bold)
        sheet.write(2, 1, request.partner_id.sudo().display_name)
        sheet.write(3, 0, _("Prepared on"), bold)
        sheet.write(3, 1, fields.Datetime.now())
        for row, (title, _labels, rows) in enumerate(sections, start=5):
            sheet.write(row, 0, title)
            sheet.write(row, 1, len(rows))
        sheet.set_column(0, 1, 30)
        used = set()
        for title, labels, rows in sections:
            name = title[:31]
            while name in used:
                name = name[:29] + "_"
            used.add(name)
            ws = book.add_worksheet(name)
            for col, label in enumerate(labels):
                ws.write(0, col, label, head)
                ws.set_column(col, col, 20)
            for r, row in enumerate(rows, start=1):
                for col, cell in enumerate(row):
                    ws.write_string(r, col, cell)
        book.close()
        return buf.getvalue()
