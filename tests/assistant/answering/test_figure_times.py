"""When a figure holds, against the time a question asks: a multiple of a year's figure ('gấp
mấy lần năm 2011') is of a later time than that year, its baseline; an undated article's figure
is of the latest years it states, not of years long after. Invented texts; no index, no model."""

from assistant.answering.judge import judge
from assistant.answering.rank import rank
from assistant.answering.records import Selection
from assistant.answering.select import select
from tests.assistant.answering.kit import RULES, document, evidence, frame, sentence

DOC = document(
    "Huyện Thanh Bình sau 10 năm xây dựng nông thôn mới\n"
    "Sau 10 năm, tổng giá trị sản xuất nông nghiệp của huyện Thanh Bình đạt trên 1.820 tỷ đồng, "
    "gấp hơn 3,6 lần so với năm 2012.",
    title="Huyện Thanh Bình sau 10 năm xây dựng nông thôn mới",
    date=None,
    districts=("Thanh Bình",),
)
QUOTE = (
    "Sau 10 năm, tổng giá trị sản xuất nông nghiệp của huyện Thanh Bình đạt trên 1.820 tỷ đồng, "
    "gấp hơn 3,6 lần so với năm 2012."
)
QUESTION = "Giá trị sản xuất nông nghiệp của huyện Thanh Bình gấp mấy lần năm 2012?"


def test_the_year_of_a_multiple_is_its_baseline_not_the_time_asked():
    f = frame(QUESTION)
    assert f.unit == "lan" and f.asks_difference
    assert f.times == () and f.answer_years == ()


def test_the_multiple_the_sentence_states_answers():
    ev = evidence(QUESTION, sentence(DOC, QUOTE))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    assert isinstance(chosen, Selection)
    assert chosen.best.ranked.verdict.value == "hơn 3,6 lần"


UNDATED = document(
    "Huyện Thanh Bình: nông thôn mới\n"
    "Năm 2019, huyện Thanh Bình có thêm 3 xã đạt chuẩn.\n"
    "Đến nay, huyện Thanh Bình có 14 xã đạt chuẩn nông thôn mới.",
    title="Huyện Thanh Bình: nông thôn mới",
    date=None,
    districts=("Thanh Bình",),
)
NOW = "Đến nay, huyện Thanh Bình có 14 xã đạt chuẩn nông thôn mới."


def _accepted(question: str) -> list[str]:
    ev = evidence(question, sentence(UNDATED, NOW))
    return [v.value for v in judge(ev, RULES) if v.accepted]


def test_an_undated_article_is_no_evidence_for_a_year_long_after_the_last_it_states():
    # the article states 2019 as past: 'đến nay' is 2019 or a little later, never 2023
    assert _accepted("Năm 2020, huyện Thanh Bình có bao nhiêu xã đạt chuẩn nông thôn mới?") == [
        "14 xã"
    ]
    assert _accepted("Năm 2023, huyện Thanh Bình có bao nhiêu xã đạt chuẩn nông thôn mới?") == []
