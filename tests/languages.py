"""Telling the interface's two languages apart in what a reader sees: a page of the app, a
brief downloaded as Word or Markdown. The documents' own words (quotes, sentences, titles,
names) are values, not words of the interface, and are left aside.

Usage::

    assert not other_language(page_text, "en")   # no Vietnamese word or decimal comma left
"""

from __future__ import annotations

import re

from tests.conftest import DOCUMENTS

VIETNAMESE_LETTER = re.compile(
    r"(?i)[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
# the words an English frame or chart would leak into a Vietnamese page
ENGLISH_EXTRA = ["Evidence", "Earlier figures", "communes", "criteria", "entity", "direct answer"]
ENGLISH_EXTRA += ["precision", "recall", "merger", "i.e.", *MONTHS]
SPLITS = (r"\n|\t", r" — | – | → ", r": |; ", r"[()]", r", ", r" ")


def english_words() -> re.Pattern:
    """Words of the English interface (the app's, a brief's headings) that the Vietnamese one
    never uses, and the English frame's own words: any of them on a Vietnamese page is a
    leak."""
    from assistant.answering.wording import WORDS as FRAME
    from assistant.brief_words import Section
    from base.english import FRAME_EN
    from ui.text import TEXT

    pairs = [*TEXT.values(), *FRAME.values()]
    pairs += [(s.heading(), s.heading("en")) for s in Section]
    pairs += [(s.none_said(), s.none_said("en")) for s in Section]
    pairs += [("", en) for _, en in FRAME_EN]
    vietnamese = " ".join(vi for vi, _ in pairs).lower()
    words = {
        w
        for vi, en in pairs
        if vi != en
        for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{\w+\}|`[^`]*`|NTM_\w+", "", en))
        if w.lower() not in vietnamese
    }
    alternatives = "|".join(re.escape(w) for w in sorted({*words, *ENGLISH_EXTRA}, key=len))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


def corpus() -> str:
    """Every bundled document's words, one space between them."""
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in DOCUMENTS.iterdir())


def other_language(text: str, lang: str, values: tuple[str, ...] = ()) -> list[str]:
    """The pieces of ``text`` (a page as a reader sees it) in the other language than
    ``lang``. Quotes (“…”) and what the documents or the user wrote (a sentence, a title, a
    name, a question) are values, not words of the interface, and are left aside; a figure
    with its unit is the interface's ('65 xã' on an English page is a leak)."""
    docs = corpus().lower()
    leak = english_words() if lang == "vi" else None

    def foreign(piece: str) -> bool:
        if lang == "en":  # a Vietnamese word, or a decimal comma
            return bool(VIETNAMESE_LETTER.search(piece) or re.search(r"\d,\d{1,2}(?!\d)", piece))
        # an English word, a decimal point or a thousands comma
        return bool(leak.search(piece) or re.search(r"\d\.\d{1,2}%|\d,\d{3}(?!\d)", piece))

    def said_by_others(piece: str) -> bool:
        if piece in values:
            return True
        name = all(w[:1].isupper() for w in piece.split()) and not re.search(r"\d", piece)
        long_enough = len(piece) >= (16 if re.search(r"\d", piece) else 12)
        return " ".join(piece.split()).lower() in docs and (long_enough or name)

    def pieces(text: str, level: int = 0) -> list[str]:
        text = text.strip(" .…,;:-–—[]'\u2060")
        if not text or not foreign(text) or said_by_others(text):
            return []
        if level == len(SPLITS):
            return [text]
        return [p for part in re.split(SPLITS[level], text) for p in pieces(part, level + 1)]

    text = re.sub(r"“[^”]*”|\[\d{1,3}\]", "\n", text)
    return pieces(text)
