"""Years: 'Huyện X được công nhận đạt chuẩn nông thôn mới năm nào?', 'In which year …?'.

A year is the date of an event, so the values are the sentence's dates that carry a year ('năm
2019', 'ngày 16/9/2019', 'tháng 6/2018'), as written; a year the question itself names is not
its answer; a baseline ('so với năm 2015') is not when something happened, nor is a target's
horizon ('phấn đấu đến năm 2025') unless the question asks for the target, which only a
horizon answers.
"""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.records import AnswerKind, Candidate, Fit, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules
from base.times import read_times

# 'năm nào', 'từ năm nào', 'vào năm nào'; an English 'which/what year' folds to 'nao nam'
# (but 'xã nào năm 2020 …' asks which commune, in 2020)
_WHICH_YEAR = re.compile(r"\bnam nao\b|\bnao nam\b(?!\s*\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _which_year(folded: str) -> Detection | None:
    return Detection(QuestionKind.YEAR) if _WHICH_YEAR.search(folded) else None


class YearType(QuestionType):
    """The year an event happened (or is planned for, when the question asks the target)."""

    kind: ClassVar[QuestionKind] = QuestionKind.YEAR
    answer_kind = AnswerKind.DATE
    feature_group = "date"
    reads_values = True
    needs_value = True
    # a time is often fronted ('Năm 2019, huyện … được công nhận'): its clause runs past commas
    clause_separators = ";"

    def detectors(self):
        return ((45, _which_year),)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        asked = {str(y) for y in frame.years}
        return [
            c
            for c in extract.dates(sentence.text)
            if (year := _YEAR.search(c.text)) and year.group() not in asked
        ]

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """A baseline year is no event's; a target's horizon answers only a question about the
        target, and a question about the target only a horizon."""
        r = rules.year
        cand = clause.candidate
        sentence = clause.sentence
        role = next(
            (
                t.role
                for t in read_times(sentence.text, sentence.doc.meta.date)
                if t.start <= cand.start < t.end or cand.start <= t.start < cand.end
            ),
            "",
        )
        if role == "baseline":
            return fit.times(r.baseline, "năm làm mốc so sánh")
        if role == "target":
            if frame.target:
                return fit.plus(r.asked_target, "năm của mục tiêu được hỏi")
            return fit.times(r.unasked_target, "năm của một mục tiêu")
        if frame.target:
            return fit.times(r.result_for_target, "năm của một kết quả, câu hỏi hỏi mục tiêu")
        return fit


register(YearType())
