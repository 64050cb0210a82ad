"""Text processing time against input size, hostile text against ordinary articles.

Each case (a run of '!', a line of spaces, a paragraph of nothing but dates, …) is cleaned,
described, chunked and read for facts (``ingest.pipeline.prepare_document`` and
``ingest.facts.read_facts``) at several sizes; the baseline, run alongside, is the bundled
articles repeated to the same size. Linear code keeps both the growth from one size to the
next (×4 input) near ×4 and the ratio to the baseline flat. Medians of ``--repeat`` runs.

``--two-mb`` instead times three 2 MB files against 2 MB of the bundled articles (in their
paragraphs): the articles on one line, figures with units and no sentence end ('12 xã 34,5%
…'), and place names each introduced with a place word ('xã An Bình Cát có 12 hộ, …'), and
prints each one's time ratio to the articles.

Usage::

    .venv/bin/python benchmarks/linear_bench.py [--sizes 65536 262144 1048576] [--repeat 3]
    .venv/bin/python benchmarks/linear_bench.py --two-mb [--repeat 1]

Prints a Markdown table and writes ``benchmarks/results/linear.json`` (``linear-2mb.json``).
"""

from __future__ import annotations

import argparse
import itertools
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
    "one long word": lambda n: "Xã " + "a" * n + ".",  # cleaning drops the word (not text)
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


def one_line(n: int) -> str:
    """The same articles with every paragraph joined into one line of ``n`` characters."""
    text = " ".join(articles(n).split("\n"))
    return ((text + " ") * (n // len(text) + 1))[:n]


def digits(n: int) -> str:
    """Figures with units and no sentence end ('0 xã 0,0% 1 xã 1,1% …'): a figure every six
    characters, the most work per character the facts reader can be given."""
    parts = (f"{i % 1000} xã {i % 97},{i % 10}% " for i in itertools.count())
    out, size = [], 0
    while size < n:
        out.append(next(parts))
        size += len(out[-1])
    return "".join(out)[:n]


_SYLLABLES = (
    "An Bình Cát Đông Hòa Lạc Minh Phú Quang Sơn Tân Thạnh Trung Vĩnh Xuân Yên Hưng Long Mỹ Phước"
).split()


def names(n: int) -> str:
    """Place names, each introduced with a place word ('xã An Bình Cát có 12 hộ nghèo, …'):
    8,000 different names the reader learns and looks for in every sentence."""
    out, size = [], 0
    for i, words in enumerate(itertools.cycle(itertools.product(_SYLLABLES, repeat=3))):
        out.append(f"xã {' '.join(words)} có {i % 50} hộ nghèo, ")
        size += len(out[-1])
        if size >= n:
            break
    return "".join(out)[:n]


TWO_MB = {"2 MB on one line": one_line, "2 MB of digits": digits, "2 MB of names": names}


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
    parser.add_argument(
        "--two-mb", action="store_true", help="time the three 2 MB files against 2 MB of articles"
    )
    args = parser.parse_args(argv)
    if args.two_mb:
        return two_mb(args.repeat)
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


def measured(text: str, repeat: int) -> tuple[float, int, int]:
    """(median seconds, characters kept by cleaning, facts read) of ``text``."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        doc, _ = prepare_document("x.txt", "0" * 64, text, 600)
        facts = read_facts(doc)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), len(doc.text), len(facts)


def two_mb(repeat: int) -> int:
    """Each 2 MB case against 2 MB of the articles, with the ratio of their times, also per
    character that cleaning kept (the articles' web-page debris goes at cleaning; a line that
    long is never debris)."""
    n = 2_000_000
    rows = {"articles (baseline)": measured(articles(n), repeat)}
    for name, make in TWO_MB.items():
        rows[name] = measured(make(n), repeat)
    base, base_chars, _ = rows["articles (baseline)"]
    print("| 2 MB case | s | ÷ baseline | chars kept | facts | ÷ baseline per char kept |")
    print("|---|---|---|---|---|---|")
    for name, (took, chars, facts) in rows.items():
        per_char = (took / chars) / (base / base_chars)
        print(
            f"| {name} | {took:.2f} | {took / base:.2f} | {chars:,} | {facts:,} | {per_char:.2f} |"
        )
    out = ROOT / "benchmarks" / "results" / "linear-2mb.json"
    out.write_text(
        json.dumps(
            {
                "chars": n,
                "repeat": repeat,
                "seconds": {k: round(v[0], 3) for k, v in rows.items()},
                "chars_kept": {k: v[1] for k, v in rows.items()},
                "facts": {k: v[2] for k, v in rows.items()},
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"results written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
