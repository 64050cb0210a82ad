"""What a thing is or must meet: 'xã nhóm 1 là những xã như thế nào?', 'thôn thông minh phải
đáp ứng những điều kiện gì?', 'What does … mean?'."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import Fit, Frame, QuestionKind
from assistant.answering.rules import Rules


class DefinitionType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.DEFINITION
    order = 58
    question_cue = re.compile(
        r"\b(nhu the nao|ra sao|the nao|(?:dieu kien|noi dung|tieu chi|chi so|yeu cau|"
        r"quy dinh) gi|gom nhung gi|bao gom nhung gi|what does|mean\w*|what are the "
        r"(?:conditions|criteria|requirements))\b"
    )
    # what a definition or a requirement says ('phải', 'đáp ứng', 'là các xã …', 'gồm')
    evidence_cue = re.compile(
        r"\b(phai|dap ung|duoc hieu la|gom|bao gom|quy dinh|la cac|la nhung|co nghia|means?|"
        r"includes?|must|required|consists?)\b"
    )

    def refine(self, frame: Frame) -> Frame:
        """The subject asked about: the words before 'là' in the question's last clause
        ('xã nhóm 1 là những xã như thế nào' -> 'xa nhom 1')."""
        clause = re.split(r"[,;:]", frame.folded)[-1]
        m = re.match(r"\s*(.+?)\s+(?:la|phai|gom|duoc hieu la)\b", clause)
        return replace(frame, subject=m.group(1).strip() if m else "")

    def fit(self, clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        fit = super().fit(clause, frame, fit, rules)
        if frame.subject and re.search(
            rf"\b{re.escape(frame.subject)}\s+(?:la|gom|bao gom|phai|duoc hieu la)\b",
            clause.sentence.folded,
        ):
            fit = fit.plus(rules.passage.defines, "định nghĩa đúng điều được hỏi")
        return fit


register(DefinitionType())
