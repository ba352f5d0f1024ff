#!/usr/bin/env bash
# make reset: stop the server and drop the database (the venv and the cluster stay).
source "$(dirname "$0")/common.sh"

PIDFILE="$HID_VAR/odoo.pid"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")"; sleep 2
fi
rm -f "$PIDFILE"
[ -x "$HID_VENV/bin/python" ] || exit 0
"$HID_ROOT/scripts/pg.sh" start
"$HID_ROOT/scripts/db.sh" drop "$HID_DB"
say "database '$HID_DB' dropped; make run creates it again"
