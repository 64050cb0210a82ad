"""Sentence-aware chunking with character offsets into the document text.

Pure functions: ``split_sentences(text)`` gives sentence spans, ``split(doc, max_chars)`` packs
them into chunks no longer than ``max_chars`` (a sentence longer than that is cut at clause
boundaries). Chunks never start or end inside a word, and ``doc.text[c.start:c.end] == c.text``.
"""

from __future__ import annotations

import re

from assistant.types import Chunk, Document

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = {
    "tp",
    "tt",
    "tx",
    "q",
    "p",
    "ts",
    "ths",
    "pgs",
    "gs",
    "bs",
    "ks",
    "ncs",
    "th.s",
    "v.v",
    "mr",
    "mrs",
    "dr",
    "st",
    "no",
    "tr",
    "đ",
    "vnđ",
    "đc",
    "ubnd",
    "hđnd",
}
# End of sentence: . ! ? … (possibly doubled, closing quotes/brackets, or "./.") then space(s)
# and an upper-case letter, digit, quote or bracket; or a line break.
_BOUNDARY = re.compile(r"(?:[.!?…]+|\./\.)[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-ZÀ-Ỹ0-9Đ])")
_CLAUSE = re.compile(r"[;:](?=\s)|,(?=\s)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]``; lines always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        line_text = line.group()
        cursor = 0
        for match in _BOUNDARY.finditer(line_text):
            stop = match.end()
            word = re.search(r"([\w.]+)\.$", line_text[cursor : match.start() + 1])
            if (
                word
                and word.group(1).lower().rstrip(".") in _ABBREVIATIONS
                and len(match.group()) == 1
            ):
                continue
            _append_span(spans, line_text, line_start, cursor, stop)
            cursor = stop
        _append_span(spans, line_text, line_start, cursor, len(line_text))
    return spans


def _append_span(spans, line_text, offset, begin, stop):
    piece = line_text[begin:stop]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if piece.strip():
        spans.append((offset + begin + lead, offset + stop - trail))


def _cut_long(text: str, span: tuple[int, int], max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause marks (; : ,), then at spaces."""
    begin, end = span
    pieces: list[tuple[int, int]] = []
    while end - begin > max_chars:
        window = text[begin : begin + max_chars]
        cut = -1
        for pattern in (r"[;:](?=\s)", r",(?=\s)", r"\s"):
            marks = [m.end() for m in re.finditer(pattern, window) if m.end() > max_chars // 3]
            if marks:
                cut = marks[-1]
                break
        if cut <= 0:
            cut = max_chars
        piece_end = begin + cut
        stripped = text[begin:piece_end].rstrip()
        pieces.append((begin, begin + len(stripped)))
        begin = piece_end
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


def sentence_units(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Sentence spans, over-long sentences cut to at most ``max_chars``."""
    units: list[tuple[int, int]] = []
    for span in split_sentences(text):
        units.extend(_cut_long(text, span, max_chars) if span[1] - span[0] > max_chars else [span])
    return units


def split(doc: Document, max_chars: int = 600) -> list[Chunk]:
    """Pack consecutive sentences into chunks of at most ``max_chars`` characters.

    A new paragraph starts a new chunk once the current one is at least half full, so chunks
    follow the article's structure without leaving crumbs.
    """
    text = doc.text
    chunks: list[Chunk] = []
    current: list[tuple[int, int]] = []

    def flush():
        if current:
            start, end = current[0][0], current[-1][1]
            body = text[start:end]
            chunks.append(
                Chunk(
                    chunk_id=Chunk.make_id(doc.meta.doc_id, start, end, body),
                    doc_id=doc.meta.doc_id,
                    source=doc.meta.source,
                    index=len(chunks),
                    start=start,
                    end=end,
                    text=body,
                )
            )
            current.clear()

    for unit in sentence_units(text, max_chars):
        if current:
            size = unit[1] - current[0][0]
            new_paragraph = "\n" in text[current[-1][1] : unit[0]]
            if size > max_chars or (
                new_paragraph and current[-1][1] - current[0][0] >= max_chars // 2
            ):
                flush()
        current.append(unit)
    flush()
    return chunks
