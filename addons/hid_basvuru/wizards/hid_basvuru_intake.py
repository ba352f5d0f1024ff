# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from ..lib import phone as phone_lib
from ..lib import tckn as tckn_lib
from ..lib.exceptions import HidLibError

KVKK_PARAM = "hid_basvuru.kvkk_notice_text"


class HidBasvuruIntake(models.TransientModel):
    """The "Yeni Başvuru" screen: find the caller first, then register in one save."""

    _name = "hid.basvuru.intake"
    _description = "New Application (intake)"

    # --- the citizen ---
    phone = fields.Char(
        help="Type the caller's number: a known citizen is found at once.",
    )
    tckn = fields.Char(
        string="TC Kimlik No",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        domain=[("hid_citizen", "=", True)],
        help="Search by name, phone or TC kimlik no.",
    )
    new_name = fields.Char(
        string="New Citizen",
        help="No registered citizen has this phone or TC kimlik no: write the caller's name "
             "and surname; the citizen is created with the application.",
    )
    # search: nothing looked up yet (choose a citizen by name, or type the phone);
    # found: the phone or TC kimlik no is a registered citizen's; new: it is nobody's.
    citizen_state = fields.Selection(
        selection=[("search", "Search"), ("found", "Registered citizen"),
                   ("new", "New citizen")],
        default=lambda self: "new" if self.env.context.get("default_new_name") else "search",
        readonly=True,
    )
    lookup_message = fields.Char(
        readonly=True,
    )
    kvkk_notice_text = fields.Text(
        string="KVKK Notice",
        default=lambda self: self._default_kvkk_notice_text(),
        readonly=True,
    )
    partner_ticket_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        string="Past Applications",
        compute="_compute_partner_ticket_ids",
    )
    anonymous = fields.Boolean()
    kvkk_notice_given = fields.Boolean(
        string="KVKK Notice Given",
    )
    # --- the application ---
    basvuru_type_id = fields.Many2one(
        comodel_name="hid.basvuru.type",
        string="Type",
        required=True,
        default=lambda self: self.env.ref("hid_basvuru.type_talep", raise_if_not_found=False),
    )
    channel_id = fields.Many2one(
        comodel_name="helpdesk.ticket.channel",
        string="Channel",
        required=True,
        default=lambda self: self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone",
                                          raise_if_not_found=False),
    )
    category_id = fields.Many2one(
        comodel_name="helpdesk.ticket.category",
        string="Category",
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        domain=[("code", "!=", False)],
    )
    name = fields.Char(
        string="Subject",
        required=True,
    )
    description = fields.Text(
        required=True,
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
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
    )
    acik_kapi_no = fields.Char(
        string="Açık Kapı No",
    )
    confidential = fields.Boolean(
        string="Keep My Identity Confidential",
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        string="Photos and Documents",
    )
    possible_duplicate_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        string="Possible Duplicates",
        compute="_compute_possible_duplicate_ids",
    )

    # ---------------------------------------------------
    # Computes and onchanges (they only fill the screen; the rules are in the models)
    # ---------------------------------------------------

    @api.depends("partner_id")
    def _compute_partner_ticket_ids(self):
        Ticket = self.env["helpdesk.ticket"]
        see_identity = Ticket._hid_may_see_identity()
        for intake in self:
            # As the user: who may not see applicants finds nobody's history here.
            intake.partner_ticket_ids = Ticket.search(
                [("partner_id", "=", intake.partner_id.id)], limit=50) \
                if intake.partner_id and see_identity else Ticket

    @api.depends("partner_id", "category_id", "mahalle_id", "cimer_no", "acik_kapi_no")
    def _compute_possible_duplicate_ids(self):
        Ticket = self.env["helpdesk.ticket"]
        for intake in self:
            intake.possible_duplicate_ids = Ticket.new(
                intake._prepare_ticket_vals(intake.partner_id))._hid_find_possible_duplicates()

    @api.model
    def _default_kvkk_notice_text(self):
        """The notice read to the applicant: the system parameter (Turkish by default, the
        municipality may change it), else the text of this module."""
        text = self.env["ir.config_parameter"].sudo().get_param(KVKK_PARAM)
        return text or _(
            "Sancaktepe Municipality, as data controller under Law No. 6698 on the Protection "
            "of Personal Data (KVKK), processes your name, phone, T.C. identity number, "
            "address and the details of your application only to register, route and answer "
            "it and to inform you by SMS. They are shared only with the directorates handling "
            "it and with public institutions where the law requires it, and kept for the "
            "periods of the archive legislation. You may use your rights under Article 11 of "
            "the KVKK by applying to the municipality.")

    def _lookup_values(self):
        """Whether the typed phone / TC kimlik no is complete and valid (a lookup was made)."""
        try:
            phone = phone_lib.normalize_phone(self.phone) if self.phone else None
            tckn = tckn_lib.normalize_tckn(self.tckn) if self.tckn else None
        except HidLibError:
            return None, None
        return phone, tckn

    @api.onchange("phone", "tckn")
    def _onchange_find_citizen(self):
        """A known phone number or TC kimlik no brings up the citizen and their history;
        an unknown one says so and opens the new citizen's name (kept open when the screen
        that opened this one filled the name, e.g. a desk visit)."""
        partner = self._find_citizen()
        if partner:
            self.partner_id = partner
            self.citizen_state = "found"
            self.lookup_message = False
            return
        phone, tckn = self._lookup_values()
        if phone or tckn:
            self.partner_id = False
            self.citizen_state = "new"
            self.lookup_message = _("No registered citizen found — new citizen (phone: "
                                    "%(phone)s).") % {"phone": phone_lib.format_national(phone)} \
                if phone else _("No registered citizen found — new citizen.")
        elif self.new_name and not self.partner_id:
            self.citizen_state = "new"
        elif self.citizen_state == "new":
            self.citizen_state = "search"
            self.lookup_message = False

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.citizen_state = "found"
            self.lookup_message = False
        if self.partner_id.mahalle_id and not self.mahalle_id:
            self.mahalle_id = self.partner_id.mahalle_id

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id.team_id:
            self.team_id = self.category_id.team_id

    @api.onchange("basvuru_type_id")
    def _onchange_basvuru_type_id(self):
        self.confidential = self.basvuru_type_id.confidential_default

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    @api.multi
    def action_save(self):
        """Create the citizen (if new) and the application together: all or nothing."""
        self.ensure_one()
        partner = self.partner_id or self._find_citizen()
        if not partner and not self.anonymous:
            partner = self._create_citizen()
        ticket = self.env["helpdesk.ticket"].create(self._prepare_ticket_vals(partner))
        if self.attachment_ids:
            self.attachment_ids.write({"res_model": ticket._name, "res_id": ticket.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": ticket._name,
            "res_id": ticket.id,
            "view_mode": "form",
            "views": [(self.env.ref("hid_basvuru.hid_ticket_view_form").id, "form")],
            "target": "current",
        }

    def _find_citizen(self):
        """The citizen with this phone or TC kimlik no, if both are valid and known."""
        return self.env["res.partner"]._hid_find_citizen(self.phone, self.tckn)

    def _create_citizen(self):
        if not (self.new_name or "").strip():
            raise UserError(_("Citizen: choose a known citizen, write the name of a new one, "
                              "or tick \"Anonymous\"."))
        if not self.phone:
            raise ValidationError(_("Phone: a new citizen needs a phone number so that we can "
                                    "inform them."))
        return self.env["res.partner"].create({
            "name": self.new_name.strip(),
            "hid_citizen": True,
            "mobile": self.phone,
            "tckn": self.tckn or False,
            "mahalle_id": self.mahalle_id.id,
            "kvkk_notice_given": self.kvkk_notice_given,
            "kvkk_notice_date": fields.Datetime.now() if self.kvkk_notice_given else False,
        })

    def _prepare_ticket_vals(self, partner):
        return {
            "partner_id": partner.id if partner else False,
            "anonymous": self.anonymous,
            "kvkk_notice_given": self.kvkk_notice_given,
            "basvuru_type_id": self.basvuru_type_id.id,
            "channel_id": self.channel_id.id,
            "category_id": self.category_id.id,
            "team_id": self.team_id.id,
            "name": self.name,
            "description": plaintext2html(self.description or ""),
            "mahalle_id": self.mahalle_id.id,
            "address": self.address,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "cimer_no": self.cimer_no,
            "acik_kapi_no": self.acik_kapi_no,
            "confidential": self.confidential,
        }
