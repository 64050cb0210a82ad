"""The tier check: a question about one tier of the standard ('NTM nâng cao', 'kiểu mẫu') is
not answered by a sentence about another tier, nor by one about the plain standard whose
paragraph does not name the tier either.

Usage::

    tier_check(sentence, frame).factor   # 0.0 for 'đạt chuẩn NTM' when 'nâng cao' is asked
"""

from __future__ import annotations

from assistant.answering.records import Check, CheckName, Frame, Sentence
from assistant.answering.vocabulary import TIER
from base.text import fold

_SHOWN = {"nang cao": "nâng cao", "kieu mau": "kiểu mẫu"}


def tier_check(sentence: Sentence, frame: Frame, in_document: float = 0.0) -> Check:
    """0 with the reason when the sentence speaks of another tier than the one asked; with
    ``in_document`` (words answer, not figures: 'còn những tiêu chí nào chưa đạt để lên NTM
    nâng cao'), a sentence of no tier in a document that speaks of the asked one weighs so."""
    asked = frame.tiers
    if not asked:
        return Check(CheckName.TIER, 1.0)
    here = set(TIER.findall(sentence.folded))
    if asked & here:
        return Check(CheckName.TIER, 1.0)
    wanted = " / ".join(_SHOWN[t] for t in sorted(asked))
    if here:
        return Check(CheckName.TIER, 0.0, f"không nói về NTM {wanted}")
    if asked & set(TIER.findall(sentence.paragraph_folded)):
        return Check(CheckName.TIER, 1.0)
    if in_document and asked & set(TIER.findall(fold(sentence.doc.text))):
        return Check(CheckName.TIER, in_document, f"NTM {wanted} chỉ ở đoạn khác")
    return Check(CheckName.TIER, 0.0, f"không nói về NTM {wanted}")
