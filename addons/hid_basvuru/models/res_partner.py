# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import odoo
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.osv.query import Query

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
        if not self._hid_is_citizen_vals(vals):
            return super().create(vals)
        vals = self._hid_prepare_citizen_vals(vals)
        # A citizen card needs no generated avatar (three PNG attachments per citizen, 300,000
        # citizens), no "Contact created" note (create_uid/create_date say it) and does not
        # make the agent who typed it a follower of the citizen.
        partner = super(ResPartner, self.with_context(
            hid_citizen_create=True, mail_create_nolog=True,
            mail_create_nosubscribe=True)).create(vals)
        return partner.with_env(self.env)

    @api.model
    def _get_default_image(self, partner_type, is_company, parent_id):
        """No generated avatar for a citizen (see `create`); the web client draws its own."""
        if self.env.context.get("hid_citizen_create"):
            return False
        return super()._get_default_image(partner_type, is_company, parent_id)

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
                matches = self._hid_exact_matches(list(args or []), match_domain, limit)
                if matches:
                    return matches
        return super().name_search(name, args=args, operator=operator, limit=limit)

    @api.multi
    def _notify_by_chat(self, message):
        """mail calls this with no partner for every message posted, and formats the message
        for the bus anyway (some 15 queries, three times in an intake) before sending
        nothing: with nobody to tell, nothing is done."""
        if not self:
            return None
        return super()._notify_by_chat(message)

    @api.model
    def _hid_exact_matches(self, args, match_domain, limit):
        """[(id, display name)] of the partners matching `args` and `match_domain` as the
        user, in one query: the user's access rights and record rules, selecting the stored
        display_name (what name_get gives in a plain context) instead of reading it back.
        name_get() itself when the context asks for more (e-mail, address, ...).

        The caller lookup runs on every phone typed, so the ORM's translation of domains
        is spared where it adds nothing: `match_domain` (made by _hid_exact_match_domain:
        "="-leaves on the phone, mobile and TCKN columns) becomes SQL here, and the record
        rules' domain is translated once per rule set when it is made of plain column
        comparisons (_hid_rule_sql); `args`, the protected-field check, the access rights and
        any other rule go through the ORM as before."""
        if any(key.startswith("show_") or key in ("html_format", "address_inline")
               for key in self.env.context):
            return self.search(args + match_domain, limit=limit).name_get()
        self.check_access_rights("read")
        self._hid_check_domain(match_domain)
        if args or not self.env.context.get("active_test", True):
            query = self._where_calc(args)
        else:   # what _where_calc([]) makes, without translating a domain
            query = Query(['"res_partner"'], ['("res_partner"."active" = true)'], [])
        leaves = [leaf for leaf in match_domain if isinstance(leaf, tuple)]
        assert all(field in ("phone", "mobile", "tckn") and op == "="
                   for field, op, _value in leaves)
        query.where_clause.append("(%s)" % " OR ".join(
            '"res_partner"."%s" = %%s' % field for field, _op, _value in leaves))
        query.where_clause_params.extend(value for _field, _op, value in leaves)
        rule = self._hid_rule_sql()
        if rule is None:
            self._apply_ir_rules(query, "read")
        elif rule:
            query.where_clause.append(rule[0])
            query.where_clause_params.extend(rule[1])
        order_by = self._generate_order_by(None, query)
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute(
            'SELECT "res_partner".id, "res_partner".display_name FROM ' + from_clause
            + (" WHERE %s" % where_clause if where_clause else "") + order_by
            + (" LIMIT %d" % int(limit) if limit else ""), params)
        return [(pid, name or "") for pid, name in self.env.cr.fetchall()]

    # The SQL of record-rule domains made only of plain column comparisons, per database,
    # model and domain (the domain itself is cached per user by ir.rule._compute_domain).
    _hid_rule_sql_cache = {}
    _HID_PLAIN_OPERATORS = ("=", "!=", "<>", "<", ">", "<=", ">=", "in", "not in")

    @api.model
    def _hid_rule_sql(self):
        """(where clause, params) of the user's read rules on this model, '' when none
        applies, or None when they must go through _apply_ir_rules (a rule leaf that is
        not a plain comparison of one of the model's own columns with constants: paths,
        x2many, child_of, name searches run queries when translated, translated fields
        depend on the language — neither can be kept)."""
        if self.env.uid == odoo.SUPERUSER_ID:
            return ""
        if self._inherits or self._transient:
            return None
        domain = self.env["ir.rule"]._compute_domain(self._name, "read")
        if not domain:
            return ""
        key = (self.env.cr.dbname, self._name, repr(domain))
        if key in self._hid_rule_sql_cache:
            return self._hid_rule_sql_cache[key]
        for leaf in domain:
            if leaf in ("&", "|", "!") or leaf in (expression.TRUE_LEAF, expression.FALSE_LEAF):
                continue
            if not (isinstance(leaf, (list, tuple)) and len(leaf) == 3):
                return None
            field = self._fields.get(leaf[0]) if isinstance(leaf[0], str) else None
            value = leaf[2]
            values = value if isinstance(value, (list, tuple)) else [value]
            if (field is None or not field.store or not field.column_type
                    or field.translate or field.type in ("one2many", "many2many")
                    or leaf[1] not in self._HID_PLAIN_OPERATORS
                    or not all(v is False or v is None or isinstance(v, (int, str, float))
                               for v in values)
                    or (field.type == "many2one"
                        and not all(v is False or v is None or isinstance(v, int)
                                    for v in values))):
                return None
        query = self.sudo()._where_calc(domain, active_test=False)
        if query.tables != ['"%s"' % self._table]:
            return None
        result = (" AND ".join(query.where_clause), list(query.where_clause_params))
        if len(self._hid_rule_sql_cache) > 1000:
            self._hid_rule_sql_cache.clear()
        self._hid_rule_sql_cache[key] = result
        return result

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
        """Domain matching `name` as a normalised phone or TCKN; [] when it is neither.

        The phone by its look-up key (no parser for the usual Turkish shapes: an invalid
        number in such a shape matches nothing stored, and the name search follows); the
        TCKN rule before the group check, which is needed only for a valid TCKN."""
        leaves = []
        number = phone_lib.lookup_key(name)
        if number:
            leaves += [("phone", "=", number), ("mobile", "=", number)]
        try:
            tckn = tckn_lib.normalize_tckn(name) if tckn_lib.may_be_tckn(name) else None
        except HidLibError:
            tckn = None
        # Only for who may read the TCKN: any other user could probe values by searching.
        if tckn and self.user_has_groups(self._fields["tckn"].groups):
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
