"""How a figure changed between two times: 'Số tiêu chí bình quân mỗi xã của Lạng Sơn tăng
bao nhiêu từ năm 2019 đến tháng 8/2021?'.

The figure is asked at each time alone; the answer gives both values, each with its time and
citation, and the change only when both count the same thing (``kinds.compared``): the rise
an article states since another year ('tăng 0,18 so với 2020') is not the asked change.
"""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.kinds.compared import difference, like_pair
from assistant.answering.records import AnswerKind, Frame, QuestionKind
from assistant.answering.wording import say
from base.times import read_times

_CHANGE = re.compile(
    r"\b(?:tang|giam|thay doi|chenh lech)\b[^?]*\btu (?:nam |thang |cuoi nam |dau nam )?\d"
    r"|\btu (?:nam |thang )?\d[^?]*\b(?:den|toi) [^?]*\b(?:tang|giam|thay doi)\b"
    # English, on the question with its programme words in Vietnamese ('increase' -> 'tang')
    r"|\b(?:tang|giam|chang(?:e|ed|es)|r[io]se|fell|grow|grew|develop(?:ed)?)\b[^?]*"
    r"\b(?:from|between) (?:[a-z]+ )?\d{4}\b[^?]*\b(?:to|and) "
)
_VERB = re.compile(r"(?i)\s*\b(?:đã\s+)?(?:tăng|giảm|thay đổi|chênh lệch)\b.*$")
_FROM = re.compile(r"(?i)\s*\btừ\b\s*")
# an English change question's frame around its subject: 'How did … change from … to …?'
_EN_HEAD = re.compile(r"(?i)^\s*(?:by\s+)?how\s+(?:much\s+)?(?:did|has|have|does|do)\s+")
_EN_VERB = re.compile(
    r"(?i)\s*\b(?:chang(?:e|ed|es)|r[io]se|fell|f[ae]ll|grow|grew|increase[sd]?|decrease[sd]?|"
    r"develop(?:ed)?)\b.*$"
)


_NUMBER_OF = re.compile(r"(?i)^(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(?P<counted>.+)$")


def english_part(subject: str, when: str) -> str:
    """The English question of a figure at one time: 'How many NTM-standard communes were
    there in X in 2019?' for 'the number of NTM-standard communes in X' (a count asked with
    'How many', whose noun the analysis reads as the unit), else 'What was … in 2019?'."""
    counted = _NUMBER_OF.match(subject)
    if counted:
        return f"How many {counted.group('counted')} were there in {when}?"
    return f"What was {subject} in {when}?"


def _change(folded: str) -> Detection | None:
    return Detection(QuestionKind.CHANGE) if _CHANGE.search(folded) else None


def _point(lo: tuple[int, int], hi: tuple[int, int]) -> str:
    """A month range as the words of a question: 'năm 2019', 'tháng 8/2021'."""
    if lo[1] == 1 and hi[1] == 12 and lo[0] == hi[0]:
        return f"năm {hi[0]}"
    return f"tháng {hi[1]}/{hi[0]}"


def times_of(frame: Frame) -> list[str]:
    """The two times a change runs between, as words (the earlier may read as a baseline:
    'từ năm 2019')."""
    times = sorted(read_times(frame.text), key=lambda t: t.start)
    if len(times) >= 2:
        return [_FROM.sub("", times[0].text).strip(), _FROM.sub("", times[1].text).strip()]
    if len(times) == 1 and times[0].lo[0] != times[0].hi[0]:
        t = times[0]  # 'từ năm 2019 đến tháng 8/2021' read as one period
        first = (t.lo[0], 1), (t.lo[0], 12) if t.lo[1] == 1 else (t.lo, t.lo)
        last = (t.hi, t.hi) if t.hi[1] != 12 else ((t.hi[0], 1), t.hi)
        return [_point(*first), _point(*last)]
    return []


class ChangeType(QuestionType):
    """By how much a figure rose or fell between two times."""

    kind: ClassVar[QuestionKind] = QuestionKind.CHANGE
    answer_kind = AnswerKind.LIST

    def detectors(self):
        return ((25, _change),)

    def parts(self, frame: Frame):
        times = times_of(frame)
        if frame.english:
            subject = _EN_VERB.sub("", _EN_HEAD.sub("", frame.text)).strip(" ,?")
            if len(times) < 2 or not subject:
                return None
            return [(when, english_part(subject, when)) for when in times]
        subject = _VERB.sub("", frame.text).strip(" ,?")
        if len(times) < 2 or not subject:
            return None
        return [(when, f"{subject} {when} là bao nhiêu?") for when in times]

    def conclude(self, frame: Frame, selections: list, lang: str) -> str:
        pair = like_pair(selections, lang)
        if isinstance(pair, str):
            return pair
        a, b = pair
        if a.number == b.number:
            return say("unchanged", lang)
        key = "rose" if b.number > a.number else "fell"
        return say(key, lang, diff=difference(a, b, lang))


register(ChangeType())
