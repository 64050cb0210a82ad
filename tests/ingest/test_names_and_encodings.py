"""Files an unlucky user hands over: almost-UTF-8 text, hidden names, names with control
characters. Each is refused or reported with words the user can act on, and the other files
still go in (fake embedder, real Chroma, the real ingest pipeline)."""

from __future__ import annotations

from pathlib import Path

from assistant import Assistant
from tests.conftest import FakeEmbedder

ARTICLE = (
    "Huyện Hữu Lũng có thêm xã đạt chuẩn nông thôn mới\n\n"
    "Ngày 05/03/2023, huyện Hữu Lũng, tỉnh Lạng Sơn công bố xã Thử Nghiệm đạt chuẩn nông thôn "
    "mới; toàn huyện có 06/10 xã đạt chuẩn, thu nhập bình quân đạt 48 triệu đồng/người/năm.\n"
)


def test_valid_vietnamese_with_three_bad_bytes_says_where_and_to_save_as_utf8(settings, tmp_path):
    text = (ARTICLE * 20).encode("utf-8")
    spots = [text.index(b" ", at) for at in (500, 1500, 2000)]  # between two characters
    raw = b""
    previous = 0
    for spot, bad in zip(spots, (b"\xff", b"\xc3", b"\x80"), strict=True):
        raw += text[previous:spot] + bad
        previous = spot
    raw += text[previous:]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ba-byte-loi.txt").write_bytes(raw)
    (folder / "tot.txt").write_text(ARTICLE, encoding="utf-8")
    bot = Assistant(settings, embedder=FakeEmbedder())
    report = bot.ingest([folder])
    assert report.added == ["tot.txt"]  # the good file still goes in
    (rejected,) = report.rejected
    assert Path(rejected.path).name == "ba-byte-loi.txt"
    offsets = f"{spots[0]}, {spots[1] + 1}, {spots[2] + 2}"  # in the file, after the bad bytes
    assert "lưu lại dưới dạng UTF-8" in rejected.reason
    assert f"byte lỗi ở vị trí {offsets}" in rejected.reason
    assert "3 byte lỗi" in rejected.reason and "nhị phân" not in rejected.reason


def test_hidden_names_skipped_are_reported_not_silent(settings, tmp_path):
    folder = tmp_path / "docs"
    (folder / ".nhap").mkdir(parents=True)
    (folder / "tot.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / ".ban-nhap.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / ".nhap" / "cu.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # OS junk: skipped quietly
    report = Assistant(settings, embedder=FakeEmbedder()).ingest([folder])
    assert report.added == ["tot.txt"] and not report.rejected and report.exit_code == 0
    said = {Path(w.path).name: w.message for w in report.warnings}
    assert set(said) == {".ban-nhap.txt", ".nhap"}
    assert all("tên bắt đầu bằng dấu chấm" in message for message in said.values())
