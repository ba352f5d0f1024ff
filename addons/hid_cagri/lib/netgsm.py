"""Netgsm Netsantral: call events (JSON POST), the CDR report and recordings.

Followed texts (Netgsm's own: the README of its package netgsm/netsantral, sections "Webhook
Santral Dinleme" and "Görüşme Detay (CDR)", and the package's src/Package.php for the URL,
read in December 2026; the full document is at netgsm.com.tr/dokuman):

* "Webhook Santral Dinleme" (Netsantral → Ayarlar → Genel Ayarlar → API Talep Ayarları): the
  PBX POSTs JSON with ``pbx_num``, ``unique_id``, ``internal_num``, ``customer_num``,
  ``scenario`` (Inbound_call, Outbound_call, Answer, Hangup, Queue, DTMF, Context, cdr),
  ``queue_name``, ``talktime``, ``holdtime`` (Answer: seconds waited in the queue before the
  answer; Hangup: the same for a queued call), ``incoming_number``, ``timestamp`` (Unix
  milliseconds). The ``cdr`` scenario carries the call detail in Turkish keys: ``bas``
  (start), ``arayan``, ``aranan``, ``sure``, ``yon``, ``sondurum``, ``seskaydi`` (recording
  link), ``asteriskId`` (the call's unique id).
* "Görüşme Detay (CDR)": ``POST https://api.netgsm.com.tr/netsantral/report`` with JSON
  ``usercode``, ``password``, ``startdate`` and ``stopdate`` (ddMMyyyyHHmm); answer: a list of
  ``{"uniqueid", "values": [{"date": "07.02.2023 13:50:33", "destination", "source",
  "duration", "direction", "recording", ...}]}``, or ``{"code": 40, "error": "Kayit
  bulunamadi"}`` when there is nothing. Direction codes: 0 outgoing, 1 incoming, 2 incoming
  missed, 3 outgoing missed, 4 internal.

What the texts do not say, and what we assume:

* No signature on the events: our token goes in the URL (``?token=…``).
* Sample ``Queue`` events have an empty ``unique_id``: such an event names no call and is
  accepted and ignored. DTMF and Context events are accepted and ignored too.
* ``sondurum`` codes are not documented: a cdr is "answered" when its ``yon`` is 0, 1 or 4
  and ``sure`` > 0 (we cannot tell talk from ring time in ``sure``; the Hangup event's
  ``talktime`` wins over it because talk time comes from the more specific field).
* Dates without a zone are Istanbul time (UTC+3).
"""
from .events import CallEvent, parse_millis, parse_seconds, parse_stamp
from .exceptions import BadEvent, ProviderError

PROVIDER = "netgsm"
SCENARIOS = {"inbound_call": "ringing", "outbound_call": "ringing", "answer": "answer",
             "hangup": "hangup", "queue": "queue", "cdr": "cdr"}
IGNORED = {"dtmf", "context"}
CDR_DIRECTIONS = {0: "outbound", 1: "inbound", 2: "inbound", 3: "outbound", 4: "internal"}
MISSED_CODES = {2, 3}
MAX_FIELD = 500


def _field(data, name):
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise BadEvent("Field %(field)s has a wrong type.", field=name)
    value = str(value).strip().strip('"').strip()
    if len(value) > MAX_FIELD:
        raise BadEvent("Field %(field)s is too long.", field=name)
    return value or None


def parse_event(data):
    """A Netsantral JSON event (dict) → CallEvent, or None for an event that names no call
    or that we do not follow (DTMF, Context). BadEvent for what is not such an event."""
    if not isinstance(data, dict):
        raise BadEvent("The event is not a JSON object.")
    scenario = (_field(data, "scenario") or "").lower()
    if scenario in IGNORED:
        return None
    if scenario not in SCENARIOS:
        raise BadEvent("Unknown event type: %(value)s.", value=data.get("scenario") or "")
    if scenario == "cdr":
        return parse_cdr_event(data)
    call_id = _field(data, "unique_id")
    if not call_id:
        if scenario == "queue":
            return None
        raise BadEvent("The event has no call id (unique_id).")
    kind = SCENARIOS[scenario]
    try:
        stamp = parse_millis(_field(data, "timestamp"))
        talk = parse_seconds(_field(data, "talktime"))
        hold = parse_seconds(_field(data, "holdtime"))
    except ValueError as error:
        raise BadEvent("Unreadable value in the event: %(error)s.", error=str(error))
    outbound = scenario == "outbound_call"
    customer = _field(data, "customer_num")
    values = {
        "direction": "outbound" if outbound else ("inbound" if kind == "ringing" else None),
        "extension": _field(data, "internal_num"),
        "queue": _field(data, "queue_name"),
    }
    if kind == "ringing":
        values["start"] = stamp
        values["caller_number"] = _field(data, "pbx_num") if outbound else customer
        values["called_number"] = customer if outbound else (
            _field(data, "incoming_number") or _field(data, "pbx_num"))
    elif customer:
        values["caller_number"] = customer
    if kind == "answer":
        values["answer"] = stamp
        values["wait_seconds"] = hold
    if kind == "hangup":
        values["end"] = stamp
        values["talk_seconds"] = talk
        values["wait_seconds"] = hold
        if talk is not None:
            values["answered"] = talk > 0
    return CallEvent(PROVIDER, call_id, kind, **values)


def parse_cdr_event(data):
    """The `cdr` scenario of the webhook (Turkish keys) → CallEvent."""
    call_id = _field(data, "asteriskId") or _field(data, "unique_id")
    if not call_id:
        raise BadEvent("The event has no call id (unique_id).")
    try:
        start = parse_stamp(_field(data, "bas"))
        duration = parse_seconds(_field(data, "sure"))
        direction = int(_field(data, "yon")) if _field(data, "yon") is not None else None
    except ValueError as error:
        raise BadEvent("Unreadable value in the event: %(error)s.", error=str(error))
    return _cdr(call_id, start, duration, direction, _field(data, "arayan"),
                _field(data, "aranan"), _field(data, "seskaydi"))


def _cdr(call_id, start, duration, direction, caller, called, recording):
    if direction is not None and direction not in CDR_DIRECTIONS:
        raise BadEvent("Unknown call direction: %(value)s.", value=str(direction))
    answered = None
    if direction is not None:
        answered = direction not in MISSED_CODES and bool(duration)
    queue = None
    if called and "-queue-" in called:
        queue = called.split("-queue-", 1)[1]
        called = called.split("-queue-", 1)[0]
    return CallEvent(
        PROVIDER, call_id, "cdr", direction=CDR_DIRECTIONS.get(direction),
        caller_number=caller, called_number=called, queue=queue, start=start,
        answered=answered, recording_url=recording,
        recording_present=True if recording else None)


def parse_report(body):
    """The answer of /netsantral/report → CallEvents ([] for "Kayit bulunamadi")."""
    if isinstance(body, dict):
        if str(body.get("code")) == "40":
            return []
        raise ProviderError("Netgsm refused the CDR report: %(text)s",
                            text=str(body.get("error") or body)[:200])
    if not isinstance(body, list):
        raise ProviderError("Netgsm sent an unreadable CDR list.")
    events = []
    for item in body:
        call_id = str(item.get("uniqueid") or "").strip()
        for value in item.get("values") or []:
            try:
                start = parse_stamp(value.get("date"))
                duration = parse_seconds(value.get("duration"))
                direction = int(value["direction"]) if value.get("direction") not in (
                    None, "") else None
            except (ValueError, TypeError) as error:
                raise ProviderError("Netgsm sent an unreadable CDR list: %(text)s",
                                    text=str(error))
            if call_id:
                events.append(_cdr(call_id, start, duration, direction,
                                   value.get("source"), value.get("destination"),
                                   value.get("recording")))
    return events


def _netgsm_date(value):
    """naive UTC → ddMMyyyyHHmm in Istanbul time."""
    import datetime
    return (value + datetime.timedelta(hours=3)).strftime("%d%m%Y%H%M")


class NetgsmClient:
    """The pulls: CDR report and recordings. `http` is a requests-like session."""

    def __init__(self, base_url, usercode, password, http, timeout=20):
        self.base_url = (base_url or "https://api.netgsm.com.tr").rstrip("/")
        self.usercode, self.password = usercode, password
        self.http, self.timeout = http, timeout

    def list_cdrs(self, since, until):
        response = self.http.post(self.base_url + "/netsantral/report", json={
            "usercode": self.usercode, "password": self.password,
            "startdate": _netgsm_date(since), "stopdate": _netgsm_date(until),
        }, timeout=self.timeout)
        if response.status_code != 200:
            raise ProviderError("Netgsm answered HTTP %(status)s: %(text)s",
                                status=response.status_code, text=response.text[:200])
        try:
            body = response.json()
        except ValueError:
            raise ProviderError("Netgsm sent an unreadable CDR list.")
        return parse_report(body)

    def fetch_recording(self, call_id, recording_url=None):
        """The recording's bytes from the link the cdr gave."""
        if not recording_url:
            raise ProviderError("Netgsm gave no recording link for this call.")
        audio = self.http.get(recording_url, timeout=self.timeout)
        if audio.status_code != 200:
            raise ProviderError("Netgsm answered HTTP %(status)s: %(text)s",
                                status=audio.status_code, text=audio.text[:200])
        return audio.content, audio.headers.get("Content-Type") or "audio/wav"
