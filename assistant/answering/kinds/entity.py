"""Named things: 'Cơ quan nào chủ trì …?', 'Chương trình gì …?' (a capitalised phrase)."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.records import AnswerKind, Candidate, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import LEVEL_BEFORE_SLOT


def _what(folded: str) -> Detection | None:
    return Detection(QuestionKind.ENTITY) if re.search(r"\bnao\b|\bgi\b", folded) else None


class EntityType(QuestionType):
    """A capitalised phrase that names an office, a programme or a movement."""

    kind: ClassVar[QuestionKind] = QuestionKind.ENTITY
    answer_kind = AnswerKind.TEXT
    reads_values = True
    clause_separators = ";"
    stops_at_next = True

    def detectors(self):
        return ((90, _what),)

    def before_slot(self, before: str) -> str:
        return LEVEL_BEFORE_SLOT.sub("", before.strip())

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        return extract.noun_phrases(sentence.text)


register(EntityType())
