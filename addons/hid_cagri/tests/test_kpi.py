# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from odoo.exceptions import AccessError

from ..lib import kpi
from .common import CagriCase

DAY = datetime.datetime(2026, 10, 5, 7, 0, 0)  # 10:00 in Istanbul


class TestKpi(CagriCase):
    """The SQL aggregation gives what lib/kpi.py gives on the same known calls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rows = [
            # (offset minutes, status, wait, talk, hold, number, extension, direction)
            (0, "answered", 5, 100, 20, "+905320000001", "1001", "inbound"),
            (10, "answered", 30, 200, 0, "+905320000002", "1001", "inbound"),
            (70, "answered", 20, 60, 0, "+905320000003", "1002", "inbound"),
            (80, "abandoned", 50, 0, 0, "+905320000004", None, "inbound"),
            (90, "abandoned", 40, 0, 0, "+905320000005", None, "inbound"),
            (95, "short_abandon", 2, 0, 0, "+905320000006", None, "inbound"),
            (3 * 1440, "answered", 3, 30, 0, "+905320000002", "1002", "inbound"),
            (100, "answered", 0, 45, 0, "+905320000004", "1001", "outbound"),
            # logged by hand the next day: answered, no wait measured
            (1440, "answered", 0, 90, 0, "+905320000007", "1001", "inbound"),
        ]
        cls.calls = cls.Call
        for i, (minutes, status, wait, talk, hold, number, ext, direction) in enumerate(rows):
            start = DAY + datetime.timedelta(minutes=minutes)
            manual = minutes == 1440
            cls.calls |= cls.Call.sudo().create({
                "provider": "manual" if manual else "verimor",
                "pbx_call_id": False if manual else "kpi-%d" % i, "status": status,
                "direction": direction, "caller_number": number, "wait_seconds": wait,
                "talk_seconds": talk, "hold_seconds": hold, "queue": "q1",
                "agent_id": cls.Call._hid_agent_for(ext).id,
                "start_time": start.strftime("%Y-%m-%d %H:%M:%S"),
                "end_time": (start + datetime.timedelta(seconds=wait + talk)).strftime(
                    "%Y-%m-%d %H:%M:%S")})
        cls.calls[7].write({"callback_of_id": cls.calls[3].id})

    def lib_sums(self, group_by):
        data = []
        for c in self.calls:
            start = datetime.datetime.strptime(c.start_time, "%Y-%m-%d %H:%M:%S")
            data.append(dict(id=c.id, status=c.status, direction=c.direction, start=start,
                             caller_number=c.caller_number, wait_seconds=c.wait_seconds,
                             talk_seconds=c.talk_seconds, hold_seconds=c.hold_seconds,
                             agent=c.agent_id.id or None, queue=c.queue,
                             callback_of=c.callback_of_id.id or None,
                             manual=c.provider == "manual"))
        return kpi.sums(data, group_by)

    def wizard(self, group_by, user=None, days=0):
        return self.env["hid.call.kpi"].sudo(user or self.supervisor).create({
            "date_from": "2026-10-05",
            "date_to": (datetime.date(2026, 10, 5) + datetime.timedelta(days=days)).isoformat(),
            "group_by": group_by})

    def test_sql_equals_the_definitions(self):
        start, end = self.wizard("day", days=3)._hid_period_utc()
        for group_by in ("agent", "queue"):
            sql = self.env["hid.call.kpi"].sudo(self.supervisor)._hid_sums_sql(
                start, end, group_by)
            self.assertEqual({k or None: v for k, v in sql.items()}, self.lib_sums(group_by),
                             group_by)

    def test_the_report_on_known_data(self):
        wizard = self.wizard("hour")
        wizard.action_compute()
        total = wizard.line_ids.filtered("is_total")
        self.assertEqual((total.offered, total.answered, total.abandoned, total.short_abandoned),
                         (6, 3, 2, 1))
        self.assertEqual(total.answered_pct, 60.0)
        self.assertEqual(total.service_level, 40.0)
        self.assertEqual(total.asa, 18.3)
        self.assertEqual(total.aht, 126.7)
        self.assertEqual(total.fcr_pct, 66.7, "+905320000002 called again within 7 days")
        self.assertEqual((total.callbacks, total.callback_pct), (1, 50.0))
        hours = wizard.line_ids.filtered(lambda l: not l.is_total).mapped("name")
        self.assertEqual(hours, ["10:00", "11:00"], "hours in Istanbul time")

    def test_a_manual_call_is_answered_without_a_wait(self):
        wizard = self.wizard("day", days=1)
        wizard.action_compute()
        lines = {line.name: line for line in wizard.line_ids}
        second = lines["06.10.2026"]
        self.assertEqual((second.offered, second.answered, second.manual), (1, 1, 1))
        self.assertEqual((second.asa, second.service_level, second.aht), (0.0, 0.0, 90.0),
                         "no wait measured: neither ASA nor service level; AHT its duration")
        total = wizard.line_ids.filtered("is_total")
        self.assertEqual((total.offered, total.answered, total.manual), (7, 4, 1))
        self.assertEqual(total.asa, 18.3, "the manual call does not lower ASA")
        self.assertEqual(total.service_level, 40.0, "nor change the service level")
        self.assertEqual(total.aht, 117.5, "(120 + 200 + 60 + 90) / 4")

    def test_xlsx_export(self):
        wizard = self.wizard("agent")
        wizard.action_compute()
        report = self.env.ref("hid_cagri.action_report_call_kpi_xlsx")
        content, kind = self.env["report.hid_cagri.call_kpi_xlsx"].sudo(
            self.supervisor).with_context(active_model="hid.call.kpi").create_xlsx_report(
            wizard.ids, {})
        self.assertEqual(kind, "xlsx")
        self.assertEqual(content[:2], b"PK", "an XLSX (zip) file")
        self.assertEqual(report.report_type, "xlsx")

    def test_wallboard_and_roles(self):
        board = self.env["hid.call.kpi"].sudo(self.supervisor).hid_wallboard()
        self.assertIn("total", board)
        for user in (self.agent, self.mudurluk_user, self.staff):
            with self.assertRaises(AccessError, msg=user.login):
                self.wizard("day", user=user).action_compute()
            with self.assertRaises(AccessError, msg=user.login):
                self.env["hid.call.kpi"].sudo(user).hid_wallboard()
