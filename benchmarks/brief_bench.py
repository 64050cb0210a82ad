"""How long a conference brief takes over a large collection: one province, 1,000 documents.

Generates a collection with ``benchmarks/synth/generate.py`` (yearly reports of many districts
and near-identical articles), ingests it into a temporary index, then times, warm, the brief of
the province with the most figures (``Assistant.brief``) and, alongside as the baseline, the
raw read of that province's figures from Chroma that any brief needs (``Store.facts``). Medians
over ``--repeat`` runs; the Word export is timed separately.

The brief reads the facts index and the stored texts, never the vectors, so by default the
index is built with a deterministic hashing embedder of the model's dimension (768): building
it with the real model takes a quarter of an hour on 2 cores and changes nothing measured here.
``--model real`` uses the real one anyway.

Usage::

    .venv/bin/python benchmarks/brief_bench.py [--docs 1000] [--repeat 7] [--model hash|real]

Prints a Markdown table and writes ``benchmarks/results/brief.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"

from assistant import Assistant  # noqa: E402
from assistant.brief_export import brief_docx  # noqa: E402
from base.settings import Settings  # noqa: E402


class HashEmbedder:
    """Deterministic vectors from a text's hash: enough to fill the index the brief ignores."""

    name = "hash-768"
    dimension = 768

    def _vector(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
        v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
        return v / np.linalg.norm(v)

    def embed_documents(self, texts, titles=None):
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, 768))

    def embed_query(self, text):
        return self._vector(text)


def median_ms(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="about how many documents")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--model", choices=["hash", "real"], default="hash")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory(prefix="ntm-brief-bench-") as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        docs.mkdir()
        seed, made = 5, 0
        while made < args.docs:  # one generation holds ~700 documents at most: add more seeds
            left = args.docs - made
            districts = max(1, min(60, left // 12))
            near = max(0, min(500, left - 3 * districts - 24))
            out = tmp / f"gen{seed}"
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "benchmarks/synth/generate.py"),
                    "--out",
                    str(out),
                    "--seed",
                    str(seed),
                    "--districts",
                    str(districts),
                    "--near-identical",
                    str(near),
                ],
                check=True,
                capture_output=True,
            )
            for path in sorted((out / "docs").iterdir()):
                path.rename(docs / f"s{seed}_{path.name}")  # names identify documents
                made += 1
            seed += 1
        settings = Settings.from_env({"NTM_HOME": str(tmp / "home"), "NTM_PROGRESS": "0"})
        embedder = HashEmbedder() if args.model == "hash" else None
        bot = Assistant(settings, embedder=embedder)
        started = time.perf_counter()
        report = bot.ingest([docs])
        ingest_s = time.perf_counter() - started
        documents = len(report.added)
        provinces = Counter(f.place for f in bot.facts() if f.place_level == "tinh")
        place, figures = provinces.most_common(1)[0]

        bot.brief(place=place)  # warm: the store opened, the code paths loaded
        raw_ms, _ = median_ms(lambda: bot.store.facts(place=place), args.repeat)
        brief_ms, brief = median_ms(lambda: bot.brief(place=place), args.repeat)
        docx_ms, data = median_ms(lambda: brief_docx(brief), max(3, args.repeat // 2))
    result = {
        "documents": documents,
        "model": args.model,
        "ingest_s": round(ingest_s, 1),
        "place": place,
        "place_figures": figures,
        "brief_rows": len(brief.headline),
        "brief_citations": len(brief.citations),
        "brief_conflicts": len(brief.conflicts),
        "median_ms": {
            "brief": round(brief_ms, 1),
            "raw_facts_read": round(raw_ms, 1),
            "docx_export": round(docx_ms, 1),
        },
        "ratio_brief_to_raw_read": round(brief_ms / raw_ms, 2) if raw_ms else None,
        "docx_bytes": len(data),
        "target_ms": 3000,
        "target_met": brief_ms <= 3000,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "brief.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"| measure ({documents} documents, {place}: {figures} figures) | median |")
    print("|---|---|")
    print(f"| brief, warm | {brief_ms:.1f} ms (target ≤ 3,000 ms) |")
    print(f"| baseline: that province's figures read from Chroma | {raw_ms:.1f} ms |")
    print(f"| brief / raw read | {result['ratio_brief_to_raw_read']} |")
    print(f"| Word export of that brief | {docx_ms:.1f} ms ({len(data):,} bytes) |")
    print("results written to benchmarks/results/brief.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
