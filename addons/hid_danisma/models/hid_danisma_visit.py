# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import pytz

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hid_basvuru.lib import phone as phone_lib
from odoo.addons.hid_basvuru.lib.exceptions import HidLibError

TZ = pytz.timezone("Europe/Istanbul")
G_AGENT = "hid_basvuru.group_hid_agent"
G_EVRAK = "hid_evrak.group_hid_evrak_user"
# who may read the visitor's personal data: the desk (and HİM above it) and the registry
G_PERSONAL = "%s,%s" % (G_AGENT, G_EVRAK)
# set only by the conversions (_hid_link), never by a plain create or write
LINK_FIELDS = frozenset({"ticket_id", "evrak_id"})
CONVERSION_OUTCOMES = ("application", "document")


class HidDanismaVisit(models.Model):
    """One visitor at the desk: who (if they say), why, where to, the help given."""

    _name = "hid.danisma.visit"
    _inherit = ["hid.protected.field.mixin"]
    _description = "Desk Visit"
    _order = "check_in desc, id desc"
    _rec_name = "purpose_id"
    # the visitor's identity and the desk's notes: read, searched, ordered and grouped
    # only by G_PERSONAL (hid.protected.field.mixin guards every field with `groups`)
    _hid_protect_grouped_fields = True

    # ---------------------------------------------------
    # Fields
    # ---------------------------------------------------

    check_in = fields.Datetime(
        string="Time In",
        required=True,
        index=True,
        default=fields.Datetime.now,
    )
    check_out = fields.Datetime(
        string="Time Out",
    )
    visit_date = fields.Date(
        string="Day",
        compute="_compute_visit_date",
        store=True,
        index=True,
        help="The day of the visit in Istanbul: the desk's daily list.",
    )
    state = fields.Selection(
        selection=[
            ("in", "In the Building"),
            ("out", "Left"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
    )
    visitor_name = fields.Char(
        string="Visitor",
        groups=G_PERSONAL,
        help="Optional: a visitor need not give their name.",
    )
    phone = fields.Char(
        groups=G_PERSONAL,
        help="Type the visitor's number: a known citizen is found as on the intake screen.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        index=True,
        domain=[("hid_citizen", "=", True)],
        groups=G_PERSONAL,
    )
    purpose_id = fields.Many2one(
        comodel_name="hid.danisma.purpose",
        string="Purpose",
        required=True,
        index=True,
        ondelete="restrict",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Directed To",
        index=True,
        domain=[("code", "!=", False)],
        help="The müdürlük the visitor was sent to.",
    )
    office = fields.Char(
        help="Another office the visitor was sent to (e.g. Başkanlık, Nikâh Salonu).",
    )
    assistance_ids = fields.Many2many(
        comodel_name="hid.danisma.assistance",
        relation="hid_danisma_visit_assistance_rel",
        column1="visit_id",
        column2="assistance_id",
        string="Assistance Given",
    )
    outcome = fields.Selection(
        selection=[
            ("informed", "Informed"),
            ("directed", "Directed to a Unit"),
            ("appointment", "Appointment Given"),
            ("application", "Application Registered"),
            ("document", "Document Registered"),
            ("other", "Other"),
        ],
        index=True,
    )
    note = fields.Text(
        groups=G_PERSONAL,
        help="What the visitor asked and was told; may name people, so the müdürlük does "
             "not read it.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Desk Staff",
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        index=True,
        readonly=True,
        copy=False,
        groups=G_PERSONAL,
    )
    ticket_number = fields.Char(
        string="Tracking Number",
        related="ticket_id.number",
        readonly=True,
        groups=G_PERSONAL,
    )
    evrak_id = fields.Many2one(
        comodel_name="hid.evrak",
        string="Registered Document",
        index=True,
        readonly=True,
        copy=False,
        groups=G_PERSONAL,
    )
    duration = fields.Float(
        string="Duration (Minutes)",
        compute="_compute_duration",
    )

    # ---------------------------------------------------
    # Compute
    # ---------------------------------------------------

    @api.depends("check_in")
    def _compute_visit_date(self):
        for visit in self:
            visit.visit_date = visit.check_in and fields.Date.to_string(
                pytz.utc.localize(fields.Datetime.from_string(visit.check_in))
                .astimezone(TZ).date())

    @api.depends("check_out")
    def _compute_state(self):
        for visit in self:
            visit.state = "out" if visit.check_out else "in"

    @api.depends("check_in", "check_out")
    def _compute_duration(self):
        for visit in self:
            if visit.check_in and visit.check_out:
                delta = fields.Datetime.from_string(visit.check_out) \
                    - fields.Datetime.from_string(visit.check_in)
                visit.duration = delta.total_seconds() / 60.0
            else:
                visit.duration = 0.0

    @api.multi
    def name_get(self):
        """Day, time and purpose: the visitor's name is personal data, never in the label."""
        result = []
        for visit in self:
            local = pytz.utc.localize(fields.Datetime.from_string(visit.check_in)) \
                .astimezone(TZ) if visit.check_in else None
            result.append((visit.id, _("Visit %(when)s (%(purpose)s)") % {
                "when": local.strftime("%d.%m.%Y %H:%M") if local else "",
                "purpose": visit.sudo().purpose_id.name or "",
            }))
        return result

    # ---------------------------------------------------
    # Constraints and onchanges
    # ---------------------------------------------------

    @api.constrains("check_in", "check_out")
    def _check_times(self):
        for visit in self:
            if visit.check_out and visit.check_out < visit.check_in:
                raise ValidationError(_("Time Out: a visitor cannot leave before arriving."))

    @api.onchange("phone")
    def _onchange_phone(self):
        """A known number brings up the citizen, as on the intake screen."""
        partner = self.env["res.partner"]._hid_find_citizen(self.phone, None)
        if partner:
            self.partner_id = partner

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.visitor_name:
            self.visitor_name = self.partner_id.name

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        self._hid_check_plain_vals(vals)
        vals = self._prepare_visit_vals(dict(vals))
        if self.env.uid != SUPERUSER_ID:
            vals["user_id"] = self.env.uid  # the desk's statistics count who really recorded
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._hid_check_plain_vals(vals)
        if "outcome" in vals and any(v.ticket_id or v.evrak_id for v in self.sudo()):
            raise UserError(_("The outcome of a visit that became an application or a "
                              "document is set by that conversion."))
        return super().write(self._prepare_visit_vals(dict(vals)))

    @api.multi
    def unlink(self):
        if any(v.ticket_id or v.evrak_id for v in self.sudo()):
            raise UserError(_("A visit that became an application or a document cannot be "
                              "deleted: the application or document refers to it."))
        return super().unlink()

    def _hid_check_plain_vals(self, vals):
        """The links and their outcomes are made by the conversions only."""
        if "user_id" in vals and self.ids:
            raise UserError(_("The desk staff of a visit is who recorded it; it is not "
                              "changed."))
        if LINK_FIELDS & set(vals):
            raise UserError(_("A visit is linked to an application or a document by "
                              "turning it into one, not by editing the link."))
        if vals.get("outcome") in CONVERSION_OUTCOMES:
            raise UserError(_("The outcomes \"Application Registered\" and \"Document "
                              "Registered\" are set by turning the visit into one."))

    def _prepare_visit_vals(self, vals):
        """Phone in E.164 (one citizen, one stored value), the citizen found by it."""
        if vals.get("phone"):
            vals["phone"] = self._hid_normalize_phone(vals["phone"])
            if not vals.get("partner_id") and "partner_id" not in vals:
                partner = self.env["res.partner"]._hid_find_citizen(vals["phone"], None)
                if partner:
                    vals["partner_id"] = partner.id
        if vals.get("visitor_name"):
            vals["visitor_name"] = vals["visitor_name"].strip()
        return vals

    @api.model
    def _hid_normalize_phone(self, value):
        """E.164, or a Turkish error naming the field and quoting the value."""
        try:
            return phone_lib.normalize_phone(value) or False
        except HidLibError as error:
            template = self.env["res.partner"]._hid_lib_messages().get(
                error.message, error.message)
            raise ValidationError(_("Phone: %(message)s") % {
                "message": template % error.params if error.params else template,
            }) from None

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_check_out(self):
        """The visitor leaves: time out is now."""
        if any(visit.check_out for visit in self):
            raise UserError(_("This visitor has already left (time out recorded)."))
        self.write({"check_out": fields.Datetime.now()})
        return True

    @api.multi
    def action_to_application(self):
        """Open "Yeni Başvuru" filled from the visit, on the channel Şahsen / Danışma: its
        save goes through helpdesk.ticket.create (numbering, routing, duplicates, SMS,
        KVKK) and links the two."""
        self.ensure_one()
        if not self.env.user.has_group(G_AGENT):
            raise AccessError(_("Only the desk and the Public Relations staff register "
                                "applications from a visit."))
        self.check_access_rule("write")
        self._hid_check_free("ticket_id")
        return {
            "type": "ir.actions.act_window",
            "name": _("New Application"),
            "res_model": "hid.basvuru.intake",
            "view_mode": "form",
            "views": [(self.env.ref("hid_basvuru.hid_basvuru_intake_view_form").id, "form")],
            "target": "new",
            "context": {"hid_danisma_visit_id": self.id},
        }

    def _prepare_application_defaults(self):
        """What the intake screen starts with: what the desk already typed."""
        return {
            "hid_visit_id": self.id,
            "phone": self.phone or False,
            "partner_id": self.partner_id.id,
            "new_name": False if self.partner_id else self.visitor_name,
            "channel_id": self.env.ref("hid_basvuru.channel_sahsen").id,
            "team_id": self.team_id.id,
            "name": self.purpose_id.name,
            "description": self.note or False,
        }

    @api.multi
    def action_to_document(self):
        """Open a new registered document (hid.evrak) filled from the visit; its save
        registers it (number, deadline, a petition's application) and links the two."""
        self.ensure_one()
        if not self.env.user.has_group(G_EVRAK):
            raise AccessError(_("Only the document registry (evrak kayıt) registers "
                                "documents."))
        self.check_access_rule("read")
        self._hid_check_free("evrak_id")
        return {
            "type": "ir.actions.act_window",
            "name": _("Register Document"),
            "res_model": "hid.evrak",
            "view_mode": "form",
            "views": [(self.env.ref("hid_evrak.hid_evrak_view_form").id, "form")],
            "target": "current",
            "context": {"hid_danisma_visit_id": self.id},
        }

    def _prepare_document_defaults(self):
        """What the registry's form starts with: the visitor brought it by hand, maybe for
        the application the desk just registered."""
        first_line = (self.note or "").strip().splitlines()
        return {
            "hid_visit_id": self.id,
            "gelis_sekli": "elden",
            "evrak_type": "dilekce",
            "sender_id": self.partner_id.id,
            # a visit already made an application: the petition joins it, not a second one
            "ticket_id": self.ticket_id.id,
            "subject": first_line[0][:200] if first_line else self.purpose_id.name,
        }

    @api.model
    def _hid_defaults_from_context(self, field, fields_list):
        """Defaults for a new application (field 'ticket_id') or document ('evrak_id')
        from the visit named in the context: a pointer only, read as the user; nothing is
        filled for a visit the user may not convert or that is converted already."""
        visit_id = self.env.context.get("hid_danisma_visit_id")
        if not isinstance(visit_id, int):
            return {}
        group = G_AGENT if field == "ticket_id" else G_EVRAK
        visit = self.browse(visit_id).exists()
        if not visit or not self.env.user.has_group(group) \
                or not visit.check_access_rights("read", raise_exception=False):
            return {}
        try:
            visit.check_access_rule("read")
        except AccessError:
            return {}
        if visit.sudo()[field]:
            return {}
        defaults = visit._prepare_application_defaults() if field == "ticket_id" \
            else visit._prepare_document_defaults()
        return {k: v for k, v in defaults.items() if k in fields_list}

    @api.multi
    def action_open_application(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("hid_basvuru.hid_ticket_view_form").id, "form")],
        }

    @api.multi
    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.evrak",
            "res_id": self.evrak_id.id,
            "view_mode": "form",
        }

    # ---------------------------------------------------
    # Links (called by helpdesk.ticket.create and hid.evrak.create)
    # ---------------------------------------------------

    def _hid_check_free(self, field):
        """UserError if the visit is already an application (or a document)."""
        for visit in self.sudo():
            if field == "ticket_id" and visit.ticket_id:
                raise UserError(_("This visit is already application %s.")
                                % visit.ticket_id.number)
            if field == "evrak_id" and visit.evrak_id:
                raise UserError(_("This visit is already registered document %s.")
                                % visit.evrak_id.name)

    @api.model
    def _hid_visit_to_link(self, visit_id, field):
        """The visit a new application or document comes from, checked as the acting user:
        the desk role for an application, the registry role for a document, the visit
        readable to them and not converted yet."""
        visit = self.browse(visit_id).exists() if visit_id else self.browse()
        if visit_id and not visit:
            raise UserError(_("The desk visit to link does not exist (any more)."))
        if visit and self.env.uid != SUPERUSER_ID:
            group = G_AGENT if field == "ticket_id" else G_EVRAK
            if not self.env.user.has_group(group):
                raise AccessError(_("You may not link a desk visit to this record."))
            visit.check_access_rights("read")
            visit.check_access_rule("read")
        visit._hid_check_free(field)
        return visit

    def _hid_link(self, field, record):
        """Record the conversion on the visit; sudo: the caller checked the user
        (_hid_visit_to_link) and what is written is fixed here."""
        vals = {field: record.id}
        if field == "evrak_id" or not self.sudo().evrak_id:
            vals["outcome"] = "application" if field == "ticket_id" else "document"
        return super(HidDanismaVisit, self.sudo()).write(vals)
