"""Named things: 'Cơ quan nào chủ trì …?', 'Chương trình gì …?' (a capitalised phrase)."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.records import AnswerKind, Candidate, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import LEVEL_BEFORE_SLOT, NAMED_THINGS

# a verb right after an English 'what' asks about a clause ('What has the programme achieved')
_AUXILIARY = r"(?:has|have|had|is|are|was|were|did|does|do|will|would|can|should)"
# 'Cơ quan nào …', 'phong trào gì', 'Which agency …', 'Which four … communes' (an English
# 'which' folds to 'nao', 'communes' to 'xa'): the thing named within a few words of the slot
_WHAT_NAMED = re.compile(
    rf"\b(?:{NAMED_THINGS})\b(?:\s+\S+){{0,2}}\s+(?:nao|gi)\b"
    rf"|\bnao(?!\s+{_AUXILIARY}\b)(?:\s+\S+){{0,3}}\s+(?:{NAMED_THINGS}|xa|huyen|tinh|thon)\b"
)


def _what(folded: str) -> Detection | None:
    """A question whose slot asks for a name; any other 'gì'/'nào' ('những tiêu chí nào',
    'mục đích gì', 'what has … achieved') is answered in the documents' words."""
    return Detection(QuestionKind.ENTITY) if _WHAT_NAMED.search(folded) else None


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
