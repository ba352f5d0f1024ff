# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
import datetime

import pytest

from lib import retention as r

D = datetime.date
DT = datetime.datetime


def test_cutoff_months_and_years():
    assert r.cutoff(DT(2026, 12, 2, 3, 0), 24, "months") == DT(2024, 12, 2, 3, 0)
    assert r.cutoff(DT(2026, 12, 2), 2, "years") == DT(2024, 12, 2)
    assert r.cutoff(DT(2026, 3, 31), 1, "months") == DT(2026, 2, 28)
    assert r.cutoff(DT(2028, 2, 29), 1, "years") == DT(2027, 2, 28)
    assert r.cutoff(DT(2026, 1, 15), 13, "months") == DT(2024, 12, 15)


def test_add_months_forward():
    assert r.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert r.add_months(D(2026, 11, 30), 2) == D(2027, 1, 30)


@pytest.mark.parametrize("args,key", [
    (("nothing", "creation", "delete", 1, "years"), "kind"),
    (("application", "sent", "anonymise", 1, "years"), "date_from"),
    (("application", "closure", "delete", 1, "years"), "action"),
    (("citizen", "last_contact", "delete", 1, "years"), "action"),
    (("sms", "sent", "delete", 1, "weeks"), "unit"),
    (("sms", "sent", "delete", 0, "years"), "period"),
    (("sms", "sent", "delete", 101, "years"), "period"),
])
def test_bad_rules(args, key):
    with pytest.raises(r.RetentionError) as err:
        r.check_rule(*args)
    assert err.value.key == key


def test_good_rules():
    for kind, (dates, actions) in r.KINDS.items():
        for date_from in dates:
            for action in actions:
                r.check_rule(kind, date_from, action, 6, "months")


def test_request_deadline_and_light():
    received = D(2026, 11, 2)
    deadline = r.request_deadline(received)
    assert deadline == D(2026, 12, 2)
    assert r.request_light(deadline, D(2026, 11, 20), False) == "green"
    assert r.request_light(deadline, D(2026, 11, 25), False) == "amber"
    assert r.request_light(deadline, D(2026, 12, 2), False) == "amber"
    assert r.request_light(deadline, D(2026, 12, 3), False) == "red"
    assert r.request_light(deadline, D(2026, 12, 3), True) == "done"


def test_anonymous_name():
    assert r.anonymous_name(42) == "Anonim vatandaş #42"
