"""Where in a document a passage is: page, sheet row or table row, read from marker lines (pure).

The loaders write marker lines into the text they extract: ``[Trang 3]`` before the text of
page 3 of a PDF (``[Trang 3 · chữ nhận dạng OCR]`` when that page was recognised by OCR, not
typed), ``[Trang tính: <sheet>]`` before the rows of a spreadsheet sheet, whose lines open
``Dòng <r>: …``, and ``Bảng <n>, dòng <r>: …`` for the rows of a Word table. A citation shows
the label of the marker before its quote.

Usage::

    location_at("[Trang 1]\\nMở đầu.\\n\\n[Trang 2]\\nCó 11 xã.", 30)  # -> 'trang 2'
    is_marker_line("[Trang 2 · chữ nhận dạng OCR]")                   # -> True
    describe("trang 2 (OCR)", lang="en")                              # -> 'page 2 (OCR)'
"""

from __future__ import annotations

import re

OCR_NOTE = "chữ nhận dạng OCR"

_PAGE = re.compile(rf"^\[Trang (\d+)( · {OCR_NOTE})?\]$")
_SHEET = re.compile(r"^\[Trang tính: ([^\]\n]+)\]$")
_MARKERS = re.compile(rf"^\[Trang (?:\d+(?: · {OCR_NOTE})?|tính: [^\]\n]+)\]$", re.MULTILINE)
_SHEET_ROW = re.compile(r"^Dòng (\d+):")
_TABLE_ROW = re.compile(r"^Bảng (\d+), dòng (\d+):")


def page_marker(page: int, ocr: bool = False) -> str:
    """The marker line that opens page ``page`` (1-based) of a PDF's text."""
    return f"[Trang {page} · {OCR_NOTE}]" if ocr else f"[Trang {page}]"


def is_marker_line(line: str) -> bool:
    """Whether ``line`` (stripped) is a page or sheet marker, not text of the document."""
    return bool(_PAGE.match(line) or _SHEET.match(line))


def location_at(text: str, offset: int) -> str | None:
    """The label of the place of ``text[offset]``: 'trang 3', 'trang 3 (OCR)', 'trang tính
    Xã, dòng 4', 'bảng 2, dòng 5'; None when the text has no marker before it."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    table_row = _TABLE_ROW.match(line)
    if table_row:
        return f"bảng {table_row.group(1)}, dòng {table_row.group(2)}"
    page = sheet = None
    for marker in _MARKERS.finditer(text, 0, len(text) if line_end == -1 else line_end):
        if marker.start() > offset:
            break
        found = _PAGE.match(marker.group())
        if found:
            page = f"trang {found.group(1)}" + (" (OCR)" if found.group(2) else "")
        else:
            sheet = _SHEET.match(marker.group()).group(1).strip()
    sheet_row = _SHEET_ROW.match(line)
    if sheet_row:
        row = f"dòng {sheet_row.group(1)}"
        return f"trang tính {sheet}, {row}" if sheet else row
    return page


_ENGLISH = (
    (re.compile(r"^trang tính (.+), dòng (\d+)$"), r"sheet \1, row \2"),
    (re.compile(r"^bảng (\d+), dòng (\d+)$"), r"table \1, row \2"),
    (re.compile(r"^dòng (\d+)$"), r"row \1"),
    (re.compile(r"^trang (\d+)"), r"page \1"),
)


def describe(location: str | None, lang: str = "vi") -> str | None:
    """A location label in the reader's language ('trang 3' stays, or 'page 3' in English)."""
    if not location or lang != "en":
        return location
    for pattern, english in _ENGLISH:
        if pattern.match(location):
            return pattern.sub(english, location, count=1)
    return location
