"""The tier check: a question about one tier of the standard ('NTM nâng cao', 'kiểu mẫu') is
not answered by a sentence about another tier, nor by one about the plain standard whose
paragraph does not name the tier either.

Usage::

    tier_check(sentence, frame).factor   # 0.0 for 'đạt chuẩn NTM' when 'nâng cao' is asked
"""

from __future__ import annotations

from assistant.answering.records import Check, CheckName, Frame, Sentence
from assistant.answering.vocabulary import TIER

_SHOWN = {"nang cao": "nâng cao", "kieu mau": "kiểu mẫu"}


def tier_check(sentence: Sentence, frame: Frame) -> Check:
    """0 with the reason when the sentence speaks of another tier than the one asked."""
    asked = frame.tiers
    if not asked:
        return Check(CheckName.TIER, 1.0)
    here = set(TIER.findall(sentence.folded))
    if asked & here:
        return Check(CheckName.TIER, 1.0)
    if here or not asked & set(TIER.findall(sentence.paragraph_folded)):
        wanted = " / ".join(_SHOWN[t] for t in sorted(asked))
        return Check(CheckName.TIER, 0.0, f"không nói về NTM {wanted}")
    return Check(CheckName.TIER, 1.0)
