# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Saha",
    "summary": "Field team: applications captured on a phone, offline-first",
    "version": "11.0.1.1.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
    ],
    "data": [
        "security/hid_saha_security.xml",
        "security/ir.model.access.csv",
        "security/hid_saha_rules.xml",
        "data/hid_saha_data.xml",
        "views/hid_saha_backend_views.xml",
        "views/saha_templates.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
