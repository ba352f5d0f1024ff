# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Başvuru",
    "summary": "Citizen applications of the Public Relations Directorate (Halkla İlişkiler)",
    "version": "11.0.1.1.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "helpdesk_mgmt",
    ],
    "external_dependencies": {
        "python": [
            "phonenumbers",
            "stdnum",
            "holidays",
        ],
    },
    "data": [
        "security/hid_basvuru_security.xml",
        "security/ir.model.access.csv",
        "security/hid_basvuru_rules.xml",
        "data/hid_mahalle_data.xml",
        "data/helpdesk_ticket_team_data.xml",
        "data/helpdesk_ticket_channel_data.xml",
        "data/hid_basvuru_type_data.xml",
        "data/helpdesk_ticket_category_data.xml",
        "views/hid_menus.xml",
        "views/hid_mahalle_views.xml",
        "views/hid_holiday_views.xml",
        "views/hid_basvuru_type_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_channel_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_partner_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
