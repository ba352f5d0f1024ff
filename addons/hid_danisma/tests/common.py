# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""The application and registry world (users, müdürlükler, a citizen), plus the desk."""
from odoo.addons.hid_evrak.tests.common import HidEvrakCase


class HidDanismaCase(HidEvrakCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Visit = cls.env["hid.danisma.visit"]
        cls.p_bilgi = ref("hid_danisma.purpose_bilgi")
        cls.p_basvuru = ref("hid_danisma.purpose_basvuru")
        cls.p_evrak = ref("hid_danisma.purpose_evrak")
        cls.a_engelli = ref("hid_danisma.assistance_engelli")
        cls.a_yasli = ref("hid_danisma.assistance_yasli")
        cls.sahsen = ref("hid_basvuru.channel_sahsen")

    def visit(self, user=None, **vals):
        """A visit recorded by `user` (the desk agent by default)."""
        values = {
            "purpose_id": self.p_basvuru.id,
            "team_id": self.fen.id,
            "phone": "0532 111 22 33",
            "assistance_ids": [(6, 0, [self.a_engelli.id])],
            "note": "Sokak lambası yanmıyor",
        }
        values.update(vals)
        return self.Visit.sudo(user or self.agent).create(values)

    def open_intake(self, visit, user=None):
        """The "Yeni Başvuru" screen as the visit's button opens it, for `user`."""
        user = user or self.agent
        action = visit.sudo(user).action_to_application()
        Intake = self.env["hid.basvuru.intake"].sudo(user).with_context(**action["context"])
        return Intake.create({"kvkk_notice_given": True})
