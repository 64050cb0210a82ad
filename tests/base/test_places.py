"""The gazetteer: its tables load from the shipped data file; one folded lookup for everyone."""

import pytest

from base.places import (
    DISTRICT_TO_PROVINCES,
    DISTRICTS_BY_PROVINCE,
    PRESS_TAGS,
    PROVINCES,
    PROVINCES_2025,
    canonical_province,
    folded_districts,
    folded_provinces,
    province_of,
)


def test_the_gazetteer_holds_the_provinces_before_and_after_the_merger():
    assert len(PROVINCES) == 63 and len(PROVINCES_2025) == 34
    assert set(PROVINCES_2025) - set(PROVINCES) == {"Huế"}
    assert all(isinstance(d, tuple) and d for d in DISTRICTS_BY_PROVINCE.values())
    assert "Đình Lập" in DISTRICTS_BY_PROVINCE["Lạng Sơn"]
    assert PRESS_TAGS["LSO"] == "Lạng Sơn"
    assert province_of("Đình Lập") == ("Lạng Sơn",)
    assert canonical_province("Sài Gòn") == "Hồ Chí Minh"


@pytest.mark.parametrize(
    ("lookup", "folded", "name"),
    [
        (folded_provinces, "lang son", "Lạng Sơn"),
        (folded_provinces, "thua thien hue", "Thừa Thiên Huế"),
        (folded_districts, "dinh lap", "Đình Lập"),
        (folded_districts, "quan 1", "Quận 1"),
    ],
)
def test_a_folded_name_finds_the_gazetteers_spelling(lookup, folded, name):
    assert lookup()[folded] == name


def test_the_folded_lookups_cover_the_gazetteer_and_cannot_be_changed():
    assert set(folded_provinces().values()) == set(PROVINCES)
    assert set(folded_districts().values()) <= set(DISTRICT_TO_PROVINCES)
    assert folded_districts() is folded_districts()  # built once
    with pytest.raises(TypeError):
        folded_provinces()["ha noi"] = "Hà Nội"  # type: ignore[index]
