# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytest
import pytz

from ..tr_dates import tr_date, tr_datetime


@pytest.mark.parametrize("value, text", [
    ("2026-12-31", "31.12.2026"),
    (datetime.date(2026, 1, 5), "05.01.2026"),
    (datetime.datetime(2026, 3, 9, 23, 30), "09.03.2026"),
    ("2026-02-01 22:15:00", "01.02.2026"),
    (False, ""),
    (None, ""),
])
def test_tr_date(value, text):
    assert tr_date(value) == text


@pytest.mark.parametrize("value, text", [
    # UTC+3 all year since 2016
    ("2026-12-31 11:05:00", "31.12.2026 14:05"),
    ("2026-12-31 22:30:59", "01.01.2027 01:30"),  # a new day (and year) in Istanbul
    ("2026-07-01 00:00:00.123456", "01.07.2026 03:00"),
    (datetime.datetime(2026, 5, 19, 6, 0), "19.05.2026 09:00"),
    (pytz.timezone("Europe/Istanbul").localize(datetime.datetime(2026, 5, 19, 9, 0)),
     "19.05.2026 09:00"),
    (False, ""),
])
def test_tr_datetime(value, text):
    assert tr_datetime(value) == text


def test_not_a_date():
    with pytest.raises(ValueError):
        tr_datetime("31/12/2026")
