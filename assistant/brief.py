"""Conference briefs: the figures of a place and a period, from the facts index, with citations.

Staff preparing a sơ kết or tổng kết conference need, for one place and a few years, the latest
value of each programme indicator, how it moved, where two sources disagree, what was planned
against what was reached, and which decisions and people the articles name. :func:`build_brief`
reads all of it from the stored facts (``ingest.facts``) and cites every figure with the
sentence that states it, verbatim; ``assistant.brief_export`` writes it as Markdown or Word.

Usage::

    brief = bot.brief(place="Lạng Sơn", year_from=2019, year_to=2021)
    brief.headline[0].latest.value      # '61 xã'
    brief.citations[0].quote            # the sentence of the source, verbatim
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from assistant.answering import extract
from assistant.answering.rules import BriefRules, Rules
from assistant.brief_words import Sections, read_sections
from base.errors import QuestionError
from base.lexicon import BRIEF_INDICATORS, INDICATORS, NAMED_OFFICES, indicator_label
from base.locations import location_at
from base.sentences import split_sentences
from base.text import fold
from base.types import Citation, Document, Fact, FactKind
from ingest.facts import names_now, states_plan

# What a brief covers unless told otherwise: the programme's headline indicators (the rows
# of ``base.lexicon`` marked ``in_briefs``, in their order).
DEFAULT_INDICATORS = BRIEF_INDICATORS
YEARS = (1990, 2100)  # what a period may span
# figures that state where things stand
RESULT_KINDS = (FactKind.TOTAL, FactKind.VALUE, FactKind.PART)
_MERGER = re.compile(r"(?i)\b(trước|sau)\s+(?:khi\s+)?sáp\s+nhập")
# what a decision did ('Quyết định số 2345/QĐ-UBND công nhận 6 xã'): an event, not where things stand
_EVENT = re.compile(r"(?i)quyết định[^.;]*công nhận\s*$")
_NUMBERED = re.compile(r"\d+\s*/\s*[A-ZĐ]|\d+-[A-ZĐ]{2}|\bsố\s+\d", re.IGNORECASE)
_OFFICE = re.compile(rf"(?i)\b(?:Phó\s+)?(?:{'|'.join(NAMED_OFFICES)})\b")


@dataclass(frozen=True)
class Point:
    """One cited figure of an indicator for a place: the value as the source writes it."""

    indicator: str
    place: str
    value: str
    number: float | None
    as_of: str  # 'yyyy-mm' (the end of the time it holds for)
    time_text: str  # the source's words for that time ('cuối năm 2019')
    kind: FactKind
    citation: int
    counted: str = ""  # 'trước sáp nhập' / 'sau sáp nhập' when the source says so
    unit: str = ""  # folded ('xa', 'tieu chi/xa')
    aim: str = ""  # what a target counts (``Fact.aim``): total, increment, per_year, value
    group: str = ""  # the part of the place it is about ('xã biên giới'); '' for all of it
    basis: float | None = None  # how many places it counts out of: stated, or by its share
    series: str = (
        ""  # which of its timeline's series, when they differ ('sau sáp nhập, trên 181 xã')
    )
    since: str = ""  # 'yyyy-mm': the start of the time it holds for ('2021-01' for 'năm 2021')

    @property
    def measure(self) -> str:
        """What it measures, for pairing it with another figure: 'level' for where things
        stand (a total, a plain value), else its kind ('increment', 'part', …); a target's
        aim ('total' reads as 'level')."""
        kind = self.aim if self.kind == FactKind.TARGET else str(self.kind)
        return "level" if kind in (FactKind.TOTAL, FactKind.VALUE) else kind

    def kind_label(self) -> str:
        """What the figure is, as a reader sees it: 'tổng', 'tăng thêm mỗi năm', 'giá trị,
        riêng xã biên giới'…"""
        if self.kind == FactKind.TARGET:
            words = _AIMS.get(self.aim, "")
            if self.aim in ("", FactKind.VALUE) and not self.level_unit:
                words = "không nói tổng hay tăng thêm"
        else:
            words = FactKind(self.kind).label()
        parts = [words, f"riêng {self.group}" if self.group else "", self.series or self.counted]
        return ", ".join(p for p in parts if p)

    @property
    def level_unit(self) -> bool:
        """Whether its unit states a level (a share, an average, a per-head amount), which a
        plain value always is, rather than a count that may be a total or an increment."""
        return self.unit == "%" or "/" in self.unit or self.unit.startswith("tieu chi")


# what a target counts, in words
_AIMS = {
    FactKind.TOTAL: "tổng số",
    FactKind.INCREMENT: "tăng thêm",
    "per_year": "tăng thêm mỗi năm",
    FactKind.VALUE: "mức đạt",
}


@dataclass(frozen=True)
class HeadlineRow:
    indicator: str
    label: str  # readable name of the indicator
    place: str
    latest: Point
    earliest: Point | None  # the earliest value in the period, when it is another one
    change: str  # 'tăng 12 (từ 73/148 xã, 12/2019)', '' when none can be said


@dataclass(frozen=True)
class Conflict:
    """Different values of one indicator, place and time in different documents."""

    indicator: str
    place: str
    as_of: str
    points: tuple[Point, ...]
    note: str  # why they may differ, when the sources say ('trước/sau sáp nhập')


@dataclass(frozen=True)
class TargetRow:
    """A target the documents state, and the latest result of the same indicator, place,
    kind, unit, part of the place and basis, at or before the target's time (when one is
    stated: an increment's in the target's own time)."""

    target: Point
    result: Point | None
    why_none: str = ""  # when there is no result: 'chưa có số liệu cùng loại'…


@dataclass(frozen=True)
class Mention:
    """A decision ('Quyết định số 1104/QĐ-UBND') or a person with their title."""

    text: str
    role: str
    citation: int


@dataclass
class Brief:
    place: str | None
    year_from: int | None
    year_to: int | None
    indicators: tuple[str, ...]
    made_at: str
    headline: list[HeadlineRow] = field(default_factory=list)
    timelines: dict[str, list[Point]] = field(default_factory=dict)  # 'indicator|place' -> points
    conflicts: list[Conflict] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    decisions: list[Mention] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)
    words: Sections = field(default_factory=Sections)  # results, limits and tasks in words
    citations: list[Citation] = field(default_factory=list)
    undated: int = 0  # figures left out because no time could be read for them
    empty_reason: str = ""
    nearest_places: list[str] = field(default_factory=list)
    nearest_years: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.headline and not self.targets

    @property
    def sources(self) -> list[tuple[str, str, str | None]]:
        """(source, title, date) of every document cited, in the order first cited."""
        seen: dict[str, tuple[str, str, str | None]] = {}
        for c in self.citations:
            seen.setdefault(c.source, (c.source, c.title, c.date))
        return list(seen.values())

    def citation(self, n: int) -> Citation:
        return self.citations[n - 1]

    def period_label(self, lang: str = "vi") -> str:
        """The period in words: 'năm 2021', '2019–2021', 'từ năm 2019', 'mọi thời điểm' ('2021',
        'from 2019', 'all time' in English)."""
        en = lang == "en"
        if self.year_from and self.year_to:
            if self.year_from == self.year_to:
                return f"{self.year_from}" if en else f"năm {self.year_from}"
            return f"{self.year_from}–{self.year_to}"
        if self.year_from:
            return f"from {self.year_from}" if en else f"từ năm {self.year_from}"
        if self.year_to:
            return f"up to {self.year_to}" if en else f"đến năm {self.year_to}"
        return "all time" if en else "mọi thời điểm"


def check_brief_request(
    place: object, year_from: object, year_to: object, indicators: object
) -> tuple[str | None, int | None, int | None, tuple[str, ...]]:
    """The request, checked: a clear message naming what is wrong otherwise."""
    if place is not None:
        if not isinstance(place, str) or not place.strip():
            raise QuestionError("Địa bàn trống. (The place is empty: leave it out for all places.)")
        place = " ".join(place.split())
        if len(place) > 100:
            raise QuestionError(
                "Tên địa bàn quá dài (tối đa 100 ký tự). (The place name is too long.)"
            )
    years = []
    for name, year in (("từ năm (from)", year_from), ("đến năm (to)", year_to)):
        if year is None or year == "":
            years.append(None)
            continue
        try:
            value = int(str(year).strip())
        except ValueError:
            raise QuestionError(f"'{year}' không phải một năm ({name}). (Not a year.)") from None
        if not YEARS[0] <= value <= YEARS[1]:
            raise QuestionError(
                f"Năm {value} ngoài khoảng {YEARS[0]}–{YEARS[1]} ({name}). (Year out of range.)"
            )
        years.append(value)
    lo, hi = years
    if lo is not None and hi is not None and lo > hi:
        raise QuestionError(f"Từ năm {lo} lớn hơn đến năm {hi}. (The period starts after it ends.)")
    keys = tuple(indicators) if indicators else DEFAULT_INDICATORS
    unknown = [k for k in keys if k not in INDICATORS]
    if unknown:
        raise QuestionError(
            f"Chỉ tiêu không có: {', '.join(map(str, unknown))}; dùng: {', '.join(INDICATORS)}. "
            "(Unknown indicator.)"
        )
    return place, lo, hi, keys


def build_brief(
    facts: list[Fact],
    documents: dict[str, Document],
    place: str | None,
    year_from: int | None,
    year_to: int | None,
    indicators: tuple[str, ...],
    elsewhere: Callable[[], list[Fact]] | None = None,
    rules: BriefRules | None = None,
) -> Brief:
    """The brief of ``facts`` (those of ``place``, any indicator) for the period and indicators.

    ``documents`` maps each source to its stored document (the quotes come from it);
    ``elsewhere`` gives every place's facts, read only when the brief is empty, to name the
    nearest places that have figures.
    """
    brief = Brief(
        place=place,
        year_from=year_from,
        year_to=year_to,
        indicators=indicators,
        made_at=datetime.now().strftime("%d/%m/%Y %H:%M"),
    )
    cite = _Citer(brief, documents)
    wanted = set(indicators)
    chosen = [f for f in facts if f.indicator in wanted and f.source in documents]
    dated = [f for f in chosen if f.time_hi]
    brief.undated = len(chosen) - len(dated)
    in_period = [f for f in dated if _overlaps(f, year_from, year_to)]

    rules = rules or Rules.default().brief
    results = [
        f
        for f in in_period
        if f.kind in RESULT_KINDS
        and not _EVENT.search(documents[f.source].text[f.start : f.value_start])
    ]
    by_row: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for f in sorted(results, key=lambda f: (f.time_hi, f.source, f.value_start)):
        by_row[(f.indicator, f.place)].append(cite.point(f))
    order = {k: i for i, k in enumerate(indicators)}
    for (key, where), points in sorted(by_row.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        points = in_series(points, rules)
        brief.timelines[f"{key}|{where}"] = points
        brief.headline.append(_headline(key, where, points))
        brief.conflicts.extend(_conflicts(key, where, points, brief))

    increments = [f for f in in_period if f.kind == FactKind.INCREMENT and f.indicator in wanted]
    for f in sorted(
        (f for f in in_period if f.kind == FactKind.TARGET and _for_a_stated_time(f)),
        key=lambda f: (order[f.indicator], f.place, f.time_hi),
    ):
        span = _plan_span(documents[f.source], f, rules)
        if span is None:
            continue  # neither its sentence nor the plan it continues says it is planned
        target = cite.point(f, span)
        row = brief.timelines.get(f"{f.indicator}|{f.place}", [])
        target = _with_basis(target, row, rules)
        brief.targets.append(
            _target_row(target, row, [cite.point(i) for i in increments if _same_row(i, f)], rules)
        )

    used = list(dict.fromkeys(c.source for c in brief.citations))
    if not brief.empty:
        brief.words = read_sections(
            [documents[s] for s in _of_period(documents, in_period, year_from, year_to)],
            place,
            cite.number,
            highlights=[
                (brief.citation(n).quote, n)
                for n in dict.fromkeys(r.latest.citation for r in brief.headline)
            ],
        )
    _decisions_and_people(brief, [documents[s] for s in used], cite, rules)

    if brief.empty:
        _explain_empty(brief, elsewhere() if elsewhere else [], wanted, chosen, in_period)
    return brief


class _Citer:
    """Numbers the quotes of a brief, one number per sentence."""

    def __init__(self, brief: Brief, documents: dict[str, Document]):
        self.brief, self.documents = brief, documents
        self.numbers: dict[tuple[str, int, int], int] = {}

    def number(self, source: str, start: int, end: int) -> int:
        key = (source, start, end)
        if key not in self.numbers:
            doc = self.documents[source]
            n = len(self.brief.citations) + 1
            text = doc.text[start:end]
            start += len(text) - len(text.lstrip())  # the quote is verbatim text[start:end]
            end -= len(text) - len(text.rstrip())
            self.brief.citations.append(
                Citation(
                    n,
                    source,
                    doc.meta.title,
                    doc.meta.date,
                    doc.text[start:end],
                    start,
                    end,
                    location_at(doc.text, start),
                )
            )
            self.numbers[key] = n
        return self.numbers[key]

    def point(self, f: Fact, span: tuple[int, int] | None = None) -> Point:
        """The cited point of ``f``: its sentence quoted, or ``span`` of its document (a
        target's sentence with the plan it continues)."""
        start, end = span or (f.start, f.end)
        n = self.number(f.source, start, end)
        merger = _MERGER.search(self.documents[f.source].text[f.start : f.end])
        return Point(
            indicator=f.indicator,
            place=f.place,
            value=f.value,
            number=f.number,
            as_of=f.time_hi,
            time_text=f.time_text,
            kind=f.kind,
            citation=n,
            counted=f"{merger.group(1).lower()} sáp nhập" if merger else "",
            unit=f.unit,
            aim=f.aim,
            group=f.group,
            basis=_basis(f),
            since=f.time_lo,
        )


def _overlaps(f: Fact, year_from: int | None, year_to: int | None) -> bool:
    lo, hi = int(f.time_lo[:4]), int(f.time_hi[:4])
    return (year_from is None or hi >= year_from) and (year_to is None or lo <= year_to)


def _of_period(
    documents: dict[str, Document],
    in_period: list[Fact],
    year_from: int | None,
    year_to: int | None,
) -> list[str]:
    """The sources of the period: those with a figure in it, and those dated in it."""
    sources = dict.fromkeys(f.source for f in in_period)
    for source, doc in documents.items():
        year = doc.meta.year
        if year is not None and (year_from or year) <= year <= (year_to or year):
            sources.setdefault(source)
    return list(sources)


def _basis(f: Fact) -> float | None:
    """How many places a count is out of: its denominator ('65/181 xã'), else the one its
    share implies ('65 xã, chiếm tỷ lệ 35,91%' -> 181); None when the source says neither."""
    if f.unit == "%" or f.number is None:
        return None
    if f.denominator:
        return f.denominator
    share = re.match(r"\d+(?:[.,]\d+)?", f.share or "")
    if share:
        rate = float(share.group().replace(",", "."))
        if 0 < rate <= 100:
            return round(f.number * 100 / rate)
    return None


def _same_basis(a: float, b: float, rules: BriefRules) -> bool:
    return abs(a - b) <= rules.basis_tolerance * max(a, b)


def _unit_family(unit: str) -> str:
    """'tieu chi/xa' and 'tieu chi' state one thing (criteria per commune): their head."""
    return unit.split("/")[0]


def _strand(p: Point) -> tuple[str, str, str]:
    """What must agree before two figures of one indicator and place may be compared: what
    they measure, their unit and the part of the place (the basis is settled apart)."""
    return (p.measure, _unit_family(p.unit), p.group)


def in_series(points: list[Point], rules: BriefRules) -> list[Point]:
    """``points`` of one indicator and place (in time order), each labelled with its series
    where figures measured alike (one measure, unit and part of the place) are counted out
    of different numbers of places. A figure whose basis the source does not state takes
    the basis of the nearest figure in time that states one, but never one counted after a
    merger for a time before it, nor one counted before a merger for a time after it; when
    two bases are equally near, it stays apart ('không rõ cách đếm'): 61 of 207 communes
    before the 2020 merger and 65 of 181 after are never one line."""
    out = list(points)
    strands: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(points):
        strands[_strand(p)].append(i)
    for idxs in strands.values():
        for i, p in zip(idxs, _by_basis([points[i] for i in idxs], rules), strict=True):
            out[i] = p
    return out


def _by_basis(points: list[Point], rules: BriefRules) -> list[Point]:
    """``points`` of one strand, each with its basis and, when they differ, its series."""
    bases: list[tuple[float, str]] = []  # (basis or 0, 'trước/sau sáp nhập' or '')

    def cluster(p: Point) -> int | None:
        for i, (b, counted) in enumerate(bases):
            if p.basis is not None and b and _same_basis(b, p.basis, rules):
                if p.counted and not counted:  # the merger's words name this count
                    bases[i] = (b, p.counted)
                return i
            if p.basis is None and p.counted and counted == p.counted:
                return i
        if p.basis is None and not p.counted:
            return None
        bases.append((p.basis or 0.0, p.counted))
        return len(bases) - 1

    stated = [cluster(p) for p in points]
    known = sorted({k for k in stated if k is not None})
    assigned = list(stated)
    for i, p in enumerate(points):
        if stated[i] is not None:
            continue
        if len(known) == 1 and not bases[known[0]][1]:
            assigned[i] = known[0]  # one way of counting, no merger said: it is that one
            continue
        here = _months(p.as_of)
        near: list[tuple[int, int]] = []  # (distance in months, cluster)
        for k in known:
            times = [_months(q.as_of) for q, c in zip(points, stated, strict=True) if c == k]
            counted = bases[k][1]
            if counted.startswith("sau") and here < min(times):
                continue  # counted after a merger: not for a time before it
            if counted.startswith("trước") and here > max(times):
                continue  # counted before a merger: not for a time after it
            near.append((min(abs(here - t) for t in times), k))
        near.sort()
        if near and (len(near) == 1 or near[0][0] < near[1][0]):
            assigned[i] = near[0][1]
    several = len(set(assigned)) > 1
    out = []
    for p, a in zip(points, assigned, strict=True):
        labels = []
        if several and a is None:
            labels.append("không rõ cách đếm")
        elif several:
            basis, counted = bases[a]
            labels += [counted] if counted else []
            if basis:
                labels.append(f"trên {vn_number(basis)} {_unit_word(p)}")
        basis = bases[a][0] if a is not None and bases[a][0] else p.basis
        out.append(replace(p, series=", ".join(labels), basis=basis))
    return out


def _unit_word(p: Point) -> str:
    """The unit of a count as the source writes it ('xã' of '65/181 xã')."""
    return p.value.split()[-1] if p.value.split() else p.unit


def _months(as_of: str) -> int:
    return int(as_of[:4]) * 12 + (int(as_of[5:7]) if len(as_of) >= 7 else 12)


def _comparable(a: Point, b: Point) -> bool:
    """Whether a change between ``a`` and ``b`` means something: one measure, one unit, one
    part of the place and one series (basis)."""
    return _strand(a) == _strand(b) and a.series == b.series


def _headline(key: str, where: str, points: list[Point]) -> HeadlineRow:
    # where the whole place stands, when the documents say; the latest time; among figures
    # of that time, a stated total before a plain value
    standing = [p for p in points if p.measure == "level" and not p.group] or points
    last = max(standing, key=lambda p: (p.as_of, p.kind == FactKind.TOTAL, p.basis is not None))
    alike = [p for p in standing if _comparable(p, last) and p.number is not None]
    first = min(alike, key=lambda p: (p.as_of, p.kind != FactKind.TOTAL), default=None)
    earliest = first if first is not None and first.as_of < last.as_of else None
    change = ""
    if earliest and last.number is not None and earliest.number is not None:
        delta = last.number - earliest.number
        if delta == 0:
            change = f"không đổi (từ {earliest.value}, {_month(earliest.as_of)})"
        else:
            verb = "tăng" if delta > 0 else "giảm"
            change = (
                f"{verb} {vn_number(abs(delta))} (từ {earliest.value}, {_month(earliest.as_of)})"
            )
    elif any(p.as_of < last.as_of and not _comparable(p, last) for p in standing):
        change = "không so được: các số trước được đếm khác (xem diễn biến)"
    return HeadlineRow(key, indicator_label(key), where, last, earliest, change)


def _conflicts(key: str, where: str, points: list[Point], brief: Brief) -> list[Conflict]:
    groups: dict[tuple, list[Point]] = defaultdict(list)
    for p in points:
        if p.number is not None and p.kind != FactKind.PART:
            groups[(p.as_of, _strand(p), p.series)].append(p)
    found = []
    for (as_of, _, _), group in groups.items():
        sources = {brief.citation(p.citation).source for p in group}
        values = {p.number for p in group}
        if len(sources) < 2 or len(values) < 2:
            continue
        counted = {p.counted for p in group}
        note = (
            "đếm khác nhau: " + ", ".join(sorted(c for c in counted if c))
            if len(counted) > 1
            else ""
        )
        found.append(Conflict(key, where, as_of, tuple(group), note))
    return found


def _for_a_stated_time(f: Fact) -> bool:
    """Whether a target is for a time its source states ('năm 2025', 'đến năm 2025'), not
    for the time of writing ('tính đến thời điểm này') or none."""
    return (
        bool(f.time_hi and f.time_text) and f.time_from != "document" and not names_now(f.time_text)
    )


def _plan_span(doc: Document, f: Fact, rules: BriefRules) -> tuple[int, int] | None:
    """What a target row quotes: its sentence when that states the plan ('Năm 2022, toàn tỉnh
    phấn đấu …'), else its paragraph from the sentence that opens the plan to its own
    ('… phấn đấu đến năm 2025 toàn tỉnh có 115/181 xã … Bình quân mỗi xã … đạt 15 tiêu
    chí …'), within ``plan_reach`` characters; None when neither says the figure is planned."""
    text = doc.text
    if states_plan(text[f.start : f.value_start]) or states_plan(text[f.value_end : f.end]):
        return f.start, f.end
    p_start = text.rfind("\n", 0, f.start) + 1
    opening = None
    for start, end in split_sentences(text, max(p_start, f.start - rules.plan_reach), f.start):
        if states_plan(text[start:end]):
            opening = start
    if opening is None:
        return None
    # the sentence that opens the plan may start before the reach: from its start
    return opening, f.end


def _with_basis(target: Point, row: list[Point], rules: BriefRules) -> Point:
    """A level target's basis, when it states none, as a figure of its timeline would get
    it ('85 xã' for 2022 counts out of the 181 communes after the 2020 merger)."""
    if target.basis is not None or target.measure != "level" or not row:
        return target
    placed = in_series([*row, replace(target, kind=FactKind.TOTAL, aim="")], rules)[-1]
    return replace(target, basis=placed.basis)


def _same_row(a: Fact, b: Fact) -> bool:
    return a.indicator == b.indicator and a.place == b.place


def _target_row(
    target: Point, row: list[Point], increments: list[Point], rules: BriefRules
) -> TargetRow:
    """The target beside the latest result measured like it (see :class:`TargetRow`)."""
    measure = target.measure
    if measure == "level" and target.aim == FactKind.VALUE and not target.level_unit:
        measure = ""  # a count that may be a total or an increment: nothing is like it
    if measure == FactKind.INCREMENT:
        pool = [p for p in increments if target.since <= p.as_of <= target.as_of]
    elif measure == "level":
        pool = [p for p in row if p.measure == "level" and p.as_of <= target.as_of]
    else:
        pool = []
    alike = [
        p
        for p in pool
        if _unit_family(p.unit) == _unit_family(target.unit)
        and p.group == target.group
        and (p.basis is None or target.basis is None or _same_basis(p.basis, target.basis, rules))
    ]
    if target.basis is None and len({p.series for p in alike}) > 1:
        # counted out of different numbers of places (a merger) and the target says not which
        return TargetRow(target, None, "không rõ theo cách đếm nào")
    if alike:
        return TargetRow(target, max(alike, key=lambda p: (p.as_of, p.kind == FactKind.TOTAL)))
    if row or increments:
        return TargetRow(target, None, "chưa có số liệu cùng loại")
    return TargetRow(target, None, "chưa có")


def _decisions_and_people(
    brief: Brief, docs: list[Document], cite: _Citer, rules: BriefRules
) -> None:
    seen_decisions: set[str] = set()
    seen_people: set[str] = set()
    for doc in docs:
        text = doc.text
        for start, end in split_sentences(text, 0, len(text)):
            sentence = text[start:end]
            for c in extract.decisions(sentence):
                if not _NUMBERED.search(c.text):
                    continue  # 'kế hoạch 1 xã' is no document
                key = fold(re.sub(r"\s+", " ", c.text))
                if key in seen_decisions:
                    continue
                seen_decisions.add(key)
                brief.decisions.append(
                    Mention(
                        c.text,
                        whole_clauses(sentence, c.end, rules.decision_chars),
                        cite.number(doc.meta.source, start, end),
                    )
                )
            for c in extract.people(sentence):
                role = re.split(
                    r"[;.]| - |\bđã\b|\bchủ trì\b|\bphát biểu\b",
                    sentence[c.end : c.end + rules.role_chars],
                )[0]
                role = role.strip(" ,:-–")
                if not _OFFICE.search(role) or fold(c.text) in seen_people:
                    continue
                seen_people.add(fold(c.text))
                brief.people.append(Mention(c.text, role, cite.number(doc.meta.source, start, end)))


# where a clause ends within a sentence
_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s*")


def whole_clauses(sentence: str, at: int, most: int) -> str:
    """What follows ``sentence[at:]`` (what a decision did, what it is about), as whole
    clauses: up to the sentence's end or its first ';', and when that is longer than
    ``most`` characters, up to the last clause end within them (or the first one after):
    never a phrase cut in the middle ('… Phong trào thi đua … đã được')."""
    rest = sentence[at:]
    rest = rest.split(";")[0]
    rest = re.sub(r"[.!?…]+\s*$", "", rest.rstrip())
    lead = len(rest) - len(rest.lstrip(" ,:-–"))
    body = rest[lead:]
    if len(body) <= most:
        return body.strip()
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(body) if m.start() > 0]
    within = [e for e in ends if e <= most]
    cut = within[-1] if within else (ends[0] if ends else len(body))
    return body[:cut].strip()


def _explain_empty(brief, all_facts, wanted, chosen, in_period) -> None:
    where = brief.place or "toàn bộ tài liệu"
    if not chosen:
        brief.empty_reason = (
            f"Không có số liệu nào về {where} cho các chỉ tiêu đã chọn. "
            f"(No figures for {where} and these indicators.)"
        )
    elif brief.undated == len(chosen):
        brief.empty_reason = (
            f"Có {len(chosen)} số liệu về {where} nhưng không số liệu nào rõ thời điểm. "
            f"(Figures for {where} exist, but none says when it holds.)"
        )
    elif not in_period:
        brief.empty_reason = (
            f"Có số liệu về {where} nhưng không có số liệu nào trong {brief.period_label()}. "
            f"(Figures for {where} exist, but none in the period.)"
        )
    else:
        brief.empty_reason = f"Không có số liệu kết quả về {where}. (No result figures.)"
    years = sorted(
        {y for f in chosen if f.time_hi for y in range(int(f.time_lo[:4]), int(f.time_hi[:4]) + 1)}
    )
    brief.nearest_years = years
    places = {f.place for f in all_facts if f.place and f.indicator in wanted}
    if brief.place:
        asked = fold(brief.place)
        ranked = sorted(
            places,
            key=lambda p: -difflib.SequenceMatcher(None, asked, fold(p)).ratio(),
        )
        brief.nearest_places = [p for p in ranked if fold(p) != asked][:5]
    else:
        brief.nearest_places = sorted(places)[:5]


def vn_number(x: float) -> str:
    """A number written the Vietnamese way: '1.234,5'."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _month(as_of: str) -> str:
    return f"{int(as_of[5:7])}/{as_of[:4]}" if len(as_of) >= 7 else as_of
