"""The maps and the daily screens in Chromium: the map picker of "Yeni Başvuru" (lookup of an
unknown phone, one citizen field, KVKK text, empty coordinates, a point outside Sancaktepe
warned about), the same map on the public form (with a photo, then shown as a thumbnail),
the applications' map with clustered markers as a müdürlük user (its record rules), the
kanban card's "number · type", and the date filters evaluated by the web client on a fixed
clock. Map tiles come from the session's stub server (conftest, hid_basvuru.tile_url).

New strings of hid_basvuru are translated when the lead regenerates its tr.po: the texts
checked here accept the Turkish or, until then, the English source."""
import datetime
import re

import pytest

from test_browser_basvuru_flow import ROOT_MENU, pick_many2one
from test_browser_smoke import click_app, click_menu, login
from test_saha_http import png

# Far from each other and from the mahalle centres (the demo's points): never one cluster.
FEN_POINT = (41.0600, 29.1700)
TEM_POINT = (41.0600, 29.3400)
OUTSIDE = ("41.008200", "28.978400")  # Sultanahmet


@pytest.fixture(scope="module")
def admin(server):
    return server.login("admin", "admin")


def _either(text, *variants):
    return any(v in text for v in variants)


def test_intake_map_picker(page, server, admin, tiles, screenshots):
    login(page, server, "cagri.merkezi")
    click_app(page, ROOT_MENU)
    page.wait_for_selector(".o_kanban_view, .o_list_view")
    assert page.locator(".o_cp_buttons .o-kanban-button-new, .o_cp_buttons .o_list_button_add"
                        ).count() == 0, "no raw Create on the applications"
    click_menu(page, 'a[data-menu-xmlid="hid_basvuru.menu_hid_basvuru_intake"]')
    modal = ".modal-dialog"
    page.wait_for_selector(modal + " .o_hid_map .leaflet-tile")
    assert page.locator(modal + " .o_field_widget[name=new_name]").is_hidden(), \
        "one citizen field: no new name before a lookup"
    assert page.input_value(modal + " .o_hid_lat") == "", "empty, not 0,0000000"
    assert page.input_value(modal + " .o_hid_lon") == ""
    assert "6698" in page.inner_text(modal + " .o_hid_kvkk"), "the KVKK notice beside its tick"
    page.fill(modal + " .o_field_widget[name=phone]", "0536 112 23 34")
    message = page.locator(modal + " .o_hid_lookup_message")
    message.wait_for(state="visible")
    assert _either(message.inner_text(), "Kayıtlı vatandaş bulunamadı", "No registered citizen")
    assert "0536 112 23 34" in message.inner_text(), "the new citizen's phone"
    assert page.locator(modal + " .o_field_widget[name=partner_id]").is_hidden()
    page.fill(modal + " .o_field_widget[name=new_name]", "Harita Deneme")
    page.click(modal + " .o_field_widget[name=kvkk_notice_given] input")
    pick_many2one(page, modal, "category_id", "Asfalt")
    page.fill(modal + " .o_field_widget[name=name]", "Haritadan seçilen çukur")
    page.fill(modal + " .o_field_widget[name=description]", "Haritada işaretlendi.")
    # the point picked on the map (its centre, in Sancaktepe)
    page.locator(modal + " .o_hid_map").scroll_into_view_if_needed()
    box = page.locator(modal + " .o_hid_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("document.querySelector('.modal-dialog .o_hid_lat').value"
                           ".indexOf('41.0') === 0")
    page.wait_for_selector(modal + " .o_hid_map .leaflet-marker-icon")
    warning = page.locator(modal + " .o_hid_map_warning")
    assert warning.is_hidden()
    lat, lon = page.input_value(modal + " .o_hid_lat"), page.input_value(modal + " .o_hid_lon")
    # a typed point outside Sancaktepe: a warning, not an error
    page.fill(modal + " .o_hid_lat", OUTSIDE[0])
    page.fill(modal + " .o_hid_lon", OUTSIDE[1])
    page.press(modal + " .o_hid_lon", "Tab")
    warning.wait_for(state="visible")
    assert _either(warning.inner_text(), "Sancaktepe")
    page.screenshot(path=str(screenshots / "ekran-1-intake-outside.png"))
    # removed, then the map's point typed back
    page.click(modal + " .o_hid_map_clear")
    page.wait_for_selector(modal + " .o_hid_map .leaflet-marker-icon", state="detached")
    assert page.input_value(modal + " .o_hid_lat") == ""
    page.fill(modal + " .o_hid_lat", lat)
    page.fill(modal + " .o_hid_lon", lon)
    page.press(modal + " .o_hid_lon", "Tab")
    page.wait_for_selector(modal + " .o_hid_map .leaflet-marker-icon")
    warning.wait_for(state="hidden")
    assert any(hit.endswith(".png") for hit in tiles.hits), "tiles from the configured URL"
    page.screenshot(path=str(screenshots / "ekran-1-intake-map.png"))
    page.click(modal + " footer button.btn-primary")
    page.wait_for_selector(".o_form_view .o_statusbar_status")
    number = page.inner_text(".o_form_view .oe_title h1").strip()
    ticket = admin("helpdesk.ticket", "search_read", [("number", "=", number)],
                   ["latitude", "longitude", "basvuru_type_id"])[0]
    assert (round(ticket["latitude"], 6), round(ticket["longitude"], 6)) == \
        (round(float(lat), 6), round(float(lon), 6))
    assert abs(ticket["latitude"] - 41.0008) < 0.01 and abs(ticket["longitude"] - 29.231) < 0.02
    # the application's form shows the point on its map (read-only for the agent now)
    page.wait_for_selector(".o_form_view .o_hid_map .leaflet-marker-icon")
    page.screenshot(path=str(screenshots / "ekran-2-ticket-point.png"))
    # the kanban card: "number · type"
    click_app(page, ROOT_MENU)
    page.wait_for_selector(".o_kanban_view")
    card = page.locator(".o_kanban_record", has_text=number).first
    title = card.locator(".o_kanban_record_title").inner_text()
    assert title.strip() == "%s · %s" % (number, ticket["basvuru_type_id"][1]), title
    assert not page.js_errors, page.js_errors


def test_public_form_map_and_photo(page, server, admin, tiles, screenshots):
    page.goto(server.url + "/basvuru")
    page.wait_for_selector("#hid_map .leaflet-tile")
    assert page.input_value("#hid_latitude") == ""
    page.locator("#hid_map").scroll_into_view_if_needed()
    box = page.locator("#hid_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("document.getElementById('hid_latitude').value.indexOf('41.0') === 0")
    assert page.locator("#hid_map .leaflet-marker-icon").count() == 1
    assert page.locator("#hid_map_outside").is_hidden()
    lat, lon = page.input_value("#hid_latitude"), page.input_value("#hid_longitude")
    # typed outside Sancaktepe: warned, and the marker follows; then back to the map's point
    page.fill("#hid_latitude", OUTSIDE[0])
    page.fill("#hid_longitude", OUTSIDE[1])
    page.press("#hid_longitude", "Tab")
    page.wait_for_selector("#hid_map_outside", state="visible")
    page.fill("#hid_latitude", lat)
    page.fill("#hid_longitude", lon)
    page.press("#hid_longitude", "Tab")
    page.wait_for_selector("#hid_map_outside", state="hidden")
    page.select_option("#hid_basvuru_type_id", index=1)
    page.select_option("#hid_category_id", index=1)
    page.select_option("#hid_mahalle_id", index=1)
    page.fill("#hid_description", "Haritadan işaretledim, fotoğraf ekledim.")
    page.fill("#hid_name", "Harita Vatandaş")
    page.fill("#hid_phone", "0536 998 77 66")
    page.set_input_files("#hid_files", files=[{"name": "cukur.png", "mimeType": "image/png",
                                               "buffer": png(64, 48)}])
    page.check("#hid_kvkk")
    page.screenshot(path=str(screenshots / "ekran-3-public-map.png"), full_page=True)
    page.click("#hid_submit")
    number = page.inner_text("#hid_tracking_number").strip()
    ticket = admin("helpdesk.ticket", "search_read", [("number", "=", number)],
                   ["latitude", "longitude", "hid_photo_ids"])[0]
    assert (round(ticket["latitude"], 6), round(ticket["longitude"], 6)) == \
        (float(lat), float(lon))
    assert len(ticket["hid_photo_ids"]) == 1
    assert not page.js_errors, page.js_errors

    # HİM staff see the photo as a thumbnail that opens full size
    login(page, server, "him.personel")
    page.goto(server.url + "/web#id=%d&model=helpdesk.ticket&view_type=form" % ticket["id"])
    page.wait_for_selector(".o_form_view .o_statusbar_status")
    page.click(".nav-tabs a:has-text('Fotoğraf'), .nav-tabs a:has-text('Photos')")
    thumb = page.locator(".o_hid_photos img").first
    thumb.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.o_hid_photos img').naturalWidth > 0")
    href = page.locator(".o_hid_photos a").first.get_attribute("href")
    assert href == "/web/image/%d" % ticket["hid_photo_ids"][0]
    page.screenshot(path=str(screenshots / "ekran-4-photo.png"))
    # the file itself is refused to a müdürlük that does not handle the application
    other = server.login("temizlik.kullanici")
    assert not other("helpdesk.ticket", "search", [("id", "=", ticket["id"])])
    assert not page.js_errors, page.js_errors


def test_map_view_as_mudurluk(page, server, admin, tiles, screenshots):
    agent = server.login("cagri.merkezi")
    fen_cat = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "FEN")],
                    limit=1)[0]
    tem_cat = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "TEM")],
                    limit=1)[0]
    ids = [agent("helpdesk.ticket", "create", {
        "name": name, "description": "<p>Harita</p>", "category_id": cat, "anonymous": True,
        "latitude": point[0], "longitude": point[1]})
        for name, cat, point in (("Fen haritası", fen_cat, FEN_POINT),
                                 ("Temizlik haritası", tem_cat, TEM_POINT))]
    fen_no, tem_no = [r["number"] for r in admin("helpdesk.ticket", "read", ids, ["number"])]
    action = admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.hid_ticket_map_action")

    login(page, server, "fen.kullanici")
    menu = page.locator('a[data-menu-xmlid="hid_basvuru.menu_hid_basvuru_map"]')
    assert menu.count() == 1, "the map is in the applications' menu"
    page.goto(server.url + "/web#action=%d" % action)
    page.wait_for_selector(".o_hid_map_action .leaflet-tile")
    marker = page.locator('.o_hid_map_action .leaflet-marker-icon[title="%s"]' % fen_no)
    marker.wait_for(state="visible")
    assert page.locator('.leaflet-marker-icon[title="%s"]' % tem_no).count() == 0, \
        "another müdürlük's application is not on the map"
    status = page.inner_text(".o_hid_map_status")
    assert re.search(r"\d+", status)
    labels = page.inner_text(".o_hid_map_filters")
    assert _either(labels, "Müdürlük") and _either(labels, "Kategori", "Category")
    page.screenshot(path=str(screenshots / "ekran-5-map-view.png"))
    # the müdürlük filter: another müdürlük leaves nothing of ours
    tem_team = admin("helpdesk.ticket.team", "search", [("code", "=", "TEM")])[0]
    page.select_option(".o_hid_map_filters select[name=team_id]", str(tem_team))
    marker.wait_for(state="detached")
    page.select_option(".o_hid_map_filters select[name=team_id]", "")
    marker.wait_for(state="visible")
    marker.click()
    page.wait_for_selector(".o_form_view .oe_title h1:has-text('%s')" % fen_no)
    assert not page.js_errors, page.js_errors


def test_date_filters_in_the_browser(page, server, admin):
    """The client evaluates the filters with its own date: on a fixed clock (Sunday
    3 January 2027, 23:30 in Istanbul) they give the week, month and year around it."""
    arch = admin("helpdesk.ticket", "fields_view_get",
                 admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.hid_ticket_view_search"),
                 "search")["arch"]
    domains = dict(re.findall(r'<filter name="(received_\w+)"[^>]*?domain="([^"]+)"', arch,
                              re.S))
    assert set(domains) == {"received_today", "received_week", "received_month",
                            "received_year"}
    page.clock.set_fixed_time(datetime.datetime(2027, 1, 3, 20, 30,
                                                tzinfo=datetime.timezone.utc))
    login(page, server, "him.personel")
    results = page.evaluate("""(domains) => {
        const pyeval = odoo.__DEBUG__.services["web.pyeval"];
        const out = {};
        for (const [name, text] of Object.entries(domains)) {
            const unescaped = text.replace(/&gt;/g, ">").replace(/&lt;/g, "<")
                                  .replace(/&amp;/g, "&").replace(/&quot;/g, '"')
                                  .replace(/&#39;/g, "'");
            out[name] = pyeval.eval("domain", unescaped).map((leaf) => leaf.join(" "));
        }
        return out;
    }""", domains)
    assert results["received_today"] == ["received_day = 2027-01-03"]
    assert results["received_week"] == ["received_day >= 2026-12-28",
                                        "received_day <= 2027-01-03"]
    assert results["received_month"] == ["received_day >= 2027-01-01",
                                         "received_day < 2027-02-01"]
    assert results["received_year"] == ["received_day >= 2027-01-01",
                                        "received_day <= 2027-12-31"]


def test_ticket_point_set_by_him_staff(page, server, admin, tiles, screenshots):
    """On the application's form, HİM staff mark the point of a case that had none."""
    agent = server.login("cagri.merkezi")
    category = admin("helpdesk.ticket.category", "search", [("team_id.code", "=", "TEM")],
                     limit=1)[0]
    ticket = agent("helpdesk.ticket", "create", {
        "name": "Noktasız başvuru", "description": "<p>Yer sonra</p>", "category_id": category,
        "anonymous": True})
    login(page, server, "him.personel")
    page.goto(server.url + "/web#id=%d&model=helpdesk.ticket&view_type=form" % ticket)
    page.wait_for_selector(".o_form_view .o_statusbar_status")
    assert page.locator(".o_form_view .o_hid_map").count() == 0, "no point: no map"
    assert page.locator(".o_form_view .o_hid_map_text").is_visible()
    page.click(".o_form_button_edit")
    page.wait_for_selector(".o_form_view .o_hid_map .leaflet-tile")
    assert page.input_value(".o_form_view .o_hid_lat") == ""
    page.locator(".o_form_view .o_hid_map").scroll_into_view_if_needed()
    box = page.locator(".o_form_view .o_hid_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".o_form_view .o_hid_map .leaflet-marker-icon")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit", state="visible")
    row = admin("helpdesk.ticket", "read", [ticket], ["latitude", "longitude"])[0]
    assert abs(row["latitude"] - 41.0008) < 0.01 and abs(row["longitude"] - 29.231) < 0.02, row
    page.screenshot(path=str(screenshots / "ekran-6-ticket-point-set.png"))
    assert not page.js_errors, page.js_errors
