"""Scanned PDFs: pages without a text layer are read by OCR (Tesseract, Vietnamese model), each
page's text follows its marker, and a page OCR cannot read is reported while the rest goes in."""

from __future__ import annotations

import io
import re
import stat
from pathlib import Path

import pytest
from docx import Document as Docx

from assistant import Assistant
from assistant.brief_export import brief_docx, brief_markdown
from base.settings import Settings
from ingest import ocr
from ingest.loaders import FileRejected, read_document
from tests.conftest import FakeEmbedder
from tests.ingest.test_loaders import make_pdf
from tests.scans import join_pdfs, scanned_pdf

MB = 1024 * 1024
TAN_LAC = (
    "Đến hết năm 2023, huyện Tân Lạc có 11 xã đạt chuẩn nông thôn mới, bình quân mỗi xã đạt "
    "17,2 tiêu chí.",
    "Thu nhập bình quân đầu người năm 2023 đạt 48,6 triệu đồng.",
)
COVER = ["Bao cao ket qua xay dung nong thon moi huyen Tan Lac nam 2023"]

pytestmark = pytest.mark.skipif(
    ocr.missing_tools() is not None,
    reason=f"OCR not installed ({ocr.missing_tools()}); `make browser` installs it",
)


def words(text: str) -> str:
    """The text with runs of spaces as one: OCR may read a wide gap as two spaces."""
    return re.sub(r"[ \t]+", " ", text)


def test_a_scanned_pdf_is_read_by_ocr_with_its_figures(tmp_path):
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(scanned_pdf(list(TAN_LAC)))
    warnings: list[str] = []
    _, text = read_document(path, 10 * MB, warn=warnings.append)
    lines = text.split("\n")
    assert lines[0] == "[Trang 1 · chữ nhận dạng OCR]"
    body = words(text)
    for expected in ("Tân Lạc", "11 xã", "nông thôn mới", "17,2 tiêu chí", "48,6 triệu đồng"):
        assert expected in body
    # a sentence wrapped over two lines of the page is one line of text: one sentence to cite
    assert any("11 xã" in line and "17,2 tiêu chí" in line for line in lines)
    assert warnings == []


def test_text_pages_and_scanned_pages_keep_their_own_page_markers(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(join_pdfs(make_pdf(COVER), scanned_pdf(list(TAN_LAC))))
    _, text = read_document(path, 10 * MB)
    cover, scanned = text.split("\n\n")
    assert cover == f"[Trang 1]\n{COVER[0]}"
    assert scanned.startswith("[Trang 2 · chữ nhận dạng OCR]\n")
    assert "17,2 tiêu chí" in words(scanned)


def test_a_page_ocr_cannot_read_is_reported_and_the_others_kept(tmp_path):
    path = tmp_path / "co-trang-trang.pdf"
    path.write_bytes(join_pdfs(make_pdf(COVER), scanned_pdf([], list(TAN_LAC))))
    warnings: list[str] = []
    _, text = read_document(path, 10 * MB, warn=warnings.append)
    assert "[Trang 1]" in text and "[Trang 3 · chữ nhận dạng OCR]" in text
    assert "[Trang 2" not in text
    assert len(warnings) == 1 and warnings[0].startswith("trang 2:")
    assert "OCR" in warnings[0]


def test_a_scan_with_no_readable_text_is_refused_saying_ocr_found_none(tmp_path):
    path = tmp_path / "trang-trang.pdf"
    path.write_bytes(scanned_pdf([], []))
    with pytest.raises(FileRejected) as caught:
        read_document(path, 10 * MB)
    assert "OCR found no text" in caught.value.reason and "scanned" in caught.value.reason


def test_without_tesseract_a_scan_is_refused_naming_the_package_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "TESSERACT", "ntm-no-such-tesseract")
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(scanned_pdf(list(TAN_LAC)))
    with pytest.raises(FileRejected) as caught:
        read_document(path, 10 * MB)
    reason = caught.value.reason
    assert "tesseract-ocr-vie" in reason and reason.index("cài") < reason.index("install")
    # a PDF with typed pages keeps them and says which page it could not read
    mixed = tmp_path / "bao-cao.pdf"
    mixed.write_bytes(join_pdfs(make_pdf(COVER), scanned_pdf(list(TAN_LAC))))
    warnings: list[str] = []
    _, text = read_document(mixed, 10 * MB, warn=warnings.append)
    assert text == f"[Trang 1]\n{COVER[0]}"
    assert len(warnings) == 1 and "trang 2" in warnings[0] and "tesseract-ocr-vie" in warnings[0]


def test_a_failing_ocr_run_is_reported_for_its_page(tmp_path, monkeypatch):
    broken = tmp_path / "tesseract"
    broken.write_text(
        '#!/bin/sh\nif [ "$1" = "--list-langs" ]; then echo eng; echo vie; exit 0; fi\n'
        'echo "Error: image file is damaged" >&2\nexit 1\n'
    )
    broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(ocr, "TESSERACT", str(broken))
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(join_pdfs(make_pdf(COVER), scanned_pdf(list(TAN_LAC))))
    warnings: list[str] = []
    _, text = read_document(path, 10 * MB, warn=warnings.append)
    assert text == f"[Trang 1]\n{COVER[0]}"
    assert warnings == [
        "trang 2: Tesseract không đọc được trang (Tesseract failed on the page): "
        "Error: image file is damaged"
    ]


def test_ingest_reports_unread_pages_and_cites_the_ocr_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tan-lac-2023.pdf").write_bytes(
        join_pdfs(make_pdf(COVER), scanned_pdf([], list(TAN_LAC)))
    )
    bot = Assistant(Settings.from_env(), embedder=FakeEmbedder())
    report = bot.ingest([docs])
    assert report.added == ["tan-lac-2023.pdf"] and report.rejected == []
    assert [(Path(w.path).name, w.message[:8]) for w in report.warnings] == [
        ("tan-lac-2023.pdf", "trang 2:")
    ]
    assert report.to_dict()["warnings"][0]["message"].startswith("trang 2:")
    (meta,) = bot.documents()
    assert meta.title == COVER[0]  # not '[Trang 1]'

    answer = bot.ask("Huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?")
    assert not answer.abstained and "11 xã" in answer.answer
    cited = answer.citations[0]
    assert "11 xã" in cited.quote and cited.location == "trang 3 (OCR)"
    assert answer.to_dict()["citations"][0]["location"] == "trang 3 (OCR)"
    # a brief's numbered sources say the page too, in Markdown and in Word
    brief = bot.brief(place="Tân Lạc")
    cited = next(c for c in brief.citations if "11 xã" in c.quote)
    assert cited.location == "trang 3 (OCR)"
    line = f"[{cited.n}] tan-lac-2023.pdf, trang 3 (OCR) — {COVER[0]}"
    assert line in brief_markdown(brief)
    word = Docx(io.BytesIO(brief_docx(brief)))
    assert any(p.text.startswith(line) for p in word.paragraphs)
    # the next ingest sees the same bytes and does not run OCR again
    again = bot.ingest([docs])
    assert again.unchanged == ["tan-lac-2023.pdf"] and again.warnings == []
