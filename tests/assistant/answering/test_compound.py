"""Questions answered from the answers of others: a comparison of two places, a change between
two times, a figure year by year (invented texts, no index, no model)."""

import pytest

from assistant.answering import kinds
from assistant.answering.judge import judge
from assistant.answering.rank import rank
from assistant.answering.records import QuestionKind
from assistant.answering.select import select
from tests.assistant.answering.kit import RULES, document, evidence, frame, sentence

REPORT = document(
    "Năm 2019, bình quân mỗi xã của tỉnh Bình Minh đạt 11,54 tiêu chí.\n"
    "Đến tháng 8/2021, bình quân mỗi xã của tỉnh Bình Minh đạt 13,15 tiêu chí, tăng 0,18 tiêu "
    "chí so với năm 2020.\n"
    "Năm 2020, tỉnh Bình Minh có 70 xã đạt chuẩn nông thôn mới.\n"
    "Năm 2020, tỉnh Hòa Lạc có 103 xã đạt chuẩn nông thôn mới.\n"
    "Năm 2019, tỉnh Hòa Lạc có 61/207 xã đạt chuẩn nông thôn mới.\n"
    "Năm 2021, tỉnh Hòa Lạc có 65/181 xã đạt chuẩn nông thôn mới.",
    title="Nông thôn mới Bình Minh và Hòa Lạc",
    source="hai-tinh.txt",
)


def _selection(question: str, *quotes: str):
    ev = evidence(question, *(sentence(REPORT, q) for q in quotes))
    return select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")


def test_a_comparison_asks_the_figure_of_each_place():
    f = frame("Tỉnh Bình Minh và tỉnh Hòa Lạc, tỉnh nào có nhiều xã đạt chuẩn NTM hơn năm 2020?")
    assert f.kind == QuestionKind.COMPARISON
    assert kinds.get(f.kind).parts(f) == [
        ("tỉnh Bình Minh", "Tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM năm 2020?"),
        ("tỉnh Hòa Lạc", "Tỉnh Hòa Lạc có bao nhiêu xã đạt chuẩn NTM năm 2020?"),
    ]


def test_a_comparison_says_which_is_more_only_of_like_figures():
    f = frame("Tỉnh Bình Minh và tỉnh Hòa Lạc, tỉnh nào có nhiều xã đạt chuẩn NTM hơn năm 2020?")
    minh = _selection(
        "Tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM năm 2020?",
        "Năm 2020, tỉnh Bình Minh có 70 xã đạt chuẩn nông thôn mới.",
    )
    lac = _selection(
        "Tỉnh Hòa Lạc có bao nhiêu xã đạt chuẩn NTM năm 2020?",
        "Năm 2020, tỉnh Hòa Lạc có 103 xã đạt chuẩn nông thôn mới.",
    )
    assert kinds.get(f.kind).conclude(f, [minh, lac], "vi") == "tỉnh Hòa Lạc nhiều hơn 33 xã"
    assert kinds.get(f.kind).conclude(f, [minh, lac], "en") == "tỉnh Hòa Lạc has 33 xã more"


def test_counts_out_of_other_totals_are_not_compared():
    """61 of 207 communes before a merger and 65 of 181 after count different things."""
    q = "Số xã đạt chuẩn nông thôn mới của tỉnh Hòa Lạc tăng bao nhiêu từ năm 2019 đến năm 2021?"
    f = frame(q)
    before, after = (
        _selection(part, line)
        for (_, part), line in zip(
            kinds.get(f.kind).parts(f),
            (
                "Năm 2019, tỉnh Hòa Lạc có 61/207 xã đạt chuẩn nông thôn mới.",
                "Năm 2021, tỉnh Hòa Lạc có 65/181 xã đạt chuẩn nông thôn mới.",
            ),
            strict=True,
        )
    )
    said = kinds.get(f.kind).conclude(f, [before, after], "vi")
    assert "không so sánh trực tiếp" in said and "207 và 181" in said


CRITERIA_2019 = "Năm 2019, bình quân mỗi xã của tỉnh Bình Minh đạt 11,54 tiêu chí."
CRITERIA_2021 = (
    "Đến tháng 8/2021, bình quân mỗi xã của tỉnh Bình Minh đạt 13,15 tiêu chí, tăng 0,18 tiêu "
    "chí so với năm 2020."
)


def _criteria_at_two_times(parts):
    """The selections of a change question's two parts over the report's two sentences."""
    return _selection(parts[0][1], CRITERIA_2019), _selection(parts[1][1], CRITERIA_2021)


def test_a_change_is_computed_between_the_two_times_asked_not_the_one_an_article_states():
    q = "Số tiêu chí bình quân mỗi xã của Bình Minh tăng bao nhiêu từ năm 2019 đến tháng 8/2021?"
    f = frame(q)
    assert f.kind == QuestionKind.CHANGE
    parts = kinds.get(f.kind).parts(f)
    assert [label for label, _ in parts] == ["năm 2019", "tháng 8/2021"]
    before, after = _criteria_at_two_times(parts)
    assert after.best.value == "13,15 tiêu chí"  # not the '0,18' rise since 2020
    assert kinds.get(f.kind).conclude(f, [before, after], "vi") == "tăng 1,61 tiêu chí"
    assert kinds.get(f.kind).conclude(f, [after, before], "en") == "down 1.61 tiêu chí"


def test_an_english_change_question_asks_each_time_and_gives_the_change():
    q = "How did the average number of criteria per commune in Binh Minh change from 2019 to 2021?"
    f = frame(q)
    assert f.kind == QuestionKind.CHANGE
    parts = kinds.get(f.kind).parts(f)
    assert [label for label, _ in parts] == ["2019", "2021"]
    assert all(frame(part).kind == QuestionKind.NUMBER for _, part in parts)
    before, after = _criteria_at_two_times(parts)
    assert before.best.value == "11,54 tiêu chí" and after.best.value == "13,15 tiêu chí"
    assert kinds.get(f.kind).conclude(f, [before, after], "en") == "up 1.61 tiêu chí"
    # a question that names one time only is no change question
    assert frame("How many communes in Binh Minh met the standards in 2021?").kind != (
        QuestionKind.CHANGE
    )


@pytest.mark.parametrize(
    "question",
    [
        "Từ năm 2019 đến năm 2021, số xã đạt chuẩn nông thôn mới của tỉnh Hòa Lạc thay đổi như "
        "thế nào qua từng năm?",
        "Liệt kê số xã đạt chuẩn nông thôn mới của tỉnh Hòa Lạc trong từng năm 2019, 2020 và 2021.",
        "Số xã đạt chuẩn nông thôn mới của tỉnh Hòa Lạc qua các năm 2019-2021 là bao nhiêu?",
    ],
)
def test_a_figure_year_by_year_is_asked_for_each_year(question):
    f = frame(question)
    assert f.kind == QuestionKind.SERIES
    parts = kinds.get(f.kind).parts(f)
    assert [label for label, _ in parts] == ["năm 2019", "năm 2020", "năm 2021"]
    assert [part for _, part in parts][1] == (
        "Số xã đạt chuẩn nông thôn mới của tỉnh Hòa Lạc năm 2020 là bao nhiêu?"
    )
    selections = [
        _selection(part, line)
        for (_, part), line in zip(
            parts,
            (
                "Năm 2019, tỉnh Hòa Lạc có 61/207 xã đạt chuẩn nông thôn mới.",
                "Năm 2020, tỉnh Hòa Lạc có 103 xã đạt chuẩn nông thôn mới.",
                "Năm 2021, tỉnh Hòa Lạc có 65/181 xã đạt chuẩn nông thôn mới.",
            ),
            strict=True,
        )
    ]
    assert [s.best.value for s in selections] == ["61/207 xã", "103 xã", "65/181 xã"]
    # counts out of other totals (a merger between): no change is stated, nor a warning
    assert kinds.get(f.kind).conclude(f, selections, "vi") == ""
    later = "Năm 2021, tỉnh Hòa Lạc có 65/207 xã đạt chuẩn nông thôn mới."
    doc = document(f"Hòa Lạc 2021\n{later}\n", provinces=("Hòa Lạc",))
    ev = evidence(parts[2][1], sentence(doc, later))
    same_total = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    assert kinds.get(f.kind).conclude(f, [selections[0], same_total], "vi") == "tăng 4 xã"


def test_an_english_figure_year_by_year_asks_how_many_each_year():
    f = frame(
        "How did the number of NTM-standard communes in Hoa Lac province change from 2019 to "
        "2021, year by year?"
    )
    assert f.kind == QuestionKind.SERIES
    parts = kinds.get(f.kind).parts(f)
    assert [label for label, _ in parts] == ["2019", "2020", "2021"]
    assert all(frame(part).unit == "xa" for _, part in parts)  # a count of communes, not 'what'


def test_an_amount_a_year_over_a_period_is_no_series():
    # 'hàng năm' asks what a year gets; 'giai đoạn 2021-2025' names the period
    f = frame("Hàng năm, tỉnh Hòa Lạc bố trí bao nhiêu vốn cho chương trình giai đoạn 2021-2025?")
    assert f.kind != QuestionKind.SERIES
