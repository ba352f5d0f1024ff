"""One application from a phone call to closure, in Chromium, in Turkish:
call-centre agent → Fen İşleri user → HİM staff."""
import re

from test_browser_smoke import login


def logout(page, server):
    page.goto(server.url + "/web/session/logout")
    page.wait_for_selector("input[name=login]")


def pick_many2one(page, scope, field, text):
    """Type in a many2one field and choose the first proposal of the autocomplete."""
    page.fill('%s .o_field_widget[name="%s"] input' % (scope, field), text)
    proposal = page.locator(".ui-autocomplete:visible li a", has_text=text).first
    proposal.wait_for(state="visible")
    proposal.click()


def open_ticket(page, server, ticket_id):
    page.goto(server.url + "/web#id=%d&model=helpdesk.ticket&view_type=form" % ticket_id)
    page.wait_for_selector(".o_form_view .o_statusbar_status")


def test_phone_call_to_closure(page, server, screenshots):
    # 1. The call-centre agent takes the call and registers a new citizen's application.
    login(page, server, "cagri.merkezi")
    page.click('a[data-menu-xmlid="hid_basvuru.menu_hid_root"]')
    page.click('a[data-menu-xmlid="hid_basvuru.menu_hid_basvuru_intake"]')
    modal = ".modal-dialog"
    page.wait_for_selector(modal + ' .o_field_widget[name="phone"]')
    assert "Yeni Başvuru" in page.inner_text(modal)
    page.fill(modal + ' .o_field_widget[name="phone"]', "0535 246 80 13")
    page.fill(modal + ' .o_field_widget[name="new_name"]', "Kemal Aydın")
    page.click(modal + ' .o_field_widget[name="kvkk_notice_given"] input')
    pick_many2one(page, modal, "category_id", "Asfalt")
    pick_many2one(page, modal, "mahalle_id", "Sarıgazi")
    page.fill(modal + ' .o_field_widget[name="name"]', "Sokakta derin çukur")
    page.fill(modal + ' .o_field_widget[name="description"]', "Okul önünde, tehlikeli.")
    page.screenshot(path=str(screenshots / "flow-1-intake.png"))
    page.click(modal + " footer button.btn-primary")
    try:
        page.wait_for_selector(".o_form_view .o_statusbar_status")
    finally:
        page.screenshot(path=str(screenshots / "flow-1-after-save.png"))
    number = page.inner_text(".o_form_view .oe_title h1").strip()
    assert re.match(r"^\d{4}-\d{6}$", number)
    assert "Havale Edildi" in page.inner_text(".o_statusbar_status .btn-primary")
    page.screenshot(path=str(screenshots / "flow-1-registered.png"))
    assert not page.js_errors, page.js_errors
    admin = server.login("admin", "admin")
    ticket_id = admin("helpdesk.ticket", "search", [("number", "=", number)])[0]
    team = admin("helpdesk.ticket", "read", [ticket_id], ["team_id"])[0]["team_id"][1]
    assert team == "Fen İşleri Müdürlüğü", "the category routed it to Fen İşleri"
    logout(page, server)

    # 2. The Fen İşleri user starts work and writes the answer.
    login(page, server, "fen.kullanici")
    open_ticket(page, server, ticket_id)
    assert "Kemal Aydın" in page.inner_text(".o_form_view"), "the applicant, TCKN masked"
    page.click("button:has-text('İşe Başla')")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('İşlemde')")
    page.click(".o_form_button_edit")
    page.click("a[role=tab]:has-text('Cevap'), .nav-tabs a:has-text('Cevap')")
    page.fill('.o_field_widget[name="answer"]', "Çukur yarın asfaltlanacak.")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit", state="visible")
    page.click("button:has-text('Cevabı Gönder')")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Cevaplandı')")
    page.screenshot(path=str(screenshots / "flow-2-answered.png"))
    assert not page.js_errors, page.js_errors
    logout(page, server)

    # 3. HİM staff close it honestly.
    login(page, server, "him.personel")
    open_ticket(page, server, ticket_id)
    page.locator(".o_statusbar_buttons button:visible", has_text="Sonuçlandır").first.click()
    page.wait_for_selector(modal + ' .o_field_widget[name="closure_state"]')
    page.select_option(modal + ' select.o_field_widget[name="closure_state"]',
                       label="Çözüldü")
    page.click(modal + " footer button.btn-primary")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Sonuçlandı')")
    page.screenshot(path=str(screenshots / "flow-3-closed.png"))
    assert not page.js_errors, page.js_errors
    row = admin("helpdesk.ticket", "read", [ticket_id], ["closure_state", "answer"])[0]
    assert row["closure_state"] == "cozuldu"
    assert row["answer"] == "Çukur yarın asfaltlanacak."
