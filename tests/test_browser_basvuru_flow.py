"""One application from a phone call to closure, in Chromium, in Turkish:
call-centre agent → Fen İşleri user → HİM staff."""
import re

from test_browser_smoke import click_app, click_menu, login


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


ROOT_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_root"]'
INTAKE_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_basvuru_intake"]'


def open_app(page):
    """Open Halkla İlişkiler and wait until its first view is there: a click on another menu
    item before that races with the app's own action (see test_intake_while_the_app_loads)."""
    click_app(page, ROOT_MENU)
    page.wait_for_selector(".o_control_panel .breadcrumb")
    page.wait_for_selector(".o_kanban_view, .o_list_view")


def _hold(page, pattern):
    """The first request matching `pattern` is held (not sent) until the test lets it go;
    the next ones go."""
    held = []

    def handle(route, request):
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route(pattern, handle)
    return held


def _wait_until(page, condition, what, seconds=60):
    for _i in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("timed out waiting for %s" % what)


def test_intake_while_the_app_loads(page, server, screenshots):
    """Yeni Başvuru clicked while the app's main action still loads: the main action closes
    the dialog when it arrives (Odoo 11), and the dialog's views, still loading, must then
    stop quietly, not end in an "Odoo Müşteri Hatası" dialog (seen on a busy machine)."""
    # the home action (Halkla İlişkiler's applications) is held from the login on
    main_action = _hold(page, "**/web/action/load")
    login(page, server, "cagri.merkezi")
    _wait_until(page, lambda: main_action, "the app's action request")
    intake_views = _hold(page, "**/web/dataset/call_kw/hid.basvuru.intake/load_views")
    click_menu(page, INTAKE_MENU)
    _wait_until(page, lambda: intake_views, "the intake dialog loading its views")
    main_action[0].continue_()  # the app's action arrives while the dialog still loads
    page.wait_for_selector(".o_kanban_view, .o_list_view")
    intake_views[0].continue_()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(screenshots / "flow-0-intake-while-loading.png"))
    assert not page.js_errors, page.js_errors
    assert page.locator(".o_dialog_error, .modal-dialog:has-text('Hata')").count() == 0
    click_menu(page, INTAKE_MENU)
    page.wait_for_selector('.modal-dialog .o_field_widget[name="phone"]')
    assert not page.js_errors, page.js_errors


def test_phone_call_to_closure(page, server, screenshots):
    # 1. The call-centre agent takes the call and registers a new citizen's application.
    login(page, server, "cagri.merkezi")
    open_app(page)
    click_menu(page, INTAKE_MENU)
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
