"""Reading the figures of an NTM article into structured facts (pure functions).

Every number that carries a unit ("12 xã", "33/119 xã", "trên 270 km", "2,26%", "54,8 triệu
đồng/người/năm", "13,3 tiêu chí/xã") becomes a :class:`~base.types.Fact` with:

- the value as written, with its denominator ("33/119", "33 trên tổng số 119 xã") and a share
  stated with it ("chiếm 27,32%");
- what it counts: the words around it and an indicator key (``base.lexicon``);
- its kind: a total ("nâng tổng số lên", "toàn tỉnh có", "lũy kế"), an increment ("có thêm",
  "tăng"), a target ("phấn đấu", "mục tiêu", "kế hoạch"), a difference from another figure
  ("thấp hơn 2,56% so với …"), a part ("trong đó …") or a plain value;
- its place: the place named before it in the sentence ("huyện Đình Lập", "toàn tỉnh"), else the
  paragraph's, else the document's own words;
- its time: the sentence's time expression, else the paragraph's, else the document's date
  (``base.times``), so that an undated article's "năm 2020" still dates a figure.

Usage::

    facts = read_facts(document)
    [(f.value, f.kind, f.indicator, f.place, f.time_lo) for f in facts]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from base.english import (
    ENGLISH_UNIT_ROWS,
    english_unit,
    looks_english,
    marked_share,
    to_folded_vietnamese,
)
from base.lexicon import (
    TEXT_PLACE_WORDS,
    UNITS_LONGEST_FIRST,
    indicator,
    tier_of,
    tier_rank,
    units_in,
)
from base.places import main_commune
from base.sentences import split_sentences
from base.text import fold
from base.times import TARGET_CUES, TimeRef, read_times, says_now
from base.types import Document, Fact, FactKind
from ingest.metadata import english_place_mentions, place_mentions

# The version of this reader: bump it whenever the figures it reads from the same text change.
# Ingest then reads every stored document's figures again, once (``ingest.pipeline``), so an
# index built by an older reader does not keep its mistakes.
# 2: differences, qualified counts, 'đến nay' in undated articles; 3: average ranges ('bình
# quân đạt từ 11,5 - 12 tiêu chí'); 4: table rows ('Dòng 5: Xã: Tân Mỹ; Số tiêu chí đạt: 15');
# 6: a row's Thôn cell outranks its Xã cell (one lexicon of place levels: thôn < xã); 7: the
# share of households using clean water is an indicator of its own ('nuoc_sach'); 8: one amount
# in two units ('71 tỷ 355 triệu đồng'); 9: a ranking ('huyện đầu tiên trong cả nước') is no
# scope, 'trên địa bàn huyện' is; 10: an address ('huyện Vị Thủy, tỉnh Hậu Giang') is about its
# first place; 11: text without sentence ends is read in pieces of _MAX_SENTENCE characters, a
# figure's clause within _CLAUSE_REACH of it, a sentence's places once for all its figures
# (linear time; the bundled, fixture and real-article documents read exactly as before);
# 12: a target keeps what it counts (``Fact.aim``: a total, an increment, a yearly increment),
# an average or share of part of a place says which part (``Fact.group``: 'xã biên giới'), a
# count of the communes that aim at another figure ('20 xã biên giới phấn đấu bình quân đạt
# 12 tiêu chí') is no figure of the indicator before it, a figure reached after a plan's words
# ('5 xã … phấn đấu đạt chuẩn … đã đạt 10,8 tiêu chí') is a result, and an average range
# ('bình quân mỗi xã trên địa bàn tỉnh đạt từ 12,5 đến 13 tiêu chí') is read; 13: 'chỉ tiêu'
# counted ('10 tiêu chí, 47 chỉ tiêu') are a standard's indicators, not a goal; gardens
# ('1.300 vườn') are a unit; 14: a short aside in brackets ends no clause ('tỷ lệ hộ nghèo
# (theo chuẩn mới) còn 3,69%'), and a share that names its own base ('95,13% số dân …')
# takes no indicator from the figure before it; 15: English articles' figures ('785
# communes', '8.8 percent', 'VND30 billion', '84 of 133 communes') in the lexicon's units,
# places and kinds; 16: a text without a headline is titled by its opening sentence, not its
# file name (``ingest.metadata.extract_title``), and the place its figures are about may be
# read from that title: the re-read stores the new title too;
# 17: communes not yet meeting the standard ('còn 2 xã chưa đạt chuẩn') are their own
# indicator (xa_chua_dat)
READER = "38"

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_APPROX = r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ|dưới|gần như|chưa đến|tới|ước|ước đạt|over|about|nearly|more than)\s+)?"
_MENTION = re.compile(
    rf"(?i)(?<![\w/.,])(?P<approx>{_APPROX})"
    rf"(?:(?P<range_from>từ\s+)?(?P<a>{_NUM})\s*(?:-|–|đến)\s*(?=\d))?"
    # '71 tỷ 355 triệu đồng': one amount, counted in its smaller unit
    r"(?:(?P<big>\d{1,3}(?:[.,]\d+)?)\s+t[ỷỉ]\s+(?=\d{1,3}\s+triệu\b))?"
    rf"(?P<n>{_NUM})(?:\s*/\s*(?:tổng số\s+)?(?P<d>{_NUM}))?"
    rf"(?:\s+(?:trên|trong)\s+(?:tổng\s+)?số\s+(?P<d2>{_NUM}))?"
)
_UNIT_RE = re.compile(
    r"\s*(?P<unit>"
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in UNITS_LONGEST_FIRST)
    + r"|phan tram)(?![a-z0-9])"
)
# a share as written, with its approximation ('trên 30%', 'gần 45,5%'; folded)
_SHARE_VALUE = r"(?:(?:tren|hon|gan|khoang|xap xi|duoi)\s+)?\d+(?:[.,]\d+)?\s?%"
_SHARE = re.compile(
    r"[\s,(]*(?:(?:chiem|dat|bang|tuong duong|ty le|dat ty le|chiem ty le|la)\s+)*"
    rf"(?:ty le\s+)?({_SHARE_VALUE})"
)
# a share stated later in the same sentence, before any other figure: '65 xã được công nhận
# đạt chuẩn NTM, chiếm tỷ lệ 35,91%'
_LATER_SHARE = re.compile(
    r"[^\d;.]{0,90}?\b(?:chiem|dat ty le|bang|tuong duong"
    # '(đạt 51,2% tổng số xã)': 'đạt' a share only of the whole
    r"|dat(?=\s+\d+(?:[.,]\d+)?\s?%\s+(?:tong )?so\b))\s+(?:ty le\s+)?"
    rf"({_SHARE_VALUE})"
)
# between two figures of one list: '… 3 xã đạt chuẩn NTM và 7 xã …', '… 3 xã, 2 xã …' (folded)
_COORDINATED = re.compile(r"[^;.:()\d]{0,60}?(?:,|\bva)\s*")
_SHARE_CLOSE = re.compile(r"\s*\)?")
_CLAUSE_END = re.compile(r"[;.!?:()\n]|,\s|\s-\s|\s–\s")
# '86,9% số lao động …', '95,13% số dân …': a share that names its own base is no part of the
# figure before it (folded words after the figure)
_OWN_BASE = re.compile(r"(?:so|tong so)\s+(?!voi\b)\w")
_ASIDE = re.compile(r"\([^()\d;\n]{1,40}\)")
_TARGET = re.compile(
    r"(?<!vuot )(?<!theo )(?<!hoan thanh )(?<!dat )(?<!so voi )(?<!chuong trinh )"
    rf"\b({TARGET_CUES}|se co|se dat|can dat|dang ky|target|aim|plan)\b"
)
_INCREMENT = re.compile(
    r"\b(them|tang them|tang|bo sung|moi duoc cong nhan|cong nhan moi|cong nhan them|"
    r"more|additional|new)\b\s*(?:duoc\s*)?(?:\w+\s*)?$"
    r"|\btrong nam(?: qua| nay| (?:19|20)\d\d)?,?\s*(?:\w+\s+){0,3}?(?:da\s+)?(?:co|cong nhan)\s*$"
)
_TOTAL = re.compile(
    r"\b(nang tong so|nang so|tong so|tong cong|luy ke|toan tinh co|toan huyen co|"
    r"toan tinh hien co|toan huyen hien co|ca nuoc co|ca tinh co|den nay|hien co|hien nay co|"
    r"hien da co|da co|co tong|tat ca|total|in total)\b"
)
_PLACE = re.compile(
    # (the place word may open a sentence or a title: 'Xã Tân Hưng, huyện Bàu Bàng: …')
    r"(?<![^\W_])(?P<word>(?i:thành phố|thị xã|thị trấn|huyện|tỉnh|quận|phường|xã|thôn|xóm|bản|ấp)|"
    r"TP\.?|TX\.?)\s+(?P<name>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0-9][\w'’-]*\s?){1,4})"
)
_SCOPE = re.compile(
    # (not a ranking: 'huyện đầu tiên trong cả nước', 'dẫn đầu cả nước')
    r"\b(toan tinh|ca tinh|toan huyen|ca huyen|"
    r"(?<!dau tien )(?<!dau tien trong )(?<!dau tien cua )(?<!dan dau )(?<!nhat )"
    r"(?<!nhat trong )(?<!nhat cua )(?<!so voi )(?:ca nuoc|toan quoc)|nationwide)\b"
    r"|(?:^|[,;:]\s*)(huyen|tinh|xa)\s+(?=(?:da |cung |van |\w+ )?(?:co|dat|dang ky|xay dung|huy dong|"
    r"duoc|phan dau|hoan thanh)\b)"
    r"|\bdia ban (huyen|tinh)\b"  # 'trên địa bàn huyện đạt …'
    # 'nâng tổng số xã nâng cao của tỉnh lên 35 xã': the whole's own, after a place named
    r"|\bcua (huyen|tinh)(?=\s+(?:len|la|dat)\b)"
)


def to_number(text: str) -> float | None:
    """'1.234,5' -> 1234.5, '12,23' -> 12.23, '06' -> 6.0; English '78.66' -> 78.66."""
    raw = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", raw):
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def read_facts(doc: Document) -> list[Fact]:
    """Every figure with a unit in the document, in text order."""
    text = doc.text
    meta = doc.meta
    doc_time = _document_time(doc)
    doc_place = _document_place(doc)
    known = _known_names(text)
    english = looks_english(text)  # an English article: its English sentences read as English
    facts: list[Fact] = []
    title_at: tuple[int, int] | None = None  # the line above a table's rows
    for p_start, p_end in _paragraph_spans(text):
        paragraph = text[p_start:p_end]
        if _ROW.match(paragraph):
            facts.extend(_row_facts(doc, p_start, p_end, title_at, doc_place))
            continue
        # the line just above a table (a sheet's title) dates its rows
        title_at = None if paragraph.startswith("[Trang tính: ") else (p_start, p_end)
        para_times = read_times(paragraph, meta.date)
        if english:
            para_times = _english_times(paragraph.lower(), para_times)
        para_starts = [t.start for t in para_times]
        opening = _Opening(paragraph, known)  # the paragraph's subject, found once
        para_folded: list[str | None] = []  # the paragraph folded, once, when first needed
        for s_start, s_end in _pieces(text, split_sentences(text, p_start, p_end)):
            sentence = text[s_start:s_end]
            in_english = english and _english_sentence(sentence)
            if in_english:
                folded = sentence.lower()
                mentions = _english_mentions(sentence, folded)
            else:
                folded = _set_not_reached(sentence, fold(sentence).lower())
                mentions = [
                    (m, unit_m)
                    for m in _MENTION.finditer(sentence)
                    if (unit_m := _UNIT_RE.match(folded, m.end()))
                    and not _skip_number(sentence, folded, m)
                ]
            if len(folded) != len(sentence):
                continue
            if not mentions:
                continue
            times = read_times(sentence, meta.date)
            if in_english:
                times = _english_times(folded, times)
            at = s_start - p_start
            # what every figure looks up, found once per sentence
            index = _SentenceIndex(sentence, folded, times, known, english=in_english)
            index.figure_ends = sorted(unit_m.end() for _, unit_m in mentions)
            now = [n.start() for n in _NOW.finditer(folded) if _says_now(sentence, folded, n)]
            plan: list[bool] = []  # whether the sentence continues a plan, read once
            # the paragraph's times shortly before the sentence (bounded work in a paragraph
            # of any length)
            recent = para_times[
                bisect.bisect_left(para_starts, at - _PLAN_REACH) : bisect.bisect_right(
                    para_starts, at
                )
            ]
            figures_at = [m.start("n") for m, _ in mentions]
            # a time right after a figure is that figure's ('70 triệu đồng/ha năm 2010')
            claimed = {
                t.start: m.start("n")
                for m, unit_m in mentions
                for t in index.times_attached(unit_m.end())
            }
            for m, unit_m in mentions:
                if index.in_time(m.start("n")):
                    continue  # part of a date
                if (
                    m.group("a")
                    and not in_english
                    and fold(unit_m.group("unit")).startswith("tieu chi")
                    and not _AVERAGE_RANGE.search(folded[: m.start()].rstrip())
                ):
                    continue  # 'đạt từ 15-18 tiêu chí' describes a group of communes
                # 'các huyện gồm: Đức Trọng (10 xã)': the count's place and what it counts
                breakdown = None if in_english else _breakdown(sentence, folded, m.start())
                if in_english:
                    fact = _english_fact(doc, sentence, folded, s_start, m, unit_m, index)
                else:
                    fact = _fact(doc, sentence, folded, s_start, m, unit_m, index, breakdown)
                if fact is None:
                    continue
                if fact.kind != FactKind.TARGET and not in_english:
                    if not plan:
                        if not para_folded:
                            para_folded.append(_fold_by_character(paragraph))
                        plan.append(_plan_paragraph(text, p_start, s_start, folded, para_folded[0]))
                    if plan[0]:
                        fact = _replace(fact, kind=FactKind.TARGET)
                previous = facts[-1] if facts and facts[-1].start == s_start else None
                if in_english and previous is not None and previous.unit != fact.unit:
                    # '84/133 communes …, accounting for 63.2% …, of which … has 32
                    # communes': the last figure of the same unit
                    previous = next(
                        (f for f in reversed(facts) if f.start == s_start and f.unit == fact.unit),
                        previous,
                    )
                if (
                    previous is not None
                    and not fact.indicator
                    and not fact.group
                    and previous.indicator
                    and previous.unit == fact.unit
                    and not (
                        fact.unit == "%" and _OWN_BASE.match(fact.words.partition("|")[2].strip())
                    )
                ):
                    # 'có thêm 12 xã đạt chuẩn NTM, nâng tổng số lên 85 xã': the same indicator
                    fact = _replace(fact, indicator=previous.indicator)
                if (
                    previous is not None
                    and previous.kind == FactKind.INCREMENT
                    and _new_by_its_words(previous.words.partition("|")[0])
                    and fact.kind == FactKind.VALUE
                    and previous.unit == fact.unit
                    and _COORDINATED.fullmatch(
                        folded, previous.value_end - s_start, fact.value_start - s_start
                    )
                ):
                    # 'công nhận mới 3 xã đạt chuẩn NTM và 7 xã đạt chuẩn NTM nâng cao': the
                    # second count is new too (not '7 cấp mới và 12 nâng hạng': its own word)
                    fact = _replace(fact, kind=FactKind.INCREMENT)
                if fact.unit == "%" and not fact.indicator and facts and facts[-1].start == s_start:
                    # 'chiếm tỷ lệ 35,91%' after '65 xã đạt chuẩn': the share of that count
                    if facts[-1].indicator.startswith("xa_") and re.search(
                        r"\b(chiem|ty le|bang)\b", fact.words.split("|")[0]
                    ):
                        fact = _replace(fact, indicator="ty_le_xa")
                before_places = _past_the_list(folded, index.places_before(m.start()), m.start())
                if in_english and not before_places:
                    # '785 communes nationwide': English names the place after the figure
                    before_places = index.places_after(unit_m.end())
                place, level = _place_of(
                    sentence, before_places, _NO_OPENING if in_english else opening, at
                )
                if breakdown:
                    place, level = breakdown[:2]
                elif not place and not level:
                    place, level = doc_place
                elif level and not place:
                    place = _scope_place(level, doc, doc_place)
                clause = index.clause(m.start(), m.end())
                time = _time_of(
                    fact.kind,
                    times,
                    m.start(),
                    recent,
                    at,
                    doc_time,
                    clause,
                    now=now,
                    figures=figures_at,
                    claimed=claimed,
                    own=m.start("n"),
                )
                facts.append(
                    _replace(
                        fact,
                        aim=fact.aim if fact.kind == FactKind.TARGET else "",
                        place=place,
                        place_level=level,
                        time_lo=time[0],
                        time_hi=time[1],
                        time_text=time[2],
                        time_from=time[3],
                        version=meta.content_hash[:16],
                    )
                )
    floor = "" if doc_time else _written_after(text)
    return [_replace(f, written_after=floor) if not f.time_lo else f for f in facts]


def _written_after(text: str) -> str:
    """The latest year an undated article states as past ('năm 2022', 'ngày 12/11/2022'; not a
    target, a period or a baseline): it was written that year or later, which is all its
    undated figures ('đến nay có 52 xã') tell of their time ('' when it states none)."""
    years = [t.hi[0] for t in read_times(text) if t.role in ("asof", "date") and _span(t) <= 12]
    return str(max(years)) if years else ""


# A table row as the loaders write it: 'Dòng 5: Xã: Tân Mỹ; Huyện: Văn Lãng; Số tiêu chí
# đạt: 15' (a spreadsheet) or 'Bảng 2, dòng 3: …' (a Word table).
_ROW = re.compile(r"(?:Bảng \d+, dòng|Dòng) \d+: ")
_CELL = re.compile(r"(?P<header>[^:;]+?): (?P<value>[^;]*)(?:; |$)")
_CELL_NUMBER = re.compile(
    rf"(?i)(?P<approx>{_APPROX})(?P<n>{_NUM})(?:\s*/\s*(?P<d>{_NUM}))?\s*(?P<unit>%|[^\d]*)"
)
_PLACE_HEADER = re.compile(
    r"^(?:ten\s+)?(?P<word>xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|thon|xom|ban|ap)"
    r"(?:\s*[,/]\s*(?:phuong|thi tran|xa|thi xa|thanh pho))*$"
)
_ORDINAL_HEADER = re.compile(r"^(?:stt|tt|so tt|so thu tu|ma\b.*|ma so.*)$")


def _row_facts(
    doc: Document,
    start: int,
    end: int,
    title_at: tuple[int, int] | None,
    doc_place: tuple[str, str],
) -> list[Fact]:
    """The figures of one table row: each number cell whose header or cell names a unit
    ('Số tiêu chí đạt: 15', 'Tỷ lệ hộ nghèo (%): 8,5', 'Thu nhập (triệu đồng/người/năm):
    42,5'), about the place its Xã/Huyện cells name, at the time its table's title says."""
    text = doc.text
    line = text[start:end]
    body = _ROW.match(line).end()
    cells = [
        (m.group("header").strip(), m.group("value").strip(), start + m.start("value"))
        for m in _CELL.finditer(line, body)
    ]
    place, level = "", ""
    for header, value, _ in cells:
        head = _PLACE_HEADER.match(fold(header).strip())
        if not head or not value or value == "—":
            continue
        cell_level = tier_of(head.group("word"))
        if place and tier_rank(cell_level) >= tier_rank(level):
            continue  # the row's narrowest place is what it is about
        named = places_in(value)
        place = named[0][1] if named and named[0][0] > 0 else _trim_name(value) or value
        level = cell_level
    if not place:
        place, level = doc_place
    if title_at is not None:
        time = sentence_time(doc, title_at[0], title_at[1])
    else:
        time = _document_time(doc) or ("", "", "", "")
    facts: list[Fact] = []
    for header, value, at in cells:
        folded_header = fold(header).strip()
        if _ORDINAL_HEADER.match(folded_header) or _PLACE_HEADER.match(folded_header):
            continue
        number = _CELL_NUMBER.fullmatch(value)
        if not number or number.group("unit").strip():
            if not number or number.group("unit").strip() != "%":
                continue
        if re.fullmatch(r"(?:19|20)\d\d", number.group("n")) and not number.group("d"):
            continue  # a year ('Năm đạt chuẩn: 2019')
        unit, written = _header_unit(header, folded_header)
        if number.group("unit").strip() == "%":
            unit, written = "%", ""
        if not unit:
            continue
        shown = f"{value}%" if written == "%" else f"{value} {written}" if written else value
        denominator = number.group("d")
        facts.append(
            Fact(
                doc_id=doc.meta.doc_id,
                source=doc.meta.source,
                start=start,
                end=end,
                value_start=at,
                value_end=at + len(value),
                value=shown,
                number=to_number(number.group("n")),
                unit=unit,
                indicator=indicator(unit, folded_header),
                kind=FactKind.VALUE,
                words=f"{' '.join(folded_header.split()[-8:])} | ",
                denominator=to_number(denominator) if denominator else None,
                place=place,
                place_level=level,
                time_lo=time[0],
                time_hi=time[1],
                time_text=time[2],
                time_from=time[3] and ("paragraph" if title_at is not None else "document"),
                version=doc.meta.content_hash[:16],
            )
        )
    return facts


def _header_unit(header: str, folded: str) -> tuple[str, str]:
    """(folded unit, unit as written) a column header names: in brackets ('Thu nhập (triệu
    đồng/người/năm)', 'Tỷ lệ (%)'), else a unit word ('Số tiêu chí đạt', 'Số xã'), else '%'
    for a rate ('Tỷ lệ hộ nghèo')."""
    bracket = re.search(r"\(([^)]*)\)", header)
    if bracket:
        inside = bracket.group(1).strip()
        if inside == "%":
            return "%", "%"
        unit_m = _UNIT_RE.fullmatch(fold(inside).strip())
        if unit_m:
            return re.sub(r"\s+", " ", unit_m.group("unit")), inside
    for unit in UNITS_LONGEST_FIRST:
        m = re.search(rf"(?<![a-z]){re.escape(unit)}(?![a-z])", folded)
        if m:
            written = header[m.start() : m.end()] if len(folded) == len(header) else unit
            return unit, written
    if re.search(r"\bty le\b", folded):
        return "%", "%"
    return "", ""


def _replace(fact: Fact, **changes) -> Fact:
    from dataclasses import replace

    return replace(fact, **changes)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


# The longest stretch of text read as one sentence. Every figure's words, kind and place are
# read from its sentence, so a run of text with no sentence end (a table flattened into one
# line, figures without punctuation) is read in pieces of this size: the work per figure stays
# bounded and reading stays linear in the text's length. Articles' sentences are far shorter.
_MAX_SENTENCE = 2000


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one longer than ``_MAX_SENTENCE`` cut at spaces into pieces."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > _MAX_SENTENCE:
            cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
            cut = start + _MAX_SENTENCE if cut == -1 else cut + 1
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _skip_number(sentence: str, folded: str, m: re.Match) -> bool:
    before = folded[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(so|ngay|thang|nam|lan thu|khoa|tieu chi so|hotline|dt|tel)\s*:?\s*$", before):
        return True  # 'Quyết định số 558', 'ngày 15', 'tháng 8', 'năm 2019'
    after = sentence[m.end("n") : m.end("n") + 4]
    if re.match(r"/(?:QĐ|NQ|CT|KH|TB|BC|UBND|TTg|HĐND|[A-ZĐ]{2,})", after):
        return True  # a document number
    if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and not m.group("d"):
        return True  # a year
    return False


# a breakdown by place, each count in brackets after its place, under a plural place word
# that heads the list: 'số xã đạt chuẩn thuộc các huyện gồm: Đức Trọng (10 xã), Lâm Hà (7
# xã)' (the head folded; the name as written)
_BREAKDOWN_HEAD = re.compile(
    r"\b(?:cac|nhung)\s+(?P<word>huyen|thi xa|thanh pho|xa|phuong|tinh|ban|thon|ap)\b[^:;()]{0,40}:"
)
_BRACKETED_NAME = re.compile(
    r"(?:^|[,:;]|\bvà)\s*(?:(?:huyện|thị xã|thành phố|TP\.?|TX\.?|xã|phường|thị trấn)\s+)?"
    r"(?P<name>[A-ZĐ][\w’'-]*(?:\s+[A-ZĐ0-9][\w’'-]*){0,3})\s*\(\s*$"
)


def _breakdown(sentence: str, folded: str, at: int) -> tuple[str, str, str] | None:
    """(place, level, the head's words) of a count in brackets after its place, in a list
    headed by a plural place word; None for any other figure."""
    name = _BRACKETED_NAME.search(sentence, max(0, at - 60), at)
    if name is None:
        return None
    heads = list(_BREAKDOWN_HEAD.finditer(folded, 0, name.start("name")))
    head = heads[-1] if heads else None  # the last head before the name
    if head is None or not tier_of(head.group("word")):
        return None
    words = " ".join(folded[: head.start()].split()[-10:])
    return name.group("name"), tier_of(head.group("word")), words


_TOPIC = re.compile(r"(?:ve|doi voi|rieng|trong linh vuc|ve linh vuc)\s+([^,;]{3,60}),")


def _fact(
    doc, sentence, folded, offset, m, unit_m, index: _SentenceIndex, breakdown=None
) -> Fact | None:
    """A Vietnamese figure's fact; ``breakdown``: the place list it is a count of, if any
    (:func:`_breakdown`)."""
    unit = re.sub(r"\s+", " ", unit_m.group("unit"))
    unit = "%" if unit == "phan tram" else unit
    number = to_number(m.group("n"))
    if m.group("big") and number is not None:
        number += 1000 * (to_number(m.group("big")) or 0)  # '71 tỷ 355 triệu' = 71.355 triệu
    denominator_raw = m.group("d") or m.group("d2")
    denominator = to_number(denominator_raw) if denominator_raw else None
    value_start = m.start() if not m.group("approx") else m.start("approx")
    if m.group("a"):
        value_start = m.start("range_from") if m.group("range_from") else m.start("a")
        number = None  # a range: no single value
    value_end = unit_m.end()
    value = sentence[value_start:value_end].strip()
    # the clause around the value: what it counts, and whether it is a total, an increment…
    # (no further than _CLAUSE_REACH either side: bounded work in text without punctuation)
    clause_start = max(index.clause_start(m.start()), value_start - _CLAUSE_REACH)
    clause_end = min(index.next_clause_end(value_end)[0], value_end + _CLAUSE_REACH)
    before = folded[clause_start:value_start].strip()
    if re.search(r"\b(binh quan|trung binh|moi)$", before) and number == 1:
        return None  # 'bình quân 01 xã đạt 13,15 tiêu chí': a divisor, not a count
    band = fold(m.group("approx") or "").strip() in ("duoi", "tren")
    if band and unit.startswith("tieu chi") and re.search(r"\bxa(?: (?:dat|con))?$", before):
        return None  # 'không có xã dưới 10 tiêu chí': a band of communes, not a figure
    if unit == "%" and _QUALIFIED_COUNT.search(before):
        return None  # '18 đơn vị cấp tỉnh có 100% số xã đạt chuẩn': what the 18 have in common
    after = folded[value_end:clause_end].strip()
    after = re.split(r"\s(?:va|,)\s(?=\d)", after)[0]  # up to the next figure
    share = ""
    share_m = _SHARE.match(folded, value_end) or _LATER_SHARE.match(folded, value_end)
    if share_m and unit != "%":
        s, e = share_m.span(1)
        share = sentence[s:e]
        if share_m.re is _SHARE:
            # '6.250/8.014 xã (78%) đạt chuẩn …': what the figure counts follows the brackets
            e += len(_SHARE_CLOSE.match(folded, e).group())
            after = folded[e : min(index.next_clause_end(e)[0], e + _CLAUSE_REACH)].strip()
    topic = _TOPIC.match(folded)  # 'Về xây dựng NTM nâng cao, huyện có 02 xã đạt chuẩn.'
    if topic and topic.end() <= clause_start:
        before = f"{topic.group(1)} {before}"
    if breakdown:  # 'số xã đạt chuẩn … các huyện gồm: Đức Trọng (10 xã)': the head counts
        before = f"{breakdown[2]} {before}"
    words = f"{' '.join(before.split()[-8:])} | {' '.join(after.split()[:12])}"
    key = indicator(unit, f"{before} {after}")
    group = ""
    size = _GROUP_SIZE.match(after) if unit in _SETTLEMENT_UNITS else None
    if size and (not key or re.search(r"\b(?:binh quan|trung binh)\b", size.group())):
        # '20 xã biên giới phấn đấu bình quân đạt từ 11,5 đến 12 tiêu chí/xã': how many
        # communes the next figure is about (an average, not a band of communes by criteria)
        key = ""
        group = _group_words(sentence, folded, value_end - len(unit_m.group("unit")), clause_end)
    elif unit == "%" or unit.startswith("tieu chi"):
        group = _group_before(sentence, folded, clause_start, value_start)
    planned = index.target_before(m.start()) and not index.reached_after_plan(m.start())
    kind = _kind(planned, before, after)
    aim = _aim(before, after, folded[value_end:], unit)
    if kind in (FactKind.VALUE, FactKind.TOTAL) and (
        _DIFFERENCE_BEFORE.search(folded[clause_start : m.start("n")])
        or re.match(r"so voi\b", after)
    ):
        kind = FactKind.DIFFERENCE
    return _sentence_fact(
        doc,
        offset,
        sentence,
        value_start,
        value_end,
        value=value,
        number=number,
        unit=unit,
        indicator=key,
        kind=kind,
        words=words,
        denominator=denominator,
        share=share,
        aim=aim,
        group=group,
    )


# -- English articles ------------------------------------------------------------------------
# An English article's figures are read into the same facts: its number format ('1,922',
# '8.8'), its unit words mapped to the lexicon's units (``base.lexicon.ENGLISH_UNIT_ROWS``), and
# the words around a figure turned into folded Vietnamese by the questions' glossary
# (``base.english``), so that indicators, kinds and aims are read by the rules above.

_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EN_APPROX = (
    r"(?:(?:over|about|nearly|almost|around|approximately|some|roughly|more than|less than|"
    r"at least|up to|as many as)\s+)?"
)
_EN_MENTION = re.compile(
    rf"(?<![\w/.,$€£])(?P<approx>{_EN_APPROX})(?P<cur>vnd\s?)?"
    rf"(?:(?P<range_from>from\s+|between\s+)?(?P<a>{_EN_NUM})\s*(?:-|–|to)\s*(?=\d))?"
    rf"(?P<n>{_EN_NUM})(?![\d,.]\d)(?:\s*/\s*(?P<d>{_EN_NUM}))?"
    rf"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?:total\s+|overall\s+)?(?P<d2>{_EN_NUM})(?=\s+[a-z]))?"
)
_EN_UNIT_RE = re.compile(
    r"(?P<extra>\s+(?:more|additional|new|newly[- ]recogni[sz]ed|other))?\s*(?P<unit>"
    + "|".join(f"(?:{row.pattern})" for row in ENGLISH_UNIT_ROWS)
    + r")(?P<cur>\s+(?:vnd|dong|đồng))?"
    r"(?P<per>\s*(?:/|per|a)\s*(?:person|capita|head)(?P<year>\s*(?:/|per|a)\s*year)?)?"
    r"(?![\w%])"
)
# a denominator after the unit: '13.8 categories out of the overall 19 criteria'
_EN_OUT_OF = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:the\s+)?(?:total\s+|overall\s+)?({_EN_NUM})\s+[a-z]"
)
# a share stated with a figure: '785 communes nationwide, or 8.8 percent', '84/133 communes
# (63.2%)', '…, accounting for 63.2% of …'
_EN_SHARE_WORDS = r"or|accounting for|making up|representing|equal to|equivalent to"
_EN_SHARE = re.compile(
    rf"[^\d;.]{{0,90}}?(?:\(|\b(?:{_EN_SHARE_WORDS})\s+)({_EN_NUM}\s?(?:%|percent|per cent))"
)
_EN_SHARE_BEFORE = re.compile(rf"(?:\(|\b(?:{_EN_SHARE_WORDS}))\s*$")
# a plan or goal before a figure ('aims to have', 'targets', 'set tasks … to achieve'), or its
# horizon after it ('… by 2020')
_EN_TARGET = re.compile(
    r"\b(?:aims?|aimed|aiming|targets?|targeted|targeting|plans?|planned|planning|strives?|"
    r"striving|goals?|objectives?|expects?|expected|to (?:have|reach|achieve|build|meet|get)|"
    r"will (?:reach|achieve|have|increase|rise|grow|meet|complete|build))\b"
)
# where the words after a figure reach the next one: '10 communes meet … and 13 communes …'
# (not a range's 'between 15 and 18')
_EN_NEXT_FIGURE = re.compile(r"(?:(?<!\d)\s+and|,)\s+(?=(?:\w+\s+){0,3}\d)")
_EN_HORIZON = re.compile(r"\bby (?:the end of )?(?:19|20)\d\d\b")
_ENGLISH_SCOPE = re.compile(
    r"\b(?:(?P<ca_nuoc>nationwide|the (?:whole|entire) country|across the country|"
    r"throughout the country|national[- ]scale|the nation'?s?)|"
    r"(?P<tinh>the (?:whole|entire) province|province-?wide|across the province|"
    r"throughout the province|in the province)|"
    r"(?P<huyen>the (?:whole|entire) district|district-?wide|in the district))\b"
)
_ENGLISH_SCOPES = {"ca_nuoc": "ca nuoc", "tinh": "tinh", "huyen": "huyen"}
_ENGLISH_PLACE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*)\s+"
    r"(?P<word>province|district|commune|ward|town|village|hamlet)\b"
)
_ENGLISH_PLACE_WORDS = {
    "province": "tinh",
    "district": "huyen",
    "town": "huyen",
    "commune": "xa",
    "ward": "xa",
    "village": "thon",
    "hamlet": "thon",
}


# a year an English figure is compared with: 'an increase of 389 communes since the end of 2016'
_EN_BASELINE = re.compile(
    r"\b(?:since|compared (?:with|to)|than|from)\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?"
    r"(?:(?:the\s+)?(?:year\s+)?)?$"
)


def _english_times(low: str, times: list[TimeRef]) -> list[TimeRef]:
    """``times`` of English text ``low`` with a compared year marked as a baseline."""
    return [
        replace(t, role="baseline")
        if _EN_BASELINE.search(low, max(0, t.start - 40), t.start)
        else t
        for t in times
    ]


def _english_sentence(sentence: str) -> bool:
    """Whether a sentence of an English article is English (not a Vietnamese tagline)."""
    return marked_share(sentence) < 0.1 and len(sentence.lower()) == len(sentence)


def english_places_in(sentence: str) -> list[tuple[int, str, str]]:
    """(position, name, level) of the places an English sentence names: the gazetteer's
    provinces and districts ('Phu Tho', 'Cam Giang district'), and any capitalised name
    before a place word ('Kim Dinh commune', 'the old Son Vi commune')."""
    found: dict[int, tuple[int, str, str]] = {}
    for m in _ENGLISH_PLACE.finditer(sentence):
        words = m.group("name").split()
        while words and words[0] in ("The", "In", "Of", "Old", "New"):
            words.pop(0)
        if words:
            at = m.end("name") - len(" ".join(words))
            found[at] = (at, " ".join(words), _ENGLISH_PLACE_WORDS[m.group("word")])
    for start, _, name, level in english_place_mentions(sentence):
        found[start] = (start, name, level)
    return sorted(found.values())


def _english_mentions(sentence: str, low: str) -> list[tuple[re.Match, re.Match]]:
    """The figures of an English sentence: each number with the unit words after it."""
    found = []
    taken = 0  # the end of the last figure's denominator ('… out of the overall 19 criteria')
    for m in _EN_MENTION.finditer(low):
        unit_m = _EN_UNIT_RE.match(low, m.end())
        if unit_m is None or m.start() < taken:
            continue
        row = english_unit(unit_m.group("unit"))
        if row is None or row.money and not (m.group("cur") or unit_m.group("cur")):
            continue  # 'US$1.35 million', '7 million' of anything: no amount of VND
        if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and not m.group("d"):
            continue  # a year
        if re.search(r"\b(?:no\.?|number)\s*$", low[max(0, m.start() - 10) : m.start()]):
            continue  # 'Decision No. 1600'
        found.append((m, unit_m))
        out_of = _EN_OUT_OF.match(low, unit_m.end())
        taken = out_of.end(1) if out_of else 0
    return found


def _english_number(text: str) -> float | None:
    """'1,922' -> 1922.0, '8.8' -> 8.8."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _english_fact(doc, sentence, low, offset, m, unit_m, index: _SentenceIndex) -> Fact | None:
    """A figure of an English sentence, read like :func:`_fact` reads a Vietnamese one: its
    unit from the lexicon, its words in folded Vietnamese for the indicator, kind and aim."""
    row = english_unit(unit_m.group("unit"))
    unit = row.unit
    if unit_m.group("per") and unit == "trieu dong":
        unit = "trieu dong/nguoi/nam" if unit_m.group("year") else "trieu dong/nguoi"
    number = _english_number(m.group("n"))
    denominator_raw = m.group("d") or m.group("d2")
    out_of = _EN_OUT_OF.match(low, unit_m.end())
    if not denominator_raw and out_of:
        denominator_raw = out_of.group(1)
    denominator = _english_number(denominator_raw) if denominator_raw else None
    value_start = m.start()
    if m.group("a"):
        value_start = m.start("range_from") if m.group("range_from") else m.start("a")
        number = None  # a range: no single value
    value_end = unit_m.end()
    value = sentence[value_start:value_end].strip()
    # what the figure counts: English often says it before the figure's own clause ('In
    # 2014, as many as 785 communes …', 'On average, a commune has met 13.8 …'), so the words
    # since the figure before it (or the sentence's start), within its semicolons
    clause_lo, clause_hi = index.clause(value_start, value_end)
    since = max([e for e in index.figure_ends if e <= value_start] + [clause_lo])
    before = low[max(since, value_start - _CLAUSE_REACH) : value_start]
    end = min(index.next_clause_end(value_end)[0], clause_hi, value_end + _CLAUSE_REACH)
    after = _EN_NEXT_FIGURE.split(low[value_end:end])[0]
    share = ""
    share_m = _EN_SHARE.match(low, value_end) if unit != "%" else None
    if share_m and share_m.start(1) < clause_hi:
        share = sentence[share_m.start(1) : share_m.end(1)]
        rest = re.match(r"[\s,)]*", low[share_m.end(1) :]).end() + share_m.end(1)
        stop = min(index.next_clause_end(rest)[0], clause_hi, rest + _CLAUSE_REACH)
        after = f"{low[value_end : share_m.start(1)]} {_EN_NEXT_FIGURE.split(low[rest:stop])[0]}"
    before_vi = to_folded_vietnamese(before, article=True)
    after_vi = to_folded_vietnamese(after, article=True)
    if unit == "%" and _EN_SHARE_BEFORE.search(before):
        before_vi += " chiem"  # 'or 8.8 percent': the share of the figure before
    words = f"{' '.join(before_vi.split()[-8:])} | {' '.join(after_vi.split()[:12])}"
    key = indicator(unit, f"{before_vi} {after_vi}")
    planned = bool(
        _EN_TARGET.search(low, since if since > clause_lo else 0, value_start)
        or _EN_HORIZON.search(after)
    )
    # whether it is a total, an increment or a part: its own clause says
    own = to_folded_vietnamese(low[max(since, index.clause_start(value_start)) : value_start], True)
    kind = _kind(planned, own, after_vi)
    if kind == FactKind.VALUE and unit_m.group("extra"):
        kind = FactKind.INCREMENT  # '23 more communes'
    aim = _aim(own, after_vi, to_folded_vietnamese(low[value_end:], article=True), unit)
    return _sentence_fact(
        doc,
        offset,
        sentence,
        value_start,
        value_end,
        value=value,
        number=number,
        unit=unit,
        indicator=key,
        kind=kind,
        words=words,
        denominator=denominator,
        share=share,
        aim=aim,
    )


def _sentence_fact(doc, offset: int, sentence: str, value_start: int, value_end: int, **fields):
    """A figure one sentence states: ``sentence`` starts at ``offset`` in the document and the
    value spans ``sentence[value_start:value_end]`` (what both readers, Vietnamese and English,
    build)."""
    return Fact(
        doc_id=doc.meta.doc_id,
        source=doc.meta.source,
        start=offset,
        end=offset + len(sentence),
        value_start=offset + value_start,
        value_end=offset + value_end,
        **fields,
    )


# the units that count places: a count of them may be the size of a group ('20 xã biên giới')
_SETTLEMENT_UNITS = units_in("settlement:xa", "settlement:huyen", "settlement:thon")
# after a count: the counted places go on to reach another figure ('… biên giới phấn đấu bình
# quân đạt từ 11,5 …', '… điểm … đã đạt trung bình 10,8/14 …')
_GROUP_SIZE = re.compile(
    r"[^\d,;:]{0,90}?\b(?:dat|co)\s+(?:binh quan\s+|trung binh\s+)?(?:tu\s+|tren\s+|khoang\s+)?\d"
)
# what qualifies a place word as a group ('xã biên giới', 'xã NTM nâng cao', 'xã điểm'): the
# words after it up to a verb or a preposition
_GROUP_STOP = (
    r"tren|dat|phan|binh|trung|da|co|trong|cua|theo|tai|o|thuoc|la|duoc|con|deu|va|hoi|se|"
    r"dang|du|can|nam|toan|tinh|huyen|xa|thon|tu|den|voi|nhu|moi|cac"
)
_PLACE_WORD = re.compile(
    "|".join(sorted((re.escape(u) for u in _SETTLEMENT_UNITS), key=len, reverse=True))
)
_GROUP_AFTER = re.compile(rf"\s+((?:(?!(?:{_GROUP_STOP})\b)[^\W\d]+\s*){{1,5}})")
# the place word of a group an average or share is of: 'mỗi xã NTM nâng cao', 'các xã biên
# giới', '20 xã biên giới'
_GROUP_HEAD = re.compile(r"\b(?:cac|moi|nhung|\d+(?:[.,]\d+)?)\s+(xa|huyen|thon)\b")
# 'bình quân [mỗi xã trên địa bàn tỉnh] đạt từ 12,5 đến 13 tiêu chí': an average's range
_AVERAGE_RANGE = re.compile(r"\b(?:binh quan|trung binh)(?: [\w/]+){0,8}$")


def _group_words(sentence: str, folded: str, at: int, end: int) -> str:
    """The group a place word at ``at`` starts, as the sentence writes it ('xã biên giới');
    '' when no words qualify it."""
    head = _PLACE_WORD.match(folded, at, end)
    if head is None:
        return ""
    words = _GROUP_AFTER.match(folded, head.end(), end)
    if words is None:
        return ""
    return " ".join(sentence[at : head.end() + len(words.group(0).rstrip())].split())


def _group_before(sentence: str, folded: str, start: int, end: int) -> str:
    """The group of places an average or share between ``start`` and ``end`` is of: the
    last one named there with words that qualify it ('mỗi xã NTM nâng cao' -> 'xã NTM nâng
    cao'); '' for the whole place."""
    found = ""
    for m in _GROUP_HEAD.finditer(folded, start, end):
        found = _group_words(sentence, folded, m.start(1), end)
    return found


def _aim(before: str, after: str, rest: str, unit: str) -> str:
    """What a figure counts were it a target, from the folded words of its clause: a total
    ('nâng tổng số … lên 85 xã', 'toàn tỉnh có 115/181 xã'), a yearly increment ('bình quân
    mỗi năm có thêm 10 xã'), an increment ('có thêm 13 xã', 'xây dựng 10 xã …, nâng tổng số
    lên 85 xã', '10 xã phấn đấu đạt chuẩn'), else 'value'. ``rest``: the sentence after it."""
    tail = " ".join(before.split()[-4:])
    if re.search(r"\b(?:nang tong so|nang so|tong so|luy ke)\b", before):
        return FactKind.TOTAL.value
    if re.search(r"\b(?:moi nam|hang nam|hang nam|binh quan nam)\b", before):
        return "per_year"
    if _INCREMENT.search(tail) or re.match(r"(?:\w+\s+)?(?:moi|them)\b", after):
        return FactKind.INCREMENT.value
    if unit in _SETTLEMENT_UNITS and (
        # the communes that aim at the standard: they have not reached it yet
        re.match(
            r"(?:[^\d,;]{0,40}?\s)?(?:phan dau|dang ky|du kien|se)\s+(?:dat|ve dich|hoan thanh)",
            after,
        )
        # 'xây dựng 10 xã đạt chuẩn NTM, nâng tổng số … lên 85 xã'
        or re.match(r"[^;.\d]{0,120}?\bnang (?:tong )?so\b[^;.\d]{0,80}?\blen\s+\d", rest)
    ):
        return FactKind.INCREMENT.value
    if _TOTAL.search(before):
        return FactKind.TOTAL.value
    return FactKind.VALUE.value


# 'đặt mục tiêu' (set a goal) folds as 'đạt mục tiêu' (reached it): told apart before folding
_SET_GOAL = re.compile(r"(?i)\bđặt(?=\s+(?:ra\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch)\b)")


def _set_not_reached(sentence: str, folded: str) -> str:
    """``folded`` with 'đặt' before a goal written 'set', so that 'đạt mục tiêu' (a result)
    and 'đặt mục tiêu' (a plan) stay apart; lengths are kept."""
    if len(folded) != len(sentence):
        return folded
    for m in _SET_GOAL.finditer(sentence):
        folded = folded[: m.start()] + "set" + folded[m.end() :]
    return folded


# a figure said to be reached, not planned
_REACHED = re.compile(
    r"\b(?:da dat|da co|da duoc|da hoan thanh|hien co|hien dat|hien da|den nay)\b"
)


def states_plan(text: str) -> bool:
    """Whether ``text`` states a plan: 'phấn đấu', 'kế hoạch', 'mục tiêu', 'chỉ tiêu', 'dự
    kiến', 'đăng ký', 'sẽ đạt' … (not 'vượt kế hoạch', 'hoàn thành chỉ tiêu', 'đạt mục tiêu':
    those report a result)."""
    return _TARGET.search(_set_not_reached(text, fold(text).lower())) is not None


def names_now(time_text: str) -> bool:
    """Whether a time as a source words it is the time of writing ('đến nay', 'tính đến thời
    điểm này', 'hiện nay'), not a stated date or year."""
    return _NOW.search(fold(time_text).lower()) is not None


_RESULT = re.compile(r"\b(da dat|dat duoc|hien co|den nay|da co|da duoc|ket qua|thuc hien duoc)\b")


_PLAN_REACH = 1500  # characters of the paragraph read before a sentence (bounded work)


def _fold_by_character(text: str) -> str | None:
    """``fold(text).lower()`` when it folds every character to exactly one (so that a slice of
    it is the fold of the same slice of ``text``: a long paragraph is folded once, not once per
    sentence); None when some character folds to none or several, or lower-cases by context
    (a final sigma)."""
    if "Σ" in text or any(len(fold(ch).lower()) != 1 for ch in set(text)):
        return None
    return fold(text).lower()


def _plan_paragraph(
    text: str,
    p_start: int,
    s_start: int,
    folded_sentence: str,
    folded_paragraph: str | None = None,
) -> bool:
    """Whether a sentence continues a list of goals ('Mục tiêu đến năm 2025: …; xây dựng 32 xã
    đạt chuẩn NTM nâng cao'): its paragraph set out a plan before it and it reports no result.
    ``folded_paragraph``: the paragraph's :func:`_fold_by_character`, when there is one."""
    if s_start == p_start or _RESULT.search(folded_sentence):
        return False
    a = max(p_start, s_start - _PLAN_REACH)
    if folded_paragraph is not None:
        before = folded_paragraph[a - p_start : s_start - p_start]
    else:
        before = fold(text[a:s_start]).lower()
    # the plan opens a clause: 'Mục tiêu đến năm 2025: …', 'Năm 2022, tỉnh phấn đấu …'
    return bool(
        re.search(
            r"(?:^|[.;:]\s*)(?:[\w/,-]+\s+){0,6}?(phan dau|muc tieu(?! quoc gia)|ke hoach|chi tieu|"
            r"dinh huong)\b",
            before,
        )
        and _TARGET.search(before)
    )


# a count of places followed by what they all have: '18 đơn vị cấp tỉnh có (100% số xã …)'
_QUALIFIED_COUNT = re.compile(
    r"\d\s+(?:don vi cap tinh|don vi cap huyen|don vi|tinh|huyen|thanh pho|thi xa|xa|thon|ap)"
    r"(?:\s+\w+){0,3}?\s+(?:co|dat)$"
)
# a difference from another figure: 'thấp hơn 2,56% so với trung bình toàn tỉnh'
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:(?:thap|cao|nhieu|it|lon|nho) hon|vuot|chenh lech|"
    r"vuot (?:ke hoach|chi tieu|muc tieu)(?: de ra| duoc giao| giao)?)\s*$"
)


# an act of recognition right before its count: 'vừa ký quyết định công nhận 8 xã', 'hội đồng
# xét, công nhận 5 xã đạt chuẩn' recognises that many now (folded; 'đã công nhận 85 xã' may
# count them all so far, and totals before it win)
_RECOGNISES = re.compile(r"(?<!\bduoc )(?<!\bda )\bcong nhan(?: dat chuan)?\s*$")


def _new_by_its_words(before: str) -> bool:
    """Whether the words before a figure say it is new ('có thêm 3 xã', 'công nhận 3 xã')."""
    return bool(_INCREMENT.search(before) or _RECOGNISES.search(before))


def _kind(target_before: bool, before: str, after: str) -> FactKind:
    """``target_before``: whether the sentence names a plan or a target year before the figure
    (:meth:`_SentenceIndex.target_before`)."""
    if target_before or _TARGET.search(" ".join(after.split()[:3])):
        return FactKind.TARGET
    tail = " ".join(before.split()[-4:])
    if _INCREMENT.search(tail) or re.match(r"(?:\w+\s+)?(moi|them)\b", after):
        return FactKind.INCREMENT
    if _RECOGNISES.search(tail) and not _TOTAL.search(before):
        return FactKind.INCREMENT
    if re.match(r"(?:trong do|rieng|gom)\b", before):
        return FactKind.PART  # 'đạt 356 tỷ đồng, trong đó Nhân dân đóng góp trên 74 tỷ đồng'
    if _TOTAL.search(before):
        return FactKind.TOTAL
    return FactKind.VALUE


# A figure's clause (what it counts, whether it is a total, a target…) is read no further than
# this many characters either side of it; articles' clauses are far shorter.
_CLAUSE_REACH = 200
# The places kept before a figure: more than an address can chain ('xã …, huyện …, tỉnh …').
_PLACES_KEPT = 16
# where a figure's own time may end ('70 triệu đồng/ha năm 2010'): a wider pattern than
# _ATTACHED, whose longest match bounds where an attached time can start
_ATTACHED_REACH = re.compile(r"[\s(/]*\w*[\s(]*(?:(?:vao|trong)\s+)?")
_CLAUSE_END_AT = re.compile(r"(?=([;.!?:()\n]|,\s|\s-\s|\s–\s))")


class _SentenceIndex:
    """What the figures of one sentence look up, found once per sentence: its places and
    scopes, clause ends, semicolons, times and first target cue. Each figure then looks up
    what lies before or after it by bisection, so reading a sentence stays linear in its
    length however many figures it holds. (A place is read as the whole sentence names it,
    where a figure's own scan used to stop at the figure: the same in every article read.)"""

    def __init__(
        self,
        sentence: str,
        folded: str,
        times: list[TimeRef],
        known: KnownNames | None,
        english: bool = False,
    ) -> None:
        self.folded = folded
        self.figure_ends: list[int] = []  # where the sentence's figures end (English reading)
        if english:
            self.places = english_places_in(sentence)
            self.scopes = [
                (m.start(), "", _ENGLISH_SCOPES[next(k for k, v in m.groupdict().items() if v)])
                for m in _ENGLISH_SCOPE.finditer(folded)
            ]
        else:
            self.places = places_in(sentence, 0, len(sentence), known)
            self.scopes = [
                (
                    m.start(),
                    "",
                    tier_of(m.group(1) or "toan " + (m.group(2) or m.group(3) or m.group(4))),
                )
                for m in _SCOPE.finditer(folded)
            ]
        self.place_at = [p[0] for p in self.places]
        self.scope_at = [p[0] for p in self.scopes]
        # a short aside in brackets ('tỷ lệ hộ nghèo (theo chuẩn mới) còn 3,69%') ends no
        # clause: the words before it still say what the figure counts
        asides = [m.span() for m in _ASIDE.finditer(folded)]
        self.clause_ends = [
            hit.end()
            for hit in _CLAUSE_END.finditer(folded)
            if not any(a <= hit.start() < b for a, b in asides)
        ]
        self.clause_marks = [
            (hit.start(), hit.start() + len(hit.group(1)))
            for hit in _CLAUSE_END_AT.finditer(folded)
        ]
        self.clause_mark_at = [c[0] for c in self.clause_marks]
        self.semicolons = [hit.start() for hit in re.finditer(";", folded)]
        self.times = sorted(times, key=lambda t: t.start)
        self.time_at = [t.start for t in self.times]
        self.time_reach: list[int] = []  # the furthest end of the times up to each one
        for t in self.times:
            self.time_reach.append(max(t.end, self.time_reach[-1] if self.time_reach else 0))
        self.first_target_time = min((t.start for t in times if t.role == "target"), default=None)
        self.target = _TARGET.search(folded)

    def places_before(self, at: int) -> list[tuple[int, str, str]]:
        """The last places and scopes ('toàn tỉnh') named before ``at``: places first."""
        i = bisect.bisect_left(self.place_at, at)
        j = bisect.bisect_left(self.scope_at, at)
        return self.places[max(0, i - _PLACES_KEPT) : i] + self.scopes[max(0, j - _PLACES_KEPT) : j]

    def places_after(self, at: int) -> list[tuple[int, str, str]]:
        """The first place or scope named after ``at`` within its clause (English writes
        '785 communes nationwide', '34 districts in Phu Tho province')."""
        end = self.next_clause_end(at)[0]
        found = [p for p in self.places + self.scopes if at <= p[0] < end]
        return sorted(found)[:1]

    def clause_start(self, at: int) -> int:
        """Where the clause of a figure at ``at`` starts: after the last clause end before it."""
        i = bisect.bisect_right(self.clause_ends, at)
        return self.clause_ends[i - 1] if i else 0

    def next_clause_end(self, at: int) -> tuple[int, int]:
        """The span of the first clause end at or after ``at`` (the sentence's end if none)."""
        i = bisect.bisect_left(self.clause_mark_at, at)
        if i < len(self.clause_marks):
            return self.clause_marks[i]
        return len(self.folded), len(self.folded)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``folded[start:end]``: between the nearest ';' (or sentence ends)."""
        i = bisect.bisect_left(self.semicolons, start)
        j = bisect.bisect_left(self.semicolons, end)
        a = self.semicolons[i - 1] + 1 if i else 0
        return a, self.semicolons[j] if j < len(self.semicolons) else len(self.folded)

    def in_time(self, at: int) -> bool:
        """Whether ``at`` lies inside one of the sentence's time expressions."""
        i = bisect.bisect_right(self.time_at, at)
        return bool(i) and self.time_reach[i - 1] > at

    def times_attached(self, unit_end: int) -> list[TimeRef]:
        """The times that follow a figure whose unit ends at ``unit_end`` with nothing but
        _ATTACHED between ('70 triệu đồng/ha năm 2010')."""
        reach = _ATTACHED_REACH.match(self.folded, unit_end).end()
        i = bisect.bisect_left(self.time_at, unit_end)
        j = bisect.bisect_right(self.time_at, reach)
        return [t for t in self.times[i:j] if _ATTACHED.fullmatch(self.folded, unit_end, t.start)]

    def reached_after_plan(self, at: int) -> bool:
        """Whether the sentence says a figure at ``at`` is reached ('đã đạt', 'hiện có')
        after its last plan word or target time: the plan's words name who aims ('5 xã điểm
        phấn đấu đạt chuẩn … đã đạt trung bình 10,8 tiêu chí'), the figure is a result."""
        last = -1
        for cue in _TARGET.finditer(self.folded, 0, at):
            last = cue.end()
        if self.first_target_time is not None and self.first_target_time < at:
            last = max(last, self.first_target_time)
        return last >= 0 and _REACHED.search(self.folded, last, at) is not None

    def target_before(self, at: int) -> bool:
        """Whether a target cue ('phấn đấu', 'kế hoạch') or a target time comes before ``at``."""
        if self.first_target_time is not None and self.first_target_time < at:
            return True
        first = self.target
        if first is None or at == 0 or first.start() >= at:
            return False
        # the first cue reaches past ``at``: another, shorter one may end before it
        return first.end() <= at or _TARGET.search(self.folded[:at], first.start()) is not None


# how far into its paragraph a place names the subject of what follows
_OPENING_REACH = 80


class _Opening:
    """The places that open a paragraph ('Đối với huyện Đình Lập, …'), read once per paragraph
    however many figures ask: the gazetteer's names of the whole paragraph are found once, and
    the places before a sentence are kept per sentence start within the opening reach."""

    def __init__(self, paragraph: str, known: KnownNames | None) -> None:
        self.paragraph = paragraph
        self.known = known
        self.gazetteer: list[tuple[int, int, str, str]] | None = None
        self.found: dict[int, list[tuple[int, str, str]]] = {}

    def before(self, sentence_at: int) -> list[tuple[int, str, str]]:
        end = min(sentence_at, _OPENING_REACH)
        if end not in self.found:
            if self.gazetteer is None:
                self.gazetteer = place_mentions(self.paragraph)
            self.found[end] = [
                p
                for p in places_in(self.paragraph, 0, end, self.known, self.gazetteer)
                if p[0] < _OPENING_REACH
            ]
        return list(self.found[end])


def _place_of(
    sentence: str, mentions: list[tuple[int, str, str]], opening: _Opening, sentence_at: int
) -> tuple[str, str]:
    """The place a figure is about: the last one named before it in the sentence ('huyện Đình
    Lập', 'Lâm Đồng', 'toàn tỉnh', or 'Thanh Lang' once the document has said 'xã Thanh
    Lang'), else the subject that opens the paragraph. ``mentions``: the last places named
    before the figure (:meth:`_SentenceIndex.places_before`), in text order."""
    if not mentions:
        # 'Đối với huyện Đình Lập, …' opening the paragraph names the subject of what follows
        mentions = opening.before(sentence_at)
    if not mentions:
        return "", ""
    mentions.sort(key=lambda p: p[0])
    at, name, level = mentions[-1]
    for before_at, before_name, before_level in reversed(mentions[:-1]):
        # 'huyện Vị Thủy, tỉnh Hậu Giang đã có 4/9 xã': an address, whose first place is the
        # subject and the rest say where it lies
        if not (
            before_level
            and level
            and tier_rank(before_level) < tier_rank(level)
            and _ADDRESS_GAP.fullmatch(sentence, before_at, at)
        ):
            break
        at, name, level = before_at, before_name, before_level
    return name, level


# what opens a list of the places a count is made of: '3 đơn vị cấp huyện … là huyện A, B và
# thị xã C', 'gồm: …' (folded)
_LIST_OPENS = re.compile(r"\b(?:la|gom|gom co|bao gom)\b|:")


def _past_the_list(folded: str, mentions: list, figure_at: int) -> list:
    """The places named before a figure less those of an earlier clause's list: in 'toàn tỉnh
    có 3 huyện … là huyện A, B và thị xã C; 92 xã đạt chuẩn' the towns listed make up the 3
    districts, and the 92 communes are the province's ('toàn tỉnh')."""
    semi = folded.rfind(";", 0, figure_at)
    if semi < 0 or any(at > semi for at, _, _ in mentions):
        return mentions  # one clause, or the figure's own clause names its place
    opens = [o.start() for o in _LIST_OPENS.finditer(folded, 0, semi)]
    kept = [p for p in mentions if opens and p[0] < opens[-1]]
    return kept or mentions


# from a place's name to the place it lies in, in an address: 'Vị Thủy, tỉnh ', 'Tân Mỹ (huyện '
_ADDRESS_GAP = re.compile(
    r"[^\W\d][\w'’ -]{0,30}?\s*(?:,|\(|-)\s*(?:(?:tỉnh|huyện|thành phố|thị xã|TP\.?|TX\.?)\s+)?",
    re.IGNORECASE,
)


# an English sentence reads no paragraph opening ('Đối với huyện Đình Lập, …')
_NO_OPENING = _Opening("", None)


class KnownNames:
    """The places a document introduces with a place word ('huyện Vĩnh Thuận', 'xã Thanh
    Lang'), so that later bare mentions ('Kinh tế của Vĩnh Thuận', '(Thanh An 0,3%, Thanh Lang
    0,85%)') are read as those places."""

    def __init__(self, levels: dict[str, str]) -> None:
        self.levels = levels
        # each name under its first word: a mention is found by looking up the word that
        # starts it (time linear in the text however many names the document introduces)
        self.by_word: dict[str, list[str]] = {}
        for name in sorted(levels, key=len, reverse=True):
            self.by_word.setdefault(_WORD_RUN.match(name).group(), []).append(name)

    def _find(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """(position, name) of each name in ``text[start:end]`` as a whole word, the longest
        at a place, left to right without overlaps."""
        if not self.by_word:
            return
        after = start
        for word in _WORD_RUN.finditer(text, start, end):
            at = word.start()
            if at < after:
                continue
            for name in self.by_word.get(word.group(), ()):
                stop = at + len(name)
                if (
                    stop <= end
                    and text.startswith(name, at)
                    and (stop == end or not _WORD_CHAR.match(text, stop))
                ):
                    yield at, name
                    after = stop
                    break

    def mentions(self, text: str, start: int, end: int) -> list[tuple[int, str, str]]:
        found = []
        for at, name in self._find(text, start, end):
            before = text[max(0, at - 20) : at].split()
            word = before[-1] if before else ""
            if (
                word[:1].isupper()
                and word[-1:] not in ",.;:("
                and fold(word).lower().rstrip(".") not in TEXT_PLACE_WORDS
            ):
                continue  # part of a longer name ('Nguyễn Thanh Lang')
            found.append((at, name, self.levels[name]))
        return found


_WORD_RUN = re.compile(r"(?<!\w)\w+")
_WORD_CHAR = re.compile(r"\w")


def _known_names(text: str) -> KnownNames:
    levels: dict[str, str] = {}
    ambiguous: set[str] = set()
    for m in _PLACE.finditer(text):
        name = _trim_name(m.group("name"))
        level = tier_of(fold(m.group("word")).lower().rstrip("."))
        if len(name) < 4 or " " not in name or not level:
            continue  # one-syllable names are too often ordinary words
        if levels.get(name, level) != level:
            ambiguous.add(name)
        levels.setdefault(name, level)
    return KnownNames({n: lvl for n, lvl in levels.items() if n not in ambiguous})


def places_in(
    text: str,
    start: int = 0,
    end: int | None = None,
    known: KnownNames | None = None,
    gazetteer: list[tuple[int, int, str, str]] | None = None,
) -> list[tuple[int, str, str]]:
    """(position, name, level) of the places named in ``text[start:end]``: gazetteer names
    ('Lâm Đồng', 'huyện Kim Bảng') and any name after a place word ('xã Tân Mỹ', 'ấp Phú Hòa',
    'tỉnh Phú Thọ'), the document's words first: a name no list knows still counts; with
    ``known``, also the bare names the document introduced with a place word. ``gazetteer``:
    ``place_mentions(text)`` when the caller already has it (it reads the whole text)."""
    end = len(text) if end is None else end
    found: dict[int, tuple[int, str, str]] = {}
    if known is not None:
        for at, name, level in known.mentions(text, start, end):
            found[at] = (at, name, level)
    for s, _, name, level in place_mentions(text) if gazetteer is None else gazetteer:
        if start <= s < end:
            found[s] = (s, name, level)
    for m in _PLACE.finditer(text, start, end):
        word = fold(m.group("word")).lower().rstrip(".")
        name = _trim_name(m.group("name"))
        if not name:
            continue
        level = tier_of(word)
        at = m.start("name")
        seen = found.get(at)
        if seen is None or seen[2] != level and level in ("xa", "thon"):
            found[at] = (at, name, level)
    return sorted(found.values())


_NAME_STOP = re.compile(
    r"\s(?:Có|Đạt|Được|Là|Năm|Tháng|Đến|Trong|Của|Và|Với|Đã|Sẽ|Cũng|Nay|Hiện|Ông|Bà|Đồng)\b.*$"
)


def _trim_name(name: str) -> str:
    name = _NAME_STOP.sub("", name.strip())
    words = name.split()
    while words and (
        words[-1].isdigit() or not words[-1][0].isupper() and not words[-1][0].isdigit()
    ):
        words.pop()
    if any(w.isupper() and len(w) > 1 and not w.isdigit() for w in words[:1]):
        return ""  # an acronym ('xã NTM'), not a name
    # a known name followed by other capitalised words ('tỉnh Gia Lai Võ Ngọc Thành'): the
    # name ends where the gazetteer's does
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if place_mentions(f"tỉnh {head}") or place_mentions(f"huyện {head}"):
            if n < len(words):
                return head
            break
    return " ".join(words).strip(" ,.;:")


def _scope_place(level: str, doc: Document, doc_place: tuple[str, str] = ("", "")) -> str:
    """The place a bare level word means ('toàn tỉnh', 'huyện đã có', 'xã đã đạt'): the
    document's own place of that level ('' when it names none)."""
    if level == "xa":  # a commune's article ('Xã Tân Hưng: …') speaks of it as 'xã'
        return doc_place[0] if doc_place[1] == "xa" else ""
    if level == "tinh" and doc.meta.provinces:
        return doc.meta.provinces[0]
    if level == "huyen" and doc.meta.districts:
        return doc.meta.districts[0]
    if level == "ca nuoc":
        return "Việt Nam"
    return ""


def _document_place(doc: Document) -> tuple[str, str]:
    """What the article is about: the place its title names, else the commune it is about
    (named more often than any other place), else its first province."""
    title = doc.meta.title
    named = [p for p in places_in(title) if not _at_venue(title, p[0])]
    folded_title = fold(title).lower()
    for district in doc.meta.districts:
        # 'Ba Tơ (Quảng Ngãi): …': a district of the article named in its title, without
        # 'huyện', is what it is about; the province says where it lies
        if re.search(rf"\b{re.escape(fold(district).lower())}\b", folded_title) and not any(
            level in ("huyen", "xa") for _, _, level in named
        ):
            return district, "huyen"
    if named:
        _, name, level = named[0]
        return name, level
    provinces = [(at, name) for at, _, name, level in place_mentions(doc.text) if level == "tinh"]
    named = Counter(name for _, name in provinces)
    commune = main_commune(doc.text) if not doc.meta.districts else None
    if commune and commune[1] >= max(2, *named.values(), 0):
        # a commune's own article whose title does not name it: it names the commune at
        # least as often as any province (and no district: since mid-2025 there are none)
        return commune[0], "xa"
    national = len(re.findall(r"\b(?:ca nuoc|toan quoc)\b", fold(doc.text).lower()))
    if national and len(set(doc.meta.provinces)) >= 3:
        if national >= max(named.values(), default=0):
            # the country's results, naming provinces among them (a provincial article names
            # its own province more often than the country)
            return "Việt Nam", "ca nuoc"
    venues = _venues(doc.text, provinces)
    for province in doc.meta.provinces:
        if province not in venues:
            return province, "tinh"
    if national:
        return "Việt Nam", "ca nuoc"  # a national article that met somewhere
    if doc.meta.districts:
        return doc.meta.districts[0], "huyen"
    return "", ""


def _at_venue(text: str, start: int) -> bool:
    """Whether the place named at ``start`` is where something took place ('tại TP Hải
    Phòng', 'ở tỉnh Nam Định'), not what the text is about."""
    before = fold(text[max(0, start - 20) : start]).lower()
    return bool(re.search(r"\b(?:tai|o)\s+(?:(?:tp|thanh pho|tinh)\.?\s+)?$", before))


def _venues(text: str, provinces: list[tuple[int, str]]) -> set[str]:
    """Provinces the text names only as where something took place ('tại TP Hải Phòng'),
    of its province ``provinces`` mentions (position, name)."""
    venue: dict[str, bool] = {}
    for start, name in provinces:
        venue[name] = venue.get(name, True) and _at_venue(text, start)
    return {name for name, only in venue.items() if only}


def _document_time(doc: Document) -> tuple[str, str, str, str] | None:
    if not doc.meta.date:
        return None
    year, _, rest = doc.meta.date.partition("-")
    month = rest[:2] if rest else "12"
    lo = f"{year}-{month}" if rest else f"{year}-01"
    return lo, f"{year}-{month}", _display(doc.meta.date), "document"


def _display(iso: str) -> str:
    return "/".join(reversed(iso.split("-")))


def _iso(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


# 'now' in an undated article: the figures after it hold when it was written, not at a year
# named before it ('năm 2015 là 11,5 tiêu chí, đến nay là 12,6 tiêu chí')
_NOW = re.compile(
    r"\b(?:den nay|toi nay|hien nay|hien tai|den thoi diem nay|nay da|hien co|hien da|hien dat)\b"
    r"|(?:^|[,;:]\s*)hien\b"
)


def _says_now(sentence: str, folded: str, m: re.Match) -> bool:
    """'hiện đạt' says now; 'hiến đất' (donated land) folds alike and does not."""
    at = folded.find("hien", m.start(), m.end())
    return at < 0 or says_now(sentence, at)


# what may stand between a figure and its own time: '70 triệu đồng/ha năm 2010', '25 sản
# phẩm (2019)', '12 xã vào cuối năm 2016'
_ATTACHED = re.compile(r"(?:\s*/\s*\w+)?[\s(]*(?:vao\s+|trong\s+)?")


def _time_of(
    kind,
    times,
    at,
    para_times,
    sentence_at,
    doc_time,
    clause=None,
    now=(),
    figures=(),
    claimed=None,
    own=None,
) -> tuple[str, str, str, str]:
    """(lo, hi, text, where) of when a figure holds: a point or year named in its own clause
    ('25 sản phẩm đạt chứng nhận OCOP (2019)'), else the nearest one before it in its sentence
    (unless 'đến nay' comes between: then the document's date), else one named earlier in its
    paragraph, else the document's date, else a multi-year period ('giai đoạn 2010-2020')
    around it."""
    wanted = (
        ("target", "asof", "date", "period")
        if kind == FactKind.TARGET
        else ("asof", "date", "period")
    )
    usable = [t for t in times if t.role in wanted]
    points = [t for t in usable if _span(t) <= 12]
    # a time after the figure that another figure follows dates that one: 'năm 2011 là 3,29%,
    # đến cuối năm 2019 giảm còn 0,78%'
    claimed = claimed or {}
    own_time = [t for t in points if claimed.get(t.start) == own]
    if own_time:
        t = own_time[0]
        return _iso(t.lo), _iso(t.hi), t.text, "sentence"
    points = [t for t in points if t.start not in claimed]  # other figures' own times
    points = [
        t
        for t in points
        if t.start < at
        or not _figure_between(figures, own, t.end, clause[1] if clause else t.end + 80)
    ]
    if points:
        own = [t for t in points if clause and clause[0] <= t.start < clause[1]]
        before = [t for t in points if t.start < at]
        t = min(own, key=lambda t: abs(t.start - at)) if own else (before or [None])[-1]
        if t is not None:
            if t.end <= at and kind != FactKind.TARGET and any(t.end <= n < at for n in now):
                return doc_time or ("", "", "", "")
            return _iso(t.lo), _iso(t.hi), t.text, "sentence"
        # only times after it, in other clauses: they date other figures ('đạt 54,8 triệu đồng;
        # … tăng từ 85 triệu đồng/ha năm 2010')
    earlier = [
        t for t in para_times if t.role in wanted and t.end <= sentence_at and _span(t) <= 12
    ]
    if earlier:
        asof = [t for t in earlier if t.role == "asof"]
        t = (asof or earlier)[-1]
        return _iso(t.lo), _iso(t.hi), t.text, "paragraph"
    if kind == FactKind.TARGET:
        horizon = [t for t in para_times if t.role == "target" and t.end <= sentence_at]
        if horizon:
            t = horizon[-1]
            return _iso(t.lo), _iso(t.hi), t.text, "paragraph"
    periods = [t for t in usable if _span(t) > 12]
    if doc_time and kind != FactKind.TARGET:
        if any(_iso(t.lo) <= doc_time[1] <= _iso(t.hi) for t in periods):
            # 'Giai đoạn 2010 - 2020, tổng vốn huy động đạt …' in an article of 12/2020: the
            # total as the document's date, which the sentence's own period vouches for
            return (*doc_time[:3], "sentence")
        return doc_time
    if periods:
        t = periods[0]
        return _iso(t.lo), _iso(t.hi), t.text, "sentence"
    return "", "", "", ""


def _figure_between(figures, own: int | None, lo: int, hi: int) -> bool:
    """Whether a figure of ``figures`` (their positions, ascending) after ``own`` lies in
    ``[lo, hi)``."""
    i = bisect.bisect_left(figures, lo if own is None else max(lo, own + 1))
    return i < len(figures) and figures[i] < hi


def _span(t: TimeRef) -> int:
    return (t.hi[0] * 12 + t.hi[1]) - (t.lo[0] * 12 + t.lo[1]) + 1


def sentence_time(doc: Document, start: int, end: int, kind: str = "") -> tuple[str, str, str, str]:
    """When what ``doc.text[start:end]`` says holds, by the rules of a figure's time."""
    text = doc.text
    p_start = max(text.rfind("\n", 0, start) + 1, start - _PLAN_REACH)
    times = [t for t in read_times(text[start:end], doc.meta.date) if t.role != "baseline"]
    para_times = read_times(text[p_start:start], doc.meta.date)
    return _time_of(kind, times, end - start, para_times, start - p_start, _document_time(doc))
