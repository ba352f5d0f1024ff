# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

from .. import ical, stats

STAMP = datetime.datetime(2026, 12, 1, 9, 0, 0)


def _event(**extra):
    event = {"uid": "etkinlik-7@sancaktepe.bel.tr", "summary": "Halk Günü",
             "start": datetime.datetime(2026, 12, 5, 7, 0),
             "stop": datetime.datetime(2026, 12, 5, 10, 0)}
    event.update(extra)
    return event


def test_escaping_of_text_values():
    assert ical.escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    assert ical.escape_text("x\r\ny\rz") == "x\\ny\\nz"
    assert ical.escape_text(None) == ""


def test_folding_keeps_utf8_characters_whole_and_lines_short():
    line = "SUMMARY:" + "Çğıöşü İstanbul " * 20
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert ical.fold("SHORT:x") == "SHORT:x"


def test_times_are_given_in_istanbul_with_its_timezone():
    text = ical.calendar([_event()], "Etkinlikler", STAMP)
    assert "DTSTART;TZID=Europe/Istanbul:20261205T100000\r\n" in text
    assert "DTEND;TZID=Europe/Istanbul:20261205T130000\r\n" in text
    assert "DTSTAMP:20261201T090000Z\r\n" in text
    assert "UID:etkinlik-7@sancaktepe.bel.tr\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Istanbul\r\n" in text
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_all_day_event_ends_the_day_after():
    text = ical.calendar([_event(allday=True, start_date=datetime.date(2026, 12, 5),
                                 stop_date=datetime.date(2026, 12, 6))], "E", STAMP)
    assert "DTSTART;VALUE=DATE:20261205\r\n" in text
    assert "DTEND;VALUE=DATE:20261207\r\n" in text


def test_optional_properties():
    text = ical.calendar([_event(location="Meydan, Sarıgazi", latitude=41.0, longitude=29.2,
                                 url="https://x/etkinlikler/7")], "E", STAMP)
    assert "LOCATION:Meydan\\, Sarıgazi\r\n" in text
    assert "GEO:41.000000;29.200000\r\n" in text
    assert "URL:https://x/etkinlikler/7\r\n" in text


def test_stats():
    assert stats.average_wait_minutes(0, 0) == 0.0
    assert stats.average_wait_minutes(900, 2) == 7.5
    assert stats.share(1, 3) == 33.3
    assert stats.share(5, 0) == 0.0
