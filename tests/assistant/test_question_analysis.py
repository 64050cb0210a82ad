"""Reading questions and sentences: what is asked, where, when; typed values in sentences."""

import pytest
from assistant.query import analyze, resolve_follow_up

from assistant import extract


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
    ],
)
def test_places_named_in_a_question(question, places):
    assert {(p.level, p.name) for p in analyze(question).places} == places


def test_years_in_ranges_and_comparisons_are_kept_apart():
    frame = analyze("Năm 2021 tăng bao nhiêu tiêu chí so với năm 2020, theo đề án 2021-2025?")
    assert frame.years == (2020, 2021, 2025)
    from assistant.answer import _question_years

    # 2020 is a baseline and 2025 only ends a period; 2021 is also stated on its own
    assert _question_years(frame) == [2021]


def test_follow_up_questions_take_the_place_or_year_they_change():
    history = ["Huyện Chi Lăng có bao nhiêu xã đạt chuẩn NTM năm 2021?"]
    assert resolve_follow_up("Còn huyện Hữu Lũng thì sao?", history) == (
        "Huyện Hữu Lũng có bao nhiêu xã đạt chuẩn NTM năm 2021?"
    )
    assert resolve_follow_up("Còn năm 2022?", history) == (
        "Huyện Chi Lăng có bao nhiêu xã đạt chuẩn NTM năm 2022?"
    )
    assert resolve_follow_up("Còn Thái Nguyên thì sao?", ["Lạng Sơn có bao nhiêu xã?"]) == (
        "Thái Nguyên có bao nhiêu xã?"
    )
    assert resolve_follow_up("Còn Thái Nguyên thì sao?", history) == (
        "Tỉnh Thái Nguyên có bao nhiêu xã đạt chuẩn NTM năm 2021?"
    )
    # a complete question is left alone
    full = "Tỉnh Bắc Giang có bao nhiêu sản phẩm OCOP?"
    assert resolve_follow_up(full, history) == full


SENTENCE = (
    "Đến hết tháng 7/2021, toàn huyện có 06/10 xã đạt chuẩn NTM, 01 xã đạt từ 15-18 tiêu "
    "chí, bình quân đạt 16,6 tiêu chí/xã, chiếm tỷ lệ 35,91%; huy động 27,8 tỷ đồng."
)


def test_numbers_are_read_with_their_unit_and_ranges_whole():
    assert [c.text for c in extract.numbers(SENTENCE, "xa")] == ["06/10 xã", "01 xã"]
    assert [c.text for c in extract.numbers(SENTENCE, "tieu chi")] == [
        "từ 15-18 tiêu chí",
        "16,6 tiêu chí/xã",
    ]
    assert [c.text for c in extract.numbers(SENTENCE, "%", percent=True)] == ["35,91%"]
    assert [c.text for c in extract.numbers(SENTENCE, "ty dong")] == ["27,8 tỷ đồng"]
    for cand in extract.numbers(SENTENCE, "xa"):
        assert SENTENCE[cand.start : cand.end] == cand.text


def test_people_places_and_time_frames():
    s = "Tại điểm cầu huyện Đình Lập có đồng chí Đặng Văn Lộc, Phó Bí thư; ông Lê Văn Thắng."
    assert [c.text for c in extract.people(s)] == ["Đồng chí Đặng Văn Lộc", "Ông Lê Văn Thắng"]
    p = "Thôn Tân Long xã Hồ Sơn và thôn Chùa vàng xã Minh Quang đều đạt 9/9 tiêu chí."
    assert [c.text for c in extract.places(p, {"thon"})] == ["Thôn Tân Long", "thôn Chùa vàng"]
    assert extract.time_qualifier(SENTENCE) == "Đến hết tháng 7/2021"
    assert extract.time_qualifier("tăng 0,7 tiêu chí so với cuối năm 2020") is None


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
    ],
)
def test_a_question_asking_two_things_splits_into_two_that_stand_alone(question, parts):
    from assistant.query import split_question

    assert split_question(question) == parts
    assert analyze(parts[1]).places  # the second part keeps the place it is about


def test_the_programmes_name_in_english_is_not_a_unit():
    frame = analyze(
        "What was the average number of new rural criteria per commune in Hoa An district?"
    )
    assert (frame.unit, frame.indicator) == ("tieu chi", "tieu_chi_binh_quan")


def test_an_enumeration_after_a_plural_head_is_one_list():
    found = extract.enumerations(
        "Tỉnh tổ chức lễ công bố các huyện: Yên Phong, Quế Võ và Tiên Du đạt chuẩn NTM; 3 xã "
        "nâng cao gồm: Tân Hưng, Đông Phú và xã Hòa Bình.",
        {"huyen", "xa"},
    )
    assert [c.text for c in found] == [
        "Yên Phong, Quế Võ và Tiên Du",
        "Tân Hưng, Đông Phú và xã Hòa Bình",
    ]
    assert extract.enumerations("Các xã đã đạt chuẩn nông thôn mới.") == []
    grouped = "Công nhận 4 xã gồm: Đức Chính, Cao An (Cẩm Giàng), Nam Tân, Nam Hồng (Nam Sách)."
    assert extract.enumerations(grouped) == []  # read name by name, with their districts
    assert not extract.places("Tỉnh có 4 đơn vị cấp huyện Nông thôn mới.")
