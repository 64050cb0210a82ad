"""How much a candidate answer is worth, and how sure the assistant is: fitted on data.

The answerer describes every candidate sentence with features (meaning and word overlap with
the question, how well its value's words and kind fit the asked figure, whether its place and
time match; see ``FEATURES``), among them ``prior``, the hand-weighted combination of them all.
``benchmarks/fit_scorer.py`` fits, on the tuning question sets, and stores in ``scorer.json``
beside this module:

1. the **ranking** of candidates: by default the ``prior`` (a fitted logistic model over all
   features did no better on held-out real articles; ``--ranker learned`` fits one), and
2. a **confidence** for the best candidate, from its ranking logit and its lead over the
   runner-up with another value: the estimated probability that the answer is right. The
   assistant abstains below ``threshold``, chosen on the same data so that right answers minus
   wrong answers given is highest.

Without ``scorer.json`` (or with ``NTM_MIN_CONFIDENCE`` set) the hand-weighted ``prior``
feature ranks and the threshold is the setting's.

Usage::

    scorer = Scorer.load()
    logit = scorer.rank(features)
    confidence = scorer.confidence(best_logit, second_logit)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("scorer.json")

FEATURES = (
    "prior",
    "dense",
    "cov_sentence",
    "cov_context",
    "cov_document",
    "bigram",
    "candidate",
    "log_place",
    "log_time",
    "log_target",
    "ind_same",
    "ind_diff",
    "ind_missing",
    "kind_match",
    "kind_mismatch",
    "kind_part",
    "ask_increment",
    "ask_total",
    "time_sentence",
    "time_paragraph",
    "time_document",
    "time_none",
    "q_figure",
    "q_person",
    "q_place",
    "q_decision",
    "q_date",
    "q_text",
    "english",
    "from_facts",
)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass
class Scorer:
    """Fitted weights: ``rank_weights`` per feature, ``confidence_weights`` for (logit of
    the best, its margin over the second), and the abstention ``threshold``."""

    rank_weights: dict[str, float]
    rank_bias: float
    confidence_weights: tuple[float, float]
    confidence_bias: float
    threshold: float
    trained_on: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Scorer | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            rank_weights={k: float(v) for k, v in data["rank_weights"].items()},
            rank_bias=float(data["rank_bias"]),
            confidence_weights=tuple(data["confidence_weights"]),
            confidence_bias=float(data["confidence_bias"]),
            threshold=float(data["threshold"]),
            trained_on=list(data.get("trained_on", [])),
        )

    def save(self, path: Path = WEIGHTS_FILE, **extra) -> None:
        data = {
            "rank_weights": {k: round(v, 6) for k, v in self.rank_weights.items()},
            "rank_bias": round(self.rank_bias, 6),
            "confidence_weights": [round(v, 6) for v in self.confidence_weights],
            "confidence_bias": round(self.confidence_bias, 6),
            "threshold": round(self.threshold, 4),
            "trained_on": self.trained_on,
            **extra,
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def rank(self, features: dict[str, float]) -> float:
        """The candidate's ranking logit (higher is better): the fitted model's, or with no
        ranking weights the log-odds of the hand-weighted ``prior``."""
        if not self.rank_weights:
            prior = min(max(features.get("prior", 0.0), 1e-4), 0.999)
            return math.log(prior / (1 - prior))
        return self.rank_bias + sum(
            w * features.get(name, 0.0) for name, w in self.rank_weights.items()
        )

    def confidence(self, best: float, second: float | None) -> float:
        """Estimated probability that the best candidate is a right answer."""
        margin = best - second if second is not None else 4.0
        a, b = self.confidence_weights
        return _sigmoid(self.confidence_bias + a * best + b * min(margin, 4.0))
