"""Who may move an application, over XML-RPC: what a hostile müdürlük user tried on main.

Nothing the client sends grants a right: not a context key, not a field in a plain write."""
import xmlrpc.client

import pytest


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


@pytest.fixture(scope="module")
def teams(admin):
    return dict((t["code"], t["id"]) for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"]))


@pytest.fixture
def ticket(admin, teams):
    """A fresh confidential application routed to Fen İşleri."""
    return admin("helpdesk.ticket", "create", {
        "name": "İş akışı denemesi", "description": "RPC", "team_id": teams["FEN"],
        "confidential": True})


FIELDS = ["stage_code", "team_id", "closure_state", "confidential", "number", "received_date",
          "user_id"]


def _state(admin, ticket_id):
    return admin("helpdesk.ticket", "read", [ticket_id], FIELDS)[0]


WARNING, ACCESS_ERROR = 2, 4  # faultCode of a UserError, of an AccessError (/xmlrpc/2)


def _refused(call, code=WARNING):
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    assert caught.value.faultCode == code, caught.value.faultString[-500:]


def test_context_key_does_not_close_or_route(server, admin, teams, ticket):
    before = _state(admin, ticket)
    fen = server.login("fen.kullanici")
    closed = admin("helpdesk.ticket.stage", "search", [("code", "=", "closed")])[0]
    context = {"context": {"hid_workflow": True}}
    _refused(lambda: fen("helpdesk.ticket", "write", [ticket],
                         {"stage_id": closed, "closure_state": "cozuldu"}, **context))
    _refused(lambda: fen("helpdesk.ticket", "write", [ticket], {"team_id": teams["TEM"]},
                         **context))
    _refused(lambda: fen("helpdesk.ticket", "write", [ticket], {"stage_id": closed}))
    assert _state(admin, ticket) == before, "nothing changed"


def test_mudurluk_cannot_lift_confidentiality_or_rewrite_the_intake(server, admin, ticket):
    before = _state(admin, ticket)
    fen = server.login("fen.kullanici")
    for vals in ({"confidential": False}, {"received_date": "2020-01-01 09:00:00"},
                 {"anonymous": True}, {"kvkk_notice_given": False}):
        _refused(lambda: fen("helpdesk.ticket", "write", [ticket], vals), ACCESS_ERROR)
    _refused(lambda: fen("helpdesk.ticket", "write", [ticket], {"number": "2026-000001"}))
    for login in ("him.personel", "him.mudur"):
        _refused(lambda: server.login(login)("helpdesk.ticket", "write", [ticket],
                                             {"number": "2026-000001"}))
    assert _state(admin, ticket) == before


def test_manager_assigns_only_members(server, admin, ticket):
    users = dict((u["login"], u["id"]) for u in admin(
        "res.users", "search_read",
        [("login", "in", ["fen.kullanici", "temizlik.kullanici"])], ["login"]))
    manager = server.login("fen.yonetici")
    _refused(lambda: manager("helpdesk.ticket", "write", [ticket],
                             {"user_id": users["temizlik.kullanici"]}))
    assert not _state(admin, ticket)["user_id"]
    _refused(lambda: server.login("fen.kullanici")("helpdesk.ticket", "write", [ticket],
                                                   {"user_id": users["fen.kullanici"]}),
             ACCESS_ERROR)
    manager("helpdesk.ticket", "write", [ticket], {"user_id": users["fen.kullanici"]})
    assert _state(admin, ticket)["user_id"][0] == users["fen.kullanici"]


def test_mudurluk_works_through_the_actions(server, admin, ticket):
    fen = server.login("fen.kullanici")
    _refused(lambda: server.login("cagri.merkezi")("helpdesk.ticket", "action_start", [ticket]),
             ACCESS_ERROR)
    fen("helpdesk.ticket", "action_start", [ticket])
    fen("helpdesk.ticket", "write", [ticket], {"answer": "Ekip yarın gidecek."})
    fen("helpdesk.ticket", "button_answer", [ticket])
    _refused(lambda: fen("helpdesk.ticket", "action_close", [ticket], "cozuldu"), ACCESS_ERROR)
    assert _state(admin, ticket)["stage_code"] == "answered"
    server.login("him.personel")("helpdesk.ticket", "action_close", [ticket], "cozuldu")
    assert _state(admin, ticket)["closure_state"] == "cozuldu"
