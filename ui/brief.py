"""The "Soạn báo cáo" page: a conference brief for a place and a period, with downloads."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.brief import DEFAULT_INDICATORS
from assistant.brief_export import (
    brief_docx,
    brief_markdown,
    brief_title,
    cited_at,
    half,
    said,
    series_of,
    when,
)
from assistant.brief_words import Section
from base.lexicon import INDICATORS, indicator_label, tier_label, tier_rank
from base.settings import Settings
from ui.common import call
from ui.render import chart_locale, format_date, md_escape, readable_title, short_words, shown_md
from ui.text import lang, t


def _indicator_label(key: str) -> str:
    """An indicator's name in the interface language."""
    return indicator_label(key, lang())


def place_levels(facts) -> dict[str, list[str]]:
    """Each place the facts name, with its levels as people say them, widest first
    ({'Lạng Sơn': ['tỉnh'], 'Đình Lập': ['huyện', 'xã']})."""
    levels: dict[str, set[str]] = {}
    for f in facts:
        if f.place:
            levels.setdefault(f.place, set()).add(f.place_level)
    return {
        place: [
            tier_label(level, lang())
            for level in sorted(found, key=tier_rank, reverse=True)
            if tier_label(level)
        ]
        for place, found in sorted(levels.items())
    }


def place_option(place: str, levels: dict[str, list[str]]) -> str:
    """'Lạng Sơn (tỉnh)': a place of the list with its level."""
    named = levels.get(place)
    return f"{place} ({', '.join(named)})" if named else place


def _said(text: str) -> str:
    """A phrase the brief composed (a value, a change, how a figure was counted) in the
    interface language."""
    return said(text, lang())


def _when(p) -> str:
    return when(p, lang())


def _cite(brief, n: int) -> str:
    """'[3] Lạng Sơn phấn đấu mỗi năm có thêm 10 xã…': the number and the document's title
    (never its file name alone)."""
    c = brief.citation(n)
    return f"[{n}] {short_words(readable_title(c.title, c.source), 70)}"


def _file_stem(brief) -> str:
    """'bao-cao-ntm-Lạng-Sơn-2019-2021' ('ntm-brief-Lạng-Sơn-2019-2021' in English)."""
    en = lang() == "en"
    place = "-".join((brief.place or ("all" if en else "tat-ca")).split())
    name = "ntm-brief" if en else "bao-cao-ntm"
    return f"{name}-{place}-{brief.year_from or ''}-{brief.year_to or ''}".rstrip("-")


def brief_page(bot, settings: Settings) -> None:
    st.title(t("brief_title"))
    st.caption(t("brief_caption"))
    levels = call(lambda: place_levels(bot.facts())) or {}
    with st.form("brief_form"):
        place = st.selectbox(
            t("brief_place"),
            [t("brief_all_places")] + list(levels),
            key="brief_place",
            accept_new_options=True,
            format_func=lambda p: place_option(p, levels),
        )
        left, right = st.columns(2)
        # an empty year is no limit: said in words, never a year that looks filled in
        year_from = left.text_input(
            t("brief_from"), key="brief_from", placeholder=t("brief_from_empty")
        )
        year_to = right.text_input(t("brief_to"), key="brief_to", placeholder=t("brief_to_empty"))
        st.caption(t("brief_period_hint"))
        indicators = st.multiselect(
            t("brief_indicators"),
            list(INDICATORS),
            default=list(DEFAULT_INDICATORS),
            format_func=_indicator_label,
            key="brief_indicators",
        )
        submitted = st.form_submit_button(t("brief_make"), type="primary")
    if submitted:
        brief = call(
            bot.brief,
            place=None if place == t("brief_all_places") else place,
            year_from=year_from or None,
            year_to=year_to or None,
            indicators=indicators or None,
        )
        if brief is not None:
            st.session_state["brief"] = brief
    brief = st.session_state.get("brief")
    if brief is not None:
        show_brief(brief)


def _table(rows: list[dict]) -> None:
    """A table whose every cell wraps (a grid cuts long values and changes); its cells render
    Markdown, so each string is escaped."""
    st.table(
        [{k: shown_md(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows],
        border="horizontal",
    )


def show_brief(brief) -> None:
    st.subheader(md_escape(brief_title(brief, lang())), divider="green")
    if brief.empty:
        st.warning(md_escape(half(brief.empty_reason, lang())), icon=":material/info:")
        if brief.nearest_places:
            st.markdown(
                md_escape(t("brief_nearest_places", places=", ".join(brief.nearest_places)))
            )
        if brief.nearest_years:
            years = ", ".join(map(str, brief.nearest_years))
            st.markdown(md_escape(t("brief_nearest_years", years=years)))
        return
    stem = _file_stem(brief)
    left, right = st.columns(2)
    left.download_button(
        t("brief_download_docx"),
        brief_docx(brief, lang()),
        file_name=f"{stem}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/description:",
    )
    right.download_button(
        t("brief_download_md"),
        brief_markdown(brief, lang()).encode("utf-8"),
        file_name=f"{stem}.md",
        mime="text/markdown",
        icon=":material/article:",
    )
    st.markdown(f"**{t('brief_headline')}**")
    _table(
        [
            {
                t("brief_col_indicator"): _indicator_label(r.indicator),
                t("brief_col_place"): r.place or "—",
                t("brief_col_latest"): _said(r.latest.value),
                t("brief_col_as_of"): _when(r.latest),
                t("brief_col_change"): _said(r.change) or "—",
                t("brief_col_source"): f"[{r.latest.citation}]",
            }
            for r in brief.headline
        ]
    )
    for n, section in enumerate(Section, 2):
        st.markdown(f"**{md_escape(f'{n}. {section.heading(lang())}')}**")
        items = brief.words.of(section)
        if items:
            st.markdown("\n".join(f"- {md_escape(s.text)} [{s.citation}]" for s in items))
        else:
            st.caption(section.none_said(lang()))
    st.markdown(f"**{t('brief_timelines')}**")
    for key, points in brief.timelines.items():
        indicator, place = key.split("|", 1)
        rows = [
            {
                "date": pd.Timestamp(f"{p.as_of}-15"),
                "value": p.number,
                "text": _said(p.value),
                "when": _when(p),
                "source": _cite(brief, p.citation),
                "counted": _said(series_of(p)) or "—",
                "kind": _said(p.kind_label()),
            }
            for p in points
            if p.number is not None
        ]
        with st.expander(
            f"{_indicator_label(indicator)} — {shown_md(place)}", expanded=len(rows) > 1
        ):
            if len(rows) > 1:
                st.altair_chart(_timeline_chart(rows), width="stretch")
            _table(
                [
                    {
                        t("brief_col_as_of"): r["when"],
                        t("brief_col_value"): r["text"],
                        t("brief_col_counted"): r["kind"],
                        t("brief_col_source"): r["source"],
                    }
                    for r in rows
                ]
            )
    st.markdown(f"**{t('brief_conflicts')}**")
    if brief.conflicts:
        for c in brief.conflicts:
            values = "; ".join(f"{_said(p.value)} [{p.citation}]" for p in c.points)
            note = f" — {_said(c.note)}" if c.note else ""
            st.markdown(
                md_escape(f"{_indicator_label(c.indicator)}, {c.place}, {_when(c.points[0])}: ")
                + md_escape(values + note)
            )
    else:
        st.caption(t("brief_no_conflicts"))
    st.markdown(f"**{t('brief_targets')}**")
    if brief.targets:
        _table(
            [
                {
                    t("brief_col_indicator"): _indicator_label(x.target.indicator),
                    t("brief_col_kind"): _said(x.target.kind_label()),
                    t("brief_col_target"): f"{_said(x.target.value)} [{x.target.citation}]",
                    t("brief_col_as_of"): _when(x.target),
                    t("brief_col_result"): (
                        f"{_said(x.result.value)} [{x.result.citation}] ({_when(x.result)})"
                        if x.result
                        else _said(x.why_none) or "—"
                    ),
                }
                for x in brief.targets
            ]
        )
    else:
        st.caption(t("brief_no_targets"))
    if brief.decisions or brief.people:
        st.markdown(f"**{t('brief_people')}**")
        for m in brief.decisions + brief.people:
            text = _said(m.text) if m in brief.decisions else m.text  # '…, 12/8/2011' in English
            st.markdown("- " + md_escape(f"{text}{', ' + m.role if m.role else ''} [{m.citation}]"))
    st.markdown(f"**{t('brief_citations')}**")
    for c in brief.citations:
        title = readable_title(c.title, c.source)
        where = cited_at(c, lang())
        st.markdown(md_escape(f"[{c.n}] {title} — {format_date(c.date)} — {where}: “{c.quote}”"))


def _timeline_chart(rows: list[dict]) -> alt.Chart:
    """The values over time, one line per way of counting (before and after a merger apart),
    its axes, legend and tooltips in the interface language."""
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("counted:N", title=t("brief_col_counted")),
            tooltip=[
                alt.Tooltip("text:N", title=t("brief_col_value")),
                alt.Tooltip("when:N", title=t("brief_col_as_of")),
                alt.Tooltip("source:N", title=t("brief_col_source")),
            ],
        )
        .configure(locale=chart_locale())
    )
