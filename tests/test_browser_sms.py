"""SMS screens in Chromium: HİM staff open the unsent list and an application's SMS, the
director the SMS settings; a müdürlük user has no SMS menu."""
from test_browser_smoke import click_app, login


def open_menu(page, xmlid):
    page.click('[data-menu-xmlid="%s"]' % xmlid)


def test_staff_sees_unsent_list_and_application_sms(page, server, screenshots):
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {"name": "Gülşen Çınar", "hid_citizen": True,
                                              "mobile": "0533 222 33 44",
                                              "kvkk_notice_given": True})
    ticket = admin("helpdesk.ticket", "create", {"name": "Kaldırım kırık", "description": "x",
                                                 "partner_id": citizen,
                                                 "kvkk_notice_given": True})
    login(page, server, "him.personel")
    click_app(page)
    open_menu(page, "hid_basvuru.menu_hid_sms")
    open_menu(page, "hid_basvuru.menu_hid_sms_failed")
    page.wait_for_selector(".o_list_view, .oe_view_nocontent", timeout=30000)
    page.screenshot(path=str(screenshots / "him.personel-unsent-sms.png"))
    action = admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.helpdesk_ticket_action")
    page.goto("%s/web#id=%d&model=helpdesk.ticket&view_type=form&action=%d"
              % (server.url, ticket, action))
    page.wait_for_selector(".o_form_view", timeout=30000)
    page.screenshot(path=str(screenshots / "him.personel-application-form.png"))
    # Odoo 11 renders stat buttons without their name attribute: find it by its label.
    button = page.locator(".oe_button_box .oe_stat_button", has_text="SMS").first
    button.wait_for(timeout=30000)
    assert button.inner_text().split()[0] == "1", "the queued intake SMS is counted"
    button.click()
    page.wait_for_selector(".o_list_view td:has-text('+905332223344')", timeout=30000)
    page.screenshot(path=str(screenshots / "him.personel-application-sms.png"))
    assert not page.js_errors, "JavaScript errors: %s" % page.js_errors


def test_director_opens_sms_settings(page, server, screenshots):
    login(page, server, "him.mudur")
    click_app(page)
    open_menu(page, "hid_basvuru.menu_hid_config")
    open_menu(page, "hid_basvuru.menu_hid_config_sms_settings")
    page.wait_for_selector(".o_form_view select[name=provider], .o_form_view "
                           ".o_field_widget[name=provider]", timeout=30000)
    assert page.locator(".o_field_widget[name=password][type=password], "
                        "input[name=password][type=password]").count() == 1
    page.screenshot(path=str(screenshots / "him.mudur-sms-settings.png"))
    assert not page.js_errors, "JavaScript errors: %s" % page.js_errors


def test_mudurluk_user_has_no_sms_menu(page, server):
    login(page, server, "fen.kullanici")
    click_app(page)
    page.wait_for_selector(".o_kanban_view, .o_list_view", timeout=30000)
    assert page.locator('[data-menu-xmlid="hid_basvuru.menu_hid_sms"]').count() == 0
    assert not page.js_errors, "JavaScript errors: %s" % page.js_errors
