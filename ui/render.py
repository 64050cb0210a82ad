"""Pure rendering helpers of the app: escaped HTML and Markdown, dates, durations, styles.

Nothing here calls Streamlit widgets; the helpers are unit-tested without a running app. Text
that comes from a document, an upload or a user is always escaped before it reaches
``st.html``/``st.markdown``.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from assistant.export import answer_markdown, locate, paragraph_bounds, tidy_quote
from assistant.export import format_date as _format_date
from base.locations import describe
from base.settings import Settings
from base.text import fold, markdown_literal, printable
from base.types import Answer, Citation, DocumentMeta
from ui.text import lang, t

PASSAGE_ID = "ntm-passage"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:])")
# Streamlit's Markdown turns bare addresses into links after escapes are read ("http\://x" is
# still one): an invisible word joiner after the scheme or "www", and before an e-mail's "@",
# leaves the text as it reads and makes no link of it
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|www)(?=\\[:.])|(?<=\w)(?=@\w)")


def esc(text: object) -> str:
    """HTML-escaped text: whatever it holds is shown as text, never run or rendered."""
    return html.escape(str(text), quote=True)


def md_escape(text: object) -> str:
    """Text safe inside ``st.markdown`` and widget labels: no HTML, no Markdown syntax, no
    address made a link."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))
    return _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, escaped)


def shown(text: object) -> str:
    """A string that came from a document or a file (a title, a file name, a place) as plain
    text shows it: control characters written out (``\\n``, ``\\x1b``), so that one line
    stays one line. For plain-text places: select options, data grids, ``st.text``."""
    return printable(str(text))


def shown_md(text: object) -> str:
    """The same string for a place that renders Markdown (``st.markdown``, ``st.caption``,
    ``st.table`` cells, labels, expanders): escaped, so that ``![b](http://…)``, ``[x](…)``,
    ``:red[…]`` and HTML show literally, fetch nothing and link nowhere."""
    return md_escape(shown(text))


def format_date(iso: str | None) -> str:
    """'2021-08-27' -> '27/08/2021'; no date says so in the interface language."""
    return _format_date(iso) if iso else t("no_date")


def highlight(text: str, start: int, end: int, mark_id: str | None = None) -> str:
    """Escaped ``text`` with ``text[start:end]`` wrapped in ``<mark>``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    ident = f' id="{esc(mark_id)}"' if mark_id else ""
    return f"{esc(text[:start])}<mark{ident}>{esc(text[start:end])}</mark>{esc(text[end:])}"


def passage_html(doc_text: str | None, citations: Citation | Sequence[Citation]) -> str:
    """The quotes highlighted inside their surrounding paragraph, escaped: one passage for
    every citation of that paragraph."""
    cites = [citations] if isinstance(citations, Citation) else list(citations)
    spans = [locate(doc_text, c) for c in cites] if doc_text else [None] * len(cites)
    if not cites or any(span is None for span in spans):
        marks = "".join(f"<mark>{esc(c.quote)}</mark>" for c in cites)
        return f'<div class="ntm-passage">{marks}</div>'
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    p0, p1 = paragraph_bounds(doc_text, lo, hi)
    before = "… " if p0 > 0 and doc_text[p0 - 1] != "\n" else ""
    after = " …" if p1 < len(doc_text) and doc_text[p1] != "\n" else ""
    body, at = [], p0
    for a, b in _merged(spans):
        body.append(f"{esc(doc_text[at:a])}<mark>{esc(doc_text[a:b])}</mark>")
        at = b
    body.append(esc(doc_text[at:p1]))
    return f'<div class="ntm-passage">{before}{"".join(body)}{after}</div>'


def _merged(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def citation_cards(citations: Sequence[Citation], text_of) -> list[tuple[Citation, ...]]:
    """The citations grouped into cards: one card per paragraph, however many of its
    sentences are cited, in the order of their first number. ``text_of(source)`` gives a
    document's text (None when it is gone)."""
    cards: dict[tuple, list[Citation]] = {}
    for c in citations:
        text = text_of(c.source)
        span = locate(text, c) if text else None
        key = (c.source, paragraph_bounds(text, *span, limit=10**9)) if span else (c.source, c.n)
        cards.setdefault(key, []).append(c)
    return [tuple(group) for group in cards.values()]


_HASHY = re.compile(r"(?i)^[\w.-]*[0-9a-f]{10,}[\w.-]*$")


def readable_title(title: str, source: str, text: str | None = None) -> str:
    """A document's title as people read it: its own title, or, when it has none but its
    file name (an article saved as '000_b1a6b20c5124416e.txt'), its first real line."""
    stem = Path(source).stem
    if title and title not in (stem, source) and not _HASHY.match(title):
        return title
    for line in (text or "").split("\n"):
        line = line.strip()
        if len(line.split()) >= 3 and sum(ch.isalpha() for ch in line) > len(line) / 2:
            return short_words(line, 120)
    return title or source


def short_words(text: str, limit: int) -> str:
    """``text`` cut at the last whole word within ``limit`` characters, with '…'."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def present(answer: Answer) -> Answer:
    """The answer as the app shows and downloads it: quotes without a bracket they do not
    open (an English frame has its figures in English already: ``Assistant.ask``)."""
    citations = tuple(tidy_quote(c) for c in answer.citations)
    related = tuple(tidy_quote(c) for c in answer.related)
    text = answer.answer
    for old, new in zip(answer.citations, citations, strict=True):
        if old.quote != new.quote:
            text = text.replace(f"“{old.quote}”", f"“{new.quote}”")
    return replace(answer, answer=text, citations=citations, related=related)


def document_html(doc_text: str, span: tuple[int, int] | None) -> str:
    """The whole document, escaped, with the passage marked by ``id="ntm-passage"``."""
    body = highlight(doc_text, *span, mark_id=PASSAGE_ID) if span else esc(doc_text)
    return f'<div class="ntm-doc" id="ntm-doc">{body}</div>'


def meta_html(date: str | None, source: str, location: str | None = None) -> str:
    """'27/08/2021 · file.pdf, trang 3', escaped: the date when the document has one, then the
    file name, smaller (the title, shown above it, is what people recognise), then the place in
    the file when the citation has one."""
    when = f"{esc(format_date(date))} · " if date else ""
    where = f'<span class="ntm-loc">, {esc(describe(location, lang()))}</span>' if location else ""
    return f'{when}<span class="ntm-src">{esc(shown(source))}</span>{where}'


def format_number(x: float, decimals: int = 1) -> str:
    """A number written as the interface language writes it: '100,0' in Vietnamese (decimal
    comma, '.' between thousands), '100.0' in English."""
    text = f"{x:,.{decimals}f}"
    if lang() == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(x: float, decimals: int = 1) -> str:
    """A share as a percentage: '66,7%' (Vietnamese) or '66.7%' (English)."""
    return f"{format_number(100 * x, decimals)}%"


def chart_locale() -> dict:
    """Vega's number and time locale for the interface language: a chart's axes say '4.000'
    and 'tháng 8' in Vietnamese, '4,000' and 'August' in English."""
    if lang() == "en":
        return {
            "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
            "time": {
                "dateTime": "%x, %X",
                "date": "%-m/%-d/%Y",
                "time": "%-I:%M:%S %p",
                "periods": ["AM", "PM"],
                "days": "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(),
                "shortDays": "Sun Mon Tue Wed Thu Fri Sat".split(),
                "months": (
                    "January February March April May June July August September October "
                    "November December"
                ).split(),
                "shortMonths": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
            },
        }
    return {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
        "time": {
            "dateTime": "%X, %d/%m/%Y",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["SA", "CH"],
            "days": [
                "Chủ nhật",
                "Thứ hai",
                "Thứ ba",
                "Thứ tư",
                "Thứ năm",
                "Thứ sáu",
                "Thứ bảy",
            ],
            "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
            "months": [f"tháng {m}" for m in range(1, 13)],
            "shortMonths": [f"th{m}" for m in range(1, 13)],
        },
    }


def format_ms(ms: float) -> str:
    return f"{format_number(ms, 0)} ms" if ms < 1000 else f"{format_number(ms / 1000)} s"


def answer_html(text: str, abstained: bool = False) -> str:
    """The answer text, escaped, with its ``[n]`` markers as superscript references; a
    refusal in its own box, so that it reads as the answer it is."""
    body = re.sub(r"\[(\d{1,3})\]", r'<sup class="ntm-ref">[\1]</sup>', esc(text))
    kind = "ntm-answer ntm-refusal" if abstained else "ntm-answer"
    return f'<div class="{kind}">{body}</div>'


def answer_download(answer: Answer, language: str) -> str:
    """The answer as the Markdown file people download or copy: what came from a document or
    a person (titles, file names, quotes, the answer's sentences, the question) escaped, so
    that opening the file fetches nothing and links nowhere."""

    def literal(c: Citation) -> Citation:
        return replace(
            c,
            title=markdown_literal(c.title),
            source=markdown_literal(c.source),
            quote=markdown_literal(c.quote),
        )

    safe = replace(
        answer,
        question=markdown_literal(answer.question),
        answer=markdown_literal(answer.answer),
        resolved_question=markdown_literal(answer.resolved_question)
        if answer.resolved_question
        else None,
        citations=tuple(map(literal, answer.citations)),
        related=tuple(map(literal, answer.related)),
    )
    return answer_markdown(safe, language)


def documents_rows(metas: Sequence[DocumentMeta]) -> list[dict]:
    """One row per document for the documents table."""
    return [  # st.table renders Markdown in its cells: every string escaped
        {
            t("col_title"): shown_md(m.title),
            t("col_date"): format_date(m.date) if m.date else "",
            t("col_provinces"): shown_md(", ".join(m.provinces)),
            t("col_districts"): shown_md(", ".join(m.districts)),
            t("col_chunks"): m.chunk_count,
            t("col_source"): shown_md(m.source),
        }
        for m in metas
    ]


def matches_document(meta: DocumentMeta, wanted: str) -> bool:
    """Whether a document's title or file name contains ``wanted`` (with or without
    diacritics, any case)."""
    wanted = fold(wanted or "").strip()
    return not wanted or wanted in fold(meta.title) or wanted in fold(meta.source)


def filter_options(metas: Sequence[DocumentMeta]) -> dict[str, list]:
    """The values the sidebar filters offer: sources, provinces, districts, years."""
    return {
        "sources": sorted(m.source for m in metas),
        "provinces": sorted({p for m in metas for p in m.provinces}),
        "districts": sorted({d for m in metas for d in m.districts}),
        "years": sorted({m.year for m in metas if m.year}, reverse=True),
    }


def short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
  font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: var(--ntm-browse); font-size: .875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: var(--ntm-drop); font-size: .875rem; }
.ntm-answer { white-space: pre-wrap; line-height: 1.65; font-size: 1.02rem; }
.ntm-refusal { background: #fff8e1; border-left: 4px solid #f0b429; padding: .6rem .9rem;
  border-radius: .35rem; }
.ntm-ref { color: #2e7d32; font-weight: 600; font-size: .72em; margin-left: 1px; }
.ntm-cite-head { font-weight: 600; line-height: 1.4; }
.ntm-badge { display: inline-block; min-width: 1.7em; text-align: center; border-radius: .6em;
  background: #2e7d32; color: #fff; font-size: .8em; padding: 0 .35em; margin-right: .35em; }
.ntm-badge.rel { background: #78909c; }
.ntm-meta { color: #6b7280; font-size: .85rem; margin: .1rem 0 .35rem 0; }
.ntm-passage { white-space: pre-wrap; line-height: 1.6; padding: .5rem .75rem;
  border-left: 3px solid #8bc34a; background: rgba(139, 195, 74, .08); border-radius: 4px; }
.ntm-passage mark, .ntm-doc mark { background: #fff176; color: inherit; padding: 0 2px;
  border-radius: 2px; }
.ntm-related .ntm-passage { border-left-color: #b0bec5; background: rgba(176, 190, 197, .10); }
.ntm-related .ntm-passage mark { background: #e3e8eb; }
.ntm-doc { white-space: pre-wrap; line-height: 1.65; max-height: 62vh; overflow-y: auto;
  padding: .75rem 1rem; border: 1px solid rgba(128, 128, 128, .3); border-radius: 6px; }
.ntm-doc mark { outline: 2px solid #f9a825; }
.ntm-user { white-space: pre-wrap; }
.ntm-src { font-size: .8rem; color: #8a8f98; }
.ntm-fail { white-space: pre-wrap; padding: .25rem .5rem; border-radius: 4px; margin-bottom: .75rem;
  background: rgba(128, 128, 128, .08); }
</style>
"""


def page_css(settings: Settings) -> str:
    """Vietnamese (or English) words for the file uploader's built-in English labels."""
    browse = json.dumps(t("browse"), ensure_ascii=False)
    drop = json.dumps(t("drop_here", mb=f"{settings.upload_max_mb:g}"), ensure_ascii=False)
    return f"<style>:root {{ --ntm-browse: {browse}; --ntm-drop: {drop}; }}</style>"


SCROLL_SCRIPT = """
<script>
(function () {
  let tries = 0;
  function go() {
    const mark = document.getElementById("ntm-passage");
    const box = document.getElementById("ntm-doc");
    if (mark && box) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
      box.dataset.scrolled = "1";
    } else if (tries++ < 50) {
      setTimeout(go, 100);
    }
  }
  go();
})();
</script>
"""


def short_hash(digest: str | None) -> str:
    """The first 12 hex digits of a sha256 (enough to tell files apart on screen)."""
    return digest[:12] if digest else "—"
