"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): parsing, validation and
serialisation of the API's messages, without Odoo.

Dates are ISO 8601 in the W3C profile (https://www.w3.org/TR/NOTE-datetime) and always carry a
time zone in responses; inside, they are naive UTC datetimes as Odoo stores them.  Errors are
``Open311Error`` with the HTTP status to answer and a description in English (the API is read by
software; the spec's error format has no language).
"""
import datetime
import json
import re
from io import BytesIO
from xml.etree import ElementTree

from .exceptions import HidLibError

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
STATUSES = ("open", "closed")
DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
DEFAULT_DAYS = 90         # GET requests: "a span of 90 days or first 1000 requests"
MAX_REQUESTS = 1000
MAX_ID = 2 ** 31 - 1      # a PostgreSQL integer
TRACKING_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/-]{0,31}$")  # 2026-000123, older HT00012
W3C_DATETIME = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,6}))?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2}))?$")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
URL = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)
# Characters XML 1.0 cannot carry; refused in input, dropped from output.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Limits of the text fields of a POST (characters).
MAX_LENGTHS = {
    "address_string": 255, "address_id": 64, "email": 254, "device_id": 128,
    "account_id": 128, "first_name": 100, "last_name": 100, "phone": 32,
    "description": 4000, "media_url": 2000, "service_code": 12,
}
# Element names of list items in XML, by the name of their list.
XML_ITEMS = {
    "services": "service", "service_requests": "request", "errors": "error",
    "attributes": "attribute", "values": "value", "endpoints": "endpoint",
    "formats": "format",
}


class Open311Error(HidLibError):
    """A request the API refuses: `status` is the HTTP status code to answer with."""

    def __init__(self, status, message, **params):
        self.status = status
        super().__init__(message, **params)


def bad(message, **params):
    """A 400 error: the request itself is wrong."""
    return Open311Error(400, message, **params)


# ---------------------------------------------------------------------------
# Parsing of parameters
# ---------------------------------------------------------------------------

def parse_format(fmt):
    """The response format of a URL suffix, json or xml."""
    if fmt not in FORMATS:
        raise bad("Unsupported format %(fmt)r: use .json or .xml.", fmt=str(fmt)[:20])
    return fmt


def parse_datetime(text, name="date"):
    """A W3C ISO 8601 date or date-time (with a time zone) as a naive UTC datetime."""
    match = W3C_DATETIME.match((text or "").strip())
    if not match:
        raise bad("%(name)s: %(value)r is not an ISO 8601 date-time such as "
                  "2026-01-31T08:15:30+03:00.", name=name, value=str(text)[:40])
    parts = match.groupdict()
    if not 1900 <= int(parts["y"]) <= 2999:  # also keeps time-zone and 90-day arithmetic in range
        raise bad("%(name)s: %(value)r is out of range.", name=name, value=text[:40])
    try:
        value = datetime.datetime(
            int(parts["y"]), int(parts["m"]), int(parts["d"]), int(parts["H"] or 0),
            int(parts["M"] or 0), int(parts["S"] or 0), int((parts["f"] or "0").ljust(6, "0")))
    except ValueError:
        raise bad("%(name)s: %(value)r is not a valid date.", name=name, value=text[:40])
    tz = parts["tz"]
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        hours, minutes = int(tz[1:3]), int(tz[4:6])
        if hours > 14 or minutes > 59:
            raise bad("%(name)s: %(value)r has an invalid time zone.", name=name, value=text[:40])
        value -= sign * datetime.timedelta(hours=hours, minutes=minutes)
    return value


def format_datetime(value):
    """A naive UTC datetime as ISO 8601 with the UTC designator; None stays None."""
    if not value:
        return None
    return value.replace(microsecond=0).isoformat() + "Z"


def parse_service_code(text, status=400):
    """A service code: the id of a category, a positive integer; `status` when it is not."""
    text = (text or "").strip()
    if not text:
        raise bad("service_code is required.")
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise Open311Error(status, "Unknown service_code %(code)r.", code=text[:20])
    return int(text)


def parse_request_id(text):
    """One service_request_id: a tracking number such as 2026-000123."""
    text = (text or "").strip()
    if not TRACKING_NO.match(text):
        raise bad("service_request_id %(value)r is not a tracking number such as 2026-000123.",
                  value=text[:20])
    return text


def parse_request_ids(text):
    """A comma-separated list of service_request_id (at most the 1000 a response may hold)."""
    ids = [parse_request_id(part) for part in text.split(",")]
    if len(ids) > MAX_REQUESTS:
        raise bad("At most %(max)d service_request_id at once.", max=MAX_REQUESTS)
    return ids


def parse_statuses(text):
    """A comma-separated list of statuses: open, closed."""
    statuses = {part.strip().lower() for part in text.split(",")}
    unknown = statuses - set(STATUSES)
    if unknown:
        raise bad("status must be open, closed or both (comma-separated), not %(value)r.",
                  value=", ".join(sorted(unknown))[:40])
    return sorted(statuses)


def parse_float(name, text, low, high):
    """A coordinate given as text, within [low, high]."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise bad("%(name)s: %(value)r is not a number.", name=name, value=str(text)[:40])
    if not low <= value <= high:  # also refuses nan
        raise bad("%(name)s must be between %(low)s and %(high)s.", name=name, low=low,
                  high=high)
    return value


def parse_text(name, text):
    """A text parameter, stripped, within its length and free of control characters."""
    text = (text or "").strip()
    if len(text) > MAX_LENGTHS.get(name, 255):
        raise bad("%(name)s is longer than %(max)d characters.", name=name,
                  max=MAX_LENGTHS.get(name, 255))
    if XML_INVALID.search(text):
        raise bad("%(name)s contains control characters.", name=name)
    if "\ufffd" in text:  # what the form parser makes of bytes that are not UTF-8
        raise bad("%(name)s is not valid UTF-8.", name=name)
    return text


def parse_query(params, now):
    """The filters of GET requests as the spec has them: service_request_id (comma list)
    overrides all other arguments; otherwise by default the last 90 days, at most 1000."""
    query = {"ids": None, "service_codes": None, "statuses": None, "start": None,
             "end": None, "limit": MAX_REQUESTS}
    if params.get("service_request_id"):
        query["ids"] = parse_request_ids(params["service_request_id"])
        return query
    if params.get("service_code"):
        query["service_codes"] = [parse_service_code(code)
                                  for code in params["service_code"].split(",")][:100]
    if params.get("status"):
        query["statuses"] = parse_statuses(params["status"])
    end = parse_datetime(params["end_date"], "end_date") if params.get("end_date") else None
    start = parse_datetime(params["start_date"], "start_date") \
        if params.get("start_date") else None
    if start and end and start > end:
        raise bad("start_date must be before end_date.")
    if not start:
        start = (end or now) - datetime.timedelta(days=DEFAULT_DAYS)
    if not end:
        end = max(now, start)
    if end - start > datetime.timedelta(days=DEFAULT_DAYS):
        raise bad("The span from start_date to end_date is at most %(days)d days.",
                  days=DEFAULT_DAYS)
    query.update(start=start, end=end)
    return query


def parse_attributes(params, definitions):
    """The attribute[code] values of a POST checked against the service's attributes."""
    values = {}
    for attr in definitions:
        raw = params.get("attribute[%s]" % attr["code"])
        raw = [v.strip() for v in raw if v.strip()] if isinstance(raw, list) \
            else ([raw.strip()] if raw and raw.strip() else [])
        if not raw:
            if attr["required"]:
                raise bad("attribute[%(code)s] is required for this service.",
                          code=attr["code"])
            continue
        keys = [v["key"] for v in attr.get("values") or []]
        if attr["datatype"] in ("singlevaluelist", "multivaluelist"):
            if attr["datatype"] == "singlevaluelist" and len(raw) > 1:
                raise bad("attribute[%(code)s] takes one value.", code=attr["code"])
            for value in raw:
                if value not in keys:
                    raise bad("attribute[%(code)s]: %(value)r is not one of its keys.",
                              code=attr["code"], value=value[:40])
            values[attr["code"]] = raw
            continue
        value = parse_text("attribute[%s]" % attr["code"], raw[0])
        if attr["datatype"] == "number":
            parse_float("attribute[%s]" % attr["code"], value, -1e15, 1e15)
        elif attr["datatype"] == "datetime":
            parse_datetime(value, "attribute[%s]" % attr["code"])
        values[attr["code"]] = [value]
    return values


def parse_post(params):
    """The fields of POST requests (without attributes): location required, all checked."""
    post = {"service_code": parse_service_code(params.get("service_code"))}
    for name in ("address_string", "address_id", "email", "device_id", "account_id",
                 "first_name", "last_name", "phone", "description", "media_url"):
        post[name] = parse_text(name, params.get(name))
    has_lat, has_long = bool(params.get("lat")), bool(params.get("long"))
    if has_lat != has_long:
        raise bad("lat and long go together.")
    post["lat"] = parse_float("lat", params["lat"], -90, 90) if has_lat else None
    post["long"] = parse_float("long", params["long"], -180, 180) if has_long else None
    if not (has_lat or post["address_string"] or post["address_id"]):
        raise bad("A location is required: lat and long, address_string or address_id.")
    if post["email"] and not EMAIL.match(post["email"]):
        raise bad("email: %(value)r is not an e-mail address.", value=post["email"][:60])
    if post["media_url"] and not URL.match(post["media_url"]):
        raise bad("media_url must be an http(s) URL.")
    return post


# ---------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------

def _xml_text(value):
    """The text of a scalar in XML: booleans as true/false, None empty, no invalid chars."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return XML_INVALID.sub("", str(value))


def _xml_fill(element, value):
    """Put a dict, a list or a scalar inside `element`."""
    if isinstance(value, dict):
        for key, child in value.items():
            _xml_fill(ElementTree.SubElement(element, key), child)
    elif isinstance(value, list):
        item = XML_ITEMS.get(element.tag, "item")
        for child in value:
            _xml_fill(ElementTree.SubElement(element, item), child)
    else:
        element.text = _xml_text(value)


def to_xml(root, value):
    """A response body in XML: UTF-8 with its declaration, element names as in the spec."""
    element = ElementTree.Element(root)
    _xml_fill(element, value)
    out = BytesIO()
    ElementTree.ElementTree(element).write(out, encoding="UTF-8", xml_declaration=True)
    return out.getvalue()


def to_json(value):
    """A response body in JSON (UTF-8)."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def render(fmt, root, value):
    """The body of a response in `fmt`; `root` is the XML root element's name."""
    return to_xml(root, value) if fmt == "xml" else to_json(value)


def render_error(fmt, status, description):
    """An error body in the spec's format: a list of {code, description}."""
    return render(fmt, "errors", [{"code": status, "description": description}])


def discovery(base_url, changeset, contact, key_service):
    """The service discovery document (http://wiki.open311.org/Service_discovery)."""
    return {
        "changeset": changeset,
        "contact": contact,
        "key_service": key_service,
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": base_url,
            "changeset": changeset,
            "type": "production",
            "formats": ["text/xml", "application/json"],
        }],
    }
