# shellcheck shell=bash
# Settings and helpers shared by the HİD scripts. Source it; do not run it.
#
# Every setting can be overridden from the environment:
#   HID_PYTHON        Python 3.7 interpreter      (default: pyenv's 3.7.16 or python3.7 on PATH)
#   HID_DB            database served by make run (default: hid)
#   HID_HTTP_PORT     port of make run            (default: 8069)
#   HID_ADMIN_PASSWD  Odoo master password        (default: generated once into var/)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD  use an existing PostgreSQL instead of the private cluster
#   HID_VENV, HID_BROWSER_VENV, HID_NODE  reuse ready-made environments (say another checkout's
#                     var/venv): setup.sh then only checks them, never builds or deletes them
set -euo pipefail

HID_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HID_VAR="${HID_VAR:-$HID_ROOT/var}"
# Environments given from outside are used as they are (setup.sh checks, never rebuilds them).
HID_VENV_GIVEN="${HID_VENV:+1}"
HID_BROWSER_VENV_GIVEN="${HID_BROWSER_VENV:+1}"
HID_NODE_GIVEN="${HID_NODE:+1}"
HID_VENV="${HID_VENV:-$HID_VAR/venv}"
HID_BROWSER_VENV="${HID_BROWSER_VENV:-$HID_VAR/venv-browser}"
HID_NODE="${HID_NODE:-$HID_VAR/node}"
HID_DB="${HID_DB:-hid}"
HID_HTTP_PORT="${HID_HTTP_PORT:-8069}"
HID_MODULES="hid_basvuru,hid_evrak,hid_etkinlik,hid_anket,hid_cagri,hid_danisma,hid_saha,hid_kvkk"
HID_PG_BIN="${HID_PG_BIN:-/usr/lib/postgresql/15/bin}"
HID_PG_PORT_PRIVATE="${HID_PG_PORT_PRIVATE:-54329}"
export ODOO_PRELOAD_ADDONS=no
export PATH="$HID_NODE/node_modules/.bin:$PATH"
mkdir -p "$HID_VAR/log"

say() { printf 'hid: %s\n' "$*"; }
die() { printf 'hid: ERROR: %s\n' "$*" >&2; exit 1; }

# Seconds since the script started, for the timings the README quotes.
hid_elapsed() { echo "$(( $(date +%s) - HID_T0 ))s"; }
HID_T0="${HID_T0:-$(date +%s)}"
export HID_T0

find_python37() {
    local c
    for c in "${HID_PYTHON:-}" /root/.pyenv/versions/3.7.16/bin/python \
             "$HOME/.pyenv/versions/3.7.16/bin/python" python3.7; do
        [ -n "$c" ] || continue
        if command -v "$c" >/dev/null 2>&1 \
            && "$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 7))' 2>/dev/null; then
            command -v "$c"; return 0
        fi
    done
    return 1
}

# A Python >= 3.9 for the browser tests (Playwright); it never runs Odoo.
find_python_browser() {
    local c
    for c in "${HID_BROWSER_PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python python3.11 \
             python3.12 python3; do
        [ -n "$c" ] || continue
        if command -v "$c" >/dev/null 2>&1 \
            && "$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
            command -v "$c"; return 0
        fi
    done
    return 1
}

# --- PostgreSQL -------------------------------------------------------------------------
# With PGHOST/PGPORT/PGUSER given we use that server; otherwise a private cluster in var/pg,
# reachable only through a Unix socket in var/pg/run, superuser "hid" (Odoo refuses "postgres").
# The mode is decided once, by the first script, and inherited by the ones it starts (which
# see the PG* variables exported below and must not take them for an external server).
if [ -z "${HID_PG_MODE:-}" ]; then
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then HID_PG_MODE=external; else HID_PG_MODE=private; fi
    export HID_PG_MODE
fi
HID_PG_DIR="$HID_VAR/pg"
if [ "$HID_PG_MODE" = external ]; then
    HID_PG_EXTERNAL=1
    export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"
else
    HID_PG_EXTERNAL=0
    export PGHOST="$HID_PG_DIR/run" PGPORT="$HID_PG_PORT_PRIVATE" PGUSER=hid
fi
export PGDATABASE=postgres

hid_py() { "$HID_VENV/bin/python" "$@"; }
hid_odoo() { hid_py "$HID_ROOT/scripts/odoo-bin" "$@"; }

# Master password: HID_ADMIN_PASSWD, else one generated on the first run and kept in var/.
hid_admin_passwd() {
    if [ -n "${HID_ADMIN_PASSWD:-}" ]; then echo "$HID_ADMIN_PASSWD"; return; fi
    if [ ! -s "$HID_VAR/admin_passwd" ]; then
        (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$HID_VAR/admin_passwd")
    fi
    cat "$HID_VAR/admin_passwd"
}

# write_conf FILE DB HTTP_PORT: an odoo.conf for this machine (the Docker one is config/).
hid_write_conf() {
    local file="$1" db="$2" port="$3"
    (umask 077; cat >"$file" <<CONF
[options]
addons_path = $HID_ROOT/addons
data_dir = $HID_VAR/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = ${PGPASSWORD:-False}
db_name = $db
dbfilter = ^$db\$
list_db = False
admin_passwd = $(hid_admin_passwd)
http_interface = 127.0.0.1
http_port = $port
longpolling_port = $((port + 1000))
without_demo = False
server_wide_modules = web
log_level = info
CONF
)
}

hid_psql() { psql -v ON_ERROR_STOP=1 -Atq "$@"; }
hid_db_exists() { [ "$(hid_psql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# A free TCP port on 127.0.0.1 (for --stop-after-init runs, whose HTTP thread starts anyway).
hid_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
