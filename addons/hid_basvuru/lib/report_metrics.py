"""The maths of the periodic report pack, as Turkish municipalities publish it.

No ORM here: the pack's SQL GROUP BYs give one dict of counts per group (see ``COUNT_KEYS``);
these functions turn them into the published metrics, and compute the periods a pack covers.

Definitions (the analysis view ``hid.basvuru.report`` stores the per-application facts):

* başvuru sayısı: applications received in the period;
* başvuru günü içinde karşılık verilen %: answered, closed or forwarded on the day received
  (Istanbul time), over all received;
* anlık çözüm hariç ortalama çözüm süresi (gün): mean resolution time in days of the closed
  applications, leaving out those closed on the day received (anlık çözüm);
* yasal sürede sonuçlanan %: closed with the first answer within the legal deadline, over
  the closed ones;
* yeniden açılan %: reopened at least once, over all received;
* kanal payları: each channel's share of the applications received.
"""
import calendar
import datetime

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
PERIODS = (DAY, WEEK, MONTH, YEAR)

# What one GROUP BY row gives (see hid.basvuru.report._hid_aggregate_sql).
COUNT_KEYS = ("total", "same_day", "closed", "instant", "resolution_hours",
              "resolution_count", "on_time", "reopened", "duplicate", "sevk", "open")

# The KPIs of the pack, in order.
COUNT = "count"
SAME_DAY_PCT = "same_day_pct"
AVG_RESOLUTION_DAYS = "avg_resolution_days"
ON_TIME_PCT = "on_time_pct"
REOPENED_PCT = "reopened_pct"
KPIS = (COUNT, SAME_DAY_PCT, AVG_RESOLUTION_DAYS, ON_TIME_PCT, REOPENED_PCT)


class PeriodError(ValueError):
    pass


def parse_day(value):
    """A day from a date, a datetime or a "YYYY-MM-DD" string."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime((value or "").strip(), "%Y-%m-%d").date()
    except (ValueError, AttributeError):
        raise PeriodError("bad date")


def check_period(period):
    if period not in PERIODS:
        raise PeriodError("bad period")
    return period


def period_range(period, day):
    """(first day, last day) of the day / ISO week / month / year that contains `day`."""
    check_period(period)
    day = parse_day(day)
    if period == DAY:
        return day, day
    if period == WEEK:
        start = day - datetime.timedelta(days=day.weekday())
        return start, start + datetime.timedelta(days=6)
    if period == MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


def previous_range(period, day):
    """The period just before the one that contains `day`."""
    start = period_range(period, day)[0]
    return period_range(period, start - datetime.timedelta(days=1))


def last_year_range(period, day):
    """The same period a year earlier: the same date, ISO week number, month or year."""
    start = period_range(period, day)[0]
    if period == WEEK:
        iso_year, iso_week, _weekday = start.isocalendar()
        try:
            monday = iso_monday(iso_year - 1, iso_week)
        except ValueError:  # week 53 has no twin: the last week of that year
            monday = iso_monday(iso_year - 1, 52)
        return period_range(WEEK, monday)
    try:
        earlier = start.replace(year=start.year - 1)
    except ValueError:  # 29 February
        earlier = start.replace(year=start.year - 1, day=28)
    return period_range(period, earlier)


def iso_monday(iso_year, iso_week):
    monday = datetime.datetime.strptime("%d-W%02d-1" % (iso_year, iso_week), "%G-W%V-%u").date()
    if monday.isocalendar()[:2] != (iso_year, iso_week):
        raise ValueError("no such week")
    return monday


def period_just_ended(period, today):
    """The period a scheduled pack sent on `today` covers: the one before today's."""
    return previous_range(period, today)


def pct(part, whole):
    """A percentage, or None when there is nothing to divide by."""
    return 100.0 * part / whole if whole else None


def kpis(counts):
    """The published metrics of one group of counts (a dict with COUNT_KEYS)."""
    c = dict.fromkeys(COUNT_KEYS, 0)
    c.update({k: v for k, v in (counts or {}).items() if v is not None})
    hours, n = c["resolution_hours"], c["resolution_count"]
    return {
        COUNT: c["total"],
        SAME_DAY_PCT: pct(c["same_day"], c["total"]),
        AVG_RESOLUTION_DAYS: hours / n / 24.0 if n else None,
        ON_TIME_PCT: pct(c["on_time"], c["closed"]),
        REOPENED_PCT: pct(c["reopened"], c["total"]),
    }


def shares(counts_by_key):
    """{key: % of the total} for a {key: count} (the channel shares)."""
    total = sum(counts_by_key.values())
    return {key: pct(count, total) for key, count in counts_by_key.items()}


def change(current, previous):
    """(difference, % change) of a metric against an earlier value; None where undefined."""
    if current is None or previous is None:
        return None, None
    diff = current - previous
    return diff, (100.0 * diff / previous if previous else None)


def days_late(deadline, on_day):
    """Whole days past the legal deadline on `on_day` (0 when not late)."""
    if not deadline:
        return 0
    return max(0, (parse_day(on_day) - parse_day(deadline)).days)


def month_starts(day, count=12):
    """The first days of the `count` months ending with the month of `day`, oldest first."""
    day = parse_day(day)
    year, month = day.year, day.month
    out = []
    for _i in range(count):
        out.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def tr_date(day):
    """The Turkish way to write a date: 31.12.2026."""
    day = parse_day(day)
    return "%02d.%02d.%04d" % (day.day, day.month, day.year)


def tr_number(value, digits=1):
    """1234.5 → "1.234,5" (Turkish separators); None → "-"."""
    if value is None:
        return "-"
    text = "{:,.{d}f}".format(value, d=digits)
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
