"""What the roles cost: the same searches as the administrator (no record rule: baseline) and
as a müdürlük user (the "my müdürlük" rule), on a database filled by generate.py.
Prints each timing and its ratio to the baseline measured in the same run.

    python bench/bench_roles.py -c var/bench.conf -d hid_bench
"""
import argparse
import statistics
import time

from odoo_env import environment


def timed(fn, repeat):
    """Median wall time of fn() in milliseconds over `repeat` runs, after one warm-up."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def cases(env, user):
    """(name, baseline function, measured function): the same work without and with rules."""
    admin = env["helpdesk.ticket"]
    restricted = env["helpdesk.ticket"].sudo(user)
    team = env.ref("hid_basvuru.team_fen")
    open_in_team = [("team_id", "=", team.id), ("closed", "=", False)]
    return [
        ("search_count(all)", lambda: admin.search_count([]),
         lambda: restricted.search_count([])),
        ("search(open in FEN, 80)", lambda: admin.search(open_in_team, limit=80).ids,
         lambda: restricted.search(open_in_team, limit=80).ids),
        ("read_group(by category)",
         lambda: admin.read_group([], ["category_id"], ["category_id"]),
         lambda: restricted.read_group([], ["category_id"], ["category_id"])),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with environment(args.config, args.database) as env:
        user = env.ref("hid_basvuru.user_fen_kullanici")
        total = env["helpdesk.ticket"].search_count([])
        print("applications: %d; measured as %s against the administrator" % (total, user.login))
        print("%-28s %12s %12s %8s" % ("case", "baseline ms", "rules ms", "ratio"))
        for name, base, measured in cases(env, user):
            b, m = timed(base, args.repeat), timed(measured, args.repeat)
            print("%-28s %12.2f %12.2f %8.2f" % (name, b, m, m / b if b else float("nan")))


if __name__ == "__main__":
    main()
