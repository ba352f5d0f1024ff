"""Positions in the field: checks of what the phone reports, and the nearest mahalle.

Plain Python (no ORM) so that the rules are tested on their own (lib/tests)."""
import math
import re

EARTH_RADIUS_M = 6371008.8
# A proposal only when the nearest centroid is this close: farther, the point is outside
# the district (or the centroids are too coarse to tell), and the user picks.
MAX_PROPOSAL_DISTANCE_M = 3000.0
# What a phone can honestly report as its accuracy (metres); larger values are refused.
MAX_ACCURACY_M = 100000.0

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def is_client_id(value):
    """True for a UUID in its canonical lowercase form (what crypto.randomUUID() makes)."""
    return isinstance(value, str) and bool(_UUID_RE.match(value))


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def nearest(lat, lon, centroids, max_distance=MAX_PROPOSAL_DISTANCE_M):
    """(key, distance) of the centroid nearest to the point, or None.

    `centroids` is an iterable of (key, lat, lon); entries without both coordinates are
    skipped (a mahalle whose centroid nobody entered). None when none is within
    `max_distance` metres."""
    best = None
    for key, clat, clon in centroids:
        if clat is None or clon is None or (not clat and not clon):
            continue
        d = distance_m(lat, lon, clat, clon)
        if best is None or d < best[1]:
            best = (key, d)
    if best is None or best[1] > max_distance:
        return None
    return best


def parse_point(lat, lon, accuracy):
    """(lat, lon, accuracy) as floats from what the phone sent, or None for "no position".

    Raises ValueError when the values are not a position on the globe (both coordinates
    or neither; accuracy a non-negative number of metres up to MAX_ACCURACY_M)."""
    if lat in (None, "") and lon in (None, ""):
        return None
    values = []
    for value in (lat, lon, accuracy):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError("not a number")
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise ValueError("not a number")
        values.append(number)
    lat, lon, accuracy = values
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("outside the globe")
    if not 0 <= accuracy <= MAX_ACCURACY_M:
        raise ValueError("bad accuracy")
    return lat, lon, accuracy
