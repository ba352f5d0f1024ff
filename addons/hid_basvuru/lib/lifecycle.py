"""The life of an application, as one table: who may move it, from which stage, to which.

``TRANSITIONS`` maps (stage, action) to the roles that may take the action there, the stage
it leads to, and its preconditions.  Every action method of ``helpdesk.ticket`` asks
``check()`` before it writes anything, the form's buttons show ``allowed_actions()``, and
``check_write()`` decides what a plain ``write`` may change (an allow-list per role).

Roles are what the acting user *is* for one application: directorate roles come from the
user's groups (a director is staff and agent too, as the groups imply), müdürlük roles only
for a member of the müdürlük the application is routed to.  The registry clerk (evrak
kayıt) has no role here: they register documents, they do not move applications.
"""
import datetime

from .exceptions import HidLibError

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

# Stages: helpdesk.ticket.stage.code (data/helpdesk_ticket_stage_data.xml).
NEW = 'new'
ROUTED = 'routed'
IN_PROGRESS = 'in_progress'
ANSWERED = 'answered'
CLOSED = 'closed'
STAGES = (NEW, ROUTED, IN_PROGRESS, ANSWERED, CLOSED)
OPEN_STAGES = (NEW, ROUTED, IN_PROGRESS, ANSWERED)
# Reopening goes back to the müdürlük, or to the directorate when it never had one.
ROUTED_OR_NEW = 'routed_or_new'

# Roles.
AGENT = 'agent'                        # çağrı merkezi / danışma: registers, informs
STAFF = 'staff'                        # HİM personeli: routes, follows up, closes
DIRECTOR = 'director'                  # HİM müdürü
MUDURLUK_USER = 'mudurluk_user'        # a member of the application's müdürlük
MUDURLUK_MANAGER = 'mudurluk_manager'  # its manager (also a member)
ROLES = (AGENT, STAFF, DIRECTOR, MUDURLUK_USER, MUDURLUK_MANAGER)

# Actions (helpdesk.ticket.action_<name>, and ASSIGN: writing the assignee).
HAVALE = 'havale'
IADE = 'iade'
SEVK = 'sevk'
START = 'start'
ANSWER = 'answer'
CLOSE = 'close'
MARK_DUPLICATE = 'mark_duplicate'
REOPEN = 'reopen'
EXTEND = 'extend'
ASSIGN = 'assign'
ACTIONS = (HAVALE, IADE, SEVK, START, ANSWER, CLOSE, MARK_DUPLICATE, REOPEN, EXTEND, ASSIGN)

# Closure states (helpdesk.ticket.closure_state).
COZULDU = 'cozuldu'
BILGI_VERILDI = 'bilgi_verildi'
PROGRAMA_ALINDI = 'programa_alindi'
SEVK_EDILDI = 'sevk_edildi'
GEREKCELI_RET = 'gerekceli_ret'
MUKERRER = 'mukerrer'
CLOSURES = (COZULDU, BILGI_VERILDI, PROGRAMA_ALINDI, SEVK_EDILDI, GEREKCELI_RET, MUKERRER)
# Closure states that tell the citizen something: a written answer must exist.
ANSWER_REQUIRED = frozenset({COZULDU, BILGI_VERILDI, PROGRAMA_ALINDI, GEREKCELI_RET})

# Preconditions: names of facts the caller states about the application and the input.
P_TEAM = 'team'                      # a müdürlük to route to
P_REASON = 'reason'                  # a reason, not blank
P_ANSWER = 'answer'                  # an answer to the citizen, not blank
P_INSTITUTION = 'institution'        # the institution forwarded to, not blank
P_CLOSURE = 'closure'                # a closure state "Close" may give (not sevk_edildi)
P_ANSWER_IF_TOLD = 'answer_if_told'  # a closure that tells the citizen has an answer
P_ORIGINAL_IF_DUPLICATE = 'original_if_duplicate'  # mükerrer: linked to its original
P_ORIGINAL = 'original'              # the original is another application
P_REOPEN_WINDOW = 'reopen_window'    # closed no longer ago than the allowed days
P_MEMBER = 'member'                  # the assignee is a member of the müdürlük (or nobody)

# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

HIM = frozenset({STAFF, DIRECTOR})
DIRECTORATE = frozenset({AGENT, STAFF, DIRECTOR})
MUDURLUK = frozenset({MUDURLUK_USER, MUDURLUK_MANAGER})
MUDURLUK_OR_HIM = MUDURLUK | HIM
MANAGER_OR_HIM = frozenset({MUDURLUK_MANAGER}) | HIM


class Transition(object):
    """One row: who may take the action, where it leads (None: the stage stays), and what
    must hold first."""

    __slots__ = ('roles', 'next_stage', 'preconditions')

    def __init__(self, roles, next_stage, *preconditions):
        self.roles = frozenset(roles)
        self.next_stage = next_stage
        self.preconditions = preconditions

    def __repr__(self):
        return 'Transition(%s -> %s, %s)' % (
            sorted(self.roles), self.next_stage, self.preconditions)


_T = Transition
_CLOSE = (P_CLOSURE, P_ANSWER_IF_TOLD, P_ORIGINAL_IF_DUPLICATE)

TRANSITIONS = {
    # (stage, action):             Transition(roles, next stage, *preconditions)
    (NEW, HAVALE):                 _T(HIM, ROUTED, P_TEAM),
    (NEW, ANSWER):                 _T(HIM, ANSWERED, P_ANSWER),
    (NEW, SEVK):                   _T(HIM, CLOSED, P_INSTITUTION),
    (NEW, CLOSE):                  _T(HIM, CLOSED, *_CLOSE),
    (NEW, MARK_DUPLICATE):         _T(HIM, CLOSED, P_ORIGINAL),
    (NEW, EXTEND):                 _T(HIM, None, P_REASON),
    (NEW, ASSIGN):                 _T(HIM, None, P_MEMBER),

    (ROUTED, HAVALE):              _T(HIM, ROUTED, P_TEAM),
    (ROUTED, START):               _T(MUDURLUK, IN_PROGRESS),
    (ROUTED, ANSWER):              _T(MUDURLUK_OR_HIM, ANSWERED, P_ANSWER),
    (ROUTED, IADE):                _T(MUDURLUK_OR_HIM, NEW, P_REASON),
    (ROUTED, SEVK):                _T(HIM, CLOSED, P_INSTITUTION),
    (ROUTED, CLOSE):               _T(HIM, CLOSED, *_CLOSE),
    (ROUTED, MARK_DUPLICATE):      _T(HIM, CLOSED, P_ORIGINAL),
    (ROUTED, EXTEND):              _T(HIM, None, P_REASON),
    (ROUTED, ASSIGN):              _T(MANAGER_OR_HIM, None, P_MEMBER),

    (IN_PROGRESS, HAVALE):         _T(HIM, ROUTED, P_TEAM),
    (IN_PROGRESS, ANSWER):         _T(MUDURLUK_OR_HIM, ANSWERED, P_ANSWER),
    (IN_PROGRESS, IADE):           _T(MUDURLUK_OR_HIM, NEW, P_REASON),
    (IN_PROGRESS, SEVK):           _T(HIM, CLOSED, P_INSTITUTION),
    (IN_PROGRESS, CLOSE):          _T(HIM, CLOSED, *_CLOSE),
    (IN_PROGRESS, MARK_DUPLICATE): _T(HIM, CLOSED, P_ORIGINAL),
    (IN_PROGRESS, EXTEND):         _T(HIM, None, P_REASON),
    (IN_PROGRESS, ASSIGN):         _T(MANAGER_OR_HIM, None, P_MEMBER),

    (ANSWERED, HAVALE):            _T(HIM, ROUTED, P_TEAM),
    (ANSWERED, ANSWER):            _T(MUDURLUK_OR_HIM, ANSWERED, P_ANSWER),
    (ANSWERED, SEVK):              _T(HIM, CLOSED, P_INSTITUTION),
    (ANSWERED, CLOSE):             _T(HIM, CLOSED, *_CLOSE),
    (ANSWERED, MARK_DUPLICATE):    _T(HIM, CLOSED, P_ORIGINAL),
    (ANSWERED, EXTEND):            _T(HIM, None, P_REASON),
    (ANSWERED, ASSIGN):            _T(MANAGER_OR_HIM, None, P_MEMBER),

    (CLOSED, REOPEN):              _T(DIRECTORATE, ROUTED_OR_NEW, P_REASON, P_REOPEN_WINDOW),
}

# ---------------------------------------------------------------------------
# What a plain write may change (an allow-list per role)
# ---------------------------------------------------------------------------

# Workflow-neutral fields of helpdesk_mgmt's kanban (and the chatter's own fields, which the
# caller adds): every role that may write the application at all.
FREE_FIELDS = frozenset({'priority', 'kanban_state', 'color', 'tag_ids'})
# What the application is, where, and who sent it: the directorate's record of the intake.
INTAKE_FIELDS = frozenset({
    'name', 'description', 'received_date', 'basvuru_type_id', 'category_id', 'channel_id',
    'mahalle_id', 'address', 'latitude', 'longitude', 'confidential', 'anonymous',
    'kvkk_notice_given', 'partner_id', 'partner_name', 'partner_email', 'public_phone',
    'cimer_no', 'acik_kapi_no', 'evrak_no', 'fee_pause_ids', 'company_id',
})
# Fields that belong to an action: a plain write needs the action allowed at the stage.
FIELD_ACTIONS = {'answer': ANSWER, 'user_id': ASSIGN}
WORK_FIELDS = frozenset({'answer', 'attachment_ids'})
WRITABLE = {
    AGENT: FREE_FIELDS,
    MUDURLUK_USER: FREE_FIELDS | WORK_FIELDS,
    MUDURLUK_MANAGER: FREE_FIELDS | WORK_FIELDS | {'user_id'},
    STAFF: FREE_FIELDS | WORK_FIELDS | {'user_id'} | INTAKE_FIELDS,
    DIRECTOR: FREE_FIELDS | WORK_FIELDS | {'user_id'} | INTAKE_FIELDS,
}
# Changed only by the action methods (never by a plain write, whoever writes).
WORKFLOW_FIELDS = frozenset({
    'stage_id', 'team_id', 'closure_state', 'closure_note', 'closed_date', 'last_stage_update',
    'assigned_date', 'answer_date', 'answer_user_id', 'extended', 'extension_reason',
    'extension_date', 'reopen_count', 'duplicate_of_id', 'overdue_escalated',
})
# Never changed once given.
NEVER_FIELDS = frozenset({'number'})

# ---------------------------------------------------------------------------
# Errors (English %-templates; the Odoo glue translates them)
# ---------------------------------------------------------------------------

MSG_UNKNOWN_ACTION = 'Unknown action %(action)r.'
MSG_CLOSED = 'Application %(number)s is closed; reopen it first.'
MSG_NOT_CLOSED = 'Application %(number)s is not closed.'
MSG_WRONG_STAGE = 'Application %(number)s is at a stage where this action is not possible.'
MSG_NEVER = 'The tracking number of an application never changes.'
MSG_WORKFLOW = ('Stage, müdürlük, closure, extension and duplicate fields are set by the '
                'application\'s actions, not edited directly.')
MSG_FIELDS = 'You may not change these fields of application %(number)s: %(fields)s.'

# Who may not: one message per action (its allowed roles say who may).
DENIED = {
    HAVALE: 'Only the Public Relations staff route applications.',
    IADE: 'Only the müdürlük the application was routed to can return it.',
    SEVK: 'Only the Public Relations staff forward applications.',
    START: 'Only the müdürlük the application was routed to starts work on it.',
    ANSWER: 'Only the müdürlük the application was routed to, or the Public Relations '
            'staff, can answer it.',
    CLOSE: 'Only the Public Relations staff close applications.',
    MARK_DUPLICATE: 'Only the Public Relations staff close applications.',
    REOPEN: 'Only the Public Relations side reopens applications.',
    EXTEND: 'Only the Public Relations staff extend deadlines.',
    ASSIGN: 'Only the müdürlük\'s manager assigns its applications.',
}

# A precondition that does not hold: the message, by (action, precondition) or precondition.
UNMET = {
    (IADE, P_REASON): 'Give the reason for returning the application.',
    (REOPEN, P_REASON): 'Give the reason the citizen contests the result.',
    (EXTEND, P_REASON): 'A reason is required to extend the deadline.',
    P_TEAM: 'Choose the müdürlük to route the application to.',
    P_ANSWER: 'Write the answer to the citizen.',
    P_INSTITUTION: 'Give the institution the application is forwarded to.',
    P_CLOSURE: 'Choose how the application ends; to forward it to another institution use '
               '"Forward".',
    P_ANSWER_IF_TOLD: 'Application %(number)s has no answer to the citizen yet: a closure '
                      'must tell the citizen what was decided.',
    P_ORIGINAL_IF_DUPLICATE: 'Link application %(number)s to its original before closing '
                             'it as a duplicate.',
    P_ORIGINAL: 'An application cannot be a duplicate of itself.',
    P_REOPEN_WINDOW: 'Application %(number)s was closed more than %(days)d days ago; '
                     'register a new application instead.',
    P_MEMBER: 'The assignee of application %(number)s must be a member of its müdürlük.',
}


class LifecycleError(HidLibError):
    """The action is not possible now: wrong stage or a precondition that does not hold."""


class LifecycleDenied(LifecycleError):
    """The acting user's roles do not allow the action (or the field change) at all."""


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------

def _blank(value):
    return not (value.strip() if isinstance(value, str) else value)


def _holds(precondition, facts):
    """Whether `precondition` holds for `facts` (a dict the caller fills; see check())."""
    closure = facts.get('closure_state')
    if precondition == P_TEAM:
        return bool(facts.get('team'))
    if precondition in (P_REASON, P_ANSWER, P_INSTITUTION):
        return not _blank(facts.get(precondition))
    if precondition == P_CLOSURE:
        return closure in CLOSURES and closure != SEVK_EDILDI
    if precondition == P_ANSWER_IF_TOLD:
        return closure not in ANSWER_REQUIRED or not _blank(facts.get('answer'))
    if precondition == P_ORIGINAL_IF_DUPLICATE:
        return closure != MUKERRER or bool(facts.get('duplicate_of'))
    if precondition == P_ORIGINAL:
        return bool(facts.get('original'))
    if precondition == P_REOPEN_WINDOW:
        return reopen_allowed(facts.get('closed_at'), facts.get('now'),
                              facts.get('reopen_days'))
    if precondition == P_MEMBER:
        return bool(facts.get('assignee_is_member'))
    raise LifecycleError('Unknown precondition %(precondition)r.', precondition=precondition)


def reopen_allowed(closed_at, now, days):
    """A closed application may be contested for `days` days after it was closed."""
    if closed_at is None or now is None or days is None:
        return False
    return now - closed_at <= datetime.timedelta(days=days)


def transition(stage, action):
    """The row for (stage, action), or None when the action does not exist at that stage."""
    return TRANSITIONS.get((stage, action))


def allowed_actions(stage, roles):
    """Actions `roles` may take at `stage` (preconditions aside): what the form offers."""
    roles = frozenset(roles)
    return frozenset(action for (row_stage, action), row in TRANSITIONS.items()
                     if row_stage == stage and row.roles & roles)


def may(stage, action, roles):
    """True if `roles` may take `action` at `stage` (preconditions aside)."""
    row = transition(stage, action)
    return bool(row and row.roles & frozenset(roles))


def check(stage, action, roles, facts=None, preconditions=True):
    """The row for the action, or raise: LifecycleDenied when no role of the user may ever
    take it, or may not at this stage; LifecycleError for a wrong stage or an unmet
    precondition.  `facts` describe the application and the input (keys: number, team,
    reason, answer, institution, closure_state, duplicate_of, original, closed_at, now,
    reopen_days, assignee_is_member)."""
    if action not in ACTIONS:
        raise LifecycleError(MSG_UNKNOWN_ACTION, action=action)
    facts = facts or {}
    roles = frozenset(roles)
    number = facts.get('number') or ''
    if not any(row.roles & roles for (_stage, row_action), row in TRANSITIONS.items()
               if row_action == action):
        raise LifecycleDenied(DENIED[action])
    row = transition(stage, action)
    if row is None:
        if stage == CLOSED:
            raise LifecycleError(MSG_CLOSED, number=number)
        if action == REOPEN:
            raise LifecycleError(MSG_NOT_CLOSED, number=number)
        raise LifecycleError(MSG_WRONG_STAGE, number=number)
    if not row.roles & roles:
        raise LifecycleDenied(DENIED[action])
    if preconditions:
        for precondition in row.preconditions:
            if not _holds(precondition, facts):
                message = UNMET.get((action, precondition)) or UNMET[precondition]
                raise LifecycleError(message, number=number, days=facts.get('reopen_days') or 0)
    return row


def next_stage(stage, action, has_team=True):
    """The stage the action leads to from `stage` (the same stage for None rows)."""
    row = transition(stage, action)
    if row is None:
        raise LifecycleError(MSG_WRONG_STAGE, number='')
    if row.next_stage is None:
        return stage
    if row.next_stage == ROUTED_OR_NEW:
        return ROUTED if has_team else NEW
    return row.next_stage


# Actions that need no input beyond the decision itself: a plain "move to stage" may take them.
NO_INPUT_ACTIONS = (START,)


def action_to(stage, target, actions=NO_INPUT_ACTIONS):
    """The action among `actions` that leads from `stage` to `target`, or None."""
    for action in actions:
        row = transition(stage, action)
        if row and row.next_stage == target:
            return action
    return None


def writable_fields(roles):
    """The fields a plain write by someone with these roles may change (before stage rules)."""
    result = frozenset()
    for role in roles:
        result |= WRITABLE.get(role, frozenset())
    return result


def check_write(stage, roles, fields, facts=None):
    """Raise unless a plain write of `fields` is allowed to `roles` at `stage`.

    The tracking number never changes; workflow fields change only through the actions
    (LifecycleError); other fields must be in the roles' allow-list (LifecycleDenied), and a
    field that belongs to an action (the answer, the assignee) needs that action allowed at
    the stage — with its preconditions for the assignee."""
    fields = frozenset(fields)
    facts = facts or {}
    if fields & NEVER_FIELDS:
        raise LifecycleError(MSG_NEVER)
    if fields & WORKFLOW_FIELDS:
        raise LifecycleError(MSG_WORKFLOW)
    refused = fields - writable_fields(roles)
    if refused:
        raise LifecycleDenied(MSG_FIELDS, number=facts.get('number') or '',
                              fields=', '.join(sorted(refused)), refused=tuple(sorted(refused)))
    for field in sorted(fields & set(FIELD_ACTIONS)):
        action = FIELD_ACTIONS[field]
        check(stage, action, roles, facts, preconditions=(action == ASSIGN))
