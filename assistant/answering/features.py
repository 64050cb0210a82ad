"""The features the ranker and the fitting script read of a candidate: a registry of named
functions over what the judge measured (``Signals``).

Adding a confidence feature is one function here, decorated with the names it sets, plus a
row in ``tests/assistant/answering/test_features.py``; a fitted ranker then gives it a weight
in the rules table (``rank.weights``). A feature whose name no function sets cannot be weighted:
loading such rules fails with the unknown name.

Usage::

    features = features_of(signals)
    features["cov_sentence"], features.prior, sorted(feature_names())
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from assistant.answering.checks.time import when_holds
from assistant.answering.records import Candidate, Features, Frame, Measure, Sentence
from base.types import FactKind


@dataclass(frozen=True)
class Signals:
    """What the judge measured of one candidate sentence that no check ruled out."""

    sentence: Sentence
    frame: Frame
    question_group: str  # the question type's feature group ('figure', 'person' …)
    candidate: Candidate | None
    prior: float  # the blend times the checks' factors
    dense: float
    cov_sentence: float
    cov_context: float
    cov_document: float
    bigram: float
    value: float  # the best value's fit, capped
    place: float  # the place, conditions, vocabulary and value factors together
    time: float
    target: float
    log_floor: float  # least factor whose log is taken


Feature = Callable[[Signals], Mapping[str, float]]
_REGISTRY: list[tuple[tuple[str, ...], Feature]] = []


def feature(*names: str) -> Callable[[Feature], Feature]:
    """Register a function that sets these feature names (any it does not set are 0)."""

    def register(fn: Feature) -> Feature:
        taken = set(feature_names())
        clash = taken.intersection(names)
        if clash:
            raise ValueError(f"features already registered: {sorted(clash)}")
        _REGISTRY.append((names, fn))
        return fn

    return register


def feature_names() -> tuple[str, ...]:
    """Every feature name, in registration order."""
    return tuple(name for names, _ in _REGISTRY for name in names)


def features_of(signals: Signals) -> Features:
    """Every registered feature of a candidate (0 where a function sets nothing)."""
    values: dict[str, float] = {}
    for names, fn in _REGISTRY:
        found = fn(signals)
        for name in names:
            values[name] = float(found.get(name, 0.0))
    return Features(MappingProxyType(values))


# -- the features ------------------------------------------------------------------------
@feature("prior", "dense", "cov_sentence", "cov_context", "cov_document", "bigram", "candidate")
def _measures(s: Signals) -> Mapping[str, float]:
    """The judge's measures as they are: the prior, meaning, words, the value's fit."""
    return {
        "prior": s.prior,
        "dense": s.dense,
        "cov_sentence": s.cov_sentence,
        "cov_context": s.cov_context,
        "cov_document": s.cov_document,
        "bigram": s.bigram,
        "candidate": s.value,
    }


@feature("log_place", "log_time", "log_target")
def _factors(s: Signals) -> Mapping[str, float]:
    """The checks' factors, as logs (a factor near 0 weighs heavily against)."""
    return {
        "log_place": math.log(max(s.place, s.log_floor)),
        "log_time": math.log(max(s.time, s.log_floor)),
        "log_target": math.log(max(s.target, s.log_floor)),
    }


@feature("q_figure", "q_person", "q_place", "q_decision", "q_date", "q_text")
def _question_group(s: Signals) -> Mapping[str, float]:
    """The kind of question, one-hot: weights may differ between kinds."""
    return {f"q_{s.question_group}": 1.0}


@feature("english", "from_facts", "ask_increment", "ask_total")
def _question(s: Signals) -> Mapping[str, float]:
    hit = s.sentence.hit
    return {
        "english": float(s.frame.english),
        "from_facts": float(hit.dense_score is None and hit.lexical_score is None),
        "ask_increment": float(s.frame.measure == Measure.INCREMENT),
        "ask_total": float(s.frame.measure == Measure.TOTAL),
    }


@feature("ind_same", "ind_diff", "ind_missing", "kind_part", "kind_match", "kind_mismatch")
def _figure(s: Signals) -> Mapping[str, float]:
    """Whether a figure is of the asked indicator and kind, one-hot."""
    fact = s.candidate.fact if s.candidate is not None else None
    if fact is None:
        return {}
    out: dict[str, float] = {}
    if s.frame.indicator and fact.indicator:
        out["ind_same" if fact.indicator == s.frame.indicator else "ind_diff"] = 1.0
    elif s.frame.indicator:
        out["ind_missing"] = 1.0
    if fact.kind == FactKind.PART:
        out["kind_part"] = 1.0
    elif (s.frame.measure == Measure.INCREMENT) == (fact.kind == FactKind.INCREMENT):
        out["kind_match"] = 1.0  # an increment for 'thêm bao nhiêu', a total otherwise
    else:
        out["kind_mismatch"] = 1.0
    return out


@feature("time_sentence", "time_paragraph", "time_document", "time_none")
def _dated_by(s: Signals) -> Mapping[str, float]:
    """What dated the answer, one-hot, when the question names a time."""
    if not s.frame.times:
        return {}
    fact = s.candidate.fact if s.candidate is not None else None
    return {f"time_{when_holds(s.sentence, fact)[2] or 'none'}": 1.0}


@feature("doc_undated")
def _undated(s: Signals) -> Mapping[str, float]:
    """The document has no date: its 'đến nay' and its undated figures hold at no known time."""
    return {"doc_undated": float(not s.sentence.doc.meta.date)}
