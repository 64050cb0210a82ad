"""The places a question names: 'huyện Đình Lập', 'xã Minh Quang', 'Lạng Sơn', 'dinh lap'
typed without diacritics, and the whole country ('cả nước', 'toàn quốc').

Usage::

    find_places("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    # (Place(level='huyen', name='dinh lap', display='huyện Đình Lập'),)
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from assistant.answering.extract import is_surname
from assistant.answering.records import Place
from base.lexicon import COMMUNE_WORDS, HAMLET_WORDS, QUESTION_PLACE_WORDS
from base.places import folded_districts, folded_provinces, is_place_name
from base.text import fold

_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
_PLACE_RE = re.compile(
    r"(?<![^\W_])(?<!nông )(?<!Nông )(thành phố|thị xã|thị trấn|huyện|tỉnh|quận|phường|xã|thôn|xóm|bản|làng|nước|"
    r"quốc gia|tp\.?)"
    r"(?=\s)",
    re.IGNORECASE,
)


def capitalised_name(text: str, start: int, limit: int = 4) -> str:
    """The run of capitalised words (or numbers) starting at ``start``."""
    plain = fold(text) == text.lower()  # typed without diacritics: 'Nam' may be 'năm'
    words = []
    for m in _WORD.finditer(text, start):
        gap = text[start : m.start()] if not words else text[words[-1][1] : m.start()]
        if gap.strip():
            break
        word = m.group()
        if not (word[0].isupper() or word.isdigit()) or (word.isupper() and len(word) > 2):
            break
        if word.lower() in _NAME_STOP_RAW or (plain and fold(word) in _NAME_STOP):
            break
        words.append((word, m.end()))
        if len(words) >= limit:
            break
    return " ".join(w for w, _ in words)


# a count before a place word: the word counts places ('ba xã', '12 xã', 'các huyện'), so the
# name after it is where they are; a year ('năm 2020 xã …') is no count
_COUNTED = re.compile(
    r"(?i)(?:(?<![\w/.,])(?!(?:19|20)\d\d\s+$)\d+|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy"
    r"|các|những|bao nhiêu|bon|sau|bay|tam|chin|muoi|may|cac|nhung|bao nhieu))\s+$"
)
_NATION = re.compile(
    r"(?i)\b(cả nước|toàn quốc|ca nuoc|toan quoc|nationwide|countrywide|the whole country|"
    r"across the country)\b"
    # English 'Vietnam' (one word; 'Việt Nam' in Vietnamese also names bodies: 'MTTQ Việt Nam')
    r"|\b(Vietnam)(?:'s)?\b"
)


def find_places(text: str) -> tuple[Place, ...]:
    """Places a question names: 'huyện Đình Lập', 'xã Minh Quang', 'Lạng Sơn', 'dinh lap',
    and the whole country ('cả nước', 'toàn quốc')."""
    found: dict[str, Place] = {}
    nation = _NATION.search(text)
    if nation:
        found["ca nuoc"] = Place("ca nuoc", "ca nuoc", nation.group(1) or nation.group(2))
    # 1. A place word followed by a capitalised name (text with diacritics or capitals).
    for m in _PLACE_RE.finditer(text):
        if _COUNTED.search(text, 0, m.start()):
            continue  # 'Ba xã Quảng Bình': three communes of Quảng Bình, not a commune so named
        name = capitalised_name(text, m.end())
        level = fold(m.group(1)).rstrip(".")
        if name and level == "tinh":
            name = _province_in(name)
        if name and level in _CITY_WORDS and _centrally_run(fold(name)):
            level = "tinh"  # 'TP Hồ Chí Minh', 'thành phố Cần Thơ': a city that is a province
        if name:
            found.setdefault(fold(name), Place(level, fold(name), f"{m.group(1).lower()} {name}"))
    # 1b. Typed without diacritics or capitals: a commune or hamlet no list knows, named by
    # the words after its place word ('xa ang nua nam 2016 …' is xã Ẳng Nưa)
    if text == fold(text).lower():
        for level, name in _plain_settlements(text):
            found.setdefault(name, Place(level, name, f"{level} {name}"))
    # 2. Province and district names from the gazetteer, in folded text (no diacritics too).
    provinces, districts = folded_provinces(), folded_districts()
    folded = f" {fold(text)} "
    # common phrases that contain a district's name: 'giao thông nông thôn' is not Thông Nông
    masked = _COMMON_PHRASES.sub(lambda m: "#" * len(m.group()), folded)
    padded = " " + " ".join(re.findall(r"[\w#]+", masked)) + " "
    has_capitals = any(ch.isupper() for ch in text)
    claimed: list[tuple[int, int]] = []  # spans already taken by a name
    for key in found:
        at = padded.find(f" {_words(key)} ")
        if at >= 0:
            claimed.append((at, at + len(_words(key)) + 1))
    matches = []
    for table, level in ((provinces, "tinh"), (districts, "huyen")):
        for key, display in table.items():
            if len(key) < 4 or key in found:
                continue
            at = padded.find(f" {_words(key)} ")
            if at < 0:
                continue
            if has_capitals and level == "huyen" and not _capitalised_in(text, key):
                continue  # a bare district name is written with capitals ('Lộc Bình')
            if _spelled_otherwise(text, key, display):
                continue  # 'Đầm Hà năm 2023' names no Hà Nam
            before = " ".join(padded[:at].split()[-2:])
            word = next((w for w in QUESTION_PLACE_WORDS if before.endswith(w)), None)
            if word and _COUNTED.search(padded, 0, at - len(word)):
                word = None  # 'ba xa quang binh': communes of the province
            lvl = ("tp" if word == "thanh pho" else word) if word else level
            if lvl in _CITY_WORDS and level == "tinh" and _centrally_run(key):
                lvl = "tinh"
            matches.append((word is None, -len(key), level != "tinh", at, key, display, lvl))
    # Names introduced by a place word first, then the longest: 'huyen hai ha nam 2020' is
    # Hải Hà (and the year), not Hà Nam.
    for _, _, _, at, key, display, lvl in sorted(matches):
        span = (at, at + len(_words(key)) + 1)
        if any(a < span[1] and span[0] < b for a, b in claimed):
            continue
        if lvl in COMMUNE_WORDS | HAMLET_WORDS:
            continue  # 'xã Tân Thành' is a commune even if a district shares the name
        claimed.append(span)
        found.setdefault(key, Place(lvl, key, display))
    # Drop names contained in longer names ('lang' in 'lang son').
    keys = list(found)
    for key in keys:
        if any(key != other and re.search(rf"\b{re.escape(key)}\b", other) for other in keys):
            found.pop(key, None)
    return tuple(found.values())


# a place word of a commune or hamlet in a question typed without diacritics ('bản' is left
# out: 'ban chỉ đạo'), and the words that end the name after it
_PLAIN_SETTLEMENT = re.compile(r"\b(xa|phuong|thi tran|thon|ap|xom)\s")
_PLAIN_STOP = {
    *"nao gi may ai nay o moi cac nhung thu hien thuoc huyen tp thanh pho hoi diem bien".split(),
    *"khu vung nong nang kieu loai dac truong dong bao mien nui tren duoi le".split(),
    *"xa phuong thon ap xom ban".split(),  # the next place word
}
_PLAIN_NAME = (2, 3)  # syllables of such a name, fewest and most ('ang nua', 'hoa quang bac')
_NAME_SUFFIX = {*"bac dong tay thuong trung a b c 1 2 3".split()}


def _plain_settlements(text: str) -> list[tuple[str, str]]:
    """(level, name) of the communes and hamlets a question typed without diacritics names."""
    found = []
    for m in _PLAIN_SETTLEMENT.finditer(text):
        words: list[str] = []
        after = re.findall(r"[a-z']+|\S", text[m.end() :])
        for i, word in enumerate(after):
            if word in _NAME_STOP or word in _PLAIN_STOP or len(words) == _PLAIN_NAME[1]:
                break
            if len(words) == _PLAIN_NAME[0] and word not in _NAME_SUFFIX:
                break  # a third word only when it ends a name: 'hoa quang bac', 'vinh loc a'
            if not word[0].isalpha():
                break  # a comma or a bracket ends the name
            if words and is_place_name(" ".join(after[i : i + 2])):
                break  # the district or province it lies in: 'xa binh dan kim thanh'
            words.append(word)
        if _PLAIN_NAME[0] <= len(words) and not _COUNTED.search(text, 0, m.start()):
            found.append((m.group(1), " ".join(words)))
    return found


def _province_in(name: str) -> str:
    """The province a capitalised run after 'tỉnh' names: a known province it begins with
    ('tỉnh Lạng Sơn Hồ Tiến': the province, then a person), else the run itself, unless it
    reads as a person's full name ('Chủ tịch UBND tỉnh Trần Song Tùng': a surname and two
    names or more, no province)."""
    words = name.split()
    folded = [fold(w) for w in words]
    provinces = folded_provinces()
    for size in range(len(words), 0, -1):
        key = " ".join(folded[:size])
        if key in provinces or (
            size == len(words) and any(p.startswith(key + " ") for p in provinces)
        ):
            return " ".join(words[:size])
    if len(words) >= _FULL_NAME_WORDS and is_surname(words[0]):
        return ""
    return name


_FULL_NAME_WORDS = 3  # 'Trần Song Tùng'


_COMMON_PHRASES = re.compile(
    r"\b(giao thong nong thon|nong thon moi|khu vuc nong thon|nong thon)\b"
    # everyday words that fold to a district's name, unless a place word names it: 'là gì'
    # ends a question (the town is 'thị xã La Gi'), 'văn bản' is a document, 'tương đương' is
    # 'equal to'
    r"|(?<!\bxa )\bla gi\b|(?<!\bhuyen )\b(?:van ban|tuong duong)\b"
)


_CITY_WORDS = {"tp", "thanh pho"}


def _centrally_run(folded_name: str) -> bool:
    """A city of province rank: a province's name that no district bears ('Hồ Chí Minh', not
    'Lạng Sơn', whose city is a district of the province)."""
    return folded_name in folded_provinces() and folded_name not in folded_districts()


@cache
def _words(folded_name: str) -> str:
    """A name as the question's words are matched: 'dak r'lap' as 'dak r lap'."""
    return " ".join(re.findall(r"\w+", folded_name))


# marks that make another letter, not a tone: 'â', 'ă', 'ơ' ('năm' is no 'Nam', 'nói' no 'Nội')
_LETTER_MARKS = frozenset("\u0302\u0306\u031b")


def _letters(word: str) -> list[tuple[str, frozenset[str]]]:
    """Each letter of ``word`` (lower case) with its letter-making marks; tones dropped."""
    out: list[tuple[str, frozenset[str]]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if unicodedata.category(ch) == "Mn":
            if out and ch in _LETTER_MARKS:
                out[-1] = (out[-1][0], out[-1][1] | {ch})
            continue
        out.append((ch, frozenset()))
    return out


def _spelled_otherwise(text: str, folded_name: str, display: str) -> bool:
    """Whether every place ``folded_name`` folds from in ``text`` is written with other letters
    than the name's: 'Đầm Hà năm 2023' holds 'ha nam' folded, but 'năm' is no 'Nam', nor 'nói'
    'Nội'. A word typed without any diacritic may be any of them ('Ha Noi')."""
    named = [_letters(w) for w in display.split()]
    seen = False
    for window in _occurrences(text, folded_name):
        seen = True
        if len(window) != len(named) or all(
            _same_letters(w, n) for w, n in zip(window, named, strict=True)
        ):
            return False
    return seen


def _same_letters(written: str, named: list[tuple[str, frozenset[str]]]) -> bool:
    """Whether a written word has the letters of a name's word; a word with no diacritic at
    all was typed without them and has."""
    letters = _letters(written)
    if fold(written) == written.lower() or len(letters) != len(named):
        return True
    return letters == named


def _capitalised_in(text: str, folded_name: str) -> bool:
    """Whether ``folded_name`` occurs in ``text`` with every syllable capitalised."""
    return any(all(w[0].isupper() for w in window) for window in _occurrences(text, folded_name))


def _occurrences(text: str, folded_name: str):
    """Each run of words of ``text`` that folds to ``folded_name``, as written."""
    words = _WORD.findall(text)
    size = len(folded_name.split())
    for i in range(len(words) - size + 1):
        window = words[i : i + size]
        if " ".join(fold(w) for w in window) == folded_name:
            yield window


_NAME_STOP_RAW = {
    "có",
    "đã",
    "đạt",
    "được",
    "là",
    "năm",
    "tháng",
    "tỉnh",
    "đến",
    "trong",
    "của",
    "phấn",
    "bao",
    "nhiêu",
    "về",
    "và",
    "tại",
    "thì",
    "còn",
}
_NAME_STOP = {
    "co",
    "da",
    "dat",
    "duoc",
    "la",
    "nam",
    "thang",
    "tinh",
    "den",
    "trong",
    "cua",
    "phan",
    "dau",
    "bao",
    "nhieu",
    "ve",
    "va",
    "tai",
    "thi",
    "con",
    "ntm",
}
