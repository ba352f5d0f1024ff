"""Legal answer deadlines of applications to a Turkish municipality.

Legal bases:

* 3071 (Dilekçe Hakkı): a reasoned answer within 30 calendar days.
* 4982 (Bilgi Edinme): 15 working days; extendable once to 30 working days in
  total, only if decided (with a reason) within the first 15 working days.  The
  clock stops while a fee (ücret) is pending and resumes when it is paid.
* Açık Kapı: 7 calendar days.
* CİMER: 30 calendar days (a bilgi edinme request through CİMER follows 4982).
* Internal: no legal deadline, only the internal per-category target.

A calendar-day deadline that ends on a non-working day (weekend, public or
extra holiday) ends on the next working day, as Turkish procedural practice
extends a period that expires on a holiday to the following working day.
"""
import datetime

from .exceptions import DeadlineError
from .workdays import ONE_DAY, to_date

LAW_3071 = '3071'
LAW_4982 = '4982'
ACIK_KAPI = 'acik_kapi'
CIMER = 'cimer'
INTERNAL = 'internal'
BASES = (LAW_3071, LAW_4982, ACIK_KAPI, CIMER, INTERNAL)

CALENDAR_DAY_LIMITS = {LAW_3071: 30, ACIK_KAPI: 7, CIMER: 30}
WORKDAYS_4982 = 15
WORKDAYS_4982_EXTENDED = 30

CHANNEL_CIMER = 'cimer'
CHANNEL_ACIK_KAPI = 'acik_kapi'
TYPE_BILGI_EDINME = 'bilgi_edinme'
TYPE_TESEKKUR = 'tesekkur'

STATE_NONE = 'none'
STATE_ON_TIME = 'on_time'
STATE_DUE_SOON = 'due_soon'
STATE_OVERDUE = 'overdue'


def legal_basis_for(channel_code, type_code):
    """Which law sets the answer deadline of an application, from its channel and type.

    Order matters: a bilgi edinme request is always 4982 (also via CİMER); then
    the CİMER and Açık Kapı channels have their own deadlines, even for a
    thank-you, because those platforms expect every application to be closed
    with an answer.  Any other thank-you (teşekkür) is INTERNAL: it asks for
    nothing, so there is no request to decide and no 3071 reasoned answer due;
    only the internal target (acknowledgement) applies.  Everything else is 3071.
    """
    if type_code == TYPE_BILGI_EDINME:
        return LAW_4982
    if channel_code == CHANNEL_CIMER:
        return CIMER
    if channel_code == CHANNEL_ACIK_KAPI:
        return ACIK_KAPI
    if type_code == TYPE_TESEKKUR:
        return INTERNAL
    return LAW_3071


def _check_basis(basis):
    """Fail loudly on an unknown legal basis instead of silently computing nothing."""
    if basis not in BASES:
        raise DeadlineError('Unknown legal basis %(basis)r.', basis=basis)


def _clean_pauses(pauses):
    """Validate fee pauses as (start, end-or-None) date pairs; end is the day the clock resumes."""
    cleaned = []
    for pause in pauses:
        try:
            start, end = pause
        except (TypeError, ValueError):
            raise DeadlineError('A fee pause must be a (start, end) pair, got %(pause)r.',
                                pause=pause) from None
        start = to_date(start)
        end = None if end is None else to_date(end)
        if end is not None and end < start:
            raise DeadlineError('A fee pause cannot end (%(end)s) before it starts (%(start)s).',
                                start=start, end=end)
        cleaned.append((start, end))
    return cleaned


def _is_paused(d, pauses):
    """True if the 4982 clock is stopped on `d` (a fee pending from start until end, exclusive)."""
    return any(start <= d < end for start, end in pauses)


def _count_4982(received, n, calendar, pauses):
    """The n-th working day after `received`, skipping the working days on which a fee was pending.

    For a pause [a, b) starting after `received` this equals the unpaused
    deadline shifted by the working days in [a, b).  Overlapping pauses are not
    counted twice, and a pause starting after the clock already ran out does
    not move the deadline.
    """
    d = received
    remaining = n
    while remaining:
        d += ONE_DAY
        if calendar.is_workday(d) and not _is_paused(d, pauses):
            remaining -= 1
    return d


def legal_deadline(basis, received, calendar, extended=False, pauses=()):
    """Last day of the legal answer period, or None when there is none or it is suspended.

    `pauses` are (start, end) dates during which a 4982 fee was pending; an end
    of None means it is still pending, so the deadline is suspended (None).
    """
    _check_basis(basis)
    received = to_date(received)
    pauses = _clean_pauses(pauses)
    if basis != LAW_4982 and extended:
        raise DeadlineError('Only information requests under Law 4982 can be extended.')
    if basis != LAW_4982 and pauses:
        raise DeadlineError('Only information requests under Law 4982 can be paused for a fee.')
    if basis == INTERNAL:
        return None
    if basis == LAW_4982:
        if any(end is None for _start, end in pauses):
            return None
        limit = WORKDAYS_4982_EXTENDED if extended else WORKDAYS_4982
        return _count_4982(received, limit, calendar, pauses)
    last_day = received + datetime.timedelta(days=CALENDAR_DAY_LIMITS[basis])
    return calendar.next_workday(last_day)


def _extension_problem(basis, received, calendar, on_date, already_extended, pauses):
    """Why a 4982 extension decided on `on_date` is not allowed, as (message, params), or None."""
    _check_basis(basis)
    if basis != LAW_4982:
        return 'Only information requests under Law 4982 can be extended.', {}
    if already_extended:
        return 'The deadline has already been extended once; it cannot be extended again.', {}
    received, on_date = to_date(received), to_date(on_date)
    if on_date < received:
        return ('The extension date %(on_date)s is before the application date %(received)s.',
                {'on_date': on_date, 'received': received})
    last_day = legal_deadline(LAW_4982, received, calendar, pauses=pauses)
    if last_day is not None and on_date > last_day:
        # last_day None: a fee is pending, the clock is stopped, the 15 days are not over.
        return ('The extension must be decided within the first 15 working days, '
                'i.e. by %(last_day)s.', {'last_day': last_day})
    return None


def can_extend(basis, received, calendar, on_date, already_extended, pauses=()):
    """True if a 4982 deadline may still be extended on `on_date` (the reason is checked later)."""
    return _extension_problem(basis, received, calendar, on_date, already_extended,
                              pauses) is None


def check_extension(basis, received, calendar, on_date, already_extended, reason, pauses=()):
    """Raise DeadlineError unless the 4982 extension is allowed on `on_date` with this reason."""
    problem = _extension_problem(basis, received, calendar, on_date, already_extended, pauses)
    if problem is not None:
        message, params = problem
        raise DeadlineError(message, **params)
    if not reason or not str(reason).strip():
        raise DeadlineError('A reason is required to extend the deadline.')


def internal_target(received_dt, target_hours):
    """Internal per-category target: received time plus `target_hours` calendar hours, or None."""
    if not target_hours:
        return None
    if isinstance(target_hours, bool) or not isinstance(target_hours, (int, float)) \
            or target_hours < 0:
        raise DeadlineError('The target must be a positive number of hours, got %(hours)r.',
                            hours=target_hours)
    if isinstance(received_dt, datetime.datetime):
        start = received_dt
    elif isinstance(received_dt, datetime.date):
        start = datetime.datetime.combine(received_dt, datetime.time.min)
    else:
        raise DeadlineError('Expected a date or datetime, got %(value)r.', value=received_dt)
    return start + datetime.timedelta(hours=target_hours)


# The traffic lights: the legal deadline (a date) is "due soon" on its last two days (today
# or tomorrow); the internal target (a datetime) is only on time or overdue.
LEGAL_SOON_DAYS = 2
TARGET_SOON_DAYS = 0


def _check_soon_days(soon_days):
    if isinstance(soon_days, bool) or not isinstance(soon_days, int) or soon_days < 0:
        raise DeadlineError('soon_days must be a non-negative integer, got %(n)r.', n=soon_days)


def state_thresholds(today, soon_days):
    """(overdue_before, due_soon_before): a deadline earlier than the first is overdue, one
    earlier than the second is due soon, any other is on time.

    The one statement of the rule: deadline_state() applies it to one deadline, the
    set-based cron to every open application in SQL (see deadline_state_sql()).  A date
    `today` gives dates (soon_days calendar days), a datetime gives datetimes (soon_days
    * 24 hours)."""
    _check_soon_days(soon_days)
    return today, today + datetime.timedelta(days=soon_days)


def deadline_state(deadline, today, soon_days=LEGAL_SOON_DAYS, closed=False):
    """Traffic light of a deadline: 'none', 'on_time', 'due_soon' or 'overdue'.

    Dates: 'due_soon' when the deadline is within `soon_days` calendar days
    counting today (soon_days=2: due today or tomorrow); 'overdue' once today is
    past it.  If both values are datetimes they are compared exactly, 'due_soon'
    meaning less than `soon_days` * 24 hours left.  If only one is a datetime,
    both are compared as dates.  A closed application has no deadline any more.
    """
    _check_soon_days(soon_days)
    if closed or deadline is None:
        return STATE_NONE
    both_datetimes = (isinstance(deadline, datetime.datetime)
                      and isinstance(today, datetime.datetime))
    if not both_datetimes:
        deadline, today = to_date(deadline), to_date(today)
    overdue_before, due_soon_before = state_thresholds(today, soon_days)
    if deadline < overdue_before:
        return STATE_OVERDUE
    if deadline < due_soon_before:
        return STATE_DUE_SOON
    return STATE_ON_TIME


def deadline_state_sql(column, closed_sql, key):
    """The SQL CASE expression of deadline_state() for `column`, with the placeholders
    %(<key>_overdue)s and %(<key>_soon)s filled by deadline_state_params(key, ...).

    `column` and `closed_sql` are SQL written by the caller (never user input)."""
    return ("CASE WHEN {closed} OR {col} IS NULL THEN '{none}' "
            "WHEN {col} < %({key}_overdue)s THEN '{overdue}' "
            "WHEN {col} < %({key}_soon)s THEN '{soon}' "
            "ELSE '{on_time}' END").format(closed=closed_sql, col=column, key=key,
                                           none=STATE_NONE, overdue=STATE_OVERDUE,
                                           soon=STATE_DUE_SOON, on_time=STATE_ON_TIME)


def deadline_state_params(key, today, soon_days):
    """The parameters of deadline_state_sql(…, key) for `today` (a date or a datetime)."""
    overdue_before, due_soon_before = state_thresholds(today, soon_days)
    return {'%s_overdue' % key: overdue_before, '%s_soon' % key: due_soon_before}


# What a change can move: the set-based code asks only for the cases these rules name.
_WINDOW_KEYS = ('legal_overdue', 'legal_soon', 'target_overdue', 'target_soon')


def changed_window(last, current):
    """The deadlines whose traffic light can differ between two runs of the cron.

    `last` and `current` are the thresholds of deadline_state_params() for the "legal" and
    "target" keys as ISO strings (dates, and datetimes as 'YYYY-MM-DD HH:MM:SS').  A light
    depends on a deadline only through "deadline < overdue threshold" and "deadline < due-soon
    threshold", so between two runs it can change only for a deadline that one of the two
    thresholds passed: from the lower to the higher value of that threshold (lower
    inclusive, higher exclusive).  Returns, for each key, the range its overdue threshold
    swept ('<key>_lo', '<key>_hi') and the one its due-soon threshold swept
    ('<key>_soon_lo', '<key>_soon_hi'); a threshold that did not move sweeps an empty range
    (lo == hi: on the same day no legal light can change).  None when there is no usable
    last run (then every case must be looked at).  Works whichever way the clock moved."""
    if not isinstance(last, dict) or any(not isinstance(last.get(k), str) for k in _WINDOW_KEYS):
        return None
    if any(len(last[k]) != len(current[k]) for k in _WINDOW_KEYS):
        return None
    window = {}
    for key in ('legal', 'target'):
        for threshold, prefix in (('overdue', key), ('soon', key + '_soon')):
            values = (last['%s_%s' % (key, threshold)], current['%s_%s' % (key, threshold)])
            window[prefix + '_lo'], window[prefix + '_hi'] = min(values), max(values)
    return window


def holiday_can_move(received_day, deadline, changed_day):
    """Whether adding, removing or moving a non-working / working day on `changed_day` can
    change a legal deadline: only one counted from on or before that day (received on or
    before it) and not already over before it (deadline on or after it).  A case with no
    deadline (none applies, or a 4982 fee pause suspends it) is not moved: a pause's end
    recomputes the deadline on the calendar of that moment."""
    changed_day = _day(changed_day)
    if deadline is None or _day(received_day) > changed_day:
        return False
    return _day(deadline) >= changed_day


def _day(value):
    """A date from a date, a datetime or an ISO 'YYYY-MM-DD' string (Odoo's Date values)."""
    if isinstance(value, str):
        try:
            return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date()
        except ValueError:
            raise DeadlineError('Expected a date, got %(value)r.', value=value) from None
    return to_date(value)
