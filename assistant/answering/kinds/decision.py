"""Decisions: 'Quyết định nào công nhận …?', 'số hiệu của quyết định …', 'Which decision …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.fit import order_match
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.names import has_name
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    Fit,
    Frame,
    QuestionKind,
    Ranked,
    Sentence,
)
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import canonical_terms
from base.documents import DOCUMENT_TYPES, document_type
from base.text import fold, syllables

_TYPES = "|".join(t.folded for t in DOCUMENT_TYPES)
_DOCS = _TYPES + "|van ban"  # and the generic 'văn bản nào'
_DECISION_Q = re.compile(
    rf"\b({_DOCS})\s+(?:so\s+)?(nao|may|bao nhieu|gi|so may)\b"
    rf"|\bso hieu\b|\b(decision|quyet dinh) (number|no)\b"
    rf"|\b({_DOCS})\s+so\s*(?:la\s*)?(?:gi|bao nhieu|may)\b"
    # 'kế hoạch triển khai … của Yên Bái số mấy'
    rf"|\b({_DOCS})\b.*\bso (?:may|hieu)\b"
    # 'Số quyết định của UBND tỉnh công nhận … là bao nhiêu?': the decision's number, not a
    # count of decisions ('số lượng quyết định', 'bao nhiêu quyết định')
    rf"|^\W*so ({_DOCS})\s+(?:cua|cong nhan|phe duyet|ban hanh|ve)\b"
    # English read in Vietnamese words: 'which Prime Minister's decision' -> 'nao thu tuong 's
    # quyet dinh'
    rf"|\bnao\s+(?:[a-z ]{{0,25}}'s\s+)?({_DOCS})\b"
)
# the type of document a question names ('kết luận … số mấy'): the first one named
_ASKED_TYPE = re.compile(rf"\b({_TYPES})\b")
# a full date as written ('23/3/2022'): the date a sentence gives before its decision ('Ngày
# 23/3/2022, UBND tỉnh đã có Quyết định số 728/QĐ-UBND …') is the decision's
_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d\d(?![\d/])")
# 'theo quy định tại Quyết định số …': the legal basis cited, not the decision asked about
_BASIS = re.compile(r"\b(theo quy dinh tai|quy dinh tai|can cu|theo|huong dan tai)\s*$")
# a recognition asked for: 'được công nhận … theo quyết định số mấy', 'which decision
# recognised' (folded)
_RECOGNITION_ASKED = re.compile(r"\b(?:cong nhan|recogni[sz]\w*)\b")
# a recognition still to come in the clause before a decision: 'hoàn chỉnh tiêu chí để được xét
# công nhận … theo Quyết định số 04' names the standard, not a decision that recognised (folded)
_PENDING = re.compile(
    r"\b(?:de|nham|chuan bi|de nghi|trinh)\s+(?:duoc\s+)?(?:xet\s+)?(?:,\s*)?cong nhan\b"
)


def _which_decision(folded: str) -> Detection | None:
    return Detection(QuestionKind.DECISION) if _DECISION_Q.search(folded) else None


def decision_shape(part: str) -> str | None:
    if not re.search(r"\d", part) or not re.search(r"(?i)quyết định|nghị quyết|số", part):
        return f"không phải một quyết định có số (not a numbered decision): “{part}”"
    return None


class DecisionType(QuestionType):
    """A numbered decision or resolution, with its date when the sentence gives it."""

    kind: ClassVar[QuestionKind] = QuestionKind.DECISION
    answer_kind = AnswerKind.DECISION
    feature_group = "decision"
    reads_values = True
    needs_value = True
    place_in_document = True
    capitalised = True
    shapes = {AnswerKind.DECISION: decision_shape}

    def detectors(self):
        return ((10, _which_decision),)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        return extract.decisions(sentence.text)

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        s, cand, r = clause.sentence.text, clause.candidate, rules.decision
        asked = _ASKED_TYPE.search(frame.folded)
        stated = document_type(cand.text)
        if asked and stated and stated.folded != asked.group(1):
            fit = fit.times(r.other_type, f"{stated.name}, câu hỏi hỏi {asked.group(1)}")
        if _RECOGNITION_ASKED.search(frame.folded) and _PENDING.search(
            fold(s[clause.start : cand.start])
        ):
            fit = fit.times(r.pending, "việc công nhận chưa diễn ra (chỉ là tiêu chuẩn để xét)")
        if _BASIS.search(fold(s[max(0, cand.start - r.basis_chars) : cand.start])):
            # 'Căn cứ Quyết định số 1980/QĐ-TTg … về việc ban hành Bộ tiêu chí …' answers a
            # question that asks for the decision by what it did, in those words
            after = syllables(canonical_terms(fold(s[cand.end : clause.end])))
            described = order_match(frame.tail, after)
            if described < r.described:
                fit = fit.times(r.legal_basis, "căn cứ pháp lý, không phải quyết định được hỏi")
        names = [p.name for p in frame.places]
        if names:
            around = fold(
                s[max(0, cand.start - r.place_before) : min(len(s), cand.end + r.place_after)]
            )
            found = sum(has_name(around, n) for n in names) / len(names)
            fit = fit.plus(r.place_named * found)
        return fit

    def direct_value(self, ranked: Ranked, frame: Frame, lang: str) -> str | None:
        """The decision with the date the sentence gives before it, when it does not follow
        it ('Quyết định số 728/QĐ-UBND (ngày 23/3/2022)'); the sentence's one date only."""
        cand = ranked.verdict.candidate
        if cand is None or _DATE.search(cand.text):
            return None
        text = ranked.sentence.text
        before = _DATE.findall(text[: cand.start])
        if len(before) != 1 or _DATE.search(text, cand.end):
            return None
        return f"{cand.text} ({'ngày ' if lang == 'vi' else ''}{before[0]})"


register(DecisionType())
