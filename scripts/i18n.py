"""Write i18n/<module>.pot of HİD addons from a database where they are installed.

Run by scripts/i18n.sh inside "odoo shell"; the shell script then merges each .pot into
i18n/tr.po with gettext's msgmerge (which, unlike Babel, keeps Odoo's "#: model:" references).
"""
# flake8: noqa: F821  (env is injected by odoo shell)
import os

from odoo.tools.translate import trans_export

ROOT = os.environ["HID_ROOT"]
for module in os.environ["HID_I18N_MODULES"].split(","):
    i18n = os.path.join(ROOT, "addons", module, "i18n")
    os.makedirs(i18n, exist_ok=True)
    with open(os.path.join(i18n, module + ".pot"), "wb") as f:
        trans_export(False, [module], f, "po", env.cr)
