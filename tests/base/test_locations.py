"""Where a quote is in its file: the page, sheet row or table row a citation shows."""

from base.locations import describe, is_marker_line, location_at, page_marker

PDF_TEXT = (
    "[Trang 1]\nBáo cáo kết quả xây dựng nông thôn mới năm 2023\n\n"
    "[Trang 2 · chữ nhận dạng OCR]\nHuyện Tân Lạc có 11 xã đạt chuẩn nông thôn mới.\n\n"
    "[Trang 3]\nBình quân mỗi xã đạt 17,2 tiêu chí."
)


def test_a_quote_is_on_the_page_of_the_last_marker_before_it():
    assert location_at(PDF_TEXT, PDF_TEXT.index("Báo cáo")) == "trang 1"
    assert location_at(PDF_TEXT, PDF_TEXT.index("Huyện Tân Lạc")) == "trang 2 (OCR)"
    assert location_at(PDF_TEXT, PDF_TEXT.index("17,2")) == "trang 3"
    # a passage that opens with its page's marker is on that page
    assert location_at(PDF_TEXT, PDF_TEXT.index("[Trang 3]")) == "trang 3"
    assert location_at(PDF_TEXT, len(PDF_TEXT)) == "trang 3"


def test_text_without_markers_has_no_location():
    assert location_at("Huyện Tân Lạc có 11 xã đạt chuẩn.", 5) is None
    # a page number written inside a sentence is no marker
    assert location_at("Xem [Trang 2] của báo cáo. Có 11 xã.", 30) is None
    assert location_at("", 0) is None


def test_spreadsheet_and_table_rows_are_named():
    sheet = (
        "[Trang tính: Tân Lạc]\nDòng 1: Xã | Số tiêu chí\nDòng 2: Phong Phú | 19\n\n"
        "[Trang tính: Lạc Sơn]\nDòng 1: Xã | Số tiêu chí\nDòng 5: Ân Nghĩa | 17"
    )
    assert location_at(sheet, sheet.index("Phong Phú")) == "trang tính Tân Lạc, dòng 2"
    assert location_at(sheet, sheet.index("Ân Nghĩa")) == "trang tính Lạc Sơn, dòng 5"
    assert location_at(sheet, sheet.index("Dòng 5")) == "trang tính Lạc Sơn, dòng 5"
    word = "Kết quả năm 2023\nBảng 2, dòng 3: Mãn Đức | 19 tiêu chí\nGhi chú cuối bảng."
    assert location_at(word, word.index("Mãn Đức")) == "bảng 2, dòng 3"
    assert location_at(word, word.index("Ghi chú")) is None


def test_marker_lines_are_recognised_exactly():
    assert page_marker(4) == "[Trang 4]"
    assert page_marker(4, ocr=True) == "[Trang 4 · chữ nhận dạng OCR]"
    assert is_marker_line("[Trang 12]") and is_marker_line("[Trang tính: Sheet1]")
    assert is_marker_line(page_marker(4, ocr=True))
    assert not is_marker_line("[Trang 12] Huyện có 11 xã")
    assert not is_marker_line("Trang 12")


def test_labels_read_in_english_for_english_readers():
    assert describe("trang 3", "en") == "page 3"
    assert describe("trang 3 (OCR)", "en") == "page 3 (OCR)"
    assert describe("trang tính Tân Lạc, dòng 2", "en") == "sheet Tân Lạc, row 2"
    assert describe("bảng 2, dòng 3", "en") == "table 2, row 3"
    assert describe("trang 3 (OCR)", "vi") == "trang 3 (OCR)"
    assert describe(None, "en") is None
