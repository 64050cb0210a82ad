"""The ranking stage: candidates best first, and how sure the assistant is of the best.

The ranking logit of a candidate is the log-odds of the judge's prior, or, when
``rules.rank.weights`` holds a fitted model (``benchmarks/fit_rules.py --ranker learned``), that
model's logit over its features. The confidence is a logistic function of the best logit and
its margin over the runner-up with another value (``rules.confidence``): the estimated
probability that the answer is right, against which the abstention threshold is set.

Usage::

    ranking = rank(verdicts, rules)
    ranking.ranked[0].verdict.value, ranking.confidence   # '06/10 xã', 0.97
"""

from __future__ import annotations

import math

from assistant.answering.records import Features, Ranked, Ranking, Verdict
from assistant.answering.rules import ConfidenceRules, RankRules, Rules
from base.text import fold


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(features: Features, rules: RankRules) -> float:
    """The candidate's ranking logit (higher is better)."""
    if not rules.weights:
        prior = min(max(features.prior, rules.prior_floor), rules.prior_ceiling)
        return math.log(prior / (1 - prior))
    values = features.as_dict()
    return rules.bias + sum(w * values.get(name, 0.0) for name, w in rules.weights.items())


def confidence(best: float, second: float | None, rules: ConfidenceRules) -> float:
    """Estimated probability that the best candidate is a right answer."""
    margin = best - second if second is not None else rules.margin_cap
    return sigmoid(
        rules.bias + rules.best_weight * best + rules.margin_weight * min(margin, rules.margin_cap)
    )


def rank(verdicts: list[Verdict], rules: Rules) -> Ranking:
    """The accepted verdicts by their logit, best first (ties keep the evidence's order)."""
    accepted = [v for v in verdicts if v.accepted]
    rejected = tuple(v for v in verdicts if not v.accepted)
    if not accepted:
        return Ranking((), rejected, 0.0)
    clip = rules.rank.logit_clip
    ranked = []
    for verdict in accepted:
        r = logit(verdict.features, rules.rank)
        ranked.append(Ranked(verdict, r, 1.0 / (1.0 + math.exp(-max(-clip, min(clip, r))))))
    ranked.sort(key=lambda item: -item.rank)
    best = ranked[0]
    value = fold(best.value) if best.value else None
    second = next(
        (
            item.rank
            for item in ranked[1:]
            if value is None or not item.value or fold(item.value) != value
        ),
        None,
    )
    return Ranking(tuple(ranked), rejected, confidence(best.rank, second, rules.confidence))
