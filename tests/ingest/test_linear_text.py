"""Text processing is linear in its input: hostile or unlucky text (a run of 100,000 '!', a
line of spaces, a paragraph of nothing but dates) is read as fast as an article of its size.
Timing lives in ``benchmarks/linear_bench.py``; here a generous bound only stops a regression
that turns seconds into hours."""

from pathlib import Path

import pytest

from ingest.facts import places, read_facts
from ingest.loaders import read_document
from ingest.metadata import place_mentions
from ingest.pipeline import describe_and_split, prepare_document

ROOT = Path(__file__).resolve().parents[2]

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
    # cleaning drops the runs that are not text (ingest.clean.NOT_TEXT_RUN) in linear time…
    cleaned, _ = prepare_document("x.txt", "0" * 64, "Xã đạt chuẩn. " + text, 600)
    assert cleaned.text.startswith("Xã đạt chuẩn.")
    # …and the chunker and the facts reader take any text as it comes, in linear time too
    doc, chunks = describe_and_split("x.txt", "0" * 64, text, 600)
    assert chunks and all(c.text == doc.text[c.start : c.end] for c in chunks)
    assert all(len(c.text) <= 600 for c in chunks)  # even a line with no sentence end
    read_facts(doc)


def _one_line(size: int) -> str:
    """The bundled articles, every paragraph joined into one line, repeated to ``size``."""
    text = " ".join(
        p.read_text(encoding="utf-8").replace("\n", " ")
        for p in sorted((ROOT / "documents").glob("*.txt"))
    )
    return ((text + " ") * (size // len(text) + 1))[:size].rstrip() + "."


@pytest.mark.timeout(600)
def test_a_two_megabyte_file_on_one_line_is_read_in_linear_work(tmp_path, monkeypatch):
    """A 2 MB .txt on one line (within every limit) is cleaned, chunked and its figures read;
    the places in the line are looked for a bounded number of times over each character, not
    once per figure over the whole paragraph (which took minutes at 256 KB)."""
    path = tmp_path / "mot-dong.txt"
    path.write_text(_one_line(2 * MB), encoding="utf-8")
    raw, text = read_document(path, 50 * MB)
    assert "\n" not in text.strip()
    doc, chunks = prepare_document(path.name, "0" * 64, text, 600)
    assert chunks and all(c.text == doc.text[c.start : c.end] for c in chunks)
    scanned = []

    def counting(text):
        scanned.append(len(text))
        return place_mentions(text)

    monkeypatch.setattr(places, "place_mentions", counting)
    read = read_facts(doc)
    # every figure of the articles is read in the line too: 'xã' counts and percentages
    assert len(read) > 2 * MB // 1000
    assert {"xa", "%"} <= {f.unit for f in read}
    # the work: the places of the paragraph (once) and of each sentence (once)
    assert sum(scanned) <= 3 * len(doc.text)
