"""The back office on a phone (OCA web_responsive), 390 × 844 in Chromium: a Fen İşleri user
opens an application from the menu and answers it (İşe Başla, the Cevap tab, Cevabı Gönder)."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from test_browser_smoke import click_app, login

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(browser):
    """This module's pages are a phone's (conftest's failure screenshot still applies)."""
    context = browser.new_context(viewport=PHONE, locale="tr-TR", is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    context.set_default_timeout(60000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.js_errors.append(msg.text))
    yield page
    context.close()


def press(page, label):
    """A button of the form's status bar; on a phone web_responsive folds them into a
    dropdown."""
    button = page.locator(".o_statusbar_buttons button:visible", has_text=label)
    if not button.count():
        page.locator(".o_statusbar_buttons_dropdown .dropdown-toggle:visible").first.click()
        button = page.locator(".o_statusbar_buttons_dropdown button:visible", has_text=label)
    button.first.click()


def test_mudurluk_user_answers_on_a_phone(page, server, screenshots):
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {"name": "Ferhat Yılmaz", "hid_citizen": True,
                                              "mobile": "0532 741 96 03",
                                              "kvkk_notice_given": True})
    category = admin("ir.model.data", "xmlid_to_res_id",
                     "hid_basvuru.category_asfalt_ve_cukur")
    ticket = admin("helpdesk.ticket", "create", {
        "name": "Kaldırımda çökme", "description": "Durak önünde.", "partner_id": citizen,
        "category_id": category, "kvkk_notice_given": True})
    number = admin("helpdesk.ticket", "read", [ticket], ["number"])[0]["number"]

    login(page, server, "fen.kullanici")
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    click_app(page)
    page.wait_for_selector(".o_kanban_view, .o_list_view")
    # on a phone the kanban shows one stage at a time: the list shows every stage
    page.wait_for_function("!document.body.classList.contains('oe_wait')")
    for _attempt in range(10):  # a tap while the kanban still loads may be lost
        page.locator(".o_cp_switch_list:visible").first.click()
        try:
            page.wait_for_selector(".o_list_view", timeout=3000)
            break
        except PlaywrightTimeout:
            continue
    # the newest application comes first (received date, newest first)
    card = page.locator(".o_data_row:visible", has_text=number)
    card.first.wait_for()
    page.screenshot(path=str(screenshots / "phone-1-list.png"))
    card.first.click()
    page.wait_for_selector(".o_form_view .o_statusbar_status")
    assert number in page.inner_text(".o_form_view")
    assert page.inner_text(".o_statusbar_buttons_dropdown .dropdown-toggle").strip() == \
        "İşlemler", "web_responsive's button menu in Turkish (hid_basvuru/i18n_oca)"
    press(page, "İşe Başla")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('İşlemde')")
    page.locator(".o_form_button_edit:visible").first.click()
    page.locator("a[role=tab]:has-text('Cevap'), .nav-tabs a:has-text('Cevap')").first.click()
    page.fill('.o_field_widget[name="answer"]', "Ekibimiz yarın kaldırımı onaracak.")
    page.screenshot(path=str(screenshots / "phone-2-answer.png"))
    page.locator(".o_form_button_save:visible").first.click()
    page.wait_for_selector(".o_form_button_edit", state="visible")
    press(page, "Cevabı Gönder")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Cevaplandı')")
    page.screenshot(path=str(screenshots / "phone-3-answered.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1, \
        "no horizontal scrolling on the phone"
    row = admin("helpdesk.ticket", "read", [ticket], ["answer", "stage_id"])[0]
    assert row["answer"] == "Ekibimiz yarın kaldırımı onaracak."
    assert not page.js_errors, page.js_errors
