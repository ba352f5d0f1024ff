"""The visitor desk in Chromium, in Turkish, as the desk agent (cagri.merkezi): a visitor
comes in, is found by phone, and is turned into an application with its tracking number."""
import re

from test_browser_basvuru_flow import open_app, pick_many2one
from test_browser_smoke import click_menu, login

VISITS_MENU = 'a[data-menu-xmlid="hid_danisma.menu_hid_danisma_visit"]'
PHONE = "0532 468 13 57"
CITIZEN = "Hatice Danışmaoğlu"


def test_desk_visitor_to_application(page, server, screenshots):
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {
        "name": CITIZEN, "hid_citizen": True, "mobile": PHONE})

    # 1. The desk's daily list, filtered on today.
    login(page, server, "cagri.merkezi")
    open_app(page)
    click_menu(page, VISITS_MENU)
    page.wait_for_selector(".o_control_panel .breadcrumb:has-text('Ziyaretçi Defteri')")
    page.wait_for_selector(".o_list_button_add")
    assert "Ziyaretçi Defteri" in page.inner_text(".o_control_panel .breadcrumb")
    assert "Bugün" in page.inner_text(".o_searchview"), "the daily list is filtered on today"

    # 2. A visitor: the phone finds the known citizen.
    page.click(".o_list_button_add")
    form = ".o_form_view"
    page.wait_for_selector(form + ' .o_field_widget[name="phone"]')
    page.fill(form + ' .o_field_widget[name="phone"]', PHONE)
    page.press(form + ' .o_field_widget[name="phone"]', "Tab")
    page.wait_for_function(
        "() => (document.querySelector('.o_form_view .o_field_widget[name=\"partner_id\"] input')"
        " || {}).value === %r" % CITIZEN)
    pick_many2one(page, form, "purpose_id", "Başvuru")
    pick_many2one(page, form, "team_id", "Fen İşleri")
    page.fill(form + ' .o_field_widget[name="assistance_ids"] input', "Yaşlı")
    page.locator(".ui-autocomplete:visible li a", has_text="Yaşlı").first.click()
    # the tag is there before the note is typed (a late re-render would drop the typing)
    page.wait_for_selector(
        form + ' .o_field_widget[name="assistance_ids"] .badge:has-text("Yaşlı")')
    page.fill(form + ' .o_field_widget[name="note"]', "Kaldırım taşları kırık, yaşlılar düşüyor.")
    page.press(form + ' .o_field_widget[name="note"]', "Tab")
    page.screenshot(path=str(screenshots / "danisma-1-visitor.png"))
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit", state="visible")
    page.wait_for_selector(form + ' .o_field_widget[name="note"]:has-text("Kaldırım taşları")')
    assert "Binada" in page.inner_text(".o_statusbar_status .btn-primary")
    assert not page.js_errors, page.js_errors

    # 3. One click: "Yeni Başvuru" filled from the visit, on the channel Şahsen / Danışma.
    page.click("button.o_hid_to_application")
    modal = ".modal-dialog"
    page.wait_for_selector(modal + ' .o_field_widget[name="kvkk_notice_given"]')
    assert "Yeni Başvuru" in page.inner_text(modal)

    def value(field):
        return page.input_value(modal + ' .o_field_widget[name="%s"] input' % field)

    assert value("partner_id") == CITIZEN, "the citizen found by phone"
    assert value("channel_id") == "Şahsen / Danışma"
    assert value("team_id") == "Fen İşleri Müdürlüğü"
    assert "Kaldırım taşları" in page.input_value(
        modal + ' .o_field_widget[name="description"]')
    page.click(modal + ' .o_field_widget[name="kvkk_notice_given"] input')
    page.screenshot(path=str(screenshots / "danisma-2-intake.png"))
    page.click(modal + " footer button.btn-primary")
    page.wait_for_selector(
        ".o_form_view .o_statusbar_status .btn-primary:has-text('Havale Edildi')")
    number = page.inner_text(".o_form_view .oe_title h1").strip()
    assert re.match(r"^\d{4}-\d{6}$", number), number
    assert "Ziyaret" in page.inner_text(".o_form_view"), "the application names the visit"
    page.screenshot(path=str(screenshots / "danisma-3-application.png"))
    assert not page.js_errors, page.js_errors

    # 4. Back on the desk's list: the visit shows the tracking number.
    page.click(".o_control_panel .breadcrumb li:first-child a")
    page.wait_for_selector(".o_list_view td:has-text('%s')" % number)
    row = page.inner_text(".o_list_view tbody tr:has-text('%s')" % number)
    assert "Başvuru Alındı" in row, row
    page.screenshot(path=str(screenshots / "danisma-4-list.png"))
    assert not page.js_errors, page.js_errors

    ticket = admin("helpdesk.ticket", "search_read", [("number", "=", number)],
                   ["partner_id", "channel_id", "hid_visit_id", "team_id"])[0]
    assert ticket["partner_id"][0] == citizen
    assert ticket["channel_id"][1] == "Şahsen / Danışma"
    assert ticket["team_id"][1] == "Fen İşleri Müdürlüğü"
    visit = admin("hid.danisma.visit", "read", [ticket["hid_visit_id"][0]],
                  ["ticket_number", "partner_id"])[0]
    assert visit["ticket_number"] == number and visit["partner_id"][0] == citizen


def test_mudurluk_sees_the_visit_not_the_visitor(page, server, screenshots):
    """Fen İşleri's user opens a visit directed to it: purpose, help needed, no visitor."""
    admin = server.login("admin", "admin")
    fen = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    purpose = admin("hid.danisma.purpose", "search", [("code", "=", "randevu")])[0]
    engelli = admin("hid.danisma.assistance", "search", [("code", "=", "engelli")])[0]
    visit = admin("hid.danisma.visit", "create", {
        "purpose_id": purpose, "team_id": fen, "visitor_name": "Gizli Ziyaretçi Kişi",
        "phone": "0532 468 13 58", "note": "Özel not", "assistance_ids": [(6, 0, [engelli])]})
    login(page, server, "fen.kullanici")
    page.goto(server.url + "/web#id=%d&model=hid.danisma.visit&view_type=form" % visit)
    page.wait_for_selector(".o_form_view .o_field_widget[name='purpose_id']")
    text = page.inner_text(".o_form_view")
    assert "Randevu" in text and "Engelli" in text and "Fen İşleri" in text, text
    assert "Gizli Ziyaretçi" not in text and "Özel not" not in text and "468" not in text
    assert page.locator("button.o_hid_to_application:visible, "
                        "button.o_hid_check_out:visible").count() == 0, "no desk button"
    page.screenshot(path=str(screenshots / "danisma-5-mudurluk.png"))
    assert not page.js_errors, page.js_errors
