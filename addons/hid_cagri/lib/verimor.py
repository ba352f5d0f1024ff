"""Verimor Bulutsantralim: call events (form POST), the CDR list and recordings.

Followed texts (Verimor's own API documents, repository verimor/Bulutsantralim-API and
developer.verimor.com.tr/switch, read in December 2026):

* ``report_event.md`` / "Olay Bildirme (Popup – CDR – Cevapsız)": the PBX POSTs HTML form
  fields to the "Bildirilecek URL" of Santral Ayarlarım → CRM Entegrasyonu: ``event_type``
  (ringing, answer, hangup, user_hangup), ``domain_id``, ``direction`` (internal, inbound,
  outbound), ``caller_id_number``, ``outbound_caller_id_number``, ``destination_number``,
  ``dialed_user``, ``connected_user``, ``call_uuid``, ``start_stamp``, ``answer_stamp``,
  ``end_stamp``, ``duration``, ``recording_present``, ``answered``, ``queue``,
  ``queue_wait_duration``, ``sip_hangup_disposition``, ``hangup_cause``. The URL is checked
  with an empty POST that must be answered 200. The hangup event is also the CDR.
* ``cdrs.md`` "Arama Kayıtlarına Erişim": ``GET /cdrs?key=…&start_stamp_from=…&
  start_stamp_to=…&limit=…&page=…`` (limit ≤ 100; stamps as "2017-08-03 12:30:32 UTC"),
  answer ``{"cdrs": [...], "pagination": {"page", "total_pages", ...}}`` with
  ``direction`` in Turkish ("Gelen", "Giden", "Santral içi", …), ``missed``, ``duration`` and
  ``talk_duration`` as "00:01:05".
* ``recording.md`` "Ses Kaydı Erişimi": ``POST /recording_url/`` with ``key`` and
  ``call_uuid`` answers a URL that lives one hour (5 requests a minute), then GET that URL.

What the texts do not say, and what we assume:

* No signature or secret on the events: we put our own token in the URL
  (``/hid_cagri/webhook/verimor?token=…``), the only thing the PBX settings let us choose.
* Stamps of the events carry no zone: read as Istanbul time (UTC+3, no DST since 2016).
* ``duration`` of an event is "Konuşma süresi" (talk time) in seconds.
* ``answered`` is described as "Kaçan çağrı ise true" (true when *missed*), contrary to its
  name: we trust ``answer_stamp`` (present → answered) and read ``answered`` by its name
  only when a hangup has no ``answer_stamp`` field at all.
* ``user_hangup`` (one extension's leg ended) does not end the call: we take its extension
  data only.
"""
from .events import CallEvent, parse_bool, parse_seconds, parse_stamp
from .exceptions import BadEvent, ProviderError

PROVIDER = "verimor"
KINDS = {"ringing": "ringing", "answer": "answer", "hangup": "hangup",
         "user_hangup": "answer"}
DIRECTIONS = {"inbound": "inbound", "outbound": "outbound", "internal": "internal",
              "gelen": "inbound", "giden": "outbound", "giden (api)": "outbound",
              "giden (ivr)": "outbound", "santral içi": "internal"}
CDR_PAGE_LIMIT = 100
MAX_FIELD = 200


def _field(data, name):
    value = data.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    value = str(value).strip()
    if len(value) > MAX_FIELD:
        raise BadEvent("Field %(field)s is too long.", field=name)
    return value or None


def parse_event(data):
    """A Verimor event (the POSTed form as a dict) → CallEvent, or None for the empty
    URL-check POST. BadEvent for what is not a Verimor event."""
    if not data or not any(v not in (None, "") for v in data.values()):
        return None
    event_type = _field(data, "event_type")
    if event_type not in KINDS:
        raise BadEvent("Unknown event type: %(value)s.", value=event_type or "")
    call_uuid = _field(data, "call_uuid")
    if not call_uuid:
        raise BadEvent("The event has no call id (call_uuid).")
    kind = KINDS[event_type]
    direction = _field(data, "direction")
    if direction and direction.lower() not in DIRECTIONS:
        raise BadEvent("Unknown call direction: %(value)s.", value=direction)
    try:
        start = parse_stamp(_field(data, "start_stamp"))
        answer = parse_stamp(_field(data, "answer_stamp"))
        end = parse_stamp(_field(data, "end_stamp")) if event_type == "hangup" else None
        talk = parse_seconds(_field(data, "duration"))
        wait = parse_seconds(_field(data, "queue_wait_duration"))
        recording = parse_bool(_field(data, "recording_present"))
        answered_flag = parse_bool(_field(data, "answered"))
    except ValueError as error:
        raise BadEvent("Unreadable value in the event: %(error)s.", error=str(error))
    answered = None
    if event_type == "hangup":
        answered = bool(answer) if "answer_stamp" in data else answered_flag
    extension = _field(data, "connected_user") or _field(data, "dialed_user")
    caller = _field(data, "caller_id_number")
    called = _field(data, "destination_number")
    if direction == "outbound":
        caller = _field(data, "outbound_caller_id_number") or caller
    return CallEvent(
        PROVIDER, call_uuid, kind,
        direction=DIRECTIONS.get((direction or "").lower()),
        caller_number=caller, called_number=called, extension=extension,
        queue=_field(data, "queue"), start=start, answer=answer, end=end,
        wait_seconds=wait, talk_seconds=talk if event_type == "hangup" else None,
        answered=answered, recording_present=recording)


def parse_cdr(row):
    """One row of GET /cdrs → CallEvent (kind cdr)."""
    call_uuid = _field(row, "call_uuid")
    if not call_uuid:
        raise BadEvent("The event has no call id (call_uuid).")
    try:
        start = parse_stamp(_field(row, "start_stamp"))
        answer = parse_stamp(_field(row, "answer_stamp"))
        end = parse_stamp(_field(row, "end_stamp"))
        talk = parse_seconds(_field(row, "talk_duration"))
        missed = parse_bool(_field(row, "missed"))
        recording = parse_bool(_field(row, "recording_present"))
    except ValueError as error:
        raise BadEvent("Unreadable value in the event: %(error)s.", error=str(error))
    answered = (not missed) if missed is not None else bool(answer)
    direction = _field(row, "direction")
    return CallEvent(
        PROVIDER, call_uuid, "cdr",
        direction=DIRECTIONS.get((direction or "").lower()),
        caller_number=_field(row, "caller_id_number"),
        called_number=_field(row, "destination_number"),
        queue=_field(row, "queue"), start=start, answer=answer if answered else None,
        end=end, talk_seconds=talk, answered=answered, recording_present=recording)


def _utc(value):
    return value.strftime("%Y-%m-%d %H:%M:%S UTC")


class VerimorClient:
    """The pulls: CDR list and recordings. `http` is a requests-like session."""

    def __init__(self, base_url, key, http, timeout=20):
        self.base_url = (base_url or "https://api.bulutsantralim.com").rstrip("/")
        self.key, self.http, self.timeout = key, http, timeout

    def _check(self, response):
        if response.status_code != 200:
            raise ProviderError("Verimor answered HTTP %(status)s: %(text)s",
                                status=response.status_code, text=response.text[:200])
        return response

    def list_cdrs(self, since, until):
        """Every CDR started in [since, until] (naive UTC), following the pages."""
        events, page, pages = [], 1, 1
        while page <= pages:
            response = self._check(self.http.get(self.base_url + "/cdrs", params={
                "key": self.key, "start_stamp_from": _utc(since),
                "start_stamp_to": _utc(until), "limit": CDR_PAGE_LIMIT, "page": page,
            }, timeout=self.timeout))
            try:
                body = response.json()
                rows = body["cdrs"]
                pages = int((body.get("pagination") or {}).get("total_pages") or 1)
            except (ValueError, KeyError, TypeError):
                raise ProviderError("Verimor sent an unreadable CDR list.")
            events.extend(parse_cdr(row) for row in rows)
            page += 1
        return events

    def fetch_recording(self, call_id, recording_url=None):
        """The recording's bytes: ask for its one-hour URL, then download it."""
        response = self._check(self.http.post(self.base_url + "/recording_url/", data={
            "key": self.key, "call_uuid": call_id}, timeout=self.timeout))
        url = response.text.strip()
        if not url.startswith(("http://", "https://")):
            raise ProviderError("Verimor sent no recording URL.")
        audio = self._check(self.http.get(url, timeout=self.timeout))
        return audio.content, audio.headers.get("Content-Type") or "audio/mpeg"
