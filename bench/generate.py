"""Fill a database with realistic HİD data: citizens and applications over the mahalleler,
müdürlükler, channels and categories of the master data, spread over the last year.

    python bench/generate.py -c var/bench.conf -d hid_bench --applications 20000
"""
import argparse
import random
import time
from datetime import datetime, timedelta

from odoo_env import environment

FIRST = ["Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Ahmet", "Hatice", "Ali", "Zeynep",
         "Hüseyin", "Elif", "Hasan", "Meryem", "İbrahim", "Şerife", "Osman", "Gülsüm", "Yusuf"]
LAST = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
        "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt"]
SUBJECTS = ["Sokakta çukur var", "Çöpler iki gündür alınmadı", "Parktaki salıncak kırık",
            "Kaldırım işgali", "Gece gürültü", "Sokak lambası yanmıyor", "Ağaç budanmalı",
            "Başıboş köpekler", "Kaçak yapı ihbarı", "Sosyal yardım başvurusu"]


def generate(env, n_applications, n_citizens, seed):
    """Create the records in batches through the ORM, without mail tracking (as an import)."""
    rnd = random.Random(seed)
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    teams = env["helpdesk.ticket.team"].search([("code", "!=", False)])
    categories = env["helpdesk.ticket.category"].search([("team_id", "!=", False)])
    channels = env["helpdesk.ticket.channel"].search([("code", "!=", False)])
    citizens = env["res.partner"]
    for i in range(n_citizens):
        citizens |= citizens.create({
            "name": "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST)),
            "phone": "+90532%07d" % rnd.randrange(10 ** 7),
            "customer": True,
        })
    now = datetime.now()
    for i in range(n_applications):
        category = rnd.choice(categories)
        team = category.team_id if rnd.random() < 0.9 else rnd.choice(teams)
        env["helpdesk.ticket"].create({
            "name": rnd.choice(SUBJECTS),
            "description": "<p>%s</p>" % rnd.choice(SUBJECTS),
            "partner_id": rnd.choice(citizens).id,
            "team_id": team.id,
            "category_id": category.id,
            "channel_id": rnd.choice(channels).id,
            "create_date": (now - timedelta(minutes=rnd.randrange(525600))).strftime(
                "%Y-%m-%d %H:%M:%S"),
        })
        if i % 1000 == 999:
            env.cr.commit()  # batches: a long generation survives an interruption in part
            print("  %d applications" % (i + 1), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--citizens", type=int, default=0, help="default: applications / 3")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    start = time.time()
    with environment(args.config, args.database) as env:
        generate(env, args.applications, args.citizens or max(1, args.applications // 3),
                 args.seed)
    print("generated %d applications in %.1f s" % (args.applications, time.time() - start))


if __name__ == "__main__":
    main()
