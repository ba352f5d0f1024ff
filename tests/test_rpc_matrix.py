"""Role x model x operation over real XML-RPC: what each HİD role may do, and what it then sees.

Issue 8's "Done when". Each cell `test_matrix[<login>-<model>-<operation>]` runs the operation as
that demo user against records built once by `world` (below) and checks the verdict of MATRIX:

    all  allowed, and the role sees or does it on every record of the fixture
    own  allowed inside the role's own scope (its müdürlük's applications and documents, the
         contents it may read, its own mail entries), refused outside it; no citizen and no
         confidential applicant ever shows up in what it reads
    no   refused: an xmlrpc Fault carrying an AccessError, UserError or ValidationError

Writes that are allowed write a harmless value on a record of the fixture or on a throwaway
record the cell creates (and the director or the administrator deletes again), so the cells
do not depend on each other's order. Everything is looked up by id: nothing here depends on
the demo data beyond the users, the müdürlükler and the master data.
"""
import base64
import xmlrpc.client

import pytest

D, S, A, FM, FU, TU, E = ROLES = (
    "him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
    "temizlik.kullanici", "evrak.kayit")
DIRECTORATE = (D, S, A)  # group_hid_agent and up: every application, the applicant's identity
MUDURLUK = (FM, FU, TU)
FEN_PEOPLE = (FM, FU)
SECRET_READERS = (D, E, FM)  # the registry, and the receiving müdürlük's manager
OPS = ("read", "search", "read_group", "write", "create", "unlink")


def row(verdicts):
    """'all all all own own own own' -> one verdict per role, in the order of ROLES."""
    values = tuple(verdicts.split())
    assert len(values) == len(ROLES) and set(values) <= {"all", "own", "no"}, verdicts
    return dict(zip(ROLES, values))


# The intended policy (README "Roles", DESIGN.md "Roles", issue 8, the ACLs and rules).
MATRIX = {
    #                                        D   S   A   FM  FU  TU  E
    # Applications: the directorate sees all and the identity; a müdürlük its own, masked;
    # Evrak Kayıt reads all (to link petitions) but never the applicant's identity fields.
    ("helpdesk.ticket", "read"):       row("all all all own own own own"),
    # No search domain or order on partner_id/partner_name/partner_email/public_phone
    # outside the directorate: a search would tell the confidential applicant.
    ("helpdesk.ticket", "search"):     row("all all all own own own own"),
    # Group keys are values: no group-by on an identity field outside the directorate.
    ("helpdesk.ticket", "read_group"): row("all all all own own own own"),
    # Allow-list per role: the müdürlük answers, the manager assigns inside the müdürlük;
    # nobody closes or routes with a plain write (hid_workflow in the context grants nothing),
    # nobody changes the tracking number; the registry never changes an application.
    ("helpdesk.ticket", "write"):      row("all all all own own own no"),
    # The directorate registers applications; a müdürlük and the registry do not.
    ("helpdesk.ticket", "create"):     row("all all all no no no no"),
    # Only the director deletes (ACL).
    ("helpdesk.ticket", "unlink"):     row("all no no no no no no"),

    # Citizens: the directorate and the registry (a petition's sender); no müdürlük at all.
    ("res.partner", "read"):           row("all all all no no no all"),
    ("res.partner", "search"):         row("all all all own own own all"),
    ("res.partner", "read_group"):     row("all all all own own own all"),
    ("res.partner", "write"):          row("all all all no no no all"),
    ("res.partner", "create"):         row("all all all no no no all"),
    # Nobody deletes a citizen (KVKK anonymisation does, not unlink).
    ("res.partner", "unlink"):         row("no no no no no no no"),

    # Chatter: only of applications the role may read, never a confidential applicant (nor,
    # outside the directorate, any citizen) in author, recipients or message_format.
    ("mail.message", "read"):          row("all all all own own own own"),
    ("mail.message", "search"):        row("all all all own own own own"),
    ("mail.message", "read_group"):    row("all all all own own own own"),
    # Own notes on applications the role works on; the registry does not post on them.
    ("mail.message", "write"):         row("all all all own own own no"),
    ("mail.message", "create"):        row("all all all own own own no"),
    ("mail.message", "unlink"):        row("all all all own own own no"),

    # Notifications: of readable applications only, no citizen recipient outside the
    # directorate; each user marks only its own as read; a forged notification opens nothing.
    ("mail.notification", "read"):     row("all all all own own own own"),
    ("mail.notification", "search"):   row("all all all own own own own"),
    ("mail.notification", "read_group"): row("all all all own own own own"),
    ("mail.notification", "write"):    row("own own own own own own own"),
    ("mail.notification", "create"):   row("all all all own own own all"),
    ("mail.notification", "unlink"):   row("no no no no no no no"),

    # Outgoing e-mails: bodies and recipients of readable applications only; nobody rewrites
    # the mail of an application it cannot read; only the system deletes (ACL).
    ("mail.mail", "read"):             row("all all all own own own own"),
    ("mail.mail", "search"):           row("all all all own own own own"),
    ("mail.mail", "read_group"):       row("all all all own own own own"),
    ("mail.mail", "write"):            row("all all all own own own own"),
    ("mail.mail", "create"):           row("all all all all all all all"),
    ("mail.mail", "unlink"):           row("no no no no no no no"),

    # Followers: of readable applications, no citizen outside the directorate; subscribing
    # oneself needs read, subscribing others needs write on the application; only own
    # entries are edited; nobody deletes entries directly (ACL).
    ("mail.followers", "read"):        row("all all all own own own own"),
    ("mail.followers", "search"):      row("all all all own own own own"),
    ("mail.followers", "read_group"):  row("all all all own own own own"),
    ("mail.followers", "write"):       row("all all all own own own own"),
    ("mail.followers", "create"):      row("all all all no no no no"),
    ("mail.followers", "unlink"):      row("no no no no no no no"),

    # Activities: of readable applications; changed by whoever may change the application.
    ("mail.activity", "read"):         row("all all all own own own all"),
    ("mail.activity", "search"):       row("all all all own own own all"),
    ("mail.activity", "read_group"):   row("all all all own own own all"),
    ("mail.activity", "write"):        row("all all all own own own no"),
    ("mail.activity", "create"):       row("all all all own own own no"),
    ("mail.activity", "unlink"):       row("all all all own own own no"),

    # Files: as the record they belong to; a secret document's scans and chatter files only
    # for those who read its contents (registry, director, receiving manager).
    ("ir.attachment", "read"):         row("all own own own own own own"),
    ("ir.attachment", "search"):       row("all own own own own own own"),
    ("ir.attachment", "read_group"):   row("all own own own own own own"),
    ("ir.attachment", "write"):        row("own own own own own own own"),
    ("ir.attachment", "create"):       row("own own own own own own own"),
    ("ir.attachment", "unlink"):       row("own own own own own own own"),

    # Documents: the registry (and the director, a registry user too) and the HİM directorate
    # see every one; a müdürlük what was handed to it, never a citizen sender; a secret
    # document's subject/scans as above. The müdürlük writes only its answer no/date.
    ("hid.evrak", "read"):             row("all own own own own own all"),
    ("hid.evrak", "search"):           row("all own own own own own all"),
    ("hid.evrak", "read_group"):       row("all own own own own own all"),
    ("hid.evrak", "write"):            row("all no no own own own all"),
    ("hid.evrak", "create"):           row("all no no no no no all"),
    # A registry number is never deleted (ACL).
    ("hid.evrak", "unlink"):           row("no no no no no no no"),

    # What a document says: secret contents as above; written by the registry only; created
    # with its document (one per document) and never deleted.
    ("hid.evrak.content", "read"):     row("all own own own own own all"),
    ("hid.evrak.content", "search"):   row("all own own own own own all"),
    ("hid.evrak.content", "read_group"): row("all own own own own own all"),
    ("hid.evrak.content", "write"):    row("all no no no no no all"),
    ("hid.evrak.content", "create"):   row("all no no no no no all"),
    ("hid.evrak.content", "unlink"):   row("no no no no no no no"),

    ("hid.evrak.scan", "read"):        row("all own own own own own all"),
    ("hid.evrak.scan", "search"):      row("all own own own own own all"),
    ("hid.evrak.scan", "read_group"):  row("all own own own own own all"),
    ("hid.evrak.scan", "write"):       row("all no no no no no all"),
    ("hid.evrak.scan", "create"):      row("all no no no no no all"),
    ("hid.evrak.scan", "unlink"):      row("all no no no no no all"),

    # Zimmet: the registry and the directorate see all slips, a müdürlük its own (not drafts).
    # Only drafts change; a received slip and its lines never, not by anyone (the signature
    # is Teslim Aldım, not a write); a sent slip cannot be marked received by a write.
    ("hid.zimmet", "read"):            row("all all all own own own all"),
    ("hid.zimmet", "search"):          row("all all all own own own all"),
    ("hid.zimmet", "read_group"):      row("all all all own own own all"),
    ("hid.zimmet", "write"):           row("own no no no no no own"),
    ("hid.zimmet", "create"):          row("all no no no no no all"),
    ("hid.zimmet", "unlink"):          row("own no no no no no own"),

    ("hid.zimmet.line", "read"):       row("all all all own own own all"),
    ("hid.zimmet.line", "search"):     row("all all all own own own all"),
    ("hid.zimmet.line", "read_group"): row("all all all own own own all"),
    ("hid.zimmet.line", "write"):      row("own no no no no no own"),
    ("hid.zimmet.line", "create"):     row("own no no no no no own"),
    ("hid.zimmet.line", "unlink"):     row("own no no no no no own"),

    # SMS: call centre reads, HİM staff retry/cancel, the director all; no müdürlük, no
    # registry (citizens' numbers and texts).
    ("hid.sms", "read"):               row("all all all no no no no"),
    ("hid.sms", "search"):             row("all all all no no no no"),
    ("hid.sms", "read_group"):         row("all all all no no no no"),
    ("hid.sms", "write"):              row("all all no no no no no"),
    ("hid.sms", "create"):             row("all no no no no no no"),
    ("hid.sms", "unlink"):             row("all no no no no no no"),

    # Open311 keys: the director only, and key_hash never comes out (read, search_read,
    # read_group, a search domain) nor goes in, not even for the director.
    ("hid.api.key", "read"):           row("own no no no no no no"),
    ("hid.api.key", "search"):         row("own no no no no no no"),
    ("hid.api.key", "read_group"):     row("own no no no no no no"),
    ("hid.api.key", "write"):          row("own no no no no no no"),
    ("hid.api.key", "create"):         row("own no no no no no no"),
    ("hid.api.key", "unlink"):         row("own no no no no no no"),

    # Routing history: as the application; written only by the workflow actions.
    ("hid.havale", "read"):            row("all all all own own own all"),
    ("hid.havale", "search"):          row("all all all own own own all"),
    ("hid.havale", "read_group"):      row("all all all own own own all"),
    ("hid.havale", "write"):           row("no no no no no no no"),
    ("hid.havale", "create"):          row("no no no no no no no"),
    ("hid.havale", "unlink"):          row("no no no no no no no"),
}
MODELS = sorted({model for model, _op in MATRIX}, key=[m for m, _o in MATRIX].index)
assert set(MATRIX) == {(m, op) for m in MODELS for op in OPS}, "one row per model and op"

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").decode()
SECRET_SUBJECT = "Matris gizli soruşturma yazısı"
# The confidential applicant: none of this may show in what others read of the ihbar.
INFORMER = {"name": "Muhbir Matrisoğlu", "email": "matrisoglu.muhbir@example.org",
            "mobile": "0532 417 26 93"}
INFORMER_TRACES = ("Matrisoğlu", "matrisoglu", "4172693", "417 26 93")
TICKETS = ("ihbar", "named", "fen", "tem")
DOCS = ("secret", "normal", "petition", "temdoc")
DENIAL_CODES = (2, 3, 4)  # UserError/MissingError, AccessDenied, AccessError (wsgi_server)


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------

def is_denial(fault):
    """A refusal the server meant: not a crash (a TypeError is a Fault too)."""
    return fault.faultCode in DENIAL_CODES or (
        fault.faultCode == 1 and "ValidationError" in fault.faultString)


# What went wrong in the current cell: a cell goes on after a refusal that did not happen, so
# its failure lists every hole it found, not only the first.
PROBLEMS = []


def denied(call, what=""):
    """`call` must be refused with an access, user or validation error."""
    try:
        result = call()
    except xmlrpc.client.Fault as fault:
        if not is_denial(fault):
            PROBLEMS.append("%s: not a refusal but a crash: %s" % (
                what, fault.faultString[-600:]))
        return
    PROBLEMS.append("%s: allowed, expected a refusal (got %.200r)" % (what, result))


def refused_or(call, check, what=""):
    """Either refused, or allowed and `check(result)` holds (leaks nothing)."""
    try:
        result = call()
    except xmlrpc.client.Fault as fault:
        if not is_denial(fault):
            PROBLEMS.append("%s: not a refusal but a crash: %s" % (
                what, fault.faultString[-600:]))
        return None
    try:
        check(result)
    except AssertionError as error:
        PROBLEMS.append("%s: %s" % (what, str(error).split("\n")[0]))
    return result


def soft(condition, message):
    """Record a failed expectation and go on, so a cell reports every hole it finds."""
    if not condition:
        PROBLEMS.append(message)
    return condition


def empty(what):
    """A check that the result is empty (nothing found)."""
    def check(result):
        assert not result, "%s: %.200r" % (what, result)
    return check


def group_keys(groups, field):
    """The ids (or values) read_group returned for `field`."""
    keys = set()
    for group in groups:
        value = group.get(field)
        keys.add(value[0] if isinstance(value, (list, tuple)) else value)
    return keys


def group_total(groups, field):
    return sum(g.get("%s_count" % field, g.get("__count", 0)) for g in groups)


class World:
    """The records of the fixture, who may see which, and the checks of leaks."""

    def __init__(self, server):
        self.server = server
        self.s = {login: server.login(login) for login in ROLES}
        self.admin = server.login("admin", "admin")

    # --- scopes ---------------------------------------------------------------------

    def tickets_of(self, role):
        """The application keys (of TICKETS) the role reads."""
        if role in FEN_PEOPLE:
            return {"ihbar", "named", "fen"}
        if role == TU:
            return {"tem"}
        return set(TICKETS)

    def docs_of(self, role):
        """The documents (of DOCS) whose existence the role sees."""
        if role in FEN_PEOPLE:
            return {"secret", "normal", "petition"}
        if role == TU:
            return {"temdoc"}
        return set(DOCS)

    def contents_of(self, role):
        """The documents whose subject and scans the role reads."""
        docs = self.docs_of(role)
        return docs if role in SECRET_READERS else docs - {"secret"}

    def slips_of(self, role):
        if role in FEN_PEOPLE:
            return {"zf"}
        if role == TU:
            return {"zt"}
        return {"zf", "zt"}

    def tids(self, keys):
        return sorted(self.t[k] for k in keys)

    def hidden_tickets(self, role):
        return set(TICKETS) - self.tickets_of(role)

    # --- leak checks ----------------------------------------------------------------

    def assert_clean(self, model, rows, role, informer_keys=(), what=""):
        """Outside the directorate no citizen id in a res.partner field; in records of the
        confidential ihbar (`informer_keys`: ids of `rows` that belong to it) no trace of the
        informer in any value. The registry sees citizens only on its documents."""
        if role in DIRECTORATE:
            return
        citizen_fields = self.partner_fields[model]
        for values in rows:
            if not (role == E and model.startswith("hid.evrak")):
                for name in citizen_fields & set(values):
                    value = values[name]
                    ids = value if isinstance(value, list) else [value]
                    ids = [v[0] if isinstance(v, (list, tuple)) else v for v in ids]
                    leaked = set(i for i in ids if isinstance(i, int)) & self.citizens
                    soft(not leaked, "%s: %s %s.%s shows citizen(s) %s to %s" % (
                        what, model, values.get("id"), name, sorted(leaked), role))
            if values.get("id") in informer_keys:
                text = repr(values)
                for trace in INFORMER_TRACES:
                    soft(trace not in text, "%s: %s %s shows the informer (%s) to %s" % (
                        what, model, values.get("id"), trace, role))

    def assert_formats_clean(self, formats, role, informer_ids=()):
        """message_format, what the web client renders: author, recipients, e-mail data."""
        if role in DIRECTORATE:
            return
        for message in formats:
            ids = set()
            if message.get("author_id"):
                ids.add(message["author_id"][0])
            ids |= {p[0] for p in message.get("partner_ids") or []}
            ids |= set(message.get("needaction_partner_ids") or [])
            ids |= {c[0] for c in message.get("customer_email_data") or []}
            leaked = ids & self.citizens
            soft(not leaked, "message_format %s shows citizen(s) %s to %s" % (
                message["id"], sorted(leaked), role))
            if message["id"] in informer_ids:
                for trace in INFORMER_TRACES:
                    soft(trace not in repr(message),
                         "message_format %s shows the informer to %s" % (message["id"], role))


# ---------------------------------------------------------------------------------------
# The fixture: built once, over XML-RPC, as the director, the call centre and the registry
# ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(server):
    w = World(server)
    admin, director, agent, clerk = w.admin, w.s[D], w.s[A], w.s[E]

    def xmlid(name):
        return admin("ir.model.data", "xmlid_to_res_id", name)

    w.uid = {u["login"]: u["id"] for u in admin(
        "res.users", "search_read", [("login", "in", list(ROLES))], ["login"])}
    w.partner = {u["login"]: u["partner_id"][0] for u in admin(
        "res.users", "search_read", [("login", "in", list(ROLES))], ["login", "partner_id"])}
    w.team = {t["code"]: t["id"] for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"])}
    w.type_ihbar = xmlid("hid_basvuru.type_ihbar")
    w.type_talep = xmlid("hid_basvuru.type_talep")
    w.cat_fen = xmlid("hid_basvuru.category_asfalt_ve_cukur")
    w.cat_fen2 = xmlid("hid_basvuru.category_yol_kaldirim_bozuklugu")
    w.cat_tem = xmlid("hid_basvuru.category_cop_toplanmadi")
    w.channel = xmlid("hid_basvuru.channel_saha")
    w.mahalle = admin("hid.mahalle", "search", [], limit=1)[0]
    w.closed_stage = admin("helpdesk.ticket.stage", "search", [("code", "=", "closed")])[0]
    w.todo = xmlid("mail.mail_activity_data_todo")
    w.ticket_model = admin("ir.model", "search", [("model", "=", "helpdesk.ticket")])[0]
    w.partner_fields = {
        model: {name for name, f in admin(model, "fields_get", [], ["relation"]).items()
                if f.get("relation") == "res.partner"}
        for model in MODELS}

    # Citizens: the informer (only the ihbar and one named application), another citizen,
    # and the applicant of the throwaway applications the write cells attack.
    c1 = agent("res.partner", "create", dict(INFORMER, hid_citizen=True,
                                             kvkk_notice_given=True))
    c2 = agent("res.partner", "create", {
        "name": "Vatandaş Matrisli", "email": "vatandas.matris@example.org",
        "mobile": "0533 518 37 04", "hid_citizen": True, "kvkk_notice_given": True})
    c3 = agent("res.partner", "create", {
        "name": "Deneme Matrisçi", "mobile": "0534 629 48 15", "hid_citizen": True,
        "kvkk_notice_given": True})
    w.c1, w.c2, w.c3 = c1, c2, c3
    w.citizens = {c1, c2, c3}
    w.institution = admin("res.partner", "create", {"name": "Matris Kurumu", "is_company": True})

    def ticket(name, partner, team, category, **extra):
        vals = {"name": name, "description": name + " (matris)", "partner_id": partner,
                "kvkk_notice_given": True, "team_id": w.team[team], "category_id": category}
        vals.update(extra)
        return agent("helpdesk.ticket", "create", vals)

    w.t = {
        "ihbar": ticket("Kaçak hafriyat ihbarı", c1, "FEN", w.cat_fen,
                        basvuru_type_id=w.type_ihbar, confidential=True),
        "named": ticket("Kaldırım taşı kırık", c1, "FEN", w.cat_fen2),
        "fen": ticket("Yolda çukur var", c2, "FEN", w.cat_fen),
        "tem": ticket("Çöp alınmadı", c2, "TEM", w.cat_tem),
    }
    w.key_of_ticket = {v: k for k, v in w.t.items()}
    # One throwaway confidential application per role for the writes that must be refused
    # (a refused write that today succeeds only spoils that role's own victim).
    w.victim = {role: ticket("Kurban başvuru %s" % role, c3, "TEM" if role == TU else "FEN",
                             w.cat_tem if role == TU else w.cat_fen,
                             basvuru_type_id=w.type_ihbar, confidential=True)
                for role in ROLES}

    # Chatter of each application: the e-mail its citizen wrote, the acknowledgement to the
    # citizen, the citizen as follower, an activity for the müdürlük, an attachment.
    owner = {"ihbar": c1, "named": c1, "fen": c2, "tem": c2}
    email_of = {c1: INFORMER["email"], c2: "vatandas.matris@example.org"}
    w.msg_email, w.msg_ack, w.activity, w.att_ticket = {}, {}, {}, {}
    assignee = {"ihbar": FM, "named": FM, "fen": FU, "tem": TU}
    for key in TICKETS:
        tid, citizen = w.t[key], owner[key]
        w.msg_email[key] = director(
            "helpdesk.ticket", "message_post", [tid], body="Vatandaşın e-postası (matris)",
            message_type="email", subtype="mail.mt_comment", author_id=citizen,
            email_from="Vatandaş <%s>" % email_of.get(citizen, "x@example.org"))
        w.msg_ack[key] = director(
            "helpdesk.ticket", "message_post", [tid], body="Başvurunuz alındı (matris)",
            message_type="comment", subtype="mail.mt_comment", partner_ids=[citizen])
        director("helpdesk.ticket", "message_subscribe", [tid], partner_ids=[citizen])
        w.activity[key] = director("mail.activity", "create", {
            "res_model_id": w.ticket_model, "res_id": tid, "activity_type_id": w.todo,
            "user_id": w.uid[assignee[key]], "summary": "Matris: yerinde bak",
            "date_deadline": "2030-01-01"})
        w.att_ticket[key] = director("ir.attachment", "create", {
            "name": "matris-%s.pdf" % key, "datas_fname": "matris-%s.pdf" % key,
            "datas": PDF, "res_model": "helpdesk.ticket", "res_id": tid})

    # SMS rows and an Open311 key.
    w.sms = [director("hid.sms", "create", {
        "to": mobile, "body": "Matris SMS", "ticket_id": w.t[key], "partner_id": partner})
        for key, mobile, partner in (("fen", "0533 518 37 04", c2),
                                     ("ihbar", INFORMER["mobile"], c1))]
    w.key_id = director("hid.api.key", "create", {"name": "Matris client"})
    director("hid.api.key", "action_generate_key", [w.key_id])

    # Documents: a Gizli one with a scan and a chatter file, a normal one with a scan, the
    # informer's petition linked to the ihbar, all handed to Fen İşleri on a slip that
    # fen.kullanici signed; one normal document handed (not yet received) to Temizlik.
    def doc(**vals):
        base = {"sender_id": w.institution, "subject": "Matris yazısı",
                "evrak_type": "resmi_yazi"}
        base.update(vals)
        return clerk("hid.evrak", "create", base)

    w.d = {
        "secret": doc(subject=SECRET_SUBJECT, gizlilik="gizli",
                      scan_ids=[(0, 0, {"name": "gizli.pdf", "datas": PDF})]),
        "normal": doc(subject="Matris normal yazı",
                      scan_ids=[(0, 0, {"name": "normal.pdf", "datas": PDF})]),
        "petition": doc(subject="Matris dilekçesi", evrak_type="dilekce", sender_id=c1,
                        ticket_id=w.t["ihbar"], kvkk_notice_given=True),
        "temdoc": doc(subject="Matris temizlik yazısı"),
    }
    w.att_chatter = clerk("ir.attachment", "create", {
        "name": "gizli-ek.pdf", "datas_fname": "gizli-ek.pdf", "datas": PDF,
        "res_model": "hid.evrak", "res_id": w.d["secret"]})
    w.z = {
        "zf": clerk("hid.zimmet", "create", {"team_id": w.team["FEN"], "line_ids": [
            (0, 0, {"evrak_id": w.d[k]}) for k in ("secret", "normal", "petition")]}),
        "zt": clerk("hid.zimmet", "create", {"team_id": w.team["TEM"], "line_ids": [
            (0, 0, {"evrak_id": w.d["temdoc"]})]}),
    }
    for slip in w.z.values():
        clerk("hid.zimmet", "action_send", [slip])
    w.s[FU]("hid.zimmet", "action_confirm_receipt", [w.z["zf"]])

    # What the fixture made, as the administrator sees it.
    doc_of = {v: k for k, v in w.d.items()}
    w.scans = {doc_of[r["evrak_id"][0]]: r["id"] for r in admin(
        "hid.evrak.scan", "search_read", [("evrak_id", "in", list(w.d.values()))], ["evrak_id"])}
    w.att_scan = {k: admin("ir.attachment", "search", [
        ("res_model", "=", "hid.evrak.scan"), ("res_id", "=", sid),
        ("res_field", "=", "datas")])[0] for k, sid in w.scans.items()}
    w.contents = {doc_of[r["evrak_id"][0]]: r["id"] for r in admin(
        "hid.evrak.content", "search_read", [("evrak_id", "in", list(w.d.values()))],
        ["evrak_id"])}
    slip_of = {v: k for k, v in w.z.items()}
    w.lines = {}
    for r in admin("hid.zimmet.line", "search_read",
                   [("zimmet_id", "in", list(w.z.values()))], ["zimmet_id"]):
        w.lines.setdefault(slip_of[r["zimmet_id"][0]], []).append(r["id"])
    tickets = list(w.t.values())
    w.msgs = {}
    for r in admin("mail.message", "search_read", [
            ("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets)], ["res_id"]):
        w.msgs.setdefault(w.key_of_ticket[r["res_id"]], []).append(r["id"])
    msg_ticket = {m: k for k, ms in w.msgs.items() for m in ms}
    w.notifs, w.notif_partner = {}, {}
    for r in admin("mail.notification", "search_read", [
            ("mail_message_id", "in", list(msg_ticket))], ["mail_message_id", "res_partner_id"]):
        w.notifs.setdefault(msg_ticket[r["mail_message_id"][0]], []).append(r["id"])
        w.notif_partner[r["id"]] = r["res_partner_id"][0]
    w.mails = {}
    for r in admin("mail.mail", "search_read", [("mail_message_id", "in", list(msg_ticket))],
                   ["mail_message_id"]):
        w.mails.setdefault(msg_ticket[r["mail_message_id"][0]], []).append(r["id"])
    w.followers, w.follower_partner = {}, {}
    for r in admin("mail.followers", "search_read", [
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets)],
            ["res_id", "partner_id"]):
        w.followers.setdefault(w.key_of_ticket[r["res_id"]], []).append(r["id"])
        w.follower_partner[r["id"]] = r["partner_id"][0]
    w.havale = {}
    for r in admin("hid.havale", "search_read", [("ticket_id", "in", tickets)], ["ticket_id"]):
        w.havale.setdefault(w.key_of_ticket[r["ticket_id"][0]], []).append(r["id"])
    for key in TICKETS:
        assert w.notifs.get(key) and w.followers.get(key) and w.havale.get(key), key
        assert w.mails.get(key), "the acknowledgement of %s went out as an e-mail" % key
    return w


def citizen_notifs(w, keys):
    return [n for k in keys for n in w.notifs[k] if w.notif_partner[n] in w.citizens]


def own_notifs(w, role, keys):
    return [n for k in keys for n in w.notifs[k] if w.notif_partner[n] == w.partner[role]]


def citizen_followers(w, keys):
    return [f for k in keys for f in w.followers[k] if w.follower_partner[f] in w.citizens]


def own_followers(w, role, keys):
    return [f for k in keys for f in w.followers[k] if w.follower_partner[f] == w.partner[role]]


# ---------------------------------------------------------------------------------------
# helpdesk.ticket
# ---------------------------------------------------------------------------------------

IDENTITY = ("partner_id", "partner_name", "partner_email", "public_phone")


def ticket_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    rows = s("helpdesk.ticket", "read", w.tids(visible))
    assert {r["id"] for r in rows} == set(w.tids(visible))
    for key in w.hidden_tickets(role):
        denied(lambda: s("helpdesk.ticket", "read", [w.t[key]], ["name"]), "read " + key)
    by_id = {r["id"]: r for r in rows}
    if verdict == "all":
        assert by_id[w.t["ihbar"]]["partner_id"][0] == w.c1, "the directorate sees who"
        return
    w.assert_clean("helpdesk.ticket", rows, role, informer_keys={w.t["ihbar"]}, what="read")
    for name in IDENTITY:
        assert name not in by_id[w.tids(visible)[0]]
        denied(lambda: s("helpdesk.ticket", "read", w.tids(visible), [name]), "read " + name)
    denied(lambda: s("helpdesk.ticket", "export_data", w.tids(visible), ["partner_id/name"]),
           "export partner_id")
    readable = set(w.tids(visible))
    for r in rows:
        soft(set(r["possible_duplicate_ids"]) <= readable, "duplicates it cannot read")
    if "ihbar" in visible:
        dup = {r["id"]: set(r["possible_duplicate_ids"]) for r in rows}
        soft(w.t["named"] not in dup[w.t["ihbar"]],
             "the informer's named application shows as the ihbar's possible duplicate")
        soft(w.t["ihbar"] not in dup[w.t["named"]],
             "the confidential ihbar shows as a possible duplicate of the informer's named one")


def ticket_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    everything = [("id", "in", list(w.t.values()))]
    assert sorted(s("helpdesk.ticket", "search", everything)) == w.tids(visible)
    if verdict == "all":
        assert sorted(s("helpdesk.ticket", "search", everything + [
            ("partner_id", "=", w.c1)])) == w.tids({"ihbar", "named"})
        return
    rows = s("helpdesk.ticket", "search_read", everything, [])
    w.assert_clean("helpdesk.ticket", rows, role, informer_keys={w.t["ihbar"]},
                   what="search_read")
    for domain in ([("partner_id", "=", w.c1)], [("partner_id.name", "ilike", "Matrisoğlu")],
                   [("partner_name", "ilike", "Matris")],
                   [("partner_email", "ilike", "matrisoglu")],
                   [("public_phone", "!=", False)]):
        denied(lambda: s("helpdesk.ticket", "search", everything + domain), "search %s" % domain)
    for order in ("partner_id", "partner_name desc", "partner_email", "public_phone"):
        denied(lambda: s("helpdesk.ticket", "search", everything, order=order), "order " + order)


def ticket_read_group(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    everything = [("id", "in", list(w.t.values()))]
    groups = s("helpdesk.ticket", "read_group", everything, ["team_id"], ["team_id"])
    expected = {}
    for key in visible:
        team = w.team["TEM" if key == "tem" else "FEN"]
        expected[team] = expected.get(team, 0) + 1
    assert {g["team_id"][0]: g["team_id_count"] for g in groups} == expected
    if verdict == "all":
        groups = s("helpdesk.ticket", "read_group", everything, ["partner_id"], ["partner_id"])
        assert {g["partner_id"][0]: g["partner_id_count"] for g in groups}[w.c1] == 2
        return
    for name in IDENTITY:
        denied(lambda: s("helpdesk.ticket", "read_group", everything, [name], [name]),
               "group by " + name)
        denied(lambda: s("helpdesk.ticket", "read_group", everything, ["team_id", name],
                         ["team_id"]), "aggregate " + name)


DIRECTORATE_ONLY = {
    "received_date": "2020-01-01 00:00:00", "confidential": False, "anonymous": True,
    "kvkk_notice_given": False,
}


def ticket_write(w, role, verdict):
    s, victim = w.s[role], w.victim[role]

    def state():
        return w.admin("helpdesk.ticket", "read", [victim],
                       ["stage_code", "team_id", "confidential", "number"])[0]

    if verdict == "no":
        denied(lambda: s("helpdesk.ticket", "write", [victim], {"name": "Değişti"}), "write")
        return
    before = state()
    denied(lambda: s("helpdesk.ticket", "write", [victim], {"number": "2000-999999"}),
           "write the tracking number")
    denied(lambda: s("helpdesk.ticket", "write", [victim], {"closure_state": "cozuldu"}),
           "write closure_state")
    if verdict == "all":
        # Agents register and inform: of a plain write they keep only the harmless fields
        # (the intake fields are HİM staff's, lib/lifecycle.py WRITABLE).
        s("helpdesk.ticket", "write", [victim], {"priority": "1"})
    else:
        other = "fen" if role == TU else "tem"
        denied(lambda: s("helpdesk.ticket", "write", [w.t[other]], {"answer": "x"}),
               "write another müdürlük's application")
        extra = {"basvuru_type_id": w.type_talep, "category_id": w.cat_fen2,
                 "channel_id": w.channel, "mahalle_id": w.mahalle}
        for name, value in sorted(dict(DIRECTORATE_ONLY, **extra).items()):
            denied(lambda: s("helpdesk.ticket", "write", [victim], {name: value}),
                   "write " + name)
        s("helpdesk.ticket", "write", [victim], {"answer": "Matris cevabı (%s)" % role})
        if role == FM:
            s("helpdesk.ticket", "write", [victim], {"user_id": w.uid[FU]})
            denied(lambda: s("helpdesk.ticket", "write", [victim], {"user_id": w.uid[TU]}),
                   "assign to someone outside the müdürlük")
        else:
            denied(lambda: s("helpdesk.ticket", "write", [victim], {"user_id": w.uid[role]}),
                   "assign (not a manager)")
        denied(lambda: s("helpdesk.ticket", "write", [victim],
                         {"team_id": w.team["FEN" if role == TU else "TEM"]},
                         context={"hid_workflow": True}), "route by write with hid_workflow")
    denied(lambda: s("helpdesk.ticket", "write", [victim], {"stage_id": w.closed_stage},
                     context={"hid_workflow": True}), "close by write with hid_workflow")
    after = state()
    for name in ("stage_code", "team_id", "confidential", "number"):
        soft(after[name] == before[name], "%s changed from %r to %r" % (
            name, before[name], after[name]))


def throwaway_ticket(w, creator=D):
    return w.s[creator]("helpdesk.ticket", "create", {
        "name": "Matris geçici", "description": "geçici", "team_id": w.team["FEN"]})


def ticket_create(w, role, verdict):
    s = w.s[role]
    vals = {"name": "Matris yeni", "description": "yeni", "team_id": w.team["FEN"]}
    if verdict == "no":
        denied(lambda: s("helpdesk.ticket", "create", vals), "create")
        return
    new = s("helpdesk.ticket", "create", vals)
    assert w.admin("helpdesk.ticket", "read", [new], ["stage_code"])[0]["stage_code"] == "routed"
    w.s[D]("helpdesk.ticket", "unlink", [new])


def ticket_unlink(w, role, verdict):
    new = throwaway_ticket(w)
    if verdict == "no":
        denied(lambda: w.s[role]("helpdesk.ticket", "unlink", [new]), "unlink")
        w.s[D]("helpdesk.ticket", "unlink", [new])
    else:
        w.s[role]("helpdesk.ticket", "unlink", [new])
    assert not w.admin("helpdesk.ticket", "search", [("id", "=", new)])


# ---------------------------------------------------------------------------------------
# res.partner
# ---------------------------------------------------------------------------------------

def partner_read(w, role, verdict):
    s = w.s[role]
    assert s("res.partner", "read", [w.institution], ["name"])[0]["name"] == "Matris Kurumu"
    if verdict == "no":
        for citizen in sorted(w.citizens):
            denied(lambda: s("res.partner", "read", [citizen], ["name"]), "read citizen")
            denied(lambda: s("res.partner", "name_get", [citizen]), "name_get citizen")
        return
    rows = s("res.partner", "read", [w.c1, w.c2], ["name", "mobile"])
    assert rows[0]["name"] == INFORMER["name"]
    if role not in DIRECTORATE:
        denied(lambda: s("res.partner", "read", [w.c1], ["tckn"]), "tckn")


def partner_search(w, role, verdict):
    s = w.s[role]
    found = s("res.partner", "search", [("id", "in", sorted(w.citizens | {w.institution}))])
    if verdict == "all":
        assert set(found) == w.citizens | {w.institution}
        return
    assert found == [w.institution], "a müdürlük finds no citizen"
    assert not set(p[0] for p in s("res.partner", "name_search", "Matris")) & w.citizens
    assert not s("res.partner", "search", [("email", "ilike", "matrisoglu")])


def partner_read_group(w, role, verdict):
    s = w.s[role]
    domain = [("id", "in", sorted(w.citizens))]
    groups = s("res.partner", "read_group", domain, ["hid_citizen"], ["hid_citizen"])
    total = group_total(groups, "hid_citizen")
    assert total == (3 if verdict == "all" else 0)
    if role not in DIRECTORATE:
        denied(lambda: s("res.partner", "read_group", domain, ["tckn"], ["tckn"]),
               "group by tckn")


def partner_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("res.partner", "write", [w.c3], {"comment": "x"}), "write citizen")
        return
    s("res.partner", "write", [w.c3], {"comment": "Matris notu (%s)" % role})


def partner_create(w, role, verdict):
    s = w.s[role]
    vals = {"name": "Matris Geçici Vatandaş", "hid_citizen": True, "kvkk_notice_given": True}
    if verdict == "no":
        denied(lambda: s("res.partner", "create", vals), "create citizen")
        return
    new = s("res.partner", "create", vals)
    w.admin("res.partner", "unlink", [new])


def partner_unlink(w, role, verdict):
    new = w.admin("res.partner", "create", {"name": "Matris Silinecek", "hid_citizen": True,
                                            "kvkk_notice_given": True})
    denied(lambda: w.s[role]("res.partner", "unlink", [new]), "unlink citizen")
    w.admin("res.partner", "unlink", [new])


# ---------------------------------------------------------------------------------------
# mail.message
# ---------------------------------------------------------------------------------------

def message_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    ids = sorted(m for k in visible for m in w.msgs[k])
    if verdict == "own":  # the citizen's own messages may be hidden, or shown without them
        citizens = citizen_messages(w, visible)
        ids = sorted(set(ids) - citizens)
    rows = s("mail.message", "read", ids)
    formats = s("mail.message", "message_format", ids)
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.message", "read", [w.msg_ack[key]], ["body"]), "read " + key)
        denied(lambda: s("mail.message", "message_format", [w.msg_email[key]]),
               "message_format " + key)
    if verdict == "all":
        by_id = {r["id"]: r for r in rows}
        assert by_id[w.msg_email["ihbar"]]["author_id"][0] == w.c1
        assert w.c1 in by_id[w.msg_ack["ihbar"]]["partner_ids"]
        return
    informer = set(w.msgs["ihbar"]) if "ihbar" in visible else set()
    w.assert_clean("mail.message", rows, role, informer_keys=informer, what="read")
    w.assert_formats_clean(formats, role, informer_ids=informer)
    for message in sorted(citizens):
        refused_or(lambda: s("mail.message", "read", [message]),
                   lambda rows: w.assert_clean("mail.message", rows, role, informer, "read"),
                   "read the citizen's message %s" % message)
        refused_or(lambda: s("mail.message", "message_format", [message]),
                   lambda formats: w.assert_formats_clean(formats, role, informer),
                   "message_format of the citizen's message %s" % message)


def citizen_messages(w, keys):
    """The messages of the fixture written by or to the applicant."""
    return {m for k in keys for m in (w.msg_email[k], w.msg_ack[k])}


def message_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    domain = [("model", "=", "helpdesk.ticket"), ("res_id", "in", list(w.t.values()))]
    known = {m for k in TICKETS for m in w.msgs[k]}  # cells add and remove notes
    found = set(s("mail.message", "search", domain)) & known
    mine = {m for k in visible for m in w.msgs[k]}
    assert found <= mine, "messages of applications it cannot read: %s" % sorted(found - mine)
    assert mine - citizen_messages(w, visible) <= found, "misses messages it may read"
    if verdict == "all":
        assert w.msg_email["ihbar"] in s("mail.message", "search", domain + [
            ("author_id", "=", w.c1)])
        return
    for extra in ([("author_id", "=", w.c1)], [("partner_ids", "in", [w.c1])],
                  [("email_from", "ilike", "matrisoglu")], [("author_id", "in", [w.c2])]):
        refused_or(lambda: s("mail.message", "search", domain + extra),
                   empty("finds"), "search %s" % extra)


def message_read_group(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    domain = [("model", "=", "helpdesk.ticket"), ("res_id", "in", list(w.t.values()))]
    if verdict == "all":
        groups = s("mail.message", "read_group", domain, ["res_id"], ["res_id"])
        assert group_keys(groups, "res_id") == set(w.t.values())
        groups = s("mail.message", "read_group", domain, ["author_id"], ["author_id"])
        assert w.c1 in group_keys(groups, "author_id")
        return
    allowed = set(w.tids(visible))

    def only_visible(groups):
        assert group_keys(groups, "res_id") <= allowed, "groups of applications it cannot read"

    def no_citizen(groups):
        assert not group_keys(groups, "author_id") & w.citizens, "citizens as group keys"

    refused_or(lambda: s("mail.message", "read_group", domain, ["res_id"], ["res_id"]),
               only_visible, "group by res_id")
    refused_or(lambda: s("mail.message", "read_group", domain, ["author_id"], ["author_id"]),
               no_citizen, "group by author_id")


def own_note(w, role, key="fen"):
    """A note the role posts on an application it works on."""
    target = "tem" if role == TU else key
    return w.s[role]("helpdesk.ticket", "message_post", [w.t[target]],
                     body="Matris notu (%s)" % role, message_type="comment",
                     subtype="mail.mt_note")


def message_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("mail.message", "write", [w.msg_ack["fen"]], {"body": "x"}), "write")
        return
    note = own_note(w, role)
    s("mail.message", "write", [note], {"body": "Matris notu, düzeltildi"})
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.message", "write", [w.msg_ack[key]], {"body": "x"}),
               "write " + key)
    w.admin("mail.message", "unlink", [note])


def message_create(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("helpdesk.ticket", "message_post", [w.t["fen"]], body="x",
                         message_type="comment", subtype="mail.mt_note"), "message_post")
        denied(lambda: s("mail.message", "create", {
            "model": "helpdesk.ticket", "res_id": w.t["fen"], "body": "x",
            "message_type": "comment"}), "create")
        return
    note = own_note(w, role)
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.message", "create", {
            "model": "helpdesk.ticket", "res_id": w.t[key], "body": "x",
            "message_type": "comment"}), "create on " + key)
    w.admin("mail.message", "unlink", [note])


def message_unlink(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("mail.message", "unlink", [w.msg_ack["fen"]]), "unlink")
        return
    s("mail.message", "unlink", [own_note(w, role)])
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.message", "unlink", [w.msg_ack[key]]), "unlink " + key)


# ---------------------------------------------------------------------------------------
# mail.notification
# ---------------------------------------------------------------------------------------

def notification_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    if verdict == "all":
        rows = s("mail.notification", "read", citizen_notifs(w, TICKETS), ["res_partner_id"])
        assert w.c1 in {r["res_partner_id"][0] for r in rows}
        return
    own = own_notifs(w, role, visible)
    if own:
        s("mail.notification", "read", own, ["is_read"])
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.notification", "read", w.notifs[key], ["res_partner_id"]),
               "read " + key)
    for notif in citizen_notifs(w, visible):
        refused_or(lambda: s("mail.notification", "read", [notif]),
                   lambda rows: w.assert_clean("mail.notification", rows, role,
                                               informer_keys={notif}), "read citizen's")


def notification_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    messages = [m for k in TICKETS for m in w.msgs[k]]
    found = set(s("mail.notification", "search", [("mail_message_id", "in", messages)]))
    if verdict == "all":
        assert set(citizen_notifs(w, TICKETS)) <= found
        return
    allowed = {n for k in visible for n in w.notifs[k]} - set(citizen_notifs(w, visible))
    assert found <= allowed, "finds notifications of others' applications or of citizens"
    assert set(own_notifs(w, role, visible)) <= found


def notification_read_group(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    messages = [m for k in TICKETS for m in w.msgs[k]]
    domain = [("mail_message_id", "in", messages)]
    if verdict == "all":
        groups = s("mail.notification", "read_group", domain, ["res_partner_id"],
                   ["res_partner_id"])
        assert w.c1 in group_keys(groups, "res_partner_id")
        return
    allowed = {n for k in visible for n in w.notifs[k]} - set(citizen_notifs(w, visible))

    def check(groups):
        assert not group_keys(groups, "res_partner_id") & w.citizens, "citizen recipients"
        assert group_total(groups, "res_partner_id") <= len(allowed), "counts others'"

    refused_or(lambda: s("mail.notification", "read_group", domain, ["res_partner_id"],
                         ["res_partner_id"]), check, "group by recipient")


def notification_write(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    for notif in own_notifs(w, role, visible)[:1]:
        s("mail.notification", "write", [notif], {"is_read": True})
    denied(lambda: s("mail.notification", "write", citizen_notifs(w, ["fen"]),
                     {"is_read": True}), "write the citizen's")


def notification_create(w, role, verdict):
    s = w.s[role]
    if verdict == "all":
        new = s("mail.notification", "create", {
            "mail_message_id": w.msg_ack["fen"], "res_partner_id": w.partner[role],
            "is_read": True})
        w.admin("mail.notification", "unlink", [new])
        return
    for key in w.hidden_tickets(role):
        message = w.msg_ack[key]
        try:
            new = s("mail.notification", "create", {
                "mail_message_id": message, "res_partner_id": w.partner[role],
                "is_read": False})
        except xmlrpc.client.Fault as fault:
            assert is_denial(fault), fault.faultString[-1500:]
            continue
        try:
            denied(lambda: s("mail.message", "read", [message], ["body"]),
                   "a forged notification opens the message of " + key)
            denied(lambda: s("mail.message", "message_format", [message]),
                   "a forged notification opens the message_format of " + key)
        finally:
            w.admin("mail.notification", "unlink", [new])


def notification_unlink(w, role, verdict):
    denied(lambda: w.s[role]("mail.notification", "unlink", citizen_notifs(w, ["fen"])),
           "unlink")


# ---------------------------------------------------------------------------------------
# mail.mail
# ---------------------------------------------------------------------------------------

def mail_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    if verdict == "all":
        rows = s("mail.mail", "read", w.mails["ihbar"], ["recipient_ids", "body_html"])
        assert any(w.c1 in r["recipient_ids"] for r in rows)
        return
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.mail", "read", w.mails[key], ["body_html"]), "read " + key)
    for key in sorted(visible):
        informer = set(w.mails[key]) if key == "ihbar" else set()
        refused_or(lambda: s("mail.mail", "read", w.mails[key]),
                   lambda rows: w.assert_clean("mail.mail", rows, role, informer_keys=informer),
                   "read " + key)


def mail_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    every = [m for k in TICKETS for m in w.mails[k]]
    found = set(s("mail.mail", "search", [("id", "in", every)]))
    if verdict == "all":
        assert found == set(every)
        return
    assert found <= {m for k in visible for m in w.mails[k]}, "e-mails of others' applications"
    refused_or(lambda: s("mail.mail", "search", [("recipient_ids", "in", [w.c1])]),
               empty("finds the informer's e-mails"), "search by recipient")


def mail_read_group(w, role, verdict):
    s = w.s[role]
    every = [m for k in TICKETS for m in w.mails[k]]
    if verdict == "all":
        groups = s("mail.mail", "read_group", [("id", "in", every)], ["state"], ["state"])
        assert group_total(groups, "state") == len(every)
        return
    hidden = [m for k in w.hidden_tickets(role) for m in w.mails[k]]

    def nothing(groups):
        assert group_total(groups, "state") == 0, "counts e-mails it may not read"

    if hidden:
        refused_or(lambda: s("mail.mail", "read_group", [("id", "in", hidden)], ["state"],
                             ["state"]), nothing, "group others' e-mails")
    refused_or(lambda: s("mail.mail", "read_group", [("recipient_ids", "in", [w.c1])],
                         ["state"], ["state"]), nothing, "group the informer's e-mails")


def own_mail(w, role):
    return w.s[role]("mail.mail", "create", {
        "subject": "Matris e-postası", "body_html": "<p>matris</p>",
        "email_to": "kurum@example.org", "state": "cancel"})


def mail_write(w, role, verdict):
    s = w.s[role]
    new = own_mail(w, role)
    s("mail.mail", "write", [new], {"subject": "Matris e-postası, düzeltildi"})
    if verdict == "own":
        for key in w.hidden_tickets(role):
            denied(lambda: s("mail.mail", "write", w.mails[key], {"email_to": "x@example.org"}),
                   "redirect the e-mail of " + key)
    w.admin("mail.mail", "unlink", [new])


def mail_create(w, role, verdict):
    new = own_mail(w, role)
    assert w.admin("mail.mail", "search", [("id", "=", new)])
    w.admin("mail.mail", "unlink", [new])


def mail_unlink(w, role, verdict):
    new = w.admin("mail.mail", "create", {"subject": "Matris", "body_html": "x",
                                          "state": "cancel"})
    denied(lambda: w.s[role]("mail.mail", "unlink", [new]), "unlink")
    w.admin("mail.mail", "unlink", [new])


# ---------------------------------------------------------------------------------------
# mail.followers
# ---------------------------------------------------------------------------------------

def followers_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    if verdict == "all":
        rows = s("mail.followers", "read", citizen_followers(w, TICKETS), ["partner_id"])
        assert w.c1 in {r["partner_id"][0] for r in rows}
        return
    own = own_followers(w, role, visible)
    if own:
        s("mail.followers", "read", own, ["res_id"])
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.followers", "read", w.followers[key], ["partner_id"]),
               "read " + key)
    for follower in citizen_followers(w, visible):
        refused_or(lambda: s("mail.followers", "read", [follower]),
                   lambda rows: w.assert_clean("mail.followers", rows, role,
                                               informer_keys={follower}), "read citizen's")


def followers_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    domain = [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", list(w.t.values()))]
    known = {f for k in TICKETS for f in w.followers[k]}  # cells add followers
    found = set(s("mail.followers", "search", domain)) & known
    if verdict == "all":
        assert set(citizen_followers(w, TICKETS)) <= found
        return
    allowed = {f for k in visible for f in w.followers[k]} - set(citizen_followers(w, visible))
    assert found <= allowed, "finds followers of others' applications or citizens"
    assert set(own_followers(w, role, visible)) <= found


def followers_read_group(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    domain = [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", list(w.t.values()))]
    if verdict == "all":
        groups = s("mail.followers", "read_group", domain, ["partner_id"], ["partner_id"])
        assert w.c1 in group_keys(groups, "partner_id")
        return
    allowed = set(w.tids(visible))

    def check_partner(groups):
        assert not group_keys(groups, "partner_id") & w.citizens, "citizen followers"

    def check_res(groups):
        assert group_keys(groups, "res_id") <= allowed, "followers of others' applications"

    refused_or(lambda: s("mail.followers", "read_group", domain, ["partner_id"],
                         ["partner_id"]), check_partner, "group by partner")
    refused_or(lambda: s("mail.followers", "read_group", domain, ["res_id"], ["res_id"]),
               check_res, "group by res_id")


def followers_write(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    for follower in own_followers(w, role, visible)[:1]:
        subtypes = w.admin("mail.followers", "read", [follower], ["subtype_ids"])[0]
        s("mail.followers", "write", [follower],
          {"subtype_ids": [(6, 0, subtypes["subtype_ids"])]})
    if role in (D, S, A):
        return  # the directorate manages the subscriptions of the applications it handles
    denied(lambda: s("mail.followers", "write", citizen_followers(w, ["fen"]),
                     {"subtype_ids": [(5,)]}), "write the citizen's subscription")


def followers_create(w, role, verdict):
    s = w.s[role]
    if verdict == "all":
        new = s("mail.followers", "create", {
            "res_model": "helpdesk.ticket", "res_id": w.victim[role],
            "partner_id": w.institution})
        w.admin("mail.followers", "unlink", [new])
        return
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.followers", "create", {
            "res_model": "helpdesk.ticket", "res_id": w.t[key],
            "partner_id": w.partner[role]}), "follow an application it cannot read")


def followers_unlink(w, role, verdict):
    denied(lambda: w.s[role]("mail.followers", "unlink", citizen_followers(w, ["fen"])),
           "unlink")


# ---------------------------------------------------------------------------------------
# mail.activity
# ---------------------------------------------------------------------------------------

def activity_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    ids = sorted(w.activity[k] for k in visible)
    rows = s("mail.activity", "read", ids)
    w.assert_clean("mail.activity", rows, role, informer_keys={w.activity["ihbar"]})
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.activity", "read", [w.activity[key]], ["summary"]),
               "read " + key)


def activity_search(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    found = s("mail.activity", "search", [("id", "in", list(w.activity.values()))])
    assert set(found) == {w.activity[k] for k in visible}


def activity_read_group(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    domain = [("id", "in", list(w.activity.values()))]

    def check(groups):
        assert group_keys(groups, "res_id") == set(w.tids(visible))

    if verdict == "all":
        check(s("mail.activity", "read_group", domain, ["res_id"], ["res_id"]))
    else:
        refused_or(lambda: s("mail.activity", "read_group", domain, ["res_id"], ["res_id"]),
                   check, "group by res_id")


def new_activity(w, session, key):
    return session("mail.activity", "create", {
        "res_model_id": w.ticket_model, "res_id": w.t[key], "activity_type_id": w.todo,
        "user_id": w.uid[D], "summary": "Matris geçici", "date_deadline": "2030-01-01"})


def own_key(role):
    return "tem" if role == TU else "fen"


def activity_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("mail.activity", "write", [w.activity["fen"]], {"summary": "x"}),
               "write")
        return
    s("mail.activity", "write", [w.activity[own_key(role)]], {"summary": "Matris: yerinde bak"})
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.activity", "write", [w.activity[key]], {"summary": "x"}),
               "write " + key)


def activity_create(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: new_activity(w, s, "fen"), "create")
        return
    new = new_activity(w, s, own_key(role))
    for key in w.hidden_tickets(role):
        denied(lambda: new_activity(w, s, key), "create on " + key)
    w.s[D]("mail.activity", "unlink", [new])


def activity_unlink(w, role, verdict):
    s = w.s[role]
    new = new_activity(w, w.s[D], own_key(role))
    if verdict == "no":
        denied(lambda: s("mail.activity", "unlink", [new]), "unlink")
        w.s[D]("mail.activity", "unlink", [new])
        return
    s("mail.activity", "unlink", [new])
    for key in w.hidden_tickets(role):
        denied(lambda: s("mail.activity", "unlink", [w.activity[key]]), "unlink " + key)


# ---------------------------------------------------------------------------------------
# ir.attachment
# ---------------------------------------------------------------------------------------

def attachments_of(w, role):
    """The fixture's files the role may read: by application, and by document contents."""
    files = {w.att_ticket[k] for k in w.tickets_of(role)}
    contents = w.contents_of(role)
    files |= {w.att_scan[k] for k in w.att_scan if k in contents}
    if "secret" in contents:
        files.add(w.att_chatter)
    return files


def all_attachments(w):
    return set(w.att_ticket.values()) | set(w.att_scan.values()) | {w.att_chatter}


def attachment_read(w, role, verdict):
    s, allowed = w.s[role], attachments_of(w, role)
    rows = s("ir.attachment", "read", sorted(allowed), ["datas", "name"])
    assert all(base64.b64decode(r["datas"]).startswith(b"%PDF") for r in rows)
    for att in sorted(all_attachments(w) - allowed):
        denied(lambda: s("ir.attachment", "read", [att], ["datas"]), "read file %s" % att)
    if verdict == "all":
        assert allowed == all_attachments(w)


def attachment_search(w, role, verdict):
    s = w.s[role]
    found = s("ir.attachment", "search", [("id", "in", sorted(all_attachments(w)))])
    assert set(found) == attachments_of(w, role)


def attachment_read_group(w, role, verdict):
    s, allowed = w.s[role], attachments_of(w, role)
    domain = [("id", "in", sorted(all_attachments(w)))]

    def check(groups):
        names = group_keys(groups, "name")
        expected = {r["name"] for r in w.admin("ir.attachment", "read", sorted(allowed),
                                               ["name"])}
        assert names <= expected, "names of files it may not read: %s" % (names - expected)

    if verdict == "all":
        check(s("ir.attachment", "read_group", domain, ["name"], ["name"]))
    else:
        refused_or(lambda: s("ir.attachment", "read_group", domain, ["name"], ["name"]),
                   check, "group by name")


def attachment_targets(w, role):
    """(res_model, res_id) the role attaches files to, and files it may not change."""
    if role == E:
        return ("hid.evrak", w.d["normal"]), [w.att_ticket["fen"]]
    refused = [w.att_ticket[k] for k in w.hidden_tickets(role)]
    if role not in SECRET_READERS:
        refused.append(w.att_chatter)
    return ("helpdesk.ticket", w.t[own_key(role)]), refused


def attachment_write(w, role, verdict):
    s = w.s[role]
    (model, res_id), refused = attachment_targets(w, role)
    mine = w.att_chatter if role == E else w.att_ticket[own_key(role)]
    s("ir.attachment", "write", [mine], {"description": "Matris (%s)" % role})
    for att in refused:
        denied(lambda: s("ir.attachment", "write", [att], {"description": "x"}),
               "write file %s" % att)


def new_attachment(session, model, res_id):
    return session("ir.attachment", "create", {
        "name": "matris-gecici.pdf", "datas_fname": "matris-gecici.pdf", "datas": PDF,
        "res_model": model, "res_id": res_id})


def attachment_create(w, role, verdict):
    s = w.s[role]
    (model, res_id), _refused = attachment_targets(w, role)
    new = new_attachment(s, model, res_id)
    for key in w.hidden_tickets(role):
        denied(lambda: new_attachment(s, "helpdesk.ticket", w.t[key]), "attach to " + key)
    if role == E:
        denied(lambda: new_attachment(s, "helpdesk.ticket", w.t["fen"]),
               "attach to an application")
    w.admin("ir.attachment", "unlink", [new])


def attachment_unlink(w, role, verdict):
    s = w.s[role]
    (model, res_id), refused = attachment_targets(w, role)
    s("ir.attachment", "unlink", [new_attachment(s, model, res_id)])
    if w.att_chatter in refused:  # a fresh one: a delete that goes through spoils nothing
        refused.remove(w.att_chatter)
        spare = new_attachment(w.s[E], "hid.evrak", w.d["secret"])
        denied(lambda: s("ir.attachment", "unlink", [spare]), "unlink a secret document's file")
        w.admin("ir.attachment", "unlink", w.admin("ir.attachment", "search",
                                                   [("id", "=", spare)]))
    for att in refused:
        denied(lambda: s("ir.attachment", "unlink", [att]), "unlink file %s" % att)


# ---------------------------------------------------------------------------------------
# hid.evrak, hid.evrak.content, hid.evrak.scan
# ---------------------------------------------------------------------------------------

def evrak_read(w, role, verdict):
    s, docs, contents = w.s[role], w.docs_of(role), w.contents_of(role)
    ids = sorted(w.d[k] for k in docs)
    rows = {r["id"]: r for r in s("hid.evrak", "read", ids)}
    for key in docs:
        subject = rows[w.d[key]]["subject"]
        if key in contents:
            assert subject.startswith("Matris"), (key, subject)
        else:
            assert "Matris" not in subject and rows[w.d[key]]["scan_ids"] == [], key
    for key in set(DOCS) - docs:
        denied(lambda: s("hid.evrak", "read", [w.d[key]], ["name"]), "read " + key)
    w.assert_clean("hid.evrak", list(rows.values()), role, informer_keys={w.d["petition"]}
                   if role != E else ())
    if verdict == "all":
        assert rows[w.d["petition"]]["sender_id"][0] == w.c1


def evrak_search(w, role, verdict):
    s = w.s[role]
    domain = [("id", "in", list(w.d.values()))]
    assert set(s("hid.evrak", "search", domain)) == {w.d[k] for k in w.docs_of(role)}
    secret = s("hid.evrak", "search", domain + [("subject", "ilike", "soruşturma")])
    assert secret == ([w.d["secret"]] if "secret" in w.contents_of(role) else [])
    if role in MUDURLUK:
        refused_or(lambda: s("hid.evrak", "search", domain + [("sender_id", "=", w.c1)]),
                   empty("finds the petition's sender"), "search by sender")


def evrak_read_group(w, role, verdict):
    s = w.s[role]
    domain = [("id", "in", list(w.d.values()))]
    groups = s("hid.evrak", "read_group", domain, ["gizlilik"], ["gizlilik"])
    assert group_total(groups, "gizlilik") == len(w.docs_of(role))
    if role in MUDURLUK:
        def no_citizen(groups):
            assert not group_keys(groups, "sender_id") & w.citizens, "citizen senders"

        refused_or(lambda: s("hid.evrak", "read_group", domain, ["sender_id"], ["sender_id"]),
                   no_citizen, "group by sender")


def evrak_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.evrak", "write", [w.d["normal"]], {"answer_no": "x"}), "write")
        return
    if verdict == "all":
        s("hid.evrak", "write", [w.d["normal"]], {"page_count": 2})
        return
    mine, other = ("temdoc", "normal") if role == TU else ("normal", "temdoc")
    s("hid.evrak", "write", [w.d[mine]], {"answer_no": "M-%s" % role})
    denied(lambda: s("hid.evrak", "write", [w.d[mine]], {"subject": "Değişti"}), "subject")
    denied(lambda: s("hid.evrak", "write", [w.d[mine]], {"gizlilik": "normal"}), "gizlilik")
    denied(lambda: s("hid.evrak", "write", [w.d[other]], {"answer_no": "x"}), "other team's")


def throwaway_doc(w, role=E, **vals):
    base = {"sender_id": w.institution, "subject": "Matris geçici yazı",
            "evrak_type": "resmi_yazi"}
    base.update(vals)
    return w.s[role]("hid.evrak", "create", base)


def evrak_create(w, role, verdict):
    if verdict == "no":
        denied(lambda: throwaway_doc(w, role), "create")
        return
    new = throwaway_doc(w, role)
    assert w.admin("hid.evrak", "read", [new], ["state"])[0]["state"] == "registered"


def evrak_unlink(w, role, verdict):
    new = throwaway_doc(w)
    denied(lambda: w.s[role]("hid.evrak", "unlink", [new]), "unlink")


def content_read(w, role, verdict):
    s, contents = w.s[role], w.contents_of(role)
    rows = s("hid.evrak.content", "read", sorted(w.contents[k] for k in contents), ["subject"])
    assert all(r["subject"].startswith("Matris") for r in rows)
    for key in set(DOCS) - contents:
        denied(lambda: s("hid.evrak.content", "read", [w.contents[key]], ["subject"]),
               "read " + key)


def content_search(w, role, verdict):
    s = w.s[role]
    found = s("hid.evrak.content", "search", [("id", "in", list(w.contents.values()))])
    assert set(found) == {w.contents[k] for k in w.contents_of(role)}
    secret = s("hid.evrak.content", "search", [("subject", "ilike", "soruşturma"),
                                               ("id", "in", list(w.contents.values()))])
    assert bool(secret) == ("secret" in w.contents_of(role))


def content_read_group(w, role, verdict):
    s = w.s[role]
    domain = [("id", "in", list(w.contents.values()))]
    expected = {SECRET_SUBJECT} if "secret" in w.contents_of(role) else set()

    def check(groups):
        assert group_keys(groups, "subject") & {SECRET_SUBJECT} == expected, "secret subject"

    refused_or(lambda: s("hid.evrak.content", "read_group", domain, ["subject"], ["subject"]),
               check, "group by subject")
    if verdict == "all":
        s("hid.evrak.content", "read_group", domain, ["subject"], ["subject"])


def content_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.evrak.content", "write", [w.contents["normal"]],
                         {"subject": "Değişti"}), "write")
        return
    s("hid.evrak.content", "write", [w.contents["normal"]],
      {"physical_attachments": "Matris: 1 klasör"})


def content_create(w, role, verdict):
    new = throwaway_doc(w)
    if verdict == "no":
        denied(lambda: w.s[role]("hid.evrak.content", "create", {
            "evrak_id": new, "subject": "Matris"}), "create")
        return
    # one subject per document: it is created with the document, by the registry
    new = throwaway_doc(w, role, subject="Matris konu (%s)" % role)
    assert w.s[role]("hid.evrak.content", "search_read", [("evrak_id", "=", new)],
                     ["subject"])[0]["subject"].startswith("Matris konu")


def content_unlink(w, role, verdict):
    new = throwaway_doc(w)
    content = w.admin("hid.evrak.content", "search", [("evrak_id", "=", new)])
    denied(lambda: w.s[role]("hid.evrak.content", "unlink", content), "unlink")


def scan_read(w, role, verdict):
    s, contents = w.s[role], w.contents_of(role)
    readable = sorted(w.scans[k] for k in w.scans if k in contents)
    rows = s("hid.evrak.scan", "read", readable, ["datas"])
    assert all(base64.b64decode(r["datas"]).startswith(b"%PDF") for r in rows)
    for key in set(w.scans) - contents:
        denied(lambda: s("hid.evrak.scan", "read", [w.scans[key]], ["datas"]), "read " + key)


def scan_search(w, role, verdict):
    found = w.s[role]("hid.evrak.scan", "search", [("id", "in", list(w.scans.values()))])
    assert set(found) == {w.scans[k] for k in w.scans if k in w.contents_of(role)}


def scan_read_group(w, role, verdict):
    s = w.s[role]
    domain = [("id", "in", list(w.scans.values()))]
    expected = {w.d[k] for k in w.scans if k in w.contents_of(role)}

    def check(groups):
        assert group_keys(groups, "evrak_id") <= expected, "scans of secret documents"

    refused_or(lambda: s("hid.evrak.scan", "read_group", domain, ["evrak_id"], ["evrak_id"]),
               check, "group by document")
    if verdict == "all":
        groups = s("hid.evrak.scan", "read_group", domain, ["evrak_id"], ["evrak_id"])
        assert group_keys(groups, "evrak_id") == expected


def scan_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.evrak.scan", "write", [w.scans["normal"]], {"name": "x.pdf"}),
               "write")
        return
    s("hid.evrak.scan", "write", [w.scans["normal"]], {"name": "normal.pdf"})


def scan_create(w, role, verdict):
    s = w.s[role]
    doc = throwaway_doc(w)
    vals = {"evrak_id": doc, "name": "matris.pdf", "datas": PDF}
    if verdict == "no":
        denied(lambda: s("hid.evrak.scan", "create", vals), "create")
        return
    new = s("hid.evrak.scan", "create", vals)
    w.s[E]("hid.evrak.scan", "unlink", [new])


def scan_unlink(w, role, verdict):
    doc = throwaway_doc(w)
    new = w.s[E]("hid.evrak.scan", "create", {"evrak_id": doc, "name": "m.pdf", "datas": PDF})
    if verdict == "no":
        denied(lambda: w.s[role]("hid.evrak.scan", "unlink", [new]), "unlink")
    else:
        w.s[role]("hid.evrak.scan", "unlink", [new])


# ---------------------------------------------------------------------------------------
# hid.zimmet, hid.zimmet.line
# ---------------------------------------------------------------------------------------

def slip_read(w, role, verdict):
    s, slips = w.s[role], w.slips_of(role)
    rows = s("hid.zimmet", "read", sorted(w.z[k] for k in slips), ["state", "received_uid"])
    states = {r["id"]: r["state"] for r in rows}
    if "zf" in slips:
        assert states[w.z["zf"]] == "received"
    for key in {"zf", "zt"} - slips:
        denied(lambda: s("hid.zimmet", "read", [w.z[key]], ["name"]), "read " + key)


def slip_search(w, role, verdict):
    found = w.s[role]("hid.zimmet", "search", [("id", "in", list(w.z.values()))])
    assert set(found) == {w.z[k] for k in w.slips_of(role)}


def slip_read_group(w, role, verdict):
    groups = w.s[role]("hid.zimmet", "read_group", [("id", "in", list(w.z.values()))],
                       ["team_id"], ["team_id"])
    expected = {w.team["FEN"] if k == "zf" else w.team["TEM"] for k in w.slips_of(role)}
    assert group_keys(groups, "team_id") == expected


def draft_slip(w, role=E, team="TEM"):
    doc = throwaway_doc(w)
    slip = w.s[role]("hid.zimmet", "create", {
        "team_id": w.team[team], "line_ids": [(0, 0, {"evrak_id": doc})]})
    return slip, doc


def drop_slip(w, slip):
    """Delete a draft slip: its lines first (zimmet_id is ondelete=restrict)."""
    lines = w.admin("hid.zimmet.line", "search", [("zimmet_id", "=", slip)])
    w.s[E]("hid.zimmet.line", "unlink", lines)
    w.s[E]("hid.zimmet", "unlink", [slip])


FORGED = {"state": "received", "received_uid": None, "received_date": "2020-01-01 00:00:00"}


def slip_write(w, role, verdict):
    s = w.s[role]
    forged = dict(FORGED, received_uid=w.uid[FU])
    for name, value in sorted(dict(forged, date="2020-01-01 00:00:00").items()):
        denied(lambda: s("hid.zimmet", "write", [w.z["zf"]], {name: value}),
               "write %s on a received slip" % name)
    if verdict == "no":
        return
    slip, _doc = draft_slip(w)
    s("hid.zimmet", "write", [slip], {"date": "2030-01-01 09:00:00"})
    w.s[E]("hid.zimmet", "action_send", [slip])
    for name, value in sorted(forged.items()):
        denied(lambda: s("hid.zimmet", "write", [slip], {name: value}),
               "forge %s on a sent slip" % name)
    row_ = w.admin("hid.zimmet", "read", [slip], ["state", "received_uid"])[0]
    assert row_["state"] == "sent" and not row_["received_uid"], "no forged signature"


def slip_create(w, role, verdict):
    s = w.s[role]
    doc = throwaway_doc(w)
    vals = {"team_id": w.team["TEM"], "line_ids": [(0, 0, {"evrak_id": doc})]}
    if verdict == "no":
        denied(lambda: s("hid.zimmet", "create", vals), "create")
        return
    denied(lambda: s("hid.zimmet", "create",
                     dict(vals, state="received", received_uid=w.uid[TU])),
           "create a slip already signed")
    new = s("hid.zimmet", "create", vals)
    row_ = w.admin("hid.zimmet", "read", [new], ["state", "received_uid"])[0]
    soft(row_["state"] == "draft", "created as %s, not as a draft" % row_["state"])
    soft(not row_["received_uid"], "created with a signer: %s" % (row_["received_uid"],))
    drop_slip(w, new)


def slip_unlink(w, role, verdict):
    s = w.s[role]
    denied(lambda: s("hid.zimmet", "unlink", [w.z["zf"]]), "unlink a received slip")
    if verdict == "no":
        return
    empty_slip = w.s[E]("hid.zimmet", "create", {"team_id": w.team["TEM"]})
    s("hid.zimmet", "unlink", [empty_slip])


def line_read(w, role, verdict):
    s, slips = w.s[role], w.slips_of(role)
    rows = s("hid.zimmet.line", "read", sorted(n for k in slips for n in w.lines[k]), ["state"])
    assert rows
    for key in {"zf", "zt"} - slips:
        denied(lambda: s("hid.zimmet.line", "read", w.lines[key], ["state"]), "read " + key)


def line_search(w, role, verdict):
    every = [n for k in w.lines for n in w.lines[k]]
    found = w.s[role]("hid.zimmet.line", "search", [("id", "in", every)])
    assert set(found) == {n for k in w.slips_of(role) for n in w.lines[k]}


def line_read_group(w, role, verdict):
    every = [n for k in w.lines for n in w.lines[k]]
    groups = w.s[role]("hid.zimmet.line", "read_group", [("id", "in", every)], ["zimmet_id"],
                       ["zimmet_id"])
    assert group_keys(groups, "zimmet_id") == {w.z[k] for k in w.slips_of(role)}


def line_write(w, role, verdict):
    s = w.s[role]
    signed = w.lines["zf"][0]
    denied(lambda: s("hid.zimmet.line", "write", [signed], {"state": "returned"}),
           "write a received line")
    if verdict == "no":
        return
    slip, doc = draft_slip(w)
    line = w.admin("hid.zimmet.line", "search", [("zimmet_id", "=", slip)])
    s("hid.zimmet.line", "write", line, {"evrak_id": doc})
    denied(lambda: s("hid.zimmet.line", "write", line, {"zimmet_id": w.z["zf"]}),
           "move a draft line into a received slip")
    soft(w.admin("hid.zimmet.line", "search_count", [("zimmet_id", "=", w.z["zf"])]) == 3,
         "the received slip got a new line")
    drop_slip(w, slip)


def line_create(w, role, verdict):
    s = w.s[role]
    doc = throwaway_doc(w)
    denied(lambda: s("hid.zimmet.line", "create", {"zimmet_id": w.z["zf"], "evrak_id": doc}),
           "add to a received slip")
    if verdict == "no":
        return
    slip, _doc = draft_slip(w)
    s("hid.zimmet.line", "create", {"zimmet_id": slip, "evrak_id": doc})
    drop_slip(w, slip)


def line_unlink(w, role, verdict):
    s = w.s[role]
    denied(lambda: s("hid.zimmet.line", "unlink", [w.lines["zf"][0]]), "unlink a received line")
    if verdict == "no":
        return
    slip, _doc = draft_slip(w)
    s("hid.zimmet.line", "unlink", w.admin("hid.zimmet.line", "search",
                                           [("zimmet_id", "=", slip)]))
    w.s[E]("hid.zimmet", "unlink", [slip])  # now empty


# ---------------------------------------------------------------------------------------
# hid.sms, hid.api.key, hid.havale
# ---------------------------------------------------------------------------------------

def sms_read(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.sms", "read", w.sms, ["to"]), "read")
        return
    assert {r["body"] for r in s("hid.sms", "read", w.sms, ["to", "body"])} == {"Matris SMS"}


def sms_search(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.sms", "search", [("id", "in", w.sms)]), "search")
        return
    assert sorted(s("hid.sms", "search", [("id", "in", w.sms)])) == sorted(w.sms)


def sms_read_group(w, role, verdict):
    s = w.s[role]
    call = lambda: s("hid.sms", "read_group", [("id", "in", w.sms)], ["to"], ["to"])  # noqa
    if verdict == "no":
        denied(call, "read_group")
        return
    assert len(call()) == 2


def sms_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.sms", "write", [w.sms[0]], {"body": "x"}), "write")
        return
    s("hid.sms", "write", [w.sms[0]], {"body": "Matris SMS"})


def sms_create(w, role, verdict):
    vals = {"to": "0533 518 37 04", "body": "Matris geçici", "partner_id": w.c2}
    if verdict == "no":
        denied(lambda: w.s[role]("hid.sms", "create", vals), "create")
        return
    w.s[D]("hid.sms", "unlink", [w.s[role]("hid.sms", "create", vals)])


def sms_unlink(w, role, verdict):
    new = w.s[D]("hid.sms", "create", {"to": "0533 518 37 04", "body": "Matris silinecek"})
    if verdict == "no":
        denied(lambda: w.s[role]("hid.sms", "unlink", [new]), "unlink")
        w.s[D]("hid.sms", "unlink", [new])
    else:
        w.s[role]("hid.sms", "unlink", [new])


def key_read(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.api.key", "read", [w.key_id], ["name"]), "read")
        return
    row_ = s("hid.api.key", "read", [w.key_id])[0]
    assert row_["key_prefix"] and "key_hash" not in row_
    assert "key_hash" not in s("hid.api.key", "search_read", [("id", "=", w.key_id)])[0]
    denied(lambda: s("hid.api.key", "read", [w.key_id], ["key_hash"]), "read key_hash")
    denied(lambda: s("hid.api.key", "search_read", [("id", "=", w.key_id)], ["key_hash"]),
           "search_read key_hash")
    denied(lambda: s("hid.api.key", "export_data", [w.key_id], ["key_hash"]), "export key_hash")


def key_search(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.api.key", "search", [("id", "=", w.key_id)]), "search")
        return
    assert s("hid.api.key", "search", [("id", "=", w.key_id)]) == [w.key_id]
    denied(lambda: s("hid.api.key", "search", [("key_hash", "like", "a%")]),
           "search domain on key_hash")
    denied(lambda: s("hid.api.key", "search", [], order="key_hash"), "order by key_hash")


def key_read_group(w, role, verdict):
    s = w.s[role]
    domain = [("id", "=", w.key_id)]
    if verdict == "no":
        denied(lambda: s("hid.api.key", "read_group", domain, ["name"], ["name"]), "read_group")
        return
    assert s("hid.api.key", "read_group", domain, ["name"], ["name"])[0]["name"] == \
        "Matris client"
    denied(lambda: s("hid.api.key", "read_group", domain, ["key_hash"], ["key_hash"]),
           "group by key_hash")
    denied(lambda: s("hid.api.key", "read_group", domain, ["name", "key_hash"], ["name"]),
           "aggregate key_hash")


def key_write(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.api.key", "write", [w.key_id], {"rate_limit": 1}), "write")
        return
    s("hid.api.key", "write", [w.key_id], {"rate_limit": 100})
    denied(lambda: s("hid.api.key", "write", [w.key_id], {"key_hash": "0" * 64}),
           "write key_hash")


def key_create(w, role, verdict):
    s = w.s[role]
    if verdict == "no":
        denied(lambda: s("hid.api.key", "create", {"name": "x"}), "create")
        return
    denied(lambda: s("hid.api.key", "create", {"name": "x", "key_hash": "0" * 64}),
           "create with key_hash")
    s("hid.api.key", "unlink", [s("hid.api.key", "create", {"name": "Matris geçici"})])


def key_unlink(w, role, verdict):
    new = w.s[D]("hid.api.key", "create", {"name": "Matris silinecek"})
    if verdict == "no":
        denied(lambda: w.s[role]("hid.api.key", "unlink", [new]), "unlink")
        w.s[D]("hid.api.key", "unlink", [new])
    else:
        w.s[role]("hid.api.key", "unlink", [new])


def havale_read(w, role, verdict):
    s, visible = w.s[role], w.tickets_of(role)
    rows = s("hid.havale", "read", sorted(h for k in visible for h in w.havale[k]))
    w.assert_clean("hid.havale", rows, role)
    for key in w.hidden_tickets(role):
        denied(lambda: s("hid.havale", "read", w.havale[key], ["note"]), "read " + key)


def havale_search(w, role, verdict):
    every = [h for k in TICKETS for h in w.havale[k]]
    found = w.s[role]("hid.havale", "search", [("id", "in", every)])
    assert set(found) == {h for k in w.tickets_of(role) for h in w.havale[k]}


def havale_read_group(w, role, verdict):
    every = [h for k in TICKETS for h in w.havale[k]]
    groups = w.s[role]("hid.havale", "read_group", [("id", "in", every)], ["ticket_id"],
                       ["ticket_id"])
    assert group_keys(groups, "ticket_id") == set(w.tids(w.tickets_of(role)))


def havale_write(w, role, verdict):
    denied(lambda: w.s[role]("hid.havale", "write", w.havale["fen"][:1], {"note": "x"}),
           "write")


def havale_create(w, role, verdict):
    denied(lambda: w.s[role]("hid.havale", "create", {
        "ticket_id": w.t["fen"], "kind": "havale", "note": "sahte"}), "create")


def havale_unlink(w, role, verdict):
    denied(lambda: w.s[role]("hid.havale", "unlink", w.havale["fen"][:1]), "unlink")


CHECKS = {
    ("helpdesk.ticket", "read"): ticket_read,
    ("helpdesk.ticket", "search"): ticket_search,
    ("helpdesk.ticket", "read_group"): ticket_read_group,
    ("helpdesk.ticket", "write"): ticket_write,
    ("helpdesk.ticket", "create"): ticket_create,
    ("helpdesk.ticket", "unlink"): ticket_unlink,
    ("res.partner", "read"): partner_read,
    ("res.partner", "search"): partner_search,
    ("res.partner", "read_group"): partner_read_group,
    ("res.partner", "write"): partner_write,
    ("res.partner", "create"): partner_create,
    ("res.partner", "unlink"): partner_unlink,
    ("mail.message", "read"): message_read,
    ("mail.message", "search"): message_search,
    ("mail.message", "read_group"): message_read_group,
    ("mail.message", "write"): message_write,
    ("mail.message", "create"): message_create,
    ("mail.message", "unlink"): message_unlink,
    ("mail.notification", "read"): notification_read,
    ("mail.notification", "search"): notification_search,
    ("mail.notification", "read_group"): notification_read_group,
    ("mail.notification", "write"): notification_write,
    ("mail.notification", "create"): notification_create,
    ("mail.notification", "unlink"): notification_unlink,
    ("mail.mail", "read"): mail_read,
    ("mail.mail", "search"): mail_search,
    ("mail.mail", "read_group"): mail_read_group,
    ("mail.mail", "write"): mail_write,
    ("mail.mail", "create"): mail_create,
    ("mail.mail", "unlink"): mail_unlink,
    ("mail.followers", "read"): followers_read,
    ("mail.followers", "search"): followers_search,
    ("mail.followers", "read_group"): followers_read_group,
    ("mail.followers", "write"): followers_write,
    ("mail.followers", "create"): followers_create,
    ("mail.followers", "unlink"): followers_unlink,
    ("mail.activity", "read"): activity_read,
    ("mail.activity", "search"): activity_search,
    ("mail.activity", "read_group"): activity_read_group,
    ("mail.activity", "write"): activity_write,
    ("mail.activity", "create"): activity_create,
    ("mail.activity", "unlink"): activity_unlink,
    ("ir.attachment", "read"): attachment_read,
    ("ir.attachment", "search"): attachment_search,
    ("ir.attachment", "read_group"): attachment_read_group,
    ("ir.attachment", "write"): attachment_write,
    ("ir.attachment", "create"): attachment_create,
    ("ir.attachment", "unlink"): attachment_unlink,
    ("hid.evrak", "read"): evrak_read,
    ("hid.evrak", "search"): evrak_search,
    ("hid.evrak", "read_group"): evrak_read_group,
    ("hid.evrak", "write"): evrak_write,
    ("hid.evrak", "create"): evrak_create,
    ("hid.evrak", "unlink"): evrak_unlink,
    ("hid.evrak.content", "read"): content_read,
    ("hid.evrak.content", "search"): content_search,
    ("hid.evrak.content", "read_group"): content_read_group,
    ("hid.evrak.content", "write"): content_write,
    ("hid.evrak.content", "create"): content_create,
    ("hid.evrak.content", "unlink"): content_unlink,
    ("hid.evrak.scan", "read"): scan_read,
    ("hid.evrak.scan", "search"): scan_search,
    ("hid.evrak.scan", "read_group"): scan_read_group,
    ("hid.evrak.scan", "write"): scan_write,
    ("hid.evrak.scan", "create"): scan_create,
    ("hid.evrak.scan", "unlink"): scan_unlink,
    ("hid.zimmet", "read"): slip_read,
    ("hid.zimmet", "search"): slip_search,
    ("hid.zimmet", "read_group"): slip_read_group,
    ("hid.zimmet", "write"): slip_write,
    ("hid.zimmet", "create"): slip_create,
    ("hid.zimmet", "unlink"): slip_unlink,
    ("hid.zimmet.line", "read"): line_read,
    ("hid.zimmet.line", "search"): line_search,
    ("hid.zimmet.line", "read_group"): line_read_group,
    ("hid.zimmet.line", "write"): line_write,
    ("hid.zimmet.line", "create"): line_create,
    ("hid.zimmet.line", "unlink"): line_unlink,
    ("hid.sms", "read"): sms_read,
    ("hid.sms", "search"): sms_search,
    ("hid.sms", "read_group"): sms_read_group,
    ("hid.sms", "write"): sms_write,
    ("hid.sms", "create"): sms_create,
    ("hid.sms", "unlink"): sms_unlink,
    ("hid.api.key", "read"): key_read,
    ("hid.api.key", "search"): key_search,
    ("hid.api.key", "read_group"): key_read_group,
    ("hid.api.key", "write"): key_write,
    ("hid.api.key", "create"): key_create,
    ("hid.api.key", "unlink"): key_unlink,
    ("hid.havale", "read"): havale_read,
    ("hid.havale", "search"): havale_search,
    ("hid.havale", "read_group"): havale_read_group,
    ("hid.havale", "write"): havale_write,
    ("hid.havale", "create"): havale_create,
    ("hid.havale", "unlink"): havale_unlink,
}
assert set(CHECKS) == set(MATRIX)

CELLS = [(role, model, op) for model in MODELS for op in OPS for role in ROLES]


@pytest.mark.parametrize("role,model,op", CELLS)
def test_matrix(world, role, model, op):
    verdict = MATRIX[(model, op)][role]
    del PROBLEMS[:]
    try:
        CHECKS[(model, op)](world, role, verdict)
    except xmlrpc.client.Fault as fault:
        PROBLEMS.append("expected %s, refused: %s" % (verdict, fault.faultString[-600:]))
    except AssertionError as error:
        PROBLEMS.append(str(error).split("\n")[0])
    if PROBLEMS:
        pytest.fail("%s %s %s (%s):\n- %s" % (role, model, op, verdict, "\n- ".join(PROBLEMS)),
                    pytrace=False)
