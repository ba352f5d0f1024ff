#!/usr/bin/env bash
# flake8 on everything Python we own, and pylint-odoo's manifest/XML/translation checks on the
# addons (the subset of pylint-odoo that fits Odoo 11 code on Python 3.7).
source "$(dirname "$0")/common.sh"
cd "$HID_ROOT"
rc=0
"$HID_VENV/bin/flake8" addons tests bench scripts/*.py || rc=1
if [ -x "$HID_VENV/bin/pylint" ]; then
    "$HID_VENV/bin/pylint" --load-plugins=pylint_odoo --disable=all --valid-odoo-versions=11.0 \
        --enable="$(paste -sd, "$HID_ROOT/scripts/pylint-odoo-checks.txt")" \
        --score=n --reports=n addons/hid_* || rc=1
fi
[ "$rc" = 0 ] && say "lint: clean"
exit "$rc"
