# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import phone as phone_lib
from ..lib import tckn as tckn_lib
from ..lib.exceptions import HidLibError

# Positive operators of name_search for which an exact phone/TCKN match makes sense.
NAME_SEARCH_OPERATORS = ("ilike", "like", "=ilike", "=like", "=")


class ResPartner(models.Model):
    """A citizen is a partner: identity, contact and KVKK state of a person who applies."""

    _inherit = ["res.partner", "hid.protected.field.mixin"]
    _name = "res.partner"

    # The applications of a partner tell who applied: for the directorate only, at every door
    # (a müdürlük or the registry could otherwise find the applicant of a confidential one).
    _hid_protected_fields = ("tckn", "helpdesk_ticket_ids", "helpdesk_ticket_count",
                             "helpdesk_ticket_active_count", "helpdesk_ticket_count_string")
    # Normalised for citizens by a lib function; the same value is then searched exactly.
    _hid_phone_fields = ("phone", "mobile")

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    # Redefined only to index them: callers are looked up by their number.
    phone = fields.Char(
        index=True,
    )
    mobile = fields.Char(
        index=True,
    )
    hid_citizen = fields.Boolean(
        string="Citizen",
        index=True,
        help="A person who applies to the municipality. Citizens are hidden from the "
             "müdürlükler; their phones and identity number are normalised.",
    )
    # No index=True: the unique constraint's index serves the lookups.
    tckn = fields.Char(
        string="T.C. Identity No.",
        copy=False,
        groups="hid_basvuru.group_hid_agent",
        help="T.C. kimlik numarası: 11 digits, checked when saved.",
    )
    # helpdesk_mgmt's: who applied for what is the directorate's to know.
    helpdesk_ticket_ids = fields.One2many(
        groups="hid_basvuru.group_hid_agent",
    )
    helpdesk_ticket_count = fields.Integer(
        groups="hid_basvuru.group_hid_agent",
    )
    helpdesk_ticket_active_count = fields.Integer(
        groups="hid_basvuru.group_hid_agent",
    )
    helpdesk_ticket_count_string = fields.Char(
        groups="hid_basvuru.group_hid_agent",
    )
    tckn_masked = fields.Char(
        string="T.C. Identity No. (masked)",
        compute="_compute_tckn_masked",
        help="The identity number with its middle digits hidden, for those who may not "
             "read it in full.",
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Neighbourhood",
        index=True,
        ondelete="restrict",
    )
    kvkk_notice_given = fields.Boolean(
        string="KVKK Notice Given",
        help="The citizen was informed under KVKK (aydınlatma metni) how their personal data "
             "is processed.",
    )
    kvkk_notice_date = fields.Datetime(
        string="KVKK Notice Date",
        help="When the KVKK notice was given; set to now when the notice is ticked without "
             "a date.",
    )

    # ------------------------------------------------------------------
    # SQL constraints
    # ------------------------------------------------------------------

    _sql_constraints = [
        ("tckn_uniq", "unique(tckn)",
         "This T.C. identity number is already registered for another person."),
    ]

    # ------------------------------------------------------------------
    # Compute
    # ------------------------------------------------------------------

    @api.depends("tckn")
    def _compute_tckn_masked(self):
        """Masked as superuser, so that users who may not read `tckn` still see the mask."""
        for partner, partner_sudo in zip(self, self.sudo()):
            partner.tckn_masked = tckn_lib.mask_tckn(partner_sudo.tckn)

    # ------------------------------------------------------------------
    # CRUD and name search
    # ------------------------------------------------------------------

    @api.model
    def create(self, vals):
        """Create with the citizen rules applied."""
        vals = self._hid_prepare_kvkk_vals(vals)
        if self._hid_is_citizen_vals(vals):
            vals = self._hid_prepare_citizen_vals(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """Write with the citizen rules applied to the citizens only."""
        vals = self._hid_prepare_kvkk_vals(vals)
        if "hid_citizen" in vals:
            citizens = self if vals["hid_citizen"] else self.browse()
        else:
            citizens = self.filtered("hid_citizen")
        if not citizens:
            return super().write(vals)
        citizen_vals = self._hid_prepare_citizen_vals(vals)
        newcomers = citizens.filtered(lambda partner: not partner.hid_citizen)
        extra = {partner: partner._hid_becoming_citizen_vals(vals) for partner in newcomers}
        if self - citizens:
            super(ResPartner, self - citizens).write(vals)
        super(ResPartner, citizens).write(citizen_vals)
        for partner, partner_vals in extra.items():
            if partner_vals:
                super(ResPartner, partner).write(partner_vals)
        return True

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        """A typed phone or TCKN first looks for that exact (normalised) value, as the user,
        through the phone/mobile/TCKN indexes; only when nothing has it does the usual name
        search (an ilike over every partner's name, e-mail and reference) run. A caller
        lookup at 300,000 citizens is then an index look-up, not a table scan."""
        if name and operator in NAME_SEARCH_OPERATORS:
            match_domain = self._hid_exact_match_domain(name)
            if match_domain:
                matches = self._hid_exact_matches(list(args or []) + match_domain, limit)
                if matches:
                    return matches
        return super().name_search(name, args=args, operator=operator, limit=limit)

    @api.model
    def _hid_exact_matches(self, domain, limit):
        """[(id, display name)] of the partners matching `domain` as the user, in one query:
        the search with the user's access rights and record rules, selecting the stored
        display_name (what name_get gives in a plain context) instead of reading it back.
        name_get() itself when the context asks for more (e-mail, address, ...)."""
        if any(key.startswith("show_") or key in ("html_format", "address_inline")
               for key in self.env.context):
            return self.search(domain, limit=limit).name_get()
        self.check_access_rights("read")
        query = self._where_calc(domain)
        self._apply_ir_rules(query, "read")
        order_by = self._generate_order_by(None, query)
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute(
            'SELECT "res_partner".id, "res_partner".display_name FROM ' + from_clause
            + (" WHERE %s" % where_clause if where_clause else "") + order_by
            + (" LIMIT %d" % int(limit) if limit else ""), params)
        return [(pid, name or "") for pid, name in self.env.cr.fetchall()]

    # ------------------------------------------------------------------
    # Citizen rules (called by create and write)
    # ------------------------------------------------------------------

    def _hid_lib_messages(self):
        """Translatable twins of the lib's English templates (`_()` needs literal strings)."""
        return {
            phone_lib.MSG_INVALID: _('"%(raw)s" is not a valid phone number.'),
            phone_lib.MSG_LETTERS: _(
                '"%(raw)s" is not a valid phone number: letters are not allowed.'),
            '"%(raw)s" is not a valid phone number: too short.': _(
                '"%(raw)s" is not a valid phone number: too short.'),
            '"%(raw)s" is not a valid phone number: too long.': _(
                '"%(raw)s" is not a valid phone number: too long.'),
            '"%(raw)s" is not a valid phone number: wrong number of digits.': _(
                '"%(raw)s" is not a valid phone number: wrong number of digits.'),
            "The T.C. identity number must have 11 digits.": _(
                "The T.C. identity number must have 11 digits."),
            "The T.C. identity number is not valid: its check digits do not match.": _(
                "The T.C. identity number is not valid: its check digits do not match."),
            "The T.C. identity number cannot start with 0.": _(
                "The T.C. identity number cannot start with 0."),
            "The T.C. identity number must contain only digits.": _(
                "The T.C. identity number must contain only digits."),
            "The T.C. identity number is not valid.": _(
                "The T.C. identity number is not valid."),
        }

    def _hid_validation_error(self, fname, error):
        """A ValidationError naming the field, in the user's language, from a lib error."""
        template = self._hid_lib_messages().get(error.message, error.message)
        message = template % error.params if error.params else template
        label = self._fields[fname].get_description(self.env)["string"]
        return ValidationError(_("%(field)s: %(message)s") % {
            "field": label,
            "message": message,
        })

    @api.model
    def _hid_normalize_value(self, fname, value):
        """The stored form of one phone or TCKN value, or a ValidationError naming the field."""
        try:
            if fname == "tckn":
                return tckn_lib.normalize_tckn(value) or False
            return phone_lib.normalize_phone(value) or False
        except HidLibError as error:
            raise self._hid_validation_error(fname, error) from None

    @api.model
    def _hid_prepare_citizen_vals(self, vals):
        """Copy of `vals` with phones in E.164 and the TCKN validated, as stored for citizens."""
        vals = dict(vals)
        for fname in self._hid_phone_fields + ("tckn",):
            if vals.get(fname):
                vals[fname] = self._hid_normalize_value(fname, vals[fname])
        return vals

    @api.model
    def _hid_prepare_kvkk_vals(self, vals):
        """Copy of `vals` dating a KVKK notice that is ticked without a date."""
        vals = dict(vals)
        if vals.get("kvkk_notice_given") and not vals.get("kvkk_notice_date"):
            vals["kvkk_notice_date"] = fields.Datetime.now()
        return vals

    def _hid_becoming_citizen_vals(self, vals):
        """Stored values of a partner turned citizen that the rules change (not in `vals`)."""
        self.ensure_one()
        partner = self.sudo()
        extra = {}
        for fname in self._hid_phone_fields + ("tckn",):
            if fname not in vals and partner[fname]:
                value = self._hid_normalize_value(fname, partner[fname])
                if value != partner[fname]:
                    extra[fname] = value
        return extra

    def _hid_is_citizen_vals(self, vals):
        """Whether a new partner with `vals` is a citizen, context/user defaults included."""
        if "hid_citizen" in vals:
            return bool(vals["hid_citizen"])
        return bool(self.default_get(["hid_citizen"]).get("hid_citizen"))

    # ------------------------------------------------------------------
    # Name search: a phone number or a TCKN finds the citizen
    # ------------------------------------------------------------------

    @api.model
    def _hid_exact_match_domain(self, name):
        """Domain matching `name` as a normalised phone or TCKN; [] when it is neither."""
        leaves = []
        try:
            number = phone_lib.normalize_phone(name)
        except HidLibError:
            number = None
        if number:
            leaves += [("phone", "=", number), ("mobile", "=", number)]
        if self.user_has_groups(self._fields["tckn"].groups):
            # Only for who may read the TCKN: any other user could probe values by searching.
            try:
                tckn = tckn_lib.normalize_tckn(name)
            except HidLibError:
                tckn = None
            if tckn:
                leaves.append(("tckn", "=", tckn))
        return ["|"] * (len(leaves) - 1) + leaves

    # ------------------------------------------------------------------
    # Finding a citizen (intake screen, public form)
    # ------------------------------------------------------------------

    @api.model
    def _hid_find_citizen(self, phone, tckn):
        """The citizen with this TC kimlik no, else with this phone; empty unless both are
        valid (typing may be in progress; the save checks the values properly)."""
        try:
            phone = phone_lib.normalize_phone(phone) if phone else None
            tckn = tckn_lib.normalize_tckn(tckn) if tckn else None
        except HidLibError:
            return self.browse()
        if tckn:
            found = self.search([("hid_citizen", "=", True), ("tckn", "=", tckn)], limit=1)
            if found:
                return found
        if phone:
            return self.search([("hid_citizen", "=", True), "|", ("mobile", "=", phone),
                                ("phone", "=", phone)], limit=1)
        return self.browse()

    def _hid_retire_public_partner(self, citizen):
        """Archive this citizen, registered from a public channel under the identity as
        given, once its application is filed under `citizen` and nothing else is its."""
        for partner in self.sudo():
            if partner == citizen or not partner.hid_citizen or partner.user_ids:
                continue
            tickets = self.env["helpdesk.ticket"].sudo().with_context(active_test=False)
            if not tickets.search_count([("partner_id", "=", partner.id)]):
                partner.active = False
