"""Sentence-aware chunking with character offsets into the document text.

Pure functions: ``split(doc, max_chars)`` packs the sentence spans of
:func:`base.sentences.split_sentences` into chunks no longer than ``max_chars`` (a sentence
longer than that is cut at clause boundaries). Chunks never start or end inside a word, and ``doc.text[c.start:c.end] == c.text``.
"""

from __future__ import annotations

import re

from base.sentences import split_sentences
from base.types import Chunk, Document


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
                    chunk_id=Chunk.make_id(
                        doc.meta.doc_id, start, end, body, doc.meta.content_hash[:16]
                    ),
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
