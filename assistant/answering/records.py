"""The records one answering stage hands to the next: frozen, typed, never a bag of fields.

    analyse  question text            -> Frame
    gather   Frame                    -> Evidence (its Sentences, with their documents' facts)
    judge    Frame, Evidence          -> Verdict per sentence (Checks, Candidate, Features)
    rank     Verdicts                 -> Ranking (Ranked, best first, and a confidence)
    select   Ranking                  -> Selection (Findings) or Refusal
    compose  Selection or Refusal     -> Draft -> base.types.Answer

Every "kind" is an enum (``QuestionKind``, ``AnswerKind``, ``CandidateKind``, ``Measure``,
``CheckName``; a figure's kind is ``base.types.FactKind``). They are ``StrEnum``s, so their
values are the strings the JSON output and the stored facts have always used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from base.text import fold
from base.times import TimeRef
from base.types import Citation, Document, Fact, Hit


class QuestionKind(StrEnum):
    """What a question asks for; each kind is a registered question type (``kinds``)."""

    NUMBER = "number"
    PERCENT = "percent"
    PERSON = "person"
    TITLE = "title"  # the office a named person holds: 'Ông X giữ chức vụ gì?', 'Who is X?'
    PLACE = "place"
    LIST = "list"
    DATE = "date"
    YEAR = "year"
    DECISION = "decision"
    ENTITY = "entity"
    RANK = "rank"  # a place in an order: 'thứ mấy', 'đầu tiên'
    LIMITS = "limits"  # difficulties, limitations, what is not yet met
    CAUSE = "cause"  # why, the causes
    TASKS = "tasks"  # tasks, solutions, requests, what was done
    GOAL = "goal"  # goals in words, directions
    LESSON = "lesson"  # lessons learned
    DEFINITION = "definition"  # what a thing is, what it must meet
    STATEMENT = "statement"  # what someone said, stressed, affirmed
    SUMMARY = "summary"  # a place's results over a period
    COMPARISON = "comparison"  # which of two places has more
    CHANGE = "change"  # how a figure changed between two times
    SERIES = "series"  # a figure year by year
    TEXT = "text"


class AnswerKind(StrEnum):
    """What the direct answer is (``Answer.kind``)."""

    COUNT = "count"
    RATIO = "ratio"
    PERCENT = "percent"
    MONEY = "money"
    LENGTH = "length"
    AREA = "area"
    PERSON = "person"
    PLACE = "place"
    DECISION = "decision"
    DATE = "date"
    LIST = "list"
    RANK = "rank"  # 'thứ 3 cả nước'
    PASSAGE = "passage"  # the documents' words: a sentence, or the items of a list ('; ')
    TEXT = "text"


class CandidateKind(StrEnum):
    """What a value read off a sentence is."""

    NUMBER = "number"
    PERCENT = "percent"
    PERSON = "person"
    TITLE = "title"
    PLACE = "place"
    LIST = "list"
    DATE = "date"
    DECISION = "decision"
    ENTITY = "entity"
    RANK = "rank"
    PASSAGE = "passage"  # the documents' words: a sentence or the items of a list


class Measure(StrEnum):
    """Which figure a question wants: as it stands, an increment, a target, a total."""

    AS_IS = ""
    INCREMENT = "increment"
    TARGET = "target"
    TOTAL = "total"


class CheckName(StrEnum):
    """The independent checks of a candidate sentence, in the order the judge runs them."""

    PLACE = "place"
    TIER = "tier"
    TIME = "time"
    CONDITIONS = "conditions"
    KEYWORDS = "keywords"
    VOCABULARY = "vocabulary"
    VALUE = "value"  # the question type's fit of the best value
    BASELINE = "baseline"
    TARGET = "target"


# -- analyse -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    """A place a question names: its folded place word ('huyen', 'tinh', '' when unknown),
    its folded name ('dinh lap') and the words as written ('huyện Đình Lập')."""

    level: str
    name: str
    display: str


@dataclass(frozen=True)
class Frame:
    """What a question asks and what its answer must be about (the analysis stage's output).

    Everything later stages need to know about the question is a field here: no stage reads
    the question's text again.
    """

    text: str
    folded: str  # folded, English programme words turned into Vietnamese ones
    kind: QuestionKind
    unit: str | None = None  # the unit asked for ('xa', 'tieu chi', '%', 'thon' …)
    # a noun counted that no unit of the lexicon names ('bao nhiêu trường', 'mấy sao'), folded
    counted: str = ""
    places: tuple[Place, ...] = ()
    years: tuple[int, ...] = ()  # every year the question names
    answer_years: tuple[int, ...] = ()  # those the answer must be of (no range ends, baselines)
    terms: tuple[str, ...] = ()  # folded content syllables
    english: bool = False
    target: bool = False  # asks for a plan or target ('phấn đấu', 'kế hoạch', 'mục tiêu')
    allotted: bool = False  # asks what was allotted ('bố trí bao nhiêu vốn'): plans answer it
    not_yet: bool = False  # asks for what has not happened yet ('những xã nào chưa đạt')
    scope: str | None = None  # 'tinh'/'huyen': about a whole province or district
    numbers: tuple[str, ...] = ()  # numbers the question states ('15', '9/9'), not years
    conditions: tuple[str, ...] = ()  # those of them that say when ('khi … có 7 xã')
    # the places of the occasion the question is asked at, not asked about ('Khi huyện X đạt
    # chuẩn, tỉnh có bao nhiêu xã': 'x'), folded
    occasion_places: tuple[str, ...] = ()
    stated: tuple[str, ...] = ()  # those that describe the figure ('đạt từ 10 đến 14 tiêu chí')
    head: tuple[str, ...] = ()  # words right before the slot ('huyen', 'da', 'dat')
    tail: tuple[str, ...] = ()  # words right after the unit ('dat', 'chuan', 'ntm')
    indicator: str = ""  # what an asked figure counts (base.lexicon): 'xa_nang_cao'…
    measure: Measure = Measure.AS_IS
    times: tuple[TimeRef, ...] = ()  # when the answer must hold
    modifiers: tuple[str, ...] = ()  # category words asked ('nang cao', 'bien gioi' …)
    tiers: frozenset[str] = frozenset()  # programme tiers asked ('nang cao', 'kieu mau')
    asks_difference: bool = (
        False  # 'hơn', 'chênh lệch', 'so với', 'gấp': a gap or a multiple may answer
    )
    asks_average: bool = False  # 'bình quân', 'trung bình', 'mỗi xã'
    asks_total: bool = False  # 'tổng số', 'nâng tổng số': a planned total, not an addition
    asks_change: bool = False  # 'tăng', 'giảm'
    date_precisions: tuple[str, ...] = ()  # 'ngay'/'thang'/'nam' of 'ngày nào', 'năm nào'
    plural: bool = False  # 'những huyện nào', 'which districts': every one, not one
    slot_levels: frozenset[str] | None = None  # place words a 'which place' answer may have
    subject: str = ""  # what a 'what is' question asks about, folded ('xa nhom 1')


# -- gather --------------------------------------------------------------------------------
def written(fact: Fact, text: str) -> bool:
    """Whether the document ``text`` states ``fact`` as stored: its value at its span (a table
    cell's number, its unit from the column's header: '15' stored as '15 tiêu chí'), its share
    in its sentence. A stored fact that disagrees (an edited export, a stale index) is no
    evidence, whatever it says."""
    at = text[fact.value_start : fact.value_end]
    unit = fact.value[len(at) :]
    return (
        fact.value.startswith(at)
        and not any(ch.isdigit() for ch in unit)
        and fact.share in text[fact.start : fact.end]
    )


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved passage: ``doc.text[start:end] == text``, with the figures
    it states (from the facts index) and its paragraph, folded once for every check."""

    hit: Hit
    doc: Document
    start: int
    end: int
    text: str
    folded: str
    paragraph: str
    paragraph_folded: str
    facts: tuple[Fact, ...] = ()

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc.meta.doc_id, self.start)

    @classmethod
    def of(cls, hit: Hit, doc: Document, start: int, end: int, facts=()) -> Sentence:
        """``doc.text[start:end]`` as evidence: with its paragraph (its line), both folded,
        and those of ``facts`` whose value lies in it. A fact whose value is not the text at
        its span (a stored fact that disagrees with its document) is not evidence: an answer
        never states a figure its quote does not contain."""
        text = doc.text
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", end)
        paragraph = text[a : b if b >= 0 else len(text)]
        quote = text[start:end]
        stated = tuple(f for f in facts if start <= f.value_start < end and written(f, text))
        return cls(hit, doc, start, end, quote, fold(quote), paragraph, fold(paragraph), stated)


@dataclass(frozen=True)
class Evidence:
    """What the gathering stage found for a question: the passages (search hits and those
    the facts index points to), their documents and stored facts, sentence by sentence."""

    frame: Frame
    hits: tuple[Hit, ...]
    sentences: tuple[Sentence, ...]
    documents: Mapping[str, Document]  # doc_id -> document
    facts: Mapping[str, tuple[Fact, ...]]  # doc_id -> its stored facts (figure questions)
    weights: Mapping[str, float]  # the question's words -> rarity weight
    best_dense: float
    index: object  # the lexical index: ``idf(term)``, ``has_term(term)``

    def known(self, name: str, level: str = "") -> bool:
        """Whether any document of the collection names this place."""
        tokens = name.split()
        if len(tokens) == 1:
            # one syllable is too common a word ('Pháp' in 'giải pháp'): want 'nước Pháp'
            word = level.split()[-1] if level else ""
            return self.index.has_term(f"{word}_{tokens[0]}" if word else tokens[0])
        return all(
            self.index.has_term(f"{a}_{b}") for a, b in zip(tokens, tokens[1:], strict=False)
        )


# -- judge ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """A typed value read off a sentence: ``sentence.text[start:end] == text``, verbatim;
    ``fact`` is the stored figure it is, for figures."""

    kind: CandidateKind
    start: int
    end: int
    text: str
    fact: Fact | None = None
    items: tuple[tuple[int, int], ...] = ()  # the spans of a list's items, for passages


@dataclass(frozen=True)
class Check:
    """What one check said about a sentence: a factor (0 rules it out) and why."""

    name: CheckName
    factor: float
    reason: str = ""


@dataclass(frozen=True)
class Fit:
    """How well a candidate fits the question: ``score`` (words and cues around it) and
    ``mismatch`` (a factor, 1 when nothing is wrong); ``notes`` say what moved them."""

    score: float = 0.0
    mismatch: float = 1.0
    notes: tuple[str, ...] = ()

    def plus(self, amount: float, note: str = "") -> Fit:
        return Fit(self.score + amount, self.mismatch, self.notes + ((note,) if note else ()))

    def times(self, factor: float, note: str = "") -> Fit:
        return Fit(self.score, self.mismatch * factor, self.notes + ((note,) if note else ()))

    def at_least(self, score: float) -> Fit:
        return Fit(max(self.score, score), self.mismatch, self.notes)


@dataclass(frozen=True)
class Features:
    """The named features of one candidate, what the ranker weighs (registered in
    ``features.py``; a name no feature function sets is not here)."""

    values: Mapping[str, float]

    @property
    def prior(self) -> float:
        return self.values["prior"]

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def as_dict(self) -> dict[str, float]:
        return dict(self.values)


@dataclass(frozen=True)
class Verdict:
    """The judge's word on one sentence: every check, the best value and how well it fits,
    and the prior score (0 when a check ruled the sentence out: ``reason`` says which)."""

    sentence: Sentence
    checks: tuple[Check, ...] = ()
    candidate: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()  # every value of the asked type in the sentence
    fit: Fit = field(default_factory=Fit)
    prior: float = 0.0
    coverage: float = 0.0  # share of the question's words the sentence has
    features: Features | None = None
    reason: str = ""

    @property
    def fact(self) -> Fact | None:
        return self.candidate.fact if self.candidate is not None else None

    @property
    def value(self) -> str | None:
        return self.candidate.text if self.candidate is not None else None

    @property
    def accepted(self) -> bool:
        return self.prior > 0

    @property
    def value_score(self) -> float:
        """How well the best value fits, its mismatch included (0 without a value)."""
        return self.fit.score * self.fit.mismatch

    def factor(self, name: CheckName) -> float:
        """The product of the factors of the checks of that name (1 when none ran)."""
        out = 1.0
        for check in self.checks:
            if check.name == name:
                out *= check.factor
        return out


# -- rank ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ranked:
    """A verdict with the ranker's logit and its calibrated score."""

    verdict: Verdict
    rank: float
    score: float

    @property
    def sentence(self) -> Sentence:
        return self.verdict.sentence

    @property
    def value(self) -> str | None:
        return self.verdict.value

    @property
    def fact(self) -> Fact | None:
        return self.verdict.fact


@dataclass(frozen=True)
class Ranking:
    """The accepted candidates best first, the ruled-out ones, and the confidence that the
    best is right."""

    ranked: tuple[Ranked, ...]
    rejected: tuple[Verdict, ...]
    confidence: float


# -- select --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One value the answer gives, described for composition: the direct answer's words,
    when it holds, and the structured fields of ``Answer``."""

    ranked: Ranked
    lead: str  # the value with its time frame ('06/10 xã (tính đến hết tháng 7/2021)')
    value: str  # the value alone ('06/10 xã')
    when: str  # when it holds, for a list of values over time
    as_of: str | None
    kind: AnswerKind
    unit: str | None
    place: str | None
    # the items of a list the answer gives, verbatim, each with the sentence that states it
    items: tuple[tuple[str, Sentence], ...] = ()

    @property
    def sentence(self) -> Sentence:
        return self.ranked.sentence


@dataclass(frozen=True)
class Twin:
    """The same figure counted another way in the same passage ('74/207 xã' before the
    communes merged, '65/181 xã' after): the other fact's sentence and both labels."""

    sentence: Sentence
    value: str
    label: str
    other_label: str


@dataclass(frozen=True)
class Selection:
    """What the answer says: one finding (with a twin count, or a second document that says
    the same), or the newest of a figure's values over time with the older ones."""

    frame: Frame
    best: Finding
    timeline: tuple[Finding, ...] = ()  # newest first, when values differ over time
    twin: Twin | None = None
    also: Sentence | None = None
    confidence: float = 0.0


@dataclass(frozen=True)
class Refusal:
    """Why there is no answer: no passage at all, or no candidate good enough; the places
    no document names, and the passages nearest to the question (reading, not evidence)."""

    frame: Frame
    no_passage: bool = False
    missing_places: tuple[str, ...] = ()
    related: tuple[Citation, ...] = ()
    confidence: float = 0.0
    # the documents say it, but of other times: the years they are of ('2020', '2021')
    other_times: tuple[str, ...] = ()
    # the places the nearest passages' documents are about, when the asked one is in none
    nearest_places: tuple[str, ...] = ()


# -- compose -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ref:
    """A reference to the n-th citation of a draft, rendered '[n]'."""

    n: int


Text = tuple[str | Ref, ...]  # words with citation references among them


@dataclass(frozen=True)
class Draft:
    """An answer before its citations are numbered for good: the direct answer (``lead``),
    the paragraphs below it, and the citations its ``Ref``s point to (1-based)."""

    lead: Text
    body: tuple[Text, ...]
    citations: tuple[Citation, ...]
