"""Comparisons of two places: 'Thái Nguyên và Lạng Sơn, tỉnh nào có nhiều xã đạt chuẩn NTM
hơn vào năm 2020?', 'Which province had more communes …, Thai Nguyen or Lang Son?'.

The figure is asked of each place alone; the answer gives both values, each with its time and
citation, and says which is more only when both count the same thing (``kinds.compared``).
"""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.kinds.compared import difference, like_pair
from assistant.answering.records import AnswerKind, Frame, QuestionKind
from assistant.answering.wording import say
from base.text import fold

_WHICH_MORE = re.compile(
    r"\b(?:tinh|huyen|thanh pho|thi xa|xa|dia phuong|noi|ben|don vi) nao\b.*"
    r"\b(?:hon|more|fewer|higher|lower|larger|greater)\b|\bso sanh\b|\bcompar\w*"
)
_WHICH = re.compile(
    r"(?i)[,\s]*\b(?:tỉnh|huyện|thành phố|thị xã|xã|địa phương|nơi|bên|đơn vị)\s+nào\b"
    r"|\b(?:which|what)\s+(?:province|district|commune|locality|place|one)\b"
)
_MORE_VI = re.compile(r"(?i)\b(?:nhiều|ít)\s+(.+?)\s+hơn\b")
_HIGHER_VI = re.compile(r"(?i)\s*\b(?:cao|thấp|lớn|nhỏ)\s+hơn\b")
_MORE_EN = re.compile(r"(?i)\b(?:had|has|have|with)?\s*(?:more|fewer)\b")
_JOIN_FOLDED = r"(?:,|\bva\b|\bhay\b|\bhoac\b|\bor\b|\band\b|\bvoi\b)"


def _compare(folded: str) -> Detection | None:
    return Detection(QuestionKind.COMPARISON) if _WHICH_MORE.search(folded) else None


def part_for(question: str, keep, others) -> str:
    """The question asked of one place: the others and the comparison taken out."""
    text = question
    for other in others:
        text = _without(text, other)
    text = _WHICH.sub(" ", text)
    text = _MORE_VI.sub(lambda m: f"bao nhiêu {m.group(1)}", text)
    text = _HIGHER_VI.sub(" là bao nhiêu", text)
    if _MORE_EN.search(text):
        kept = _written(text, keep)
        rest = _MORE_EN.split(text, maxsplit=1)[-1]
        text = "How many " + _without(rest, keep).strip(" ,?") + f" in {kept}"
    text = re.sub(r"\s+", " ", text).strip(" ,?")
    if keep.name not in fold(text):
        text = f"{keep.display}: {text}"
    return text[:1].upper() + text[1:] + "?"


def _without(text: str, place) -> str:
    """``text`` without the place (as written, with or without diacritics) and the word
    that joins it to the other ('và', 'or', ',')."""
    folded = fold(text)
    level = rf"(?:\b{re.escape(place.level)}\s+)?" if place.level else ""
    pattern = rf"\s*{_JOIN_FOLDED}?\s*{level}\b{re.escape(place.name)}\b\s*{_JOIN_FOLDED}?\s*"
    m = re.search(pattern, folded) if len(folded) == len(text) else None
    if m is None:
        return text.replace(place.display, " ")
    return text[: m.start()] + " " + text[m.end() :]


def _written(text: str, place) -> str:
    """The place as the question writes it."""
    folded = fold(text)
    m = re.search(rf"\b{re.escape(place.name)}\b", folded)
    return text[m.start() : m.end()] if m and len(folded) == len(text) else place.display


class ComparisonType(QuestionType):
    """Which of two places has more of a figure."""

    kind: ClassVar[QuestionKind] = QuestionKind.COMPARISON
    answer_kind = AnswerKind.LIST

    def detectors(self):
        return ((12, _compare),)

    def parts(self, frame: Frame):
        if len(frame.places) < 2:
            return None
        places = frame.places[:2]
        return [(p.display, part_for(frame.text, p, [o for o in places if o != p])) for p in places]

    def conclude(self, frame: Frame, selections: list, lang: str) -> str:
        pair = like_pair(selections, lang)
        if isinstance(pair, str):
            return pair
        a, b = pair
        if a.number == b.number:
            return say("equal", lang)
        more = frame.places[0] if a.number > b.number else frame.places[1]
        return say("more", lang, place=more.display, diff=difference(a, b, lang))


register(ComparisonType())
