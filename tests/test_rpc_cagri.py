"""The call centre over real XML-RPC, as each role: every model × read, search, read_group,
write, create, unlink, against one policy table. Calls are made by the PBX (webhook)."""
import xmlrpc.client

import pytest

from test_webhook_cagri import EXTENSION, calls, cagri, pbx  # noqa: F401 (fixtures)

SUPERVISOR = "t.cagri.supervisor"
ROLES = ("him.mudur", SUPERVISOR, "him.personel", "cagri.merkezi", "fen.yonetici",
         "fen.kullanici")
# model → role → allowed operations ("own" = only the calls at the user's extension)
ALL = {"read", "search", "read_group", "write"}
POLICY = {
    "hid.call": {
        "him.mudur": ALL, SUPERVISOR: ALL,
        "him.personel": {"own"}, "cagri.merkezi": {"own"},
        "fen.yonetici": set(), "fen.kullanici": set(),
    },
    "hid.call.recording": {"him.mudur": {"read", "search", "read_group"},
                           SUPERVISOR: {"read", "search", "read_group"}},
    "hid.call.audit": {"him.mudur": {"read", "search", "read_group"},
                       SUPERVISOR: {"read", "search", "read_group"}},
    "hid.call.provider": {"him.mudur": {"read", "search", "read_group", "write", "create",
                                        "unlink"}},
}
WRITE_VALS = {"hid.call": {"notes": "RPC"}, "hid.call.recording": {"mimetype": "x"},
              "hid.call.audit": {"action": "play"}, "hid.call.provider": {"name": "RPC"}}
CREATE_VALS = {"hid.call": {"provider": "verimor", "pbx_call_id": "rpc-hand"},
               "hid.call.recording": {"call_id": 1},
               "hid.call.audit": {"action": "play", "call_id": 1, "user_id": 1,
                                  "date": "2026-12-01 10:00:00"},
               "hid.call.provider": {"name": "RPC PBX", "provider": "netgsm"}}


@pytest.fixture(scope="module")
def data(server, cagri, pbx):  # noqa: F811
    admin = cagri["admin"]
    if not admin("res.users", "search", [("login", "=", SUPERVISOR)]):
        group = admin("ir.model.data", "xmlid_to_res_id", "hid_cagri.group_hid_cagri_supervisor")
        admin("res.users", "create", {"name": "Çağrı Süpervizörü", "login": SUPERVISOR,
                                      "password": SUPERVISOR, "groups_id": [(6, 0, [group])],
                                      "hid_pbx_extension": "4999"})
    made = {}
    for name, extension in (("own", EXTENSION), ("other", "4999")):
        spec = pbx.add_call("verimor", extension=extension)
        for event in pbx.verimor_events(spec):
            assert pbx.send(cagri["url"]("verimor"), "verimor", event)[0] == 200
        made[name] = calls(cagri, spec["id"], ("id",))[0]["id"]
    cron = admin("ir.model.data", "xmlid_to_res_id", "hid_cagri.cron_fetch_recordings")
    admin("ir.cron", "method_direct_trigger", [cron])
    made["recording"] = admin("hid.call.recording", "search", [("call_id", "=", made["own"])])[0]
    made["audit"] = admin("hid.call.audit", "search", [("call_id", "=", made["own"])])[0]
    made["provider"] = admin("hid.call.provider", "search", [], limit=1)[0]
    return made


def _allowed(s, model, method, *args, **kw):
    try:
        s(model, method, *args, **kw)
        return True
    except xmlrpc.client.Fault:
        return False


def _record(data, model):
    return {"hid.call": data["other"], "hid.call.recording": data["recording"],
            "hid.call.audit": data["audit"], "hid.call.provider": data["provider"]}[model]


@pytest.mark.parametrize("login", ROLES)
@pytest.mark.parametrize("model", sorted(POLICY))
def test_policy(server, data, login, model):
    s = server.login(login)
    allowed = POLICY[model].get(login, set())
    rid = _record(data, model)
    field = "create_date"
    checks = {
        "read": _allowed(s, model, "read", [rid], [field]),
        "search": bool(_allowed(s, model, "search", [("id", "=", rid)]) and
                       s(model, "search", [("id", "=", rid)])),
        "read_group": bool(_allowed(s, model, "read_group", [("id", "=", rid)], [field],
                                    ["create_date:day"]) and
                           s(model, "read_group", [("id", "=", rid)], [field],
                             ["create_date:day"])),
        "write": _allowed(s, model, "write", [rid], WRITE_VALS[model]),
        "create": _allowed(s, model, "create", CREATE_VALS[model]),
    }
    for op, ok in checks.items():
        assert ok == (op in allowed), "%s %s %s: %s" % (login, op, model, ok)
    if "own" in allowed:
        own = data["own"] if login == "cagri.merkezi" else None
        visible = s(model, "search", [("id", "in", [data["own"], data["other"]])])
        assert visible == ([own] if own else []), "an agent sees only their own calls"
        if own:
            assert _allowed(s, model, "write", [own], {"notes": "aradım"})
            assert not _allowed(s, model, "write", [own], {"talk_seconds": 5})
    # Nobody deletes a call, a recording or a log line over RPC; the director a PBX.
    if model == "hid.call.provider" and "unlink" in allowed:
        new = s(model, "create", {"name": "silinecek", "provider": "netgsm"})
        assert _allowed(s, model, "unlink", [new])
    else:
        assert not _allowed(s, model, "unlink", [rid]), "%s unlink %s" % (login, model)


def test_secrets_are_never_read(server, data):
    for login in ROLES:
        s = server.login(login)
        for fname in ("token_hash", "api_key", "api_password"):
            if login == "him.mudur" and fname != "token_hash":
                continue
            assert not _allowed(s, "hid.call.provider", "read", [data["provider"]], [fname]), \
                (login, fname)
    for login in ROLES:
        assert not _allowed(server.login(login), "hid.call", "read", [data["own"]],
                            ["recording_url"]), login


def test_agent_and_mudurluk_never_reach_the_recording_file(server, data):
    admin = server.login("admin", "admin")
    attachment = admin("ir.attachment", "search", [("res_model", "=", "hid.call.recording"),
                                                   ("res_id", "=", data["recording"])])
    assert attachment
    for login in ROLES:
        s = server.login(login)
        assert not _allowed(s, "ir.attachment", "read", attachment, ["datas"]), login
        assert s("ir.attachment", "search", [("id", "in", attachment)]) == [], login


# ---------------------------------------------------------------
# Calls logged by hand: the agent logs one; nobody fakes a PBX call
# ---------------------------------------------------------------

AGENT = "cagri.merkezi"
MANUAL = {"direction": "inbound", "caller_number": "0532 777 88 99", "talk_seconds": 75,
          "outcome": "info_given", "notes": "Santral kapalıydı"}


def test_agent_logs_a_call_by_hand(server, data, cagri):  # noqa: F811
    s = server.login(AGENT)
    uid = s.uid
    call_id = s("hid.call", "create", MANUAL)
    call = s("hid.call", "read", [call_id], [
        "provider", "pbx_call_id", "caller_number", "partner_id", "agent_id", "status",
        "wait_seconds", "talk_seconds"])[0]
    assert (call["provider"], call["pbx_call_id"], call["agent_id"][0]) == ("manual", False, uid)
    assert call["caller_number"] == "+905327778899", "stored in E.164"
    assert call["partner_id"][0] == cagri["citizen"], "the citizen found by the number"
    assert (call["status"], call["wait_seconds"], call["talk_seconds"]) == ("answered", 0, 75)
    action = s("hid.call", "action_open_intake", [call_id])
    assert (action["context"]["default_phone"], action["context"]["default_hid_call_id"]) == \
        ("+905327778899", call_id), "a new application prefilled from it"
    assert _allowed(s, "hid.call", "write", [call_id], {"notes": "Bilgi verildi"}), \
        "his own manual call, the same day"
    # A bad number: a Turkish error, nothing stored.
    before = s("hid.call", "search_count", [("provider", "=", "manual")])
    with pytest.raises(xmlrpc.client.Fault) as caught:
        s("hid.call", "create", dict(MANUAL, caller_number="12"))
    assert "geçerli" in caught.value.faultString, caught.value.faultString
    assert s("hid.call", "search_count", [("provider", "=", "manual")]) == before


def test_nobody_fakes_a_pbx_call_over_rpc(server, data):
    s = server.login(AGENT)
    before = server.login("admin", "admin")("hid.call", "search_count", [])
    attacks = [
        {"provider": "verimor", "pbx_call_id": "rpc-fake-1", "direction": "inbound",
         "caller_number": "05327778899"},
        {"provider": "netgsm", "direction": "inbound", "caller_number": "05327778899"},
        dict(MANUAL, pbx_call_id="rpc-fake-2"),
        dict(MANUAL, agent_id=1),
        dict(MANUAL, recording_url="http://127.0.0.1/x.mp3"),
        dict(MANUAL, status="abandoned"),
        dict(MANUAL, wait_seconds=3),
    ]
    for vals in attacks:
        assert not _allowed(s, "hid.call", "create", vals), vals
    assert not _allowed(s, "hid.call", "create", MANUAL,
                        context={"default_provider": "verimor"}), "nor by the context"
    assert server.login("admin", "admin")("hid.call", "search_count", []) == before
    own_manual = s("hid.call", "create", MANUAL, context={"default_pbx_call_id": "ctx-3",
                                                          "default_agent_id": 1})
    made = s("hid.call", "read", [own_manual], ["pbx_call_id", "agent_id"])[0]
    assert (made["pbx_call_id"], made["agent_id"][0]) == (False, s.uid), \
        "the context's defaults are ignored"
    for call_id in (data["own"], own_manual):
        for vals in ({"provider": "manual"}, {"provider": "verimor"}, {"pbx_call_id": "z"},
                     {"talk_seconds": 1}, {"caller_number": "+905320000000"},
                     {"agent_id": 1}, {"start_time": "2026-12-01 10:00:00"}):
            assert not _allowed(s, "hid.call", "write", [call_id], vals), (call_id, vals)
        assert not _allowed(s, "hid.call", "unlink", [call_id])


def test_another_agents_manual_call_and_mudurluk(server, data):
    theirs = server.login(SUPERVISOR)("hid.call", "create", MANUAL)
    s = server.login(AGENT)
    assert s("hid.call", "search", [("id", "=", theirs)]) == []
    assert not _allowed(s, "hid.call", "read", [theirs], ["notes"])
    assert not _allowed(s, "hid.call", "write", [theirs], {"notes": "benim değil"})
    assert server.login("him.mudur")("hid.call", "search", [("id", "=", theirs)]) == [theirs], \
        "the director sees every call"
    for login in ("fen.yonetici", "fen.kullanici"):
        m = server.login(login)
        assert not _allowed(m, "hid.call", "create", MANUAL), login
        assert not _allowed(m, "hid.call", "read", [theirs], ["caller_number"]), login
        assert not _allowed(m, "hid.call", "search", [("provider", "=", "manual")]), login
