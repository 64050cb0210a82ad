"""Dates: 'Hội nghị được tổ chức vào ngày nào?', 'khi nào', 'năm nào', 'When …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.records import AnswerKind, Candidate, Fit, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules
from base.text import fold

_WHEN = re.compile(
    r"\b(khi nao|ngay nao|thoi gian nao|luc nao|bao gio|thang nao|nam nao|thoi diem nao)\b"
)
# what a date of each precision looks like: 'ngày nào' wants a day, 'năm nào' a year
_PRECISION = {
    "ngay": re.compile(r"\d{1,2}[/-]\d{1,2}|ngày\s+\d", re.I),
    "thang": re.compile(r"tháng|\d{1,2}/\d{4}", re.I),
    "nam": re.compile(r"(19|20)\d\d"),
}


def _when(folded: str) -> Detection | None:
    return Detection(QuestionKind.DATE) if _WHEN.search(folded) else None


def date_shape(part: str) -> str | None:
    if not re.search(r"\d", part):
        return f"không phải một thời điểm (not a date): “{part}”"
    return None


class DateType(QuestionType):
    """A date, month or year of an event."""

    kind: ClassVar[QuestionKind] = QuestionKind.DATE
    answer_kind = AnswerKind.DATE
    feature_group = "date"
    reads_values = True
    needs_value = True
    shapes = {AnswerKind.DATE: date_shape}

    def detectors(self):
        return ((50, _when),)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        return extract.dates(sentence.text)

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        said = fold(clause.candidate.text)
        if any(fold(t.text) == said for t in frame.times):
            fit = fit.times(rules.date.echo, "câu hỏi đã nêu thời điểm này (the question's own)")
        for precision in frame.date_precisions:
            if _PRECISION[precision].search(clause.candidate.text):
                return fit.plus(rules.date.precision, f"đúng độ chính xác ({precision})")
        if "ngay" in frame.date_precisions:
            # 'năm 2016' for 'ngày nào': the year of a day the documents may give elsewhere
            return fit.times(rules.date.coarser, "chỉ có năm hay tháng, câu hỏi hỏi ngày")
        return fit


register(DateType())
