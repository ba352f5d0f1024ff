"""The provider adapters against a local server speaking Netgsm's and İletimerkezi's protocols."""
import json
import time
import unittest

from ..sms import base
from ..sms.fake_server import PASSWORD, SENDER, USERNAME, FakeSmsServer
from ..sms.iletimerkezi import IletimerkeziAdapter
from ..sms.netgsm import NetgsmAdapter

NUMBER = "+905321112233"
TEXT = "Başvurunuz 2026-000001 alındı: ğüşiöç İĞÜŞÖÇ ı"


class AdapterCases:
    """The same behaviour expected from every provider; subclasses name the adapter."""

    adapter_class = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fake = FakeSmsServer().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.fake.__exit__(None, None, None)
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        self.fake.outage, self.fake.delay, self.fake.quota_exhausted = False, 0.0, False
        self.fake.requests.clear()
        self.fake.delivered.clear()

    def adapter(self, **overrides):
        kwargs = dict(username=USERNAME, password=PASSWORD, sender=SENDER,
                      base_url=self.fake.url, timeout=2)
        kwargs.update(overrides)
        return self.adapter_class(**kwargs)

    def test_sent_with_provider_id_and_turkish_text_intact(self):
        result = self.adapter().send(NUMBER, TEXT)
        self.assertEqual(result.status, base.SENT, result)
        self.assertTrue(result.provider_id)
        provider, number, text, pid = self.fake.delivered[0]
        self.assertEqual((number, text, pid), ("905321112233", TEXT, result.provider_id))
        self.assertIn("application/json", self.fake.requests[0]["headers"]["Content-Type"])
        json.loads(self.fake.requests[0]["body"].decode("utf-8"))

    def test_bad_credentials_are_permanent(self):
        result = self.adapter(password="wrong").send(NUMBER, TEXT)
        self.assertEqual(result.status, base.PERMANENT, result)
        self.assertFalse(self.fake.delivered)

    def test_unknown_sender_header_is_permanent(self):
        result = self.adapter(sender="UNKNOWN").send(NUMBER, TEXT)
        self.assertEqual(result.status, base.PERMANENT, result)

    def test_over_quota_is_retried_later(self):
        self.fake.quota_exhausted = True
        self.assertEqual(self.adapter().send(NUMBER, TEXT).status, base.QUOTA)

    def test_outage_is_retryable(self):
        self.fake.outage = True
        result = self.adapter().send(NUMBER, TEXT)
        self.assertEqual((result.status, result.code), (base.RETRY, "503"))

    def test_timeout_is_retryable_and_bounded(self):
        self.fake.delay = 0.5
        started = time.monotonic()
        result = self.adapter(timeout=0.2).send(NUMBER, TEXT)
        self.assertEqual((result.status, result.code), (base.RETRY, "timeout"))
        self.assertLess(time.monotonic() - started, 0.45,
                        "the client must not wait past its timeout")

    def test_nobody_listening_is_retryable(self):
        result = self.adapter(base_url="http://127.0.0.1:9").send(NUMBER, TEXT)
        self.assertEqual((result.status, result.code), (base.RETRY, "connection"))


class TestNetgsm(AdapterCases, unittest.TestCase):

    adapter_class = NetgsmAdapter

    def test_request_follows_rest_v2(self):
        self.adapter().send(NUMBER, TEXT)
        request = self.fake.requests[0]
        self.assertEqual(request["path"], "/sms/rest/v2/send")
        body = json.loads(request["body"].decode("utf-8"))
        self.assertEqual(body["encoding"], "TR", "Turkish letters need the Turkish encoding")
        self.assertEqual(body["msgheader"], SENDER)

    def test_throttling_code_85_is_retryable(self):
        response = type("R", (), {"json": lambda self: {"code": "85"}, "status_code": 200,
                                  "text": ""})()
        self.assertEqual(self.adapter()._parse(response).status, base.RETRY)

    def test_foreign_numbers_get_the_00_prefix(self):
        self.assertEqual(self.adapter()._number("+4915112345678"), "004915112345678")


class TestIletimerkezi(AdapterCases, unittest.TestCase):

    adapter_class = IletimerkeziAdapter

    def test_request_follows_the_json_api(self):
        self.adapter().send(NUMBER, TEXT)
        request = self.fake.requests[0]
        self.assertEqual(request["path"], "/v1/send-sms/json")
        order = json.loads(request["body"].decode("utf-8"))["request"]["order"]
        self.assertEqual(order["iys"], "0", "notices are transactional, not İYS campaigns")
        self.assertEqual(order["message"]["receipents"]["number"], ["905321112233"])

    def test_invalid_number_is_permanent(self):
        self.assertEqual(self.adapter().send("+90", TEXT).status, base.PERMANENT)

    def test_duplicate_order_counts_as_sent(self):
        response = type("R", (), {"status_code": 451, "text": "", "json": lambda self: {
            "response": {"status": {"code": 451, "message": "Mükerrer sipariş"}}}})()
        result = self.adapter()._parse(response)
        self.assertEqual((result.status, result.provider_id), (base.SENT, None))

    def test_non_json_server_error_is_retryable(self):
        self.fake.outage = True
        self.assertEqual(self.adapter().send(NUMBER, TEXT).status, base.RETRY)
