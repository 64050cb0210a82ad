"""Summaries of a place's results: 'Tóm tắt kết quả nổi bật về … của Bình Dương giai đoạn
2021-2025', 'Summarise the results of …'.

The answer gathers the sentences that state the place's figures for the period, best first,
each an item with its citation: the headline figures with their times, in the documents' words.
"""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import Fit, Frame, QuestionKind
from assistant.answering.rules import Rules
from base.types import FactKind


class SummaryType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.SUMMARY
    order = 8
    time_bounds = True
    gathers = True  # the answer is several sentences, not one
    question_cue = re.compile(
        r"\b(tom tat|tom luoc|ket qua noi bat|ket qua chinh|nhung ket qua|diem lai|"
        r"summar\w*|main results|key results|highlights?)\b"
        # 'đạt những chỉ số gì' (what it reached), not what one must reach ('phải đạt …')
        r"|(?<!phai )\bdat (?:duoc )?(?:nhung )?(?:chi so|thanh tich|thanh tuu|ket qua) (?:gi|nao)\b"
    )
    reads_facts = True  # a sentence that states a result outweighs one with a year in it
    # then the main limitations and tasks the same documents list
    appends = ((QuestionKind.LIMITS, "summary_limits"), (QuestionKind.TASKS, "summary_tasks"))
    # a sentence that states a figure ('100% các tuyến đường', '79,3% xã đạt chuẩn')
    evidence_cue = re.compile(r"\d")

    def fit(self, clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """A passage's fit, and whether its sentence states a result (a stored figure that
        is no target), or only digits ('Covid-19', 'giai đoạn 2021-2025')."""
        fit = super().fit(clause, frame, fit, rules)
        facts = clause.sentence.facts
        if any(f.kind != FactKind.TARGET for f in facts):
            return fit.plus(rules.passage.states_result, "nêu một kết quả bằng số liệu")
        if not facts:
            return fit.times(rules.passage.states_nothing, "không nêu số liệu nào")
        return fit


register(SummaryType())
