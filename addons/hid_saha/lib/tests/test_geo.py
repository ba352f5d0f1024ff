import pytest

from lib import geo

CENTROIDS = [("a", 41.0, 29.2), ("b", 41.02, 29.23), ("none", None, None), ("zero", 0.0, 0.0)]


def test_distance_is_haversine():
    # one degree of latitude is ~111.2 km
    assert 111000 < geo.distance_m(41.0, 29.0, 42.0, 29.0) < 111400
    assert geo.distance_m(41.0, 29.0, 41.0, 29.0) == 0


def test_nearest_picks_the_closest_centroid_with_coordinates():
    assert geo.nearest(41.001, 29.201, CENTROIDS)[0] == "a"
    assert geo.nearest(41.019, 29.229, CENTROIDS)[0] == "b"


def test_nearest_none_when_far_or_no_centroids():
    assert geo.nearest(40.5, 29.2, CENTROIDS) is None
    assert geo.nearest(41.0, 29.2, [("none", None, None)]) is None
    assert geo.nearest(41.0, 29.2, []) is None


def test_parse_point():
    assert geo.parse_point(None, None, None) is None
    assert geo.parse_point("", "", 5) is None
    assert geo.parse_point(41.0, "29.2", 12) == (41.0, 29.2, 12.0)
    for bad in ((41.0, None, 5), (91, 29, 5), (41, 181, 5), (41, 29, -1), (41, 29, 1e9),
                (41, 29, "x"), (True, 29, 5), (float("nan"), 29, 5), (41, 29, None)):
        with pytest.raises(ValueError):
            geo.parse_point(*bad)


def test_client_id():
    assert geo.is_client_id("0b7e7c4e-3c1a-4f4e-9a55-6d2b8e0c1f00")
    for bad in ("", None, 5, "0B7E7C4E-3C1A-4F4E-9A55-6D2B8E0C1F00", "not-a-uuid",
                "0b7e7c4e-3c1a-4f4e-9a55-6d2b8e0c1f00x"):
        assert not geo.is_client_id(bad)
