#!/usr/bin/env bash
# make stop: stop the Odoo server and the private PostgreSQL cluster that make run started.
source "$(dirname "$0")/common.sh"

PIDFILE="$HID_VAR/odoo.pid"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    pid="$(cat "$PIDFILE")"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    say "Odoo stopped"
fi
rm -f "$PIDFILE"
"$HID_ROOT/scripts/pg.sh" stop
