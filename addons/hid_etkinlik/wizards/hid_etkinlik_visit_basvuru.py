# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

CHANNEL = "hid_basvuru.channel_halk_gunu"


class HidEtkinlikVisitBasvuru(models.TransientModel):
    """The busy desk's quick screen: a Halk Günü visit becomes an application on the
    Halk Günü channel with the event linked, through the same intake as every channel
    (hid.basvuru.intake → helpdesk.ticket.create: numbering, duplicates, routing, SMS)."""

    _name = "hid.etkinlik.visit.basvuru"
    _description = "Application from a Halk Günü Visit"

    visit_id = fields.Many2one(
        comodel_name="hid.etkinlik.visit",
        required=True,
        ondelete="cascade",
    )
    event_id = fields.Many2one(
        related="visit_id.event_id",
        readonly=True,
    )
    phone = fields.Char()
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Citizen",
        domain=[("hid_citizen", "=", True)],
    )
    new_name = fields.Char(
        string="Name of a New Citizen",
    )
    anonymous = fields.Boolean()
    kvkk_notice_given = fields.Boolean(
        string="KVKK Notice Given",
    )
    basvuru_type_id = fields.Many2one(
        comodel_name="hid.basvuru.type",
        string="Type",
        required=True,
        default=lambda self: self.env.ref("hid_basvuru.type_talep", raise_if_not_found=False),
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

    @api.model
    def default_get(self, field_names):
        values = super().default_get(field_names)
        visit = self.env["hid.etkinlik.visit"].browse(values.get("visit_id"))
        if visit:
            values.setdefault("phone", visit.phone)
            values.setdefault("partner_id", visit.partner_id.id)
            if not visit.partner_id:
                values.setdefault("new_name", visit.visitor_name)
            values.setdefault("team_id", visit.team_id.id)
            values.setdefault("name", visit.topic)
            mahalle = visit.partner_id.mahalle_id or visit.event_id.hid_mahalle_ids[:1]
            values.setdefault("mahalle_id", mahalle.id)
        return values

    @api.onchange("phone")
    def _onchange_phone(self):
        partner = self.env["res.partner"]._hid_find_citizen(self.phone, None)
        if partner:
            self.partner_id = partner

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id.team_id:
            self.team_id = self.category_id.team_id

    @api.multi
    def action_save(self):
        """One save: citizen (if new), application, visit closed as "başvuru açıldı"."""
        self.ensure_one()
        visit = self.visit_id
        visit._check_desk_user()
        if not self.env["helpdesk.ticket"].check_access_rights("create", raise_exception=False):
            raise AccessError(_("Opening an application needs the call-centre/desk agent "
                                "role: ask a desk agent of Public Relations."))
        if visit.state == "done":
            raise UserError(_("Visit %s is already done.") % visit.queue_no)
        ticket = self._create_ticket()
        visit._finish("ticket", ticket)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hid.etkinlik.visit",
            "res_id": visit.id,
            "view_mode": "form",
            "target": "current",
            "context": {"default_event_id": visit.event_id.id},
        }

    def _intake_vals(self):
        return {
            "phone": self.phone,
            "partner_id": self.partner_id.id,
            "new_name": self.new_name,
            "anonymous": self.anonymous,
            "kvkk_notice_given": self.kvkk_notice_given,
            "basvuru_type_id": self.basvuru_type_id.id,
            "channel_id": self.env.ref(CHANNEL).id,
            "category_id": self.category_id.id,
            "team_id": (self.team_id or self.category_id.team_id).id,
            "name": self.name,
            "description": self.description,
            "mahalle_id": self.mahalle_id.id,
            "address": self.address,
        }

    def _create_ticket(self):
        """Through hid_basvuru's intake screen, as the acting user; the event is set at
        create (the link is no role's to write later)."""
        intake = self.env["hid.basvuru.intake"].create(self._intake_vals())
        partner = intake.partner_id or intake._find_citizen()
        if not partner and not intake.anonymous:
            partner = intake._create_citizen()
        vals = intake._prepare_ticket_vals(partner)
        vals["hid_etkinlik_id"] = self.visit_id.event_id.id
        return self.env["helpdesk.ticket"].create(vals)
