"""The lexicon's numbered documents: the types a decision, a resolution or a plan is written
as, and the codes their numbers carry. The decision reader
(``assistant.answering.extract.decisions``) and the decision question type read them from this
one table, so a new kind of document is one new row. An English question reaches them through
the glossary (``base.english``: 'resolution' is read 'nghị quyết').

Usage::

    document_type("Kết luận số 71-KL/TU").name     # 'kết luận'
    document_type("số 476/QĐ-UBND").name           # 'quyết định', by its code
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from base.text import fold


@dataclass(frozen=True)
class DocumentType:
    """A kind of numbered document ('Quyết định số 1669/QĐ-UBND'): its name as written and
    the code its numbers carry."""

    name: str  # as written, lower case ('quyết định')
    code: str  # the code in its numbers, as written ('QĐ' in '1669/QĐ-UBND')

    @property
    def folded(self) -> str:
        return fold(self.name)


DOCUMENT_TYPES = (
    DocumentType("quyết định", "QĐ"),
    DocumentType("nghị quyết", "NQ"),
    DocumentType("nghị định", "NĐ"),
    DocumentType("chỉ thị", "CT"),
    DocumentType("thông tư", "TT"),
    DocumentType("kế hoạch", "KH"),
    DocumentType("kết luận", "KL"),
    DocumentType("công văn", "CV"),
    DocumentType("đề án", "ĐA"),
    DocumentType("thông báo", "TB"),
    DocumentType("chương trình hành động", "CTR"),
    DocumentType("hướng dẫn", "HD"),
)


def document_type(text: str) -> DocumentType | None:
    """The type of a numbered document as written ('Kết luận số 71-KL/TU', 'số 476/QĐ-UBND'):
    by its name first, else by its number's code; None when neither says."""
    folded = fold(text)
    for row in DOCUMENT_TYPES:
        if re.match(rf"(?:(?:cac|nhung)\s+)?{row.folded}\b", folded):
            return row
    codes = re.findall(r"(?<=[/-])[A-Za-zĐđ]+", text)
    for code in codes:
        code = fold(code)
        for row in DOCUMENT_TYPES:
            if code == fold(row.code):
                return row
    return None
