"""Sentence spans of Vietnamese text, with character offsets (pure).

``split_sentences(text)`` ends a sentence at . ! ? … followed by a capital, digit, quote or
bracket, at an ellipsis glued to a capitalised word, and at every line break; a period after a common abbreviation (TP., UBND., ThS.) does
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
# An ellipsis glued to a capitalised word ('… có 52 xã đạt chuẩn...Sáng 3/4, UBND …', a
# page's lead run into its body) ends one too.
# Matched only where a run of marks begins, and possessively: a run of 100,000 '!' is read
# once, not once per position (linear time on any input).
_BOUNDARY = re.compile(
    r"(?<![.!?…])(?:\./\.|[.!?…]++)[\"”’)\]]*+"
    r"(?:(?=\s+[\"“‘(\[]?[A-ZÀ-Ỹ0-9Đ])|(?P<glued>(?<=\.\.\.)|(?<=…))(?=[^\W\d_]{2}))"
)
_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS) + 1


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
            if match.group("glued") is not None and not line_text[stop].isupper():
                continue  # '...và': the sentence goes on
            if len(match.group()) == 1 and _abbreviation_before(line_text, cursor, match.start()):
                continue
            _append_span(spans, line_text, line_start, cursor, stop)
            cursor = stop
        _append_span(spans, line_text, line_start, cursor, len(line_text))
    return spans


def _abbreviation_before(line_text: str, begin: int, at: int) -> bool:
    """Whether the word that ends at the period ``at`` ('TP.', 'Th.S.') is an abbreviation;
    looks back a few characters only, whatever the length of the line."""
    i = at
    while (
        i > begin
        and at - i <= _LONGEST_ABBREVIATION
        and (line_text[i - 1].isalnum() or line_text[i - 1] in "._")
    ):
        i -= 1
    if at - i > _LONGEST_ABBREVIATION or i == at:
        return False
    return line_text[i:at].lower().rstrip(".") in _ABBREVIATIONS


def _append_span(spans, line_text, offset, begin, stop):
    piece = line_text[begin:stop]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if piece.strip():
        spans.append((offset + begin + lead, offset + stop - trail))
