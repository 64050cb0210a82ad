"""The registry of question types: each type is one module of this package.

A question type says how it is detected in a question, how its values are read off a sentence
and fitted to the question, what kind of direct answer it gives and what shape that answer must
have. The analysis, judging, selection and evaluation stages ask the registry; none of them
tests a question's kind by name. Modelled on spaCy's ``Language.factory`` and simonw/llm's
``register_*`` hooks: a type arrives by registering itself.

Adding a type: write ``kinds/<name>.py`` with a subclass of :class:`QuestionType` and a call
to :func:`register` (every module of this package is imported, so nothing else changes), add
its member to ``records.QuestionKind`` if it is a new kind, its weights to ``rules.py`` and a
row to ``tests/assistant/answering/test_kinds.py``.

Usage::

    from assistant.answering import kinds

    detected = kinds.detect("huyen dinh lap co bao nhieu xa dat chuan")  # NUMBER, unit 'xa'
    qtype = kinds.get(detected.kind)
    qtype.candidates(sentence, frame)    # the values of that type in a sentence
"""

from __future__ import annotations

import bisect
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

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


@dataclass(frozen=True)
class Detection:
    """What a detector read in a folded question: the kind asked, and the unit if any."""

    kind: QuestionKind
    unit: str | None = None


Detector = Callable[[str], "Detection | None"]


@dataclass(frozen=True)
class Clause:
    """Where a candidate sits in its sentence: the clause around it (``start``–``end``),
    where the words describing it stop (``stop``: the clause end or the next candidate), and
    every value of the type the sentence holds (``candidates``, the candidate among them)."""

    sentence: Sentence
    candidate: Candidate
    start: int
    end: int
    stop: int
    candidates: tuple[Candidate, ...] = ()

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


class QuestionType:
    """A question type; subclasses override what differs from these defaults."""

    kind: ClassVar[QuestionKind]
    answer_kind: ClassVar[AnswerKind] = AnswerKind.TEXT
    feature_group: ClassVar[str] = "text"  # the ranker's one-hot 'q_<group>' feature
    figures: ClassVar[bool] = False  # answered by stored facts: figure, unit and target checks
    reads_facts: ClassVar[bool] = False  # its sentences carry their stored facts all the same
    # a time in the question bounds the answer (the difficulties of 2015 are not those of
    # 2021), rather than naming an event ('đề án 2021-2025')
    time_bounds: ClassVar[bool] = False
    reads_values: ClassVar[bool] = False  # candidates are read off each sentence
    needs_value: ClassVar[bool] = False  # a sentence without such a value is no answer
    clause_separators: ClassVar[str] = ";,"  # what bounds the clause around a value
    reaches_back: ClassVar[bool] = False  # its clause starts a window before the value
    stops_at_next: ClassVar[bool] = False  # words after a value describe it until the next
    place_in_document: ClassVar[bool] = False  # the document itself must name the place
    capitalised: ClassVar[bool] = False  # the direct answer starts with a capital
    scaffold: ClassVar[re.Pattern | None] = None  # words of the question that name the type
    joins_lists: ClassVar[bool] = False  # a sentence ending in ':' is read with its list
    # a sentence announcing places ('… là: xã A, xã B …') is read with the sentences after it
    # that each open with another of them ('Xã C …')
    joins_place_runs: ClassVar[bool] = False
    gathers: ClassVar[bool] = False  # the answer gathers the best sentences, not only one
    # lists of other kinds the answer adds after its own items when its documents state them,
    # each with the wording key of its head: ((QuestionKind.LIMITS, 'summary_limits'), …)
    appends: ClassVar[tuple[tuple[QuestionKind, str], ...]] = ()

    # -- analysis ---------------------------------------------------------------------------
    def detectors(self) -> Iterable[tuple[int, Detector]]:
        """(order, detector) pairs: detectors run in increasing order, the first match wins."""
        return ()

    def slot(self, folded: str) -> re.Match | None:
        """Where the question's asked slot is ('bao nhiêu', 'ai', 'nào')."""
        return re.search(r"\bnao\b", folded)

    def before_slot(self, before: str) -> str:
        """The words before the slot that describe what is asked."""
        return before

    def after_slot(self, rest: str) -> str:
        """The words after the slot (and its unit) that describe what is asked."""
        return rest

    def tail_fallback(
        self, before: str, unit: str | None, stop: re.Pattern, size: int
    ) -> tuple[str, ...]:
        """Up to ``size`` words that describe the asked value when none follow the slot;
        ``stop`` ends a description ('tính đến', 'năm 2020', 'của tỉnh' …)."""
        return ()

    def refine(self, frame: Frame) -> Frame:
        """The frame with what this type adds to the analysis."""
        return frame

    # -- judging ----------------------------------------------------------------------------
    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        """The values of this type in the sentence, each with its span."""
        return []

    def without_value(self, rules: Rules) -> float:
        """The factor of a sentence in which no value of this type is read (a type that
        ``needs_value`` rules it out): 1, no objection."""
        return 1.0

    def slot_match(self, clause: Clause, frame: Frame, tail: float, fit: Fit, coverage):
        """(tail, fit) after this type's reading of the words around the slot."""
        return tail, fit

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """This type's own evidence for or against a candidate."""
        return fit

    # -- questions made of other questions ---------------------------------------------------
    def parts(self, frame: Frame) -> list[tuple[str, str]] | None:
        """(label, question) of the questions to ask instead, when this type answers from
        the answers of others (a comparison of two places, a change between two times)."""
        return None

    def conclude(self, frame: Frame, selections: list, lang: str) -> str:
        """What the answers to the parts say together ('Thái Nguyên nhiều hơn 47 xã')."""
        return ""

    # -- selection --------------------------------------------------------------------------
    def direct_value(self, ranked: Ranked, frame: Frame, lang: str) -> str | None:
        """A direct answer of this type's own making (a list of places), or None."""
        return None

    def answer_kind_of(self, value: str) -> AnswerKind:
        """The ``Answer.kind`` of a direct answer of this type that is not a figure."""
        return self.answer_kind

    # -- evaluation -------------------------------------------------------------------------
    shapes: ClassVar[dict[AnswerKind, Callable[[str], str | None]]] = {}


class Registry:
    """Question types by kind, and their detectors in order."""

    def __init__(self) -> None:
        self._types: dict[QuestionKind, QuestionType] = {}
        self._detectors: list[tuple[int, int, Detector]] = []

    def register(self, qtype: QuestionType) -> QuestionType:
        """Add a type (replacing one of the same kind) and its detectors."""
        self._types[qtype.kind] = qtype
        for order, detector in qtype.detectors():
            bisect.insort(self._detectors, (order, len(self._detectors), detector))
        return qtype

    def get(self, kind: QuestionKind | str) -> QuestionType:
        return self._types[QuestionKind(kind)]

    def __iter__(self):
        return iter(self._types.values())

    def detect(self, folded: str) -> Detection:
        """The kind (and unit) a folded question asks for; TEXT when no detector matches."""
        for _, _, detector in self._detectors:
            found = detector(folded)
            if found is not None:
                return found
        return Detection(QuestionKind.TEXT)

    def shape(self, answer_kind: AnswerKind | str) -> Callable[[str], str | None] | None:
        """The shape check of a direct answer of this kind, if a type declares one."""
        if answer_kind not in AnswerKind.__members__.values():
            return None
        for qtype in self._types.values():
            check = qtype.shapes.get(AnswerKind(answer_kind))
            if check is not None:
                return check
        return None


REGISTRY = Registry()
register = REGISTRY.register
get = REGISTRY.get
detect = REGISTRY.detect


def _load_types() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")


_load_types()
