"""helpdesk_mgmt's portal routes act as the logged-in user: no stage change or new application
through /ticket/close or /submitted/ticket that the user could not make over RPC.
/ticket/close takes a POST with the CSRF token only, and moves through the lifecycle."""
import re

import pytest
import requests

STAGE_IN_PROGRESS = "hid_basvuru.stage_in_progress"


class Web:
    """A browser-like HTTP session of one user, logged in through /web/session/authenticate."""

    def __init__(self, server, login):
        self.server, self.http = server, requests.Session()
        reply = self.http.post(server.url + "/web/session/authenticate", timeout=30, json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"db": server.db, "login": login, "password": login}}).json()
        assert reply.get("result", {}).get("uid"), "%s logs in: %s" % (login, reply)

    def get(self, path, **params):
        return self.http.get(self.server.url + path, params=params, allow_redirects=False,
                             timeout=30)

    def post(self, path, data, files=None):
        return self.http.post(self.server.url + path, data=data, files=files,
                              allow_redirects=False, timeout=30)

    def close(self, **params):
        """POST /ticket/close with the session's CSRF token, as a form would."""
        return self.post("/ticket/close", dict(params, csrf_token=self.csrf_token()))

    def csrf_token(self):
        page = self.http.get(self.server.url + "/web", timeout=30)
        return re.search(r'csrf_token\s*[:=]\s*"([^"]+)"', page.text).group(1)


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


@pytest.fixture(scope="module")
def data(server, admin):
    """One application in Fen İşleri and one in Temizlik İşleri, and the stages to move to."""
    teams = dict((t["code"], t["id"]) for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"]))
    tickets = {code: admin("helpdesk.ticket", "create", {
        "name": "Kapatma testi %s" % code, "description": "x", "team_id": teams[code]})
        for code in ("FEN", "TEM")}
    return dict(
        tickets,
        closed=admin("helpdesk.ticket.stage", "search", [("closed", "=", True)], limit=1)[0],
        in_progress=admin("ir.model.data", "xmlid_to_res_id", STAGE_IN_PROGRESS),
    )


def _stage(admin, ticket_id):
    return admin("helpdesk.ticket", "read", [ticket_id], ["stage_id"])[0]["stage_id"][0]


def test_get_and_post_without_token_are_refused(server, admin, data):
    """helpdesk_mgmt's route moved a stage on a GET: a link or an image in an e-mail could."""
    before = _stage(admin, data["FEN"])
    fen = Web(server, "fen.kullanici")
    response = fen.get("/ticket/close", ticket_id=data["FEN"], stage_id=data["in_progress"])
    assert response.status_code == 405, response.text[:500]
    response = fen.post("/ticket/close", {"ticket_id": data["FEN"],
                                          "stage_id": data["in_progress"]})
    assert response.status_code == 400, "POST without the CSRF token: %s" % response.text[:500]
    response = fen.post("/ticket/close", {"ticket_id": data["FEN"],
                                          "stage_id": data["in_progress"],
                                          "csrf_token": "forged"})
    assert response.status_code == 400, response.text[:500]
    assert _stage(admin, data["FEN"]) == before, "nothing moved"


def test_other_mudurluk_cannot_close(server, admin, data):
    before = _stage(admin, data["TEM"])
    fen = Web(server, "fen.kullanici")
    response = fen.close(ticket_id=data["TEM"], stage_id=data["closed"])
    assert response.status_code == 403, response.text[:500]
    assert _stage(admin, data["TEM"]) == before, "the stage of the other müdürlük's is unchanged"


def test_user_without_write_right_refused(server, admin, data):
    """A user with no ACL to write tickets at all (a plain employee) is refused as well."""
    login = "t.close.employee"
    if not admin("res.users", "search", [("login", "=", login)]):
        admin("res.users", "create", {"name": "Close Employee", "login": login,
                                      "password": login})
    before = _stage(admin, data["FEN"])
    response = Web(server, login).close(ticket_id=data["FEN"], stage_id=data["closed"])
    assert response.status_code == 403, response.text[:500]
    assert _stage(admin, data["FEN"]) == before


@pytest.mark.parametrize("params", [
    {"ticket_id": "abc", "stage_id": "1"},
    {"ticket_id": "1 OR 1=1", "stage_id": "1"},
    {"stage_id": "1"},
    {"ticket_id": "1"},
    {"ticket_id": "99999999999999999999", "stage_id": "1"},
    {"ticket_id": "-3", "stage_id": "1"},
])
def test_bad_parameters_are_400(server, params):
    response = Web(server, "fen.kullanici").close(**params)
    assert response.status_code == 400, response.text[:500]
    assert "kayıt numarası" in response.text or "record number" in response.text


def test_unknown_ticket_or_stage(server, data):
    """No 404 for an unknown ticket: it would tell which ids exist (and website's 404 page
    fails on routes that are not website routes)."""
    fen = Web(server, "fen.kullanici")
    assert fen.close(ticket_id=2 ** 31 - 1, stage_id=data["closed"]).status_code == 403
    assert fen.close(ticket_id=data["FEN"], stage_id=2 ** 31 - 1).status_code == 400


def test_not_logged_in_goes_to_login(server, admin, data):
    before = _stage(admin, data["TEM"])
    response = requests.post(server.url + "/ticket/close", allow_redirects=False, timeout=30,
                             data={"ticket_id": data["TEM"], "stage_id": data["closed"]})
    assert response.status_code in (302, 303) and "/web/login" in response.headers["Location"]
    assert _stage(admin, data["TEM"]) == before


def test_closing_needs_the_close_form(server, admin, data):
    """A closure needs a closure state and an answer: not a bare stage change, not even for
    the directorate."""
    before = _stage(admin, data["TEM"])
    response = Web(server, "him.personel").close(ticket_id=data["TEM"], stage_id=data["closed"])
    assert response.status_code == 400, response.text[:500]
    assert _stage(admin, data["TEM"]) == before


def test_only_the_mudurluk_starts_work(server, admin, data):
    before = _stage(admin, data["FEN"])
    response = Web(server, "him.personel").close(ticket_id=data["FEN"],
                                                 stage_id=data["in_progress"])
    assert response.status_code == 403, "İşe Başla is the müdürlük's: %s" % response.text[:500]
    assert _stage(admin, data["FEN"]) == before
    response = Web(server, "fen.kullanici").close(ticket_id=data["FEN"],
                                                  stage_id=data["in_progress"])
    assert response.status_code in (302, 303), response.text[:500]
    assert response.headers["Location"].endswith("/my/ticket/%d" % data["FEN"])
    assert _stage(admin, data["FEN"]) == data["in_progress"]


def _submit(web, subject, **extra):
    return web.post("/submitted/ticket", dict(
        {"csrf_token": web.csrf_token(), "subject": subject, "description": "Portal formu"},
        **extra), files={"attachment": ("not.txt", b"ek dosya")})


def test_submit_refused_without_create_right(server, admin):
    """helpdesk_mgmt created the ticket with sudo: a müdürlük user could create applications."""
    response = _submit(Web(server, "fen.kullanici"), "Yetkisiz başvuru")
    assert response.status_code == 403, response.text[:500]
    assert not admin("helpdesk.ticket", "search", [("name", "=", "Yetkisiz başvuru")])


def test_submit_is_for_the_user_own_partner(server, admin):
    """The applicant is the user, not whichever partner matches a posted name and e-mail."""
    other = admin("res.partner", "create", {"name": "Başka Vatandaş",
                                            "email": "baska@example.com"})
    response = _submit(Web(server, "him.personel"), "Portal başvurusu",
                       name="Başka Vatandaş", email="baska@example.com")
    assert response.status_code in (302, 303), response.text[:500]
    rows = admin("helpdesk.ticket", "search_read", [("name", "=", "Portal başvurusu")],
                 ["partner_id", "partner_email", "channel_id"])
    assert len(rows) == 1
    me = admin("res.users", "search_read", [("login", "=", "him.personel")], ["partner_id"])[0]
    assert rows[0]["partner_id"][0] == me["partner_id"][0] != other
    assert rows[0]["partner_email"] != "baska@example.com"
    assert admin("ir.attachment", "search_count", [("res_model", "=", "helpdesk.ticket"),
                                                   ("res_id", "=", rows[0]["id"])]) == 1


def test_submit_without_subject_is_400(server):
    response = _submit(Web(server, "him.personel"), "")
    assert response.status_code == 400, response.text[:500]
