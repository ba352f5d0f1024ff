#!/usr/bin/env bash
# Container start: wait for PostgreSQL, create the database once (scripts/db.sh, as make run
# does), render config/odoo.conf from the environment and serve.
source "$(dirname "$0")/common.sh"
: "${HID_ADMIN_PASSWD:?set HID_ADMIN_PASSWD (the Odoo master password) in the environment}"
export HID_WORKERS="${HID_WORKERS:-4}" HID_WITHOUT_DEMO="${HID_WITHOUT_DEMO:-all}" HID_DB
export PGPASSWORD="${PGPASSWORD:-}"
for _ in $(seq 1 60); do pg_isready -q && break; sleep 1; done
pg_isready -q || die "PostgreSQL at $PGHOST:$PGPORT did not answer within 60 s."
"$HID_ROOT/scripts/db.sh" create "$HID_DB"
envsubst <"$HID_ROOT/config/odoo.conf" >"$HID_VAR/odoo.conf"
exec "$HID_VENV/bin/python" "$HID_ROOT/scripts/odoo-bin" -c "$HID_VAR/odoo.conf"
