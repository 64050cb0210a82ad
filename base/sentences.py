"""Sentence spans of Vietnamese text, with character offsets (pure).

``split_sentences(text)`` ends a sentence at . ! ? … followed by a capital, digit, quote or
bracket, and at every line break; a period after a common abbreviation (TP., UBND., ThS.) does
not end one. The chunker packs these spans into passages; the answerer scores them one by one.
"""

from __future__ import annotations

import re

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
