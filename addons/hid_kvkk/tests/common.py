# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""A small world on fixed dates: two citizens, their applications, calls, visits, SMS and
surveys, some expired on 2026-12-02, some not."""
import datetime

from odoo.addons.hid_basvuru.tests.common_ticket import HidTicketCase

NOW = datetime.datetime(2026, 12, 2, 3, 0, 0)


class KvkkCase(HidTicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stages = {s.code: s.id for s in cls.env["helpdesk.ticket.stage"].search([])}
        cls.other = cls.env["res.partner"].create({
            "name": "Mehmet Başka", "hid_citizen": True, "mobile": "0533 999 88 77",
            "tckn": "10000000078", "email": "mehmet@example.com",
            "mahalle_id": cls.env.ref("hid_basvuru.mahalle_sarigazi").id,
        })
        cls.citizen.write({"email": "fatma@example.com", "street": "Çam Sokak 5"})

    @classmethod
    def app(cls, partner, received, closed=None, team=None, name="Sokakta çukur var",
            confidential=False):
        """An application of `partner` received (and closed) on the given UTC strings."""
        ticket = cls.env["helpdesk.ticket"].sudo(cls.agent).create({
            "name": name,
            "description": "<p>Ev önünde derin çukur, komşum %s biliyor</p>" % partner.name,
            "basvuru_type_id": cls.talep.id,
            "channel_id": cls.phone.id,
            "category_id": cls.cat_cukur.id,
            "partner_id": partner.id,
            "kvkk_notice_given": True,
            "address": "Çam Sokak 5",
            "latitude": 41.0, "longitude": 29.2,
            "confidential": confidential,
        })
        stage = "closed" if closed else "routed"
        cls.env.cr.execute("""
            UPDATE helpdesk_ticket SET received_date = %s, team_id = %s, stage_id = %s,
                   closed_date = %s, answer = %s, answer_date = %s, closure_state = %s,
                   closed = %s
             WHERE id = %s""", (
            received, (team or cls.fen).id, cls.stages[stage], closed,
            "Sayın %s, çukur kapatıldı." % partner.name if closed else None, closed,
            "cozuldu" if closed else None, bool(closed), ticket.id))
        ticket.invalidate_cache()
        return ticket

    @classmethod
    def call(cls, partner, start, pbx_id):
        return cls.env["hid.call"].sudo().create({
            "provider": "verimor", "pbx_call_id": pbx_id, "direction": "inbound",
            "caller_number": partner.mobile, "start_time": start, "end_time": start,
            "status": "answered", "partner_id": partner.id, "notes": "Arayan: %s" % partner.name,
        })

    def rule(self, kind, date_from, period, unit="years", action="anonymise"):
        return self.env["hid.kvkk.retention.rule"].sudo(self.director).create({
            "name": "test %s" % kind, "kind": kind, "date_from": date_from,
            "period": period, "period_unit": unit, "action": action,
        })

    def run_rule(self, rule, now=NOW):
        return rule.sudo(self.director)._apply_rules(now=now)[rule.id]
