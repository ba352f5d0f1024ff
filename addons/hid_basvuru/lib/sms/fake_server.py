"""A local stand-in for Netgsm and İletimerkezi (127.0.0.1, free port) for the tests.

It speaks the two documented protocols (see netgsm.py, iletimerkezi.py): checks the
credentials and the sender header like the real services, answers with their codes, and can
be switched to an outage (HTTP 503), a slow answer (sleeps past the client's timeout) or an
exhausted quota. Every accepted message is recorded, so tests can count deliveries.
"""
import base64
import http.server
import itertools
import json
import threading
import logging
import time

USERNAME = "hid-user"
PASSWORD = "hid-secret"
SENDER = "SANCAKTEPE"

_logger = logging.getLogger(__name__)


class _Handler(http.server.BaseHTTPRequestHandler):

    def log_message(self, *args):
        """Quiet: the test output is for the tests."""

    def do_POST(self):
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        fake.requests.append({"path": self.path, "body": body, "headers": dict(self.headers)})
        if fake.delay:
            time.sleep(fake.delay)
        if fake.outage:
            return self._reply(503, b"Service Unavailable", "text/plain")
        try:
            data = json.loads(body.decode("utf-8"))
        except ValueError:
            data = None
        if self.path == "/sms/rest/v2/send":
            return self._reply(200, json.dumps(fake.netgsm(data, self.headers)).encode())
        if self.path == "/v1/send-sms/json":
            status, reply = fake.iletimerkezi(data)
            return self._reply(status, json.dumps(reply).encode())
        return self._reply(404, b"not found", "text/plain")

    def _reply(self, status, payload, ctype="application/json; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
        except OSError as error:
            # The client gave up (timeout test): nobody is left to read the answer.
            _logger.debug("fake SMS server: client gone: %s", error)


class FakeSmsServer:
    """Start with `with FakeSmsServer() as fake:`; `fake.url` is the base URL to configure."""

    def __init__(self):
        self.requests = []
        self.delivered = []     # (provider, number, text, id) of accepted messages
        self.outage = False
        self.delay = 0.0
        self.quota_exhausted = False
        self._ids = itertools.count(1000)
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
        self._thread.join(5)

    # Netgsm REST v2 ---------------------------------------------------------

    def netgsm(self, data, headers):
        """Reply of Netgsm's /sms/rest/v2/send for `data`."""
        expected = "Basic " + base64.b64encode(
            ("%s:%s" % (USERNAME, PASSWORD)).encode()).decode()
        if headers.get("Authorization") != expected:
            return {"code": "30", "description": "Invalid username, password or API access"}
        if not isinstance(data, dict) or not data.get("messages"):
            return {"code": "70", "description": "Invalid query"}
        if data.get("msgheader") != SENDER:
            return {"code": "40", "description": "Message header not defined"}
        if self.quota_exhausted:
            return {"code": "80", "description": "Sending limit exceeded"}
        message = data["messages"][0]
        if not str(message.get("no", "")).isdigit():
            return {"code": "70", "description": "Invalid query"}
        jobid = str(next(self._ids))
        self.delivered.append(("netgsm", message["no"], message.get("msg"), jobid))
        return {"code": "00", "jobid": jobid, "description": "queued"}

    # İletimerkezi -------------------------------------------------------------

    def iletimerkezi(self, data):
        """(HTTP status, reply) of İletimerkezi's /v1/send-sms/json for `data`."""
        try:
            request = data["request"]
            auth, order = request["authentication"], request["order"]
            numbers = order["message"]["receipents"]["number"]
            text = order["message"]["text"]
        except (KeyError, TypeError):
            return self._ileti(400, "İstek çözümlenemedi")
        if (auth.get("key"), auth.get("hash")) != (USERNAME, PASSWORD):
            return self._ileti(401, "Üyelik bilgileri hatalı")
        if order.get("sender") != SENDER:
            return self._ileti(450, "Gönderilen başlık kullanıma uygun değil")
        if self.quota_exhausted:
            return self._ileti(402, "Bakiye yetersiz")
        if not numbers or not all(str(n).isdigit() and len(str(n)) >= 10 for n in numbers):
            return self._ileti(452, "Mesaj alıcıları geçersiz")
        order_id = str(next(self._ids))
        for number in numbers:
            self.delivered.append(("iletimerkezi", number, text, order_id))
        status, reply = self._ileti(200, "İşlem başarılı")
        reply["response"]["order"] = {"id": order_id}
        return status, reply

    @staticmethod
    def _ileti(code, message):
        return code, {"response": {"status": {"code": code, "message": message}}}
