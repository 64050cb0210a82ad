from pathlib import Path

import pytest

from base.sentences import split_sentences
from base.text import normalize
from base.types import Document, DocumentMeta
from ingest.chunker import split

DOCS = sorted((Path(__file__).resolve().parents[2] / "documents").glob("*.txt"))


def _doc(text: str) -> Document:
    return Document(DocumentMeta("d1", "a.txt", "t", None), text)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
@pytest.mark.parametrize("size", [200, 600, 1200])
def test_chunks_are_exact_spans_within_size_and_cover_every_sentence(path, size):
    text = normalize(path.read_text(encoding="utf-8"))
    chunks = split(_doc(text), size)
    assert chunks
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= size
        assert not chunk.text[0].isspace() and not chunk.text[-1].isspace()
    # every non-space character of the document is in exactly one chunk, in order
    covered = "".join(c.text for c in chunks)
    assert "".join(covered.split()) == "".join(text.split())
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_sentences_split_on_periods_but_not_inside_numbers_or_abbreviations():
    text = (
        "Toàn tỉnh có 1.500 hộ, đạt 35,91%. TP. Lạng Sơn đạt chuẩn. Ngày 27/8/2021, hội nghị họp."
    )
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "Toàn tỉnh có 1.500 hộ, đạt 35,91%.",
        "TP. Lạng Sơn đạt chuẩn.",
        "Ngày 27/8/2021, hội nghị họp.",
    ]


def test_an_ellipsis_glued_to_a_capitalised_word_ends_a_sentence():
    # a page's lead run into its body: the body's figures are not the lead's
    text = (
        "Huyện Hòa Lâm có 52 xã đạt chuẩn...Sáng 3/4, UBND huyện họp; có 5 xã...và 2 thôn…Đoàn về."
    )
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == [
        "Huyện Hòa Lâm có 52 xã đạt chuẩn...",
        "Sáng 3/4, UBND huyện họp; có 5 xã...và 2 thôn…",
        "Đoàn về.",
    ]


def test_a_long_sentence_is_cut_at_clause_marks_not_inside_words():
    clause = "toàn tỉnh có 65 xã được công nhận đạt chuẩn NTM"
    text = "; ".join([clause] * 12) + "."
    chunks = split(_doc(text), 200)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.startswith("toàn") and len(chunk.text) <= 200


def test_chunk_ids_are_deterministic_and_depend_on_content():
    text = "Câu thứ nhất. Câu thứ hai."
    assert [c.chunk_id for c in split(_doc(text))] == [c.chunk_id for c in split(_doc(text))]
    other = split(_doc("Câu thứ nhất. Câu thứ ba."))
    assert split(_doc(text))[0].chunk_id != other[0].chunk_id
