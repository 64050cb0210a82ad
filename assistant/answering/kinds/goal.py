"""Goals in words: 'Lạng Sơn đặt mục tiêu gì cho giai đoạn 2021-2025?', 'Mục tiêu trọng tâm …
là gì?', 'phương hướng …', 'What is the goal of …?' (a planned figure is a figure question)."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import QuestionKind


class GoalType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.GOAL
    order = 57
    time_bounds = True  # the goals for 2030 are not those for 2020
    question_cue = re.compile(
        r"\b(muc tieu|phuong huong|dinh huong|goals?|aims?|objectives?|orientation)\b"
    )
    # a plan stated as such ('phấn đấu đến năm 2025 …', 'mục tiêu là …'), not a qualifier of
    # a noun ('các xã phấn đấu đạt chuẩn' are communes, not a goal)
    evidence_cue = re.compile(
        r"(?<!\bxa )(?<!\bhuyen )(?<!\bdiem )(?<!\bthon )\b(?:phan dau|muc tieu(?! quoc gia)|"
        r"dinh huong|phuong huong|huong toi|targets?|aims?|goals?|objectives?|strive\w*|"
        r"achieve)\b"
    )


register(GoalType())
