"""Backup and move: the whole collection in one file, and back.

``ntm export FILE`` writes a zip holding ``manifest.json`` (format, model, fact reader) and
``documents.jsonl``: one line per document with its text, metadata, chunks with their vectors
and facts. ``ntm import FILE`` trusts nothing in the file but the vectors: it checks every
line against the text it carries before writing anything (:func:`check_document`): each
document's id is its file name's, no two lines share a document, chunk or fact id, no line
takes the id of another file already indexed, every chunk's id is that of its slice of the
text, and every fact is what the facts reader reads from the text again. The archive holds
nothing but its two entries. Only then does it write, each document committed last as ingest
does, so an interrupted import leaves no half-visible document. Importing into an index of
another model is refused; into an empty home or a Chroma server it gives the same answers
without embedding anything again.

Usage::

    report = export_collection(store, Path("ntm-backup.zip"))
    report = import_collection(store, Path("ntm-backup.zip"))
"""

from __future__ import annotations

import base64
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from base.errors import BackupError
from base.protocols import Store
from base.types import Chunk, Document, DocumentMeta, Fact, doc_id_for
from ingest.facts import READER, read_facts

FORMAT = "ntm-assistant-export"
VERSION = 1
_MANIFEST, _DOCUMENTS = "manifest.json", "documents.jsonl"
_ENTRIES = (_MANIFEST, _DOCUMENTS)  # all an export holds; any other entry is refused
# one document's line: its text, chunks and vectors (a 20 MB file makes well under this)
_MAX_LINE = 256 * 1024 * 1024


@dataclass
class BackupReport:
    path: str
    documents: int = 0
    chunks: int = 0
    facts: int = 0
    model: str = ""
    imported: list[DocumentMeta] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["imported"] = [m.source for m in self.imported]
        return data


def export_collection(store: Store, path: Path) -> BackupReport:
    """Write every committed document of ``store`` to ``path`` (a new zip, written atomically)."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(
            f"{path}: đây là một thư mục; hãy cho tên tệp .zip (a folder: give a file)"
        )
    if not path.parent.is_dir():
        raise BackupError(
            f"{path}: thư mục {path.parent} không tồn tại (the folder does not exist)"
        )
    model = store.indexed_model()
    metas = store.list_documents()
    if model is None or not metas:
        raise BackupError(
            f"Chỉ mục tại {store.location} chưa có tài liệu nào để xuất. (Nothing to export.)"
        )
    report = BackupReport(path=str(path), model=model[0])
    by_doc: dict[str, list[tuple[Chunk, np.ndarray]]] = {}
    for chunk, vector in store.iter_chunk_vectors():
        by_doc.setdefault(chunk.doc_id, []).append((chunk, vector))
    fd, tmp = tempfile.mkstemp(prefix=".ntm-export-", suffix=".zip", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with archive.open(_DOCUMENTS, "w", force_zip64=True) as raw:
                out = io.TextIOWrapper(raw, encoding="utf-8")
                for meta in sorted(metas, key=lambda m: m.source):
                    doc = store.get_document(meta.doc_id)
                    if doc is None:
                        continue
                    version = meta.content_hash[:16]
                    chunks = sorted(
                        (p for p in by_doc.get(meta.doc_id, ()) if p[0].version == version),
                        key=lambda p: p[0].index,
                    )
                    facts = store.facts(doc_ids=[meta.doc_id])
                    line = {
                        "meta": meta.to_dict(),
                        "text": doc.text,
                        "chunks": [_chunk_record(c, v) for c, v in chunks],
                        "facts": [asdict(f) for f in facts],
                    }
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    report.documents += 1
                    report.chunks += len(chunks)
                    report.facts += len(facts)
                out.flush()
                out.detach()
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "model": model[0],
                "dimension": model[1],
                "facts_reader": store.facts_reader(),
                "documents": report.documents,
                "chunks": report.chunks,
            }
            archive.writestr(_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        os.replace(tmp, path)
    except OSError as err:
        raise BackupError(f"{path}: không ghi được ({err.strerror or err}) (cannot write)") from err
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return report


def import_collection(store: Store, path: Path) -> BackupReport:
    """Add (or replace, by file name) the documents exported to ``path``."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as err:
        raise BackupError(f"{path}: không tồn tại (not found)") from err
    except (zipfile.BadZipFile, OSError) as err:
        raise BackupError(
            f"{path}: không phải tệp xuất của NTM Assistant (not an NTM Assistant export: {err})"
        ) from err
    with archive:
        manifest = _manifest(archive, path)
        model, dimension = manifest["model"], manifest["dimension"]
        current = store.indexed_model()
        if current is not None and current != (model, dimension):
            raise BackupError(
                f"{path}: tệp xuất chứa vector của mô hình '{model}' ({dimension} chiều), còn chỉ "
                f"mục tại {store.location} dùng '{current[0]}' ({current[1]} chiều): hãy nhập vào "
                "một NTM_HOME hoặc NTM_COLLECTION trống. (The export's model differs from the "
                "index's: import into an empty home or collection.)"
            )
        report = BackupReport(path=str(path), model=model)
        # check every line before writing any: the figures each document's text gives
        same_reader = manifest.get("facts_reader") == READER
        facts_of = _check(archive, path, dimension, store, same_reader)
        store.ensure_model(model, dimension)
        for doc, chunks, vectors, _ in _documents(archive, path, dimension):
            # the figures read again from the text (those of the export, when it was read by
            # this version of the reader: the check found them equal)
            facts = facts_of[doc.meta.doc_id]
            if vectors is not None:
                store.upsert_chunks(chunks, vectors, doc.meta)
            store.put_facts(doc.meta.doc_id, facts, prune=False)
            store.put_document(doc)  # the commit marker; the replaced version goes after it
            store.delete_chunks(doc.meta.doc_id, keep={c.chunk_id for c in chunks})
            store.prune_facts(doc.meta.doc_id, keep={f.fact_id for f in facts})
            report.documents += 1
            report.chunks += len(chunks)
            report.facts += len(facts)
            report.imported.append(doc.meta)
    return report


def _chunk_record(chunk: Chunk, vector: np.ndarray) -> dict:
    data = asdict(chunk)
    del data["text"]  # it is text[start:end] of the document: checked again on import
    data["vector"] = base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")
    return data


def _check(
    archive: zipfile.ZipFile, path: Path, dimension: int, store: Store, same_reader: bool
) -> dict[str, list[Fact]]:
    """Check every line of the export against its own text and against the others and the
    index (:func:`check_document`); the figures of each document, by doc_id. Raises
    :class:`BackupError` naming the line and what is wrong, before anything is written."""
    indexed = {m.doc_id: m.source for m in store.list_documents()}
    seen = Seen()
    facts_of: dict[str, list[Fact]] = {}
    for number, (doc, chunks, _, facts) in _numbered_documents(archive, path, dimension):
        seen.line = number
        try:
            facts_of[doc.meta.doc_id] = check_document(
                doc, chunks, facts, seen, indexed, compare_facts=same_reader
            )
        except BackupError as err:
            raise BackupError(f"{path}: {_DOCUMENTS} dòng {number}: {err}") from err
    return facts_of


@dataclass
class Seen:
    """The ids of the export's lines checked so far: documents with their line numbers."""

    docs: dict[str, int] = field(default_factory=dict)
    chunks: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    line: int = 0  # the line being checked


def check_document(
    doc: Document,
    chunks: list[Chunk],
    facts: list[Fact],
    seen: Seen,
    indexed: dict[str, str],
    compare_facts: bool = True,
) -> list[Fact]:
    """Check one exported document against the text it carries; returns its figures as the
    facts reader reads them from that text. ``seen``: the ids of the lines before it;
    ``indexed``: the documents already in the index, source by doc_id. With
    ``compare_facts`` (the export was read by this version of the reader) the export's
    figures must be exactly those."""
    meta, text = doc.meta, doc.text
    if meta.doc_id != doc_id_for(meta.source):
        raise BackupError(
            f"mã tài liệu {meta.doc_id} không phải mã của tệp '{meta.source}' (mã đúng: "
            f"{doc_id_for(meta.source)}); tệp xuất đã bị sửa (the doc_id is not this file's)"
        )
    if meta.doc_id in seen.docs:
        raise BackupError(
            f"tài liệu '{meta.source}' đã có ở dòng {seen.docs[meta.doc_id]} (a document "
            "exported twice)"
        )
    seen.docs[meta.doc_id] = seen.line
    if indexed.get(meta.doc_id, meta.source) != meta.source:
        raise BackupError(
            f"mã tài liệu {meta.doc_id} của '{meta.source}' trùng với tài liệu "
            f"'{indexed[meta.doc_id]}' đã có trong chỉ mục; nhập sẽ thay thế nó (the doc_id "
            "of another indexed document)"
        )
    if meta.chars and meta.chars != len(text):
        raise BackupError(
            f"tài liệu '{meta.source}' ghi {meta.chars} ký tự nhưng văn bản có {len(text)} "
            "(the text is not the document's)"
        )
    version = meta.content_hash[:16]
    for chunk in chunks:
        expected = Chunk.make_id(meta.doc_id, chunk.start, chunk.end, chunk.text, version)
        if chunk.version != version or chunk.source != meta.source or chunk.chunk_id != expected:
            raise BackupError(
                f"đoạn {chunk.chunk_id} ({chunk.start}–{chunk.end}) không khớp với văn bản của "
                f"tài liệu '{meta.source}': văn bản hoặc đoạn đã bị sửa (a chunk that is not "
                "its slice of the document's text)"
            )
        if chunk.chunk_id in seen.chunks:
            raise BackupError(f"đoạn {chunk.chunk_id} xuất hiện hai lần (a duplicate chunk id)")
        seen.chunks.add(chunk.chunk_id)
    for fact in facts:
        if fact.source != meta.source or fact.version != version:
            raise BackupError(
                f"số liệu '{fact.value}' ({fact.fact_id}) không thuộc tài liệu '{meta.source}' "
                "(a fact of another document)"
            )
        if fact.fact_id in seen.facts:
            raise BackupError(
                f"hai số liệu cùng mã {fact.fact_id} ('{fact.value}') (two facts share an id)"
            )
        seen.facts.add(fact.fact_id)
    read = read_facts(doc)
    if compare_facts:
        _same_facts(doc, facts, read)
    return read


def _same_facts(doc: Document, exported: list[Fact], read: list[Fact]) -> None:
    """Refuse figures that the document's text does not give as exported."""
    by_id = {f.fact_id: f for f in read}
    for fact in exported:
        own = by_id.get(fact.fact_id)
        written = doc.text[fact.value_start : fact.value_end]
        if own is None or own.value != fact.value or own.number != fact.number:
            raise BackupError(
                f"số liệu '{fact.value}' tại {fact.value_start}–{fact.value_end} không có trong "
                f"văn bản của tài liệu '{doc.meta.source}', nơi đó ghi '{written}' (a figure "
                "the document's text does not state)"
            )
        if own != fact:
            changed = [
                f.name for f in fields(Fact) if getattr(own, f.name) != getattr(fact, f.name)
            ]
            raise BackupError(
                f"số liệu '{fact.value}' tại {fact.value_start}–{fact.value_end} của tài liệu "
                f"'{doc.meta.source}' khác với điều văn bản nói ({', '.join(changed)}) (a fact "
                "that differs from what the text says)"
            )
    missing = by_id.keys() - {f.fact_id for f in exported}
    if missing:
        first = min((by_id[i] for i in missing), key=lambda f: f.value_start)
        raise BackupError(
            f"thiếu số liệu '{first.value}' tại {first.value_start}–{first.value_end} mà văn "
            f"bản của tài liệu '{doc.meta.source}' nêu (a fact of the text is missing)"
        )


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict:
    names = archive.namelist()
    for name in names:
        if name not in _ENTRIES:
            raise BackupError(
                f"{path}: mục '{name}' không thuộc tệp xuất của NTM Assistant (chỉ có "
                f"{_MANIFEST} và {_DOCUMENTS}); không nhập gì (an entry outside the export's "
                "layout)"
            )
    if len(names) != len(set(names)):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise BackupError(
            f"{path}: mục {', '.join(twice)} xuất hiện hai lần; không nhập gì (a duplicate entry)"
        )
    if not {_MANIFEST, _DOCUMENTS} <= set(names):
        raise BackupError(
            f"{path}: thiếu {_MANIFEST} hoặc {_DOCUMENTS}; không phải tệp xuất của NTM Assistant "
            "(not an NTM Assistant export)"
        )
    try:
        manifest = json.loads(archive.read(_MANIFEST).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise BackupError(f"{path}: {_MANIFEST} hỏng (corrupt manifest: {err})") from err
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: không phải tệp xuất của NTM Assistant (not an NTM export)")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{path}: phiên bản định dạng {manifest.get('version')!r} không được hỗ trợ (chỉ "
            f"{VERSION}) (unsupported export version)"
        )
    if not isinstance(manifest.get("model"), str) or not isinstance(manifest.get("dimension"), int):
        raise BackupError(f"{path}: {_MANIFEST} thiếu tên hoặc số chiều của mô hình (no model)")
    return manifest


def _documents(
    archive: zipfile.ZipFile, path: Path, dimension: int
) -> Iterator[tuple[Document, list[Chunk], np.ndarray | None, list[Fact]]]:
    for _, parsed in _numbered_documents(archive, path, dimension):
        yield parsed


def _numbered_documents(
    archive: zipfile.ZipFile, path: Path, dimension: int
) -> Iterator[tuple[int, tuple[Document, list[Chunk], np.ndarray | None, list[Fact]]]]:
    """(line number, parsed line) of each document line of the export."""
    with archive.open(_DOCUMENTS) as raw:
        number = 0
        while True:
            line = raw.readline(_MAX_LINE + 1)
            if not line:
                return
            number += 1
            if len(line) > _MAX_LINE:
                raise BackupError(f"{path}: {_DOCUMENTS} dòng {number} quá dài (line too long)")
            if not line.strip():
                continue
            try:
                parsed = _document(json.loads(line.decode("utf-8")), dimension)
            except BackupError as err:
                raise BackupError(f"{path}: {_DOCUMENTS} dòng {number}: {err}") from err
            except (ValueError, TypeError, KeyError, UnicodeDecodeError) as err:
                raise BackupError(
                    f"{path}: {_DOCUMENTS} dòng {number} hỏng (corrupt line: {err!r})"
                ) from err
            yield number, parsed


_META_FIELDS = {f.name for f in fields(DocumentMeta)}
_CHUNK_FIELDS = {f.name for f in fields(Chunk)} - {"text"}


def _document(data: dict, dimension: int):
    meta_data = {k: v for k, v in data["meta"].items() if k in _META_FIELDS}
    meta_data["provinces"] = tuple(meta_data.get("provinces") or ())
    meta_data["districts"] = tuple(meta_data.get("districts") or ())
    meta = DocumentMeta(**meta_data)
    if not isinstance(meta.source, str) or not isinstance(meta.doc_id, str):
        raise BackupError("tài liệu không có tên tệp hoặc mã (a document without name or id)")
    text = data["text"]
    if not isinstance(text, str) or not text:
        raise BackupError("tài liệu không có văn bản (a document without text)")
    doc = Document(meta=meta, text=text)
    chunks, vectors = [], []
    for record in data["chunks"]:
        chunk = Chunk(**{k: record[k] for k in _CHUNK_FIELDS}, text="")
        if chunk.doc_id != meta.doc_id or not 0 <= chunk.start < chunk.end <= len(text):
            raise BackupError(f"đoạn {chunk.chunk_id} không thuộc tài liệu {meta.source}")
        chunks.append(Chunk(**{**asdict(chunk), "text": text[chunk.start : chunk.end]}))
        vector = np.frombuffer(base64.b64decode(record["vector"], validate=True), dtype="<f4")
        if vector.shape != (dimension,) or not np.all(np.isfinite(vector)):
            raise BackupError(f"vector của đoạn {chunk.chunk_id} không có {dimension} chiều")
        vectors.append(vector)
    facts = []
    for record in data["facts"]:
        fact = Fact.from_dict(record)
        if fact.doc_id != meta.doc_id or not 0 <= fact.start <= fact.end <= len(text):
            raise BackupError(f"số liệu '{fact.value}' không thuộc tài liệu {meta.source}")
        facts.append(fact)
    return doc, chunks, (np.stack(vectors) if vectors else None), facts
