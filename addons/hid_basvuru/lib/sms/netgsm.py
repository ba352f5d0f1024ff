"""Netgsm: REST v2 send endpoint.

Followed: Netgsm API documentation (https://www.netgsm.com.tr/dokuman/, "SMS Gönderimi -
REST v2") and its official client @netgsm/sms 1.1.11 (``dist/enums.d.ts``,
``SendSmsErrorCode``): ``POST /sms/rest/v2/send`` with HTTP Basic auth (usercode,
password), JSON ``{"msgheader", "encoding", "messages": [{"msg", "no"}]}``, reply
``{"code": "00", "jobid": "...", "description": "..."}``. ``encoding: "TR"`` sends Turkish
letters with the Turkish single shift table (see segments.py).
Codes: 00 accepted; 20 text problem/too long; 30 bad credentials, no API access or IP not
allowed; 40 sender header not defined; 50/51 İYS account problems; 70 bad parameters;
80 sending limit exceeded; 85 more than 20 tasks to one number within a minute.
"""
from . import base, segments

CODES = {
    "20": base.PERMANENT,
    "30": base.PERMANENT,
    "40": base.PERMANENT,
    "50": base.PERMANENT,
    "51": base.PERMANENT,
    "70": base.PERMANENT,
    "80": base.QUOTA,
    "85": base.RETRY,
}


class NetgsmAdapter(base.SmsAdapter):
    """Netgsm REST v2; one message per request so that each has its own job id."""

    name = "netgsm"
    default_base_url = "https://api.netgsm.com.tr"
    segment_policy = segments.POLICY_TURKISH_SHIFT

    def _number(self, number):
        """Netgsm takes 905XXXXXXXXX at home and 00-prefixed numbers abroad."""
        digits = self.digits(number)
        return digits if digits.startswith("90") else "00" + digits

    def _post(self, number, text):
        payload = {
            "msgheader": self.sender,
            "encoding": "TR",
            "iysfilter": "",
            "messages": [{"msg": text, "no": self._number(number)}],
        }
        return self.session.post(self.base_url + "/sms/rest/v2/send", json=payload,
                                 auth=(self.username, self.password), timeout=self.timeout)

    def _parse(self, response):
        try:
            data = response.json()
            code = str(data["code"]).strip()
        except (ValueError, KeyError, TypeError):
            return self._http_fallback(response)
        detail = "%s %s" % (code, data.get("description") or "")
        if code == "00" and data.get("jobid"):
            return base.SendResult(base.SENT, str(data["jobid"]), code, detail.strip())
        return base.SendResult(CODES.get(code, base.RETRY), None, code, detail.strip())
