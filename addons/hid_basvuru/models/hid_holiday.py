# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from ..lib.workdays import WorkCalendar


class HidHoliday(models.Model):
    """A day on which the office calendar differs from the law's: an idari izin, or a Saturday
    declared a working day to compensate one. Legal deadlines count iş günü on this calendar."""

    _name = "hid.holiday"
    _description = "Non-working Day"
    _order = "date desc"

    date = fields.Date(
        required=True,
        index=True,
    )
    name = fields.Char(
        string="Reason",
        required=True,
        help="Why the day differs, e.g. İdari izin.",
    )
    kind = fields.Selection(
        selection=[
            ("holiday", "Extra non-working day"),
            ("workday", "Extra working day"),
        ],
        required=True,
        default="holiday",
        help="Extra non-working day: offices are closed on a weekday (e.g. idari izin).\n"
             "Extra working day: offices are open on a weekend day or public holiday "
             "(e.g. a Saturday worked to compensate an idari izin).",
    )
    active = fields.Boolean(
        default=True,
    )

    _sql_constraints = [
        ("date_uniq", "unique(date)",
         "There is already an entry for this date (it may be archived)."),
    ]

    # ---------------------------------------------------
    # Constraints
    # ---------------------------------------------------

    @api.constrains("date", "kind")
    def _check_kind_changes_day(self):
        """An entry must change the day: a holiday on a day already off, or a working day on a
        day already worked, would hide a data-entry mistake (usually a wrong date)."""
        law = WorkCalendar()
        for rec in self:
            day = fields.Date.from_string(rec.date)
            if rec.kind == "holiday" and not law.is_workday(day):
                raise ValidationError(_(
                    "%s is already a non-working day (a weekend day or a public holiday): "
                    "there is no need to add it as a non-working day."
                ) % format_date(self.env, rec.date))
            if rec.kind == "workday" and law.is_workday(day):
                raise ValidationError(_(
                    "%s is already a working day (a weekday that is not a public holiday): "
                    "only a weekend day or a public holiday can be declared a working day."
                ) % format_date(self.env, rec.date))

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    @api.model
    def _work_calendar(self):
        """The iş günü calendar with the active entries, for the deadline code (one query).

        Read as superuser: the calendar is public knowledge and a deadline must not depend on
        who happens to compute it (a citizen's status page, a cron, a müdürlük user).
        """
        rows = self.sudo().with_context(active_test=True).search_read([], ["date", "kind"])
        days = {"holiday": [], "workday": []}
        for row in rows:
            days[row["kind"]].append(fields.Date.from_string(row["date"]))
        return WorkCalendar(extra_holidays=days["holiday"], extra_workdays=days["workday"])

    # ---------------------------------------------------
    # CRUD: open applications' deadlines follow the calendar
    # ---------------------------------------------------

    @api.model
    def create(self, vals):
        holiday = super().create(vals)
        self.env["helpdesk.ticket"]._hid_recompute_deadlines_around([holiday.date])
        return holiday

    @api.multi
    def write(self, vals):
        days = self.mapped("date")
        res = super().write(vals)
        if {"date", "kind", "active"} & set(vals):
            self.env["helpdesk.ticket"]._hid_recompute_deadlines_around(
                days + self.mapped("date"))
        return res

    @api.multi
    def unlink(self):
        days = self.mapped("date")
        res = super().unlink()
        self.env["helpdesk.ticket"]._hid_recompute_deadlines_around(days)
        return res
