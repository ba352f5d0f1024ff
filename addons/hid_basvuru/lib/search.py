"""Rules of the applications' search and date filters (no ORM)."""
import datetime
import re

import pytz

# Shorter text is not searched in names and subjects (a trigram index needs 3 characters;
# one or two letters would match most of a million rows).
MIN_TEXT = 3

NUMBER_RE = re.compile(r"^\d{4}-\d{1,9}$")


def looks_like_number(text):
    """Whether `text` is written as a tracking number ('2026-000123')."""
    return bool(NUMBER_RE.match((text or "").strip()))


def local_day(value, tz):
    """The day (date) in `tz` of a naive UTC datetime or an Odoo datetime string."""
    if isinstance(value, str):
        value = datetime.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    return pytz.utc.localize(value).astimezone(tz).date()


def period(kind, today):
    """(first day, last day) of the period `kind` (today, week, month, year) around `today`;
    weeks start on Monday, as in Turkey."""
    if kind == "today":
        return today, today
    if kind == "week":
        start = today - datetime.timedelta(days=today.weekday())
        return start, start + datetime.timedelta(days=6)
    if kind == "month":
        start = today.replace(day=1)
        following = (start + datetime.timedelta(days=32)).replace(day=1)
        return start, following - datetime.timedelta(days=1)
    if kind == "year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    raise ValueError(kind)
