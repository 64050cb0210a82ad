"""Difficulties and limitations: 'Những hạn chế, khó khăn … là gì?', 'xã còn thiếu những tiêu
chí nào?', 'What difficulties did … face?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import QuestionKind


class LimitsType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.LIMITS
    order = 55
    time_bounds = True
    question_cue = re.compile(
        r"\b(han che|kho khan|vuong mac|ton tai|bat cap|yeu kem|diem yeu|thach thuc|chua dat|"
        r"chua hoan thanh|con thieu|kho thuc hien|kho nhat|chua dap ung|difficult\w*|"
        r"limitations?|problems?|challenges?|obstacles?|shortcomings?|weakness\w*)\b"
    )
    evidence_cue = re.compile(
        r"\b(han che|kho khan|vuong mac|ton tai|bat cap|yeu kem|thach thuc|chua|cham|thap|"
        r"thieu|kho|difficult\w*|limitation\w*|problems?|challenges?|obstacles?|shortcomings?|"
        r"weak\w*|slow|lack\w*)\b"
    )


register(LimitsType())
