"""The PBX webhooks over real HTTP, with the local PBX stand-in (addons/hid_cagri/lib/
fake_pbx.py): the URL check, the token, bad input, events repeated, out of order and
concurrent, the recording fetched and played only by whom may, every playback logged."""
import concurrent.futures
import importlib.util
import random
import re

import pytest
import requests

from conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "hid_cagri_fake_pbx", str(ROOT / "addons" / "hid_cagri" / "lib" / "fake_pbx.py"))
fake_pbx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fake_pbx)

AGENT = "cagri.merkezi"
EXTENSION = "4101"
CITIZEN_PHONE = "+905327778899"


def _token(action):
    return re.search(r"token=([^&\s]+)", action["context"]["default_url"]).group(1)


@pytest.fixture(scope="module")
def pbx():
    with fake_pbx.FakePbx() as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def cagri(server, pbx):
    """Two connected PBXs (tokens), the agent's extension and a known citizen."""
    admin = server.login("admin", "admin")

    def provider(vals):
        """The same PBX for every test module (each has its own stand-in: its URL)."""
        found = admin("hid.call.provider", "search", [("name", "=", vals["name"])])
        if found:
            admin("hid.call.provider", "write", found, vals)
            return found[0]
        return admin("hid.call.provider", "create", vals)

    verimor = provider({"name": "Verimor (test)", "provider": "verimor", "api_url": pbx.url,
                        "api_key": fake_pbx.VERIMOR_KEY})
    netgsm = provider({"name": "Netgsm (test)", "provider": "netgsm", "api_url": pbx.url,
                       "api_user": fake_pbx.NETGSM_USER,
                       "api_password": fake_pbx.NETGSM_PASSWORD})
    tokens = {"verimor": _token(admin("hid.call.provider", "action_generate_token", [verimor])),
              "netgsm": _token(admin("hid.call.provider", "action_generate_token", [netgsm]))}
    agent = admin("res.users", "search", [("login", "=", AGENT)])[0]
    admin("res.users", "write", [agent], {"hid_pbx_extension": EXTENSION})
    mahalle = admin("hid.mahalle", "search", [], limit=1)[0]
    citizen = admin("res.partner", "search", [("mobile", "=", CITIZEN_PHONE)]) or [
        admin("res.partner", "create", {
            "name": "Hatice Demir", "hid_citizen": True, "mobile": CITIZEN_PHONE,
            "tckn": "10000000528", "mahalle_id": mahalle})]
    phone_channel = admin("ir.model.data", "xmlid_to_res_id",
                          "helpdesk_mgmt.helpdesk_ticket_channel_phone")
    if not admin("helpdesk.ticket", "search", [("partner_id", "=", citizen[0])]):
        admin("helpdesk.ticket", "create", {
            "name": "Parkta kırık bank", "description": "Parktaki bank kırık",
            "partner_id": citizen[0], "kvkk_notice_given": True, "channel_id": phone_channel})
    return {"admin": admin, "tokens": tokens, "agent": agent, "citizen": citizen[0],
            "url": lambda kind, token=None: "%s/hid_cagri/webhook/%s?token=%s" % (
                server.url, kind, tokens[kind] if token is None else token)}


def calls(cagri, pbx_call_id, fields=("status", "wait_seconds", "talk_seconds", "agent_id",
                                      "caller_number", "partner_id", "start_time")):
    return cagri["admin"]("hid.call", "search_read", [("pbx_call_id", "=", pbx_call_id)],
                          fields=list(fields))


def test_url_check_with_an_empty_post(cagri, pbx):
    status, body = pbx.send(cagri["url"]("verimor"), "verimor", {})
    assert status == 200, body


def test_token_is_required(cagri, pbx):
    call = pbx.add_call("verimor")
    event = pbx.verimor_events(call)[0]
    for url in (cagri["url"]("verimor", ""), cagri["url"]("verimor", "wrong-token-123"),
                cagri["url"]("verimor", cagri["tokens"]["netgsm"])):
        status, body = pbx.send(url, "verimor", event)
        assert status == 403, (url, status, body)
        assert "anahtar" in body.lower(), "a Turkish message: %s" % body
    assert calls(cagri, call["id"]) == [], "nothing stored"


def test_bad_events_are_refused_and_nothing_is_stored(cagri, pbx):
    before = cagri["admin"]("hid.call", "search_count", [])
    bad_verimor = [{"event_type": "explode", "call_uuid": "bad-1"},
                   {"event_type": "ringing"},
                   {"event_type": "hangup", "call_uuid": "bad-2", "end_stamp": "dün"}]
    for event in bad_verimor:
        status, body = pbx.send(cagri["url"]("verimor"), "verimor", event)
        assert status == 400, (event, body)
        assert "okunamadı" in body, body
    for payload in (b"{not json", b"", b'"a string"', b'{"scenario": "Hangup"}'):
        status, body = pbx.send(cagri["url"]("netgsm"), "netgsm", payload)
        assert status == 400, (payload, body)
    assert cagri["admin"]("hid.call", "search_count", []) == before


def test_verimor_repeated_and_out_of_order(cagri, pbx):
    call = pbx.add_call("verimor", caller="0532 777 88 99", extension=EXTENSION, wait=7, talk=40)
    events = pbx.verimor_events(call)
    for event in [events[2], events[0], events[2], events[1], events[0]]:
        status, body = pbx.send(cagri["url"]("verimor"), "verimor", event)
        assert status == 200, body
    rows = calls(cagri, call["id"])
    assert len(rows) == 1
    row = rows[0]
    assert (row["status"], row["wait_seconds"], row["talk_seconds"]) == ("answered", 7, 40)
    assert row["agent_id"][0] == cagri["agent"]
    assert row["caller_number"] == CITIZEN_PHONE
    assert row["partner_id"][0] == cagri["citizen"]


def test_netgsm_repeated_and_out_of_order(cagri, pbx):
    call = pbx.add_call("netgsm", extension=EXTENSION, wait=11, talk=33)
    events = pbx.netgsm_events(call)
    shuffled = events + events[:2]
    random.Random(7).shuffle(shuffled)
    for event in shuffled:
        status, body = pbx.send(cagri["url"]("netgsm"), "netgsm", event)
        assert status == 200, body
    rows = calls(cagri, call["id"])
    assert len(rows) == 1
    assert (rows[0]["status"], rows[0]["wait_seconds"], rows[0]["talk_seconds"]) == (
        "answered", 11, 33)


def test_concurrent_events_end_in_one_correct_call(cagri, pbx):
    """Every event of two calls three times, from eight threads at once: the row lock and
    Odoo's retry of serialization failures leave one correct call each."""
    specs = [pbx.add_call("verimor", extension=EXTENSION, wait=9, talk=21),
             pbx.add_call("verimor", wait=45, answered=False, recording=False)]
    jobs = [event for spec in specs for event in pbx.verimor_events(spec)] * 3
    random.Random(11).shuffle(jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(
            lambda event: pbx.send(cagri["url"]("verimor"), "verimor", event), jobs))
    assert all(status == 200 for status, _body in results), results
    answered, missed = (calls(cagri, spec["id"]) for spec in specs)
    assert len(answered) == 1 and len(missed) == 1
    assert (answered[0]["status"], answered[0]["wait_seconds"], answered[0]["talk_seconds"]) \
        == ("answered", 9, 21)
    assert (missed[0]["status"], missed[0]["wait_seconds"]) == ("abandoned", 45)


def _web_session(server, login):
    session = requests.Session()
    page = session.get(server.url + "/web/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    session.post(server.url + "/web/login", data={"login": login, "password": login,
                                                  "csrf_token": csrf})
    return session


def test_recording_is_played_by_supervisors_only_and_logged(server, cagri, pbx):
    admin = cagri["admin"]
    call = pbx.add_call("verimor", extension=EXTENSION)
    for event in pbx.verimor_events(call):
        assert pbx.send(cagri["url"]("verimor"), "verimor", event)[0] == 200
    cron = admin("ir.model.data", "xmlid_to_res_id", "hid_cagri.cron_fetch_recordings")
    admin("ir.cron", "method_direct_trigger", [cron])
    call_id = calls(cagri, call["id"], ("id",))[0]["id"]
    recording = admin("hid.call.recording", "search_read", [("call_id", "=", call_id)],
                      fields=["id", "file_size"])
    assert len(recording) == 1 and recording[0]["file_size"] == len(pbx.audio)
    attachment = admin("ir.attachment", "search", [("res_model", "=", "hid.call.recording"),
                                                   ("res_id", "=", recording[0]["id"])])
    assert len(attachment) == 1
    url = "%s/hid_cagri/recording/%d" % (server.url, recording[0]["id"])
    for login in (AGENT, "him.personel", "fen.kullanici"):
        session = _web_session(server, login)
        assert session.get(url).status_code == 403, login
        content = session.get("%s/web/content?model=ir.attachment&id=%d&field=datas" % (
            server.url, attachment[0]))
        assert content.content != pbx.audio, login
    director = _web_session(server, "him.mudur")
    direct = director.get("%s/web/content/%d" % (server.url, attachment[0]))
    assert direct.content != pbx.audio, "not even the director opens the file directly"
    played = director.get(url)
    assert played.status_code == 200 and played.content == pbx.audio
    log = admin("hid.call.audit", "search_read", [("call_id", "=", call_id),
                                                  ("action", "=", "play")],
                fields=["user_id", "date"])
    assert [row["user_id"][1] for row in log] and len(log) == 1, log
    mudur = admin("res.users", "search", [("login", "=", "him.mudur")])[0]
    assert log[0]["user_id"][0] == mudur
