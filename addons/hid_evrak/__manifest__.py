# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Evrak Kayıt",
    "summary": "Document registry (evrak kayıt) and zimmet of the Public Relations Directorate",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
    ],
    "external_dependencies": {
        "python": [
            "pytz",
            "reportlab",
        ],
    },
    "data": [
        "security/hid_evrak_security.xml",
        "security/ir.model.access.csv",
        "security/hid_evrak_rules.xml",
        "security/hid_evrak_rules_default.xml",
        "data/hid_evrak_sdp_data.xml",
        "data/hid_evrak_data.xml",
        "report/hid_evrak_reports.xml",
        "wizards/hid_zimmet_wizard_views.xml",
        "views/hid_evrak_sdp_views.xml",
        "views/hid_evrak_views.xml",
        "views/hid_zimmet_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/hid_evrak_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
