"""Gazetteer of Vietnam's provinces and their district-level units, and lookups on it.

The map is the one most NTM news was written under: the 63 provinces and centrally-run cities
before the 2025 merger, each with its huyện, thị xã, thành phố thuộc tỉnh and quận. Names that
were merged away in the 2019-2025 rearrangements (Thông Nông, Tĩnh Gia, Quận 2...) are kept,
because older articles use them. District names are bare ("Đình Lập", not "huyện Đình Lập");
a provincial city is listed under its bare name too ("Lạng Sơn" is also TP Lạng Sơn). The
numbered urban districts of Hồ Chí Minh City keep their word: "Quận 1".

The names are data, shipped with the package in ``base/gazetteer.json`` (each table there
says what it holds); this module reads them once and holds the code.

Usage::

    province_of("Đình Lập")          # ('Lạng Sơn',)
    province_of("Châu Thành")        # ('Tây Ninh', 'Long An', 'Tiền Giang', ...)
    canonical_province("tp hcm")     # 'Hồ Chí Minh'
    canonical_district("dinh lap")   # 'Đình Lập'
    folded_districts()["dinh lap"]   # 'Đình Lập'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from base.text import fold


def _load() -> dict:
    text = resources.files("base").joinpath("gazetteer.json").read_text(encoding="utf-8")
    return json.loads(text)


_DATA = _load()

# Province -> its district-level units, region by region.
DISTRICTS_BY_PROVINCE: dict[str, tuple[str, ...]] = {
    province: tuple(districts)
    for region in _DATA["regions"]
    for province, districts in region["provinces"].items()
}

PROVINCES: tuple[str, ...] = tuple(DISTRICTS_BY_PROVINCE)

# The 34 province-level units after the 2025 merger: all are pre-2025 names except "Huế",
# which stands for the former Thừa Thiên Huế.
PROVINCES_2025: tuple[str, ...] = tuple(_DATA["provinces_2025"]["names"])

# Other spellings of a province that name it unambiguously. "Hồ Chí Minh" alone is not here:
# it is a person's name far more often; it counts only after "thành phố"/"TP".
PROVINCE_ALIASES: dict[str, str] = dict(_DATA["province_aliases"]["names"])

# Other spellings of district names (Central Highlands names are written several ways).
DISTRICT_ALIASES: dict[str, str] = dict(_DATA["district_aliases"]["names"])

# Provincial newspapers open their articles with a tag of their own ("LSO - Ngày 12/2…",
# "(GLO)- Chủ tịch UBND tỉnh…"): an article that names no province is still that province's.
PRESS_TAGS: dict[str, str] = {
    tag: paper["province"] for tag, paper in _DATA["press_tags"]["tags"].items()
}


def _build_district_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for province, districts in DISTRICTS_BY_PROVINCE.items():
        for district in districts:
            owners = index.setdefault(district, [])
            if province not in owners:
                owners.append(province)
    return {name: tuple(owners) for name, owners in index.items()}


DISTRICT_TO_PROVINCES: dict[str, tuple[str, ...]] = _build_district_index()

# Old-style tone placement ("hoà", "thuỷ") and new style ("hòa", "thủy") are the same word.
_TONE_SWAP = {
    f"{a}{b}": f"{c}{d}"
    for old, new in (
        ("oà oá oả oã oạ", "òa óa ỏa õa ọa"),
        ("oè oé oẻ oẽ oẹ", "òe óe ỏe õe ọe"),
        ("uỳ uý uỷ uỹ uỵ", "ùy úy ủy ũy ụy"),
    )
    for (a, b), (c, d) in zip(old.split(), new.split(), strict=True)
}
_TONE_RE = re.compile("|".join(_TONE_SWAP))


def match_key(text: str) -> str:
    """Lower case, one tone-placement style; one output character per input character.

    ``match_key("Thanh Hoá") == match_key("thanh hóa")``; offsets into the key are offsets
    into ``text``, so a match found on the key can be read back from the original.
    """
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return _TONE_RE.sub(lambda m: _TONE_SWAP[m.group(0)], lowered)


def _lookup(table: dict[str, str], name: str) -> str | None:
    name = " ".join(name.split())
    for convert in (lambda s: s, match_key, fold):
        wanted = convert(name)
        hits = {canonical for key, canonical in table.items() if convert(key) == wanted}
        if len(hits) == 1:
            return hits.pop()
    return None


# Every name canonical_province knows: the gazetteer's, the aliases, and names a user may type
# that are too ambiguous to count in running text ('Huế', 'Sài Gòn').
_PROVINCE_TABLE: dict[str, str] = (
    {p: p for p in PROVINCES} | PROVINCE_ALIASES | _DATA["province_names_typed"]["names"]
)
_DISTRICT_TABLE: dict[str, str] = {d: d for d in DISTRICT_TO_PROVINCES} | DISTRICT_ALIASES


def canonical_province(name: str) -> str | None:
    """The gazetteer's spelling of a province typed any way ('thanh hoa', 'TP.HCM'), or None."""
    name = re.sub(r"^\s*(?:tỉnh|thành phố|tp\.?)\s+", "", name, flags=re.IGNORECASE)
    return _lookup(_PROVINCE_TABLE, name)


def canonical_district(name: str) -> str | None:
    """The gazetteer's spelling of a district ('dinh lap' -> 'Đình Lập'), or None.

    Without diacritics two districts can fold to the same letters; then None is returned
    rather than a guess.
    """
    name = re.sub(
        r"^\s*(?:huyện|thị xã|quận|thành phố|tp\.?|tx\.?)\s+", "", name, flags=re.IGNORECASE
    )
    if re.fullmatch(r"\d{1,2}", name.strip()):
        name = f"Quận {name.strip()}"
    return _lookup(_DISTRICT_TABLE, name)


def province_of(district: str) -> tuple[str, ...]:
    """Provinces that have a district of this name (several for 'Châu Thành'); () if unknown."""
    if district in DISTRICT_TO_PROVINCES:
        return DISTRICT_TO_PROVINCES[district]
    canonical = canonical_district(district)
    return DISTRICT_TO_PROVINCES[canonical] if canonical else ()


@lru_cache(maxsize=1)
def folded_provinces() -> Mapping[str, str]:
    """Folded province names -> the gazetteer's spelling ('lang son' -> 'Lạng Sơn'), for
    matching text typed with or without diacritics (read-only)."""
    return MappingProxyType({fold(p): p for p in PROVINCES})


@lru_cache(maxsize=1)
def folded_districts() -> Mapping[str, str]:
    """Folded district names -> the gazetteer's spelling ('dinh lap' -> 'Đình Lập'); where
    two districts fold alike ('Tam Dương', 'Tam Đường'), the later one in the gazetteer
    (read-only)."""
    return MappingProxyType({fold(d): d for d in DISTRICT_TO_PROVINCES})


@lru_cache(maxsize=1)
def _folded_names() -> frozenset[str]:
    return frozenset({*folded_provinces(), *folded_districts()})


def is_place_name(folded: str) -> bool:
    """Whether ``folded`` is a province's or a district's name ('gia lai', 'kim thanh')."""
    return folded in _folded_names()


# a commune named in a text: 'xã Phước Vinh', 'phường Tân An', 'thị trấn Đồng Mỏ' (no list
# knows communes: they merge, and since mid-2025 they sit right under the province)
COMMUNE_NAMED = re.compile(
    r"\b(?:[Xx]ã|[Pp]hường|[Tt]hị trấn)\s+([A-ZĐ][\w’'-]*(?:\s+[A-ZĐ][\w’'-]*){0,3})"
)


@lru_cache(maxsize=64)
def main_commune(text: str) -> tuple[str, int] | None:
    """(name as first written, mentions) of the commune the text names more often than any
    other commune, if one is: a commune's own article whose title may not name it."""
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for m in COMMUNE_NAMED.finditer(text):
        key = fold(m.group(1)).lower()
        counts[key] += 1
        spelled.setdefault(key, m.group(1))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    key, times = ranked[0]
    return spelled[key], times
