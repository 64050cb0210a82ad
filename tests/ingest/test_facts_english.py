"""English articles: their figures read into the lexicon's units, kinds, places and times, and
their metadata (date, province) read like a Vietnamese article's. All text here is invented."""

import pytest

from base.types import Document
from ingest.facts import read_facts
from ingest.metadata import document_date, find_places
from ingest.pipeline import describe_and_split

ARTICLE = (
    "New rural development results in Ninh Binh province\n"
    "15/03/2023\n"
    "By the end of 2022, the whole province had 96/119 communes meeting new rural standards, "
    "accounting for 80.7% of the total, of which Kim Son district has 21 communes.\n"
    "The province mobilised VND1,250 billion for the programme, while each model commune "
    "receives 2.5 billion dong worth of works. A foreign donor gave US$2 million.\n"
    "Average income reached 58.5 million VND per person per year, up 1.6 times. The province "
    "aims to have 12 more communes meet advanced standards by 2025.\n"
    "On average, a commune has met 17.4 criteria out of the overall 19 criteria; 2,150 "
    "households escaped poverty and 1,800 hectares of rice were certified."
)
NATIONAL = (
    "Rural areas make steady progress\n"
    "Aug 24, 2021 / 10:15\n"
    "In 2020, as many as 5,100 communes nationwide, or 62.5 percent, fulfilled all 19 "
    "criteria; 1,300 communes reached between 15 and 18 of the criteria. The figure shows an "
    "increase of 420 communes since the end of 2019, and 180 districts have received the title."
)


def _doc(text: str, source: str = "article.txt") -> Document:
    doc, _ = describe_and_split(source, "e" * 64, text, 600)
    return doc


def _facts(text: str) -> dict[str, object]:
    return {f.value: f for f in read_facts(_doc(text))}


def test_english_numbers_and_unit_words_read_into_the_lexicons_units():
    facts = _facts(ARTICLE)
    communes = facts["96/119 communes"]
    assert (communes.number, communes.denominator, communes.unit) == (96, 119, "xa")
    assert communes.indicator == "xa_dat_chuan" and communes.kind == "total"
    assert facts["2,150 households"].number == 2150 and facts["2,150 households"].unit == "ho"
    assert facts["1,800 hectares"].unit == "ha"
    assert facts["1.6 times"].unit == "lan" and facts["1.6 times"].number == 1.6
    average = facts["17.4 criteria"]
    assert average.indicator == "tieu_chi_binh_quan" and average.denominator == 19
    assert "19 criteria" not in facts  # the denominator is no figure of its own


@pytest.mark.parametrize(
    ("value", "unit", "number"),
    [
        ("VND1,250 billion", "ty dong", 1250),
        ("2.5 billion dong", "ty dong", 2.5),
        ("58.5 million VND per person per year", "trieu dong/nguoi/nam", 58.5),
    ],
)
def test_money_in_vnd_is_read_in_its_vietnamese_unit(value, unit, number):
    fact = _facts(ARTICLE)[value]
    assert (fact.unit, fact.number) == (unit, number)


def test_dollars_are_no_amount_of_vnd():
    assert not any("2 million" in v for v in _facts(ARTICLE))


def test_a_share_a_denominator_and_a_part():
    facts = _facts(ARTICLE)
    assert facts["96/119 communes"].share == "80.7%"
    assert facts["80.7%"].indicator == "ty_le_xa"
    part = facts["21 communes"]
    assert part.kind == "part" and part.place == "Kim Sơn" and part.place_level == "huyen"


def test_the_whole_province_is_the_documents_province_and_nationwide_the_country():
    facts = _facts(ARTICLE)
    assert facts["96/119 communes"].place == "Ninh Bình"
    assert facts["96/119 communes"].time_lo == "2022-01"
    national = _facts(NATIONAL)
    share = national["as many as 5,100 communes"]
    assert (share.place, share.place_level) == ("Việt Nam", "ca nuoc")
    assert share.share == "62.5 percent" and share.indicator == "xa_du_tieu_chi"
    assert national["62.5 percent"].indicator == "ty_le_xa"
    assert national["1,300 communes"].indicator == "xa_theo_tieu_chi"
    assert national["180 districts"].indicator == "huyen_dat_chuan"


def test_kinds_targets_and_compared_years():
    facts = _facts(ARTICLE)
    target = facts["12 more communes"]
    assert target.kind == "target" and target.indicator == "xa_nang_cao"
    assert target.time_lo == "2025-01"
    increase = _facts(NATIONAL)["420 communes"]
    assert increase.kind == "increment"
    assert increase.time_lo != "2019-01"  # 'since the end of 2019' is what it is compared with


def test_vietnamese_number_format_stays_in_vietnamese_sentences():
    facts = _facts(
        "Kết quả xây dựng nông thôn mới tỉnh Ninh Bình\n\n"
        "Năm 2022, toàn tỉnh có 1.245 hộ thoát nghèo, tỷ lệ hộ nghèo còn 2,5%."
    )
    assert facts["1.245 hộ"].number == 1245 and facts["2,5%"].number == 2.5


def test_english_metadata_date_and_province():
    assert document_date(ARTICLE) == "2023-03-15"
    assert document_date(NATIONAL) == "2021-08-24"
    assert find_places(ARTICLE)[0] == ("Ninh Bình",)
    assert find_places(ARTICLE)[1] == ("Kim Sơn",)
    # a byline glued to its date, as crawlers join them, and a site's name line above
    page = (
        "Example.vn - Trang tin tổng hợp\n"
        "Hai Duong has 12 more communes meeting advanced new rural standards.\n"
        "Báo Hải DươngBáo Hải Dương30/04/2024\n"
        "The People's Committee of Hai Duong province has recognised 12 more communes meeting "
        "advanced new rural standards in 2023, bringing the total to 60 communes."
    )
    doc = _doc(page)
    assert doc.meta.date == "2024-04-30"
    assert doc.meta.title.startswith("Hai Duong has 12 more communes")
    assert doc.meta.provinces == ("Hải Dương",)
