"""An invented English article answers English and Vietnamese questions alike: its figures are
read in the lexicon's units, so the stages judge them like a Vietnamese article's."""

import pytest

from assistant.answering.compose import answer_of
from assistant.answering.judge import judge
from assistant.answering.rank import rank
from assistant.answering.records import Selection
from assistant.answering.select import select
from tests.assistant.answering.kit import RULES, document, evidence, sentence

COUNT = (
    "By the end of 2022, the whole province had 96/119 communes meeting new rural standards, "
    "accounting for 80.7% of the total."
)
INCOME = "Average income reached 58.5 million VND per person per year."
DOC = document(
    f"New rural development results in Ninh Binh province\n{COUNT} {INCOME}",
    title="New rural development results in Ninh Binh province",
    date="2023-03-15",
    provinces=("Ninh Bình",),
    source="ninh-binh-en.txt",
)


@pytest.mark.parametrize(
    "question",
    [
        "How many communes of Ninh Binh province met new rural standards?",
        "Tỉnh Ninh Bình có bao nhiêu xã đạt chuẩn nông thôn mới?",
        "tinh ninh binh co bao nhieu xa dat chuan nong thon moi",
    ],
)
def test_english_and_vietnamese_questions_are_answered_from_an_english_sentence(question):
    ev = evidence(question, sentence(DOC, COUNT), sentence(DOC, INCOME))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    assert isinstance(chosen, Selection)
    answer = answer_of(question, chosen, None, "vi").answer
    assert answer.value.startswith("96/119 communes")  # with its share: ", chiếm 80.7%"
    quote = answer.citations[0]
    assert quote.quote == COUNT and DOC.text[quote.start : quote.end] == COUNT


def test_the_income_question_finds_the_per_head_amount():
    question = "What was the average income per capita in Ninh Binh?"
    ev = evidence(question, sentence(DOC, COUNT), sentence(DOC, INCOME))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="en")
    assert isinstance(chosen, Selection)
    assert answer_of(question, chosen, None, "en").answer.value == (
        "58.5 million VND per person per year"
    )


def test_an_english_sentence_has_the_question_words_other_articles_write_in_vietnamese():
    # the collection's Vietnamese articles make 'danh hiệu' a key word of the question; the
    # English article says it in English ('title'), and that is the same word
    said = "Meanwhile, 41 districts nationwide have received the title this year."
    doc = document(
        f"One third of communes recognised\n{said}\n",
        title="One third of communes recognised",
        date="2022-06-12",
        source="national-en.txt",
    )
    other = "Huyện Hòa Lạc đón nhận danh hiệu huyện nông thôn mới, bằng khen của Thủ tướng."
    question = (
        "As of June 2022, how many districts nationwide had received the new-style rural title?"
    )
    ev = evidence(question, sentence(doc, said), extra_texts=(other, other))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="en")
    assert isinstance(chosen, Selection)
    assert chosen.best.value == "41 districts"
