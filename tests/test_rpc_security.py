"""Roles over XML-RPC: what the web client hides must also be refused to a script."""
import xmlrpc.client

import pytest
import requests


@pytest.fixture(scope="module")
def tickets(server):
    """One application in Fen İşleri and one in Temizlik İşleri, created by the administrator."""
    admin = server.login("admin", "admin")
    teams = dict((t["code"], t["id"]) for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"]))
    fen = admin("helpdesk.ticket", "create",
                {"name": "Çukur", "description": "Sokakta çukur", "team_id": teams["FEN"]})
    tem = admin("helpdesk.ticket", "create",
                {"name": "Çöp", "description": "Çöp alınmadı", "team_id": teams["TEM"]})
    return {"FEN": fen, "TEM": tem, "both": [("id", "in", [fen, tem])]}


def test_mudurluk_user_sees_only_own(server, tickets):
    fen = server.login("fen.kullanici")
    assert fen("helpdesk.ticket", "search", tickets["both"]) == [tickets["FEN"]]
    assert fen("helpdesk.ticket", "search_count", tickets["both"]) == 1
    rows = fen("helpdesk.ticket", "search_read", tickets["both"], ["name"])
    assert [r["id"] for r in rows] == [tickets["FEN"]]
    tem = server.login("temizlik.kullanici")
    assert tem("helpdesk.ticket", "search", tickets["both"]) == [tickets["TEM"]]


def test_mudurluk_user_cannot_touch_other(server, tickets):
    fen = server.login("fen.kullanici")
    with pytest.raises(xmlrpc.client.Fault, match="Güvenlik sınırlamaları"):
        fen("helpdesk.ticket", "read", [tickets["TEM"]], ["name"])
    with pytest.raises(xmlrpc.client.Fault, match="Güvenlik sınırlamaları"):
        fen("helpdesk.ticket", "write", [tickets["TEM"]], {"name": "Benim değil"})
    with pytest.raises(xmlrpc.client.Fault):
        fen("helpdesk.ticket", "create", {"name": "x", "description": "x"})


def test_directorate_sees_all_but_does_not_delete(server, tickets):
    for login in ("cagri.merkezi", "him.personel", "him.mudur"):
        session = server.login(login)
        assert sorted(session("helpdesk.ticket", "search", tickets["both"])) == \
            sorted([tickets["FEN"], tickets["TEM"]]), login
    with pytest.raises(xmlrpc.client.Fault):
        server.login("cagri.merkezi")("helpdesk.ticket", "unlink", [tickets["TEM"]])


def test_master_data_only_director_writes(server):
    mahalle = server.login("him.mudur")("hid.mahalle", "search", [("name", "=", "Sarıgazi")])
    assert len(mahalle) == 1
    for login in ("fen.yonetici", "him.personel", "cagri.merkezi"):
        with pytest.raises(xmlrpc.client.Fault):
            server.login(login)("hid.mahalle", "write", mahalle, {"muhtar_name": "X"})


def test_wrong_password_refused(server):
    assert not server.rpc("common").authenticate(server.db, "fen.kullanici", "yanlis", {})


def test_database_manager_closed(server):
    """list_db = False: no database list, no manager page, no db.list over RPC."""
    with pytest.raises(xmlrpc.client.Fault):
        server.rpc("db").list()
    response = requests.get(server.url + "/web/database/manager", timeout=10)
    assert response.status_code != 200 or "disabled" in response.text.lower()


@pytest.fixture(scope="module")
def citizen_ticket(server):
    """A named citizen's application in Fen İşleri, and a confidential ihbar there."""
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {
        "name": "Gizli Tanık", "hid_citizen": True, "mobile": "0532 777 66 55",
        "tckn": "10000000146"})
    fen_team = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    common = {"description": "x", "team_id": fen_team, "partner_id": citizen,
              "kvkk_notice_given": True}
    named = admin("helpdesk.ticket", "create", dict(common, name="Kaldırım"))
    ihbar = admin("helpdesk.ticket", "create",
                  dict(common, name="Kaçak yapı", confidential=True))
    return {"citizen": citizen, "named": named, "ihbar": ihbar}


def test_identity_masked_for_mudurluk_over_rpc(server, citizen_ticket):
    fen = server.login("fen.kullanici")
    named, ihbar = citizen_ticket["named"], citizen_ticket["ihbar"]
    rows = fen("helpdesk.ticket", "read", [named, ihbar], ["applicant_summary"])
    summaries = {r["id"]: r["applicant_summary"] for r in rows}
    assert summaries[named] == "Gizli Tanık (100******46)"
    assert "Tanık" not in summaries[ihbar], "a confidential ihbar shows no identity"
    for call in (
        lambda: fen("helpdesk.ticket", "read", [named], ["partner_id"]),
        lambda: fen("helpdesk.ticket", "search_read", [("id", "=", named)], ["partner_name"]),
        lambda: fen("helpdesk.ticket", "export_data", [named], ["partner_id/name"]),
        lambda: fen("res.partner", "read", [citizen_ticket["citizen"]], ["name"]),
        lambda: fen("res.partner", "read", [citizen_ticket["citizen"]], ["tckn"]),
    ):
        with pytest.raises(xmlrpc.client.Fault):
            call()
    messages = fen("mail.message", "search_read",
                   [("model", "=", "helpdesk.ticket"), ("res_id", "=", ihbar)], ["body"])
    assert messages and not any("Tanık" in m["body"] for m in messages)


def test_workflow_rules_hold_over_rpc(server, citizen_ticket):
    named = citizen_ticket["named"]
    agent = server.login("cagri.merkezi")
    with pytest.raises(xmlrpc.client.Fault, match="Halkla İlişkiler"):
        agent("helpdesk.ticket", "action_close", [named], "cozuldu")
    staff = server.login("him.personel")
    with pytest.raises(xmlrpc.client.Fault, match="cevap"):
        staff("helpdesk.ticket", "action_close", [named], "cozuldu")
    closed = staff("helpdesk.ticket.stage", "search", [("code", "=", "closed")])
    with pytest.raises(xmlrpc.client.Fault):
        staff("helpdesk.ticket", "write", [named], {"stage_id": closed[0]})
    state = server.login("admin", "admin")("helpdesk.ticket", "read", [named], ["stage_code"])
    assert state[0]["stage_code"] == "routed", "refused calls changed nothing"
