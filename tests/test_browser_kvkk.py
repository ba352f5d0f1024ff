"""KVKK in Chromium, in Turkish, as the HİM director: a data-subject request of a demo
citizen, "Vatandaşın Verilerini Dök", the XLSX downloaded; the PDF letter through
wkhtmltopdf; the access log shows the export; no JavaScript error."""
import base64
import io
import zipfile

from test_browser_smoke import login


def no_error(page):
    assert not page.js_errors, page.js_errors
    assert page.locator(".o_dialog_error, .modal-dialog:has-text('Hata')").count() == 0


def test_director_exports_a_citizens_data(page, server, screenshots):
    s = server.login("him.mudur")
    ayse = s("ir.model.data", "xmlid_to_res_id", "hid_basvuru.demo_citizen_ayse")
    ogrenme = s("ir.model.data", "xmlid_to_res_id", "hid_kvkk.right_ogrenme")
    request = s("hid.kvkk.request", "create", {
        "applicant_name": "Ayşe Korkmaz", "address": "Sancaktepe", "partner_id": ayse,
        "request_text": "Hakkımda hangi verilerin tutulduğunu öğrenmek istiyorum.",
        "channel": "eposta", "right_ids": [(6, 0, [ogrenme])]})
    login(page, server, "him.mudur")
    page.goto(server.url + "/web#id=%d&model=hid.kvkk.request&view_type=form" % request)
    button = page.locator(".o_form_statusbar button:visible:has-text('Vatandaşın Verilerini Dök')")
    button.wait_for()
    assert "Vatandaşın Verilerini Dök" in button.inner_text()
    button.click()
    page.wait_for_selector(".o_statusbar_status .btn-primary:has-text('İnceleniyor')")
    page.click("a[role=tab]:has-text('Döküm'), .nav-tabs a:has-text('Döküm')")
    link = page.locator("a:visible:has-text('.xlsx')")
    link.first.wait_for()
    page.screenshot(path=str(screenshots / "kvkk-1-export.png"))
    with page.expect_download() as download:
        link.first.click()
    with open(download.value.path(), "rb") as f:
        book = zipfile.ZipFile(io.BytesIO(f.read()))
    sheets = book.read("xl/workbook.xml").decode()
    for title in ("Vatandaş kartı", "Başvurular", "Çağrılar", "SMS"):
        assert title in sheets, title
    assert "Ayşe Korkmaz" in book.read("xl/sharedStrings.xml").decode()
    no_error(page)
    pdf = base64.b64decode(s("hid.kvkk.request", "read", [request], ["export_pdf"])[0]
                           ["export_pdf"])
    assert pdf.startswith(b"%PDF")
    log = s("hid.kvkk.access.log", "search_read",
            [("kind", "=", "export"), ("res_id", "=", ayse)], ["user_id"])
    assert [line["user_id"][0] for line in log] == [s.uid]
