"""İletimerkezi: JSON send-sms endpoint.

Followed: https://www.iletimerkezi.com/en/docs/api/send-sms (``POST /v1/send-sms/json``,
``request.authentication.{key,hash}``, ``request.order.{sender, iys, message.{text,
receipents.number[]}}``; reply ``response.status.{code,message}`` and ``response.order.id``)
and https://www.iletimerkezi.com/en/docs/api/error-codes (200 success; 400/422 request not
valid; 401 authentication failed; 402 insufficient balance; 450/459/460 sender header not
valid; 451 duplicate order; 452/466 invalid recipients; 454 empty text; 503 unavailable).
Messages are transactional notices: ``iys = "0"``. The docs describe no Turkish shift
table, so Turkish letters are counted as UCS-2 (segments.POLICY_DEFAULT).
"""
from . import base, segments

CODES = {
    "400": base.PERMANENT,
    "401": base.PERMANENT,
    "402": base.QUOTA,
    "422": base.PERMANENT,
    "450": base.PERMANENT,
    "452": base.PERMANENT,
    "453": base.PERMANENT,
    "454": base.PERMANENT,
    "459": base.PERMANENT,
    "460": base.PERMANENT,
    "466": base.PERMANENT,
    "503": base.RETRY,
}
# "Duplicate order": the same order was accepted moments ago - typically our previous try,
# whose answer was lost to a timeout. Treating it as sent keeps the message exactly-once.
DUPLICATE = "451"


class IletimerkeziAdapter(base.SmsAdapter):
    """İletimerkezi v1 JSON API, authenticated with the panel's API key and hash."""

    name = "iletimerkezi"
    default_base_url = "https://api.iletimerkezi.com"
    segment_policy = segments.POLICY_DEFAULT

    def _post(self, number, text):
        payload = {"request": {
            "authentication": {"key": self.username, "hash": self.password},
            "order": {
                "sender": self.sender,
                "iys": "0",
                "message": {"text": text, "receipents": {"number": [self.digits(number)]}},
            },
        }}
        return self.session.post(self.base_url + "/v1/send-sms/json", json=payload,
                                 timeout=self.timeout)

    def _parse(self, response):
        try:
            data = response.json()["response"]
            code = str(data["status"]["code"]).strip()
            message = data["status"].get("message") or ""
        except (ValueError, KeyError, TypeError):
            return self._http_fallback(response)
        detail = "%s %s" % (code, message)
        if code == "200":
            order_id = (data.get("order") or {}).get("id")
            return base.SendResult(base.SENT, str(order_id) if order_id else None, code,
                                   detail.strip())
        if code == DUPLICATE:
            return base.SendResult(base.SENT, None, code, detail.strip())
        return base.SendResult(CODES.get(code, base.RETRY), None, code, detail.strip())
