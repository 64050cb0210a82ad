"""What someone said: 'Theo ông X, cách làm … nhấn mạnh điều gì?', 'Bộ trưởng khẳng định gì
về …?', 'What did the minister stress …?'. The answer is what follows the speaker's verb
('… nhấn mạnh, Ninh Bình không chạy theo thành tích …'): the speaker is context, not the
answer."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import Detection, register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.passages import whole
from assistant.answering.records import Candidate, CandidateKind, Frame, QuestionKind, Sentence
from assistant.answering.rules import Rules

# the verbs that report what someone said, folded
_SAYING = (
    r"nhan manh|khang dinh|cho rang|neu ro|chia se|bay to|phat bieu|luu y|"
    r"stress\w*|emphasi[sz]\w*|highlight\w*|affirm\w*|said|says|say"
)
# what the question asks of it: 'điều gì', 'những gì', 'nội dung nào', 'what'
_WHAT = re.compile(r"\b(gi|nao|what)\b")  # an English "what" folds to "nao"
# where the words said begin: after the verb and a comma, a colon or 'rằng'
_SAID_FROM = re.compile(rf"\b(?:{_SAYING}|cho biet)\b\s*(?:[,:]\s*|rang\s+|that\s+)")


class StatementType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.STATEMENT
    order = 59
    question_cue = re.compile(rf"\b({_SAYING})\b")
    evidence_cue = re.compile(rf"\b({_SAYING}|cho biet)\b")

    def detect(self, folded: str) -> Detection | None:
        if not _WHAT.search(folded):
            return None
        return super().detect(folded)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        """What the speaker said, from after the verb that reports it; the sentence's own
        reading (its list, its lines) when no verb introduces it."""
        found = super().candidates(sentence, frame, rules)
        said = _SAID_FROM.search(sentence.folded)
        if said is None or len(found) != 1 or len(found[0].items) != 1:
            return found
        text = sentence.text
        a, b = said.end(), found[0].end
        if a >= b or not whole(text[a:b]):
            return found
        return [Candidate(CandidateKind.PASSAGE, a, b, text[a:b], items=((a, b),))]


register(StatementType())
