"""Places in an order: 'Cần Thơ là địa phương thứ mấy cả nước hoàn thành …?', 'Huyện X là
đơn vị cấp huyện thứ mấy của tỉnh được công nhận?'.

The values are the orders a sentence states ('thứ 3 cả nước', 'thứ 5', 'đầu tiên ở ĐBSCL'),
with the field they are counted in when the text names it. The field the question names ('cả
nước') is what the order is counted in, not a place the answer must be about: the subject is
the other place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.records import AnswerKind, Candidate, Fit, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules

# 'thứ mấy', 'thứ bao nhiêu', 'xếp thứ mấy', 'đứng thứ mấy' (folded)
_WHICH_ORDER = re.compile(r"\bthu (?:may|bao nhieu)\b")
_COUNTRY = "ca nuoc"
# the field an order is counted in, folded: the question's right after its slot ('thứ mấy cả
# nước', 'thứ mấy của tỉnh'), a value's right after it
_FIELD = re.compile(
    r"\s*(?:(?:cua|trong|o|tai|in|of)\s+)?(?:the\s+)?(ca nuoc|toan quoc|nationwide|country|"
    r"(?:toan )?tinh|province|huyen|khu vuc|vung|dong bang|dbscl|dbsh|tay nguyen|mien nui|"
    r"region)\b"
)
_SAME_FIELD = {
    "toan quoc": "ca nuoc",
    "nationwide": "ca nuoc",
    "country": "ca nuoc",
    "toan tinh": "tinh",
    "province": "tinh",
}


def _field(folded: str, at: int) -> str:
    m = _FIELD.match(folded, at)
    if not m:
        return ""
    word = m.group(1)
    return _SAME_FIELD.get(word, word if word in ("ca nuoc", "tinh", "huyen") else "vung")


def _which_order(folded: str) -> Detection | None:
    return Detection(QuestionKind.RANK) if _WHICH_ORDER.search(folded) else None


def rank_shape(part: str) -> str | None:
    if not extract.ordinals(part):
        return f"không phải một thứ tự (not a place in an order): “{part}”"
    return None


class OrdinalType(QuestionType):
    """The place of a subject in an order."""

    kind: ClassVar[QuestionKind] = QuestionKind.RANK
    answer_kind = AnswerKind.RANK
    reads_values = True
    needs_value = True
    capitalised = True
    clause_separators = ";"
    shapes = {AnswerKind.RANK: rank_shape}

    def detectors(self):
        return ((15, _which_order),)

    def slot(self, folded: str) -> re.Match | None:
        return _WHICH_ORDER.search(folded)

    def refine(self, frame: Frame) -> Frame:
        """The country a question names beside its subject is the field of the order."""
        subjects = tuple(p for p in frame.places if p.level != _COUNTRY)
        if subjects and len(subjects) < len(frame.places):
            return replace(frame, places=subjects)
        return frame

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        return extract.ordinals(sentence.text)

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """An order counted in another field than the one the question names is another
        order ('đầu tiên ở ĐBSCL' is not 'thứ mấy cả nước')."""
        slot = _WHICH_ORDER.search(frame.folded)
        asked = _field(frame.folded, slot.end()) if slot else ""
        cand = clause.candidate
        # the field written right after the order's own words ('thu 3', 'dau tien')
        own = re.match(r"\S+(?:\s+\S+)?", clause.sentence.folded[cand.start : cand.end])
        stated = _field(clause.sentence.folded, cand.start + own.end()) if own else ""
        if asked and stated and asked != stated:
            return fit.times(rules.ordinal.other_field, "thứ tự trong phạm vi khác")
        return fit


register(OrdinalType())
