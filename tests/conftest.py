"""Live tests: a real Odoo server on a copy of the test template, real HTTP and XML-RPC, and
Debian's Chromium driven by Playwright. Run by scripts/test.sh (make test) on Python >= 3.9."""
import http.server
import os
import re
import signal
import socket
import struct
import subprocess
import threading
import time
import xmlrpc.client
import zlib
from pathlib import Path

import pytest
import requests

ROOT = Path(os.environ.get("HID_ROOT") or Path(__file__).resolve().parents[1])
TEMPLATE = os.environ.get("HID_TEST_TEMPLATE", "hid_test_tpl")
OUT = Path(os.environ.get("HID_TEST_OUT") or ROOT / "var" / "test")
DB = os.environ.get("HID_TEST_LIVE_DB", "hid_test_live")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# One demo user per role (hid_basvuru/demo/res_users_demo.xml); the password is the login.
DEMO_USERS = {
    "him.mudur": "director",
    "him.personel": "staff",
    "cagri.merkezi": "agent",
    "fen.yonetici": "mudurluk_manager",
    "fen.kullanici": "mudurluk_user",
    "temizlik.kullanici": "mudurluk_user",
}
# Server log lines that are expected while these tests deny access on purpose.
EXPECTED_LOG = re.compile(r"odoo\.(http|addons\.base\.ir\.ir_rule|models): .*(Access|access)")


def _tile_png(size=8):
    """A small valid PNG (no image library in the test venv)."""
    raw = b"".join(b"\x00" + b"\x80\x20\x20" * size for _ in range(size))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class _TileHandler(http.server.BaseHTTPRequestHandler):
    """Map tiles for every HİD map of the session: never the internet."""
    hits = []
    body = _tile_png()

    def do_GET(self):  # noqa: N802 (http.server's name)
        _TileHandler.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


class Tiles:
    """The session's stub tile server: `url` (XYZ template base) and the paths asked."""

    def __init__(self):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _TileHandler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.hits = _TileHandler.hits


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url, db, log):
        self.url, self.db, self.log = url, db, log

    def rpc(self, service):
        return xmlrpc.client.ServerProxy("%s/xmlrpc/2/%s" % (self.url, service), allow_none=True)

    def login(self, login, password=None):
        uid = self.rpc("common").authenticate(self.db, login, password or login, {})
        assert uid, "demo user %s can log in" % login
        return Session(self, uid, password or login)


class Session:
    """An XML-RPC session of one user: every call is checked by the server as that user."""

    def __init__(self, server, uid, password):
        self.server, self.uid, self.password = server, uid, password
        self.models = server.rpc("object")

    def __call__(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.server.db, self.uid, self.password, model, method, list(args), kwargs)


@pytest.fixture(scope="session")
def server():
    subprocess.run([str(ROOT / "scripts" / "db.sh"), "clone", TEMPLATE, DB], check=True)
    port = _free_port()
    log = ROOT / "var" / "log" / ("serve-%s.log" % DB)
    if log.exists():
        log.unlink()
    proc = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh"), DB, str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 90
    while True:
        try:
            if requests.get(url + "/web/login", timeout=5).status_code == 200:
                break
        except (requests.ConnectionError, requests.Timeout):  # a busy machine: try again
            pass
        if proc.poll() is not None or time.time() > deadline:
            os.killpg(proc.pid, signal.SIGTERM)
            pytest.fail("Odoo did not start on %s:\n%s" % (url, _tail(log)))
        time.sleep(0.5)
    server = Server(url, DB, log)
    # Every map (back office, public form, field page) takes its tiles from a local stub.
    server.tiles = Tiles()
    server.login("admin", "admin")("ir.config_parameter", "set_param", "hid_basvuru.tile_url",
                                   server.tiles.url + "/{z}/{x}/{y}.png")
    # PDF reports: wkhtmltopdf fetches the page from report.url (else web.base.url, the
    # template's 127.0.0.1:8069, where make run may be serving another database).
    server.login("admin", "admin")("ir.config_parameter", "set_param", "report.url", url)
    yield server
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    server.tiles.httpd.shutdown()
    errors = [line for line in _lines(log)
              if re.search(r" (ERROR|CRITICAL) ", line) and not EXPECTED_LOG.search(line)]
    assert not errors, "the server logged errors:\n" + "\n".join(errors[:20])


def _lines(path):
    return path.read_text(errors="replace").splitlines() if path.exists() else []


def _tail(path, n=30):
    return "\n".join(_lines(path)[-n:])


@pytest.fixture(scope="session")
def tiles(server):
    """The stub tile server every map of the session uses (hid_basvuru.tile_url)."""
    return server.tiles


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test leaves a screenshot of what the user saw, for the report."""
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        path = OUT / "screenshots" / ("FAILED-%s.png" % item.name.replace("/", "_"))
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(path))
        except Exception:  # the page may be gone; the failure itself is what matters
            return


@pytest.fixture
def page(browser):
    """A fresh browser context; JavaScript errors on the page fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="tr-TR")
    # A fresh clone builds its asset bundles on the first pages: be patient, not flaky.
    context.set_default_timeout(60000)
    page = context.new_page()
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.js_errors.append(msg.text))
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots():
    path = OUT / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
