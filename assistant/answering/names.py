"""Place names in folded text: whole-word lookups, the provinces and districts a text names.

Usage::

    has_name("toan huyen dinh lap co 6 xa", "dinh lap")   # True
    provinces_in("xa long an (tan chau) va tinh lang son")  # {'lang son'}: 'xã Long An' is a commune
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering import extract
from base.places import folded_districts, folded_provinces
from base.text import fold

_WORDS = re.compile(r"[\w/]+")
# a place word right before a name: the name is of that place, not a province
_LOWER_PLACE_WORD = re.compile(r"\b(?:xa|phuong|thi tran|thon|ap|ban|xom|huyen|quan|thi xa) $")
# characters before a province's name read for a lower place word
_PLACE_WORD_REACH = 12


@lru_cache(maxsize=4096)
def padded(folded_text: str) -> str:
    """' words separated by single spaces ': whole-word lookups become substring checks."""
    return " " + " ".join(_WORDS.findall(folded_text)) + " "


def has_name(folded_text: str, name: str) -> bool:
    """Whether the folded ``name`` occurs in ``folded_text`` as whole words."""
    return " " + " ".join(_WORDS.findall(name)) + " " in padded(folded_text)


def same_place(a: str, b: str) -> bool:
    """Whether two folded names are the same place ('dinh lap', 'huyen dinh lap')."""
    return a == b or has_name(a, b) or has_name(b, a)


@lru_cache(maxsize=512)
def fold_cached(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, ...], frozenset[str]]:
    provinces = tuple(sorted(folded_provinces(), key=len, reverse=True))
    return provinces, frozenset(folded_districts())


def provinces_in(folded_text: str) -> set[str]:
    """Provinces the text names, not communes or districts that share a province's name
    ('xã Long An (Tân Châu)' is a commune of An Giang)."""
    provinces, _ = _gazetteer()
    text = padded(folded_text)
    found = set()
    for p in provinces:
        needle = " " + " ".join(_WORDS.findall(p)) + " "
        at = text.find(needle)
        while at >= 0:
            if not _LOWER_PLACE_WORD.search(text[max(0, at - _PLACE_WORD_REACH) : at + 1]):
                found.add(p)
                break
            at = text.find(needle, at + 1)
    return found


def districts_in(folded_text: str) -> set[str]:
    """Districts named with their place word ('huyện Đình Lập'), folded."""
    _, districts = _gazetteer()
    found = set()
    for m in re.finditer(r"\b(?:huyen|thi xa|quan|thanh pho|tp)\s+((?:\w+\s?){1,3})", folded_text):
        words = m.group(1).split()
        for n in (3, 2, 1):
            name = " ".join(words[:n])
            if name in districts:
                found.add(name)
                break
    return found


@lru_cache(maxsize=256)
def named_districts(text: str) -> frozenset[str]:
    """Districts a document names with their place word, gazetteer or not ('huyện Ia Lâm'),
    folded."""
    found = extract.places(text, {"huyen", "thi xa", "quan"})
    return frozenset(fold(c.text.split(" ", 1)[-1]) for c in found if " " in c.text)
