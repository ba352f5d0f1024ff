"""Turkish working-day (iş günü) calendar.

A working day is Monday to Friday, minus the Turkish public holidays given by
``holidays.Turkey`` (national days plus Ramazan and Kurban Bayramı), minus the
dates staff add as extra holidays (e.g. an idari izin), plus the dates declared
as extra working days (e.g. a Saturday worked to compensate an idari izin).

Notes on holidays 0.27.1:

* Arife (bayram eve) and 28 Ekim afternoons are *half* days; holidays 0.27.1 does
  not return them at all (newer versions put them in the non-default HALF_DAY
  category), so they count as full working days.  That is what we want for
  deadlines: offices are open in the morning, so the day counts.
* The religious holidays are computed from the Hijri calendar and named with an
  "* (*estimated)" suffix for every year.  If the official dates differ, or the
  government adds bridge days, staff add them through ``extra_holidays``.
"""
import datetime
from functools import lru_cache

import holidays

from .exceptions import DeadlineError

ONE_DAY = datetime.timedelta(days=1)
SATURDAY = 5


def to_date(value):
    """Return the date part of a date or datetime, so callers may pass either."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise DeadlineError('Expected a date, got %(value)r.', value=value)


@lru_cache(maxsize=None)
def public_holidays(year):
    """Turkish public holidays of `year`, cached since a calendar is asked about many dates."""
    return frozenset(holidays.Turkey(years=year).keys())


def _check_count(n):
    """Reject anything but a non-negative int (bool excluded) so bad input fails loudly."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise DeadlineError('The number of working days must be a non-negative integer, '
                            'got %(n)r.', n=n)


class WorkCalendar(object):
    """Working-day calendar: weekdays minus Turkish public holidays, adjusted by staff."""

    def __init__(self, extra_holidays=(), extra_workdays=()):
        self.extra_holidays = frozenset(to_date(d) for d in extra_holidays)
        self.extra_workdays = frozenset(to_date(d) for d in extra_workdays)
        both = self.extra_holidays & self.extra_workdays
        if both:
            raise DeadlineError(
                'A date cannot be both an extra holiday and an extra working day: %(dates)s.',
                dates=', '.join(sorted(d.isoformat() for d in both)))

    def is_workday(self, d):
        """True if offices are open on `d`; extra working days win over everything else."""
        d = to_date(d)
        if d in self.extra_workdays:
            return True
        if d in self.extra_holidays or d.weekday() >= SATURDAY:
            return False
        return d not in public_holidays(d.year)

    def next_workday(self, d):
        """`d` itself if it is a working day, else the first working day after it."""
        d = to_date(d)
        while not self.is_workday(d):
            d += ONE_DAY
        return d

    def add_workdays(self, start, n):
        """The n-th working day strictly after `start` (a 15-day deadline is add_workdays(d, 15)).

        ``n == 0`` returns `start` unchanged.
        """
        _check_count(n)
        d = to_date(start)
        remaining = n
        while remaining:
            d += ONE_DAY
            if self.is_workday(d):
                remaining -= 1
        return d

    def workdays_between(self, start, end):
        """Number of working days in (start, end]; 0 when end is not after start."""
        d, end = to_date(start), to_date(end)
        count = 0
        while d < end:
            d += ONE_DAY
            if self.is_workday(d):
                count += 1
        return count
