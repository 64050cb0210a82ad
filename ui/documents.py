"""The "Tài liệu" page: upload, list, delete and re-index documents, and the change log.

Readers see the list only; upload, delete, re-index and the change log are for editors and
admins, and every handler checks the role again (``ui.auth.require``)."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from assistant.audit import AuditLog
from assistant.users import EDIT
from base.settings import Settings
from base.types import IngestReport
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import UPLOAD
from ingest.uploads import plan_uploads
from ui.auth import client_address, current, require
from ui.common import (
    call,
    flash,
    offer_bundled_ingest,
    progress_callback,
    remember_ingest,
    show_flash,
    show_ingest_outcome,
)
from ui.render import documents_rows, matches_document, md_escape, short_hash, shown, shown_md
from ui.text import TEXT, t


def ingest_uploads(
    bot, uploads: Sequence, settings: Settings, progress, replace: bool = False
) -> None:
    """Write each accepted upload into a fresh temporary directory under its sanitised name,
    ingest them together and remember the outcome (rejected files listed with the reason)."""
    if not require(EDIT):
        return
    plan = plan_uploads(
        [(f.name, f.size) for f in uploads],
        settings.upload_max_files,
        int(settings.upload_max_mb * 1024 * 1024),
    )
    actor = current().name
    for rejected in plan.rejected:  # refused before reading: logged here, with where from
        bot.audit.record(
            actor,
            "ingest",
            source=rejected.path,
            result=f"rejected: {rejected.reason}",
            client=client_address(),
        )
    names: dict[str, str] = {}
    renamed = []
    with tempfile.TemporaryDirectory(prefix="ntm-upload-") as batch:
        paths = []
        for index, safe in plan.accepted:
            folder = Path(tempfile.mkdtemp(dir=batch))
            path = folder / safe
            path.write_bytes(uploads[index].getvalue())
            paths.append(path)
            names[str(path)] = safe
            if safe != uploads[index].name:
                renamed.append((uploads[index].name, safe))
        report = IngestReport()
        if paths:
            report = call(
                bot.ingest,
                paths,
                progress=progress,
                actor=actor,
                origin=UPLOAD,
                replace_same_name=replace,
            )
            if report is None:
                return
        remember_ingest(report, names, early=plan.rejected)
        st.session_state["ingest_outcome"]["renamed"] = renamed


def documents_page(bot, settings: Settings) -> None:
    st.title(t("docs_title"))
    st.caption(t("docs_caption"))
    metas = call(bot.documents)
    if metas is None:
        return
    c1, c2, c3 = st.columns(3)
    c1.metric(t("metric_docs"), len(metas), border=True)
    c2.metric(t("metric_chunks"), sum(m.chunk_count for m in metas), border=True)
    c3.metric(t("metric_places"), len({p for m in metas for p in m.provinces}), border=True)
    identity = current()
    editor = identity.can(EDIT)
    if not metas and editor:
        offer_bundled_ingest(bot, key="ingest-bundled-docs")
    elif not editor:
        st.info(t("reader_note", role=identity.role_name), icon=":material/visibility:")

    if editor:
        upload_section(bot, settings)
    list_section(metas)
    if editor:
        manage_section(bot, metas)
        audit_section(settings)


def upload_section(bot, settings: Settings) -> None:
    st.subheader(t("upload_header"), divider="green")
    round_ = st.session_state.setdefault("upload_round", 0)
    # No ``type=`` on purpose: a file of another type reaches plan_uploads and is listed with
    # the reason, in the user's language, instead of being refused by the widget in English.
    uploads = st.file_uploader(
        t("upload_label", types=", ".join(SUPPORTED_SUFFIXES)),
        accept_multiple_files=True,
        key=f"uploader-{round_}",
        max_upload_size=max(1, math.ceil(settings.upload_max_mb)),
    )
    st.caption(
        t("upload_limits", files=settings.upload_max_files, mb=f"{settings.upload_max_mb:g}")
    )
    replace = st.checkbox(t("upload_replace"), key="upload_replace", help=t("upload_replace_help"))
    if st.button(
        t("upload_button"), type="primary", icon=":material/upload_file:", disabled=not uploads
    ):
        bar = st.progress(0.0, text=t("ingest_starting"))
        ingest_uploads(
            bot, uploads, settings, progress_callback(bar, "ingest_progress"), replace=replace
        )
        st.session_state["upload_round"] = round_ + 1
        st.rerun()
    show_ingest_outcome()


def list_section(metas) -> None:
    st.subheader(t("list_header"), divider="green")
    if metas:
        wanted = st.text_input(
            t("find_document"), key="find-document", placeholder=t("find_document_hint")
        )
        shown = [m for m in metas if matches_document(m, wanted)]
        if shown:
            # a table, not a grid: full titles wrap instead of being cut
            st.table(documents_rows(shown), border="horizontal")
        else:
            st.caption(t("no_document_found", q=md_escape(wanted)))
    else:
        st.caption(t("no_docs_table"))


def manage_section(bot, metas) -> None:
    round_ = st.session_state.setdefault("upload_round", 0)
    st.subheader(t("manage_header"), divider="green")
    # the documents to delete, each a tick box whose whole title and file name wrap (a
    # drop-down list cuts long titles), filtered by the "find a document" box above
    wanted = st.session_state.get("find-document", "")
    listed = [m for m in metas if matches_document(m, wanted)]
    st.markdown(f"**{t('delete_pick')}**")
    if wanted:
        st.caption(md_escape(t("delete_filtered", n=len(listed), total=len(metas), q=wanted)))
    chosen = []
    with st.container(height=min(360, 52 * len(listed) + 24) if listed else "content", border=True):
        for m in listed:
            label = f"{shown_md(m.title)} — {shown_md(m.source)}"
            if st.checkbox(label, key=f"delete-{round_}-{m.doc_id}"):
                chosen.append(m.source)
    sure = st.checkbox(t("delete_confirm"), key=f"delete-sure-{round_}")
    if st.button(
        t("delete_button"), icon=":material/delete:", disabled=not (chosen and sure)
    ) and require(EDIT):
        gone = []
        for source in chosen:
            if call(bot.remove, source, actor=current().name) is not None:
                gone.append(source)
        if gone:
            flash("success", t("deleted", names=", ".join(map(shown, gone))), "delete")
        st.session_state["upload_round"] = round_ + 1
        st.session_state.pop("ingest_outcome", None)
        st.rerun()
    show_flash("delete")  # under the button that was pressed
    st.divider()
    st.caption(t("reindex_help"))
    if st.button(t("reindex_button"), icon=":material/refresh:", disabled=not metas) and require(
        EDIT
    ):
        bar = st.progress(0.0, text=t("ingest_starting"))
        done = call(
            bot.reindex,
            progress=progress_callback(bar, "reindex_progress"),
            actor=current().name,
        )
        if done is not None:
            st.success(
                t("reindexed", n=done.chunks, embedded=done.embedded, reused=done.reused),
                icon=":material/check_circle:",
            )


def audit_result(result: str) -> str:
    """A logged result in the reader's language ('added' -> 'thêm mới'); details stay as logged."""
    word, sep, rest = result.partition(": ")
    if f"result_{word}" in TEXT:
        return t(f"result_{word}") + (sep + rest if sep else "")
    return result


def audit_section(settings: Settings) -> None:
    """The change log, newest first: who ingested, deleted or re-indexed what, and when."""
    st.subheader(t("audit_header"), divider="green")
    st.caption(t("audit_caption", path=settings.audit_file))
    entries = AuditLog(settings.audit_file).entries(limit=200)
    if not entries:
        st.caption(t("audit_empty"))
        return
    st.table(  # a table, not a grid: every line readable and findable on the page; its
        # cells render Markdown, so what a user or a file named is escaped
        [
            {
                t("col_time"): str(e.get("time", "")).replace("T", " ").removesuffix("+00:00"),
                t("col_user"): shown_md(e.get("user") or ""),
                t("col_action"): t(f"action_{e['action']}")
                if f"action_{e.get('action')}" in TEXT
                else shown_md(e.get("action", "")),
                t("col_subject"): shown_md(e.get("source") or "—"),
                t("col_sha256"): short_hash(e.get("sha256")),
                t("col_result"): shown_md(audit_result(str(e.get("result") or ""))),
                t("col_client"): shown_md(e.get("client") or "—"),
            }
            for e in entries
        ],
        border="horizontal",
    )
