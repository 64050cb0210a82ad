"""A brief (``assistant.brief``) as Markdown, as a Word document, and its timeline charts, in
Vietnamese or in English.

The charts are drawn with matplotlib's Agg backend (no browser, no display). Every figure in
either format carries its citation number; the numbered quotes and the sources follow. In
English (``lang="en"``) every heading, table header, label, unit and number format is English
('65 communes', '13.15 criteria', 'up 1.61'); the documents' own words (quotes, the items of
the sections in words, titles, names, decisions' clauses) stay as they are written.

Usage::

    write_brief(brief, Path("bao-cao.docx"))   # or .md
    text = brief_markdown(brief)
    text = brief_markdown(brief, lang="en")    # the same brief for English readers
"""

from __future__ import annotations

import io
import re
from functools import partial
from pathlib import Path

from assistant.answering.wording import check_lang, english, number
from assistant.brief import Brief, Point, TargetRow
from assistant.brief_words import Section
from base.errors import QuestionError
from base.lexicon import indicator_label
from base.locations import describe
from base.text import markdown_literal
from base.types import Citation

# The brief's words (Vietnamese, English): its headings, table headers and labels, in the
# downloads and on the app's brief page (``ui.text`` takes them from here).
WORDS: dict[str, tuple[str, str]] = {
    "heading": (
        "Báo cáo số liệu nông thôn mới: {place}, {period}",
        "NTM figures: {place}, {period}",
    ),
    "all_documents": ("toàn bộ tài liệu", "all documents"),
    "header": (
        "Lập lúc {made} · địa bàn: {place} · thời kỳ: {period} · chỉ tiêu: {indicators}",
        "Made {made} · place: {place} · period: {period} · indicators: {indicators}",
    ),
    "every_place": ("tất cả", "all"),
    "empty": ("Không có số liệu", "No figures"),
    "nearest_places": (
        "Địa bàn gần nhất có số liệu: {places}.",
        "Nearest places with figures: {places}.",
    ),
    "nearest_years": ("Các năm có số liệu: {years}.", "Years with figures: {years}."),
    "headline": ("1. Số liệu chính", "1. Headline figures"),
    "timelines": ("5. Diễn biến theo thời gian", "5. Timelines"),
    "conflicts": ("6. Số liệu khác nhau giữa các nguồn", "6. Sources that disagree"),
    "no_conflicts": (
        "Không có số liệu nào mâu thuẫn giữa các nguồn.",
        "No figures conflict between sources.",
    ),
    "targets": ("7. Mục tiêu và kết quả", "7. Targets against results"),
    "no_targets": ("Không có mục tiêu nào trong thời kỳ này.", "No targets in this period."),
    "people": ("8. Quyết định và người chủ trì, phát biểu", "8. Decisions and people"),
    "no_people": (
        "Các tài liệu đã dùng không nêu quyết định hay người chủ trì.",
        "The documents used name no decision and no one who chaired or spoke.",
    ),
    "citations": ("9. Trích dẫn", "9. Citations"),
    "sources": ("10. Tài liệu đã dùng", "10. Documents used"),
    "undated": (
        "{n} số liệu không rõ thời điểm không được đưa vào báo cáo.",
        "{n} figures whose time is not stated were left out of the brief.",
    ),
    "undated_one": (
        "1 số liệu không rõ thời điểm không được đưa vào báo cáo.",
        "1 figure whose time is not stated was left out of the brief.",
    ),
    "no_place": ("không rõ địa bàn", "place unknown"),
    "no_date": ("không rõ ngày", "date unknown"),
    "none_yet": ("chưa có", "none yet"),
    "col_indicator": ("Chỉ tiêu", "Indicator"),
    "col_place": ("Địa bàn", "Place"),
    "col_latest": ("Giá trị mới nhất", "Latest value"),
    "col_as_of": ("Thời điểm", "As of"),
    "col_change": ("Thay đổi", "Change"),
    "col_source": ("Nguồn", "Source"),
    "col_value": ("Giá trị", "Value"),
    "col_values": ("Các giá trị", "Values"),
    "col_note": ("Ghi chú", "Note"),
    "col_kind": ("Loại", "Kind"),
    "col_target": ("Mục tiêu", "Target"),
    "col_deadline": ("Thời hạn", "Deadline"),
    "col_result": ("Kết quả cùng loại mới nhất", "Latest result of the same kind"),
}


def word(key: str, lang: str = "vi", **fields: object) -> str:
    """The brief's word ``key`` in ``lang``, its ``{fields}`` filled in."""
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**fields) if fields else text


def said(text: str, lang: str = "vi") -> str:
    """A phrase the brief composed (a value, a change, how a figure was counted) in ``lang``:
    as written in Vietnamese; in English with English units, numbers and words."""
    return english(text) if lang == "en" and text else text


_VIETNAMESE = re.compile(r"(?i)[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def when(p: Point, lang: str = "vi") -> str:
    """When a figure holds: the source's words ('tháng 8/2021'), else its month ('8/2021');
    in English the month whenever the source's words say more than a time ('Tính đến thời
    điểm này')."""
    month = f"{int(p.as_of[5:7])}/{p.as_of[:4]}" if len(p.as_of) >= 7 else p.as_of
    if lang != "en":
        return p.time_text or month
    words = said(p.time_text or month, lang)
    return month if _VIETNAMESE.search(words) else words


def half(message: str, lang: str) -> str:
    """'Tiếng Việt. (English.)' -> the half in ``lang``; a message in one language as it is."""
    vi, sep, en = message.partition(" (")
    if not sep or not en.endswith(")"):
        return message
    return en[:-1] if lang == "en" else vi


def _kind(p: Point, lang: str) -> str:
    """The kind of a point as a reader sees it: 'tổng', 'trong đó', 'tổng, sau sáp nhập, trên
    181 xã', 'tăng thêm mỗi năm', 'mức đạt, riêng xã biên giới'…"""
    return said(p.kind_label(), lang)


def _result(t: TargetRow, lang: str) -> str:
    """A target's result cell: the value with its [n] and time, or why there is none."""
    if t.result is None:
        return said(t.why_none, lang) or word("none_yet", lang)
    return f"{said(t.result.value, lang)} [{t.result.citation}] ({when(t.result, lang)})"


def _undated(brief: Brief, lang: str) -> str:
    """How many figures were left out for want of a time."""
    if brief.undated == 1:
        return word("undated_one", lang)
    return word("undated", lang, n=brief.undated)


def _label(key: str, lang: str) -> str:
    return indicator_label(key, lang)


def brief_header(brief: Brief, lang: str = "vi") -> str:
    """The line under the title: when, where, the period and the indicators by name."""
    return word(
        "header",
        lang,
        made=brief.made_at,
        place=brief.place or word("every_place", lang),
        period=brief.period_label(lang),
        indicators=", ".join(_label(k, lang) for k in brief.indicators),
    )


def series_of(p: Point) -> str:
    """Which line of its timeline's chart a point is on: figures of one part of the place,
    counted one way ('' for the only one)."""
    return ", ".join(x for x in (f"riêng {p.group}" if p.group else "", p.series or p.counted) if x)


def brief_title(brief: Brief, lang: str = "vi") -> str:
    return word(
        "heading",
        lang,
        place=brief.place or word("all_documents", lang),
        period=brief.period_label(lang),
    )


def cited_at(c: Citation, lang: str = "vi") -> str:
    """'bao-cao.pdf, trang 3' ('…, page 3'): the source and, when known, the place in it."""
    return f"{c.source}, {describe(c.location, lang)}" if c.location else c.source


def _where(c: Citation, lang: str) -> str:
    return _md_line(cited_at(c, lang))


def _md_line(text: str) -> str:
    """Text from a document on one Markdown line: its line breaks as spaces, escaped so that
    it shows as text (no link, image or HTML of a title or quote comes alive)."""
    return markdown_literal(" ".join(text.split()))


def _md_cell(text: str) -> str:
    return _md_line(text)  # '|' is escaped too


def _row_label(key: str, lang: str) -> tuple[str, str]:
    """A timeline's indicator (by name) and place."""
    indicator, place = key.split("|", 1)
    return _label(indicator, lang), place


def brief_markdown(brief: Brief, lang: str = "vi") -> str:
    """The brief as Markdown, headings in ``lang``, every figure with its [n]."""
    lang = check_lang(lang) or "vi"
    w = partial(word, lang=lang)
    out = [f"# {_md_line(brief_title(brief, lang))}", ""]
    out.append(_md_line(brief_header(brief, lang)))
    out.append("")
    if brief.empty:
        reason = brief.empty_reason if lang == "vi" else half(brief.empty_reason, lang)
        out += [f"## {w('empty')}", "", _md_line(reason), ""]
        if brief.nearest_places:
            out.append(w("nearest_places", places=_md_line(", ".join(brief.nearest_places))))
        if brief.nearest_years:
            out.append(w("nearest_years", years=", ".join(map(str, brief.nearest_years))))
        return "\n".join(out).rstrip() + "\n"
    out += [f"## {w('headline')}", ""]
    columns = ("col_indicator", "col_place", "col_latest", "col_as_of", "col_change", "col_source")
    out += ["| " + " | ".join(w(c) for c in columns) + " |", "|---|---|---|---|---|---|"]
    for row in brief.headline:
        p = row.latest
        out.append(
            f"| {_md_cell(_label(row.indicator, lang))} | {_md_cell(row.place or '—')} "
            f"| {_md_cell(said(p.value, lang))} | {_md_cell(when(p, lang))} "
            f"| {_md_cell(said(row.change, lang) or '—')} | [{p.citation}] |"
        )
    for n, section in enumerate(Section, 2):
        out += ["", f"## {n}. {section.heading(lang)}", ""]
        items = brief.words.of(section)
        out += [f"- {_md_line(s.text)} [{s.citation}]" for s in items] or [section.none_said(lang)]
    out += ["", f"## {w('timelines')}", ""]
    for key, points in brief.timelines.items():
        label, place = _row_label(key, lang)
        out += [f"### {_md_line(label)} — {_md_line(place or w('no_place'))}", ""]
        columns = ("col_as_of", "col_value", "col_kind", "col_source")
        out += ["| " + " | ".join(w(c) for c in columns) + " |", "|---|---|---|---|"]
        for p in points:
            out.append(
                f"| {_md_cell(when(p, lang))} | {_md_cell(said(p.value, lang))} "
                f"| {_kind(p, lang)} | [{p.citation}] |"
            )
        out.append("")
    out += [f"## {w('conflicts')}", ""]
    if brief.conflicts:
        for c in brief.conflicts:
            values = "; ".join(f"{_md_line(said(p.value, lang))} [{p.citation}]" for p in c.points)
            note = f" — {_md_line(said(c.note, lang))}" if c.note else ""
            out.append(
                f"- {_label(c.indicator, lang)}, {_md_line(c.place or '—')}, "
                f"{_md_line(when(c.points[0], lang))}: {values}{note}"
            )
    else:
        out.append(w("no_conflicts"))
    out += ["", f"## {w('targets')}", ""]
    if brief.targets:
        columns = ("col_indicator", "col_kind", "col_target", "col_deadline", "col_result")
        out += ["| " + " | ".join(w(c) for c in columns) + " |", "|---|---|---|---|---|"]
        for t in brief.targets:
            out.append(
                f"| {_md_cell(_label(t.target.indicator, lang))} | {_md_cell(_kind(t.target, lang))} "
                f"| {_md_cell(said(t.target.value, lang))} [{t.target.citation}] "
                f"| {_md_cell(when(t.target, lang))} | {_md_cell(_result(t, lang))} |"
            )
    else:
        out.append(w("no_targets"))
    out += ["", f"## {w('people')}", ""]
    for m in brief.decisions:
        role = f": {_md_line(m.role)}" if m.role else ""
        out.append(f"- {_md_line(said(m.text, lang))}{role} [{m.citation}]")
    for m in brief.people:
        out.append(f"- {_md_line(m.text)}, {_md_line(m.role)} [{m.citation}]")
    if not brief.decisions and not brief.people:
        out.append(w("no_people"))
    out += ["", f"## {w('citations')}", ""]
    for c in brief.citations:
        out.append(
            f"[{c.n}] {_where(c, lang)} — {_md_line(c.title)} ({c.date or w('no_date')}): "
            f"“{_md_line(c.quote)}”"
        )
    out += ["", f"## {w('sources')}", ""]
    for i, (source, title, date) in enumerate(brief.sources, 1):
        out.append(f"{i}. {_md_line(source)} — {_md_line(title)} ({date or w('no_date')})")
    out.append("")
    if brief.undated:
        out.append(_undated(brief, lang))
    return "\n".join(out).rstrip() + "\n"


_COLOURS = ("#2e7d32", "#b26a00", "#1565c0", "#6a1b9a")


def _tick(value: float, lang: str) -> str:
    """A value axis' number as ``lang`` writes it: '12,5' and '4.000' ('12.5', '4,000')."""
    decimals = 0 if float(value).is_integer() else len(f"{value:g}".partition(".")[2])
    return number(value, min(decimals, 2), lang)


def timeline_chart(brief: Brief, key: str, lang: str = "vi") -> bytes | None:
    """A PNG line chart of one timeline (value against date, each point labelled [n]), its
    title, legend and numbers in ``lang``; None when it has fewer than two numeric points."""
    points = [p for p in brief.timelines.get(key, []) if p.number is not None and p.kind != "part"]
    if len(points) < 2:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    xs = [int(p.as_of[:4]) + (int(p.as_of[5:7]) - 0.5) / 12 for p in points]
    ys = [p.number for p in points]
    fig, ax = plt.subplots(figsize=(6.4, 2.8), dpi=110)
    try:
        # one line per series (figures of one part of the place counted one way): never one
        # line across a merger or from a part of the place to the whole
        lines: dict[str, list[tuple[float, float]]] = {}
        for x, y, p in zip(xs, ys, points, strict=True):
            lines.setdefault(said(series_of(p), lang), []).append((x, y))
        for (name, xy), colour in zip(lines.items(), _COLOURS * len(lines), strict=False):
            ax.plot(*zip(*xy, strict=True), marker="o", color=colour, label=name or "—")
        if len(lines) > 1:
            ax.legend(fontsize=7, loc="best")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _tick(value, lang)))
        for x, y, p in zip(xs, ys, points, strict=True):
            ax.annotate(
                f"[{p.citation}]",
                (x, y),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
        label, place = _row_label(key, lang)
        ax.set_title(f"{label} — {place}", fontsize=10)
        ax.grid(alpha=0.3)
        ax.ticklabel_format(useOffset=False, style="plain", axis="x")
        ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)


def brief_docx(brief: Brief, lang: str = "vi") -> bytes:
    """The brief as a Word document (python-docx): headings, tables, charts, numbered sources,
    in ``lang``."""
    from docx import Document
    from docx.shared import Inches, Pt

    lang = check_lang(lang) or "vi"
    w = partial(word, lang=lang)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(brief_title(brief, lang), level=1)
    doc.add_paragraph(brief_header(brief, lang))
    if brief.empty:
        doc.add_heading(w("empty"), level=2)
        doc.add_paragraph(brief.empty_reason if lang == "vi" else half(brief.empty_reason, lang))
        if brief.nearest_places:
            doc.add_paragraph(w("nearest_places", places=", ".join(brief.nearest_places)))
        if brief.nearest_years:
            doc.add_paragraph(w("nearest_years", years=", ".join(map(str, brief.nearest_years))))
        return _saved(doc)

    def table(columns: tuple[str, ...], rows: list[list[str]]) -> None:
        t = doc.add_table(rows=1, cols=len(columns))
        t.style = "Table Grid"
        for cell, key in zip(t.rows[0].cells, columns, strict=True):
            cell.text = w(key)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    doc.add_heading(w("headline"), level=2)
    table(
        ("col_indicator", "col_place", "col_latest", "col_as_of", "col_change", "col_source"),
        [
            [
                _label(r.indicator, lang),
                r.place or "—",
                said(r.latest.value, lang),
                when(r.latest, lang),
                said(r.change, lang) or "—",
                f"[{r.latest.citation}]",
            ]
            for r in brief.headline
        ],
    )
    for n, section in enumerate(Section, 2):
        doc.add_heading(f"{n}. {section.heading(lang)}", level=2)
        for item in brief.words.of(section):
            doc.add_paragraph(f"{item.text} [{item.citation}]", style="List Bullet")
        if not brief.words.of(section):
            doc.add_paragraph(section.none_said(lang))
    doc.add_heading(w("timelines"), level=2)
    for key, points in brief.timelines.items():
        label, place = _row_label(key, lang)
        doc.add_heading(f"{label} — {place or w('no_place')}", level=3)
        chart = timeline_chart(brief, key, lang)
        if chart:
            doc.add_picture(io.BytesIO(chart), width=Inches(6))
        table(
            ("col_as_of", "col_value", "col_kind", "col_source"),
            [
                [when(p, lang), said(p.value, lang), _kind(p, lang), f"[{p.citation}]"]
                for p in points
            ],
        )
    doc.add_heading(w("conflicts"), level=2)
    if brief.conflicts:
        table(
            ("col_indicator", "col_place", "col_as_of", "col_values", "col_note"),
            [
                [
                    _label(c.indicator, lang),
                    c.place or "—",
                    when(c.points[0], lang),
                    "; ".join(f"{said(p.value, lang)} [{p.citation}]" for p in c.points),
                    said(c.note, lang) or "—",
                ]
                for c in brief.conflicts
            ],
        )
    else:
        doc.add_paragraph(w("no_conflicts"))
    doc.add_heading(w("targets"), level=2)
    if brief.targets:
        table(
            ("col_indicator", "col_kind", "col_target", "col_deadline", "col_result"),
            [
                [
                    _label(t.target.indicator, lang),
                    _kind(t.target, lang),
                    f"{said(t.target.value, lang)} [{t.target.citation}]",
                    when(t.target, lang),
                    _result(t, lang),
                ]
                for t in brief.targets
            ],
        )
    else:
        doc.add_paragraph(w("no_targets"))
    doc.add_heading(w("people"), level=2)
    for m in brief.decisions:
        doc.add_paragraph(
            f"{said(m.text, lang)}{': ' + m.role if m.role else ''} [{m.citation}]",
            style="List Bullet",
        )
    for m in brief.people:
        doc.add_paragraph(f"{m.text}, {m.role} [{m.citation}]", style="List Bullet")
    if not brief.decisions and not brief.people:
        doc.add_paragraph(w("no_people"))
    doc.add_heading(w("citations"), level=2)
    for c in brief.citations:
        doc.add_paragraph(
            f"[{c.n}] {_where(c, lang)} — {c.title} ({c.date or w('no_date')}): “{c.quote}”"
        )
    doc.add_heading(w("sources"), level=2)
    for source, title, date in brief.sources:
        doc.add_paragraph(f"{source} — {title} ({date or w('no_date')})", style="List Number")
    if brief.undated:
        doc.add_paragraph(_undated(brief, lang))
    return _saved(doc)


def _saved(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def write_brief(brief: Brief, path: Path, lang: str = "vi") -> Path:
    """Write the brief to ``path`` in ``lang``: Word for .docx, Markdown for .md."""
    lang = check_lang(lang) or "vi"
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".md"):
        raise QuestionError(
            f"Không ghi được '{path.name}': chỉ hỗ trợ .docx và .md. (Only .docx and .md.)"
        )
    if not path.parent.is_dir():
        raise QuestionError(
            f"Thư mục '{path.parent}' không có; tạo nó trước. (No such folder: {path.parent}.)"
        )
    data = brief_docx(brief, lang) if suffix == ".docx" else brief_markdown(brief, lang)
    data = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a crash never leaves half a document under the name asked for
    return path
