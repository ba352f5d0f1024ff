"""Plain-Python rules of hid_etkinlik (no ORM): the iCalendar feed and the event figures."""
