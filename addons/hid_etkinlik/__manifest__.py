# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Etkinlik",
    "summary": "Events: Halk Günü, meetings with citizens, NGOs and muhtars",
    "version": "11.0.1.1.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
        "calendar",
        "website",
    ],
    "data": [
        "security/hid_etkinlik_security.xml",
        "security/ir.model.access.csv",
        "security/hid_etkinlik_rules.xml",
        "data/hid_etkinlik_kind_data.xml",
        "data/hid_sms_template_data.xml",
        "views/hid_etkinlik_kind_views.xml",
        "views/hid_etkinlik_host_views.xml",
        "views/calendar_event_views.xml",
        "views/hid_etkinlik_visit_views.xml",
        "views/hid_etkinlik_invitation_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_views.xml",
        "wizards/hid_etkinlik_wizard_views.xml",
        "views/hid_etkinlik_menus.xml",
        "views/etkinlik_public_templates.xml",
    ],
    "demo": [
        "demo/hid_etkinlik_demo.xml",
    ],
}
