"""The field page in Chromium on a phone-sized screen with a granted position: a capture
made while the browser is offline waits in IndexedDB (the page says so), and is sent with
its tracking number when the network is back. Map tiles come from a local stub server
(hid_basvuru.tile_url, set by conftest for the session), never from the internet."""
import re

import pytest

from test_saha_http import png

PHONE = {"width": 390, "height": 844}
POSITION = {"latitude": 41.0015, "longitude": 29.2290, "accuracy": 15}


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="tr-TR",
        geolocation=POSITION, permissions=["geolocation"])
    context.set_default_timeout(60000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and not msg.text.startswith(
        "Failed to load resource") and page.js_errors.append(msg.text))
    yield context, page
    context.close()


def _waiting_in_idb(page):
    return page.evaluate("""() => new Promise((resolve, reject) => {
        const req = indexedDB.open("hid-saha");
        req.onsuccess = () => {
            const all = req.result.transaction("captures").objectStore("captures").getAll();
            all.onsuccess = () => resolve(all.result.filter(c => c.state === "waiting").length);
        };
        req.onerror = () => reject(req.error);
    })""")


def test_capture_offline_then_sent(server, admin, tiles, phone, screenshots):
    context, page = phone
    sarigazi = admin("hid.mahalle", "search", [("name", "=", "Sarıgazi")])[0]
    admin("hid.mahalle", "write", [sarigazi], {"latitude": 41.0012, "longitude": 29.2288})
    saha_uid = server.login("saha.personel").uid
    agent = server.login("cagri.merkezi")
    category = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "FEN")],
                     limit=1)[0]
    task = agent("helpdesk.ticket", "create", {
        "name": "Tarayıcı görevi", "description": "<p>Bakılacak</p>", "category_id": category,
        "anonymous": True, "address": "Çınar Sk. 5", "latitude": 41.003, "longitude": 29.231})
    server.login("fen.yonetici")("helpdesk.ticket", "write", [task], {"user_id": saha_uid})
    task_number = admin("helpdesk.ticket", "read", [task], ["number"])[0]["number"]

    page.goto(server.url + "/web/login?redirect=/saha")
    page.fill("input[name=login]", "saha.personel")
    page.fill("input[name=password]", "saha.personel")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/saha$"))
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("h2", has_text="Yeni Başvuru").is_visible()
    # the position of the phone, shown on the map, proposes the mahalle
    page.wait_for_function("document.getElementById('saha-position').textContent"
                           ".indexOf('41.001500') >= 0")
    assert "± 15 m" in page.inner_text("#saha-position")
    assert page.input_value("#saha-mahalle") == str(sarigazi)
    assert "Sarıgazi" in page.inner_text("#saha-proposal")
    page.wait_for_selector("#saha-map .leaflet-marker-icon")
    assert any(hit.endswith(".png") for hit in tiles.hits), "tiles from the configured URL"
    # the assigned application is listed with its address on the map
    card = page.locator(".saha-task", has_text=task_number)
    assert "Çınar Sk. 5" in card.inner_text()
    page.wait_for_selector("#saha-task-map .leaflet-marker-icon")
    # the service worker controls the page: it comes back without the network
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    context.set_offline(True)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("document.getElementById('saha-position').textContent"
                           ".indexOf('41.001500') >= 0")
    page.select_option("#saha-category", str(category))
    page.fill("#saha-description", "Parkta kırık bank\nÇocuk parkı girişinde")
    page.set_input_files("#saha-photos", files=[
        {"name": "foto.png", "mimeType": "image/png", "buffer": png(40, 30)}])
    page.wait_for_selector("#saha-thumbs img")
    page.click("#saha-save")
    page.wait_for_function("document.getElementById('saha-status').textContent"
                           ".indexOf('bekliyor') >= 0")
    page.wait_for_function("document.getElementById('saha-net').textContent == 'Bağlantı yok'")
    waiting = page.locator("#saha-waiting li", has_text="Parkta kırık bank")
    assert "Bekliyor" in waiting.inner_text()
    assert _waiting_in_idb(page) == 1
    page.screenshot(path=str(screenshots / "saha-1-offline-waiting.png"))

    context.set_offline(False)
    sent = page.locator("#saha-sent li", has_text="Parkta kırık bank")
    sent.wait_for(timeout=45000)
    number = sent.locator(".number").inner_text()
    assert re.fullmatch(r"\d{4}-\d{6}", number)
    assert "takip numarası " + number in page.inner_text("#saha-status")
    assert _waiting_in_idb(page) == 0
    assert page.locator("#saha-waiting li", has_text="Parkta kırık bank").count() == 0
    page.screenshot(path=str(screenshots / "saha-2-sent.png"))

    ticket = admin("helpdesk.ticket", "search_read", [("number", "=", number)], fields=[
        "channel_id", "mahalle_id", "latitude", "longitude", "hid_saha_accuracy",
        "hid_saha_user_id", "name"])[0]
    assert ticket["channel_id"][1] == "Saha"
    assert ticket["mahalle_id"][0] == sarigazi
    assert abs(ticket["latitude"] - 41.0015) < 1e-6 and abs(ticket["longitude"] - 29.229) < 1e-6
    assert ticket["hid_saha_accuracy"] == 15
    assert ticket["hid_saha_user_id"][0] == saha_uid
    assert ticket["name"] == "Parkta kırık bank"
    photos = admin("ir.attachment", "search_read",
                   [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket["id"])],
                   fields=["mimetype"])
    assert [p["mimetype"] for p in photos] == ["image/jpeg"], "resized and re-encoded"

    # report back on the assignment with an "after" photo
    card = page.locator(".saha-task", has_text=task_number)
    card.locator(".saha-report-note").fill("Bank onarıldı")
    card.locator(".saha-report-phase").select_option("after")
    card.locator(".saha-report-photos").set_input_files(files=[
        {"name": "sonra.png", "mimeType": "image/png", "buffer": png(20, 20)}])
    with page.expect_navigation():
        card.locator("button[type=submit]").click()
    page.wait_for_selector("body[data-ready='1']")
    card = page.locator(".saha-task", has_text=task_number)
    assert card.locator("figcaption", has_text="Sonra").count() == 1
    messages = admin("mail.message", "search_read",
                     [("model", "=", "helpdesk.ticket"), ("res_id", "=", task)],
                     fields=["body", "author_id"])
    report = [m for m in messages if "Bank onarıldı" in m["body"]]
    assert report and report[0]["author_id"][1].startswith("Murat")
    assert not page.js_errors, page.js_errors
    admin("hid.mahalle", "write", [sarigazi], {"latitude": 0, "longitude": 0})
