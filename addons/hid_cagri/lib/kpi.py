"""Call-centre KPIs: the definitions, once, in plain Python.

The database sums per bucket (hour, day, agent, queue) in one set-based query; `ratios` turns
those sums into the KPIs, and `sums` computes the same sums from a list of calls (the
reference the SQL is tested against, and the unit tests' known data).

Definitions (inbound calls that ended):
* offered: every such call; short abandons (gave up within the threshold, usually a wrong
  number or a hang-up in the greeting) are counted apart and excluded from every rate;
* answered % = answered / (offered − short abandons); abandoned % likewise;
* ASA (average speed of answer) = mean wait of the answered calls, in seconds;
* service level = answered within `SL_SECONDS` (20 s) / (offered − short abandons),
  target `SL_TARGET` (80 %);
* calls logged by hand (lib/manual.py: PBX down, a desk phone) are offered and answered,
  with their duration in AHT and in FCR; nobody measured their wait, so they are left out
  of ASA and of the service level (numerator and denominator), and counted as `manual`;
* AHT (average handling time) = mean talk + hold seconds of the answered calls;
* FCR (first-call resolution) = answered calls after which the same number did not call
  again within `FCR_DAYS` (7 days) / answered calls;
* callbacks = abandoned calls that an outbound call returned (its callback link) /
  abandoned calls.
"""
import datetime

SL_SECONDS = 20
SL_TARGET = 80.0
FCR_DAYS = 7
SUM_KEYS = ("offered", "short_abandoned", "answered", "abandoned", "wait_answered",
            "within_sl", "handle_answered", "fcr", "called_back", "manual")


def _pct(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


def _avg(total, count):
    return round(float(total) / count, 1) if count else 0.0


def ratios(s):
    """KPIs of one bucket from its sums (a dict with SUM_KEYS)."""
    effective = s["offered"] - s["short_abandoned"]
    measured = effective - s["manual"]  # the calls whose wait is known
    return {
        "offered": s["offered"],
        "short_abandoned": s["short_abandoned"],
        "answered": s["answered"],
        "abandoned": s["abandoned"],
        "answered_pct": _pct(s["answered"], effective),
        "abandoned_pct": _pct(s["abandoned"], effective),
        "asa": _avg(s["wait_answered"], s["answered"] - s["manual"]),
        "service_level": _pct(s["within_sl"], measured),
        "service_level_met": _pct(s["within_sl"], measured) >= SL_TARGET if measured else True,
        "aht": _avg(s["handle_answered"], s["answered"]),
        "fcr_pct": _pct(s["fcr"], s["answered"]),
        "callbacks": s["called_back"],
        "callback_pct": _pct(s["called_back"], s["abandoned"]),
        "manual": s["manual"],
    }


def bucket_of(call, group_by):
    start = call["start"]
    if group_by == "hour":
        return start.hour
    if group_by == "day":
        return start.date()
    return call.get(group_by)


def sums(calls, group_by="day"):
    """{bucket: sums} from calls (dicts: direction, status, start (datetime), caller_number,
    wait_seconds, talk_seconds, hold_seconds, agent, queue, id, callback_of; manual: True
    for a call logged by hand)."""
    inbound = [c for c in calls if c["direction"] == "inbound"
               and c["status"] in ("answered", "abandoned", "short_abandon")]
    by_number = {}
    for c in calls:
        if c["direction"] == "inbound":
            by_number.setdefault(c["caller_number"], []).append(c["start"])
    returned = {c["callback_of"] for c in calls if c.get("callback_of")}
    window = datetime.timedelta(days=FCR_DAYS)
    result = {}
    for c in inbound:
        s = result.setdefault(bucket_of(c, group_by), dict.fromkeys(SUM_KEYS, 0))
        s["offered"] += 1
        if c["status"] == "short_abandon":
            s["short_abandoned"] += 1
        elif c["status"] == "abandoned":
            s["abandoned"] += 1
            s["called_back"] += c["id"] in returned
        else:
            wait = c.get("wait_seconds") or 0
            s["answered"] += 1
            if c.get("manual"):
                s["manual"] += 1
            else:
                s["wait_answered"] += wait
                s["within_sl"] += wait <= SL_SECONDS
            s["handle_answered"] += (c.get("talk_seconds") or 0) + (c.get("hold_seconds") or 0)
            again = any(c["start"] < t <= c["start"] + window
                        for t in by_number.get(c["caller_number"], ()))
            s["fcr"] += not again
    return result


def total(bucket_sums):
    """The sums of several buckets added up (the report's total line)."""
    out = dict.fromkeys(SUM_KEYS, 0)
    for s in bucket_sums:
        for key in SUM_KEYS:
            out[key] += s[key]
    return out
