"""The public event pages over real HTTP: /etkinlikler (filters, Turkish), one page per
event, the iCalendar feed parsed with the `icalendar` library; unpublished and cancelled
events and every personal datum stay out."""
import re

import icalendar
import pytest
import requests

ATTENDEE = "Gizli Katılımcı Kişi"
MINUTES = "İç tutanak: Hakan Bey'in şikâyeti"


@pytest.fixture(scope="module")
def events(server):
    admin = server.login("admin", "admin")
    ref = lambda xmlid: admin("ir.model.data", "xmlid_to_res_id", xmlid)  # noqa: E731
    kind_hg, kind_stk = ref("hid_etkinlik.kind_halk_gunu"), ref("hid_etkinlik.kind_stk_toplantisi")
    sarigazi, emek = ref("hid_basvuru.mahalle_sarigazi"), ref("hid_basvuru.mahalle_emek")
    attendee = admin("res.partner", "create", {"name": ATTENDEE, "email": "gizli@example.com"})

    def event(name, kind, mahalle, start, **vals):
        values = {"name": name, "hid_kind_id": kind, "start": start + " 07:00:00",
                  "stop": start + " 10:00:00", "hid_mahalle_ids": [(6, 0, [mahalle])],
                  "location": "Meydan; Sarıgazi, Sancaktepe", "partner_ids": [(4, attendee)]}
        values.update(vals)
        return admin("calendar.event", "create", values)

    ids = {
        "upcoming": event("HTTP Halk Günü", kind_hg, sarigazi, "2099-06-01",
                          hid_live_url="https://canli.example/yayin",
                          description="Açıklama satırı, virgüllü; noktalı virgüllü"),
        "past": event("HTTP STK Toplantısı", kind_stk, emek, "2020-03-01"),
        "planned": event("HTTP Planlanan", kind_hg, sarigazi, "2099-06-02"),
        "cancelled": event("HTTP İptal", kind_hg, sarigazi, "2099-06-03"),
        "unpublished": event("HTTP Yayında Değil", kind_hg, sarigazi, "2099-06-04"),
    }
    for key in ("upcoming", "past", "cancelled", "unpublished"):
        admin("calendar.event", "action_hid_announce", [ids[key]])
    admin("calendar.event", "action_hid_cancel", [ids["cancelled"]])
    admin("calendar.event", "action_hid_unpublish", [ids["unpublished"]])
    wizard = admin("hid.etkinlik.close", "create", {
        "event_id": ids["past"], "minutes": MINUTES, "actual_attendance": 35,
        "public_summary": "Toplantıda 12 dernek vardı."})
    admin("hid.etkinlik.close", "action_close", [wizard])
    admin("calendar.event", "action_hid_publish", [ids["past"]])
    return dict(ids, kind_stk=kind_stk, emek=emek)


def _get(server, path, **params):
    return requests.get(server.url + path, params=params, timeout=30,
                        headers={"Accept-Language": "tr-TR,tr;q=0.9"})


def test_list_shows_published_events_in_turkish(server, events):
    page = _get(server, "/etkinlikler")
    assert page.status_code == 200
    html = page.text
    assert "Yaklaşan Etkinlikler" in html and "Geçmiş Etkinlikler" in html
    upcoming = html.split('id="hid_etkinlik_upcoming"')[1].split('id="hid_etkinlik_past"')[0]
    past = html.split('id="hid_etkinlik_past"')[1]
    assert "HTTP Halk Günü" in upcoming
    assert "HTTP STK Toplantısı" in past
    for name in ("HTTP Planlanan", "HTTP İptal", "HTTP Yayında Değil"):
        assert name not in html
    assert ATTENDEE not in html and "gizli@example.com" not in html
    assert 'name="viewport"' in html, "phone-friendly"


def test_filters(server, events):
    html = _get(server, "/etkinlikler", tur=events["kind_stk"]).text
    assert "HTTP STK Toplantısı" in html and "HTTP Halk Günü" not in html
    html = _get(server, "/etkinlikler", mahalle=events["emek"]).text
    assert "HTTP STK Toplantısı" in html and "HTTP Halk Günü" not in html
    bad = _get(server, "/etkinlikler", tur="1 OR 1=1")
    assert bad.status_code == 400
    assert "geçerli değil" in bad.text


def test_event_page(server, events):
    page = _get(server, "/etkinlikler/%d" % events["upcoming"])
    assert page.status_code == 200
    assert "HTTP Halk Günü" in page.text
    assert "https://canli.example/yayin" in page.text
    assert 'id="hid_etkinlik_social"' in page.text
    assert ATTENDEE not in page.text
    past = _get(server, "/etkinlikler/%d" % events["past"]).text
    assert "Toplantıda 12 dernek vardı." in past, "the published summary"
    assert "Hakan" not in past and "tutanak" not in past.lower(), "never the minutes"
    for key in ("planned", "cancelled", "unpublished"):
        assert _get(server, "/etkinlikler/%d" % events[key]).status_code == 404, key


def test_ical_feed(server, events):
    response = _get(server, "/etkinlikler.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert ATTENDEE not in response.text and "gizli@example.com" not in response.text
    assert all(len(line.encode()) <= 75 for line in response.content.decode().split("\r\n"))
    cal = icalendar.Calendar.from_ical(response.content)
    vevents = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert "HTTP Halk Günü" in vevents and "HTTP STK Toplantısı" in vevents
    for name in ("HTTP Planlanan", "HTTP İptal", "HTTP Yayında Değil"):
        assert name not in vevents
    hg = vevents["HTTP Halk Günü"]
    assert str(hg["UID"]).startswith("etkinlik-%d@" % events["upcoming"])
    assert hg.get("DTSTAMP") is not None
    start = hg.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour) == (2099, 6, 1, 10)
    assert start.utcoffset().total_seconds() == 3 * 3600, "Europe/Istanbul"
    assert str(hg["DTSTART"].params["TZID"]) == "Europe/Istanbul"
    assert str(hg["LOCATION"]) == "Meydan; Sarıgazi, Sancaktepe", "escaped and unescaped"
    assert "ATTENDEE" not in hg and "ORGANIZER" not in hg
    assert re.search(r"/etkinlikler/%d$" % events["upcoming"], str(hg["URL"]))
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Istanbul"
