# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Raporlar: the analysis view, the periodic pack (read back from the XLSX), its schedule
and e-mails, the settings, the dashboard — on known applications of March 2025."""
import base64
import datetime
from unittest import mock

import xlrd

from odoo.exceptions import AccessError, UserError

from .common import new_user
from .common_ticket import G, HidTicketCase

REPORT = "hid.basvuru.report"


def utc(local):
    """'2025-03-03 10:00' Istanbul (UTC+3) → the stored UTC string."""
    moment = datetime.datetime.strptime(local, "%Y-%m-%d %H:%M") - datetime.timedelta(hours=3)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def sheets(xlsx):
    """{sheet name: sheet}, and {position: sheet} (the e-mailed packs are in Turkish)."""
    book = xlrd.open_workbook(file_contents=xlsx)
    out = {sheet.name: sheet for sheet in book.sheets()}
    out.update(enumerate(book.sheets()))
    return out


def count_of(book):
    """The pack's first KPI: the number of applications of the period."""
    return book[0].cell_value(5, 1)


def kpi_rows(sheet):
    """{metric label: [this, previous, change, change %, last year, change, change %]}."""
    out = {}
    for row in range(5, 10):
        out[sheet.cell_value(row, 0)] = [sheet.cell_value(row, col) for col in range(1, 8)]
    return out


class TestRapor(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        stages = {s.code: s.id for s in cls.env["helpdesk.ticket.stage"].search([])}
        cls.stages = stages

        def app(received, team, stage="closed", answered=None, closed=None, deadline=None,
                reopen=0, channel=None, duplicate_of=None, name="Sokakta çukur var"):
            ticket = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
                "name": name,
                "description": "<p>test</p>",
                "basvuru_type_id": cls.talep.id,
                "channel_id": (channel or cls.phone).id,
                "category_id": cls.cat_cukur.id,
                "partner_id": cls.citizen.id,
                "kvkk_notice_given": True,
            })
            cls.env.cr.execute("""
                UPDATE helpdesk_ticket SET received_date = %s, team_id = %s, stage_id = %s,
                       answer_date = %s, closed_date = %s, legal_deadline = %s,
                       reopen_count = %s, duplicate_of_id = %s, closure_state = %s
                 WHERE id = %s""", (
                utc(received), team.id, stages[stage], answered and utc(answered),
                closed and utc(closed), deadline, reopen, duplicate_of and duplicate_of.id,
                "cozuldu" if stage == "closed" else None, ticket.id))
            return ticket

        fen, tem = cls.fen, cls.tem
        # March 2025: six applications (T7 is already April in Istanbul).
        cls.t1 = app("2025-03-03 10:00", fen, answered="2025-03-03 15:00",
                     closed="2025-03-03 15:00", deadline="2025-04-02")
        cls.t2 = app("2025-03-04 09:00", fen, answered="2025-03-06 09:00",
                     closed="2025-03-07 09:00", deadline="2025-04-03", reopen=1,
                     name="Çöp toplanmadı")
        cls.t3 = app("2025-03-05 12:00", tem, answered="2025-04-20 12:00",
                     closed="2025-04-20 12:00", deadline="2025-04-04", name="Çöp toplanmadı")
        cls.t4 = app("2025-03-10 08:00", tem, stage="routed", deadline="2025-03-20",
                     name="çöp toplanmadı ")
        cls.t5 = app("2025-03-11 10:00", fen, closed="2025-03-11 11:00",
                     deadline="2025-04-10", channel=cls.cimer)
        cls.env["hid.havale"].create({"ticket_id": cls.t5.id, "kind": "sevk",
                                      "institution": "İSKİ", "user_id": cls.staff.id,
                                      "date": utc("2025-03-11 11:00")})
        cls.t6 = app("2025-03-31 23:30", fen, closed="2025-04-01 09:00",
                     duplicate_of=cls.t2, name="Park bakımsız")
        cls.t7 = app("2025-04-01 01:00", fen, stage="routed", deadline="2025-04-02")
        # February 2025 (the previous period) and March 2024 (the same period last year).
        cls.t8 = app("2025-02-10 10:00", fen, stage="routed")
        cls.t9 = app("2024-03-12 10:00", tem, stage="routed")
        cls.t10 = app("2024-03-13 10:00", tem, closed="2024-03-13 12:00",
                      answered="2024-03-13 12:00", deadline="2024-04-12")
        cls.env["helpdesk.ticket"].invalidate_cache()
        cls.march = [("received_day", ">=", "2025-03-01"), ("received_day", "<=", "2025-03-31")]
        cls.params = cls.env["ir.config_parameter"].sudo()
        for key in ("day", "week", "month", "year", "directors", "managers"):
            cls.params.set_param("hid_basvuru.report_%s" % key, "True")
        cls.params.set_param("hid_basvuru.report_emails", "baskan@example.com")

    def report(self, user=None):
        return self.env[REPORT].sudo(user or self.director)

    # ---------------------------------------------------
    # The analysis view
    # ---------------------------------------------------

    def test_view_facts(self):
        rows = {r.ticket_id: r for r in self.report().search(
            [("ticket_id", "in", (self.t1 | self.t2 | self.t3 | self.t4 | self.t5 | self.t6
                                  | self.t7).ids)])}
        tickets = (self.t1, self.t2, self.t3, self.t4, self.t5, self.t6, self.t7)
        t1, t2, t3, t4, t5, t6, t7 = (rows[t] for t in tickets)
        self.assertEqual(t1.received_day, "2025-03-03")
        self.assertTrue(t1.same_day and t1.instant and t1.on_time and t1.closed)
        self.assertAlmostEqual(t1.first_response_hours, 5.0)
        self.assertFalse(t2.same_day or t2.instant)
        self.assertTrue(t2.reopened and t2.on_time)
        self.assertAlmostEqual(t2.first_response_hours, 48.0)
        self.assertAlmostEqual(t2.resolution_hours, 72.0)
        self.assertFalse(t3.on_time)
        self.assertAlmostEqual(t3.resolution_hours, 46 * 24.0)
        self.assertTrue(t4.overdue and not t4.closed and not t4.on_time)
        self.assertFalse(t4.first_response_hours)
        self.assertTrue(t5.sevk and t5.same_day and t5.instant)
        self.assertEqual(t5.channel_id, self.cimer)
        self.assertEqual(t6.received_day, "2025-03-31")   # 23:30 in Istanbul
        self.assertTrue(t6.duplicate and t6.on_time and not t6.instant)
        self.assertEqual(t7.received_day, "2025-04-01")   # 01:00 in Istanbul, 31.03 in UTC
        self.assertFalse(t1.satisfaction)
        self.assertEqual(t1.team_id, self.fen)

    def test_view_rules_as_mudurluk_users(self):
        """A müdürlük user sees only their müdürlük's rows, also in read_group."""
        fen_rows = self.report(self.fen_user).search(self.march)
        self.assertEqual(fen_rows.mapped("team_id"), self.fen)
        self.assertEqual(len(fen_rows), 4)
        groups = self.report(self.tem_user).read_group(self.march, ["team_id"], ["team_id"])
        self.assertEqual([(g["team_id"][0], g["team_id_count"]) for g in groups],
                         [(self.tem.id, 2)])
        self.assertEqual(self.report(self.staff).search_count(self.march), 6)
        with self.assertRaises(AccessError):
            self.report(self.fen_user).browse(self.t3.id).read(["number"])

    # ---------------------------------------------------
    # The pack
    # ---------------------------------------------------

    def test_month_pack_every_kpi(self):
        xlsx = self.report().hid_pack_xlsx("month", "2025-03-17")
        book = sheets(xlsx)
        names = [name for name in book if isinstance(name, str)]
        self.assertEqual(names, ["KPIs", "By Müdürlük", "By Mahalle", "By Channel", "By Type",
                                 "By Category", "Overdue List", "Frequent Subjects"])
        kpis = kpi_rows(book["KPIs"])
        count = kpis["Number of applications"]
        self.assertEqual(count, [6, 1, 5, 500.0, 2, 4, 200.0])
        self.assertAlmostEqual(kpis["Responded on the day of application (%)"][0], 200 / 6)
        self.assertAlmostEqual(
            kpis["Average resolution time excluding instant solutions (days)"][0],
            (72 + 46 * 24 + 9.5) / 3 / 24)
        self.assertEqual(kpis["Concluded within the legal period (%)"][0], 80.0)
        self.assertAlmostEqual(kpis["Reopened (%)"][0], 100 / 6)
        last_year_on_time = kpis["Concluded within the legal period (%)"][4]
        self.assertEqual(last_year_on_time, 100.0)
        self.assertEqual(kpis["Concluded within the legal period (%)"][2], "")  # Feb: none
        # the same numbers from the analysis view, by the ORM
        report = self.report()
        march = self.march
        self.assertEqual(report.search_count(march), count[0])
        self.assertAlmostEqual(
            100.0 * report.search_count(march + [("same_day", "=", True)]) / count[0],
            kpis["Responded on the day of application (%)"][0])
        closed = report.search_count(march + [("closed", "=", True)])
        self.assertEqual(100.0 * report.search_count(march + [("on_time", "=", True)]) / closed,
                         kpis["Concluded within the legal period (%)"][0])
        avg = report.read_group(march + [("closed", "=", True), ("instant", "=", False)],
                                ["resolution_hours"], [])[0]["resolution_hours"]
        self.assertAlmostEqual(
            avg / 24, kpis["Average resolution time excluding instant solutions (days)"][0])
        # channel shares
        shares = book["KPIs"]
        channel_rows = {shares.cell_value(r, 0): shares.cell_value(r, 1)
                        for r in range(12, shares.nrows) if shares.cell_value(r, 0)}
        self.assertAlmostEqual(channel_rows[self.phone.name], 500 / 6)
        self.assertAlmostEqual(channel_rows[self.cimer.name], 100 / 6)
        # by müdürlük
        teams = book["By Müdürlük"]
        by_team = {teams.cell_value(r, 0): [teams.cell_value(r, c) for c in range(1, 10)]
                   for r in range(5, teams.nrows)}
        self.assertEqual(by_team[self.fen.name][0], 4)
        self.assertEqual(by_team[self.fen.name][6:], [4, 1, 1])  # closed, sevk, duplicates
        self.assertEqual(by_team[self.tem.name][:1] + by_team[self.tem.name][3:6],
                         [2, 0.0, 0.0, 1])
        # overdue: T4, 11 days late on 31.03.2025
        overdue = book["Overdue List"]
        self.assertIn(": 1", overdue.cell_value(3, 0))
        self.assertEqual(overdue.cell_value(6, 0), self.t4.number)
        self.assertEqual(overdue.cell_value(6, 4), "20.03.2025")
        self.assertEqual(overdue.cell_value(6, 5), 11)
        self.assertEqual(overdue.nrows, 7)
        # subjects: "Çöp toplanmadı" three times, whatever the case and spaces
        subjects = book["Frequent Subjects"]
        self.assertEqual(subjects.cell_value(5, 1), 3)
        self.assertEqual(subjects.cell_value(5, 0).strip().lower(), "çöp toplanmadı")
        self.assertEqual(subjects.cell_value(1, 0), "Monthly report: 01.03.2025 – 31.03.2025")

    def test_every_period_and_bad_input(self):
        for period, expected in (("day", 1), ("week", 3), ("year", 8)):
            book = sheets(self.report().hid_pack_xlsx(period, "2025-03-05"))
            count = kpi_rows(book["KPIs"])["Number of applications"][0]
            self.assertEqual(count, expected, period)
        for period, day in (("quarter", "2025-03-05"), ("month", "2025-02-30"), ("day", "")):
            with self.assertRaises(UserError):
                self.report().hid_pack_xlsx(period, day)

    def test_manager_pack_holds_only_their_mudurluk(self):
        book = sheets(self.report(self.fen_manager).hid_pack_xlsx("month", "2025-03-01"))
        self.assertEqual(kpi_rows(book["KPIs"])["Number of applications"][0], 4)
        teams = book["By Müdürlük"]
        self.assertEqual([teams.cell_value(r, 0) for r in range(5, teams.nrows)],
                         [self.fen.name])
        self.assertEqual(book["Overdue List"].nrows, 6)      # T4 is Temizlik's: not listed
        # asking for another müdürlük narrows, it does not widen
        book = sheets(self.report(self.fen_manager).hid_pack_xlsx(
            "month", "2025-03-01", team_ids=[self.tem.id]))
        self.assertEqual(kpi_rows(book["KPIs"])["Number of applications"][0], 0)
        book = sheets(self.report().hid_pack_xlsx("month", "2025-03-01",
                                                  team_ids=[self.tem.id]))
        self.assertEqual(kpi_rows(book["KPIs"])["Number of applications"][0], 2)

    def test_workbook_is_constant_memory(self):
        options = self.env["report.hid_basvuru.pack_xlsx"].get_workbook_options()
        self.assertTrue(options["constant_memory"])

    def test_pdf_summary(self):
        html = self.report().with_context(lang="en_US").hid_pack_pdf("month", "2025-03-10")
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn("01.03.2025", html)
        self.assertIn("31.03.2025", html)
        self.assertIn("Concluded within the legal period (%)", html)
        self.assertIn("80,0", html)          # Turkish decimal comma

    def test_wizard(self):
        wizard = self.env["hid.basvuru.pack.wizard"].sudo(self.fen_user).create(
            {"period": "week", "date": "2025-03-05"})
        self.assertEqual(wizard.period_text, "03.03.2025 – 09.03.2025")
        action = wizard.action_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        xlsx = self.env.ref("hid_basvuru.action_report_pack_xlsx").sudo(self.fen_user) \
            .render_xlsx(wizard.ids, {})[0]
        self.assertEqual(kpi_rows(sheets(xlsx)["KPIs"])["Number of applications"][0], 2)

    # ---------------------------------------------------
    # Schedule and e-mail
    # ---------------------------------------------------

    def _attachment_book(self, mail):
        xlsx = mail.attachment_ids.filtered(lambda a: a.name.endswith(".xlsx"))
        self.assertEqual(len(xlsx), 1)
        return sheets(base64.b64decode(xlsx.datas))

    def test_monthly_mail_to_director_and_managers(self):
        Mail = self.env["mail.mail"]
        before = Mail.search([]).ids
        self.env[REPORT]._cron_send_pack("month", today="2025-04-01")
        mails = Mail.search([("id", "not in", before)])
        full = mails.filtered(lambda m: "baskan@example.com" in m.email_to)
        self.assertEqual(len(full), 1)
        self.assertIn(self.director.email, full.email_to)
        self.assertEqual(full.state, "outgoing")
        self.assertIn("01.03.2025 – 31.03.2025", full.subject)
        self.assertEqual(count_of(self._attachment_book(full)), 6)
        own = mails.filtered(lambda m: m.email_to == self.fen_manager.email)
        self.assertEqual(len(own), 1)
        book = self._attachment_book(own)
        self.assertEqual(count_of(book), 4)
        self.assertEqual(book[1].cell_value(5, 0), self.fen.name)    # by müdürlük
        self.assertEqual(book[1].nrows, 6)
        # the queue sends them: one message per e-mail, the workbook attached
        sent = []
        server = type(self.env["ir.mail_server"])
        with mock.patch.object(server, "connect", return_value=None), \
                mock.patch.object(server, "send_email",
                                  side_effect=lambda msg, *a, **k: sent.append(msg) or "id"):
            (full | own).send()
        self.assertEqual((full | own).mapped("state"), ["sent", "sent"])
        self.assertEqual(len(sent), 2)
        names = [part.get_filename() for msg in sent for part in msg.walk()
                 if part.get_filename()]
        self.assertIn("basvuru-raporu-month-2025-03-01.xlsx", names)

    def test_which_period_each_cron_sends(self):
        Mail = self.env["mail.mail"]
        self.params.set_param("hid_basvuru.report_managers", "False")
        for period, today, dates in (
                ("day", "2025-03-04", "03.03.2025 – 03.03.2025"),
                ("week", "2025-03-10", "03.03.2025 – 09.03.2025"),
                ("year", "2025-01-02", "01.01.2024 – 31.12.2024")):
            mails = self.env[REPORT]._cron_send_pack(period, today=today)
            self.assertEqual(len(mails), 1, period)
            self.assertIn(dates, mails.subject)
        self.params.set_param("hid_basvuru.report_week", "False")
        before = Mail.search_count([])
        self.assertFalse(self.env[REPORT]._cron_send_pack("week", today="2025-03-10"))
        self.assertEqual(Mail.search_count([]), before)
        crons = {self.env.ref("hid_basvuru.cron_report_pack_%s" % p).code
                 for p in ("day", "week", "month", "year")}
        self.assertEqual(len(crons), 4)

    # ---------------------------------------------------
    # Settings: the director only
    # ---------------------------------------------------

    def test_settings_director_only(self):
        Settings = self.env["res.config.settings"]
        settings = Settings.sudo(self.director).create({"hid_report_week": False,
                                                        "hid_report_emails": "a@example.com"})
        settings.execute()
        self.assertEqual(self.params.get_param("hid_basvuru.report_week"), "False")
        self.assertEqual(self.params.get_param("hid_basvuru.report_emails"), "a@example.com")
        self.assertTrue(Settings.sudo(self.director).default_get(
            ["hid_report_month"])["hid_report_month"])
        admin = new_user(self.env, "t.sysadmin", ["base.group_system", G % "user"])
        with self.assertRaises(AccessError):
            Settings.sudo(admin).create({"hid_report_week": True}).execute()
        with self.assertRaises(AccessError):
            Settings.sudo(self.staff).create({"hid_report_week": True}).execute()
        self.assertEqual(self.params.get_param("hid_basvuru.report_week"), "False")

    # ---------------------------------------------------
    # The dashboard
    # ---------------------------------------------------

    def test_dashboard_matches_the_pack(self):
        today = self.env["helpdesk.ticket"]._today()
        self.intake(user=self.agent)
        dashboard = self.env["hid.basvuru.dashboard"].sudo(self.director)
        values = dashboard._hid_values()
        day = kpi_rows(sheets(self.report().hid_pack_xlsx("day", str(today)))["KPIs"])
        month = kpi_rows(sheets(self.report().hid_pack_xlsx("month", str(today)))["KPIs"])
        self.assertGreaterEqual(values["today_count"], 1)
        self.assertEqual(values["today_count"], day["Number of applications"][0])
        self.assertEqual(values["month_count"], month["Number of applications"][0])
        on_time = month["Concluded within the legal period (%)"][0]
        self.assertEqual(values["month_kpis"]["on_time_pct"], on_time if on_time != "" else None)
        self.assertEqual(values["open_count"],
                         self.report().search_count([("closed", "=", False)]))
        self.assertEqual(values["overdue_total"],
                         self.report().search_count([("overdue", "=", True)]))
        self.assertEqual(len(values["trend"]), 12)
        self.assertEqual(values["trend"][-1][1], values["month_count"])
        # as a müdürlük user: their own numbers only
        fen_values = dashboard.sudo(self.fen_user)._hid_values(today="2025-03-31")
        self.assertEqual(fen_values["today_count"], 1)      # T6
        self.assertEqual(dict(fen_values["overdue_by_team"]).get(self.tem.name), None)
        action = dashboard.action_open()
        record = dashboard.browse(action["res_id"])
        self.assertIn("o_hid_trend", record.body)
