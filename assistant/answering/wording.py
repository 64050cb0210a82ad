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
"""

from __future__ import annotations

from base.errors import QuestionError

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
