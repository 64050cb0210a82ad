"""Reading answers in words off a passage: what a sentence announces ('những khó khăn, vướng
mắc như: A; B; C', 'đề nghị các địa phương: …', lines that start with '-'), split into its items,
verbatim, each with its span.

Pure functions over text; spans index the text they were given.

The question types that answer in words (limits, causes, tasks, goals, lessons, what a thing
is) read their answers with these (``kinds/passage.py``).

Usage::

    list_end(doc.text, sentence_end, 1500)        # where the list a sentence announces ends
    announced(unit, cue, 80)                      # [(start, end, ((s, e), …))] after a cue
    items_of(unit, start, end)                    # the items of a span, split at ';' and lines
"""

from __future__ import annotations

import re

from base.lexicon import TEXT_PLACE_WORDS
from base.text import fold

# a line that is an item of a list: '- …', '+ …', '• …', '1. …', 'a) …', 'Một là, …'
LIST_LINE = re.compile(
    r"(?i)^\s*(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|"
    r"mười) là\b|thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b)"
)
# what announces a list: a colon, after 'như', 'gồm', 'sau', 'là' or on its own
_ANNOUNCER = re.compile(r":\s*")
# the opening words of what a colon announces, up to its first comma or semicolon ('nhấn
# mạnh: Để thực hiện tốt nhiệm vụ …, các cấp cần …'): the kind's words there announce it too;
# further on they are words of an item ('… còn chậm so với yêu cầu')
_OPENING = re.compile(r"[^,;\n]{0,30}")
# where an item ends: a semicolon, a line break, the end of the text
_ITEM_BREAK = re.compile(r"\s*;\s*|\s*\n+\s*")
# what an item may end with that is no part of it: '…', './.', '.', ','
_ITEM_TAIL = re.compile(r"[\s.…,;/]+$")
_ITEM_HEAD = re.compile(r"(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)")
# the newspaper's tag an article's first paragraph opens with: '(Cổng TTĐT AG)- ', '(Dân trí) –
# ', 'Báo Cà Mau (CMO) ', '(THTG) ', 'LSO- ', 'TTXVN - ': the paper speaking, no word of the answer
_PRESS_LEAD = re.compile(
    r"(?:\((?=[^()\n]*[A-Za-zĐđ])[^()\n\d]{2,30}\)\s*[-–—]\s*"
    r"|Báo(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4}\s*\([A-ZĐ][\w.]{1,12}\)\s*[-–—:]?\s*"
    r"|\([A-ZĐ]{2,10}\)\s*"
    r"|[A-ZĐ]{2,}(?:\.[a-z]{2,3})?\s*[-–—]\s+)"
)


# a word an item cannot end with: it was cut ('Chỉ đạo các', 'nâng cao chất lượng và')
_DANGLING = re.compile(
    r"(?i)(?<![\w])(?:và|của|có|là|được|các|những|với|trong|tại|theo|về|cho|để|đã|sẽ|đến|từ)$"
)
# words at least of an answer in words
_LEAST_WORDS = 3


def whole(text: str, listed: bool = False) -> bool:
    """Whether a piece of text can stand as an answer: a few words (any, for an item of a
    list of three or more: 'giao thông'), not cut mid-phrase."""
    long_enough = listed or len(text.split()) >= _LEAST_WORDS
    return long_enough and not _DANGLING.search(text.rstrip(" ,"))


def list_end(text: str, end: int, limit: int) -> int:
    """Where a list that the sentence ending at ``end`` announces (it ends with ':') ends in
    ``text``: after the following lines that are list items, else after the next line; ``end``
    itself when the sentence announces nothing. At most ``limit`` characters further."""
    if not text[:end].rstrip().endswith(":"):
        return end
    stop = min(len(text), end + limit)
    at = end
    lines = 0
    while at < stop:
        line_start = at
        while line_start < stop and text[line_start] in " \n":
            line_start += 1
        if line_start >= stop:
            break
        line_end = text.find("\n", line_start)
        line_end = stop if line_end < 0 or line_end > stop else line_end
        if lines and not LIST_LINE.match(text[line_start:line_end]):
            break
        if not lines and text[at:line_start].count("\n") > 2:
            break  # a blank gap: the list is not there
        at, lines = line_end, lines + 1
        if not LIST_LINE.match(text[line_start:line_end]) and lines == 1:
            break  # one plain paragraph announced
    return at


_PLACE_WORDS = "|".join(sorted((re.escape(w) for w in TEXT_PLACE_WORDS), key=len, reverse=True))
# a sentence that announces places and names the first of them: '5 xã đạt chuẩn … là: xã
# Bình Ba, xã Xà Bang …' (folded); ``word`` is the place word the names are written after
_PLACES_ANNOUNCED = re.compile(
    rf"\b(?:{_PLACE_WORDS})\b[^:]{{0,160}}?\b(?:la|gom|bao gom|gom co|nhu)"
    rf"\s*:\s*(?:cac\s+)?(?P<word>{_PLACE_WORDS})\s"
)


def place_run_end(text: str, start: int, end: int, limit: int) -> int:
    """Where a list of places that goes on past its sentence ends: after the following
    sentences (across line breaks) that each open with the place word the announced names are
    written after, then a capitalised name ('… 5 xã … là: xã Bình Ba, xã Xà Bang (…) … . Xã
    Nghĩa Thành (…) … .'), at most ``limit`` characters further; ``end`` when the sentence
    announces no places."""
    m = _PLACES_ANNOUNCED.search(fold(text[start:end]))
    if m is None:
        return end
    opens = re.compile(rf"{m.group('word')}\s+")
    stop = min(len(text), end + limit)
    at = end
    while at < stop:
        rest = text[at:stop]
        lead = len(rest) - len(rest.lstrip())
        nxt = at + lead
        word = opens.match(fold(text[nxt : nxt + 40]))
        if text[at:nxt].count("\n") > 1 or not word or not text[nxt + word.end() :][:1].isupper():
            break  # a blank line, or a sentence that does not open with a place's name
        dot = re.search(r"[.!?](?=\s|$)", text[nxt:stop])
        line = text.find("\n", nxt)
        ends = [i for i in (nxt + dot.end() if dot else -1, line) if i > nxt]
        if not ends:
            break
        at = min(ends)
    return at


def items_of(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The items of ``text[start:end]``: parts between semicolons and line breaks, without
    list marks and trailing punctuation; each a (start, end) span of ``text``."""
    spans = []
    at = start
    for m in list(_ITEM_BREAK.finditer(text, start, end)) + [None]:
        stop = m.start() if m is not None else end
        while at < stop and text[at].isspace():
            at += 1
        head = _ITEM_HEAD.match(text, at, stop)
        a = head.end() if head else at
        if not spans and (lead := _PRESS_LEAD.match(text, a, stop)):
            a = lead.end()
        tail = _ITEM_TAIL.search(text[a:stop])
        b = a + (tail.start() if tail else stop - a)
        if b - a >= 3:
            spans.append((a, b))
        if m is not None:
            at = m.end()
    return tuple(spans)


# a list of short names in one run: 'quy hoạch chung, giao thông, thu nhập và nghèo đa chiều'
_SHORT_BREAK = re.compile(r",\s+(?:và\s+)?|\s+và\s+")
_SHORT_WORDS = 4


def _short_items(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The items of a run of short names joined by commas and 'và' (each at most a few
    words); none when any part is longer, since a clause's commas do not part a list."""
    spans, at = [], start
    for m in list(_SHORT_BREAK.finditer(text, start, end)) + [None]:
        stop = m.start() if m is not None else end
        part = text[at:stop]
        if not part.strip() or len(part.split()) > _SHORT_WORDS:
            return ()
        spans.append((at, stop))
        if m is not None:
            at = m.end()
    return tuple(spans) if len(spans) > 1 else ()


def announced(
    text: str, cue: re.Pattern, reach: int, leads: re.Pattern | None = None
) -> list[tuple[int, int, tuple]]:
    """(start, end, items) of the lists ``text`` announces: after a colon that comes at most
    ``reach`` characters after a match of ``cue`` ('những khó khăn, vướng mắc như: A; B') or
    whose opening clause ``cue`` matches ('Nội dung: phấn đấu đến năm 2025 …; …'), else
    after a match of ``leads`` when two items or more follow it ('đề nghị các địa phương A;
    B'). Both are matched on folded text."""
    folded = fold(text)
    found = []
    for colon in _ANNOUNCER.finditer(text):
        before = folded[max(0, colon.start() - reach) : colon.start()]
        opening = _OPENING.match(folded, colon.end(), min(len(folded), colon.end() + reach))
        if not (cue.search(before) or cue.search(opening.group())):
            continue
        items = items_of(text, colon.end(), len(text))
        if len(items) == 1:
            items = _short_items(text, *items[0]) or items
        if items:
            found.append((items[0][0], items[-1][1], items))
    if found or leads is None or len(folded) != len(text):
        return found
    for m in leads.finditer(folded):
        items = items_of(text, m.end(), len(text))
        if len(items) >= 2:
            found.append((items[0][0], items[-1][1], items))
            break
    return found
