"""The target check: a plan answers a question about a plan, never one about a result.

Usage::

    target_check(sentence, fact, frame, rules.target).factor   # 0.0: a target for a result
"""

from __future__ import annotations

import re

from assistant.answering.records import Check, CheckName, Frame, Sentence
from assistant.answering.rules import TargetRules
from base.times import TARGET_CUES
from base.types import Fact, FactKind

_TARGET = re.compile(TARGET_CUES)


def target_check(sentence: Sentence, fact: Fact | None, frame: Frame, rules: TargetRules) -> Check:
    """A figure's kind says whether it is a target; a sentence without a figure is read for
    the words of a plan ('phấn đấu', 'kế hoạch', 'mục tiêu'), in it or its paragraph's start."""
    if fact is not None:
        if frame.target and fact.kind != FactKind.TARGET:
            return Check(CheckName.TARGET, rules.result_for_target, "kết quả, không phải mục tiêu")
        if not frame.target and fact.kind == FactKind.TARGET:
            if frame.allotted:
                return Check(
                    CheckName.TARGET, rules.plan_for_allotted, "số được bố trí theo kế hoạch"
                )
            return Check(CheckName.TARGET, 0.0, "chỉ là mục tiêu, không phải kết quả")
        return Check(CheckName.TARGET, 1.0)
    opening = sentence.paragraph_folded[: rules.paragraph_chars]
    planned = bool(_TARGET.search(sentence.folded) or _TARGET.search(opening))
    if frame.target and not planned:
        return Check(CheckName.TARGET, rules.no_plan_words, "không có từ chỉ mục tiêu")
    return Check(CheckName.TARGET, 1.0)
