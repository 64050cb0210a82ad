"""Files that expand: a DOCX/XLSX zip bomb is refused from its directory, in a real process
whose peak memory is measured; PDFs and texts are bounded by pages and characters."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import ROOT, FakeEmbedder

# what the ingest process may use at its peak, chromadb imported (measured: 132 MiB)
MEMORY_CEILING_MIB = 512
# the bound for a package whose directory lies about its sizes
LYING_CEILING_MIB = 300

_PARAGRAPH = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
_ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'


def _bomb(path: Path, kind: str, megabytes: int) -> Path:
    """A real package whose one XML part unpacks to ``megabytes`` of tiny paragraphs/rows,
    written in pieces (the test never holds it in memory)."""
    buffer = io.BytesIO()
    if kind == "docx":
        import docx

        docx.Document().save(buffer)
        part, piece = "word/document.xml", _PARAGRAPH
        head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        tail = b"</w:body></w:document>"
    else:
        import openpyxl

        openpyxl.Workbook().save(buffer)
        part, piece = "xl/worksheets/sheet1.xml", _ROW
        head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        tail = b"</sheetData></worksheet>"
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    block = piece * (1024 * 1024 // len(piece))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            if info.filename != part:
                out.writestr(info, source.read(info))
        with out.open(part, "w", force_zip64=True) as xml:
            xml.write(head)
            for _ in range(megabytes):
                xml.write(block)
            xml.write(tail)
    return path


INGEST = """
import json, sys
from tests.conftest import FakeEmbedder
from assistant import Assistant, Settings
report = Assistant(Settings.from_env(), embedder=FakeEmbedder()).ingest(sys.argv[1:])
print(json.dumps({
    "rejected": [[r.path, r.reason] for r in report.rejected],
    "added": report.added,
    # this process image's own peak (VmHWM); getrusage's ru_maxrss would include the peak of
    # the test runner it was forked from
    "peak_mib": int(next(
        line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")
    )) / 1024,
}))
"""


def _ingest_in_a_process(bomb: Path, docs: Path, home: Path) -> dict:
    """``INGEST`` of ``bomb`` and ``docs`` into ``home`` in a process of its own (its peak
    memory is the ingest's): what it added, rejected and its peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", INGEST, str(bomb), str(docs)],
        cwd=ROOT,
        env={**os.environ, "NTM_HOME": str(home), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_zip_bomb_is_refused_with_bounded_memory(kind, tmp_path, docs_copy):
    bomb = _bomb(tmp_path / f"bao-cao.{kind}", kind, megabytes=142)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small on disk, as the attacker's was
    result = _ingest_in_a_process(bomb, docs_copy, tmp_path / "home")
    ((path, reason),) = result["rejected"]
    assert path.endswith(bomb.name)
    assert "NTM_MAX_UNPACKED_MB" in reason and "50 MB" in reason
    assert len(result["added"]) == len(list(docs_copy.glob("*.txt")))  # the rest went in
    print(f"peak RSS {result['peak_mib']:.0f} MiB")
    assert result["peak_mib"] < MEMORY_CEILING_MIB, result["peak_mib"]


def _lying(bomb: Path, part: str, declared: int) -> Path:
    """``bomb`` with the size of ``part`` in its zip directory (and local header) replaced by
    ``declared``: the package says the part is small, its deflate stream is not."""
    data = bytearray(bomb.read_bytes())
    name = part.encode()
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature)
        while at != -1:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            name_len = int.from_bytes(data[at + size_at + 4 : at + size_at + 6], "little")
            if data[name_at : name_at + name_len] == name:
                data[at + size_at : at + size_at + 4] = declared.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    bomb.write_bytes(bytes(data))
    return bomb


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
@pytest.mark.parametrize(
    ("kind", "part"), [("docx", "word/document.xml"), ("xlsx", "xl/worksheets/sheet1.xml")]
)
def test_a_zip_whose_directory_under_declares_sizes_is_refused_with_bounded_memory(
    kind, part, tmp_path, docs_copy
):
    # 600 MB of XML, declared as 4 KB: inflating what the directory says would be harmless,
    # inflating what the stream holds in one go took 2.25 GB for a 1.99 GB part
    bomb = _bomb(tmp_path / f"bao-cao.{kind}", kind, megabytes=600)
    bomb = _lying(bomb, part, declared=4096)
    with zipfile.ZipFile(bomb) as package:
        sizes = {i.filename: i.file_size for i in package.infolist()}
    assert sizes[part] == 4096 and sum(sizes.values()) < 1024 * 1024  # the directory lies
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = _ingest_in_a_process(bomb, docs_copy, tmp_path / "home")
    ((path, reason),) = result["rejected"]
    assert path.endswith(bomb.name)
    assert "NTM_MAX_UNPACKED_MB" in reason and "dù danh mục khai báo ít hơn" in reason, reason
    assert len(result["added"]) == len(list(docs_copy.glob("*.txt")))  # the rest went in
    print(f"peak RSS {result['peak_mib']:.0f} MiB")
    assert result["peak_mib"] < LYING_CEILING_MIB, result["peak_mib"]


def test_pages_and_characters_are_bounded_by_their_settings(settings, tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=200, height=200)
    with open(tmp_path / "dai.pdf", "wb") as fh:
        writer.write(fh)
    (tmp_path / "dai.txt").write_text("Xã đạt chuẩn nông thôn mới. " * 800, encoding="utf-8")
    bot = Assistant(settings.replace(max_pages=2, max_chars=10_000), embedder=FakeEmbedder())
    report = bot.ingest([tmp_path])
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert "NTM_MAX_PAGES" in reasons["dai.pdf"] and "3 trang" in reasons["dai.pdf"]
    assert "NTM_MAX_CHARS" in reasons["dai.txt"]


def test_runs_that_are_not_text_are_not_indexed_and_the_user_is_warned(settings, tmp_path):
    """A 64 KB run of one character and a base64 image in an HTML page are dropped at
    cleaning: nothing of them is embedded, the article's text is, and ingest says so."""
    from ingest.clean import NOT_TEXT_RUN

    image = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 200
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "trang.html").write_text(
        "<html><body><h1>Xã Tân Mỹ đạt chuẩn nông thôn mới</h1>"
        "<p>Năm 2023, xã Tân Mỹ có 19/19 tiêu chí đạt chuẩn.</p>"
        f"<p>{image}</p></body></html>",
        encoding="utf-8",
    )
    (docs / "lap.txt").write_text(
        "Huyện Đình Lập có 6/10 xã đạt chuẩn nông thôn mới.\n" + "x" * 64_000 + "\n",
        encoding="utf-8",
    )
    bot = Assistant(settings, embedder=FakeEmbedder())
    report = bot.ingest([docs])
    assert sorted(report.added) == ["lap.txt", "trang.html"] and not report.rejected
    warned = {Path(w.path).name: w.message for w in report.warnings}
    assert set(warned) == {"lap.txt", "trang.html"}
    assert all("không phải chữ" in m and str(NOT_TEXT_RUN) in m for m in warned.values())
    texts = [c.text for c, _ in bot.store.iter_chunk_vectors()]
    assert any("6/10 xã" in t for t in texts) and any("19/19 tiêu chí" in t for t in texts)
    assert not any("xxxxxxxxxx" in t or "base64" in t or "iVBORw0" in t for t in texts)
    assert report.chunks_written == 2  # one passage each: nothing else was embedded
