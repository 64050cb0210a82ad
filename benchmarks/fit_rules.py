"""Fit the rules of ranking and confidence (``rank``, ``confidence``) on question sets.

    .venv/bin/python benchmarks/fit_rules.py --set FOLDER[:QUESTIONS][@FOLDS] [--set …]
        [--refresh] [--out FILE.json] [--ranker prior|learned]

Each ``--set`` is a folder of documents (its ``docs/`` subfolder when there is one) and a
question set (default FOLDER/questions.jsonl), indexed in the same cached homes as
``benchmarks/eval_set.py``; ``@0,1,2`` keeps only those folds of its questions
(``benchmarks/folds.py``, of 5), so the others stay unseen for ``eval_set.py --folds``. For every question (and every part of a question that asks for
several things), every candidate sentence the answerer scores is labelled right when its direct
answer matches the question's ``must_include`` patterns (all of them; one of them for a part)
and its document is a gold source. Then:

1. a logistic model ranks candidates from their features (``assistant/answering/features.py``);
2. a second one turns the best candidate's logit and its margin over the runner-up into the
   probability that the answer is right;
3. the abstention threshold is the one that answers most questions right (an unanswerable
   question is right when the assistant abstains).

It prints the fit (accuracy by threshold, reliability) and writes the fitted groups of the
rules table (``assistant/answering/rules.py``) with the names of the sets they were fitted on,
as a JSON file that ``NTM_RULES=FILE`` (or ``Rules.load``) applies; saved as
``assistant/answering/rules.json`` it becomes the default. The candidates come from the typed
trace of each answer (``Answerer.explain``). Keep the sets you report as held-out out of
``--set``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import logging
import math
import re
import sys
import tempfile
import unicodedata
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Settings  # noqa: E402
from assistant.answering import Answerer, Rules  # noqa: E402
from assistant.answering.features import feature_names  # noqa: E402
from assistant.answering.select import direct_value  # noqa: E402
from assistant.answering.split import split_question  # noqa: E402
from assistant.evaluate import load_questions  # noqa: E402
from base.text import fold  # noqa: E402
from benchmarks.folds import parse_folds, pick  # noqa: E402

WRONG_COST = 0.25
FEATURES = feature_names()


def home_for(folder: Path, name: str) -> Path:
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:8]
    return Path(tempfile.gettempdir()) / f"ntm-eval-{name}-{key}"


def matches(patterns, text: str, every: bool) -> bool:
    text = unicodedata.normalize("NFC", text)
    hits = [bool(re.search(p, text, re.IGNORECASE)) for p in patterns]
    return all(hits) if every else any(hits)


def collect(spec: str, refresh: bool):
    spec, _, folds_text = spec.partition("@")
    folder_text, _, questions_text = spec.partition(":")
    folder = Path(folder_text).resolve()
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    questions_path = Path(questions_text) if questions_text else folder / "questions.jsonl"
    name = questions_path.stem if questions_text else folder.name
    name = {"questions": "dev", "heldout_questions": "heldout"}.get(name, name)
    name = "collection" if "collection" in str(questions_path) else name
    bot = Assistant(Settings.from_env().replace(home=home_for(folder, name), progress=False))
    report = bot.ingest([docs])
    if refresh and report.unchanged:
        bot.reindex()
    # every candidate, ranked by the prior, whatever its confidence
    rules = Rules.default().replace(**{"confidence.threshold": 0.0, "rank.weights": {}})
    answerer = Answerer(bot.retriever, bot.embedder, bot.store, bot.settings, rules)
    questions, _ = load_questions(questions_path)
    if folds_text:
        questions = pick(questions, folds=parse_folds(folds_text))
        name = f"{name}@{folds_text}"
    rows = []  # (question id, part, features, label, value key)
    for q in questions:
        parts = split_question(q.question)
        for index, part in enumerate(parts):
            _, trace = answerer.explain(part)
            for traced in trace.parts:
                for item in traced.ranking.ranked:
                    label = False
                    if q.answerable and item.sentence.doc.meta.source in q.sources:
                        shown = direct_value(item, traced.frame)
                        label = matches(q.must_include, shown, len(parts) == 1)
                    key = fold(item.value) if item.value else f"#{id(item)}"
                    features = item.verdict.features.as_dict()
                    rows.append((f"{name}:{q.id}", index, features, label, key))
    print(f"{name}: {len(questions)} questions, {len(rows)} candidates", flush=True)
    return name, questions, rows


def prior_logit(prior):
    """The prior score as log-odds: what the confidence model reads."""
    p = np.clip(prior, 1e-4, 0.999)
    return np.log(p / (1 - p))


def matrix(rows) -> np.ndarray:
    return np.array([[r[2].get(f, 0.0) for f in FEATURES] for r in rows], dtype=float)


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, weight=None) -> np.ndarray:
    """Weights (bias last) of an L2-regularised logistic regression, by Newton's method."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    weight = np.ones(len(y)) if weight is None else weight
    reg = np.eye(x.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (weight * (p - y)) + reg @ w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + reg
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", required=True, dest="sets")
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "fitted-rules.json"
    )
    parser.add_argument(
        "--ranker",
        choices=["prior", "learned"],
        default="prior",
        help="rank candidates by the hand-weighted prior (default) or by a fitted model",
    )
    parser.add_argument(
        "--dump", type=Path, help="also write each question's best candidate as TSV (numbers only)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")

    names, rows, answerable = [], [], {}
    for spec in args.sets:
        name, questions, part_rows = collect(spec, args.refresh)
        names.append(name)
        rows += part_rows
        answerable.update({f"{name}:{q.id}": q.answerable for q in questions})
    x, y = matrix(rows), np.array([r[3] for r in rows], dtype=float)
    # each question weighs the same, however many candidates it has
    groups: dict[tuple[str, int], list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault((r[0], r[1]), []).append(i)
    weight = np.zeros(len(rows))
    for members in groups.values():
        weight[members] = 1.0 / len(members)
    weight *= len(groups) / weight.sum() * 3
    if args.ranker == "learned":
        w = logistic(x, y, l2=0.5, weight=weight)
    else:
        # rank by the hand-weighted prior (its log-odds); only the confidence is fitted
        w = np.zeros(len(FEATURES) + 1)
        w[FEATURES.index("prior")] = 1.0
    logits = np.hstack([x, np.ones((len(x), 1))]) @ w
    if args.ranker != "learned":
        logits = prior_logit(logits)

    # stage 2: the best candidate of each question (part), its margin, and whether it is right
    tops, top_labels, keys = [], [], []
    for key, members in sorted(groups.items()):
        order = sorted(members, key=lambda i: -logits[i])
        best = order[0]
        second = next((i for i in order[1:] if rows[i][4] != rows[best][4]), None)
        cap = Rules.default().confidence.margin_cap
        margin = logits[best] - logits[second] if second is not None else cap
        tops.append([logits[best], min(margin, cap), float(second is None)])
        top_labels.append(float(rows[best][3]))
        keys.append(key)
    tops_x, tops_y = np.array(tops), np.array(top_labels)
    if args.dump:
        lines = ["question\tpart\tanswerable\tlogit\tmargin\tlone\tright"]
        lines += [
            f"{k[0]}\t{k[1]}\t{int(answerable[k[0]])}\t{t[0]:.4f}\t{t[1]:.4f}\t{int(t[2])}\t{int(y)}"
            for k, t, y in zip(keys, tops, top_labels, strict=True)
        ]
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a lone candidate counts as a capped margin (a separate 'alone' weight, or one on the
    # logit when alone, fitted no better on the set left out: benchmarks/calibration_forms.py)
    c = logistic(tops_x[:, :2], tops_y, l2=0.1)
    confidence = 1 / (1 + np.exp(-(np.hstack([tops_x[:, :2], np.ones((len(tops_x), 1))]) @ c)))

    # questions with no candidate at all are abstentions whatever the threshold
    question_ids = sorted(answerable)
    # A wrong figure given with a citation is the worst failure, but declining a question the
    # documents answer fails too: the threshold maximises right answers minus a quarter of the
    # wrong ones given (the confidence shown with every answer tells the rest).
    best_threshold, best_utility = 0.5, -math.inf
    print("\nthreshold  right  wrong answers given  (of questions)")
    for threshold in np.arange(0.05, 0.96, 0.05):
        right = wrong = 0
        for qid in question_ids:
            parts = [i for i, k in enumerate(keys) if k[0] == qid]
            given = [i for i in parts if confidence[i] >= threshold]
            if not answerable[qid]:
                right += not given
                wrong += bool(given)
            elif given:
                ok = all(tops_y[i] for i in given) and len(given) == len(parts)
                right += ok
                wrong += not ok
        utility = right - WRONG_COST * wrong
        print(f"  {threshold:.2f}    {right:4d}  {wrong:4d}  ({len(question_ids)})")
        if utility > best_utility:
            best_threshold, best_utility = float(threshold), utility
    print(f"\nchosen threshold {best_threshold:.2f} (utility {best_utility:.2f})")
    print("reliability (answers with confidence ≥ c, share right):")
    for level in (0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = confidence >= level
        share = tops_y[chosen].mean() if chosen.any() else math.nan
        print(f"  c ≥ {level:.1f}: {int(chosen.sum())} answers, {share:.1%} right")

    fitted = {
        "confidence.best_weight": float(c[0]),
        "confidence.margin_weight": float(c[1]),
        "confidence.bias": float(c[2]),
        "confidence.threshold": round(best_threshold, 4),
        "rank.bias": float(w[-1]) if args.ranker == "learned" else 0.0,
        "rank.weights": (
            {f: float(v) for f, v in zip(FEATURES, w[:-1], strict=True)}
            if args.ranker == "learned"
            else {}
        ),
    }
    out = Rules.default().replace(**fitted)
    out = dataclasses.replace(out, trained_on=tuple(names))
    out.save(args.out, only=("rank", "confidence"))
    print(f"{len(rows)} candidates of {len(question_ids)} questions; rules written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
