#!/usr/bin/env bash
# Refresh i18n/<module>.pot and i18n/tr.po of HİD addons from a database where they are installed.
# Use a freshly built one (HID_DB=hid_test_tpl after make test): an upgraded database can export
# a slightly different set of terms than the fresh install CI tests against.
# Usage: scripts/i18n.sh [module,...] [compendium.po]
#   Existing Turkish translations are kept, terms gone from the code are dropped, new terms are
#   listed as untranslated. A compendium (a .po of msgid/msgstr pairs) fills new terms.
source "$(dirname "$0")/common.sh"
modules="${1:-$HID_MODULES}"
compendium="${2:-}"
command -v msgmerge >/dev/null || die "'msgmerge' is missing: apt-get install gettext."
"$HID_ROOT/scripts/pg.sh" start
conf="$HID_VAR/i18n.conf"
hid_write_conf "$conf" "$HID_DB" "$(hid_free_port)"
HID_ROOT="$HID_ROOT" HID_I18N_MODULES="$modules" hid_odoo shell -c "$conf" -d "$HID_DB" \
    --logfile="$HID_VAR/log/i18n.log" <"$HID_ROOT/scripts/i18n.py" >/dev/null
for m in ${modules//,/ }; do
    dir="$HID_ROOT/addons/$m/i18n"
    [ -f "$dir/tr.po" ] || sed 's/^"Language-Team: \\n"$/"Language-Team: \\n"\n"Language: tr\\n"/' \
        "$dir/$m.pot" >"$dir/tr.po"
    msgmerge --quiet --no-fuzzy-matching --no-wrap ${compendium:+--compendium="$compendium"} \
        "$dir/tr.po" "$dir/$m.pot" -o "$dir/tr.po.new"
    msgattrib --no-obsolete --no-wrap "$dir/tr.po.new" -o "$dir/tr.po"
    rm -f "$dir/tr.po.new"
    # Entries, not lines: a long msgid starts with msgid "" too; minus the header entry.
    untranslated="$(msgattrib --untranslated --no-obsolete "$dir/tr.po" | grep -c '^msgid ' || true)"
    untranslated=$(( untranslated > 0 ? untranslated - 1 : 0 ))
    say "$m: $(( $(grep -c '^msgid ' "$dir/tr.po") - 1 )) terms, $untranslated untranslated"
done
