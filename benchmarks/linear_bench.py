"""Text processing time against input size, hostile text against ordinary articles.

Each case (a run of '!', a line of spaces, a paragraph of nothing but dates, …) is cleaned,
described, chunked and read for facts (``ingest.pipeline.prepare_document`` and
``ingest.facts.read_facts``) at several sizes; the baseline, run alongside, is the bundled
articles repeated to the same size. Linear code keeps both the growth from one size to the
next (×4 input) near ×4 and the ratio to the baseline flat. Medians of ``--repeat`` runs.

Usage::

    .venv/bin/python benchmarks/linear_bench.py [--sizes 65536 262144 1048576] [--repeat 3]

Prints a Markdown table and writes ``benchmarks/results/linear.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.facts import read_facts  # noqa: E402
from ingest.pipeline import prepare_document  # noqa: E402

CASES = {
    "run of '!'": lambda n: "Xã đạt chuẩn " + "!" * n + " x",
    "run of '.'": lambda n: "Huyện " + "." * n + " x",
    "one long word": lambda n: "a" * n + ".",
    "line of spaces": lambda n: "xã" + " " * n + "đạt",
    "digits and commas": lambda n: "Có " + "1," * (n // 2) + " xã",
    "dates, no punctuation": lambda n: "năm 2020 " * (n // 9),
    "figures, one paragraph": lambda n: (
        "Huyện Đình Lập có 6/10 xã đạt chuẩn NTM, tăng 1 xã so với năm 2020! " * (n // 70)
    ),
}


def articles(n: int) -> str:
    """The bundled articles, repeated to about ``n`` characters: ordinary text."""
    text = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "documents").glob("*.txt"))
    )
    return (text + "\n\n") * max(1, n // len(text))


def timed(text: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        doc, _ = prepare_document("x.txt", "0" * 64, text, 600)
        read_facts(doc)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[65_536, 262_144, 1_048_576])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    baseline = {n: timed(articles(n), args.repeat) for n in args.sizes}
    results["articles (baseline)"] = {str(n): round(s, 4) for n, s in baseline.items()}
    for name, make in CASES.items():
        results[name] = {str(n): round(timed(make(n), args.repeat), 4) for n in args.sizes}
    header = ["case", *[f"{n // 1024} KB s" for n in args.sizes], "growth per ×4", "÷ baseline"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, row in results.items():
        values = [row[str(n)] for n in args.sizes]
        growth = (values[-1] / values[0]) ** (1 / max(1, len(values) - 1)) if values[0] else 0
        ratio = values[-1] / baseline[args.sizes[-1]]
        print(
            f"| {name} | "
            + " | ".join(f"{v:.3f}" for v in values)
            + f" | ×{growth:.1f} | {ratio:.2f} |"
        )
    out = ROOT / "benchmarks" / "results" / "linear.json"
    out.write_text(
        json.dumps({"sizes": args.sizes, "repeat": args.repeat, "seconds": results}, indent=2),
        encoding="utf-8",
    )
    print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
