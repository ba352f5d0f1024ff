"""Raporlar over real XML-RPC, as each demo role: the analysis rows are exactly the
applications the role may read (the same record rules), read_group included; nobody writes
the analysis; a müdürlük manager's pack holds only their müdürlük; the report settings are
the director's."""
import base64
import datetime
import io
import re
import xmlrpc.client
import zipfile

import pytest

ROLES = ("him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
         "temizlik.kullanici")
MUDURLUK = {"fen.yonetici": "Fen İşleri Müdürlüğü", "fen.kullanici": "Fen İşleri Müdürlüğü",
            "temizlik.kullanici": "Temizlik İşleri Müdürlüğü"}
REPORT = "hid.basvuru.report"


def texts(xlsx):
    """Every text of a workbook (inline strings of constant-memory mode, or shared ones)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        xml = "".join(book.read(name).decode() for name in book.namelist()
                      if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml")
    return set(re.findall(r"<t[^>]*>([^<]*)</t>", xml))


@pytest.mark.parametrize("login", ROLES)
def test_rows_are_the_applications_the_role_reads(server, login):
    s = server.login(login)
    tickets = s("helpdesk.ticket", "search", [])
    rows = s(REPORT, "search", [])
    assert rows and sorted(rows) == sorted(tickets)
    read = s(REPORT, "read", rows, ["team_id", "number"])
    if login in MUDURLUK:
        assert {r["team_id"][1] for r in read} == {MUDURLUK[login]}
    groups = s(REPORT, "read_group", [], ["team_id"], ["team_id"], lazy=False)
    ticket_groups = s("helpdesk.ticket", "read_group", [], ["team_id"], ["team_id"], lazy=False)
    as_counts = (lambda gs: sorted((g["team_id"] and g["team_id"][0], g["__count"])
                                   for g in gs))
    assert as_counts(groups) == as_counts(ticket_groups)
    if login in MUDURLUK:
        assert {g["team_id"][1] for g in groups} == {MUDURLUK[login]}


def test_mudurluk_user_cannot_read_another_mudurluk_row(server):
    admin = server.login("admin", "admin")
    other = admin(REPORT, "search", [("team_id.name", "=", "Temizlik İşleri Müdürlüğü")])
    assert other
    s = server.login("fen.kullanici")
    with pytest.raises(xmlrpc.client.Fault, match="AccessError|Güvenlik|erişim"):
        s(REPORT, "read", other, ["number"])
    assert s(REPORT, "search", [("id", "in", other)]) == []


@pytest.mark.parametrize("login", ROLES + ("evrak.kayit",))
def test_nobody_writes_the_analysis(server, login):
    s = server.login(login)
    anyone = server.login("admin", "admin")(REPORT, "search", [], limit=1)
    for method, args in (("write", [anyone, {"name": "x"}]), ("create", [{"name": "x"}]),
                         ("unlink", [anyone])):
        with pytest.raises(xmlrpc.client.Fault):
            s(REPORT, method, *args)


def test_registry_clerk_has_no_reports(server):
    s = server.login("evrak.kayit")
    for method, args in (("search", [[]]), ("read_group", [[], ["team_id"], ["team_id"]])):
        with pytest.raises(xmlrpc.client.Fault, match="AccessError|erişim"):
            s(REPORT, method, *args)
    with pytest.raises(xmlrpc.client.Fault):
        s(REPORT, "hid_pack_xlsx_base64", "month", datetime.date.today().isoformat())


def test_manager_pack_over_rpc_holds_only_their_mudurluk(server):
    year = datetime.date.today().isoformat()
    director = server.login("him.mudur")(REPORT, "hid_pack_xlsx_base64", "year", year)
    manager = server.login("fen.yonetici")(REPORT, "hid_pack_xlsx_base64", "year", year)
    director, manager = texts(base64.b64decode(director)), texts(base64.b64decode(manager))
    assert "Temizlik İşleri Müdürlüğü" in director and "Fen İşleri Müdürlüğü" in director
    assert "Fen İşleri Müdürlüğü" in manager
    assert "Temizlik İşleri Müdürlüğü" not in manager
    assert "Başvuru sayısı" in director and "Başvuru sayısı" in manager  # in Turkish


def test_report_settings_are_the_directors(server):
    s = server.login("him.mudur")
    wizard = s("res.config.settings", "create", {"hid_report_week": False})
    s("res.config.settings", "execute", [wizard])
    admin = server.login("admin", "admin")
    assert admin("ir.config_parameter", "get_param", "hid_basvuru.report_week") == "False"
    staff = server.login("him.personel")
    with pytest.raises(xmlrpc.client.Fault):  # not even the settings' form opens
        wizard = staff("res.config.settings", "create", {"hid_report_week": True})
        staff("res.config.settings", "execute", [wizard])
    # the administrator of the demo is a HİM director too: the whole settings path
    wizard = admin("res.config.settings", "create", {"hid_report_week": True})
    admin("res.config.settings", "execute", [wizard])
    assert admin("ir.config_parameter", "get_param", "hid_basvuru.report_week") == "True"
