"""The applicant's identity and the API key's hash over XML-RPC: every door of the ORM.

A müdürlük user and the registry clerk may see an application's subject and status, never who
applied: not by reading, searching (dotted paths too), ordering, grouping, exporting or a name
search. Nobody reads an Open311 key's hash, the director included.
"""
import xmlrpc.client

import pytest
import requests

RESTRICTED = ("fen.kullanici", "fen.yonetici", "evrak.kayit")
NAME, MOBILE, EMAIL = "Tanık Hüseyin", "+905327776601", "tanik@example.com"


@pytest.fixture(scope="module")
def applications(server):
    """A named application and a confidential ihbar of one citizen in Fen İşleri, registered
    by the call centre; the ihbar also with the e-mail and phone as given."""
    agent = server.login("cagri.merkezi")
    citizen = agent("res.partner", "create", {
        "name": NAME, "hid_citizen": True, "mobile": MOBILE, "email": EMAIL,
        "kvkk_notice_given": True})
    fen = agent("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    ihbar_type = agent("hid.basvuru.type", "search", [("code", "=", "ihbar")])[0]
    common = {"description": "x", "team_id": fen, "partner_id": citizen,
              "partner_name": NAME, "partner_email": EMAIL, "kvkk_notice_given": True}
    named = agent("helpdesk.ticket", "create", dict(common, name="Kaldırım bozuk"))
    ihbar = agent("helpdesk.ticket", "create", dict(
        common, name="Kaçak yapı", basvuru_type_id=ihbar_type, public_phone=MOBILE))
    assert agent("helpdesk.ticket", "read", [ihbar], ["confidential"])[0]["confidential"]
    return {"citizen": citizen, "named": named, "ihbar": ihbar,
            "both": [("id", "in", [named, ihbar])]}


def _refused(call, what):
    with pytest.raises(xmlrpc.client.Fault, match="Güvenlik sınırlamaları|security"):
        call()
        pytest.fail("not refused: %s" % what)


def _doors(session, apps):
    """Every way of learning the applicant of `apps` (name: call)."""
    ids, citizen = [apps["named"], apps["ihbar"]], apps["citizen"]
    T = "helpdesk.ticket"
    doors = {}
    for fname in ("partner_id", "partner_name", "partner_email", "public_phone",
                  "hid_possible_partner_id"):
        doors.update({
            "read %s" % fname: lambda f=fname: session(T, "read", ids, [f]),
            "search_read %s" % fname: lambda f=fname: session(T, "search_read", apps["both"],
                                                              [f]),
            "search on %s" % fname: lambda f=fname: session(T, "search", [(f, "!=", False)]),
            "order by %s" % fname: lambda f=fname: session(T, "search", apps["both"],
                                                           order="%s desc" % f),
            "group by %s" % fname: lambda f=fname: session(T, "read_group", apps["both"], [f],
                                                           [f]),
            "read_group orderby %s" % fname: lambda f=fname: session(
                T, "read_group", apps["both"], ["team_id"], ["team_id"], orderby=f),
            "export %s" % fname: lambda f=fname: session(T, "export_data", ids, [f]),
        })
    doors.update({
        "search partner_id.name": lambda: session(T, "search", [("partner_id.name", "ilike",
                                                                 "Tanık")]),
        "search partner_id.mobile": lambda: session(T, "search", [("partner_id.mobile", "=",
                                                                   MOBILE)]),
        "search_count partner_id": lambda: session(T, "search_count",
                                                   [("partner_id", "=", citizen)]),
        "read_group on partner domain": lambda: session(
            T, "read_group", [("partner_id", "=", citizen)], ["team_id"], ["team_id"]),
        "export partner_id/name": lambda: session(T, "export_data", ids, ["partner_id/name"]),
        "export partner_id/mobile": lambda: session(T, "export_data", ids,
                                                    ["partner_id/mobile"]),
        "name_search with partner": lambda: session(T, "name_search", "",
                                                    [("partner_id", "=", citizen)]),
        "partner by its applications": lambda: session(
            "res.partner", "search", [("helpdesk_ticket_ids", "in", [apps["ihbar"]])]),
        "partner's applications read": lambda: session(
            "res.partner", "search_read", [], ["helpdesk_ticket_ids"], limit=5),
    })
    return doors


@pytest.mark.parametrize("login", RESTRICTED)
def test_restricted_roles_never_reach_the_applicant(server, applications, login):
    session = server.login(login)
    for what, call in _doors(session, applications).items():
        _refused(call, "%s by %s" % (what, login))
    # what they may see still works
    visible = session("helpdesk.ticket", "search", applications["both"])
    assert sorted(visible) == sorted([applications["named"], applications["ihbar"]])
    groups = session("helpdesk.ticket", "read_group", applications["both"], ["team_id"],
                     ["team_id"])
    assert groups[0]["team_id_count"] == 2
    rows = session("helpdesk.ticket", "read", [applications["ihbar"]], ["applicant_summary"])
    assert NAME not in rows[0]["applicant_summary"]
    dups = session("helpdesk.ticket", "read", [applications["named"]],
                   ["possible_duplicate_ids"])[0]["possible_duplicate_ids"]
    assert applications["ihbar"] not in dups, "the ihbar is nobody's duplicate for %s" % login


def test_directorate_reaches_the_applicant(server, applications):
    for login in ("cagri.merkezi", "him.mudur"):
        session = server.login(login)
        found = session("helpdesk.ticket", "search", [("partner_id.mobile", "=", MOBILE)],
                        order="partner_name, id")
        assert found == sorted([applications["named"], applications["ihbar"]]), login
        groups = session("helpdesk.ticket", "read_group", applications["both"],
                         ["partner_id"], ["partner_id"])
        assert groups[0]["partner_id"][0] == applications["citizen"]
        rows = session("helpdesk.ticket", "export_data", [applications["ihbar"]],
                       ["partner_id/name", "public_phone"])
        assert rows["datas"] == [[NAME, MOBILE]]
        dups = session("helpdesk.ticket", "read", [applications["named"]],
                       ["possible_duplicate_ids"])[0]["possible_duplicate_ids"]
        assert applications["ihbar"] in dups, "same citizen, for the directorate"


def test_api_key_hash_unreachable(server):
    director = server.login("him.mudur")
    key = director("hid.api.key", "create", {"name": "RPC deneme"})
    director("hid.api.key", "action_generate_key", [key])
    domain = [("id", "=", key)]
    for what, call in {
        "read": lambda: director("hid.api.key", "read", [key], ["key_hash"]),
        "search_read": lambda: director("hid.api.key", "search_read", domain, ["key_hash"]),
        "read_group": lambda: director("hid.api.key", "read_group", domain, ["key_hash"],
                                       ["key_hash"]),
        "read_group orderby": lambda: director("hid.api.key", "read_group", domain, ["name"],
                                               ["name"], orderby="key_hash"),
        "search": lambda: director("hid.api.key", "search", [("key_hash", "!=", False)]),
        "search prefix of hash": lambda: director("hid.api.key", "search",
                                                  [("key_hash", "=like", "a%")]),
        "order": lambda: director("hid.api.key", "search", domain, order="key_hash"),
        "export": lambda: director("hid.api.key", "export_data", [key], ["key_hash"]),
        "create with hash": lambda: director("hid.api.key", "create",
                                             {"name": "x", "key_hash": "0" * 64}),
        "create with a default hash": lambda: director(
            "hid.api.key", "create", {"name": "y"}, context={"default_key_hash": "0" * 64}),
        "write hash": lambda: director("hid.api.key", "write", [key], {"key_hash": "0" * 64}),
    }.items():
        _refused(call, what)
    groups = director("hid.api.key", "read_group", domain, ["name"], ["name"])
    assert groups[0]["name_count"] == 1, "the rest of the key is the director's"
    prefix = director("hid.api.key", "read", [key], ["key_prefix"])[0]["key_prefix"]
    assert prefix and len(prefix) == 8


@pytest.mark.parametrize("login", ("fen.kullanici", "cagri.merkezi"))
def test_portal_pages_still_open(server, applications, login):
    """helpdesk_mgmt's portal counts the user's own applications (partner_id child_of the
    user's partner): that leaf names nobody else and stays allowed."""
    http = requests.Session()
    reply = http.post(server.url + "/web/session/authenticate", timeout=30, json={
        "jsonrpc": "2.0", "method": "call",
        "params": {"db": server.db, "login": login, "password": login}}).json()
    assert reply.get("result", {}).get("uid"), reply
    for path in ("/my/home", "/my/tickets"):
        page = http.get(server.url + path, timeout=30, allow_redirects=False)
        assert page.status_code == 200, "%s %s: %s" % (login, path, page.status_code)
        assert NAME not in page.text
