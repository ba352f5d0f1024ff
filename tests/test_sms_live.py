"""SMS end to end on a running server: the director configures the provider over XML-RPC, an
intake queues the SMS, the cron sends it over real HTTP to a local server speaking Netgsm's
protocol, and only the directorate reads it."""
import importlib.util
import xmlrpc.client

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "hid_sms_fake_server", ROOT / "addons" / "hid_basvuru" / "lib" / "sms" / "fake_server.py")
fake_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fake_server)


@pytest.fixture(scope="module")
def fake():
    with fake_server.FakeSmsServer() as server:
        yield server


@pytest.fixture(scope="module")
def configured(server, fake):
    """The HİM director chooses Netgsm (our local stand-in) in the SMS settings."""
    director = server.login("him.mudur")
    settings = director("hid.sms.settings", "create", {
        "provider": "netgsm", "username": fake_server.USERNAME,
        "password": fake_server.PASSWORD, "sender": fake_server.SENDER,
        "base_url": fake.url, "timeout": 5.0, "max_attempts": 3})
    director("hid.sms.settings", "action_save", [settings])
    return director


def test_staff_cannot_open_the_sms_settings(server):
    staff = server.login("him.personel")
    with pytest.raises(xmlrpc.client.Fault):
        staff("hid.sms.settings", "default_get", ["password"])
    with pytest.raises(xmlrpc.client.Fault):
        staff("ir.config_parameter", "get_param", "hid_basvuru.sms_password")


def test_intake_sms_sent_by_the_cron_exactly_once(server, fake, configured):
    agent = server.login("cagri.merkezi")
    citizen = agent("res.partner", "create", {
        "name": "Şükrü Öztürk", "hid_citizen": True, "mobile": "0532 765 43 21",
        "kvkk_notice_given": True})
    ticket = agent("helpdesk.ticket", "create", {
        "name": "Çöp alınmadı", "description": "İki gündür çöp alınmıyor",
        "partner_id": citizen, "kvkk_notice_given": True})
    number = agent("helpdesk.ticket", "read", [ticket], ["number"])[0]["number"]
    staff = server.login("him.personel")
    domain = [("ticket_id", "=", ticket)]
    [sms] = staff("hid.sms", "search_read", domain, ["state", "body", "to", "segment_count"])
    assert sms["to"] == "+905327654321"
    assert number in sms["body"] and "/basvuru/sorgula?no=" + number in sms["body"]
    assert sms["segment_count"] == 1

    admin = server.login("admin", "admin")
    cron = admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.cron_send_sms")
    admin("ir.cron", "method_direct_trigger", [cron])
    admin("ir.cron", "method_direct_trigger", [cron])

    [sms] = staff("hid.sms", "search_read", domain, ["state", "provider_message_id", "body"])
    assert sms["state"] == "sent"
    mine = [d for d in fake.delivered if d[1] == "905327654321"]
    assert len(mine) == 1, "sent exactly once"
    assert mine[0][2] == sms["body"], "Turkish characters arrive intact"
    assert mine[0][3] == sms["provider_message_id"]


def test_mudurluk_reads_no_sms(server, configured):
    fen = server.login("fen.kullanici")
    with pytest.raises(xmlrpc.client.Fault, match="(?i)access|erişim|güvenlik|izin"):
        fen("hid.sms", "search_read", [], ["to", "body"])
