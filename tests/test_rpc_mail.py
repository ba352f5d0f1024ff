"""Chatter and mail records over XML-RPC, as a hostile müdürlük user or Evrak Kayıt would try:
applications come in by e-mail through the real mail gateway from a citizen; a confidential
ihbar is routed to Fen İşleri, another application to Fen İşleri and then on to Temizlik
İşleri. Fen İşleri reads the chatter of its ihbar without the citizen, and no mail record at
all of the application now in Temizlik İşleri."""
import xmlrpc.client
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

DOMAIN = "sancaktepe.bel.tr"
SENDER = '"Zeynep Gizlitanık" <zeynep.gizlitanik@example.org>'
NAME, ADDRESS = "Gizlitanık", "zeynep.gizlitanik"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\xdac\xf8\xcf\xc0\xf0\x1f\x00\x05\x00"
       b"\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def rfc822(subject, message_id, attachment):
    msg = MIMEMultipart()
    msg["From"] = SENDER
    msg["To"] = "basvuru@" + DOMAIN
    msg["Subject"] = Header(subject, "utf-8").encode()
    msg["Message-Id"] = message_id
    msg.attach(MIMEText("Lütfen ilgilenin.", "plain", "utf-8"))
    part = MIMEApplication(PNG, "png")
    part.add_header("Content-Disposition", "attachment", filename=attachment)
    msg.attach(part)
    return msg.as_string()


def fault(call):
    with pytest.raises(xmlrpc.client.Fault):
        call()


@pytest.fixture(scope="module")
def world(server):
    admin = server.login("admin", "admin")
    staff = server.login("him.personel")
    admin("ir.config_parameter", "set_param", "mail.catchall.domain", DOMAIN)
    teams = dict((t["code"], t["id"]) for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"]))

    def by_mail(subject, message_id, attachment):
        return admin("mail.thread", "message_process", False,
                     rfc822(subject, message_id, attachment))

    def havale(ticket, team):
        wizard = staff("hid.havale.wizard", "create", {
            "ticket_ids": [(6, 0, [ticket])], "kind": "havale", "team_id": teams[team]})
        staff("hid.havale.wizard", "action_confirm", [wizard])

    ihbar = by_mail("Kaçak yapı ihbarı", "<rpc-ihbar@example.org>", "ihbar.png")
    ihbar_type = admin("hid.basvuru.type", "search", [("code", "=", "ihbar")])[0]
    admin("helpdesk.ticket", "write", [ihbar],
          {"confidential": True, "basvuru_type_id": ihbar_type})
    havale(ihbar, "FEN")
    other = by_mail("Çöp alınmadı", "<rpc-other@example.org>", "cop.png")
    havale(other, "FEN")
    havale(other, "TEM")
    citizen = admin("res.partner", "search", [("email", "=", ADDRESS + "@example.org")])[0]
    admin("helpdesk.ticket", "message_subscribe", [ihbar, other], [citizen])
    ticket_model = admin("ir.model", "search", [("model", "=", "helpdesk.ticket")])[0]
    tem_user = admin("res.users", "search", [("login", "=", "temizlik.kullanici")])[0]
    activity = admin("mail.activity", "create", {
        "res_model_id": ticket_model, "res_id": other, "user_id": tem_user,
        "summary": "Çöp yerinde kontrol"})

    def records(model, ticket, field="res_id", model_field="model"):
        return admin(model, "search", [(model_field, "=", "helpdesk.ticket"),
                                       (field, "=", ticket)])

    other_messages = records("mail.message", other)
    ack = admin("mail.message", "search", [("model", "=", "helpdesk.ticket"),
                                           ("res_id", "=", ihbar),
                                           ("partner_ids", "in", [citizen])])
    mails = admin("mail.mail", "search", [("mail_message_id", "in", ack)])
    if not mails:  # sent and deleted already: one as it waits in the queue
        mails = [admin("mail.mail", "create", {
            "mail_message_id": ack[0], "body_html": "<p>Başvurunuz alındı</p>",
            "email_to": ADDRESS + "@example.org", "recipient_ids": [(4, citizen)],
            "state": "exception"})]
    world = {
        "ihbar": ihbar, "other": other, "citizen": citizen, "activity": activity,
        "other_messages": other_messages,
        "ihbar_messages": records("mail.message", ihbar),
        "other_files": records("ir.attachment", other, model_field="res_model"),
        "mails": mails,
        "citizen_notifications": admin("mail.notification", "search",
                                       [("res_partner_id", "=", citizen)]),
        "citizen_followers": admin("mail.followers", "search",
                                   [("partner_id", "=", citizen)]),
    }
    fen_partner = admin("res.users", "read", [server.login("fen.kullanici").uid],
                        ["partner_id"])[0]["partner_id"][0]
    notified = admin("mail.message", "search", [("id", "in", other_messages),
                                                ("partner_ids", "in", [fen_partner])])
    assert notified, "Fen İşleri was notified while the application was theirs"
    assert world["other_files"] and world["citizen_notifications"]
    assert world["citizen_followers"]
    return world


@pytest.mark.parametrize("login", ["fen.kullanici", "fen.yonetici", "evrak.kayit"])
def test_no_citizen_in_chatter(server, world, login):
    user = server.login(login)
    formatted = user("mail.message", "message_format", world["ihbar_messages"])
    assert formatted, "the chatter of a readable application is still shown"
    text = repr(formatted)
    assert NAME not in text and ADDRESS not in text
    assert world["citizen"] not in [p for m in formatted for p in m["needaction_partner_ids"]]
    fetched = user("mail.message", "message_fetch",
                   [("model", "=", "helpdesk.ticket"), ("res_id", "=", world["ihbar"])])
    assert fetched and NAME not in repr(fetched)
    rows = user("mail.message", "search_read", [("id", "in", world["ihbar_messages"])],
                ["author_id", "email_from", "reply_to", "partner_ids",
                 "needaction_partner_ids"])
    assert NAME not in repr(rows) and ADDRESS not in repr(rows)
    assert world["citizen"] not in [p for r in rows for p in r["partner_ids"]]
    for call in (
        lambda: user("mail.message", "search", [("author_id", "=", world["citizen"])]),
        lambda: user("mail.message", "search", [("email_from", "ilike", ADDRESS)]),
        lambda: user("mail.message", "search", [("partner_ids", "in", [world["citizen"]])]),
        lambda: user("mail.message", "read_group", [], ["author_id"], ["author_id"]),
        lambda: user("mail.message", "search", [], order="author_id"),
    ):
        fault(call)
    notifications = user("mail.notification", "search_read", [], ["res_partner_id"])
    assert world["citizen"] not in [n["res_partner_id"][0] for n in notifications]
    fault(lambda: user("mail.notification", "read", world["citizen_notifications"][:1],
                       ["res_partner_id"]))
    followers = user("mail.followers", "search_read", [], ["partner_id"])
    assert world["citizen"] not in [f["partner_id"] and f["partner_id"][0] for f in followers]
    fault(lambda: user("mail.followers", "read", world["citizen_followers"][:1],
                       ["partner_id"]))
    partners = user("helpdesk.ticket", "read", [world["ihbar"]],
                    ["message_partner_ids"])[0]["message_partner_ids"]
    assert world["citizen"] not in partners
    assert not user("helpdesk.ticket", "search",
                    [("message_partner_ids", "in", [world["citizen"]])])
    assert not user("mail.mail", "search", [("model", "=", "helpdesk.ticket")])
    assert not user("mail.mail", "search", [("id", "in", world["mails"])])
    fault(lambda: user("mail.mail", "read", world["mails"],
                       ["body_html", "email_to", "recipient_ids"]))


@pytest.mark.parametrize("login", ["fen.kullanici", "fen.yonetici"])
def test_nothing_of_another_mudurluk(server, world, login):
    user = server.login(login)
    other, messages = world["other"], world["other_messages"]
    assert not user("mail.message", "search", [("id", "in", messages)]), \
        "not even the havale note Fen İşleri was notified of"
    assert not user("mail.message", "search_read",
                    [("model", "=", "helpdesk.ticket"), ("res_id", "=", other)], ["body"])
    assert not user("mail.message", "search_count", [("id", "in", messages)])
    groups = user("mail.message", "read_group", [("model", "=", "helpdesk.ticket")],
                  ["res_id"], ["res_id"])
    assert other not in [g["res_id"] for g in groups]
    for method, args in (("read", [messages[:1], ["body"]]), ("message_format", [messages]),
                         ("name_get", [messages[:1]])):
        fault(lambda: user("mail.message", method, *args))
    notifications = user("mail.notification", "search_read",
                         [("mail_message_id", "in", messages)], ["res_partner_id"])
    assert not notifications, "not even Fen İşleri's own notifications of it"
    assert not user("mail.followers", "search", [("res_model", "=", "helpdesk.ticket"),
                                                 ("res_id", "=", other)])
    assert not user("mail.activity", "search", [("res_id", "=", other)])
    fault(lambda: user("mail.activity", "read", [world["activity"]], ["summary"]))
    assert not user("ir.attachment", "search", [("id", "in", world["other_files"])])
    groups = user("ir.attachment", "read_group", [("res_model", "=", "helpdesk.ticket")],
                  ["res_id"], ["res_id"])
    assert other not in [g["res_id"] for g in groups]
    fault(lambda: user("ir.attachment", "read", world["other_files"][:1], ["datas"]))
    fault(lambda: user("helpdesk.ticket", "message_post", [other], body="x",
                       message_type="comment", subtype="mail.mt_note"))


def test_muduluk_works_in_its_chatter(server, world):
    fen = server.login("fen.kullanici")
    message = fen("helpdesk.ticket", "message_post", [world["ihbar"]],
                  body="Yerinde bakıldı.", message_type="comment", subtype="mail.mt_note")
    fetched = fen("mail.message", "message_fetch", [("id", "=", message)])
    assert fetched and "Yerinde bakıldı." in fetched[0]["body"]
    assert fen("ir.attachment", "search", [("res_model", "=", "helpdesk.ticket"),
                                           ("res_id", "=", world["ihbar"])])
    tem = server.login("temizlik.kullanici")
    assert len(tem("mail.message", "search", [("id", "in", world["other_messages"])])) == \
        len(world["other_messages"])
    assert tem("mail.activity", "search", [("id", "=", world["activity"])])


def test_directorate_sees_the_applicant(server, world):
    staff = server.login("him.personel")
    formatted = staff("mail.message", "message_format", world["ihbar_messages"])
    assert NAME in repr(formatted)
    assert staff("mail.message", "search", [("author_id", "=", world["citizen"])])
    assert staff("mail.followers", "search", [("partner_id", "=", world["citizen"])])
