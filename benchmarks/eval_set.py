"""Measure the assistant on a folder of documents and its question set, with the real model.

    .venv/bin/python benchmarks/eval_set.py FOLDER [--questions Q.jsonl] [--home DIR]
        [--refresh] [--show-failures] [--name NAME] [--folds 0,1,2 [--of 5]] [--tags a,b]

FOLDER holds the documents (in FOLDER/docs/ when that exists, else FOLDER itself) and, unless
``--questions`` says otherwise, FOLDER/questions.jsonl (the format of eval/FORMAT.md). The index
lives in ``--home`` (default: a folder under the system's temp dir named after FOLDER) and is
reused between runs: files already there are skipped, and ``--refresh`` re-derives chunks,
metadata and facts from the stored texts (``reindex``, keeping unchanged vectors) after a change
to the ingest code.

It prints the summary of ``ntm eval`` (accuracy by FORMAT.md's direct-answer rule, the old
whole-text figure, per tag, retrieval, abstention, reliability, latency) and writes the numbers
only, never the documents' or questions' text, to ``benchmarks/results/eval-<name>.json``:
third-party sets such as shared/eval/real-dev must not be copied into the project.
``--show-failures`` lists the failed questions on the terminal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluate import format_summary, load_questions, run_eval  # noqa: E402
from benchmarks.folds import parse_folds, pick  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--refresh", action="store_true", help="reindex the stored documents")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--name", help="results file name (default: the folder's name)")
    parser.add_argument("--folds", help="only these folds, e.g. 0,1,2 (see benchmarks/folds.py)")
    parser.add_argument("--of", type=int, default=5, help="number of folds (default 5)")
    parser.add_argument("--tags", help="only questions with one of these tags, e.g. limits,why")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")

    folder = args.folder.resolve()
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    questions_path = args.questions or folder / "questions.jsonl"
    name = args.name or folder.name
    key = hashlib.sha256(str(folder).encode()).hexdigest()[:8]
    home = args.home or Path(tempfile.gettempdir()) / f"ntm-eval-{name}-{key}"
    bot = Assistant(Settings.from_env().replace(home=home, progress=False))

    started = time.perf_counter()
    report = bot.ingest([docs])
    if args.refresh and report.unchanged:
        bot.reindex()
    setup_s = time.perf_counter() - started
    print(
        f"index {home}: {len(report.added)} added, {len(report.unchanged)} unchanged, "
        f"{len(report.rejected)} rejected ({setup_s:.1f} s{', refreshed' if args.refresh else ''})"
    )

    questions, problems = load_questions(questions_path)
    tags = set(args.tags.split(",")) if args.tags else None
    questions = pick(questions, parse_folds(args.folds), args.of, tags)
    result = run_eval(bot, questions)
    result.problems = problems
    summary = result.summary()
    if args.show_failures:
        print(format_summary(result))
    else:
        print(format_summary(result).split("Câu sai (failed):")[0].rstrip())
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"eval-{name}.json"
    payload = {
        "set": name,
        "commit": commit,
        "date": time.strftime("%Y-%m-%d"),
        "documents": len(report.added) + len(report.unchanged),
        "folds": args.folds and f"{args.folds} of {args.of}",
        "tags": args.tags,
        "summary": {k: v for k, v in summary.items() if k != "malformed_lines"},
        "failed_ids": [r.question.id for r in result.results if not r.correct],
        "confident_failed_ids": [
            r.question.id
            for r in result.results
            if not r.correct and not r.answer.abstained and r.answer.confidence >= 0.8
        ],
    }
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
