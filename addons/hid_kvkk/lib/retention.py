# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Retention rules without the ORM: which kinds of record exist, from which date each is
counted, what may be done to it, the cut-off date of a period, the 30-day answer deadline of
a data-subject request and its traffic light."""
import calendar
import datetime

# kind -> (the dates it may be counted from, the actions allowed). Applications and citizens
# are anonymised, never deleted: the reports count them and the archive law keeps the files.
KINDS = {
    "application": (("closure", "creation"), ("anonymise",)),
    "citizen": (("last_contact", "creation"), ("anonymise",)),
    "call": (("creation",), ("anonymise",)),
    "call_recording": (("creation",), ("delete",)),
    "visit": (("creation",), ("anonymise", "delete")),
    "event_visit": (("creation",), ("anonymise", "delete")),
    "sms": (("creation", "sent"), ("anonymise", "delete")),
    "survey_answer": (("creation", "answer"), ("anonymise",)),
    "document_scan": (("creation",), ("delete",)),
    # Failed and successful logins with the address they came from (auth_brute_force): kept
    # for the security of the system, then deleted; no statistics need them.
    "login_attempt": (("creation",), ("delete",)),
}

UNITS = ("months", "years")

# Working days are not counted: KVKK md. 13 gives thirty (calendar) days.
REQUEST_DAYS = 30
# The light turns amber this many days before the deadline.
WARN_DAYS = 7


class RetentionError(ValueError):
    """A rule that cannot be applied; `key` names the message the addon translates."""

    def __init__(self, key, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def check_rule(kind, date_from, action, period, unit):
    """Raise RetentionError unless the combination may be applied."""
    if kind not in KINDS:
        raise RetentionError("kind")
    dates, actions = KINDS[kind]
    if date_from not in dates:
        raise RetentionError("date_from")
    if action not in actions:
        raise RetentionError("action")
    if unit not in UNITS:
        raise RetentionError("unit")
    if not isinstance(period, int) or period < 1 or period > 100 * (12 if unit == "months" else 1):
        raise RetentionError("period")


def add_months(day, months):
    """`day` moved by `months` (negative: back), the day clamped to the month's length."""
    month0 = day.month - 1 + months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def cutoff(now, period, unit):
    """The moment before which a record is expired: `now` minus the period. A record whose
    date is strictly earlier than this is due."""
    months = period * 12 if unit == "years" else period
    return add_months(now, -months)


def request_deadline(received):
    """The last day of the answer: thirty days after the day received."""
    return received + datetime.timedelta(days=REQUEST_DAYS)


def request_light(deadline, today, answered):
    """'done' once answered; otherwise 'green', 'amber' (within WARN_DAYS) or 'red' (past)."""
    if answered:
        return "done"
    if deadline is None:
        return "green"
    if today > deadline:
        return "red"
    if (deadline - today).days <= WARN_DAYS:
        return "amber"
    return "green"


def anonymous_name(partner_id):
    """The name an anonymised citizen card keeps."""
    return "Anonim vatandaş #%d" % partner_id
