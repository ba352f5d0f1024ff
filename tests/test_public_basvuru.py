"""The citizens' public pages over real HTTP: /basvuru (the application form) and
/basvuru/sorgula (the status page), checked from outside and, over XML-RPC as admin, inside."""
import re

import pytest
import requests

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
# hid_basvuru/lib/upload.py MAX_REQUEST_SIZE (15 MB of files + 1 MB)
MAX_REQUEST_SIZE = 16 * 1024 * 1024
TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def admin(server):
    session = server.login("admin", "admin")
    _reset_limits(session)
    yield session
    _reset_limits(session)


def _reset_limits(admin):
    """Forget the counters: every request of these tests comes from 127.0.0.1."""
    admin("ir.config_parameter", "set_param", "hid_basvuru.rate.basvuru.form", "")
    admin("ir.config_parameter", "set_param", "hid_basvuru.rate.basvuru.status", "")
    admin("hid.rate.limit", "unlink", admin("hid.rate.limit", "search", []))


def _browser_session():
    """A citizen's browser: Turkish, with the cookies of the site."""
    session = requests.Session()
    session.headers["Accept-Language"] = "tr-TR,tr;q=0.9"
    return session


def _options(html, name):
    select = re.search(r'<select[^>]*name="%s".*?</select>' % name, html, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


def _form(server, session, **values):
    """GET the form, then the values of a valid application with its CSRF token."""
    page = session.get(server.url + "/basvuru", timeout=30)
    assert page.status_code == 200
    data = {
        "csrf_token": TOKEN_RE.search(page.text).group(1),
        "basvuru_type_id": _options(page.text, "basvuru_type_id")[0],
        "category_id": _options(page.text, "category_id")[0],
        "mahalle_id": _options(page.text, "mahalle_id")[0],
        "description": "Parkın aydınlatması yanmıyor.",
        "address": "Menekşe Sk. 3",
        "name": "Zeynep Kaya",
        "phone": "0535 222 33 44",
        "kvkk": "1",
    }
    data.update(values)
    return data


def _number(html):
    found = re.search(r'id="hid_tracking_number">([^<]+)<', html)
    return found and found.group(1).strip()


def _ticket(admin, number, fields):
    ids = admin("helpdesk.ticket", "search", [("number", "=", number)])
    assert len(ids) == 1, "application %s exists once" % number
    return admin("helpdesk.ticket", "read", ids, fields, context={"lang": "tr_TR"})[0]


def test_form_has_csrf_token_and_kvkk(server, admin):
    page = _browser_session().get(server.url + "/basvuru", timeout=30)
    assert page.status_code == 200
    assert TOKEN_RE.search(page.text), "the form carries a CSRF token"
    assert 'name="kvkk"' in page.text and 'id="hid_kvkk_text"' in page.text
    assert 'name="hp_fax"' in page.text, "the honeypot is there"
    assert 'lang="tr-TR"' in page.text, "served in Turkish"


def test_post_without_token_is_refused(server, admin):
    session = _browser_session()
    data = _form(server, session)
    before = admin("helpdesk.ticket", "search_count", [])
    del data["csrf_token"]
    answer = session.post(server.url + "/basvuru", data=data, timeout=30)
    assert answer.status_code in (400, 403)
    answer = session.post(server.url + "/basvuru", data=dict(data, csrf_token="x" * 40),
                          timeout=30)
    assert answer.status_code in (400, 403)
    assert admin("helpdesk.ticket", "search_count", []) == before, "nothing created"


def test_valid_post_gives_number_and_stores_markup_as_text(server, admin):
    session = _browser_session()
    data = _form(server, session, description="<script>alert('x')</script> Işık yok",
                 name="<b>Zeynep</b> Kaya")
    answer = session.post(server.url + "/basvuru", data=data,
                          files=[("files", ("direk.png", PNG, "image/png"))], timeout=30)
    assert answer.status_code == 200, answer.text[:500]
    number = _number(answer.text)
    assert re.match(r"^\d{4}-\d{6}$", number or ""), "a tracking number on screen"
    assert 'id="hid_sms_notice"' in answer.text, "a mobile number: sent by SMS too"
    ticket = _ticket(admin, number, ["description", "channel_id", "kvkk_notice_given",
                                     "partner_id", "partner_name"])
    assert ticket["channel_id"][1] == "Web"
    assert ticket["kvkk_notice_given"]
    assert "<script" not in ticket["description"]
    assert "&lt;script&gt;" in ticket["description"], "the citizen's markup is kept as text"
    assert ticket["partner_name"] == "<b>Zeynep</b> Kaya"
    attachments = admin("ir.attachment", "search_read",
                        [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket["id"])],
                        ["mimetype", "datas_fname"])
    found = [(a["mimetype"], a["datas_fname"]) for a in attachments]
    assert found == [("image/png", "direk.png")], "the photo, its type read from its bytes"


def test_bad_input_gets_turkish_messages_and_saves_nothing(server, admin):
    session = _browser_session()
    tickets = admin("helpdesk.ticket", "search_count", [])
    partners = admin("res.partner", "search_count", [])
    data = _form(server, session, phone="0535 22", name="Hatalı Numara",
                 tckn="12345678901")
    answer = session.post(server.url + "/basvuru", data=data,
                          files=[("files", ("virus.jpg", b"MZ\x90\x00" * 50, "image/jpeg"))],
                          timeout=30)
    assert answer.status_code == 400
    errors = dict(re.findall(r'data-field="(\w+)">([^<]+)<', answer.text))
    assert "geçerli bir telefon numarası değil" in errors.get("phone", ""), errors
    assert "T.C. kimlik" in errors.get("tckn", ""), errors
    assert "virus.jpg" in errors.get("files", ""), "type sniffed from the content"
    assert 'value="Hatalı Numara"' in answer.text, "the user's input is kept"
    assert admin("helpdesk.ticket", "search_count", []) == tickets, "no application"
    assert admin("res.partner", "search_count", []) == partners, "no citizen"


def test_malformed_values_are_a_400_not_a_500(server, admin):
    session = _browser_session()
    data = _form(server, session, basvuru_type_id="1; DROP TABLE", category_id="9" * 30,
                 mahalle_id="", latitude="NaN", longitude="1e999", kvkk="",
                 description="\x00" + "x" * 6000)
    answer = session.post(server.url + "/basvuru", data=data, timeout=30)
    assert answer.status_code == 400
    errors = dict(re.findall(r'data-field="(\w+)">([^<]+)<', answer.text))
    assert {"basvuru_type_id", "category_id", "mahalle_id", "latitude", "kvkk",
            "description"} <= set(errors), errors


def test_oversized_request_is_413(server, admin):
    session = _browser_session()
    data = _form(server, session)
    before = admin("helpdesk.ticket", "search_count", [])
    answer = session.post(server.url + "/basvuru", data=data, timeout=120,
                          files=[("files", ("big.pdf", b"%PDF-" + b"0" * MAX_REQUEST_SIZE,
                                            "application/pdf"))])
    assert answer.status_code == 413
    assert 'id="hid_public_message"' in answer.text, "with a message"
    assert admin("helpdesk.ticket", "search_count", []) == before


def test_too_many_requests_from_one_ip_is_429(server, admin):
    session = _browser_session()
    _reset_limits(admin)
    admin("ir.config_parameter", "set_param", "hid_basvuru.rate.basvuru.form", "3/3600")
    try:
        data = _form(server, session, kvkk="")  # invalid: cheap, and they still count
        codes = [session.post(server.url + "/basvuru", data=data, timeout=30).status_code
                 for _i in range(4)]
        assert codes == [400, 400, 400, 429], codes
        admin("ir.config_parameter", "set_param", "hid_basvuru.rate.basvuru.status", "2/600")
        codes = [session.post(server.url + "/basvuru/sorgula", timeout=30, data={
            "csrf_token": data["csrf_token"], "no": "2026-999999", "phone": "0535 222 33 44",
        }).status_code for _i in range(3)]
        assert codes == [404, 404, 429], codes
    finally:
        _reset_limits(admin)


def test_status_page_right_pair_and_identical_misses(server, admin):
    session = _browser_session()
    data = _form(server, session, phone="0536 111 00 99")
    number = _number(session.post(server.url + "/basvuru", data=data, timeout=30).text)
    assert number
    prefill = session.get(server.url + "/basvuru/sorgula", params={"no": number}, timeout=30)
    assert prefill.status_code == 200 and 'value="%s"' % number in prefill.text

    def query(no, phone):
        return session.post(server.url + "/basvuru/sorgula", timeout=30, data={
            "csrf_token": data["csrf_token"], "no": no, "phone": phone})

    right = query(number, "+90 536 111 00 99")
    assert right.status_code == 200
    stage = re.search(r'id="hid_status_stage">([^<]+)<', right.text).group(1)
    ticket = _ticket(admin, number, ["stage_id", "team_id"])
    assert stage.startswith(ticket["stage_id"][1]), "the Turkish stage name"
    assert ticket["team_id"][1] in right.text, "the müdürlük"
    assert "Zeynep" not in right.text and "0536" not in right.text, "no personal data"

    wrong_phone, unknown = query(number, "0536 111 00 98"), query("2099-000001", "05361110099")
    assert wrong_phone.status_code == unknown.status_code == 404

    def without_token(text):
        return TOKEN_RE.sub("", text)

    assert without_token(wrong_phone.text) == without_token(unknown.text), \
        "a wrong phone and an unknown number look exactly alike"
    assert 'id="hid_status_not_found"' in unknown.text


def test_browser_submits_on_a_phone_and_follows_the_application(server, admin, page,
                                                                screenshots):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.grant_permissions(["geolocation"], origin=server.url)
    page.context.set_geolocation({"latitude": 41.0003, "longitude": 29.2279})
    page.goto(server.url + "/basvuru")
    page.select_option("#hid_basvuru_type_id", index=1)
    page.select_option("#hid_category_id", index=1)
    page.select_option("#hid_mahalle_id", index=1)
    page.fill("#hid_description", "Sokak lambası yanmıyor, akşamları karanlık.")
    page.fill("#hid_name", "Emre Tarayıcı")
    page.fill("#hid_phone", "0537 444 55 66")
    page.check("#hid_kvkk")
    page.click("#hid_locate")
    page.wait_for_function("document.getElementById('hid_latitude').value !== ''",
                           timeout=15000)
    page.screenshot(path=str(screenshots / "public_form_phone.png"), full_page=True)
    page.click("#hid_submit")
    page.wait_for_selector("#hid_tracking_number", timeout=30000)
    number = page.inner_text("#hid_tracking_number").strip()
    assert re.match(r"^\d{4}-\d{6}$", number), number
    page.screenshot(path=str(screenshots / "public_form_done.png"), full_page=True)
    page.click("#hid_status_link")
    assert page.input_value("#hid_no") == number, "the number is filled in from ?no="
    page.fill("#hid_status_phone", "0537 444 55 66")
    page.click("#hid_query")
    page.wait_for_selector("#hid_status_stage", timeout=30000)
    ticket = _ticket(admin, number, ["stage_id", "latitude", "longitude"])
    assert page.inner_text("#hid_status_stage").startswith(ticket["stage_id"][1])
    assert (round(ticket["latitude"], 4), round(ticket["longitude"], 4)) == (41.0003, 29.2279), \
        "'Use my location' filled the map point"
    page.screenshot(path=str(screenshots / "public_status_phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone (%spx)" % width
    assert page.js_errors == [], page.js_errors


def test_wrong_encoding_and_honeypot(server, admin):
    session = _browser_session()
    data = _form(server, session)
    before = admin("helpdesk.ticket", "search_count", [])
    # Latin-5 bytes where UTF-8 is expected: decoded with replacement, refused politely.
    body = ("csrf_token=%s&name=%%FE%%FD&phone=%%FF%%FE&kvkk=1" % data["csrf_token"]).encode()
    answer = session.post(server.url + "/basvuru", data=body, timeout=30, headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status_code == 400, answer.status_code
    assert 'data-field="phone"' in answer.text
    answer = session.post(server.url + "/basvuru", data=dict(data, hp_fax="http://spam.example"),
                          timeout=30)
    assert answer.status_code == 200 and "hid_tracking_number" not in answer.text, \
        "a bot is told nothing went wrong, and gets no number"
    answer = session.post(server.url + "/basvuru/sorgula", timeout=30,
                          data={"csrf_token": data["csrf_token"], "no": "x" * 40000})
    assert answer.status_code == 413
    assert admin("helpdesk.ticket", "search_count", []) == before, "nothing created"
