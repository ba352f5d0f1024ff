# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Searching applications the way the desk does: by tracking number, the applicant's phone
(typed in any format), TC kimlik no (only for who may read it), name, subject; and by the
day received in Istanbul (Bugün / Bu hafta / Bu ay / Bu yıl).

Every search here ends on an index: the phone and TCKN are normalised (lib/) and looked up
exactly on res.partner's phone/mobile/tckn indexes; names, subjects and numbers typed in part
use trigram (pg_trgm) indexes when the database has the extension; the received day is a
stored, indexed date."""
import logging

from psycopg2 import sql

from odoo import api, fields, models
from odoo.osv import expression

from ..lib import phone as phone_lib
from ..lib import search as search_lib
from ..lib import tckn as tckn_lib
from ..lib.exceptions import HidLibError
from .helpdesk_ticket import G_AGENT, TZ

_logger = logging.getLogger(__name__)

# Operators a search field accepts; anything else finds nothing (never everything).
POSITIVE = ("ilike", "like", "=", "=ilike", "=like")

# Trigram indexes for the ilike searches of partly typed text (table, index, column).
TRGM_INDEXES = (
    ("helpdesk_ticket", "helpdesk_ticket_number_trgm_index", "number"),
    ("helpdesk_ticket", "helpdesk_ticket_name_trgm_index", "name"),
    ("res_partner", "res_partner_name_trgm_index", "name"),
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    received_day = fields.Date(
        compute="_compute_received_day",
        store=True,
        index=True,
        help="The day the application was received, in Istanbul time (the date filters).",
    )
    hid_search = fields.Char(
        string="Number, Applicant or Subject",
        compute="_compute_hid_search",
        search="_search_hid_search",
        help="Tracking number, the applicant's phone, name (or TC kimlik no for the "
             "directorate), or words of the subject.",
    )
    hid_search_phone = fields.Char(
        string="Applicant's Phone",
        compute="_compute_hid_search",
        search="_search_hid_search_phone",
    )
    hid_search_citizen = fields.Char(
        string="Applicant's Name",
        compute="_compute_hid_search",
        search="_search_hid_search_citizen",
    )
    hid_search_tckn = fields.Char(
        string="Applicant's TC Kimlik No",
        compute="_compute_hid_search",
        search="_search_hid_search_tckn",
        groups=G_AGENT,
    )

    @api.depends("received_date")
    def _compute_received_day(self):
        for ticket in self:
            ticket.received_day = search_lib.local_day(ticket.received_date, TZ) \
                if ticket.received_date else False

    def _compute_hid_search(self):
        """Search-only fields: they hold nothing."""
        for ticket in self:
            ticket.hid_search = False
            ticket.hid_search_phone = False
            ticket.hid_search_citizen = False
            ticket.hid_search_tckn = False

    # ---------------------------------------------------
    # Search methods (as the user: the record rules still apply to the result)
    # ---------------------------------------------------

    @api.model
    def _hid_partner_domain(self, partner_ids):
        """The applications of these partners the user may find by their applicant: all
        for the directorate; for the others only those whose applicant they are shown
        (neither anonymous nor confidential), or a search would tell who applied."""
        domain = [("partner_id", "in", list(partner_ids))]
        if not self._hid_may_see_identity():
            domain += [("anonymous", "=", False), ("confidential", "=", False)]
        # explicit operators: a search method's domain is not normalised by the ORM
        return expression.normalize_domain(domain)

    @api.model
    def _hid_phone_partner_ids(self, value):
        try:
            number = phone_lib.normalize_phone(value)
        except HidLibError:
            return None
        if not number:
            return None
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        return Partner._search(["|", ("mobile", "=", number), ("phone", "=", number)])

    @api.model
    def _hid_tckn_partner_ids(self, value):
        """Only for who may read the TCKN (the field's groups); None for the others."""
        if not self._hid_may_see_identity():
            return None
        try:
            tckn = tckn_lib.normalize_tckn(value)
        except HidLibError:
            return None
        if not tckn:
            return None
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        return Partner._search([("tckn", "=", tckn)])

    @api.model
    def _hid_name_partner_ids(self, value):
        text = (value or "").strip()
        if len(text) < search_lib.MIN_TEXT:
            return None
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        return Partner._search([("name", "ilike", text)])

    @staticmethod
    def _hid_or(domains):
        domains = [d for d in domains if d]
        return expression.OR(domains) if domains else [("id", "=", 0)]

    def _search_hid_search(self, operator, value):
        if operator not in POSITIVE or not isinstance(value, str) or not value.strip():
            return [("id", "=", 0)]
        text = value.strip()
        domains = []
        if search_lib.looks_like_number(text):
            domains.append([("number", "=", text)])
        if len(text) >= search_lib.MIN_TEXT:
            domains.append([("number", "ilike", text)])
            domains.append([("name", "ilike", text)])
        for finder in (self._hid_phone_partner_ids, self._hid_tckn_partner_ids,
                       self._hid_name_partner_ids):
            partner_ids = finder(text)
            if partner_ids:
                domains.append(self._hid_partner_domain(partner_ids))
        return self._hid_or(domains)

    def _search_hid_search_phone(self, operator, value):
        if operator not in POSITIVE or not isinstance(value, str):
            return [("id", "=", 0)]
        partner_ids = self._hid_phone_partner_ids(value)
        return self._hid_partner_domain(partner_ids) if partner_ids else [("id", "=", 0)]

    def _search_hid_search_citizen(self, operator, value):
        if operator not in POSITIVE or not isinstance(value, str):
            return [("id", "=", 0)]
        partner_ids = self._hid_name_partner_ids(value)
        return self._hid_partner_domain(partner_ids) if partner_ids else [("id", "=", 0)]

    def _search_hid_search_tckn(self, operator, value):
        # The field's groups keep others out at the door (hid.protected.field.mixin); this
        # is the second lock.
        if operator not in POSITIVE or not isinstance(value, str):
            return [("id", "=", 0)]
        partner_ids = self._hid_tckn_partner_ids(value)
        return self._hid_partner_domain(partner_ids) if partner_ids else [("id", "=", 0)]

    # ---------------------------------------------------
    # Schema: the received day filled by one UPDATE, trigram indexes
    # ---------------------------------------------------

    def _auto_init(self):
        """`received_day` is filled by one UPDATE when its column is added (the ORM would
        compute it record by record: hours at 1M applications)."""
        cr = self.env.cr
        cr.execute("SELECT array_agg(column_name::text) FROM information_schema.columns "
                   "WHERE table_name = 'helpdesk_ticket' "
                   "AND column_name IN ('received_day', 'received_date')")
        columns = cr.fetchone()[0] or []
        # on a new install received_date comes with this very _auto_init: the ORM then
        # computes the day of the few rows there are (helpdesk_mgmt's demo)
        if "received_date" in columns and "received_day" not in columns:
            cr.execute("ALTER TABLE helpdesk_ticket ADD COLUMN received_day date")
            cr.execute("UPDATE helpdesk_ticket SET received_day = "
                       "(received_date AT TIME ZONE 'UTC' AT TIME ZONE %s)::date "
                       "WHERE received_date IS NOT NULL", (TZ.zone,))
        return super()._auto_init()

    def init(self):
        super().init()
        cr = self.env.cr
        cr.execute("CREATE INDEX IF NOT EXISTS helpdesk_ticket_map_index "
                   "ON helpdesk_ticket (latitude, longitude)")
        cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if not cr.fetchone():
            try:
                with cr.savepoint():
                    cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except Exception:  # pylint: disable=broad-except
                _logger.warning("pg_trgm is not available: searches of partly typed names "
                                "and subjects scan the table (ask the DBA to create it)")
                return
        for table, index, column in TRGM_INDEXES:
            cr.execute(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} USING gin ({} gin_trgm_ops)")
                       .format(sql.Identifier(index), sql.Identifier(table),
                               sql.Identifier(column)))
