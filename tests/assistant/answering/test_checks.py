"""Each check of the judge as a table: (sentence, question) -> factor and reason. Invented
texts; no index but a word list, no model."""

import pytest

from assistant.answering import kinds
from assistant.answering.checks.figure import fact_fit
from assistant.answering.checks.place import place_check
from assistant.answering.checks.target import target_check
from assistant.answering.checks.tier import tier_check
from assistant.answering.checks.time import baseline_check, figure_time, time_check, time_fit
from assistant.answering.checks.words import conditions_check, keywords_check, rare_terms
from base.times import TimeRef
from tests.assistant.answering.kit import RULES, document, evidence, frame, sentence

P = RULES.place

LANG_SON = document(
    "Sáng 27/8, tỉnh Lạng Sơn tổ chức hội nghị sơ kết xây dựng nông thôn mới.\n"
    "Tại huyện Đình Lập, toàn huyện có 06/10 xã đạt chuẩn nông thôn mới. Các xã còn lại đạt "
    "từ 15 tiêu chí trở lên.\n"
    "Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới, chiếm 35,91%.",
    title="Lạng Sơn sơ kết xây dựng nông thôn mới",
    provinces=("Lạng Sơn",),
    districts=("Đình Lập",),
    source="lang-son.txt",
)
NATIONAL = document(
    "Cả nước có 5.425 xã đạt chuẩn nông thôn mới. Tỉnh Hòa Bình có 85 xã đạt chuẩn.",
    title="Toàn quốc tổng kết",
    source="ca-nuoc.txt",
)
MINISTRY = document(
    "Bộ Nông nghiệp tổng kết chương trình OCOP toàn quốc.\n\n"
    "Năm 2024, đã hoàn thành đánh giá cho 55 sản phẩm OCOP.",
    title="Tổng kết OCOP năm 2024",
    source="ocop-ca-nuoc.txt",
)
UNPLACED = document(
    "Hội nghị tổng kết chương trình OCOP.\n\nNăm 2024, đã hoàn thành đánh giá cho 55 sản phẩm OCOP.",
    title="Tổng kết OCOP năm 2024",
    source="ocop.txt",
)
PRESS = document(
    "LSO - Toàn tỉnh có thêm 10 xã đạt chuẩn nông thôn mới trong năm.",
    title="Thêm 10 xã về đích",
    provinces=("Lạng Sơn",),
    source="lso.txt",
)


COMMUNE = document(
    "Thời gian qua, xã Phước Vinh duy trì và nâng chất lượng các tiêu chí.\n\n"
    "Đến đầu năm 2019, thu nhập bình quân đạt 35,04 triệu đồng/người/năm.",
    title="Thành tựu từ xây dựng nông thôn mới",
    source="phuoc-vinh.txt",
)
TWO_COMMUNES = document(
    "Thời gian qua, xã Phước Vinh và xã Phước Hậu duy trì các tiêu chí.\n\n"
    "Đến đầu năm 2019, thu nhập bình quân đạt 35,04 triệu đồng/người/năm.",
    title="Thành tựu từ xây dựng nông thôn mới",
    source="hai-xa.txt",
)
# a commune's own article whose title does not name it: the commune comes up below the
# figures, twice, and a merged-in old commune once
OWN_COMMUNE = document(
    "Sau khi đạt chuẩn, đời sống người dân được nâng cao.\n\n"
    "Tỷ lệ lao động qua đào tạo là 72,5%.\n\n"
    "Nông dân xã Tân Lập trồng cà phê.\n\n"
    "Trạm cấp nước phục vụ 150 hộ của xã Đông Sơn cũ.\n\n"
    "Theo lãnh đạo xã Tân Lập, thu nhập đạt 60 triệu đồng/người.",
    title="Hạ tầng đổi thay, thu nhập tăng",
    source="tan-lap.txt",
)

SPEAKER = document(
    "Xã Tân Hòa được thành lập từ hai xã Hòa An và Hòa Lộc.\n\n"
    "Bà Lê Thị Nga, Phó phòng Kinh tế xã Tân Hòa cho biết, địa phương còn khó khăn.\n\n"
    "Mục tiêu đến cuối năm 2025 sẽ xóa nghèo cho 34 hộ.",
    title="Xây dựng nông thôn mới theo chiều sâu",
    source="tan-hoa.txt",
)


def _place(doc, quote, question, extra=()):
    s = sentence(doc, quote)
    ev = evidence(question, s, extra_texts=extra)
    return place_check(s, ev, kinds.get(ev.frame.kind), P)


@pytest.mark.parametrize(
    ("doc", "quote", "question", "factor", "reason"),
    [
        # named in the sentence, in its paragraph, in the title
        (
            LANG_SON,
            "Tại huyện Đình Lập, toàn huyện có 06/10 xã đạt chuẩn nông thôn mới.",
            "Huyện Đình Lập có bao nhiêu xã đạt chuẩn?",
            P.in_sentence,
            "",
        ),
        (
            LANG_SON,
            "Các xã còn lại đạt từ 15 tiêu chí trở lên.",
            "Huyện Đình Lập có bao nhiêu xã đạt từ 15 tiêu chí?",
            P.in_paragraph,
            "",
        ),
        (
            LANG_SON,
            "Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới, chiếm 35,91%.",
            "Lạng Sơn có bao nhiêu xã đạt chuẩn?",
            P.in_title,
            "",
        ),
        # the whole province's figure is not a district's, nor another province's
        (
            LANG_SON,
            "Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới, chiếm 35,91%.",
            "Huyện Đình Lập có bao nhiêu xã đạt chuẩn?",
            0.0,
            "số liệu của toàn tỉnh",
        ),
        (
            NATIONAL,
            "Cả nước có 5.425 xã đạt chuẩn nông thôn mới.",
            "Cả nước có bao nhiêu xã đạt chuẩn?",
            1.0,
            "",
        ),
        (
            NATIONAL,
            "Tỉnh Hòa Bình có 85 xã đạt chuẩn.",
            "Cả nước có bao nhiêu xã đạt chuẩn?",
            0.0,
            "không phải số liệu của cả nước",
        ),
        # a commune the passage never names is not vouched for by the rest of the article
        (
            LANG_SON,
            "Tại huyện Đình Lập, toàn huyện có 06/10 xã đạt chuẩn nông thôn mới.",
            "Xã Bắc Lãng có bao nhiêu tiêu chí?",
            0.0,
            "không nói về xã Bắc Lãng",
        ),
        # ... unless the article names that commune and no other: it is about it
        (
            COMMUNE,
            "Đến đầu năm 2019, thu nhập bình quân đạt 35,04 triệu đồng/người/năm.",
            "Xã Phước Vinh có thu nhập bình quân bao nhiêu?",
            P.sole_commune,
            "",
        ),
        (
            TWO_COMMUNES,
            "Đến đầu năm 2019, thu nhập bình quân đạt 35,04 triệu đồng/người/năm.",
            "Xã Phước Vinh có thu nhập bình quân bao nhiêu?",
            0.0,
            "không nói về xã Phước Vinh",
        ),
        # ... or the commune it names more often than any other, not the one named once
        (
            OWN_COMMUNE,
            "Tỷ lệ lao động qua đào tạo là 72,5%.",
            "Tỷ lệ lao động qua đào tạo ở xã Tân Lập là bao nhiêu?",
            P.main_commune,
            "",
        ),
        (
            OWN_COMMUNE,
            "Tỷ lệ lao động qua đào tạo là 72,5%.",
            "Tỷ lệ lao động qua đào tạo ở xã Đông Sơn là bao nhiêu?",
            0.0,
            "không nói về xã Đông Sơn",
        ),
        # ... or the commune named last, just above (the speaker's): that one, not another
        (
            SPEAKER,
            "Mục tiêu đến cuối năm 2025 sẽ xóa nghèo cho 34 hộ.",
            "Xã Tân Hòa đặt mục tiêu xóa nghèo cho bao nhiêu hộ?",
            P.last_commune,
            "",
        ),
        (
            SPEAKER,
            "Mục tiêu đến cuối năm 2025 sẽ xóa nghèo cho 34 hộ.",
            "Xã Hòa An đặt mục tiêu xóa nghèo cho bao nhiêu hộ?",
            0.0,
            "không nói về xã Hòa An",
        ),
        # an article that names no province at all is weak evidence for one; a national one
        # ('toàn quốc') speaks of the country, not of the province asked
        (
            UNPLACED,
            "Năm 2024, đã hoàn thành đánh giá cho 55 sản phẩm OCOP.",
            "Lạng Sơn năm 2024 có bao nhiêu sản phẩm OCOP?",
            P.no_province_named,
            "",
        ),
        (
            MINISTRY,
            "Năm 2024, đã hoàn thành đánh giá cho 55 sản phẩm OCOP.",
            "Lạng Sơn năm 2024 có bao nhiêu sản phẩm OCOP?",
            0.0,
            "bài viết nói về cả nước",
        ),
        # the province's own newspaper ('LSO -') speaks of it without naming it
        (
            PRESS,
            "LSO - Toàn tỉnh có thêm 10 xã đạt chuẩn nông thôn mới trong năm.",
            "Lạng Sơn có thêm bao nhiêu xã đạt chuẩn?",
            P.press_tag,
            "",
        ),
    ],
)
def test_place_check(doc, quote, question, factor, reason):
    extra = ("Lạng Sơn và Hòa Bình",)  # the collection knows these provinces
    check = _place(doc, quote, question, extra)
    assert check.factor == pytest.approx(factor)
    assert reason in check.reason


def test_a_districts_article_that_names_no_province_answers_for_the_district_and_province():
    said = "Xã Tân Mỹ được công nhận đạt chuẩn tại Quyết định số 2930/QĐ-UBND ngày 06/11/2020."
    own = document(
        f"Huyện Đình Lập tổng kết năm 2020.\n{said}",
        title="Huyện Đình Lập tổng kết năm 2020",
        districts=("Đình Lập",),
        source="dinh-lap.txt",
    )
    question = (
        "Số quyết định công nhận xã đạt chuẩn năm 2020 ở huyện Đình Lập, tỉnh Lạng Sơn là gì?"
    )
    assert _place(own, said, question, ("Lạng Sơn",)).factor > 0
    # an article of another province's district of that name is no answer
    other = document(
        f"Huyện Đình Lập, tỉnh Hòa Bình tổng kết năm 2020.\n{said}",
        districts=("Đình Lập",),
        provinces=("Hòa Bình",),
        source="hoa-binh.txt",
    )
    assert _place(other, said, question, ("Lạng Sơn",)).factor == 0


def test_a_place_no_document_names_is_no_place_the_answer_can_be_about():
    s = sentence(LANG_SON, "Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới, chiếm 35,91%.")
    ev = evidence("Tỉnh Cao Bằng có bao nhiêu xã đạt chuẩn?", s)
    check = place_check(s, ev, kinds.get(ev.frame.kind), P)
    assert (check.factor, check.reason) == (0.0, "không tài liệu nào nói về tỉnh Cao Bằng")


def _asked(year_lo, month_lo, year_hi, month_hi):
    return TimeRef((year_lo, month_lo), (year_hi, month_hi), "asof", "t")


T = RULES.time


@pytest.mark.parametrize(
    ("asked", "lo", "hi", "where", "factor"),
    [
        (_asked(2020, 1, 2020, 12), (2020, 1), (2020, 12), "sentence", 1.0),
        (_asked(2020, 1, 2020, 12), (2021, 1), (2021, 12), "sentence", 0.0),  # another year
        (_asked(2020, 1, 2020, 12), (2021, 1), (2021, 12), "document", T.document_far),
        (_asked(2020, 1, 2020, 12), None, None, "", T.undated),
        (_asked(2018, 1, 2018, 12), (2016, 1), (2020, 12), "sentence", T.period_for_point),
        (_asked(2018, 6, 2018, 6), (2018, 1), (2018, 12), "sentence", T.year_for_month),
        (_asked(2020, 1, 2020, 12), (2021, 1), (2021, 1), "sentence", T.report_after_year),
        (_asked(2021, 7, 2021, 7), (2021, 8), (2021, 8), "document", T.near_by_document),
        (_asked(2021, 1, 2025, 12), (2022, 6), (2022, 6), "sentence", T.point_in_period),
    ],
)
def test_time_fit(asked, lo, hi, where, factor):
    assert time_fit(asked, lo, hi, where, T) == pytest.approx(factor)


def test_an_events_time_weakens_without_ruling_out():
    doc = document("Ông Nguyễn Văn An được bầu làm Chủ tịch UBND huyện năm 2015.", date=None)
    s = sentence(doc, doc.text)
    check = time_check(s, None, frame("Ai là Chủ tịch UBND huyện năm 2020?"), T)
    assert check.factor == pytest.approx(T.event_floor_sentence)
    named = time_check(s, None, frame("Ai là Chủ tịch UBND huyện năm 2015?"), T)
    assert named.factor == 1.0


def test_a_sentence_of_several_times_holds_at_the_one_that_fits():
    doc = document(
        "Chỉ đạo các huyện xây dựng kế hoạch thực hiện 5 nhiệm vụ trọng tâm năm 2016 và cả giai "
        "đoạn 2016 - 2020.",
        date=None,
    )
    s = sentence(doc, doc.text)
    asked = frame("Trong 6 tháng đầu năm 2016, tỉnh chỉ đạo các huyện làm những việc gì?")
    assert time_check(s, None, asked, T, bounds=True).factor == pytest.approx(T.year_for_month)
    later = frame("Trong 6 tháng đầu năm 2023, tỉnh chỉ đạo các huyện làm những việc gì?")
    assert time_check(s, None, later, T, bounds=True).factor == pytest.approx(T.bounded_floor)


def test_a_figure_compared_with_a_year_is_of_a_later_year():
    doc = document(
        "Bình quân mỗi xã đạt 13,15 tiêu chí, tăng 0,18 tiêu chí so với năm 2020.", date=None
    )
    s = sentence(doc, doc.text)
    fact = next(f for f in s.facts if f.value.startswith("13,15"))
    asked = frame("Năm 2020 bình quân mỗi xã đạt bao nhiêu tiêu chí?")
    check = baseline_check(s, fact, asked, T, s.text.index("13,15"))
    assert (check.factor, check.reason) == (0.0, "số liệu sau năm 2020")


TIERS = document(
    "Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới.\n"
    "Trong đó 12 xã đạt chuẩn nông thôn mới nâng cao. Các xã tập trung nâng cao thu nhập cho "
    "người dân."
)


@pytest.mark.parametrize(
    ("quote", "factor"),
    [
        ("Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới.", 0.0),
        ("Trong đó 12 xã đạt chuẩn nông thôn mới nâng cao.", 1.0),
        # 'nâng cao thu nhập' improves an income: it is no tier, and the paragraph has one
        ("Các xã tập trung nâng cao thu nhập cho người dân.", 1.0),
    ],
)
def test_tier_check(quote, factor):
    check = tier_check(sentence(TIERS, quote), frame("Tỉnh có bao nhiêu xã NTM nâng cao?"))
    assert check.factor == factor
    assert ("không nói về NTM nâng cao" in check.reason) == (factor == 0)


def test_words_may_come_from_a_paragraph_of_no_tier_in_a_document_about_the_asked_one():
    doc = document(
        "Xã Tân Hà phấn đấu đạt chuẩn nông thôn mới nâng cao vào năm 2026.\n"
        "Địa phương còn một số tiêu chí chưa đạt như: quy hoạch chung, giao thông, thu nhập.\n"
        "Xã có 5 tuyến đường đạt chuẩn nông thôn mới."
    )
    asked = frame("Xã Tân Hà còn những tiêu chí nào chưa đạt để lên nông thôn mới nâng cao?")
    limits = sentence(doc, doc.text.split("\n")[1])
    weak = RULES.passage.tier_in_document
    assert tier_check(limits, asked, in_document=weak).factor == weak
    assert tier_check(limits, asked).factor == 0.0  # a figure's sentence must name its tier
    other = document("Xã Tân Hà đạt chuẩn nông thôn mới kiểu mẫu.\nXã còn khó khăn về vốn.")
    far = sentence(other, "Xã còn khó khăn về vốn.")
    assert tier_check(far, asked, in_document=weak).factor == 0.0  # the document: another tier


PLAN = document(
    "Năm 2022, tỉnh có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã.\n"
    "Năm 2023, tỉnh phấn đấu có thêm 10 xã đạt chuẩn nông thôn mới."
)


@pytest.mark.parametrize(
    ("question", "value", "factor"),
    [
        ("Năm 2023 tỉnh phấn đấu có thêm bao nhiêu xã đạt chuẩn?", "10 xã", 1.0),
        ("Năm 2023 tỉnh có thêm bao nhiêu xã đạt chuẩn?", "10 xã", 0.0),  # a plan, no result
        (
            "Năm 2023 tỉnh phấn đấu có thêm bao nhiêu xã đạt chuẩn?",
            "12 xã",
            RULES.target.result_for_target,
        ),
    ],
)
def test_target_check(question, value, factor):
    line = next(line for line in PLAN.text.split("\n") if value in line)
    s = sentence(PLAN, line)
    fact = next(f for f in s.facts if f.value == value)
    assert target_check(s, fact, frame(question), RULES.target).factor == pytest.approx(factor)


def test_keywords_and_conditions():
    doc = document("Khi tỉnh mới có 7 xã đạt 19 tiêu chí, thu nhập đạt 20 triệu đồng/người/năm.")
    s = sentence(doc, doc.text)
    ev = evidence("Khi có 7 xã đạt 19 tiêu chí, thu nhập là bao nhiêu?", s, extra_texts=("OCOP",))
    assert conditions_check(s, ev.frame, RULES.words).factor == 1.0
    other = evidence("Sản phẩm OCOP của tỉnh có bao nhiêu?", s, extra_texts=("sản phẩm OCOP",))
    rare = rare_terms(dict(other.weights), other.index, RULES.words)
    check = keywords_check(rare, set(), s)
    assert (check.factor, check.reason) == (0.0, "thiếu từ khoá chính")


def test_the_document_of_an_occasion_names_its_place():
    asked = frame("Khi huyện Cam Lộ đạt chuẩn, tỉnh Quảng Trị có bao nhiêu xã đạt chuẩn?")
    assert asked.occasion_places == ("cam lo",) and [p.name for p in asked.places] == ["quang tri"]
    then = document("Huyện Cam Lộ đạt chuẩn; toàn tỉnh Quảng Trị có 64 xã đạt chuẩn.")
    other = document("Đến nay tỉnh Quảng Trị có 111 xã đạt chuẩn nông thôn mới.")
    named = conditions_check(sentence(then, then.text), asked, RULES.words).factor
    unnamed = conditions_check(sentence(other, other.text), asked, RULES.words).factor
    assert named == 1.0 and unnamed == RULES.words.condition_floor


FIGURES = document(
    "Năm 2022, tỉnh có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã. Bình quân "
    "mỗi xã đạt 15,8 tiêu chí. Tỷ lệ hộ nghèo còn 4,2%, thấp hơn 2,56% so với bình quân "
    "vùng. Có 99,99% hộ dân sử dụng nước sạch. Tỉnh đã huy động 71 tỷ 355 triệu đồng vốn. "
    "Toàn tỉnh có 20 sản phẩm OCOP. Ngoài ra, có 7 thị trấn đạt chuẩn văn minh.",
    title="Tỉnh Hòa Bình tổng kết năm 2022",
)
F = RULES.figure


@pytest.mark.parametrize(
    ("question", "value", "mismatch", "note"),
    [
        ("Tỉnh có bao nhiêu xã đạt chuẩn nông thôn mới?", "85 xã", 1.0, "tổng số"),
        (
            "Tỉnh có bao nhiêu xã đạt chuẩn nông thôn mới?",
            "12 xã",
            F.unasked_increment,
            "tăng thêm",
        ),
        ("Năm 2022 tỉnh có thêm bao nhiêu xã đạt chuẩn?", "85 xã", F.total_for_increment, "tổng"),
        ("Thu nhập bình quân đầu người là bao nhiêu?", "15,8 tiêu chí", 0.0, "đơn vị"),
        ("Tỷ lệ hộ nghèo của tỉnh là bao nhiêu?", "hơn 2,56%", 0.0, "chênh lệch"),
        ("Tỷ lệ hộ nghèo của tỉnh là bao nhiêu?", "4,2%", 1.0, "đúng chỉ tiêu"),
        # the share of households with clean water is no poverty rate
        ("Tỷ lệ hộ nghèo của tỉnh là bao nhiêu?", "99,99%", F.other_family, "nuoc_sach"),
        # nor the funds mobilised an income
        ("Thu nhập bình quân đầu người là bao nhiêu?", "71 tỷ 355 triệu đồng", 0.0, "von"),
        # the products of every star are of the family of the 4-star ones: weaker, not out
        ("Tỉnh có bao nhiêu sản phẩm OCOP 4 sao?", "20 sản phẩm", F.other_indicator, "ocop"),
        ("Tỷ lệ hộ dân dùng nước sạch là bao nhiêu?", "99,99%", 1.0, "đúng chỉ tiêu"),
        # townships are places of the communes' level, but not the communes asked
        ("Tỉnh có bao nhiêu xã đạt chuẩn?", "7 thị trấn", F.other_place_word, "thi tran"),
    ],
)
def test_fact_fit(question, value, mismatch, note):
    fact = next(f for f in sentence(FIGURES, FIGURES.text).facts if f.value == value)
    fit = fact_fit(fact, frame(question), F)
    assert fit.mismatch == pytest.approx(mismatch)
    assert any(note in n for n in fit.notes), fit.notes


def test_the_whole_countrys_figure_is_no_provinces():
    doc = document(
        "Đến cuối năm 2024, cả nước có 79 sản phẩm OCOP 5 sao. Tỉnh Quảng Ninh có sản phẩm trà "
        "hoa vàng đạt 5 sao.",
        title="Hội nghị tổng kết OCOP toàn quốc năm 2024",
    )
    fact = next(f for f in sentence(doc, doc.text).facts if f.value == "79 sản phẩm")
    province = fact_fit(fact, frame("Quảng Ninh có bao nhiêu sản phẩm OCOP 5 sao?"), F)
    assert province.mismatch == 0.0 and "số liệu của cả nước" in province.notes
    country = fact_fit(fact, frame("Cả nước có bao nhiêu sản phẩm OCOP 5 sao?"), F)
    assert country.mismatch > 0.5


def test_a_province_named_with_the_commune_asked_only_says_where_the_commune_lies():
    doc = document(
        "Xã Tân Hưng đã đạt 19/19 tiêu chí nông thôn mới nâng cao. Toàn huyện Bàu Bàng có 5 xã "
        "đạt chuẩn.",
        title="Xã Tân Hưng (Bàu Bàng) đạt chuẩn nâng cao",
    )
    facts = {f.value: f for f in sentence(doc, doc.text).facts}
    asked = frame("Xã Tân Hưng (Bàu Bàng) đạt bao nhiêu tiêu chí nâng cao của tỉnh Bình Dương?")
    fit = fact_fit(facts["19/19 tiêu chí"], asked, F)
    assert fit.mismatch == 1.0 and "số liệu của cấp dưới" not in fit.notes
    # the district's figure is still no answer for its commune
    assert fact_fit(facts["5 xã"], asked, F).mismatch < 1.0


def test_an_undated_articles_figure_fits_the_year_the_article_was_written_in_best():
    doc = document(
        "Ngày 12/11/2022, Hội đồng thẩm định tỉnh Hòa Lạc họp.\n\nĐến nay, toàn tỉnh có 52 xã "
        "đạt chuẩn nông thôn mới.",
        date=None,
    )
    quote = "Đến nay, toàn tỉnh có 52 xã đạt chuẩn nông thôn mới."
    fact = next(f for f in sentence(doc, quote).facts if f.value == "52 xã")
    assert not fact.time_lo and fact.written_after == "2022"
    T = RULES.time
    assert figure_time(fact, frame("Năm 2022 Hòa Lạc có bao nhiêu xã đạt chuẩn?"), T) > T.undated
    # the article may report an earlier year's results, or come out the next year: no better,
    # no worse; it reports the latest year it knows, so not one two years after it
    assert figure_time(fact, frame("Năm 2021 Hòa Lạc có bao nhiêu xã đạt chuẩn?"), T) == T.undated
    assert figure_time(fact, frame("Năm 2023 Hòa Lạc có bao nhiêu xã đạt chuẩn?"), T) == T.undated
    assert (
        figure_time(fact, frame("Năm 2024 Hòa Lạc có bao nhiêu xã đạt chuẩn?"), T)
        == T.written_before
    )


def test_an_average_written_out_of_nineteen_is_still_an_average():
    doc = document(
        "Khi đó, các xã trong huyện chỉ đạt bình quân 4,57/19 tiêu chí. Xã Hòa Lạc đạt 9/9 "
        "tiêu chí.",
        title="Huyện Hòa Lạc năm 2010",
    )
    facts = {f.value: f for f in sentence(doc, doc.text).facts}
    asked = frame("Năm 2010 các xã ở huyện Hòa Lạc đạt bình quân bao nhiêu tiêu chí?")
    assert fact_fit(facts["4,57/19 tiêu chí"], asked, F).mismatch > 0
    # criteria met out of a set are no average
    assert fact_fit(facts["9/9 tiêu chí"], asked, F).mismatch == 0


def test_a_provinces_name_is_its_words_apart_by_spaces_or_a_dash_not_by_brackets():
    from assistant.answering.names import provinces_in

    # 'Phú Hòa), Bình Kiến' runs two places' names together: no Hòa Bình
    listed = "Đó là các xã Hòa Quang Bắc (huyện Phú Hòa), Bình Kiến (TP Tuy Hòa)."
    assert provinces_in(listed) == set()
    assert provinces_in("Đoàn công tác tỉnh Thừa Thiên - Huế và Bà Rịa–Vũng Tàu") == {
        "thua thien hue",
        "ba ria - vung tau",
    }
