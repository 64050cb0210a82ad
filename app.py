"""NTM Assistant — the Streamlit front end over the :class:`assistant.Assistant` API.

Run it (the Makefile ingests ``documents/`` first)::

    ntm ingest documents
    streamlit run app.py

This file is the entry point and the navigation; each page lives in its own module of ``ui/``:
"Hỏi đáp" (``ui/chat.py``: questions with numbered citations), "Soạn báo cáo" (``ui/brief.py``:
a conference brief for a place and period, downloadable as Word or Markdown), "Tài liệu" (``ui/documents.py``:
upload, list, delete, re-index, the change log), "Đánh giá" (``ui/evaluation.py``: run a
question set) and, for admins, "Người dùng" (``ui/users.py``). Who may change what is decided
in ``ui/auth.py`` (sign-in, roles). The
words on screen are in ``ui/text.py``, pure rendering in ``ui/render.py``. One
:class:`Assistant` (model and Chroma client) is loaded per process and shared by every session;
it is made ready (model loaded, index read) before the first question, with visible steps.

Safety: text that comes from a document, an upload or a user is always escaped before it
reaches ``st.html``/``st.markdown``; file names from the browser are never used as paths.
"""

from __future__ import annotations

import logging

import streamlit as st

from assistant.users import MANAGE_USERS
from base.errors import AssistantError
from ui.auth import Identity, sidebar_status, sign_in
from ui.brief import brief_page
from ui.chat import chat_page
from ui.common import attempt, get_assistant, sticky_radio, wait_until_ready
from ui.documents import documents_page
from ui.evaluation import evaluation_page
from ui.render import CSS, md_escape, page_css
from ui.text import t
from ui.users import users_page

log = logging.getLogger(__name__)

PAGES = {
    "chat": chat_page,
    "brief": brief_page,
    "documents": documents_page,
    "evaluation": evaluation_page,
    "users": users_page,  # admins only
}


def sidebar(bot, identity: Identity) -> str:
    """The language switch, the page picker, who is signed in and the index's size; returns
    the page's key."""
    pages = tuple(p for p in PAGES if p != "users" or identity.can(MANAGE_USERS))
    with st.sidebar:
        st.markdown("## :material/eco: NTM Assistant")
        st.caption(t("tagline"))
        st.toggle(t("english"), key="lang_en")
        if "page" not in st.session_state:
            wanted = st.query_params.get("page")
            st.session_state["page"] = wanted if wanted in pages else pages[0]
        page = sticky_radio(
            t("nav"),
            pages,
            {p: t(f"page_{p}") for p in pages},
            "page",
            label_visibility="collapsed",
        )
        st.query_params["page"] = page
        metas, _ = attempt(bot.documents)
        if metas is not None:
            st.caption(t("index_stats", docs=len(metas), chunks=sum(m.chunk_count for m in metas)))
        st.caption(t("no_llm") if bot.rewriter is None else t("with_llm"))
        sidebar_status(identity)
    return page


def main() -> None:
    st.set_page_config(page_title="NTM Assistant", page_icon=":material/eco:", layout="wide")
    try:
        bot, settings = get_assistant()
    except AssistantError as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        st.stop()
    except Exception:  # noqa: BLE001
        log.exception("could not start the assistant")
        st.error(t("unexpected"), icon=":material/error:")
        st.stop()
    st.html(CSS + page_css(settings))
    identity = sign_in(settings)
    page = sidebar(bot, identity)
    wait_until_ready(bot)
    PAGES[page](bot, settings)


if __name__ == "__main__":
    main()
