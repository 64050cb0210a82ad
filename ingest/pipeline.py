"""The ingest run (files -> clean documents -> chunks -> vectors -> store) and the reindex run.

Both are written against the :class:`~base.protocols.Store` and
:class:`~base.protocols.Embedder` seams; ``ingest`` never imports ``vectorstore``.

Ingest is idempotent and crash-safe. A file whose bytes hash like the stored document is
skipped. For a new or changed file, its chunks (deterministic ids) are upserted first, chunks it
no longer has are deleted, its figures are read into the facts index (``ingest.facts``), and
its document record (holding the content hash) is written last. A run killed half-way leaves
the old record or none, so the next run redoes that file; retrieval only shows chunks and facts
of committed documents, so the half-written ones never surface.

Reindex (after a model or chunk-size change) builds a new set of vectors beside the searchable
one and switches over only when it is complete (see :meth:`Store.start_rebuild`): a kill at any
point leaves the old index searchable, and the next ``reindex`` or ``ingest`` resumes the
rebuild where it stopped. Chunks whose id (document, offsets, text) is unchanged keep their
vectors when the model is the same.

Usage::

    report = ingest_paths([Path("documents")], store, embedder, settings)
    print(report.added, report.rejected)
    print(reindex(store, embedder, settings).embedded)
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from base.errors import FileRejected
from base.protocols import Embedder, Store
from base.settings import Settings
from base.types import (
    Chunk,
    Document,
    DocumentMeta,
    IngestReport,
    IngestWarning,
    Rebuild,
    ReindexReport,
    Rejection,
    doc_id_for,
)
from ingest.chunker import split
from ingest.clean import NOT_TEXT_RUN, clean
from ingest.facts import READER, read_facts
from ingest.loaders import REASON_HIDDEN, Limits, collect_files, read_bytes, read_document
from ingest.metadata import document_date, extract_title, find_places

log = logging.getLogger(__name__)

# How many chunks to embed together: large enough for efficient batches, small enough that
# a crash loses little work and memory stays flat.
EMBED_GROUP = 128

Progress = Callable[[int, int, str], None]  # (done, total, message)


def prepare_document(
    source: str,
    raw_hash: str,
    text: str,
    max_chars: int,
    warn: Callable[[str], None] | None = None,
) -> tuple[Document, list[Chunk]]:
    """Clean, describe and chunk one document's extracted text (pure). ``warn`` hears of what
    cleaning dropped that a user would not expect: runs that are not text (base64, a data URI,
    one character repeated), which are never indexed."""
    dropped: list[int] = []
    cleaned = clean(text, dropped)
    if dropped and warn is not None:
        warn(not_text_warning(dropped))
    if not cleaned.strip():
        raise FileRejected(
            "không còn nội dung sau khi loại bỏ phần thừa của trang web "
            "(no text left after removing web-page debris)"
        )
    return describe_and_split(source, raw_hash, cleaned, max_chars)


def not_text_warning(dropped: list[int]) -> str:
    """What a user is told of the runs that were not text (their lengths ``dropped``)."""
    chars = f"{sum(dropped):,}".replace(",", ".")
    return (
        f"đã bỏ {len(dropped)} dãy {chars} ký tự không phải chữ (dài hơn {NOT_TEXT_RUN} ký tự "
        "liền không có dấu cách hoặc không có chữ cái: mã base64, data URI, một ký tự lặp lại…), "
        f"không đưa vào chỉ mục ({len(dropped)} runs that are not text dropped)"
    )


def describe_and_split(
    source: str, raw_hash: str, cleaned: str, max_chars: int
) -> tuple[Document, list[Chunk]]:
    """Metadata and chunks of an already cleaned text, which is kept exactly (pure)."""
    provinces, districts = find_places(cleaned)
    meta = DocumentMeta(
        doc_id=doc_id_for(source),
        source=source,
        title=extract_title(cleaned, fallback=Path(source).stem),
        date=document_date(cleaned),
        provinces=tuple(provinces),
        districts=tuple(districts),
        content_hash=raw_hash,
        chars=len(cleaned),
    )
    doc = Document(meta=meta, text=cleaned)
    chunks = split(doc, max_chars)
    if not chunks:
        raise FileRejected("không tách được đoạn văn nào (no passage could be made)")
    return Document(meta=replace(meta, chunk_count=len(chunks)), text=cleaned), chunks


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    embedder: Embedder,
    settings: Settings,
    progress: Progress | None = None,
    follow_links: bool = False,
    origin: str | None = None,
    replace_same_name: bool = False,
) -> IngestReport:
    """Add new and changed files. A document is known by its file name; a file of a name
    already indexed from another folder (``origin``: the file's folder unless given, e.g.
    'upload') is refused, unless ``replace_same_name``, rather than replacing it silently."""
    started = time.perf_counter()
    pending_rebuild = store.pending_rebuild()
    if pending_rebuild is not None and pending_rebuild.model == embedder.name:
        # A reindex to this model was interrupted: finish it before writing more chunks.
        log.warning("finishing the interrupted reindex to %s first", pending_rebuild.model)
        reindex(store, embedder, settings, progress)
    report = IngestReport()
    files, rejected = collect_files([Path(p) for p in paths], follow_links=follow_links)
    # a hidden name skipped is said, as a warning: it was never meant to go in
    report.warnings.extend(
        IngestWarning(r.path, r.reason) for r in rejected if r.reason == REASON_HIDDEN
    )
    report.rejected.extend(r for r in rejected if r.reason != REASON_HIDDEN)
    known = {m.source: m for m in store.list_documents()}
    pending: list[tuple[Document, list[Chunk], bool]] = []
    seen: dict[str, Path] = {}

    for path in files:
        source = path.name
        if source in seen:
            report.rejected.append(
                Rejection(
                    str(path),
                    f"trùng tên tệp với {seen[source]} (same file name as "
                    f"{seen[source]}; names identify documents)",
                )
            )
            continue
        seen[source] = path
        warnings: list[IngestWarning] = []
        try:
            raw = read_bytes(path, settings.max_file_bytes)
            raw_hash = hashlib.sha256(raw).hexdigest()
            old = known.get(source)
            came_from = origin or str(path.resolve().parent)
            if old is not None and old.content_hash == raw_hash:
                report.unchanged.append(source)  # before extracting: no OCR of it again
                continue
            if old is not None and old.origin and old.origin != came_from and not replace_same_name:
                raise FileRejected(_same_name(source, old.origin, came_from))
            _, text = read_document(
                path,
                settings.max_file_bytes,
                raw=raw,
                warn=lambda message, at=str(path), out=warnings: out.append(
                    IngestWarning(at, message)
                ),
                progress=_page_bar(settings),
                limits=Limits(
                    unpacked_bytes=int(settings.max_unpacked_mb * 1024 * 1024),
                    pages=settings.max_pages,
                    chars=settings.max_chars,
                ),
            )
            doc, chunks = prepare_document(
                source,
                raw_hash,
                text,
                settings.chunk_chars,
                warn=lambda message, at=str(path), out=warnings: out.append(
                    IngestWarning(at, message)
                ),
            )
            doc = Document(meta=replace(doc.meta, origin=came_from), text=doc.text)
        except FileRejected as exc:
            report.rejected.append(Rejection(str(path), exc.reason))
            continue
        report.warnings.extend(warnings)
        pending.append((doc, chunks, old is not None))

    if pending:
        store.ensure_model(embedder.name, embedder.dimension)
    total = sum(len(chunks) for _, chunks, _ in pending)
    done = 0
    if progress:
        progress(0, total, "")
    group: list[tuple[Document, list[Chunk], bool]] = []
    for item in pending:
        group.append(item)
        if sum(len(c) for _, c, _ in group) >= EMBED_GROUP:
            done = _write_group(group, store, embedder, report, done, total, progress)
            group = []
    if group:
        _write_group(group, store, embedder, report, done, total, progress)
    if store.facts_reader() != READER:
        written = {doc.meta.doc_id for doc, _, _ in pending}
        report.facts_reread = reread_facts(store, skip=written)
    report.seconds = time.perf_counter() - started
    return report


def _page_bar(settings: Settings) -> Progress | None:
    """A progress bar over the pages OCR reads (shown only when a file has scanned pages), or
    None when progress display is off (NTM_PROGRESS=0)."""
    if not settings.progress:
        return None
    state: dict = {}

    def update(done: int, total: int, message: str) -> None:
        bar = state.get("bar")
        if bar is None:
            from tqdm import tqdm

            bar = state["bar"] = tqdm(total=total, desc="Nhận dạng chữ (OCR)", unit="trang")
        bar.n = done
        bar.set_postfix_str(message[:40], refresh=False)
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _where(origin: str) -> str:
    return "tải lên trong ứng dụng (an upload)" if origin == UPLOAD else origin


def _same_name(source: str, before: str, now: str) -> str:
    return (
        f"đã có một tài liệu khác tên “{source}”, nạp từ {_where(before)}; tệp này từ "
        f"{_where(now)}. Đổi tên tệp để giữ cả hai, hoặc thay có chủ ý: `ntm ingest --replace` "
        "(trong ứng dụng: ô “Thay tài liệu cùng tên”). (A different document of this name is "
        "indexed from elsewhere: rename the file, or replace it on purpose.)"
    )


# the origin of files uploaded in the app (they are written to temporary folders)
UPLOAD = "upload"


def reread_facts(store: Store, skip: Collection[str] = ()) -> int:
    """Read the figures of every stored document again with this version of the reader (an
    index an older one built keeps its mistakes otherwise), and its title, which the figures'
    place may be read from (an older index titled a text without a headline by its file
    name); returns how many documents."""
    count = 0
    for meta in store.list_documents():
        if meta.doc_id in skip:
            continue
        doc = store.get_document(meta.doc_id)
        if doc is not None and doc.meta.content_hash == meta.content_hash:
            title = extract_title(doc.text, fallback=Path(meta.source).stem)
            if title != doc.meta.title:
                doc = Document(meta=replace(doc.meta, title=title), text=doc.text)
                store.put_document(doc)
            store.put_facts(doc.meta.doc_id, read_facts(doc))
            count += 1
    store.set_facts_reader(READER)
    log.info("facts re-read from %d stored documents (reader %s)", count, READER)
    return count


def _write_group(group, store, embedder, report, done, total, progress) -> int:
    texts = [c.text for _, chunks, _ in group for c in chunks]
    titles = [doc.meta.title for doc, chunks, _ in group for _ in chunks]
    vectors = embedder.embed_documents(texts, titles=titles)
    offset = 0
    for doc, chunks, existed in group:
        part = vectors[offset : offset + len(chunks)]
        offset += len(chunks)
        # The new version is written beside the committed one (chunk and fact ids carry the
        # version), the record switches to it, and only then does the old one go: a crash at
        # any point leaves one complete version answerable.
        facts = read_facts(doc)
        store.upsert_chunks(chunks, part, doc.meta)
        store.put_facts(doc.meta.doc_id, facts, prune=False)
        store.put_document(doc)  # the commit marker
        store.delete_chunks(doc.meta.doc_id, keep={c.chunk_id for c in chunks})
        store.prune_facts(doc.meta.doc_id, keep={f.fact_id for f in facts})
        (report.updated if existed else report.added).append(doc.meta.source)
        report.chunks_written += len(chunks)
        done += len(chunks)
        if progress:
            progress(done, total, doc.meta.source)
    return done


# -- reindex ------------------------------------------------------------------------------------

MAX_CATCH_UP_ROUNDS = 5


def reindex(
    store: Store,
    embedder: Embedder,
    settings: Settings,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> ReindexReport:
    """Re-chunk every stored document and rebuild the vectors beside the searchable ones.

    The stored texts are kept exactly (only metadata and chunking are derived again). With
    the same model, chunks whose id is unchanged reuse their stored vectors unless ``force``.
    An interrupted run (even ``kill -9``) is resumed: what it wrote is not embedded again.
    """
    started = time.perf_counter()
    report = ReindexReport()
    name, dimension = embedder.name, embedder.dimension
    resumed = store.pending_rebuild()
    rebuild = store.start_rebuild(name, dimension, full=force)
    force = rebuild.full  # a resumed `reindex --full` stays full, whoever finishes it
    report.resumed = resumed is not None and resumed.name == rebuild.name
    same_model = store.indexed_model() in (None, (name, dimension))
    built: dict[str, tuple[str, Document]] = {}  # doc_id -> (content hash, refreshed document)
    for _ in range(MAX_CATCH_UP_ROUNDS):
        metas = {m.doc_id: m for m in store.list_documents()}
        todo = [m for m in metas.values() if built.get(m.doc_id, ("",))[0] != m.content_hash]
        gone = [d for d in built if d not in metas]
        if not todo and not gone:
            break
        for doc_id in gone:  # removed by another process meanwhile
            store.delete_chunks(doc_id, rebuild=rebuild)
            del built[doc_id]
        _rebuild_documents(
            todo,
            store,
            embedder,
            settings,
            rebuild,
            same_model and not force,
            report,
            built,
            progress,
        )
    store.finish_rebuild(rebuild, [doc for _, doc in built.values()])
    store.set_facts_reader(READER)  # every document's figures were read again
    report.documents = len(built)
    report.chunks = sum(doc.meta.chunk_count for _, doc in built.values())
    report.seconds = time.perf_counter() - started
    log.info("reindex: %s", report.to_dict())
    return report


def _rebuild_documents(
    metas: Sequence[DocumentMeta],
    store: Store,
    embedder: Embedder,
    settings: Settings,
    rebuild: Rebuild,
    reuse: bool,
    report: ReindexReport,
    built: dict[str, tuple[str, Document]],
    progress: Progress | None,
) -> None:
    plans: list[tuple[Document, list[Chunk]]] = []
    for meta in sorted(metas, key=lambda m: m.source):
        stored = store.get_document(meta.doc_id)
        if stored is None:  # removed meanwhile
            continue
        fresh, chunks = describe_and_split(
            meta.source, meta.content_hash, stored.text, settings.chunk_chars
        )
        fresh = Document(meta=replace(fresh.meta, origin=meta.origin), text=fresh.text)
        plans.append((fresh, chunks))
    total = sum(len(chunks) for _, chunks in plans)
    done = 0
    if progress:
        progress(0, total, "")
    for fresh, chunks in plans:
        # what an interrupted run already wrote for this version of the document
        written = store.chunk_ids(
            fresh.meta.doc_id, rebuild=rebuild, version=fresh.meta.content_hash[:16]
        )
        missing = [c for c in chunks if c.chunk_id not in written]
        kept = store.vectors([c.chunk_id for c in missing]) if reuse and missing else {}
        to_embed = [c for c in missing if c.chunk_id not in kept]
        for start in range(0, len(missing), EMBED_GROUP):
            part = missing[start : start + EMBED_GROUP]
            fresh_part = [c for c in part if c.chunk_id not in kept]
            embedded = {}
            if fresh_part:
                vectors = embedder.embed_documents(
                    [c.text for c in fresh_part], titles=[fresh.meta.title] * len(fresh_part)
                )
                embedded = dict(zip((c.chunk_id for c in fresh_part), vectors, strict=True))
            vectors = np.stack([kept.get(c.chunk_id, embedded.get(c.chunk_id)) for c in part])
            store.upsert_chunks(part, vectors, fresh.meta, rebuild=rebuild)
        store.delete_chunks(fresh.meta.doc_id, keep={c.chunk_id for c in chunks}, rebuild=rebuild)
        store.put_facts(fresh.meta.doc_id, read_facts(fresh))  # same text: safe before the switch
        report.embedded += len(to_embed)
        report.reused += len(missing) - len(to_embed)
        built[fresh.meta.doc_id] = (fresh.meta.content_hash, fresh)
        done += len(chunks)
        if progress:
            progress(done, total, fresh.meta.source)
