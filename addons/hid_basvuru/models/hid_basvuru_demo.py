# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Demo data only (called from demo/*.xml, never from data/): helpdesk_mgmt's English demo
out of the way, and a realistic Turkish data set built through the ordinary rules."""
import datetime
import logging
import time

from odoo import api, fields, models
from odoo.tools import plaintext2html

from ..lib import demo_plan

_logger = logging.getLogger(__name__)

# helpdesk_mgmt's demo (tickets first: they point at its teams, categories and tags).
HELPDESK_DEMO = (
    ["helpdesk_mgmt.helpdesk_ticket_%d" % i for i in range(1, 8)]
    + ["helpdesk_mgmt.helpdesk_tag_%d" % i for i in range(1, 4)]
    + ["helpdesk_mgmt.helpdesk_team_%d" % i for i in range(1, 4)]
    + ["helpdesk_mgmt.helpdesk_category_%d" % i for i in range(1, 4)]
)
DEMO_DONE_PARAM = "hid_basvuru.demo_dataset"
# Tables whose rows the demo makes and whose dates are moved to the plan's past.
SHIFTED = (
    ("mail_message", ("date", "create_date", "write_date")),
    ("hid_havale", ("date", "create_date", "write_date")),
    ("hid_sms", ("create_date", "write_date")),
)


class HidBasvuruDemo(models.AbstractModel):
    _name = "hid.basvuru.demo"
    _description = "HİD demo data"

    # ---------------------------------------------------
    # helpdesk_mgmt's and base's English demo
    # ---------------------------------------------------

    @api.model
    def _hid_demo_cleanup(self):
        """Delete helpdesk_mgmt's demo records (if still there) and make base's English
        demo people disappear from HİD's lists. Safe to run again (every upgrade)."""
        for xmlid in HELPDESK_DEMO:
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if record and record.exists():
                record.sudo().with_context(active_test=False).unlink()
        for xmlid, name in (("base.user_demo", "Örnek Kullanıcı"),
                            ("base.demo_user0", "Örnek Portal Kullanıcısı")):
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user:
                partner = user.sudo().partner_id
                user.sudo().write({"name": name, "active": False})
                partner.write({"active": False})
        # base's demo companies and their contacts (Agrolait, ASUSTeK, ...): archived.
        data = self.env["ir.model.data"].sudo().search([
            ("module", "=", "base"), ("model", "=", "res.partner"),
            ("name", "=like", "res_partner_%")])
        partners = self.env["res.partner"].sudo().browse(data.mapped("res_id")).exists()
        partners = partners.filtered(lambda p: not p.user_ids and p.active)
        partners.write({"active": False})
        # Odoo's English demo conversations, meetings and survey (mail, calendar, survey):
        # the inboxes, the calendar and the surveys of a HİD demo are HİD's.
        data = self.env["ir.model.data"].sudo().search([
            ("module", "in", ("mail", "calendar", "survey")),
            ("model", "in", ("mail.message", "calendar.event", "survey.survey"))])
        rows = [(d.model, d.res_id) for d in data]
        for model in ("mail.message", "calendar.event", "survey.survey"):
            if model in self.env:
                records = self.env[model].sudo().browse(
                    [res_id for name, res_id in rows if name == model]).exists()
                if model == "survey.survey":
                    self.env["survey.user_input"].sudo().search(
                        [("survey_id", "in", records.ids)]).unlink()
                records.unlink()
        base_partners = self.env["ir.model.data"].sudo().search(
            [("module", "=", "base"), ("model", "=", "res.partner")]).mapped("res_id")
        demo_partners = self.env["res.partner"].sudo().with_context(active_test=False).search(
            [("id", "in", base_partners), ("user_ids", "=", False)])
        self.env["mail.message"].sudo().search([
            "|", "&", ("model", "=", "res.partner"), ("res_id", "in", demo_partners.ids),
            ("author_id", "in", demo_partners.ids)]).unlink()
        return True

    # ---------------------------------------------------
    # The Turkish data set
    # ---------------------------------------------------

    @api.model
    def _hid_demo_generate(self, count=300, seed=2026):
        """Citizens and applications over the last six months, made once (a parameter
        remembers it): through res.partner / helpdesk.ticket create and the action_*
        methods as the users who would act; then the dates moved to the past in SQL."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(DEMO_DONE_PARAM):
            return False
        started = time.time()
        plan = demo_plan.build_plan(seed=seed, count=count)
        ref = self.env.ref
        users = {
            "agent": ref("hid_basvuru.user_cagri_merkezi"),
            "staff": ref("hid_basvuru.user_him_personel"),
        }
        # The actions' own chatter lines are kept; helpdesk_mgmt's field-change tracking is
        # not (it is most of the cost, and the build of every demo database must stay fast).
        ctx = {"mail_notify_force_send": False, "tracking_disable": True}
        now = datetime.datetime.utcnow().replace(microsecond=0)
        mahalleler = self.env["hid.mahalle"].search([], order="name")
        types = {t.code: t for t in self.env["hid.basvuru.type"].search([])}
        marks = _Marks(self.env.cr)
        first_day = now - datetime.timedelta(days=demo_plan.DAYS_BACK + 1)
        marks.phase(first_day)
        citizens = []
        # A citizen's "contact created" log line is noise: the applications tell the story.
        Partner = self.env["res.partner"].sudo(users["agent"]).with_context(
            mail_create_nolog=True, **ctx)
        for person in plan["citizens"]:
            citizens.append(Partner.create({
                "name": person["name"], "hid_citizen": True, "mobile": person["mobile"],
                "tckn": person["tckn"], "mahalle_id": mahalleler[person["mahalle"]].id,
                "street": person["street"], "city": "Sancaktepe / İstanbul",
                "kvkk_notice_given": True,
            }).id)
        # The demo's notifications go to the users' inboxes, not out as e-mails (nothing of
        # the demo leaves the machine); each user's own choice is restored afterwards.
        notified = self.env["res.users"].sudo().search([("notification_type", "=", "email")])
        notified.write({"notification_type": "inbox"})
        made = []
        for spec in plan["tickets"]:
            received = (now - datetime.timedelta(days=spec["days_ago"])).replace(
                hour=spec["hour"], minute=spec["minute"], second=0) \
                - datetime.timedelta(hours=3)  # the plan's hours are Istanbul's
            received = min(received, now - datetime.timedelta(minutes=5))
            made.append(self._hid_demo_ticket(spec, received, now, citizens, made, users,
                                              mahalleler, types, marks, ctx))
        marks.phase(now)
        notified.write({"notification_type": "email"})
        self._hid_demo_shift(marks, made, citizens)
        # The demo's SMS are not for real phones: cancelled, so no provider ever sends them
        # (and the queue a municipality sees first is its own).
        self.env["hid.sms"].sudo().search([("id", ">", marks.marks[0][0]["hid_sms"]),
                                           ("state", "=", "queued")]).write(
            {"state": "cancelled"})
        # Whatever e-mail the demo still queued (e.g. to a follower's address) is not sent.
        self.env["mail.mail"].sudo().search([("id", ">", marks.first_mail)]).unlink()
        self.env["helpdesk.ticket"].sudo()._cron_refresh_deadline_states()
        params.set_param(DEMO_DONE_PARAM, "%d applications, seed %d" % (count, seed))
        _logger.info("HİD demo: %d citizens, %d applications in %.1f s", len(citizens),
                     len(made), time.time() - started)
        return True

    def _hid_demo_ticket(self, spec, received, now, citizens, made, users, mahalleler,
                         types, marks, ctx):
        """One application of the plan, step by step; returns (ticket, its dates)."""
        ref = self.env.ref
        category = ref("hid_basvuru." + spec["category"])
        intake_user = users[spec["actor"]]
        vals = {
            "name": spec["name"],
            "description": plaintext2html(spec["description"]),
            "partner_id": citizens[spec["person"]],
            "kvkk_notice_given": True,
            "basvuru_type_id": types[spec["type"]].id,
            "channel_id": ref(spec["channel"]).id,
            "mahalle_id": mahalleler[spec["mahalle"]].id,
            "address": spec["address"],
            "received_date": fields.Datetime.to_string(received),
        }
        if spec["routed_at_intake"] or spec.get("duplicate_of") is not None:
            vals["category_id"] = category.id
        for key in ("cimer_no", "acik_kapi_no"):
            if spec[key]:
                vals[key] = spec[key]
        day = datetime.timedelta(days=1)
        dates = {"received": received}
        marks.phase(received)
        ticket = self.env["helpdesk.ticket"].sudo(intake_user).with_context(**ctx).create(vals)
        staff = ticket.sudo(users["staff"]).with_context(**ctx)
        if not ticket.team_id:
            marks.phase(received + datetime.timedelta(hours=2))
            staff.write({"category_id": category.id})
            staff.action_havale(category.team_id)
        team = ticket.sudo().team_id
        members = (team.user_ids - team.manager_id).filtered(
            lambda user: user.has_group("hid_basvuru.group_hid_mudurluk_user"))
        member = members[:1] or team.manager_id
        worker = ticket.sudo(member).with_context(**ctx) if member else staff
        outcome = spec["outcome"]

        def at(days, hours=0):
            moment = received + days * day + datetime.timedelta(hours=hours)
            return min(moment, now - datetime.timedelta(minutes=1))

        if outcome == "mukerrer":
            original = made[spec["duplicate_of"]][0]
            dates["closed"] = at(spec["close_after"], 3)
            marks.phase(dates["closed"])
            staff.action_mark_duplicate(original)
            return ticket, dates
        if outcome == "sevk":
            dates["closed"] = at(spec["close_after"], 2)
            marks.phase(dates["closed"])
            staff.action_sevk(spec["forward_to"],
                              "Başvurunuz yetkili kurum olan %s'na iletilmiştir."
                              % spec["forward_to"])
            return ticket, dates
        if outcome == "open_routed":
            return ticket, dates
        if member:
            marks.phase(at(spec["start_after"], 1))
            worker.action_start()
        if outcome == "open_in_progress":
            return ticket, dates
        dates["answered"] = at(spec["answer_after"], 4)
        marks.phase(dates["answered"])
        worker.action_answer(spec["answer"])
        if outcome == "open_answered":
            return ticket, dates
        dates["closed"] = at(spec["close_after"], 5)
        marks.phase(dates["closed"])
        staff.action_close(spec["closure"])
        if spec["reopen_reason"]:
            dates["reopened"] = at(spec["close_after"] + 4, 1)
            marks.phase(dates["reopened"])
            ticket.sudo(users["agent"]).with_context(**ctx).action_reopen(spec["reopen_reason"])
            dates.pop("closed")
        return ticket, dates

    def _hid_demo_shift(self, marks, made, citizens):
        """Move what the demo made "now" to the plan's dates: each phase's rows (by id
        range, in order) to the phase's moment; the applications' own dates to theirs."""
        cr = self.env.cr
        for table, columns in SHIFTED:
            rows = marks.ranges(table)
            if not rows:
                continue
            cr.execute("CREATE TEMP TABLE hid_demo_phase (lo int, hi int, at timestamp) "
                       "ON COMMIT DROP")
            cr.executemany("INSERT INTO hid_demo_phase VALUES (%s, %s, %s)", rows)
            sets = ", ".join(
                "%s = p.at + (t.id - p.lo) * interval '1 second'" % column
                for column in columns)
            query = ("UPDATE %s t SET %s FROM hid_demo_phase p "
                     "WHERE t.id > p.lo AND t.id <= p.hi" % (table, sets))
            cr.execute(query)  # pylint: disable=sql-injection
            cr.execute("DROP TABLE hid_demo_phase")
        for ticket, dates in made:
            last = max(dates.values())
            cr.execute("""
                UPDATE helpdesk_ticket SET create_date = %(received)s, write_date = %(last)s,
                       last_stage_update = %(last)s,
                       answer_date = CASE WHEN answer_date IS NULL THEN NULL
                                          ELSE COALESCE(%(answered)s, %(closed)s, %(last)s) END,
                       closed_date = CASE WHEN closed_date IS NULL THEN NULL
                                          ELSE COALESCE(%(closed)s, %(last)s) END
                 WHERE id = %(id)s""", {
                "id": ticket.id, "received": dates["received"], "last": last,
                "answered": dates.get("answered"), "closed": dates.get("closed")})
        cr.execute("""
            UPDATE res_partner p SET create_date = f.first, write_date = f.first,
                   kvkk_notice_date = f.first
              FROM (SELECT partner_id, min(received_date) AS first FROM helpdesk_ticket
                     WHERE partner_id IN %s GROUP BY partner_id) f
             WHERE p.id = f.partner_id""", (tuple(citizens),))
        self.env["helpdesk.ticket"].invalidate_cache()
        self.env["res.partner"].invalidate_cache()
        self.env["hid.havale"].invalidate_cache()


class _Marks(object):
    """Where each phase of the demo starts in each table's id sequence, and its moment."""

    def __init__(self, cr):
        self.cr = cr
        self.marks = []
        cr.execute("SELECT COALESCE(max(id), 0) FROM mail_mail")
        self.first_mail = cr.fetchone()[0]

    def phase(self, moment):
        ids = {}
        for table, _columns in SHIFTED:
            # the table names are this file's constants (SHIFTED)
            query = "SELECT COALESCE(max(id), 0) FROM %s" % table
            self.cr.execute(query)  # pylint: disable=sql-injection
            ids[table] = self.cr.fetchone()[0]
        self.marks.append((ids, moment))

    def ranges(self, table):
        rows = []
        for (ids, moment), (next_ids, _next) in zip(self.marks, self.marks[1:]):
            if next_ids[table] > ids[table]:
                rows.append((ids[table], next_ids[table], moment))
        return rows
