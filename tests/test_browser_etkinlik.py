"""A Halk Günü in Chromium, in Turkish: the organiser plans and announces it, the desk runs
two visits (one becomes an application routed to Fen İşleri, one is informed on the spot)
and the event is closed with its minutes."""
from test_browser_basvuru_flow import pick_many2one
from test_browser_smoke import login

MODAL = ".modal-dialog"


def form_field(name, scope=""):
    return '%s .o_field_widget[name="%s"]' % (scope, name)


def click_button(page, text):
    page.locator(".o_statusbar_buttons button:visible", has_text=text).first.click()


def wait_for(page, selector):
    """Wait for `selector`; an Odoo error dialog instead fails at once with its details."""
    page.wait_for_selector("%s, .o_dialog_error, .modal-dialog:has-text('Hata')" % selector)
    error = page.locator(".o_dialog_error, .modal-dialog:has-text('Hata')")
    if error.count():
        details = error.first.locator(".o_error_detail")
        text = details.first.text_content() if details.count() else error.first.inner_text()
        raise AssertionError("%s\n%s" % (text, page.js_errors))


def save(page):
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit", state="visible")


def test_halk_gunu_from_plan_to_minutes(page, server, screenshots):
    admin = server.login("admin", "admin")
    action = admin("ir.model.data", "xmlid_to_res_id", "hid_etkinlik.action_hid_event")
    login(page, server, "etkinlik.organizator")

    # 1. Plan the Halk Günü and announce it.
    page.goto(server.url + "/web#action=%d&view_type=list" % action)
    wait_for(page, ".o_list_view")
    assert "Etkinlikler" in page.inner_text(".o_control_panel .breadcrumb")
    page.click(".o_list_button_add")
    page.wait_for_selector(form_field("hid_kind_id"))
    page.fill(form_field("name"), "Tarayıcı Halk Günü")
    pick_many2one(page, "", "hid_kind_id", "Halk Günü")
    date_input = page.locator('[name="start_datetime"] input, input[name="start_datetime"]')
    date_input.first.fill("20-12-2026 10:00:00")
    date_input.first.press("Enter")
    page.keyboard.press("Escape")
    page.fill(form_field("duration"), "03:00")
    page.fill(form_field("location"), "Sarıgazi Meydanı")
    pick_many2one(page, "", "hid_desk_team_ids", "Fen İşleri")
    page.screenshot(path=str(screenshots / "etkinlik-1-plan.png"))
    save(page)
    assert "Planlandı" in page.inner_text(".o_statusbar_status .btn-primary")
    assert "Çadır" in page.inner_text(".o_form_view"), "the kind's checklist came along"
    click_button(page, "Duyur")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Duyuruldu')")
    event_id = admin("calendar.event", "search", [("name", "=", "Tarayıcı Halk Günü")])[0]
    assert not page.js_errors, page.js_errors

    # 2. Two visitors at the desks.
    page.click(".oe_stat_button:has(.fa-users)")
    page.wait_for_selector(".o_list_view")
    page.click(".o_list_button_add")
    page.wait_for_selector(form_field("phone"))
    page.fill(form_field("phone"), "0535 111 22 44")
    page.fill(form_field("visitor_name"), "Selim Tarayıcı")
    pick_many2one(page, "", "team_id", "Fen İşleri")
    page.fill(form_field("topic"), "Kaldırım çökmüş")
    save(page)
    assert page.inner_text(".oe_title h1").strip().endswith("1"), "sıra no 1"
    click_button(page, "Çağır")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Masada')")
    click_button(page, "Başvuru Aç")
    page.wait_for_selector(form_field("description", MODAL))
    page.click(form_field("kvkk_notice_given", MODAL) + " input")
    pick_many2one(page, MODAL, "category_id", "Asfalt")
    page.fill(form_field("description", MODAL), "Okul önünde kaldırım çökmüş, tehlikeli.")
    page.screenshot(path=str(screenshots / "etkinlik-2-basvuru.png"))
    page.click(MODAL + " button:has-text('Başvuruyu Kaydet')")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Tamamlandı')")
    assert "Başvuru Açıldı" in page.inner_text(".o_form_view")
    assert not page.js_errors, page.js_errors

    page.click(".o_form_button_create")
    page.wait_for_selector(form_field("visitor_name"))
    pick_many2one(page, "", "team_id", "Fen İşleri")
    page.fill(form_field("topic"), "İmar durumu sorusu")
    save(page)
    assert page.inner_text(".oe_title h1").strip().endswith("2"), "sıra no 2"
    click_button(page, "Bilgi Verildi")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Tamamlandı')")
    page.screenshot(path=str(screenshots / "etkinlik-3-visits.png"))

    visits = admin("hid.etkinlik.visit", "search_read", [("event_id", "=", event_id)],
                   ["queue_no", "outcome", "ticket_id"], order="queue_no")
    assert [(v["queue_no"], v["outcome"]) for v in visits] == [(1, "ticket"), (2, "informed")]
    ticket = admin("helpdesk.ticket", "read", [visits[0]["ticket_id"][0]],
                   ["team_id", "channel_id", "hid_etkinlik_id", "number"])[0]
    assert ticket["team_id"][1] == "Fen İşleri Müdürlüğü", "routed by the category"
    assert ticket["channel_id"][1] == "Halk Günü"
    assert ticket["hid_etkinlik_id"][0] == event_id

    # 3. Close the event with its minutes.
    page.goto(server.url + "/web#id=%d&model=calendar.event&view_type=form&action=%d"
              % (event_id, action))
    page.wait_for_selector(".o_statusbar_status")
    click_button(page, "Tutanakla Kapat")
    page.wait_for_selector(form_field("minutes", MODAL))
    page.fill(form_field("actual_attendance", MODAL), "150")
    page.fill(form_field("minutes", MODAL), "Kaldırım ve imar soruları dinlendi.")
    page.click(MODAL + " button:has-text('Etkinliği Kapat')")
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('Yapıldı')")
    page.click("a[role=tab]:has-text('Rakamlar'), .nav-tabs a:has-text('Rakamlar')")
    assert ticket["number"] in page.inner_text(".o_form_view"), "the event lists its application"
    page.screenshot(path=str(screenshots / "etkinlik-4-closed.png"))
    assert not page.js_errors, page.js_errors
    row = admin("calendar.event", "read", [event_id],
                ["hid_state", "hid_minutes", "hid_actual_attendance", "hid_visitor_count",
                 "hid_ticket_count"])[0]
    assert row["hid_state"] == "done"
    assert row["hid_minutes"] == "Kaldırım ve imar soruları dinlendi."
    assert (row["hid_actual_attendance"], row["hid_visitor_count"], row["hid_ticket_count"]) \
        == (150, 2, 1)
