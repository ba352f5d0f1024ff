# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CagriCase


class TestAccess(CagriCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.Call._hid_apply_event(cls._event("a-1", "1001"))
        cls.theirs = cls.Call._hid_apply_event(cls._event("a-2", "1002"))
        cls.unassigned = cls.Call._hid_apply_event(cls._event("a-3", None))

    @staticmethod
    def _event(call_id, extension):
        from ..lib import verimor
        return verimor.parse_event({"event_type": "ringing", "call_uuid": call_id,
                                    "caller_id_number": "05321112233",
                                    "dialed_user": extension or "",
                                    "start_stamp": "2026-11-30 12:00:00"})

    def visible(self, user):
        return self.Call.sudo(user).search([("id", "in", (self.mine + self.theirs +
                                                          self.unassigned).ids)])

    def test_agent_sees_own_calls(self):
        self.assertEqual(self.visible(self.agent), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.sudo(self.agent).read(["caller_number"])
        groups = self.Call.sudo(self.agent).read_group([], ["queue"], ["queue"])
        self.assertEqual(sum(g["queue_count"] for g in groups), 1, "read_group too")

    def test_supervisor_and_director_see_all(self):
        for user in (self.supervisor, self.director):
            self.assertEqual(self.visible(user), self.mine + self.theirs + self.unassigned)

    def test_mudurluk_sees_no_calls(self):
        with self.assertRaises(AccessError):
            self.Call.sudo(self.mudurluk_user).search([])
        ticket_fields = self.env["helpdesk.ticket"].sudo(self.mudurluk_user).fields_get()
        self.assertNotIn("hid_call_ids", ticket_fields, "the calls of an application neither")

    def test_agent_writes_only_the_outcome_side(self):
        call = self.mine.sudo(self.agent)
        call.write({"notes": "Bilgi verildi", "outcome": "info_given"})
        self.assertEqual(self.mine.outcome, "info_given")
        for vals in ({"talk_seconds": 1}, {"agent_id": self.agent2.id}, {"status": "answered"}):
            with self.assertRaises(AccessError, msg=vals):
                call.write(vals)
        with self.assertRaises(AccessError):
            self.theirs.sudo(self.agent).write({"notes": "x"})
        with self.assertRaises(AccessError, msg="a callback link to a call one cannot read"):
            call.write({"callback_of_id": self.theirs.id})

    def test_nobody_creates_or_deletes_calls_by_hand(self):
        for user in (self.agent, self.supervisor, self.director):
            with self.assertRaises(AccessError, msg=user.login):
                self.Call.sudo(user).create({"provider": "verimor", "pbx_call_id": "hand"})
            with self.assertRaises(AccessError, msg=user.login):
                self.mine.sudo(user).unlink()

    def test_provider_is_for_the_director(self):
        provider = self.env["hid.call.provider"].create({"name": "V", "provider": "verimor"})
        token = provider._generate_token()
        self.assertNotIn(token, str(provider.sudo().read()), "only the hash is stored")
        self.assertEqual(self.env["hid.call.provider"]._authenticate("verimor", token), provider)
        self.assertFalse(self.env["hid.call.provider"]._authenticate("netgsm", token),
                         "a Verimor token is not a Netgsm one")
        self.assertFalse(self.env["hid.call.provider"]._authenticate("verimor", token[:-1] + "x"))
        provider.sudo(self.director).write({"api_key": "K-1"})
        for user in (self.agent, self.supervisor, self.mudurluk_user):
            with self.assertRaises(AccessError, msg=user.login):
                provider.sudo(user).read(["name"])
        with self.assertRaises(AccessError, msg="the hash over RPC, even for the director"):
            provider.sudo(self.director).read(["token_hash"])
        with self.assertRaises(AccessError):
            self.env["hid.call.provider"].sudo(self.director).search([("token_hash", "!=", False)])
