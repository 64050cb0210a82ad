"""When a figure holds: its own time, the sentence's, the paragraph's or the document's date;
'đến nay' and 'hiện nay' in dated and undated articles; the latest past year an undated
article states."""

from __future__ import annotations

import bisect
import re

from base.times import TimeRef, read_times, says_now
from base.types import Document, FactKind

_PLAN_REACH = 1500  # characters of the paragraph read before a sentence (bounded work)


def _written_after(text: str) -> str:
    """The latest year an undated article states as past ('năm 2022', 'ngày 12/11/2022'; not a
    target, a period or a baseline): it was written that year or later, which is all its
    undated figures ('đến nay có 52 xã') tell of their time ('' when it states none)."""
    years = [t.hi[0] for t in read_times(text) if t.role in ("asof", "date") and _span(t) <= 12]
    return str(max(years)) if years else ""


def _document_time(doc: Document) -> tuple[str, str, str, str] | None:
    if not doc.meta.date:
        return None
    year, _, rest = doc.meta.date.partition("-")
    month = rest[:2] if rest else "12"
    lo = f"{year}-{month}" if rest else f"{year}-01"
    return lo, f"{year}-{month}", _display(doc.meta.date), "document"


def _display(iso: str) -> str:
    return "/".join(reversed(iso.split("-")))


def _iso(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


# 'now' in an undated article: the figures after it hold when it was written, not at a year
# named before it ('năm 2015 là 11,5 tiêu chí, đến nay là 12,6 tiêu chí')
_NOW = re.compile(
    r"\b(?:den nay|toi nay|hien nay|hien tai|den thoi diem nay|nay da|hien co|hien da|hien dat)\b"
    r"|(?:^|[,;:]\s*)hien\b"
)


def _says_now(sentence: str, folded: str, m: re.Match) -> bool:
    """'hiện đạt' says now; 'hiến đất' (donated land) folds alike and does not."""
    at = folded.find("hien", m.start(), m.end())
    return at < 0 or says_now(sentence, at)


# what may stand between a figure and its own time: '70 triệu đồng/ha năm 2010', '25 sản
# phẩm (2019)', '12 xã vào cuối năm 2016'
_ATTACHED = re.compile(r"(?:\s*/\s*\w+)?[\s(]*(?:vao\s+|trong\s+)?")


def _time_of(
    kind,
    times,
    at,
    para_times,
    sentence_at,
    doc_time,
    clause=None,
    now=(),
    figures=(),
    claimed=None,
    own=None,
) -> tuple[str, str, str, str]:
    """(lo, hi, text, where) of when a figure holds: a point or year named in its own clause
    ('25 sản phẩm đạt chứng nhận OCOP (2019)'), else the nearest one before it in its sentence
    (unless 'đến nay' comes between: then the document's date), else one named earlier in its
    paragraph, else the document's date, else a multi-year period ('giai đoạn 2010-2020')
    around it."""
    wanted = (
        ("target", "asof", "date", "period")
        if kind == FactKind.TARGET
        else ("asof", "date", "period")
    )
    usable = [t for t in times if t.role in wanted]
    points = [t for t in usable if _span(t) <= 12]
    # a time after the figure that another figure follows dates that one: 'năm 2011 là 3,29%,
    # đến cuối năm 2019 giảm còn 0,78%'
    claimed = claimed or {}
    own_time = [t for t in points if claimed.get(t.start) == own]
    if own_time:
        t = own_time[0]
        return _iso(t.lo), _iso(t.hi), t.text, "sentence"
    points = [t for t in points if t.start not in claimed]  # other figures' own times
    points = [
        t
        for t in points
        if t.start < at
        or not _figure_between(figures, own, t.end, clause[1] if clause else t.end + 80)
    ]
    if points:
        own = [t for t in points if clause and clause[0] <= t.start < clause[1]]
        before = [t for t in points if t.start < at]
        t = min(own, key=lambda t: abs(t.start - at)) if own else (before or [None])[-1]
        if t is not None:
            if t.end <= at and kind != FactKind.TARGET and any(t.end <= n < at for n in now):
                return doc_time or ("", "", "", "")
            return _iso(t.lo), _iso(t.hi), t.text, "sentence"
        # only times after it, in other clauses: they date other figures ('đạt 54,8 triệu đồng;
        # … tăng từ 85 triệu đồng/ha năm 2010')
    earlier = [
        t for t in para_times if t.role in wanted and t.end <= sentence_at and _span(t) <= 12
    ]
    if earlier:
        asof = [t for t in earlier if t.role == "asof"]
        t = (asof or earlier)[-1]
        return _iso(t.lo), _iso(t.hi), t.text, "paragraph"
    if kind == FactKind.TARGET:
        horizon = [t for t in para_times if t.role == "target" and t.end <= sentence_at]
        if horizon:
            t = horizon[-1]
            return _iso(t.lo), _iso(t.hi), t.text, "paragraph"
    periods = [t for t in usable if _span(t) > 12]
    if doc_time and kind != FactKind.TARGET:
        if any(_iso(t.lo) <= doc_time[1] <= _iso(t.hi) for t in periods):
            # 'Giai đoạn 2010 - 2020, tổng vốn huy động đạt …' in an article of 12/2020: the
            # total as the document's date, which the sentence's own period vouches for
            return (*doc_time[:3], "sentence")
        return doc_time
    if periods:
        t = periods[0]
        return _iso(t.lo), _iso(t.hi), t.text, "sentence"
    return "", "", "", ""


def _figure_between(figures, own: int | None, lo: int, hi: int) -> bool:
    """Whether a figure of ``figures`` (their positions, ascending) after ``own`` lies in
    ``[lo, hi)``."""
    i = bisect.bisect_left(figures, lo if own is None else max(lo, own + 1))
    return i < len(figures) and figures[i] < hi


def _span(t: TimeRef) -> int:
    return (t.hi[0] * 12 + t.hi[1]) - (t.lo[0] * 12 + t.lo[1]) + 1


def sentence_time(doc: Document, start: int, end: int, kind: str = "") -> tuple[str, str, str, str]:
    """When what ``doc.text[start:end]`` says holds, by the rules of a figure's time."""
    text = doc.text
    p_start = max(text.rfind("\n", 0, start) + 1, start - _PLAN_REACH)
    times = [t for t in read_times(text[start:end], doc.meta.date) if t.role != "baseline"]
    para_times = read_times(text[p_start:start], doc.meta.date)
    return _time_of(kind, times, end - start, para_times, start - p_start, _document_time(doc))
