"""What the pages share: the one Assistant of the process, error handling, progress bars,
flash messages, the bundled-documents offer, and citation cards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.export import locate
from assistant.users import EDIT
from base.errors import AssistantError
from base.settings import Settings
from base.types import Citation, IngestReport, Rejection
from ingest.loaders import SUPPORTED_SUFFIXES
from ui.auth import current, require
from ui.render import (
    SCROLL_SCRIPT,
    document_html,
    esc,
    md_escape,
    meta_html,
    passage_html,
    readable_title,
    shown,
)
from ui.text import lang, t

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent

DOCUMENTS_DIR = ROOT / "documents"

EVAL_DIR = ROOT / "eval"

AVATARS = {"user": ":material/person:", "assistant": ":material/eco:"}


class Readiness:
    """How far the shared assistant's start-up has come: the model, then the index. The
    stage only ever names a step with an on-screen text (``starting_<stage>``); the end is
    ``done``, never a stage of its own, so a page that looks between the two never asks for
    a text that does not exist."""

    STAGES = ("model", "index")

    def __init__(self) -> None:
        self.stage = self.STAGES[0]
        self.done = threading.Event()
        self.error: str | None = None


@st.cache_resource(show_spinner=False)
def _shared_assistant(key: str, _settings: Settings):
    """One Assistant per process and settings: the model and Chroma client load once, in the
    background from the moment the app starts, so the first question is answered as fast as
    the tenth."""
    from assistant import Assistant

    bot = Assistant(_settings)
    ready = Readiness()

    def warm() -> None:
        try:
            if bot.documents():
                bot.embedder.warm_up()
                ready.stage = "index"
                bot.retriever.snapshot()
                _ = bot.answerer  # the scorer and the question analysis too
        except AssistantError as exc:
            ready.error = str(exc)
        except Exception:  # noqa: BLE001 - the first question reports any real problem
            log.warning("warm-up failed", exc_info=True)
        finally:
            ready.done.set()

    threading.Thread(target=warm, name="ntm-warm-up", daemon=True).start()
    return bot, ready


def get_assistant():
    settings = Settings.from_env()
    bot, _ = _shared_assistant(repr(settings), settings)
    return bot, settings


def wait_until_ready(bot) -> None:
    """Show the start-up steps ('Đang nạp mô hình…', 'Đang đọc chỉ mục…') until the shared
    assistant is ready; returns at once when it already is."""
    settings = bot.settings
    _, ready = _shared_assistant(repr(settings), settings)
    if ready.done.is_set():
        return
    box = st.empty()  # the steps while they run; nothing once the assistant is ready
    with box.status(t("starting"), expanded=True) as status:
        shown = None
        while not ready.done.wait(timeout=0.25):
            if ready.stage != shown:
                shown = ready.stage
                st.write(t(f"starting_{shown}"))
        if ready.error:
            status.update(label=t("start_failed"), state="error")
            st.error(md_escape(ready.error), icon=":material/error:")
            return
    box.empty()


def attempt(fn: Callable, *args, **kwargs) -> tuple[Any, str | None]:
    """(result, None) or (None, a message safe to show): never a stack trace on screen."""
    try:
        return fn(*args, **kwargs), None
    except AssistantError as exc:
        return None, str(exc)
    except Exception:  # noqa: BLE001 - show a clean message, log the details
        log.exception("unexpected error in %s", getattr(fn, "__name__", fn))
        return None, t("unexpected")


def call(fn: Callable, *args, **kwargs) -> Any:
    """Run an API call; on failure show the message with ``st.error`` and return None."""
    result, error = attempt(fn, *args, **kwargs)
    if error:
        st.error(md_escape(error), icon=":material/error:")
    return result


def progress_callback(bar, key: str) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, what: str) -> None:
        share = done / total if total else 1.0
        label = t(key, done=done, total=total, what=md_escape(shown(f"· {what}" if what else "")))
        bar.progress(min(1.0, max(0.0, share)), text=label)

    return report


def show_flash(where: str) -> None:
    """The messages an action left for the next run, shown at ``where`` the user acted (the
    button they pressed), not at the top of a page they may have scrolled away from."""
    for kind, message in st.session_state.pop(f"flash-{where}", []):
        getattr(st, kind)(md_escape(message), icon=FLASH_ICONS.get(kind))


FLASH_ICONS = {"success": ":material/check_circle:", "error": ":material/error:"}


def flash(kind: str, message: str, where: str) -> None:
    st.session_state.setdefault(f"flash-{where}", []).append((kind, message))


def offer_bundled_ingest(bot, key: str) -> None:
    """The empty-index state: say so and offer to ingest the bundled documents."""
    st.info(t("empty_index"), icon=":material/inbox:")
    if not current().can(EDIT):
        return
    bundled = sorted(p for p in DOCUMENTS_DIR.glob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not bundled:
        return
    if st.button(
        t("ingest_bundled", n=len(bundled)), key=key, type="primary", icon=":material/upload_file:"
    ) and require(EDIT):
        bar = st.progress(0.0, text=t("ingest_starting"))
        report = call(
            bot.ingest,
            [DOCUMENTS_DIR],
            progress=progress_callback(bar, "ingest_progress"),
            actor=current().name,
        )
        if report is not None:
            remember_ingest(report, {})
            st.rerun()


def remember_ingest(report: IngestReport, names: dict[str, str], early=()) -> None:
    """Keep an ingest outcome for the next run; rejected paths shown as the user's names."""
    rejected = [
        Rejection(shown(names.get(r.path, Path(r.path).name)), shown(r.reason))
        for r in report.rejected
    ]
    st.session_state["ingest_outcome"] = {
        "added": [shown(s) for s in report.added],
        "updated": [shown(s) for s in report.updated],
        "unchanged": [shown(s) for s in report.unchanged],
        "rejected": [Rejection(shown(r.path), shown(r.reason)) for r in early] + rejected,
        "warnings": [
            (shown(names.get(w.path, Path(w.path).name)), shown(w.message)) for w in report.warnings
        ],
        "renamed": [],
    }


def show_ingest_outcome() -> None:
    outcome = st.session_state.get("ingest_outcome")
    if not outcome:
        return
    if outcome["added"]:
        st.success(
            md_escape(t("upload_added", names=", ".join(outcome["added"]))),
            icon=":material/check_circle:",
        )
    if outcome["updated"]:
        st.success(
            md_escape(t("upload_updated", names=", ".join(outcome["updated"]))),
            icon=":material/sync:",
        )
    if outcome["unchanged"]:
        st.info(
            md_escape(t("upload_unchanged", names=", ".join(outcome["unchanged"]))),
            icon=":material/info:",
        )
    if outcome["renamed"]:
        pairs = ", ".join(f"{a} → {b}" for a, b in outcome["renamed"])
        st.info(md_escape(t("upload_renamed", pairs=pairs)), icon=":material/edit:")
    if outcome["rejected"]:
        st.warning(t("upload_rejected", n=len(outcome["rejected"])), icon=":material/block:")
        st.dataframe(
            [{t("col_file"): r.path, t("col_reason"): r.reason} for r in outcome["rejected"]],
            hide_index=True,
            width="stretch",
        )
    if outcome.get("warnings"):
        st.warning(t("upload_warnings", n=len(outcome["warnings"])), icon=":material/warning:")
        st.dataframe(
            [
                {t("col_file"): path, t("col_problem"): message}
                for path, message in outcome["warnings"]
            ],
            hide_index=True,
            width="stretch",
        )


def sticky_radio(
    label: str, options: Sequence[str], labels: dict[str, str], state_key: str, **kwargs
) -> str:
    """A radio whose choice survives the language switch.

    Streamlit keeps a radio's value as its displayed label, so translating the labels would
    reset it. The choice lives in ``st.session_state[state_key]``; the widget itself gets a
    key per language and is set from that choice.
    """
    current = st.session_state.get(state_key)
    if current not in options:
        current = options[0]
    widget_key = f"{state_key}-{lang()}"
    st.session_state[widget_key] = current

    def remember() -> None:
        st.session_state[state_key] = st.session_state[widget_key]

    st.radio(label, options, key=widget_key, format_func=labels.get, on_change=remember, **kwargs)
    st.session_state[state_key] = current
    return current


class DocCache:
    """Document texts fetched once per script run (a citation list names a few documents)."""

    def __init__(self, bot):
        self.bot = bot
        self.texts: dict[str, str | None] = {}

    def text(self, source: str) -> str | None:
        if source not in self.texts:
            doc, _ = attempt(self.bot.document, source)
            self.texts[source] = doc.text if doc is not None else None
        return self.texts[source]


def open_document(bot, source: str, quote: str, start: int, end: int) -> None:
    """A dialog with the whole document, scrolled to the passage, which is highlighted."""

    def body() -> None:
        doc, error = attempt(bot.document, source)
        if error:
            st.error(md_escape(error), icon=":material/error:")
            return
        cite = Citation(0, source, doc.meta.title, doc.meta.date, quote, start, end)
        span = locate(doc.text, cite)
        title = readable_title(doc.meta.title, source, doc.text)
        st.html(
            f'<div class="ntm-cite-head">{esc(title)}</div>'
            f'<div class="ntm-meta">{meta_html(doc.meta.date, source)}</div>'
        )
        if span is None:
            st.warning(t("doc_moved"), icon=":material/error:")
        st.html(document_html(doc.text, span))
        st.html(SCROLL_SCRIPT, unsafe_allow_javascript=True)

    st.dialog(t("doc_dialog"), width="large")(body)()


def render_citation(
    cites: Citation | Sequence[Citation], docs: DocCache, key: str, related: bool = False
) -> Citation | None:
    """One citation card: a paragraph with every cited sentence of it highlighted and their
    numbers; the citation to open at when its 'open the full text' button was pressed."""
    cites = (cites,) if isinstance(cites, Citation) else tuple(cites)
    c = cites[0]
    text = docs.text(c.source)  # before the card is drawn: never an empty box on screen
    meta = meta_html(c.date, c.source, c.location)
    title = readable_title(c.title, c.source, text)
    with st.container(border=True):
        badges = (
            '<span class="ntm-badge rel">↗</span>'
            if related
            else "".join(f'<span class="ntm-badge">{x.n}</span>' for x in cites)
        )
        st.html(
            f'<div class="{"ntm-related" if related else "ntm-cited"}">'
            f'<div class="ntm-cite-head">{badges}{esc(title)}</div>'
            f'<div class="ntm-meta">{meta}</div>{passage_html(text, cites)}</div>'
        )
        if text is None:
            st.caption(t("doc_gone"))
            return None
        pressed = st.button(t("open_doc"), key=key, icon=":material/menu_book:", type="tertiary")
        return c if pressed else None
