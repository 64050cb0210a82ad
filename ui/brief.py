"""The "Soạn báo cáo" page: a conference brief for a place and a period, with downloads."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.brief import DEFAULT_INDICATORS
from assistant.brief_export import brief_docx, brief_markdown, brief_title, series_of
from assistant.brief_words import Section
from base.lexicon import INDICATORS, indicator_label, tier_label, tier_rank
from base.settings import Settings
from ui.common import call
from ui.render import md_escape, shown_md
from ui.text import lang, t


def _indicator_label(key: str) -> str:
    return indicator_label(key)


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


def _when(p) -> str:
    return p.time_text or f"{int(p.as_of[5:7])}/{p.as_of[:4]}"


def _file_stem(brief) -> str:
    place = "-".join((brief.place or "tat-ca").split())
    return f"bao-cao-ntm-{place}-{brief.year_from or ''}-{brief.year_to or ''}".rstrip("-")


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


def show_brief(brief) -> None:
    title = brief_title(brief)
    st.subheader(md_escape(title), divider="green")
    if brief.empty:
        st.warning(md_escape(brief.empty_reason), icon=":material/info:")
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
        brief_docx(brief),
        file_name=f"{stem}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/description:",
    )
    right.download_button(
        t("brief_download_md"),
        brief_markdown(brief).encode("utf-8"),
        file_name=f"{stem}.md",
        mime="text/markdown",
        icon=":material/article:",
    )
    st.markdown(f"**{t('brief_headline')}**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("brief_col_indicator"): r.label,
                    t("brief_col_place"): r.place or "—",
                    t("brief_col_latest"): r.latest.value,
                    t("brief_col_as_of"): _when(r.latest),
                    t("brief_col_change"): r.change or "—",
                    t("brief_col_source"): f"[{r.latest.citation}]",
                }
                for r in brief.headline
            ]
        ),
        hide_index=True,
    )
    for section, key in (
        (Section.HIGHLIGHTS, "highlights"),
        (Section.LIMITS, "limits"),
        (Section.TASKS, "tasks"),
    ):
        st.markdown(f"**{t('brief_' + key)}**")
        said = brief.words.of(section)
        if said:
            st.markdown("\n".join(f"- {md_escape(s.text)} [{s.citation}]" for s in said))
        else:
            st.caption(t("brief_no_" + key))
    st.markdown(f"**{t('brief_timelines')}**")
    for key, points in brief.timelines.items():
        indicator, place = key.split("|", 1)
        rows = [
            {
                "date": pd.Timestamp(f"{p.as_of}-15"),
                "value": p.number,
                "text": p.value,
                "when": _when(p),
                "source": f"[{p.citation}] {brief.citation(p.citation).source}",
                "counted": series_of(p) or "—",
                "kind": p.kind_label(),
            }
            for p in points
            if p.number is not None
        ]
        with st.expander(
            f"{_indicator_label(indicator)} — {shown_md(place)}", expanded=len(rows) > 1
        ):
            if len(rows) > 1:
                chart = (
                    alt.Chart(pd.DataFrame(rows))
                    .mark_line(point=True)
                    .encode(
                        x=alt.X("date:T", title=None),
                        y=alt.Y("value:Q", title=None),
                        # one line per series: a merger's two counts, or a part of the
                        # place, are never joined to the whole
                        color=alt.Color("counted:N", title=None),
                        tooltip=["text", "when", "source"],
                    )
                )
                st.altair_chart(chart, use_container_width=True)
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            t("brief_col_as_of"): r["when"],
                            t("brief_col_value"): r["text"],
                            t("brief_col_counted"): r["kind"],
                            t("brief_col_source"): r["source"],
                        }
                        for r in rows
                    ]
                ),
                hide_index=True,
            )
    st.markdown(f"**{t('brief_conflicts')}**")
    if brief.conflicts:
        for c in brief.conflicts:
            values = "; ".join(f"{p.value} [{p.citation}]" for p in c.points)
            note = f" — {c.note}" if c.note else ""
            st.markdown(
                md_escape(f"{_indicator_label(c.indicator)}, {c.place}, {_when(c.points[0])}: ")
                + md_escape(values + note)
            )
    else:
        st.caption(t("brief_no_conflicts"))
    st.markdown(f"**{t('brief_targets')}**")
    if brief.targets:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("brief_col_indicator"): _indicator_label(x.target.indicator),
                        t("brief_col_kind"): x.target.kind_label(),
                        t("brief_col_target"): f"{x.target.value} [{x.target.citation}]",
                        t("brief_col_as_of"): _when(x.target),
                        t("brief_col_result"): (
                            f"{x.result.value} [{x.result.citation}] ({_when(x.result)})"
                            if x.result
                            else x.why_none or "—"
                        ),
                    }
                    for x in brief.targets
                ]
            ),
            hide_index=True,
        )
    else:
        st.caption(t("brief_no_targets"))
    if brief.decisions or brief.people:
        st.markdown(f"**{t('brief_people')}**")
        for m in brief.decisions + brief.people:
            st.markdown(
                "- " + md_escape(f"{m.text}{', ' + m.role if m.role else ''} [{m.citation}]")
            )
    st.markdown(f"**{t('brief_citations')}**")
    for c in brief.citations:
        st.markdown(
            md_escape(f"[{c.n}] {c.source} — {c.title} ({c.date or t('no_date')}): “{c.quote}”")
        )
