# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Users, contacts and events of our own for the event tests (no demo data)."""
from odoo.addons.hid_basvuru.tests.common import new_user
from odoo.addons.hid_basvuru.tests.common_ticket import HidTicketCase

ORG = "hid_etkinlik.group_hid_etkinlik_organizer"


class EtkinlikCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.organizer = new_user(cls.env, "t.organizer", [ORG])
        cls.desk = new_user(cls.env, "t.desk", [ORG, "hid_basvuru.group_hid_agent"])
        cls.employee = new_user(cls.env, "t.employee", ["base.group_user"])
        cls.kind_hg = ref("hid_etkinlik.kind_halk_gunu")
        cls.kind_stk = ref("hid_etkinlik.kind_stk_toplantisi")
        cls.sarigazi = ref("hid_basvuru.mahalle_sarigazi")
        cls.emek = ref("hid_basvuru.mahalle_emek")
        cls.Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)
        Partner = cls.env["res.partner"]
        # One muhtar per mahalle: the demo data's registry may already hold Emek's.
        muhtar = {"name": "Test Muhtar", "hid_contact_kind": "muhtar",
                  "hid_muhtar_mahalle_id": cls.emek.id, "mobile": "0532 700 00 01",
                  "email": "muhtar@example.com"}
        cls.muhtar = Partner.search([("hid_contact_kind", "=", "muhtar"),
                                     ("hid_muhtar_mahalle_id", "=", cls.emek.id)], limit=1)
        if cls.muhtar:
            cls.muhtar.write(muhtar)
        else:
            cls.muhtar = Partner.create(muhtar)
        cls.stk = Partner.create({
            "name": "Test Derneği", "hid_contact_kind": "stk", "is_company": True,
            "hid_stk_field": "Çevre", "mobile": "0212 555 00 00"})

    def event(self, user=None, **vals):
        values = {
            "name": "Test Halk Günü",
            "hid_kind_id": self.kind_hg.id,
            "start": "2026-12-05 07:00:00",
            "stop": "2026-12-05 10:00:00",
            "location": "Sarıgazi Meydanı",
            "hid_mahalle_ids": [(6, 0, self.sarigazi.ids)],
            "hid_desk_team_ids": [(6, 0, self.fen.ids)],
        }
        values.update(vals)
        return self.Event.sudo(user or self.organizer).create(values)
