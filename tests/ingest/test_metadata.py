"""Titles, dates and places of articles, and the gazetteer behind the places."""

from __future__ import annotations

from pathlib import Path

import pytest

from base.places import (
    DISTRICT_TO_PROVINCES,
    DISTRICTS_BY_PROVINCE,
    PROVINCES,
    PROVINCES_2025,
    canonical_district,
    canonical_province,
    match_key,
    province_of,
)
from base.text import fold
from ingest.clean import clean
from ingest.metadata import document_date, extract_title, find_dates, find_places

DOCS = Path(__file__).resolve().parents[2] / "documents"


def cleaned(name: str) -> str:
    return clean((DOCS / name).read_text(encoding="utf-8"))


EXPECTED = [
    (
        "000_b1a6b20c5124416e.txt",
        "Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn",
        "2021-08-27",
        ("Lạng Sơn",),
        ("Đình Lập",),
    ),
    (
        "001_4df30f9ad513b73d.txt",
        "Tập trung huy động nguồn lực, quyết tâm hoàn thành các tiêu chí huyện NTM trong năm 2021",
        "2021-10-07",
        (),  # a district site: the article never names its district or province
        (),
    ),
    (
        "002_2e0f810e498e8f01.txt",
        "Triển khai nhiệm vụ xây dựng nông thôn mới năm 2020: "
        "Toàn tỉnh phấn đấu có thêm 13 xã đạt chuẩn",
        "2020-02-12",  # not 2022-08-19, the site's "today" line above the headline
        ("Lạng Sơn",),  # "UBND tỉnh" only: the province comes from the paper's tag "LSO-"
        (),
    ),
    (
        "003_7c20399e720dfcdf.txt",
        "Nông thôn mới phải góp phần nâng cao đời sống của người dân",
        "2020-06-26",
        ("Thái Nguyên",),
        ("Phú Bình",),
    ),
    (
        "004_90c6623dd19ec8c0.txt",
        "Lạng Sơn phấn đấu mỗi năm có thêm 10 xã đạt chuẩn nông thôn mới",
        None,  # no article date; 12/8/2011 is the date of a resolution it cites
        ("Lạng Sơn",),
        ("Lạng Sơn",),  # "thành phố Lạng Sơn"
    ),
]
IDS = [row[0][:3] for row in EXPECTED]


@pytest.mark.parametrize(("name", "title", "date", "provinces", "districts"), EXPECTED, ids=IDS)
def test_bundled_documents(name, title, date, provinces, districts):
    text = cleaned(name)
    assert extract_title(text, fallback=Path(name).stem) == title
    assert document_date(text) == date
    assert find_places(text) == (provinces, districts)


# --------------------------------------------------------------------------- titles


def test_title_skips_date_lines_and_joins_a_kicker():
    text = "Thứ hai, 11/10/2021\nHuyện Đình Lập:\n\nVề đích nông thôn mới\n\nNgày 7/10/2021, ..."
    assert extract_title(text, "bai") == "Huyện Đình Lập: Về đích nông thôn mới"


def test_a_text_without_a_headline_is_titled_by_its_opening_not_its_file_name():
    # the first sentence of the first real line, past the page's debris
    debris = "Thứ hai, 11/10/2021\nLiên hệ: toasoan@baolangson.vn\n[Trang 1]\n"
    opening = "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức Hội nghị trực tuyến sơ kết NTM."
    text = debris + opening + " Đồng chí Hồ Tiến Thiệu chủ trì hội nghị. " * 8
    assert extract_title(text, "000_b1a6b20c5124416e") == opening[:-1]
    # a first sentence too long to read as a title: cut after a whole word
    long = "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức Hội nghị trực tuyến " * 6
    title = extract_title(long, "000_bai")
    assert title.endswith("…") and 100 <= len(title) <= 121
    assert long.startswith(title[:-1]) and long[len(title) - 1] == " "  # a whole word
    # the file name only when the text has no line of words
    assert extract_title("", "rong") == "rong"
    assert extract_title("12/10/2021\n0939.923988\n" + "1.234 " * 60, "so-lieu") == "so-lieu"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("Ngày 27/8/2021, UBND tỉnh", "Ngày 27/8/2021", "2021-08-27"),
        ("26-06-2020 14:31", "26-06-2020 14:31", "2020-06-26"),
        ("Thứ sáu, 19/08/2022", "Thứ sáu, 19/08/2022", "2022-08-19"),
        ("11/10/2021", "11/10/2021", "2021-10-11"),
        ("họp ngày 12 tháng 8 năm 2021 tại", "ngày 12 tháng 8 năm 2021", "2021-08-12"),
        ("đến hết tháng 8/2021 bình quân", "tháng 8/2021", "2021-08"),
        ("từ tháng 3 năm 2020", "tháng 3 năm 2020", "2020-03"),
        ("LSO-Ngày 12/2/2020, UBND", "Ngày 12/2/2020", "2020-02-12"),
        ("ngày 05.04.2016", "ngày 05.04.2016", "2016-04-05"),
    ],
)
def test_find_dates(text, span, iso):
    [(start, end, value)] = find_dates(text)
    assert (text[start:end], value) == (span, iso)


@pytest.mark.parametrize(
    "text",
    [
        "năm 2020 toàn tỉnh",
        "có 115/181 xã đạt chuẩn",
        "ngày 31/02/2021",
        "ngày 12/13/2021",
        "giai đoạn 2016 – 2020, 2017-2020",
        "đạt 35,91%; 02 xã đạt từ 15-18 tiêu chí",
        "Nghị quyết số 20-NQ/TU",
        "8 tháng đầu năm 2021",
        "1.250.000.000 đồng",
    ],
)
def test_things_that_are_not_dates(text):
    assert find_dates(text) == []


def test_find_dates_in_order():
    text = "Ngày 27/8/2021, đến hết tháng 7/2021 và ngày 5/4/2016."
    assert [iso for _, _, iso in find_dates(text)] == ["2021-08-27", "2021-07", "2016-04-05"]


LONG = " các đại biểu đã thảo luận, phân tích, đánh giá những thuận lợi và khó khăn."


def test_date_without_year_takes_the_year_of_the_page_date_line():
    text = f"Tiêu đề\n\n26-06-2020 14:31\n\nSáng 26/6, đồng chí Phó Chủ tịch chủ trì.{LONG}"
    assert document_date(text) == "2020-06-26"


def test_publication_line_is_used_when_the_body_gives_no_date():
    text = f"Tiêu đề\n\nThứ hai, 11/10/2021\n\nTại hội nghị,{LONG}{LONG}"
    assert document_date(text) == "2021-10-11"


def test_cited_document_date_is_not_the_article_date():
    text = (
        f"Tiêu đề\n(Dân trí) - UBND tỉnh vừa ban hành kế hoạch.{LONG}\n"
        f"Căn cứ Quyết định số 558/QĐ-TTg ngày 5/4/2016 của Thủ tướng,{LONG}"
    )
    assert document_date(text) is None


def test_first_full_date_of_the_lead_paragraph_counts():
    text = f"Tiêu đề\n\nUBND tỉnh Lạng Sơn tổ chức hội nghị ngày 27/8/2021.{LONG}"
    assert document_date(text) == "2021-08-27"


def test_text_without_a_headline_still_gets_its_lead_date():
    text = f"Chiều ngày 07/10/2021, Ban chỉ đạo huyện tổ chức hội nghị.{LONG}{LONG}{LONG}"
    assert document_date(text) == "2021-10-07"


@pytest.mark.parametrize(
    "ending", ["(24/11/2022)", " (24/11/2022)", " - 24/11/2022", " | 24/11/2022"]
)
def test_a_headline_that_closes_with_its_date_dates_the_article(ending):
    text = f"Huyện Tân Lạc nỗ lực xây dựng huyện nông thôn mới{ending}\n\nĐến nay, toàn huyện{LONG}"
    assert document_date(text) == "2022-11-24"
    assert extract_title(text, "x") == "Huyện Tân Lạc nỗ lực xây dựng huyện nông thôn mới"


@pytest.mark.parametrize(
    "headline",
    [
        "Kỷ niệm ngày 24/11/2012 thành lập hợp tác xã",
        "Chào mừng kỷ niệm 90 năm thành lập Đảng (03/02/1930 - 03/02/2020)",
    ],
)
def test_a_date_inside_the_headline_or_closing_a_range_is_not_the_articles(headline):
    text = f"{headline}\n\nĐến nay, toàn huyện{LONG}"
    assert document_date(text) is None
    assert extract_title(text, "x") == headline


def test_no_date_at_all():
    assert document_date(f"Tiêu đề\n\nNăm 2020, toàn tỉnh{LONG}") is None
    assert document_date("") is None


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("text", "provinces", "districts"),
    [
        ("Đại biểu huyện Đình Lập và huyện Phú Bình", (), ("Đình Lập", "Phú Bình")),
        ("Tỉnh Thái Nguyên và tỉnh Lạng Sơn", ("Thái Nguyên", "Lạng Sơn"), ()),
        ("Lạng Sơn phấn đấu có thêm 10 xã", ("Lạng Sơn",), ()),
        ("UBND TỈNH LẠNG SƠN THÔNG BÁO", ("Lạng Sơn",), ()),
        ("HUYỆN ĐÌNH LẬP", (), ("Đình Lập",)),
        ("các huyện Bắc Sơn, Bình Gia và Văn Quan", (), ("Bắc Sơn", "Bình Gia", "Văn Quan")),
        ("thành phố Lạng Sơn được công nhận", ("Lạng Sơn",), ("Lạng Sơn",)),
        ("TP.HCM và Thành phố Hà Nội", ("Hồ Chí Minh", "Hà Nội"), ()),
        ("Tỉnh Thanh Hoá, tỉnh Khánh Hòa", ("Thanh Hóa", "Khánh Hòa"), ()),
        ("huyện Tam Đảo, tỉnh Vĩnh Phúc", ("Vĩnh Phúc",), ("Tam Đảo",)),
        ("Quận 1 và thành phố Thủ Đức", (), ("Quận 1", "Thủ Đức")),
        ("thành phố Huế", ("Thừa Thiên Huế",), ("Huế",)),
        ("huyện Quảng Ninh (Quảng Bình)", ("Quảng Bình",), ("Quảng Ninh",)),
        ("đồng chí Nguyễn Thái Bình phát biểu", (), ()),
        ("Thái Bình Dương", (), ()),
        ("Tư tưởng Hồ Chí Minh, Chủ tịch Hồ Chí Minh", (), ()),
        ("xã Hòa Bình, phường Hải Dương", (), ()),
        ("hòa bình và ổn định", (), ()),
        ("các huyện duyên hải và chính sách tam nông", (), ()),
        ("huyện đình lập", (), ()),
        ("Lang Son va Dinh Lap", (), ()),  # matching needs the diacritics
        ("huyện Đình Lập, Lạng Sơn", ("Lạng Sơn",), ("Đình Lập",)),
        ("tỉnh Đắk Lắk, huyện Cư M'gar", ("Đắk Lắk",), ("Cư M'gar",)),
    ],
)
def test_find_places(text, provinces, districts):
    assert find_places(text) == (provinces, districts)


def test_places_come_in_order_of_first_mention_once():
    text = (
        "Tỉnh Thái Nguyên, tỉnh Lạng Sơn, tỉnh Thái Nguyên; huyện Phú Bình, huyện Đình Lập, "
        "huyện Phú Bình"
    )
    assert find_places(text) == (("Thái Nguyên", "Lạng Sơn"), ("Phú Bình", "Đình Lập"))


# --------------------------------------------------------------------------- gazetteer


def test_sixty_three_provinces_with_their_districts():
    assert len(PROVINCES) == 63 == len(set(PROVINCES))
    assert len({fold(p) for p in PROVINCES}) == 63  # unambiguous typed without diacritics
    for province, districts in DISTRICTS_BY_PROVINCE.items():
        assert districts, province
        assert len(districts) == len(set(districts)), province


def test_lang_son_districts():
    assert set(DISTRICTS_BY_PROVINCE["Lạng Sơn"]) == {
        "Lạng Sơn",
        "Bắc Sơn",
        "Bình Gia",
        "Cao Lộc",
        "Chi Lăng",
        "Đình Lập",
        "Hữu Lũng",
        "Lộc Bình",
        "Tràng Định",
        "Văn Lãng",
        "Văn Quan",
    }


def test_thai_nguyen_and_vinh_phuc_districts():
    assert set(DISTRICTS_BY_PROVINCE["Thái Nguyên"]) == {
        "Thái Nguyên",
        "Sông Công",
        "Phổ Yên",
        "Đại Từ",
        "Định Hóa",
        "Đồng Hỷ",
        "Phú Bình",
        "Phú Lương",
        "Võ Nhai",
    }
    assert set(DISTRICTS_BY_PROVINCE["Vĩnh Phúc"]) == {
        "Vĩnh Yên",
        "Phúc Yên",
        "Bình Xuyên",
        "Lập Thạch",
        "Sông Lô",
        "Tam Dương",
        "Tam Đảo",
        "Vĩnh Tường",
        "Yên Lạc",
    }


def test_province_of():
    assert province_of("Đình Lập") == ("Lạng Sơn",)
    assert province_of("Phú Bình") == ("Thái Nguyên",)
    assert province_of("Tam Đảo") == ("Vĩnh Phúc",)
    assert len(province_of("Châu Thành")) >= 6
    assert set(DISTRICT_TO_PROVINCES["Châu Thành"]) <= set(PROVINCES)
    assert province_of("dinh lap") == ("Lạng Sơn",)
    assert province_of("Không Có") == ()


def test_canonical_names_from_what_users_type():
    assert canonical_province("lang son") == "Lạng Sơn"
    assert canonical_province("tỉnh Thanh Hoá") == "Thanh Hóa"
    assert canonical_province("TP.HCM") == "Hồ Chí Minh"
    assert canonical_province("Thừa Thiên - Huế") == "Thừa Thiên Huế"
    assert canonical_district("huyện dinh lap") == "Đình Lập"
    assert canonical_district("quận 1") == "Quận 1"
    assert canonical_district("Atlantis") is None


def test_every_2025_province_name_is_understood():
    for name in PROVINCES_2025:
        assert canonical_province(name) in PROVINCES, name


def test_match_key_keeps_length_and_joins_tone_styles():
    for a, b in [("Thanh Hoá", "thanh hóa"), ("Thuỷ", "thủy"), ("KHOẺ", "khỏe")]:
        assert match_key(a) == match_key(b)
        assert len(match_key(a)) == len(a)


def test_page_markers_survive_cleaning_and_are_no_headline_or_date():
    from ingest.pipeline import prepare_document

    text = (
        "[Trang 1]\nHuyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2023\n"
        "Ngày 15/12/2023, UBND huyện Tân Lạc tổ chức hội nghị tổng kết chương trình xây dựng "
        "nông thôn mới năm 2023 và triển khai nhiệm vụ năm 2024.\nIn trang | Xuất PDF\n\n"
        "[Trang 2 · chữ nhận dạng OCR]\nĐến nay huyện có 11 xã đạt chuẩn nông thôn mới, bình "
        "quân mỗi xã đạt 17,2 tiêu chí."
    )
    doc, chunks = prepare_document("tan-lac.pdf", "h", text, max_chars=600)
    lines = doc.text.split("\n")
    assert "[Trang 1]" in lines and "[Trang 2 · chữ nhận dạng OCR]" in lines
    assert "In trang | Xuất PDF" not in doc.text  # debris still goes
    assert doc.meta.title == "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2023"
    assert doc.meta.date == "2023-12-15"
    assert doc.meta.districts == ("Tân Lạc",)
    # the marker stays a line of its own inside the passage that holds it
    second = next(c for c in chunks if "11 xã" in c.text)
    assert "[Trang 2 · chữ nhận dạng OCR]\nĐến nay" in doc.text[second.start : second.end]


def test_the_title_is_the_headline_not_the_pages_contact_or_clock_line():
    page = (
        "ĐT: 0939.923988\nThứ bảy, 23-8-25 22:17:37\nTheo dõi Báo điện tử Hòa Lạc trên\n\n"
        "Huyện Tân Phú nỗ lực giảm nghèo\n\nBáo Hòa Lạc - Huyện Tân Phú giảm 3.427 hộ nghèo."
    )
    assert extract_title(page, "tan-phu.txt") == "Huyện Tân Phú nỗ lực giảm nghèo"
    assert extract_title(
        "Hotline: 024.355.63.010\n\nOCOP toàn quốc năm 2024\n\nNội dung.", "x"
    ) == ("OCOP toàn quốc năm 2024")
    contact = ": toasoandko@gmail.com | : (04) 38.228.302\nLiên hệ Quảng cáo: (04)39.431.943\n\n"
    assert extract_title(contact + "Ninh Phước: Thành tựu\n\nNội dung.", "x") == (
        "Ninh Phước: Thành tựu"
    )
