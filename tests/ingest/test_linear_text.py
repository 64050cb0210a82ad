"""Text processing is linear in its input: hostile or unlucky text (a run of 100,000 '!', a
line of spaces, a paragraph of nothing but dates) is read as fast as an article of its size.
Timing lives in ``benchmarks/linear_bench.py``; here a generous bound only stops a regression
that turns seconds into hours."""

import pytest

from ingest.facts import read_facts
from ingest.pipeline import prepare_document

MB = 1_000_000

ADVERSARIAL = {
    "run of '!'": "Xã đạt chuẩn " + "!" * MB + " x",
    "run of '.'": "Huyện " + "." * MB + " x",
    "one long word": "a" * MB + ".",
    "line of spaces": "xã" + " " * MB + "đạt",
    "digits and commas": "Có " + "1," * (MB // 2) + " xã",
    "decision numbers": "Quyết định số " + "1/" * (MB // 2),
    "dates, no punctuation": "năm 2020 " * (MB // 9),
    "figures, one paragraph": (
        "Huyện Đình Lập có 6/10 xã đạt chuẩn NTM, tăng 1 xã so với năm 2020! " * (MB // 70)
    ),
}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_a_megabyte_of_adversarial_text_is_chunked_and_read(name):
    text = ADVERSARIAL[name]
    doc, chunks = prepare_document("x.txt", "0" * 64, text, 600)
    assert chunks and all(c.text == doc.text[c.start : c.end] for c in chunks)
    assert all(len(c.text) <= 600 for c in chunks)  # even a line with no sentence end
    read_facts(doc)
