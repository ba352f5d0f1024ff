# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "HİD Çağrı Merkezi",
    "summary": "Call centre: call log, PBX events, screen-pop, recordings, KPIs",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Public Relations",
    "website": "https://www.sancaktepe.bel.tr",
    "author": "Sancaktepe Belediyesi HİD",
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "hid_basvuru",
        "bus",
    ],
    "data": [
        "security/hid_cagri_security.xml",
    ],
}
