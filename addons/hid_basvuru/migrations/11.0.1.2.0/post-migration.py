# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""An existing database gets what a new one gets at install: the municipality's identity
where Odoo's placeholders still stand, and, on a demo database only, helpdesk_mgmt's English
demo out and the Turkish demo data set in (functions in data/ and demo/ run at install only)."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._hid_apply_branding()
    module = env["ir.module.module"].search([("name", "=", "hid_basvuru")])
    if module.demo:
        env["hid.basvuru.demo"]._hid_demo_cleanup()
        env["hid.basvuru.demo"]._hid_demo_generate()
