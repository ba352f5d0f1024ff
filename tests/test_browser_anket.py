"""Surveys in Chromium on a phone-sized screen: the citizen answers the satisfaction survey
from the SMS link and the application is reopened for HİM staff; an opinion survey is
filled on the web and its result chart opens."""
import re

import pytest

from test_browser_smoke import click_app, click_menu, login

PHONE = {"width": 390, "height": 844}
LINK = re.compile(r"/anket/[A-Za-z0-9_-]{20,64}")


@pytest.fixture
def phone(browser):
    """A phone-sized context with no login: the citizen's."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  locale="tr-TR")
    context.set_default_timeout(60000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.js_errors.append(msg.text))
    yield page
    context.close()


def _closed_application(server):
    """A citizen's application, answered by Fen İşleri and closed by HİM staff today, with
    the çözüldü rule set to 0 days so that the survey goes out at once."""
    admin = server.login("admin", "admin")
    fen_team = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    partner = admin("res.partner", "create", {
        "name": "Anket Vatandaşı", "hid_citizen": True, "mobile": "0532 444 55 66",
        "kvkk_notice_given": True})
    ticket = admin("helpdesk.ticket", "create", {
        "name": "Kaldırım bozuk", "description": "Anket testi", "team_id": fen_team,
        "partner_id": partner, "kvkk_notice_given": True})
    server.login("fen.kullanici")("helpdesk.ticket", "action_answer", [ticket],
                                  "Kaldırım onarıldı.")
    director = server.login("him.mudur")
    rule = director("hid.anket.rule", "search", [("closure_state", "=", "cozuldu")])
    director("hid.anket.rule", "write", rule, {"delay_days": 0})
    server.login("him.personel")("helpdesk.ticket", "action_close", [ticket], "cozuldu")
    cron = admin("ir.model.data", "xmlid_to_res_id", "hid_anket.cron_send_satisfaction")
    admin("ir.cron", "method_direct_trigger", [cron])
    return ticket


def test_satisfaction_no_reopens_for_him_staff(server, phone, page, screenshots):
    ticket = _closed_application(server)
    staff = server.login("him.personel")
    sms = staff("hid.sms", "search_read",
                [("ticket_id", "=", ticket), ("template_code", "=", "anket_satisfaction")],
                fields=["body", "state"])
    assert len(sms) == 1, "one satisfaction SMS queued"
    assert not LINK.search(sms[0]["body"]), "HİM staff see the link with its token masked"
    # the citizen's link: what goes to the provider (readable by the system only)
    private = server.login("admin", "admin")("hid.sms", "read", [sms[0]["id"]],
                                             ["private_body"])[0]["private_body"]
    path = LINK.search(private).group(0)
    number = staff("helpdesk.ticket", "read", [ticket], ["number"])[0]["number"]

    phone.goto(server.url + path)
    assert phone.inner_text("#hid_anket_number") == number
    assert "Anket Vatandaşı" not in phone.content(), "the page names nobody"
    assert "Sorununuz çözüldü mü?" in phone.inner_text("#hid_anket_form"), "in Turkish"
    phone.check("input[name=solved][value=hayir]")
    phone.check("input[name=score][value='2']")
    phone.fill("#hid_anket_comment", "Kaldırım hâlâ bozuk")
    phone.screenshot(path=str(screenshots / "anket-1-satisfaction-phone.png"), full_page=True)
    phone.click("#hid_anket_submit")
    assert "yeniden açıldı" in phone.inner_text("#hid_anket_reopened")
    phone.screenshot(path=str(screenshots / "anket-2-reopened-phone.png"), full_page=True)
    assert not phone.js_errors, phone.js_errors
    phone.goto(server.url + path)
    assert phone.locator("#hid_anket_form").count() == 0, "the link works once"

    state = staff("helpdesk.ticket", "read", [ticket], ["stage_id", "reopen_count"],
                  context={"lang": "tr_TR"})[0]
    assert state["reopen_count"] == 1
    login(page, server, "him.personel")
    page.goto(server.url + "/web#id=%d&model=helpdesk.ticket&view_type=form" % ticket)
    page.wait_for_selector(".o_form_view .o_statusbar_status")
    active = page.inner_text(".o_statusbar_status .btn-primary")
    assert active.strip() == state["stage_id"][1], "the form shows the reopened stage"
    page.wait_for_selector(".o_thread_message:has-text('Kaldırım hâlâ bozuk')")
    page.screenshot(path=str(screenshots / "anket-3-reopened-him.png"), full_page=True)
    assert not page.js_errors, page.js_errors


def test_opinion_survey_on_the_web_and_its_chart(server, phone, page, screenshots):
    director = server.login("him.mudur")
    survey = director("survey.survey", "create", {
        "title": "Mahallemizin parkları", "hid_kind": "kamuoyu",
        "hid_kvkk_notice": "Yanıtlarınız anonimdir; yalnızca istatistik için kullanılır."})
    page_id = director("survey.page", "create", {"title": "Parklar", "survey_id": survey})
    director("survey.question", "create", {
        "page_id": page_id, "question": "Parkları yeterli buluyor musunuz?",
        "type": "simple_choice", "constr_mandatory": True,
        "labels_ids": [(0, 0, {"value": "Evet"}), (0, 0, {"value": "Hayır"})]})
    mahalle = director("hid.mahalle", "search", [], limit=1)[0]

    phone.goto(server.url + "/anket/g/%d" % survey)
    assert "anonimdir" in phone.inner_text("#hid_anket_kvkk")
    phone.select_option("#hid_anket_mahalle", str(mahalle))
    phone.click("#hid_anket_start")
    phone.wait_for_selector("form.js_surveyform")
    phone.locator("label", has_text="Evet").first.click()
    phone.click("button[name=button_submit][value=finish]")
    phone.wait_for_selector(".jumbotron h1")
    phone.screenshot(path=str(screenshots / "anket-4-opinion-phone.png"), full_page=True)
    assert not phone.js_errors, phone.js_errors
    answers = director("survey.user_input", "search_read",
                       [("survey_id", "=", survey), ("state", "=", "done")],
                       fields=["hid_channel", "hid_mahalle_id", "partner_id"])
    assert len(answers) == 1 and answers[0]["hid_channel"] == "web"
    assert answers[0]["hid_mahalle_id"][0] == mahalle and not answers[0]["partner_id"]

    login(page, server, "him.mudur")
    page.goto(server.url + "/survey/results/%d" % survey)
    page.wait_for_selector(".survey_graph svg .nv-pie, .survey_graph svg g")
    page.screenshot(path=str(screenshots / "anket-5-opinion-chart.png"), full_page=True)
    assert not page.js_errors, page.js_errors
    # The back office opens the survey (not a blank page), from HİD's own menu.
    page.goto(server.url + "/web")
    page.wait_for_selector(".o_web_client")
    click_app(page)
    click_menu(page, 'a[data-menu-xmlid="hid_anket.menu_hid_anket_opinion"]')
    page.locator(".o_kanban_record", has_text="Mahallemizin parkları").click()
    page.wait_for_selector(".o_form_view .oe_title:has-text('Mahallemizin parkları')")
    page.wait_for_selector(".o_form_view button:has-text('Yanıt Topla')")
    page.screenshot(path=str(screenshots / "anket-6-survey-form.png"), full_page=True)
    assert not page.js_errors, page.js_errors
