"""What HİD says about SMS, over HTTP and in Chromium: the public pages say "will be sent"
until the SMS is really sent; HİM staff and the director see a warning on the SMS lists and
the dashboard while no SMS provider is configured, other roles do not."""
import pytest

from test_browser_smoke import click_app, login
from test_public_basvuru import _browser_session, _form, _number, _reset_limits

PROVIDER = "hid_basvuru.sms_provider"
REPORTS_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_report_root"]'
WARNING = ".o_hid_sms_no_provider"


@pytest.fixture
def no_provider(server):
    admin = server.login("admin", "admin")
    before = admin("ir.config_parameter", "get_param", PROVIDER) or ""
    admin("ir.config_parameter", "set_param", PROVIDER, "")
    _reset_limits(admin)
    yield admin
    admin("ir.config_parameter", "set_param", PROVIDER, before)
    _reset_limits(admin)


def _status(server, session, number, phone):
    page = session.get(server.url + "/basvuru/sorgula", params={"no": number}, timeout=30)
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    return session.post(server.url + "/basvuru/sorgula", timeout=30, data={
        "csrf_token": token, "no": number, "phone": phone}).text


def test_public_pages_say_will_be_sent_until_sent(server, no_provider):
    admin = no_provider
    session = _browser_session()
    phone = "0535 222 77 88"
    answer = session.post(server.url + "/basvuru", timeout=30,
                          data=_form(server, session, phone=phone))
    assert answer.status_code == 200
    number = _number(answer.text)
    assert 'class="hid-sms-queued"' in answer.text, "queued: it will be sent"
    assert 'class="hid-sms-sent"' not in answer.text
    page = _status(server, session, number, phone)
    assert 'id="hid_status_sms"' in page and 'class="hid-sms-queued"' in page
    assert 'class="hid-sms-sent"' not in page
    ticket = admin("helpdesk.ticket", "search", [("number", "=", number)])
    sms = admin("hid.sms", "search", [("ticket_id", "in", ticket)])
    assert len(sms) == 1
    admin("hid.sms", "write", sms, {"state": "sent"})
    page = _status(server, session, number, phone)
    assert 'class="hid-sms-sent"' in page, "sent: the page says so"
    assert 'class="hid-sms-queued"' not in page
    assert "+90535" not in page, "no number of the SMS leaves the server"


def test_warning_for_him_staff_on_sms_list_and_dashboard(
        page, server, screenshots, no_provider):
    login(page, server, "him.personel")
    click_app(page)
    page.click('[data-menu-xmlid="hid_basvuru.menu_hid_sms"]')
    page.click('[data-menu-xmlid="hid_basvuru.menu_hid_sms_all"]')
    page.wait_for_selector(WARNING, timeout=30000)
    assert "SMS" in page.inner_text(WARNING)
    page.screenshot(path=str(screenshots / "him.personel-sms-no-provider.png"))
    click_app(page, REPORTS_MENU)
    page.wait_for_selector(".o_hid_dashboard")
    page.wait_for_selector(WARNING + ":visible", timeout=30000)
    page.screenshot(path=str(screenshots / "him.personel-dashboard-no-provider.png"))
    assert not page.js_errors, page.js_errors


def test_no_warning_for_others_or_with_a_provider(page, server, no_provider):
    admin = no_provider
    action = admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.hid_sms_action")
    login(page, server, "cagri.merkezi")  # reads SMS, does not run them
    page.goto("%s/web#model=hid.sms&view_type=list&action=%d" % (server.url, action))
    page.wait_for_selector(".o_list_view", timeout=30000)
    page.wait_for_timeout(1000)
    assert page.locator(WARNING).count() == 0
    page.goto(server.url + "/web/session/logout")
    login(page, server, "fen.yonetici")
    click_app(page, REPORTS_MENU)
    page.wait_for_selector(".o_hid_dashboard")
    page.wait_for_timeout(500)
    assert page.locator(WARNING + ":visible").count() == 0
    page.goto(server.url + "/web/session/logout")
    admin("ir.config_parameter", "set_param", PROVIDER, "netgsm")
    login(page, server, "him.personel")
    page.goto("%s/web#model=hid.sms&view_type=list&action=%d" % (server.url, action))
    page.wait_for_selector(".o_list_view", timeout=30000)
    page.wait_for_timeout(1000)
    assert page.locator(WARNING).count() == 0, "a provider is configured: no warning"
    assert not page.js_errors, page.js_errors
