"""Cleaning web-page debris without ever changing what a citation may quote."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ingest.clean import clean

DOCUMENTS = sorted((Path(__file__).resolve().parents[2] / "documents").glob("*.txt"))
NAMES = [path.name for path in DOCUMENTS]


def source_lines(path: Path) -> list[str]:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {path.name: clean(path.read_text(encoding="utf-8")) for path in DOCUMENTS}


def test_the_five_bundled_documents_are_there():
    assert len(DOCUMENTS) == 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=NAMES)
def test_every_cleaned_line_is_verbatim_source_text(path, cleaned):
    """The citation invariant: each line is a source line, or its start or end."""
    sources = source_lines(path)
    for line in cleaned[path.name].split("\n"):
        if not line:
            continue
        assert line == line.strip()
        assert any(src == line or src.startswith(line) or src.endswith(line) for src in sources), (
            line
        )


@pytest.mark.parametrize("path", DOCUMENTS, ids=NAMES)
def test_no_more_than_one_blank_line_and_no_edge_whitespace(path, cleaned):
    text = cleaned[path.name]
    assert "\n\n\n" not in text
    assert text == text.strip()


# Lines of the bundled pages that hold a number but are page furniture, not the article.
NUMBERED_DEBRIS = {
    "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVI, "
    "nhiệm kỳ 2015 - 2020",  # 000: site banner slogan
    "Đang truy cập:2569",  # 003: visitor counters
    "Tổng truy cập: 2883081",
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=NAMES)
def test_every_sentence_with_a_number_survives(path, cleaned):
    text = cleaned[path.name]
    checked = 0
    for line in source_lines(path):
        if line in NUMBERED_DEBRIS:
            continue
        for sentence in re.split(r"(?<=[.;!?])\s+", line):
            if re.search(r"\d", sentence):
                assert sentence in text, sentence
                checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    "debris",
    [
        "Skip to main content",
        "Quyết tâm thực hiện thắng lợi Nghị quyết",
        "Chế độ ban đêm",
        "In trang",
        "Xuất PDF",
        "-A A +A",
        "Truy cập nội dung luôn",
        "Đăng nhập",
        "Thống kê truy cập",
        "Đang truy cập",
        "Tổng truy cập",
        "Các tin đã đưa ngày",
        "tìm kiếm",
        "WebSite",
        "Google",
        "Bạn thấy trang web",
    ],
)
def test_web_page_debris_is_gone(debris, cleaned):
    assert all(debris not in text for text in cleaned.values())


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("000_b1a6b20c5124416e.txt", "Các đại biểu dự Hội nghị tại điểm cầu huyện Đình Lập"),
        ("000_b1a6b20c5124416e.txt", "Bích Huệ"),
        ("001_4df30f9ad513b73d.txt", "Đồng chí Lưu Đức Long - Bí thư Huyện ủy, Trưởng Ban"),
        ("001_4df30f9ad513b73d.txt", "Hải Yến"),
        ("002_2e0f810e498e8f01.txt", "Đồng chí Phạm Ngọc Thưởng, Phó Bí thư Tỉnh ủy,\nChủ tịch"),
        ("002_2e0f810e498e8f01.txt", "TÂN AN"),
        ("003_7c20399e720dfcdf.txt", "Nguồn: thainguyen.gov.vn"),
        ("003_7c20399e720dfcdf.txt", "lãnh đạo địa \u00a0phương"),  # space + no-break space
    ],
)
def test_captions_authors_and_sources_stay(name, kept, cleaned):
    assert kept in cleaned[name]


def test_author_glued_to_a_counter_widget_is_kept_without_it(cleaned):
    text = cleaned["003_7c20399e720dfcdf.txt"]
    assert text.endswith("Nguồn: thainguyen.gov.vn\n\nXuân Huy")


def test_headline_opens_the_cleaned_page(cleaned):
    assert cleaned["000_b1a6b20c5124416e.txt"].startswith(
        "Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn\n"
    )
    assert cleaned["003_7c20399e720dfcdf.txt"].startswith(
        "Nông thôn mới phải góp phần nâng cao đời sống của người dân\n"
    )


@pytest.mark.parametrize("path", DOCUMENTS, ids=NAMES)
def test_cleaning_twice_changes_nothing(path, cleaned):
    assert clean(cleaned[path.name]) == cleaned[path.name]


BODY = (
    "Ngày 12/2/2020, UBND tỉnh tổ chức hội nghị trực tuyến 3 cấp triển khai nhiệm vụ, kế "
    "hoạch xây dựng nông thôn mới (NTM) năm 2020 với sự tham dự của các sở, ngành.\n\n"
    "Trong năm 2019, toàn tỉnh làm mới được 375 km đường bê tông xi măng; xây dựng, sửa "
    "chữa, nâng cấp 25 công trình thuỷ lợi, nước sinh hoạt và 35 công trình trường học."
)


def test_related_news_list_at_the_end_is_cut():
    page = (
        f"Toàn tỉnh có thêm 13 xã đạt chuẩn\n\n{BODY}\n\nTÂN AN\n\nTin liên quan\n\n"
        "Lạng Sơn: 65 xã đạt chuẩn nông thôn mới\nHuyện Đình Lập về đích sớm"
    )
    assert clean(page) == f"Toàn tỉnh có thêm 13 xã đạt chuẩn\n\n{BODY}\n\nTÂN AN"


def test_related_news_header_near_the_top_cuts_nothing_after_it():
    page = f"Tin liên quan\n\n{BODY}\n\n{BODY}"
    assert BODY in clean(page)


def test_toolbar_words_inside_a_sentence_are_kept():
    page = f"Tìm kiếm giải pháp tiêu thụ nông sản\n\n{BODY}\n\nChia sẻ kinh nghiệm: 3 mô hình hay"
    out = clean(page)
    assert out.startswith("Tìm kiếm giải pháp tiêu thụ nông sản")
    assert out.endswith("Chia sẻ kinh nghiệm: 3 mô hình hay")


def test_share_login_cookie_and_footer_lines_go():
    page = (
        "Trang chủ > Tin tức > Nông thôn mới\nChia sẻ | Facebook | Zalo | In bài\nĐăng ký\n"
        f"Toàn tỉnh có thêm 13 xã đạt chuẩn\n\n{BODY}\n\nTÂN AN\n\n"
        "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn. Đồng ý\n"
        "© 2020 Báo Lạng Sơn. Ghi rõ nguồn khi phát hành lại thông tin từ website này.\n"
        "Cơ quan chủ quản: UBND tỉnh Lạng Sơn\nĐiện thoại: 0205.3812.345\nLượt xem: 1.234"
    )
    assert clean(page) == f"Toàn tỉnh có thêm 13 xã đạt chuẩn\n\n{BODY}\n\nTÂN AN"


def test_contact_line_inside_the_article_body_is_kept():
    page = f"{BODY}\nĐiện thoại: 0205.3812.345\n\n{BODY}"
    assert "Điện thoại: 0205.3812.345" in clean(page)


def test_banner_above_toolbar_goes_but_headline_above_toolbar_stays():
    slogan_page = (
        "Chào mừng Đại hội Đảng bộ tỉnh lần thứ XVII\nIn trang | Xuất PDF\n"
        f"Toàn tỉnh có thêm 13 xã đạt chuẩn\n\n{BODY}"
    )
    assert clean(slogan_page).startswith("Toàn tỉnh có thêm 13 xã đạt chuẩn\n")
    headline_page = f"Toàn tỉnh có thêm 13 xã đạt chuẩn\nIn trang | Xuất PDF\n{BODY}"
    assert clean(headline_page).startswith("Toàn tỉnh có thêm 13 xã đạt chuẩn\n")


def test_windows_line_ends_and_decomposed_text_are_normalised():
    page = unicodedata.normalize("NFD", "Đăng nhập\r\nNông thôn mới\r\n\r\n\r\n\r\nNăm 2020.")
    assert clean(page) == "Nông thôn mới\n\nNăm 2020."


WRAPPED = (
    "Kết quả xây dựng nông thôn mới tỉnh Hà Lam 6 tháng đầu năm 2016\n"
    "1. Công tác chỉ đạo,\n"
    "điều hành\n"
    "Tỉnh ủy ban hành Đề án xây dựng nông thôn mới giai đoạn\n"
    "2016-2020; Ban Thường vụ Tỉnh ủy ban hành kết luận về cơ chế hỗ trợ thực hiện\n"
    "Chương trình xây dựng nông thôn mới giai đoạn 2016-2020.\n"
    "Tổ chức các đoàn công tác của Tỉnh ủy, UBND tỉnh, Ban Chỉ\n"
    "đạo xây dựng nông thôn mới tỉnh tiến hành kiểm tra, giám sát tại một số xã.\n"
    "Chỉ đạo các huyện xây dựng kế hoạch thực hiện các nhiệm vụ như sau\n"
    "- làm đường giao thông nông thôn, vệ sinh môi trường;\n"
    "- phát triển sản xuất gắn với tiêu thụ sản phẩm nông sản.\n"
)


def test_a_hard_wrapped_text_is_joined_back_into_its_sentences():
    lines = clean(WRAPPED).split("\n")
    assert lines[:2] == [
        "Kết quả xây dựng nông thôn mới tỉnh Hà Lam 6 tháng đầu năm 2016",  # a headline stays
        "1. Công tác chỉ đạo, điều hành",
    ]
    assert lines[2] == (
        "Tỉnh ủy ban hành Đề án xây dựng nông thôn mới giai đoạn 2016-2020; Ban Thường vụ Tỉnh "
        "ủy ban hành kết luận về cơ chế hỗ trợ thực hiện Chương trình xây dựng nông thôn mới "
        "giai đoạn 2016-2020."
    )
    assert lines[3].startswith("Tổ chức các đoàn") and lines[3].endswith("tại một số xã.")
    assert lines[-2:] == [  # list items stay items
        "- làm đường giao thông nông thôn, vệ sinh môi trường;",
        "- phát triển sản xuất gắn với tiêu thụ sản phẩm nông sản.",
    ]


def test_a_page_of_paragraphs_and_short_lines_is_not_joined():
    page = (
        "Hà Lam về đích nông thôn mới\n"
        "Cập nhật lúc 08:00\n"
        "Năm 2022, tỉnh Hà Lam có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã, "
        "chiếm 40,1% tổng số xã của tỉnh.\n"
        "Ảnh: Minh họa\n"
        "Thu nhập bình quân đạt 50 triệu đồng/người/năm.\n"
    )
    assert clean(page) == page.strip().replace("Cập nhật lúc 08:00\n", "Cập nhật lúc 08:00\n")


# --- what is not text is not indexed ------------------------------------------------------

BASE64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg"
    * 8
)


@pytest.mark.parametrize(
    ("run", "what"),
    [
        (BASE64, "base64"),
        ("data:image/png;base64," + BASE64, "data URI"),
        ("x" * 64_000, "one character repeated"),
        ("1, " * 400, "digits and commas, no letter"),
        ("!" * 5_000, "punctuation"),
    ],
    ids=lambda v: v if len(v) < 40 else None,
)
def test_a_run_that_is_not_text_is_cut_out_and_counted(run, what):
    text = f"Huyện Đình Lập có 6/10 xã đạt chuẩn. {run} Thu nhập bình quân đạt 48 triệu đồng."
    dropped: list[int] = []
    out = clean(text, dropped)
    assert out == "Huyện Đình Lập có 6/10 xã đạt chuẩn.\nThu nhập bình quân đạt 48 triệu đồng."
    assert len(dropped) == 1 and dropped[0] >= len(run.strip()), what
    assert clean(out) == out  # cleaning twice changes nothing


def test_runs_up_to_the_threshold_and_runs_of_spaces_stay():
    from ingest.clean import NOT_TEXT_RUN

    url = "https://nongthonmoi.gov.vn/" + "a" * (NOT_TEXT_RUN - 27)
    figures = "12 34 " * (NOT_TEXT_RUN // 6)
    for line in (f"Xem {url} để biết thêm.", f"Bảng: {figures}xã", "xã" + " " * 5_000 + "đạt"):
        dropped: list[int] = []
        assert clean(line, dropped) == line and dropped == []
