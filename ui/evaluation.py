"""The "Đánh giá" page: run a question set and read the report."""

from __future__ import annotations

import math
import re
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from assistant.evaluate import direct_answer
from assistant.export import answers_jsonl
from base.settings import Settings
from ingest.uploads import safe_filename
from ui.auth import current
from ui.common import EVAL_DIR, attempt, call, sticky_radio
from ui.render import (
    chart_locale,
    esc,
    format_ms,
    format_number,
    format_percent,
    md_escape,
    short,
    shown_md,
)
from ui.text import lang, t

DEFAULT_QUESTION_SET = "questions.jsonl"


def bundled_question_sets() -> list[Path]:
    sets = sorted(EVAL_DIR.glob("*.jsonl"), key=lambda p: (p.name != DEFAULT_QUESTION_SET, p.name))
    return [p for p in sets if p.is_file()]


def pct(x: float) -> str:
    return format_percent(x)


def bar(x: float, width: int = 10) -> str:
    """A share as a text bar: '██████░░░░'."""
    full = round(max(0.0, min(1.0, x)) * width)
    return "█" * full + "░" * (width - full)


# The usual tags of a question set, in both languages (other tags are shown as written).
TAGS = {
    "numeric": ("số liệu", "numeric"),
    "person": ("người", "person"),
    "place": ("địa danh", "place"),
    "date": ("thời điểm", "date"),
    "when": ("thời điểm", "when"),
    "list": ("danh sách", "list"),
    "decision": ("quyết định", "decision"),
    "unanswerable": ("không có đáp án", "unanswerable"),
    "no-diacritics": ("không dấu", "no diacritics"),
    "english": ("tiếng Anh", "English"),
    "province": ("tỉnh", "province"),
    "district": ("huyện", "district"),
    "commune": ("xã", "commune"),
    "timeline": ("theo thời gian", "timeline"),
    "target": ("mục tiêu", "target"),
    "follow-up": ("hỏi nối tiếp", "follow-up"),
    "multi-doc": ("nhiều tài liệu", "multi-document"),
    "entity": ("tên riêng", "name"),
    "percent": ("tỷ lệ phần trăm", "percentage"),
    "near-duplicate": ("tài liệu gần trùng", "near-duplicate documents"),
    "ratio": ("tỷ số", "ratio"),
    "money": ("tiền", "money"),
    "summary": ("tóm tắt", "summary"),
}

# Why an answer was scored wrong, as assistant.evaluate words it (Vietnamese, an English
# gloss in brackets) -> the interface language; a pattern the evaluation quotes is kept.
FAILURES = (
    (r"lẽ ra phải từ chối trả lời", ("lẽ ra phải từ chối trả lời", "should have abstained")),
    (r"đã từ chối trả lời", ("đã từ chối trả lời", "abstained")),
    (
        r"thiếu (?P<x>.+?) trong câu trả lời trực tiếp \(direct answer\)",
        ("thiếu {x} trong câu trả lời trực tiếp", "{x} missing from the direct answer"),
    ),
    (r"thiếu (?P<x>.+)", ("thiếu {x}", "{x} missing")),
    (
        r"không trích dẫn tài liệu đúng",
        ("không trích dẫn tài liệu đúng", "did not cite the expected document"),
    ),
)
_GLOSS = re.compile(r"^(?P<vi>[^()]+?) \((?P<en>[A-Za-z][^()]*)\)(?P<rest>.*)$", re.S)


def failure_label(reason: str) -> str:
    """Why an answer was scored wrong, in the interface language: 'thiếu '65' trong câu trả
    lời trực tiếp' or "'65' missing from the direct answer"; a message written as
    'tiếng Việt (English): chi tiết' gives the interface's half and its detail."""
    en = lang() == "en"
    for pattern, words in FAILURES:
        m = re.fullmatch(pattern, reason, re.S)
        if m:
            return words[1 if en else 0].format(**m.groupdict())
    m = _GLOSS.match(reason)
    if m:
        return (m["en"] if en else m["vi"]) + m["rest"]
    return reason


def tag_label(tag: str) -> str:
    names = TAGS.get(tag)
    return tag if names is None else names[1 if lang() == "en" else 0]


def show_report(name: str, report) -> None:
    s = report.summary()
    st.subheader(md_escape(t("eval_result_for", name=name)), divider="green")
    r1 = st.columns(4)
    r1[0].metric(
        t("m_accuracy"),
        pct(s["accuracy"]),
        f"{s['correct']}/{s['questions']} · "
        + t("m_accuracy_old", v=pct(s["accuracy_whole_text"])),
        help=t("m_accuracy_help"),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    r1[1].metric(t("m_hit1"), pct(s["retrieval"]["hit@1"]), help=t("m_hit1_help"), border=True)
    r1[2].metric(t("m_hit5"), pct(s["retrieval"]["hit@5"]), help=t("m_hit5_help"), border=True)
    r1[3].metric(
        t("m_mrr"), format_number(s["retrieval"]["mrr"], 2), help=t("m_mrr_help"), border=True
    )
    r2 = st.columns(4)
    r2[0].metric(
        t("m_abst_p"), pct(s["abstention"]["precision"]), help=t("m_abst_p_help"), border=True
    )
    r2[1].metric(
        t("m_abst_r"), pct(s["abstention"]["recall"]), help=t("m_abst_r_help"), border=True
    )
    r2[2].metric(
        t("m_lat_med"),
        format_ms(s["latency_ms"]["median"]),
        f"p95 {format_ms(s['latency_ms']['p95'])}",
        help=t("m_lat_help"),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    r2[3].metric(
        t("m_verbatim"), pct(s["citations_verbatim"]), help=t("m_verbatim_help"), border=True
    )
    # the jargon in words, on the page (a tooltip is easy to miss)
    st.caption(t("m_glossary_text"))
    if s["unscored"]:
        lines = "\n".join(f"- {md_escape(line)}" for line in s["unscored"])
        st.warning(
            f"{md_escape(t('eval_unscored', n=len(s['unscored'])))}\n\n{lines}",
            icon=":material/timer_off:",
        )

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**{t('per_tag')}**")
        # a table of strings: numbers as the interface language writes them ('66,7%')
        st.table(
            [
                {
                    t("col_tag"): shown_md(tag_label(tag)),
                    t("col_correct"): v["correct"],
                    t("col_total"): v["total"],
                    t("col_accuracy"): f"{pct(v['accuracy'])} {bar(v['accuracy'])}",
                }
                for tag, v in s["per_tag"].items()
            ],
            border="horizontal",
        )
    with right:
        st.markdown(f"**{t('latency_chart')}**")
        latencies = pd.DataFrame(
            {
                "id": [r.question.id for r in report.results],
                "ms": [
                    r.answer.timings_ms.get("total_ms", 0.0) if r.answer else 0.0
                    for r in report.results
                ],
            }
        )
        chart = (  # numbers on the axis as the interface language writes them ('4.000')
            alt.Chart(latencies, height=260)
            .mark_bar(color="#2e7d32")
            .encode(
                x=alt.X("id:N", title=None, sort=None),
                y=alt.Y("ms:Q", title="ms"),
                tooltip=[
                    alt.Tooltip("id:N", title=t("col_id")),
                    alt.Tooltip("ms:Q", title="ms", format=",.0f"),
                ],
            )
            .configure(locale=chart_locale())
        )
        st.altair_chart(chart, width="stretch")

    st.markdown(f"**{t('reliability')}**")
    st.table(
        [
            {
                t("col_min_conf"): format_number(row["min_confidence"], 1),
                t("col_answers"): row["answers"],
                t("col_precision"): "—" if row["precision"] is None else pct(row["precision"]),
            }
            for row in s["reliability"]
        ],
        border="horizontal",
    )
    failed = [r for r in report.results if not r.correct]
    st.markdown(f"**{t('failed_header', n=len(failed))}**")
    if not failed:
        st.success(t("no_failures"), icon=":material/celebration:")
    for r in failed:
        why = failure_label(r.failure or r.error or "")
        label = md_escape(f"{r.question.id} — {short(r.question.question, 80)} — {why}")
        with st.expander(label, icon=":material/cancel:"):
            expected = r.question.answer if r.question.answerable else t("unanswerable")
            given = r.answer.answer if r.answer else (r.error or "")
            st.html(
                f"<p><b>{esc(t('question'))}:</b> {esc(r.question.question)}</p>"
                f"<p><b>{esc(t('failure'))}:</b> {esc(why)}</p>"
                f"<p><b>{esc(t('expected'))}:</b></p><div class='ntm-fail'>{esc(expected)}</div>"
                f"<p><b>{esc(t('given'))}:</b></p><div class='ntm-fail'>{esc(given)}</div>"
            )
    with st.expander(t("all_results"), icon=":material/content_copy:"):
        st.dataframe(
            [
                {
                    t("col_id"): r.question.id,
                    t("col_ok"): r.correct,
                    t("question"): r.question.question,
                    t("given"): direct_answer(r.answer) if r.answer else (r.error or ""),
                    t("failure"): failure_label(r.failure) if r.failure else "",
                    t("col_ms"): round(r.answer.timings_ms.get("total_ms", 0.0)) if r.answer else 0,
                }
                for r in report.results
            ],
            hide_index=True,
            width="stretch",
        )
    if report.problems:
        with st.expander(f"{t('malformed')} ({len(report.problems)})", icon=":material/error:"):
            st.text("\n".join(str(p) for p in report.problems))

    from assistant.evaluate import render_html, render_markdown

    stem = Path(name).stem
    downloads = (
        ("dl_answers", answers_jsonl(report), "answers.jsonl", "application/jsonl", "dl-answers"),
        ("dl_report", render_html(report), "report.html", "text/html", "dl-report"),
        ("dl_report_md", render_markdown(report), "report.md", "text/markdown", "dl-report-md"),
    )
    with st.container(horizontal=True):
        for label, data, suffix, mime, key in downloads:
            st.download_button(
                t(label),
                data,
                f"{stem}-{suffix}",
                mime=mime,
                icon=":material/download:",
                on_click="ignore",
                key=key,
            )


def _too_long_for_a_visitor(count: int, settings: Settings) -> str | None:
    """Why this set may not be run here: an anonymous visitor of an app open to the network
    (no users configured) runs at most ``NTM_ANONYMOUS_EVAL_QUESTIONS`` questions at once."""
    if current().mode != "exposed" or count <= settings.anonymous_eval_questions:
        return None
    return t("eval_anonymous_limit", n=count, most=settings.anonymous_eval_questions)


def _refused(count: int, settings: Settings) -> bool:
    """Checked again when the button is pressed: a disabled button is not a guard."""
    reason = _too_long_for_a_visitor(count, settings)
    if reason:
        st.error(reason, icon=":material/block:")
    return bool(reason)


def evaluation_page(bot, settings: Settings) -> None:
    from assistant.evaluate import (
        MATCH_TIMEOUT_S,
        MAX_PATTERN_CHARS,
        MAX_PATTERNS,
        MAX_QUESTIONS,
        parse_questions,
        run_eval,
    )

    st.title(t("eval_title"))
    st.caption(t("eval_caption"))
    metas = call(bot.documents)
    if metas is None:
        return
    source = sticky_radio(
        t("qset_source"),
        ("bundled", "upload"),
        {"bundled": t("qset_bundled"), "upload": t("qset_upload")},
        "qset_source",
        horizontal=True,
    )
    raw, name = None, None
    if source == "bundled":
        sets = bundled_question_sets()
        if not sets:
            st.info(t("qset_none"))
        else:
            path = st.selectbox(
                t("qset_pick"), sets, format_func=lambda p: f"eval/{p.name}", key="qset_pick"
            )
            raw, error = attempt(path.read_bytes)
            name = f"eval/{path.name}"
            if error:
                st.error(md_escape(error), icon=":material/error:")
    else:
        up = st.file_uploader(
            t("qset_uploader"),
            help=t(
                "qset_limits",
                questions=MAX_QUESTIONS,
                patterns=MAX_PATTERNS,
                chars=MAX_PATTERN_CHARS,
                seconds=format_number(MATCH_TIMEOUT_S, 2),
            ),
            key="qset_upload",
            max_upload_size=max(1, math.ceil(settings.upload_max_mb)),
        )
        if up is not None:
            name = safe_filename(up.name)
            if up.size > settings.upload_max_mb * 1024 * 1024:
                st.error(
                    md_escape(
                        t(
                            "qset_too_big",
                            name=name,
                            size=f"{up.size / 1048576:.1f}",
                            mb=f"{settings.upload_max_mb:g}",
                        )
                    ),
                    icon=":material/error:",
                )
            else:
                raw = up.getvalue()
    if raw is None:
        return
    parsed = call(parse_questions, raw, name)
    if parsed is None:
        return
    questions, problems = parsed
    st.caption(md_escape(t("qset_loaded", n=len(questions), name=name)))
    if problems:
        with st.expander(t("qset_problems", n=len(problems)), icon=":material/error:"):
            st.text("\n".join(str(p) for p in problems))
    if not metas:
        st.warning(t("eval_needs_docs"), icon=":material/inbox:")
    too_long = _too_long_for_a_visitor(len(questions), settings)
    if too_long:
        st.warning(too_long, icon=":material/lock:")
    if st.button(
        t("eval_run"),
        type="primary",
        icon=":material/play_arrow:",
        disabled=not (metas and questions) or bool(too_long),
    ) and not _refused(len(questions), settings):
        bar = st.progress(0.0, text=t("eval_progress", done=0, total=len(questions), qid="…"))

        def tick(done: int, total: int, qid: str) -> None:
            bar.progress(
                done / total, text=md_escape(t("eval_progress", done=done, total=total, qid=qid))
            )

        report = call(run_eval, bot, questions, progress=tick)
        if report is not None:
            report.problems = problems
            st.session_state["eval"] = (name, report)
        bar.empty()
    if "eval" in st.session_state:
        show_report(*st.session_state["eval"])
