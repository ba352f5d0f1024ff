# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import kpi

G_SUPERVISOR = "hid_cagri.group_hid_cagri_supervisor"
TZ = "Europe/Istanbul"
BUCKETS = {
    "hour": "extract(hour from (c.start_time at time zone 'UTC') at time zone '%s')::int" % TZ,
    "day": "((c.start_time at time zone 'UTC') at time zone '%s')::date" % TZ,
    "agent": "c.agent_id",
    "queue": "c.queue",
}
MAX_DAYS = 366


class HidCallKpi(models.TransientModel):
    """The supervisor's KPIs of a period, by hour, day, agent or queue (lib/kpi.py says
    what each one means); one set-based query over the calls."""

    _name = "hid.call.kpi"
    _description = "Call Centre KPIs"

    date_from = fields.Date(
        required=True,
        default=fields.Date.context_today,
    )
    date_to = fields.Date(
        required=True,
        default=fields.Date.context_today,
    )
    group_by = fields.Selection(
        selection=[("hour", "Hour"), ("day", "Day"), ("agent", "Agent"), ("queue", "Queue")],
        required=True,
        default="hour",
    )
    line_ids = fields.One2many(
        comodel_name="hid.call.kpi.line",
        inverse_name="kpi_id",
        readonly=True,
    )

    @api.multi
    def action_compute(self):
        self.ensure_one()
        rows = self._hid_rows()
        self.line_ids.unlink()
        self.write({"line_ids": [(0, 0, row) for row in rows]})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "current"}

    @api.multi
    def action_export_xlsx(self):
        self.ensure_one()
        self.action_compute()
        return self.env.ref("hid_cagri.action_report_call_kpi_xlsx").report_action(self)

    # ---------------------------------------------------
    # Computation
    # ---------------------------------------------------

    def _hid_check_supervisor(self):
        if not self.env.user.has_group(G_SUPERVISOR):
            raise AccessError(_("Only call-centre supervisors and the director see the KPIs."))

    def _hid_period_utc(self):
        """[start, end) of the chosen days in Istanbul, as naive UTC."""
        start = fields.Date.from_string(self.date_from)
        end = fields.Date.from_string(self.date_to)
        if end < start:
            raise UserError(_("The end date is before the start date."))
        if (end - start).days > MAX_DAYS:
            raise UserError(_("Choose a period of at most a year."))
        offset = datetime.timedelta(hours=3)
        return (datetime.datetime.combine(start, datetime.time()) - offset,
                datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time())
                - offset)

    @api.model
    def _hid_sums_sql(self, start, end, group_by):
        """{bucket: sums} of the inbound calls started in [start, end) (naive UTC)."""
        self._hid_check_supervisor()
        bucket = BUCKETS[group_by]
        # FCR looks FCR_DAYS past the period for a repeat call; LEAD finds the next call of
        # the same number in one sort (no query per call).
        self.env.cr.execute("""
            WITH c AS (
                SELECT id, status, start_time, agent_id, queue,
                       provider = 'manual' AS manual,
                       COALESCE(wait_seconds, 0) AS wait_s,
                       COALESCE(talk_seconds, 0) + COALESCE(hold_seconds, 0) AS handle_s,
                       LEAD(start_time) OVER (PARTITION BY caller_number
                                              ORDER BY start_time, id) AS next_start
                  FROM hid_call
                 WHERE direction = 'inbound'
                   AND start_time >= %(start)s AND start_time < %(fcr_end)s
            )
            SELECT """ + bucket + """ AS bucket,
                   count(*),
                   count(*) FILTER (WHERE status = 'short_abandon'),
                   count(*) FILTER (WHERE status = 'answered'),
                   count(*) FILTER (WHERE status = 'abandoned'),
                   COALESCE(sum(wait_s) FILTER (WHERE status = 'answered' AND NOT manual), 0),
                   count(*) FILTER (WHERE status = 'answered' AND NOT manual
                                    AND wait_s <= %(sl)s),
                   COALESCE(sum(handle_s) FILTER (WHERE status = 'answered'), 0),
                   count(*) FILTER (WHERE status = 'answered' AND (
                       next_start IS NULL OR next_start <= start_time
                       OR next_start > start_time + %(fcr)s * interval '1 day')),
                   count(*) FILTER (WHERE status = 'abandoned' AND EXISTS (
                       SELECT 1 FROM hid_call cb WHERE cb.callback_of_id = c.id)),
                   count(*) FILTER (WHERE status = 'answered' AND manual)
              FROM c
             WHERE start_time < %(end)s
               AND status IN ('answered', 'abandoned', 'short_abandon')
             GROUP BY 1
             ORDER BY 1
        """, {"start": start, "end": end, "sl": kpi.SL_SECONDS, "fcr": kpi.FCR_DAYS,
              "fcr_end": end + datetime.timedelta(days=kpi.FCR_DAYS)})
        return {row[0]: dict(zip(kpi.SUM_KEYS, [int(v) for v in row[1:]]))
                for row in self.env.cr.fetchall()}

    @api.multi
    def _hid_rows(self):
        """The lines of the report: one per bucket, then the total."""
        self.ensure_one()
        start, end = self._hid_period_utc()
        by_bucket = self._hid_sums_sql(start, end, self.group_by)
        names = {}
        if self.group_by == "agent":
            names = dict(self.env["res.users"].sudo().browse(
                [b for b in by_bucket if b]).name_get())
        rows = []
        for bucket, sums in by_bucket.items():
            if self.group_by == "hour":
                label = "%02d:00" % bucket
            elif self.group_by == "day":
                # Odoo's cursor gives a date as text
                day = fields.Date.from_string(bucket) if isinstance(bucket, str) else bucket
                label = day.strftime("%d.%m.%Y")
            elif self.group_by == "agent":
                label = names.get(bucket) or _("No agent")
            else:
                label = bucket or _("No queue")
            rows.append(self._hid_line_vals(label, sums))
        rows.append(self._hid_line_vals(_("Total"), kpi.total(by_bucket.values()), True))
        return rows

    @staticmethod
    def _hid_line_vals(label, sums, is_total=False):
        r = kpi.ratios(sums)
        return {"name": label, "is_total": is_total, "offered": r["offered"],
                "short_abandoned": r["short_abandoned"], "answered": r["answered"],
                "abandoned": r["abandoned"], "answered_pct": r["answered_pct"],
                "abandoned_pct": r["abandoned_pct"], "asa": r["asa"],
                "service_level": r["service_level"], "aht": r["aht"], "fcr_pct": r["fcr_pct"],
                "callbacks": r["callbacks"], "callback_pct": r["callback_pct"],
                "manual": r["manual"]}

    @api.model
    def hid_wallboard(self):
        """Today's board: the KPIs so far, calls ringing and talking now, per agent."""
        self._hid_check_supervisor()
        today = fields.Date.context_today(self)
        wizard = self.new({"date_from": today, "date_to": today, "group_by": "agent"})
        rows = wizard._hid_rows()
        self.env.cr.execute("""
            SELECT status, count(*) FROM hid_call
             WHERE status IN ('ringing', 'talking') AND start_time > %s GROUP BY status
        """, (datetime.datetime.utcnow() - datetime.timedelta(hours=12),))
        live = dict(self.env.cr.fetchall())
        return {"date": today, "total": rows[-1], "agents": rows[:-1],
                "ringing": live.get("ringing", 0), "talking": live.get("talking", 0),
                "sl_target": kpi.SL_TARGET}


class HidCallKpiLine(models.TransientModel):
    _name = "hid.call.kpi.line"
    _description = "Call Centre KPI Line"
    _order = "is_total, id"

    kpi_id = fields.Many2one(
        comodel_name="hid.call.kpi",
        required=True,
        ondelete="cascade",
    )
    name = fields.Char(
        string="Group",
    )
    is_total = fields.Boolean()
    offered = fields.Integer()
    short_abandoned = fields.Integer(
        string="Short Abandons",
    )
    answered = fields.Integer()
    abandoned = fields.Integer()
    answered_pct = fields.Float(
        string="Answered %",
        digits=(5, 1),
    )
    abandoned_pct = fields.Float(
        string="Abandoned %",
        digits=(5, 1),
    )
    asa = fields.Float(
        string="ASA (s)",
        digits=(8, 1),
    )
    service_level = fields.Float(
        string="Service Level %",
        digits=(5, 1),
    )
    aht = fields.Float(
        string="AHT (s)",
        digits=(8, 1),
    )
    fcr_pct = fields.Float(
        string="FCR %",
        digits=(5, 1),
    )
    callbacks = fields.Integer()
    callback_pct = fields.Float(
        string="Callback %",
        digits=(5, 1),
    )
    manual = fields.Integer(
        string="Calls Logged by Hand",
        help="Answered calls logged by hand: counted in AHT and FCR, not in ASA nor in the "
             "service level (their wait is unknown).",
    )
