"""The first stage: what a question asks and what its answer must be about (a ``Frame``).

Works on questions with or without diacritics, and on English questions through the
glossary of ``vocabulary``. The question type (``kinds``) decides what is asked and where the
asked slot is; this module reads the rest once, so no later stage reads the question again:
places and times, the indicator and measure of an asked figure, the numbers it states, the
tiers and categories it names.

Usage::

    frame = analyze("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?", Rules.default())
    frame.kind, frame.unit, frame.places   # NUMBER, 'xa', (Place('huyen', 'dinh lap', …),)
"""

from __future__ import annotations

import re

from assistant.answering import kinds
from assistant.answering.question_places import find_places
from assistant.answering.records import Frame, Measure, Place
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import (
    CATEGORY_MODIFIERS,
    COMPARISON_YEAR,
    LEFT_OUT,
    NOT_YET,
    SCAFFOLD,
    STOPWORDS,
    TIER,
    canonical_terms,
    is_english,
    to_folded_vietnamese,
)
from base.lexicon import COMMUNE_WORDS, DISTRICT_WORDS, SETTLEMENTS, asked_indicator
from base.text import fold, syllables
from base.times import TARGET_CUES, TimeRef, blank_share_of_plan, read_times

# a quota handed down is a target: 'huyện được giao bao nhiêu xã đạt chuẩn'
_ASSIGNED = re.compile(r"\bduoc giao\b(?! nhiem vu)")
# money allotted to a programme is stated in its plan: 'bố trí bao nhiêu vốn', 'phân bổ'
_ALLOTTED = re.compile(r"\b(bo tri|phan bo|giao von)\b|\bduoc giao\b(?! nhiem vu)")
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)?")
_YEAR = re.compile(r"(19|20)\d\d")
_INCREMENT = re.compile(
    r"\b(co them|them (?:bao nhieu|may)|tang them|tang (?:bao nhieu|may)|(?:bao nhieu|may) \w+ (?:\w+ )?moi|"
    r"moi duoc cong nhan|duoc cong nhan them|cong nhan them|how many (?:more|new|additional))\b"
)
_TOTAL = re.compile(r"\b(tong so|nang tong so|tong cong|luy ke|tat ca)\b")
_TAIL_STOP = re.compile(
    r"\b(tinh den|den nam|den het|tinh tu|trong nam|nam (?:19|20)\d\d|theo|so voi|tai|cua tinh|cua huyen)\b"
)
_PERIOD = r"((?:19|20)\d\d)\s*(?:-|–|den)\s*((?:19|20)\d\d)"
_DATE_PRECISIONS = ("ngay", "thang", "nam")


def analyze(question: str, rules: Rules | None = None) -> Frame:
    """The frame of ``question``: its kind and unit, places, times and what it counts."""
    rules = rules or Rules.default()
    english = is_english(question, rules.analyse)
    folded = to_folded_vietnamese(question) if english else fold(question)
    folded = re.sub(r"\s+", " ", folded).strip()
    asked = LEFT_OUT.sub(" ", folded)  # without the qualifiers it leaves out ('không kể nâng cao')
    detected = kinds.detect(folded)
    qtype = kinds.get(detected.kind)
    kind, unit = detected.kind, detected.unit
    years = tuple(sorted({int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", folded)}))
    cut = _occasion_end(folded)
    main = folded[cut:]  # without the occasion it is asked at ('Khi huyện X đạt chuẩn, …')
    # an occasion's category ('khi đạt chuẩn nâng cao, tỷ lệ hộ nghèo') still says which
    # place is meant, unless the question counts places of its own category
    counted = LEFT_OUT.sub(" ", main) if unit in SETTLEMENTS else asked
    every = find_places(question)
    places = _asked_places(question, every, cut, main, folded.count(",", 0, cut))
    # the occasion's own places ('Khi huyện X đạt chuẩn, tỉnh có …'): conditions, not asked
    occasion_places = tuple(dict.fromkeys(p.name for p in every if p not in places)) if cut else ()
    place_syllables = {t for p in places for t in p.name.split()}
    numbers = tuple(n for n in _NUMBER.findall(folded) if not _YEAR.fullmatch(n))
    conditions = tuple(
        n
        for clause in re.findall(r"\b(?:khi|luc|thoi diem)\b([^,;?]*)", folded)
        for n in _NUMBER.findall(clause)
        if n in numbers
    )
    # ('đạt bao nhiêu phần trăm mục tiêu' asks for a result measured against the plan)
    target = bool(re.search(TARGET_CUES, blank_share_of_plan(folded)) or _ASSIGNED.search(folded))
    head, tail = _slot_context(canonical_terms(folded), unit, qtype, rules)
    noise = place_syllables | STOPWORDS
    stated_times = read_times(question)
    times = tuple(t for t in stated_times if t.role != "baseline")
    baselines = {t.lo[0] for t in stated_times if t.role == "baseline"}
    frame = Frame(
        text=question,
        folded=folded,
        kind=kind,
        unit=unit,
        places=places,
        years=years,
        answer_years=_answer_years(years, folded, baselines),
        terms=_terms(folded, qtype, place_syllables),
        english=english,
        target=target,
        allotted=bool(_ALLOTTED.search(folded)),
        not_yet=bool(NOT_YET.search(folded)),
        scope=_scope(folded, places),
        numbers=numbers,
        conditions=conditions,
        occasion_places=occasion_places,
        stated=_stated(numbers, conditions + _durations(folded), times),
        head=tuple(t for t in head if t not in noise),
        tail=tuple(t for t in tail if t not in noise),
        indicator=asked_indicator(unit, canonical_terms(main)) if qtype.figures else "",
        measure=_measure(main, target),
        times=times,
        modifiers=tuple(m for m in CATEGORY_MODIFIERS if re.search(rf"\b{m}\b", counted)),
        tiers=frozenset(TIER.findall(counted)),
        asks_difference=bool(re.search(r"\b(hon|chenh lech|so voi|gap)\b", folded)),
        asks_average=bool(re.search(r"\b(binh quan|trung binh|moi xa)\b", folded)),
        asks_total=bool(re.search(r"\b(nang tong so|tong so)\b", folded)),
        asks_change=bool(re.search(r"\b(tang|giam)\b", folded)),
        date_precisions=tuple(p for p in _DATE_PRECISIONS if re.search(rf"\b{p} nao\b", folded)),
        plural=_plural(question, folded, english),
    )
    return qtype.refine(frame)


def _terms(folded: str, qtype: kinds.QuestionType, place_syllables: set[str]) -> tuple[str, ...]:
    """The question's content syllables: no scaffold, stopwords, places or numbers."""
    scaffold_free = folded
    if qtype.scaffold is not None:
        scaffold_free = qtype.scaffold.sub(" ", scaffold_free)
    for phrase in sorted(SCAFFOLD, key=len, reverse=True):
        scaffold_free = re.sub(rf"\b{phrase}\b", " ", scaffold_free)
    return tuple(
        dict.fromkeys(
            t
            for t in syllables(canonical_terms(scaffold_free))
            if t not in STOPWORDS and t not in place_syllables and not re.fullmatch(r"\d+", t)
        )
    )


# an occasion that dates the question ('Khi huyện Tiểu Cần được công nhận …, toàn tỉnh có
# bao nhiêu xã'): its places, category and increments are not what is asked
# ('lúc' only as 'vào lúc': folded, 'lúc' is 'lực' of 'nguồn lực')
_OCCASION = re.compile(r"\b(?:khi|vao luc|thoi diem|sau khi|sau dot|sau quyet dinh)\b")
_ASKING = re.compile(r"\b(?:bao nhieu|may|nao|gi|ai)\b")


def _occasion_end(folded: str) -> int:
    """Where the question proper starts after a leading occasion clause (0 when none): the
    last comma before the first asking word, when an occasion word comes before it."""
    asking = _ASKING.search(folded)
    if not asking:
        return 0
    depth, comma = 0, -1
    for i, ch in enumerate(folded[: asking.start()]):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            comma = i  # not one inside brackets: 'xã X (huyện Y, tỉnh Z)'
    if comma < 0 or not _OCCASION.search(folded, 0, comma):
        return 0
    return comma + 1


def _asked_places(
    question: str, every: tuple[Place, ...], cut: int, main: str, main_commas: int
) -> tuple[Place, ...]:
    """The places asked about (``every``: all the question names): those of the question
    proper; when it names none but its level ('tỉnh có bao nhiêu xã'), the occasion's places
    of that level."""
    if not cut:
        return every
    # the same comma in the question as typed (the folded text's spaces may differ)
    main_start = 0
    for _ in range(main_commas):
        main_start = question.find(",", main_start) + 1  # the same count of commas
    own = find_places(question[main_start:])
    if own:
        return own
    if re.search(r"\b(?:toan |ca )?tinh\b", main):
        return tuple(p for p in every if p.level in ("tinh", "")) or every
    if re.search(r"\b(?:toan |ca )?huyen\b", main):
        return tuple(p for p in every if p.level in DISTRICT_WORDS) or every
    return every


def _measure(folded: str, target: bool) -> Measure:
    if target:
        return Measure.TARGET
    if _INCREMENT.search(folded):
        return Measure.INCREMENT
    if _TOTAL.search(folded):
        return Measure.TOTAL
    return Measure.AS_IS


def _scope(folded: str, places: tuple[Place, ...]) -> str | None:
    """'tinh' when the question is about a whole province, 'huyen' a whole district."""
    levels = {p.level for p in places}
    if re.search(r"\b(toan|ca) tinh\b", folded) or (
        places and levels <= {"tinh", ""} and not levels & (DISTRICT_WORDS | COMMUNE_WORDS)
    ):
        return "tinh"
    if re.search(r"\b(toan|ca) huyen\b", folded) or levels & DISTRICT_WORDS:
        return "huyen"
    return None


def _answer_years(years: tuple[int, ...], folded: str, baselines: set[int]) -> tuple[int, ...]:
    """Years the answer must be about: not a range's ends ('2021-2025') unless also named
    alone, nor comparisons ('so với năm 2020', 'gấp mấy lần năm 2011': ``baselines``)."""
    compared = {int(y) for y in COMPARISON_YEAR.findall(folded)} | baselines
    ranged = {int(y) for pair in re.findall(_PERIOD, folded) for y in pair}
    outside = {int(y) for y in re.findall(r"(?:19|20)\d\d", re.sub(_PERIOD, " ", folded))}
    return tuple(y for y in years if y not in compared and (y not in ranged or y in outside))


def _durations(folded: str) -> tuple[str, ...]:
    """Numbers that count years or months ('sau hơn 10 năm', '5 năm qua'): how long, not a
    number the asked figure is described by."""
    return tuple(re.findall(r"\b(\d+)\s+(?:nam|thang|ngay|tuan)\b", folded))


def _stated(
    numbers: tuple[str, ...], conditions: tuple[str, ...], times: tuple[TimeRef, ...]
) -> tuple[str, ...]:
    """Numbers that describe the asked figure ('đạt từ 10 đến 14 tiêu chí'): not years or
    months, not part of a time, not a condition."""
    return tuple(
        n
        for n in numbers
        if not re.fullmatch(r"(19|20)\d\d|\d{1,2}/(19|20)\d\d", n)
        and not any(n in fold(t.text) for t in times)
        and n not in conditions
    )


def _plural(question: str, folded: str, english: bool) -> bool:
    """'những huyện nào', 'các xã nào', 'gồm', 'which districts': every one is wanted."""
    if re.search(r"\b(nhung|cac)\b.*\bnao\b|\bgom\b", folded):
        return True
    return english and bool(re.search(r"\b(which|what)\s+\w+s\b", question.lower()))


def _slot_context(
    folded: str, unit: str | None, qtype: kinds.QuestionType, rules: Rules
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words around the asked slot: 'đã đạt [bao nhiêu tiêu chí] huyện NTM',
    '[xã nào] về đích NTM nâng cao', '[ai] chủ trì hội nghị'."""
    m = qtype.slot(folded)
    if not m:
        return (), ()
    before = qtype.before_slot(folded[: m.start()])
    head = tuple(syllables(before)[-rules.analyse.head_words :])
    rest = folded[m.end() :].strip()
    if unit and rest.startswith(unit):
        rest = rest[len(unit) :]
    rest = qtype.after_slot(rest)
    stop = _TAIL_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    tail = tuple(syllables(rest)[: rules.analyse.tail_words])
    if not tail:
        tail = qtype.tail_fallback(before, unit, _TAIL_STOP, rules.analyse.tail_words)
    return head, tail
