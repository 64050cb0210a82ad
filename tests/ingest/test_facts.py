"""Reading an article's figures into facts: value, kind, indicator, place and time."""

import dataclasses

from base.types import Document, DocumentMeta
from ingest.facts import read_facts, to_number
from ingest.pipeline import describe_and_split


def _doc(text: str, source: str = "bai-viet.txt") -> Document:
    doc, _ = describe_and_split(source, "f" * 64, text, 600)
    return doc


def _facts(text: str) -> dict[str, object]:
    return {f.value: f for f in read_facts(_doc(text))}


def test_a_total_and_an_increment_in_one_sentence_are_different_facts():
    facts = _facts(
        "Hội nghị tổng kết nông thôn mới tỉnh Hòa Bình\n\n"
        "Năm 2022, tỉnh Hòa Bình có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã, "
        "chiếm 40,1% tổng số xã."
    )
    added, total = facts["12 xã"], facts["85 xã"]
    assert added.kind == "increment" and total.kind == "total"
    assert added.indicator == total.indicator == "xa_dat_chuan"
    assert total.share == "40,1%"
    assert (
        added.time_lo == "2022-01" and added.time_hi == "2022-12" and added.time_from == "sentence"
    )
    assert total.place == "Hòa Bình" and total.place_level == "tinh"


def test_an_act_of_recognition_counts_what_it_recognises_now():
    facts = _facts(
        "Hòa Lạc công nhận thêm xã nông thôn mới\n\n"
        "Ngày 5/3/2023, Chủ tịch UBND tỉnh Hòa Lạc vừa ký quyết định công nhận 8 xã đạt chuẩn "
        "nông thôn mới và 2 xã đạt chuẩn nâng cao năm 2022. Đến nay, toàn tỉnh đã công nhận 85 xã; 60 xã được công nhận "
        "trước năm 2020."
    )
    assert facts["8 xã"].kind == "increment"
    assert facts["2 xã"].kind == "increment"  # 'công nhận 8 xã … và 2 xã …': both are new
    assert facts["85 xã"].kind != "increment"  # 'đến nay … đã công nhận': how many so far
    assert facts["60 xã"].kind != "increment"


def test_decisions_are_counted_and_a_decisions_number_is_no_count():
    facts = _facts(
        "Hòa Lạc công nhận xã nông thôn mới\n\n"
        "Đầu năm 2023, Chủ tịch UBND tỉnh Hòa Lạc đã ký 9 quyết định công nhận 5 xã đạt chuẩn "
        "nông thôn mới. Quyết định 785/QĐ-UBND chọn 28 xã điểm."
    )
    assert facts["9 quyết định"].unit == "quyet dinh"
    assert not any(f.unit == "quyet dinh" for v, f in facts.items() if "785" in v)


def test_ratios_targets_and_categories():
    facts = _facts(
        "Kết quả xây dựng nông thôn mới huyện Tân Mỹ\n\n"
        "Tính đến tháng 6/2023, huyện Tân Mỹ có 14/20 xã đạt chuẩn nông thôn mới, 3 xã đạt chuẩn "
        "nông thôn mới nâng cao và 1 xã đạt chuẩn nông thôn mới kiểu mẫu; bình quân đạt 17,2 tiêu "
        "chí/xã. Năm 2024, huyện phấn đấu có thêm 2 xã đạt chuẩn nâng cao."
    )
    ratio = facts["14/20 xã"]
    assert (ratio.number, ratio.denominator, ratio.indicator) == (14, 20, "xa_dat_chuan")
    assert ratio.time_lo == ratio.time_hi == "2023-06" and ratio.place == "Tân Mỹ"
    assert facts["3 xã"].indicator == "xa_nang_cao"
    assert facts["1 xã"].indicator == "xa_kieu_mau"
    assert facts["17,2 tiêu chí/xã"].indicator == "tieu_chi_binh_quan"
    target = facts["2 xã"]
    assert target.kind == "target" and target.time_lo == "2024-01"


def test_an_undated_article_takes_its_time_from_the_paragraph_or_nothing():
    facts = _facts(
        "Xã Phú Lộc đạt chuẩn nông thôn mới\n\n"
        "Đến cuối năm 2019, toàn huyện có 9 xã đạt chuẩn. Thu nhập bình quân đầu người đạt 48,5 "
        "triệu đồng/người/năm; tỷ lệ hộ nghèo còn 2,35%.\n\n"
        "Huyện cũng đã làm mới 120 km đường giao thông nông thôn."
    )
    assert facts["48,5 triệu đồng/người/năm"].indicator == "thu_nhap"
    assert facts["48,5 triệu đồng/người/năm"].time_from == "paragraph"
    assert facts["2,35%"].indicator == "ho_ngheo"
    road = facts["120 km"]
    assert road.indicator == "duong_km" and road.time_lo == "" and road.time_from == ""


def test_the_documents_own_words_name_places_no_list_knows():
    facts = _facts(
        "Xã Tân Hòa sau sáp nhập\n\n"
        "Năm 2025, xã Tân Hòa, tỉnh Phú Thọ có 8 thôn đạt chuẩn nông thôn mới kiểu mẫu."
    )
    fact = facts["8 thôn"]
    assert fact.place == "Phú Thọ" or fact.place == "Tân Hòa"
    assert fact.indicator == "thon_kieu_mau"


def test_dates_decision_numbers_and_years_are_not_figures():
    facts = _facts(
        "Công nhận xã đạt chuẩn\n\n"
        "Ngày 18/6/2015, UBND tỉnh ban hành Quyết định số 1104/QĐ-UBND công nhận 6 xã đạt chuẩn "
        "nông thôn mới năm 2015."
    )
    assert set(facts) == {"6 xã"}


def test_vietnamese_numbers_read_as_numbers():
    assert to_number("1.234,5") == 1234.5
    assert to_number("12,23") == 12.23
    assert to_number("06") == 6.0
    assert to_number("25.349,65") == 25349.65


def test_billions_and_millions_in_one_amount_are_one_figure():
    facts = _facts(
        "Xã Tân Hòa huy động vốn\n\n"
        "Từ năm 2018 đến nay, xã Tân Hòa đã huy động 71 tỷ 355 triệu đồng để xây dựng nông thôn "
        "mới; riêng năm 2023 là 2 tỉ 50 triệu đồng."
    )
    assert set(facts) == {"71 tỷ 355 triệu đồng", "2 tỉ 50 triệu đồng"}
    assert facts["71 tỷ 355 triệu đồng"].number == 71355
    assert facts["2 tỉ 50 triệu đồng"].number == 2050
    assert facts["71 tỷ 355 triệu đồng"].indicator == "von"


def test_a_ranking_in_the_country_is_no_national_figure():
    facts = _facts(
        "Huyện Tân Hà về đích\n\n"
        "Là huyện đầu tiên trong cả nước đạt huyện nông thôn mới nâng cao, đến cuối năm 2023 thu "
        "nhập bình quân đầu người trên địa bàn huyện đạt trên 74 triệu đồng/người/năm. Cả nước "
        "có 5.425 xã đạt chuẩn nông thôn mới."
    )
    assert facts["trên 74 triệu đồng/người/năm"].place_level == "huyen"
    assert facts["5.425 xã"].place_level == "ca nuoc"


def test_a_place_given_with_its_address_is_the_first_of_the_address():
    facts = _facts(
        "Nông thôn mới miền Tây\n\n"
        "Đến đầu năm 2021, huyện Vị Thủy, tỉnh Hậu Giang đã có 4/9 xã được công nhận đạt chuẩn "
        "nông thôn mới. Tỉnh Hậu Giang, huyện Long Mỹ có 3/8 xã đạt chuẩn. Tỉnh Hậu Giang có 40 "
        "xã đạt chuẩn."
    )
    assert (facts["4/9 xã"].place, facts["4/9 xã"].place_level) == ("Vị Thủy", "huyen")
    assert (facts["3/8 xã"].place, facts["3/8 xã"].place_level) == ("Long Mỹ", "huyen")
    assert (facts["40 xã"].place, facts["40 xã"].place_level) == ("Hậu Giang", "tinh")


def test_places_listed_as_what_an_earlier_count_is_made_of_own_no_later_figure():
    facts = _facts(
        "Nông thôn mới tỉnh Hà Tĩnh\n\n"
        "Đến tháng 6/2021, toàn tỉnh đã có 3 đơn vị cấp huyện hoàn thành nhiệm vụ xây dựng nông "
        "thôn mới là huyện Can Lộc, Nghi Xuân và thị xã Hồng Lĩnh; 92 xã đạt chuẩn nông thôn mới; "
        "huyện Can Lộc có 14 xã đạt chuẩn nâng cao."
    )
    assert (facts["92 xã"].place, facts["92 xã"].place_level) == ("Hà Tĩnh", "tinh")
    # a clause that names its own place keeps it
    assert (facts["14 xã"].place, facts["14 xã"].place_level) == ("Can Lộc", "huyen")


def test_the_province_or_district_said_after_a_place_named_owns_the_total():
    facts = _facts(
        "Quảng Trị có thêm xã nâng cao\n\n"
        "UBND tỉnh Quảng Trị công nhận 4 xã thuộc huyện Cam Lộ đạt chuẩn nâng cao năm 2023, nâng "
        "tổng số xã đạt chuẩn nâng cao của tỉnh lên 35 xã. Tổng số xã nâng cao của huyện Cam Lộ "
        "là 11 xã."
    )
    assert (facts["35 xã"].place, facts["35 xã"].place_level) == ("Quảng Trị", "tinh")
    assert (facts["11 xã"].place, facts["11 xã"].place_level) == ("Cam Lộ", "huyen")


def test_a_district_named_in_the_title_without_its_level_is_what_the_article_is_about():
    facts = _facts(
        "Ba Tơ (Quảng Ngãi): nông thôn mới đạt nhiều kết quả\n\n"
        "Sáng 5/1, huyện Ba Tơ tổng kết năm 2021.\n\n"
        "Năm 2021 đã có 8 xã đạt chuẩn nông thôn mới, tăng 2 xã; năm 2022 phấn đấu có thêm 4 xã "
        "về đích."
    )
    for value in ("8 xã", "4 xã"):
        assert (facts[value].place, facts[value].place_level) == ("Ba Tơ", "huyen")


def test_every_fact_points_at_its_verbatim_value_and_sentence(tmp_path):
    from tests.conftest import DOCUMENTS

    for path in sorted(DOCUMENTS.glob("*.txt")):
        doc = _doc(path.read_text(encoding="utf-8"), path.name)
        for fact in read_facts(doc):
            assert doc.text[fact.value_start : fact.value_end].strip() == fact.value
            assert fact.start <= fact.value_start < fact.value_end <= fact.end
            assert "\n" not in doc.text[fact.start : fact.end]


def test_document_meta_is_kept():
    doc = _doc("Tiêu đề\n\nToàn tỉnh có 5 xã đạt chuẩn nông thôn mới.", "a.txt")
    assert isinstance(doc.meta, DocumentMeta)
    assert all(f.source == "a.txt" and f.version == "f" * 16 for f in read_facts(doc))


def test_the_programmes_name_is_not_a_target_and_ratios_read_in_words():
    facts = _facts(
        "Huyện Mường Tè tổng kết 10 năm xây dựng nông thôn mới\n\n"
        "Qua 10 năm thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, huyện Mường "
        "Tè đã bố trí tổng kinh phí thực hiện hơn 2.150 tỷ đồng. Tính đến tháng 5/2021, toàn "
        "huyện có 7 trong tổng số 13 xã được công nhận đạt chuẩn nông thôn mới."
    )
    money = facts["hơn 2.150 tỷ đồng"]
    assert money.kind != "target" and money.indicator == "von"
    ratio = facts["7 trong tổng số 13 xã"]
    assert (ratio.number, ratio.denominator, ratio.indicator) == (7, 13, "xa_dat_chuan")


def test_every_criterion_met_is_not_yet_recognition():
    facts = _facts(
        "Điện Biên: kết quả xây dựng nông thôn mới\n\n"
        "Toàn tỉnh Điện Biên hiện có 21 xã đạt 19/19 tiêu chí; trong đó có 15 xã đã được công "
        "nhận đạt chuẩn nông thôn mới. Có 6 xã hoàn thành 15/15 tiêu chí nông thôn mới nâng cao."
    )
    assert facts["21 xã"].indicator == "xa_du_tieu_chi"
    assert facts["15 xã"].indicator == "xa_dat_chuan"
    assert facts["6 xã"].indicator == "xa_nang_cao_du_tieu_chi"


def test_a_bare_name_the_document_introduced_is_that_place():
    facts = _facts(
        "Hai xã của huyện Kim Sơn về đích nông thôn mới nâng cao\n\n"
        "Năm 2023, xã Yên Lộc và xã Như Hòa được công nhận đạt chuẩn nông thôn mới nâng cao. Tỷ lệ "
        "hộ nghèo giảm còn dưới 1% (Yên Lộc 0,42%, Như Hòa 0,77%)."
    )
    assert (facts["0,77%"].place, facts["0,77%"].place_level) == ("Như Hòa", "xa")
    assert facts["0,42%"].place == "Yên Lộc"


def test_a_national_meeting_held_in_a_province_is_about_the_country():
    facts = _facts(
        "Hội nghị toàn quốc hệ thống văn phòng điều phối nông thôn mới\n\n"
        "Sáng 10-3 tại TP Đà Nẵng, Văn phòng Điều phối nông thôn mới Trung ương tổ chức hội nghị "
        "toàn quốc năm 2023.\n\n"
        "Thu nhập bình quân đầu người ở khu vực nông thôn năm 2022 đạt 46,2 triệu đồng/người/năm."
    )
    income = facts["46,2 triệu đồng/người/năm"]
    assert income.place_level == "ca nuoc" and income.place != "Đà Nẵng"


def test_an_article_on_the_countrys_results_naming_several_provinces_is_national():
    facts = _facts(
        "Tổng kết chương trình nông thôn mới\n\n"
        "Bí thư Thành ủy Cần Thơ dự hội nghị. Đến hết năm 2022, cả nước có 5 tỉnh Đồng Nai, Nam "
        "Định, Hà Nam, Hưng Yên và Hải Dương hoàn thành nhiệm vụ xây dựng nông thôn mới.\n\n"
        "Thu nhập bình quân đầu người ở khu vực nông thôn năm 2022 đạt 46,2 triệu đồng/người/năm."
    )
    assert facts["46,2 triệu đồng/người/năm"].place_level == "ca nuoc"


def test_a_meeting_reviewing_a_year_and_setting_the_next_years_tasks():
    from ingest.facts import sentence_time

    doc = _doc(
        "Tuyên Quang tổng kết nông thôn mới năm 2021\n\n"
        "Ngày 12/1/2022, UBND tỉnh tổ chức hội nghị tổng kết Chương trình mục tiêu quốc gia xây "
        "dựng nông thôn mới năm 2021, triển khai nhiệm vụ năm 2022. Đồng chí Hoàng Văn An chủ "
        "trì hội nghị."
    )
    start = doc.text.index("Đồng chí")
    lo, hi, label, _ = sentence_time(doc, start, len(doc.text))
    assert (lo, hi, label) == ("2021-01", "2021-12", "năm 2021")


def test_a_provincial_article_comparing_itself_with_the_country_stays_provincial():
    facts = _facts(
        "Tổng kết năm 2022\n\n"
        "Năm 2022, tỉnh Thái Bình đứng thứ 3 cả nước về số xã đạt chuẩn, sau Nam Định và Hà Nam. "
        "Thái Bình có 100% xã đạt chuẩn; Thái Bình tiếp tục chỉ đạo xây dựng nông thôn mới.\n\n"
        "Thu nhập bình quân đầu người ở khu vực nông thôn đạt 62,5 triệu đồng/người/năm."
    )
    income = facts["62,5 triệu đồng/người/năm"]
    assert (income.place, income.place_level) == ("Thái Bình", "tinh")


def test_a_gap_between_figures_and_what_counted_places_share_are_not_figures_of_their_own():
    facts = _facts(
        "Huyện Ia Lâm tổng kết 10 năm xây dựng nông thôn mới\n\n"
        "Tỷ lệ hộ nghèo của huyện Ia Lâm giảm còn 9,4%, thấp hơn 1,8% so với bình quân toàn tỉnh. "
        "Cả nước đã có 21 đơn vị cấp tỉnh có 100% số xã đạt chuẩn nông thôn mới. Toàn huyện có 3 "
        "xã đạt chuẩn nâng cao, 2 xã đạt chuẩn kiểu mẫu."
    )
    assert facts["9,4%"].kind != "difference" and facts["9,4%"].indicator == "ho_ngheo"
    assert facts["hơn 1,8%"].kind == "difference"
    assert "100%" not in facts and "21 đơn vị cấp tỉnh" in facts
    assert facts["2 xã"].indicator == "xa_kieu_mau" and facts["2 xã"].kind != "difference"


def test_now_in_an_undated_article_is_not_a_year_named_before_it():
    facts = _facts(
        "Huyện Ia Lâm sau 10 năm xây dựng nông thôn mới\n\n"
        "Năm 2015 bình quân đạt 11,5 tiêu chí/xã, đến nay đạt 16,1 tiêu chí/xã; tỷ lệ hộ nghèo "
        "còn 7,2%."
    )
    assert facts["11,5 tiêu chí/xã"].time_lo == "2015-01"
    assert facts["16,1 tiêu chí/xã"].time_lo == "" and facts["7,2%"].time_lo == ""


def test_a_time_after_a_figure_dates_the_figure_that_follows_it():
    facts = _facts(
        "Thành phố Tân An: 10 năm nông thôn mới\n\n"
        "Tỷ lệ hộ nghèo năm 2011 tại 5 xã là 4,12%, đến cuối năm 2019 giảm còn 0,64%.\n\n"
        "Thu nhập bình quân đạt 51,2 triệu đồng/người/năm; giá trị sản phẩm tăng từ 70 triệu "
        "đồng/ha năm 2010 lên 150 triệu đồng/ha."
    )
    assert facts["4,12%"].time_lo == "2011-01"
    assert facts["0,64%"].time_hi == "2019-12"
    assert facts["70 triệu đồng"].time_lo == "2010-01"
    assert facts["51,2 triệu đồng/người/năm"].time_lo == ""  # not 2010: another clause's figure


def test_a_band_of_communes_and_an_excess_over_plan_are_not_figures_of_the_standard():
    facts = _facts(
        "Lạng Sơn tổng kết nông thôn mới\n\n"
        "Đến năm 2025, bình quân mỗi xã đạt 15 tiêu chí, không có xã dưới 10 tiêu chí. Trong năm "
        "có 13 xã được công nhận đạt chuẩn NTM, vượt kế hoạch 1 xã, nâng tổng số lên 61 xã."
    )
    assert "dưới 10 tiêu chí" not in facts
    assert facts["15 tiêu chí"].indicator == "tieu_chi_binh_quan"
    assert facts["1 xã"].kind == "difference" and facts["61 xã"].kind == "total"


def test_a_table_row_is_about_its_narrowest_place():
    doc = _doc(
        "Kết quả giảm nghèo huyện Văn Lãng năm 2023\n"
        "Dòng 2: Xã: Tân Mỹ; Thôn: Nà Lừa; Số hộ nghèo: 12\n"
        "Dòng 3: Thôn: Khòn Pát; Xã: Tân Mỹ; Số hộ nghèo: 7\n"
        "Dòng 4: Huyện: Văn Lãng; Xã: Hoàng Văn Thụ; Số hộ nghèo: 30\n"
    )
    places = {f.value: (f.place, f.place_level) for f in read_facts(doc)}
    assert places == {
        "12 hộ": ("Nà Lừa", "thon"),
        "7 hộ": ("Khòn Pát", "thon"),
        "30 hộ": ("Hoàng Văn Thụ", "xa"),
    }


def test_a_goal_set_is_a_target_and_a_goal_reached_is_a_result():
    """'đặt mục tiêu' (set a goal) and 'đạt mục tiêu' (reached one) fold to the same letters."""
    facts = _facts(
        "Xã Hòa Phú năm 2024\n\n"
        "Năm 2024, xã Hòa Phú đặt mục tiêu giảm tỷ lệ hộ nghèo từ 3,6% xuống còn 1,8%; nâng thu "
        "nhập bình quân đạt 60 triệu đồng/người/năm. Năm 2023, xã đã đạt mục tiêu 16/19 tiêu chí."
    )
    assert facts["1,8%"].kind == facts["60 triệu đồng/người/năm"].kind == "target"
    assert facts["16/19 tiêu chí"].kind != "target"
    # a share of a plan reached measures the result against the plan: no figure in it is planned
    reached = _facts(
        "Tỉnh Hòa Bình tháng 3/2024\n\n"
        "Đến tháng 3/2024, toàn tỉnh có 96 xã đạt chuẩn nông thôn mới (đạt 92% mục tiêu giai đoạn "
        "2021-2025), trong đó 21 xã đạt chuẩn nông thôn mới nâng cao (bằng 105% kế hoạch năm)."
    )
    assert reached["96 xã"].kind != "target" and reached["21 xã"].kind != "target"
    # those of the registered that met the standard are a result; a registration stays a plan
    registered = _facts(
        "Tỉnh Hòa Bình\n\n"
        "Toàn tỉnh có hơn 4.000 hộ đăng ký xây dựng vườn mẫu, trong đó có 120 khu dân cư, "
        "hơn 900 vườn mẫu đạt chuẩn. Năm 2024, có 15 xã đăng ký đạt chuẩn nông thôn mới."
    )
    assert registered["120 khu dân cư"].kind != "target"
    assert registered["hơn 900 vườn mẫu"].kind != "target"
    assert registered["15 xã"].kind == "target"
    # a plan issued on a date: its figures hold for the plan's horizon, not that date
    plan = _facts(
        "Kế hoạch của tỉnh Hòa Bình\n\n"
        "Đến cuối năm 2020, phấn đấu công nhận 70 ấp đạt chuẩn nông thôn mới theo Kế hoạch số 680 "
        "của UBND tỉnh, ngày 19-2-2019."
    )["70 ấp"]
    assert plan.kind == "target" and plan.time_hi == "2020-12"


PLANS = (
    "Kế hoạch nông thôn mới tỉnh Hòa Bình\n\n"
    "Năm 2023, toàn tỉnh phấn đấu có thêm 9 xã đạt chuẩn nông thôn mới, nâng tổng số lên 96 xã; "
    "12 xã vùng cao phấn đấu bình quân đạt từ 13 đến 14 tiêu chí/xã; bình quân mỗi xã trên địa "
    "bàn tỉnh đạt từ 16 đến 16,5 tiêu chí.\n\n"
    "Mục tiêu đến năm 2025: toàn tỉnh có 110/150 xã đạt chuẩn nông thôn mới (bình quân mỗi năm "
    "có thêm 8 xã). Bình quân mỗi xã nâng cao trên địa bàn đạt 10 tiêu chí; có thêm 2 huyện "
    "đạt chuẩn.\n\n"
    "Năm 2023, toàn tỉnh có 7 xã phấn đấu đạt chuẩn nông thôn mới nâng cao.\n\n"
    "Đến nay, 4 xã điểm phấn đấu đạt chuẩn nông thôn mới kiểu mẫu đã đạt trung bình 12,5/15 "
    "tiêu chí/xã."
)


def test_a_target_keeps_what_it_counts_and_which_part_of_the_place():
    """What a brief pairs a target by: a total, an increment, a yearly increment, an average
    of part of the province; and a count of the communes that aim at another figure is none
    of the indicator before it."""
    facts = _facts(PLANS)
    rows = {
        "9 xã": ("target", "increment", "", "xa_dat_chuan"),
        "96 xã": ("target", "total", "", "xa_dat_chuan"),
        "từ 13 đến 14 tiêu chí/xã": ("target", "value", "xã vùng cao", "tieu_chi_binh_quan"),
        "từ 16 đến 16,5 tiêu chí": ("target", "value", "", "tieu_chi_binh_quan"),
        "110/150 xã": ("target", "total", "", "xa_dat_chuan"),
        "8 xã": ("target", "per_year", "", "xa_dat_chuan"),
        "10 tiêu chí": ("target", "value", "xã nâng cao", "tieu_chi_binh_quan"),
        "2 huyện": ("target", "increment", "", "huyen_dat_chuan"),
        "7 xã": ("target", "increment", "", "xa_nang_cao"),
        "12,5/15 tiêu chí/xã": ("value", "", "xã điểm", "tieu_chi_binh_quan"),
    }
    for value, (kind, aim, group, key) in rows.items():
        f = facts[value]
        assert (f.kind, f.aim, f.group, f.indicator) == (kind, aim, group, key), value
    assert facts["12 xã"].indicator == ""  # how many communes aim at the average after it
    assert facts["12 xã"].group == "xã vùng cao"
    assert facts["110/150 xã"].time_hi == "2025-12" and facts["10 tiêu chí"].time_hi == "2025-12"


def test_an_aside_a_comparison_and_a_share_of_its_own_base_read_as_written():
    facts = _facts(
        "Huyện Hòa Lạc về đích nông thôn mới\n\n"
        "Đến cuối năm 2021, thu nhập bình quân đầu người đạt 45 triệu đồng/năm, tăng 3,2 lần so "
        "năm 2011, tỷ lệ hộ nghèo (theo chuẩn mới) còn 2,15% (so năm 2018 là 5,4%); 97,5% hộ "
        "nghèo được vay vốn, 88,2% số dân tham gia bảo hiểm y tế."
    )
    # the aside in brackets does not hide what the figure counts, nor its time
    poor = facts["2,15%"]
    assert poor.indicator == "ho_ngheo" and poor.time_lo[:4] == "2021"
    # 'so năm 2011' is what the rise compares with, not when anything holds; the year of
    # '(so năm 2018 là 5,4%)' is that figure's own
    assert facts["5,4%"].time_lo[:4] == "2018"
    # a share that names its own base ('số dân') is not a poverty rate
    assert facts["88,2%"].indicator != "ho_ngheo"


def test_a_share_in_brackets_or_of_the_whole_goes_with_its_count():
    facts = _facts(
        "Kết quả xây dựng nông thôn mới tỉnh Tân Mỹ\n\n"
        "Đến tháng 1/2025, tỉnh Tân Mỹ có 125/160 xã (78%) đạt chuẩn nông thôn mới. "
        "Năm 2020, tỉnh có 61/119 xã được công nhận đạt chuẩn (đạt 51,2% tổng số xã). "
        "Năm 2021, tỉnh có 70 xã đạt chuẩn, đạt 97,5% mục tiêu."
    )
    # what a count in front of a bracketed share counts follows the brackets
    assert facts["125/160 xã"].indicator == "xa_dat_chuan"
    assert facts["61/119 xã"].share == "51,2%"
    assert facts["70 xã"].share == ""  # a share of the plan is no share of the communes


def test_a_communes_article_speaks_of_it_as_the_commune():
    facts = _facts(
        "Xã Tân Mỹ, huyện Hòa Lạc: cơ bản đạt chuẩn nông thôn mới nâng cao\n\n"
        "Đến nay, xã đã đạt 19/19 tiêu chí theo bộ tiêu chí nông thôn mới nâng cao của tỉnh."
    )
    # the title opens with its commune, and 'xã đã đạt' is that commune's result
    assert (facts["19/19 tiêu chí"].place, facts["19/19 tiêu chí"].place_level) == ("Tân Mỹ", "xa")


def test_a_communes_article_whose_title_does_not_name_it_is_still_about_the_commune():
    own = (
        "Hạ tầng đổi thay, thu nhập tăng\n\n"
        "Sau khi đạt chuẩn, tỷ lệ lao động qua đào tạo là 72,5%.\n\n"
        "Nông dân xã Tân Lập, tỉnh Đắk Lắk trồng cà phê.\n\n"
        "Trạm cấp nước phục vụ 150 hộ của xã Đông Sơn cũ.\n\n"
        "Theo lãnh đạo xã Tân Lập, người dân rất phấn khởi."
    )
    share = _facts(own)["72,5%"]
    # named twice, more than the old commune and as often as the province: its article
    assert (share.place, share.place_level) == ("Tân Lập", "xa")
    # an article naming its province more often than the commune is the province's
    provincial = own.replace("xã Đông Sơn cũ", "tỉnh Đắk Lắk").replace(
        "người dân rất", "người dân Đắk Lắk rất"
    )
    share = _facts(provincial)["72,5%"]
    assert (share.place, share.place_level) == ("Đắk Lắk", "tinh")


def test_a_breakdown_by_place_in_brackets_gives_each_count_its_place_and_what_it_counts():
    facts = read_facts(
        _doc(
            "Gia Nghĩa có 40 xã đạt chuẩn\n\n"
            "Toàn tỉnh có 40 xã đạt chuẩn nông thôn mới. Số xã đạt chuẩn nông thôn mới thuộc "
            "các huyện gồm: Đắk Song (9 xã), Krông Nô ( 6 xã) và thành phố Gia Nghĩa (2 xã). "
            "Xã Nam Dong (Cư Jút) đạt 19 tiêu chí."
        )
    )
    by_value = {f.value: f for f in facts}
    for value, place in (("9 xã", "Đắk Song"), ("6 xã", "Krông Nô"), ("2 xã", "Gia Nghĩa")):
        fact = by_value[value]
        assert (fact.place, fact.place_level, fact.indicator) == (place, "huyen", "xa_dat_chuan")
    # a place in brackets that is no count's is an address, not a breakdown
    assert by_value["19 tiêu chí"].place == "Nam Dong"


def test_tonnes_metres_and_square_metres_are_figures_with_their_unit():
    facts = _facts(
        "Bản Nà Lốc làm đường\n\n"
        "Bản được hỗ trợ 33 tấn xi măng, bà con hiến 1.200 m2 đất và làm được 270m đường."
    )
    assert {v: f.unit for v, f in facts.items()} == {
        "33 tấn": "tan",
        "1.200 m2": "m2",
        "270m": "m",
    }


def test_a_share_keeps_its_approximation():
    facts = _facts(
        "Xã Tân An\n\n"
        "Đây là xã có đông đồng bào Khmer sinh sống, với hơn 1.500 người, chiếm trên 30% dân số."
    )
    assert facts["hơn 1.500 người"].share == "trên 30%"


def test_a_new_word_before_a_list_of_counts_makes_each_of_them_new():
    facts = read_facts(
        _doc(
            "Bình Minh có 302 xã\n\n"
            "Với việc công nhận mới 3 xã đạt chuẩn NTM và 7 xã đạt chuẩn NTM nâng cao, tỉnh hiện "
            "có 302 xã đạt chuẩn NTM. Trong đó 21 sản phẩm cấp lại, 7 sản phẩm cấp mới và 12 "
            "sản phẩm nâng hạng."
        )
    )
    kinds = [(f.value, f.kind.value) for f in facts if f.start > 0]  # not the title
    assert kinds == [
        ("3 xã", "increment"),
        ("7 xã", "increment"),  # 'công nhận mới' reaches over 'và'
        ("302 xã", "total"),
        ("21 sản phẩm", "part"),
        ("7 sản phẩm", "increment"),
        ("12 sản phẩm", "value"),  # 'cấp mới' is the 7's own word
    ]


def test_ocop_entities_are_counted_in_their_own_unit():
    facts = _facts("OCOP Bình Minh\n\nToàn tỉnh có 219 chủ thể với 569 sản phẩm OCOP.")
    assert (facts["219 chủ thể"].unit, facts["569 sản phẩm"].unit) == ("chu the", "san pham")


def test_a_period_ending_at_the_documents_date_dates_its_total_there_and_donating_is_not_now():
    text = (
        "Hải Lâm tổng kết 10 năm\n\n"
        "Giai đoạn 2010 - 2020, tổng vốn huy động đạt 1.942 tỷ đồng, trong đó Nhân dân hiến "
        "đất 90.000 m2."
    )
    doc, _ = describe_and_split("hai-lam.txt", "f" * 64, text, 600)
    doc = Document(dataclasses.replace(doc.meta, date="2020-12-18"), doc.text)
    total = next(f for f in read_facts(doc) if f.value == "1.942 tỷ đồng")
    # as of the article's date, which the sentence's own period vouches for
    assert (total.time_text, total.time_from) == ("18/12/2020", "sentence")


def test_places_named_with_the_programme_written_out_meet_its_standard():
    facts = _facts(
        "Tỉnh Hòa Lạc công nhận thêm xã nâng cao\n\n"
        "Đến nay, tỉnh Hòa Lạc có 5/7 huyện nông thôn mới, 88 xã nông thôn mới và 31 xã nông thôn "
        "mới nâng cao. Trong xây dựng nông thôn mới, tỉnh có 12 huyện."
    )
    assert facts["5/7 huyện"].indicator == "huyen_dat_chuan"
    assert facts["88 xã"].indicator == "xa_dat_chuan"
    assert facts["31 xã"].indicator == "xa_nang_cao"
    # the programme named before a count is no standard of the places counted
    assert facts["12 huyện"].indicator == ""


def test_a_breakdown_by_grade_gives_each_count_its_grade():
    facts = _facts(
        "OCOP tỉnh Hòa Lạc\n\n"
        "Đến nay, tỉnh Hòa Lạc có 212 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, gồm 150 sản phẩm "
        "3 sao, 57 sản phẩm 4 sao và 5 sản phẩm 5 sao."
    )
    assert facts["212 sản phẩm"].indicator == "ocop"
    assert facts["150 sản phẩm"].indicator == "ocop_3_sao"
    assert facts["57 sản phẩm"].indicator == "ocop_4_sao"
    assert facts["5 sản phẩm"].indicator == "ocop_5_sao"
    # every item of the breakdown is a part of the whole, not a standing count of its own
    assert {facts[v].kind for v in ("150 sản phẩm", "57 sản phẩm", "5 sản phẩm")} == {"part"}
    assert facts["212 sản phẩm"].kind != "part"
    # a product's own star grade, in a sentence that names no programme, is OCOP's
    graded = _facts(
        "Tỉnh Hòa Lạc\n\nNăm 2020 tỉnh có 5 sản phẩm được công nhận sản phẩm OCOP. Trong đó có 3 "
        "sản phẩm 3 sao và 2 sản phẩm 4 sao."
    )
    assert (graded["3 sản phẩm"].indicator, graded["2 sản phẩm"].indicator) == (
        "ocop_3_sao",
        "ocop_4_sao",
    )
    # products counted in a sentence that names the programme before them are its products
    named = _facts(
        "Tỉnh Hòa Lạc\n\nSau 5 năm triển khai Chương trình Mỗi xã một sản phẩm (OCOP), đến nay "
        "tỉnh có 120 chủ thể tham gia chương trình với 310 sản phẩm, trong đó có 150 sản phẩm đạt "
        "từ 3-5 sao."
    )
    assert named["310 sản phẩm"].indicator == named["150 sản phẩm"].indicator == "ocop"
    # a count of another unit after a breakdown is no item of it
    other = _facts(
        "Tỉnh Hòa Lạc cuối năm 2022\n\n"
        "Đến cuối năm 2022, tỉnh có 64/80 xã đạt chuẩn nông thôn mới; trong đó có 16 xã đạt chuẩn "
        "nông thôn mới nâng cao, 3 đơn vị cấp huyện hoàn thành nhiệm vụ xây dựng nông thôn mới."
    )
    assert other["16 xã"].kind == "part" and other["3 đơn vị cấp huyện"].kind != "part"


def test_a_count_whose_unit_is_named_before_it_is_read_in_that_unit():
    facts = _facts(
        "Huyện Thanh Bình tổng kết năm 2023\n\n"
        "Số tiêu chí bình quân mỗi xã là 15,9, cao hơn bình quân chung của tỉnh. Năm 2023, tổng "
        "số xã đạt chuẩn nông thôn mới của huyện Thanh Bình: 12. Số quyết định công nhận là "
        "1234/QĐ-UBND."
    )
    average, communes = facts["15,9 tiêu chí"], facts["12 xã"]
    assert average.indicator == "tieu_chi_binh_quan" and average.number == 15.9
    assert communes.indicator == "xa_dat_chuan" and communes.time_lo == "2023-01"
    # the value is the text at its span, the unit from the words that name it
    doc = _doc("x\n\nSố tiêu chí bình quân mỗi xã là 15,9, cao hơn năm trước.")
    (fact,) = read_facts(doc)
    assert doc.text[fact.value_start : fact.value_end] == "15,9"
    # a decision's number is no count of decisions
    assert not any(v.startswith("1234") for v in facts)
    # … and a count the number is raised to, as a plan
    raised = _facts(
        "Tỉnh Hòa Lạc giai đoạn 2021-2025\n\n"
        "Giai đoạn 2021-2025, phấn đấu có thêm 2 huyện đạt chuẩn nông thôn mới, nâng số đơn vị "
        "cấp huyện đạt chuẩn, hoàn thành nhiệm vụ nông thôn mới lên 6/9."
    )["6/9 đơn vị cấp huyện"]
    assert raised.indicator == "huyen_dat_chuan" and raised.kind == "target"
    # the level a clause counts at, named before it: a share of district-level units
    level = _facts(
        "Cả nước năm 2025\n\n"
        "Ở cấp huyện, 48% đã hoàn thành nhiệm vụ, đạt chuẩn nông thôn mới. Cấp tỉnh có 10 tỉnh "
        "hoàn thành nhiệm vụ xây dựng nông thôn mới."
    )
    assert level["48%"].indicator == "ty_le_huyen"
