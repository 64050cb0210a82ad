"""The English frame said in English (``assistant.answering.wording``): what an answer or a
brief composes around the documents' words ('65 xã, chiếm 35,91%') with English units, number
format and connecting words, while quotes, titles and names stay as the documents write them."""

from dataclasses import replace

import pytest

from assistant.answering.wording import english as said
from assistant.answering.wording import english_answer
from base.english import INDICATOR_EN, UNIT_EN
from base.lexicon import INDICATORS, UNITS, indicator_label
from base.types import Answer, Citation


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("65 xã, i.e. 35,91%", "65 communes, i.e. 35.91%"),
        ("tăng 4 (từ 61 xã, 12/2019)", "up 4 (from 61 communes, 12/2019)"),
        ("giảm 0,5 (từ 2,3%, 12/2019)", "down 0.5 (from 2.3%, 12/2019)"),
        ("tháng 8/2021", "8/2021"),
        ("Năm 2019", "2019"),
        ("12,7 tiêu chí/xã", "12.7 criteria per commune"),
        ("từ 11,5 đến 12 tiêu chí/xã", "11.5 to 12 criteria per commune"),
        ("hơn 27,8 tỷ đồng", "more than 27.8 billion VND"),
        ("01 xã", "01 commune"),
        ("1.234 hộ", "1,234 households"),
        ("tổng, trước sáp nhập", "total, before the merger"),
        # the brief's kinds and series
        ("tăng thêm mỗi năm", "increase per year"),
        ("mức đạt, riêng xã biên giới", "level, only border communes"),
        ("sau sáp nhập, trên 181 xã", "after the merger, over 181 communes"),
        ("chưa có số liệu cùng loại", "no result of the same kind yet"),
        ("No document mentions tỉnh Hà Giang.", "No document mentions Hà Giang province."),
        # a name ends at its sentence; a level word before a list of names counts them all
        (
            "No document mentions tỉnh Hà Giang. The nearest documents are about: Hòa Bình.",
            "No document mentions Hà Giang province. The nearest documents are about: Hòa Bình.",
        ),
        ("Xã Phong Phú, Mãn Đức and Quyết Chiến", "Phong Phú, Mãn Đức and Quyết Chiến communes"),
        ("thành phố Lạng Sơn, huyện Đình Lập", "Lạng Sơn city, Đình Lập district"),
        # approximate figures, time words, the brief's remark on changes
        ("xấp xỉ 30 tỷ đồng", "about 30 billion VND"),
        ("chưa đến 5%", "under 5%"),
        ("Tính đến hết tháng 7/2021", "As of 7/2021"),
        (
            "không so được: các số trước được đếm khác (xem diễn biến)",
            "not comparable: the earlier figures are counted differently (see the timelines)",
        ),
        ("Đồng chí Nguyễn Văn Tú", "Đồng chí Nguyễn Văn Tú"),  # a name stays a name
        ("Quyết định số 558/QĐ-TTg", "Quyết định số 558/QĐ-TTg"),
    ],
)
def test_what_a_frame_composes_is_said_in_english(vietnamese, english):
    assert said(vietnamese) == english


def test_every_unit_a_document_writes_has_an_english_name():
    assert not [u for u in UNITS if u not in UNIT_EN]


def test_an_english_frame_gives_figures_in_english_and_quotes_as_written():
    quote = "Toàn tỉnh có 65 xã được công nhận đạt chuẩn NTM, chiếm tỷ lệ 35,91%."
    c = Citation(1, "a.txt", "Lạng Sơn phấn đấu có thêm 10 xã", None, quote, 0, len(quote))
    text = (
        "65 xã, i.e. 35,91% (as of 8/2021) [1]\n\nEarlier figures:\n"
        "- 61 xã (as of 2019; Lạng Sơn phấn đấu có thêm 10 xã) [1]\n\n"
        f"Evidence: “{quote}” [1]"
    )
    answer = Answer("q", text, False, citations=(c,), value="65 xã, i.e. 35,91%", lang="en")
    shown = english_answer(answer)
    assert shown.answer.startswith("65 communes, i.e. 35.91% (as of 8/2021) [1]")
    assert "- 61 communes (as of 2019; Lạng Sơn phấn đấu có thêm 10 xã) [1]" in shown.answer
    assert f"Evidence: “{quote}” [1]" in shown.answer  # the quote and the title as written
    assert shown.value == "65 communes, i.e. 35.91%"
    vietnamese = replace(answer, lang="vi")
    assert english_answer(vietnamese) is vietnamese
    # a sentence given as the answer (a summary's item) is the document's, left as it is
    item = replace(answer, answer=f"- Tồn tại: {quote[:-1]} [1]")
    assert english_answer(item).answer == item.answer


def test_every_indicator_has_an_english_name():
    assert set(INDICATORS) <= set(INDICATOR_EN)
    assert indicator_label("xa_dat_chuan", "en") == "communes meeting the NTM standard"
    assert indicator_label("xa_dat_chuan") == "xã đạt chuẩn NTM"
