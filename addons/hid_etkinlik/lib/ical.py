# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""An iCalendar (RFC 5545) feed of public events, written by hand: escaping, folding at 75
octets, CRLF line ends, UID and DTSTAMP, times in Europe/Istanbul with its VTIMEZONE.

Istanbul keeps UTC+3 all year since 2016 (no daylight saving), so one STANDARD component
describes it for every event this feed will carry.
"""
import datetime

TZID = "Europe/Istanbul"
OFFSET = datetime.timedelta(hours=3)
PRODID = "-//Sancaktepe Belediyesi//HID Etkinlik//TR"

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:%s" % TZID,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0300",
    "TZNAME:+03",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value):
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line):
    """Fold a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        # step back off a UTF-8 continuation byte
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with one space
    return "\r\n ".join(parts)


def utc_stamp(value):
    """A UTC datetime as DATE-TIME with Z."""
    return value.strftime("%Y%m%dT%H%M%SZ")


def local_stamp(value):
    """A naive UTC datetime as Istanbul local DATE-TIME (used with TZID)."""
    return (value + OFFSET).strftime("%Y%m%dT%H%M%S")


def event_lines(event, dtstamp):
    """The VEVENT of one event: a dict with uid, summary, start, stop (naive UTC datetimes),
    allday, start_date/stop_date (dates, all-day), and optional location, description, url,
    latitude, longitude, status ('CONFIRMED' or 'CANCELLED')."""
    lines = ["BEGIN:VEVENT", "UID:%s" % event["uid"], "DTSTAMP:%s" % utc_stamp(dtstamp)]
    if event.get("allday"):
        last = event.get("stop_date") or event["start_date"]
        lines.append("DTSTART;VALUE=DATE:%s" % event["start_date"].strftime("%Y%m%d"))
        # DTEND of an all-day event is exclusive: the day after the last day
        lines.append("DTEND;VALUE=DATE:%s"
                     % (last + datetime.timedelta(days=1)).strftime("%Y%m%d"))
    else:
        lines.append("DTSTART;TZID=%s:%s" % (TZID, local_stamp(event["start"])))
        lines.append("DTEND;TZID=%s:%s" % (TZID, local_stamp(event["stop"] or event["start"])))
    lines.append("SUMMARY:%s" % escape_text(event["summary"]))
    for key, prop in (("location", "LOCATION"), ("description", "DESCRIPTION")):
        if event.get(key):
            lines.append("%s:%s" % (prop, escape_text(event[key])))
    if event.get("url"):
        lines.append("URL:%s" % event["url"])
    if event.get("latitude") or event.get("longitude"):
        lines.append("GEO:%.6f;%.6f" % (event["latitude"], event["longitude"]))
    lines.append("STATUS:%s" % event.get("status", "CONFIRMED"))
    lines.append("END:VEVENT")
    return lines


def calendar(events, name, dtstamp):
    """The whole feed as text (CRLF line ends, folded)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:%s" % PRODID, "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:%s" % escape_text(name),
             "X-WR-TIMEZONE:%s" % TZID]
    lines += VTIMEZONE
    for event in events:
        lines += event_lines(event, dtstamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
