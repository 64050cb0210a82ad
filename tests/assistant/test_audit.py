"""The audit log: one JSON line per change to the collection, whole even with two writers."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from assistant.audit import AuditLog
from assistant.core import Assistant
from tests.conftest import ROOT

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
