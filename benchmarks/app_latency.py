"""The app as a user meets it: is the first answer after start as fast as the tenth?

Each run starts ``streamlit run app.py`` afresh (a new process, nothing loaded) on an index
of the bundled documents, opens it in headless Chromium and, as soon as the question box
appears, asks ten questions of ``eval/questions.jsonl`` one after the other, then the first
question again. Timed, as a user sees it: from Enter until the answer and its citation cards
are drawn and the page is idle. The baseline is in the same run: the same first question
asked again, warm (``first / again``), and the median of questions 2–10.

Usage::

    .venv/bin/python benchmarks/app_latency.py [--runs 3] [--questions 10]

Prints a Markdown table and writes ``benchmarks/results/app_latency.json``. Needs the model
in the cache (``ntm model fetch``) and Chromium (``make browser``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 600_000

ANSWERED = (  # one answer more, its status finished, its cards drawn, the page idle
    "(n) => document.querySelectorAll('.ntm-answer').length > n && "
    "!document.querySelector('[data-testid=stStatusWidgetRunningIcon], "
    "[data-testid=stStatusWidgetRunningManIcon]') && "
    "!document.querySelector('[data-stale=true]') && "
    "[...document.querySelectorAll('.ntm-cited, .ntm-related')]"
    ".every(c => c.querySelector('.ntm-passage'))"
)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(home: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "NTM_HOME": str(home), "NTM_PROGRESS": "0"}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"streamlit exited:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def ask(page, question: str) -> float:
    """Seconds from Enter until the answer is drawn whole."""
    before = page.locator(".ntm-answer").count()
    page.get_by_test_id("stChatInputTextArea").fill(question)
    started = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(ANSWERED, arg=before, timeout=TIMEOUT_MS, polling=50)
    return time.perf_counter() - started


def one_run(browser, home: Path, questions: list[str], log_path: Path) -> dict:
    started = time.perf_counter()
    proc, url = start_app(home, log_path)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        opened = time.perf_counter()
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=TIMEOUT_MS)
        ready = time.perf_counter()
        seconds = [ask(page, q) for q in questions]
        again = ask(page, questions[0])
        page.close()
    finally:
        stop(proc)
    return {
        "server_start_s": opened - started,
        "page_to_ready_s": ready - opened,
        "ask_s": seconds,
        "first_again_s": again,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=10)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: make browser")
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    pool = [json.loads(line)["question"] for line in lines if line.strip()]

    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="ntm-app-latency-"))
    try:
        home = tmp / "home"
        env = {**os.environ, "NTM_HOME": str(home), "NTM_PROGRESS": "0"}
        subprocess.run(
            [sys.executable, "-m", "assistant.cli", "ingest", str(ROOT / "documents")],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        runs = []
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for r in range(args.runs):
                # a different first question in each run, so no one question decides
                start = (r * args.questions) % len(pool)
                questions = (pool[start:] + pool[:start])[: args.questions]
                run = one_run(browser, home, questions, tmp / f"streamlit-{r}.log")
                runs.append(run)
                print(
                    f"run {r + 1}: ready {run['page_to_ready_s']:.1f} s after the page opened; "
                    + ", ".join(f"{s:.2f}" for s in run["ask_s"])
                    + f"; first again {run['first_again_s']:.2f} s",
                    file=sys.stderr,
                )
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    med = statistics.median
    first = med(r["ask_s"][0] for r in runs)
    tenth = med(r["ask_s"][-1] for r in runs)
    again = med(r["first_again_s"] for r in runs)
    rest = med(s for r in runs for s in r["ask_s"][1:])
    result = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "runs": runs,
        "median": {
            "page_to_ready_s": med(r["page_to_ready_s"] for r in runs),
            "first_s": first,
            "tenth_s": tenth,
            "questions_2_to_n_s": rest,
            "first_again_s": again,
            "first_over_again": med(r["ask_s"][0] / r["first_again_s"] for r in runs),
            "first_over_tenth": first / tenth,
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "app_latency.json").write_text(json.dumps(result, indent=2) + "\n")
    m = result["median"]
    print(f"| app, {args.runs} fresh starts × {args.questions} questions | median |")
    print("|---|---|")
    print(f"| page opened → question box ready (model, index) | {m['page_to_ready_s']:.1f} s |")
    print(f"| 1st question after start | {m['first_s']:.2f} s |")
    print(f"| 10th question | {m['tenth_s']:.2f} s |")
    print(f"| questions 2–{args.questions} | {m['questions_2_to_n_s']:.2f} s |")
    print(f"| 1st question asked again, warm (baseline) | {m['first_again_s']:.2f} s |")
    print(f"| ratio 1st / same question again | {m['first_over_again']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
