"""hid_anket over real XML-RPC: every HİD role × the survey models × read, search, read_group,
write, create, unlink, against the policy table below.

    all  allowed on every record of the fixture
    own  allowed, but only the role's own scope comes back (its müdürlük's surveys, the
         answers it collected); what is outside never shows
    none allowed, and nothing of the fixture comes back
    no   refused: an xmlrpc Fault (AccessError, UserError)
"""
import importlib.util
import re
import xmlrpc.client

import pytest
import requests

from conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "hid_sms_fake_server", ROOT / "addons" / "hid_basvuru" / "lib" / "sms" / "fake_server.py")
fake_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fake_server)

D, S, A, FM, FU, TU, E = ROLES = (
    "him.mudur", "him.personel", "cagri.merkezi", "fen.yonetici", "fen.kullanici",
    "temizlik.kullanici", "evrak.kayit")
OPS = ("read", "search", "read_group", "write", "create", "unlink")
LINK = re.compile(r"/anket/([A-Za-z0-9_-]{20,64})")


def row(verdicts):
    values = tuple(verdicts.split())
    assert len(values) == len(ROLES), verdicts
    return dict(zip(ROLES, values))


READ_OPS = ("read", "search", "read_group")
MATRIX = {
    #                                   D   S   A   FM  FU  TU   E
    # Satisfaction surveys: the directorate all, a müdürlük its own applications' ones; the
    # answers change only through the survey link or an agent's phone answer (no writes).
    "hid.anket.satisfaction":      dict(row("all all all own own own no"), write="no",
                                        create="no", unlink="no"),
    "hid.anket.satisfaction.report": dict(row("all all all own own own no"), write="no",
                                          create="no", unlink="no"),
    # Opinion results: HİM staff and the director; a müdürlük the surveys about it.
    "hid.anket.answer.report":     dict(row("all all no own own none no"), write="no",
                                        create="no", unlink="no"),
    # Quotas: read by HİM staff and collectors (agents are collectors), kept by the director.
    "hid.anket.quota":             dict(row("all all all no no no no"),
                                        write=row("all no no no no no no"),
                                        create=row("all no no no no no no"),
                                        unlink=row("all no no no no no no")),
    # Rules (days after closure): every HİD user reads, the survey manager keeps them.
    "hid.anket.rule":              dict(row("all all all all all all all"),
                                        write=row("all no no no no no no"),
                                        create=row("all no no no no no no"),
                                        unlink=row("all no no no no no no")),
    # survey's answers: the survey manager all; HİM staff reads opinion answers; a collector
    # its own; a müdürlük the opinion surveys about it; the satisfaction answers stay hidden.
    "survey.user_input":           dict(row("all own own own own none none"),
                                        write=row("all no own no no no no"),
                                        unlink=row("all no no no no no no")),
    "survey.user_input_line":      dict(row("all own own own own none none"),
                                        write=row("all no own no no no no"),
                                        unlink=row("all no no no no no no")),
}


def verdict(model, op, login):
    cell = MATRIX[model].get(op)
    if cell is None:
        cell = {k: v for k, v in MATRIX[model].items() if k in ROLES}
    return cell if isinstance(cell, str) else cell[login]


@pytest.fixture(scope="module")
def fake_sms(server):
    """The director points the SMS settings at a local server speaking Netgsm's protocol."""
    with fake_server.FakeSmsServer() as fake:
        director = server.login(D)
        settings = director("hid.sms.settings", "create", {
            "provider": "netgsm", "username": fake_server.USERNAME,
            "password": fake_server.PASSWORD, "sender": fake_server.SENDER,
            "base_url": fake.url, "timeout": 5.0, "max_attempts": 3})
        director("hid.sms.settings", "action_save", [settings])
        yield fake


@pytest.fixture(scope="module")
def world(server, fake_sms):
    """Two closed applications (Fen, Temizlik) whose surveys went out, the Fen one answered
    "Hayır" through its link; an opinion survey about Fen with a web answer and an answer the
    agent collected on the phone."""
    admin = server.login("admin", "admin")
    teams = dict((t["code"], t["id"]) for t in admin(
        "helpdesk.ticket.team", "search_read", [("code", "in", ["FEN", "TEM"])], ["code"]))
    director = server.login(D)
    rule = director("hid.anket.rule", "search", [("closure_state", "=", "cozuldu")])
    director("hid.anket.rule", "write", rule, {"delay_days": 0})
    tickets = {}
    for code, member in (("FEN", FU), ("TEM", TU)):
        partner = admin("res.partner", "create", {
            "name": "RPC Vatandaş %s" % code, "hid_citizen": True, "mobile": "0532 777 88 9%d"
            % len(tickets), "kvkk_notice_given": True})
        ticket = admin("helpdesk.ticket", "create", {
            "name": "RPC anket", "description": "RPC", "team_id": teams[code],
            "partner_id": partner, "kvkk_notice_given": True})
        server.login(member)("helpdesk.ticket", "action_answer", [ticket], "Yapıldı.")
        server.login(S)("helpdesk.ticket", "action_close", [ticket], "cozuldu")
        tickets[code] = ticket
    cron = admin("ir.model.data", "xmlid_to_res_id", "hid_anket.cron_send_satisfaction")
    admin("ir.cron", "method_direct_trigger", [cron])
    sats = dict((code, admin("hid.anket.satisfaction", "search",
                             [("ticket_id", "=", ticket)])[0]) for code, ticket in tickets.items())
    survey = director("survey.survey", "create", {
        "title": "RPC kamuoyu", "hid_kind": "kamuoyu", "hid_team_ids": [(6, 0, [teams["FEN"]])]})
    page = director("survey.page", "create", {"title": "S", "survey_id": survey})
    question = director("survey.question", "create", {
        "page_id": page, "question": "Memnun musunuz?", "type": "simple_choice",
        "labels_ids": [(0, 0, {"value": "Evet"}), (0, 0, {"value": "Hayır"})]})
    label = director("survey.label", "search", [("question_id", "=", question)])[0]
    quota = director("hid.anket.quota", "create", {
        "survey_id": survey, "mahalle_id": director("hid.mahalle", "search", [], limit=1)[0],
        "target": 10})
    inputs = {}
    for who in (D, A):
        session = server.login(who)
        wizard = session("hid.anket.collect", "create", {"survey_id": survey, "channel": "phone"})
        url = session("hid.anket.collect", "action_start", [wizard])["url"]
        token = url.rsplit("/", 1)[1]
        uid = admin("survey.user_input", "search", [("token", "=", token)])[0]
        session("survey.user_input_line", "create", {
            "user_input_id": uid, "question_id": question, "answer_type": "suggestion",
            "value_suggested": label})
        session("survey.user_input", "write", [uid], {"state": "done"})
        inputs[who] = uid
    lines = dict((who, admin("survey.user_input_line", "search", [("user_input_id", "=", uid)]))
                 for who, uid in inputs.items())
    # HİM staff see the survey SMS with its link's token masked, over XML-RPC too.
    domain = [("ticket_id", "=", tickets["FEN"]), ("template_code", "=", "anket_satisfaction")]
    [sms] = server.login(S)("hid.sms", "search_read", domain)
    assert "/anket/" + "*" * 43 in sms["body"] and not LINK.search(str(sms))
    with pytest.raises(xmlrpc.client.Fault):
        server.login(D)("hid.sms", "read", [sms["id"]], ["private_body"])
    # The SMS job sends it; the citizen answers "Hayır" through the link received.
    admin("ir.cron", "method_direct_trigger",
          [admin("ir.model.data", "xmlid_to_res_id", "hid_basvuru.cron_send_sms")])
    [text] = [d[2] for d in fake_sms.delivered
              if "/anket/" in d[2] and d[1] == sms["to"].lstrip("+")]
    url = server.url + "/anket/" + LINK.search(text).group(1)
    web = requests.Session()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', web.get(url, timeout=30).text)
    answer = web.post(url, data={"csrf_token": csrf.group(1), "solved": "hayir", "score": "1",
                                 "comment": "RPC yorum"}, timeout=30)
    assert answer.status_code == 200, answer.text[-500:]
    sat_input = admin("hid.anket.satisfaction", "read", [sats["FEN"]],
                      ["user_input_id"])[0]["user_input_id"][0]
    return dict(tickets=tickets, sats=sats, survey=survey, quota=quota, inputs=inputs,
                lines=lines, sat_input=sat_input, question=question, label=label)


def _flat(values):
    return sorted(i for value in values for i in (value if isinstance(value, list) else [value]))


def _ids(world, model):
    """The fixture's records of `model`, and for 'own' the part each role may see."""
    sats = world["sats"]
    if model in ("hid.anket.satisfaction", "hid.anket.satisfaction.report"):
        every = [sats["FEN"], sats["TEM"]]
        own = {FM: [sats["FEN"]], FU: [sats["FEN"]], TU: [sats["TEM"]]}
    elif model == "hid.anket.answer.report":
        every, own = None, {}
    elif model == "hid.anket.quota":
        every, own = [world["quota"]], {}
    elif model == "hid.anket.rule":
        every, own = None, {}
    else:
        mine = world["inputs"] if model == "survey.user_input" else world["lines"]
        every = _flat(mine.values())
        own = {S: every, FM: every, FU: every, A: _flat([mine[A]])}
    return every, own


def _domain(world, model):
    if model == "hid.anket.answer.report":
        return [("survey_id", "=", world["survey"])]
    if model == "hid.anket.rule":
        return []
    if model == "survey.user_input_line":
        return [("survey_id", "=", world["survey"])]
    if model == "survey.user_input":
        return [("survey_id", "=", world["survey"])]
    every, _own = _ids(world, model)
    return [("id", "in", every)]


def _refused(call):
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    assert caught.value.faultCode in (2, 3, 4), caught.value.faultString[-400:]


CELLS = [(login, model, op) for model in MATRIX for op in OPS for login in ROLES
         if not (op == "create" and model in ("survey.user_input", "survey.user_input_line"))]


_SESSIONS = {}


def _login(server, login):
    """One XML-RPC session per role for the whole module (logging in costs a password hash)."""
    if login not in _SESSIONS:
        _SESSIONS[login] = server.login(login, "admin" if login == "admin" else None)
    return _SESSIONS[login]


@pytest.mark.parametrize("login,model,op", CELLS)
def test_matrix(server, world, login, model, op):
    s = _login(server, login)
    expected = verdict(model, op, login)
    domain = _domain(world, model)
    if op in READ_OPS:
        if expected == "no":
            if op == "read":
                every, _own = _ids(world, model)
                _refused(lambda: s(model, "read", every or [1], ["id"]))
            else:
                _refused(lambda: s(model, "search", domain))
            return
        if op == "read_group":
            key = {"hid.anket.satisfaction": "team_id", "hid.anket.satisfaction.report":
                   "team_id", "hid.anket.rule": "closure_state"}.get(model, "survey_id")
            groups = s(model, "read_group", domain, [key], [key], lazy=False)
            count = sum(group["__count"] for group in groups)
            seen = s(model, "search", domain)
            assert count == len(seen), "read_group counts what search shows"
            return
        seen = set(s(model, "search", domain))
        if op == "read" and seen:
            assert {r["id"] for r in s(model, "read", list(seen), ["id"])} == seen
        every, own = _ids(world, model)
        if expected == "none":
            assert not seen, "%s sees nothing of %s" % (login, model)
        elif expected == "all":
            assert seen >= set(every or seen) and seen, "%s sees every %s" % (login, model)
        else:
            if every is None:
                assert seen, "%s sees the records about it" % login
            else:
                assert seen == set(own[login]), "%s sees its own %s only" % (login, model)
        return
    every, own = _ids(world, model)
    target = (own.get(login) or every or [None])[0]
    if op == "write":
        vals = {"hid.anket.quota": {"target": 11}, "hid.anket.rule": {"delay_days": 0},
                "survey.user_input": {"state": "done"},
                "survey.user_input_line": {"value_suggested": world["label"]}}.get(
                    model, {"score": 5})
        if model == "hid.anket.rule":
            target = s(model, "search", [("closure_state", "=", "cozuldu")])[0] \
                if expected != "no" else _login(server, D)(model, "search", [])[0]
        if model == "survey.user_input_line":
            target = (world["lines"].get(login) or world["lines"][A])[0]
        if model == "survey.user_input":
            target = world["inputs"].get(login) or world["inputs"][A]
        if expected == "no":
            _refused(lambda: s(model, "write", [target], vals))
        else:
            assert s(model, "write", [target], vals)
        return
    if op == "create":
        mahalle = _login(server, D)("hid.mahalle", "search", [])[-1]
        vals = {"hid.anket.quota": {"survey_id": world["survey"], "target": 5,
                                    "mahalle_id": mahalle},
                "hid.anket.rule": {"closure_state": "cozuldu", "delay_days": 1}}.get(
                    model, {"ticket_id": world["tickets"]["FEN"], "closure_seq": 9})
        if expected == "no":
            _refused(lambda: s(model, "create", vals))
        else:
            if model == "hid.anket.rule":
                # One rule per closure: make room, then create it again.
                s(model, "unlink", s(model, "search", [("closure_state", "=", "cozuldu")]))
                assert s(model, "create", vals)
            else:
                new = s(model, "create", vals)
                s(model, "unlink", [new])
        return
    if op == "unlink":
        if expected == "no":
            if model == "hid.anket.rule":
                target = _login(server, D)(model, "search", [])[0]
            if model == "survey.user_input_line":
                target = world["lines"][A][0]
            if model == "survey.user_input":
                target = world["inputs"][A]
            _refused(lambda: s(model, "unlink", [target or 1]))
            return
        # The director may delete: a throwaway record, not the fixture's.
        if model == "hid.anket.quota":
            new = s(model, "create", {"survey_id": world["survey"], "target": 3,
                                      "mahalle_id": s("hid.mahalle", "search", [])[1]})
        elif model == "hid.anket.rule":
            old = s(model, "search_read", [("closure_state", "=", "gerekceli_ret")],
                    fields=["delay_days"])[0]
            assert s(model, "unlink", [old["id"]])
            new = s(model, "create", {"closure_state": "gerekceli_ret",
                                      "delay_days": old["delay_days"]})
        else:
            wizard = s("hid.anket.collect", "create", {"survey_id": world["survey"],
                                                       "channel": "face"})
            token = s("hid.anket.collect", "action_start", [wizard])["url"].rsplit("/", 1)[1]
            new = s("survey.user_input", "search", [("token", "=", token)])[0]
            if model == "survey.user_input_line":
                new = s(model, "create", {"user_input_id": new, "question_id": world["question"],
                                          "answer_type": "suggestion",
                                          "value_suggested": world["label"]})
        if model != "hid.anket.rule":
            assert s(model, "unlink", [new])


def test_satisfaction_answers_hidden_from_survey_readers(server, world):
    """The citizen's answers to the satisfaction survey never come out through survey."""
    for login in (S, A, FM, FU, TU, E):
        assert not server.login(login)("survey.user_input", "search",
                                       [("id", "=", world["sat_input"] or 0)])


def test_fen_reopened_by_the_link(server, world):
    state = server.login(S)("helpdesk.ticket", "read", [world["tickets"]["FEN"]],
                            ["stage_code", "reopen_count"])[0]
    assert (state["stage_code"], state["reopen_count"]) == ("routed", 1)


def test_public_link_404_for_a_guess(server):
    response = requests.get(server.url + "/anket/" + "A" * 43, timeout=30)
    assert response.status_code == 404
    assert "RPC Vatandaş" not in response.text
