# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Shared set-up of the call-centre tests: our own users, citizen and PBX."""
import datetime

from odoo.tests.common import SavepointCase

from odoo.addons.hid_basvuru.tests.common import new_user

from ..lib import netgsm, verimor
from ..lib.fake_pbx import FakePbx

START = datetime.datetime(2026, 11, 30, 9, 0, 0)
CITIZEN_MOBILE = "+905321112233"


class CagriCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       mail_create_nolog=True, mail_notrack=True))
        cls.agent = new_user(cls.env, "t.cagri.agent", ["hid_basvuru.group_hid_agent"],
                             hid_pbx_extension="1001")
        cls.agent2 = new_user(cls.env, "t.cagri.agent2", ["hid_basvuru.group_hid_agent"],
                              hid_pbx_extension="1002")
        cls.supervisor = new_user(cls.env, "t.cagri.sup",
                                  ["hid_cagri.group_hid_cagri_supervisor"])
        cls.director = new_user(cls.env, "t.cagri.dir", ["hid_basvuru.group_hid_director"])
        cls.staff = new_user(cls.env, "t.cagri.staff", ["hid_basvuru.group_hid_staff"])
        cls.mudurluk_user = new_user(cls.env, "t.cagri.mud",
                                     ["hid_basvuru.group_hid_mudurluk_user"])
        cls.citizen = cls.env["res.partner"].create({
            "name": "Ayşe Yılmaz", "hid_citizen": True, "mobile": CITIZEN_MOBILE,
            "tckn": "10000000146",
            "mahalle_id": cls.env["hid.mahalle"].search([], limit=1).id,
        })
        cls.Call = cls.env["hid.call"]
        cls.pbx = FakePbx()

    def apply(self, events, parse):
        call = self.Call
        for data in events:
            event = parse(data)
            if event is not None:
                call = self.Call._hid_apply_event(event)
        return call

    def verimor_call(self, **kw):
        kw.setdefault("start", START)
        spec = self.pbx.add_call("verimor", **kw)
        return spec, self.apply(self.pbx.verimor_events(spec), verimor.parse_event)

    def netgsm_call(self, **kw):
        kw.setdefault("start", START)
        spec = self.pbx.add_call("netgsm", **kw)
        return spec, self.apply(self.pbx.netgsm_events(spec), netgsm.parse_event)
