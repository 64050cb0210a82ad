"""Answers from the rows of an Excel appendix (one row per commune), with the fake embedder."""

import openpyxl
import pytest

from assistant import Assistant
from assistant.evaluate import direct_answer
from tests.conftest import FakeEmbedder


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    home = tmp_path_factory.mktemp("rows")
    docs = home / "docs"
    docs.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục 1"
    sheet.append(
        ["PHỤ LỤC 1: KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI HUYỆN VĂN LÃNG NĂM 2020"]
    )
    sheet.append([])
    sheet.append(
        [
            "STT",
            "Xã",
            "Huyện",
            "Số tiêu chí đạt",
            "Năm đạt chuẩn NTM",
            "Tỷ lệ hộ nghèo (%)",
            "Thu nhập bình quân (triệu đồng/người/năm)",
        ]
    )
    sheet.append([1, "Tân Mỹ", "Văn Lãng", 15, 2019, 8.5, 42.5])
    sheet.append([2, "Hoàng Văn Thụ", "Văn Lãng", 19, 2020, 3.1, 45])
    sheet.append([3, "Thụy Hùng", "Văn Lãng", 12, None, 12.4, 30.2])
    book.save(docs / "phu-luc-van-lang-2020.xlsx")
    from base.settings import Settings

    assistant = Assistant(
        Settings.from_env({"NTM_HOME": str(home / "idx")}), embedder=FakeEmbedder()
    )
    report = assistant.ingest([docs])
    assert not report.rejected
    return assistant


def test_each_row_gives_facts_of_its_commune_with_units_and_the_title_year(bot):
    facts = bot.facts(place="Tân Mỹ")
    assert {(f.value, f.place_level, f.year) for f in facts} == {
        ("15 tiêu chí", "xa", 2020),
        ("8,5%", "xa", 2020),
        ("42,5 triệu đồng/người/năm", "xa", 2020),
    }  # the year it reached the standard and its ordinal are no figures
    assert all(f.indicator for f in facts if f.unit != "tieu chi")


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Xã Tân Mỹ đạt bao nhiêu tiêu chí?", "15 tiêu chí"),
        ("Thu nhập bình quân của xã Hoàng Văn Thụ là bao nhiêu?", "45 triệu đồng/người/năm"),
        ("Tỷ lệ hộ nghèo xã Thụy Hùng là bao nhiêu?", "12,4%"),
    ],
)
def test_a_question_about_one_commune_is_answered_from_its_row(bot, question, value):
    answer = bot.ask(question)
    assert not answer.abstained, answer.answer
    assert value in direct_answer(answer)
    assert any(
        "Dòng" in c.quote and value.split()[0].rstrip("%") in c.quote for c in answer.citations
    )
