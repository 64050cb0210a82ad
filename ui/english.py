"""What the app composes in Vietnamese, said in English for the English interface.

The answering core and the brief give a figure as the document writes it ('65 xã, i.e.
35,91%', 'tăng 4 (từ 61 xã, 12/2019)', 'tháng 8/2021'); in the English interface the words
*around* the documents' words are English, so a figure is shown with an English unit and
number format ('65 communes, i.e. 35.91%'). What a document says verbatim (a quote, a sentence
given as the answer, a name) is never changed.

Usage::

    english("65 xã, i.e. 35,91%")              # '65 communes, i.e. 35.91%'
    english("tăng 4 (từ 61 xã, 12/2019)")      # 'up 4 (from 61 communes, 12/2019)'
    english_answer(answer)                     # the answer, its frame in English
"""

from __future__ import annotations

import re
from dataclasses import replace

from base.lexicon import UNITS_LONGEST_FIRST
from base.text import fold
from base.types import Answer

# folded unit (base.lexicon.UNITS) -> (one, many)
UNIT_EN: dict[str, tuple[str, str]] = {
    "tieu chi/xa": ("criterion per commune", "criteria per commune"),
    "trieu dong/nguoi/nam": ("million VND per person per year",) * 2,
    "trieu dong/nguoi": ("million VND per person",) * 2,
    "trieu dong": ("million VND",) * 2,
    "ty dong": ("billion VND",) * 2,
    "nghin ty dong": ("trillion VND",) * 2,
    "ngan ty dong": ("trillion VND",) * 2,
    "nghin dong": ("thousand VND",) * 2,
    "khu dan cu": ("residential area", "residential areas"),
    "don vi cap huyen": ("district-level unit", "district-level units"),
    "don vi hanh chinh cap huyen": ("district-level unit", "district-level units"),
    "don vi cap tinh": ("province-level unit", "province-level units"),
    "don vi hanh chinh cap tinh": ("province-level unit", "province-level units"),
    "san pham": ("product", "products"),
    "tieu chi": ("criterion", "criteria"),
    "chi tieu": ("indicator", "indicators"),
    "cong trinh": ("facility", "facilities"),
    "truong hoc": ("school", "schools"),
    "tram y te": ("health station", "health stations"),
    "nha van hoa": ("cultural house", "cultural houses"),
    "hop tac xa": ("cooperative", "cooperatives"),
    "to hop tac": ("cooperative group", "cooperative groups"),
    "lao dong": ("worker", "workers"),
    "doanh nghiep": ("business", "businesses"),
    "y tuong": ("idea", "ideas"),
    "vuon mau": ("model garden", "model gardens"),
    "vuon": ("garden", "gardens"),
    "lan": ("time", "times"),
    "diem": ("site", "sites"),
    "mo hinh": ("model", "models"),
    "du an": ("project", "projects"),
    "thi tran": ("township", "townships"),
    "thi xa": ("town", "towns"),
    "thanh pho": ("city", "cities"),
    "hec ta": ("ha",) * 2,
    "hecta": ("ha",) * 2,
    "nguoi": ("person", "people"),
    "thon": ("hamlet", "hamlets"),
    "xom": ("hamlet", "hamlets"),
    "ban": ("village", "villages"),
    "ap": ("hamlet", "hamlets"),
    "lang": ("village", "villages"),
    "xa": ("commune", "communes"),
    "phuong": ("ward", "wards"),
    "huyen": ("district", "districts"),
    "tinh": ("province", "provinces"),
    "km": ("km",) * 2,
    "ha": ("ha",) * 2,
    "ho": ("household", "households"),
    "nha": ("house", "houses"),
    "cho": ("market", "markets"),
    "ty": ("billion",) * 2,
    "trieu": ("million",) * 2,
    "dong": ("VND",) * 2,
    "%": ("%",) * 2,
}

# a place's level before its name ('tỉnh Hà Giang' -> 'Hà Giang province')
_LEVELS = {
    "tinh": "province",
    "huyen": "district",
    "thi xa": "town",
    "thanh pho": "city",
    "xa": "commune",
    "phuong": "ward",
    "thi tran": "township",
}

# the few words the app puts around figures (folded, whole words) -> English
_WORDS = (
    # the brief's kinds and series ('tăng thêm mỗi năm', 'mức đạt, riêng xã biên giới',
    # 'chưa có số liệu cùng loại'): longer phrases before the words in them
    (r"khong noi tong hay tang them", "total or increase not stated"),
    (r"chua co so lieu cung loai", "no result of the same kind yet"),
    (r"khong ro (?:theo )?cach dem(?: nao)?", "counted differently, unclear how"),
    (r"tang them moi nam", "increase per year"),
    (r"tang them", "increase"),
    (r"tong so", "total"),
    (r"muc dat", "level"),
    (r"muc tieu", "target"),
    (r"chenh lech", "difference"),
    (r"trong do", "of which"),
    (r"rieng", "only"),
    (r"xa (?:ntm )?nang cao", "advanced NTM communes"),
    (r"xa (?:ntm )?kieu mau", "model NTM communes"),
    (r"xa diem", "pilot communes"),
    (r"xa bien gioi", "border communes"),
    (r"xa dac biet kho khan", "extremely disadvantaged communes"),
    (r"tu (?=\S+ den )", ""),  # 'từ 11,5 đến 12' -> '11,5 to 12'
    (r"den", "to"),
    (r"tang", "up"),
    (r"giam", "down"),
    (r"khong doi", "unchanged"),
    (r"dem khac nhau", "counted differently"),
    (r"truoc (?:khi )?sap nhap(?: xa)?", "before the merger"),
    (r"sau (?:khi )?sap nhap(?: xa)?", "after the merger"),
    (r"theo so lieu", "by the figures"),
    (r"tong", "total"),
    (r"gia tri", "value"),
    (r"khong ro", "unknown"),
    (r"chua co", "none yet"),
    (r"tu", "from"),
    (r"hon", "more than"),
    (r"tren", "over"),
    (r"gan", "nearly"),
    (r"khoang", "about"),
    (r"chiem", "i.e."),
    (r"tinh den(?: het)?(?: thang| nam)?", "as of"),
    (r"den het(?: thang| nam)?", "as of"),
    (r"cuoi nam", "end of"),
    (r"thang (?=\d)", ""),
    (r"ngay (?=\d)", ""),
    (r"nam (?=\d)", ""),
    (r"va", "and"),
    (r"moi thoi diem", "all time"),
    (r"toan bo tai lieu", "all documents"),
)

_NUMBER = r"\d+(?:[.,]\d+)*(?:\s*/\s*\d+(?:[.,]\d+)*)?"
_UNIT = "|".join(re.escape(u) for u in UNITS_LONGEST_FIRST if u != "%")
_FIGURE = re.compile(rf"(?<![\w.,/])(?P<n>{_NUMBER})(?:(?P<pct>\s?%)|\s+(?P<u>{_UNIT})(?!\w))?")
_LEVEL = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(_LEVELS, key=len, reverse=True))}) (?=\w)")
_NAME = re.compile(r"[^\W\d_][\w]*(?: [^\W\d_][\w]*)*")


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
    """A phrase the app composed in Vietnamese (a figure, a change, a time label, a place with
    its level) in English: units, number formats and the few connecting words."""
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
    for pattern, words in _WORDS:
        text = _replace_words(text, pattern, words)
    return re.sub(r"\s{2,}", " ", text).strip()


def _places(text: str) -> str:
    """'tỉnh Hà Giang' -> 'Hà Giang province': a level word before a capitalised name."""
    out, at = [], 0
    for m in _LEVEL.finditer(_folded(text)):
        if m.start() < at:
            continue
        words = []
        for word in text[m.end() :].split(" "):
            if not word[:1].isupper() or not word.strip(",.;:()").isalpha():
                if word[:1].isupper() and word.rstrip(",.;:)").isalpha():
                    words.append(word)  # the last word of the name, before its punctuation
                break
            words.append(word)
        if not words:
            continue
        name = " ".join(words)
        trail = name[len(name.rstrip(",.;:)")) :]
        out.append(text[at : m.start()])
        out.append(f"{name.rstrip(',.;:)')} {_LEVELS[m.group().strip()]}{trail}")
        at = m.end() + len(name)
    out.append(text[at:])
    return "".join(out)


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
