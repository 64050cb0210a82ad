"""The safety net of a refactoring: every answer of several question sets, as hashes.

    .venv/bin/python benchmarks/answer_snapshot.py [--set NAME=FOLDER[:QUESTIONS] …]
        [--write FILE | --check FILE] [--only NAME]… [--show N]   (--only repeats: --only dev --only heldout)

Each set is ingested into a fresh temporary home (so the facts are read by the code as it is
now), every question is asked, and ``Answer.to_dict()`` without its timings is reduced to one
short hash per field. ``--write`` stores the hashes; ``--check`` compares with a stored file and
lists, per set, the questions whose answer changed and which fields changed. Only ids, hashes
and scores are written, never a document's or a question's text, so that a third-party set
(``../shared/eval/real-dev``) can be guarded without copying it into the project.

The default sets are the project's own: ``dev`` (documents/ with eval/questions.jsonl),
``heldout`` (documents/ with eval/heldout_questions.jsonl) and ``collection``
(tests/fixtures/collection). Add others with ``--set real-dev=../shared/eval/real-dev``.

Embeddings are cached on disk by text (``--cache``, default under the system's temp folder):
the same text always gets the same vector, so a run measures the answering code alone, and a
second run does not spend minutes embedding.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import shutil
import sqlite3
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Settings  # noqa: E402
from assistant.evaluate import load_questions, score  # noqa: E402
from vectorstore.embedder import SentenceTransformerEmbedder  # noqa: E402

DEFAULT_SETS = {
    "dev": (ROOT / "documents", ROOT / "eval" / "questions.jsonl"),
    "heldout": (ROOT / "documents", ROOT / "eval" / "heldout_questions.jsonl"),
    "collection": (
        ROOT / "tests" / "fixtures" / "collection",
        ROOT / "tests" / "fixtures" / "collection_questions.jsonl",
    ),
}


class CachedEmbedder:
    """The real embedder behind a disk cache keyed by what is embedded (an ``Embedder``)."""

    def __init__(self, inner: SentenceTransformerEmbedder, path: Path):
        self.inner = inner
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS v (k TEXT PRIMARY KEY, b BLOB)")

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def _key(self, kind: str, text: str, title: str | None = None) -> str:
        raw = json.dumps([self.inner.name, kind, text, title], ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()

    def _get(self, key: str) -> np.ndarray | None:
        row = self.db.execute("SELECT b FROM v WHERE k = ?", (key,)).fetchone()
        return None if row is None else np.frombuffer(row[0], dtype=np.float32).copy()

    def _put(self, key: str, vector: np.ndarray) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO v VALUES (?, ?)",
            (key, np.asarray(vector, np.float32).tobytes()),
        )
        self.db.commit()

    def embed_documents(self, texts, titles=None):
        titles = list(titles) if titles is not None else [None] * len(texts)
        keys = [self._key("doc", t, ti) for t, ti in zip(texts, titles, strict=True)]
        out = [self._get(k) for k in keys]
        missing = [i for i, v in enumerate(out) if v is None]
        if missing:
            fresh = self.inner.embed_documents(
                [texts[i] for i in missing],
                titles=None if titles[0] is None else [titles[i] for i in missing],
            )
            for i, vector in zip(missing, fresh, strict=True):
                self._put(keys[i], vector)
                out[i] = vector
        if not out:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack(out).astype(np.float32)

    def embed_query(self, text):
        key = self._key("query", text)
        vector = self._get(key)
        if vector is None:
            vector = self.inner.embed_query(text)
            self._put(key, vector)
        return vector


def _digest(value) -> str:
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def snapshot_set(name, docs: Path, questions_path: Path, embedder, home_root: Path) -> dict:
    home = home_root / name
    shutil.rmtree(home, ignore_errors=True)
    settings = Settings.from_env().replace(home=home, progress=False)
    bot = Assistant(settings, embedder=embedder)
    started = time.perf_counter()
    bot.ingest([docs])
    ingest_s = time.perf_counter() - started
    questions, problems = load_questions(questions_path)
    answers, right = {}, 0
    texts: dict[str, str] = {}
    started = time.perf_counter()
    for q in questions:
        answer = bot.ask(q.question)
        data = answer.to_dict()
        data.pop("timings_ms", None)
        answers[q.id] = {key: _digest(value) for key, value in data.items()}
        for c in answer.citations:
            if c.source not in texts:
                texts[c.source] = bot.document(c.source).text
        correct = score(q, answer, texts)[0]
        answers[q.id]["right"] = correct
        right += correct
    ask_s = time.perf_counter() - started
    print(
        f"{name}: {right}/{len(questions)} right by the direct-answer rule "
        f"(ingest {ingest_s:.1f} s, ask {ask_s:.1f} s)",
        flush=True,
    )
    return {"questions": len(questions), "right": right, "answers": answers}


def _mark(right: bool) -> str:
    return "right" if right else "wrong"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", default=[], dest="sets", metavar="NAME=DIR")
    parser.add_argument("--only", action="append", default=[], help="run only these sets")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", type=Path, help="write the snapshot to this file")
    mode.add_argument("--check", type=Path, help="compare with this snapshot file")
    parser.add_argument("--show", type=int, default=20, help="changed ids to list per set")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "ntm-embed-cache.sqlite"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore")

    sets = dict(DEFAULT_SETS)
    for spec in args.sets:
        name, _, rest = spec.partition("=")
        folder_text, _, questions_text = rest.partition(":")
        folder = Path(folder_text).resolve()
        docs = folder / "docs" if (folder / "docs").is_dir() else folder
        sets[name] = (docs, Path(questions_text) if questions_text else folder / "questions.jsonl")
    if args.only:
        sets = {k: v for k, v in sets.items() if k in args.only}

    settings = Settings.from_env().replace(progress=False)
    embedder = CachedEmbedder(SentenceTransformerEmbedder(settings), args.cache)
    home_root = Path(tempfile.mkdtemp(prefix="ntm-snapshot-"))
    result = {}
    try:
        for name, (docs, questions) in sets.items():
            result[name] = snapshot_set(name, docs, questions, embedder, home_root)
    finally:
        shutil.rmtree(home_root, ignore_errors=True)

    if args.write:
        old = json.loads(args.write.read_text()) if args.write.exists() else {}
        old.update(result)
        args.write.write_text(json.dumps(old, indent=1, sort_keys=True) + "\n")
        print(f"written to {args.write}")
    if args.check:
        stored = json.loads(args.check.read_text())
        changed_any = False
        for name, now in result.items():
            before = stored.get(name)
            if before is None:
                print(f"{name}: not in {args.check}")
                continue
            changed = {
                qid: sorted(
                    k
                    for k, v in fields.items()
                    if k != "right" and before["answers"].get(qid, {}).get(k) != v
                )
                for qid, fields in now["answers"].items()
            }
            changed = {qid: keys for qid, keys in changed.items() if keys}
            changed_any |= bool(changed)
            print(
                f"{name}: {len(changed)} of {len(now['answers'])} answers changed; right "
                f"{before['right']} -> {now['right']}"
            )
            for qid, keys in list(changed.items())[: args.show]:
                was = before["answers"].get(qid, {}).get("right")
                is_now = now["answers"][qid]["right"]
                verdict = "" if was is None else f"  [{_mark(was)} -> {_mark(is_now)}]"
                print(f"  {qid}: {', '.join(keys)}{verdict}")
        return 1 if changed_any else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
