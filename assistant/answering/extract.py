"""Reading typed values off a sentence: people, places, lists of places, dates, decisions,
noun phrases and time frames (figures come from the facts index).

Pure functions over a sentence's text; every candidate carries its character span in that
text, so the answer quotes exactly what the document says.
"""

from __future__ import annotations

import re

from assistant.answering.records import Candidate, CandidateKind
from base.documents import DOCUMENT_TYPES
from base.places import is_place_name
from base.text import fold

_SURNAMES_WRITTEN = set(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lưu Đinh
    Trịnh Mai Lâm Hà Tô Đào Cao Lương Chu Triệu Hứa Nông Lục Vi Lã Tạ Thái Kiều Đàm Quách Tăng
    Khổng Âu Phùng Đoàn Vương Trương Lại Lò Hoàng Giáp Đồng Mạc Thân Lường Quan Bế Hầu Mã Kim
    Ninh Tống Văn Diệp Thạch Sầm Hoàng Bạch Đàm Tiêu Doãn Khúc Chế Đậu Nghiêm Cù Yên
    Dư Lữ Mẫn Giàng Sùng Thào Lầu Tráng Hạng Tẩn Chảo Cầm Quàng Tòng Đèo Ksor Siu Rah Kpă""".split()
)
# family names that are also everyday words ('Từ Hà Nội', 'Danh sách'): a name only after
# an honorific or an office ('ông Từ Hữu Hà', 'Chủ tịch UBND huyện Trang A Lử')
_SURNAMES_CUED = {"Từ", "Trang", "Danh", "Vàng", "Mùa", "Bàn"}
_OFFICE_BEFORE = re.compile(
    r"(?i)(?:chủ tịch|bí thư|giám đốc|chánh|trưởng|phó|ủy|uỷ|UBND|HĐND)[^.;:!?,]{0,90}$"
)
_OFFICE_REACH = 100  # characters before a name read for its office
SURNAMES = {fold(s) for s in _SURNAMES_WRITTEN}
# Capitalised title words that fold like a surname ('Trưởng' like 'Trương')
_TITLE_WORDS = {"Trưởng", "Phó", "Chủ", "Bí", "Giám", "Thủ", "Thường", "Ủy", "Uỷ", "Ban"}


def is_surname(word: str, cued: bool = False) -> bool:
    """A family name, with its diacritics when the word has any ('Trưởng' is a title); with
    ``cued`` (an honorific or an office before it), the names that are also everyday words."""
    if word in _TITLE_WORDS:
        return False
    if word in _SURNAMES_CUED:
        return cued
    if fold(word) != word.lower():
        return word.capitalize() in _SURNAMES_WRITTEN
    return fold(word) in SURNAMES


_HONORIFIC = re.compile(r"(?i)(?<![\w])(đồng chí|đ/c|ông|bà|anh|chị)\s+$")
_PLACE_WORD = re.compile(
    r"(?<![^\W_])(thành phố|thị xã|thị trấn|huyện|tỉnh|quận|phường|xã|thôn|xóm|bản|làng|"
    r"khu dân cư|TP\.?)\s+",
    re.IGNORECASE,
)
_NAME_BREAK = {
    "va",
    "deu",
    "da",
    "dat",
    "duoc",
    "co",
    "la",
    "cua",
    "voi",
    "trong",
    "tai",
    "thuoc",
    "cung",
    "nay",
    "theo",
    "de",
    "tu",
    "den",
    "dang",
    "se",
    "con",
    "chua",
    "moi",
    "nang",
    "phan",
    "tham",
    "ve",
    "cho",
    "nhu",
    "khi",
    "thi",
    "tren",
    "duoi",
    "sau",
    "truoc",
    "hon",
    "bi",
    "tiep",
    "hoan",
    "xay",
    "cac",
    "nhung",
    "mot",
    "hai",
    "ba",
    "bon",
    "nam",
}
_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)


def _capitalised_run(
    sentence: str, start: int, limit: int = 4, lenient: bool = False
) -> tuple[int, int]:
    """Span of the run of capitalised words from ``start`` (lenient: later words may be lower)."""
    end = start
    count = 0
    for m in _WORD.finditer(sentence, start):
        gap = sentence[end : m.start()] if count else sentence[start : m.start()]
        if gap.strip() or ("\n" in gap):
            break
        word = m.group()
        folded = fold(word)
        if count == 0 and not word[0].isupper():
            break
        if count > 0 and not word[0].isupper():
            if not lenient or folded in _NAME_BREAK or count >= 2:
                break
        if word.isupper() and len(word) > 2 and count > 0:
            break
        end = m.end()
        count += 1
        if count >= limit:
            break
    return start, end


def people(sentence: str) -> list[Candidate]:
    """Personal names: after 'đồng chí/ông/bà', or a known surname and 2–3 capitalised words."""
    found: list[Candidate] = []
    for m in _WORD.finditer(sentence):
        word = m.group()
        if not word[0].isupper():
            continue
        before = sentence[max(0, m.start() - _OFFICE_REACH) : m.start()]
        office = bool(_OFFICE_BEFORE.search(before))
        cued = office or bool(_HONORIFIC.search(before[-12:]))
        if not is_surname(word, cued) or _inside_place(sentence, m.start(), m.end()):
            continue
        if found and m.start() < found[-1].end:
            continue
        start, end = _capitalised_run(sentence, m.start(), limit=4)
        words = sentence[start:end].split()
        honorific = _HONORIFIC.search(sentence[max(0, start - 12) : start])
        if not honorific and _begins_place(words):
            continue
        # 'Chánh văn phòng … tỉnh Lâm Đồng Lê Chinh': an office, its place, a two-word name
        after_office_place = office and before.rstrip()[-1:].isalpha() and _last_capitalised(before)
        if len(words) >= 3 or (len(words) == 2 and (honorific or after_office_place)):
            label = sentence[start:end]
            if honorific:
                label = f"{honorific.group(1).strip().capitalize()} {label}"
            found.append(Candidate(CandidateKind.PERSON, start, end, label))
    return found


def _last_capitalised(text: str) -> bool:
    """Whether ``text`` ends with a capitalised word (a place's name before a person's)."""
    words = text.split()
    return bool(words) and words[-1][:1].isupper()


def _inside_place(sentence: str, start: int, end: int) -> bool:
    """Whether the word at ``start``–``end`` ends a place's name begun by the capitalised
    words just before it ('tỉnh Gia Lai Võ Ngọc Thành': 'Lai' is no family name here)."""
    before = sentence[max(0, start - 30) : start].split()
    run: list[str] = []
    for word in reversed(before):
        if not word[:1].isupper() or not word.isalpha():
            break
        run.insert(0, word)
    word = sentence[start:end]
    return any(
        is_place_name(fold(" ".join([*run[-k:], word]))) for k in range(1, min(len(run), 3) + 1)
    )


def _begins_place(words: list[str]) -> bool:
    """Whether a capitalised run opens with a place's name ('Hà Nội Đến Lạng Sơn')."""
    return any(is_place_name(fold(" ".join(words[:k]))) for k in (2, 3) if len(words) >= k)


def places(sentence: str, levels: set[str] | None = None) -> list[Candidate]:
    """Named places ('thôn Chùa vàng', 'thành phố Lạng Sơn'), optionally of given levels."""
    found = []
    for m in _PLACE_WORD.finditer(sentence):
        level = fold(m.group(1)).rstrip(".")
        if levels and level not in levels:
            continue
        start, end = _capitalised_run(sentence, m.end(), limit=4, lenient=True)
        numbered = _NUMBERED.match(sentence, end) if end > start else None
        end = numbered.end() if numbered else end  # 'bản Mường Anh 1', 'xã Xuân Thọ 2'
        if end > start and not _PROGRAMME.match(fold(sentence[start:end])):
            found.append(Candidate(CandidateKind.PLACE, m.start(), end, sentence[m.start() : end]))
    return found


# the programme's name capitalised after a place word is no place: 'huyện Nông thôn mới'
_PROGRAMME = re.compile(r"(?:nong thon|nong thong|ntm)\b")


_ENUMERATION = re.compile(
    r"(?i)\b(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(huyện|xã|thị xã|thành phố|tỉnh|thôn|bản|ấp|phường|thị trấn|quận)\b"
    r"([^:;.]{0,60}?)(?:\s+(?:gồm có|gồm|là)\s*:?|\s*:)\s*"
)
_PLACE_WORD_AT = re.compile(
    r"(?i)(?:huyện|xã|thị xã|thành phố|tỉnh|thôn|bản|ấp|phường|thị trấn|quận|TP\.?)\s+"
)
# a number that ends a place's name ('Xuân Thọ 2', 'Phường 3'), not a count or a figure after it
_NUMBERED = re.compile(r" \d{1,2}(?![\w/%]|[.,]\d|\s*(?:xã|huyện|thôn|tiêu chí|sản phẩm))")
# what a listed name may carry in brackets: its district, its former name
_QUALIFIER = re.compile(r"\s*\([^()\n]{1,50}\)")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*và|,|và)\s+")


def enumerations(sentence: str, levels: set[str] | None = None) -> list[Candidate]:
    """Places listed after a plural head ('các huyện: Triệu Sơn, Nông Cống và Thiệu Hóa', '4
    huyện đạt chuẩn gồm: Chợ Gạo, Gò Công Tây và huyện Cai Lậy', '3 xã: Lương Ninh (huyện
    Quảng Ninh), Bảo Ninh (thành phố Đồng Hới)'), verbatim from the first name to the last;
    only lists of two names or more."""
    found = []
    for m in _ENUMERATION.finditer(sentence):
        if levels and fold(m.group(1)) not in levels:
            continue
        pos, names, first = m.end(), 0, None
        while True:
            word = _PLACE_WORD_AT.match(sentence, pos)
            at = word.end() if word else pos
            start, end = _capitalised_run(sentence, at, limit=4)
            if end <= start:
                break
            first = pos if first is None else first
            numbered = _NUMBERED.match(sentence, end)  # 'Xuân Thọ 2'
            end = numbered.end() if numbered else end
            qualified = _QUALIFIER.match(sentence, end)  # 'Lương Ninh (huyện Quảng Ninh)'
            end = qualified.end() if qualified else end
            names, last = names + 1, end
            sep = _LIST_SEPARATOR.match(sentence, end)
            if not sep:
                break
            pos = sep.end()
        if names >= 2 and not re.match(r"\s*\(", sentence[last:]):
            # (a bracket it could not take, too long or nested, leaves the list cut: it is read
            # name by name instead)
            found.append(Candidate(CandidateKind.LIST, first, last, sentence[first:last]))
    return found


# communes listed by district: 'xã Bàu Lâm, Phước Thuận, Xuyên Mộc-huyện Xuyên Mộc, xã Phước
# Hưng-huyện Long Điền'
_GROUP_HEAD = re.compile(r"\b[Xx]ã\s+")
_GROUP_NEXT = re.compile(r"\s*,\s*(?![Xx]ã\b|[Tt]hị trấn\b|[Pp]hường\b)")
_GROUP_DISTRICT = re.compile(r"\s*[-–(]\s*(?:huyện|thị xã|thành phố|tp\.?|tx\.?)\s", re.IGNORECASE)


def district_groups(sentence: str) -> list[Candidate]:
    """Communes listed under the district they lie in, one group per district ('xã Bàu Lâm,
    Phước Thuận, Xuyên Mộc-huyện Xuyên Mộc'): each group of two names or more, verbatim; the
    district named right after it says where it lies."""
    found = []
    for m in _GROUP_HEAD.finditer(sentence):
        pos, names, last = m.end(), 0, m.end()
        while True:
            start, end = _capitalised_run(sentence, pos, limit=4)
            if end <= start:
                break
            names, last = names + 1, end
            sep = _GROUP_NEXT.match(sentence, end)
            if not sep:
                break
            pos = sep.end()
        if names >= 2 and _GROUP_DISTRICT.match(sentence, last):
            found.append(Candidate(CandidateKind.LIST, m.end(), last, sentence[m.end() : last]))
    return found


def noun_phrases(sentence: str) -> list[Candidate]:
    """Capitalised phrases not at the start of the sentence ('Văn phòng điều phối …')."""
    found = []
    for m in _WORD.finditer(sentence):
        if m.start() == 0 or not m.group()[0].isupper():
            continue
        if found and m.start() < found[-1].end:
            continue
        # a phrase runs to the next punctuation or function word
        stop = re.search(
            r"[,;:.()\n]|\s(chủ trì|phối hợp|và|với|để|đã|được|có|là)\s", sentence[m.start() :]
        )
        end = m.start() + (stop.start() if stop else len(sentence) - m.start())
        phrase = sentence[m.start() : end].strip()
        if 1 <= len(phrase.split()) <= 10:
            found.append(
                Candidate(CandidateKind.ENTITY, m.start(), m.start() + len(phrase), phrase)
            )
    return found


_DATES = re.compile(
    r"(?i)(?:ngày\s+)?(?<![\d/.,])(\d{1,2})[/-](\d{1,2})(?:[/-]\d{2,4})?(?![\d/])"
    r"|tháng\s+(\d{1,2})(?:[/-]\d{4})?(?!\d)"
    r"|ngày\s+\d{1,2}\.\d{1,2}(?:\.(?:19|20)\d\d)?(?![\d.]\d)"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|năm\s+(?:19|20)\d\d(?!\d)"
)


def dates(sentence: str) -> list[Candidate]:
    """Dates and months of a sentence ('ngày 16/9', 'tháng 6/2018', 'năm 2020'); a ratio such
    as '22/161' or a day/month out of range ('22/16') is not a date."""
    found = []
    for m in _DATES.finditer(sentence):
        day, month, alone = m.group(1), m.group(2), m.group(3)
        if day and not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue
        if alone and not 1 <= int(alone) <= 12:
            continue
        found.append(Candidate(CandidateKind.DATE, m.start(), m.end(), m.group()))
    return found


# a place in an order, with the field it is counted in when the text names it: 'thứ 3 cả
# nước', 'đơn vị thứ 5 của tỉnh', 'đầu tiên ở khu vực ĐBSCL', 'the third in the country'
_ORDER_FIELDS = (
    r"cả\s+nước|toàn\s+quốc|(?:khu\s+vực\s+|vùng\s+)?(?:đồng\s+bằng\s+sông\s+(?:Cửu\s+Long|"
    r"Hồng)|ĐBSCL|ĐBSH|Tây\s+Nguyên|miền\s+núi\s+phía\s+Bắc|Bắc\s+Trung\s+Bộ|Duyên\s+hải"
    r"(?:\s+[A-ZĐ][\w.]*)*|Đông\s+Nam\s+Bộ)|(?:toàn\s+)?tỉnh|huyện|(?:the\s+)?country|"
    r"nationwide|(?:the\s+)?province|(?:the\s+)?region"
)
_ORDINAL = re.compile(
    r"\b(?:[Tt]hứ\s+(?:\d{1,3}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|"
    r"bốn|lăm|năm))?)|[Đđ]ầu\s+tiên|[Ff]irst|second|third|fourth|fifth|\d{1,3}(?:st|nd|rd|th))\b"
    rf"(?:\s+(?:(?:của|trong|ở|tại|in|of)\s+)?(?:{_ORDER_FIELDS}))?"
)
# a weekday, not an order: 'thứ Hai, ngày 5/6', 'Thứ 6 - 26/02/2016'
_WEEKDAY_AFTER = re.compile(r"\s*[,–-]?\s*(?:ngày\s*)?\d{1,2}[/-]\d{1,2}")


def ordinals(sentence: str) -> list[Candidate]:
    """The places in an order a sentence states ('thứ 3 cả nước', 'đầu tiên ở ĐBSCL'), with
    the field they are counted in when it follows; a weekday before a date is no order."""
    found = []
    for m in _ORDINAL.finditer(sentence):
        if m.group().lower().startswith("thứ") and _WEEKDAY_AFTER.match(sentence, m.end()):
            continue
        found.append(Candidate(CandidateKind.RANK, m.start(), m.end(), m.group()))
    return found


TIME_QUALIFIER = re.compile(
    r"(?i)(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+|nay|thời điểm này)"
    r"(?:tháng\s+\d{1,2}/\d{4}|năm\s+\d{4}|\d{1,2}/\d{4})?|"
    r"(?:trong\s+)?năm\s+(?:19|20)\d\d|(?:đến\s+)?năm\s+(?:19|20)\d\d"
)


def time_qualifiers(text: str) -> list[re.Match]:
    """Time frames in ``text`` ('tính đến hết tháng 7/2021', 'năm 2021'), comparisons excluded."""
    found = []
    for m in TIME_QUALIFIER.finditer(text):
        if not re.search(r"\d", m.group()):
            continue
        if re.search(
            r"(?i)so\s+với\s+(?:cuối\s+|đầu\s+|cùng\s+kỳ\s+)?$",
            text[max(0, m.start() - 20) : m.start()],
        ):
            continue  # 'tăng 0,7 so với cuối năm 2020' is a baseline, not the figure's time
        found.append(m)
    return found


def time_qualifier(sentence: str) -> str | None:
    """The sentence's own time frame ('tính đến hết tháng 7/2021'), verbatim."""
    found = time_qualifiers(sentence)
    if not found:
        return None
    # 'tính đến …' states when a figure holds; a bare 'năm 2021' is weaker
    found.sort(key=lambda m: 0 if re.search(r"(?i)đến|tới", m.group()) else 1)
    return found[0].group().strip(" ,")


# '1669/QĐ-UBND', '72/2021/NQ-HĐND', '71-KL/TU': a number, its year, then coded parts
_DOC_NUMBER = r"\d+(?:/(?:19|20)\d\d(?=/))?(?:[/-][\w.Đđ-]*[A-Za-zĐđ][\w.Đđ-]*)*"
_DOC_NAMES = "|".join(re.escape(t.name) for t in DOCUMENT_TYPES)
_DOC_CODES = "|".join(re.escape(t.code) for t in DOCUMENT_TYPES)
_DECISION = re.compile(
    rf"(?:(?i:các|những)\s+)?(?:(?i:{_DOC_NAMES})|QĐ)(?:\s*:)?\s+"
    r"(?:(?:từ\s+)?số\s*:?\s*)?"
    + _DOC_NUMBER
    + r"(?:\s*(?:-|–|đến)\s*(?:số\s+)?"
    + _DOC_NUMBER
    + r")?"
    + r"(?:\s*(?:,|và)\s*(?:(?:Quyết định\s+)?số\s+)?"
    + _DOC_NUMBER
    + r")*"
    + r"(?:,?\s*ngày\s+\d{1,2}(?:[/-]\d{1,2}(?:[/-]\d{4})?(?![\d/])|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    # 'số 476/QĐ-UBND', and a legal text's own number in its header ('Số: 75/KH-UBND')
    + rf"|(?<![\w/])(?i:số)\s*:?\s*\d+/(?:{_DOC_CODES})-[\w-]+"
    + rf"(?:\s*(?:,|và)\s*(?:số\s+)?\d+/(?:{_DOC_CODES})-[\w-]+)*"
    + r"(?:,?\s*ngày\s+\d{1,2}[/-]\d{1,2}[/-]\d{4})?"
)


def decisions(sentence: str) -> list[Candidate]:
    """Numbered decisions and resolutions ('Quyết định số 1104/QĐ-UBND ngày 18/6/2015', 'các
    Quyết định từ số 2931 đến 2936', 'Quyết định số 1620/QĐ-UBND và 1621/QĐ-UBND')."""
    found = []
    for m in _DECISION.finditer(sentence):
        text = m.group().rstrip(" ,.")
        if not re.search(r"\d", text):
            continue
        found.append(Candidate(CandidateKind.DECISION, m.start(), m.start() + len(text), text))
    return found
