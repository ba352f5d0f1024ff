"""A local stand-in for Verimor Bulutsantralim and Netgsm Netsantral (127.0.0.1, free port).

It builds the events as the two providers document them (see verimor.py, netgsm.py) and POSTs
them to a webhook URL (`send`), and it serves what the pulls ask: Verimor's ``GET /cdrs``
(paged), ``POST /recording_url/`` and the recording behind that URL (which expires, as
Verimor's lives one hour: `expire_recording_urls()`), Netgsm's ``POST /netsantral/report``
and its recording links. Credentials are checked like the real services. Every request is
recorded in `requests`.

    with FakePbx() as pbx:
        call = pbx.add_call("verimor", caller="05321234567", extension="1001")
        for event in pbx.verimor_events(call):
            pbx.send(webhook_url, "verimor", event)
"""
import datetime
import http.server
import itertools
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

VERIMOR_KEY = "K-hid-test-key"
NETGSM_USER = "8503000000"
NETGSM_PASSWORD = "hid-netgsm-secret"
AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 28  # a tiny WAV-looking file


def _istanbul(value):
    return (value + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M:%S")


class _Handler(http.server.BaseHTTPRequestHandler):

    def log_message(self, *args):
        """Quiet: the test output is for the tests."""

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        fake = self.server.fake
        url = urllib.parse.urlparse(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        fake.requests.append(("GET", url.path, query))
        if url.path == "/cdrs":
            if query.get("key") != VERIMOR_KEY:
                return self._reply(400, ("Gecersiz anahtar: %s" % query.get("key")).encode(),
                                   "text/plain")
            return self._reply(200, json.dumps(fake.verimor_cdr_page(query)).encode())
        if url.path.startswith("/recording/"):
            token = url.path.rsplit("/", 1)[1]
            if token not in fake.live_urls:
                return self._reply(404, b"expired", "text/plain")
            return self._reply(200, fake.audio, "audio/mpeg")
        if url.path == "/upload.php":
            if query.get("q") not in fake.netgsm_links:
                return self._reply(404, b"not found", "text/plain")
            return self._reply(200, fake.audio, "audio/wav")
        return self._reply(404, b"not found", "text/plain")

    def do_POST(self):
        fake = self.server.fake
        url = urllib.parse.urlparse(self.path)
        body = self._body()
        fake.requests.append(("POST", url.path, body))
        if url.path == "/recording_url/":
            form = dict(urllib.parse.parse_qsl(body.decode()))
            if form.get("key") != VERIMOR_KEY:
                return self._reply(400, b"Gecersiz anahtar", "text/plain")
            call = fake.calls.get(("verimor", form.get("call_uuid")))
            if not call or not call["recording"]:
                return self._reply(400, ("cannot find call with call_uuid %s" % form.get(
                    "call_uuid")).encode(), "text/plain")
            token = "R%d" % next(fake.ids)
            fake.live_urls.add(token)
            return self._reply(200, ("%s/recording/%s" % (fake.url, token)).encode(),
                               "text/plain")
        if url.path == "/netsantral/report":
            try:
                data = json.loads(body.decode())
            except ValueError:
                return self._reply(400, b"bad json", "text/plain")
            if (data.get("usercode"), data.get("password")) != (NETGSM_USER, NETGSM_PASSWORD):
                return self._reply(200, json.dumps({"code": 30, "error": "Gecersiz kullanici"})
                                   .encode())
            return self._reply(200, json.dumps(fake.netgsm_report(data)).encode())
        return self._reply(404, b"not found", "text/plain")

    def _reply(self, status, payload, ctype="application/json; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class FakePbx:
    """Start with `with FakePbx() as pbx:`; `pbx.url` is the base URL of both APIs."""

    def __init__(self):
        self.requests = []
        self.calls = {}
        self.live_urls = set()
        self.netgsm_links = set()
        self.audio = AUDIO
        self.ids = itertools.count(1)
        self.run = uuid.uuid4().hex[:8]  # call ids unique across stand-ins
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.fake = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self._httpd.server_address[1]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()

    def expire_recording_urls(self):
        """Verimor's recording URLs live one hour: after that they answer 404."""
        self.live_urls.clear()

    # ------------------------------------------------------------------
    # Calls and their events
    # ------------------------------------------------------------------

    def add_call(self, provider, call_id=None, caller="05321234567", called="02165550000",
                 extension="1001", queue="200", start=None, wait=8, talk=95,
                 answered=True, recording=True):
        """A call the PBX 'had' (start: naive UTC); its events and CDR follow from it."""
        call_id = call_id or ("%s-%s-%04d" % (provider, self.run, next(self.ids)))
        start = start or datetime.datetime.utcnow().replace(microsecond=0)
        call = dict(provider=provider, id=call_id, caller=caller, called=called,
                    extension=extension, queue=queue, start=start, wait=wait,
                    talk=talk if answered else 0, answered=answered, recording=recording)
        call["answer"] = start + datetime.timedelta(seconds=wait) if answered else None
        call["end"] = (call["answer"] + datetime.timedelta(seconds=talk)) if answered \
            else start + datetime.timedelta(seconds=wait)
        if provider == "netgsm" and recording:
            call["link"] = "nq%d" % next(self.ids)
            self.netgsm_links.add(call["link"])
        self.calls[(provider, call_id)] = call
        return call

    def verimor_events(self, call):
        """ringing, answer (if answered), hangup: the form fields Verimor POSTs."""
        base = {"domain_id": "101", "direction": "inbound",
                "caller_id_number": call["caller"], "outbound_caller_id_number": "",
                "destination_number": call["called"], "dialed_user": call["extension"],
                "call_uuid": call["id"], "start_stamp": _istanbul(call["start"]),
                "queue": call["queue"]}
        events = [dict(base, event_type="ringing")]
        if call["answered"]:
            events.append(dict(base, event_type="answer", connected_user=call["extension"],
                               answer_stamp=_istanbul(call["answer"])))
        events.append(dict(
            base, event_type="hangup", connected_user=call["extension"] if call["answered"]
            else "", answer_stamp=_istanbul(call["answer"]) if call["answered"] else "",
            end_stamp=_istanbul(call["end"]), duration=str(call["talk"]),
            queue_wait_duration=str(call["wait"]),
            recording_present="true" if call["recording"] else "false",
            answered="true" if call["answered"] else "false",
            sip_hangup_disposition="caller", hangup_cause="NORMAL_CLEARING"))
        return events

    def netgsm_events(self, call):
        """Inbound_call, Queue, Answer (if answered), Hangup, cdr: the JSON Netsantral POSTs."""
        def millis(value):
            epoch = datetime.datetime(1970, 1, 1)
            return str(int((value - epoch).total_seconds() * 1000))
        events = [
            {"pbx_num": NETGSM_USER, "unique_id": call["id"], "scenario": "Inbound_call",
             "customer_num": call["caller"], "incoming_number": call["called"],
             "timestamp": millis(call["start"])},
            {"queue_name": "%s-queue-%s" % (NETGSM_USER, call["queue"]), "pbx_num": NETGSM_USER,
             "unique_id": "", "scenario": "Queue", "timestamp": millis(call["start"])},
        ]
        if call["answered"]:
            events.append({"pbx_num": NETGSM_USER, "unique_id": call["id"], "scenario": "Answer",
                           "internal_num": call["extension"], "customer_num": call["caller"],
                           "queue_name": call["queue"], "holdtime": str(call["wait"]),
                           "timestamp": millis(call["answer"])})
        events.append({"pbx_num": NETGSM_USER, "unique_id": call["id"], "scenario": "Hangup",
                       "internal_num": call["extension"] if call["answered"] else "",
                       "customer_num": call["caller"], "queue_name": call["queue"],
                       "talktime": str(call["talk"]), "holdtime": str(call["wait"]),
                       "timestamp": millis(call["end"])})
        events.append(self.netgsm_cdr_event(call))
        return events

    def netgsm_cdr_event(self, call):
        return {"bas": _istanbul(call["start"]), "kimlik": 1866400001, "clid": '"" ',
                "arayan": call["caller"],
                "aranan": "%s-queue-%s" % (call["called"], call["queue"]),
                "sure": call["wait"] + call["talk"], "sondurum": 3, "santral": NETGSM_USER,
                "yon": 1 if call["answered"] else 2,
                "seskaydi": ("%s/upload.php?tip=1&q=%s" % (self.url, call["link"]))
                if call.get("link") else "",
                "asteriskId": call["id"], "trunk": call["called"], "scenario": "cdr",
                "timestamp": "1652080580926"}

    # ------------------------------------------------------------------
    # The pulls
    # ------------------------------------------------------------------

    def verimor_cdr_page(self, query):
        rows = []
        for call in sorted(self.calls.values(), key=lambda c: (c["start"], c["id"])):
            if call["provider"] != "verimor":
                continue
            rows.append({
                "start_stamp": _istanbul(call["start"]) + " +0300", "direction": "Gelen",
                "caller_id_number": call["caller"], "destination_number": call["called"],
                "duration": _hms(call["wait"] + call["talk"]), "talk_duration": _hms(call["talk"]),
                "queue": call["queue"], "result": "Cevaplandı" if call["answered"] else "Meşgul",
                "missed": "false" if call["answered"] else "true",
                "recording_present": "true" if call["recording"] else "false",
                "call_uuid": call["id"],
                "answer_stamp": (_istanbul(call["answer"]) + " +0300") if call["answer"] else "",
                "end_stamp": _istanbul(call["end"]) + " +0300"})
        limit = min(int(query.get("limit") or 10), 100)
        page = int(query.get("page") or 1)
        pages = max(1, -(-len(rows) // limit))
        return {"cdrs": rows[(page - 1) * limit:page * limit],
                "pagination": {"page": page, "total_count": len(rows), "total_pages": pages,
                               "limit": limit}}

    def netgsm_report(self, data):
        items = []
        for call in sorted(self.calls.values(), key=lambda c: (c["start"], c["id"])):
            if call["provider"] != "netgsm":
                continue
            value = {"date": (call["start"] + datetime.timedelta(hours=3)).strftime(
                "%d.%m.%Y %H:%M:%S"), "destination": call["called"],
                "source": call["caller"], "duration": call["wait"] + call["talk"],
                "direction": 1 if call["answered"] else 2, "line": call["called"]}
            if call.get("link"):
                value["recording"] = "%s/upload.php?tip=1&q=%s" % (self.url, call["link"])
            items.append({"uniqueid": call["id"], "values": [value]})
        return items or {"code": 40, "error": "Kayit bulunamadi"}

    # ------------------------------------------------------------------
    # Sending events to a webhook
    # ------------------------------------------------------------------

    @staticmethod
    def send(url, provider, event, timeout=30):
        """POST one event as the provider does (form for Verimor, JSON for Netgsm):
        (status, body text)."""
        if provider == "verimor":
            data = urllib.parse.urlencode(event or {}).encode()
            ctype = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(event).encode() if not isinstance(event, bytes) else event
            ctype = "application/json"
        request = urllib.request.Request(url, data=data, method="POST",
                                         headers={"Content-Type": ctype})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")


def _hms(seconds):
    return "%02d:%02d:%02d" % (seconds // 3600, seconds % 3600 // 60, seconds % 60)
