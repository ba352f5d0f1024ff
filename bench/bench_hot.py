"""The hot paths of issue 15, each against its raw-SQL or peer baseline measured in the same
run: medians of interleaved runs (baseline, measured, baseline, ...), each run in a fresh
cache. Prints `case | ms | baseline ms | ratio | target`.

    python bench/bench_hot.py -c var/bench.conf -d hid_bench --peer hid_bench_peer

The peer is a database with only OCA helpdesk_mgmt, filled by generate.py as well. Every
case runs in a transaction that is rolled back, except the escalation (the cron commits its
chunks: k cases of the bench database become overdue for good).
"""
import argparse
import datetime
import json
import random
import resource
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api

ROWS = []
CASES = ("list", "name_search", "status", "cron", "intake", "pack", "escalation")


def row(case, ms, base, target, note=""):
    ratio = ms / base if base else float("nan")
    ROWS.append((case, ms, base, ratio, target, note))
    print("%-44s | %9.2f | %9.2f | %6.2f | %-8s %s" % (case, ms, base, ratio, target, note),
          flush=True)


def interleaved(measured, baseline, repeat, before=None):
    """Medians (ms) of measured() and baseline(), alternated, after one warm-up each."""
    times = {"m": [], "b": []}
    for i in range(repeat + 1):
        order = (("m", measured), ("b", baseline)) if i % 2 else (("b", baseline),
                                                                  ("m", measured))
        for key, fn in order:
            if before:
                before()
            start = time.perf_counter()
            fn()
            if i:
                times[key].append((time.perf_counter() - start) * 1000)
    return statistics.median(times["m"]), statistics.median(times["b"])


def list_fields(env):
    view = env["helpdesk.ticket"].fields_view_get(view_type="tree")
    return sorted(view["fields"])


def case_list(env, repeat):
    user = env.ref("hid_basvuru.user_fen_kullanici")
    Ticket = env["helpdesk.ticket"].sudo(user)
    names = list_fields(env)
    team_ids = tuple(env["helpdesk.ticket.team"].search([("user_ids", "in", user.id)]).ids)
    cr = env.cr
    stored = [n for n in names if Ticket._fields[n].store and Ticket._fields[n].column_type]
    m2o = {n: Ticket._fields[n].comodel_name for n in stored
           if Ticket._fields[n].type == "many2one"}
    joins, cols = [], []
    for i, n in enumerate(stored):
        cols.append("t.%s" % n)
        if n in m2o:
            table = env[m2o[n]]._table
            rec = env[m2o[n]]._rec_name or "id"
            joins.append("LEFT JOIN %s j%d ON j%d.id = t.%s" % (table, i, i, n))
            if m2o[n] == "res.users":   # a user's name is its partner's
                joins.append("LEFT JOIN res_partner jp%d ON jp%d.id = j%d.partner_id"
                             % (i, i, i))
                cols.append("jp%d.name" % i)
            else:
                cols.append("j%d.%s" % (i, rec))
    raw = ("SELECT %s FROM helpdesk_ticket t %s WHERE t.team_id IN %%s "
           "ORDER BY t.received_date DESC, t.id DESC LIMIT 80")
    raw = raw % (", ".join(cols), " ".join(joins))

    def measured():
        Ticket.search_read([], names, limit=80)

    def baseline():
        cr.execute(raw, (team_ids,))
        cr.fetchall()
    ms, base = interleaved(measured, baseline, repeat, before=env.cache.invalidate)
    row("müdürlük list (search_read 80, %d fields)" % len(names), ms, base, "≤ 2×")
    # pager count and kanban columns
    ms, base = interleaved(lambda: Ticket.search_count([]), lambda: (cr.execute(
        "SELECT count(*) FROM helpdesk_ticket WHERE team_id IN %s", (team_ids,)),
        cr.fetchall()), repeat, before=env.cache.invalidate)
    row("pager count (müdürlük, all)", ms, base, "index")
    ms, base = interleaved(lambda: Ticket.search_count([("closed", "=", False)]),
                           lambda: (cr.execute(
                               "SELECT count(*) FROM helpdesk_ticket WHERE team_id IN %s "
                               "AND closed IS NOT TRUE", (team_ids,)), cr.fetchall()),
                           repeat, before=env.cache.invalidate)
    row("pager count (müdürlük, open)", ms, base, "index")
    ms, base = interleaved(
        lambda: Ticket.read_group([("closed", "=", False)], ["stage_id"], ["stage_id"]),
        lambda: (cr.execute("SELECT stage_id, count(*) FROM helpdesk_ticket WHERE team_id IN %s "
                            "AND closed IS NOT TRUE GROUP BY stage_id", (team_ids,)),
                 cr.fetchall()), repeat, before=env.cache.invalidate)
    row("kanban columns (read_group by stage)", ms, base, "index")
    Admin = env["helpdesk.ticket"]
    partner = env.cr.execute("SELECT partner_id FROM helpdesk_ticket ORDER BY id DESC LIMIT 1")
    partner = env.cr.fetchone()[0]
    ms, base = interleaved(lambda: Admin.search_count([("partner_id", "=", partner)]),
                           lambda: (cr.execute("SELECT count(*) FROM helpdesk_ticket "
                                               "WHERE partner_id = %s", (partner,)),
                                    cr.fetchall()), repeat, before=env.cache.invalidate)
    row("citizen's applications count (partner_id)", ms, base, "index")


def case_name_search(env, repeat, rnd):
    agent = env.ref("hid_basvuru.user_cagri_merkezi")
    Partner = env["res.partner"].sudo(agent)
    cr = env.cr
    cr.execute("SELECT mobile FROM res_partner WHERE hid_citizen AND mobile IS NOT NULL "
               "ORDER BY id DESC LIMIT 500")
    phones = [r[0] for r in cr.fetchall()]

    def typed(number):   # as the agent types it: 0532 123 45 67
        national = "0" + number[3:]
        return "%s %s %s %s" % (national[:4], national[4:7], national[7:9], national[9:])
    state = {}

    def pick():
        env.cache.invalidate()
        state["phone"] = rnd.choice(phones)

    def measured():
        assert Partner.name_search(typed(state["phone"]), limit=8)

    def baseline():
        cr.execute("SELECT id, name FROM res_partner WHERE active AND (phone = %s OR "
                   "mobile = %s) LIMIT 8", (state["phone"], state["phone"]))
        assert cr.fetchall()
    ms, base = interleaved(measured, baseline, repeat, before=pick)
    row("caller lookup name_search(phone)", ms, base, "≤ 3×")


def case_status(env, repeat, rnd):
    Ticket = env["helpdesk.ticket"]
    cr = env.cr
    cr.execute("""SELECT t.number, p.mobile FROM helpdesk_ticket t JOIN res_partner p
                   ON p.id = t.partner_id WHERE p.mobile IS NOT NULL AND NOT t.anonymous
                  ORDER BY t.id DESC LIMIT 500""")
    known = cr.fetchall()
    state = {}

    def pick():
        env.cache.invalidate()
        state["n"], state["phone"] = rnd.choice(known)
        state["ip"] = "10.%d.%d.%d" % (rnd.randrange(256), rnd.randrange(256),
                                       rnd.randrange(256))

    def baseline():
        cr.execute("SELECT t.id, t.public_phone, p.mobile, p.phone, t.stage_id, t.team_id, "
                   "t.received_date, t.closed_date, t.answer FROM helpdesk_ticket t "
                   "LEFT JOIN res_partner p ON p.id = t.partner_id WHERE t.number = %s",
                   (state["n"],))
        cr.fetchall()
    variants = [
        ("status: known number, right phone", lambda: state["phone"], lambda: state["n"]),
        ("status: known number, wrong phone", lambda: "0555 000 00 01", lambda: state["n"]),
        ("status: unknown number", lambda: state["phone"], lambda: "2099-999999"),
    ]
    times = {}
    for name, phone, number in variants:
        def measured(phone=phone, number=number):
            Ticket._hid_public_status(number(), phone(), state["ip"])
        ms, base = interleaved(measured, baseline, repeat, before=pick)
        times[name] = ms
        row(name, ms, base, "≤ 3×")
    wrong, unknown = times[variants[1][0]], times[variants[2][0]]
    row("status: wrong phone vs unknown number", wrong, unknown, "≈ 1×",
        "(no timing oracle)")


def _clock(Ticket, today, now):
    from odoo.addons.hid_basvuru.lib import deadlines
    params = dict(deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS),
                  **deadlines.deadline_state_params("target", now, deadlines.TARGET_SOON_DAYS))
    return {k: odoo.fields.Date.to_string(v) if k.startswith("legal")
            else odoo.fields.Datetime.to_string(v) for k, v in params.items()}


def case_cron(env, repeat):
    Ticket = env["helpdesk.ticket"]
    cr = env.cr
    Ticket._cron_refresh_deadline_states()      # settle (the first run looks at every case)
    from odoo.addons.hid_basvuru.lib import deadlines
    today, now = Ticket._deadline_clock()
    params = deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS)
    legal = deadlines.deadline_state_sql("legal_deadline", "FALSE", "legal")
    incremental = ("UPDATE helpdesk_ticket SET deadline_state = {legal} "
                   "WHERE closed IS NOT TRUE AND legal_deadline >= %(legal_overdue)s "
                   "AND legal_deadline < %(legal_soon)s "
                   "AND deadline_state IS DISTINCT FROM {legal}").format(legal=legal)
    ms, base = interleaved(lambda: Ticket._cron_refresh_deadline_states(),
                           lambda: cr.execute(incremental, params), repeat)
    row("hourly deadline cron, nothing to change", ms, base, "≤ 2×")


def case_escalation(registry, ks):
    """k open cases whose deadline was yesterday, the last run yesterday: one cron run."""
    per_case = None
    for k in ks:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Ticket = env["helpdesk.ticket"]
            today, now = Ticket._deadline_clock()
            yesterday = today - datetime.timedelta(days=1)
            cr.execute("SELECT id FROM helpdesk_ticket WHERE closed IS NOT TRUE "
                       "AND deadline_state = 'on_time' ORDER BY id LIMIT %s", (k,))
            ids = tuple(r[0] for r in cr.fetchall()) or (0,)
            cr.execute("UPDATE helpdesk_ticket SET legal_deadline = %s, deadline_state = "
                       "'due_soon', overdue_escalated = FALSE WHERE id IN %s",
                       (yesterday, ids))
            found = cr.rowcount
            clock = _clock(Ticket, yesterday, now - datetime.timedelta(hours=1))
            cr.execute("""INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)
                          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""",
                       (Ticket._HID_CLOCK_KEY, json.dumps(clock)))
            cr.commit()
            start = time.perf_counter()
            Ticket._cron_refresh_deadline_states(auto_commit=True)
            cr.commit()
            ms = (time.perf_counter() - start) * 1000
            cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE id IN %s "
                       "AND overdue_escalated AND deadline_state = 'overdue'", (ids,))
            escalated = cr.fetchone()[0]
        if per_case is None:
            per_case = ms / max(found, 1)
        row("escalation k=%d (%d escalated)" % (found, escalated), ms, per_case * found,
            "linear", "(%.1f ms per case; baseline: k × the first run's)" % (ms / max(found, 1)))


def case_intake(env, peer_env, repeat, rnd):
    agent = env.ref("hid_basvuru.user_cagri_merkezi")
    E = env(user=agent.id)
    fen = env.ref("hid_basvuru.team_fen")
    category = env.ref("hid_basvuru.category_asfalt_ve_cukur")
    channel = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
    mahalle = env["hid.mahalle"].search([], limit=1)
    counts = {}

    def phone():
        return "05%d%d %03d %02d %02d" % (
            rnd.randrange(3, 6), rnd.randrange(10), rnd.randrange(1000), rnd.randrange(100),
            rnd.randrange(100))

    def measured():
        before = env.cr.sql_log_count
        partner = E["res.partner"].create({
            "name": "Yeni Vatandaş", "mobile": phone(), "hid_citizen": True,
            "mahalle_id": mahalle.id, "kvkk_notice_given": True})
        E["helpdesk.ticket"].create({
            "name": "Sokak lambası yanmıyor", "description": "<p>Gece karanlık</p>",
            "partner_id": partner.id, "category_id": category.id, "channel_id": channel.id,
            "team_id": fen.id, "kvkk_notice_given": True})
        counts["hid"] = env.cr.sql_log_count - before

    peer_team = peer_env["helpdesk.ticket.team"].search([], limit=1)
    peer_cat = peer_env["helpdesk.ticket.category"].search([], limit=1)

    def baseline():
        before = peer_env.cr.sql_log_count
        partner = peer_env["res.partner"].create({"name": "Yeni Vatandaş", "mobile": phone()})
        peer_env["helpdesk.ticket"].create({
            "name": "Sokak lambası yanmıyor", "description": "<p>Gece karanlık</p>",
            "partner_id": partner.id, "category_id": peer_cat.id, "team_id": peer_team.id})
        counts["peer"] = peer_env.cr.sql_log_count - before

    def fresh():
        env.cache.invalidate()
        peer_env.cache.invalidate()
    ms, base = interleaved(measured, baseline, repeat, before=fresh)
    row("intake of a new citizen's application", ms, base, "≤ 1.5×",
        "(queries: %s vs %s)" % (counts.get("hid"), counts.get("peer")))


def case_pack(env, repeat, args):
    """The yearly pack, built in a child process (its own worker: the RSS is that of a
    process that loads the registry and builds one pack after another), against the raw
    SQL it needs on helpdesk_ticket, interleaved in that child."""
    if "hid.basvuru.report" not in env.registry:
        print("%-44s | n/a (hid.basvuru.report not installed)" % "yearly pack", flush=True)
        ROWS.append(("yearly pack", None, None, None, "≤ 2×", "n/a"))
        return
    import subprocess
    import sys
    out = subprocess.run(
        [sys.executable, __file__, "-c", args.config, "-d", args.database, "--peer", args.peer,
         "--pack-child", "--repeat", str(max(3, repeat // 5))],
        stdout=subprocess.PIPE, check=True).stdout.decode().strip().splitlines()[-1]
    result = json.loads(out)
    row("yearly pack (xlsx, all müdürlükler)", result["ms"], result["base"], "≤ 2×",
        "(child's max RSS %.0f MB, < 500; %d KB)" % (result["rss"], result["size"] // 1024))


def pack_child(env, repeat):
    """Runs in the child of case_pack: prints {"ms", "base", "rss", "size"} as JSON."""
    cr = env.cr
    today = datetime.date.today()
    start, prev = "%d-01-01" % today.year, "%d-01-01" % (today.year - 1)
    aggregates = ("count(*), count(*) FILTER (WHERE closed), "
                  "avg(extract(epoch FROM closed_date - received_date)) FILTER (WHERE closed)")
    # What the pack reads: the year by müdürlük, mahalle, channel, type and category, its
    # total and months, the previous year's total, the overdue list, the frequent subjects.
    raw = ["SELECT %s, %s FROM helpdesk_ticket WHERE received_date >= %%(start)s "
           "GROUP BY 1" % (col, aggregates)
           for col in ("team_id", "mahalle_id", "channel_id", "basvuru_type_id", "category_id",
                       "date_trunc('month', received_date)")]
    raw += ["SELECT %s FROM helpdesk_ticket WHERE received_date >= %%(start)s" % aggregates,
            "SELECT %s FROM helpdesk_ticket WHERE received_date >= %%(prev)s "
            "AND received_date < %%(start)s" % aggregates,
            "SELECT id, number, name, team_id, legal_deadline FROM helpdesk_ticket "
            "WHERE received_date >= %(start)s AND closed IS NOT TRUE "
            "AND legal_deadline < %(today)s ORDER BY legal_deadline, id LIMIT 500",
            "SELECT min(name), count(*) FROM helpdesk_ticket WHERE received_date >= %(start)s "
            "GROUP BY lower(btrim(name)) ORDER BY 2 DESC, 1 LIMIT 20"]
    params = {"start": start, "prev": prev, "today": str(today)}

    def baseline():
        for q in raw:
            cr.execute(q, params)
            cr.fetchall()
    size = {}

    def measured():
        size["xlsx"] = len(env["hid.basvuru.report"].hid_pack_xlsx("year", str(today)))
    ms, base = interleaved(measured, baseline, repeat, before=env.cache.invalidate)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"ms": ms, "base": base, "rss": rss, "size": size["xlsx"]}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--peer", required=True)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--escalate", default="10,100,1000",
                        help="the k of the escalation cases, comma-separated")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--pack-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cases", default=",".join(CASES),
                        help="the cases to run, comma-separated (default: all): %s"
                        % ", ".join(CASES))
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    rnd = random.Random(args.seed)
    with api.Environment.manage():
        registry = odoo.registry(args.database)
        if args.pack_child:
            with registry.cursor() as cr:
                pack_child(api.Environment(cr, SUPERUSER_ID, {}), args.repeat)
                cr.rollback()
            return
        peer = odoo.registry(args.peer)
        with registry.cursor() as cr, peer.cursor() as peer_cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            peer_env = api.Environment(peer_cr, SUPERUSER_ID, {})
            cr.execute("SELECT count(*), count(*) FILTER (WHERE closed) FROM helpdesk_ticket")
            total, closed = cr.fetchone()
            cr.execute("SELECT count(*) FROM helpdesk_ticket")
            peer_cr.execute("SELECT count(*) FROM helpdesk_ticket")
            print("%s: %d applications (%d closed); peer %s: %d tickets; %s" % (
                args.database, total, closed, args.peer, peer_cr.fetchone()[0],
                datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")))
            print("%-44s | %9s | %9s | %6s | %s" % ("case", "ms", "baseline", "ratio", "target"))
            cases = set(args.cases.split(","))
            if "list" in cases:
                case_list(env, args.repeat)
            if "name_search" in cases:
                case_name_search(env, args.repeat, rnd)
            if "status" in cases:
                case_status(env, args.repeat, rnd)
            if "cron" in cases:
                case_cron(env, args.repeat)
            if "intake" in cases:
                case_intake(env, peer_env, args.repeat, rnd)
            if "pack" in cases:
                case_pack(env, args.repeat, args)
            cr.rollback()
            peer_cr.rollback()
        if "escalation" in cases:
            case_escalation(registry, [int(k) for k in args.escalate.split(",") if k])


if __name__ == "__main__":
    main()
