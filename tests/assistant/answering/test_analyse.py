"""The analysis stage: what a question asks, where, when, of what kind (no index, no model)."""

import pytest

from assistant.answering.analyse import analyze
from assistant.answering.followup import resolve_follow_up
from assistant.answering.records import Measure, QuestionKind
from assistant.answering.rules import Rules
from assistant.answering.split import split_question

RULES = Rules().analyse


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("Huyện Bắc Sơn có bao nhiêu xã đạt chuẩn nông thôn mới?", "number", "xa"),
        ("huyen bac son co bao nhieu xa dat chuan", "number", "xa"),
        ("Tỉnh làm mới được bao nhiêu km đường bê tông?", "number", "km"),
        ("Tổng số xã đạt chuẩn của tỉnh là bao nhiêu?", "number", "xa"),
        ("Tỷ lệ hộ nghèo của huyện là bao nhiêu?", "percent", "%"),
        ("Ai là Bí thư Huyện ủy Cao Lộc?", "person", None),
        ("Hội nghị tổng kết được tổ chức vào ngày nào?", "date", None),
        ("Thôn nào của xã Yên Phúc đạt chuẩn khu dân cư kiểu mẫu?", "place", "thon"),
        ("Which commune of Van Quan district reached the standard first?", "place", "xa"),
        ("How many communes of Lạng Sơn met the new rural standard?", "number", "xa"),
        ("Who chaired the conference on new rural development?", "person", None),
    ],
)
def test_what_a_question_asks_for(question, kind, unit):
    frame = analyze(question)
    assert (frame.kind, frame.unit) == (kind, unit)


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("Huyện Văn Lãng có bao nhiêu xã?", {("huyen", "van lang")}),
        ("van lang co bao nhieu xa dat chuan", {("huyen", "van lang")}),
        ("Lạng Sơn có bao nhiêu xã?", {("tinh", "lang son")}),
        ("Thành phố Lạng Sơn đạt bao nhiêu tiêu chí?", {("thanh pho", "lang son")}),
        ("xã Tân Thành của huyện Phú Bình", {("xa", "tan thanh"), ("huyen", "phu binh")}),
        ("thu nhap huyen hai ha nam 2020", {("huyen", "hai ha")}),  # not 'Hà Nam'
        # everyday words that fold to a district's name: 'là gì', 'văn bản', 'tương đương'
        ("nhung kho khan cua lang son la gi", {("tinh", "lang son")}),
        ("van ban nao cong nhan lang son dat chuan", {("tinh", "lang son")}),
        ("thi xa la gi co bao nhieu xa", {("thi xa", "la gi")}),
        ("huyen van ban co bao nhieu xa", {("huyen", "van ban")}),
        # a count before the place word: communes of the province, not a commune so named
        ("Ba xã Quảng Bình đăng ký đạt chuẩn kiểu mẫu là những xã nào?", {("tinh", "quang binh")}),
        ("cac xa quang binh dat chuan", {("tinh", "quang binh")}),
        ("Năm 2020 xã Minh Quang có bao nhiêu thôn?", {("xa", "minh quang")}),  # a year
        # a city of province rank is a province; a province's own city is a district
        ("Đến tháng 9/2016, TP Hồ Chí Minh có bao nhiêu xã?", {("tinh", "ho chi minh")}),
        ("thanh pho can tho co bao nhieu xa", {("tinh", "can tho")}),
        ("Thành phố Lạng Sơn có bao nhiêu xã?", {("thanh pho", "lang son")}),
        # a commune no list knows, typed without diacritics: the words after 'xa' up to the
        # next place word, a district, a year or a verb
        ("xa ang nua nam 2016 dat bao nhieu tieu chi", {("xa", "ang nua")}),
        ("thon tan long xa ho son dat may tieu chi", {("thon", "tan long"), ("xa", "ho son")}),
        (
            "xa binh dan kim thanh huy dong bao nhieu von",
            {("xa", "binh dan"), ("huyen", "kim thanh")},
        ),
        ("ty le xa hoi hoa nguon von la bao nhieu", set()),  # 'xã hội hóa' is no commune
        ("xa binh dan ty le ho ngheo nam 2022", {("xa", "binh dan")}),
        ("xa hoa quang bac dat chuan nam nao", {("xa", "hoa quang bac")}),
        # an apostrophe inside a name typed without diacritics
        (
            "dak nong: huyen dak r'lap co bao nhieu xa",
            {("huyen", "dak r'lap"), ("tinh", "dak nong")},
        ),
        # words that fold like a province's name but are written with other letters: 'Đầm Hà
        # năm 2023' is no Hà Nam, 'Sơn Hà nói' no Hà Nội; a name typed without diacritics is
        ("Đầm Hà năm 2023 có mấy xã kiểu mẫu?", {("huyen", "dam ha")}),
        ("Năm 2020 Sơn Hà nói gì về nông thôn mới?", {("huyen", "son ha")}),
        ("Ha Noi có bao nhiêu xã đạt chuẩn?", {("tinh", "ha noi")}),
        ("Thanh Hoá có bao nhiêu xã đạt chuẩn?", {("tinh", "thanh hoa")}),
    ],
)
def test_places_named_in_a_question(question, places):
    assert {(p.level, p.name) for p in analyze(question).places} == places


@pytest.mark.parametrize(
    ("question", "target", "allotted"),
    [
        ("Năm 2017 huyện được giao bao nhiêu xã đạt chuẩn?", True, True),  # a quota
        ("Năm 2018 huyện bố trí bao nhiêu vốn cho chương trình?", False, True),
        ("Năm 2018 huyện huy động bao nhiêu vốn?", False, False),
        ("Xã được giao nhiệm vụ gì?", False, False),
        ("By how much was rural income expected to increase by 2030?", True, False),
        # a result measured against the plan, not the plan
        ("Năm 2023 tỉnh đạt bao nhiêu phần trăm kế hoạch xây dựng xã nông thôn mới?", False, False),
        ("Năm 2023 tỉnh đặt kế hoạch bao nhiêu xã đạt chuẩn?", True, False),
    ],
)
def test_quotas_are_targets_and_allotments_accept_plans(question, target, allotted):
    frame = analyze(question)
    assert (frame.target, frame.allotted) == (target, allotted)


@pytest.mark.parametrize(
    ("question", "places", "indicator"),
    [
        # the occasion dates the question; the province is asked about, all its communes
        (
            "Khi huyện Hòa Lạc được công nhận đạt chuẩn năm 2018, toàn tỉnh Bình Minh có bao "
            "nhiêu xã đạt chuẩn?",
            {"tỉnh Bình Minh"},
            "xa_dat_chuan",
        ),
        (
            "Khi xã Tân An được công nhận NTM nâng cao (năm 2023), Bình Minh có bao nhiêu xã "
            "đạt chuẩn NTM?",
            {"Bình Minh"},
            "xa_dat_chuan",
        ),
        # a comma inside brackets ends no occasion; its category still says which commune
        (
            "Khi đạt chuẩn nâng cao năm 2023, tỷ lệ hộ nghèo của xã Thanh Lang (huyện Thanh Hà, "
            "Hải Dương) là bao nhiêu?",
            {"xã Thanh Lang", "huyện Thanh Hà", "Hải Dương"},
            "ho_ngheo",
        ),
    ],
)
def test_an_occasion_clause_only_dates_the_question(question, places, indicator):
    frame = analyze(question)
    assert {p.display for p in frame.places} == places
    assert frame.indicator == indicator
    assert frame.years


def test_a_duration_is_no_number_the_figure_is_described_by():
    # 'sau hơn 10 năm' says how long; 'từ 15 đến 18 tiêu chí' describes the communes counted
    assert analyze("Sau hơn 10 năm, Bình Minh có bao nhiêu xã đạt chuẩn NTM?").stated == ()
    assert analyze("Tỉnh có bao nhiêu xã đạt từ 15 đến 18 tiêu chí?").stated == ("15", "18")


def test_years_in_ranges_and_comparisons_are_kept_apart():
    frame = analyze("Năm 2021 tăng bao nhiêu tiêu chí so với năm 2020, theo đề án 2021-2025?")
    assert frame.years == (2020, 2021, 2025)
    # 2020 is a baseline and 2025 only ends a period; 2021 is also stated on its own
    assert frame.answer_years == (2021,)


def test_follow_up_questions_take_the_place_or_year_they_change():
    history = ["Huyện Chi Lăng có bao nhiêu xã đạt chuẩn NTM năm 2021?"]
    assert resolve_follow_up("Còn huyện Hữu Lũng thì sao?", history, RULES) == (
        "Huyện Hữu Lũng có bao nhiêu xã đạt chuẩn NTM năm 2021?"
    )
    assert resolve_follow_up("Còn năm 2022?", history, RULES) == (
        "Huyện Chi Lăng có bao nhiêu xã đạt chuẩn NTM năm 2022?"
    )
    assert resolve_follow_up("Còn Thái Nguyên thì sao?", ["Lạng Sơn có bao nhiêu xã?"], RULES) == (
        "Thái Nguyên có bao nhiêu xã?"
    )
    assert resolve_follow_up("Còn Thái Nguyên thì sao?", history, RULES) == (
        "Tỉnh Thái Nguyên có bao nhiêu xã đạt chuẩn NTM năm 2021?"
    )
    # a complete question is left alone
    full = "Tỉnh Bắc Giang có bao nhiêu sản phẩm OCOP?"
    assert resolve_follow_up(full, history, RULES) == full


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Năm 2016 tỉnh Hà Tĩnh công nhận thêm bao nhiêu xã nông thôn mới và nâng tổng số xã "
            "đạt chuẩn lên bao nhiêu?",
            [
                "Năm 2016 tỉnh Hà Tĩnh công nhận thêm bao nhiêu xã nông thôn mới?",
                "Năm 2016 tỉnh Hà Tĩnh nâng tổng số xã đạt chuẩn lên bao nhiêu?",
            ],
        ),
        (
            "Đến năm 2020, Bắc Giang có bao nhiêu xã đạt chuẩn và bao nhiêu đơn vị cấp huyện "
            "đạt chuẩn?",
            [
                "Đến năm 2020, Bắc Giang có bao nhiêu xã đạt chuẩn?",
                "Đến năm 2020, Bắc Giang có bao nhiêu đơn vị cấp huyện đạt chuẩn?",
            ],
        ),
        (
            "Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM và bao nhiêu xã NTM nâng cao?",
            [
                "Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM?",
                "Đến tháng 7/2022, Long An có bao nhiêu xã NTM nâng cao?",
            ],
        ),
        (
            "Năm 2015, Đắk Lắk đạt bình quân bao nhiêu tiêu chí/xã và toàn quốc là bao nhiêu?",
            [
                "Năm 2015, Đắk Lắk đạt bình quân bao nhiêu tiêu chí/xã?",
                # the time first: 'bao nhiêu năm 2015' would ask for a number of years
                "Năm 2015, toàn quốc là bao nhiêu tiêu chí/xã?",
            ],
        ),
        (
            # two goals moving two figures, asked by one 'bao nhiêu'
            "Năm 2024 xã Hòa Phú đặt mục tiêu giảm tỷ lệ nhà tạm, dột nát và nâng thu nhập bình "
            "quân lên bao nhiêu?",
            [
                "Năm 2024 xã Hòa Phú đặt mục tiêu giảm tỷ lệ nhà tạm, dột nát xuống bao nhiêu?",
                "Năm 2024 xã Hòa Phú đặt mục tiêu nâng thu nhập bình quân lên bao nhiêu?",
            ],
        ),
        (
            # one 'bao nhiêu' for two kinds of place: one count of each
            "Giai đoạn 2021-2025, tỉnh Hòa Lạc phấn đấu thêm bao nhiêu xã và huyện đạt chuẩn NTM?",
            [
                "Giai đoạn 2021-2025, tỉnh Hòa Lạc phấn đấu thêm bao nhiêu xã đạt chuẩn NTM?",
                "Giai đoạn 2021-2025, tỉnh Hòa Lạc phấn đấu thêm bao nhiêu huyện đạt chuẩn NTM?",
            ],
        ),
        (
            "Cuối năm 2020, tỉnh Hòa Lạc công nhận bao nhiêu xã nâng cao và bao nhiêu ấp đạt chuẩn?",
            [
                "Cuối năm 2020, tỉnh Hòa Lạc công nhận bao nhiêu xã nâng cao?",
                # 'ấp', the southern hamlet, is a unit of its own, not the first part's 'xã'
                "Cuối năm 2020, tỉnh Hòa Lạc công nhận bao nhiêu ấp đạt chuẩn?",
            ],
        ),
        (
            # the standard and its tiers after one 'bao nhiêu': one count of each
            "Năm 2022 tỉnh Hòa Lạc đăng ký bao nhiêu xã đạt chuẩn NTM, NTM nâng cao và NTM kiểu "
            "mẫu?",
            [
                "Năm 2022 tỉnh Hòa Lạc đăng ký bao nhiêu xã đạt chuẩn NTM?",
                "Năm 2022 tỉnh Hòa Lạc đăng ký bao nhiêu xã đạt chuẩn NTM nâng cao?",
                "Năm 2022 tỉnh Hòa Lạc đăng ký bao nhiêu xã đạt chuẩn NTM kiểu mẫu?",
            ],
        ),
        (
            # two questions in words: the second is asked of the first's place and times
            "Theo đề án (12/2023), tỉnh Hòa Lạc đặt những mục tiêu gì cho năm 2024 và khó khăn "
            "lớn nhất là gì?",
            [
                "Theo đề án (12/2023), tỉnh Hòa Lạc đặt những mục tiêu gì cho năm 2024?",
                "tỉnh Hòa Lạc khó khăn lớn nhất là gì (12/2023, năm 2024)?",
            ],
        ),
        (
            # the second part has its own verb ('có'): it shares the time and place only
            "Năm 2017 huyện Sơn Hà đạt được những kết quả gì, và có những tiêu chí nổi bật nào?",
            [
                "Năm 2017 huyện Sơn Hà đạt được những kết quả gì?",
                "Năm 2017 huyện Sơn Hà có những tiêu chí nổi bật nào?",
            ],
        ),
        (
            # English: the second count borrows the first's time, and its place in brackets
            "In 2023, how many OCOP products did Son Ha district certify, and how many were "
            "4-star?",
            [
                "In 2023, how many OCOP products did Son Ha district certify?",
                "In 2023, how many OCOP products were 4-star (Sơn Hà)?",
            ],
        ),
        (
            # three counts: a part that still asks two things is split again
            "Năm 2023, tỉnh Hòa Lạc có bao nhiêu chủ thể OCOP, bao nhiêu sản phẩm tham gia và "
            "bao nhiêu sản phẩm đạt 4 sao?",
            [
                "Năm 2023, tỉnh Hòa Lạc có bao nhiêu chủ thể OCOP?",
                "Năm 2023, tỉnh Hòa Lạc có bao nhiêu sản phẩm tham gia?",
                "Năm 2023, tỉnh Hòa Lạc có bao nhiêu sản phẩm đạt 4 sao?",
            ],
        ),
        (
            # one 'bao nhiêu' for two things counted: one count of each
            "Năm 2022, huyện Sơn Hà có bao nhiêu khu dân cư và vườn mẫu đạt chuẩn?",
            [
                "Năm 2022, huyện Sơn Hà có bao nhiêu khu dân cư đạt chuẩn?",
                "Năm 2022, huyện Sơn Hà có bao nhiêu vườn mẫu đạt chuẩn?",
            ],
        ),
        (
            # the second thing parallels the first after its unit: 'mô hình' counts both, and
            # 'tiêu chí và chỉ tiêu' are two units of their own
            "Năm 2023, tỉnh Hòa Lạc chọn bao nhiêu mô hình xã thông minh và xã chuyển đổi số?",
            [
                "Năm 2023, tỉnh Hòa Lạc chọn bao nhiêu mô hình xã thông minh?",
                "Năm 2023, tỉnh Hòa Lạc chọn bao nhiêu mô hình xã chuyển đổi số?",
            ],
        ),
        (
            "Xã Hòa Phú đạt bao nhiêu tiêu chí và chỉ tiêu của bộ tiêu chí nâng cao?",
            [
                "Xã Hòa Phú đạt bao nhiêu tiêu chí của bộ tiêu chí nâng cao?",
                "Xã Hòa Phú đạt bao nhiêu chỉ tiêu của bộ tiêu chí nâng cao?",
            ],
        ),
        (
            # decisions counted, whatever tiers they recognise: one count
            "Đầu năm 2023, tỉnh Hòa Lạc ký bao nhiêu quyết định công nhận xã NTM và NTM nâng cao?",
            [
                "Đầu năm 2023, tỉnh Hòa Lạc ký bao nhiêu quyết định công nhận xã NTM và NTM nâng "
                "cao?"
            ],
        ),
        (
            # a measure before the first thing measures the second too
            "Xã Hòa Phú (huyện Sơn Hà) cần cứng hóa bao nhiêu km đường giao thông và đường nội "
            "đồng?",
            [
                "Xã Hòa Phú (huyện Sơn Hà) cần cứng hóa bao nhiêu km đường giao thông?",
                "Xã Hòa Phú (huyện Sơn Hà) cần cứng hóa bao nhiêu km đường nội đồng?",
            ],
        ),
        (
            # no asking word at all: two topics of one place
            "Thu nhập bình quân đầu người và tỷ lệ hộ nghèo của huyện Sơn Hà khi đạt chuẩn nông "
            "thôn mới?",
            [
                "Thu nhập bình quân đầu người của huyện Sơn Hà khi đạt chuẩn nông thôn mới?",
                "Tỷ lệ hộ nghèo của huyện Sơn Hà khi đạt chuẩn nông thôn mới?",
            ],
        ),
        (
            # the place follows the second topic without 'của': both parts keep it
            "Đến hết năm 2016, tỷ lệ hộ nghèo và thu nhập bình quân đầu người huyện Sơn Hà là "
            "bao nhiêu?",
            [
                "Đến hết năm 2016, tỷ lệ hộ nghèo huyện Sơn Hà là bao nhiêu?",
                "Đến hết năm 2016, thu nhập bình quân đầu người huyện Sơn Hà là bao nhiêu?",
            ],
        ),
        (
            # a figure named after 'và' with no 'bao nhiêu' of its own
            "Tỉnh Hòa Lạc hiện có bao nhiêu xã đạt chuẩn nông thôn mới và tỷ lệ hộ nghèo toàn "
            "tỉnh?",
            [
                "Tỉnh Hòa Lạc hiện có bao nhiêu xã đạt chuẩn nông thôn mới?",
                "Tỉnh Hòa Lạc hiện tỷ lệ hộ nghèo toàn tỉnh là bao nhiêu?",
            ],
        ),
        (
            # the second counts its own noun ('vườn'), not the first's 'hộ'
            "Năm 2020 huyện Sơn Hà có bao nhiêu hộ đạt gia đình kiểu mẫu và bao nhiêu vườn đạt "
            "chuẩn?",
            [
                "Năm 2020 huyện Sơn Hà có bao nhiêu hộ đạt gia đình kiểu mẫu?",
                "Năm 2020 huyện Sơn Hà có bao nhiêu vườn đạt chuẩn?",
            ],
        ),
        (
            # a level measured in the second part borrows no count, and keeps the place
            "Đến cuối năm 2017, bao nhiêu xã của tỉnh Hòa Lạc đạt tiêu chí thu nhập và mức thu "
            "nhập bình quân là bao nhiêu?",
            [
                "Đến cuối năm 2017, bao nhiêu xã của tỉnh Hòa Lạc đạt tiêu chí thu nhập?",
                "Đến cuối năm 2017, mức thu nhập bình quân là bao nhiêu (tỉnh Hòa Lạc)?",
            ],
        ),
        (
            # a second part of its own time shares the place, not the first one's occasion
            "Khi bắt đầu xây dựng NTM xã Hòa Lạc đạt mấy tiêu chí, hiện nay đạt bao nhiêu?",
            [
                "Khi bắt đầu xây dựng NTM xã Hòa Lạc đạt mấy tiêu chí?",
                "xã Hòa Lạc hiện nay đạt bao nhiêu tiêu chí?",
            ],
        ),
        (
            # asks with their own asking words after a first: each of the subject, without
            # the first one's predicate
            "Đề án xây dựng nông thôn mới tỉnh Hòa Lạc có số hiệu gì, ai ký, ngày nào?",
            [
                "Đề án xây dựng nông thôn mới tỉnh Hòa Lạc có số hiệu gì?",
                "Đề án xây dựng nông thôn mới tỉnh Hòa Lạc ai ký?",
                "Đề án xây dựng nông thôn mới tỉnh Hòa Lạc ngày nào?",
            ],
        ),
        (
            "Bộ tiêu chí nông thôn mới của tỉnh Hòa Lạc được ban hành theo quyết định nào và có "
            "hiệu lực từ ngày nào?",
            [
                "Bộ tiêu chí nông thôn mới của tỉnh Hòa Lạc được ban hành theo quyết định nào?",
                "Bộ tiêu chí nông thôn mới của tỉnh Hòa Lạc có hiệu lực từ ngày nào?",
            ],
        ),
        (
            # an average named after the count's 'và' with no asking word of its own
            "Năm 2017 tỉnh Hòa Lạc giao chỉ tiêu bao nhiêu xã đạt chuẩn NTM và số tiêu chí bình "
            "quân/xã?",
            [
                "Năm 2017 tỉnh Hòa Lạc giao chỉ tiêu bao nhiêu xã đạt chuẩn NTM?",
                "Năm 2017 tỉnh Hòa Lạc giao chỉ tiêu số tiêu chí bình quân/xã là bao nhiêu?",
            ],
        ),
        (
            # two counts, one of the other's owners: what they did is said of both
            "Năm 2022 tỉnh Hòa Lạc có bao nhiêu sản phẩm của bao nhiêu chủ thể tham gia đánh giá?",
            [
                "Năm 2022 tỉnh Hòa Lạc có bao nhiêu sản phẩm tham gia đánh giá?",
                "Năm 2022 tỉnh Hòa Lạc có bao nhiêu chủ thể tham gia đánh giá?",
            ],
        ),
        (
            # two tiers after the second count, a comma between them: one part each
            "Năm 2023 tỉnh Hòa Lạc có bao nhiêu huyện nông thôn mới và bao nhiêu xã nâng cao, "
            "kiểu mẫu?",
            [
                "Năm 2023 tỉnh Hòa Lạc có bao nhiêu huyện nông thôn mới?",
                "Năm 2023 tỉnh Hòa Lạc có bao nhiêu xã nâng cao?",
                "Năm 2023 tỉnh Hòa Lạc có bao nhiêu xã kiểu mẫu?",
            ],
        ),
    ],
)
def test_a_question_asking_two_things_splits_into_two_that_stand_alone(question, parts):
    assert split_question(question) == parts
    assert all(analyze(part).places for part in parts[1:])  # each keeps the place asked of


@pytest.mark.parametrize(
    "question",
    [
        "Đến cuối năm 2024 huyện Hòa Lạc có bao nhiêu xã đạt chuẩn NTM nâng cao? Kể tên.",
        "den cuoi nam 2024 huyen dinh lap co bao nhieu xa dat chuan ntm nang cao, ke ten",
        "Đến cuối năm 2024 huyện Hòa Lạc có bao nhiêu xã đạt chuẩn NTM nâng cao, đó là những xã nào?",
    ],
)
def test_a_count_then_a_request_for_names_asks_the_count_and_the_list(question):
    count, names = split_question(question)
    assert analyze(count).kind == QuestionKind.NUMBER
    listed = analyze(names)
    assert (listed.kind, listed.unit) == (QuestionKind.LIST, "xa")
    assert [p.level for p in listed.places] == ["huyen"] and listed.times


def test_a_second_part_in_words_keeps_the_places_of_the_first_apart():
    # 'Xã Hòa Phú (Sơn Tây, Bình Minh)': run together the names would read as one commune
    first, second = split_question(
        "Xã Hòa Phú (Sơn Tây, Bình Minh) đạt chuẩn NTM kiểu mẫu khi nào, nổi trội về lĩnh vực gì?"
    )
    assert second.endswith("nổi trội về lĩnh vực gì?")
    places = {(p.level, p.name) for p in analyze(second).places}
    assert places == {(p.level, p.name) for p in analyze(first).places}
    assert ("xa", "hoa phu") in places


def test_a_part_of_the_first_figure_is_asked_as_a_part():
    whole, part = split_question(
        "Đến năm 2024 tỉnh Bình Minh có bao nhiêu sản phẩm OCOP, trong đó bao nhiêu sản phẩm 4 sao?"
    )
    assert whole == "Đến năm 2024 tỉnh Bình Minh có bao nhiêu sản phẩm OCOP?"
    assert part == "Trong đó, đến năm 2024 tỉnh Bình Minh có bao nhiêu sản phẩm 4 sao?"
    assert analyze(part).places


def test_a_request_for_names_with_words_of_its_own_is_not_the_counted_places():
    # 'những xã nào còn thiếu' names other places than those counted
    parts = split_question("Tỉnh có bao nhiêu xã đạt 19/19 tiêu chí và những xã nào còn thiếu?")
    assert not any("những xã nào đạt 19/19" in part for part in parts)


def test_vietnam_in_an_english_question_is_the_whole_country():
    assert [p.level for p in analyze("What was Vietnam's poverty rate in 2020?").places] == [
        "ca nuoc"
    ]
    # in Vietnamese, 'Việt Nam' also names bodies: the province is what is asked
    frame = analyze("Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn vận động được bao nhiêu tỷ đồng?")
    assert [p.level for p in frame.places] == ["tinh"]


def test_the_programmes_name_in_english_is_not_a_unit():
    frame = analyze(
        "What was the average number of new rural criteria per commune in Hoa An district?"
    )
    assert (frame.unit, frame.indicator) == ("tieu chi", "tieu_chi_binh_quan")


@pytest.mark.parametrize(
    ("question", "field", "expected"),
    [
        ("Năm 2021 tỉnh có thêm bao nhiêu xã đạt chuẩn NTM?", "measure", Measure.INCREMENT),
        # English word order, and a past tense that still reads as English
        ("What was Vietnam's average rural income per capita in 2024?", "indicator", "thu_nhap"),
        ("What was Vietnam's average rural income per capita in 2024?", "english", True),
        # 'trị giá bao nhiêu' asks an amount of money, never a count of communes
        ("Xã đạt chuẩn được thưởng công trình trị giá bao nhiêu?", "unit", "ty dong"),
        ("Tổng số xã đạt chuẩn của tỉnh là bao nhiêu?", "measure", Measure.TOTAL),
        ("Tỉnh phấn đấu có bao nhiêu xã đạt chuẩn năm 2025?", "measure", Measure.TARGET),
        ("Tỉnh có bao nhiêu xã đạt chuẩn NTM nâng cao?", "tiers", frozenset({"nang cao"})),
        ("Có bao nhiêu xã biên giới đạt chuẩn?", "modifiers", ("bien gioi",)),
        ("Bình quân mỗi xã đạt bao nhiêu tiêu chí?", "asks_average", True),
        ("Tỷ lệ hộ nghèo thấp hơn bao nhiêu so với năm 2020?", "asks_difference", True),
        ("Thu nhập tăng bao nhiêu?", "asks_change", True),
        ("Lễ công bố diễn ra vào ngày nào?", "date_precisions", ("ngay",)),
        ("Những huyện nào đạt chuẩn nông thôn mới?", "plural", True),
        ("Which districts met the new rural standard?", "plural", True),
        ("Huyện nào đạt chuẩn nông thôn mới?", "plural", False),
        ("Có bao nhiêu xã đạt từ 10 đến 14 tiêu chí năm 2020?", "stated", ("10", "14")),
        (
            "Khi tỉnh mới có 7 xã đạt 19 tiêu chí, thu nhập là bao nhiêu?",
            "conditions",
            ("7", "19"),
        ),
        ("Huyện Đình Lập có bao nhiêu xã đạt chuẩn?", "scope", "huyen"),
        ("Lạng Sơn có bao nhiêu xã đạt chuẩn?", "scope", "tinh"),
        ("Tỉnh có bao nhiêu xã đạt chuẩn NTM?", "indicator", "xa_dat_chuan"),
        ("Thu nhập bình quân đầu người là bao nhiêu?", "indicator", "thu_nhap"),
        # words about the article and the asking are no words a document must hold
        (
            "Theo bài viết, tỉnh về đích là nhờ những yếu tố nào?",
            "terms",
            ("tinh", "ve", "dich"),
        ),
    ],
)
def test_what_the_analysis_reads_once_for_every_later_stage(question, field, expected):
    assert getattr(analyze(question), field) == expected


def test_a_person_question_names_the_office_before_the_slot():
    frame = analyze("Chủ tịch UBND huyện Bình Gia là ai?")
    assert frame.kind == QuestionKind.PERSON
    assert frame.tail[:2] == ("chu", "tich")


def test_the_analysis_reads_windows_from_the_rules():
    question = "Huyện Bắc Sơn có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao năm 2021?"
    short = Rules().replace(**{"analyse.tail_words": 2})
    assert len(analyze(question, short).tail) <= 2 < len(analyze(question).tail)


def test_a_qualifier_the_question_leaves_out_is_not_asked_for():
    left_out = analyze(
        "Năm 2021 tỉnh Hòa Lạc có những xã nào đạt chuẩn nông thôn mới (không kể nâng cao)?"
    )
    assert left_out.tiers == frozenset() and left_out.modifiers == ()
    asked = analyze("Năm 2021 tỉnh Hòa Lạc có những xã nào đạt chuẩn nông thôn mới nâng cao?")
    assert asked.tiers == {"nang cao"} and asked.modifiers == ("nang cao",)


@pytest.mark.parametrize(
    "question",
    [
        "Tính đến 4/2023 tỉnh Bình Minh có bao nhiêu xã nông thôn mới?",
        "Tính đến 4/2023 tỉnh Bình Minh có bao nhiêu xã NTM?",
        "tinh den 4/2023 tinh binh minh co bao nhieu xa nong thon moi",
    ],
)
def test_the_programmes_name_written_out_or_abbreviated_asks_the_same_indicator(question):
    assert analyze(question).indicator == "xa_dat_chuan"


@pytest.mark.parametrize(
    "question",
    [
        "Tháng 11/2020, tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM, chiếm bao nhiêu phần trăm?",
        "Tháng 11/2020, tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM, đạt tỷ lệ bao nhiêu?",
        "In 11/2020, how many communes of Binh Minh met the new rural standard, and what share "
        "was that?",
    ],
)
def test_a_count_and_its_share_are_asked_as_one_figure(question):
    (asked,) = split_question(question)
    frame = analyze(asked)
    assert (frame.kind, frame.indicator) == (QuestionKind.NUMBER, "xa_dat_chuan")
    # a second figure of its own is still asked apart
    two = "Tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM, tỷ lệ hộ nghèo là bao nhiêu?"
    assert len(split_question(two)) == 2


def test_an_english_which_question_asking_its_year_too_asks_the_year_apart():
    which, year = split_question(
        "Which was the first commune in Son Ha district (Binh Minh) to reach the new-style rural "
        "standard, and in which year?"
    )
    assert which == (
        "Which was the first commune in Son Ha district (Binh Minh) to reach the new-style rural "
        "standard?"
    )
    assert analyze(year).kind == QuestionKind.YEAR and analyze(year).places
    # a 'which' question without its year is one question
    assert len(split_question("Which commune of Binh Minh reached the standard first?")) == 1


def test_an_english_share_and_a_count_after_it_are_two_questions_sharing_the_time():
    share, count = split_question(
        "In 2025, what share of districts nationwide met the new rural standard, and how many "
        "provinces had completed the task?"
    )
    assert analyze(share).kind == QuestionKind.PERCENT
    assert count.startswith("In 2025, how many provinces had completed the task")
    assert analyze(count).unit == "tinh"
