# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Anket",
    "summary": "Citizen satisfaction and opinion surveys of the Public Relations Directorate",
    "version": "11.0.1.1.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
        "survey",
        "report_xlsx",
    ],
    "data": [
        "security/hid_anket_security.xml",
        "security/ir.model.access.csv",
        "security/hid_anket_rules.xml",
        "data/website_menu.xml",
        "data/hid_anket_survey_data.xml",
        "views/anket_public_templates.xml",
        "views/hid_anket_satisfaction_views.xml",
        "views/survey_views.xml",
        "report/hid_anket_report_views.xml",
        "views/hid_anket_menus.xml",
    ],
    "demo": [
        "demo/hid_anket_demo.xml",
    ],
}
