"""People: 'Ai là Bí thư Huyện ủy …?', 'Who chaired the conference …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    Fit,
    Frame,
    QuestionKind,
    Sentence,
)
from assistant.answering.rules import Rules
from base.lexicon import ASKED_OFFICES
from base.text import fold, syllables

_WHO = re.compile(
    r"^ai\b|\bai (la|da|duoc|chu tri|phat bieu|dan dau|phu trach|ky)\b|\bla ai\b|\bai\b\s*\??$"
)
_NAME = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*"
_PERSON_SHAPE = re.compile(rf"(?:(?:Đồng chí|Ông|Bà|Anh|Chị)\s+)?{_NAME}(?:\s+{_NAME}){{1,4}}")


# 'tên là gì', 'tên gì', 'họ tên', 'họ và tên': a name asked; a person's when the question
# names an office ('Chủ tịch UBND xã Long Tiến tên là gì?'), else a place's or a thing's
_NAME_ASKED = re.compile(r"\bten (?:la )?gi\b|\bho (?:va )?ten\b")
_OFFICE_NAMED = re.compile(rf"\b(?:{'|'.join(ASKED_OFFICES)})\b")


def _who(folded: str) -> Detection | None:
    if _WHO.search(folded) or (_NAME_ASKED.search(folded) and _OFFICE_NAMED.search(folded)):
        return Detection(QuestionKind.PERSON)
    return None


def person_shape(part: str) -> str | None:
    """A person's name: two to five capitalised words, no digits."""
    if not _PERSON_SHAPE.fullmatch(part) or re.search(r"\d", part):
        return f"không phải một tên người (not a person's name): “{part}”"
    return None


class PersonType(QuestionType):
    """A person's name, with the office the question names."""

    kind: ClassVar[QuestionKind] = QuestionKind.PERSON
    answer_kind = AnswerKind.PERSON
    feature_group = "person"
    reads_values = True
    needs_value = True
    clause_separators = ";"
    reaches_back = True
    stops_at_next = True
    place_in_document = True
    shapes = {AnswerKind.PERSON: person_shape}

    def detectors(self):
        return ((40, _who),)

    def slot(self, folded: str) -> re.Match | None:
        return re.search(r"\bai\b", folded) or _NAME_ASKED.search(folded)

    def after_slot(self, rest: str) -> str:
        return re.sub(r"^\s*(?:la|da|duoc)\b", "", rest)

    def tail_fallback(self, before, unit, stop, size):
        # 'Chủ tịch UBND huyện Bình Gia là ai?': the office is named before the slot
        office = re.sub(r"\b(la|thi|hien nay|hien)\s*$", "", before.strip())
        return tuple(syllables(office)[:size])

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        return extract.people(sentence.text)

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """'Phó Chủ tịch' is not 'Chủ tịch'; a province's office is not a district's."""
        s = clause.sentence.text
        role = syllables(fold(s[clause.candidate.end : clause.stop]))[: rules.person.role_words]
        asked = frame.tail
        for marker in ("pho", "thuong truc"):
            if (marker in " ".join(role)) != bool(
                re.search(rf"\b{marker}\b", frame.folded)
            ) and asked:
                fit = fit.times(rules.person.other_rank, f"chức vụ khác ({marker})")
        for level, other in (("huyen", "tinh"), ("tinh", "huyen")):
            if level in asked and other in role and level not in role:
                fit = Fit(fit.score, 0.0, fit.notes + (f"chức vụ cấp {other}",))
        return fit


register(PersonType())
