"""Reading user files: the text that comes out, or the reason a file is turned away."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest

from ingest import loaders
from ingest.legacy_encoding import from_unicode
from ingest.loaders import (
    REASON_HIDDEN,
    SUPPORTED_SUFFIXES,
    FileRejected,
    collect_files,
    decode_text,
    markdown_to_text,
    read_document,
)

MB = 1024 * 1024
ARTICLE = (
    "Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn\n\n"
    "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức Hội nghị trực tuyến. Toàn tỉnh có 65 xã "
    "được công nhận đạt chuẩn NTM, chiếm tỷ lệ 35,91%.\n"
)


def reason_for(path: Path, max_bytes: int = MB) -> str:
    with pytest.raises(FileRejected) as caught:
        read_document(path, max_bytes)
    assert caught.value.reason in str(caught.value)
    assert str(path) in str(caught.value)  # the message names the file
    return caught.value.reason


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` in Helvetica (Latin-1 text only)."""
    shown = " ".join(f"({line}) '" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def cp1258_bytes(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letter (â, ư...) then a combining tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


# --------------------------------------------------------------------------- plain text


def test_utf8_text_comes_out_as_written(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    raw, text = read_document(path, MB)
    assert raw == ARTICLE.encode("utf-8")
    assert text == ARTICLE


def test_decomposed_unicode_is_returned_as_nfc(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    assert read_document(path, MB)[1] == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    text = read_document(path, MB)[1]
    assert text.lstrip("\ufeff") == ARTICLE


def test_vietnamese_windows_1258_text_is_decoded(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(cp1258_bytes(ARTICLE))
    assert read_document(path, MB)[1] == ARTICLE


def test_latin1_text_of_another_language_is_refused(tmp_path):
    path = tmp_path / "phap.txt"
    path.write_bytes("Élève à l'école, déjà très connu - garçon naïf.\n".encode("latin-1") * 5)
    assert reason_for(path).startswith("không giải mã được (cannot decode as UTF-8)")


def test_random_high_bytes_are_refused_as_binary(tmp_path):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    assert reason_for(path) == "nội dung nhị phân, không phải văn bản (binary content, not text)"


def test_mojibake_that_decodes_in_cp1258_but_is_not_vietnamese_is_refused(tmp_path):
    path = tmp_path / "loi.txt"
    path.write_bytes("Xây dựng nông thôn mới".encode()[:-1] + "®¼½¾¿×÷".encode("cp1252") * 9)
    assert reason_for(path).startswith("không giải mã được (cannot decode as UTF-8)")


def test_binary_file_named_txt_is_refused(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert reason_for(path) == "nội dung nhị phân, không phải văn bản (binary content, not text)"


def test_decode_text_prefers_utf8_and_refuses_garbage():
    assert decode_text("Nông thôn mới".encode()) == "Nông thôn mới"
    assert decode_text(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 10) is None


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_or_blank_file_is_refused(tmp_path, content):
    path = tmp_path / "rong.txt"
    path.write_bytes(content)
    assert reason_for(path) == "tệp rỗng (empty file)"


def test_oversized_file_names_size_limit_and_setting(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"Nong thon moi. " * (MB // 6))  # 2.5 MB
    reason = reason_for(path, max_bytes=2 * MB)
    assert reason.startswith("tệp quá lớn")
    assert "2.5 MB" in reason and "2 MB" in reason
    assert "NTM_MAX_FILE_MB" in reason


def test_file_at_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "vua.txt"
    path.write_bytes(b"a" * 1000)
    assert read_document(path, 1000)[1] == "a" * 1000


def test_missing_file_is_refused(tmp_path):
    assert reason_for(tmp_path / "khong-co.txt") == "không tồn tại (not found)"


def test_directory_named_like_a_file_is_refused(tmp_path):
    path = tmp_path / "thu-muc.txt"
    path.mkdir()
    assert "is a directory" in reason_for(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "khoa.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        assert reason_for(path) == "không có quyền đọc tệp (unreadable: permission denied)"
    finally:
        path.chmod(0o644)


def test_permission_error_while_reading_is_reported(tmp_path, monkeypatch):
    # Tests often run as root, where chmod 000 does not stop reading: simulate the refusal.
    path = tmp_path / "khoa.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert reason_for(path) == "không có quyền đọc tệp (unreadable: permission denied)"


def test_unsupported_suffix_is_refused(tmp_path):
    path = tmp_path / "bang.pptx"
    path.write_bytes(b"PK\x03\x04")
    assert reason_for(path) == "định dạng không hỗ trợ (unsupported type .pptx)"


def test_upper_case_suffix_is_accepted(tmp_path):
    path = tmp_path / "BAI.TXT"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_document(path, MB)[1] == ARTICLE


# --------------------------------------------------------------------------- Markdown


def test_markdown_markup_is_stripped_and_text_kept(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text(
        "# Nông thôn mới **Lạng Sơn**\n\n"
        "Theo [báo cáo](https://langson.gov.vn/bao-cao), toàn tỉnh có *65 xã* đạt chuẩn."
        " ![Ảnh hội nghị](anh.jpg)\n\n"
        "- Huyện Đình Lập: 6/10 xã\n"
        "* Mã tệp: ke_hoach_2021\n\n"
        "---\n\n"
        "| Huyện | Số xã |\n|---|---|\n| Bắc Sơn | 5 |\n",
        encoding="utf-8",
    )
    lines = [line for line in read_document(path, MB)[1].split("\n") if line]
    assert lines == [
        "Nông thôn mới Lạng Sơn",
        "Theo báo cáo, toàn tỉnh có 65 xã đạt chuẩn.",
        "Huyện Đình Lập: 6/10 xã",
        "Mã tệp: ke_hoach_2021",
        "Huyện | Số xã",
        "Bắc Sơn | 5",
    ]


def test_markdown_leaves_plain_text_alone():
    text = "Tăng 0,18 tiêu chí/xã so với năm 2020 - đạt 35,91% (65 xã)."
    assert markdown_to_text(text) == text


# --------------------------------------------------------------------------- HTML

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Hội nghị sơ kết NTM | Cổng Thông tin điện tử tỉnh Lạng Sơn</title>
<style>p { color: red }</style><script>var tracking = "Đăng nhập";</script>
</head><body>
<header><div class="logo">Cổng Thông tin điện tử tỉnh Lạng Sơn</div>
<nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
<div class="breadcrumb">Tin tức</div>
<article>
  <div class="cat">Nông thôn mới</div>
  <h1>Hội nghị   trực tuyến sơ kết
      công tác xây dựng NTM</h1>
  <p>Ngày 27/8/2021, UBND tỉnh <b>Lạng Sơn</b> tổ chức hội nghị.</p>
  <p>Toàn tỉnh có 65 xã đạt chuẩn NTM,<br>chiếm tỷ lệ 35,91%.</p>
  <figure><img src="a.jpg" alt="ảnh"><figcaption>Các đại biểu dự hội nghị</figcaption></figure>
  <table><tr><td>Huyện</td><td>Đình Lập</td></tr></table>
  <script>document.write("quảng cáo")</script>
  <form><input value="Tìm kiếm"><button>Gửi</button></form>
</article>
<aside><h3>Tin liên quan</h3><ul><li>Bài khác</li></ul></aside>
<footer>Bản quyền thuộc UBND tỉnh Lạng Sơn</footer>
</body></html>"""


def test_html_gives_the_article_headline_first_one_paragraph_per_line(tmp_path):
    path = tmp_path / "bai.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_document(path, MB)[1].split("\n") == [
        "Hội nghị trực tuyến sơ kết công tác xây dựng NTM",
        "Nông thôn mới",
        "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức hội nghị.",
        "Toàn tỉnh có 65 xã đạt chuẩn NTM,",
        "chiếm tỷ lệ 35,91%.",
        "Các đại biểu dự hội nghị",
        "Huyện Đình Lập",
    ]


def test_html_without_article_or_h1_uses_the_page_title(tmp_path):
    path = tmp_path / "trang.htm"
    page = (
        "<html><head><title>Xã Hồ Sơn đạt 3/5 tiêu chí | Huyện Tam Đảo</title></head><body>"
        "<nav>Trang chủ | Giới thiệu</nav><main><p>Đến nay xã Hồ Sơn đã đạt 3/5 tiêu chí.</p>"
        "</main><footer>© 2021</footer></body></html>"
    )
    path.write_bytes(page.encode("utf-8"))
    assert read_document(path, MB)[1] == (
        "Xã Hồ Sơn đạt 3/5 tiêu chí\nĐến nay xã Hồ Sơn đã đạt 3/5 tiêu chí."
    )


def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path):
    path = tmp_path / "cu.html"
    body = "<p>Đến nay xã Hồ Sơn đã đạt 3/5 tiêu chí.</p>"
    page = f'<html><head><meta charset="windows-1258"></head><body>{body}</body></html>'
    path.write_bytes(cp1258_bytes(page))
    assert read_document(path, MB)[1] == "Đến nay xã Hồ Sơn đã đạt 3/5 tiêu chí."


def test_html_with_only_scripts_is_empty(tmp_path):
    path = tmp_path / "rong.html"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    assert reason_for(path) == "tệp rỗng (empty file)"


# --------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_and_table_cells_are_lines(tmp_path):
    document = docx.Document()
    document.add_heading("Kết quả xây dựng nông thôn mới huyện Đình Lập", level=1)
    document.add_paragraph("Toàn huyện có 06/10 xã đạt chuẩn NTM.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Xã"
    table.cell(0, 1).text = "Số tiêu chí"
    table.cell(1, 0).text = "Đình Lập"
    table.cell(1, 1).text = "16,6"
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 2)).text = "Ô gộp ba cột"
    document.add_paragraph("Bích Huệ")
    path = tmp_path / "bao-cao.docx"
    document.save(path)
    assert read_document(path, MB)[1].split("\n") == [
        "Kết quả xây dựng nông thôn mới huyện Đình Lập",
        "Toàn huyện có 06/10 xã đạt chuẩn NTM.",
        "Xã",
        "Số tiêu chí",
        "Đình Lập",
        "16,6",
        "Ô gộp ba cột",
        "Bích Huệ",
    ]


def test_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(os.urandom(2048))
    assert reason_for(path) == "tệp Word (DOCX) bị hỏng hoặc không hợp lệ (corrupt or invalid DOCX)"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
def test_broken_legacy_doc_renamed_docx_gets_its_own_reason(tmp_path):
    path = tmp_path / "cu.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1024))
    assert (
        reason_for(path)
        == "tệp Word cũ (.doc) bị hỏng hoặc không hợp lệ (corrupt or invalid .doc file)"
    )


def test_docx_without_text_is_refused(tmp_path):
    path = tmp_path / "trang.docx"
    docx.Document().save(path)
    assert reason_for(path) == "tài liệu Word không có chữ (DOCX has no text)"


# --------------------------------------------------------------------------- PDF


def test_pdf_text_is_extracted(tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(make_pdf(["Xay dung nong thon moi", "Dinh Lap dat 16,6 tieu chi."]))
    assert read_document(path, MB)[1] == (
        "[Trang 1]\nXay dung nong thon moi\nDinh Lap dat 16,6 tieu chi."
    )


def test_corrupt_pdf_is_refused(tmp_path):
    path = tmp_path / "hong.pdf"
    path.write_bytes(os.urandom(4096))
    assert reason_for(path) == "tệp PDF bị hỏng hoặc không hợp lệ (corrupt or invalid PDF)"


def test_pdf_without_text_is_reported_as_scanned(tmp_path):
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(make_pdf([]))
    reason = reason_for(path)
    assert "scanned" in reason and "OCR" in reason


# --------------------------------------------------------------------------- collect_files


def test_collect_walks_folders_sorted_and_reports_what_it_cannot_use(tmp_path):
    docs = tmp_path / "tai-lieu"
    (docs / "b").mkdir(parents=True)
    (docs / ".git").mkdir()
    for name in [
        "b/2.md",
        "a.txt",
        "c.PDF",
        "bang.pptx",
        "ghi-chu",
        ".an.txt",
        ".DS_Store",
        "Thumbs.db",
        "~$bao-cao.docx",
        ".git/config.txt",
    ]:
        (docs / name).write_text("x", encoding="utf-8")
    extra = tmp_path / "rieng.html"
    extra.write_text("<p>x</p>", encoding="utf-8")

    files, rejected = collect_files(
        [docs, extra, tmp_path / "mat.txt", tmp_path / "so.csv", docs / "a.txt"]
    )

    assert files == [docs / "a.txt", docs / "c.PDF", docs / "b" / "2.md", extra]
    assert {(Path(r.path).name, r.reason) for r in rejected} == {
        ("bang.pptx", "định dạng không hỗ trợ (unsupported type .pptx)"),
        ("ghi-chu", "định dạng không hỗ trợ (unsupported type: no file extension)"),
        ("mat.txt", "không tồn tại (not found)"),
        ("so.csv", "không tồn tại (not found)"),
        (".an.txt", REASON_HIDDEN),  # hidden names are said (OS junk is not)
        (".git", REASON_HIDDEN),
    }


def test_collect_rejects_an_existing_named_file_of_unsupported_type(tmp_path):
    path = tmp_path / "so-lieu.csv"
    path.write_text("a,b\n", encoding="utf-8")
    files, rejected = collect_files([path])
    assert files == []
    assert [(r.path, r.reason) for r in rejected] == [
        (str(path), "định dạng không hỗ trợ (unsupported type .csv)")
    ]


def test_file_rejected_message_names_the_file_when_known():
    assert str(FileRejected("tệp rỗng (empty file)", path="a/b.txt")) == (
        "a/b.txt: tệp rỗng (empty file)"
    )
    err = FileRejected("không tách được đoạn văn nào (no passage could be made)")
    assert (err.reason, err.path, str(err)) == (err.reason, None, err.reason)


def test_every_supported_suffix_is_lower_case_with_a_dot():
    assert all(s.startswith(".") and s == s.lower() for s in SUPPORTED_SUFFIXES)


def test_a_link_that_leaves_the_folder_is_skipped_unless_asked(tmp_path):
    docs = tmp_path / "tai-lieu"
    (docs / "con").mkdir(parents=True)
    (docs / "a.txt").write_text("Xã đạt chuẩn nông thôn mới.", encoding="utf-8")
    secret = tmp_path / "ngoai" / "mat-khau.txt"
    secret.parent.mkdir()
    secret.write_text("bí mật", encoding="utf-8")
    (docs / "mat-khau.txt").symlink_to(secret)
    (docs / "ngoai").symlink_to(secret.parent, target_is_directory=True)
    (docs / "con" / "ban-sao.txt").symlink_to(docs / "a.txt")  # stays inside: taken once

    files, rejected = collect_files([docs])
    assert files == [docs / "a.txt"]
    reasons = {Path(r.path).name: r.reason for r in rejected}
    assert set(reasons) == {"mat-khau.txt", "ngoai"}
    assert all("ra ngoài thư mục" in r and "--follow-links" in r for r in reasons.values())
    assert str(secret.resolve()) in reasons["mat-khau.txt"]

    followed, rejected = collect_files([docs], follow_links=True)
    assert secret.resolve() in {p.resolve() for p in followed} and not rejected


# --------------------------------------------------------------------------- legacy encodings

LEGACY_SENTENCE = (
    "Huyện Đình Lập có 6 xã đạt chuẩn nông thôn mới; bình quân mỗi xã đạt 16,6 tiêu chí."
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_text_file_typed_in_a_legacy_font_encoding_reads_as_unicode(tmp_path, encoding):
    path = tmp_path / "bao-cao-cu.txt"
    path.write_bytes(from_unicode(f"Báo cáo kết quả\n{LEGACY_SENTENCE}\n", encoding))
    assert read_document(path, MB)[1] == f"Báo cáo kết quả\n{LEGACY_SENTENCE}\n"


def test_legacy_garbage_saved_as_utf8_is_converted_but_unicode_text_is_not(tmp_path):
    garbled = tmp_path / "dan-lai.txt"
    garbled.write_text(from_unicode(LEGACY_SENTENCE, "tcvn3").decode("cp1252"), encoding="utf-8")
    assert read_document(garbled, MB)[1] == LEGACY_SENTENCE
    plain = tmp_path / "unicode.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    assert read_document(plain, MB)[1] == ARTICLE


def test_docx_runs_in_legacy_fonts_are_converted_and_unicode_runs_kept(tmp_path):
    document = docx.Document()
    heading = document.add_paragraph().add_run(
        from_unicode("báo cáo nông thôn mới", "tcvn3").decode("cp1252")
    )
    heading.font.name = ".VnTimeH"  # the upper-case TCVN3 font
    paragraph = document.add_paragraph()
    paragraph.add_run(
        from_unicode("Huyện Đình Lập có ", "vni").decode("cp1252")
    ).font.name = "VNI-Times"
    paragraph.add_run("6 xã đạt chuẩn")  # Unicode in the default font
    legacy_named = document.add_paragraph().add_run("Toàn tỉnh có 65 xã đạt chuẩn NTM.")
    legacy_named.font.name = ".VnTime"  # an old font name on text typed in Unicode
    path = tmp_path / "font-cu.docx"
    document.save(path)
    assert read_document(path, MB)[1].split("\n") == [
        "BÁO CÁO NÔNG THÔN MỚI",
        "Huyện Đình Lập có 6 xã đạt chuẩn",
        "Toàn tỉnh có 65 xã đạt chuẩn NTM.",
    ]


# --------------------------------------------------------------------------- DOCX tables


def test_docx_data_table_rows_keep_their_column_headers(tmp_path):
    document = docx.Document()
    document.add_paragraph("Kết quả các xã năm 2020")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ["Xã", "Số tiêu chí đạt", "Năm đạt chuẩn"],
        ["Tân Mỹ", "15", "2019"],
        ["", "", ""],
        ["Tân Lang", "", "2020"],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    layout = document.add_table(rows=1, cols=1)
    layout.cell(0, 0).text = "Nơi nhận: UBND tỉnh"
    path = tmp_path / "bang.docx"
    document.save(path)
    assert read_document(path, MB)[1].split("\n") == [
        "Kết quả các xã năm 2020",
        "Bảng 1, dòng 2: Xã: Tân Mỹ; Số tiêu chí đạt: 15; Năm đạt chuẩn: 2019",
        "Bảng 1, dòng 4: Xã: Tân Lang; Số tiêu chí đạt: —; Năm đạt chuẩn: 2020",
        "Nơi nhận: UBND tỉnh",
    ]


def test_docx_table_whose_first_row_is_numbers_keeps_one_line_per_cell(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, values in enumerate([["2019", "2020"], ["15", "17"], ["12,5", "13"]]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "so.docx"
    document.save(path)
    assert read_document(path, MB)[1].split("\n") == ["2019", "2020", "15", "17", "12,5", "13"]


# --------------------------------------------------------------------------- XLSX


def make_appendix(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục 1"
    sheet.append(["PHỤ LỤC 1: DANH SÁCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI HUYỆN VĂN LÃNG NĂM 2020"])
    sheet.append([])
    sheet.append(["STT", "Xã", "Huyện", "Số tiêu chí đạt", "Năm đạt chuẩn NTM", "Tỷ lệ hộ nghèo"])
    sheet.append([1, "Tân Mỹ", "Văn Lãng", 15, 2019, 0.085])
    sheet.append([None, None, None, None, None, None])
    sheet.append([2, "Hoàng Văn Thụ", "Văn Lãng", 19.0, None, 0.125])
    sheet["F4"].number_format = "0.0%"
    sheet["F6"].number_format = "0.0%"
    other = book.create_sheet("Tổng hợp")
    other.append(["Chỉ tiêu", "Giá trị"])
    other.append(["Bình quân tiêu chí/xã", 16.6])
    book.save(path)
    return path


def test_xlsx_rows_keep_their_headers_sheet_by_sheet(tmp_path):
    path = make_appendix(tmp_path / "phu-luc.xlsx")
    assert read_document(path, MB)[1].split("\n") == [
        "[Trang tính: Phụ lục 1]",
        "PHỤ LỤC 1: DANH SÁCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI HUYỆN VĂN LÃNG NĂM 2020",
        "Dòng 4: STT: 1; Xã: Tân Mỹ; Huyện: Văn Lãng; Số tiêu chí đạt: 15; "
        "Năm đạt chuẩn NTM: 2019; Tỷ lệ hộ nghèo: 8,5%",
        "Dòng 6: STT: 2; Xã: Hoàng Văn Thụ; Huyện: Văn Lãng; Số tiêu chí đạt: 19; "
        "Năm đạt chuẩn NTM: —; Tỷ lệ hộ nghèo: 12,5%",
        "[Trang tính: Tổng hợp]",
        "Dòng 2: Chỉ tiêu: Bình quân tiêu chí/xã; Giá trị: 16,6",
    ]


def test_xlsx_past_the_cell_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "MAX_XLSX_CELLS", 20)
    path = make_appendix(tmp_path / "lon.xlsx")
    assert "20 cells" in reason_for(path, 10 * MB)


def test_corrupt_or_empty_xlsx_is_refused(tmp_path):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04" + os.urandom(2048))
    assert (
        reason_for(broken) == "tệp Excel (XLSX) bị hỏng hoặc không hợp lệ (corrupt or invalid XLSX)"
    )
    empty = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(empty)
    assert reason_for(empty) == "bảng tính không có dữ liệu (spreadsheet has no data)"


# --------------------------------------------------------------------------- DOC (Word 97-2003)


@pytest.fixture(scope="session")
def legacy_doc(tmp_path_factory) -> Path:
    """A real Word 97-2003 file, written once per session by LibreOffice from a DOCX."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) not installed: cannot make a .doc to read")
    folder = tmp_path_factory.mktemp("doc")
    document = docx.Document()
    for _ in range(3):  # antiword refuses a tiny text stream
        document.add_paragraph(LEGACY_SENTENCE)
    table = document.add_table(rows=3, cols=3)
    rows = [["Xã", "Số tiêu chí đạt", "Năm"], ["Tân Mỹ", "15", "2019"], ["Tân Lang", "19", "2020"]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("Nơi nhận: UBND tỉnh Lạng Sơn.")
    document.save(folder / "bao-cao.docx")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "doc",
            "--outdir",
            str(folder),
            str(folder / "bao-cao.docx"),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    path = folder / "bao-cao.doc"
    assert path.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    return path


def test_legacy_doc_text_and_table_rows_are_read(legacy_doc):
    lines = read_document(legacy_doc, MB)[1].split("\n")
    assert lines.count(LEGACY_SENTENCE) == 3
    assert "Bảng 1, dòng 2: Xã: Tân Mỹ; Số tiêu chí đạt: 15; Năm: 2019" in lines


def test_legacy_doc_renamed_docx_is_read_as_a_doc(legacy_doc, tmp_path):
    renamed = tmp_path / "bao-cao.docx"
    renamed.write_bytes(legacy_doc.read_bytes())
    assert LEGACY_SENTENCE in read_document(renamed, MB)[1]


@pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed")
def test_legacy_doc_is_read_by_antiword_without_libreoffice(legacy_doc, monkeypatch):
    which = shutil.which
    monkeypatch.setattr(
        loaders.shutil,
        "which",
        lambda name: None if name in ("soffice", "libreoffice") else which(name),
    )
    text = read_document(legacy_doc, MB)[1]
    assert LEGACY_SENTENCE in text.split("\n")
    assert "Tân Mỹ" in text


def test_broken_doc_is_refused_and_a_doc_without_any_reader_says_what_to_install(
    tmp_path, monkeypatch
):
    broken = tmp_path / "hong.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    if shutil.which("soffice") or shutil.which("antiword"):
        assert reason_for(broken) == (
            "tệp Word cũ (.doc) bị hỏng hoặc không hợp lệ (corrupt or invalid .doc file)"
        )
    monkeypatch.setattr(loaders.shutil, "which", lambda name: None)
    assert "install LibreOffice or antiword" in reason_for(broken)
    not_word = tmp_path / "khong-phai.doc"
    not_word.write_text("Chỉ là văn bản thường", encoding="utf-8")
    assert reason_for(not_word) == (
        "tệp Word cũ (.doc) bị hỏng hoặc không hợp lệ (corrupt or invalid .doc file)"
    )
