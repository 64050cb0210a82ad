"""Lessons learned: 'Bài học kinh nghiệm … là gì?', 'What lessons …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import QuestionKind


class LessonType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.LESSON
    order = 53
    question_cue = re.compile(r"\b(bai hoc|kinh nghiem|lessons?)\b")
    evidence_cue = re.compile(
        r"\b(bai hoc|kinh nghiem|cach lam|thanh cong|lessons?|experiences?)\b"
    )


register(LessonType())
