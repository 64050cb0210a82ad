"""Title, date and places of a cleaned article: what filters and answers cite.

All functions take the CLEANED text (see :func:`ingest.clean.clean`).

Usage::

    title = extract_title(text, fallback=path.stem)
    date = document_date(text)              # '2021-08-27', '2021-08' or None
    provinces, districts = find_places(text)  # ('Lạng Sơn',), ('Đình Lập',)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from itertools import chain, islice

from base.english import looks_english
from base.locations import is_marker_line
from base.places import (
    DISTRICT_ALIASES,
    DISTRICT_TO_PROVINCES,
    DISTRICTS_BY_PROVINCE,
    PRESS_TAGS,
    PROVINCE_ALIASES,
    PROVINCES,
    canonical_district,
    match_key,
)
from base.sentences import split_sentences
from base.text import fold
from ingest.clean import CONTACT

# --------------------------------------------------------------------------- dates

_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn)\s*,?\s*"
_NUMERIC_DATE = re.compile(
    rf"(?<![\w/.,])(?<!\d-)(?:{_WEEKDAY})?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"(?:\s+(?:lúc\s+)?\d{1,2}:\d{2}(?::\d{2})?)?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_WORDED_DATE = re.compile(
    r"(?<!\w)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*,?\s+năm\s+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DATE = re.compile(
    r"(?<!\w)tháng\s+(?P<m>\d{1,2})(?:\s*/\s*|\s*-\s*|\s+năm\s+)(?P<y>\d{4})(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
# English dates: 'Aug 24, 2016', 'August 24th, 2016', '24 August 2016'
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:[a-z]*\.?)"
_ENGLISH_DATE = re.compile(
    rf"(?i)(?<!\w){_MONTH_NAME}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)"
    rf"|(?<![\w/])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAME.replace('mon', 'mon2')}"
    r",?\s+(?P<y2>\d{4})(?!\d)"
)
# a date glued to the words before it at a line's end, as crawlers join a byline and its date:
# 'Báo Phú ThọBáo Phú Thọ18/08/2025'
_GLUED_DATE = re.compile(r"(?m)(?<=[^\W\d_])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?=[ \t]*$)")
# Day and month without a year, at the start of an article: "Sáng 26/6, ..."
_SHORT_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")

# What may come before the event date at the start of the body: a news agency tag
# ("LSO-", "(Dân trí) -", "HNM -"), a part of the day, a weekday, "ngày".
_LEAD_IN = re.compile(
    r"^(?:\(?[A-ZĐ][\w.]{0,15}\)?\s*[-–—:]\s*|\([^)]{1,30}\)\s*[-–—:]?\s*)?"
    r"(?:(?:sáng|chiều|trưa|tối|đêm|rạng sáng|cuối giờ chiều|đầu giờ sáng|hôm nay|hôm qua)"
    r"\s+(?:nay\s+)?)?"
    rf"(?:\(?{_WEEKDAY}\)?)?(?:ngày\s+)?",
    re.IGNORECASE,
)
# A date right after a document number belongs to that document, not to the article:
# "Nghị quyết số 20-NQ/TU, ngày 12/8/2011", "Quyết định số 558/QĐ-TTg ngày 5/4/2016".
_DOC_REF_BEFORE = re.compile(
    r"(?:\bsố\s+\S+|\d+[/-][A-ZĐ]{1,6}(?:[/-][A-ZĐa-z]{1,8})*)\s*,?\s*(?:ban hành\s+)?$"
)
_TOP_CHARS = 1500
# A headline that closes with its own date: '… huyện nông thôn mới(24/11/2022)', '… - 5/3/2024'.
_HEADLINE_DATE = re.compile(r"[\s(\-–—|]\s*(\d{1,2}/\d{1,2}/\d{4})\s*\)?\s*$")


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not 1900 <= year <= 2100 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every Vietnamese date in ``text``: (start, end, ISO value), in order.

    Full dates give ``yyyy-mm-dd`` ('Ngày 27/8/2021', '26-06-2020 14:31', 'Thứ sáu,
    19/08/2022', 'ngày 12 tháng 8 năm 2021'); 'tháng 8/2021' gives ``yyyy-mm``. A bare
    'năm 2020' is a year, not a date. Impossible dates (31/02/2021) are skipped.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in (_NUMERIC_DATE, _WORDED_DATE):
        for m in pattern.finditer(text):
            iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if iso and free(m.start(), m.end()):
                found.append((m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    for m in _ENGLISH_DATE.finditer(text):
        month = _MONTHS.index((m["mon"] or m["mon2"]).lower()[:3]) + 1
        iso = _iso(int(m["y"] or m["y2"]), month, int(m["d"] or m["d2"]))
        if iso and free(m.start(), m.end()):
            found.append((m.start(), m.end(), iso))
            taken.append((m.start(), m.end()))
    for m in _GLUED_DATE.finditer(text):
        iso = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso and free(m.start(), m.end()):
            found.append((m.start(), m.end(), iso))
            taken.append((m.start(), m.end()))
    for m in _MONTH_DATE.finditer(text):
        iso = _iso(int(m["y"]), int(m["m"]))
        if iso and free(m.start(), m.end()):
            found.append((m.start(), m.end(), iso))
            taken.append((m.start(), m.end()))
    return sorted(found)


_DATE_LINE_MAX = 120  # a date line is short: longer lines are not searched for a clock


def _is_date_line(line: str) -> bool:
    """A line that is only a date (a publication-date or 'today' line of the page)."""
    line = re.sub(
        r"^(?:cập nhật|ngày đăng|đăng ngày|ngày|thời gian|posted)\s*:?\s*",
        "",
        line,
        flags=re.IGNORECASE,
    )
    line = re.sub(r"(?:\|.*|\(GMT[+-]\d+\))$", "", line).rstrip()
    if len(line) <= _DATE_LINE_MAX:
        line = re.sub(r"\s*/\s*\d{1,2}:\d{2}$", "", line)  # 'Aug 24, 2016 / 09:48'
    dates = find_dates(line)
    if len(dates) == 1 and len(line) <= 90 and _GLUED_DATE.search(line):
        return True  # a byline and its date: 'Báo Phú ThọBáo Phú Thọ18/08/2025'
    return len(dates) == 1 and dates[0][0] == 0 and dates[0][1] == len(line.rstrip(" ,."))


def _headline_date(headline: str) -> str | None:
    """The date a headline closes with, when it is the headline's only date (not the end of
    an anniversary's range: '(03/02/1930 - 03/02/2020)')."""
    closing = _HEADLINE_DATE.search(headline)
    dates = find_dates(headline) if closing else []
    return dates[0][2] if len(dates) == 1 and dates[0][0] == closing.start(1) else None


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and not is_marker_line(line.strip()):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def document_date(text: str) -> str | None:
    """The date of the event or publication an article reports, as ISO, or None.

    In order of preference: an event date opening one of the first body paragraphs
    ('Ngày 27/8/2021, UBND tỉnh...', 'LSO-Ngày 12/2/2020, ...', 'Sáng 26/6, ...' with the year of
    the page's date line); a date-only line near the top ('11/10/2021', 'Thứ sáu, 19/08/2022');
    the first full date of the first two body paragraphs that is not the date of a cited
    document ('Nghị quyết số 20-NQ/TU, ngày 12/8/2011' is not the article's date).
    """
    paragraphs = [(pos, line) for pos, line in _paragraphs(text) if pos < _TOP_CHARS]
    date_lines = [line for _, line in paragraphs[:6] if _is_date_line(line)]
    page_year = int(find_dates(date_lines[0])[0][2][:4]) if date_lines else None
    body = [(pos, line) for pos, line in paragraphs if not _is_date_line(line)]
    # Skip the headline (and a kicker line ending with ':' above it) unless the text opens
    # straight with a paragraph.
    headline = ""
    for _ in range(2):
        if body and len(body[0][1]) < _TITLE_MAX:
            headline = body.pop(0)[1]
            if not headline.endswith(":"):
                break
    body = [(pos, line) for pos, line in body if len(line) >= 80][:2]

    for _, line in body:
        lead = _LEAD_IN.match(line)
        start = lead.end() if lead else 0
        full = [d for d in find_dates(line) if d[0] <= start and len(d[2]) == 10]
        if full and full[0][0] <= start < full[0][1]:
            return full[0][2]
        short = _SHORT_DATE.match(line, start)
        if short and page_year:
            iso = _iso(page_year, int(short["m"]), int(short["d"]))
            if iso:
                return iso
    if date_lines:
        return find_dates(date_lines[0])[0][2]
    closing = _headline_date(headline)
    if closing:
        return closing
    for pos, line in body:
        for start, _, iso in find_dates(line):
            if (
                len(iso) == 10
                and pos + start < _TOP_CHARS
                and not _DOC_REF_BEFORE.search(line[max(0, start - 40) : start])
            ):
                return iso
    return _header_date(paragraphs) or _lead_time(body)


# A page's timestamp line: '24/01/2018, 08:17 (GMT+7)', '02:48 14/03/2021', 'Ban Thời sự-Thứ
# bảy, ngày 22/12/2018 19:53 GMT+7', 'Cập nhật : 09/01/2017 | 02:03'; and a crawler's marker
# opening the text: 'date 2023-02'.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|GMT|cập nhật|ngày đăng|đăng lúc", re.IGNORECASE)
_ISO_MARKER = re.compile(r"^date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def _header_date(paragraphs: list[tuple[int, str]]) -> str | None:
    """The date of a timestamp line near the top; the one after the headline wins over a
    'today' line above it."""
    if paragraphs:
        marker = _ISO_MARKER.match(paragraphs[0][1])
        if marker:
            day = int(marker.group(3)) if marker.group(3) else None
            return _iso(int(marker.group(1)), int(marker.group(2)), day)
    stamps = []
    for index, (_, line) in enumerate(paragraphs[:10]):
        if len(line) > 90 or not _CLOCK.search(line):
            continue
        full = [d for d in find_dates(line) if len(d[2]) == 10]
        if full:
            stamps.append((index, full[0][2]))
    if not stamps:
        return None
    title_at = next(
        (
            i
            for i, (_, line) in enumerate(paragraphs[:10])
            if 20 <= len(line) < _TITLE_MAX and not _CLOCK.search(line) and not find_dates(line)
        ),
        0,
    )
    after = [iso for index, iso in stamps if index > title_at]
    return after[0] if after else stamps[0][1]


def _lead_time(body: list[tuple[int, str]]) -> str | None:
    """The month or year the lead paragraph's figures hold at ('Tính đến trung tuần tháng
    12/2016, …', 'Năm 2015, …'), for articles that carry no date at all."""
    from base.times import read_times

    for _, line in body[:1]:
        for t in read_times(line[:100]):
            if t.role == "asof" and not t.relative and t.lo[0] == t.hi[0]:
                if t.lo == t.hi:
                    return f"{t.hi[0]:04d}-{t.hi[1]:02d}"
                if t.lo[1] == 1 and t.hi[1] == 12:
                    return f"{t.hi[0]:04d}"
    return None


# --------------------------------------------------------------------------- title

_KICKER_MAX = 160
_TITLE_MAX = 250
# a title made of a text's opening sentence: at most this many characters, at least this
# many words
_OPENING_MAX = 120
_OPENING_WORDS = 3


# a page's contact or follow-us line: 'ĐT: 0939.923988', 'Theo dõi Báo điện tử Cà Mau trên'
_FURNITURE = re.compile(
    rf"^{CONTACT}|^theo dõi\b.*\btrên\b"
    r"|^(?:đã|đang) truy cập\b|^liên hệ\b|^:|[\w.-]+@[\w-]+\.\w"
    # a site's name line: 'Vietnam.vn - Nền tảng quảng bá Việt Nam'
    r"|^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\s*[-–—|:]",
    re.IGNORECASE,
)


def _is_furniture(line: str) -> bool:
    """A line of the page rather than of the article: contact and follow-us lines, and lines
    of more digits than letters ('Thứ bảy, 23-8-25 22:17:37')."""
    if len(line) > _TITLE_MAX:
        return False  # no headline either; and a long line is not searched (linear time)
    letters = sum(c.isalpha() for c in line)
    digits = sum(c.isdigit() for c in line)
    return bool(_FURNITURE.search(line)) or digits > letters


def extract_title(text: str, fallback: str) -> str:
    """The headline: the first short line that is not a date ('Thứ sáu, 19/08/2022').

    A kicker ending with ':' is joined to the line after it ('Triển khai nhiệm vụ ... năm 2020:
    Toàn tỉnh phấn đấu có thêm 13 xã đạt chuẩn'). A text that opens with a long paragraph
    rather than a headline is titled by its opening (:func:`opening_title`); ``fallback``
    (the file name) is used only when the text has no line of words at all.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if not is_marker_line(line)]  # '[Trang 1]' is no headline
    real = (line for line in lines if not _is_date_line(line) and not _is_furniture(line))
    lines = list(islice(real, 8))
    if not lines or len(lines[0]) > _TITLE_MAX:
        return opening_title(chain(lines, real)) or fallback
    title = lines[0]
    if _headline_date(title):
        title = _HEADLINE_DATE.sub("", title).strip() or title  # the date is the document's
    if title.endswith(":") and len(title) <= _KICKER_MAX and len(lines) > 1:
        follow = lines[1]
        if len(follow) <= _TITLE_MAX and not follow.endswith("."):
            title = f"{title} {follow}"
    return title


def opening_title(lines: Iterable[str]) -> str:
    """A title for a text without a headline: the first sentence of its first line of words
    (page debris already left out), cut at the last whole word within ``_OPENING_MAX``
    characters with '…' when longer; '' when no line has words enough."""
    for line in lines:
        if len(line.split()) < _OPENING_WORDS or sum(c.isalpha() for c in line) <= len(line) / 2:
            continue
        start, end = split_sentences(line)[0]
        sentence = line[start:end].rstrip(" .")
        if len(sentence) <= _OPENING_MAX:
            return sentence
        cut = sentence.rfind(" ", 0, _OPENING_MAX)
        return sentence[: cut if cut > 0 else _OPENING_MAX].rstrip(" ,;:-–—") + "…"
    return ""


# --------------------------------------------------------------------------- places

_PROVINCE_NAMES: dict[str, str] = {match_key(p): p for p in PROVINCES} | {
    match_key(alias): p for alias, p in PROVINCE_ALIASES.items()
}
_CITY_ONLY_PROVINCES = {match_key("Hồ Chí Minh"): "Hồ Chí Minh", match_key("Huế"): "Thừa Thiên Huế"}
_DISTRICT_NAMES: dict[str, str] = {match_key(d): d for d in DISTRICT_TO_PROVINCES} | {
    match_key(alias): d for alias, d in DISTRICT_ALIASES.items()
}


def _alternation(keys) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


_W = r"[\w']"
_PROVINCE_RE = re.compile(
    rf"(?<!{_W})(?:{_alternation(_PROVINCE_NAMES.keys() | _CITY_ONLY_PROVINCES.keys())})(?!{_W})"
)
_CITY_PREFIX = r"(?:thành phố|tp\.?)"
_CITY_BEFORE = re.compile(rf"(?<!\w){_CITY_PREFIX}\s*$")
_HCM_ABBREVIATIONS = {match_key(a) for a, p in PROVINCE_ALIASES.items() if "HCM" in a}
_DISTRICT_PREFIX = r"(?:huyện|thị xã|quận|thành phố|tp\.|tp|tx\.|tx)"
_DISTRICT_RE = re.compile(
    rf"(?<!{_W})(?P<prefix>{_DISTRICT_PREFIX})\s*:?\s*"
    rf"(?P<name>{_alternation(_DISTRICT_NAMES)}|\d{{1,2}}(?!\d))(?!{_W})"
)
_LIST_NEXT = re.compile(rf"\s*(?:,|và|;)\s*(?P<name>{_alternation(_DISTRICT_NAMES)})(?!{_W})")
# Before a province name: words that make it the province ("tỉnh Lạng Sơn") ...
_PROVINCE_BEFORE = re.compile(rf"(?<!\w)(?:tỉnh|{_CITY_PREFIX})\s*$")
# ... and words that make it something else: a district, commune, street, river...
_OTHER_BEFORE = re.compile(
    r"(?<!\w)(?:huyện|thị xã|quận|tx\.?|xã|phường|thị trấn|thôn|bản|xóm|ấp|làng|khu|tổ|"
    r"đường|phố|ngõ|sông|núi|đèo|cầu|chợ|hồ|bến|đảo|vịnh|ga|cảng|trường|đại lộ|quảng trường)"
    r"\s*$"
)
# Capitalised words allowed right before a bare province name (others suggest a person's
# name such as "Nguyễn Thái Bình").
_OK_BEFORE = frozenset(
    "tỉnh phố tp báo đài sở cục hội đoàn ban về tại ở và của cho từ đến với trong theo như là "
    "khắp toàn".split()
)


def _title_case(span: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", span) if w and w[0].isalpha()]
    return all(w[0].isupper() for w in words)


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)[ \t]+$", text[max(0, start - 30) : start])
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"[ \t]+(\w+)", text[end : end + 30])
    return m.group(1) if m else ""


def _capitalised_name_word(word: str) -> bool:
    """A capitalised word that is not an acronym (UBND) nor an allowed lead word."""
    return (
        bool(word) and word[0].isupper() and not word.isupper() and (word.lower() not in _OK_BEFORE)
    )


def find_places(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(provinces, districts) the text names, canonical spellings, in order of first mention.

    Provinces count with or without "tỉnh" ("Lạng Sơn phấn đấu...", "tỉnh Thái Nguyên",
    "TP.HCM"); a bare name must be capitalised and not part of a longer proper name.
    Districts count after "huyện", "thị xã", "quận" or "thành phố" ("huyện Đình Lập" ->
    'Đình Lập', "thành phố Lạng Sơn" -> 'Lạng Sơn'), and in lists that follow one
    ("các huyện Bắc Sơn, Bình Gia và Văn Quan"). Diacritics must be there; case and old/new
    tone placement ("Hoà"/"Hòa") do not matter.
    """
    provinces: dict[str, int] = {}
    districts: dict[str, int] = {}
    mentions = place_mentions(text)
    if looks_english(text):
        mentions = sorted(mentions + english_place_mentions(text))
    for start, _, name, level in mentions:
        (provinces if level == "tinh" else districts).setdefault(name, start)
    if not provinces:
        tag = _PRESS_TAG.search(text[:_TOP_CHARS])
        if tag:  # 'LSO - Ngày 12/2/2020, …' from Báo Lạng Sơn
            provinces[PRESS_TAGS[tag.group(1)]] = tag.start()
    return _in_order(provinces), _in_order(districts)


_PRESS_TAG = re.compile(
    r"(?m)^\s*\(?(" + "|".join(re.escape(t) for t in PRESS_TAGS) + r")\)?\s*[-–—:]"
)


def place_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Every gazetteer place the text names: (start, end, canonical name, 'tinh'|'huyen'),
    in order; the rules of :func:`find_places`."""
    key = match_key(text)
    found: list[tuple[int, int, str, str]] = []

    for m in _PROVINCE_RE.finditer(key):
        if _province_mention(text, key, m.start(), m.end()):
            name = m.group(0)
            canonical = _CITY_ONLY_PROVINCES.get(name) or _PROVINCE_NAMES[name]
            found.append((m.start(), m.end(), canonical, "tinh"))

    for m in _DISTRICT_RE.finditer(key):
        raw = m.group("name")
        start, end = m.span("name")
        if raw.isdigit():
            name = f"Quận {int(raw)}"
            if m.group("prefix") != "quận" or name not in DISTRICT_TO_PROVINCES:
                continue
        else:
            if not _title_case(text[start:end]):
                continue
            name = _DISTRICT_NAMES[raw]
        found.append((start, end, name, "huyen"))
        # A city named like its province ("thành phố Lạng Sơn") also names the province.
        if m.group("prefix").startswith(("thành phố", "tp", "thị xã", "tx")) and (
            name in DISTRICTS_BY_PROVINCE.get(name, ())
        ):
            found.append((start, end, name, "tinh"))
        owners = set(DISTRICT_TO_PROVINCES.get(name, ()))
        pos = end
        while owners and (nxt := _LIST_NEXT.match(key, pos)):
            other = _DISTRICT_NAMES[nxt.group("name")]
            n_start, n_end = nxt.span("name")
            if (
                other in DISTRICTS_BY_PROVINCE
                or not owners & set(DISTRICT_TO_PROVINCES[other])
                or not _title_case(text[n_start:n_end])
            ):
                break
            found.append((n_start, n_end, other, "huyen"))
            pos = n_end
    return sorted(found)


def _in_order(first_seen: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(first_seen, key=first_seen.__getitem__))


def _province_mention(text: str, key: str, start: int, end: int) -> bool:
    """Whether the province name found at ``text[start:end]`` speaks of the province."""
    found, span = key[start:end], text[start:end]
    before = key[max(0, start - 20) : start]
    after = _word_after(text, end)
    if after and after[0].isupper() and not after.isupper():
        return False  # part of a longer name: "Thái Bình Dương", "Điện Biên Phủ"
    if found in _HCM_ABBREVIATIONS:
        return True
    if found in _CITY_ONLY_PROVINCES:
        return bool(_CITY_BEFORE.search(before)) and _title_case(span)
    if _PROVINCE_BEFORE.search(before):
        return _title_case(span) or before.rstrip().endswith("tỉnh")
    if _OTHER_BEFORE.search(before) or not _title_case(span):
        return False
    if span.isupper():
        return False  # all capitals without "TỈNH": an author's name or a shouted headline
    return not _capitalised_name_word(_word_before(text, start))


# English text names places without diacritics, the place word after the name: 'Phu Tho
# province', 'Cam Giang district', 'Hai Duong has 23 more communes'.
_ENGLISH_PROVINCE_SPELLINGS = {
    "hanoi": "Hà Nội",
    "ho chi minh city": "Hồ Chí Minh",
    "hcm city": "Hồ Chí Minh",
    "hcmc": "Hồ Chí Minh",
    "danang": "Đà Nẵng",
    "daklak": "Đắk Lắk",
    "thua thien hue": "Thừa Thiên Huế",
    "ba ria vung tau": "Bà Rịa - Vũng Tàu",
    "kontum": "Kon Tum",
}


def _english_key(text: str) -> str:
    """``text`` folded one character for one, dashes read as spaces ('Bà Rịa-Vũng Tàu' ->
    'ba ria vung tau' with the same offsets)."""
    out = []
    for ch in text:
        folded = fold(ch)
        out.append(" " if ch in "-–" else folded if len(folded) == 1 else ch.lower())
    return "".join(out)


def _english_names() -> dict[str, str]:
    names = {" ".join(_english_key(p).split()): p for p in PROVINCES}
    names |= {" ".join(_english_key(a).split()): p for a, p in PROVINCE_ALIASES.items()}
    return names | _ENGLISH_PROVINCE_SPELLINGS


_ENGLISH_PROVINCES = _english_names()
_ENGLISH_PROVINCE_RE = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(
        r"\s+".join(map(re.escape, k.split()))
        for k in sorted(_ENGLISH_PROVINCES, key=len, reverse=True)
    )
    + r")(?![\w'])"
)
_ENGLISH_DISTRICT = re.compile(r"\b((?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*)\s+(?:district|town)\b")
# the capitalised words that may stand before a province's name ('The old Phu Tho province')
_ENGLISH_OK_BEFORE = frozenset("the in of and old new for to at from by with báo bao".split())


def english_place_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """The gazetteer's places English text names: (start, end, canonical name, 'tinh'|'huyen'),
    in order. A province counts by its name written without diacritics ('Phu Tho', 'Hai
    Duong province', 'Hanoi'), capitalised and not part of a longer name nor a commune's or
    district's ('Hoa Binh commune'); a district counts before 'district' or 'town' ('Cam Giang
    district')."""
    key = _english_key(text)
    found: list[tuple[int, int, str, str]] = []
    for m in _ENGLISH_PROVINCE_RE.finditer(key):
        start, end = m.span()
        if not _title_case(text[start:end]):
            continue
        after = text[end : end + 30].split()
        if after and (
            re.match(r"(?i)(?:commune|district|ward|town|village|hamlet)s?\b", after[0])
            or after[0][0].isupper()
            and not re.match(r"(?:Province|City)\b", after[0])
        ):
            continue  # a commune or district of the name, or part of a longer name
        before = _word_before(text, start)
        if before and before[0].isupper() and before.lower() not in _ENGLISH_OK_BEFORE:
            continue
        found.append((start, end, _ENGLISH_PROVINCES[" ".join(m.group().split())], "tinh"))
    for m in _ENGLISH_DISTRICT.finditer(text):
        name = canonical_district(m.group(1))
        if name:
            found.append((m.start(1), m.end(1), name, "huyen"))
    return sorted(found)
