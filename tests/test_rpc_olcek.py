"""Roles over XML-RPC for what issue 15 (scale) adds: every demo role × hid.notify.queue (the
müdürlük notifications recorded by a save, delivered after its commit) × read, search,
read_group, write, create, unlink; and the delivery itself through a real server.

Policy: only the HİM director reads the queue (to see a notification that failed); nobody
writes, creates or deletes over RPC (the save records, the delivery deletes). A save over
XML-RPC is committed by the server, so its notification is already delivered when the call
returns: the müdürlük's members follow the application and have the note."""
import xmlrpc.client

import pytest

ROLES = ["him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
         "temizlik.kullanici", "evrak.kayit"]
READS = {"him.mudur"}
MODEL = "hid.notify.queue"


def denied(call, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as err:
        call(*args, **kwargs)
    assert err.value.faultCode == 4, err.value.faultString   # an AccessError


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    agent = server.login("cagri.merkezi")
    category = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "FEN")],
                     limit=1)[0]
    citizen = admin("res.partner", "search", [("hid_citizen", "=", True)], limit=1)[0]
    ticket = agent("helpdesk.ticket", "create", {
        "name": "RPC ölçek", "description": "<p>rpc</p>", "category_id": category,
        "partner_id": citizen, "kvkk_notice_given": True})
    return {"admin": admin, "ticket": ticket}


def test_delivered_when_the_save_returns(server, world):
    admin, ticket = world["admin"], world["ticket"]
    assert admin(MODEL, "search", [("ticket_id", "=", ticket)]) == [], "delivered"
    number, team, followers = (lambda t: (t["number"], t["team_id"], t["message_partner_ids"]))(
        admin("helpdesk.ticket", "read", [ticket], ["number", "team_id",
                                                    "message_partner_ids"])[0])
    members = admin("helpdesk.ticket.team", "read", [team[0]], ["user_ids"])[0]["user_ids"]
    partners = [u["partner_id"][0] for u in admin("res.users", "read", members, ["partner_id"])]
    assert set(partners) <= set(followers), "the müdürlük's members follow it"
    notes = admin("mail.message", "search_read", [("model", "=", "helpdesk.ticket"),
                                                  ("res_id", "=", ticket),
                                                  ("partner_ids", "in", partners)],
                  ["body", "partner_ids"])
    assert len(notes) == 1 and number in notes[0]["body"]
    assert set(notes[0]["partner_ids"]) == set(partners)


@pytest.mark.parametrize("login", ROLES)
def test_queue(server, world, login):
    s = server.login(login)
    if login in READS:
        assert isinstance(s(MODEL, "search", []), list)   # allowed (raises if refused)
        assert isinstance(s(MODEL, "read_group", [], ["ticket_id"], ["ticket_id"]), list)
    else:
        denied(s, MODEL, "search", [])
        denied(s, MODEL, "read_group", [], ["ticket_id"], ["ticket_id"])
        denied(s, MODEL, "read", [1], ["body"])
    denied(s, MODEL, "create", {"ticket_id": world["ticket"], "partner_ids": "1",
                                "date": "2026-01-01 00:00:00"})
    denied(s, MODEL, "write", [1], {"attempts": 0})
    denied(s, MODEL, "unlink", [1])
