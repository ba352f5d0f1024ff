# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The analysis of applications: one row per application on a SQL view, and the numbers of
the periodic report pack, computed by GROUP BYs on that view under the user's record rules."""
import base64
import datetime

import pytz

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from ..lib import report_metrics as rm
from ..models.helpdesk_ticket import CLOSURE_STATES, DEADLINE_STATES, LEGAL_BASES, TZ

# An expression of a UTC timestamp column, as the day it was in Istanbul.
LOCAL_DAY = "(({}) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Istanbul')::date"
# The overdue list of a pack stops here (the count above it says how many there are).
OVERDUE_LIMIT = 5000
TOP_SUBJECTS = 20
# The dimensions of the pack's sheets: key → column of the view.
DIMENSIONS = (("team", "team_id"), ("mahalle", "mahalle_id"), ("channel", "channel_id"),
              ("type", "basvuru_type_id"), ("category", "category_id"))


class HidBasvuruReport(models.Model):
    """Başvuru analizi: what the ticket stores, and the facts derived from it in SQL
    (first response, same day, on time, sevk from the routing history)."""

    _name = "hid.basvuru.report"
    _description = "Application Analysis"
    _auto = False
    _rec_name = "number"
    _order = "received_date desc, id desc"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Application",
        readonly=True,
    )
    number = fields.Char(
        string="Tracking Number",
        readonly=True,
    )
    name = fields.Char(
        string="Subject",
        readonly=True,
    )
    received_date = fields.Datetime(
        readonly=True,
    )
    received_day = fields.Date(
        string="Received On",
        readonly=True,
        help="The day (Istanbul time) the application was received.",
    )
    channel_id = fields.Many2one(
        comodel_name="helpdesk.ticket.channel",
        string="Channel",
        readonly=True,
    )
    basvuru_type_id = fields.Many2one(
        comodel_name="hid.basvuru.type",
        string="Type",
        readonly=True,
    )
    category_id = fields.Many2one(
        comodel_name="helpdesk.ticket.category",
        string="Category",
        readonly=True,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Müdürlük",
        readonly=True,
    )
    mahalle_id = fields.Many2one(
        comodel_name="hid.mahalle",
        string="Mahalle",
        readonly=True,
    )
    stage_id = fields.Many2one(
        comodel_name="helpdesk.ticket.stage",
        string="Stage",
        readonly=True,
    )
    closed = fields.Boolean(
        readonly=True,
    )
    closure_state = fields.Selection(
        selection=CLOSURE_STATES,
        string="Closure",
        readonly=True,
    )
    legal_basis = fields.Selection(
        selection=LEGAL_BASES,
        readonly=True,
    )
    legal_deadline = fields.Date(
        readonly=True,
    )
    deadline_state = fields.Selection(
        selection=DEADLINE_STATES,
        string="Legal Deadline State",
        readonly=True,
    )
    first_response_date = fields.Datetime(
        string="First Response",
        readonly=True,
        help="The first answer, closure or forwarding (sevk), whichever came first.",
    )
    closed_date = fields.Datetime(
        readonly=True,
    )
    on_time = fields.Boolean(
        string="Closed on Time",
        readonly=True,
        help="Closed, and answered (or closed) within the legal deadline.",
    )
    same_day = fields.Boolean(
        string="Same-Day Response",
        readonly=True,
        help="Answered, closed or forwarded on the day it was received.",
    )
    instant = fields.Boolean(
        string="Instant Solution",
        readonly=True,
        help="Closed on the day it was received (anlık çözüm).",
    )
    overdue = fields.Boolean(
        readonly=True,
        help="Open, and its legal deadline has passed.",
    )
    first_response_hours = fields.Float(
        string="Hours to First Response",
        readonly=True,
        group_operator="avg",
    )
    resolution_hours = fields.Float(
        string="Hours to Resolution",
        readonly=True,
        group_operator="avg",
    )
    reopened = fields.Boolean(
        readonly=True,
    )
    reopen_count = fields.Integer(
        string="Times Reopened",
        readonly=True,
    )
    duplicate = fields.Boolean(
        readonly=True,
    )
    sevk = fields.Boolean(
        string="Forwarded (Sevk)",
        readonly=True,
    )
    satisfaction = fields.Float(
        readonly=True,
        group_operator="avg",
        help="The applicant's satisfaction score, once surveys exist.",
    )

    # ---------------------------------------------------
    # The view
    # ---------------------------------------------------

    def _select_satisfaction(self):
        """The satisfaction column: hid_anket overrides it (and _from_satisfaction)."""
        return "NULL::float"

    def _from_satisfaction(self):
        """Joins the satisfaction column needs (aliases: t the ticket)."""
        return ""

    def _query(self):
        response = "LEAST(t.answer_date, CASE WHEN st.closed THEN t.closed_date END, sv.date)"
        closed = "COALESCE(st.closed, FALSE)"
        received_day = LOCAL_DAY.format("t.received_date")
        return """
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   t.number AS number,
                   t.name AS name,
                   t.received_date AS received_date,
                   {received_day} AS received_day,
                   t.channel_id AS channel_id,
                   t.basvuru_type_id AS basvuru_type_id,
                   t.category_id AS category_id,
                   t.team_id AS team_id,
                   t.mahalle_id AS mahalle_id,
                   t.stage_id AS stage_id,
                   {closed} AS closed,
                   t.closure_state AS closure_state,
                   t.legal_basis AS legal_basis,
                   t.legal_deadline AS legal_deadline,
                   t.deadline_state AS deadline_state,
                   r.response AS first_response_date,
                   CASE WHEN {closed} THEN t.closed_date END AS closed_date,
                   ({closed} AND (t.legal_deadline IS NULL
                                  OR {response_day} <= t.legal_deadline)) IS TRUE AS on_time,
                   COALESCE({response_day} = {received_day}, FALSE) AS same_day,
                   ({closed} AND {closed_day} = {received_day}) IS TRUE AS instant,
                   (NOT {closed} AND t.legal_deadline
                        < (now() AT TIME ZONE 'Europe/Istanbul')::date) IS TRUE AS overdue,
                   (EXTRACT(EPOCH FROM r.response - t.received_date) / 3600.0)::float
                       AS first_response_hours,
                   CASE WHEN {closed} THEN
                       (EXTRACT(EPOCH FROM t.closed_date - t.received_date) / 3600.0)::float
                   END AS resolution_hours,
                   COALESCE(t.reopen_count, 0) > 0 AS reopened,
                   COALESCE(t.reopen_count, 0) AS reopen_count,
                   t.duplicate_of_id IS NOT NULL AS duplicate,
                   sv.ticket_id IS NOT NULL AS sevk,
                   {satisfaction} AS satisfaction
              FROM helpdesk_ticket t
              LEFT JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
              LEFT JOIN (SELECT h.ticket_id, min(h.date) AS date
                           FROM hid_havale h
                          WHERE h.kind = 'sevk'
                          GROUP BY h.ticket_id) sv ON sv.ticket_id = t.id
             CROSS JOIN LATERAL (SELECT {response} AS response) r
             {from_satisfaction}
        """.format(received_day=received_day, closed=closed, response=response,
                   response_day=LOCAL_DAY.format("r.response"),
                   closed_day=LOCAL_DAY.format("t.closed_date"),
                   satisfaction=self._select_satisfaction(),
                   from_satisfaction=self._from_satisfaction())

    def init(self):
        # The routing history's forwardings, looked up by application (few rows: a partial
        # index keeps the view's join small at a million applications).
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS hid_havale_sevk_ticket_idx
                ON hid_havale (ticket_id, date) WHERE kind = 'sevk'
        """)
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("CREATE OR REPLACE VIEW %s AS (%s)" % (self._table, self._query()))

    # ---------------------------------------------------
    # Set-based numbers, under the current user's record rules
    # ---------------------------------------------------

    def _hid_scope(self, domain):
        """(FROM, WHERE, params) of the rows of `domain` the current user may read."""
        self.check_access_rights("read")
        query = self._where_calc(domain)
        self._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        return from_clause, where_clause or "TRUE", params

    @api.model
    def _hid_utc_bounds(self, start, end):
        """The UTC timestamps (as stored) of Istanbul's midnight at `start` and after `end`."""
        def midnight(day):
            local = TZ.localize(datetime.datetime.combine(day, datetime.time.min))
            return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))
        return midnight(start), midnight(end + datetime.timedelta(days=1))

    @api.model
    def _hid_period_domain(self, start, end, team_ids=None):
        low, high = self._hid_utc_bounds(start, end)
        domain = [("received_date", ">=", low), ("received_date", "<", high)]
        return domain + self._hid_team_domain(team_ids)

    @api.model
    def _hid_team_domain(self, team_ids):
        """A restriction to some müdürlükler (it only ever narrows the record rules)."""
        if team_ids is None:
            return []
        try:
            ids = [int(i) for i in team_ids]
        except (TypeError, ValueError):
            raise UserError(_("Choose the müdürlükler of the report from the list."))
        return [("team_id", "in", ids or [0])]

    @api.model
    def _hid_aggregate_sql(self):
        """The counts of lib/report_metrics.COUNT_KEYS, as SQL aggregates."""
        r = '"hid_basvuru_report".'
        return """
            count(*) AS total,
            count(*) FILTER (WHERE {r}same_day) AS same_day,
            count(*) FILTER (WHERE {r}closed) AS closed,
            count(*) FILTER (WHERE {r}instant) AS instant,
            COALESCE(sum({r}resolution_hours)
                     FILTER (WHERE {r}closed AND NOT {r}instant), 0) AS resolution_hours,
            count({r}resolution_hours)
                FILTER (WHERE {r}closed AND NOT {r}instant) AS resolution_count,
            count(*) FILTER (WHERE {r}on_time) AS on_time,
            count(*) FILTER (WHERE {r}reopened) AS reopened,
            count(*) FILTER (WHERE {r}duplicate) AS duplicate,
            count(*) FILTER (WHERE {r}sevk) AS sevk,
            count(*) FILTER (WHERE NOT {r}closed) AS open
        """.format(r=r)

    @api.model
    def _hid_counts(self, domain, groupby=None):
        """The counts of `domain`: one dict, or {group key: dict} grouped by a column."""
        from_clause, where_clause, params = self._hid_scope(domain)
        if groupby:
            assert groupby in self._fields, groupby
            key = '"hid_basvuru_report".%s' % groupby
            self.env.cr.execute("SELECT %s AS key, %s FROM %s WHERE %s GROUP BY 1" % (
                key, self._hid_aggregate_sql(), from_clause, where_clause), params)
            return {row.pop("key"): row for row in self.env.cr.dictfetchall()}
        self.env.cr.execute("SELECT %s FROM %s WHERE %s" % (
            self._hid_aggregate_sql(), from_clause, where_clause), params)
        return self.env.cr.dictfetchall()[0]

    @api.model
    def _hid_counts_by(self, domain, columns):
        """One scan for the counts of `domain` in total and grouped by each of `columns`
        (GROUPING SETS): (total dict, {column: {key: dict}})."""
        from_clause, where_clause, params = self._hid_scope(domain)
        for column in columns:
            assert column in self._fields, column
        cols = ['"hid_basvuru_report".%s' % column for column in columns]
        query = """
            SELECT {keys}, GROUPING({cols}) AS hid_grouping, {aggregates}
              FROM {f} WHERE {w}
             GROUP BY GROUPING SETS ((), {sets})
        """.format(keys=", ".join("%s AS k%d" % (col, i) for i, col in enumerate(cols)),
                   cols=", ".join(cols), aggregates=self._hid_aggregate_sql(),
                   f=from_clause, w=where_clause,
                   sets=", ".join("(%s)" % col for col in cols))
        self.env.cr.execute(query, params)
        n = len(columns)
        every = (1 << n) - 1
        total, grouped = dict.fromkeys(rm.COUNT_KEYS, 0), {column: {} for column in columns}
        for row in self.env.cr.dictfetchall():
            mask = row.pop("hid_grouping")
            keys = [row.pop("k%d" % i) for i in range(n)]
            if mask == every:
                total = row
                continue
            for i, column in enumerate(columns):
                if mask == every & ~(1 << (n - 1 - i)):
                    grouped[column][keys[i]] = row
        return total, grouped

    @api.model
    def _hid_overdue(self, on_day, before, team_ids=None, limit=OVERDUE_LIMIT):
        """Open applications received before `before` (UTC) whose legal deadline passed by
        `on_day`: (total, first `limit` rows, most late first)."""
        domain = [("received_date", "<", before), ("closed", "=", False),
                  ("legal_deadline", "<", fields.Date.to_string(on_day))]
        from_clause, where_clause, params = self._hid_scope(
            domain + self._hid_team_domain(team_ids))
        r = '"hid_basvuru_report".'
        self.env.cr.execute("""
            SELECT {r}id, {r}number, {r}name, {r}team_id, {r}received_day, {r}legal_deadline,
                   (%s::date - {r}legal_deadline) AS days_late, count(*) OVER () AS total
              FROM {f} WHERE {w}
             ORDER BY {r}legal_deadline, {r}id
             LIMIT %s
        """.format(r=r, f=from_clause, w=where_clause),
            [fields.Date.to_string(on_day)] + params + [limit])
        rows = self.env.cr.dictfetchall()
        return (rows[0]["total"] if rows else 0), rows

    @api.model
    def _hid_overdue_by_team(self, on_day, team_ids=None):
        """{team id: number of open applications whose legal deadline passed by `on_day`}."""
        domain = [("closed", "=", False), ("legal_deadline", "<", fields.Date.to_string(on_day))]
        from_clause, where_clause, params = self._hid_scope(
            domain + self._hid_team_domain(team_ids))
        self.env.cr.execute(
            'SELECT "hid_basvuru_report".team_id, count(*) FROM %s WHERE %s GROUP BY 1'
            % (from_clause, where_clause), params)
        return dict(self.env.cr.fetchall())

    @api.model
    def _hid_subjects(self, domain, limit=TOP_SUBJECTS):
        """The most frequent subjects: [(subject, count)], the same text in any case once."""
        from_clause, where_clause, params = self._hid_scope(domain)
        self.env.cr.execute("""
            SELECT min("hid_basvuru_report".name) AS subject, count(*) AS count
              FROM %s WHERE %s
             GROUP BY lower(btrim("hid_basvuru_report".name))
             ORDER BY 2 DESC, 1
             LIMIT %%s
        """ % (from_clause, where_clause), params + [limit])
        return self.env.cr.fetchall()

    @api.model
    def _hid_monthly(self, first_month, team_ids=None):
        """{first day of month ("YYYY-MM-DD"): applications received} from `first_month` on."""
        low = self._hid_utc_bounds(first_month, first_month)[0]
        from_clause, where_clause, params = self._hid_scope(
            [("received_date", ">=", low)] + self._hid_team_domain(team_ids))
        self.env.cr.execute(
            'SELECT date_trunc(\'month\', "hid_basvuru_report".received_day)::date, count(*) '
            'FROM %s WHERE %s GROUP BY 1' % (from_clause, where_clause), params)
        return dict(self.env.cr.fetchall())

    # ---------------------------------------------------
    # The pack
    # ---------------------------------------------------

    @api.model
    def _hid_period_labels(self):
        return {rm.DAY: _("Daily"), rm.WEEK: _("Weekly"), rm.MONTH: _("Monthly"),
                rm.YEAR: _("Yearly")}

    @api.model
    def _hid_kpi_labels(self):
        return [
            (rm.COUNT, _("Number of applications")),
            (rm.SAME_DAY_PCT, _("Responded on the day of application (%)")),
            (rm.AVG_RESOLUTION_DAYS, _("Average resolution time excluding instant solutions "
                                       "(days)")),
            (rm.ON_TIME_PCT, _("Concluded within the legal period (%)")),
            (rm.REOPENED_PCT, _("Reopened (%)")),
        ]

    @api.model
    def _hid_names(self, model, ids):
        """Display names of the groups' records (the ids come from rows the user may read)."""
        records = self.env[model].sudo().with_context(active_test=False).browse(
            [i for i in ids if i])
        names = dict(records.name_get())
        names[None] = _("(none)")
        return names

    @api.model
    def _hid_pack_data(self, period, date_str, team_ids=None):
        """Every number of the pack for the period containing `date_str`, as the current user
        may see them (record rules), restricted to `team_ids` when given."""
        try:
            start, end = rm.period_range(period, date_str)
        except rm.PeriodError:
            raise UserError(_("Choose a period (day, week, month or year) and a valid date."))
        prev = rm.previous_range(period, start)
        last_year = rm.last_year_range(period, start)
        domain = self._hid_period_domain(start, end, team_ids)
        current, by_column = self._hid_counts_by(domain, [column for _key, column in DIMENSIONS])
        previous = self._hid_counts(self._hid_period_domain(prev[0], prev[1], team_ids))
        counts = {
            "current": current,
            "previous": previous,
            # a year's previous period is the same year last year: one scan, not two
            "last_year": dict(previous) if tuple(last_year) == tuple(prev) else self._hid_counts(
                self._hid_period_domain(last_year[0], last_year[1], team_ids)),
        }
        kpis = {key: rm.kpis(value) for key, value in counts.items()}
        dimensions = {}
        for key, column in DIMENSIONS:
            grouped = by_column[column]
            names = self._hid_names(self._fields[column].comodel_name, list(grouped))
            rows = [(names.get(k, names[None]), c, rm.kpis(c)) for k, c in grouped.items()]
            rows.sort(key=lambda row: (-row[1]["total"], row[0]))
            dimensions[key] = rows
        channel_counts = {name: c["total"] for name, c, _k in dimensions["channel"]}
        today = self.env["helpdesk.ticket"]._today()
        on_day = min(end, today)
        overdue_total, overdue = self._hid_overdue(
            on_day, self._hid_utc_bounds(start, end)[1], team_ids)
        team_names = self._hid_names("helpdesk.ticket.team",
                                     list({row["team_id"] for row in overdue}))
        for row in overdue:
            row["team"] = team_names.get(row["team_id"], team_names[None])
        teams = self.env["helpdesk.ticket.team"].sudo().browse(
            [int(i) for i in team_ids]) if team_ids is not None else None
        return {
            "period": period,
            "period_label": self._hid_period_labels()[period],
            "start": start, "end": end, "previous": prev, "last_year": last_year,
            "on_day": on_day,
            "scope": ", ".join(teams.mapped("name")) if teams is not None
            else _("All müdürlükler"),
            "counts": counts,
            "kpis": kpis,
            "kpi_labels": self._hid_kpi_labels(),
            "dimensions": dimensions,
            "channel_shares": sorted(rm.shares(channel_counts).items(),
                                     key=lambda item: (-(item[1] or 0), item[0])),
            "overdue_total": overdue_total,
            "overdue": overdue,
            "subjects": self._hid_subjects(domain),
        }

    @api.model
    def hid_pack_xlsx(self, period, date_str, team_ids=None):
        """The XLSX pack of the day / week / month / year containing `date_str` ("YYYY-MM-DD"),
        as the current user may see it, restricted to `team_ids` when given: bytes."""
        report = self.env["report.hid_basvuru.pack_xlsx"].with_context(
            active_model=self._name)
        data = {"period": period, "date": date_str,
                "team_ids": list(team_ids) if team_ids is not None else None}
        return report.create_xlsx_report([], data)[0]

    @api.model
    def hid_pack_xlsx_base64(self, period, date_str, team_ids=None):
        """The same XLSX pack, base64-encoded (for XML-RPC, which carries text, not bytes)."""
        return base64.b64encode(self.hid_pack_xlsx(period, date_str, team_ids)).decode()

    @api.model
    def hid_pack_pdf(self, period, date_str, team_ids=None):
        """The one-page summary of the same pack (PDF; HTML in the test mode of Odoo)."""
        data = {"period": period, "date": date_str,
                "team_ids": list(team_ids) if team_ids is not None else None}
        action = self.env.ref("hid_basvuru.action_report_pack_pdf")
        return action.render_qweb_pdf([], data=data)[0]
