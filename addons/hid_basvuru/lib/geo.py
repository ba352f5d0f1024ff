"""Points on the map: Sancaktepe's rough bounds and the map view's bounding box (no ORM)."""
import math

# A generous rectangle around Sancaktepe (İstanbul, Anadolu yakası): a point outside it is
# almost certainly a mistake, but not forbidden (the application may concern a border street).
SANCAKTEPE_BOUNDS = (40.95, 29.15, 41.07, 29.36)  # south, west, north, east
SANCAKTEPE_CENTER = (41.0008, 29.2310)

# The map view never asks for more points than this at once.
MAP_LIMIT = 2000


def has_point(lat, lon):
    """Whether a stored point is given (the ORM stores an empty float as 0)."""
    return bool(lat) or bool(lon)


def in_sancaktepe(lat, lon):
    south, west, north, east = SANCAKTEPE_BOUNDS
    return south <= lat <= north and west <= lon <= east


def parse_bbox(bbox):
    """(south, west, north, east) as floats inside the world, from a list of four numbers;
    ValueError when it is not one."""
    if not isinstance(bbox, (list, tuple)) or len(bbox) != 4:
        raise ValueError("bbox")
    south, west, north, east = (float(v) for v in bbox)
    if not all(math.isfinite(v) for v in (south, west, north, east)):
        raise ValueError("bbox")
    south, north = max(-90.0, min(south, north)), min(90.0, max(south, north))
    west, east = max(-180.0, min(west, east)), min(180.0, max(west, east))
    return south, west, north, east
