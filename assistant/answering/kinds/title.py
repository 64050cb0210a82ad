"""Offices of named people: 'Ông Lò Văn Tâm giữ chức vụ gì?', 'Nguyễn Tuấn Thanh là ai?',
'Who is Nguyen Tuan Thanh?'.

The question names the person; the answer is the office the documents write beside that name,
verbatim: after it ('Ông Nguyễn Tuấn Thanh - Phó Giám đốc Sở NNPTNT tỉnh Hà Tĩnh - cho biết')
or before it ('Phó Chủ tịch UBND tỉnh Lê Văn A'). The name itself is no answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    CandidateKind,
    Frame,
    QuestionKind,
    Sentence,
)
from assistant.answering.rules import Rules
from base.lexicon import OFFICE_RANKS, OFFICES
from base.text import fold

# asks for an office whoever is named: 'giữ chức vụ gì', 'chức danh gì' (folded)
_OFFICE_ASKED = re.compile(
    r"\b(?:giu )?chuc (?:vu|danh) (?:gi|nao)\b|\bwhat (?:position|post|title)\b"
)
# 'X là ai', 'Who is X': asks for an office when X is a person's name (a surname first), not an
# office ('Chủ tịch UBND huyện là ai' asks for a name)
# (an English 'who' folds to 'ai')
_WHO_IS_NAMED = re.compile(
    r"^(?:ong |ba |dong chi )?(?P<name>(?:\w+ ){1,3}\w+) la ai\b"
    r"|\bai (?:is|was) (?P<en>(?:\w+ ){1,3}\w+)"
)
_OFFICE_WORDS = re.compile(
    r"\b(?:chu tich|bi thu|giam doc|truong|pho|ubnd|hdnd|huyen|tinh|xa|so|ban|uy|the)\b"
)
# an office as written, after the name ('…, Phó Giám đốc Sở …') or before it
_OFFICE = rf"(?:(?:{'|'.join(OFFICE_RANKS)})\s+)*(?:{'|'.join(OFFICES)})\b"
# several offices in a row: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Châu Thành'
_AFTER = re.compile(
    rf"\s*(?:,|–|-|\()\s*(?P<office>{_OFFICE}[^,;–()\n]*?(?:,\s*{_OFFICE}[^,;–()\n]*?)*)\s*"
    r"(?=,|;|–|\)|\s-\s|\s-$|$|\s(?:cho biết|chia sẻ|nói|khẳng định|nhấn mạnh|said|says)\b)"
)
_BEFORE = re.compile(
    rf"(?P<office>{_OFFICE}[^.;:!?,()]{{0,90}}?(?:,\s*{_OFFICE}[^.;:!?,()]{{0,90}}?)*)\s+"
    r"(?:(?:ông|bà|đồng chí)\s+)?$"
)


def _asks_office(folded: str) -> Detection | None:
    if _OFFICE_ASKED.search(folded):
        return Detection(QuestionKind.TITLE)
    named = _WHO_IS_NAMED.search(folded)
    if named:
        name = named.group("name") or named.group("en")
        if name.split()[0] in extract.SURNAMES and not _OFFICE_WORDS.search(name):
            return Detection(QuestionKind.TITLE)
    return None


class TitleType(QuestionType):
    """The office a person the question names holds."""

    kind: ClassVar[QuestionKind] = QuestionKind.TITLE
    answer_kind = AnswerKind.TEXT
    feature_group = "person"
    reads_values = True
    needs_value = True
    clause_separators = ";"
    capitalised = True

    def detectors(self):
        return ((38, _asks_office),)

    def refine(self, frame: Frame) -> Frame:
        """The person asked about, folded, as the frame's subject."""
        named = extract.people(frame.text)
        if not named:
            return frame
        name = re.sub(r"^(?:ong|ba|dong chi)\s+", "", fold(named[0].text).lower())
        return replace(frame, subject=name)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        if not frame.subject:
            return []
        found = []
        text = sentence.text
        for m in re.finditer(re.escape(frame.subject), sentence.folded):
            after = _AFTER.match(text, m.end())
            before = _BEFORE.search(text, max(0, m.start() - 100), m.start())
            for office in (after, before):
                if office:
                    start, end = office.span("office")
                    found.append(Candidate(CandidateKind.ENTITY, start, end, text[start:end]))
        return found


register(TitleType())
