"""Agents saving applications at the same moment over XML-RPC (the call centre at 09:00):
every save must succeed (it may wait), and the numbers must stay gap-free.

    python bench/bench_concurrency.py --url http://127.0.0.1:8069 -d hid_bench --runs 20x5,50x2
"""
import argparse
import random
import threading
import time
import xmlrpc.client


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while True:
        try:
            return xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").version()
        except Exception:   # not up yet
            if time.time() > deadline:
                raise
            time.sleep(1)


def run(url, db, login, agents, saves, rnd):
    common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common")
    uid = common.authenticate(db, login, login, {})
    proxy = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kw):
        return proxy.execute_kw(db, uid, login, model, method, list(args), kw)
    ref = lambda xmlid: call("ir.model.data", "xmlid_to_res_id", xmlid)  # noqa: E731
    category, channel = ref("hid_basvuru.category_asfalt_ve_cukur"), ref(
        "helpdesk_mgmt.helpdesk_ticket_channel_phone")
    citizens = call("res.partner", "search", [("hid_citizen", "=", True)], limit=500)
    numbers, errors, times = [], [], []
    lock = threading.Lock()
    barrier = threading.Barrier(agents)

    def agent(i):
        local = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)
        barrier.wait(timeout=60)
        for j in range(saves):
            start = time.perf_counter()
            try:
                tid = local.execute_kw(db, uid, login, "helpdesk.ticket", "create", [{
                    "name": "Eşzamanlı kayıt %d/%d" % (i, j),
                    "description": "<p>Çağrı merkezi</p>",
                    "partner_id": citizens[(i * saves + j) % len(citizens)],
                    "category_id": category, "channel_id": channel,
                    "kvkk_notice_given": True}])
                number = local.execute_kw(db, uid, login, "helpdesk.ticket", "read", [[tid]],
                                          {"fields": ["number"]})[0]["number"]
                with lock:
                    numbers.append(number)
                    times.append((time.perf_counter() - start) * 1000)
            except Exception as error:   # reported below with its text
                with lock:
                    errors.append(str(error)[:300])
    start = time.perf_counter()
    threads = [threading.Thread(target=agent, args=(i,)) for i in range(agents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = (time.perf_counter() - start) * 1000
    seqs = sorted(int(n.split("-")[1]) for n in numbers)
    gap_free = bool(seqs) and seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    times.sort()
    median = times[len(times) // 2] if times else float("nan")
    verdict = "all succeed, gap-free: %s" % ("yes" if gap_free and not errors else "NO")
    if errors:
        verdict += "; errors: %s" % errors[:3]
    print("%-44s | %9.0f | %9.0f | %6s | %s" % (
        "agents saving at once %d × %d" % (agents, saves), total, median,
        "%d/%d" % (len(numbers), agents * saves), verdict), flush=True)
    return not errors and gap_free


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--login", default="cagri.merkezi")
    parser.add_argument("--runs", default="20x5,50x2")
    args = parser.parse_args()
    wait_for(args.url)
    rnd = random.Random(15)
    print("%-44s | %9s | %9s | %6s | %s" % ("case", "total ms", "median ms", "saved",
                                            "target"))
    ok = True
    for spec in args.runs.split(","):
        agents, saves = (int(x) for x in spec.split("x"))
        ok = run(args.url, args.database, args.login, agents, saves, rnd) and ok
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
