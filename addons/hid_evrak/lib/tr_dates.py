# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Dates on HİD's printed documents, the Turkish way: 31.12.2026 and 31.12.2026 14:05 in
Istanbul time. Odoo stores datetimes in UTC without a zone ("2026-12-31 11:05:00") and dates
as "2026-12-31"; both strings and Python objects are accepted; empty gives ""."""
import datetime

import pytz

ISTANBUL = pytz.timezone("Europe/Istanbul")
_DT_FORMAT = "%Y-%m-%d %H:%M:%S"


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    text = str(value).strip()
    if "." in text[19:]:  # microseconds
        text = text[:19]
    return datetime.datetime.strptime(text, _DT_FORMAT)


def tr_date(value):
    """A date (or the date part of a datetime given as is): "31.12.2026"."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    elif not isinstance(value, datetime.date):
        value = datetime.datetime.strptime(str(value).strip()[:10], "%Y-%m-%d").date()
    return "%02d.%02d.%04d" % (value.day, value.month, value.year)


def tr_datetime(value, tz=ISTANBUL):
    """A UTC datetime as the time in Istanbul: "31.12.2026 14:05". A zone-aware datetime is
    converted from its own zone."""
    if not value:
        return ""
    moment = _as_datetime(value)
    if moment.tzinfo is None:
        moment = pytz.utc.localize(moment)
    local = moment.astimezone(tz)
    return "%02d.%02d.%04d %02d:%02d" % (local.day, local.month, local.year, local.hour,
                                         local.minute)
