"""Pure Vietnamese text helpers: NFC normalisation, accent folding, syllable tokens."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def normalize(text: str) -> str:
    """NFC, unified line ends, no control characters, lines stripped, at most one blank line.

    Nothing inside a line changes (not even double spaces): every sentence of the result is
    verbatim text of the NFC source, which is what citations promise.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def fold(text: str) -> str:
    """Lower case without diacritics: 'Đình Lập' -> 'dinh lap'. Length may change."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def syllables(text: str) -> list[str]:
    """Accent-folded syllables and numbers ('06/10' -> '06', '10'; '35,91' stays one)."""
    return _TOKEN.findall(fold(text))


def lexical_terms(text: str) -> list[str]:
    """Syllables plus syllable bigrams ('dinh', 'lap', 'dinh_lap'): what BM25 indexes."""
    tokens = syllables(text)
    return tokens + [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
