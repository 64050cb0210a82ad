"""Anything else: the best sentence itself is the answer."""

from __future__ import annotations

from typing import ClassVar

from assistant.answering.kinds import QuestionType, register
from assistant.answering.records import AnswerKind, QuestionKind


class TextType(QuestionType):
    """No typed value: the sentence that answers best is quoted whole."""

    kind: ClassVar[QuestionKind] = QuestionKind.TEXT
    answer_kind = AnswerKind.TEXT


register(TextType())
