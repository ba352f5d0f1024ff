"""The call centre at scale: N calls (1M by default) made by one set-based INSERT, then the
KPI report, the wallboard, the screen-pop's lookups and the event upsert, each timed against
a raw-SQL baseline of the same filter measured in the same run.

    python bench/bench_cagri.py -c var/bench.conf -d hid_bench [--calls 1000000] [--repeat 5]

(with var/venv/bin/python from bench/, on a database where hid_cagri is installed, e.g. the
one bench/run.sh builds). The calls live in the run's transaction and are rolled back at the
end unless --keep. Prints `case | ms | baseline ms | ratio` (medians).
"""
import argparse
import datetime
import statistics
import time

from odoo_env import environment

NOW = datetime.datetime(2026, 12, 1, 12, 0, 0)


def timed(fn, repeat):
    """Median wall time of fn() in milliseconds over `repeat` runs, after one warm-up."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def generate(env, n):
    """N calls over a year (≈2,700 a day), 200,000 numbers, 20 agents, 4 queues; 1 in 10
    outbound, 1 in 20 a short abandon, 1 in 7 abandoned, some called back."""
    cr = env.cr
    cr.execute("SELECT id FROM res_users ORDER BY id LIMIT 20")
    agents = [row[0] for row in cr.fetchall()]
    span = 365 * 24 * 3600
    cr.execute("""
        INSERT INTO hid_call (provider, pbx_call_id, direction, caller_number, called_number,
                              extension, agent_id, queue, start_time, answer_time, end_time,
                              wait_seconds, talk_seconds, hold_seconds, answered, status,
                              event_rank, recording_state, recording_present,
                              create_uid, write_uid, create_date, write_date)
        SELECT 'verimor', 'bench-' || g,
               CASE WHEN g %% 10 = 0 THEN 'outbound' ELSE 'inbound' END,
               '+90532' || lpad(((g::bigint * 7919) %% 200000)::text, 7, '0'), '+902165550000',
               NULL, (%(agents)s::int[])[1 + g %% %(n_agents)s], 'q' || (g %% 4),
               s.start, s.start + (g %% 60) * interval '1 second',
               s.start + ((g %% 60) + 30 + g %% 300) * interval '1 second',
               g %% 60,
               CASE WHEN g %% 20 = 0 OR g %% 7 = 0 THEN 0 ELSE 30 + g %% 300 END,
               g %% 13,
               NOT (g %% 20 = 0 OR g %% 7 = 0),
               CASE WHEN g %% 20 = 0 THEN 'short_abandon' WHEN g %% 7 = 0 THEN 'abandoned'
                    ELSE 'answered' END,
               5, 'none', false, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM generate_series(1, %(n)s) g,
               LATERAL (SELECT %(now)s::timestamp
                               - ((g::bigint * %(span)s) / %(n)s) * interval '1 second'
                               AS start) s
    """, {"n": n, "agents": agents, "n_agents": len(agents), "now": NOW, "span": span})
    # Callbacks: an outbound call right after an abandoned one returns it (primary key).
    cr.execute("""
        UPDATE hid_call o SET callback_of_id = m.id
          FROM hid_call m
         WHERE o.pbx_call_id LIKE 'bench-%' AND o.direction = 'outbound'
           AND m.id = o.id - 1 AND m.status = 'abandoned'
    """)
    cr.execute("ANALYZE hid_call")


def cases(env):
    """(name, measured, raw-SQL baseline)."""
    Kpi = env["hid.call.kpi"]
    cr = env.cr
    day_start, day_end = NOW - datetime.timedelta(hours=12), NOW + datetime.timedelta(hours=12)
    month_start = NOW - datetime.timedelta(days=30)
    year_start = NOW - datetime.timedelta(days=365)

    def baseline(start, end, bucket):
        def run():
            cr.execute("SELECT " + bucket + ", count(*), count(*) FILTER (WHERE status = "
                       "'answered'), sum(wait_seconds) FROM hid_call WHERE direction = "
                       "'inbound' AND start_time >= %s AND start_time < %s GROUP BY 1",
                       (start, end))
            return cr.fetchall()
        return run

    number = "+90532" + "0007919"
    Call = env["hid.call"]
    counter = iter(range(10 ** 9))

    def apply_event():
        from odoo.addons.hid_cagri.lib import verimor
        Call._hid_apply_event(verimor.parse_event({
            "event_type": "ringing", "call_uuid": "bench-new-%d" % next(counter),
            "caller_id_number": number, "dialed_user": "", "direction": "inbound",
            "start_stamp": "2026-12-01 15:00:00"}))

    def raw_upsert():
        cr.execute("INSERT INTO hid_call (provider, pbx_call_id, status) VALUES "
                   "('verimor', %s, 'ringing') ON CONFLICT DO NOTHING",
                   ("bench-raw-%d" % next(counter),))

    return [
        ("KPI by hour, one day", lambda: Kpi._hid_sums_sql(day_start, day_end, "hour"),
         baseline(day_start, day_end, "extract(hour from start_time)")),
        ("KPI by agent, 30 days", lambda: Kpi._hid_sums_sql(month_start, NOW, "agent"),
         baseline(month_start, NOW, "agent_id")),
        ("KPI by day, 365 days", lambda: Kpi._hid_sums_sql(year_start, NOW, "day"),
         baseline(year_start, NOW, "start_time::date")),
        ("wallboard (today)", lambda: Kpi.hid_wallboard(),
         baseline(day_start, day_end, "agent_id")),
        ("screen-pop: last calls of a number",
         lambda: Call.search([("caller_number", "=", number)], limit=5).ids,
         lambda: cr.execute("SELECT id FROM hid_call WHERE caller_number = %s "
                            "ORDER BY start_time DESC LIMIT 5", (number,)) or cr.fetchall()),
        ("event upsert (ringing)", apply_event, raw_upsert),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--calls", type=int, default=1000000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="commit the generated calls")
    args = parser.parse_args()
    with environment(args.config, args.database) as env:
        start = time.perf_counter()
        generate(env, args.calls)
        print("calls: %d generated in %.1f s" % (args.calls, time.perf_counter() - start))
        print("%-36s | %10s | %11s | %6s" % ("case", "ms", "baseline ms", "ratio"))
        for name, measured, base in cases(env):
            m, b = timed(measured, args.repeat), timed(base, args.repeat)
            print("%-36s | %10.2f | %11.2f | %6.2f" % (name, m, b, m / b if b else float("nan")))
        if not args.keep:
            env.cr.rollback()


if __name__ == "__main__":
    main()
