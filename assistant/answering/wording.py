"""The words an answer puts around the documents' words, in Vietnamese and in English.

An answer quotes its evidence verbatim and gives values as the documents write them ('06/10
xã', 'Quyết định số 1104/QĐ-UBND'); everything around them (labels, connectors, abstentions,
time labels) is its *frame*, and the frame follows one language: English when the interface
asks for it or the question is English, Vietnamese otherwise.

Usage::

    lang = frame_lang(check_lang(requested), english=is_english(question))
    say("evidence", lang)                          # 'Căn cứ:' or 'Evidence:'
    say("no_document_about", "en", places="Hà Giang")
    time_label((2021, 7), (2021, 7), as_of=True)   # 'as of 7/2021'
    english("65 xã, chiếm 35,91%")                 # '65 communes, i.e. 35.91%'
    english_answer(answer)                         # an English frame in English throughout

A figure the frame gives is written as the document writes it ('65 xã, i.e. 35,91%', 'tăng 4
(từ 61 xã, 12/2019)') while the answer is composed; :func:`english_answer` then says such
figures of an English frame with English units and number format ('65 communes, i.e.
35.91%'), with the words of ``base.english``. What a document says verbatim (a quote, a
sentence given as the answer, a title, a name) is never changed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from base.english import FRAME_EN, NAMED_LEVELS, UNIT_EN
from base.errors import QuestionError
from base.lexicon import UNITS_LONGEST_FIRST
from base.text import fold
from base.types import Answer

LANGS = ("vi", "en")

# message id -> (Vietnamese, English); ``{name}`` fields are filled in by ``say``.
WORDS: dict[str, tuple[str, str]] = {
    "evidence": ("Căn cứ:", "Evidence:"),
    "also": ("Cũng theo:", "Also according to:"),
    # the heads of a summary's items in words, before the first of each
    "summary_limits": ("Tồn tại, hạn chế:", "Shortcomings:"),
    "summary_tasks": ("Nhiệm vụ, giải pháp:", "Tasks and solutions:"),
    "earlier": ("Số liệu ở các thời điểm trước:", "Earlier figures:"),
    "abstain": (
        "Tài liệu hiện có không có thông tin này.",
        "The documents do not contain this information.",
    ),
    "no_document_about": ("Không tài liệu nào nói về {places}.", "No document mentions {places}."),
    "nearest_places": (
        "Các tài liệu gần nhất nói về: {places}.",
        "The nearest documents are about: {places}.",
    ),
    "other_times": (
        "Các tài liệu chỉ nêu điều này cho thời điểm khác: {times}.",
        "The documents say this only of other times: {times}.",
    ),
    "no_passage": ("Chỉ mục chưa có đoạn văn phù hợp.", "The index has no matching passage yet."),
    "no_information_for": ("không có thông tin cho “{part}”", "no information for “{part}”"),
    "per_article": ("theo bài ngày {date}", "according to the article of {date}"),
    "per_document": ("theo tài liệu ngày {date}", "according to the document of {date}"),
    "date_unknown": ("không rõ ngày", "date unknown"),
    # a count and its share: '33/119 xã, chiếm 27,32%'
    "share": ("{value}, chiếm {share}", "{value}, i.e. {share}"),
    # the last two names of a list: 'Triệu Sơn, Nông Cống và Thiệu Hóa'
    "and": ("{first} và {last}", "{first} and {last}"),
    # comparisons and changes of a figure, drawn from two cited values
    "more": ("{place} nhiều hơn {diff}", "{place} has {diff} more"),
    "equal": ("bằng nhau", "the same"),
    "rose": ("tăng {diff}", "up {diff}"),
    "fell": ("giảm {diff}", "down {diff}"),
    "unchanged": ("không đổi", "unchanged"),
    "not_comparable": (
        "hai số không cùng cách tính ({why}), không so sánh trực tiếp được",
        "the two figures are not counted the same way ({why}): no direct comparison",
    ),
    "other_total": (
        "tổng số khác nhau: {a} và {b}, có thể do sáp nhập",
        "different totals: {a} and {b}, perhaps a merger",
    ),
    # time labels of the English frame (the Vietnamese one quotes the document's own words)
    "as_of": ("tính đến {time}", "as of {time}"),
    "year": ("năm {year}", "{year}"),
    # the command line's headings
    "sources": ("Nguồn (sources):", "Sources:"),
    "related": (
        "Đoạn liên quan để tham khảo (related reading, not evidence):",
        "Related reading (not evidence):",
    ),
}


def check_lang(lang: object) -> str | None:
    """``lang`` as given ("vi", "en" or None for automatic), or a QuestionError naming it."""
    if lang is None or lang in LANGS:
        return lang
    raise QuestionError(
        f"Ngôn ngữ '{lang}' không được hỗ trợ: dùng 'vi', 'en' hoặc để trống (tự động). "
        f"(Unknown language '{lang}': use 'vi', 'en' or None for automatic.)"
    )


def frame_lang(lang: str | None, english: bool) -> str:
    """The language of the answer's frame: English for an English question, whatever the
    interface language, or when the interface is English; Vietnamese otherwise."""
    return "en" if lang == "en" or english else "vi"


def say(key: str, lang: str, **fields: object) -> str:
    """The message ``key`` in ``lang`` ("vi" or "en"), its ``{fields}`` filled in."""
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**fields) if fields else text


def time_label(
    lo: tuple[int, int], hi: tuple[int, int], as_of: bool = False, lang: str = "en"
) -> str:
    """A time range of (year, month) pairs as a short label: '7/2021', '2020', '2016–2020',
    '1–6/2021', '3/2019–6/2021'; 'as of …' when a figure holds at that time."""
    (y1, m1), (y2, m2) = lo, hi
    if (y1, m1) == (y2, m2):
        text = f"{m2}/{y2}"
    elif y1 == y2 and m1 == 1 and m2 == 12:
        text = say("year", lang, year=y2)
    elif y1 == y2:
        text = f"{m1}–{m2}/{y2}"
    elif m1 == 1 and m2 == 12:
        text = f"{y1}–{y2}"
    else:
        text = f"{m1}/{y1}–{m2}/{y2}"
    return say("as_of", lang, time=text) if as_of else text


def display_date(date: str | None, lang: str = "vi") -> str:
    """An ISO date ('2021-08-27', '2021-08', '2021') as dd/mm/yyyy in both languages."""
    if not date:
        return say("date_unknown", lang)
    return "/".join(reversed(date.split("-")))


def number(value: float, decimals: int, lang: str = "vi") -> str:
    """A number as an answer writes it: '1,61' and '1.234' in Vietnamese, '1.61' and
    '1,234' in English."""
    text = f"{abs(value):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return ("-" if value < 0 else "") + text


# -- the frame in English -----------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)*(?:\s*/\s*\d+(?:[.,]\d+)*)?"
_UNIT = "|".join(re.escape(u) for u in UNITS_LONGEST_FIRST if u != "%")
_FIGURE = re.compile(rf"(?<![\w.,/])(?P<n>{_NUMBER})(?:(?P<pct>\s?%)|\s+(?P<u>{_UNIT})(?!\w))?")
_LEVEL = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(NAMED_LEVELS, key=len, reverse=True))}) (?=\w)")
_NAME_WORD = re.compile(r"[^\W\d_]+")
# between two names of a list: 'Phong Phú, Mãn Đức and Quyết Chiến'
_NAMES_BETWEEN = re.compile(r", (?:and |và )?| (?:and|và) ")


def _folded(text: str) -> str:
    """``fold(text)`` character by character, so that offsets in it are offsets in ``text``."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


def english_number(number: str) -> str:
    """'35,91' -> '35.91', '1.234' -> '1,234', '1.234,5' -> '1,234.5'; '06/10' stays."""

    def one(n: str) -> str:
        groups = n.split(".")
        thousands = len(groups) > 1 and all(len(g) == 3 for g in groups[1:] if "," not in g)
        if "," in n or thousands:
            return n.replace(".", "\0").replace(",", ".").replace("\0", ",")
        return n

    return re.sub(r"\d+(?:[.,]\d+)*", lambda m: one(m.group()), number)


def _unit_words(unit: str, number: str) -> str:
    one, many = UNIT_EN.get(unit, (unit, unit))
    whole = re.fullmatch(r"0*1", number.strip())
    return one if whole else many


def english(text: str) -> str:
    """A phrase composed in Vietnamese around the documents' words (a figure, a change, a time
    label, a place with its level) in English: units, number formats and the few connecting
    words (``base.english.FRAME_EN``)."""
    folded = _folded(text)
    out, at = [], 0
    for m in _FIGURE.finditer(folded):
        out.append(text[at : m.start()])
        number = english_number(text[m.start("n") : m.end("n")])
        if m.group("pct"):
            out.append(f"{number}%")
        elif not m.group("u"):
            out.append(number)
        else:
            out.append(f"{number} {_unit_words(m.group('u'), m.group('n'))}")
        at = m.end()
    out.append(text[at:])
    text = "".join(out)
    text = _places(text)
    for pattern, words in FRAME_EN:
        text = _replace_words(text, pattern, words)
    return re.sub(r"\s{2,}", " ", text).strip()


def _places(text: str) -> str:
    """'tỉnh Hà Giang' -> 'Hà Giang province', 'xã Phong Phú, Mãn Đức and Quyết Chiến' ->
    'Phong Phú, Mãn Đức and Quyết Chiến communes': a level word before capitalised names."""
    out, at = [], 0
    for m in _LEVEL.finditer(_folded(text)):
        if m.start() < at:
            continue
        end, names = _names(text, m.end())
        if not names:
            continue
        one, many = UNIT_EN[m.group().strip()]
        out.append(text[at : m.start()])
        out.append(f"{text[m.end() : end]} {one if names == 1 else many}")
        at = end
    out.append(text[at:])
    return "".join(out)


def _names(text: str, at: int) -> tuple[int, int]:
    """Where the capitalised names that start at ``text[at]`` end, and how many there are:
    one ('Hà Giang' of 'Hà Giang. The …') or a list ('Phong Phú, Mãn Đức and Quyết Chiến')."""
    end, count = _name_end(text, at), 0
    while end > at:
        count += 1
        between = _NAMES_BETWEEN.match(text, end)
        after = _name_end(text, between.end()) if between else end
        if not between or after == between.end():
            break
        at, end = between.end(), after
    return end, count


def _name_end(text: str, at: int) -> int:
    """The end of the capitalised words, one space apart, that start at ``text[at]``."""
    end = at
    while (word := _NAME_WORD.match(text, at)) and word.group()[0].isupper():
        end = word.end()
        if text[end : end + 1] != " ":
            break
        at = end + 1
    return end


def _replace_words(text: str, pattern: str, words: str) -> str:
    folded = _folded(text)
    out, at = [], 0
    edge = "" if pattern.endswith((")", " ")) else r"(?!\w)"
    for m in re.finditer(rf"(?<!\w)(?:{pattern}){edge}", folded):
        if m.start() < at:
            continue
        first = text[m.start() : m.start() + 1]
        if first.isupper() and text[: m.start()].strip(" -–—("):
            continue  # a capitalised word inside a phrase is a name ('Nguyễn Văn Tú')
        out.append(text[at : m.start()])
        out.append(words[:1].upper() + words[1:] if words and first.isupper() else words)
        at = m.end()
        if not words:  # 'năm 2019' -> '2019': no space left before the number
            while at < len(text) and text[at] == " ":
                at += 1
    out.append(text[at:])
    return "".join(out)


_QUOTED = re.compile(r"“[^”]*”")
_MARKERS = re.compile(r"(?:\[\d{1,3}\])+")


def english_answer(answer: Answer) -> Answer:
    """The answer with its English frame in English throughout: every figure the frame gives
    (the direct value, earlier figures, a change) with an English unit and number format.

    Quotes (“…”), titles, and any clause that is a document's own words (found in a cited
    quote, as a summary's items or a sentence given as the answer are) stay as written."""
    if answer.lang != "en":
        return answer
    cited = (*answer.citations, *answer.related)
    quotes = [fold(c.quote) for c in cited if c.quote]
    titles = sorted({c.title for c in cited if c.title}, key=len, reverse=True)

    def verbatim(clause: str) -> bool:
        words = fold(_MARKERS.sub("", clause)).strip(" -–—;:,.()")
        head, colon, rest = words.partition(": ")
        tries = (words, rest.strip()) if colon and head.isascii() else (words,)
        return any(len(w) >= 20 and any(w in q for q in quotes) for w in tries)

    def said(piece: str) -> str:
        if not piece.strip() or _MARKERS.fullmatch(piece) or piece == "; " or verbatim(piece):
            return piece
        kept: dict[str, str] = {}
        for n, title in enumerate(titles):  # a document's title is its own words
            if title in piece:
                kept[f"\x00{n}\x00"] = title
                piece = piece.replace(title, f"\x00{n}\x00")
        piece = _keep_edges(piece)
        for mark, title in kept.items():
            piece = piece.replace(mark, title)
        return piece

    def frame(segment: str) -> str:
        return "\n".join(
            line
            if verbatim(line)
            else "".join(said(p) for p in re.split(r"(\[\d{1,3}\]|; )", line))
            for line in segment.split("\n")
        )

    out, at = [], 0
    for m in _QUOTED.finditer(answer.answer):
        out.append(frame(answer.answer[at : m.start()]))
        out.append(m.group())
        at = m.end()
    out.append(frame(answer.answer[at:]))
    value = frame(answer.value) if answer.value else answer.value
    return replace(answer, answer="".join(out), value=value)


def _keep_edges(piece: str) -> str:
    """``english(piece)`` with the piece's leading and trailing spaces kept (they join it to
    the markers and quotes around it)."""
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    return lead + english(piece) + trail if piece.strip() else piece
