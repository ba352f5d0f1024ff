"""hid_kvkk over real XML-RPC, as each role: every KVKK model × read, search, read_group,
write, create, unlink, with the policy as one table. The access log and the destruction
record cannot be changed, deleted or forged by anyone — the administrator included. Reading
a T.C. identity number over XML-RPC is logged; the director sees it."""
import itertools
import xmlrpc.client

import pytest

ROLES = ("him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
         "temizlik.kullanici", "evrak.kayit")
DIRECTOR = {"him.mudur"}
STAFF = {"him.mudur", "him.personel"}
NOBODY = set()

# model → operation → the roles that may
POLICY = {
    "hid.kvkk.retention.rule": dict(read=STAFF, search=STAFF, read_group=STAFF,
                                    write=DIRECTOR, create=DIRECTOR, unlink=DIRECTOR),
    "hid.kvkk.destruction": dict(read=DIRECTOR, search=DIRECTOR, read_group=DIRECTOR,
                                 write=NOBODY, create=NOBODY, unlink=NOBODY),
    "hid.kvkk.access.log": dict(read=DIRECTOR, search=DIRECTOR, read_group=DIRECTOR,
                                write=NOBODY, create=NOBODY, unlink=NOBODY),
    "hid.kvkk.request": dict(read=STAFF, search=STAFF, read_group=STAFF, write=STAFF,
                             create=STAFF, unlink=NOBODY),
    "hid.kvkk.right": dict(read=STAFF, search=STAFF, read_group=STAFF, write=DIRECTOR,
                           create=DIRECTOR, unlink=NOBODY),
}
WRITE = {
    "hid.kvkk.retention.rule": {"sequence": 99},
    "hid.kvkk.destruction": {"count": 0},
    "hid.kvkk.access.log": {"res_id": 1},
    "hid.kvkk.request": {"phone": "0532 000 00 00"},
    "hid.kvkk.right": {"sequence": 50},
}
GROUP_BY = {
    "hid.kvkk.retention.rule": "kind", "hid.kvkk.destruction": "kind",
    "hid.kvkk.access.log": "kind", "hid.kvkk.request": "state", "hid.kvkk.right": "code",
}
_counter = itertools.count(1)


def _request_vals(n):
    return {"applicant_name": "RPC Başvuran %d" % n, "address": "Sancaktepe",
            "request_text": "Verilerim", "channel": "kep"}


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {"name": "RPC KVKK Vatandaş", "hid_citizen": True,
                                              "mobile": "0532 765 11 22",
                                              "tckn": "10000000214"})
    silme = admin("ir.model.data", "xmlid_to_res_id", "hid_kvkk.right_silme")
    request = admin("hid.kvkk.request", "create", dict(
        _request_vals(0), partner_id=citizen, right_ids=[(6, 0, [silme])]))
    # Staff read the number in clear: one access-log line; then the erasure (a citizen
    # without applications): one destruction record.
    server.login("him.personel")("res.partner", "read", [citizen], ["tckn"])
    server.login("him.personel")("hid.kvkk.request", "action_erase", [request])
    ids = {
        "hid.kvkk.retention.rule": admin("ir.model.data", "xmlid_to_res_id",
                                         "hid_kvkk.rule_sms"),
        "hid.kvkk.destruction": admin("hid.kvkk.destruction", "search",
                                      [("request_id", "=", request)])[0],
        "hid.kvkk.access.log": admin("hid.kvkk.access.log", "search",
                                     [("res_id", "=", citizen), ("kind", "=", "tckn")])[0],
        "hid.kvkk.request": admin("hid.kvkk.request", "create", _request_vals(1)),
        "hid.kvkk.right": silme,
    }
    return {"admin": admin, "ids": ids, "citizen": citizen, "request": request}


def _create_vals(model):
    n = next(_counter)
    if model == "hid.kvkk.retention.rule":
        return {"name": "RPC kural %d" % n, "kind": "sms", "date_from": "creation",
                "period": 1, "period_unit": "years", "action": "delete"}
    if model == "hid.kvkk.destruction":
        return {"date": "2026-01-01 00:00:00", "run": "sahte", "user_id": 1,
                "kind": "sms", "action": "delete", "count": 1}
    if model == "hid.kvkk.access.log":
        return {"date": "2026-01-01 00:00:00", "user_id": 1, "model": "res.partner",
                "res_id": 1, "kind": "tckn"}
    if model == "hid.kvkk.request":
        return _request_vals(n)
    return {"name": "RPC hak %d" % n, "code": "rpc_%d" % n}


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
        vals = _create_vals(model)
        call = lambda: user(model, "create", vals)  # noqa: E731
    else:
        if model in ("hid.kvkk.destruction", "hid.kvkk.access.log"):
            victim = record
        else:
            victim = admin(model, "create", _create_vals(model))
        call = lambda: user(model, "unlink", [victim])  # noqa: E731
    allowed = role in POLICY[model][op]
    assert _denied(call) != allowed, "%s %s %s should be %s" % (
        role, op, model, "allowed" if allowed else "refused")


@pytest.mark.parametrize("model", ["hid.kvkk.destruction", "hid.kvkk.access.log"])
def test_logs_cannot_be_changed_even_by_the_administrator(server, world, model):
    admin, record = world["admin"], world["ids"][model]
    before = admin(model, "read", [record], list(WRITE[model]))
    for call in (lambda: admin(model, "write", [record], WRITE[model]),
                 lambda: admin(model, "unlink", [record]),
                 lambda: admin(model, "create", _create_vals(model))):
        with pytest.raises(xmlrpc.client.Fault):
            call()
    assert admin(model, "read", [record], list(WRITE[model])) == before


def test_reading_tckn_over_rpc_is_logged(server, world):
    agent = server.login("cagri.merkezi")
    uid = agent.uid
    partner = world["admin"]("res.partner", "create", {
        "name": "RPC Okunan", "hid_citizen": True, "mobile": "0532 765 33 44",
        "tckn": "10000000382"})
    agent("res.partner", "search_read", [("id", "=", partner)], ["name", "tckn"])
    agent("res.partner", "read", [partner], ["name"])  # no number: not logged
    director = server.login("him.mudur")
    lines = director("hid.kvkk.access.log", "search_read",
                     [("res_id", "=", partner), ("model", "=", "res.partner")],
                     ["user_id", "kind"])
    assert [(line["user_id"][0], line["kind"]) for line in lines] == [(uid, "tckn")]


def test_searching_by_tckn_over_rpc_is_logged(server, world):
    """Each search by a number — domain, count, name_search, read_group, a path from the
    applications, a number nobody has — is one line for the director, never in clear; a
    directorate's user may not search by it at all."""
    admin = world["admin"]
    partner = admin("res.partner", "create", {
        "name": "RPC Aranan", "hid_citizen": True, "mobile": "0532 765 55 66",
        "tckn": "10000003666"})
    agent = server.login("cagri.merkezi")
    assert agent("res.partner", "search", [("tckn", "=", "10000003666")]) == [partner]
    assert agent("res.partner", "search_count", [("tckn", "=", "10000003666")]) == 1
    assert [r[0] for r in agent("res.partner", "name_search", "10000003666")] == [partner]
    agent("res.partner", "read_group", [("tckn", "=", "10000003666")], ["hid_citizen"],
          ["hid_citizen"])
    assert agent("helpdesk.ticket", "search", [("partner_id.tckn", "=", "10000003666")]) == []
    assert agent("res.partner", "search", [("tckn", "=", "10000003734")]) == []
    agent("res.partner", "search", [("name", "=", "RPC Aranan")])  # no number: not logged
    with pytest.raises(xmlrpc.client.Fault):
        server.login("fen.kullanici")("helpdesk.ticket", "search",
                                      [("partner_id.tckn", "=", "10000003666")])
    director = server.login("him.mudur")
    lines = director("hid.kvkk.access.log", "search_read",
                     [("kind", "=", "tckn_search"), ("value", "in", ["100******66",
                                                                     "100******34"])],
                     ["user_id", "model", "res_ids", "value", "value_hash"], 0, 0, "id")
    assert [(line["user_id"][0], line["model"], line["res_ids"]) for line in lines] == [
        (agent.uid, "res.partner", str(partner)), (agent.uid, "res.partner", str(partner)),
        (agent.uid, "res.partner", str(partner)), (agent.uid, "res.partner", str(partner)),
        (agent.uid, "helpdesk.ticket", False), (agent.uid, "res.partner", False)]
    assert not any("10000003666" in str(line) or "10000003734" in str(line)
                   for line in lines)
    assert len({line["value_hash"] for line in lines}) == 2


def test_erasure_over_rpc(server, world):
    admin = world["admin"]
    card = admin("res.partner", "read", [world["citizen"]], ["name", "mobile"])[0]
    assert card["name"] == "Anonim vatandaş #%d" % world["citizen"]
    assert not card["mobile"]
    assert admin("hid.kvkk.request", "read", [world["request"]],
                 ["erasure_summary"])[0]["erasure_summary"]
