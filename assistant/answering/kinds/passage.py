"""The base of the question types that answer in the documents' words (``PassageType``):
limits, causes, tasks, goals, lessons, what a thing is. Each is a module of this package that
names its kind, its detectors' order and its cue words; this module registers none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from assistant.answering.checks.words import bigrams
from assistant.answering.kinds import Detection, QuestionType
from assistant.answering.names import may_be_about
from assistant.answering.passages import announced, items_of, list_end, whole
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    CandidateKind,
    Fit,
    Frame,
    Sentence,
)
from assistant.answering.rules import Rules
from base.sentences import split_sentences

_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*$")


def passage_shape(part: str, items: int = 1) -> str | None:
    """An answer in words is a phrase or a sentence: a few words (an item of ``items`` ≥ 3 may
    be a name: 'giao thông'), not cut mid-phrase, not a bare name ('Hồ Tiến Thiệu' answers no
    'what')."""
    words = part.split()
    if not whole(part, listed=items >= _NAMED_ITEMS):
        return f"câu trả lời bị cắt hay quá ngắn (cut or too short): “{part}”"
    if len(words) <= _NAME_WORDS and all(_NAME_WORD.match(w) for w in words):
        return f"một cái tên, không phải câu trả lời bằng lời (a bare name): “{part}”"
    return None


# a demonstrative after the kind's word: the passage points back at what it names
_BACK_REFERENCE = re.compile(r"\s+(?:nay|tren|noi tren|ay)\b")

# words at most of a bare name
_NAME_WORDS = 5
# items a list has at least for an item of it to be a mere name ('quy hoạch chung, giao
# thông, thu nhập và nghèo đa chiều')
_NAMED_ITEMS = 3


class PassageType(QuestionType):
    """A question answered by the documents' own words: what a passage of the asked kind
    says ('khó khăn, hạn chế như: …'), its announced list item by item, else its sentence.

    A subclass names its kind, its ``order`` among the detectors, ``question_cue`` (the words
    that ask for it, on the folded question) and ``evidence_cue`` (the words that say a passage
    is of that kind)."""

    answer_kind: ClassVar[AnswerKind] = AnswerKind.PASSAGE
    reads_values = True
    needs_value = True
    clause_separators = ""  # the whole sentence (and the list it announces) is the clause
    joins_lists = True
    order: ClassVar[int]
    question_cue: ClassVar[re.Pattern]
    evidence_cue: ClassVar[re.Pattern]
    leads: ClassVar[re.Pattern | None] = None  # words a list follows without a colon

    def detectors(self):
        return ((self.order, self.detect),)

    def detect(self, folded: str) -> Detection | None:
        if not self.question_cue.search(folded) or _FIGURE_SLOT.search(folded):
            return None
        if _PLACE_SLOT.search(folded):
            return None  # 'những xã nào … chưa hoàn thành': a list of places
        return Detection(self.kind)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        text = sentence.text
        lists = self.lists_in(text, rules)
        if lists:
            return [
                Candidate(CandidateKind.PASSAGE, a, b, text[a:b], items=items)
                for a, b, items in lists
            ]
        items = items_of(text, 0, len(text))
        if len(items) > 1 and text[: items[0][1]].rstrip().endswith(":"):
            # 'Ông X, Chủ tịch UBND huyện, cho biết:' introduces the answer, the lines after it
            # are the answer: each an item of its own, no blank line between them
            items = tuple(item for item in items[1:] if whole(text[item[0] : item[1]]))
            if items:
                a, b = items[0][0], items[-1][1]
                return [Candidate(CandidateKind.PASSAGE, a, b, text[a:b], items=items)]
            return []
        if not items:
            return []
        a, b = items[0][0], items[-1][1]
        if not whole(text[a:b]):
            return []  # a cut line ('Chỉ đạo các') is no answer
        return [Candidate(CandidateKind.PASSAGE, a, b, text[a:b], items=((a, b),))]

    def lists_in(
        self, text: str, rules: Rules, strict: bool = False
    ) -> list[tuple[int, int, tuple]]:
        """(start, end, items) of the lists of two items or more that ``text`` announces with
        words of this kind; ``strict``: only with the words a question asks it by
        (``question_cue``: 'khó khăn, hạn chế như: …'), not any word of the kind ('chậm')."""
        cue = self.question_cue if strict else self.evidence_cue
        found = announced(text, cue, rules.passage.announcer_reach, self.leads)
        return [one for one in found if len(one[2]) > 1]  # one item: the whole sentence

    def fit(self, clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """Words of the asked kind in the passage; a list announced by them; no heading."""
        r = rules.passage
        if is_heading(clause.sentence, r.heading_words):
            fit = fit.times(r.heading, "tiêu đề hay dòng đầu bài, không phải câu trả lời")
        asked = _telling(bigrams(frame.folded), frame)
        echoed = len(asked & bigrams(clause.sentence.folded)) / len(asked) if asked else 0.0
        said = self.says(clause.sentence.folded)
        if said is None:
            # 'Để thực hiện được mục tiêu này, …': the means to what was said before
            fit = fit.times(r.back_reference, "nhắc lại điều đã nói ở câu trước")
        elif said:
            fit = fit.plus(r.cue, "có từ chỉ loại câu hỏi")
        elif echoed < r.echo_enough:
            fit = fit.times(r.no_cue, "không có từ chỉ loại câu hỏi")
        else:
            fit = fit.times(r.no_cue_echoed, "nhắc lại câu hỏi, không có từ chỉ loại câu hỏi")
        fit = fit.plus(r.echo * echoed)
        if len(clause.candidate.items) > 1:
            fit = fit.plus(r.listed, "một danh sách")
        return fit

    def answer_kind_of(self, value: str) -> AnswerKind:
        return AnswerKind.PASSAGE

    shapes = {AnswerKind.PASSAGE: passage_shape}

    def says(self, folded: str) -> bool | None:
        """Whether a (folded) passage has words of this kind; None when each of them only
        points back at what was said before ('mục tiêu này', 'những khó khăn trên')."""
        cues = list(self.evidence_cue.finditer(folded))
        if cues and all(_BACK_REFERENCE.match(folded, c.end()) for c in cues):
            return None
        return bool(cues)

    def continues(self, folded_sentence: str) -> bool:
        """Whether a following sentence goes on saying what the answer says."""
        return bool(self.says(folded_sentence))


def units_about(text: str, places: Iterable[str], rules: Rules) -> Iterator[tuple[int, int, int]]:
    """(start, end, unit_end) of each sentence of ``text`` that may be about ``places`` (folded
    names; any when none), ``unit_end`` taking in the list lines the sentence announces: where
    a whole document is read for what it lists (a summary's limits and tasks, a brief)."""
    places = tuple(places)
    for start, end in split_sentences(text):
        unit_end = list_end(text, end, rules.passage.list_chars)
        if may_be_about(text[start:unit_end], places):
            yield start, end, unit_end


def is_heading(sentence: Sentence, words: int) -> bool:
    """A title or heading: the document's title, or a whole line of at most ``words`` words
    with no final stop."""
    text = sentence.doc.text
    whole_line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and (
        sentence.end == len(text) or text[sentence.end : sentence.end + 1] == "\n"
    )
    short = len(sentence.text.split()) <= words
    stopped = sentence.text.rstrip().endswith((".", "!", "?", "…", ":", ";"))
    if whole_line and not stopped and short:
        return True
    title = sentence.doc.meta.title.strip()
    return short and (sentence.text.strip() == title or sentence.folded.strip() == title.lower())


# words every article of the programme uses: a pair of them tells nothing of the answer
_PROGRAMME_WORDS = frozenset(
    "xay dung ntm nong thon moi chuong trinh tinh huyen xa cua va cac nhung trong nam".split()
)


def _telling(pairs: frozenset[str], frame: Frame) -> frozenset[str]:
    """The word pairs of the question that tell what it asks: not the programme's everyday
    words only, nor its place or time, which the place and time checks weigh."""
    framing = {w for p in frame.places for w in p.name.split()} | _TIME_WORDS
    return frozenset(
        p
        for p in pairs
        if not set(p.split()) <= _PROGRAMME_WORDS
        and not set(p.split()) & framing
        and not any(w.isdigit() for w in p.split())
    )


_TIME_WORDS = frozenset("giai doan nam thang ngay quy den".split())


# a figure asked for ('bao nhiêu', 'mấy', 'tỷ lệ'): the figure types answer it
_FIGURE_SLOT = re.compile(r"\b(?:bao nhieu|may|ty le|phan tram)\b")
# 'những xã nào', 'huyện nào': the place types answer it
_PLACE_SLOT = re.compile(
    r"\b(?:(?<!nong )thon|xom|ban|xa|huyen|tinh|thanh pho|thi xa|dia phuong|don vi)\s+"
    r"(?:\w+\s+){0,1}?nao\b"
)
