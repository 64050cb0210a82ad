"""Answers about figures, with the fake embedder (fast): the right fact of the right place and
time, in the direct answer, or an abstention. Small invented articles, each failure kind of the
real-article evaluation in isolation."""

import pytest

from assistant import Assistant
from assistant.evaluate import direct_answer
from tests.conftest import FakeEmbedder, index_articles

ARTICLES = {
    "hoa-binh-2022.txt": (
        "Hội nghị tổng kết xây dựng nông thôn mới tỉnh Hòa Bình năm 2022\n\n"
        "Cập nhật: 28/12/2022 09:15\n\n"
        "Năm 2022, tỉnh Hòa Bình có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã, "
        "chiếm 40,1% tổng số xã. Bình quân mỗi xã đạt 15,8 tiêu chí.\n\n"
        "Năm 2023, tỉnh phấn đấu có thêm 10 xã đạt chuẩn nông thôn mới và 5 xã đạt chuẩn nông "
        "thôn mới nâng cao."
    ),
    "tan-lac-2019.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2019\n\n"
        "Đến hết năm 2019, huyện Tân Lạc có 6/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 38,2 triệu đồng/người/năm."
    ),
    "tan-lac-2020.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2020\n\n"
        "Đến hết năm 2020, huyện Tân Lạc có 8/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 41,5 triệu đồng/người/năm."
    ),
    "tan-lac-2021.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2021\n\n"
        "Đến hết năm 2021, huyện Tân Lạc có 11/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 44,9 triệu đồng/người/năm. Ngày 20/12/2021, UBND tỉnh Hòa Bình ban hành "
        "Quyết định số 2468/QĐ-UBND công nhận các xã Phong Phú, Mãn Đức và Quyết Chiến đạt chuẩn "
        "nông thôn mới."
    ),
    "lac-son-undated.txt": (
        "Lạc Sơn: nhiều xã về đích nông thôn mới\n\n"
        "Huyện Lạc Sơn hiện có 9 xã đạt chuẩn nông thôn mới, trong đó 2 xã đạt chuẩn nông thôn "
        "mới nâng cao. Huyện đã làm mới 46,5 km đường giao thông nông thôn."
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("figures"), ARTICLES)


def _direct(bot, question: str) -> str:
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    return direct_answer(answer)


def test_a_total_is_not_an_increment(bot):
    assert "85 xã" in _direct(
        bot, "Tỉnh Hòa Bình có bao nhiêu xã đạt chuẩn nông thôn mới năm 2022?"
    )
    added = _direct(bot, "Năm 2022 tỉnh Hòa Bình có thêm bao nhiêu xã đạt chuẩn nông thôn mới?")
    assert "12 xã" in added and "85" not in added


def test_a_target_answers_a_target_question_and_never_a_result_question(bot):
    assert "10 xã" in _direct(
        bot, "Năm 2023 tỉnh Hòa Bình phấn đấu có thêm bao nhiêu xã đạt chuẩn?"
    )
    result = bot.ask("Năm 2023 tỉnh Hòa Bình có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?")
    assert result.abstained or "5 xã" not in direct_answer(result)


def test_the_year_asked_picks_the_years_report(bot):
    assert "8/16 xã" in _direct(
        bot, "Năm 2020 huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?"
    )
    income = _direct(bot, "Thu nhập bình quân đầu người của huyện Tân Lạc năm 2019 là bao nhiêu?")
    assert "38,2 triệu đồng" in income and "41,5" not in income


def test_now_means_the_newest_with_older_values_below(bot):
    answer = bot.ask("Hiện nay huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?")
    first = direct_answer(answer)
    assert "11/16 xã" in first and "8/16" not in first and "6/16" not in first
    assert "8/16 xã" in answer.answer and "6/16 xã" in answer.answer  # listed below
    assert answer.as_of == "2021-12" and answer.kind == "ratio"


def test_a_year_no_report_covers_is_not_answered(bot):
    assert bot.ask("Năm 2017 huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?").abstained


def test_an_undated_article_is_still_evidence(bot):
    answer = bot.ask("Huyện Lạc Sơn đã làm mới bao nhiêu km đường giao thông nông thôn?")
    assert "46,5 km" in direct_answer(answer)
    assert (answer.value, answer.kind, answer.unit, answer.place) == (
        "46,5 km",
        "length",
        "km",
        "Lạc Sơn",
    )


def test_a_national_question_is_not_answered_with_a_provinces_figure(bot):
    assert bot.ask("Cả nước có bao nhiêu xã đạt chuẩn nông thôn mới năm 2022?").abstained


def test_a_question_asking_two_things_gets_both_in_the_direct_answer(bot):
    first = _direct(
        bot,
        "Năm 2022 tỉnh Hòa Bình có bao nhiêu xã đạt chuẩn nông thôn mới và bình quân mỗi xã "
        "đạt bao nhiêu tiêu chí?",
    )
    assert "85 xã" in first and "15,8 tiêu chí" in first


def test_a_decision_and_a_list_of_places(bot):
    decision = _direct(bot, "Quyết định nào công nhận các xã của huyện Tân Lạc đạt chuẩn năm 2021?")
    assert "2468/QĐ-UBND" in decision
    places = _direct(bot, "Những xã nào của huyện Tân Lạc được công nhận đạt chuẩn năm 2021?")
    assert all(name in places for name in ("Phong Phú", "Mãn Đức", "Quyết Chiến"))


def test_every_direct_answer_quotes_verbatim(bot):
    answer = bot.ask("Tỉnh Hòa Bình có bao nhiêu xã đạt chuẩn nông thôn mới năm 2022?")
    for c in answer.citations:
        assert bot.document(c.source).text[c.start : c.end] == c.quote


def test_the_facts_index_lists_a_places_figures(bot):
    facts = bot.facts(place="tan lac", indicator="xa_dat_chuan")
    assert [f.value for f in facts] == ["11/16 xã", "8/16 xã", "6/16 xã"]  # newest first
    assert all(bot.quote(f).startswith("Đến hết năm") for f in facts)
    assert bot.facts(place="Tân Lạc", year=2020, indicator="thu_nhap")[0].value.startswith("41,5")
    with pytest.raises(Exception, match="xa_dat_chuan"):
        bot.facts(indicator="khong-co")


def test_a_figure_counted_two_ways_gives_both_with_their_labels(tmp_path):
    from base.settings import Settings

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "sap-nhap.txt").write_text(
        "Kết quả xây dựng nông thôn mới tỉnh Cao Bằng giai đoạn 2016-2020\n\n"
        "Số xã đạt chuẩn tăng nhanh (tính theo số liệu trước khi sáp nhập xã, đến năm 2020, "
        "toàn tỉnh có 40/199 xã đạt chuẩn nông thôn mới. Tính theo số liệu sau khi sáp nhập "
        "xã, đến năm 2020, toàn tỉnh có 35/161 xã đạt chuẩn nông thôn mới).",
        encoding="utf-8",
    )
    bot = Assistant(Settings.from_env({"NTM_HOME": str(tmp_path / "idx")}), embedder=FakeEmbedder())
    bot.ingest([docs])
    answer = bot.ask("Năm 2020 tỉnh Cao Bằng có bao nhiêu xã đạt chuẩn nông thôn mới?")
    first = direct_answer(answer)
    assert "40/199 xã" in first and "35/161 xã" in first
    assert "trước khi sáp nhập" in first and "sau khi sáp nhập" in first


MESSY = {
    "dien-bien.txt": (
        "Điện Biên: kết quả xây dựng nông thôn mới\n\n"
        "Toàn tỉnh Điện Biên hiện có 21 xã đạt 19/19 tiêu chí; trong đó có 15 xã đã được công "
        "nhận đạt chuẩn nông thôn mới. Năm 2022, thu nhập bình quân đầu người ở nông thôn của "
        "tỉnh Điện Biên tiếp tục tăng, bình quân mỗi xã đạt 16,2 tiêu chí.\n\n"
        "Trong năm 2022, tổng nguồn lực huy động xây dựng nông thôn mới của tỉnh Điện Biên đạt "
        "hơn 1.512 tỷ đồng."
    ),
    "kim-son.txt": (
        "Hai xã của huyện Kim Sơn về đích nông thôn mới nâng cao\n\n"
        "Năm 2023, xã Yên Lộc và xã Như Hòa được công nhận đạt chuẩn nông thôn mới nâng cao. Tỷ lệ "
        "hộ nghèo giảm còn dưới 1% (Yên Lộc 0,42%, Như Hòa 0,77%). Thu nhập bình quân đầu người "
        "của huyện Kim Sơn đạt 61,3 triệu đồng/người/năm."
    ),
    "hau-giang.txt": (
        "Kết quả xây dựng nông thôn mới nâng cao tỉnh Hậu Giang\n\n"
        "Trước đó, Chủ tịch UBND tỉnh đã công nhận 5 xã đạt chuẩn nông thôn mới nâng cao, gồm: xã "
        "Tân Bình (Phụng Hiệp); xã Long An (Long Mỹ); xã Vị Thủy (Vị Thủy). Như vậy, tính đến "
        "nay toàn tỉnh có 9 xã được Chủ tịch UBND tỉnh quyết định công nhận đạt chuẩn nông thôn "
        "mới nâng cao.\n\n"
        "Theo đó, tổng nguồn vốn đầu tư thực hiện Chương trình Mục tiêu quốc gia xây dựng nông "
        "thôn mới, năm 2024, tại tỉnh là trên 3.050 tỷ đồng."
    ),
    "toan-quoc.txt": (
        "Hội nghị toàn quốc hệ thống văn phòng điều phối nông thôn mới\n\n"
        "Sáng 10-3 tại TP Đà Nẵng, Văn phòng Điều phối nông thôn mới Trung ương tổ chức hội nghị "
        "toàn quốc năm 2023.\n\n"
        "Thu nhập bình quân đầu người ở khu vực nông thôn năm 2022 đạt 46,2 triệu đồng/người/năm."
    ),
    "phuoc-loi.txt": (
        "Xã Phước Lợi đạt chuẩn nông thôn mới nâng cao\n\n"
        "Ngày 12/5/2023, UBND tỉnh Long An công nhận xã Phước Lợi (huyện Bến Lức) đạt chuẩn nông "
        "thôn mới nâng cao. Phước Lợi là xã thứ 24/161 của tỉnh hoàn thành các tiêu chí xã nông "
        "thôn mới nâng cao. Đồng chí Trần Văn Cần, Phó Chủ tịch UBND tỉnh dự lễ công bố. Năm "
        "2023, huyện Bến Lức hỗ trợ hơn 12,5 tỷ đồng cho các xã xây dựng nông thôn mới.\n\n"
        "Huyện Bến Lức đã đạt 9/9 tiêu chí huyện nông thôn mới; toàn huyện có 14 xã đạt chuẩn "
        "nông thôn mới."
    ),
    "ia-lam-a.txt": (
        "Huyện Ia Lâm tổng kết xây dựng nông thôn mới\n\n"
        "Bình quân đạt 12,4 tiêu chí/xã, tăng 0,8 tiêu chí/xã so với năm 2018."
    ),
    "ia-lam-b.txt": (
        "Huyện Ia Lâm: kết quả xây dựng nông thôn mới\n\n"
        "Số tiêu chí bình quân mỗi xã là 15,1 tiêu chí; tăng 0,2 tiêu chí so với năm 2020."
    ),
    "bac-giang.txt": (
        "Bắc Giang tổng kết xây dựng nông thôn mới năm 2023\n\n"
        "Năm 2023, toàn tỉnh có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 167/182 xã. "
        "Huyện Tân Yên có 21 xã đạt chuẩn nông thôn mới.\n\n"
        "Năm 2024, tỉnh phấn đấu xây dựng 8 xã đạt chuẩn nông thôn mới, nâng tổng số xã đạt chuẩn "
        "lên 175 xã."
    ),
    "kon-tum-dau.txt": (
        "Kon Tum: 5 xã đạt 19 tiêu chí nông thôn mới\n\n"
        "Toàn tỉnh Kon Tum đã có 5 xã đạt 19 tiêu chí nông thôn mới. Toàn tỉnh đạt 1.204 tiêu "
        "chí/2.318 tiêu chí, bằng 51,9%; bình quân toàn tỉnh đạt 9,86 tiêu chí/xã (bình quân toàn "
        "quốc là 10,82 tiêu chí/xã)."
    ),
    "kon-tum-sau.txt": (
        "Kon Tum tăng tốc về đích nông thôn mới\n\n"
        "Tính đến nay, toàn tỉnh Kon Tum có 31 xã đạt chuẩn nông thôn mới, bình quân toàn tỉnh "
        "đạt 14,2 tiêu chí/xã."
    ),
    "tam-nong.txt": (
        "Xây dựng thôn kiểu mẫu ở huyện Tam Nông\n\n"
        "Đối với 02 thôn NTM kiểu mẫu là thôn Tân Phú xã Hương Nộn và thôn Đồng Lực xã Thọ Văn đều "
        "đã đạt 9/9 tiêu chí. Năm 2025, huyện Tam Nông phấn đấu bình quân đạt từ 17,5 - 18 tiêu "
        "chí/xã."
    ),
}


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("messy"), MESSY)


def test_recognised_communes_are_not_communes_that_met_every_criterion(messy):
    recognised = _direct(messy, "Điện Biên có bao nhiêu xã đã được công nhận đạt chuẩn NTM?")
    assert "15 xã" in recognised and "21" not in recognised
    assert "21 xã" in _direct(messy, "Điện Biên có bao nhiêu xã đạt 19/19 tiêu chí?")


def test_resources_and_funds_are_money(messy):
    direct = _direct(
        messy, "Năm 2022 Điện Biên huy động được bao nhiêu nguồn lực cho xây dựng nông thôn mới?"
    )
    assert "1.512 tỷ đồng" in direct


def test_a_communes_figure_in_a_list_of_communes(messy):
    direct = _direct(messy, "Tỷ lệ hộ nghèo của xã Như Hòa (huyện Kim Sơn) là bao nhiêu?")
    assert "0,77%" in direct and "0,42" not in direct


def test_an_english_question_with_a_when_clause_asks_for_the_figure(messy):
    answer = messy.ask(
        "What was the average income per capita of Kim Son district when its communes "
        "reached the advanced standard in 2023?"
    )
    # an English frame: the figure with English units and number format
    assert not answer.abstained and "61.3 million VND" in direct_answer(answer)
    assert answer.kind == "money"


def test_a_national_figure_from_a_meeting_held_in_a_province(messy):
    direct = _direct(
        messy, "Thu nhập bình quân đầu người khu vực nông thôn cả nước năm 2022 đạt bao nhiêu?"
    )
    assert "46,2" in direct


def test_a_commune_named_like_a_province_is_not_that_province(messy):
    direct = _direct(messy, "Hậu Giang có bao nhiêu xã được công nhận đạt chuẩn NTM nâng cao?")
    assert "9 xã" in direct


def test_the_national_target_programme_is_no_target(messy):
    direct = _direct(
        messy,
        "Tổng nguồn vốn đầu tư thực hiện chương trình nông thôn mới năm 2024 tại Hậu Giang là "
        "bao nhiêu?",
    )
    assert "3.050 tỷ đồng" in direct


def test_an_english_question_with_hyphenated_programme_words(messy):
    answer = messy.ask("How many communes in Dien Bien have met every new-rural criterion (19/19)?")
    assert not answer.abstained and "21 communes" in direct_answer(answer)


def test_an_income_question_is_never_answered_with_criteria_or_communes(messy):
    answer = messy.ask("Thu nhập bình quân đầu người của tỉnh Điện Biên năm 2022 là bao nhiêu?")
    direct = direct_answer(answer)
    assert answer.abstained or "triệu đồng" in direct, direct
    assert "tiêu chí" not in direct and "xã" not in direct.split("[")[0]


def test_a_tier_the_documents_do_not_report_is_not_answered_with_another(messy):
    for question in (
        "Xã Phước Lợi được công nhận đạt chuẩn NTM kiểu mẫu năm nào?",
        "Huyện Bến Lức có bao nhiêu xã đạt chuẩn nông thôn mới kiểu mẫu?",
        "Huyện Bến Lức có bao nhiêu xã đạt chuẩn NTM nâng cao?",
    ):
        answer = messy.ask(question)
        assert answer.abstained, (question, direct_answer(answer))
    assert "14 xã" in _direct(messy, "Huyện Bến Lức có bao nhiêu xã đạt chuẩn nông thôn mới?")


def test_a_rank_among_communes_is_not_a_date(messy):
    direct = _direct(messy, "Xã Phước Lợi được công nhận đạt chuẩn NTM nâng cao ngày nào?")
    assert "12/5/2023" in direct and "24/16" not in direct


def test_criteria_met_by_a_district_are_not_an_average_per_commune(messy):
    answer = messy.ask("Số tiêu chí bình quân mỗi xã của huyện Bến Lức là bao nhiêu?")
    assert answer.abstained, direct_answer(answer)


def test_an_english_question_for_a_decision_the_documents_do_not_number(messy):
    answer = messy.ask(
        "Which decision recognised Phuoc Loi commune as an advanced new-rural commune?"
    )
    assert answer.abstained, direct_answer(answer)


def test_the_provinces_office_does_not_answer_for_the_districts(messy):
    answer = messy.ask("Ai là Chủ tịch UBND huyện Bến Lức?")
    assert answer.abstained, direct_answer(answer)
    assert "Trần Văn Cần" in _direct(
        messy, "Ai là Phó Chủ tịch UBND tỉnh dự lễ công bố xã Phước Lợi?"
    )


def test_a_districts_figure_is_not_a_communes(messy):
    answer = messy.ask("Xã Phước Lợi được hỗ trợ bao nhiêu tỷ đồng để xây dựng nông thôn mới?")
    assert answer.abstained, direct_answer(answer)
    assert "12,5 tỷ đồng" in _direct(
        messy, "Huyện Bến Lức hỗ trợ bao nhiêu tỷ đồng cho các xã xây dựng nông thôn mới?"
    )


def test_a_figure_compared_with_a_year_is_of_a_later_year(messy):
    direct = _direct(messy, "Năm 2019, bình quân mỗi xã của huyện Ia Lâm đạt bao nhiêu tiêu chí?")
    assert "12,4" in direct and "15,1" not in direct


def test_an_english_question_about_investment_mobilised(messy):
    answer = messy.ask(
        "How much total investment did Hau Giang mobilise for the new rural development "
        "programme in 2024?"
    )
    assert not answer.abstained and "3,050 billion VND" in direct_answer(answer)
    assert answer.kind == "money"


def test_the_provinces_total_is_not_a_districts(messy):
    answer = messy.ask("Năm 2023 huyện Lục Nam có bao nhiêu xã đạt chuẩn nông thôn mới?")
    assert answer.abstained, direct_answer(answer)
    assert "21 xã" in _direct(messy, "Năm 2023 huyện Tân Yên có bao nhiêu xã đạt chuẩn NTM?")


def test_a_planned_total_is_not_the_planned_addition(messy):
    direct = _direct(
        messy, "Năm 2024 Bắc Giang phấn đấu nâng tổng số xã đạt chuẩn NTM lên bao nhiêu xã?"
    )
    assert "175 xã" in direct and "8 xã" not in direct
    assert "8 xã" in _direct(
        messy, "Năm 2024 Bắc Giang phấn đấu có thêm bao nhiêu xã đạt chuẩn NTM?"
    )


def test_a_place_lies_in_the_place_named_right_after_it(messy):
    for commune, hamlet, other in (
        ("Thọ Văn", "Đồng Lực", "Tân Phú"),
        ("Hương Nộn", "Tân Phú", "Đồng Lực"),
    ):
        direct = _direct(messy, f"Ở xã {commune}, thôn nào đã đạt 9/9 tiêu chí thôn NTM kiểu mẫu?")
        assert hamlet in direct and other not in direct, direct


def test_an_average_planned_as_a_range(messy):
    direct = _direct(
        messy, "Năm 2025 huyện Tam Nông phấn đấu bình quân mỗi xã đạt bao nhiêu tiêu chí?"
    )
    assert "17,5" in direct


def test_which_districts_answered_with_the_whole_enumeration(bot):
    direct = _direct(
        bot, "Ngày 20/12/2021, UBND tỉnh Hòa Bình công nhận những xã nào đạt chuẩn NTM?"
    )
    assert all(name in direct for name in ("Phong Phú", "Mãn Đức", "Quyết Chiến")), direct


def test_a_figure_at_the_moment_the_question_describes(messy):
    # the numbers of a 'khi …' clause say when; they are not the answer
    when = "Ở thời điểm Kon Tum có 5 xã đạt 19 tiêu chí"
    assert "1.204" in _direct(messy, f"{when}, toàn tỉnh đạt tổng cộng bao nhiêu tiêu chí?")
    direct = _direct(
        messy,
        f"{when}, bình quân mỗi xã đạt bao nhiêu tiêu chí và bình quân toàn quốc khi đó là "
        "bao nhiêu?",
    )
    assert "9,86" in direct and "10,82" in direct and "14,2" not in direct, direct
