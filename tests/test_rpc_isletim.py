"""Login attempts (OCA auth_brute_force) over XML-RPC: every HİD role × read, search,
read_group, write, create, unlink is refused or sees nothing; the administrator reads them.
And a login attempt's ban still works for those roles (the check reads as the system)."""
import xmlrpc.client

import pytest

from conftest import DEMO_USERS

MODEL = "res.authentication.attempt"
ROLES = sorted(DEMO_USERS) + ["evrak.kayit"]


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


@pytest.mark.parametrize("login", ROLES)
def test_roles_see_no_login_attempts(server, admin, login):
    s = server.login(login)
    assert admin(MODEL, "search_count", [("login", "=", login)]) >= 1, "the login was recorded"
    assert s(MODEL, "search", []) == [], "no attempt of anyone, not even one's own"
    assert s(MODEL, "search_read", [], fields=["login", "remote"]) == []
    assert s(MODEL, "read_group", [], ["login"], ["login"]) == []
    some = admin(MODEL, "search", [], limit=1)
    with pytest.raises(xmlrpc.client.Fault):
        s(MODEL, "read", some, ["login", "remote"])
    with pytest.raises(xmlrpc.client.Fault):
        s(MODEL, "write", some, {"result": "successful"})
    with pytest.raises(xmlrpc.client.Fault):
        s(MODEL, "create", {"login": "x", "remote": "10.0.0.1", "result": "successful"})
    with pytest.raises(xmlrpc.client.Fault):
        s(MODEL, "unlink", some)


def test_admin_reads_them(admin):
    rows = admin(MODEL, "search_read", [], fields=["login", "remote", "result"], limit=5)
    assert rows and all(r["remote"] for r in rows)
