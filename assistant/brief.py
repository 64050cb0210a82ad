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
from dataclasses import dataclass, field
from datetime import datetime

from assistant.answering import extract
from assistant.brief_words import Sections, read_sections
from base.errors import QuestionError
from base.lexicon import BRIEF_INDICATORS, INDICATORS
from base.locations import location_at
from base.sentences import split_sentences
from base.text import fold
from base.types import Citation, Document, Fact, FactKind

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
_OFFICE = re.compile(
    r"(?i)\b(Chủ tịch|Phó Chủ tịch|Bí thư|Phó Bí thư|Giám đốc|Phó Giám đốc|Trưởng ban|"
    r"Phó Trưởng ban|Chánh Văn phòng|Bộ trưởng|Thứ trưởng|Thủ tướng|Phó Thủ tướng)\b"
)


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
    target: Point
    result: Point | None  # the latest result of the same indicator and place


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

    def period_label(self) -> str:
        if self.year_from and self.year_to:
            return (
                f"năm {self.year_from}"
                if self.year_from == self.year_to
                else f"{self.year_from}–{self.year_to}"
            )
        if self.year_from:
            return f"từ năm {self.year_from}"
        if self.year_to:
            return f"đến năm {self.year_to}"
        return "mọi thời điểm"


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
        brief.timelines[f"{key}|{where}"] = points
        brief.headline.append(_headline(key, where, points))
        brief.conflicts.extend(_conflicts(key, where, points, brief))

    latest = {(r.indicator, r.place): r.latest for r in brief.headline}
    for f in sorted(
        (f for f in in_period if f.kind == FactKind.TARGET),
        key=lambda f: (order[f.indicator], f.place, f.time_hi),
    ):
        brief.targets.append(TargetRow(cite.point(f), latest.get((f.indicator, f.place))))

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
    _decisions_and_people(brief, [documents[s] for s in used], cite)

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

    def point(self, f: Fact) -> Point:
        n = self.number(f.source, f.start, f.end)
        merger = _MERGER.search(self.brief.citation(n).quote)
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


def _headline(key: str, where: str, points: list[Point]) -> HeadlineRow:
    # the latest time; among figures of that time, a stated total before a plain value
    last = max(points, key=lambda p: (p.as_of, p.kind == FactKind.TOTAL, p.kind != FactKind.PART))
    first = min(points, key=lambda p: (p.as_of, p.kind != FactKind.TOTAL))
    earliest = first if first.as_of < last.as_of else None
    change = ""
    if earliest and last.number is not None and earliest.number is not None:
        delta = last.number - earliest.number
        if last.counted != earliest.counted:
            change = (
                f"đếm khác nhau ({earliest.counted or 'không rõ'} → {last.counted or 'không rõ'})"
            )
        elif delta == 0:
            change = f"không đổi (từ {earliest.value}, {_month(earliest.as_of)})"
        else:
            verb = "tăng" if delta > 0 else "giảm"
            change = (
                f"{verb} {vn_number(abs(delta))} (từ {earliest.value}, {_month(earliest.as_of)})"
            )
    return HeadlineRow(key, INDICATORS[key].split(" (")[0], where, last, earliest, change)


def _conflicts(key: str, where: str, points: list[Point], brief: Brief) -> list[Conflict]:
    groups: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        if p.number is not None and p.kind != FactKind.PART:
            groups[p.as_of].append(p)
    found = []
    for as_of, group in groups.items():
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


def _decisions_and_people(brief: Brief, docs: list[Document], cite: _Citer) -> None:
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
                after = sentence[c.end : c.end + 160].split(".")[0].strip(" ,;:")
                brief.decisions.append(
                    Mention(c.text, after, cite.number(doc.meta.source, start, end))
                )
            for c in extract.people(sentence):
                role = re.split(
                    r"[;.]| - |\bđã\b|\bchủ trì\b|\bphát biểu\b", sentence[c.end : c.end + 140]
                )[0]
                role = role.strip(" ,:-–")
                if not _OFFICE.search(role) or fold(c.text) in seen_people:
                    continue
                seen_people.add(fold(c.text))
                brief.people.append(Mention(c.text, role, cite.number(doc.meta.source, start, end)))


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
