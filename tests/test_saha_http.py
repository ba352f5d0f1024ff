"""The field page's endpoints over real HTTP: sessions, CSRF, 400s with Turkish messages,
a capture posted twice (also at the same instant) making one application, Leaflet and the
service worker served from their routes."""
import base64
import struct
import threading
import uuid
import zlib

import pytest
import requests

CT = "application/vnd.hid-saha+json"


def png(width=4, height=3):
    """A small valid PNG made here (no image library in the test venv)."""
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def web_session(server, login):
    session = requests.Session()
    answer = session.post(server.url + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "params": {"db": server.db, "login": login, "password": login}},
        timeout=30)
    assert answer.json()["result"]["uid"], login
    return session


def token(server, session):
    answer = session.get(server.url + "/saha/api/token", timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["csrf_token"]


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


@pytest.fixture(scope="module")
def saha(server):
    return web_session(server, "saha.personel")


@pytest.fixture(scope="module")
def options(admin):
    category = admin("helpdesk.ticket.category", "search",
                     [("team_id.code", "=", "FEN")], limit=1)[0]
    mahalle = admin("hid.mahalle", "search", [("name", "=", "Sarıgazi")])[0]
    return {"category_id": category, "mahalle_id": mahalle}


def capture(options, **values):
    data = dict(options, client_id=str(uuid.uuid4()), description="Sokak lambası yanmıyor",
                latitude=41.0012, longitude=29.2288, accuracy=12.5, address="Lale Sk.",
                citizen_name="", citizen_phone="", kvkk=False,
                photos=["data:image/png;base64," + base64.b64encode(png()).decode()])
    data.update(values)
    return data


def post(server, session, body, path="/saha/api/sync", content_type=CT, **headers):
    headers["Content-Type"] = content_type
    return session.post(server.url + path, data=body if isinstance(body, (bytes, str))
                        else __import__("json").dumps(body), headers=headers, timeout=60)


def test_anonymous_gets_login_and_401(server):
    anon = requests.Session()
    page = anon.get(server.url + "/saha", allow_redirects=False, timeout=30)
    assert page.status_code in (302, 303) and "/web/login" in page.headers["Location"]
    assert anon.get(server.url + "/saha/api/token", timeout=30).status_code == 401
    answer = post(server, anon, {"csrf_token": "x"})
    assert answer.status_code == 401
    assert "oturum" in answer.json()["error"].lower()


def test_other_roles_are_refused(server, options):
    fen = web_session(server, "fen.kullanici")
    assert fen.get(server.url + "/saha", timeout=30).status_code == 403
    assert fen.get(server.url + "/saha/api/token", timeout=30).status_code == 403
    answer = post(server, fen, dict(capture(options), csrf_token="x"))
    assert answer.status_code == 403
    assert "saha" in answer.json()["error"].lower()


def test_page_is_turkish_for_a_phone(server, saha):
    page = saha.get(server.url + "/saha", timeout=30)
    assert page.status_code == 200
    assert 'capture="environment"' in page.text
    assert "Yeni Başvuru" in page.text and "Kaydet" in page.text
    assert 'name="viewport"' in page.text
    assert "o_web_client" not in page.text, "no back-office chrome"


def test_csrf_content_type_and_origin(server, saha, options):
    body = capture(options)
    assert post(server, saha, body).status_code == 403, "no token"
    assert post(server, saha, dict(body, csrf_token="0" * 40 + "o1")).status_code == 403
    good = dict(body, csrf_token=token(server, saha))
    # a cross-site form can send these types (no preflight): refused
    assert post(server, saha, good, content_type="text/plain").status_code == 415
    assert post(server, saha, good, content_type="application/x-www-form-urlencoded"
                ).status_code == 415
    answer = post(server, saha, good, Origin="https://evil.example")
    assert answer.status_code == 403
    assert post(server, saha, good, Origin=server.url).status_code == 200


def test_bad_input_is_a_400_in_turkish_and_saves_nothing(server, saha, admin, options):
    csrf = token(server, saha)
    before = admin("helpdesk.ticket", "search_count", [])
    for values, text in (
            ({"description": ""}, "açıklama"),
            ({"mahalle_id": None}, "mahalle"),
            ({"category_id": 999999}, "kategori"),
            ({"latitude": 123}, "konum"),
            ({"citizen_name": "Ali Veli", "citizen_phone": "0532 000 00 01", "kvkk": False},
             "KVKK"),
            ({"citizen_phone": "12ab", "kvkk": True}, "telefon"),
            ({"photos": ["data:application/pdf;base64,"
                         + base64.b64encode(b"%PDF-1.4").decode()]}, "JPEG"),
            ({"photos": ["x"] * 6}, "En fazla"),
            ({"client_id": "1234"}, "kimli")):
        answer = post(server, saha, dict(capture(options, **values), csrf_token=csrf))
        assert answer.status_code == 400, (values, answer.text)
        assert text.lower() in answer.json()["error"].lower(), (values, answer.json())
    answer = post(server, saha, b"{not json")
    assert answer.status_code == 400 and answer.json()["error"]
    assert admin("helpdesk.ticket", "search_count", []) == before


def test_oversized_body_is_413(server, saha):
    answer = post(server, saha, b"{" + b" " * (21 * 1024 * 1024) + b"}")
    assert answer.status_code == 413


def _ticket(admin, client_id):
    return admin("helpdesk.ticket", "search_read", [("hid_saha_client_id", "=", client_id)],
                 fields=["number", "channel_id", "team_id", "hid_saha_user_id", "latitude"])


def test_capture_and_repeat_give_one_application(server, saha, admin, options):
    body = dict(capture(options), csrf_token=token(server, saha))
    first = post(server, saha, body)
    assert first.status_code == 200, first.text
    assert first.json()["created"] is True
    again = post(server, saha, body)
    assert again.status_code == 200
    assert again.json() == {"number": first.json()["number"], "created": False}
    tickets = _ticket(admin, body["client_id"])
    assert len(tickets) == 1
    assert tickets[0]["number"] == first.json()["number"]
    assert tickets[0]["channel_id"][1] == "Saha"
    assert tickets[0]["team_id"][1] == "Fen İşleri Müdürlüğü"
    assert tickets[0]["hid_saha_user_id"][1].startswith("Murat")


def test_concurrent_double_post_makes_one_application(server, saha, admin, options):
    body = dict(capture(options), csrf_token=token(server, saha))
    second = web_session(server, "saha.personel")
    body2 = dict(body, csrf_token=token(server, second))
    barrier = threading.Barrier(2)
    answers = [None, None]

    def send(index, session, payload):
        barrier.wait()
        answers[index] = post(server, session, payload)

    threads = [threading.Thread(target=send, args=(0, saha, body)),
               threading.Thread(target=send, args=(1, second, body2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
    numbers = {a.json()["number"] for a in answers}
    assert len(numbers) == 1
    assert sorted(a.json()["created"] for a in answers) == [False, True]
    assert len(_ticket(admin, body["client_id"])) == 1


def test_leaflet_and_service_worker_routes(server):
    anon = requests.Session()
    js = anon.get(server.url + "/hid/lib/leaflet/leaflet.js", timeout=30)
    assert js.status_code == 200 and "javascript" in js.headers["Content-Type"]
    assert "Leaflet" in js.text[:500]
    css = anon.get(server.url + "/hid/lib/leaflet/leaflet.css", timeout=30)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")
    assert anon.get(server.url + "/hid/lib/leaflet/images/marker-icon.png",
                    timeout=30).status_code == 200
    for bad in ("leaflet.js.map", "../package.json", "..%2F..%2Fpackage.json", "x.js"):
        assert anon.get(server.url + "/hid/lib/leaflet/" + bad, timeout=30).status_code == 404
    sw = anon.get(server.url + "/saha/sw.js", timeout=30)
    assert sw.status_code == 200
    assert sw.headers["Service-Worker-Allowed"] == "/saha"
    assert "javascript" in sw.headers["Content-Type"]
