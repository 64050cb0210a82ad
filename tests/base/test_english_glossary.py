"""English in the base layer: telling an article's language, the glossary questions and
articles share, and English unit words mapped to the lexicon's units."""

import pytest

from base.english import ENGLISH_UNIT_ROWS, english_unit, looks_english, to_folded_vietnamese
from base.lexicon import UNITS, indicator


def test_an_english_article_is_told_from_a_vietnamese_one():
    assert looks_english("The whole province has 96 communes meeting the new rural standards.")
    assert not looks_english("Toàn tỉnh có 96 xã đạt chuẩn nông thôn mới.")
    assert not looks_english("tinh co 96 xa dat chuan")


def test_one_glossary_for_questions_and_articles():
    from assistant.answering import vocabulary

    assert vocabulary.to_folded_vietnamese is to_folded_vietnamese
    words = to_folded_vietnamese("the whole province has 12 more communes meeting", article=True)
    assert indicator("xa", words) == "xa_dat_chuan" and "toan tinh co" in words
    # an article's 'has' is 'có'; a question's 'What has … achieved' is no 'có thể'
    assert " co " not in f" {to_folded_vietnamese('What has the programme achieved?')} "


def test_farming_words_are_the_articles_words():
    # 'what share of its cultivated land was high-tech vegetables and flowers' asks what a
    # Vietnamese article says as 'diện tích rau, hoa công nghệ cao'
    words = " ".join(
        to_folded_vietnamese("share of its cultivated land was high-tech vegetables and flowers")
        .strip(" ?")
        .split()
    )
    assert words == "ty le of its dien tich was cong nghe cao rau and hoa"
    # 'remote areas' are no farmland
    assert "dien tich" not in to_folded_vietnamese("communes in remote areas")


def test_every_english_unit_is_a_unit_of_the_lexicon():
    assert {row.unit for row in ENGLISH_UNIT_ROWS} <= set(UNITS)


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("communes", "xa"),
        ("districts", "huyen"),
        ("residential areas", "khu dan cu"),
        ("households", "ho"),
        ("percent", "%"),
        ("-fold", "lan"),
        ("billion", "ty dong"),
        ("hectares", "ha"),
    ],
)
def test_english_unit_words(written, unit):
    assert english_unit(written).unit == unit


@pytest.mark.parametrize(
    "question",
    [
        "In 2022, how many Hoa Lac OCOP products held star certificates?",
        "How many OCOP products does Hoa Lac have?",
    ],
)
def test_names_between_how_many_and_its_noun_do_not_hide_the_noun(question):
    # English puts the place before the noun counted ('how many Hoa Lac OCOP products'),
    # Vietnamese after it: the count is still of products
    from assistant.answering.analyse import analyze

    assert analyze(question).unit == "san pham"


def test_a_star_certificate_is_the_articles_chung_nhan_hang_sao():
    words = " ".join(to_folded_vietnamese("products held star certificates").split())
    assert "sao chung nhan" in words
