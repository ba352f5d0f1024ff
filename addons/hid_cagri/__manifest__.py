# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Çağrı Merkezi",
    "summary": "Call centre: call log, PBX events, screen-pop, recordings, KPIs",
    "version": "11.0.1.2.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
        "bus",
        "report_xlsx",
    ],
    "external_dependencies": {
        "python": ["requests"],
    },
    "data": [
        "security/hid_cagri_security.xml",
        "security/ir.model.access.csv",
        "security/hid_cagri_rules.xml",
        "data/hid_cagri_data.xml",
        "views/hid_cagri_assets.xml",
        "views/hid_call_views.xml",
        "views/hid_call_provider_views.xml",
        "views/hid_call_recording_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_users_views.xml",
        "wizards/hid_basvuru_intake_views.xml",
        "wizards/hid_call_kpi_views.xml",
        "report/call_kpi_xlsx.xml",
        "views/hid_cagri_menus.xml",
    ],
    "qweb": [
        "static/src/xml/hid_cagri.xml",
    ],
}
