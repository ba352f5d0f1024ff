#!/usr/bin/env bash
# Start or stop HİD's PostgreSQL: a private cluster under var/pg, or check an existing server
# when PGHOST/PGPORT/PGUSER are given.   Usage: scripts/pg.sh start|stop|status
source "$(dirname "$0")/common.sh"

# initdb and postgres refuse to run as root: as root, the cluster belongs to this OS user.
PG_OS_USER="${HID_PG_OS_USER:-postgres}"

as_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        # from /: the checkout may be a directory that user cannot enter (every path given
        # is absolute), else runuser warns "could not change directory"
        (cd / && runuser -u "$PG_OS_USER" -- "$@")
    else
        "$@"
    fi
}

ensure_os_user() {
    [ "$(id -u)" = 0 ] || return 0
    id -u "$PG_OS_USER" >/dev/null 2>&1 && return 0
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER" \
        || die "could not create the OS user '$PG_OS_USER' that owns the PostgreSQL cluster."
}

# The cluster lives in var/pg. When the checkout is not reachable by the cluster's OS user
# (say /root is mode 700), it lives in /var/lib/hid-pg/<hash> and var/pg points there.
place_cluster() {
    [ -e "$HID_PG_DIR" ] && return 0
    if [ "$(id -u)" = 0 ] && ! runuser -u "$PG_OS_USER" -- test -x "$HID_VAR"; then
        local alt
        alt="/var/lib/hid-pg/$(printf '%s' "$HID_ROOT" | sha1sum | cut -c1-12)"
        mkdir -p "$alt"
        ln -sfn "$alt" "$HID_PG_DIR"
    else
        mkdir -p "$HID_PG_DIR"
    fi
}

# The cluster's real directory: var/pg itself, or what the var/pg link points to. The cluster's
# OS user may not be able to follow the link (it sits in a checkout it cannot enter), so pg_ctl
# is always given the resolved path, never var/pg.
pg_dir() { readlink -f "$HID_PG_DIR"; }

pg_running() {
    local dir
    dir="$(pg_dir)"
    [ -f "$dir/data/postmaster.pid" ] && as_pg_user "$HID_PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start_private() {
    [ -x "$HID_PG_BIN/initdb" ] || die "PostgreSQL 15 server binaries are missing in $HID_PG_BIN: \
install them (apt-get install postgresql-15) or give PGHOST/PGPORT/PGUSER of a running server."
    ensure_os_user
    place_cluster
    local dir
    dir="$(pg_dir)"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        # initdb into a side directory, then rename: an interrupted initdb leaves nothing behind.
        say "creating a private PostgreSQL cluster in var/pg"
        rm -rf "$dir/data.new"
        mkdir -p "$dir/run"
        [ "$(id -u)" = 0 ] && chown -R "$PG_OS_USER" "$dir"
        as_pg_user "$HID_PG_BIN/initdb" -D "$dir/data.new" -U hid --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$HID_VAR/log/initdb.log" 2>&1 \
            || die "initdb failed (see var/log/initdb.log)."
        as_pg_user mv "$dir/data.new" "$dir/data"
    fi
    pg_running && return 0
    local log="$dir/postgresql.log"
    # Unix socket only: nothing listens on the network.
    as_pg_user "$HID_PG_BIN/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
        -o "-k $dir/run -p $PGPORT -c listen_addresses='' -c fsync=${HID_PG_FSYNC:-on}" \
        start >/dev/null || die "PostgreSQL did not start (see $log)."
}

check_external() {
    "$HID_PG_BIN/pg_isready" -q 2>/dev/null || pg_isready -q 2>/dev/null \
        || die "cannot reach PostgreSQL at $PGHOST:$PGPORT; start it or unset PGHOST/PGPORT/PGUSER \
to use HİD's private cluster."
    psql -Atqc 'select 1' >/dev/null 2>&1 \
        || die "PostgreSQL at $PGHOST:$PGPORT refused user '$PGUSER' (set PGUSER/PGPASSWORD; the \
user needs CREATEDB)."
}

case "${1:-start}" in
    start)
        if [ "$HID_PG_EXTERNAL" = 1 ]; then check_external; else start_private; fi ;;
    stop)
        if [ "$HID_PG_EXTERNAL" = 0 ] && pg_running; then
            as_pg_user "$HID_PG_BIN/pg_ctl" -D "$(pg_dir)/data" -m fast -w stop >/dev/null
            say "PostgreSQL stopped"
        fi ;;
    status)
        if [ "$HID_PG_EXTERNAL" = 1 ]; then check_external && echo running; \
        elif pg_running; then echo running; else echo stopped; fi ;;
    *) die "usage: scripts/pg.sh start|stop|status" ;;
esac
