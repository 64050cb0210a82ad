"""How a figure is written: a number with its unit, a denominator, a share stated with it
(Vietnamese), and the :class:`~base.types.Fact` a sentence's figure becomes."""

from __future__ import annotations

import re
from dataclasses import replace

from base.lexicon import UNITS_LONGEST_FIRST
from base.types import Fact

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"


_APPROX = r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ|dưới|gần như|chưa đến|tới|ước|ước đạt|over|about|nearly|more than)\s+)?"


_MENTION = re.compile(
    rf"(?i)(?<![\w/.,])(?P<approx>{_APPROX})"
    rf"(?:(?P<range_from>từ\s+)?(?P<a>{_NUM})\s*(?:-|–|đến)\s*(?=\d))?"
    # '71 tỷ 355 triệu đồng': one amount, counted in its smaller unit
    r"(?:(?P<big>\d{1,3}(?:[.,]\d+)?)\s+t[ỷỉ]\s+(?=\d{1,3}\s+triệu\b))?"
    rf"(?P<n>{_NUM})(?:\s*/\s*(?:tổng số\s+)?(?P<d>{_NUM}))?"
    rf"(?:\s+(?:trên|trong)\s+(?:tổng\s+)?số\s+(?P<d2>{_NUM}))?"
)


# each unit of the lexicon as a pattern on folded text (any run of spaces between its words),
# longest first
_UNIT_PATTERNS = tuple(re.escape(u).replace(r"\ ", r"\s+") for u in UNITS_LONGEST_FIRST)
_UNIT_RE = re.compile(r"\s*(?P<unit>" + "|".join(_UNIT_PATTERNS) + r"|phan tram)(?![a-z0-9])")


# a share as written, with its approximation ('trên 30%', 'gần 45,5%'; folded)
_SHARE_VALUE = r"(?:(?:tren|hon|gan|khoang|xap xi|duoi)\s+)?\d+(?:[.,]\d+)?\s?%"


_SHARE = re.compile(
    r"[\s,(]*(?:(?:chiem|dat|bang|tuong duong|ty le|dat ty le|chiem ty le|la)\s+)*"
    rf"(?:ty le\s+)?({_SHARE_VALUE})"
)


# a share stated later in the same sentence, before any other figure: '65 xã được công nhận
# đạt chuẩn NTM, chiếm tỷ lệ 35,91%'
_LATER_SHARE = re.compile(
    r"[^\d;.]{0,90}?\b(?:chiem|dat ty le|bang|tuong duong"
    # '(đạt 51,2% tổng số xã)': 'đạt' a share only of the whole
    r"|dat(?=\s+\d+(?:[.,]\d+)?\s?%\s+(?:tong )?so\b))\s+(?:ty le\s+)?"
    rf"({_SHARE_VALUE})"
)


# between two figures of one list: '… 3 xã đạt chuẩn NTM và 7 xã …', '… 3 xã, 2 xã …' (folded)
_BETWEEN = r"[^;.:()\d]"  # a character between two joined figures: no figure, no clause end
_COORDINATED = re.compile(rf"{_BETWEEN}{{0,60}}?(?:,|\bva)\s*")
# between two items of one breakdown by grade, whose words may hold a grade ('5 sao') (folded)
_ITEM_AFTER = re.compile(rf"(?:{_BETWEEN}|\d\s*sao\b){{0,60}}?(?:,|\bva)\s*")


_SHARE_CLOSE = re.compile(r"\s*\)?")


_CLAUSE_END = re.compile(r"[;.!?:()\n]|,\s|\s-\s|\s–\s")


# '86,9% số lao động …', '95,13% số dân …': a share that names its own base is no part of the
# figure before it (folded words after the figure)
_OWN_BASE = re.compile(r"(?:so|tong so)\s+(?!voi\b)\w")


_ASIDE = re.compile(r"\([^()\d;\n]{1,40}\)")


def to_number(text: str) -> float | None:
    """'1.234,5' -> 1234.5, '12,23' -> 12.23, '06' -> 6.0; English '78.66' -> 78.66."""
    raw = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", raw):
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _replace(fact: Fact, **changes) -> Fact:

    return replace(fact, **changes)


def _skip_number(sentence: str, folded: str, m: re.Match) -> bool:
    before = folded[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(so|ngay|thang|nam|lan thu|khoa|tieu chi so|hotline|dt|tel)\s*:?\s*$", before):
        return True  # 'Quyết định số 558', 'ngày 15', 'tháng 8', 'năm 2019'
    after = sentence[m.end("n") : m.end("n") + 4]
    if re.match(r"/(?:QĐ|NQ|CT|KH|TB|BC|UBND|TTg|HĐND|[A-ZĐ]{2,})", after):
        return True  # a document number
    if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and not m.group("d"):
        return True  # a year
    return False


def _sentence_fact(doc, offset: int, sentence: str, value_start: int, value_end: int, **fields):
    """A figure one sentence states: ``sentence`` starts at ``offset`` in the document and the
    value spans ``sentence[value_start:value_end]`` (what both readers, Vietnamese and English,
    build)."""
    return Fact(
        doc_id=doc.meta.doc_id,
        source=doc.meta.source,
        start=offset,
        end=offset + len(sentence),
        value_start=offset + value_start,
        value_end=offset + value_end,
        **fields,
    )


# A count whose unit is named before it rather than after: 'Số tiêu chí bình quân mỗi xã là
# 15,9, …', 'Tổng số xã đạt chuẩn: 12.' (folded words before the number; the number ends its
# clause, so that '… là 1234/QĐ-UBND' or '… là 12 trường' are no such count)
_UNIT_NAMED_BEFORE = re.compile(
    r"\b(?:tong )?so(?: luong)? (?P<unit>"
    + "|".join(u for u in _UNIT_PATTERNS if u != "%")
    + r")\b[^\d;:.!?()]{0,60}?(?:\s+(?:la|dat|len)\s+|\s*:\s*)$"
)
_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;)]|$)")


class NamedUnit:
    """The unit of a count named before it (:data:`_UNIT_NAMED_BEFORE`), standing in for the
    match of the unit after a figure: ``group('unit')`` is the folded unit, ``end()`` the end
    of the number, ``written`` the unit as the sentence writes it, ``named_at`` where the words
    naming it start ('số …')."""

    def __init__(self, unit: str, end: int, written: str, named_at: int):
        self.unit, self._end, self.written, self.named_at = unit, end, written, named_at

    def group(self, name: str) -> str:
        return self.unit

    def end(self) -> int:
        return self._end


def unit_named_before(sentence: str, folded: str, m: re.Match) -> NamedUnit | None:
    """The unit of a number ``m`` that the words before it name ('Số tiêu chí bình quân mỗi xã
    là 15,9'), when the number has no unit of its own and ends its clause."""
    if m.group("a") or not _ENDS_CLAUSE.match(folded, m.end()):
        return None
    named = _UNIT_NAMED_BEFORE.search(folded, max(0, m.start() - 120), m.start())
    if not named:
        return None
    s, e = named.span("unit")
    unit = re.sub(r"\s+", " ", named.group("unit"))
    return NamedUnit(unit, m.end(), sentence[s:e], named.start())
