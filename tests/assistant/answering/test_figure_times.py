"""A multiple of a year's figure ('gấp mấy lần năm 2011'): the year is the baseline the multiple
is of, not the time the answer must hold at, and the multiple the sentence states answers.
Invented texts; no index, no model."""

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
