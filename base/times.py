"""Time expressions of Vietnamese NTM text: when a figure holds, and when a question asks about.

``read_times(text)`` finds dates, months, years, periods and relative expressions ("đến nay",
"6 tháng đầu năm 2021", "giai đoạn 2016-2020", "cuối năm 2016", "tính đến tháng 3/2021"), each
with its span in ``text`` and its role: the time a figure holds at (``asof``), a period it
covers (``period``), a baseline it is compared with ("so với năm 2015": ``baseline``), or the
horizon of a target ("phấn đấu đến năm 2025": ``target``), or the date a numbered plan or
decision was issued ("Kế hoạch số 680 …, ngày 19-2-2019": ``issued``). Relative expressions need the
document's date (``ref``) to become dates; without it they stay open.

Times are month ranges: ``lo``/``hi`` are ``(year, month)`` pairs, inclusive. A year is
(y, 1)–(y, 12); "tháng 6/2018" is (2018, 6)–(2018, 6); "đến hết năm 2020" is (2020, 12).

Usage::

    for t in read_times("Tính đến tháng 6/2018, toàn tỉnh có 41/88 xã đạt chuẩn"):
        t.role, t.lo, t.hi, t.text     # 'asof', (2018, 6), (2018, 6), 'Tính đến tháng 6/2018'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from base.text import fold

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class TimeRef:
    """One time expression: a month range with its role and its span in the text."""

    lo: Month
    hi: Month
    role: str  # asof | period | baseline | target | date | issued
    text: str
    start: int = 0
    end: int = 0
    relative: bool = False  # 'đến nay', 'năm nay': resolved from the document's date

    @property
    def year(self) -> int:
        return self.hi[0]

    def label(self) -> str:
        """A short Vietnamese label: '6/2018', 'năm 2020', '2016–2020'."""
        (y1, m1), (y2, m2) = self.lo, self.hi
        if (y1, m1) == (y2, m2):
            return f"{m2}/{y2}"
        if y1 == y2 and m1 == 1 and m2 == 12:
            return f"năm {y2}"
        if y1 == y2:
            return f"{m1}–{m2}/{y2}"
        if m1 == 1 and m2 == 12:
            return f"{y1}–{y2}"
        return f"{m1}/{y1}–{m2}/{y2}"


_YEAR = r"((?:19|20)\d\d)"
# each pattern: (regex on folded lower-case text, builder)
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\d/.,-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _YEAR + r"(?![\d])"
)
_WORDED_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+" + _YEAR)
_MONTH_YEAR = re.compile(
    r"(?:\bthang\s+)?(?<![\d/.,-])(\d{1,2})\s*[/-]\s*" + _YEAR + r"(?![\d/])"
    r"|\bthang\s+(\d{1,2})\s+nam\s+" + _YEAR
)
_FIRST_MONTHS = re.compile(
    r"\b(\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+thang\s+(?:dau\s+|cuoi\s+)?nam"
    r"(?:\s+" + _YEAR + r")?"
)
_HALF = re.compile(r"(?<!phan )\b(cuoi|dau|giua)\s+nam\s+" + _YEAR)
_QUARTER = re.compile(r"\bquy\s+(i{1,3}|iv|[1-4])\s*(?:/|nam\s+)" + _YEAR)
_RANGE = re.compile(
    r"(?:\b(?:giai doan|thoi ky|nhiem ky|tu nam|tu)\s+)?(?<![\d/.,-])"
    + _YEAR
    + r"\s*(?:-|–|den|toi)\s*(?:nam\s+)?"
    + _YEAR
)
_YEAR_ONLY = re.compile(r"(?:\bnam\s+)?(?<![\d/.,-])" + _YEAR + r"(?![\d]|[.,]\d|/\d)")
_NOW = re.compile(
    r"\b(?:tinh )?(?:den|toi) (?:nay|thoi diem nay|thoi diem hien tai|hien nay|hien tai)\b"
    r"|\bhien nay\b|\bhien tai\b|\bnam nay\b|\bhien co\b|\bhien\b(?= (?:co|dat|con|toan|tren|da))"
)

# 'hiện' (now) as written where the folded text reads 'hien': not 'hiến' (donate), 'hiền'
_NOT_NOW = re.compile(r"(?i)hi[ếềểễ]n\b")


def says_now(text: str, at: int) -> bool:
    """Whether the 'hien' read at ``at`` of the folded text is 'hiện' (or typed without
    diacritics), not another word that folds alike."""
    return not _NOT_NOW.match(text, at)


# numbers written as words (folded): "năm xã", "sau 3 tháng"
WORD_NUMBERS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_ASOF_BEFORE = re.compile(
    r"(?:tinh den|tinh toi|den het|den cuoi|toi het|toi cuoi|den|toi|tinh den het|"
    r"luy ke den|cho den|tinh het|het)\s*(?:(?:trung tuan|thuong tuan|ha tuan|cuoi|dau|giua|het)\s+)?"
    r"(?:ngay|thang|nam)?\s*$"
)
_BASELINE_BEFORE = re.compile(
    r"(?:so voi|so cung ky|cung ky|tu|ke tu|bat dau tu|khoi dau)\s*(?:cuoi|dau)?\s*(?:nam|thang|ngay)?\s*$"
    # 'tăng 4,9 lần so năm 2010': 'so' alone compares too (not 'tổng số năm …')
    r"|(?<!tong )\bso\s+(?:(?:cuoi|dau)\s+)?(?:nam|thang)\s*$"
    # 'gấp 4,13 lần năm 2011', 'gấp mấy lần năm 2011': a multiple of that year's figure
    r"|\bgap\s+(?:(?:hon|gan|khoang|may|bao nhieu)\s+)*(?:\d+(?:[.,]\d+)?\s+)?lan\s+"
    r"(?:(?:cuoi|dau)\s+)?(?:nam|thang)?\s*$"
)
# 'so' right before a time that says 'năm'/'tháng' itself ('so năm 2010'), folded
_BARE_SO = re.compile(r"(?<!tong )\bso\s+(?:(?:cuoi|dau)\s+)?$")
# Words that announce a goal, folded. 'Chương trình mục tiêu quốc gia' is the programme's
# name, not a goal; 'chỉ tiêu' counted ('47 chỉ tiêu', 'bao nhiêu chỉ tiêu') are a standard's
# indicators, not a goal.
TARGET_CUES = (
    r"phan dau|(?<!chuong trinh )muc tieu(?! quoc gia)|ke hoach|du kien|"
    r"(?<!\d )(?<!bao nhieu )(?<!may )chi tieu|dinh huong"
)
# ... and, for a time, the year whose tasks are set out ('triển khai nhiệm vụ năm 2022')
_TARGET_WORDS = re.compile(rf"\b({TARGET_CUES}|trien khai nhiem vu|phuong huong|se)\b")


def _month_range(year: int, month: int) -> tuple[Month, Month]:
    return (year, month), (year, month)


def _valid(year: int, month: int = 1) -> bool:
    return 1945 <= year <= 2100 and 1 <= month <= 12


def read_times(text: str, ref: str | None = None) -> list[TimeRef]:
    """Every time expression of ``text`` in order, with its role (see the module docstring).

    ``ref`` is the document's date (ISO 'yyyy[-mm[-dd]]'): it dates 'đến nay', 'năm nay' and
    'n tháng đầu năm' without a year. Overlapping matches keep the most precise one.
    """
    folded = fold(text).lower()
    if len(folded) != len(text):  # spans must index ``text``; folding kept lengths here
        folded = text.lower()
    ref_month = _ref_month(ref)
    found: list[TimeRef] = []
    starts: list[int] = []  # of the spans taken, sorted; they never overlap
    ends: list[int] = []

    def add(start: int, end: int, lo: Month, hi: Month, relative: bool = False) -> None:
        i = bisect.bisect_left(starts, end)  # spans starting before ``end``…
        if i and ends[i - 1] > start:  # …the last of which reaches past ``start``: overlap
            return
        if not (_valid(*lo) and _valid(*hi)) or lo > hi:
            return
        starts.insert(i, start)
        ends.insert(i, end)
        found.append(TimeRef(lo, hi, "date", text[start:end], start, end, relative))

    for m in _DAY_MONTH_YEAR.finditer(folded):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= d <= 31:
            add(m.start(), m.end(), *_month_range(y, mo))
    for m in _WORDED_DATE.finditer(folded):
        add(m.start(), m.end(), *_month_range(int(m.group(3)), int(m.group(2))))
    for m in _RANGE.finditer(folded):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y1 < y2 <= y1 + 30:
            add(m.start(), m.end(), (y1, 1), (y2, 12))
    for m in _FIRST_MONTHS.finditer(folded):
        raw = m.group(1)
        months = int(raw) if raw.isdigit() else WORD_NUMBERS.get(raw, 0)
        year = int(m.group(2)) if m.group(2) else (ref_month[0] if ref_month else None)
        if year and 1 <= months <= 12:
            last = "cuoi" in m.group(0)
            lo, hi = ((year, 13 - months), (year, 12)) if last else ((year, 1), (year, months))
            add(m.start(), m.end(), lo, hi, relative=not m.group(2))
    for m in _QUARTER.finditer(folded):
        raw = m.group(1)
        q = int(raw) if raw.isdigit() else _ROMAN[raw]
        y = int(m.group(2))
        add(m.start(), m.end(), (y, 3 * q - 2), (y, 3 * q))
    for m in _HALF.finditer(folded):
        y = int(m.group(2))
        months = {"cuoi": (10, 12), "dau": (1, 3), "giua": (5, 7)}[m.group(1)]
        add(m.start(), m.end(), (y, months[0]), (y, months[1]))
    for m in _MONTH_YEAR.finditer(folded):
        mo = int(m.group(1) or m.group(3))
        y = int(m.group(2) or m.group(4))
        add(m.start(), m.end(), *_month_range(y, mo))
    for m in _YEAR_ONLY.finditer(folded):
        y = int(m.group(1))
        before = folded[max(0, m.start(1) - 12) : m.start(1)]
        if re.search(r"(?:so|qd|nq|ct|/)\s*$", before):
            continue  # a document number, not a year
        add(m.start(), m.end(), (y, 1), (y, 12))
    if ref_month:
        for m in _NOW.finditer(folded):
            if not says_now(text, m.start()):
                continue  # 'hiến trên 90.000 m2 đất' donates, it does not say 'now'
            add(m.start(), m.end(), ref_month, ref_month, relative=True)

    roles = blank_share_of_plan(folded)
    return [_with_role(t, roles) for t in sorted(found, key=lambda t: t.start)]


# a result measured against a plan: 'đạt 97,5% mục tiêu giai đoạn', 'bằng 110% kế hoạch năm'
# (folded): the plan's word is the measure's yardstick, not a plan the sentence sets
_SHARE_OF_PLAN = re.compile(
    r"\b(?:dat|bang|vuot|hoan thanh)\s+(?:(?:khoang|gan|tren|hon)\s+)?"
    # … or asked for: 'đạt bao nhiêu phần trăm mục tiêu'
    r"(?:\d[\d.,]*\s*%|(?:bao nhieu|may)\s*(?:%|phan tram))\s+"
    r"(?:so voi\s+)?(muc tieu|ke hoach|chi tieu)\b"
)


def blank_share_of_plan(folded: str) -> str:
    """``folded`` with the plan's word of a share reached ('đạt 88% mục tiêu') blanked, so
    that no target cue reads it as a plan; lengths are kept."""
    for m in _SHARE_OF_PLAN.finditer(folded):
        folded = folded[: m.start(1)] + "_" * (m.end(1) - m.start(1)) + folded[m.end(1) :]
    return folded


# How far a clause is looked for around a time: bounds the work on a text with no
# punctuation at all (linear time on any input); real clauses are far shorter.
_CLAUSE_REACH = 600


# a numbered plan, resolution or letter right before a date: the date it was issued ('Kế
# hoạch số 680 của UBND tỉnh, ngày 19-2-2019'), folded. Not a decision's: 'Quyết định số 92
# ngày 8/4/2020 công nhận 5 xã' dates the recognition it makes
_ISSUED_BEFORE = re.compile(
    r"\b(?:ke hoach|nghi quyet|chi thi|cong van|thong bao|thong tu|nghi dinh|van ban|"
    r"to trinh|bao cao|de an)\s+(?:so\s+)?\d[\w/.-]*"
    r"(?:\s+(?:cua|do)\s+[^,.;:()]{1,40}?)?\s*,?\s*(?:ban hanh\s+)?(?:ngay\s*)?$"
)
# characters before a date read for the document it dates
_ISSUED_REACH = 90


def _with_role(t: TimeRef, folded: str) -> TimeRef:
    if _ISSUED_BEFORE.search(folded[max(0, t.start - _ISSUED_REACH) : t.start]):
        # the date a plan or decision was issued, not when a figure holds
        return TimeRef(t.lo, t.hi, "issued", t.text, t.start, t.end, t.relative)
    before = folded[max(0, t.start - 24) : t.start]
    floor = max(0, t.start - _CLAUSE_REACH)
    clause_start = max(max(folded.rfind(ch, floor, t.start) for ch in ".;:\n") + 1, floor)
    ceiling = min(len(folded), t.end + _CLAUSE_REACH)
    clause_end = min(
        [i for i in (folded.find(ch, t.end, ceiling) for ch in ".;\n") if i >= 0] + [ceiling]
    )
    clause = folded[clause_start:clause_end]
    bare_so = _BARE_SO.search(before) and re.match(r"(?:nam|thang)\b", folded[t.start : t.end])
    # '(so năm 2017 là 6,47%)': the compared year's own figure follows; it dates that one
    stated = re.match(r"\s*(?:la|:)\s*\d", folded[t.end : t.end + 8])
    if (
        (_BASELINE_BEFORE.search(before) or bare_so)
        and not stated
        and not re.search(r"\b(den|toi)\s*(?:het|cuoi)?\s*$", before)
    ):
        role = "baseline"
    elif _ASOF_BEFORE.search(before) or t.relative:
        horizon = t.lo[0] >= 2021 and _TARGET_WORDS.search(clause)
        role = "target" if horizon and re.search(r"\b(den|toi)\s*(?:nam)?\s*$", before) else "asof"
        if role == "asof" and t.lo == (t.hi[0], 1) and t.hi[1] == 12:
            if re.search(r"\b(het|cuoi)\s*(?:nam)?\s*$", before):
                # 'đến hết năm 2021': the figure as it stood at the end of that year
                return TimeRef((t.hi[0], 12), t.hi, role, t.text, t.start, t.end, t.relative)
    elif re.match(r"(cuoi|dau|giua) nam", folded[t.start : t.end]):
        role = "asof"  # 'cuối năm 2016': the figure as it stood then
    elif t.lo[0] != t.hi[0] and t.lo[1] == 1 and t.hi[1] == 12:
        role = "period"
    elif t.lo != t.hi and t.lo[0] == t.hi[0] and not (t.lo[1] == 1 and t.hi[1] == 12):
        role = "period"  # 6 tháng đầu năm, quý II
    else:
        role = "date"
    if role in ("date", "asof") and _TARGET_WORDS.search(folded[clause_start : t.start]):
        role = "target"  # 'phấn đấu năm 2022 có thêm 13 xã'
    return TimeRef(t.lo, t.hi, role, t.text, t.start, t.end, t.relative)


def _ref_month(ref: str | None) -> Month | None:
    if not ref:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?", ref)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 12)


def overlap(a: tuple[Month, Month], b: tuple[Month, Month]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def months_apart(a: Month, b: Month) -> int:
    return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))
