"""The time checks: does a figure (or a sentence) hold at the time the question asks about?

Usage::

    time_fit(asked, (2020, 1), (2020, 12), "sentence", rules.time)   # 1.0: the year asked
    time_check(sentence, None, frame, rules.time)     # for people, places, dates and names
"""

from __future__ import annotations

import re

from assistant.answering.records import Check, CheckName, Frame, Sentence
from assistant.answering.rules import TimeRules
from assistant.answering.vocabulary import COMPARISON_YEAR
from base.text import fold
from base.times import TimeRef, months_apart, overlap, read_times
from base.types import Fact
from ingest.facts import sentence_time

Month = tuple[int, int]


def _month(iso: str) -> Month:
    return int(iso[:4]), int(iso[5:7])


def when_holds(
    sentence: Sentence, fact: Fact | None, target: bool = False
) -> tuple[Month | None, Month | None, str]:
    """(lo, hi, where) of when the figure, or else the sentence, holds (with ``target``, a
    plan's horizon counts: 'phấn đấu đến năm 2025'); ``where`` says what dated it:
    'sentence', 'paragraph', 'document' or '' when nothing did."""
    if fact is not None:
        lo, hi, where = fact.time_lo, fact.time_hi, fact.time_from
    else:
        kind = "target" if target else ""
        lo, hi, _, where = sentence_time(sentence.doc, sentence.start, sentence.end, kind)
    if not lo:
        return None, None, ""
    return _month(lo), _month(hi), where


def fact_time(fact: Fact) -> tuple[Month | None, Month | None, str]:
    if not fact.time_lo:
        return None, None, ""
    return _month(fact.time_lo), _month(fact.time_hi), fact.time_from


def _whole_years(lo: Month, hi: Month) -> bool:
    return lo[1] == 1 and hi[1] == 12


def time_fit(asked: TimeRef, lo, hi, where: str, rules: TimeRules) -> float:
    """How well a figure holding over ``lo``–``hi`` answers a question about ``asked``.

    An undated figure is still evidence, though weaker than one of the right time. Years are
    compared as years ('năm 2020' is not 'năm 2021', however close December is to January);
    months and dates allow a report published a month or two after the time asked about. A
    figure of another time is none, unless only the document's date (often when it was
    published, not when the figure held) says so.
    """
    if lo is None:
        return rules.undated
    far = rules.document_far if where == "document" else 0.0
    a_lo, a_hi = asked.lo, asked.hi
    asked_years = _whole_years(a_lo, a_hi)
    fact_years = _whole_years(lo, hi)
    long_fact = months_apart(lo, hi) >= rules.long_months
    if overlap((a_lo, a_hi), (lo, hi)):
        if long_fact and months_apart(a_lo, a_hi) < rules.year_months:
            return rules.period_for_point  # 'giai đoạn 2016-2020' for a question about 2018
        if months_apart(a_lo, a_hi) >= rules.long_months and not long_fact:
            return rules.point_in_period  # somewhere in 'giai đoạn 2021-2025'
        if fact_years and not asked_years:
            return rules.year_for_month  # the year is right, the month unknown
        return 1.0
    if asked_years and fact_years:
        return far
    gap = min(months_apart(a_hi, lo), months_apart(hi, a_lo))
    if asked_years:
        # a figure dated in the first months after the year: the year's report
        return rules.report_after_year if lo > a_hi and gap <= rules.near_months else far
    if gap <= rules.near_months:
        return rules.near_by_document if where == "document" else rules.near
    if where == "document" and gap <= rules.year_months:
        return rules.document_within_year
    return far


def time_check(
    sentence: Sentence, fact: Fact | None, frame: Frame, rules: TimeRules, bounds: bool = False
) -> Check:
    """For people, places, dates and names: a time in the question identifies the event
    rather than bounds a figure, so another time weakens the evidence without ruling it out
    ('đề án NTM 2021-2025' is a name). With ``bounds`` (the difficulties, causes, tasks of a
    year), another time weighs as little as a passage of another time can."""
    if not frame.times:
        return Check(CheckName.TIME, 1.0)
    if any(fold(t.text) in sentence.folded for t in frame.times):
        return Check(CheckName.TIME, 1.0)  # the sentence names the very time the question does
    lo, hi, where = when_holds(sentence, fact, target=frame.target)
    if frame.target and hi is not None and any(_horizon_of(t, hi) for t in frame.times):
        return Check(CheckName.TIME, 1.0)  # a plan for the end of the asked period
    best = max(time_fit(t, lo, hi, where, rules) for t in frame.times)
    if where == "sentence":
        # a sentence of several times ('5 nhiệm vụ năm 2016 và cả giai đoạn 2016 - 2020')
        # holds at the one that fits best
        stated = read_times(sentence.text, sentence.doc.meta.date)
        best = max(
            [best]
            + [
                time_fit(t, s.lo, s.hi, where, rules)
                for s in stated
                if s.role not in ("baseline", "issued")
                for t in frame.times
            ]
        )
    floor = rules.event_floor if where != "sentence" else rules.event_floor_sentence
    if bounds:
        floor = rules.bounded_floor
    return Check(CheckName.TIME, max(best, floor))


def _horizon_of(asked: TimeRef, hi: Month) -> bool:
    """Whether a plan's horizon ``hi`` is the end of the asked period ('giai đoạn 2021-2025'
    for 'phấn đấu đến năm 2025')."""
    return asked.lo[0] < asked.hi[0] and hi[0] == asked.hi[0]


def figure_time(
    fact: Fact | None, frame: Frame, rules: TimeRules, sentence: Sentence | None = None
) -> float:
    """How well a figure's own time fits the question's times (1 when it asks none). A count
    the facts index does not hold (``fact`` None: 'bao nhiêu trường') holds when its
    ``sentence`` does."""
    if not frame.times or (fact is None and sentence is None):
        return 1.0
    if fact is None:
        lo, hi, where = when_holds(sentence, None, target=frame.target)
        return max(time_fit(t, lo, hi, where, rules) for t in frame.times)
    lo, hi, where = fact_time(fact)
    if lo is None and fact.written_after:
        return max(_written_fit(t, int(fact.written_after), rules) for t in frame.times)
    return max(time_fit(t, lo, hi, where, rules) for t in frame.times)


def _written_fit(asked: TimeRef, floor: int, rules: TimeRules) -> float:
    """An undated figure of an article written in ``floor`` or later: a question about that
    year fits it better than an undated one. One about an earlier year does not fit it worse:
    an article of the year's results often comes out in the next year's first months. One
    about a year well after every year the article states is not of its time: an article
    reports the latest year it knows."""
    if asked.lo[0] <= floor <= asked.hi[0]:
        return rules.written_in_year
    if asked.lo[0] - floor >= rules.written_before_years:
        return rules.written_before
    return rules.undated


def baseline_check(
    sentence: Sentence, fact: Fact | None, frame: Frame, rules: TimeRules, at: int = 0
) -> Check:
    """'tăng 0,15 tiêu chí so với năm 2020': an undated figure compared with a year is of a
    later year, so it cannot answer a question about that year or an earlier one. 'Khi bắt
    đầu xây dựng nông thôn mới, xã chỉ đạt 4 tiêu chí': a starting point, which answers only a
    question about the start (``at``: where the figure is in the sentence)."""
    baseline = [int(y) for y in COMPARISON_YEAR.findall(sentence.folded)]
    asked = frame.answer_years
    if fact is not None and not fact.time_lo and baseline and asked:
        if max(asked) <= max(baseline):
            return Check(CheckName.BASELINE, 0.0, f"số liệu sau năm {max(baseline)}")
    start = _STARTING_POINT.search(sentence.folded, 0, at)
    if start and not _STARTING_POINT.search(frame.folded):
        return Check(CheckName.BASELINE, rules.starting_point, "số liệu lúc bắt đầu")
    return Check(CheckName.BASELINE, 1.0)


# the start a figure is compared against later: 'Khi bắt đầu xây dựng NTM, xã chỉ đạt 4 tiêu
# chí', 'xuất phát điểm', 'ban đầu' (folded)
_STARTING_POINT = re.compile(
    r"\b(?:khi (?:moi )?bat dau|luc (?:moi )?bat dau|ban dau|xuat phat diem|diem xuat phat|"
    r"nam dau (?:tien )?(?:trien khai|thuc hien|xay dung))\b"
)
