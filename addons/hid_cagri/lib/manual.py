"""Calls logged by hand (PBX down, not yet connected, a desk phone or a mobile outside the
PBX): the checks of what the agent types and the call's state from it, in plain Python.

A manual call is an answered call (someone spoke with the citizen) of the duration the agent
gives, with no wait time (nobody measured one), no queue, no PBX id and no recording. The KPIs
count it as offered and answered, in AHT and FCR, and leave it out of ASA and the service level
(lib/kpi.py).
"""
import datetime

from .exceptions import CagriError

DIRECTIONS = ("inbound", "outbound")
MAX_DURATION = 4 * 3600  # seconds: a longer call is a typing error
FUTURE_SLACK = datetime.timedelta(minutes=5)
MAX_AGE = datetime.timedelta(days=7)

MSG_DIRECTION = "Choose whether the call was inbound or outbound."
MSG_NUMBER = "Enter the citizen's telephone number."
MSG_DURATION = "The duration of the call must be between 0 and %(max)s minutes."
MSG_FUTURE = "The time of the call is in the future."
MSG_OLD = "A call can be logged by hand at most %(days)s days after it took place."
MSG_NOT_OWN = "Only the agent who logged a call by hand may change it."
MSG_NOT_TODAY = "A call logged by hand can be changed only on the day it was logged."


class ManualCallError(CagriError):
    """What the agent typed for a manual call cannot be stored."""


def call_state(direction, number, start, duration, now):
    """The columns of a manual call: `number` already in E.164 (or as typed when it is not a
    telephone number: the caller checks it), `start` and `now` naive UTC datetimes."""
    if direction not in DIRECTIONS:
        raise ManualCallError(MSG_DIRECTION)
    if not number:
        raise ManualCallError(MSG_NUMBER)
    duration = duration or 0
    if not isinstance(duration, int) or isinstance(duration, bool) or \
            not 0 <= duration <= MAX_DURATION:
        raise ManualCallError(MSG_DURATION, max=MAX_DURATION // 60)
    start = start or now
    if start > now + FUTURE_SLACK:
        raise ManualCallError(MSG_FUTURE)
    if start < now - MAX_AGE:
        raise ManualCallError(MSG_OLD, days=MAX_AGE.days)
    inbound = direction == "inbound"
    return {
        "direction": direction,
        "caller_number": number if inbound else False,
        "called_number": False if inbound else number,
        "start_time": start,
        "answer_time": start,
        "end_time": start + datetime.timedelta(seconds=duration),
        "wait_seconds": 0,
        "talk_seconds": duration,
        "hold_seconds": 0,
        "answered": True,
        "status": "answered",
    }


def check_may_edit(is_owner, logged_day, today, is_supervisor):
    """An agent changes his own manual call on the day he logged it (local days); a
    supervisor any manual call, as he does the PBX calls."""
    if is_supervisor:
        return
    if not is_owner:
        raise ManualCallError(MSG_NOT_OWN)
    if logged_day != today:
        raise ManualCallError(MSG_NOT_TODAY)
