"""The ingest run: files -> clean documents -> chunks -> vectors -> Chroma.

Idempotent and crash-safe. A file whose bytes hash like the stored document is skipped. For a
new or changed file, its chunks (deterministic ids) are upserted first, chunks it no longer
has are deleted, and its document record (holding the content hash) is written last. A run
killed half-way leaves the old record or none, so the next run redoes that file; retrieval only
shows chunks of committed documents, so the half-written chunks never surface.

Usage::

    report = ingest_paths([Path("documents")], store, embedder, settings)
    print(report.added, report.rejected)
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from assistant.settings import Settings
from assistant.types import Chunk, Document, DocumentMeta, IngestReport, Rejection, doc_id_for
from ingest.chunker import split
from ingest.clean import clean
from ingest.loaders import FileRejected, collect_files, read_document
from ingest.metadata import document_date, extract_title, find_places

log = logging.getLogger(__name__)

# How many chunks to embed together: large enough for efficient batches, small enough that
# a crash loses little work and memory stays flat.
EMBED_GROUP = 128

Progress = Callable[[int, int, str], None]  # (done, total, message)


def prepare_document(
    source: str, raw_hash: str, text: str, max_chars: int
) -> tuple[Document, list[Chunk]]:
    """Clean, describe and chunk one document's extracted text (pure)."""
    cleaned = clean(text)
    if not cleaned.strip():
        raise FileRejected(
            "không còn nội dung sau khi loại bỏ phần thừa của trang web "
            "(no text left after removing web-page debris)"
        )
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
    store,
    embedder,
    settings: Settings,
    progress: Progress | None = None,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    files, rejected = collect_files([Path(p) for p in paths])
    report.rejected.extend(rejected)
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
        try:
            raw, text = read_document(path, settings.max_file_bytes)
            raw_hash = hashlib.sha256(raw).hexdigest()
            old = known.get(source)
            if old is not None and old.content_hash == raw_hash:
                report.unchanged.append(source)
                continue
            doc, chunks = prepare_document(source, raw_hash, text, settings.chunk_chars)
        except FileRejected as exc:
            report.rejected.append(Rejection(str(path), exc.reason))
            continue
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
    report.seconds = time.perf_counter() - started
    return report


def _write_group(group, store, embedder, report, done, total, progress) -> int:
    texts = [c.text for _, chunks, _ in group for c in chunks]
    titles = [doc.meta.title for doc, chunks, _ in group for _ in chunks]
    vectors = embedder.embed_documents(texts, titles=titles)
    offset = 0
    for doc, chunks, existed in group:
        part = vectors[offset : offset + len(chunks)]
        offset += len(chunks)
        store.upsert_chunks(chunks, part, doc.meta)
        store.delete_chunks(doc.meta.doc_id, keep={c.chunk_id for c in chunks})
        store.put_document(doc)  # the commit marker, last
        (report.updated if existed else report.added).append(doc.meta.source)
        report.chunks_written += len(chunks)
        done += len(chunks)
        if progress:
            progress(done, total, doc.meta.source)
    return done
