#!/usr/bin/env bash
# make test: the same set-up as make run (idempotent), then
#   1. lint (flake8, pylint-odoo checks)
#   2. plain pytest on each addon's lib/ (no database)
#   3. pytest-odoo on each addon's tests/, on a database cloned from a template built once per run
#   4. HTTP, XML-RPC and browser tests (tests/, Playwright + Debian Chromium) on a live server
# and a closing line "total: N passed, N failed, N skipped"; non-zero exit on any failure.
source "$(dirname "$0")/common.sh"
set +e

OUT="$HID_VAR/test"
TEMPLATE="${HID_TEST_TEMPLATE:-hid_test_tpl}"
TEST_DB=hid_test
rm -rf "$OUT"
mkdir -p "$OUT/screenshots"
failed_stages=()

stage() {  # stage NAME COMMAND...: run it, remember a failure, go on with the next stage
    local name="$1"; shift
    say "== $name"
    "$@"
    local rc=$?
    [ "$rc" = 0 ] || { failed_stages+=("$name (exit $rc)"); say "$name failed (exit $rc)"; }
    return "$rc"
}

"$HID_ROOT/scripts/setup.sh" browser || exit 1
# A private cluster this run starts is stopped at the end (make run's stays up: make stop).
if [ "$HID_PG_EXTERNAL" = 0 ] && [ "$("$HID_ROOT/scripts/pg.sh" status)" != running ]; then
    trap '"$HID_ROOT/scripts/pg.sh" stop >/dev/null' EXIT
fi
"$HID_ROOT/scripts/pg.sh" start || exit 1
cd "$HID_ROOT" || exit 1

stage lint "$HID_ROOT/scripts/lint.sh"

lib_tests() {
    local rc=0 dir addon
    for dir in addons/*/lib/tests; do
        addon="${dir%%/lib/tests}"
        # Without pytest-odoo (-p no:odoo): these rules need no Odoo and no database.
        (cd "$addon" && "$HID_VENV/bin/python" -m pytest -q -p no:odoo -p no:cacheprovider \
            --import-mode=importlib --rootdir=. lib/tests \
            --junitxml="$OUT/lib-$(basename "$addon").xml") || rc=1
    done
    return "$rc"
}
stage "lib tests" lib_tests

module_tests() {
    "$HID_ROOT/scripts/db.sh" drop "$TEMPLATE" && "$HID_ROOT/scripts/db.sh" create "$TEMPLATE" \
        || return 1
    "$HID_ROOT/scripts/db.sh" clone "$TEMPLATE" "$TEST_DB" || return 1
    hid_write_conf "$OUT/odoo.conf" "$TEST_DB" "$(hid_free_port)"
    "$HID_VENV/bin/python" -m pytest -p no:cacheprovider -W ignore::DeprecationWarning \
        --odoo-config="$OUT/odoo.conf" --odoo-database="$TEST_DB" --odoo-log-level=warn \
        --junitxml="$OUT/modules.xml" addons/*/tests
}
stage "module tests" module_tests

live_tests() {
    hid_db_exists "$TEMPLATE" || { say "no template database: skipped"; return 1; }
    HID_ROOT="$HID_ROOT" HID_TEST_TEMPLATE="$TEMPLATE" HID_TEST_OUT="$OUT" \
        "$HID_BROWSER_VENV/bin/python" -m pytest -p no:cacheprovider tests \
        --junitxml="$OUT/live.xml"
}
stage "HTTP and browser tests" live_tests

# One closing line over every stage, from the JUnit reports the stages wrote.
summary="$("$HID_BROWSER_VENV/bin/python" - "$OUT" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET
total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for path in glob.glob(sys.argv[1] + "/*.xml"):
    root = ET.parse(path).getroot()
    for suite in ([root] if root.tag == "testsuite" else root.findall("testsuite")):
        for key in total:
            total[key] += int(suite.get(key, 0))
failed = total["failures"] + total["errors"]
passed = total["tests"] - failed - total["skipped"]
print("%d %d %d" % (passed, failed, total["skipped"]))
PY
)"
read -r passed failed skipped <<<"${summary:-0 0 0}"
if [ "${#failed_stages[@]}" -gt 0 ]; then
    say "failed stages: ${failed_stages[*]}"
fi
[ "$passed" -gt 0 ] || failed_stages+=("no test ran")
echo "total: $passed passed, $failed failed, $skipped skipped"
[ "${#failed_stages[@]}" = 0 ] && [ "$failed" = 0 ]
