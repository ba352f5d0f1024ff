"""Logins and passwords over real HTTP: OCA auth_brute_force bans a login after 5 wrong
passwords from the same address (the right one is then refused too), and OCA
password_security refuses a weak new password with a Turkish message (README "Logins and
passwords"). The test cleans the attempts it caused, so the suite's logins from 127.0.0.1
stay allowed."""
import uuid

import pytest
import requests

VICTIM = "temizlik.kullanici"


def _authenticate(server, login, password):
    return server.rpc("common").authenticate(server.db, login, password, {})


def _clear_attempts(admin, login):
    ids = admin("res.authentication.attempt", "search", [("login", "=", login)])
    if ids:
        admin("res.authentication.attempt", "unlink", ids)


def test_brute_force_bans_the_login_then_cleans_up(server):
    admin = server.login("admin", "admin")
    params = dict((p["key"], p["value"]) for p in admin(
        "ir.config_parameter", "search_read",
        [("key", "like", "auth_brute_force.")], fields=["key", "value"]))
    assert params.get("auth_brute_force.max_by_ip_user") == "5"
    assert params.get("auth_brute_force.max_by_ip") == "20"
    assert not params.get("auth_brute_force.whitelist_remotes"), "nothing whitelisted"
    _clear_attempts(admin, VICTIM)
    try:
        assert _authenticate(server, VICTIM, VICTIM), "the right password works at first"
        for i in range(5):
            assert not _authenticate(server, VICTIM, "yanlis-%d" % i)
        assert not _authenticate(server, VICTIM, VICTIM), \
            "after 5 wrong passwords the right one is refused as well"
        results = [a["result"] for a in admin(
            "res.authentication.attempt", "search_read", [("login", "=", VICTIM)],
            fields=["result", "remote"], order="id")]
        assert results[-6:] == ["failed"] * 5 + ["banned"], results
        # The ban is for that login from that address, not for the whole office's address.
        assert _authenticate(server, "fen.kullanici", "fen.kullanici")
        # The web login page refuses it with the usual message (nothing tells the attacker).
        web = requests.Session()
        web.headers["Accept-Language"] = "tr-TR,tr;q=0.9"
        page = web.get(server.url + "/web/login", timeout=30).text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        res = web.post(server.url + "/web/login", timeout=30, data={
            "login": VICTIM, "password": VICTIM, "csrf_token": token, "db": server.db})
        assert "Yanlış giriş/şifre" in res.text
        assert "o_web_client" not in res.text
    finally:
        _clear_attempts(admin, VICTIM)
    assert _authenticate(server, VICTIM, VICTIM), "unbanned once its attempts are removed"


def _json(session, url, params):
    res = session.post(url, json={"jsonrpc": "2.0", "method": "call", "params": params,
                                  "id": 1}, timeout=60)
    res.raise_for_status()
    return res.json()


def _change(server, web, old, new):
    return _json(web, server.url + "/web/session/change_password", {"fields": [
        {"name": "old_pwd", "value": old}, {"name": "new_password", "value": new},
        {"name": "confirm_pwd", "value": new}]})


@pytest.fixture
def fresh_user(server):
    admin = server.login("admin", "admin")
    login = "sifre.%s" % uuid.uuid4().hex[:6]
    start = "Baslangic-2026"
    uid = admin("res.users", "create", {
        "name": "Şifre Deneme", "login": login, "password": start, "lang": "tr_TR",
        "groups_id": [(6, 0, [admin("ir.model.data", "xmlid_to_res_id", "base.group_user")])]})
    yield login, start
    admin("res.users", "write", [uid], {"active": False})
    _clear_attempts(admin, login)


def test_weak_password_refused_in_turkish(server, fresh_user):
    login, start = fresh_user
    web = requests.Session()
    auth = _json(web, server.url + "/web/session/authenticate",
                 {"db": server.db, "login": login, "password": start})
    assert auth.get("result", {}).get("uid"), auth
    for weak in ("kisa", "sancaktepebelediyesi", "Sancaktepe2026"):
        answer = _change(server, web, start, weak)
        message = answer.get("error", {}).get("data", {}).get("message", "")
        assert "Yeni şifre şunları içermelidir:" in message, answer
        assert "En az 10 karakter uzunluk" in message
        assert "özel karakter" in message
        assert _authenticate(server, login, start), "the old password still works"
    strong = "Sancaktepe-2026!"
    answer = _change(server, web, start, strong)
    assert answer.get("result", {}).get("new_password") == strong, answer
    assert _authenticate(server, login, strong)
    # History: the previous password cannot come back (a new session: the change ended it).
    web = requests.Session()
    _json(web, server.url + "/web/session/authenticate",
          {"db": server.db, "login": login, "password": strong})
    answer = _change(server, web, strong, start)
    message = answer.get("error", {}).get("data", {}).get("message", "")
    assert "Son 10 şifreden biri yeniden kullanılamaz" in message, answer
    assert not _authenticate(server, login, start)
