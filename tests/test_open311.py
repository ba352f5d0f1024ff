"""Open311 GeoReport v2 over real HTTP: discovery, services, POST/GET requests in JSON and XML,
errors in the spec's format, and the OpenAPI description checked against real responses."""
import json
from concurrent.futures import ThreadPoolExecutor
from xml.etree import ElementTree

import jsonschema
import pytest
import requests
from openapi_spec_validator import validate

PERSONAL = ("Ali", "Veli", "0532", "+90532", "ali@example.com")


@pytest.fixture(scope="module")
def api(server):
    return server.url + "/open311/v2"


@pytest.fixture(scope="module")
def openapi(api):
    response = requests.get(api + "/openapi.json", timeout=30)
    assert response.status_code == 200
    doc = response.json()
    validate(doc)  # a valid OpenAPI 3.1 document
    return doc


@pytest.fixture(scope="module")
def director(server):
    return server.login("him.mudur")


@pytest.fixture(scope="module")
def api_key(director):
    """A key issued by the director in Odoo, as the key form's button does."""
    key_id = director("hid.api.key", "create", {"name": "Live test client"})
    action = director("hid.api.key", "action_generate_key", [key_id])
    return {"id": key_id, "key": action["context"]["default_key"]}


@pytest.fixture(scope="module")
def codes(api):
    services = requests.get(api + "/services.json", timeout=30).json()
    return {s["service_name"]: s["service_code"] for s in services}


def conforms(openapi, schema_name, body):
    """Validate a JSON body against a schema of the OpenAPI document."""
    schema = {"$ref": "#/components/schemas/%s" % schema_name,
              "components": openapi["components"]}
    jsonschema.Draft202012Validator(schema).validate(body)


def post(api, fmt="json", **data):
    return requests.post("%s/requests.%s" % (api, fmt), data=data, timeout=30)


def test_discovery(server, openapi):
    response = requests.get(server.url + "/open311/discovery.json", timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    conforms(openapi, "Discovery", response.json())
    assert response.json()["endpoints"][0]["url"].endswith("/open311/v2")
    root = ElementTree.fromstring(
        requests.get(server.url + "/open311/discovery.xml", timeout=30).content)
    assert root.tag == "discovery"
    assert root.findtext("endpoints/endpoint/specification") == \
        "http://wiki.open311.org/GeoReport_v2"


def test_services_json_and_xml(api, openapi, codes):
    response = requests.get(api + "/services.json", timeout=30)
    conforms(openapi, "Services", response.json())
    assert "Asfalt ve çukur" in codes
    xml = requests.get(api + "/services.xml", timeout=30)
    assert xml.headers["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(xml.content)
    assert root.tag == "services"
    assert len(root.findall("service")) == len(codes)
    assert root.find("service/metadata").text in ("true", "false")


def test_service_definition(api, openapi, codes):
    code = codes["Asfalt ve çukur"]
    response = requests.get("%s/services/%s.json" % (api, code), timeout=30)
    assert response.status_code == 200
    conforms(openapi, "ServiceDefinition", response.json())
    root = ElementTree.fromstring(
        requests.get("%s/services/%s.xml" % (api, code), timeout=30).content)
    assert root.tag == "service_definition" and root.findtext("service_code") == code
    missing = requests.get(api + "/services/999999.json", timeout=30)
    assert missing.status_code == 404
    conforms(openapi, "Errors", missing.json())


def test_service_with_attributes(api, openapi, codes, director, api_key):
    code = codes["Ağaç budama"]
    director("hid.open311.attribute", "create", {
        "category_id": int(code), "code": "kind", "description": "Ağacın türü",
        "datatype": "singlevaluelist", "required": True,
        "value_lines": "cam: Çam\nmese: Meşe"})
    services = {s["service_code"]: s for s in
                requests.get(api + "/services.json", timeout=30).json()}
    assert services[code]["metadata"] is True
    definition = requests.get("%s/services/%s.json" % (api, code), timeout=30).json()
    conforms(openapi, "ServiceDefinition", definition)
    assert definition["attributes"][0]["values"] == [{"key": "cam", "name": "Çam"},
                                                     {"key": "mese", "name": "Meşe"}]
    root = ElementTree.fromstring(
        requests.get("%s/services/%s.xml" % (api, code), timeout=30).content)
    assert root.findtext("attributes/attribute/values/value/key") == "cam"
    data = {"api_key": api_key["key"], "service_code": code, "address_string": "Park"}
    assert post(api, **data).status_code == 400, "a required attribute is missing"
    assert post(api, **dict(data, **{"attribute[kind]": "palmiye"})).status_code == 400
    assert post(api, **dict(data, **{"attribute[kind]": "mese"})).status_code == 200


def test_post_needs_a_valid_key(api, openapi, codes, director, api_key):
    data = {"service_code": codes["Asfalt ve çukur"], "lat": "40.99", "long": "29.21"}
    for key in (None, "wrong-key"):
        response = post(api, **dict(data, api_key=key) if key else data)
        assert response.status_code == 403
        conforms(openapi, "Errors", response.json())
    spare = director("hid.api.key", "create", {"name": "Revoked client"})
    action = director("hid.api.key", "action_generate_key", [spare])
    key = action["context"]["default_key"]
    assert post(api, api_key=key, **data).status_code == 200
    director("hid.api.key", "action_revoke", [spare])
    response = post(api, "xml", api_key=key, **data)
    assert response.status_code == 403
    assert ElementTree.fromstring(response.content).findtext("error/code") == "403"


def test_post_then_get(server, api, openapi, codes, api_key):
    response = post(api, api_key=api_key["key"], service_code=codes["Asfalt ve çukur"],
                    lat="40.99", long="29.21", address_string="Meclis Mah. 1. Sokak",
                    description="Derin çukur <img src=x onerror=alert(1)>", first_name="Ali",
                    last_name="Veli", phone="0532 999 88 77", email="ali@example.com",
                    media_url="https://example.com/cukur.jpg")
    assert response.status_code == 200, response.text
    conforms(openapi, "PostResults", response.json())
    number = response.json()[0]["service_request_id"]

    one = requests.get("%s/requests/%s.json" % (api, number), timeout=30)
    assert one.status_code == 200
    conforms(openapi, "ServiceRequests", one.json())
    row = one.json()[0]
    assert row["status"] == "open"
    assert row["agency_responsible"] == "Fen İşleri Müdürlüğü"
    assert row["service_code"] == codes["Asfalt ve çukur"]
    assert row["lat"] == pytest.approx(40.99) and row["expected_datetime"].endswith("Z")
    assert "<img" in row["description"], "the citizen's text comes back as text"
    for word in PERSONAL:
        assert word not in one.text, "no personal data in GET"

    xml = requests.get("%s/requests/%s.xml" % (api, number), timeout=30)
    root = ElementTree.fromstring(xml.content)
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == number
    assert root.findtext("request/address") == "Meclis Mah. 1. Sokak"

    agent = server.login("cagri.merkezi")
    ticket = agent("helpdesk.ticket", "search_read", [("number", "=", number)],
                   fields=["channel_id", "description"])[0]
    assert ticket["channel_id"][1].startswith("API")
    assert "&lt;img" in ticket["description"], "stored inert"


def test_get_list_filters_and_limits(api, openapi, codes, api_key):
    number = post(api, api_key=api_key["key"], service_code=codes["Çöp toplanmadı"],
                  address_string="Sarıgazi")
    number = number.json()[0]["service_request_id"]
    listed = requests.get(api + "/requests.json", timeout=30)
    assert listed.status_code == 200
    conforms(openapi, "ServiceRequests", listed.json())
    assert number in [r["service_request_id"] for r in listed.json()]
    assert len(listed.json()) <= 1000
    for word in PERSONAL:
        assert word not in listed.text
    by_code = requests.get(api + "/requests.json", params={
        "service_code": codes["Çöp toplanmadı"], "status": "open"}, timeout=30).json()
    assert by_code and all(r["service_code"] == codes["Çöp toplanmadı"] for r in by_code)
    assert number not in [r["service_request_id"] for r in requests.get(
        api + "/requests.json", params={"status": "closed"}, timeout=30).json()]
    assert [r["service_request_id"] for r in requests.get(api + "/requests.json", params={
        "service_request_id": number, "status": "closed"}, timeout=30).json()] == [number], \
        "service_request_id overrides all other arguments"
    old = requests.get(api + "/requests.json", params={
        "start_date": "2020-01-01T00:00:00Z", "end_date": "2020-02-01T00:00:00+03:00"},
        timeout=30)
    assert old.status_code == 200 and old.json() == []
    root = ElementTree.fromstring(requests.get(api + "/requests.xml", timeout=30).content)
    assert number in [e.text for e in root.iter("service_request_id")]


def test_rate_limit_and_concurrent_posts(api, openapi, codes, director):
    key_id = director("hid.api.key", "create", {"name": "Busy client", "rate_limit": 6})
    action = director("hid.api.key", "action_generate_key", [key_id])
    key = action["context"]["default_key"]
    data = {"api_key": key, "service_code": codes["Gürültü"], "address_string": "Merkez"}
    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(lambda _i: post(api, **data), range(6)))
    statuses = [r.status_code for r in responses]
    assert statuses == [200] * 6, "concurrent requests with one key all succeed: %s" % statuses
    refused = post(api, **data)
    assert refused.status_code == 429
    conforms(openapi, "Errors", refused.json())
    assert director("hid.api.key", "read", [key_id], ["rate_count"])[0]["rate_count"] == 7


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_malformed_input(api, openapi, codes, api_key, fmt):
    def error(response, status):
        assert response.status_code == status, response.text
        if fmt == "json":
            conforms(openapi, "Errors", response.json())
            return response.json()[0]["description"]
        root = ElementTree.fromstring(response.content)
        assert root.findtext("error/code") == str(status)
        return root.findtext("error/description")

    url = "%s/requests.%s" % (api, fmt)
    for params in ({"start_date": "31.01.2026"}, {"status": "pending"},
                   {"end_date": "2026-02-30T00:00:00Z"}, {"service_code": "abc"},
                   {"service_request_id": "x;drop table"}):
        assert error(requests.get(url, params=params, timeout=30), 400)
    assert error(requests.get("%s/requests/2099-999999.%s" % (api, fmt), timeout=30), 404)
    good = {"api_key": api_key["key"], "service_code": codes["Asfalt ve çukur"]}
    for data in ({}, {"lat": "north", "long": "29"}, {"service_code": "999999",
                                                      "address_string": "x"},
                 {"address_string": "x", "description": "y" * 5000},
                 {"address_string": "x", "email": "not-an-email"}):
        assert error(post(api, fmt, **dict(good, **data)), 400)
    wrong_encoding = requests.post(url, data=b"api_key=" + api_key["key"].encode()
                                   + b"&service_code=" + good["service_code"].encode()
                                   + b"&address_string=%FF%FEabc", timeout=30,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert "UTF-8" in error(wrong_encoding, 400)
    oversized = post(api, fmt, address_string="x", description="y" * 70000, **good)
    assert error(oversized, 413)


def test_unsupported_format(api):
    response = requests.get(api + "/services.html", timeout=30)
    assert response.status_code == 400
    assert json.loads(response.text)[0]["code"] == 400
    assert requests.get(api + "/nothing.json", timeout=30).status_code == 404


def test_director_issues_a_key_in_the_browser(page, server, api, codes, screenshots):
    """The director creates a key, generates it, copies it from the dialog; the key works."""
    from test_browser_smoke import login
    login(page, server, "him.mudur")
    page.goto(server.url + "/web#action=hid_basvuru.hid_api_key_action&view_type=form")
    page.wait_for_selector('.o_form_view .o_field_widget[name="name"]')
    page.fill('.o_form_view .o_field_widget[name="name"]', "Browser client")
    page.click(".o_form_button_save")
    try:
        page.wait_for_selector(".o_form_statusbar button.oe_highlight")
    finally:
        page.screenshot(path=str(screenshots / "open311-key-saved.png"))
    page.click(".o_form_statusbar button.oe_highlight")  # Generate Key
    page.click(".modal-footer button.btn-primary")  # confirm the replacement
    field = page.locator('.modal-dialog .o_field_widget[name="key"]')
    field.wait_for(state="visible")
    key = field.inner_text().strip()
    page.screenshot(path=str(screenshots / "open311-key-shown.png"))
    assert len(key) >= 40, "the generated key is shown once"
    assert not page.js_errors, page.js_errors
    response = post(api, api_key=key, service_code=codes["Gürültü"], address_string="Merkez")
    assert response.status_code == 200, response.text
