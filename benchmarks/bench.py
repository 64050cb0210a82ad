"""Benchmarks of NTM Assistant: ingest, search, ask and the int8 decision.

Each section is re-runnable on its own, builds its indexes in fresh temporary ``NTM_HOME``
folders (never the user's index), quotes medians, prints a Markdown table and writes
``benchmarks/results/<section>.json`` (``<section>-quick.json`` with ``--quick``).

Usage::

    python benchmarks/bench.py ingest               # pipeline vs raw model encode, re-ingest
    python benchmarks/bench.py search --repeat 5    # warm search, bundled and 20,000 chunks
    python benchmarks/bench.py ask                  # warm ask, cold `ntm ask` and its peak RSS
    python benchmarks/bench.py quantization         # int8 vs fp32: speed and retrieval quality
    python benchmarks/bench.py all --quick          # smoke run (2,000-chunk collection)
    python benchmarks/bench.py search --profile     # also cProfile the timed loops
    python benchmarks/bench.py all --wait-quiet 600 --collection-dir /tmp/ntm-bench-collection

Every number is measured with the real EmbeddingGemma model (it must be in the model cache:
``ntm model fetch``); ``NTM_*`` settings other than ``NTM_HOME`` apply as usual.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import hashlib
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import numpy as np  # noqa: E402

from assistant.core import Assistant  # noqa: E402
from base.sentences import split_sentences  # noqa: E402
from base.settings import Settings  # noqa: E402
from base.types import Chunk, Document  # noqa: E402
from ingest.loaders import collect_files, read_document  # noqa: E402
from ingest.pipeline import EMBED_GROUP, prepare_document  # noqa: E402
from vectorstore.chroma_store import ChromaStore  # noqa: E402
from vectorstore.embedder import SentenceTransformerEmbedder  # noqa: E402
from vectorstore.lexical import LexicalIndex  # noqa: E402

DOCUMENTS = ROOT / "documents"
EVAL_QUESTIONS = ROOT / "eval" / "questions.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
NTM_BIN = Path(sys.executable).with_name("ntm")

# Targets the numbers are read against.
TARGET_INGEST_RATIO = 0.85  # pipeline chunks/s over raw model chunks/s, at least
TARGET_REINGEST_SHARE = 0.05  # re-ingesting unchanged files / first ingest, below
TARGET_SEARCH_MS = 100.0  # warm search median at 20,000 chunks, below
TARGET_ASK_MS = 150.0  # warm ask median, below

# Realistic questions about the bundled documents, written for the benchmark (not the eval
# set): with diacritics, without them (as typed on a phone), English, and off-topic ones
# that should be answered by abstaining.
QUESTIONS: list[tuple[str, str]] = [
    ("vi", "Đến hết tháng 8/2021, bình quân mỗi xã ở Lạng Sơn đạt bao nhiêu tiêu chí NTM?"),
    ("vi", "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới tính đến tháng 7/2021?"),
    ("vi", "Năm 2021 huyện Đình Lập phấn đấu đưa xã nào về đích nông thôn mới?"),
    (
        "vi",
        "Trong 9 tháng năm 2021 huyện đã huy động được bao nhiêu tỷ đồng ngân sách tỉnh hỗ trợ?",
    ),
    ("vi", "Xã Hồ Sơn đã đạt mấy tiêu chí xã nông thôn mới nâng cao?"),
    ("vi", "Thái Nguyên có bao nhiêu sản phẩm đạt chứng nhận OCOP năm 2019?"),
    ("vi", "Tỉnh Thái Nguyên bổ sung những xã nào vào kế hoạch đạt chuẩn NTM năm 2020?"),
    ("vi", "Năm 2019 Lạng Sơn làm mới được bao nhiêu km đường bê tông xi măng?"),
    ("vi", "Đến năm 2025 Lạng Sơn phấn đấu có tổng cộng bao nhiêu xã đạt chuẩn nông thôn mới?"),
    ("vi", "Thu nhập của người dân nông thôn Lạng Sơn tăng bao nhiêu lần so với năm 2011?"),
    (
        "vi",
        "Ai chủ trì hội nghị đánh giá tiến độ xây dựng nông thôn mới của Thái Nguyên ngày 26/6?",
    ),
    ("vi", "Dịch Covid-19 gây ra những khó khăn gì cho chương trình nông thôn mới ở Lạng Sơn?"),
    ("vi", "Bao nhiêu xóm ở Thái Nguyên được công nhận đạt xóm NTM kiểu mẫu?"),
    ("vi", "Năm 2022 Lạng Sơn phấn đấu nâng tổng số xã đạt chuẩn NTM lên bao nhiêu xã?"),
    ("vi", "Huyện chưa đạt chuẩn huyện nông thôn mới vì còn điều gì chưa đạt?"),
    ("vi", "Mục tiêu của phong trào thi đua chung sức xây dựng nông thôn mới giai đoạn 2021-2025?"),
    ("vi", "Năm 2019 tỉnh Lạng Sơn xây dựng bao nhiêu trạm y tế xã?"),
    ("vi", "Trước khi sáp nhập xã, năm 2020 Lạng Sơn có bao nhiêu xã đạt chuẩn NTM?"),
    ("vi", "Tỷ lệ xã đạt chuẩn nông thôn mới của Thái Nguyên năm 2020 là bao nhiêu phần trăm?"),
    ("vi", "Đồng chí Phạm Ngọc Thưởng giữ chức vụ gì?"),
    ("vi-nodiac", "dinh lap co bao nhieu xa dat chuan nong thon moi"),
    ("vi-nodiac", "nam 2019 lang son co bao nhieu xa dat chuan ntm nang cao"),
    ("vi-nodiac", "thai nguyen co bao nhieu xa dat chuan nong thon moi nam 2020"),
    ("vi-nodiac", "thon nao o xa ho son dat chuan thon ntm kieu mau"),
    ("vi-nodiac", "ke hoach xay dung ntm lang son nam 2022"),
    ("vi-nodiac", "ocop thai nguyen 2020 co bao nhieu y tuong san pham dang ky"),
    ("en", "How many communes of Dinh Lap district met the new rural standard by July 2021?"),
    ("en", "How many OCOP products were certified in Thai Nguyen in 2019?"),
    ("en", "How many kilometres of concrete roads did Lang Son build in 2019?"),
    (
        "en",
        "Who chaired the online conference on new rural development in Lang Son in August 2021?",
    ),
    ("off-topic", "Giá lúa gạo ở Đồng Tháp năm 2023 là bao nhiêu?"),
    ("off-topic", "Tỉnh Cà Mau có bao nhiêu xã đạt chuẩn nông thôn mới kiểu mẫu?"),
]


# -- measurement helpers ----------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (the same rule as `ntm eval`)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def summarize(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "median": statistics.median(values),
        "p95": percentile(values, 95),
        "min": min(values),
        "max": max(values),
    }


def median_of(dicts: list[dict], key: str) -> float:
    values = [d[key] for d in dicts if key in d]
    return statistics.median(values) if values else float("nan")


def rounded(data):
    """Floats rounded for the JSON files (4 significant places after the point)."""
    if isinstance(data, float):
        return round(data, 4)
    if isinstance(data, dict):
        return {k: rounded(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [rounded(v) for v in data]
    return data


def md_table(headers: list[str], rows: list[list]) -> str:
    def cell(v) -> str:
        if isinstance(v, float):
            return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "✅" if ok else "❌"


class CpuWatch:
    """CPU the rest of the machine used while a section ran (other people's jobs skew timings).

    ``neighbour_cores`` is the average number of cores busy with processes other than this
    one and its children; above ~0.2 on a 2-core machine the latencies are not trustworthy.
    """

    def __init__(self):
        self.hz = os.sysconf("SC_CLK_TCK")
        self.start = self._sample()

    def _sample(self) -> tuple[float, float, float, float]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
        user, nice, system, _idle, _iowait, irq, softirq, steal = values
        own = 0.0
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
            usage = resource.getrusage(who)
            own += usage.ru_utime + usage.ru_stime
        busy = (user + nice + system + irq + softirq) / self.hz
        return time.perf_counter(), busy, own, steal / self.hz

    def report(self) -> dict:
        wall0, busy0, own0, steal0 = self.start
        wall1, busy1, own1, steal1 = self._sample()
        wall = max(1e-9, wall1 - wall0)
        foreign = max(0.0, (busy1 - busy0) - (own1 - own0))
        return {
            "wall_s": wall,
            "own_cpu_s": own1 - own0,
            "neighbour_cpu_s": foreign,
            "neighbour_cores": foreign / wall,
            "steal_cores": (steal1 - steal0) / wall,
        }


def neighbours_now(seconds: float = 1.0) -> float:
    """Cores busy with other processes right now (sampled over ``seconds``)."""
    watch = CpuWatch()
    time.sleep(seconds)
    return watch.report()["neighbour_cores"]


def wait_quiet(limit_s: float, threshold: float = 0.25) -> float:
    """Wait (at most ``limit_s``) until other processes leave the CPUs alone for ~6 s."""
    deadline = time.monotonic() + limit_s
    quiet = 0
    busy = neighbours_now(2.0)
    while time.monotonic() < deadline:
        quiet = quiet + 1 if busy < threshold else 0
        if quiet >= 3:
            break
        busy = neighbours_now(2.0)
    return busy


QUIET = {"limit_s": 0.0}  # set from --wait-quiet


def settle(label: str) -> None:
    """With --wait-quiet, wait for other processes to leave the CPUs before a timed loop."""
    if QUIET["limit_s"] <= 0:
        return
    started = time.monotonic()
    busy = wait_quiet(QUIET["limit_s"])
    print(
        f"  [{label}: waited {time.monotonic() - started:.0f} s; other processes now "
        f"{busy:.2f} cores]"
    )


def quietly(label: str, fn: Callable[[], object], tries: int = 3) -> tuple[object, float]:
    """Run a timed loop; with --wait-quiet, run it again (up to ``tries`` times) when other
    processes used the CPUs meanwhile, keeping the least disturbed attempt.

    Returns the loop's value and the cores other processes used during that attempt."""
    best: tuple[object, float] | None = None
    for attempt in range(tries):
        settle(label)
        watch = CpuWatch()
        value = fn()
        busy = watch.report()["neighbour_cores"]
        if best is None or busy < best[1]:
            best = (value, busy)
        if QUIET["limit_s"] <= 0 or busy < 0.2:
            break
        if attempt < tries - 1:
            print(f"  [{label}: other processes used {busy:.2f} cores meanwhile; measuring again]")
    return best


def own_cpu() -> float:
    """CPU seconds this process used so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mib() -> float:
    """Peak RSS of this process so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextlib.contextmanager
def maybe_profile(enabled: bool, name: str, quick: bool) -> Iterator[None]:
    """cProfile the block when ``--profile`` is given; top functions go next to the JSON."""
    if not enabled:
        yield
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
        stats.print_stats(40)
        out.write("\n\n=== by own time ===\n")
        stats.sort_stats("tottime").print_stats(25)
        path = RESULTS / f"{name}{'-quick' if quick else ''}.profile.txt"
        RESULTS.mkdir(parents=True, exist_ok=True)
        path.write_text(out.getvalue(), encoding="utf-8")
        print(f"profile written to {path.relative_to(ROOT)}")


# -- machine and run description --------------------------------------------------------------
def machine_info() -> dict:
    import torch

    cpu_model = platform.processor() or "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    mem_gib = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    versions = {}
    for package in ("torch", "sentence_transformers", "transformers", "chromadb", "bm25s"):
        with contextlib.suppress(Exception):
            versions[package] = __import__(package).__version__
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": commit + ("-dirty" if dirty and commit else ""),
        "cpu_model": cpu_model,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "torch_threads": torch.get_num_threads(),
        "memory_gib": mem_gib,
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "neighbour_cores_at_start": round(neighbours_now(), 2),
        "python": platform.python_version(),
        "versions": versions,
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def print_header(section: str, machine: dict, settings: Settings, args) -> None:
    print(f"\n## {section}\n")
    print(
        f"- machine: {machine['cores']} cores ({machine['cores_usable']} usable), "
        f"{machine['cpu_model']}, torch threads {machine['torch_threads']}, "
        f"{machine['memory_gib']} GiB RAM, load avg {machine['load_avg_1m']}"
    )
    print(f"- date {machine['date']} · commit {machine['commit'] or '?'}")
    if machine["neighbour_cores_at_start"] > 0.2:
        print(
            f"- WARNING: other processes are using {machine['neighbour_cores_at_start']:.1f} "
            "cores right now; timings will be slower and noisier"
        )
    print(
        f"- model {settings.model} · quantize={settings.quantize} · batch "
        f"{settings.embed_batch_size} · chunk_chars {settings.chunk_chars} · repeat "
        f"{args.repeat}{' · quick' if args.quick else ''}\n"
    )


def write_results(
    name: str, args, machine: dict, settings: Settings, results: dict, watch: CpuWatch
) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}{'-quick' if args.quick else ''}.json"
    cpu = watch.report()
    machine = dict(machine, load_avg_1m_end=round(os.getloadavg()[0], 2), cpu_during_run=cpu)
    print(
        f"\nother processes used {cpu['neighbour_cores']:.2f} cores on average during this "
        f"section ({cpu['neighbour_cpu_s']:.0f} CPU-s over {cpu['wall_s']:.0f} s)"
        + (
            " — timings disturbed, re-run on a quiet machine"
            if cpu["neighbour_cores"] > 0.2
            else ""
        )
    )
    payload = {
        "section": name,
        "machine": machine,
        "config": {
            "repeat": args.repeat,
            "quick": args.quick,
            "model": settings.model,
            "quantize": settings.quantize,
            "embed_batch_size": settings.embed_batch_size,
            "chunk_chars": settings.chunk_chars,
            "threads": settings.threads,
        },
        "results": rounded(results),
        "bench_peak_rss_mib": round(rss_mib(), 1),
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {path.relative_to(ROOT)}")
    return path


# -- shared set-up ----------------------------------------------------------------------------
def base_settings(home: Path, **changes) -> Settings:
    return Settings.from_env().replace(home=home, progress=False, **changes)


_EMBEDDERS: dict[bool, tuple[SentenceTransformerEmbedder, float]] = {}


def warm_embedder(settings: Settings) -> tuple[SentenceTransformerEmbedder, float]:
    """The model loaded and warmed on both the query and the document path (cached)."""
    cached = _EMBEDDERS.get(settings.quantize)
    if cached:
        return cached
    embedder = SentenceTransformerEmbedder(settings)
    started = time.perf_counter()
    embedder.warm_up()
    load_s = time.perf_counter() - started
    embedder.embed_documents(["Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới."] * 2, ["NTM"] * 2)
    _EMBEDDERS[settings.quantize] = (embedder, load_s)
    return embedder, load_s


def bundled_documents(settings: Settings) -> list[tuple[Document, list[Chunk]]]:
    """The bundled documents prepared exactly as the ingest pipeline prepares them."""
    files, rejected = collect_files([DOCUMENTS])
    if rejected:
        raise SystemExit(f"bundled documents rejected: {rejected}")
    prepared = []
    for path in files:
        raw, text = read_document(path, settings.max_file_bytes)
        prepared.append(
            prepare_document(path.name, hashlib.sha256(raw).hexdigest(), text, settings.chunk_chars)
        )
    return prepared


def document_inputs(embedder: SentenceTransformerEmbedder, texts: list[str], titles: list[str]):
    """The strings the embedder feeds the model for these passages (its document prompt)."""
    prompt = (getattr(embedder.model, "prompts", None) or {}).get("document", "")
    if "title: none" in prompt:
        return [
            prompt.replace("title: none", f"title: {title or 'none'}") + text
            for title, text in zip(titles, texts, strict=True)
        ]
    return [prompt + text for text in texts]


class TimedEmbedder:
    """Delegates to a real embedder, adding up the time spent encoding passages."""

    def __init__(self, inner):
        self.inner = inner
        self.encode_s = 0.0
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.calls: list[int] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_documents(self, texts, titles=None):
        started = time.perf_counter()
        vectors = self.inner.embed_documents(texts, titles=titles)
        self.encode_s += time.perf_counter() - started
        self.texts.extend(texts)
        self.titles.extend(titles or [""] * len(texts))
        self.calls.append(len(texts))
        return vectors

    def embed_query(self, text):
        return self.inner.embed_query(text)


def fresh_home(tmp_root: Path, label: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{label}-", dir=tmp_root))


def ingest_bundled(settings: Settings, embedder) -> Assistant:
    bot = Assistant(settings, embedder=embedder)
    report = bot.ingest([DOCUMENTS])
    if report.rejected or not report.chunks_written:
        raise SystemExit(f"ingest of the bundled documents failed: {report.to_dict()}")
    return bot


# -- 1. ingest --------------------------------------------------------------------------------
def bench_ingest(args, tmp_root: Path) -> dict:
    settings = base_settings(tmp_root / "unused")
    machine = machine_info()
    watch = CpuWatch()
    print_header("ingest: pipeline vs raw model encode", machine, settings, args)
    embedder, load_s = warm_embedder(settings)
    prepared = bundled_documents(settings)
    n_chunks = sum(len(chunks) for _, chunks in prepared)
    # The groups the pipeline embeds together (ingest.pipeline.EMBED_GROUP), in its order.
    groups: list[tuple[list[str], list[str]]] = []
    texts, titles = [], []
    for doc, chunks in prepared:
        texts += [c.text for c in chunks]
        titles += [doc.meta.title] * len(chunks)
        if len(texts) >= EMBED_GROUP:
            groups.append((texts, titles))
            texts, titles = [], []
    if texts:
        groups.append((texts, titles))
    group_inputs = [document_inputs(embedder, t, ti) for t, ti in groups]

    def run_raw() -> dict:
        import torch

        watch, cpu0 = CpuWatch(), own_cpu()
        started = time.perf_counter()
        with torch.inference_mode():
            for inputs in group_inputs:
                embedder.model.encode(
                    inputs,
                    batch_size=settings.embed_batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        return {
            "raw_s": time.perf_counter() - started,
            "raw_cpu_s": own_cpu() - cpu0,
            "raw_neighbour_cores": watch.report()["neighbour_cores"],
        }

    def run_pipeline() -> dict:
        home = fresh_home(tmp_root, "ingest")
        timed = TimedEmbedder(embedder)
        bot = Assistant(settings.replace(home=home), embedder=timed)
        watch, cpu0 = CpuWatch(), own_cpu()
        started = time.perf_counter()
        first = bot.ingest([DOCUMENTS])
        first_s = time.perf_counter() - started
        first_cpu_s = own_cpu() - cpu0
        neighbours = watch.report()["neighbour_cores"]
        if first.rejected or first.chunks_written != n_chunks:
            raise SystemExit(f"unexpected ingest report: {first.to_dict()}")
        # The pipeline must have encoded exactly the texts the raw baseline encodes.
        expected = [t for g in groups for t in g[0]]
        if timed.texts != expected or timed.titles != [t for g in groups for t in g[1]]:
            raise SystemExit("the pipeline encoded other texts than the raw baseline")
        started = time.perf_counter()
        again = bot.ingest([DOCUMENTS])
        again_s = time.perf_counter() - started
        if again.chunks_written or len(again.unchanged) != len(prepared):
            raise SystemExit(f"re-ingest was not a no-op: {again.to_dict()}")
        del bot
        gc.collect()
        return {
            "first_s": first_s,
            "first_cpu_s": first_cpu_s,
            "first_neighbour_cores": neighbours,
            "encode_s": timed.encode_s,
            "reingest_s": again_s,
        }

    runs = []
    for i in range(args.repeat):
        order = ("pipeline", "raw") if i % 2 == 0 else ("raw", "pipeline")

        def pair(order=order) -> dict:
            row: dict = {"order": "/".join(order)}
            for which in order:
                row.update(run_raw() if which == "raw" else run_pipeline())
            return row

        row, _ = quietly(f"ingest run {i + 1}", pair)
        row["pipeline_cps"] = n_chunks / row["first_s"]
        row["raw_cps"] = n_chunks / row["raw_s"]
        row["ratio"] = row["pipeline_cps"] / row["raw_cps"]
        row["ratio_cpu"] = row["raw_cpu_s"] / row["first_cpu_s"]
        row["non_encode_s"] = row["first_s"] - row["encode_s"]
        # The same comparison without run-to-run model noise: pipeline time spent encoding.
        row["encode_share"] = row["encode_s"] / row["first_s"]
        row["reingest_share"] = row["reingest_s"] / row["first_s"]
        runs.append(row)
        print(
            f"  run {i + 1}/{args.repeat} ({row['order']}): pipeline {row['first_s']:.2f} s "
            f"({row['pipeline_cps']:.2f} chunks/s), raw {row['raw_s']:.2f} s "
            f"({row['raw_cps']:.2f} chunks/s), ratio {row['ratio']:.3f}, "
            f"re-ingest {row['reingest_s'] * 1000:.0f} ms; CPU-time ratio {row['ratio_cpu']:.3f}; "
            f"other processes {row['first_neighbour_cores']:.2f}/{row['raw_neighbour_cores']:.2f}"
            " cores"
        )

    med = {k: median_of(runs, k) for k in runs[0] if k != "order"}
    # Runs during which other processes kept off the CPUs (both halves under 0.2 cores).
    quiet = [r for r in runs if max(r["first_neighbour_cores"], r["raw_neighbour_cores"]) < 0.2]
    results = {
        "chunks": n_chunks,
        "documents": len(prepared),
        "groups": [len(g[0]) for g in groups],
        "model_load_s": load_s,
        "median": med,
        "ratio_of_medians": med["pipeline_cps"] / med["raw_cps"],
        "quiet_runs": len(quiet),
        "median_quiet_runs": {k: median_of(quiet, k) for k in med} if quiet else None,
        "targets": {
            "ratio_min": TARGET_INGEST_RATIO,
            "ratio_ok": med["ratio"] >= TARGET_INGEST_RATIO,
            "reingest_share_max": TARGET_REINGEST_SHARE,
            "reingest_ok": med["reingest_share"] < TARGET_REINGEST_SHARE,
        },
        "runs": runs,
    }
    print()
    print(
        md_table(
            [f"metric (median of {args.repeat})", "value", "target"],
            [
                ["pipeline ingest, fresh home (s)", med["first_s"], ""],
                ["  of which model encode (s)", med["encode_s"], ""],
                ["  of which everything else (s)", med["non_encode_s"], ""],
                ["  share of the pipeline spent in the model", med["encode_share"], ""],
                ["pipeline throughput (chunks/s)", med["pipeline_cps"], ""],
                ["raw model encode, same texts (s)", med["raw_s"], ""],
                ["raw throughput (chunks/s)", med["raw_cps"], ""],
                [
                    "ratio pipeline/raw",
                    med["ratio"],
                    f"≥ {TARGET_INGEST_RATIO} {verdict(results['targets']['ratio_ok'])}",
                ],
                [
                    "ratio pipeline/raw in CPU time (less sensitive to other jobs)",
                    med["ratio_cpu"],
                    "",
                ],
                ["re-ingest unchanged (ms)", med["reingest_s"] * 1000, ""],
                [
                    "re-ingest / first ingest",
                    med["reingest_share"],
                    f"< {TARGET_REINGEST_SHARE:.0%} {verdict(results['targets']['reingest_ok'])}",
                ],
            ],
        )
    )
    write_results("ingest", args, machine, settings, results, watch)
    return results


# -- 2. search --------------------------------------------------------------------------------
def capture_timings(bot: Assistant) -> dict:
    """Make ``bot.search`` record the retriever's timings into the returned dict."""
    box: dict = {}
    inner = bot.retriever.search

    def search(*a, **kw):
        box.clear()
        kw.setdefault("timings", box)
        return inner(*a, **kw)

    bot.retriever.search = search
    return box


def measure_search(bot: Assistant, repeat: int, label: str, profile: bool, quick: bool) -> dict:
    """Warm hybrid search vs a pure dense Chroma query (query embedding included in both)."""
    box = capture_timings(bot)
    embedder, store, n = bot.embedder, bot.store, bot.retriever.candidates
    questions = [q for _, q in QUESTIONS]

    def hybrid(q: str) -> tuple[float, dict]:
        started = time.perf_counter()
        bot.search(q, k=5)
        return (time.perf_counter() - started) * 1000, dict(box)

    def dense(q: str) -> tuple[float, float]:
        started = time.perf_counter()
        vector = embedder.embed_query(q)
        middle = time.perf_counter()
        store.query(vector, n)
        done = time.perf_counter()
        return (done - started) * 1000, (done - middle) * 1000

    for q in questions:  # warm-up pass, untimed
        hybrid(q)
        dense(q)

    def loop() -> tuple[list, list, list, list]:
        hybrid_ms, parts, dense_ms, dense_only_ms = [], [], [], []
        with maybe_profile(profile, f"search-{label}", quick):
            for r in range(repeat):
                for i, q in enumerate(questions):
                    order = (0, 1) if (i + r) % 2 == 0 else (1, 0)
                    for which in order:
                        if which == 0:
                            ms, timings = hybrid(q)
                            hybrid_ms.append(ms)
                            parts.append(timings)
                        else:
                            total, query_only = dense(q)
                            dense_ms.append(total)
                            dense_only_ms.append(query_only)
        return hybrid_ms, parts, dense_ms, dense_only_ms

    (hybrid_ms, parts, dense_ms, dense_only_ms), neighbours = quietly(f"search {label}", loop)
    breakdown = {k: median_of(parts, k) for k in ("index_ms", "embed_ms", "dense_ms", "lexical_ms")}
    hybrid_retrieval = [
        h - t["embed_ms"] for h, t in zip(hybrid_ms, parts, strict=True)
    ]  # everything but the query embedding
    out = {
        "questions": len(questions),
        "samples": len(hybrid_ms),
        "neighbour_cores": neighbours,
        "hybrid_ms": summarize(hybrid_ms),
        "dense_baseline_ms": summarize(dense_ms),
        "dense_query_only_ms": summarize(dense_only_ms),
        "hybrid_without_embed_ms": summarize(hybrid_retrieval),
        "breakdown_median_ms": breakdown,
        "ratio_hybrid_dense": statistics.median(hybrid_ms) / statistics.median(dense_ms),
        "ratio_retrieval_only": statistics.median(hybrid_retrieval)
        / statistics.median(dense_only_ms),
    }
    out["breakdown_median_ms"]["fusion_other_ms"] = statistics.median(
        h - sum(t.get(k, 0.0) for k in breakdown) for h, t in zip(hybrid_ms, parts, strict=True)
    )
    out["hybrid_samples_ms"] = [round(v, 1) for v in hybrid_ms]
    out["dense_baseline_samples_ms"] = [round(v, 1) for v in dense_ms]
    return out


GENERATOR_VERSION = 1  # bump when CollectionGenerator changes: reused collections get rebuilt

# Generated collection: bundled sentences recombined, with other places, people and numbers.
_TITLES = [
    "Hội nghị sơ kết công tác xây dựng nông thôn mới huyện {D} năm {Y}",
    "{P}: triển khai nhiệm vụ xây dựng nông thôn mới năm {Y}",
    "Huyện {D} tập trung hoàn thành các tiêu chí nông thôn mới trong năm {Y}",
    "Tỉnh {P} phấn đấu có thêm {N} xã đạt chuẩn nông thôn mới",
    "Đánh giá tiến độ Chương trình MTQG xây dựng nông thôn mới 6 tháng đầu năm {Y} tại {P}",
    "Xã {C} ({D}) về đích nông thôn mới nâng cao",
]
_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Lương"]
_MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thanh", "Quang", "Hữu", "Tiến", "Xuân"]
_GIVEN = ["Long", "Thắng", "Hùng", "Lan", "Hương", "Tuấn", "Dũng", "Mười", "Chung", "Thiệu"]
# Names in the bundled documents that the generator replaces (place, commune, person).
_KNOWN_PROVINCES = ["Lạng Sơn", "Thái Nguyên"]
_KNOWN_DISTRICTS = ["Đình Lập", "Phú Bình"]
_KNOWN_COMMUNES = ["Hồ Sơn", "Minh Quang", "Thái Bình", "Tân Thành", "Bàn Đạt", "Tân Long"]
_KNOWN_PEOPLE = [
    "Hồ Tiến Thiệu", "Đặng Văn Lộc", "Lê Văn Thắng", "Lưu Đức Long", "Nguyễn Thành Chung",
    "Đinh Văn Mười", "Phạm Ngọc Thưởng", "Dương Văn Lượng",
]  # fmt: skip


class CollectionGenerator:
    """Makes Vietnamese-like NTM documents of ``chunks_per_doc`` chunks with cheap vectors.

    Each generated sentence is a bundled sentence with other names and numbers; a chunk's
    vector is the mean of the real embeddings of its template sentences plus Gaussian noise
    (cosine about 0.85 to that mean), so the vectors cluster the way real ones do.
    """

    def __init__(self, prepared, embedder, settings: Settings, seed: int = 20240601):
        from base.places import DISTRICTS_BY_PROVINCE, PROVINCES

        self.settings = settings
        self.provinces = list(PROVINCES)
        self.districts = {p: list(DISTRICTS_BY_PROVINCE.get(p, ())) or [p] for p in PROVINCES}
        self.all_districts = [d for ds in self.districts.values() for d in ds]
        self.sentences: list[str] = []
        titles = []
        for doc, _ in prepared:
            for start, end in split_sentences(doc.text):
                sentence = doc.text[start:end]
                if len(sentence) >= 40 and len(sentence.split()) >= 8:
                    self.sentences.append(sentence)
                    titles.append(doc.meta.title)
        started = time.perf_counter()
        self.vectors = embedder.embed_documents(self.sentences, titles=titles)
        self.template_embed_s = time.perf_counter() - started
        self.dim = self.vectors.shape[1]
        self.seed = seed
        self.matched = 0
        self.unmatched = 0

    def _vary(self, sentence: str, rng: random.Random, names: dict, year: int) -> str:
        for old, new in names.items():
            sentence = sentence.replace(old, new)

        def number(m: re.Match) -> str:
            digits = m.group()
            if len(digits) == 4 and digits[:2] in ("19", "20"):
                return str(year + rng.randint(-3, 1))
            value = rng.randint(0 if len(digits) > 1 else 1, 10 ** len(digits) - 1)
            return str(value).zfill(len(digits)) if digits.startswith("0") else str(value)

        return re.sub(r"\d+", number, sentence)

    def document(self, j: int, chunks_per_doc: int) -> tuple[Document, list[Chunk], np.ndarray]:
        rng = random.Random(self.seed + j)
        province = rng.choice(self.provinces)
        district = rng.choice(self.districts[province])
        year = rng.randint(2012, 2024)

        def person() -> str:
            return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"

        names = {p: province for p in _KNOWN_PROVINCES}
        names.update({d: district for d in _KNOWN_DISTRICTS})
        names.update({c: rng.choice(self.all_districts) for c in _KNOWN_COMMUNES})
        names.update({p: person() for p in _KNOWN_PEOPLE})
        title = rng.choice(_TITLES).format(
            P=province, D=district, Y=year, N=rng.randint(3, 30), C=rng.choice(self.all_districts)
        )
        template_of: dict[str, int] = {}
        paragraphs: list[str] = []
        size, target = 0, int(chunks_per_doc * self.settings.chunk_chars * 1.3)
        while size < target:
            picked = [rng.randrange(len(self.sentences)) for _ in range(rng.randint(2, 4))]
            varied = [self._vary(self.sentences[t], rng, names, year) for t in picked]
            for t, s in zip(picked, varied, strict=True):
                template_of[s] = t
            paragraphs.append(" ".join(varied))
            size += len(paragraphs[-1])
        date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        text = "\n\n".join([title, date, *paragraphs, person()])
        source = f"gen_{j:05d}.txt"
        doc, chunks = prepare_document(
            source, hashlib.sha256(text.encode()).hexdigest(), text, self.settings.chunk_chars
        )
        if len(chunks) > chunks_per_doc:
            cut = doc.text[: chunks[chunks_per_doc - 1].end]
            doc, chunks = prepare_document(
                source, hashlib.sha256(cut.encode()).hexdigest(), cut, self.settings.chunk_chars
            )
        vectors = np.empty((len(chunks), self.dim), dtype=np.float32)
        for i, chunk in enumerate(chunks):
            ids = []
            for start, end in split_sentences(chunk.text):
                t = template_of.get(chunk.text[start:end])
                if t is None:
                    self.unmatched += 1
                else:
                    self.matched += 1
                    ids.append(t)
            base = (
                self.vectors[ids].mean(axis=0)
                if ids
                else self.vectors[rng.randrange(len(self.sentences))]
            )
            base = base / np.linalg.norm(base)
            noise = np.random.default_rng(self.seed * 7919 + j * 101 + i).standard_normal(self.dim)
            v = base + 0.62 * noise / np.sqrt(self.dim)
            vectors[i] = v / np.linalg.norm(v)
        return doc, chunks, vectors


def build_collection(store: ChromaStore, generator: CollectionGenerator, docs: int, per_doc: int):
    """Insert ``docs`` generated documents the way ingest writes them; returns timings."""
    started = time.perf_counter()
    spent = {"generate_s": 0.0, "upsert_chunks_s": 0.0, "put_document_s": 0.0}
    total = 0
    window = time.perf_counter()
    for j in range(docs):
        t0 = time.perf_counter()
        doc, chunks, vectors = generator.document(j, per_doc)
        t1 = time.perf_counter()
        store.upsert_chunks(chunks, vectors, doc.meta)
        t2 = time.perf_counter()
        store.put_document(doc)
        t3 = time.perf_counter()
        spent["generate_s"] += t1 - t0
        spent["upsert_chunks_s"] += t2 - t1
        spent["put_document_s"] += t3 - t2
        total += len(chunks)
        if (j + 1) % 100 == 0:
            now = time.perf_counter()
            print(
                f"  generated {j + 1}/{docs} documents, {total} chunks, {now - started:.0f} s "
                f"(last 100: {now - window:.1f} s; so far upsert_chunks "
                f"{spent['upsert_chunks_s']:.0f} s, put_document {spent['put_document_s']:.0f} s)"
            )
            window = now
    return total, time.perf_counter() - started, spent


def bench_search(args, tmp_root: Path) -> dict:
    settings = base_settings(tmp_root / "unused")
    machine = machine_info()
    watch = CpuWatch()
    print_header("search: warm hybrid search latency", machine, settings, args)
    embedder, _ = warm_embedder(settings)
    home = fresh_home(tmp_root, "search")
    settings = settings.replace(home=home)
    bot = ingest_bundled(settings, embedder)
    bot.warm_up()
    bundled_chunks = bot.store.count_chunks()
    small = measure_search(bot, args.repeat, "bundled", args.profile, args.quick)
    print(
        f"  bundled ({bundled_chunks} chunks): median {small['hybrid_ms']['median']:.1f} ms, "
        f"p95 {small['hybrid_ms']['p95']:.1f} ms, other processes "
        f"{small['neighbour_cores']:.2f} cores"
    )
    del bot
    gc.collect()

    # The big collection: the bundled documents plus generated ones, in their own index
    # (kept in --collection-dir between runs when given: building it is most of the time).
    docs, per_doc = (100, 20) if args.quick else (1000, 20)
    build = {
        "generator": GENERATOR_VERSION,
        "docs": docs,
        "per_doc": per_doc,
        "quantize": settings.quantize,
        "chunk_chars": settings.chunk_chars,
    }
    if args.collection_dir:
        big_home = args.collection_dir / f"search-{docs}x{per_doc}-q{int(settings.quantize)}"
    else:
        big_home = fresh_home(tmp_root, "search-big")
    marker = big_home / "bench-collection.json"
    recorded = json.loads(marker.read_text()) if marker.exists() else {}
    big_settings = settings.replace(home=big_home)
    if recorded.get("build") == build:
        print(f"  reusing the collection built earlier in {big_home}")
        bot = Assistant(big_settings, embedder=embedder)
        built = dict(recorded["result"], reused=True)
    else:
        if big_home.exists():
            shutil.rmtree(big_home)
        big_home.mkdir(parents=True)
        bot = ingest_bundled(big_settings, embedder)
        generator = CollectionGenerator(bundled_documents(settings), embedder, settings)
        print(
            f"  embedded {len(generator.sentences)} template sentences in "
            f"{generator.template_embed_s:.1f} s; generating {docs} documents × ~{per_doc} chunks"
        )
        generated, build_s, spent = build_collection(bot.store, generator, docs, per_doc)
        generate_s = spent["generate_s"]
        built = {
            "generated_chunks": generated,
            "build_s": build_s,
            "build_generate_s": generate_s,
            "build_upsert_chunks_s": spent["upsert_chunks_s"],
            "build_put_document_s": spent["put_document_s"],
            "build_chroma_s": build_s - generate_s,
            "build_chroma_chunks_per_s": generated / (build_s - generate_s),
            "template_sentences": len(generator.sentences),
            "sentences_matched_to_template": generator.matched
            / max(1, generator.matched + generator.unmatched),
            "reused": False,
        }
        marker.write_text(json.dumps({"build": build, "result": built}, indent=2))
    generated, build_s, generate_s = (
        built["generated_chunks"],
        built["build_s"],
        built["build_generate_s"],
    )
    total_chunks = bot.store.count_chunks()

    # One-off lexical index build, as the first search after a change does it ...
    bot.retriever._snapshot = None  # noqa: SLF001 - force the rebuild we want to time
    gc.collect()
    started = time.perf_counter()
    snap = bot.retriever.snapshot()
    snapshot_s = time.perf_counter() - started
    # ... and its two parts, timed separately: reading every chunk back, indexing them.
    started = time.perf_counter()
    chunks = list(bot.store.iter_chunks())
    fetch_s = time.perf_counter() - started
    titles = {d: m.title for d, m in snap.metas.items()}
    started = time.perf_counter()
    LexicalIndex.build(chunks, titles)
    index_build_s = time.perf_counter() - started
    del chunks
    gc.collect()
    big = measure_search(bot, args.repeat, "generated", args.profile, args.quick)
    print(
        f"  generated ({total_chunks} chunks): median {big['hybrid_ms']['median']:.1f} ms, "
        f"p95 {big['hybrid_ms']['p95']:.1f} ms"
    )
    results = {
        "bundled": dict(small, chunks=bundled_chunks),
        "generated": dict(
            big,
            **built,
            chunks=total_chunks,
            documents=len(bot.documents()),
            lexical_snapshot_s=snapshot_s,
            lexical_fetch_s=fetch_s,
            lexical_index_build_s=index_build_s,
        ),
        "targets": {
            "median_ms_max": TARGET_SEARCH_MS,
            "generated_ok": big["hybrid_ms"]["median"] < TARGET_SEARCH_MS,
        },
    }
    print()
    rows = []
    for name, r, n in (("bundled", small, bundled_chunks), ("generated", big, total_chunks)):
        b = r["breakdown_median_ms"]
        rows.append(
            [
                f"{name} ({n:,} chunks)",
                r["hybrid_ms"]["median"],
                r["hybrid_ms"]["p95"],
                b["embed_ms"],
                b["dense_ms"],
                b["lexical_ms"],
                b["index_ms"],
                r["dense_baseline_ms"]["median"],
                r["ratio_hybrid_dense"],
                r["ratio_retrieval_only"],
            ]
        )
    print(
        md_table(
            [
                "collection",
                "hybrid median ms",
                "p95 ms",
                "embed",
                "dense",
                "lexical",
                "index",
                "dense-only baseline ms",
                "hybrid/dense",
                "hybrid/dense w/o embed",
            ],
            rows,
        )
    )
    print(
        f"\ntarget: median < {TARGET_SEARCH_MS:.0f} ms at {total_chunks:,} chunks "
        f"{verdict(results['targets']['generated_ok'])}"
    )
    print(
        f"collection build: {build_s:.1f} s ({generate_s:.1f} s generating, "
        f"{build_s - generate_s:.1f} s in Chroma); lexical index one-off: {snapshot_s:.2f} s "
        f"(reading {fetch_s:.2f} s + BM25 build {index_build_s:.2f} s, re-timed separately)"
    )
    write_results("search", args, machine, settings, results, watch)
    del bot, snap
    gc.collect()
    return results


# -- 3. ask -----------------------------------------------------------------------------------
def _peak_rss_watcher(pid: int) -> tuple[threading.Thread, dict]:
    """Follow a child's VmHWM (peak RSS of its own address space) until it exits.

    ``ru_maxrss`` of a child is no good here: Linux carries the high-water mark of the
    address space the child had before ``exec`` — a copy of this big benchmark process."""
    peak = {"kib": 0}

    def follow() -> None:
        status = Path(f"/proc/{pid}/status")
        while True:
            try:
                text = status.read_text()
            except OSError:
                return
            match = re.search(r"^VmHWM:\s+(\d+) kB", text, re.MULTILINE)
            if not match:  # a zombie: the address space is gone
                return
            peak["kib"] = max(peak["kib"], int(match.group(1)))
            time.sleep(0.02)

    thread = threading.Thread(target=follow, daemon=True)
    thread.start()
    return thread, peak


def cold_ask(home: Path, question: str) -> dict:
    """``ntm ask`` in a fresh process: time to the printed answer, to exit, and peak RSS."""
    env = dict(os.environ, NTM_HOME=str(home), NTM_PROGRESS="0", PYTHONUNBUFFERED="1")
    watch = CpuWatch()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [str(NTM_BIN), "ask", question],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
        )
        follower, peak = _peak_rss_watcher(proc.pid)
        first_line = proc.stdout.readline()
        answer_s = time.perf_counter() - started
        rest = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        exit_s = time.perf_counter() - started
        follower.join(timeout=5)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"ntm ask failed ({proc.returncode}): {err.read().strip()[-2000:]}")
    return {
        "answer_s": answer_s,
        "exit_s": exit_s,
        "max_rss_mib": peak["kib"] / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "neighbour_cores": watch.report()["neighbour_cores"],
        "answer": (first_line + rest).strip().split("\n")[0][:200],
    }


def profile_cold_ask(home: Path, question: str, quick: bool) -> None:
    """One more cold `ntm ask`, under cProfile: where the seconds before the answer go."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    raw = home.parent / "cold-ask.prof"
    env = dict(os.environ, NTM_HOME=str(home), NTM_PROGRESS="0")
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(raw), "-m", "assistant.cli", "ask", question],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    out = io.StringIO()
    stats = pstats.Stats(str(raw), stream=out).sort_stats("cumulative")
    stats.print_stats(45)
    path = RESULTS / f"ask-cold{'-quick' if quick else ''}.profile.txt"
    path.write_text(out.getvalue(), encoding="utf-8")
    print(f"  cold ask profile written to {path.relative_to(ROOT)}")


def bench_ask(args, tmp_root: Path) -> dict:
    settings = base_settings(tmp_root / "unused")
    machine = machine_info()
    watch = CpuWatch()
    print_header("ask: warm and cold latency", machine, settings, args)
    embedder, _ = warm_embedder(settings)
    home = fresh_home(tmp_root, "ask")
    settings = settings.replace(home=home)
    bot = ingest_bundled(settings, embedder)

    # Cold first, while this process is idle: a new `ntm ask` process over the same index.
    cold_question = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới tính đến tháng 7/2021?"
    cold = []
    for i in range(1 if args.quick else 3):
        settle(f"cold ask {i + 1}")
        run = cold_ask(home, cold_question)
        cold.append(run)
        print(
            f"  cold run {i + 1}: answer after {run['answer_s']:.2f} s, exit {run['exit_s']:.2f} s"
            f", max RSS {run['max_rss_mib']:.0f} MiB"
        )

    if args.profile:
        profile_cold_ask(home, cold_question, args.quick)

    bot.warm_up()
    questions = [q for _, q in QUESTIONS]
    kinds = [k for k, _ in QUESTIONS]
    for q in questions:  # warm-up pass, untimed
        bot.ask(q)

    def loop() -> tuple[list, list, list]:
        wall, parts, abstained = [], [], []
        with maybe_profile(args.profile, "ask", args.quick):
            for _ in range(args.repeat):
                for q in questions:
                    started = time.perf_counter()
                    answer = bot.ask(q)
                    wall.append((time.perf_counter() - started) * 1000)
                    parts.append(answer.timings_ms)
                    abstained.append(answer.abstained)
        return wall, parts, abstained

    (wall, parts, abstained), warm_neighbours = quietly("warm ask", loop)
    keys = [k for k in parts[0] if k != "total_ms"]
    by_kind = {}
    for kind in dict.fromkeys(kinds):
        values = [w for w, k in zip(wall, kinds * args.repeat, strict=True) if k == kind]
        by_kind[kind] = summarize(values)
    slowest = sorted(
        (
            (statistics.median(wall[i :: len(questions)]), questions[i])
            for i in range(len(questions))
        ),
        reverse=True,
    )[:5]
    results = {
        "warm": {
            "questions": len(questions),
            "samples": len(wall),
            "neighbour_cores": warm_neighbours,
            "ms": summarize(wall),
            "breakdown_median_ms": {k: median_of(parts, k) for k in keys},
            "by_kind_ms": by_kind,
            "abstained_share": sum(abstained) / len(abstained),
            "slowest_median_ms": [{"question": q, "ms": ms} for ms, q in slowest],
        },
        "cold": {
            "question": cold_question,
            "runs": cold,
            "answer_s_median": statistics.median(r["answer_s"] for r in cold),
            "exit_s_median": statistics.median(r["exit_s"] for r in cold),
            "max_rss_mib": max(r["max_rss_mib"] for r in cold),
        },
        "targets": {
            "warm_median_ms_max": TARGET_ASK_MS,
            "warm_ok": statistics.median(wall) < TARGET_ASK_MS,
        },
    }
    w = results["warm"]
    print()
    print(
        md_table(
            ["metric", "value", "target"],
            [
                [
                    f"warm ask median ({len(wall)} asks) ms",
                    w["ms"]["median"],
                    f"< {TARGET_ASK_MS:.0f} {verdict(results['targets']['warm_ok'])}",
                ],
                ["warm ask p95 ms", w["ms"]["p95"], ""],
                *[[f"  {k} (median)", v, ""] for k, v in w["breakdown_median_ms"].items()],
                *[
                    [
                        f"  {kind} questions: median / p95 ms",
                        f"{v['median']:.1f} / {v['p95']:.1f}",
                        "",
                    ]
                    for kind, v in by_kind.items()
                ],
                [
                    "cold `ntm ask` to printed answer (s, median)",
                    results["cold"]["answer_s_median"],
                    "",
                ],
                ["cold `ntm ask` to exit (s, median)", results["cold"]["exit_s_median"], ""],
                ["cold `ntm ask` peak RSS (MiB)", results["cold"]["max_rss_mib"], ""],
            ],
        )
    )
    write_results("ask", args, machine, settings, results, watch)
    gc.collect()
    return results


# -- 4. quantization --------------------------------------------------------------------------
def retrieval_quality(bot: Assistant, questions) -> dict:
    """hit@1, hit@5 and MRR of the gold source in ``search(k=10)``, answerable questions."""
    ranks = []
    for q in questions:
        if not (q.answerable and q.sources):
            continue
        hits = bot.search(q.question, k=10)
        ranks.append(next((h.rank for h in hits if h.doc.source in q.sources), None))
    n = len(ranks)
    return {
        "questions": n,
        "hit@1": sum(r == 1 for r in ranks) / n,
        "hit@5": sum(r is not None and r <= 5 for r in ranks) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "ranks": ranks,
    }


def bench_quantization(args, tmp_root: Path) -> dict:
    from assistant.evaluate import load_questions, run_eval

    settings = base_settings(tmp_root / "unused")
    machine = machine_info()
    watch = CpuWatch()
    print_header("quantization: int8 (quantize=True) vs fp32", machine, settings, args)
    prepared = bundled_documents(settings)
    texts = [c.text for _, chunks in prepared for c in chunks]
    titles = [doc.meta.title for doc, chunks in prepared for _ in chunks]
    questions = [q for _, q in QUESTIONS]

    variants: dict[bool, dict] = {}
    embedders: dict[bool, SentenceTransformerEmbedder] = {}
    for quantize in (True, False):
        _EMBEDDERS.pop(quantize, None)  # a fresh load, so its time is measured
        gc.collect()
        embedder, load_s = warm_embedder(settings.replace(quantize=quantize))
        embedders[quantize] = embedder
        variants[quantize] = {"load_s": load_s, "encode_s": [], "query_ms": []}
        print(f"  quantize={quantize}: model loaded and warmed in {load_s:.1f} s")

    # Speed, the two variants interleaved so that drift on the machine hits both alike.
    vectors = {}

    def encode_loop() -> dict[bool, list[float]]:
        seconds: dict[bool, list[float]] = {True: [], False: []}
        for r in range(args.repeat):
            for quantize in (True, False) if r % 2 == 0 else (False, True):
                started = time.perf_counter()
                vectors[quantize] = embedders[quantize].embed_documents(texts, titles=titles)
                seconds[quantize].append(time.perf_counter() - started)
        return seconds

    def query_loop() -> dict[bool, list[float]]:
        ms: dict[bool, list[float]] = {True: [], False: []}
        for r in range(args.repeat):
            for q in questions:
                for quantize in (True, False) if r % 2 == 0 else (False, True):
                    started = time.perf_counter()
                    embedders[quantize].embed_query(q)
                    ms[quantize].append((time.perf_counter() - started) * 1000)
        return ms

    encode_s, speed_neighbours = quietly("passage encoding", encode_loop)
    for quantize in (True, False):
        for q in questions:  # warm-up pass
            embedders[quantize].embed_query(q)
    query_ms, query_neighbours = quietly("query embedding", query_loop)
    for quantize in (True, False):
        variants[quantize]["encode_s"] = encode_s[quantize]
        variants[quantize]["query_ms"] = query_ms[quantize]
    agreement = np.sum(vectors[True] * vectors[False], axis=1)

    # Quality: a fresh index per variant, the eval set's answerable questions.
    eval_questions, problems = load_questions(EVAL_QUESTIONS)
    rankings: dict[bool, list[list[str]]] = {}
    for quantize in (True, False):
        home = fresh_home(tmp_root, f"quant-{int(quantize)}")
        bot = ingest_bundled(settings.replace(home=home, quantize=quantize), embedders[quantize])
        bot.warm_up()
        quality = retrieval_quality(bot, eval_questions)
        rankings[quantize] = [
            [h.chunk.chunk_id for h in bot.search(q, k=5)] for q in questions
        ]  # the benchmark's own questions: do the two variants rank the same passages?
        report = run_eval(bot, eval_questions)
        summary = report.summary()
        v = variants[quantize]
        v.update(
            passages_per_s=len(texts) / statistics.median(v["encode_s"]),
            encode_s_median=statistics.median(v["encode_s"]),
            query=summarize(v["query_ms"]),
            retrieval=quality,
            eval={
                "correct": summary["correct"],
                "questions": summary["questions"],
                "accuracy": summary["accuracy"],
                "retrieval_from_run_eval": summary["retrieval"],
                "ask_latency_ms": summary["latency_ms"],
                "failed": [r.question.id for r in report.results if not r.correct],
            },
        )
        del bot
        gc.collect()
    for quantize in (True, False):
        _EMBEDDERS.pop(quantize, None)
    embedders.clear()
    gc.collect()

    q8, f32 = variants[True], variants[False]
    results = {
        "passages": len(texts),
        "eval_file": str(EVAL_QUESTIONS.relative_to(ROOT)),
        "eval_malformed_lines": [str(p) for p in problems],
        "int8": q8,
        "fp32": f32,
        "neighbour_cores": {"encoding": speed_neighbours, "query": query_neighbours},
        "speedup_encode_int8_over_fp32": q8["passages_per_s"] / f32["passages_per_s"],
        "speedup_query_int8_over_fp32": f32["query"]["median"] / q8["query"]["median"],
        "ranking_agreement": {
            "questions": len(questions),
            "top1_same": sum(
                a[:1] == b[:1] for a, b in zip(rankings[True], rankings[False], strict=True)
            )
            / len(questions),
            "overlap_at_5": statistics.mean(
                len(set(a) & set(b)) / max(1, len(b))
                for a, b in zip(rankings[True], rankings[False], strict=True)
            ),
        },
        "cosine_int8_vs_fp32": {
            "mean": float(agreement.mean()),
            "min": float(agreement.min()),
        },
    }
    print()
    rows = []
    for name, v in (("int8 (quantize=True)", q8), ("fp32 (quantize=False)", f32)):
        rows.append(
            [
                name,
                v["load_s"],
                v["passages_per_s"],
                v["query"]["median"],
                v["query"]["p95"],
                v["retrieval"]["hit@1"],
                v["retrieval"]["hit@5"],
                v["retrieval"]["mrr"],
                f"{v['eval']['correct']}/{v['eval']['questions']}",
            ]
        )
    print(
        md_table(
            [
                "variant",
                "load+warm s",
                "passages/s",
                "query median ms",
                "query p95 ms",
                "hit@1",
                "hit@5",
                "MRR",
                "eval correct",
            ],
            rows,
        )
    )
    print(
        f"\nint8 speed-up: encode ×{results['speedup_encode_int8_over_fp32']:.2f}, query "
        f"×{results['speedup_query_int8_over_fp32']:.2f}; cosine int8 vs fp32 passage vectors: "
        f"mean {results['cosine_int8_vs_fp32']['mean']:.4f}, "
        f"min {results['cosine_int8_vs_fp32']['min']:.4f}"
    )
    agree = results["ranking_agreement"]
    print(
        f"search(k=5) on the {agree['questions']} benchmark questions, int8 vs fp32: same top "
        f"passage {agree['top1_same']:.0%}, overlap of the top 5 {agree['overlap_at_5']:.0%}"
    )
    for v in (q8, f32):  # keep the JSON readable: raw samples summarised above
        v["encode_s"] = [round(x, 3) for x in v["encode_s"]]
        v.pop("query_ms")
    write_results("quantization", args, machine, settings, results, watch)
    return results


# -- 5. reindex -------------------------------------------------------------------------------
def bench_reindex(args, tmp_root: Path) -> dict:
    """``reindex`` with the same model (unchanged chunks keep their vectors) against
    ``reindex(full=True)`` (every chunk embedded again, as reindex did before), alternating."""
    settings = base_settings(tmp_root / "unused")
    machine = machine_info()
    watch = CpuWatch()
    print_header("reindex: keep unchanged vectors vs re-embed all", machine, settings, args)
    embedder, _ = warm_embedder(settings)
    bot = ingest_bundled(settings.replace(home=fresh_home(tmp_root, "reindex")), embedder)
    n_chunks = bot.store.count_chunks()
    probe = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?"
    expected = bot.ask(probe).answer

    def run(full: bool) -> dict:
        watch, cpu0 = CpuWatch(), own_cpu()
        started = time.perf_counter()
        report = bot.reindex(full=full)
        wall = time.perf_counter() - started
        if report.chunks != n_chunks or bot.ask(probe).answer != expected:
            raise SystemExit(f"reindex changed the index: {report.to_dict()}")
        key = "full" if full else "keep"
        return {
            f"{key}_s": wall,
            f"{key}_cpu_s": own_cpu() - cpu0,
            f"{key}_embedded": report.embedded,
            f"{key}_neighbour_cores": watch.report()["neighbour_cores"],
        }

    runs = []
    for i in range(args.repeat):
        order = (False, True) if i % 2 == 0 else (True, False)

        def pair(order=order) -> dict:
            row: dict = {"order": "/".join("full" if f else "keep" for f in order)}
            for full in order:
                row.update(run(full))
            return row

        row, _ = quietly(f"reindex run {i + 1}", pair)
        row["ratio"] = row["keep_s"] / row["full_s"]
        runs.append(row)
        print(
            f"  run {i + 1}/{args.repeat} ({row['order']}): keep {row['keep_s']:.2f} s "
            f"({row['keep_embedded']} embedded), full {row['full_s']:.2f} s "
            f"({row['full_embedded']} embedded), ratio {row['ratio']:.3f}"
        )
    med = {k: median_of(runs, k) for k in runs[0] if k != "order"}
    results = {"chunks": n_chunks, "median": med, "runs": runs}
    print()
    print(
        md_table(
            [f"metric (median of {args.repeat})", "value"],
            [
                ["reindex, same model: chunks embedded", med["keep_embedded"]],
                ["reindex, same model (s)", med["keep_s"]],
                ["reindex --full: chunks embedded", med["full_embedded"]],
                ["reindex --full (s)", med["full_s"]],
                ["ratio same-model / full", med["ratio"]],
            ],
        )
    )
    write_results("reindex", args, machine, settings, results, watch)
    return results


# -- command line -----------------------------------------------------------------------------
SECTIONS: dict[str, Callable] = {
    "ingest": bench_ingest,
    "search": bench_search,
    "ask": bench_ask,
    "quantization": bench_quantization,
    "reindex": bench_reindex,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("section", choices=[*SECTIONS, "all"])
    parser.add_argument("--repeat", type=int, default=None, help="repetitions (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 2,000-chunk collection, 1 repeat"
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the timed search/ask loops"
    )
    parser.add_argument(
        "--collection-dir",
        type=Path,
        help="keep the generated search collection here and reuse it on later runs",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="SECONDS",
        help="wait up to SECONDS for other processes to go idle before each timed loop, "
        "and measure a disturbed loop again (up to 3 times)",
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows up in logs as it happens
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    QUIET["limit_s"] = args.wait_quiet
    import logging
    import warnings

    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")
    names = list(SECTIONS) if args.section == "all" else [args.section]
    with tempfile.TemporaryDirectory(prefix="ntm-bench-") as tmp:
        for name in names:
            if args.wait_quiet:
                busy = wait_quiet(args.wait_quiet)
                print(f"(other processes now use {busy:.2f} cores)")
            started = time.perf_counter()
            SECTIONS[name](args, Path(tmp))
            print(
                f"({name} took {time.perf_counter() - started:.0f} s; bench peak RSS "
                f"{rss_mib():.0f} MiB)"
            )
            gc.collect()
    return 0


if __name__ == "__main__":
    sys.exit(main())
