"""Raporlar in Chromium, in Turkish, as the HİM director (him.mudur): the dashboard opens
with the app, then the analysis pivot and the report pack wizard; no JavaScript error."""
import re

from test_browser_smoke import app_entry, click_app, login

REPORTS_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_report_root"]'
ANALYSIS_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_report_analysis"]'
PACK_MENU = 'a[data-menu-xmlid="hid_basvuru.menu_hid_report_pack"]'


def no_error(page):
    assert not page.js_errors, page.js_errors
    assert page.locator(".o_dialog_error, .modal-dialog:has-text('Hata')").count() == 0


def test_director_opens_raporlar(page, server, screenshots):
    s = server.login("him.mudur")
    login(page, server, "him.mudur")
    menu = app_entry(page, REPORTS_MENU)
    assert menu.inner_text().strip() == "Raporlar"
    menu.click()
    page.wait_for_selector(".o_hid_dashboard")
    text = page.inner_text(".o_hid_dashboard")
    for label in ("Rapor Panosu", "Bugünkü başvurular", "Açık başvurular",
                  "Bu ay yasal sürede sonuçlanan (%)", "Müdürlüklere göre süresi geçenler",
                  "Son 12 ayın başvuruları"):
        assert label in text, label
    # the numbers are the analysis view's, as him.mudur sees it
    open_count = s("hid.basvuru.report", "search_count", [("closed", "=", False)])
    assert page.inner_text(".o_hid_open").strip() == "{:,}".format(open_count).replace(",", ".")
    page.screenshot(path=str(screenshots / "rapor-1-dashboard.png"))
    no_error(page)

    page.click(ANALYSIS_MENU)
    page.wait_for_selector(".o_pivot table")
    assert "Başvuru Analizi" in page.inner_text(".o_control_panel .breadcrumb")
    pivot = page.inner_text(".o_pivot")
    assert "Toplam" in pivot
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshots / "rapor-2-pivot.png"))
    no_error(page)

    page.click(PACK_MENU)
    page.wait_for_selector('.modal-dialog .o_field_widget[name="period"]')
    dialog = page.inner_text(".modal-dialog")
    assert "Rapor Paketi" in dialog and "XLSX İndir" in dialog and "PDF Özet" in dialog
    page.screenshot(path=str(screenshots / "rapor-3-pack.png"))
    with page.expect_download() as download:
        page.click(".modal-dialog button[name=action_xlsx]")
    path = download.value.path()
    with open(path, "rb") as xlsx:
        assert xlsx.read(2) == b"PK"             # a workbook (a zip), from report_xlsx
    no_error(page)

    # the one-page PDF summary, through wkhtmltopdf, as the director
    wizard = s("hid.basvuru.pack.wizard", "create", {"period": "month"})
    pdf = page.request.get(server.url + "/report/pdf/hid_basvuru.report_pack_pdf/%d" % wizard)
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf.body())) == 1, "a one-page summary"


def test_mudurluk_manager_sees_own_dashboard(page, server):
    login(page, server, "fen.yonetici")
    click_app(page, REPORTS_MENU)
    page.wait_for_selector(".o_hid_dashboard")
    text = page.inner_text(".o_hid_overdue_by_team")
    assert "Temizlik" not in text
    no_error(page)
