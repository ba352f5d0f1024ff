#!/usr/bin/env bash
# Install what HİD needs, idempotently: the Python 3.7 venv with Odoo 11 and the OCA addons,
# lessc for the web client's styles, and (with "browser") the Playwright venv and Chromium.
# Usage: scripts/setup.sh [browser]
source "$(dirname "$0")/common.sh"

stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

need_cmd() {  # need_cmd CMD "how to get it"
    command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: $2"
}

# Install Debian packages when we are root; otherwise say what to install.
apt_ensure() {  # apt_ensure CHECK_PATH PACKAGE...
    local check="$1"; shift
    [ -e "$check" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing Debian packages: $*"
        (apt-get install -y -qq "$@" >>"$HID_VAR/log/apt.log" 2>&1 \
            || { apt-get update -qq >>"$HID_VAR/log/apt.log" 2>&1 \
                 && apt-get install -y -qq "$@" >>"$HID_VAR/log/apt.log" 2>&1; }) \
            || die "apt-get install $* failed (see var/log/apt.log)."
    else
        die "$check is missing: install the Debian package(s) '$*' (sudo apt-get install $*)."
    fi
}

setup_odoo_venv() {
    local py stamp
    if [ -n "$HID_VENV_GIVEN" ]; then  # someone else's venv: use it, never rebuild or delete it
        "$HID_VENV/bin/python" -c 'import odoo' 2>/dev/null \
            || die "HID_VENV=$HID_VENV is not a ready HİD virtualenv (no Odoo in it)."
        return 0
    fi
    py="$(find_python37)" || die "Python 3.7 is missing: Odoo 11 runs only on 3.7; install it \
(pyenv install 3.7.16) or point HID_PYTHON at a python3.7."
    stamp="$(stamp_of "$HID_ROOT"/requirements/{build,odoo,oca,hid,lint}.txt)-$("$py" -V 2>&1 | tr -d ' ')"
    if [ -f "$HID_VENV/.hid-stamp" ] && [ "$(cat "$HID_VENV/.hid-stamp")" = "$stamp" ]; then
        return 0
    fi
    need_cmd gcc "psycopg2 is built from source; install gcc (apt-get install build-essential)."
    command -v pg_config >/dev/null 2>&1 \
        || apt_ensure /usr/bin/pg_config libpq-dev
    say "creating the Odoo 11 virtualenv in var/venv (about 1-2 minutes)"
    # The stamp is written last: an interrupted install has none and is redone from scratch.
    rm -rf "$HID_VENV"
    "$py" -m venv "$HID_VENV"
    local pip="$HID_VENV/bin/pip" log="$HID_VAR/log/pip.log"
    {
        "$pip" install -q -r "$HID_ROOT/requirements/build.txt" &&
        "$pip" install -q --no-build-isolation vatnumber==1.2 &&
        "$pip" install -q -r "$HID_ROOT/requirements/odoo.txt" &&
        "$pip" install -q --no-deps -r "$HID_ROOT/requirements/oca.txt" &&
        "$pip" install -q -r "$HID_ROOT/requirements/hid.txt" -r "$HID_ROOT/requirements/lint.txt"
    } >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "pip install failed (full log: var/log/pip.log)."; }
    echo "$stamp" >"$HID_VENV/.hid-stamp"
}

setup_lessc() {
    [ -x "$HID_NODE/node_modules/.bin/lessc" ] && return 0
    [ -z "$HID_NODE_GIVEN" ] || die "HID_NODE=$HID_NODE has no lessc."
    need_cmd npm "the web client's styles are compiled by lessc from npm; install Node.js \
(apt-get install nodejs npm)."
    say "installing lessc 3.13.1 into var/node"
    npm install --silent --no-audit --no-fund --prefix "$HID_NODE" less@3.13.1 \
        >"$HID_VAR/log/npm.log" 2>&1 || die "npm install less failed (see var/log/npm.log)."
}

# Leaflet and Leaflet.markercluster (every HİD map: served by hid_basvuru at
# /hid/lib/leaflet/ and /hid/lib/leaflet.markercluster/ from var/node/node_modules/*/dist).
setup_leaflet() {
    [ -f "$HID_NODE/node_modules/leaflet/dist/leaflet.js" ] \
        && [ -f "$HID_NODE/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js" ] \
        && return 0
    [ -z "$HID_NODE_GIVEN" ] || die "HID_NODE=$HID_NODE has no leaflet or leaflet.markercluster."
    need_cmd npm "maps use Leaflet from npm; install Node.js (apt-get install nodejs npm)."
    say "installing leaflet 1.9.4 and leaflet.markercluster 1.5.3 into var/node"
    npm install --silent --no-audit --no-fund --prefix "$HID_NODE" leaflet@1.9.4 \
        leaflet.markercluster@1.5.3 \
        >>"$HID_VAR/log/npm.log" 2>&1 || die "npm install leaflet failed (see var/log/npm.log)."
}

setup_pg_binaries() {
    [ "$HID_PG_EXTERNAL" = 1 ] && return 0
    [ -x "$HID_PG_BIN/initdb" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt_ensure "$HID_PG_BIN/initdb" postgresql-15
    else
        die "PostgreSQL 15 server binaries are missing in $HID_PG_BIN: install them \
(apt-get install postgresql-15), set HID_PG_BIN, or give PGHOST/PGPORT/PGUSER of a running server."
    fi
}

setup_browser() {
    local py stamp
    apt_ensure /usr/bin/chromium chromium fonts-dejavu-core
    py="$(find_python_browser)" || die "a Python >= 3.9 is missing for the browser tests \
(Playwright); install python3 or point HID_BROWSER_PYTHON at one."
    if [ -n "$HID_BROWSER_VENV_GIVEN" ]; then
        "$HID_BROWSER_VENV/bin/python" -c 'import playwright' 2>/dev/null \
            || die "HID_BROWSER_VENV=$HID_BROWSER_VENV has no Playwright."
        return 0
    fi
    stamp="$(stamp_of "$HID_ROOT/requirements/browser.txt")"
    if [ -f "$HID_BROWSER_VENV/.hid-stamp" ] \
        && [ "$(cat "$HID_BROWSER_VENV/.hid-stamp")" = "$stamp" ]; then
        return 0
    fi
    say "creating the browser-test virtualenv in var/venv-browser"
    rm -rf "$HID_BROWSER_VENV"
    "$py" -m venv "$HID_BROWSER_VENV"
    "$HID_BROWSER_VENV/bin/pip" install -q -r "$HID_ROOT/requirements/browser.txt" \
        >"$HID_VAR/log/pip-browser.log" 2>&1 \
        || die "pip install for the browser tests failed (see var/log/pip-browser.log)."
    echo "$stamp" >"$HID_BROWSER_VENV/.hid-stamp"
}

setup_wkhtmltopdf() {
    # PDF reports (receipts, zimmet defteri). Optional for serving: warn, do not stop.
    command -v wkhtmltopdf >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt_ensure /usr/bin/wkhtmltopdf wkhtmltopdf
    else
        say "warning: wkhtmltopdf is missing, PDF reports will not print (apt-get install wkhtmltopdf)."
    fi
}

setup_pg_binaries
setup_odoo_venv
setup_lessc
setup_leaflet
setup_wkhtmltopdf
if [ "${1:-}" = browser ]; then
    setup_browser
fi
