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


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\x1b"}


def printable(text: str) -> str:
    """``text`` with every control and format character written as an escape (a newline as
    ``\\n``, ESC as ``\\x1b``, U+202E as ``\\u202e``): a file name shown on a terminal or a
    page can neither recolour the terminal nor break a line nor turn itself around. Other
    text is unchanged, Vietnamese included."""

    def shown(ch: str) -> str:
        if ch in _ESCAPES:
            return _ESCAPES[ch]
        if unicodedata.category(ch)[0] != "C":
            return ch
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return "".join(shown(ch) for ch in text)


# what Markdown (CommonMark, GFM) turns into a link, an image, HTML or code; a citation
# marker "[3]" stays as it is
_MD_ACTIVE = re.compile(r"\[\d{1,3}\](?![(\[:])|[\\`<>&*|\[\]]|!(?=\[)|(?<=\w)://|\bwww\.")


def markdown_literal(text: str) -> str:
    """``text`` for a Markdown file people download (an answer, a brief): what would make a
    link, an image, HTML or code is escaped, so ``![b](http://host/x.png)``, ``[Tải](…)``,
    ``<img …>`` and bare ``http://…`` addresses show as the text they are, and nothing is
    fetched when the file is opened. Ordinary text is left readable (no escaped dots)."""

    def escape(match: re.Match) -> str:
        found = match.group(0)
        if found[0] == "[" and len(found) > 1:  # a citation marker
            return found
        if found == "://":
            return ":\\/\\/"
        if found.lower() == "www.":
            return found[:3] + "\\."
        return "".join("\\" + ch for ch in found)

    return _MD_ACTIVE.sub(escape, printable_lines(text))


def printable_lines(text: str) -> str:
    """:func:`printable`, line breaks and tabs kept: for a paragraph rather than a name."""
    return "\n".join("\t".join(map(printable, line.split("\t"))) for line in text.split("\n"))
