"""hid_etkinlik over real XML-RPC, as each role: every model × read, search, read_group,
write, create, unlink, with the policy as one table (roles allowed per model and operation).
A denied operation is a Fault, or — where a record rule, not an ACL, says no — an empty
answer."""
import itertools
import xmlrpc.client

import pytest

ROLES = ("him.mudur", "him.personel", "cagri.merkezi", "etkinlik.organizator",
         "fen.yonetici", "fen.kullanici", "temizlik.kullanici")
ALL = set(ROLES)
DIRECTORATE = {"him.mudur", "him.personel", "cagri.merkezi", "etkinlik.organizator"}
ORGANIZERS = {"him.mudur", "etkinlik.organizator"}
SEES_EVENT = DIRECTORATE | {"fen.yonetici", "fen.kullanici"}  # Fen sends a desk

# model → operation → the roles that may
POLICY = {
    "calendar.event": dict(read=SEES_EVENT, search=SEES_EVENT, read_group=SEES_EVENT,
                           write=ORGANIZERS, create=ORGANIZERS, unlink=ORGANIZERS),
    "hid.etkinlik.visit": dict(read=DIRECTORATE, search=DIRECTORATE, read_group=DIRECTORATE,
                               write=DIRECTORATE, create=DIRECTORATE, unlink={"him.mudur"}),
    "hid.etkinlik.invitation": dict(read=ORGANIZERS, search=ORGANIZERS, read_group=ORGANIZERS,
                                    write=ORGANIZERS, create=ORGANIZERS, unlink=ORGANIZERS),
    "hid.etkinlik.checklist.line": dict(read=ORGANIZERS, search=ORGANIZERS,
                                        read_group=ORGANIZERS, write=ORGANIZERS,
                                        create=ORGANIZERS, unlink=ORGANIZERS),
    "hid.etkinlik.kind": dict(read=ALL, search=ALL, read_group=ALL, write={"him.mudur"},
                              create={"him.mudur"}, unlink={"him.mudur"}),
    "hid.etkinlik.host": dict(read=ALL, search=ALL, read_group=ALL, write=ORGANIZERS,
                              create=ORGANIZERS, unlink=set()),
    "res.partner": dict(read=ALL, search=ALL, read_group=ALL, write=DIRECTORATE,
                        create=DIRECTORATE),
}
WRITE = {
    "calendar.event": {"hid_expected_attendance": 250},
    "hid.etkinlik.visit": {"note": "RPC notu"},
    "hid.etkinlik.invitation": {"answer_note": "RPC"},
    "hid.etkinlik.checklist.line": {"done": True},
    "hid.etkinlik.kind": {"sequence": 99},
    "hid.etkinlik.host": {"sequence": 7},
    "res.partner": {"hid_stk_field": "Kültür"},
}
GROUP_BY = {
    "calendar.event": "hid_state", "hid.etkinlik.visit": "state",
    "hid.etkinlik.invitation": "answer", "hid.etkinlik.checklist.line": "done",
    "hid.etkinlik.kind": "has_queue", "hid.etkinlik.host": "title",
    "res.partner": "hid_contact_kind",
}
_counter = itertools.count(1)


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    ref = lambda xmlid: admin("ir.model.data", "xmlid_to_res_id", xmlid)  # noqa: E731
    fen, kind = ref("hid_basvuru.team_fen"), ref("hid_etkinlik.kind_halk_gunu")
    event = admin("calendar.event", "create", {
        "name": "RPC Halk Günü", "hid_kind_id": kind, "start": "2026-12-20 07:00:00",
        "stop": "2026-12-20 10:00:00", "hid_desk_team_ids": [(6, 0, [fen])]})
    admin("calendar.event", "action_hid_announce", [event])
    contact = admin("res.partner", "create", {"name": "RPC Derneği", "hid_contact_kind": "stk"})
    ids = {
        "calendar.event": event,
        "hid.etkinlik.visit": admin("hid.etkinlik.visit", "create",
                                    {"event_id": event, "team_id": fen}),
        "hid.etkinlik.invitation": admin("hid.etkinlik.invitation", "create",
                                         {"event_id": event, "partner_id": contact}),
        "hid.etkinlik.checklist.line": admin("hid.etkinlik.checklist.line", "create",
                                             {"event_id": event, "name": "RPC masa"}),
        "hid.etkinlik.kind": kind,
        "hid.etkinlik.host": admin("hid.etkinlik.host", "create",
                                   {"name": "RPC Ev Sahibi", "title": "Müdür"}),
        "res.partner": contact,
    }
    return {"admin": admin, "ids": ids, "event": event, "fen": fen, "kind": kind}


def _create_vals(model, world):
    n = next(_counter)
    admin, event = world["admin"], world["event"]
    if model == "calendar.event":
        return {"name": "RPC yeni %d" % n, "hid_kind_id": world["kind"],
                "start": "2026-12-21 07:00:00", "stop": "2026-12-21 08:00:00"}
    if model == "hid.etkinlik.visit":
        return {"event_id": event, "team_id": world["fen"]}
    if model == "hid.etkinlik.invitation":
        partner = admin("res.partner", "create", {"name": "RPC STK %d" % n,
                                                  "hid_contact_kind": "stk"})
        return {"event_id": event, "partner_id": partner}
    if model == "hid.etkinlik.checklist.line":
        return {"event_id": event, "name": "RPC madde %d" % n}
    if model == "hid.etkinlik.kind":
        return {"name": "RPC tür %d" % n, "code": "rpc_%d" % n}
    if model == "hid.etkinlik.host":
        return {"name": "RPC kişi %d" % n, "title": "Müdür"}
    return {"name": "RPC kuruluş %d" % n, "hid_contact_kind": "stk"}


def _denied(call):
    """True when the call is refused: a Fault, or nothing comes back."""
    try:
        result = call()
    except xmlrpc.client.Fault:
        return True
    return not result


CASES = [(role, model, op) for role in ROLES for model in POLICY for op in POLICY[model]]


@pytest.mark.parametrize("role,model,op", CASES)
def test_policy(server, world, role, model, op):
    user = server.login(role)
    admin, record = world["admin"], world["ids"][model]
    if op == "read":
        call = lambda: user(model, "read", [record], ["display_name"])  # noqa: E731
    elif op == "search":
        call = lambda: user(model, "search", [("id", "=", record)])  # noqa: E731
    elif op == "read_group":
        field = GROUP_BY[model]
        call = lambda: user(model, "read_group", [("id", "=", record)],  # noqa: E731
                            [field], [field])
    elif op == "write":
        call = lambda: user(model, "write", [record], WRITE[model])  # noqa: E731
    elif op == "create":
        vals = _create_vals(model, world)
        call = lambda: user(model, "create", vals)  # noqa: E731
    else:
        victim = admin(model, "create", _create_vals(model, world))
        call = lambda: user(model, "unlink", [victim])  # noqa: E731
    allowed = role in POLICY[model][op]
    assert _denied(call) != allowed, "%s %s %s should be %s" % (
        role, op, model, "allowed" if allowed else "refused")


def test_citizens_are_not_the_organisers_to_write(server, world):
    admin = world["admin"]
    citizen = admin("res.partner", "create", {"name": "RPC Vatandaş", "hid_citizen": True,
                                              "mobile": "0532 765 43 21"})
    organizer = server.login("etkinlik.organizator")
    # the demo organiser is also a desk agent (who may write citizens): a pure organiser
    login = "rpc.organizer"
    admin("res.users", "create", {
        "name": "RPC Organizatör", "login": login, "password": login,
        "groups_id": [(6, 0, [admin("ir.model.data", "xmlid_to_res_id",
                                    "hid_etkinlik.group_hid_etkinlik_organizer")])]})
    pure = server.login(login, login)
    with pytest.raises(xmlrpc.client.Fault):
        pure("res.partner", "write", [citizen], {"name": "Başka"})
    pure("res.partner", "write", [world["ids"]["res.partner"]], {"hid_stk_field": "Spor"})
    assert organizer("res.partner", "read", [citizen], ["name"])[0]["name"] == "RPC Vatandaş"


def test_internal_minutes_and_queue_are_not_for_the_mudurluk(server, world):
    user = server.login("fen.kullanici")
    for field in ("hid_minutes", "hid_visit_ids", "hid_invitation_ids", "hid_ticket_ids"):
        with pytest.raises(xmlrpc.client.Fault):
            user("calendar.event", "read", [world["event"]], [field])
    row = user("calendar.event", "read", [world["event"]])[0]
    assert "hid_minutes" not in row and "hid_visit_ids" not in row
    assert row["hid_state"] == "announced"


def test_state_moves_only_through_actions(server, world):
    organizer = server.login("etkinlik.organizator")
    with pytest.raises(xmlrpc.client.Fault, match="state|durum"):
        organizer("calendar.event", "write", [world["event"]], {"hid_state": "done"})
    with pytest.raises(xmlrpc.client.Fault):
        server.login("fen.yonetici")("calendar.event", "action_hid_cancel", [world["event"]])
