# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket import TZ


class HelpdeskTicket(models.Model):
    """Intake: numbering, default routing, KVKK, and duplicates."""

    _inherit = "helpdesk.ticket"

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

    @api.model
    def create(self, vals):
        vals = self._prepare_intake_vals(dict(vals))
        ticket = super().create(vals)
        ticket._after_intake()
        return ticket

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
                "duplicate.") % self.number, author_id=self._hid_author())

    @api.model
    def _hid_adopt_existing_tickets(self):
        """Tickets made before HİD was installed (helpdesk_mgmt's) become talep applications."""
        self.sudo().with_context(tracking_disable=True).search(
            [("basvuru_type_id", "=", False)]).write(
                {"basvuru_type_id": self.env.ref("hid_basvuru.type_talep").id})

    @api.depends("partner_id", "category_id", "mahalle_id", "cimer_no", "acik_kapi_no",
                 "confidential")
    def _compute_possible_duplicates(self):
        """As the user: their rules apply, and whom they may not see stays unseen."""
        for ticket in self:
            ticket.possible_duplicate_ids = ticket._hid_find_possible_duplicates()

    def _hid_find_possible_duplicates(self, limit=20):
        """The user's view of the possible duplicates of this (maybe unsaved) application.

        Who may not see the applicant (a müdürlük, the registry) gets no "same citizen"
        match, none for a confidential application (any match could name its applicant), and
        never a confidential application as anyone's duplicate.
        """
        self.ensure_one()
        see_identity = self._hid_may_see_identity()
        if self.confidential and not see_identity:
            return self.browse()
        domain = self._get_possible_duplicates_domain(by_citizen=see_identity)
        if not domain:
            return self.browse()
        if not see_identity:
            domain = [("confidential", "=", False)] + domain
        return self.search(domain, limit=limit)

    def _get_possible_duplicates_domain(self, by_citizen=True):
        """Same citizen (only `by_citizen`, read as the user), same external reference, or
        same subject in the same mahalle lately."""
        since = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(days=30))
        alternatives = []
        partner = self.partner_id if by_citizen else False
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
