"""The satisfaction survey after a closure: who gets one, when, with which token, and what an
answer leads to; and the figures (CSAT, confirmation, reopen and response rates).

Plain Python on purpose (no ORM): the Odoo glue in models/ asks these functions.
"""
import datetime
import hashlib
import hmac
import secrets

# Closure states (hid_basvuru lib/lifecycle.py) that never get a satisfaction survey: a
# duplicate is answered on its original, a forwarded one was answered by another institution.
NEVER_CLOSURES = frozenset({'mukerrer', 'sevk_edildi'})

# Answers to "Sorununuz çözüldü mü?".
EVET = 'evet'
KISMEN = 'kismen'
HAYIR = 'hayir'
SOLVED = (EVET, KISMEN, HAYIR)
SCORES = (1, 2, 3, 4, 5)
# Satisfied: a score of 4 or 5 (CSAT is their share among the answers).
SATISFIED = frozenset({4, 5})

# What a "Hayır" leads to.
REOPEN = 'reopen'
REVIEW = 'review'

# Token: 32 random bytes, URL-safe (43 characters); only its SHA-256 is stored.
TOKEN_BYTES = 32
COMMENT_LIMIT = 2000


class AnswerError(ValueError):
    """An answer that cannot be recorded; `message` is an English text to translate."""

    def __init__(self, message, field=None):
        self.message = message
        self.field = field
        super().__init__(message)


def eligible(closure_state, anonymous, has_citizen):
    """Whether a closure gets a satisfaction survey at all (delay and opt-out aside)."""
    return bool(closure_state) and closure_state not in NEVER_CLOSURES \
        and not anonymous and has_citizen


def send_date(closed_at, delay_days):
    """The day the survey goes out: `delay_days` after the closure (a date)."""
    if isinstance(closed_at, datetime.datetime):
        closed_at = closed_at.date()
    return closed_at + datetime.timedelta(days=max(int(delay_days or 0), 0))


def reminder_due(sent_at, now, reminder_days, reminded):
    """A single reminder, `reminder_days` after the first message, never a second one."""
    if reminded or sent_at is None or not reminder_days:
        return False
    return now - sent_at >= datetime.timedelta(days=reminder_days)


def new_token():
    """An unguessable token for the link (secrets: 256 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token):
    """What is stored of a token: its SHA-256, hex (the token itself is never stored)."""
    return hashlib.sha256((token or '').encode('utf-8')).hexdigest()


def token_matches(token, stored_hash):
    """Constant-time comparison of a presented token with a stored hash."""
    return bool(token and stored_hash) and hmac.compare_digest(token_hash(token), stored_hash)


def looks_like_token(token):
    """Cheap shape check before any lookup: URL-safe characters, the length we issue."""
    allowed = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
    return isinstance(token, str) and 20 <= len(token) <= 64 and set(token) <= allowed


def clean_answer(solved, score, comment):
    """(solved, score, comment) checked and normalised, or AnswerError."""
    if solved not in SOLVED:
        raise AnswerError('Tell us whether your problem was solved.', 'solved')
    try:
        score = int(score)
    except (TypeError, ValueError):
        raise AnswerError('Give a score from 1 to 5.', 'score')
    if score not in SCORES:
        raise AnswerError('Give a score from 1 to 5.', 'score')
    comment = (comment or '').strip()
    if len(comment) > COMMENT_LIMIT:
        raise AnswerError('The comment is too long (at most 2000 characters).', 'comment')
    return solved, score, comment


def outcome(solved, closed_at, now, reopen_days):
    """What a "Hayır" leads to: REOPEN within the reopen window, REVIEW after it; else None."""
    if solved != HAYIR:
        return None
    if closed_at is not None and now is not None and reopen_days is not None \
            and now - closed_at <= datetime.timedelta(days=reopen_days):
        return REOPEN
    return REVIEW


def figures(rows):
    """Figures of a set of surveys sent: rows of dicts with keys answered (bool), score,
    solved, reopened.  Rates in percent (None without a base); a satisfaction figure always
    comes with the response rate it rests on."""
    sent = len(rows)
    answered = [row for row in rows if row.get('answered')]
    n = len(answered)

    def rate(count, base):
        return round(100.0 * count / base, 1) if base else None

    return {
        'sent': sent,
        'answered': n,
        'response_rate': rate(n, sent),
        'csat': rate(sum(1 for row in answered if row.get('score') in SATISFIED), n),
        'solved_rate': rate(sum(1 for row in answered if row.get('solved') == EVET), n),
        'reopen_rate': rate(sum(1 for row in answered if row.get('reopened')), n),
    }
