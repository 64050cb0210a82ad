"""The judging stage: every sentence of the evidence, checked and scored.

For each sentence the checks run in order (place, tier, time, conditions, keywords,
vocabulary); the first that rules it out ends its judging, with the reason. Then the question
type reads its values and the best one is chosen by how well it fits (``fit.value_fit``) and,
for figures, by its time; a figure's time, baseline and target are checked. The prior score is
the blend of ``rules.blend`` (meaning, words, value) times the checks' factors.

Usage::

    verdicts = judge(evidence, rules)
    [v.reason for v in verdicts if not v.accepted]   # why each ruled-out sentence was
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering import kinds
from assistant.answering.checks.place import place_check
from assistant.answering.checks.target import target_check
from assistant.answering.checks.tier import tier_check
from assistant.answering.checks.time import (
    baseline_check,
    figure_time,
    time_check,
)
from assistant.answering.checks.words import (
    bigrams,
    conditions_check,
    context_terms,
    coverage,
    document_terms,
    keywords_check,
    rare_terms,
    vocabulary_factor,
)
from assistant.answering.features import Signals, features_of
from assistant.answering.fit import carry_moves, value_fit
from assistant.answering.records import (
    AnswerKind,
    Check,
    CheckName,
    Evidence,
    Fit,
    Sentence,
    Verdict,
)
from assistant.answering.rules import Rules


@dataclass(frozen=True)
class _Question:
    """What judging every sentence of one question shares: computed once."""

    evidence: Evidence
    qtype: kinds.QuestionType
    rare: tuple[str, ...]
    vocabulary: float
    bigrams: frozenset[str]
    rules: Rules


def judge(evidence: Evidence, rules: Rules) -> list[Verdict]:
    """A verdict for every sentence of the evidence, in the evidence's order."""
    frame = evidence.frame
    weights = evidence.weights
    shared = _Question(
        evidence,
        kinds.get(frame.kind),
        rare_terms(weights, evidence.index, rules.words),
        vocabulary_factor(frame, weights, evidence.index, rules.words),
        bigrams(frame.folded),
        rules,
    )
    return [judge_sentence(sentence, shared) for sentence in evidence.sentences]


def judge_sentence(sentence: Sentence, q: _Question) -> Verdict:
    """The checks, the best value and the prior score of one sentence."""
    frame, rules = q.evidence.frame, q.rules
    checks: list[Check] = []

    def ruled_out(check: Check, covered: float = 0.0) -> Verdict:
        return Verdict(sentence, tuple(checks), coverage=covered, reason=check.reason)

    for check in _sentence_checks(sentence, q):
        checks.append(check)
        if check.factor == 0:
            return ruled_out(check)
    weights = q.evidence.weights
    sentence_terms = context_terms(sentence.text)
    around = sentence_terms | context_terms(sentence.paragraph)
    around |= context_terms(sentence.doc.meta.title)
    cov_sentence = coverage(weights, sentence_terms)
    keywords = keywords_check(q.rare, around, sentence)
    checks.append(keywords)
    if keywords.factor == 0:
        return ruled_out(keywords, cov_sentence)
    checks.append(Check(CheckName.VOCABULARY, q.vocabulary))
    cands = q.qtype.candidates(sentence, frame, rules) if q.qtype.reads_values else []
    candidate, fit = None, Fit()
    if cands:
        candidate, fit, when = _best_value(sentence, cands, q)
        checks.append(Check(CheckName.VALUE, fit.mismatch, "; ".join(fit.notes)))
        if q.qtype.figures:
            for check in _figure_checks(sentence, candidate, when, frame, rules.time):
                checks.append(check)
                if check.factor == 0:
                    return ruled_out(check, cov_sentence)
    elif q.qtype.needs_value:
        checks.append(Check(CheckName.VALUE, 0.0, "không có giá trị đúng loại"))
        return ruled_out(checks[-1], cov_sentence)
    elif q.qtype.reads_values and (missing := q.qtype.without_value(rules)) < 1.0:
        checks.append(Check(CheckName.VALUE, missing, "không có giá trị đúng loại"))
    target = target_check(sentence, candidate.fact if candidate else None, frame, rules.target)
    checks.append(target)
    if target.factor == 0:
        return ruled_out(target, cov_sentence)
    covered = (cov_sentence, coverage(weights, around), around)
    return _scored(sentence, q, tuple(checks), candidate, cands, fit, covered)


def _sentence_checks(sentence: Sentence, q: _Question):
    """The checks that need no value: place, tier, the time of an event, conditions."""
    frame = q.evidence.frame
    yield place_check(sentence, q.evidence, q.qtype, q.rules.place)
    words = q.qtype.answer_kind == AnswerKind.PASSAGE
    yield tier_check(sentence, frame, q.rules.passage.tier_in_document if words else 0.0)
    if not q.qtype.figures:
        yield time_check(sentence, None, frame, q.rules.time, bounds=q.qtype.time_bounds)
    yield conditions_check(sentence, frame, q.rules.words)


def _figure_checks(sentence: Sentence, candidate, when: float, frame, rules):
    """A figure's own time against the asked one, then a baseline year it follows or the
    starting point it is."""
    shown = ", ".join(t.text for t in frame.times)
    yield Check(CheckName.TIME, when, "" if when else f"không phải thời điểm {shown}")
    yield baseline_check(sentence, candidate.fact, frame, rules, candidate.start)


def _best_value(sentence: Sentence, cands, q: _Question):
    """(candidate, fit, time factor) of the value that fits best."""
    frame = q.evidence.frame
    scored = []
    # a figure the facts index does not hold ('504 trường') holds when its sentence does
    held = sentence if q.qtype.figures else None
    for cand in cands:
        fit = value_fit(sentence, cand, cands, frame, q.qtype, q.evidence.weights, q.rules)
        scored.append((fit, figure_time(cand.fact, frame, q.rules.time, held), cand))
    scored = carry_moves(sentence.text, scored)
    fit, when, cand = max(scored, key=lambda p: p[0].score * p[0].mismatch * p[1])
    return cand, fit, when


def _scored(sentence, q: _Question, checks, candidate, cands, fit, covered):
    """The verdict of a sentence no check ruled out: the blend times the checks' factors."""
    frame, rules, blend = q.evidence.frame, q.rules, q.rules.blend
    cov_sentence, cov_context, around = covered
    place = 1.0
    for check in checks:
        if check.name in (CheckName.PLACE, CheckName.CONDITIONS, CheckName.VOCABULARY):
            place *= check.factor
    if candidate is not None:
        place *= fit.mismatch
    else:  # no value: what the type says of a sentence without one
        place *= next((c.factor for c in checks if c.name == CheckName.VALUE), 1.0)
    years = next((c.factor for c in checks if c.name == CheckName.TIME), 1.0)
    years *= next((c.factor for c in checks if c.name == CheckName.BASELINE), 1.0)
    target = next(c.factor for c in checks if c.name == CheckName.TARGET)
    hit = sentence.hit
    dense = hit.dense_score
    if dense is None:
        dense = blend.fact_hit_dense * q.evidence.best_dense
    cov_document = coverage(q.evidence.weights, around | document_terms(sentence.doc))
    value = max(0.0, min(blend.value_cap, fit.score * fit.mismatch))
    bigram = len(q.bigrams & bigrams(sentence.folded)) / len(q.bigrams) if q.bigrams else 0.0
    base = (
        blend.dense * dense
        + blend.cov_sentence * cov_sentence
        + blend.cov_context * cov_context
        + blend.cov_document * cov_document
        + blend.bigram * bigram
        + blend.value * value
    )
    prior = base * place * years * target
    signals = Signals(
        sentence=sentence,
        frame=frame,
        question_group=q.qtype.feature_group,
        candidate=candidate,
        prior=prior,
        dense=dense,
        cov_sentence=cov_sentence,
        cov_context=cov_context,
        cov_document=cov_document,
        bigram=bigram,
        value=value,
        place=place,
        time=years,
        target=target,
        log_floor=rules.rank.log_floor,
    )
    features = features_of(signals)
    return Verdict(sentence, checks, candidate, tuple(cands), fit, prior, cov_sentence, features)
