# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""A small world of users, müdürlükler and a citizen for the application tests."""
from odoo.tests.common import SavepointCase

from .common import new_user

G = "hid_basvuru.group_hid_%s"


def deliver_notifications(env):
    """What runs right after a commit (tests never commit): the müdürlük notifications the
    saves recorded are delivered (hid.notify.queue)."""
    return env["hid.notify.queue"]._hid_deliver()


class HidTicketCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        ref = cls.env.ref
        cls.fen, cls.tem, cls.him = (ref("hid_basvuru.team_fen"), ref("hid_basvuru.team_tem"),
                                     ref("hid_basvuru.team_him"))
        cls.agent = new_user(cls.env, "t.agent", [G % "agent"])
        cls.staff = new_user(cls.env, "t.staff", [G % "staff"])
        cls.director = new_user(cls.env, "t.director", [G % "director"])
        cls.fen_manager = new_user(cls.env, "t.fen.manager", [G % "mudurluk_manager"])
        cls.fen_user = new_user(cls.env, "t.fen.user", [G % "mudurluk_user"])
        cls.tem_user = new_user(cls.env, "t.tem.user", [G % "mudurluk_user"])
        cls.fen.write({"user_ids": [(6, 0, (cls.fen_user | cls.fen_manager).ids)],
                       "manager_id": cls.fen_manager.id})
        cls.tem.write({"user_ids": [(6, 0, cls.tem_user.ids)], "manager_id": False})
        cls.citizen = cls.env["res.partner"].create({
            "name": "Fatma Yılmaz",
            "hid_citizen": True,
            "mobile": "0532 111 22 33",
            "tckn": "10000000146",
            "mahalle_id": ref("hid_basvuru.mahalle_sarigazi").id,
        })
        cls.cat_cukur = ref("hid_basvuru.category_asfalt_ve_cukur")
        cls.cat_cop = ref("hid_basvuru.category_cop_toplanmadi")
        cls.phone = ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.cimer = ref("hid_basvuru.channel_cimer")
        cls.talep = ref("hid_basvuru.type_talep")

    def deliver_notifications(self):
        return deliver_notifications(self.env)

    def intake(self, user=None, **vals):
        """An application registered by `user` (the call-centre agent by default)."""
        values = {
            "name": "Sokakta çukur var",
            "description": "<p>Ev önünde derin çukur</p>",
            "basvuru_type_id": self.talep.id,
            "channel_id": self.phone.id,
            "category_id": self.cat_cukur.id,
            "partner_id": self.citizen.id,
            "kvkk_notice_given": True,
        }
        values.update(vals)
        return self.env["helpdesk.ticket"].sudo(user or self.agent).create(values)
