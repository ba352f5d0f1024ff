#!/usr/bin/env bash
# Benchmarks: a copy of a freshly built database, filled by generate.py, then each benchmark.
# Usage: bench/run.sh [applications]   (default 5000; DESIGN.md plans for 1M)
source "$(dirname "$0")/../scripts/common.sh"
n="${1:-5000}"
"$HID_ROOT/scripts/setup.sh"
"$HID_ROOT/scripts/pg.sh" start
"$HID_ROOT/scripts/db.sh" create hid_bench_tpl
"$HID_ROOT/scripts/db.sh" clone hid_bench_tpl hid_bench
conf="$HID_VAR/bench.conf"
hid_write_conf "$conf" hid_bench "$(hid_free_port)"
echo "logfile = $HID_VAR/log/bench.log" >>"$conf"
cd "$HID_ROOT/bench"
hid_py generate.py -c "$conf" -d hid_bench --applications "$n"
hid_py bench_roles.py -c "$conf" -d hid_bench
