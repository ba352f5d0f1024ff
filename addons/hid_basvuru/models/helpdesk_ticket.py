# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import pytz
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import deadlines, lifecycle

TZ = pytz.timezone("Europe/Istanbul")
G_AGENT = "hid_basvuru.group_hid_agent"
G_STAFF = "hid_basvuru.group_hid_staff"
G_DIRECTOR = "hid_basvuru.group_hid_director"
G_MUDURLUK_USER = "hid_basvuru.group_hid_mudurluk_user"
G_MANAGER = "hid_basvuru.group_hid_mudurluk_manager"

# The codes and the rules about them live in lib/lifecycle.py; here only their labels.
CLOSURE_STATES = [
    (lifecycle.COZULDU, "Solved"),
    (lifecycle.BILGI_VERILDI, "Information given"),
    (lifecycle.PROGRAMA_ALINDI, "Scheduled"),
    (lifecycle.SEVK_EDILDI, "Out of our authority / forwarded"),
    (lifecycle.GEREKCELI_RET, "Refused with reasons"),
    (lifecycle.MUKERRER, "Duplicate"),
]
# Closure states that tell the citizen something: a written answer must exist.
ANSWER_REQUIRED = lifecycle.ANSWER_REQUIRED
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


class HelpdeskTicket(models.Model):
    """A citizen application (başvuru): what it is about, where, and how it ended."""

    _inherit = "helpdesk.ticket"
    _order = "received_date desc, id desc"

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
    # helpdesk_mgmt's `closed` is a non-stored related: every list read fetched the stages
    # again and every "open" filter joined them. Stored (and indexed) it is one column.
    closed = fields.Boolean(
        related="stage_id.closed",
        store=True,
        index=True,
        readonly=True,
    )

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for ticket in self:
            if not -90 <= ticket.latitude <= 90 or not -180 <= ticket.longitude <= 180:
                raise ValidationError(_("Coordinates: the latitude must be between -90 and 90 "
                                        "and the longitude between -180 and 180."))

    # helpdesk_mgmt indexes none of its many2one columns nor the number: the pager counts,
    # kanban columns, record rules, the caller's history and the status page scanned the table.
    # With company_id: helpdesk_mgmt's company rule adds "company_id IS NULL OR company_id
    # IN (...)" to every query, which an index without it must check in the table.
    _HID_INDEXES = {
        # a müdürlük's counts, open counts and kanban columns: index-only
        "helpdesk_ticket_team_cover_index": "(team_id, company_id, closed, stage_id)",
        "helpdesk_ticket_stage_company_index": "(stage_id, company_id)",
        "helpdesk_ticket_partner_company_index": "(partner_id, company_id)",
        "helpdesk_ticket_category_company_index": "(category_id, company_id)",
        "helpdesk_ticket_user_company_index": "(user_id, company_id)",
        "helpdesk_ticket_channel_company_index": "(channel_id, company_id)",
        "helpdesk_ticket_number_index": "(number)",
        # a müdürlük's list in its default order, open ones first
        "helpdesk_ticket_team_received_index": "(team_id, received_date DESC, id DESC)",
        # the deadline cron: only open cases whose light can change
        "helpdesk_ticket_open_legal_deadline_index":
            "(legal_deadline) WHERE closed IS NOT TRUE",
        "helpdesk_ticket_open_internal_deadline_index":
            "(internal_deadline) WHERE closed IS NOT TRUE",
        "helpdesk_ticket_escalated_index":
            "(id) WHERE overdue_escalated AND deadline_state IS DISTINCT FROM 'overdue'",
        "helpdesk_ticket_overdue_new_index":
            "(id) WHERE deadline_state = 'overdue' AND overdue_escalated IS NOT TRUE",
    }

    def _auto_init(self):
        """`closed` becomes a stored column: filled by one UPDATE from the stages when it is
        added (the ORM would compute it record by record: hours at 1M applications)."""
        cr = self.env.cr
        cr.execute("SELECT 1 FROM information_schema.columns "
                   "WHERE table_name = 'helpdesk_ticket' AND column_name = 'closed'")
        if not cr.fetchone():
            cr.execute("ALTER TABLE helpdesk_ticket ADD COLUMN closed boolean")
            cr.execute("UPDATE helpdesk_ticket t SET closed = st.closed "
                       "FROM helpdesk_ticket_stage st WHERE st.id = t.stage_id")
        return super()._auto_init()

    def init(self):
        """One case per CİMER / Açık Kapı number: later arrivals are linked duplicates.
        And the indexes helpdesk_mgmt does not make (see _HID_INDEXES)."""
        for name, definition in self._HID_INDEXES.items():
            # both parts are class constants, never input
            self.env.cr.execute(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON helpdesk_ticket {}")
                                .format(sql.Identifier(name), sql.SQL(definition)))
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
