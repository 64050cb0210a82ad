"""Table rows as the loaders write them ('Dòng 5: Xã: Tân Mỹ; Số tiêu chí đạt: 15'): each
numeric cell is a figure of the row's place, its header saying what it counts."""

from __future__ import annotations

import re

from base.lexicon import UNITS_LONGEST_FIRST, indicator, tier_of, tier_rank
from base.text import fold
from base.types import Document, Fact, FactKind
from ingest.facts.mentions import _APPROX, _NUM, _UNIT_RE, to_number
from ingest.facts.places import _trim_name, places_in
from ingest.facts.times import _document_time, sentence_time

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
