"""The "Hỏi đáp" page: questions with numbered citations, follow-ups, filters."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from base.settings import Settings
from base.types import Answer, DocumentMeta, SearchFilter
from ui.common import (
    AVATARS,
    DocCache,
    attempt,
    call,
    offer_bundled_ingest,
    open_document,
    render_citation,
)
from ui.render import (
    answer_download,
    answer_html,
    citation_cards,
    esc,
    filter_options,
    format_ms,
    md_escape,
    present,
    readable_title,
    short,
    shown,
)
from ui.text import lang, t

EXAMPLE_QUESTIONS = {
    "vi": (
        "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?",
        "Thôn nào của xã Minh Quang đạt 9/9 tiêu chí thôn NTM kiểu mẫu?",
        "Năm 2021 Lạng Sơn có bao nhiêu xã phấn đấu đạt chuẩn nông thôn mới?",
    ),
    "en": (
        "How many communes in Dinh Lap district have met the NTM standard?",
        "Who chaired the conference on 27 August 2021?",
        "How many communes did Lang Son aim to bring to the NTM standard in 2021?",
    ),
}


def sidebar_filters(metas: Sequence[DocumentMeta]) -> SearchFilter:
    options = filter_options(metas)
    titles = {m.source: m.title for m in metas}
    with st.sidebar:
        st.subheader(t("filters"), divider="green")
        st.caption(t("filters_caption"))
        for key, values in (
            ("f_sources", options["sources"]),
            ("f_provinces", options["provinces"]),
            ("f_districts", options["districts"]),
            ("f_years", options["years"]),
        ):  # a document deleted meanwhile must not leave a stale choice behind
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in values]
        anything = t("filter_any")
        sources = st.multiselect(
            t("filter_docs"),
            options["sources"],
            key="f_sources",
            format_func=lambda s: short(shown(f"{readable_title(titles.get(s, s), s)} ({s})"), 60),
            placeholder=anything,
        )
        provinces = st.multiselect(
            t("filter_provinces"), options["provinces"], key="f_provinces", placeholder=anything
        )
        districts = st.multiselect(
            t("filter_districts"), options["districts"], key="f_districts", placeholder=anything
        )
        years = st.multiselect(
            t("filter_years"), options["years"], key="f_years", placeholder=anything
        )
    return SearchFilter(
        sources=tuple(sources),
        provinces=tuple(provinces),
        districts=tuple(districts),
        years=tuple(int(y) for y in years),
    )


def describe_filter(flt: SearchFilter) -> str:
    parts = []
    if flt.sources:
        parts.append(f"{t('filter_docs')}: {len(flt.sources)}")
    if flt.provinces:
        parts.append(f"{t('filter_provinces')}: {', '.join(flt.provinces)}")
    if flt.districts:
        parts.append(f"{t('filter_districts')}: {', '.join(flt.districts)}")
    if flt.years:
        parts.append(f"{t('filter_years')}: {', '.join(map(str, flt.years))}")
    return " · ".join(parts)


def render_answer(bot, answer: Answer, index: int, docs: DocCache) -> None:
    answer = present(answer)
    if answer.resolved_question:
        st.caption(md_escape(t("resolved", q=answer.resolved_question)))
    for flag in ("llm_rejected", "llm_error"):
        if answer.timings_ms.get(flag):
            st.caption(t(flag))
    st.html(answer_html(answer.answer, answer.abstained))
    opened = None
    if answer.citations:
        st.markdown(f"**{t('citations')}**")
        for card in citation_cards(answer.citations, docs.text):
            opened = render_citation(card, docs, key=f"open-{index}-c{card[0].n}") or opened
    if answer.related:
        # collapsed, and labelled as not an answer: the refusal above stays in view, and no
        # figure of a passage that does not answer the question is taken for the answer
        with st.expander(
            t("related", n=len(answer.related)), expanded=False, icon=":material/link:"
        ):
            st.caption(t("related_note"))
            for i, c in enumerate(answer.related):
                opened = render_citation(c, docs, key=f"open-{index}-r{i}", related=True) or opened
    markdown = answer_download(answer, lang())
    with st.container(horizontal=True, vertical_alignment="center"):
        st.download_button(
            t("download_md"),
            markdown,
            file_name=f"ntm-tra-loi-{index + 1}.md",
            mime="text/markdown",
            key=f"dl-{index}",
            icon=":material/download:",
            on_click="ignore",
        )
        with st.popover(t("copy_md"), icon=":material/content_copy:", key=f"copy-{index}"):
            st.caption(t("copy_help"))
            st.code(markdown, language="markdown", wrap_lines=True)
        total = answer.timings_ms.get("total_ms")
        if total is not None:
            st.caption(t("latency", time=format_ms(total)))
    if opened is not None:
        open_document(bot, opened.source, opened.quote, opened.start, opened.end)


def render_user(text: str) -> None:
    st.html(f'<div class="ntm-user">{esc(text)}</div>')


def chat_page(bot, settings: Settings) -> None:
    st.title(t("chat_title"))
    st.caption(t("chat_caption"))
    metas = call(bot.documents)
    if metas is None:
        return
    flt = sidebar_filters(metas)
    with st.sidebar:
        if st.button(t("clear_chat"), icon=":material/delete_sweep:", width="stretch"):
            st.session_state["messages"] = []
    messages: list[dict] = st.session_state.setdefault("messages", [])
    if not metas:
        offer_bundled_ingest(bot, key="ingest-bundled-chat")
    if flt:
        st.caption(md_escape(t("filters_active", what=describe_filter(flt))))

    docs = DocCache(bot)
    for i, message in enumerate(messages):
        with st.chat_message(message["role"], avatar=AVATARS[message["role"]]):
            if message["role"] == "user":
                render_user(message["content"])
            elif message.get("answer") is not None:
                render_answer(bot, message["answer"], i, docs)
            else:
                st.error(md_escape(message.get("error", "")), icon=":material/error:")

    question = st.chat_input(
        t("chat_placeholder"), max_chars=settings.max_question_chars, disabled=not metas
    )
    if not messages and metas and not question and "pending_question" not in st.session_state:
        st.markdown(t("chat_empty"))
        with st.container(horizontal=True):
            for n, example in enumerate(EXAMPLE_QUESTIONS[lang()]):
                if st.button(example, key=f"example-{n}", icon=":material/lightbulb:"):
                    st.session_state["pending_question"] = example
                    st.rerun()
    question = question or st.session_state.pop("pending_question", None)
    if not question:
        return
    history = [
        m["content"]
        for m, reply in zip(messages, messages[1:], strict=False)
        if m["role"] == "user" and reply.get("answer") is not None
    ]
    messages.append({"role": "user", "content": question})
    with st.chat_message("user", avatar=AVATARS["user"]):
        render_user(question)
    with st.chat_message("assistant", avatar=AVATARS["assistant"]):
        draft = st.empty()  # the language model's rewrite as it streams, when one is configured
        pieces: list[str] = []

        def show_draft(piece: str) -> None:
            pieces.append(piece)
            with draft.container():
                st.caption(t("llm_drafting"))
                st.markdown(md_escape("".join(pieces)))

        progress = st.empty()  # the stages while the answer is made; gone once it is shown
        with progress.status(t("thinking"), expanded=False) as status:

            def stage(name: str) -> None:  # tìm kiếm, đọc tài liệu, soạn câu trả lời
                status.update(label=t(f"stage_{name}"))

            answer, error = attempt(
                bot.ask,
                question,
                history=history,
                filters=flt or None,
                on_token=show_draft if bot.rewriter is not None else None,
                lang=lang(),
                progress=stage,
            )
        draft.empty()
        progress.empty()  # the answer (or the error) says the rest
        if error:
            messages.append({"role": "assistant", "error": error})
            st.error(md_escape(error), icon=":material/error:")
        else:
            messages.append({"role": "assistant", "answer": answer})
            render_answer(bot, answer, len(messages) - 1, docs)
