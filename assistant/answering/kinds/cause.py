"""Causes: 'Vì sao …?', 'Nguyên nhân …?', 'Điều gì làm chậm …?', 'là nhờ những yếu tố nào?',
'Why …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import Detection, register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import QuestionKind


class CauseType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.CAUSE
    order = 54
    time_bounds = True
    question_cue = re.compile(
        r"\b(vi sao|tai sao|nguyen nhan|do dau|ly do|nho dau|vi dau|dieu gi lam|lam cham|"
        r"nho (?:nhung |cac )?(?:yeu to|dieu gi)|why|reasons?|causes?|caused)\b"
    )
    # words of a cause; not 'do' alone, which folds like 'độ' ('tiến độ')
    evidence_cue = re.compile(
        r"\b(nguyen nhan|ly do|xuat phat tu|dan den|anh huong|la do|do anh huong|do tac dong|"
        r"boi vi|boi|nho vao|nho co|nho su|vi vay|vi the|cho nen|because|due to|caused|reasons?|"
        r"thanh qua cua|thanks to|as a result)\b"
    )

    def detectors(self):
        # before the rate and figure types: 'vì sao tỷ lệ hộ nghèo còn cao' asks a cause
        return ((_WHY_ORDER, self.why), *super().detectors())

    def why(self, folded: str) -> Detection | None:
        """'Vì sao …' asks a cause even when it names a rate ('khi tính tỷ lệ xã …'); only a
        figure asked for ('vì sao … tăng bao nhiêu') makes it a figure question."""
        if _WHY.search(folded) and not _HOW_MANY.search(folded):
            return Detection(self.kind)
        return None

    def continues(self, folded_sentence: str) -> bool:
        """A cause goes on in the sentences that say what was lacking or weak ('hạ tầng còn
        yếu kém, sản xuất lạc hậu')."""
        return super().continues(folded_sentence) or bool(_CONDITIONS.search(folded_sentence))


_WHY_ORDER = 15
_WHY = re.compile(r"\b(vi sao|tai sao|why)\b")
_HOW_MANY = re.compile(r"\b(bao nhieu|may|how many|how much)\b")

# what a cause may be stated as without a causal word: a condition that was poor
_CONDITIONS = re.compile(
    r"\b(yeu kem|lac hau|thap|kho khan|thieu|han che|cham|bat cap|manh mun|kem hieu qua)\b"
)


register(CauseType())
