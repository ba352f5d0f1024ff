"""What every provider adapter returns, and the shared HTTP plumbing (requests, timeouts)."""
import collections
import logging

import requests

_logger = logging.getLogger(__name__)

SENT = "sent"            # accepted by the provider: never send again
RETRY = "retry"          # temporary (timeout, 5xx, throttling): try later, counts an attempt
QUOTA = "quota"          # no credit / quota: try later, does not use up the attempts
PERMANENT = "permanent"  # will never work as it is (credentials, header, number): fail now

SendResult = collections.namedtuple("SendResult", "status provider_id code detail")

DEFAULT_TIMEOUT = 10.0


class SmsAdapter:
    """One provider: `send(number, text)` -> SendResult; never raises for provider trouble."""

    name = None
    default_base_url = None
    segment_policy = None

    def __init__(self, username, password, sender, base_url=None, timeout=DEFAULT_TIMEOUT,
                 session=None):
        self.username = username or ""
        self.password = password or ""
        self.sender = sender or ""
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.timeout = timeout
        self.session = session or requests.Session()

    def send(self, number, text):
        """Send one SMS to an E.164 `number`; map every outcome to a SendResult."""
        try:
            response = self._post(number, text)
        except requests.Timeout:
            return SendResult(RETRY, None, "timeout", "No answer within %ss." % self.timeout)
        except requests.RequestException as error:
            return SendResult(RETRY, None, "connection", "Connection failed: %s" % error)
        return self._parse(response)

    @staticmethod
    def digits(number):
        """'+905321234567' -> '905321234567': both providers take the number without '+'."""
        return "".join(ch for ch in number or "" if ch.isdigit())

    def _http_fallback(self, response):
        """Result of a reply without a readable provider code, from the HTTP status alone."""
        detail = "HTTP %s: %s" % (response.status_code, response.text[:200])
        if response.status_code == 429 or response.status_code >= 500:
            return SendResult(RETRY, None, str(response.status_code), detail)
        return SendResult(PERMANENT, None, str(response.status_code), detail)

    def _post(self, number, text):
        raise NotImplementedError

    def _parse(self, response):
        raise NotImplementedError
