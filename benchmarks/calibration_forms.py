"""Compare forms of the confidence model on the best candidates that ``fit_rules.py --dump``
wrote, fitting each form on all sets but one and scoring it on the one left out.

    .venv/bin/python benchmarks/fit_rules.py --set … --dump /tmp/tops.tsv
    .venv/bin/python benchmarks/calibration_forms.py /tmp/tops.tsv

Forms: ``capped`` (the table's: a lone candidate counts as the capped margin), ``alone`` (a
weight of its own for a lone candidate, margin 0), ``alone×logit`` (and a weight on its logit
when alone). Prints the left-out log loss and, at three thresholds, the answers given and the
share right. Numbers only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.answering import Rules  # noqa: E402
from benchmarks.fit_rules import logistic  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path)
    args = parser.parse_args(argv)
    rows = list(csv.DictReader(args.dump.open(encoding="utf-8"), delimiter="\t"))
    logit = np.array([float(r["logit"]) for r in rows])
    margin = np.array([float(r["margin"]) for r in rows])
    alone = np.array([float(r["lone"]) for r in rows])
    right = np.array([float(r["right"]) for r in rows])
    sets = np.array([r["question"].split(":")[0] for r in rows])
    cap = Rules.default().confidence.margin_cap
    forms = {
        "capped": np.c_[logit, np.where(alone == 1, cap, margin)],
        "alone": np.c_[logit, np.where(alone == 1, 0.0, margin), alone],
        "alone×logit": np.c_[logit, np.where(alone == 1, 0.0, margin), alone, alone * logit],
    }
    print(f"{len(rows)} best candidates, {int(alone.sum())} alone, sets: {sorted(set(sets))}")
    for name, x in forms.items():
        predicted = np.zeros(len(right))
        for left_out in sorted(set(sets)):
            train = sets != left_out
            w = logistic(x[train], right[train], l2=0.1)
            test = np.c_[x[~train], np.ones(int((~train).sum()))]
            predicted[~train] = 1 / (1 + np.exp(-(test @ w)))
        loss = -np.mean(right * np.log(predicted) + (1 - right) * np.log(1 - predicted))
        given = [
            f"≥{t}: {int((predicted >= t).sum())} given, {right[predicted >= t].mean():.1%} right"
            for t in (0.3, 0.5, 0.8)
        ]
        print(f"{name:12s} left-out log loss {loss:.4f}; " + "; ".join(given))
    return 0


if __name__ == "__main__":
    sys.exit(main())
