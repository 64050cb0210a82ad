"""Place names in folded text: whole-word lookups, the provinces and districts a text names.

Usage::

    has_name("toan huyen dinh lap co 6 xa", "dinh lap")   # True
    provinces_in("xã Long An (Tân Châu) và tỉnh Lạng Sơn")  # {'lang son'}: 'xã Long An' is a commune
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.answering import extract
from base.places import folded_districts, folded_provinces, match_key
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


def may_be_about(text: str, places: Iterable[str]) -> bool:
    """Whether ``text`` may be about one of ``places`` (folded names of any level): it names
    no province, or names one of them, or names the place itself. True when none is given."""
    wanted = set(places)
    if not wanted:
        return True
    named = provinces_in(text)
    if not named or named & wanted:
        return True
    folded = fold(text)
    return any(has_name(folded, name) for name in wanted)


@lru_cache(maxsize=2048)
def provinces_in(text: str) -> set[str]:
    """Provinces the text names (folded), not communes or districts that share a province's
    name ('xã Long An (Tân Châu)' is a commune of An Giang). A text written with diacritics
    must write the name with them, capitalised: 'diễn biến phức tạp' is not Điện Biên."""
    folded = fold(text)
    if folded == text.lower():
        return _provinces_in_folded(folded)
    keyed = match_key(text)
    same_length = len(folded) == len(text)
    found = set()
    for name, pattern, bare in _province_patterns():
        spans = [m.span() for m in pattern.finditer(keyed)]
        if same_length:
            # written without its diacritics, capitalised ('Quang Binh Portal')
            spans += [
                m.span()
                for m in bare.finditer(folded)
                if text[m.start() : m.end()].isascii() and text[m.start()].isupper()
            ]
        for start, _ in spans:
            before = fold(text[max(0, start - _PLACE_WORD_REACH) : start])
            if text[start].isupper() and not _LOWER_PLACE_WORD.search(" " + before):
                found.add(name)
                break
    return found


@lru_cache(maxsize=1)
def _province_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    """(folded name, pattern on match-keyed text, pattern on folded text) of every province,
    words apart by spaces or a dash ('Thừa Thiên - Huế'), never by a bracket or a comma ('Phú
    Hòa), Bình Kiến' names no Hòa Bình)."""
    out = []
    for name, display in folded_provinces().items():
        out.append((name, _words_pattern(match_key(display)), _words_pattern(name)))
    return tuple(out)


def _words_pattern(name: str) -> re.Pattern:
    words = [re.escape(w) for w in re.findall(r"\w+", name)]
    return re.compile(r"(?<!\w)" + r"[\s\-–—_]+".join(words) + r"(?!\w)")


def _provinces_in_folded(folded_text: str) -> set[str]:
    """Provinces a text typed without diacritics names (folded matching)."""
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
