# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from lib.search_domain import is_tckn_path, tckn_values


def test_paths():
    assert is_tckn_path("tckn")
    assert is_tckn_path("partner_id.tckn")
    assert not is_tckn_path("tckn_masked")
    assert not is_tckn_path("partner_id.tckn_masked")
    assert not is_tckn_path(None)


def test_values():
    assert tckn_values([]) == []
    assert tckn_values(None) == []
    assert tckn_values(["|", ("name", "ilike", "x"), ("mobile", "=", "5321")]) == []
    assert tckn_values([("tckn", "=", "10000000146")]) == ["10000000146"]
    assert tckn_values(["&", ["partner_id.tckn", "in", ["1", "2", False]],
                        ("name", "!=", False)]) == ["1", "2"]
    assert tckn_values([("tckn", "=", False)]) == [""]
    assert tckn_values([("tckn", "ilike", 100)]) == ["100"]
