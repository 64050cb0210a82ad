"""Choose the abstention threshold by measurement.

Answers every question of the given sets with abstention off (NTM_MIN_CONFIDENCE=0), records
each answer's confidence and whether it would be scored correct, and prints the accuracy the
assistant would get at each threshold. Questions the documents cannot answer are correct only
below the threshold (abstained); answerable ones only above it, and only if the answer is right.

    python benchmarks/calibrate.py eval/questions.jsonl eval/heldout_questions.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluate import load_questions, score  # noqa: E402
from base.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--home", type=Path, help="NTM_HOME holding the ingested documents")
    parser.add_argument("--json", type=Path, help="write the per-question rows here")
    args = parser.parse_args()
    settings = Settings.from_env().replace(min_confidence=0.0, progress=False)
    if args.home:
        settings = settings.replace(home=args.home)
    bot = Assistant(settings)
    rows = []
    for path in args.sets:
        questions, _ = load_questions(path)
        for q in questions:
            answer = bot.ask(q.question)
            texts = {c.source: bot.document(c.source).text for c in answer.citations}
            right, why, _, _ = score(q, answer, texts)
            rows.append(
                {
                    "set": path.name,
                    "id": q.id,
                    "answerable": q.answerable,
                    "confidence": round(answer.confidence, 4),
                    "right_if_answered": bool(right) if q.answerable else False,
                    "abstained_anyway": answer.abstained,
                    "why": why,
                }
            )
    thresholds = sorted({0.0} | {r["confidence"] for r in rows} | {1.0})
    best = None
    print(f"{'threshold':>9} {'accuracy':>9} {'answerable ok':>14} {'abstained ok':>13}")
    for t in thresholds:
        ok = 0
        ans_ok = neg_ok = 0
        for r in rows:
            answered = not r["abstained_anyway"] and r["confidence"] >= t
            if r["answerable"]:
                good = answered and r["right_if_answered"]
                ans_ok += good
            else:
                good = not answered
                neg_ok += good
            ok += good
        acc = ok / len(rows)
        if best is None or acc > best[1]:
            best = (t, acc)
        print(f"{t:9.3f} {acc:9.1%} {ans_ok:14d} {neg_ok:13d}")
    print(f"best threshold {best[0]:.3f}: accuracy {best[1]:.1%} over {len(rows)} questions")
    wrong = [r for r in rows if r["answerable"] and not r["right_if_answered"]]
    print(
        "answerable questions answered wrongly at any threshold:",
        ", ".join(f"{r['id']}({r['confidence']:.2f})" for r in wrong),
    )
    negatives = [r for r in rows if not r["answerable"]]
    print(
        "unanswerable confidences:",
        ", ".join(f"{r['id']}({r['confidence']:.2f})" for r in negatives),
    )
    if args.json:
        args.json.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
