"""Every demo role logs in through the real login page in Chromium and opens its menu."""
import pytest

from conftest import DEMO_USERS

MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_root"]'


def login(page, server, user):
    page.goto(server.url + "/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_web_client", timeout=30000)


def app_entry(page, selector=MENU):
    """An app's entry in the main menu. web_responsive keeps the apps in its app drawer,
    off-canvas until its toggle (the grid icon) opens it: open it first."""
    if page.locator("#odooAppDrawer " + selector).count() and not page.evaluate(
            "document.body.classList.contains('drawer-open')"):
        # Let the home action finish first: an app chosen while it still loads gets its view,
        # but the home action then puts its own menu back (web_responsive on Odoo 11).
        page.wait_for_selector(".o_control_panel .breadcrumb", timeout=60000)
        page.wait_for_function("!document.body.classList.contains('oe_wait')")
        # a click while the web client still starts (body.oe_wait) may be lost: try again
        for _attempt in range(20):
            page.locator(".app-drawer-toggle:visible").first.click()
            page.wait_for_timeout(500)  # the drawer slides in
            if page.evaluate("document.body.classList.contains('drawer-open')"):
                break
        else:
            raise AssertionError("the app drawer does not open")
    return page.locator(selector).first


def click_app(page, selector=MENU):
    app_entry(page, selector).click()


def click_menu(page, selector):
    """A menu item of the open app. web_responsive puts a section's items in a dropdown of
    the top bar: open the section first."""
    item = page.locator(selector).first
    item.wait_for(state="attached", timeout=30000)
    if not item.is_visible():
        page.locator("li:has(> ul.oe_secondary_submenu %s) > a.dropdown-toggle" % selector
                     ).first.click()
    item.click()


@pytest.mark.parametrize("user", sorted(DEMO_USERS))
def test_role_opens_halkla_iliskiler(page, server, screenshots, user):
    login(page, server, user)
    menu = app_entry(page)
    assert menu.inner_text().strip() == "Halkla İlişkiler", "the app menu is in Turkish"
    menu.click()
    page.wait_for_selector(".o_control_panel .breadcrumb", timeout=30000)
    page.wait_for_selector(".o_kanban_view, .o_list_view", timeout=30000)
    assert "Başvurular" in page.inner_text(".o_control_panel .breadcrumb")
    config = page.locator('[data-menu-xmlid="hid_basvuru.menu_hid_config"]')
    if DEMO_USERS[user] in ("director", "staff"):
        assert config.count() == 1, "the director configures HİD, HİM staff the calendar"
    else:
        assert config.count() == 0, "%s has no configuration menu" % user
    teams = page.locator('[data-menu-xmlid="hid_basvuru.menu_hid_config_team"]')
    assert teams.count() == (1 if DEMO_USERS[user] == "director" else 0)
    assert page.locator('[data-menu-xmlid="website.menu_website_configuration"]').count() == 0
    page.screenshot(path=str(screenshots / ("%s.png" % user)))
    assert not page.js_errors, "JavaScript errors: %s" % page.js_errors


def test_director_sees_mudurlukler(page, server, screenshots):
    login(page, server, "him.mudur")
    click_app(page)
    click_menu(page, 'a[data-menu-xmlid="hid_basvuru.menu_hid_config_team"]')
    page.wait_for_selector(".o_list_view", timeout=30000)
    page.wait_for_selector("td:has-text('Fen İşleri Müdürlüğü')", timeout=30000)
    assert "Müdürlükler" in page.inner_text(".o_control_panel .breadcrumb")
    page.screenshot(path=str(screenshots / "him.mudur-mudurlukler.png"))
    assert not page.js_errors, "JavaScript errors: %s" % page.js_errors


def test_wrong_password_is_refused_in_turkish(page, server):
    page.goto(server.url + "/web/login")
    page.fill("input[name=login]", "fen.kullanici")
    page.fill("input[name=password]", "yanlis")
    page.click("button[type=submit]")
    page.wait_for_selector(".alert-danger", timeout=30000)
    assert "Yanlış giriş/şifre" in page.inner_text(".alert-danger")
    assert page.locator(".o_web_client").count() == 0


def test_login_page_in_turkish(page, server, screenshots):
    page.goto(server.url + "/web/login")
    assert page.locator("button[type=submit]").inner_text().strip() == "Giriş"
    assert page.locator("html").get_attribute("lang") == "tr-TR"
    page.screenshot(path=str(screenshots / "login.png"))
