#!/usr/bin/env bash
# Serve one database in the foreground on 127.0.0.1:PORT (used by the live tests).
# Usage: scripts/serve.sh DB PORT
source "$(dirname "$0")/common.sh"
db="${1:?database}" port="${2:?port}"
conf="$HID_VAR/serve-$db.conf"
hid_write_conf "$conf" "$db" "$port"
exec "$HID_VENV/bin/python" "$HID_ROOT/scripts/odoo-bin" -c "$conf" \
    --logfile="$HID_VAR/log/serve-$db.log"
