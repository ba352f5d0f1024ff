"""Fill a database at the design scale with SQL (COPY and INSERT ... SELECT generate_series):
citizens, applications over every müdürlük, mahalle, channel and category, a year of dates,
~85% closed, ~3 chatter messages per application; then the sequences and counters are set
as if the ORM had made the rows, and the tables are analysed. Seeded: the same seed gives the
same data. Works on an HİD database and on a peer database with only OCA helpdesk_mgmt
(the HİD columns are filled only where they exist).

    python bench/generate.py -c var/bench.conf -d hid_bench --applications 1000000

1M applications, 300k citizens and 3M messages take a few minutes (an ORM import: hours).
"""
import argparse
import datetime
import io
import random
import time

from odoo_env import environment

FIRST = ["Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Ahmet", "Hatice", "Ali", "Zeynep",
         "Hüseyin", "Elif", "Hasan", "Meryem", "İbrahim", "Şerife", "Osman", "Gülsüm", "Yusuf",
         "Esra", "Murat", "Büşra", "Emre", "Merve", "Burak", "Özlem", "Serkan", "Derya", "Cem"]
LAST = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
        "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
        "Şimşek", "Polat", "Korkmaz", "Erdoğan", "Güneş", "Aksoy", "Tekin", "Uçar", "Bulut"]
SUBJECTS = ["Sokakta çukur var", "Çöpler iki gündür alınmadı", "Parktaki salıncak kırık",
            "Kaldırım işgali", "Gece gürültü", "Sokak lambası yanmıyor", "Ağaç budanmalı",
            "Başıboş köpekler", "Kaçak yapı ihbarı", "Sosyal yardım başvurusu",
            "Su baskını", "Asfalt yaması istiyorum", "Otobüs durağına bank", "Yol çizgisi silik",
            "Konteyner taşıyor", "İlaçlama talebi", "Hafriyat dökülmüş", "Park yeri sorunu"]
# (type code, weight), (channel code, weight): a municipality's usual mix
TYPE_WEIGHTS = {"talep": 50, "sikayet": 30, "oneri": 6, "bilgi_edinme": 8, "tesekkur": 3,
                "ihbar": 3}
CHANNEL_WEIGHTS = {"telefon": 35, "web": 20, "sahsen": 10, "eposta": 6, "whatsapp": 8,
                   "cimer": 7, "acik_kapi": 3, "halk_gunu": 2, "sosyal_medya": 3, "saha": 2,
                   "evrak": 2, "api": 1, "diger": 1}
CLOSURES = [("cozuldu", 70), ("bilgi_verildi", 15), ("programa_alindi", 6),
            ("sevk_edildi", 4), ("gerekceli_ret", 3), ("mukerrer", 2)]
OPEN_STAGES = [("new", 5), ("routed", 40), ("in_progress", 45), ("answered", 10)]
DAYS = 365


def log(msg, start):
    print("  %-52s %7.1f s" % (msg, time.time() - start), flush=True)


def columns(cr, table):
    cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s",
               (table,))
    return {row[0] for row in cr.fetchall()}


def weighted_table(cr, name, rows):
    """A temp table (idx, id, lo, hi): a uniform draw u in [0, 1) picks the row lo <= u < hi."""
    total = float(sum(w for _, w in rows)) or 1.0
    cr.execute("CREATE TEMP TABLE %s (idx int, id int, lo float8, hi float8, code varchar)"
               % name)
    acc = 0.0
    for idx, ((rid, code), weight) in enumerate(rows):
        lo, acc = acc, acc + weight / total
        cr.execute("INSERT INTO " + name + " VALUES (%s, %s, %s, %s, %s)",
                   (idx, rid, lo, 1.0 if idx == len(rows) - 1 else acc, code))


def ensure_master_data(cr, hid):
    """The peer database has no müdürlükler nor categories: give it as many as HİD has."""
    if hid:
        return
    cr.execute("SELECT count(*) FROM helpdesk_ticket_team")
    for i in range(cr.fetchone()[0], 25):
        cr.execute("INSERT INTO helpdesk_ticket_team (name, active, company_id, create_date, "
                   "write_date) VALUES (%s, TRUE, 1, now(), now())", ("Müdürlük %d" % i,))
    cr.execute("SELECT count(*) FROM helpdesk_ticket_category")
    for i in range(cr.fetchone()[0], 18):
        cr.execute("INSERT INTO helpdesk_ticket_category (name, active, company_id, "
                   "create_date, write_date) VALUES (%s, TRUE, 1, now(), now())",
                   ("Kategori %d" % i,))


def gen_partners(cr, env, n, rnd, hid, start):
    """Citizens by COPY: Turkish names, unique mobile numbers, a TCKN for most, a mahalle."""
    cols = columns(cr, "res_partner")
    mahalle_ids = []
    if hid:
        cr.execute("SELECT id FROM hid_mahalle ORDER BY id")
        mahalle_ids = [r[0] for r in cr.fetchall()]
    from stdnum.tr import tckimlik  # a dependency of hid_basvuru; tiny, pure Python
    fields = ["name", "display_name", "phone", "mobile", "active", "customer", "type",
              "is_company", "lang", "company_id", "create_date", "write_date",
              "notify_email", "email"]
    if hid:
        fields += ["hid_citizen", "tckn", "mahalle_id", "kvkk_notice_given", "kvkk_notice_date"]
    fields = [f for f in fields if f in cols]
    buf = io.StringIO()
    phones = rnd.sample(range(10 ** 7), n) if n <= 10 ** 7 else None
    tckns = set()
    now = datetime.datetime.utcnow()
    for i in range(n):
        name = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
        mobile = "+9053%d%07d" % (rnd.randrange(10), phones[i])
        created = (now - datetime.timedelta(minutes=rnd.randrange(DAYS * 2 * 1440))).strftime(
            "%Y-%m-%d %H:%M:%S")
        row = {"name": name, "display_name": name, "phone": "\\N", "mobile": mobile,
               "active": "t", "customer": "t", "type": "contact", "is_company": "f",
               "lang": "tr_TR", "company_id": "1", "create_date": created,
               "write_date": created, "notify_email": "none", "email": "\\N"}
        if rnd.random() < 0.15:   # some give a landline too
            row["phone"] = "+90216%07d" % rnd.randrange(10 ** 7)
        if hid:
            tckn = "\\N"
            if rnd.random() < 0.7:
                while True:
                    base = str(rnd.randrange(10 ** 8, 10 ** 9))
                    tckn = base + tckimlik.calc_check_digits(base)
                    if tckn not in tckns:
                        tckns.add(tckn)
                        break
            row.update(hid_citizen="t", tckn=tckn, mahalle_id=str(rnd.choice(mahalle_ids)),
                       kvkk_notice_given="t", kvkk_notice_date=created)
        buf.write("\t".join(row[f] for f in fields) + "\n")
    buf.seek(0)
    cr.execute("CREATE TEMP TABLE bench_citizen (n serial, id int)")
    cr.execute("SELECT coalesce(max(id), 0) FROM res_partner")
    first = cr.fetchone()[0] + 1
    cr.copy_expert("COPY res_partner (%s) FROM STDIN" % ", ".join(fields), buf)
    cr.execute("INSERT INTO bench_citizen (id) SELECT id FROM res_partner WHERE id >= %s "
               "ORDER BY id", (first,))
    cr.execute("ALTER TABLE bench_citizen ADD PRIMARY KEY (n)")
    cr.execute("ANALYZE bench_citizen")
    log("%d citizens (COPY)" % n, start)


def deadline_lookup(cr, env, hid):
    """Temp table (basis, day, deadline): the legal deadline of an application received on
    `day` (Istanbul) under each law, from the rules library and the holiday calendar."""
    if not hid:
        return
    from odoo.addons.hid_basvuru.lib import deadlines
    calendar = env["hid.holiday"]._work_calendar()
    cr.execute("CREATE TEMP TABLE bench_deadline (basis varchar, day date, deadline date, "
               "PRIMARY KEY (basis, day))")
    today = datetime.date.today()
    rows = []
    for offset in range(-2, DAYS + 3):
        day = today - datetime.timedelta(days=offset)
        for basis in deadlines.BASES:
            rows.append("%s\t%s\t%s\n" % (basis, day, deadlines.legal_deadline(
                basis, day, calendar) or "\\N"))
    cr.copy_expert("COPY bench_deadline FROM STDIN", io.StringIO("".join(rows)))
    cr.execute("CREATE TEMP TABLE bench_basis (channel_id int, type_id int, basis varchar)")
    cr.execute("SELECT id, code FROM helpdesk_ticket_channel")
    chans = cr.fetchall()
    cr.execute("SELECT id, code FROM hid_basvuru_type")
    for type_id, type_code in cr.fetchall():
        for chan_id, chan_code in chans:
            cr.execute("INSERT INTO bench_basis VALUES (%s, %s, %s)",
                       (chan_id, type_id, deadlines.legal_basis_for(chan_code, type_code)))


def gen_tickets(cr, env, n, seed, hid, start):
    cols = columns(cr, "helpdesk_ticket")
    code = "code" if "code" in columns(cr, "helpdesk_ticket_channel") else "name"
    cr.execute("SELECT id, coalesce(%s, id::text) FROM helpdesk_ticket_channel "
               "WHERE active IS NOT FALSE ORDER BY id" % code)
    chans = [((i, c), CHANNEL_WEIGHTS.get(c, 1)) for i, c in cr.fetchall()]
    weighted_table(cr, "bench_channel", chans)
    cr.execute("CREATE TEMP TABLE bench_category (idx serial, id int, team_id int, "
               "target_hours float8)")
    tcols = columns(cr, "helpdesk_ticket_category")
    target = "target_hours" if "target_hours" in tcols else "NULL::float8"
    team = "team_id" if "team_id" in tcols else "NULL::int"
    cr.execute("INSERT INTO bench_category (id, team_id, target_hours) SELECT id, " + team
               + ", " + target + " FROM helpdesk_ticket_category "
               "WHERE active IS NOT FALSE ORDER BY id")
    cr.execute("CREATE TEMP TABLE bench_team (idx serial, id int)")
    cr.execute("INSERT INTO bench_team (id) SELECT id FROM helpdesk_ticket_team "
               "WHERE active IS NOT FALSE ORDER BY id")
    if hid:
        cr.execute("SELECT id, code FROM hid_basvuru_type ORDER BY id")
        weighted_table(cr, "bench_type", [((i, c), TYPE_WEIGHTS.get(c, 1))
                                          for i, c in cr.fetchall()])
        cr.execute("SELECT id, code FROM helpdesk_ticket_stage WHERE code IS NOT NULL")
        stage = dict((c, i) for i, c in cr.fetchall())
        weighted_table(cr, "bench_open_stage", [((stage[c], c), w) for c, w in OPEN_STAGES])
        cr.execute("CREATE TEMP TABLE bench_closed_stage AS SELECT %s AS id, 'closed' AS code",
                   (stage["closed"],))
        weighted_table(cr, "bench_closure", [((None, c), w) for c, w in CLOSURES])
    else:
        cr.execute("SELECT id, closed FROM helpdesk_ticket_stage ORDER BY sequence, id")
        stages = cr.fetchall()
        opens = [((i, str(i)), 1) for i, c in stages if not c]
        closeds = [((i, str(i)), 1) for i, c in stages if c]
        weighted_table(cr, "bench_open_stage", opens)
        cr.execute("CREATE TEMP TABLE bench_closed_stage AS SELECT %s AS id, '' AS code",
                   (closeds[0][0][0],))
    cr.execute("SELECT count(*) FROM bench_citizen")
    n_citizens = cr.fetchone()[0]
    cr.execute("SELECT coalesce(max(id), 0) FROM helpdesk_ticket")
    first_id = cr.fetchone()[0] + 1
    cr.execute("SET LOCAL max_parallel_workers_per_gather = 0")  # one random() stream
    cr.execute("SELECT setseed(%s)", ((seed % 1000) / 1000.0,))
    # the draws, one row per application, ordered by the received date (ids grow with time)
    cr.execute("""
        CREATE TEMP TABLE bench_draw AS
        SELECT row_number() OVER (ORDER BY received) + %(first)s - 1 AS id, d.*
          FROM (SELECT (now() at time zone 'UTC') - (random() ^ 1.15) * interval '%(days)s days'
                       AS received,
                       random() AS u_cat, random() AS u_team, random() AS u_chan,
                       random() AS u_type, random() AS u_stage, random() AS u_closure,
                       random() AS u_close_after, random() AS u_closed,
                       1 + floor(random() * %(nc)s)::int AS citizen_n, random() AS u_subject,
                       random() AS u_prio
                  FROM generate_series(1, %(n)s)) d
    """, {"first": first_id, "days": DAYS, "nc": n_citizens, "n": n})
    cr.execute("ALTER TABLE bench_draw ADD PRIMARY KEY (id)")
    log("draws of %d applications" % n, start)
    subjects = "ARRAY[%s]" % ", ".join("'%s'" % s for s in SUBJECTS)
    # 85% closed over the year: recent ones are more often still open
    closed_expr = ("d.u_closed < CASE WHEN d.received > now() at time zone 'UTC' - "
                   "interval '14 days' THEN 0.35 WHEN d.received > now() at time zone 'UTC' - "
                   "interval '60 days' THEN 0.8 ELSE 0.9 END")
    select = {
        "id": "d.id",
        "name": "(%s)[1 + floor(d.u_subject * %d)::int]" % (subjects, len(SUBJECTS)),
        "description": "'<p>' || (%s)[1 + floor(d.u_subject * %d)::int] || "
                       "' (örnek başvuru)</p>'" % (subjects, len(SUBJECTS)),
        "stage_id": "CASE WHEN x.closed THEN (SELECT id FROM bench_closed_stage) "
                    "ELSE os.id END",
        "partner_id": "p.id",
        "partner_name": "rp.name",
        "last_stage_update": "x.closed_date_or_received",
        "closed_date": "CASE WHEN x.closed THEN x.closed_date_or_received END",
        "company_id": "1",
        "channel_id": "ch.id",
        "category_id": "c.id",
        "team_id": "CASE WHEN d.u_team < 0.9 AND c.team_id IS NOT NULL THEN c.team_id "
                   "ELSE (SELECT id FROM bench_team WHERE idx = 1 + floor(d.u_team * "
                   "(SELECT count(*) FROM bench_team))::int) END",
        "priority": "CASE WHEN d.u_prio < 0.8 THEN '1' WHEN d.u_prio < 0.95 THEN '2' "
                    "ELSE '3' END",
        "kanban_state": "'normal'",
        "create_uid": "1", "write_uid": "1",
        "create_date": "d.received",
        "write_date": "x.closed_date_or_received",
        "message_last_post": "x.closed_date_or_received",
    }
    if hid:
        states = {"legal": ("x.legal_deadline", "x.closed", "legal"),
                  "target": ("x.internal_deadline", "x.closed", "target")}
        from odoo.addons.hid_basvuru.lib import deadlines
        today, now = env["helpdesk.ticket"]._deadline_clock()
        params = dict(deadlines.deadline_state_params("legal", today, deadlines.LEGAL_SOON_DAYS),
                      **deadlines.deadline_state_params("target", now,
                                                        deadlines.TARGET_SOON_DAYS))
        legal_sql = deadlines.deadline_state_sql(*states["legal"])
        target_sql = deadlines.deadline_state_sql(*states["target"])
        select.update({
            # after the numbers already given that year (demo data, an earlier run)
            "number": "to_char(d.received, 'YYYY') || '-' || lpad((row_number() OVER "
                      "(PARTITION BY date_part('year', d.received) ORDER BY d.id) + "
                      "coalesce((SELECT max(split_part(o.number, '-', 2)::int) "
                      "FROM helpdesk_ticket o WHERE o.number LIKE to_char(d.received, "
                      "'YYYY') || '-%%' AND o.id < %(first)s), 0))::text, 6, '0')",
            "basvuru_type_id": "ty.id",
            "received_date": "d.received",
            # the Istanbul day the date filters use (hid_basvuru's helpdesk_ticket_search.py)
            "received_day": "(d.received at time zone 'UTC' at time zone 'Europe/Istanbul')"
                            "::date",
            "mahalle_id": "rp.mahalle_id",
            "address": "'Örnek Sk. No:' || (d.id %% 120 + 1)",
            "cimer_no": "CASE WHEN ch.code = 'cimer' THEN 'C' || d.id END",
            "acik_kapi_no": "CASE WHEN ch.code = 'acik_kapi' THEN 'AK' || d.id END",
            "confidential": "ty.code = 'ihbar'",
            "anonymous": "FALSE",
            "kvkk_notice_given": "TRUE",
            "stage_code": "CASE WHEN x.closed THEN 'closed' ELSE os.code END",
            "closed": "x.closed",
            "answer": "CASE WHEN x.closed THEN 'Başvurunuz incelenmiş ve gereği yapılmıştır.' "
                      "END",
            "answer_date": "CASE WHEN x.closed THEN x.closed_date_or_received END",
            "answer_user_id": "CASE WHEN x.closed THEN 1 END",
            "closure_state": "CASE WHEN x.closed THEN cl.code END",
            "reopen_count": "0",
            "legal_basis": "x.basis",
            "legal_deadline": "x.legal_deadline",
            "internal_deadline": "x.internal_deadline",
            "deadline_state": legal_sql,
            "target_state": target_sql,
            "overdue_escalated": "(%s) = 'overdue'" % legal_sql,
            "extended": "FALSE",
        })
        hid_from = """
          JOIN bench_type ty ON d.u_type >= ty.lo AND d.u_type < ty.hi
          JOIN bench_basis bb ON bb.channel_id = ch.id AND bb.type_id = ty.id
          LEFT JOIN bench_deadline dl ON dl.basis = bb.basis
               AND dl.day = (d.received at time zone 'UTC' at time zone 'Europe/Istanbul')::date
          LEFT JOIN bench_closure cl ON d.u_closure >= cl.lo AND d.u_closure < cl.hi
        """
        hid_x = ("bb.basis, dl.deadline AS legal_deadline, "
                 "d.received + c.target_hours * interval '1 hour' AS internal_deadline")
    else:
        params = {}
        select["number"] = "'HT' || lpad(d.id::text, 7, '0')"
        hid_from, hid_x = "", "NULL AS basis"
    names = [c for c in select if c in cols]
    # internal columns used above (x.*): computed once in a lateral subquery
    query = """
        INSERT INTO helpdesk_ticket ({cols})
        SELECT {exprs}
          FROM bench_draw d
          JOIN bench_category c ON c.idx = 1 + floor(d.u_cat * (SELECT count(*)
                                                              FROM bench_category))::int
          JOIN bench_channel ch ON d.u_chan >= ch.lo AND d.u_chan < ch.hi
          JOIN bench_open_stage os ON d.u_stage >= os.lo AND d.u_stage < os.hi
          JOIN bench_citizen p ON p.n = d.citizen_n
          JOIN res_partner rp ON rp.id = p.id
          {hid_from}
          CROSS JOIN LATERAL (SELECT {closed} AS closed,
                              LEAST(d.received + d.u_close_after * interval '20 days',
                                    now() at time zone 'UTC') AS closed_date_or_received,
                              {hid_x}) x
         ORDER BY d.id
    """.format(cols=", ".join(names), exprs=",\n ".join(select[c] for c in names),
               hid_from=hid_from, closed=closed_expr, hid_x=hid_x)
    params["first"] = first_id
    cr.execute(query, params)
    log("%d applications (INSERT ... SELECT)" % cr.rowcount, start)
    return first_id


def gen_history(cr, first_id, hid, start):
    """Routing history and ~3 chatter messages per application."""
    if hid:
        cr.execute("""
            INSERT INTO hid_havale (ticket_id, kind, to_team_id, user_id, date, note,
                                    create_uid, create_date, write_uid, write_date)
            SELECT id, 'havale', team_id, 1, received_date, 'Başvuru alınırken yönlendirildi.',
                   1, received_date, 1, received_date
              FROM helpdesk_ticket WHERE id >= %s AND team_id IS NOT NULL
        """, (first_id,))
        log("%d routing history rows" % cr.rowcount, start)
    cr.execute("SELECT id FROM mail_message_subtype WHERE name = 'Note' ORDER BY id LIMIT 1")
    note = cr.fetchone()
    note = note[0] if note else None
    cr.execute("SELECT partner_id FROM res_users WHERE id = 1")
    admin_partner = cr.fetchone()[0]
    date_col = "received_date" if hid else "create_date"
    # 1: intake note, 2: a note by the müdürlük, 3: closure (closed) or a follow-up (open)
    cr.execute("""
        INSERT INTO mail_message (model, res_id, record_name, message_type, subtype_id,
                                  author_id, date, body, create_uid, create_date, write_uid,
                                  write_date)
        SELECT 'helpdesk.ticket', t.id, t.number, m.kind, %(note)s, %(author)s,
               t.{date} + (m.k - 1) * (coalesce(t.closed_date, t.{date}) - t.{date}) / 2,
               CASE m.k WHEN 1 THEN '<p>Başvuru kaydedildi.</p>'
                        WHEN 2 THEN '<p>Ekip yönlendirildi, yerinde inceleme yapılacak.</p>'
                        ELSE CASE WHEN t.closed_date IS NOT NULL
                                  THEN '<p>Başvuru sonuçlandırıldı.</p>'
                                  ELSE '<p>Çalışma sürüyor.</p>' END END,
               1, t.{date}, 1, t.{date}
          FROM helpdesk_ticket t
         CROSS JOIN (VALUES (1, 'notification'), (2, 'comment'), (3, 'notification')) m(k, kind)
         WHERE t.id >= %(first)s
         ORDER BY t.id, m.k
    """.format(date=date_col), {"note": note, "author": admin_partner, "first": first_id})
    log("%d chatter messages" % cr.rowcount, start)


def fix_counters(cr, hid, start):
    """Sequences past the new ids; the application counters past the new numbers."""
    for table in ("res_partner", "helpdesk_ticket", "mail_message", "hid_havale"):
        cr.execute("SELECT to_regclass(%s)", ("%s_id_seq" % table,))
        if cr.fetchone()[0]:
            cr.execute("SELECT setval('%s_id_seq', (SELECT coalesce(max(id), 1) FROM %s))"
                       % (table, table))
    if hid:
        cr.execute("""
            INSERT INTO hid_basvuru_counter (series, year, last, create_uid, create_date,
                                             write_uid, write_date)
            SELECT 'basvuru', split_part(number, '-', 1)::int,
                   max(split_part(number, '-', 2)::int), 1, now(), 1, now()
              FROM helpdesk_ticket WHERE number ~ '^[0-9]{4}-[0-9]+$'
             GROUP BY 2
            ON CONFLICT (series, year) DO UPDATE SET last = GREATEST(hid_basvuru_counter.last,
                                                                     EXCLUDED.last)
        """)
        cr.execute("SELECT to_regclass('hid_basvuru_number')")
        if cr.fetchone()[0]:   # the number table of the waiting counter
            cr.execute("""
                INSERT INTO hid_basvuru_number (series, year, seq)
                SELECT 'basvuru', split_part(number, '-', 1)::int,
                       split_part(number, '-', 2)::int
                  FROM helpdesk_ticket WHERE number ~ '^[0-9]{4}-[0-9]+$'
                ON CONFLICT DO NOTHING
            """)
    else:
        cr.execute("""
            UPDATE ir_sequence SET number_next = (SELECT count(*) + 1 FROM helpdesk_ticket)
             WHERE code = 'helpdesk.ticket.sequence'
        """)
    log("sequences and counters", start)


def generate(env, n_applications, n_citizens, seed):
    start = time.time()
    cr = env.cr
    hid = "received_date" in columns(cr, "helpdesk_ticket")
    print("generating %d applications, %d citizens (%s database, seed %d)" % (
        n_applications, n_citizens, "HİD" if hid else "helpdesk_mgmt peer", seed), flush=True)
    rnd = random.Random(seed)
    ensure_master_data(cr, hid)
    gen_partners(cr, env, n_citizens, rnd, hid, start)
    deadline_lookup(cr, env, hid)
    first_id = gen_tickets(cr, env, n_applications, seed, hid, start)
    gen_history(cr, first_id, hid, start)
    fix_counters(cr, hid, start)
    cr.commit()
    old = cr._cnx.autocommit
    cr._cnx.autocommit = True
    for table in ("res_partner", "helpdesk_ticket", "mail_message", "hid_havale"):
        if table in ("hid_havale",) and not hid:
            continue
        cr._obj.execute("VACUUM ANALYZE %s" % table)
    cr._cnx.autocommit = old
    log("vacuum analyze", start)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--citizens", type=int, default=0, help="default: 0.3 × applications")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    start = time.time()
    with environment(args.config, args.database) as env:
        generate(env, args.applications,
                 args.citizens or max(1, args.applications * 3 // 10), args.seed)
    print("generated %d applications in %.1f s" % (args.applications, time.time() - start))


if __name__ == "__main__":
    main()
