# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""A registry clerk, two müdürlükler with their people, a citizen and an institution."""
import base64

from odoo.addons.hid_basvuru.tests.common import new_user
from odoo.addons.hid_basvuru.tests.common_ticket import HidTicketCase

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


class HidEvrakCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_user(cls.env, "t.evrak", ["hid_evrak.group_hid_evrak_user"])
        cls.institution = cls.env["res.partner"].create({
            "name": "İstanbul Valiliği", "is_company": True})
        cls.sdp = cls.env.ref("hid_evrak.sdp_090")

    def register(self, user=None, **vals):
        """A document registered by `user` (the registry clerk by default)."""
        values = {
            "gelis_sekli": "elden",
            "sender_id": self.institution.id,
            "subject": "Yol çalışması hakkında",
            "evrak_type": "resmi_yazi",
            "sdp_id": self.sdp.id,
            "page_count": 2,
        }
        values.update(vals)
        return self.env["hid.evrak"].sudo(user or self.clerk).create(values)

    def hand_over(self, evraks, team=None, user=None):
        """A slip for `team` (Fen İşleri by default), handed over by the registry."""
        zimmet = self.env["hid.zimmet"].sudo(user or self.clerk).create({
            "team_id": (team or self.fen).id,
            "line_ids": [(0, 0, {"evrak_id": e.id}) for e in evraks],
        })
        zimmet.action_send()
        return zimmet
