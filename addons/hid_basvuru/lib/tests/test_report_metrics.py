"""The report pack's maths and periods (plain Python)."""
import datetime

import pytest

from ..report_metrics import (
    AVG_RESOLUTION_DAYS, COUNT, ON_TIME_PCT, REOPENED_PCT, SAME_DAY_PCT, PeriodError, change,
    days_late, kpis, last_year_range, month_starts, pct, period_just_ended, period_range,
    previous_range, shares, tr_date, tr_number)

D = datetime.date


@pytest.mark.parametrize("period, day, expected", [
    ("day", "2026-03-15", (D(2026, 3, 15), D(2026, 3, 15))),
    ("week", "2026-03-15", (D(2026, 3, 9), D(2026, 3, 15))),   # a Sunday: its Monday
    ("week", "2026-03-09", (D(2026, 3, 9), D(2026, 3, 15))),
    ("month", "2024-02-10", (D(2024, 2, 1), D(2024, 2, 29))),
    ("month", "2026-12-31", (D(2026, 12, 1), D(2026, 12, 31))),
    ("year", "2026-07-01", (D(2026, 1, 1), D(2026, 12, 31))),
])
def test_period_range(period, day, expected):
    assert period_range(period, day) == expected


def test_previous_and_last_year():
    assert previous_range("day", "2026-01-01") == (D(2025, 12, 31), D(2025, 12, 31))
    assert previous_range("week", "2026-01-01") == (D(2025, 12, 22), D(2025, 12, 28))
    assert previous_range("month", "2026-03-31") == (D(2026, 2, 1), D(2026, 2, 28))
    assert previous_range("year", "2026-03-31") == (D(2025, 1, 1), D(2025, 12, 31))
    assert last_year_range("day", "2024-02-29") == (D(2023, 2, 28), D(2023, 2, 28))
    assert last_year_range("month", "2026-03-05") == (D(2025, 3, 1), D(2025, 3, 31))
    # ISO week 11 of 2026 → ISO week 11 of 2025 (a Monday to a Sunday)
    assert last_year_range("week", "2026-03-12") == (D(2025, 3, 10), D(2025, 3, 16))
    # week 53 of 2026 has no twin in 2025: its last week (52)
    assert last_year_range("week", "2026-12-31") == (D(2025, 12, 22), D(2025, 12, 28))


@pytest.mark.parametrize("period, today, expected", [
    ("day", "2026-03-10", (D(2026, 3, 9), D(2026, 3, 9))),
    ("week", "2026-03-09", (D(2026, 3, 2), D(2026, 3, 8))),      # Monday: last week
    ("month", "2026-03-01", (D(2026, 2, 1), D(2026, 2, 28))),    # the 1st: last month
    ("year", "2026-01-02", (D(2025, 1, 1), D(2025, 12, 31))),    # 2 January: last year
])
def test_period_just_ended(period, today, expected):
    assert period_just_ended(period, today) == expected


def test_bad_input():
    with pytest.raises(PeriodError):
        period_range("quarter", "2026-01-01")
    with pytest.raises(PeriodError):
        period_range("day", "2026-13-01")
    with pytest.raises(PeriodError):
        period_range("day", None)


def test_kpis():
    counts = {"total": 8, "same_day": 2, "closed": 5, "instant": 1,
              "resolution_hours": 96.0 + 48.0 + 24.0 + 72.0, "resolution_count": 4,
              "on_time": 4, "reopened": 1, "duplicate": 1, "sevk": 1, "open": 3}
    k = kpis(counts)
    assert k[COUNT] == 8
    assert k[SAME_DAY_PCT] == 25.0
    assert k[AVG_RESOLUTION_DAYS] == 2.5           # 240 h / 4 / 24
    assert k[ON_TIME_PCT] == 80.0                  # 4 of the 5 closed
    assert k[REOPENED_PCT] == 12.5


def test_kpis_of_nothing():
    k = kpis({})
    assert k[COUNT] == 0
    assert k[SAME_DAY_PCT] is None and k[AVG_RESOLUTION_DAYS] is None
    assert k[ON_TIME_PCT] is None and k[REOPENED_PCT] is None
    assert kpis({"total": 3, "closed": 0, "resolution_hours": None})[ON_TIME_PCT] is None


def test_shares_change_and_days_late():
    assert shares({"phone": 3, "web": 1}) == {"phone": 75.0, "web": 25.0}
    assert shares({}) == {}
    assert change(12, 10) == (2, 20.0)
    assert change(5, 0) == (5, None)
    assert change(None, 3) == (None, None)
    assert pct(1, 0) is None
    assert days_late("2026-03-01", "2026-03-11") == 10
    assert days_late("2026-03-11", "2026-03-01") == 0
    assert days_late(False, "2026-03-01") == 0


def test_month_starts_and_turkish_formats():
    months = month_starts("2026-02-17", 12)
    assert months[0] == D(2025, 3, 1) and months[-1] == D(2026, 2, 1) and len(months) == 12
    assert tr_date("2026-01-02") == "02.01.2026"
    assert tr_number(1234.56) == "1.234,6"
    assert tr_number(None) == "-"
    assert tr_number(7, 0) == "7"
