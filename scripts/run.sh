#!/usr/bin/env bash
# make run: install what is missing, start PostgreSQL, create the database once, serve Odoo on
# 127.0.0.1:$HID_HTTP_PORT in the background and print how to log in.
source "$(dirname "$0")/common.sh"

PIDFILE="$HID_VAR/odoo.pid"
CONF="$HID_VAR/odoo.conf"
URL="http://127.0.0.1:$HID_HTTP_PORT"

odoo_running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_logins() {
    cat <<INFO

  HİD is running at $URL   (database '$HID_DB', log: var/log/odoo.log)

  Logins (password = login):
    him.mudur            HİM müdürü (everything, configuration)
    him.personel         HİM personeli (routes, follows up, closes)
    cagri.merkezi        Çağrı Merkezi / Danışma personeli (registers, informs)
    fen.yonetici         Fen İşleri Müdürlüğü yöneticisi
    fen.kullanici        Fen İşleri Müdürlüğü kullanıcısı
    temizlik.kullanici   Temizlik İşleri Müdürlüğü kullanıcısı
    evrak.kayit          Evrak Kayıt personeli
    admin / admin        Odoo administrator
  Master password (database manager): $(hid_admin_passwd)
  Stop with: make stop

INFO
}

wait_http() {  # wait_http URL SECONDS
    local i
    for ((i = 0; i < $2 * 2; i++)); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        odoo_running || return 1
        sleep 0.5
    done
    return 1
}

if odoo_running; then
    say "already running (pid $(cat "$PIDFILE"))"
    print_logins
    exit 0
fi
command -v curl >/dev/null || die "'curl' is missing: install it (apt-get install curl)."
port_taken "$HID_HTTP_PORT" && die "port $HID_HTTP_PORT on 127.0.0.1 is already in use by \
another program; stop it or choose another port with HID_HTTP_PORT=8070 make run."

"$HID_ROOT/scripts/setup.sh"
"$HID_ROOT/scripts/pg.sh" start
"$HID_ROOT/scripts/db.sh" create "$HID_DB"
"$HID_ROOT/scripts/db.sh" upgrade "$HID_DB"
hid_write_conf "$CONF" "$HID_DB" "$HID_HTTP_PORT"

say "starting Odoo on $URL"
nohup "$HID_VENV/bin/python" "$HID_ROOT/scripts/odoo-bin" -c "$CONF" \
    --logfile="$HID_VAR/log/odoo.log" >>"$HID_VAR/log/odoo.out" 2>&1 &
echo $! >"$PIDFILE"
if ! wait_http "$URL/web/login" 60; then
    tail -n 15 "$HID_VAR/log/odoo.log" >&2 || true
    die "Odoo did not answer on $URL within 60 s (see var/log/odoo.log)."
fi
say "ready in $(hid_elapsed)"
print_logins
