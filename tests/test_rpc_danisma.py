"""The visitor desk (hid_danisma) over real XML-RPC: every HİD role x every model of the addon
x read, search, read_group, write, create, unlink, with the policy as one table below; then
what a müdürlük login may try beyond the plain operations (domains on related fields,
ordering, grouping, the visit's files and messages, the link on the application).

    all  allowed on every record of the fixture (and the visitor's personal data read)
    own  allowed inside the role's scope, refused outside it; the visitor's personal data
         (name, phone, citizen, notes, links) read only where the policy gives it
    no   refused: an xmlrpc Fault
"""
import xmlrpc.client

import pytest

D, S, A, FM, FU, TU, E = ROLES = (
    "him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
    "temizlik.kullanici", "evrak.kayit")
DESK = (D, S, A)  # group_hid_agent and up
OPS = ("read", "search", "read_group", "write", "create", "unlink")
PERSONAL = ["visitor_name", "phone", "partner_id", "note", "ticket_id", "evrak_id"]
VISITOR = "Zeynep Ziyaretçioğlu"


def row(verdicts):
    values = tuple(verdicts.split())
    assert len(values) == len(ROLES) and set(values) <= {"all", "own", "no"}, verdicts
    return dict(zip(ROLES, values))


MATRIX = {
    #                                             D   S   A   FM  FU  TU  E
    # The desk and HİM: every visit, with the visitor. A müdürlük: the visits directed to
    # it, without the visitor. The registry: the visits that bring a document, with the
    # visitor (the sender it registers).
    ("hid.danisma.visit", "read"):           row("all all all own own own own"),
    ("hid.danisma.visit", "search"):         row("all all all own own own own"),
    ("hid.danisma.visit", "read_group"):     row("all all all own own own own"),
    # Only the desk records, checks out and deletes (a converted visit never).
    ("hid.danisma.visit", "write"):          row("all all all no no no no"),
    ("hid.danisma.visit", "create"):         row("all all all no no no no"),
    ("hid.danisma.visit", "unlink"):         row("all all all no no no no"),
    # The analysis (no personal data): the desk all, a müdürlük its own, not the registry.
    ("hid.danisma.visit.report", "read"):       row("all all all own own own no"),
    ("hid.danisma.visit.report", "search"):     row("all all all own own own no"),
    ("hid.danisma.visit.report", "read_group"): row("all all all own own own no"),
    ("hid.danisma.visit.report", "write"):      row("no no no no no no no"),
    ("hid.danisma.visit.report", "create"):     row("no no no no no no no"),
    ("hid.danisma.visit.report", "unlink"):     row("no no no no no no no"),
    # Purposes (assistance types alike): master data, read by all, kept by the director.
    ("hid.danisma.purpose", "read"):         row("all all all all all all all"),
    ("hid.danisma.purpose", "search"):       row("all all all all all all all"),
    ("hid.danisma.purpose", "read_group"):   row("all all all all all all all"),
    ("hid.danisma.purpose", "write"):        row("all no no no no no no"),
    ("hid.danisma.purpose", "create"):       row("all no no no no no no"),
    ("hid.danisma.purpose", "unlink"):       row("all no no no no no no"),
}
MODELS = ["hid.danisma.visit", "hid.danisma.visit.report", "hid.danisma.purpose"]
# which of the fixture's visits each role may see
SCOPE = {D: "fen tem reg", S: "fen tem reg", A: "fen tem reg", FM: "fen", FU: "fen",
         TU: "tem", E: "reg"}
PERSONAL_READERS = DESK + (E,)


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    team = {c: admin("helpdesk.ticket.team", "search", [("code", "=", c)])[0]
            for c in ("FEN", "TEM")}
    purpose = {c: admin("hid.danisma.purpose", "search", [("code", "=", c)])[0]
               for c in ("basvuru", "bilgi", "evrak")}
    engelli = admin("hid.danisma.assistance", "search", [("code", "=", "engelli")])[0]
    visits = {
        "fen": admin("hid.danisma.visit", "create", {
            "purpose_id": purpose["basvuru"], "team_id": team["FEN"], "visitor_name": VISITOR,
            "phone": "0532 417 26 93", "note": "Ziyaretçioğlu kaldırım",
            "assistance_ids": [(6, 0, [engelli])]}),
        "tem": admin("hid.danisma.visit", "create", {
            "purpose_id": purpose["bilgi"], "team_id": team["TEM"], "visitor_name": VISITOR}),
        "reg": admin("hid.danisma.visit", "create", {
            "purpose_id": purpose["evrak"], "visitor_name": VISITOR}),
    }
    return {"admin": admin, "team": team, "purpose": purpose, "visits": visits,
            "ids": sorted(visits.values())}


def fault(fn, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as info:
        fn(*args, **kwargs)
    return info.value.faultString


def scope(world, role):
    return sorted(world["visits"][k] for k in SCOPE[role].split())


# --- hid.danisma.visit ---

def visit_read(world, s, role, verdict):
    for key, vid in world["visits"].items():
        if vid not in scope(world, role):
            fault(s, "hid.danisma.visit", "read", [vid], ["purpose_id"])
            continue
        got = s("hid.danisma.visit", "read", [vid], [])[0]
        if role in PERSONAL_READERS:
            assert got["visitor_name"] == VISITOR, (role, key)
            assert s("hid.danisma.visit", "read", [vid], PERSONAL)
        else:
            assert not set(PERSONAL) & set(got), "%s read %s" % (role, set(PERSONAL) & set(got))
            assert VISITOR not in repr(got)
            for name in PERSONAL:
                fault(s, "hid.danisma.visit", "read", [vid], [name])


def visit_search(world, s, role, verdict):
    found = s("hid.danisma.visit", "search", [("id", "in", world["ids"])], order="id")
    assert found == scope(world, role), (role, found)
    if role in PERSONAL_READERS:
        assert s("hid.danisma.visit", "search", [("visitor_name", "=", VISITOR),
                                                 ("id", "in", world["ids"])]) != []
    else:
        fault(s, "hid.danisma.visit", "search", [("visitor_name", "=", VISITOR)])
        fault(s, "hid.danisma.visit", "search", [], order="phone")


def visit_read_group(world, s, role, verdict):
    groups = s("hid.danisma.visit", "read_group", [("id", "in", world["ids"])],
               ["team_id"], ["team_id"])
    assert sum(g["team_id_count"] for g in groups) == len(scope(world, role)), groups
    if role not in PERSONAL_READERS:
        fault(s, "hid.danisma.visit", "read_group", [], ["visitor_name"], ["visitor_name"])


def visit_write(world, s, role, verdict):
    vid = world["visits"]["fen"]
    if verdict == "all":
        assert s("hid.danisma.visit", "write", [vid], {"office": "Kat 2 (%s)" % role})
        fault(s, "hid.danisma.visit", "write", [vid], {"outcome": "application"})
    else:
        fault(s, "hid.danisma.visit", "write", [vid], {"office": "x"})


def visit_create(world, s, role, verdict):
    vals = {"purpose_id": world["purpose"]["bilgi"], "team_id": world["team"]["FEN"]}
    if verdict == "all":
        vid = s("hid.danisma.visit", "create", vals)
        world["admin"]("hid.danisma.visit", "unlink", [vid])
        assert "geçerli bir telefon" in fault(
            s, "hid.danisma.visit", "create", dict(vals, phone="0532 12"))
    else:
        fault(s, "hid.danisma.visit", "create", vals)


def visit_unlink(world, s, role, verdict):
    vid = world["admin"]("hid.danisma.visit", "create", {
        "purpose_id": world["purpose"]["bilgi"], "team_id": world["team"]["FEN"]})
    if verdict == "all":
        assert s("hid.danisma.visit", "unlink", [vid])
    else:
        fault(s, "hid.danisma.visit", "unlink", [vid])
        world["admin"]("hid.danisma.visit", "unlink", [vid])


# --- hid.danisma.visit.report ---

def report_rows(world, s):
    return s("hid.danisma.visit.report", "search_read", [("visit_id", "in", world["ids"])],
             ["visit_id", "nbr_visits"])


def report_read(world, s, role, verdict):
    if verdict == "no":
        fault(report_rows, world, s)
        return
    rows = report_rows(world, s)
    assert sorted({r["visit_id"][0] for r in rows}) == scope(world, role)
    assert VISITOR not in repr(rows)


def report_search(world, s, role, verdict):
    if verdict == "no":
        fault(s, "hid.danisma.visit.report", "search", [])
        return
    ids = s("hid.danisma.visit.report", "search", [("visit_id", "in", world["ids"])])
    assert len(ids) == len(scope(world, role))


def report_read_group(world, s, role, verdict):
    args = ("hid.danisma.visit.report", "read_group", [("visit_id", "in", world["ids"])],
            ["purpose_id", "nbr_visits", "nbr_assistance"], ["purpose_id"])
    if verdict == "no":
        fault(s, *args)
        return
    groups = s(*args)
    assert sum(g["nbr_visits"] for g in groups) == len(scope(world, role))


def report_write(world, s, role, verdict):
    ids = world["admin"]("hid.danisma.visit.report", "search", [], limit=1)
    fault(s, "hid.danisma.visit.report", "write", ids, {"nbr_visits": 5})


def report_create(world, s, role, verdict):
    fault(s, "hid.danisma.visit.report", "create", {"nbr_visits": 5})


def report_unlink(world, s, role, verdict):
    ids = world["admin"]("hid.danisma.visit.report", "search", [], limit=1)
    fault(s, "hid.danisma.visit.report", "unlink", ids)


# --- hid.danisma.purpose ---

def purpose_read(world, s, role, verdict):
    got = s("hid.danisma.purpose", "read", [world["purpose"]["evrak"]], ["name", "registry"])
    assert got[0]["name"] == "Evrak Teslimi" and got[0]["registry"]


def purpose_search(world, s, role, verdict):
    assert set(world["purpose"].values()) <= set(s("hid.danisma.purpose", "search", []))


def purpose_read_group(world, s, role, verdict):
    groups = s("hid.danisma.purpose", "read_group", [], ["registry"], ["registry"])
    assert sum(g["registry_count"] for g in groups) >= 3


def purpose_write(world, s, role, verdict):
    pid = world["purpose"]["bilgi"]
    if verdict == "all":
        assert s("hid.danisma.purpose", "write", [pid], {"sequence": 11})
    else:
        fault(s, "hid.danisma.purpose", "write", [pid], {"sequence": 12})


def purpose_create(world, s, role, verdict):
    vals = {"name": "Nikâh (%s)" % role, "code": "nikah_%s" % role}
    if verdict == "all":
        pid = s("hid.danisma.purpose", "create", vals)
        world["admin"]("hid.danisma.purpose", "unlink", [pid])
    else:
        fault(s, "hid.danisma.purpose", "create", vals)


def purpose_unlink(world, s, role, verdict):
    pid = world["admin"]("hid.danisma.purpose", "create", {"name": "Geçici", "code": "tmp_" + role})
    if verdict == "all":
        assert s("hid.danisma.purpose", "unlink", [pid])
    else:
        fault(s, "hid.danisma.purpose", "unlink", [pid])
        world["admin"]("hid.danisma.purpose", "unlink", [pid])


CHECKS = {
    ("hid.danisma.visit", "read"): visit_read,
    ("hid.danisma.visit", "search"): visit_search,
    ("hid.danisma.visit", "read_group"): visit_read_group,
    ("hid.danisma.visit", "write"): visit_write,
    ("hid.danisma.visit", "create"): visit_create,
    ("hid.danisma.visit", "unlink"): visit_unlink,
    ("hid.danisma.visit.report", "read"): report_read,
    ("hid.danisma.visit.report", "search"): report_search,
    ("hid.danisma.visit.report", "read_group"): report_read_group,
    ("hid.danisma.visit.report", "write"): report_write,
    ("hid.danisma.visit.report", "create"): report_create,
    ("hid.danisma.visit.report", "unlink"): report_unlink,
    ("hid.danisma.purpose", "read"): purpose_read,
    ("hid.danisma.purpose", "search"): purpose_search,
    ("hid.danisma.purpose", "read_group"): purpose_read_group,
    ("hid.danisma.purpose", "write"): purpose_write,
    ("hid.danisma.purpose", "create"): purpose_create,
    ("hid.danisma.purpose", "unlink"): purpose_unlink,
}
assert set(CHECKS) == set(MATRIX)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("role", ROLES)
def test_matrix(server, world, role, model, op):
    CHECKS[(model, op)](world, server.login(role), role, MATRIX[(model, op)][role])


# --- beyond the plain operations ---

def test_conversion_over_rpc_links_both_ways(server, world):
    agent = server.login(A)
    vid = agent("hid.danisma.visit", "create", {
        "purpose_id": world["purpose"]["basvuru"], "team_id": world["team"]["FEN"],
        "phone": "0532 417 26 94", "visitor_name": "Rpc Ziyaretçi"})
    ticket = agent("helpdesk.ticket", "create", {
        "name": "Danışmadan", "description": "Kaldırım", "hid_visit_id": vid,
        "team_id": world["team"]["FEN"], "anonymous": True})
    got = agent("helpdesk.ticket", "read", [ticket], ["number", "channel_id", "hid_visit_id"])[0]
    assert got["hid_visit_id"][0] == vid
    assert got["channel_id"][1] == "Şahsen / Danışma"
    visit = agent("hid.danisma.visit", "read", [vid], ["ticket_id", "ticket_number", "outcome"])
    assert visit[0]["ticket_number"] == got["number"] and visit[0]["outcome"] == "application"
    before = agent("helpdesk.ticket", "search_count", [])
    assert got["number"] in fault(agent, "helpdesk.ticket", "create", {
        "name": "Yine", "description": "x", "hid_visit_id": vid, "anonymous": True})
    assert agent("helpdesk.ticket", "search_count", []) == before, "nothing half-saved"
    fault(agent, "helpdesk.ticket", "write", [ticket], {"hid_visit_id": world["visits"]["fen"]})
    fault(agent, "hid.danisma.visit", "write", [world["visits"]["fen"]], {"ticket_id": ticket})
    fault(agent, "hid.danisma.visit", "unlink", [vid])
    fen = server.login(FU)
    assert fen("helpdesk.ticket", "read", [ticket], ["number"])[0]["number"] == got["number"]
    fault(fen, "helpdesk.ticket", "read", [ticket], ["hid_visit_id"])
    fault(fen, "helpdesk.ticket", "search", [("hid_visit_id.visitor_name", "ilike", "Rpc")])


@pytest.mark.parametrize("login", [FM, FU, TU])
def test_mudurluk_attacker(server, world, login):
    s = server.login(login)
    for domain in ([("partner_id.name", "ilike", "Ziyaret")], [("phone", "like", "417")],
                   [("ticket_id.partner_id.name", "ilike", "a")], [("note", "ilike", "kal")],
                   ["|", ("id", "=", 0), ("visitor_name", "ilike", "Zey")]):
        fault(s, "hid.danisma.visit", "search", domain)
        fault(s, "hid.danisma.visit", "search_count", domain)
        fault(s, "hid.danisma.visit", "read_group", domain, ["team_id"], ["team_id"])
    for order in ("visitor_name", "partner_id desc", "note"):
        fault(s, "hid.danisma.visit", "search", [], order=order)
    fault(s, "hid.danisma.visit", "read_group", [], ["team_id"], ["team_id"],
          orderby="visitor_name")
    for groupby in ("partner_id", "phone", "evrak_id"):
        fault(s, "hid.danisma.visit", "read_group", [], ["team_id"], [groupby])
    rows = s("hid.danisma.visit", "search_read", [], [])
    assert rows and VISITOR not in repr(rows) and "417" not in repr(rows)
    assert s("hid.danisma.visit", "name_search", "Zeynep") == []
    labels = s("hid.danisma.visit", "name_get", [r["id"] for r in rows])
    assert VISITOR not in repr(labels)
    fault(s, "hid.danisma.visit", "export_data", [rows[0]["id"]], ["visitor_name"])
    for domain in ([("visit_id.visitor_name", "ilike", "Zey")],
                   [("visit_id.partner_id.name", "ilike", "Zey")]):
        fault(s, "hid.danisma.visit.report", "search", domain)
        fault(s, "hid.danisma.visit.report", "read_group", domain, ["team_id"], ["team_id"])
    fault(s, "hid.evrak", "search", [("hid_visit_id.visitor_name", "ilike", "Zey")])
    fault(s, "helpdesk.ticket", "search", [("hid_visit_id", "!=", False)])
    fault(s, "helpdesk.ticket", "read_group", [], ["team_id"], ["hid_visit_id"])
    assert s("mail.message", "search", [("model", "=", "hid.danisma.visit")]) == []
    for view_type in ("form", "tree", "search"):
        arch = s("hid.danisma.visit", "fields_view_get", view_type=view_type)["arch"]
        for name in PERSONAL:
            assert 'name="%s"' % name not in arch, (view_type, name)
    assert s("ir.attachment", "search", [("res_model", "=", "hid.danisma.visit")]) == []
