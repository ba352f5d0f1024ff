# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Danışma",
    "summary": "Visitor desk: visitor log, turned into applications or documents",
    "version": "11.0.1.1.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
        "hid_evrak",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/hid_danisma_rules.xml",
        "data/hid_danisma_purpose_data.xml",
        "data/hid_danisma_assistance_data.xml",
        "views/hid_danisma_menus.xml",
        "views/hid_danisma_visit_views.xml",
        "views/hid_danisma_purpose_views.xml",
        "views/hid_danisma_assistance_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/hid_evrak_views.xml",
        "wizards/hid_basvuru_intake_views.xml",
        "report/hid_danisma_visit_report_views.xml",
    ],
}
