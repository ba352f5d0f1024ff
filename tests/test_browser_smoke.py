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


@pytest.mark.parametrize("user", sorted(DEMO_USERS))
def test_role_opens_halkla_iliskiler(page, server, screenshots, user):
    login(page, server, user)
    menu = page.locator(MENU)
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
    page.click(MENU)
    page.click('a[data-menu-xmlid="hid_basvuru.menu_hid_config_team"]')
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
