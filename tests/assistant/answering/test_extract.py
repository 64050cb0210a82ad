"""Reading typed values off a sentence: people, places, lists of places, time frames."""

from assistant.answering import extract

SENTENCE = (
    "Đến hết tháng 7/2021, toàn huyện có 06/10 xã đạt chuẩn NTM, 01 xã đạt từ 15-18 tiêu "
    "chí, bình quân đạt 16,6 tiêu chí/xã, chiếm tỷ lệ 35,91%; huy động 27,8 tỷ đồng."
)


def test_people_places_and_time_frames():
    s = "Tại điểm cầu huyện Đình Lập có đồng chí Đặng Văn Lộc, Phó Bí thư; ông Lê Văn Thắng."
    assert [c.text for c in extract.people(s)] == ["Đồng chí Đặng Văn Lộc", "Ông Lê Văn Thắng"]
    p = "Thôn Tân Long xã Hồ Sơn và thôn Chùa vàng xã Minh Quang đều đạt 9/9 tiêu chí."
    assert [c.text for c in extract.places(p, {"thon"})] == ["Thôn Tân Long", "thôn Chùa vàng"]
    assert extract.time_qualifier(SENTENCE) == "Đến hết tháng 7/2021"
    assert extract.time_qualifier("tăng 0,7 tiêu chí so với cuối năm 2020") is None


def test_a_name_begins_after_a_place_not_inside_it():
    # the office and its place run straight into the name: no 'ông' before it
    s = "Chủ tịch UBND huyện U Minh Dư Bé Ba nhớ lại những ngày đầu."
    assert [c.text for c in extract.people(s)] == ["Dư Bé Ba"]
    s = "Phó Chủ tịch UBND tỉnh Gia Lai Võ Ngọc Thành đã ký quyết định."
    assert [c.text for c in extract.people(s)] == ["Võ Ngọc Thành"]
    # a family name that is also an everyday word needs an honorific or an office
    assert [c.text for c in extract.people("Ông Từ Hữu Hà kiến nghị.")] == ["Ông Từ Hữu Hà"]
    s = "Chủ tịch UBND huyện Trang A Lử trao quyết định."
    assert [c.text for c in extract.people(s)] == ["Trang A Lử"]
    assert extract.people("Từ Hà Nội Đến Lạng Sơn có ba tuyến đường.") == []
    # an office, its place, then a two-word name
    s = "Chánh văn phòng điều phối chương trình tỉnh Bình Minh Lê Chinh cho biết."
    assert [c.text for c in extract.people(s)] == ["Lê Chinh"]
    assert extract.people("Chủ tịch UBND tỉnh Hà Giang cho biết.") == []


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
    # names with their districts in brackets: the list, verbatim, brackets and all
    grouped = "Công nhận 4 xã gồm: Đức Chính, Cao An (Cẩm Giàng), Nam Tân, Nam Hồng (Nam Sách)."
    assert [c.text for c in extract.enumerations(grouped)] == [
        "Đức Chính, Cao An (Cẩm Giàng), Nam Tân, Nam Hồng (Nam Sách)"
    ]
    three = "03 xã đạt chuẩn kiểu mẫu: Lương Sơn (huyện Hà Trung), Bảo An (thành phố Hà Tĩnh)."
    assert [c.text for c in extract.enumerations(three)] == [
        "Lương Sơn (huyện Hà Trung), Bảo An (thành phố Hà Tĩnh)"
    ]
    numbered = "Gồm 3 xã: Đức Chính, Xuân Thọ 2 (Cẩm Giàng) và Cao An."
    assert [c.text for c in extract.enumerations(numbered)] == [
        "Đức Chính, Xuân Thọ 2 (Cẩm Giàng) và Cao An"
    ]
    assert not extract.places("Tỉnh có 4 đơn vị cấp huyện Nông thôn mới.")


def test_communes_listed_by_district_are_one_group_per_district():
    s = (
        "Đó là xã Bàu Lâm, Phước Thuận, Suối Rao-huyện Xuyên Lộc, xã Phước Hưng-huyện Long Điền, "
        "xã Phước Long Thọ, Lộc An (huyện Đất Đỏ)."
    )
    assert [c.text for c in extract.district_groups(s)] == [
        "Bàu Lâm, Phước Thuận, Suối Rao",
        "Phước Long Thọ, Lộc An",
    ]  # a lone commune is a place of its own; a list with no district after it is no group
    assert extract.district_groups("Các xã Tân Lập, Hòa Bình đạt chuẩn.") == []


def test_a_number_that_ends_a_places_name_is_part_of_it():
    said = "Hai bản đạt chuẩn là bản Nà Hỳ 1, xã Pa Ham và xã Xuân Thọ 2; thôn 3 có 1,5 ha lúa."
    assert [c.text for c in extract.places(said, {"ban", "xa"})] == [
        "bản Nà Hỳ 1",
        "xã Pa Ham",
        "xã Xuân Thọ 2",
    ]
