#!/usr/bin/env bash
# Benchmarks of the hot paths (issue 15), each against its raw-SQL or peer baseline in the same
# run. Builds what is missing (a fresh machine): the HİD database with the demo data, filled to
# N applications by generate.py (SQL), and the peer database with only OCA helpdesk_mgmt, filled
# to N as well; rebuilt only when N changes (the HİD one is upgraded when the addons change).
#   bench/run.sh [applications]     default 100000; the design scale is 1000000
#   HID_BENCH_DB=name               database name (default hid_bench; the peer is <name>_peer)
#   HID_BENCH_ESCALATE=10,160,1000  the k of the escalation cases
source "$(dirname "$0")/../scripts/common.sh"
n="${1:-100000}"
db="${HID_BENCH_DB:-hid_bench}"
peer="${db}_peer"
escalate="${HID_BENCH_ESCALATE:-10,160,1000}"
"$HID_ROOT/scripts/setup.sh"
"$HID_ROOT/scripts/pg.sh" start
cd "$HID_ROOT/bench"
conf="$HID_VAR/bench-$db.conf"
peer_conf="$HID_VAR/bench-$peer.conf"
port="$(hid_free_port)"
hid_write_conf "$conf" "$db" "$port"
echo "logfile = $HID_VAR/log/bench-$db.log" >>"$conf"
hid_write_conf "$peer_conf" "$peer" "$(hid_free_port)"
echo "logfile = $HID_VAR/log/bench-$peer.log" >>"$peer_conf"
filled() { [ "$(cat "$HID_VAR/bench-$1.filled" 2>/dev/null)" = "$n" ] && hid_db_exists "$1"; }

if filled "$db"; then
    "$HID_ROOT/scripts/db.sh" upgrade "$db"
else
    say "building '$db' with $n applications"
    "$HID_ROOT/scripts/db.sh" create "${db}_tpl"     # the demo database, built once
    "$HID_ROOT/scripts/db.sh" upgrade "${db}_tpl"
    "$HID_ROOT/scripts/db.sh" clone "${db}_tpl" "$db"
    cp "$HID_VAR/db-${db}_tpl.stamp" "$HID_VAR/db-$db.stamp"
    hid_py generate.py -c "$conf" -d "$db" --applications "$n"
    echo "$n" >"$HID_VAR/bench-$db.filled"
fi
if ! filled "$peer"; then
    say "building the peer '$peer' (OCA helpdesk_mgmt only) with $n tickets"
    "$HID_ROOT/scripts/db.sh" drop "$peer"
    createdb -E UTF8 -T template0 "$peer"
    hid_odoo -c "$peer_conf" -d "$peer" -i helpdesk_mgmt --without-demo=all --stop-after-init \
        || die "installing helpdesk_mgmt in '$peer' failed (see var/log/bench-$peer.log)"
    hid_py generate.py -c "$peer_conf" -d "$peer" --applications "$n"
    echo "$n" >"$HID_VAR/bench-$peer.filled"
fi

hid_py bench_hot.py -c "$conf" -d "$db" --peer "$peer" --escalate "$escalate"

# agents saving at the same moment, over XML-RPC, on a real server (started directly, so
# that $! is the server itself and not a subshell that would leave it running)
rc=0
"$HID_VENV/bin/python" "$HID_ROOT/scripts/odoo-bin" -c "$conf" -d "$db" --http-port "$port" \
    --max-cron-threads 0 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
hid_py bench_concurrency.py --url "http://127.0.0.1:$port" -d "$db" --runs 20x5,50x2 || rc=1
kill "$server"; wait "$server" 2>/dev/null || true
trap - EXIT

hid_py bench_roles.py -c "$conf" -d "$db"
exit "$rc"
