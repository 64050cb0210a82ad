"""The brief's sections in words: what went well ("Kết quả nổi bật"), what held the programme
back ("Tồn tại, hạn chế") and what is to be done ("Nhiệm vụ, giải pháp"), each item verbatim
text of a document of the place and period, with its citation.

The items are read with the answering core's own list reader (``answering.passages``) and the
words its question types are asked by (``kinds/limits.py``, ``kinds/tasks.py``): a list a
sentence announces ("vẫn còn những khó khăn, vướng mắc như: A; B; C", "đề nghị các địa phương
A; B", lines starting with "-"), item by item; else a whole sentence that says it
("Tiến độ giải ngân còn chậm, chưa đạt kế hoạch.").

Usage::

    sections = read_sections(documents, "Lạng Sơn", cite)   # cite(source, start, end) -> [n]
    sections.limits[0].text      # 'do ảnh hưởng của tình hình dịch bệnh Covid-19 …'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

from assistant.answering import kinds
from assistant.answering.kinds.passage import units_about
from assistant.answering.passages import whole
from assistant.answering.records import QuestionKind
from assistant.answering.rules import Rules
from base.text import fold
from base.types import Document

# how many items each section lists at most: a brief is read in a few minutes
MOST_ITEMS = 8
# how many items of one document at least, when several documents state some
MOST_FROM_ONE = 3
# how many sentences of results ("Kết quả nổi bật") at most
MOST_HIGHLIGHTS = 6
# an item longer than this is a paragraph, not a point of a brief
LONGEST_ITEM = 400
# a sentence saying it on its own (no list) has at most this many words
LONGEST_SENTENCE_WORDS = 60


class Section(Enum):
    """The brief's sections in words, with their Vietnamese headings."""

    HIGHLIGHTS = "Kết quả nổi bật"
    LIMITS = "Tồn tại, hạn chế"
    TASKS = "Nhiệm vụ, giải pháp"

    def heading(self, lang: str = "vi") -> str:
        """The section's heading: 'Tồn tại, hạn chế' ('Shortcomings and difficulties')."""
        return _SECTION_EN[self][0] if lang == "en" else self.value

    def none_said(self, lang: str = "vi") -> str:
        """What the brief says when the documents of the period state nothing of it."""
        return _SECTION_EN[self][1] if lang == "en" else _NONE_SAID[self]


_NONE_SAID = {
    Section.HIGHLIGHTS: "Các tài liệu của thời kỳ không nêu kết quả bằng số liệu.",
    Section.LIMITS: "Các tài liệu của thời kỳ không nêu tồn tại, hạn chế.",
    Section.TASKS: "Các tài liệu của thời kỳ không nêu nhiệm vụ, giải pháp.",
}
# each section's heading and what the brief says when nothing of it is stated, in English
_SECTION_EN = {
    Section.HIGHLIGHTS: ("Main results", "The period's documents state no results in figures."),
    Section.LIMITS: (
        "Shortcomings and difficulties",
        "The period's documents state no shortcomings.",
    ),
    Section.TASKS: ("Tasks and solutions", "The period's documents state no tasks or solutions."),
}


# the question type whose words find each section's passages
_KIND = {Section.LIMITS: QuestionKind.LIMITS, Section.TASKS: QuestionKind.TASKS}
# words of a sentence that tells of the meeting, not of what it found ('các đại biểu đã thảo
# luận những khó khăn', 'hội nghị triển khai nhiệm vụ'), folded
_EVENT = re.compile(r"\b(?:hoi nghi|thao luan|dai bieu|tham du|chu tri)\b")


@dataclass(frozen=True)
class Said:
    """One item of a section in words: the documents' text, verbatim, and its citation."""

    text: str
    citation: int


@dataclass
class Sections:
    highlights: list[Said] = field(default_factory=list)
    limits: list[Said] = field(default_factory=list)
    tasks: list[Said] = field(default_factory=list)

    def of(self, section: Section) -> list[Said]:
        return getattr(self, section.name.lower())


Cite = Callable[[str, int, int], int]  # (source, start, end) -> citation number


def read_sections(
    documents: Iterable[Document],
    place: str | None,
    cite: Cite,
    highlights: Iterable[tuple[str, int]] = (),
    rules: Rules | None = None,
) -> Sections:
    """The limits and tasks ``documents`` state (newest document first), of ``place`` when
    given, and the ``highlights`` given as (sentence, citation) pairs, deduplicated."""
    rules = rules or Rules.default()
    found = Sections()
    seen: set[str] = set()
    for text, n in highlights:
        if len(found.highlights) < MOST_HIGHLIGHTS and _new(text, seen):
            found.highlights.append(Said(text, n))
    ordered = sorted(documents, key=lambda d: d.meta.date or "", reverse=True)
    for section, kind in _KIND.items():
        per_doc = [(doc, _said(doc, kinds.get(kind), place, rules)) for doc in ordered]
        per_doc = [(doc, spans) for doc, spans in per_doc if spans]
        share = max(MOST_FROM_ONE, MOST_ITEMS // max(1, len(per_doc)))  # every period's voice
        items = found.of(section)
        for doc, spans in per_doc:
            for start, end in spans[:share]:
                if len(items) < MOST_ITEMS and _new(doc.text[start:end], seen):
                    items.append(Said(doc.text[start:end], cite(doc.meta.source, start, end)))
    return found


def _said(doc: Document, qtype, place: str | None, rules: Rules) -> list[tuple[int, int]]:
    """Spans of ``doc.text`` that state what ``qtype`` asks for: the items of the lists its
    words announce, else the sentences that say it on their own."""
    text = doc.text
    listed: list[tuple[int, int]] = []
    alone: list[tuple[int, int]] = []
    for start, end, unit_end in units_about(text, [fold(place)] if place else [], rules):
        unit = text[start:unit_end]
        lists = qtype.lists_in(unit, rules, strict=True)
        if lists:
            listed += [
                (start + a, start + b)
                for _, _, items in lists
                for a, b in items
                if whole(unit[a:b]) and b - a <= LONGEST_ITEM
            ]
            continue
        folded = fold(text[start:end])
        says = qtype.leads or qtype.question_cue  # a directive's verb, else the kind's words
        if says.search(folded) and not _EVENT.search(folded) and _sentence_alone(text[start:end]):
            alone.append((start, end))
    return listed or alone[:2]


def _sentence_alone(sentence: str) -> bool:
    """A whole sentence that can stand as a point of the brief: stopped, not a heading, not
    a paragraph."""
    words = len(sentence.split())
    return (
        sentence.rstrip().endswith((".", "…"))
        and whole(sentence)
        and (8 <= words <= LONGEST_SENTENCE_WORDS)
    )


def _new(text: str, seen: set[str]) -> bool:
    key = " ".join(fold(text).split())
    if key in seen:
        return False
    seen.add(key)
    return True
