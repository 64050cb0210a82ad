"""Ingest runs end to end (fake embedder, real Chroma): bad input, idempotence, crashes."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core import Assistant
from tests.conftest import ROOT, FakeEmbedder


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_bad_files_are_reported_with_reasons_and_the_good_ones_still_go_in(
    fake_assistant, docs_copy, tmp_path
):
    bad = tmp_path / "bad"
    _write(bad / "empty.txt", "")
    _write(bad / "binary.txt", bytes(range(256)) * 20)
    _write(bad / "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    _write(bad / "broken.docx", b"PK\x03\x04 not a zip")
    _write(bad / "notes.xyz", "Văn bản")
    _write(bad / "big.txt", "Nông thôn mới. " * 200_000)  # ~3 MB > the 1 MB limit below
    bot = Assistant(fake_assistant.settings.replace(max_file_mb=1), embedder=FakeEmbedder())
    report = bot.ingest([docs_copy, bad, tmp_path / "missing.txt"])
    assert sorted(report.added) == sorted(p.name for p in docs_copy.glob("*.txt"))
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "broken.pdf",
        "broken.docx",
        "notes.xyz",
        "big.txt",
        "missing.txt",
    }
    assert "rỗng" in reasons["empty.txt"]
    assert "PDF" in reasons["broken.pdf"] and "DOCX" in reasons["broken.docx"].upper()
    assert "NTM_MAX_FILE_MB" in reasons["big.txt"]
    assert report.exit_code == 3
    assert len(bot.documents()) == 5


def test_two_files_with_the_same_name_do_not_overwrite_each_other(fake_assistant, tmp_path):
    text = "Hội nghị NTM\n\nNgày 1/2/2022, huyện Bắc Sơn có 5 xã đạt chuẩn nông thôn mới."
    _write(tmp_path / "a" / "bao-cao.txt", text)
    _write(tmp_path / "b" / "bao-cao.txt", text.replace("5 xã", "7 xã"))
    report = fake_assistant.ingest([tmp_path / "a", tmp_path / "b"])
    assert report.added == ["bao-cao.txt"]
    assert len(report.rejected) == 1 and "bao-cao.txt" in report.rejected[0].reason
    assert "5 xã" in fake_assistant.document("bao-cao.txt").text


def test_a_crash_in_the_middle_leaves_an_index_the_next_ingest_completes(
    settings, docs_copy, monkeypatch
):
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "EMBED_GROUP", 5)

    class Crashing(FakeEmbedder):
        def embed_documents(self, texts, titles=None):
            if self.calls == 2:
                self.calls += 1
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C
            return super().embed_documents(texts, titles)

    crashing = Assistant(settings, embedder=Crashing())
    with pytest.raises(KeyboardInterrupt):
        crashing.ingest([docs_copy])
    partial = {m.source for m in crashing.documents()}
    assert 0 < len(partial) < 5
    # nothing half-written is visible to search
    for hit in crashing.search("nông thôn mới xã đạt chuẩn", k=20):
        assert hit.doc.source in partial

    bot = Assistant(settings, embedder=FakeEmbedder())
    report = bot.ingest([docs_copy])
    assert sorted(report.added) == sorted({p.name for p in docs_copy.glob("*.txt")} - partial)
    assert sorted(report.unchanged) == sorted(partial)
    _assert_complete_without_duplicates(bot)


def _assert_complete_without_duplicates(bot):
    total = 0
    for meta in bot.documents():
        got = bot.store.chunks.get(where={"doc_id": meta.doc_id}, include=["metadatas"])
        starts = [m["start"] for m in got["metadatas"]]
        assert len(starts) == len(set(starts)) == meta.chunk_count, meta.source
        total += meta.chunk_count
    assert bot.store.count_chunks() == total


WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
import ingest.pipeline as pipeline
from assistant.core import Assistant
from assistant.settings import Settings

pipeline.EMBED_GROUP = 3

class Slow(FakeEmbedder):
    def embed_documents(self, texts, titles=None):
        print("embedding", flush=True)
        time.sleep(0.4)
        return super().embed_documents(texts, titles)

Assistant(Settings.from_env(), embedder=Slow()).ingest([{docs!r}])
print("done", flush=True)
"""


def test_a_killed_ingest_is_completed_by_the_next_one(settings, docs_copy, tmp_path):
    script = tmp_path / "worker.py"
    script.write_text(WORKER.format(root=str(ROOT), docs=str(docs_copy)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env
    )
    seen = 0
    deadline = time.monotonic() + 120
    while seen < 4 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, "the worker ended before it could be killed"
        seen += line.startswith("embedding")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    bot = Assistant(settings, embedder=FakeEmbedder())
    before = {m.source for m in bot.documents()}
    assert len(before) < 5
    report = bot.ingest([docs_copy])
    assert len(report.added) + len(report.unchanged) == 5 and not report.rejected
    _assert_complete_without_duplicates(bot)
