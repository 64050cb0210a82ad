"""A brief (``assistant.brief``) as Markdown, as a Word document, and its timeline charts.

The charts are drawn with matplotlib's Agg backend (no browser, no display). Every figure in
either format carries its citation number; the numbered quotes and the sources follow.

Usage::

    write_brief(brief, Path("bao-cao.docx"))   # or .md
    text = brief_markdown(brief)
"""

from __future__ import annotations

import io
from pathlib import Path

from assistant.brief import Brief, Point, TargetRow
from assistant.brief_words import Section
from base.errors import QuestionError
from base.lexicon import indicator_label
from base.text import markdown_literal
from base.types import Citation

_label = indicator_label


def _kind(p: Point) -> str:
    """The kind of a point as a reader sees it: 'tổng', 'trong đó', 'tổng, sau sáp nhập, trên
    181 xã', 'tăng thêm mỗi năm', 'mức đạt, riêng xã biên giới'…"""
    return p.kind_label()


def _result(t: TargetRow) -> str:
    """A target's result cell: the value with its [n] and time, or why there is none."""
    if t.result is None:
        return t.why_none or "chưa có"
    return f"{t.result.value} [{t.result.citation}] ({_when(t.result)})"


def brief_header(brief: Brief) -> str:
    """The line under the title: when, where, the period and the indicators by name."""
    return (
        f"Lập lúc {brief.made_at} · địa bàn: {brief.place or 'tất cả'} · thời kỳ: "
        f"{brief.period_label()} · chỉ tiêu: {', '.join(map(_label, brief.indicators))}"
    )


def series_of(p: Point) -> str:
    """Which line of its timeline's chart a point is on: figures of one part of the place,
    counted one way ('' for the only one)."""
    return ", ".join(x for x in (f"riêng {p.group}" if p.group else "", p.series or p.counted) if x)


def _when(p: Point) -> str:
    if p.time_text:
        return p.time_text
    return f"{int(p.as_of[5:7])}/{p.as_of[:4]}" if len(p.as_of) >= 7 else p.as_of


def brief_title(brief: Brief) -> str:
    return f"Báo cáo số liệu nông thôn mới: {brief.place or 'toàn bộ tài liệu'}, {brief.period_label()}"


def _where(c: Citation) -> str:
    """'bao-cao.pdf, trang 3': the source and, when known, the place in it."""
    return _md_line(f"{c.source}, {c.location}" if c.location else c.source)


def _md_line(text: str) -> str:
    """Text from a document on one Markdown line: its line breaks as spaces, escaped so that
    it shows as text (no link, image or HTML of a title or quote comes alive)."""
    return markdown_literal(" ".join(text.split()))


def _md_cell(text: str) -> str:
    return _md_line(text)  # '|' is escaped too


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown, Vietnamese headings, every figure with its [n]."""
    out = [f"# {_md_line(brief_title(brief))}", ""]
    out.append(_md_line(brief_header(brief)))
    out.append("")
    if brief.empty:
        out += ["## Không có số liệu", "", _md_line(brief.empty_reason), ""]
        if brief.nearest_places:
            places = _md_line(", ".join(brief.nearest_places))
            out.append(f"Địa bàn gần nhất có số liệu: {places}.")
        if brief.nearest_years:
            out.append(f"Các năm có số liệu: {', '.join(map(str, brief.nearest_years))}.")
        return "\n".join(out).rstrip() + "\n"
    out += ["## 1. Số liệu chính", ""]
    out += [
        "| Chỉ tiêu | Địa bàn | Giá trị mới nhất | Thời điểm | Thay đổi | Nguồn |",
        "|---|---|---|---|---|---|",
    ]
    for row in brief.headline:
        p = row.latest
        out.append(
            f"| {_md_cell(row.label)} | {_md_cell(row.place or '—')} | {_md_cell(p.value)} "
            f"| {_md_cell(_when(p))} | {_md_cell(row.change or '—')} | [{p.citation}] |"
        )
    for number, section in enumerate(Section, 2):
        out += ["", f"## {number}. {section.value}", ""]
        said = brief.words.of(section)
        out += [f"- {_md_line(s.text)} [{s.citation}]" for s in said] or [section.none_said]
    out += ["", "## 5. Diễn biến theo thời gian", ""]
    for key, points in brief.timelines.items():
        indicator, place = key.split("|", 1)
        label = next(
            r.label for r in brief.headline if r.indicator == indicator and r.place == place
        )
        out += [f"### {_md_line(label)} — {_md_line(place or 'không rõ địa bàn')}", ""]
        out += ["| Thời điểm | Giá trị | Loại | Nguồn |", "|---|---|---|---|"]
        for p in points:
            out.append(
                f"| {_md_cell(_when(p))} | {_md_cell(p.value)} | {_kind(p)} | [{p.citation}] |"
            )
        out.append("")
    out += ["## 6. Số liệu khác nhau giữa các nguồn", ""]
    if brief.conflicts:
        for c in brief.conflicts:
            values = "; ".join(f"{_md_line(p.value)} [{p.citation}]" for p in c.points)
            label = _label(c.indicator)
            note = f" — {_md_line(c.note)}" if c.note else ""
            out.append(
                f"- {label}, {_md_line(c.place or '—')}, {_md_line(_when(c.points[0]))}: "
                f"{values}{note}"
            )
    else:
        out.append("Không có số liệu nào mâu thuẫn giữa các nguồn.")
    out += ["", "## 7. Mục tiêu và kết quả", ""]
    if brief.targets:
        out += [
            "| Chỉ tiêu | Loại | Mục tiêu | Thời hạn | Kết quả cùng loại mới nhất |",
            "|---|---|---|---|---|",
        ]
        for t in brief.targets:
            out.append(
                f"| {_md_cell(_label(t.target.indicator))} | {_md_cell(_kind(t.target))} "
                f"| {_md_cell(t.target.value)} [{t.target.citation}] "
                f"| {_md_cell(_when(t.target))} | {_md_cell(_result(t))} |"
            )
    else:
        out.append("Không có mục tiêu nào trong thời kỳ này.")
    out += ["", "## 8. Quyết định và người chủ trì, phát biểu", ""]
    for m in brief.decisions:
        role = f": {_md_line(m.role)}" if m.role else ""
        out.append(f"- {_md_line(m.text)}{role} [{m.citation}]")
    for m in brief.people:
        out.append(f"- {_md_line(m.text)}, {_md_line(m.role)} [{m.citation}]")
    if not brief.decisions and not brief.people:
        out.append("Các tài liệu đã dùng không nêu quyết định hay người chủ trì.")
    out += ["", "## 9. Trích dẫn", ""]
    for c in brief.citations:
        out.append(
            f"[{c.n}] {_where(c)} — {_md_line(c.title)} ({c.date or 'không rõ ngày'}): "
            f"“{_md_line(c.quote)}”"
        )
    out += ["", "## 10. Tài liệu đã dùng", ""]
    for i, (source, title, date) in enumerate(brief.sources, 1):
        out.append(f"{i}. {_md_line(source)} — {_md_line(title)} ({date or 'không rõ ngày'})")
    out.append("")
    if brief.undated:
        out.append(f"{brief.undated} số liệu không rõ thời điểm không được đưa vào báo cáo.")
    return "\n".join(out).rstrip() + "\n"


_COLOURS = ("#2e7d32", "#b26a00", "#1565c0", "#6a1b9a")


def timeline_chart(brief: Brief, key: str) -> bytes | None:
    """A PNG line chart of one timeline (value against date, each point labelled [n]); None
    when it has fewer than two numeric points."""
    points = [p for p in brief.timelines.get(key, []) if p.number is not None and p.kind != "part"]
    if len(points) < 2:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    xs = [int(p.as_of[:4]) + (int(p.as_of[5:7]) - 0.5) / 12 for p in points]
    ys = [p.number for p in points]
    fig, ax = plt.subplots(figsize=(6.4, 2.8), dpi=110)
    try:
        # one line per series (figures of one part of the place counted one way): never one
        # line across a merger or from a part of the place to the whole
        lines: dict[str, list[tuple[float, float]]] = {}
        for x, y, p in zip(xs, ys, points, strict=True):
            lines.setdefault(series_of(p), []).append((x, y))
        for (name, xy), colour in zip(lines.items(), _COLOURS * len(lines), strict=False):
            ax.plot(*zip(*xy, strict=True), marker="o", color=colour, label=name or "—")
        if len(lines) > 1:
            ax.legend(fontsize=7, loc="best")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        for x, y, p in zip(xs, ys, points, strict=True):
            ax.annotate(
                f"[{p.citation}]",
                (x, y),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
        indicator, place = key.split("|", 1)
        label = next(
            r.label for r in brief.headline if r.indicator == indicator and r.place == place
        )
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


def brief_docx(brief: Brief) -> bytes:
    """The brief as a Word document (python-docx): headings, tables, charts, numbered sources."""
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(brief_title(brief), level=1)
    doc.add_paragraph(brief_header(brief))
    if brief.empty:
        doc.add_heading("Không có số liệu", level=2)
        doc.add_paragraph(brief.empty_reason)
        if brief.nearest_places:
            doc.add_paragraph(f"Địa bàn gần nhất có số liệu: {', '.join(brief.nearest_places)}.")
        if brief.nearest_years:
            doc.add_paragraph(f"Các năm có số liệu: {', '.join(map(str, brief.nearest_years))}.")
        return _saved(doc)

    def table(header: list[str], rows: list[list[str]]) -> None:
        t = doc.add_table(rows=1, cols=len(header))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    doc.add_heading("1. Số liệu chính", level=2)
    table(
        ["Chỉ tiêu", "Địa bàn", "Giá trị mới nhất", "Thời điểm", "Thay đổi", "Nguồn"],
        [
            [
                r.label,
                r.place or "—",
                r.latest.value,
                _when(r.latest),
                r.change or "—",
                f"[{r.latest.citation}]",
            ]
            for r in brief.headline
        ],
    )
    for number, section in enumerate(Section, 2):
        doc.add_heading(f"{number}. {section.value}", level=2)
        for said in brief.words.of(section):
            doc.add_paragraph(f"{said.text} [{said.citation}]", style="List Bullet")
        if not brief.words.of(section):
            doc.add_paragraph(section.none_said)
    doc.add_heading("5. Diễn biến theo thời gian", level=2)
    for key, points in brief.timelines.items():
        indicator, place = key.split("|", 1)
        label = next(
            r.label for r in brief.headline if r.indicator == indicator and r.place == place
        )
        doc.add_heading(f"{label} — {place or 'không rõ địa bàn'}", level=3)
        chart = timeline_chart(brief, key)
        if chart:
            doc.add_picture(io.BytesIO(chart), width=Inches(6))
        table(
            ["Thời điểm", "Giá trị", "Loại", "Nguồn"],
            [
                [
                    _when(p),
                    p.value,
                    _kind(p),
                    f"[{p.citation}]",
                ]
                for p in points
            ],
        )
    doc.add_heading("6. Số liệu khác nhau giữa các nguồn", level=2)
    if brief.conflicts:
        table(
            ["Chỉ tiêu", "Địa bàn", "Thời điểm", "Các giá trị", "Ghi chú"],
            [
                [
                    _label(c.indicator),
                    c.place or "—",
                    _when(c.points[0]),
                    "; ".join(f"{p.value} [{p.citation}]" for p in c.points),
                    c.note or "—",
                ]
                for c in brief.conflicts
            ],
        )
    else:
        doc.add_paragraph("Không có số liệu nào mâu thuẫn giữa các nguồn.")
    doc.add_heading("7. Mục tiêu và kết quả", level=2)
    if brief.targets:
        table(
            ["Chỉ tiêu", "Loại", "Mục tiêu", "Thời hạn", "Kết quả cùng loại mới nhất"],
            [
                [
                    _label(t.target.indicator),
                    _kind(t.target),
                    f"{t.target.value} [{t.target.citation}]",
                    _when(t.target),
                    _result(t),
                ]
                for t in brief.targets
            ],
        )
    else:
        doc.add_paragraph("Không có mục tiêu nào trong thời kỳ này.")
    doc.add_heading("8. Quyết định và người chủ trì, phát biểu", level=2)
    for m in brief.decisions:
        doc.add_paragraph(
            f"{m.text}{': ' + m.role if m.role else ''} [{m.citation}]", style="List Bullet"
        )
    for m in brief.people:
        doc.add_paragraph(f"{m.text}, {m.role} [{m.citation}]", style="List Bullet")
    if not brief.decisions and not brief.people:
        doc.add_paragraph("Các tài liệu đã dùng không nêu quyết định hay người chủ trì.")
    doc.add_heading("9. Trích dẫn", level=2)
    for c in brief.citations:
        doc.add_paragraph(
            f"[{c.n}] {_where(c)} — {c.title} ({c.date or 'không rõ ngày'}): “{c.quote}”"
        )
    doc.add_heading("10. Tài liệu đã dùng", level=2)
    for source, title, date in brief.sources:
        doc.add_paragraph(f"{source} — {title} ({date or 'không rõ ngày'})", style="List Number")
    if brief.undated:
        doc.add_paragraph(f"{brief.undated} số liệu không rõ thời điểm không được đưa vào báo cáo.")
    return _saved(doc)


def _saved(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def write_brief(brief: Brief, path: Path) -> Path:
    """Write the brief to ``path``: Word for .docx, Markdown for .md."""
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".md"):
        raise QuestionError(
            f"Không ghi được '{path.name}': chỉ hỗ trợ .docx và .md. (Only .docx and .md.)"
        )
    if not path.parent.is_dir():
        raise QuestionError(
            f"Thư mục '{path.parent}' không có; tạo nó trước. (No such folder: {path.parent}.)"
        )
    data = brief_docx(brief) if suffix == ".docx" else brief_markdown(brief).encode("utf-8")
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)  # a crash never leaves half a document under the name asked for
    return path
