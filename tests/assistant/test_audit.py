"""The audit log: one JSON line per change to the collection, whole even with two writers."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from assistant.audit import AuditLog
from assistant.core import Assistant
from assistant.users import UsersFile
from base.settings import Settings
from tests.conftest import CLI, ROOT, cli_ingest, kill_after_lines

REPORT = (
    "Huyện Tràng Định đạt thêm 3 xã nông thôn mới\n\n"
    "Ngày 12/12/2022, huyện Tràng Định, tỉnh Lạng Sơn có thêm 3 xã đạt chuẩn nông thôn mới, "
    "nâng tổng số lên 9 xã.\n"
)


def lines(settings) -> list[dict]:
    text = settings.audit_file.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_ingest_remove_and_reindex_each_leave_a_line(settings, fake_embedder, tmp_path):
    bot = Assistant(settings, embedder=fake_embedder)
    folder = tmp_path / "in"
    folder.mkdir()
    report = folder / "trang-dinh.txt"
    report.write_text(REPORT, encoding="utf-8")
    (folder / "rong.txt").write_text("  ", encoding="utf-8")
    bot.ingest([folder], actor="lan")
    bot.ingest([folder], actor="lan")  # unchanged: not logged; rejected again: logged
    bot.reindex(actor="cli:root")
    bot.remove("trang-dinh.txt", actor="hoa")

    logged = lines(settings)
    assert [(e["user"], e["action"], e["source"]) for e in logged] == [
        ("lan", "ingest", "trang-dinh.txt"),
        ("lan", "ingest", "rong.txt"),
        ("lan", "ingest", "rong.txt"),
        ("cli:root", "reindex", None),
        ("hoa", "delete", "trang-dinh.txt"),
    ]
    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    assert logged[0]["sha256"] == digest and logged[0]["result"] == "added"
    assert logged[1]["result"].startswith("rejected: ") and "rỗng" in logged[1]["result"]
    assert logged[3]["result"].startswith("1 documents")
    assert logged[4]["sha256"] == digest and logged[4]["result"] == "deleted"
    assert all(e["time"].endswith("+00:00") for e in logged)  # ISO, UTC
    assert AuditLog(settings.audit_file).entries()[0]["action"] == "delete"  # newest first


def test_a_failed_delete_is_logged_with_its_error(settings, fake_embedder):
    bot = Assistant(settings, embedder=fake_embedder)
    try:
        bot.remove("khong-co.txt", actor="lan")
    except Exception:  # noqa: BLE001 - the error itself is tested elsewhere
        pass
    (entry,) = lines(settings)
    assert entry["action"] == "delete" and entry["result"].startswith("error: Không có tài liệu")


def test_two_processes_appending_at_once_never_mix_their_lines(tmp_path):
    path = tmp_path / "audit.jsonl"
    writer = (
        "import sys; from assistant.audit import AuditLog\n"
        "log = AuditLog(sys.argv[1])\n"
        "for i in range(400):\n"
        "    log.record(sys.argv[2], 'ingest', source=sys.argv[2] * 3000 + str(i), result='added')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", writer, str(path), who], cwd=ROOT)
        for who in ("a", "b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 800
    for who in ("a", "b"):
        mine = [e["source"] for e in entries if e["user"] == who]
        assert mine == [who * 3000 + str(i) for i in range(400)]


def test_user_changes_are_logged_with_who_made_them(settings):
    users = UsersFile(settings.users_file, audit=AuditLog(settings.audit_file))
    users.add("quan", "admin", "mat-khau-dai", actor="cli:root")
    users.add("lan", "editor", "mat-khau-dai", actor="quan")
    users.set_role("lan", "reader", actor="quan")
    users.set_password("lan", "mat-khau-moi", actor="quan")
    users.remove("lan", actor="quan")
    with pytest.raises(Exception, match="quản trị viên cuối cùng"):
        users.remove("quan", actor="quan")  # refused: nothing changed, nothing logged
    assert [(e["user"], e["action"], e["source"], e["result"]) for e in lines(settings)] == [
        ("cli:root", "user_add", "quan", "admin (password)"),
        ("quan", "user_add", "lan", "editor (password)"),
        ("quan", "user_role", "lan", "editor → reader"),
        ("quan", "user_password", "lan", "password changed"),
        ("quan", "user_remove", "lan", "removed (reader)"),
    ]
    assert "mat-khau" not in settings.audit_file.read_text(encoding="utf-8")


@pytest.mark.integration
def test_a_killed_ingest_leaves_no_committed_document_without_its_line(tmp_path):
    """``ntm ingest`` (real model, embedded Chroma) killed while it commits documents: every
    document the home holds has its audit line, and the next run logs the rest."""
    folder = tmp_path / "docs"
    folder.mkdir()
    total = 300  # three embedding groups of one-passage documents
    for i in range(total):
        (folder / f"xa-{i:03d}.txt").write_text(
            f"Báo cáo xã Thử Nghiệm {i}\n\nNăm 2022, xã Thử Nghiệm {i} có {i % 9 + 1} thôn đạt "
            "chuẩn nông thôn mới kiểu mẫu.\n",
            encoding="utf-8",
        )
    home = tmp_path / "home"
    env = {**os.environ, "NTM_HOME": str(home), "NTM_PROGRESS": "0"}
    proc = subprocess.Popen(
        [*CLI, "ingest", str(folder)], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    audit = home / "audit.jsonl"
    deadline = time.monotonic() + 600
    # until the run is committing (a few lines written), as a reader of the log would see it
    while not (audit.exists() and len(audit.read_bytes().splitlines()) >= 5):
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "no document committed in time"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    settings = Settings.from_env({"NTM_HOME": str(home)})
    committed = {m.source for m in Assistant(settings).documents()}
    logged = {e["source"] for e in AuditLog(audit).entries(limit=None) if e["action"] == "ingest"}
    assert 0 < len(committed) < total  # killed mid-run
    assert committed <= logged, sorted(committed - logged)

    cli_ingest(folder, home)  # the next run logs the rest
    committed = {m.source for m in Assistant(settings).documents()}
    logged = {e["source"] for e in AuditLog(audit).entries(limit=None) if e["action"] == "ingest"}
    assert len(committed) == total and committed <= logged


IMPORT_WORKER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.conftest import FakeEmbedder
from assistant.core import Assistant
from base.settings import Settings
from vectorstore.chroma_store import ChromaStore


class Slow(ChromaStore):
    def put_documents(self, docs):
        super().put_documents(docs)
        print("committed", flush=True)
        time.sleep(0.5)  # the test kills the process in here


settings = Settings.from_env()
bot = Assistant(settings, embedder=FakeEmbedder(), store=Slow(settings))
bot.import_collection({export!r}, actor="cli:test")
print("done", flush=True)
"""


def test_a_killed_import_leaves_no_committed_document_without_its_line(
    fake_assistant, docs_copy, tmp_path
):
    fake_assistant.ingest([docs_copy])
    export = tmp_path / "ban-xuat.zip"
    fake_assistant.export(export)
    script = tmp_path / "import.py"
    script.write_text(IMPORT_WORKER.format(root=str(ROOT), export=str(export)), encoding="utf-8")
    home = tmp_path / "other-home"
    kill_after_lines(script, "committed", 2, env={"NTM_HOME": str(home)})

    settings = Settings.from_env({"NTM_HOME": str(home)})
    committed = {m.source for m in Assistant(settings).documents()}
    logged = {e["source"] for e in AuditLog(settings.audit_file).entries(limit=None)}
    assert 0 < len(committed) < 5
    assert committed <= logged, sorted(committed - logged)
