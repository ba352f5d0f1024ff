"""Roles over XML-RPC for what hid_saha adds: every demo role × the applications (and their
files, citizens and mahalle centres) × read, search, read_group, write, create, unlink.

Policy: a field staff member (saha.personel) reads exactly the applications assigned to
them, writes/creates/deletes none over RPC (captures and report-backs go through /saha), sees
no citizen, and reads the files of their assignments only. Mahalle centres are written by
the HİM director only. The other roles keep what hid_basvuru gives them; the new fields are
readable with the application."""
import xmlrpc.client

import pytest

ROLES = ["him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
         "temizlik.kullanici", "saha.personel"]
# who reads the application assigned to saha.personel (a Fen İşleri application)
READS_ASSIGNED = {"him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici",
                  "fen.kullanici", "saha.personel"}
# who reads the other, unassigned Fen application
READS_OTHER = READS_ASSIGNED - {"saha.personel"}
FIELDS = ["number", "hid_saha_client_id", "hid_saha_user_id", "hid_saha_accuracy"]


def denied(call, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as err:
        call(*args, **kwargs)
    # 4: odoo.service.wsgi_server's code for an AccessError (the server speaks Turkish)
    assert err.value.faultCode == 4, err.value.faultString


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    agent = server.login("cagri.merkezi")
    manager = server.login("fen.yonetici")
    saha_uid = server.login("saha.personel").uid
    category = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "FEN")],
                     limit=1)[0]
    citizen = admin("res.partner", "search", [("hid_citizen", "=", True)], limit=1)[0]

    def intake(name):
        return agent("helpdesk.ticket", "create", {
            "name": name, "description": "<p>rpc</p>", "category_id": category,
            "partner_id": citizen, "kvkk_notice_given": True})

    assigned, other = intake("RPC saha assigned"), intake("RPC saha other")
    # the müdürlük manager assigns a member of the müdürlük: the field staff member
    manager("helpdesk.ticket", "write", [assigned], {"user_id": saha_uid})
    files = {}
    for ticket in (assigned, other):
        files[ticket] = admin("ir.attachment", "create", {
            "name": "p.png", "datas_fname": "p.png", "res_model": "helpdesk.ticket",
            "res_id": ticket, "datas": "iVBORw0KGgo=", "hid_saha_phase": "before"})
    return {"assigned": assigned, "other": other, "files": files, "citizen": citizen,
            "category": category, "admin": admin}


@pytest.mark.parametrize("login", ROLES)
def test_applications(server, world, login):
    s = server.login(login)
    assigned, other = world["assigned"], world["other"]
    for ticket, readers in ((assigned, READS_ASSIGNED), (other, READS_OTHER)):
        if login in readers:
            assert s("helpdesk.ticket", "read", [ticket], FIELDS)[0]["number"]
            assert s("helpdesk.ticket", "search", [("id", "=", ticket)]) == [ticket]
        else:
            denied(s, "helpdesk.ticket", "read", [ticket], FIELDS)
            assert s("helpdesk.ticket", "search", [("id", "=", ticket)]) == []
    if login == "saha.personel":
        mine = s("helpdesk.ticket", "search", [])
        assert mine and set(mine) == set(s("helpdesk.ticket", "search", [("user_id", "=", s.uid)]))
        groups = s("helpdesk.ticket", "read_group", [], ["user_id"], ["user_id"])
        assert [g["user_id"][0] for g in groups] == [s.uid]
        denied(s, "helpdesk.ticket", "read", [assigned], ["partner_id"])
        denied(s, "helpdesk.ticket", "write", [assigned], {"priority": "2"})
        denied(s, "helpdesk.ticket", "write", [assigned], {"hid_saha_client_id": "x"})
        denied(s, "helpdesk.ticket", "create", {"name": "x", "category_id": world["category"]})
        denied(s, "helpdesk.ticket", "unlink", [assigned])


@pytest.mark.parametrize("login", ROLES)
def test_files_of_applications(server, world, login):
    s = server.login(login)
    for ticket, readers in ((world["assigned"], READS_ASSIGNED), (world["other"], READS_OTHER)):
        attachment = world["files"][ticket]
        found = s("ir.attachment", "search", [("id", "=", attachment)])
        assert found == ([attachment] if login in readers else []), (login, ticket)
        if login in readers:
            assert s("ir.attachment", "read", [attachment], ["hid_saha_phase"])[0][
                "hid_saha_phase"] == "before"
        else:
            denied(s, "ir.attachment", "read", [attachment], ["name"])
    if login == "saha.personel":
        denied(s, "ir.attachment", "write", [world["files"][world["assigned"]]],
               {"hid_saha_phase": "after"})


@pytest.mark.parametrize("login", ROLES)
def test_citizens(server, world, login):
    s = server.login(login)
    visible = s("res.partner", "search", [("id", "=", world["citizen"])])
    sees = login in {"him.mudur", "him.personel", "cagri.merkezi"}
    assert visible == ([world["citizen"]] if sees else []), login


@pytest.mark.parametrize("login", ROLES)
def test_mahalle_centres(server, world, login):
    s = server.login(login)
    mahalle = s("hid.mahalle", "search", [], limit=1)
    assert "latitude" in s("hid.mahalle", "read", mahalle, ["latitude", "longitude"])[0]
    if login == "him.mudur":
        s("hid.mahalle", "write", mahalle, {"latitude": 0.0})
    else:
        denied(s, "hid.mahalle", "write", mahalle, {"latitude": 41.0})
        denied(s, "hid.mahalle", "create", {"name": "Yeni", "latitude": 41.0})


def test_tile_setting_is_the_administrators(server):
    denied(server.login("saha.personel"), "ir.config_parameter", "get_param",
           "hid_saha.tile_url")
