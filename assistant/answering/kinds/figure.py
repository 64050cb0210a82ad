"""Figures: 'bao nhiêu xã …', 'tỷ lệ hộ nghèo …', 'mức thu nhập …', 'how many communes …'.

The values are the figures the facts index read off each sentence at ingest (value, unit,
indicator, kind, place, time); this type keeps those of the asked unit and judges each by the
checks of ``checks.figure``. Two kinds register here: NUMBER and PERCENT.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import ClassVar

from assistant.answering.checks.figure import category_fit, fact_fit
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    CandidateKind,
    Fit,
    Frame,
    QuestionKind,
    Sentence,
)
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import STOPWORDS
from base.lexicon import PLACE_NOUNS, QUESTION_UNITS, indicator, units_agree
from base.text import syllables
from base.types import Fact

_HOW_MANY = re.compile(r"\b(?:bao nhieu|may)\b")
_UNIT_ALTERNATION = "|".join(re.escape(u) for u in QUESTION_UNITS if u not in ("nam", "thang", "%"))
# A figure asked for without 'bao nhiêu': 'số xã …', 'số lượng sản phẩm …', 'mức thu nhập …'
_ASKED_FIGURE = re.compile(
    rf"\b(?:so luong|tong so|so)\s+(?P<unit>{_UNIT_ALTERNATION})\b"
    r"|\b(?:muc thu nhap|thu nhap binh quan|binh quan thu nhap|chieu dai|tong von|tong kinh phi|"
    r"von huy dong|tong nguon luc|nguon luc huy dong|"
    r"kinh phi|so km|dien tich)\b"
    # English word order, glossed: 'average rural income' -> 'binh quan rural thu nhap'
    r"|\bbinh quan\s+(?:\S+\s+){0,2}?thu nhap\b|\bthu nhap\s+dau nguoi\b"
)
# the unit a figure named by its topic is counted in
_FIGURE_UNITS = (
    (r"\bthu nhap\b", "trieu dong"),
    (r"\b(chieu dai|so km)\b", "km"),
    (r"\b(von|kinh phi|nguon luc)\b", "ty dong"),
    (r"\bdien tich\b", "ha"),
)
# Units that are also common words; after skipped words they are read as the words.
_FUNCTION_WORD_UNITS = {"nam", "thang", "cho", "ban", "lang", "ha", "ho", "lan", "diem", "ap"}
# words that may stand between 'bao nhiêu' and its unit ('bao nhiêu sản phẩm OCOP')
_SKIPPABLE = 2


def _how_many(folded: str) -> Detection | None:
    """'bao nhiêu / mấy' followed by a unit (possibly after a word or two), or preceded by
    what is counted ('tổng số xã … là bao nhiêu'); a figure of no known unit otherwise."""
    m = re.search(r"\b(?:bao nhieu|may)\b\s*(.*)", folded)
    if not m:
        return None
    # 'number of new-rural criteria' -> 'bao nhieu nong thon moi ntm tieu chi': the
    # programme's name is no unit ('thôn')
    rest = re.sub(r"^(?:(?:nong thon moi|ntm)\s+)+", "", m.group(1))
    for skip in range(_SKIPPABLE + 1):  # 'how many OCOP products' -> 'bao nhieu ocop san pham'
        words = rest.split(" ", skip)[-1] if skip else rest
        skipped = rest.split(" ")[:skip]
        if skip and (
            len(rest.split(" ")) <= skip
            or any(w in STOPWORDS or w in ("so", "voi", "tang", "giam") for w in skipped)
        ):
            break
        for unit in QUESTION_UNITS:
            if skip and unit in _FUNCTION_WORD_UNITS:
                continue  # 'bao nhiêu nguồn lực cho …': 'cho' is 'for', not 'chợ'
            if re.match(rf"{re.escape(unit)}\b", words) or (words.startswith(unit) and unit == "%"):
                return Detection(QuestionKind.NUMBER, unit)
    # 'tăng bao nhiêu', 'tổng số xã … là bao nhiêu': the unit is what is counted before
    before = folded[: m.start()]
    for unit in QUESTION_UNITS:
        if unit not in ("nam", "thang") and re.search(
            rf"\b(?:tong )?so (luong )?{re.escape(unit)}\b", before
        ):
            return Detection(QuestionKind.NUMBER, unit)
    if _WORTH.search(before):  # 'công trình phúc lợi trị giá bao nhiêu': an amount of money
        return Detection(QuestionKind.NUMBER, "ty dong")
    return Detection(QuestionKind.NUMBER)


# the noun right after 'bao nhiêu'/'mấy' when no unit of the lexicon follows ('bao nhiêu trường
# chuẩn quốc gia', 'trồng bao nhiêu cây', 'đạt mấy sao'), and the word after it (folded)
_COUNTED_NOUN = re.compile(
    r"\b(?:bao nhieu|may)\s+(?:(?:nong thon moi|ntm)\s+)*([^\W\d_]+)(?:\s+([^\W\d_]+))?"
)
# words after 'bao nhiêu' that are no noun ('tăng bao nhiêu so với', 'bao nhiêu phần')
_NOT_NOUNS = frozenset({"tang", "giam", "dat", "phan", "lan", "nua"})


def counted_noun(folded: str) -> str:
    """The noun a question counts when the lexicon names no unit for it: its first syllable
    ('truong' for 'bao nhiêu trường chuẩn quốc gia'); '' for a place noun ('bao nhiêu địa
    phương': communes answer it) or no noun at all ('tăng bao nhiêu?')."""
    m = _COUNTED_NOUN.search(folded)
    if not m:
        return ""
    word, second = m.group(1), m.group(2) or ""
    if (word in STOPWORDS and word != "sao") or word in _NOT_NOUNS:
        return ""
    if word in PLACE_NOUNS or f"{word} {second}" in PLACE_NOUNS:
        return ""
    return word


@lru_cache(maxsize=256)
def _count_of(noun: str) -> re.Pattern:
    """A number written right before ``noun`` ('504 trường', 'hơn 300 cây', 'more than 1,200
    schools'), in a folded sentence."""
    return re.compile(
        r"(?i)(?<![\w.,/])(?:(?:hon|tren|gan|khoang|xap xi|duoi|toi|more than|over|about|nearly)"
        r"\s+)?(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d+)?(?:\s*/\s*\d+)?\s+"
        rf"{re.escape(noun)}\b"
    )


def counted_candidates(sentence: Sentence, noun: str) -> list[Candidate]:
    """The counts of ``noun`` a sentence states that the facts index holds no figure for
    (the lexicon knows no such unit), each verbatim."""
    if len(sentence.folded) != len(sentence.text):
        return []
    taken = [(f.value_start - sentence.start, f.value_end - sentence.start) for f in sentence.facts]
    return [
        Candidate(CandidateKind.NUMBER, m.start(), m.end(), sentence.text[m.start() : m.end()])
        for m in _count_of(noun).finditer(sentence.folded)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]


# words that ask for an amount of money right before 'bao nhiêu' (folded)
_WORTH = re.compile(r"\b(?:tri gia|so tien|tien thuong|muc thuong|kinh phi)\s+(?:\S+\s+)?$")


def _named_figure(folded: str) -> Detection | None:
    """'Cho biết số xã NTM nâng cao …', 'Mức thu nhập bình quân … ?'"""
    asked = _ASKED_FIGURE.search(folded)
    if not asked:
        return None
    if asked.group("unit"):
        return Detection(QuestionKind.NUMBER, asked.group("unit"))
    for pattern, unit in _FIGURE_UNITS:
        if re.search(pattern, folded):
            return Detection(QuestionKind.NUMBER, unit)
    return Detection(QuestionKind.NUMBER)


def _percent(folded: str) -> Detection | None:
    if re.search(r"\bty le\b|phan tram|bao nhieu %|\bpercent", folded):
        return Detection(QuestionKind.PERCENT, "%")
    return None


# the words before an approximate figure, Vietnamese and as an English frame says them
_APPROX = (
    r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ|dưới|ước đạt|ước|đạt|tới|từ"
    r"|more than|over|nearly|about|under|an estimated|up to|from|as many as|almost|around"
    r"|approximately)\s+)?"
)
_FIGURE_SHAPE = re.compile(
    _APPROX + r"\d[\d.,]*(?:\s+(?:tỷ|tỉ|triệu|nghìn|ngàn)\s+\d[\d.,]*)?"  # '71 tỷ 355 triệu đồng'
    r"(?:\s*/\s*\d[\d.,]*|\s+(?:trên|trong)\s+(?:tổng\s+)?số\s+\d[\d.,]*)?"
    r"(?:\s*(?:-|–|đến|to)\s*\d[\d.,]*)?"
    r"\s*(?:%|[^\W\d_]+(?:[-\s/][^\W\d_]+)*)"
    r"(?:,\s*(?:chiếm|i\.e\.)\s+" + _APPROX + r"\d[\d.,]*\s?(?:%|percent))?(?:\s*\([^()]*\))*"
)


def figure_shape(part: str) -> str | None:
    """A figure must be a number with its unit ('06/10 xã', '35,91%', 'trên 270 km'; in an
    English frame 'more than 27.8 billion VND', '11.5 to 12 criteria per commune')."""
    if not _FIGURE_SHAPE.fullmatch(part):
        return f"không phải một số liệu có đơn vị (not a figure with its unit): “{part}”"
    return None


def answer_kind_of_fact(fact: Fact) -> AnswerKind:
    """What a figure is: a percentage, a count out of a total, money, a length, an area."""
    if fact.unit == "%":
        return AnswerKind.PERCENT
    if fact.denominator is not None:
        return AnswerKind.RATIO
    if "dong" in fact.unit or fact.unit in ("ty", "trieu"):
        return AnswerKind.MONEY
    if fact.unit == "km":
        return AnswerKind.LENGTH
    if fact.unit in ("ha", "hec ta", "hecta"):
        return AnswerKind.AREA
    return AnswerKind.COUNT


class FigureType(QuestionType):
    """A figure with its unit, read from the facts index."""

    kind: ClassVar[QuestionKind] = QuestionKind.NUMBER
    answer_kind = AnswerKind.COUNT
    feature_group = "figure"
    figures = True
    reads_values = True
    needs_value = True
    shapes = {
        kind: figure_shape
        for kind in (
            AnswerKind.COUNT,
            AnswerKind.RATIO,
            AnswerKind.PERCENT,
            AnswerKind.MONEY,
            AnswerKind.LENGTH,
            AnswerKind.AREA,
        )
    }

    def detectors(self):
        return ((30, _how_many), (80, _named_figure))

    def slot(self, folded: str) -> re.Match | None:
        return _HOW_MANY.search(folded) or _ASKED_FIGURE.search(folded)

    def tail_fallback(self, before, unit, stop, size):
        if not unit:
            return ()
        # '… tổng số xã được công nhận đạt chuẩn NTM của Lạng Sơn là bao nhiêu?'
        counted = re.search(rf"\bso (?:luong )?{re.escape(unit)}\b(.*)$", before)
        if not counted:
            return ()
        phrase = counted.group(1)
        end = stop.search(phrase)
        phrase = phrase[: end.start()] if end else phrase
        phrase = re.sub(r"\b(la|thi)\s*$", "", phrase.strip())
        return tuple(syllables(phrase)[:size])

    def unit_fits(self, fact: Fact, frame: Frame) -> bool:
        """Whether a figure is of the unit the question counts ('xã' answers 'bao nhiêu xã')."""
        return units_agree(frame.unit, fact.unit)

    def refine(self, frame: Frame) -> Frame:
        """A count of a noun no unit of the lexicon names ('bao nhiêu trường'): the noun."""
        if frame.kind != QuestionKind.NUMBER or frame.unit:
            return frame
        return replace(frame, counted=counted_noun(frame.folded))

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        counted = counted_candidates(sentence, frame.counted) if frame.counted else []
        return counted + [
            Candidate(
                CandidateKind.NUMBER,
                f.value_start - sentence.start,
                f.value_end - sentence.start,
                f.value,
                f,
            )
            for f in sentence.facts
            if self.unit_fits(f, frame)
        ]

    def slot_match(self, clause: Clause, frame: Frame, tail: float, fit: Fit, words):
        fact = clause.candidate.fact
        if (
            fact is not None
            and frame.indicator
            and fact.indicator == frame.indicator
            and indicator(fact.unit, fact.words.replace("|", " ")) != fact.indicator
        ):
            # the figure counts what is asked though its own clause does not say so: it took
            # the indicator of the figure before it ('có thêm 12 xã đạt chuẩn NTM, nâng tổng
            # số lên 85 xã')
            tail = max(tail, words.rules.carried_tail)
            fit = fit.at_least(words.coverage(clause.sentence.text[: clause.candidate.end]))
        return tail, fit

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        fit = category_fit(clause, frame, fit, rules.figure)
        fact = clause.candidate.fact
        if fact is not None:
            found = fact_fit(fact, frame, rules.figure)
            fit = Fit(
                fit.score + found.score, fit.mismatch * found.mismatch, fit.notes + found.notes
            )
        return fit


class PercentType(FigureType):
    """A percentage ('tỷ lệ hộ nghèo', 'bao nhiêu phần trăm')."""

    kind: ClassVar[QuestionKind] = QuestionKind.PERCENT
    scaffold = re.compile(r"\b(phan tram|ty le|percentage|percent)\b")

    def detectors(self):
        return ((20, _percent),)

    def tail_fallback(self, before, unit, stop, size):
        return ()

    def unit_fits(self, fact: Fact, frame: Frame) -> bool:
        return fact.unit == "%"


register(FigureType())
register(PercentType())
