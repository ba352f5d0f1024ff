"""One call from many PBX events: merging with upsert semantics.

A PBX reports one call in several events (ringing, answer, hangup, a CDR later, the nightly
CDR list again); they can arrive twice and out of order. Each adapter turns a provider's
event into a `CallEvent` (the same shape for every provider), and `merge` folds an event into
what we already know of the call so that

* the same event twice changes nothing (idempotent);
* the final call does not depend on the order of arrival: start and answer keep the earliest
  stamp, the end the latest; other values come from the most complete kind of event
  (cdr > hangup > answer > queue > ringing), a less complete one only fills gaps;
* `answered` once true stays true (an answer event is proof).

The status is derived, never sent: ringing / talking while the call is open; answered,
abandoned or short abandon (gave up within `short_abandon_seconds`) once it ended.
"""
import datetime

KIND_RANK = {"ringing": 1, "queue": 2, "answer": 3, "hangup": 4, "cdr": 5}
# Values that the most complete event decides (a lesser one only fills what is unknown).
RANKED_FIELDS = ("direction", "caller_number", "called_number", "extension", "queue",
                 "wait_seconds", "talk_seconds", "hold_seconds", "recording_url")
STATUSES = ("ringing", "talking", "answered", "abandoned", "short_abandon")


class CallEvent:
    """A provider event in our terms. Unknown values are None."""

    __slots__ = ("provider", "call_id", "kind", "direction", "caller_number",
                 "called_number", "extension", "queue", "start", "answer", "end",
                 "wait_seconds", "talk_seconds", "hold_seconds", "answered",
                 "recording_present", "recording_url")

    def __init__(self, provider, call_id, kind, **values):
        if kind not in KIND_RANK:
            raise ValueError("unknown event kind %r" % kind)
        self.provider, self.call_id, self.kind = provider, call_id, kind
        for name in self.__slots__[3:]:
            setattr(self, name, values.pop(name, None))
        if values:
            raise TypeError("unknown values: %s" % ", ".join(sorted(values)))

    @property
    def rank(self):
        return KIND_RANK[self.kind]

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self):
        return "CallEvent(%s)" % ", ".join(
            "%s=%r" % (k, v) for k, v in self.as_dict().items() if v is not None)


def _earliest(a, b):
    return min(x for x in (a, b) if x is not None) if (a or b) else None


def _latest(a, b):
    return max(x for x in (a, b) if x is not None) if (a or b) else None


def merge(state, event, short_abandon_seconds=5):
    """The call's new state (a dict) after `event`; `state` is the current one ({} if new).

    `state` keys: the CallEvent values plus `rank` (the most complete kind applied so far).
    """
    new = dict(state)
    rank = state.get("rank") or 0
    for name in RANKED_FIELDS:
        value = getattr(event, name)
        if value is None or value == "":
            continue
        if event.rank >= rank or new.get(name) in (None, ""):
            new[name] = value
    new["start"] = _earliest(state.get("start"), event.start)
    new["answer"] = _earliest(state.get("answer"), event.answer)
    new["end"] = _latest(state.get("end"), event.end)
    answered = state.get("answered")
    if event.kind == "answer" or event.answer is not None:
        answered = True
    elif event.answered is not None and answered is not True:
        answered = bool(event.answered)
    new["answered"] = answered
    if event.recording_present is not None:
        new["recording_present"] = bool(event.recording_present) or bool(
            state.get("recording_present"))
    if event.recording_url:
        new["recording_present"] = True
    new["rank"] = max(rank, event.rank)
    new["status"] = status(new, short_abandon_seconds)
    if new["status"] in ("abandoned", "short_abandon") and new.get("wait_seconds") is None:
        new["wait_seconds"] = _seconds(new.get("start"), new.get("end"))
    if new.get("answered") and new.get("wait_seconds") is None and new.get("answer"):
        new["wait_seconds"] = _seconds(new.get("start"), new.get("answer"))
    return new


def _seconds(a, b):
    if a is None or b is None:
        return None
    return max(0, int((b - a).total_seconds()))


def ended(state):
    return state.get("end") is not None or (state.get("rank") or 0) >= KIND_RANK["hangup"]


def status(state, short_abandon_seconds=5):
    """ringing / talking / answered / abandoned / short_abandon, from the merged values."""
    if not ended(state):
        return "talking" if state.get("answered") else "ringing"
    if state.get("answered") or state.get("talk_seconds"):
        return "answered"
    waited = state.get("wait_seconds")
    if waited is None:
        waited = _seconds(state.get("start"), state.get("end"))
    if waited is not None and waited < short_abandon_seconds:
        return "short_abandon"
    return "abandoned"


# ---------------------------------------------------------------------------
# Small parsers shared by the adapters
# ---------------------------------------------------------------------------

ISTANBUL = datetime.timezone(datetime.timedelta(hours=3))  # no DST in Turkey since 2016


def parse_stamp(text, default_tz=ISTANBUL):
    """'2016-01-01 00:00:00' (Istanbul time), '2017-08-03 12:30:32 +0300' or ISO 8601 →
    naive UTC datetime (as Odoo stores), None for empty; ValueError for anything else."""
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M:%S"):
        try:
            value = datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if value.tzinfo is None:
            value = value.replace(tzinfo=default_tz)
        return value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    raise ValueError("bad time stamp %r" % text)


def parse_millis(text):
    """Unix time in milliseconds ('1652080580926') → naive UTC datetime; None for empty."""
    if text in (None, ""):
        return None
    value = int(str(text).strip())
    return datetime.datetime.utcfromtimestamp(value / 1000.0)


def parse_seconds(text):
    """'35', 35 or '00:01:05' → seconds; None for empty; ValueError otherwise."""
    if text in (None, ""):
        return None
    if isinstance(text, (int, float)):
        if text < 0:
            raise ValueError("negative duration")
        return int(text)
    text = str(text).strip()
    if ":" in text:
        parts = [int(p) for p in text.split(":")]
        if len(parts) != 3 or any(p < 0 for p in parts):
            raise ValueError("bad duration %r" % text)
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    value = int(float(text))
    if value < 0:
        raise ValueError("negative duration")
    return value


def parse_bool(text):
    if text in (None, ""):
        return None
    if isinstance(text, bool):
        return text
    text = str(text).strip().lower()
    if text in ("true", "1", "yes", "evet"):
        return True
    if text in ("false", "0", "no", "hayir", "hayır"):
        return False
    raise ValueError("bad boolean %r" % text)
