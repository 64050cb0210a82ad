"""A figure year by year: 'Số xã đạt chuẩn NTM của huyện X qua các năm 2020, 2021, 2022 là bao
nhiêu?', 'Từ năm 2020 đến năm 2022, số xã … thay đổi như thế nào qua từng năm?', 'Liệt kê … trong
từng năm 2019, 2020 và 2021', '… change from 2018 to 2020, year by year?'.

The figure is asked for each year alone; the answer gives every year's value with its own
citation (a value the documents lack is said to be missing), and how it changed from the first
year to the last when both count the same thing (as ``kinds.change`` does).
"""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering import kinds
from assistant.answering.kinds import Detection, QuestionType, register
from assistant.answering.kinds.change import english_part
from assistant.answering.kinds.compared import like_pair
from assistant.answering.records import AnswerKind, Frame, QuestionKind
from base.times import read_times

# each of the years, not one change between two of them (folded; an English question's
# 'year' reads 'nam' there); 'hàng năm', 'mỗi năm', 'every year' ask how much a year gets
# ('hàng năm bố trí bao nhiêu vốn'), not each year's figure
_EACH_YEAR = re.compile(
    r"\b(?:qua |trong |cua )?(?:tung|cac) nam\b|\bnam\s*(?:-|\bby\b|\bden\b)\s*nam\b"
    r"|\bin each nam\b"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a range of years: 'từ năm 2020 đến năm 2022', 'from 2018 to 2020' (folded)
_RANGE = re.compile(
    r"(?:\b(?:tu|from|between)\s+(?:nam\s+)?|\bnam\s+)((?:19|20)\d\d)\s*"
    r"(?:den|toi|to|and|-|–)\s*(?:nam\s+)?((?:19|20)\d\d)\b"
)
# most years a question is split into: one part (one search) each
_MOST_YEARS = 6

# what is cut from a Vietnamese question to leave the figure it asks for
_LEAD = re.compile(r"(?i)^\s*(?:hãy\s+)?(?:liệt kê|cho biết|nêu|thống kê)\s+")
_EACH_WRITTEN = re.compile(r"(?i)\s*\b(?:qua|trong|của)?\s*(?:từng|các)\s+năm\b")
# the years as a question lists them: '(trong từng) năm 2020, 2021 và 2022', '(từ) năm 2020 đến
# năm 2022', 'qua các năm 2020, 2021, 2022'
_YEAR_LIST = re.compile(
    r"(?i)\s*\b(?:(?:qua|trong|của|từ|vào)\s+)?(?:(?:từng|các)\s+)?năm\s+(?:19|20)\d\d"
    r"(?:\s*(?:,|và|-|–|đến|tới)\s*(?:năm\s+)?(?:19|20)\d\d)*"
)
_PREPOSITION = re.compile(r"(?i)\b(?:từ|đến|tới|qua|trong|vào)\s*$")
_PREDICATE = re.compile(
    r"(?i)\s*\b(?:(?:đã\s+)?(?:thay đổi|biến động|tăng giảm|diễn biến)|là bao nhiêu|ra sao|"
    r"như thế nào|thế nào)\b.*$"
)
# an English question's head and verb ('How did … change …', 'List …', 'What was …')
_EN_HEAD = re.compile(
    r"(?i)^\s*(?:(?:by\s+)?how\s+(?:much\s+)?(?:did|has|have|does|do)|list|give|show|"
    r"what\s+(?:was|were|is|are))\s+"
)
_EN_TAIL = re.compile(
    r"(?i)\s*(?:\b(?:chang(?:e|ed|es)|r[io]se|fell|grow|grew|increase[sd]?|decrease[sd]?|"
    r"develop(?:ed)?|evolve[sd]?)\b.*|\b(?:in|for|from|between|over)\s+(?:each|every|the)?\s*"
    r"(?:years?\s*)?(?:19|20)\d\d.*|,?\s*\b(?:year[- ]by[- ]year|each year|every year)\b.*)$"
)


def _series(folded: str) -> Detection | None:
    if _EACH_YEAR.search(folded) and len(_years(folded)) >= 2:
        return Detection(QuestionKind.SERIES)
    return None


def _years(folded: str) -> list[int]:
    """The years a (folded) question asks for, in order: every year of a range ('tu nam 2020
    den nam 2022'), else those listed; none when more than :data:`_MOST_YEARS`."""
    span = _RANGE.search(folded)
    if span:
        lo, hi = sorted((int(span.group(1)), int(span.group(2))))
        years = list(range(lo, hi + 1))
    else:
        years = sorted({int(y) for y in _YEAR.findall(folded)})
    return years if len(years) <= _MOST_YEARS else []


def _subject(text: str) -> str:
    """The figure a Vietnamese question asks for, without its years and how it asks: 'số xã
    đạt chuẩn nông thôn mới của huyện X'."""
    text = _YEAR_LIST.sub(" ", _LEAD.sub("", text))
    for t in sorted(read_times(text), key=lambda t: -t.start):
        head = _PREPOSITION.sub("", text[: t.start])
        text = head + text[t.end :]
    text = _EACH_WRITTEN.sub(" ", text)
    text = _PREDICATE.sub("", text)
    return " ".join(text.split()).strip(" ,.;:?")


class SeriesType(QuestionType):
    """A figure for each of several years, each value with its time and citation."""

    kind: ClassVar[QuestionKind] = QuestionKind.SERIES
    answer_kind = AnswerKind.LIST

    def detectors(self):
        return ((13, _series),)

    def parts(self, frame: Frame):
        years = _years(frame.folded)
        if len(years) < 2:
            return None
        if frame.english:
            subject = _EN_TAIL.sub("", _EN_HEAD.sub("", frame.text)).strip(" ,?.")
            if not subject:
                return None
            return [(str(y), english_part(subject, str(y))) for y in years]
        subject = _subject(frame.text)
        if not subject:
            return None
        subject = subject[:1].upper() + subject[1:]
        asks = (
            ""
            if re.search(r"(?i)\b(?:bao nhiêu|mấy|bao nhieu|may)\b", subject)
            else " là bao nhiêu"
        )
        return [(f"năm {y}", f"{subject} năm {y}{asks}?") for y in years]

    def conclude(self, frame: Frame, selections: list, lang: str) -> str:
        """How the figure changed from the first year to the last, when both are found and
        count the same thing; nothing else (each year's value is shown with its time)."""
        ends = [selections[0], selections[-1]] if len(selections) >= 2 else []
        if not ends or isinstance(like_pair(ends, lang), str):
            return ""
        return kinds.get(QuestionKind.CHANGE).conclude(frame, ends, lang)


register(SeriesType())
