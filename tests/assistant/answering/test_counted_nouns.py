"""A count of a noun the lexicon names no unit for ('bao nhiêu trường', 'trồng bao nhiêu cây',
'đạt mấy sao'): the count the sentence writes before that noun answers, never a count of other
things or a share; and of two counts joined in one sentence, each with its own words (a tier
named for the second is not the first's). Invented texts; no index, no model."""

import pytest

from assistant.answering.judge import judge
from assistant.answering.rank import rank
from assistant.answering.records import Selection
from assistant.answering.select import select
from tests.assistant.answering.kit import RULES, document, evidence, frame, sentence


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Huyện Thanh Bình có bao nhiêu trường đạt chuẩn quốc gia?", "truong"),
        ("Xã Tân Lập trồng bao nhiêu cây xanh?", "cay"),
        ("Sản phẩm chè của xã đạt mấy sao OCOP?", "sao"),
        ("Huyện huy động được bao nhiêu vốn?", "von"),
        # no noun, a unit of the lexicon, or a place noun that communes answer
        ("Số tiêu chí bình quân tăng bao nhiêu so với năm 2020?", ""),
        ("Huyện Thanh Bình có bao nhiêu xã đạt chuẩn?", ""),
        ("Tỉnh có bao nhiêu địa phương đạt chuẩn nông thôn mới?", ""),
        ("Tỉnh có bao nhiêu đơn vị hoàn thành nhiệm vụ?", ""),
    ],
)
def test_the_noun_a_question_counts_is_read_when_no_unit_names_it(question, noun):
    assert frame(question).counted == noun


DOC = document(
    "Huyện Thanh Bình tổng kết 10 năm xây dựng nông thôn mới\n"
    "Năm 2022, toàn huyện Thanh Bình có 30 trường đạt chuẩn quốc gia.\n"
    "Đến tháng 6/2024, toàn huyện Thanh Bình có 41 trường đạt chuẩn quốc gia; 18/21 xã đạt "
    "chuẩn quốc gia về y tế; tỷ lệ hộ nghèo còn 2,4%.\n"
    "Năm 2024, 5 thôn của xã Tân Lập trồng hơn 1.200 cây xanh dọc các tuyến đường.",
    title="Huyện Thanh Bình tổng kết 10 năm xây dựng nông thôn mới",
    date="2024-07-02",
    districts=("Thanh Bình",),
)
OLD = "Năm 2022, toàn huyện Thanh Bình có 30 trường đạt chuẩn quốc gia."
NEW = (
    "Đến tháng 6/2024, toàn huyện Thanh Bình có 41 trường đạt chuẩn quốc gia; 18/21 xã đạt "
    "chuẩn quốc gia về y tế; tỷ lệ hộ nghèo còn 2,4%."
)
TREES = "Năm 2024, 5 thôn của xã Tân Lập trồng hơn 1.200 cây xanh dọc các tuyến đường."


def _value(question: str, *quotes: str) -> str:
    ev = evidence(question, *(sentence(DOC, q) for q in quotes))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    assert isinstance(chosen, Selection)
    return chosen.best.ranked.verdict.value


def test_the_count_written_before_the_noun_answers_not_a_count_of_other_things():
    # the sentence's other figures are the facts index's ('18/21 xã', '2,4%'); the schools
    # are counted in a noun it holds no unit for
    assert _value("Huyện Thanh Bình có bao nhiêu trường đạt chuẩn quốc gia?", NEW) == "41 trường"
    assert _value("Xã Tân Lập trồng được bao nhiêu cây xanh?", TREES) == "hơn 1.200 cây"


def test_a_count_of_a_noun_holds_at_its_sentence_time():
    question = "Năm 2022, huyện Thanh Bình có bao nhiêu trường đạt chuẩn quốc gia?"
    assert _value(question, NEW, OLD) == "30 trường"


def test_another_count_is_weakened_when_no_sentence_counts_the_noun():
    ev = evidence("Huyện Thanh Bình có bao nhiêu trạm bơm?", sentence(DOC, NEW))
    (verdict,) = [v for v in judge(ev, RULES) if v.accepted]
    value = next(c for c in verdict.checks if c.name == "value")
    # the trace tells why: communes counted, pumping stations asked
    assert verdict.value == "18/21 xã"
    assert value.factor == pytest.approx(RULES.figure.other_counted)
    assert value.reason == "đếm xa, câu hỏi đếm tram"


def test_a_tier_named_for_the_next_figure_is_not_the_first_ones():
    said = (
        "Như vậy, đến nay tỉnh Hòa Lạc có 80/85 xã đạt chuẩn nông thôn mới và 27 xã đạt chuẩn "
        "nông thôn mới nâng cao."
    )
    doc = document(f"Hòa Lạc: nông thôn mới\n{said}\n", provinces=("Hòa Lạc",))
    for question, value in (
        ("Tỉnh Hòa Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?", "80/85 xã"),
        ("Tỉnh Hòa Lạc có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?", "27 xã"),
    ):
        ev = evidence(question, sentence(doc, said))
        chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
        assert isinstance(chosen, Selection)
        assert chosen.best.ranked.verdict.value == value
        assert not any("nhóm khác" in note for note in chosen.best.ranked.verdict.fit.notes)
