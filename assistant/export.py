"""Answers and evaluations as text people can paste or download, and where a quote sits.

Pure functions used by the app, the CLI and the tests.

Usage::

    markdown = answer_markdown(answer, lang="vi")
    start, end = locate(document.text, citation)
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from base.locations import describe
from base.types import Answer, Citation

_NO_DATE = {"vi": "không rõ ngày", "en": "date unknown"}


def format_date(iso: str | None, lang: str = "vi") -> str:
    """'2021-08-27' -> '27/08/2021' (day first, as both languages write it here); partial
    dates stay partial; no date says so in ``lang``."""
    if not iso:
        return _NO_DATE.get(lang, _NO_DATE["vi"])
    return "/".join(reversed(iso.split("-")))


# where a sentence ends inside a paragraph: after . ! ? … (and a closing quote or bracket)
_SENTENCE_END = re.compile(r"[.!?…][”\"')\]]*\s+")


def paragraph_bounds(text: str, start: int, end: int, limit: int = 900) -> tuple[int, int]:
    """The paragraph (line) around ``text[start:end]``; a paragraph longer than about
    ``limit`` characters is clipped to the whole sentences around the span that fit (to a word
    when even the span's own sentence does not)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 == -1 else p1
    if p1 - p0 <= limit:
        return p0, p1
    room = max(0, limit - (end - start)) // 2
    starts = [p0] + [m.end() for m in _SENTENCE_END.finditer(text, p0, start)]
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text, end, p1)] + [p1]
    # the sentence the span starts in and the one it ends in, then whole sentences around
    # them while they fit
    lo = max(s for s in starts if s <= start)
    hi = min(e for e in ends if e >= end)
    if lo < start - room * 2 or hi > end + room * 2:  # one long sentence: cut at words
        if start - p0 > room:
            cut = text.rfind(" ", p0, start - room)
            lo = start - room if cut == -1 else cut + 1
        else:
            lo = p0
        if p1 - end > room:
            cut = text.find(" ", end + room, p1)
            hi = end + room if cut == -1 else cut
        else:
            hi = p1
        return lo, hi
    for s in sorted((s for s in starts if s < lo), reverse=True):
        if hi - s > limit:
            break
        lo = s
    for e in sorted(e for e in ends if e > hi):
        if e - lo > limit:
            break
        hi = e
    return lo, hi


def tidy_quote(c: Citation) -> Citation:
    """The citation without a closing bracket its quote does not open, at its end: a sentence
    that closes a parenthesis the sentence before it opened ('… 65/181 xã đạt chuẩn NTM).')
    is quoted up to the bracket. The quote stays a verbatim span of the document."""
    depth = 0
    for i, ch in enumerate(c.quote):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
                continue
            if c.quote[i + 1 :].strip(" .;,:!?…”\"'"):
                return c  # inside the sentence: leave the quote whole
            cut = c.quote[:i].rstrip()
            return replace(c, quote=cut, end=c.start + len(cut))
    return c


def locate(doc_text: str, citation: Citation) -> tuple[int, int] | None:
    """Where the citation's quote is in the document: its offsets, else the quote's first match."""
    if citation.quote and doc_text[citation.start : citation.end] == citation.quote:
        return citation.start, citation.end
    at = doc_text.find(citation.quote) if citation.quote else -1
    return (at, at + len(citation.quote)) if at >= 0 else None


def citation_line(c: Citation, numbered: bool = True, lang: str = "vi") -> str:
    """'[1] Title — 27/08/2021 — file.pdf, trang 3' (plain text; the place in the file when
    the text has page or row markers)."""
    head = f"[{c.n}] " if numbered else ""
    where = f", {describe(c.location, lang)}" if c.location else ""
    return f"{head}{c.title} — {format_date(c.date, lang)} — {c.source}{where}"


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def answer_markdown(answer: Answer, lang: str = "vi") -> str:
    """The answer with its citations as Markdown, for pasting into a brief."""
    en = lang == "en"
    out = [f"**{'Question' if en else 'Câu hỏi'}:** {answer.question}"]
    if answer.resolved_question:
        label = "Understood as" if en else "Câu hỏi được hiểu là"
        out.append(f"*{label}:* {answer.resolved_question}")
    out += ["", answer.answer.strip(), ""]
    if answer.citations:
        out += [f"**{'Sources' if en else 'Nguồn trích dẫn'}:**", ""]
        for c in answer.citations:
            out += [citation_line(c, lang=lang), "", _quote_block(c.quote), ""]
    if answer.related:
        label = (
            "Related reading (for reference only, not citations)"
            if en
            else "Đoạn văn liên quan (chỉ để tham khảo, không phải trích dẫn)"
        )
        out += [f"**{label}:**", ""]
        for c in answer.related:
            out += [
                f"- {citation_line(c, numbered=False, lang=lang)}",
                "",
                _quote_block(c.quote),
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def answers_jsonl(report) -> str:
    """Every answer of an evaluation, one JSON object a line."""
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in report.results)
