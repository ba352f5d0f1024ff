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
