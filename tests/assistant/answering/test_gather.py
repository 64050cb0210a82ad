"""The gathering stage's reading of a passage: whole sentences, whatever the chunk's bounds
(invented text, no index, no model)."""

from assistant.answering.gather import _sentences
from base.types import Chunk, Hit
from tests.assistant.answering.kit import document

TEXT = (
    "Tỉnh Hà Lam giao chỉ tiêu năm 2022.\n"
    "Theo đó, có 06 xã đăng ký đạt chuẩn gồm Mỹ An (huyện Bố Lý), Quảng Thạch (huyện Tân Lý); "
    "03 xã phấn đấu đạt chuẩn kiểu mẫu: Lương Sơn (huyện Hà Trung), Bảo An (thành phố Hà Lam). "
    "Ngoài ra có 35 khu dân cư kiểu mẫu.\n"
)


def _hit(doc, start: int, end: int) -> Hit:
    chunk = Chunk("c-1", doc.meta.doc_id, doc.meta.source, 1, start, end, doc.text[start:end])
    return Hit(chunk=chunk, doc=doc.meta, score=0.03, dense_score=0.8, lexical_score=1.0)


def test_a_sentence_the_chunk_cuts_is_read_whole():
    doc = document(TEXT, source="ha-lam.txt")
    cut = TEXT.index("; 03 xã") + 1  # a long paragraph is chunked at a semicolon
    sentences = _sentences(_hit(doc, TEXT.index("Theo đó"), cut), doc, ())
    assert [s.text for s in sentences] == [TEXT[TEXT.index("Theo đó") : TEXT.index(" Ngoài")]]
    # the next chunk begins inside that sentence: it reads it whole too
    later = _sentences(_hit(doc, cut + 1, len(TEXT)), doc, ())
    assert later[0].text.startswith("Theo đó") and later[-1].text.startswith("Ngoài ra")


RUN = (
    "Tỉnh Hà Lam có thêm xã kiểu mẫu.\n"
    "Theo đó, 4 xã đạt chuẩn kiểu mẫu là: xã Mỹ An, xã Quảng Thạch (huyện Bố Lý) được công nhận "
    "về văn hóa. Xã Lương Sơn (huyện Hà Trung) đạt chuẩn về giáo dục.\n"
    "Xã Bảo An (thành phố Hà Lam) đạt chuẩn về môi trường. Đây là 4 xã đầu tiên của tỉnh.\n"
)


def test_a_list_of_places_that_goes_on_past_its_sentence_is_read_with_it():
    doc = document(RUN, source="ha-lam.txt")
    start = RUN.index("Theo đó")
    hit = _hit(doc, start, RUN.index(" Xã Lương"))
    (first, *_) = _sentences(hit, doc, (), runs=1500)
    assert first.text.startswith("Theo đó") and first.text.endswith("về môi trường.")
    # read as single sentences otherwise, and a sentence that names no place ends the run
    assert _sentences(hit, doc, ())[0].text.endswith("về văn hóa.")
    assert "Đây là" not in first.text


def test_an_answer_in_words_beside_the_passage_found_in_its_paragraph_is_read():
    text = (
        "Xã Hòa Phú đạt 16/19 tiêu chí. Về giao thông, đường trục xã đã cứng hóa 12 km. Ba tiêu "
        "chí chưa hoàn thành là: tiêu chí về chợ, tiêu chí về nhà ở và tiêu chí về hộ nghèo. "
        "Hiện nay, xã đang hoàn thiện nhà văn hóa."
    )
    doc = document(text, source="hoa-phu.txt")
    found = _hit(doc, text.index("Hiện nay"), len(text))  # the chunk of the last sentence only
    words = [s.text for s in _sentences(found, doc, (), reach=400)]
    assert any(t.startswith("Ba tiêu chí chưa hoàn thành") for t in words)
    # a figure's question reads the passage found only
    assert [s.text for s in _sentences(found, doc, ())] == [
        "Hiện nay, xã đang hoàn thiện nhà văn hóa."
    ]
