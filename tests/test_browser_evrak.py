"""The registry's day in Chromium: a citizen's petition with a scan is registered, its receipt
printed, handed to Fen İşleri on a zimmet fişi and signed for by the Fen İşleri user.
Selectors use field names and button classes, not labels, so the test holds in any language."""
import re

from test_browser_basvuru_flow import logout, pick_many2one

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def login(page, server, user):
    """As test_browser_smoke.login, with time for a fresh clone to build its asset bundles."""
    page.goto(server.url + "/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_web_client", timeout=120000)


def new_record(page, server, menu):
    """Start a new record of a registry menu's action.

    Straight to the action's form (as a bookmark would): clicking the menu while its list is
    already the home screen races with the reload of that list, which throws the new form away.
    """
    href = page.locator('a[data-menu-xmlid="hid_evrak.%s"]' % menu).get_attribute("href")
    action = re.search(r"action=(\d+)", href).group(1)
    page.goto(server.url + "/web#action=%s&view_type=form" % action)
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=90000)


def save(page):
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit", state="visible")


def test_petition_to_signed_zimmet(page, server, screenshots, tmp_path):
    admin = server.login("admin", "admin")
    admin("res.partner", "create", {"name": "Derya Koçak", "hid_citizen": True,
                                    "mobile": "0533 444 55 66"})

    # 1. The registry clerk registers the petition with its scan.
    login(page, server, "evrak.kayit")
    new_record(page, server, "menu_hid_evrak_evrak")
    form = ".o_form_view"
    # generous: the first screen after a fresh database builds the asset bundles
    page.wait_for_selector(form + ' .o_field_widget[name="subject"]', timeout=90000)
    pick_many2one(page, form, "sender_id", "Derya Koçak")
    page.select_option(form + ' select.o_field_widget[name="evrak_type"]', value='"dilekce"')
    page.click(form + ' .o_field_widget[name="kvkk_notice_given"] input')
    page.fill(form + ' .o_field_widget[name="subject"]', "Parkın aydınlatması yetersiz")
    page.fill(form + ' .o_field_widget[name="page_count"]', "1")
    page.click(form + ' .o_field_widget[name="scan_ids"] .o_field_x2many_list_row_add a')
    page.set_input_files(form + ' .o_field_widget[name="scan_ids"] input.o_input_file',
                         files=[{"name": "dilekce.pdf", "mimeType": "application/pdf",
                                 "buffer": PDF}])
    page.wait_for_selector(form + ' .o_field_widget[name="scan_ids"] '
                                  'input.o_field_widget[name="name"]')
    page.wait_for_function(
        "() => document.querySelector('.o_field_widget[name=\"scan_ids\"] "
        "input.o_field_widget[name=\"name\"]').value === 'dilekce.pdf'")
    page.screenshot(path=str(screenshots / "evrak-1-register.png"))
    save(page)
    number = page.inner_text(form + ' .o_field_widget[name="name"]').strip()
    assert re.match(r"^\d{4}/\d{6}$", number), number
    page.screenshot(path=str(screenshots / "evrak-1-registered.png"))
    evrak_id = admin("hid.evrak", "search", [("name", "=", number)])[0]
    row = admin("hid.evrak", "read", [evrak_id], ["ticket_id", "scan_ids"])[0]
    assert row["ticket_id"], "the petition became an application"
    assert len(row["scan_ids"]) == 1
    ticket = admin("helpdesk.ticket", "read", [row["ticket_id"][0]], ["evrak_no"])[0]
    assert ticket["evrak_no"] == number

    # The application shows the document it came from.
    page.click(form + " .oe_button_box button.oe_stat_button")
    page.wait_for_selector(form + ' .o_field_widget[name="evrak_ids"]', state="attached")
    tabs = page.locator(form + ' .o_notebook a[data-toggle="tab"]')
    for i in range(tabs.count()):  # the references tab, whatever its label
        tabs.nth(i).click()
        if page.locator(form + ' .o_field_widget[name="evrak_ids"]').is_visible():
            break
    assert number in page.inner_text(form + ' .o_field_widget[name="evrak_ids"]')
    page.screenshot(path=str(screenshots / "evrak-1-application.png"))
    page.go_back()
    page.wait_for_selector(".o_statusbar_buttons button.o_hid_print_receipt")

    # 2. The receipt for the citizen.
    with page.expect_download() as download_info:
        page.click(".o_statusbar_buttons button.o_hid_print_receipt")
    path = tmp_path / "alindi.pdf"
    download_info.value.save_as(str(path))
    assert path.read_bytes().startswith(b"%PDF"), "the receipt is a PDF"
    assert not page.js_errors, page.js_errors

    # 3. Handed to Fen İşleri on a zimmet fişi.
    new_record(page, server, "menu_hid_evrak_zimmet")
    page.wait_for_selector(form + ' .o_field_widget[name="team_id"]')
    pick_many2one(page, form, "team_id", "Fen İşleri")
    page.click(form + ' .o_field_widget[name="line_ids"] .o_field_x2many_list_row_add a')
    pick_many2one(page, form + ' .o_field_widget[name="line_ids"]', "evrak_id", number)
    save(page)
    page.click('.o_statusbar_buttons button.o_hid_send')
    page.wait_for_selector('.o_statusbar_buttons button.o_hid_send', state="hidden")
    zimmet_id = admin("hid.zimmet", "search", [("line_ids.evrak_id", "=", evrak_id)])[0]
    assert admin("hid.zimmet", "read", [zimmet_id], ["state"])[0]["state"] == "sent"
    assert not page.is_visible('.o_statusbar_buttons button.o_hid_confirm_receipt'), \
        "Teslim Aldım is the receiving müdürlük's, not the registry's"
    page.screenshot(path=str(screenshots / "evrak-3-handed-over.png"))
    assert not page.js_errors, page.js_errors
    logout(page, server)

    # 4. The Fen İşleri user signs for it: "Teslim Aldım".
    login(page, server, "fen.kullanici")
    page.goto(server.url + "/web#id=%d&model=hid.zimmet&view_type=form" % zimmet_id)
    page.click('.o_statusbar_buttons button.o_hid_confirm_receipt')
    page.click(".modal-footer .btn-primary")
    page.wait_for_selector('.o_statusbar_buttons button.o_hid_confirm_receipt',
                           state="hidden")
    page.screenshot(path=str(screenshots / "evrak-4-received.png"))
    assert not page.js_errors, page.js_errors
    row = admin("hid.zimmet", "read", [zimmet_id], ["state", "received_uid", "received_date"])[0]
    assert row["state"] == "received"
    assert row["received_uid"][1].startswith("Ali Yıldız"), "fen.kullanici signed"
    assert row["received_date"]
    assert admin("hid.evrak", "read", [evrak_id], ["state"])[0]["state"] == "received"
