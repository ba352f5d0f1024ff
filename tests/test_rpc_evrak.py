"""The document registry over real XML-RPC, as each role: a secret document's subject and scan
stay unreadable (ir.attachment included), a received zimmet fişi stays as signed."""
import base64
import xmlrpc.client

import pytest

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").decode()
SUBJECT = "Gizli: ihale soruşturması"


@pytest.fixture(scope="module")
def secret(server):
    """A Gizli document with a scan, registered and handed to Fen İşleri by the registry."""
    clerk = server.login("evrak.kayit")
    admin = server.login("admin", "admin")
    institution = admin("res.partner", "create", {"name": "Teftiş Kurulu", "is_company": True})
    fen = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    evrak_id = clerk("hid.evrak", "create", {
        "sender_id": institution, "subject": SUBJECT, "evrak_type": "resmi_yazi",
        "gizlilik": "gizli", "sender_no": "TK-2026-1",
        "scan_ids": [(0, 0, {"name": "gizli.pdf", "datas": PDF})]})
    zimmet_id = clerk("hid.zimmet", "create", {
        "team_id": fen, "line_ids": [(0, 0, {"evrak_id": evrak_id})]})
    clerk("hid.zimmet", "action_send", [zimmet_id])
    scan_ids = admin("hid.evrak", "read", [evrak_id], ["scan_ids"])[0]["scan_ids"]
    attachment_ids = admin("ir.attachment", "search", [
        ("res_model", "=", "hid.evrak.scan"), ("res_id", "in", scan_ids),
        ("res_field", "=", "datas")])
    assert len(attachment_ids) == 1
    return {"evrak": evrak_id, "zimmet": zimmet_id, "attachment": attachment_ids[0],
            "institution": institution}


def test_mudurluk_user_sees_the_document_not_its_contents(server, secret):
    user = server.login("fen.kullanici")
    row = user("hid.evrak", "read", [secret["evrak"]], ["name", "subject", "scan_ids"])[0]
    assert row["name"], "that the document exists is visible"
    assert row["subject"] != SUBJECT and "soruşturma" not in row["subject"]
    assert row["scan_ids"] == []
    assert user("hid.evrak", "search", [("subject", "ilike", "soruşturma")]) == []
    with pytest.raises(xmlrpc.client.Fault):
        user("ir.attachment", "read", [secret["attachment"]], ["datas"])
    assert user("hid.evrak.content", "search_read", [("evrak_id", "=", secret["evrak"])],
                ["subject"]) == [], "the subject's own model does not list it"
    content = server.login("admin", "admin")("hid.evrak.content", "search",
                                             [("evrak_id", "=", secret["evrak"])])
    with pytest.raises(xmlrpc.client.Fault):
        user("hid.evrak.content", "read", content, ["subject"])


def test_other_roles_cannot_read_the_secret_scan(server, secret):
    for login in ("temizlik.kullanici", "him.personel", "cagri.merkezi"):
        with pytest.raises(xmlrpc.client.Fault):
            server.login(login)("ir.attachment", "read", [secret["attachment"]], ["datas"])
    with pytest.raises(xmlrpc.client.Fault):
        server.login("temizlik.kullanici")("hid.evrak", "read", [secret["evrak"]], ["name"])


def test_registry_and_receiving_manager_read_it(server, secret):
    for login in ("evrak.kayit", "fen.yonetici", "him.mudur"):
        session = server.login(login)
        row = session("hid.evrak", "read", [secret["evrak"]], ["subject"])[0]
        assert row["subject"] == SUBJECT, login
        data = session("ir.attachment", "read", [secret["attachment"]], ["datas"])[0]["datas"]
        assert base64.b64decode(data).startswith(b"%PDF"), login


def test_bad_input_is_refused_cleanly(server, secret):
    clerk = server.login("evrak.kayit")
    before = clerk("hid.evrak", "search_count", [])
    with pytest.raises(xmlrpc.client.Fault, match="PDF"):
        clerk("hid.evrak", "create", {
            "sender_id": secret["institution"], "subject": "x", "evrak_type": "resmi_yazi",
            "scan_ids": [(0, 0, {"name": "a.pdf",
                                 "datas": base64.b64encode(b"MZ\x90\x00").decode()})]})
    with pytest.raises(xmlrpc.client.Fault, match="[Mm]iat"):
        clerk("hid.evrak", "create", {
            "sender_id": secret["institution"], "subject": "x", "evrak_type": "resmi_yazi",
            "ivedilik": "gunlu", "miat_date": "2020-01-01"})
    assert clerk("hid.evrak", "search_count", []) == before, "nothing half-saved"
    duplicate = clerk("hid.evrak", "create", {
        "sender_id": secret["institution"], "subject": "Aynı yazı yine",
        "evrak_type": "resmi_yazi", "sender_no": "TK-2026-1"})
    row = clerk("hid.evrak", "read", [duplicate], ["duplicate_of_id"])[0]
    assert row["duplicate_of_id"][0] == secret["evrak"], "warned and linked, not lost"


def test_received_slip_is_signed_for_good(server, secret):
    user = server.login("fen.kullanici")
    user("hid.zimmet", "action_confirm_receipt", [secret["zimmet"]])
    with pytest.raises(xmlrpc.client.Fault, match="teslim alındı|already received"):
        server.login("fen.yonetici")("hid.zimmet", "action_confirm_receipt",
                                     [secret["zimmet"]])
    for login, password in (("evrak.kayit", None), ("him.mudur", None), ("admin", "admin")):
        session = server.login(login, password)
        with pytest.raises(xmlrpc.client.Fault):
            session("hid.zimmet", "write", [secret["zimmet"]], {"date": "2020-01-01 00:00:00"})
        with pytest.raises(xmlrpc.client.Fault):
            session("hid.zimmet", "unlink", [secret["zimmet"]])
    row = server.login("admin", "admin")("hid.zimmet", "read", [secret["zimmet"]],
                                         ["state", "received_uid"])[0]
    assert row["state"] == "received"
    assert row["received_uid"][1].startswith("Ali Yıldız"), "fen.kullanici signed"


def test_registry_cannot_forge_a_signature(server):
    """evrak.kayit writes state/received_uid/received_date on a sent slip, moves a draft line
    into a received slip, or deletes the signer: each refused, the signature stays true."""
    clerk = server.login("evrak.kayit")
    admin = server.login("admin", "admin")
    institution = admin("res.partner", "create", {"name": "Kaymakamlık", "is_company": True})
    fen = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    signer = admin("res.users", "search", [("login", "=", "fen.kullanici")])[0]

    def slip():
        evrak = clerk("hid.evrak", "create", {
            "sender_id": institution, "subject": "Zimmet", "evrak_type": "resmi_yazi"})
        zimmet = clerk("hid.zimmet", "create", {
            "team_id": fen, "line_ids": [(0, 0, {"evrak_id": evrak})]})
        return zimmet

    sent = slip()
    clerk("hid.zimmet", "action_send", [sent])
    for vals in ({"state": "received", "received_uid": signer,
                  "received_date": "2020-01-01 09:00:00"},
                 {"received_uid": signer}, {"received_date": "2020-01-01 09:00:00"}):
        with pytest.raises(xmlrpc.client.Fault):
            clerk("hid.zimmet", "write", [sent], vals)
    row = admin("hid.zimmet", "read", [sent], ["state", "received_uid", "received_date"])[0]
    assert (row["state"], row["received_uid"], row["received_date"]) == ("sent", False, False)

    server.login("fen.kullanici")("hid.zimmet", "action_confirm_receipt", [sent])
    draft = slip()
    line = clerk("hid.zimmet", "read", [draft], ["line_ids"])[0]["line_ids"][0]
    with pytest.raises(xmlrpc.client.Fault):
        clerk("hid.zimmet.line", "write", [line], {"zimmet_id": sent})
    with pytest.raises(xmlrpc.client.Fault):
        clerk("hid.zimmet.line", "create", {"zimmet_id": sent, "evrak_id": clerk(
            "hid.evrak", "create", {"sender_id": institution, "subject": "Ek",
                                    "evrak_type": "resmi_yazi"})})
    with pytest.raises(xmlrpc.client.Fault, match="archive|arşiv"):
        admin("res.users", "unlink", [signer])
    row = admin("hid.zimmet", "read", [sent], ["state", "received_uid", "line_ids"])[0]
    assert row["state"] == "received" and row["received_uid"][0] == signer
    assert len(row["line_ids"]) == 1


def test_base_hid_user_reads_no_secret_content(server, secret):
    admin = server.login("admin", "admin")
    group = admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.group_hid_user")
    admin("res.users", "create", {"name": "Yalnız HİD", "login": "t.hid.only",
                                  "password": "t.hid.only", "groups_id": [(6, 0, [group])]})
    user = server.login("t.hid.only", "t.hid.only")
    for model in ("hid.evrak", "hid.evrak.content", "hid.evrak.scan", "hid.zimmet",
                  "hid.zimmet.line"):
        assert user(model, "search", []) == [], model
    assert user("hid.evrak.content", "search_read", [], ["subject"]) == []
    with pytest.raises(xmlrpc.client.Fault):
        user("ir.attachment", "read", [secret["attachment"]], ["datas"])
    with pytest.raises(xmlrpc.client.Fault):
        user("hid.evrak", "read", [secret["evrak"]], ["subject"])


def test_confidential_petition_does_not_name_its_sender(server):
    """A citizen's petition whose application is confidential, handed to Fen İşleri:
    fen.kullanici has the document, not its sender, at no door."""
    clerk = server.login("evrak.kayit")
    admin = server.login("admin", "admin")
    citizen = admin("res.partner", "create", {"name": "Gizli Muhbir", "hid_citizen": True,
                                              "mobile": "0532 999 88 77"})
    fen = admin("helpdesk.ticket.team", "search", [("code", "=", "FEN")])[0]
    evrak = clerk("hid.evrak", "create", {
        "sender_id": citizen, "subject": "Kaçak yapı ihbarı", "evrak_type": "dilekce",
        "kvkk_notice_given": True})
    ticket = admin("hid.evrak", "read", [evrak], ["ticket_id"])[0]["ticket_id"][0]
    server.login("him.personel")("helpdesk.ticket", "write", [ticket], {"confidential": True})
    zimmet = clerk("hid.zimmet", "create", {
        "team_id": fen, "line_ids": [(0, 0, {"evrak_id": evrak})]})
    clerk("hid.zimmet", "action_send", [zimmet])
    for login in ("fen.kullanici", "fen.yonetici"):
        user = server.login(login)
        assert evrak in user("hid.evrak", "search", []), "the müdürlük has the document"
        with pytest.raises(xmlrpc.client.Fault):
            user("hid.evrak", "read", [evrak], ["sender_id"])
        row = user("hid.evrak", "read", [evrak])[0]
        assert "sender_id" not in row and "Muhbir" not in str(row)
        assert "Muhbir" not in row["sender_display"]
        with pytest.raises(xmlrpc.client.Fault):
            user("hid.evrak", "search", [("sender_id", "=", citizen)])
        with pytest.raises(xmlrpc.client.Fault):
            user("hid.evrak", "search", [("sender_id.name", "ilike", "Muhbir")])
        with pytest.raises(xmlrpc.client.Fault):
            user("hid.evrak", "search_read", [], ["name"], order="sender_id")
        with pytest.raises(xmlrpc.client.Fault):
            user("hid.evrak", "read_group", [], ["sender_id"], ["sender_id"])
    for login in ("him.personel", "evrak.kayit"):
        row = server.login(login)("hid.evrak", "read", [evrak], ["sender_id"])[0]
        assert row["sender_id"][0] == citizen, login
