"""Chroma, the single source of truth: the only module that imports chromadb.

Per ``NTM_COLLECTION`` prefix, ``<prefix>_documents`` holds each document's full cleaned text
and metadata (Chroma needs a vector per record: these get a one-number placeholder), plus one
``__state__`` record: the model of the searchable vectors, which chunk collection is searchable,
an unfinished rebuild, and a revision that changes on every write. Chunks with their vectors
live in ``<prefix>_chunks`` at first; ``ntm reindex`` builds ``<prefix>_chunks_<hex>`` beside it
and switches the state record to it only when complete (one upsert), then drops the old one.

The same code talks to an embedded ``PersistentClient`` or to a Chroma server.

Usage::

    store = ChromaStore(settings)
    store.ensure_model("embeddinggemma-300m", 768)
    store.upsert_chunks(chunks, vectors, doc.meta)
    store.put_document(doc)
    store.query(vector, n=20)
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import logging
import os
import re
import threading
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from base.errors import DocumentNotFoundError, ModelMismatchError, StoreError
from base.protocols import Store
from base.settings import Settings
from base.text import fold
from base.types import Chunk, Document, DocumentMeta, Fact, Rebuild

log = logging.getLogger(__name__)

_SEGMENT_FOLDER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STATE_ID = "__state__"
_PAGE = 2000
_PLACEHOLDER = [0.0]  # the documents collection's vector: Chroma requires one


class ChromaStore(Store):
    """Documents and chunks in Chroma (embedded or server); see the module docstring."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._client = None
        self._collections: dict[str, object] = {}
        self._lock = threading.RLock()
        self._before_commit: Callable[[Document], None] | None = None

    # -- connection -------------------------------------------------------------------------
    @property
    def location(self) -> str:
        s = self.settings
        return f"http://{s.chroma_host}:{s.chroma_port}" if s.chroma_host else str(s.chroma_dir)

    @contextmanager
    def writing(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """One writer at a time on an embedded home, across processes: a second ``ntm ingest``
        waits for the first (saying so) instead of interleaving writes. A Chroma server
        serialises its own writes; nothing to do then."""
        if self.settings.chroma_host:
            yield
            return
        import fcntl

        self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        path = self.settings.chroma_dir / "write.lock"
        with open(path, "a+", encoding="utf-8") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "?"
                message = (
                    f"Một tiến trình khác (PID {holder}) đang ghi vào chỉ mục tại "
                    f"{self.settings.chroma_dir}; đang chờ nó xong… (another process is writing "
                    "to this index; waiting for it to finish)"
                )
                (on_wait or log.warning)(message)
                fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            try:
                yield
            finally:
                fh.seek(0)
                fh.truncate()
                fh.flush()
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _connect(self):
        if self._client is not None:
            return self._client
        with self._lock:
            if self._client is not None:
                return self._client
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            try:
                if self.settings.chroma_host:
                    client = chromadb.HttpClient(
                        host=self.settings.chroma_host,
                        port=self.settings.chroma_port,
                        settings=chroma_settings,
                    )
                    client.heartbeat()
                else:
                    self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
                    client = chromadb.PersistentClient(
                        path=str(self.settings.chroma_dir), settings=chroma_settings
                    )
            except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds
                raise StoreError(
                    f"Không kết nối được Chroma tại {self.location}: {exc}. Kiểm tra "
                    "NTM_CHROMA_HOST/NTM_CHROMA_PORT hoặc quyền ghi NTM_HOME. "
                    f"(Cannot open Chroma at {self.location}.)"
                ) from exc
            self._client = client
            return client

    @property
    def max_batch(self) -> int:
        try:
            return max(1, min(1000, int(self._connect().get_max_batch_size())))
        except Exception:  # noqa: BLE001 - older servers lack the call
            return 500

    def _open(self, name: str, space: str = "cosine"):
        col = self._collections.get(name)
        if col is not None:
            return col
        client = self._connect()
        try:
            # search_ef well above the passages asked for: Chroma's default (10) makes the
            # nearest passages depend on the order the index was built in
            col = client.get_or_create_collection(
                name,
                embedding_function=None,
                metadata={"hnsw:space": space, "hnsw:search_ef": 128},
            )
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"Không mở được bộ sưu tập Chroma '{name}': {exc}") from exc
        self._collections[name] = col
        return col

    @property
    def docs(self):
        return self._open(f"{self.settings.collection}_documents", space="l2")

    @property
    def fact_records(self):
        """The facts index: one record per figure (``ingest.facts``), a placeholder vector."""
        return self._open(f"{self.settings.collection}_facts", space="l2")

    @property
    def chunks(self):
        """The searchable chunk collection (the state record says which one it is)."""
        return self._open(self._active_name(self._state()))

    def _chunks_of(self, rebuild: Rebuild | None):
        return self.chunks if rebuild is None else self._open(rebuild.name)

    @property
    def _base_name(self) -> str:
        return f"{self.settings.collection}_chunks"

    def _active_name(self, state: dict) -> str:
        return str(state.get("chunks") or self._base_name)

    # -- the state record ------------------------------------------------------------------
    def _state(self) -> dict:
        got = self.docs.get(ids=[_STATE_ID], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else {}

    def _write_state(self, **changes) -> None:
        with self._lock:
            state = self._state()
            state.update(changes)
            state["kind"] = "state"
            state["revision"] = uuid.uuid4().hex
            self.docs.upsert(
                ids=[_STATE_ID], embeddings=[_PLACEHOLDER], documents=[""], metadatas=[state]
            )

    def indexed_model(self) -> tuple[str, int] | None:
        state = self._state()
        if state.get("model") and self._open(self._active_name(state)).count() > 0:
            return str(state["model"]), int(state["dimension"])
        return None

    def ensure_model(self, name: str, dimension: int) -> None:
        """Refuse to mix vectors of two models in one index."""
        current = self.indexed_model()
        if current is None:
            if self._state().get("model") != name:
                self._write_state(model=name, dimension=dimension)
            return
        if current != (name, dimension):
            raise ModelMismatchError(
                f"Chỉ mục tại {self.location} được xây bằng mô hình '{current[0]}' "
                f"({current[1]} chiều), còn cấu hình hiện tại dùng '{name}' ({dimension} chiều). "
                f"Đặt lại NTM_MODEL={current[0]!r}, hoặc chạy `ntm reindex` để xây lại chỉ mục "
                "bằng mô hình mới, hoặc dùng NTM_HOME/NTM_COLLECTION khác. "
                f"(The index was built with '{current[0]}', not '{name}': vectors of two models "
                "cannot be mixed.)"
            )

    def facts_reader(self) -> str:
        return str(self._state().get("facts_reader", ""))

    def set_facts_reader(self, version: str) -> None:
        self._write_state(facts_reader=version)

    def revision(self) -> str:
        """Changes on every write: tells readers that their caches are stale."""
        return str(self._state().get("revision", "empty"))

    def bump(self) -> None:
        self._write_state()

    # -- rebuilds ---------------------------------------------------------------------------
    def pending_rebuild(self) -> Rebuild | None:
        state = self._state()
        if not state.get("pending"):
            return None
        return Rebuild(
            str(state["pending"]),
            str(state["pending_model"]),
            int(state["pending_dimension"]),
            bool(state.get("pending_full")),
        )

    def start_rebuild(self, model: str, dimension: int, full: bool = False) -> Rebuild:
        """The rebuild to write into: the pending one for this model (made ``full`` when asked:
        the intent is stored, so whoever finishes it embeds every chunk), or a new one."""
        with self._lock:
            pending = self.pending_rebuild()
            if pending is not None and (pending.model, pending.dimension) == (model, dimension):
                self._open(pending.name)
                if full and not pending.full:
                    self._write_state(pending_full=True)
                    pending = replace(pending, full=True)
                return pending
            rebuild = Rebuild(f"{self._base_name}_{uuid.uuid4().hex[:8]}", model, dimension, full)
            self._open(rebuild.name)  # created before the state names it
            self._write_state(
                pending=rebuild.name,
                pending_model=model,
                pending_dimension=dimension,
                pending_full=full,
            )
            self._drop_orphans()
            return rebuild

    def finish_rebuild(self, rebuild: Rebuild, docs: Sequence[Document]) -> None:
        with self._lock:
            if self.pending_rebuild() != rebuild:
                raise StoreError(
                    f"Lần xây lại chỉ mục {rebuild.name} đã bị thay thế bởi một lần khác; chạy "
                    "lại `ntm reindex`. (This rebuild was superseded: run `ntm reindex` again.)"
                )
            self.put_documents(docs)  # same texts, refreshed metadata: safe before the switch
            self._write_state(
                chunks=rebuild.name,
                model=rebuild.model,
                dimension=rebuild.dimension,
                pending="",
                pending_model="",
                pending_dimension=0,
                pending_full=False,
            )
            self._drop_orphans()

    def _drop_orphans(self) -> None:
        """Delete chunk collections that are neither searchable nor being built."""
        state = self._state()
        keep = {self._active_name(state), str(state.get("pending") or "")}
        pattern = re.compile(re.escape(self._base_name) + r"(?:_[0-9a-f]{8})?")
        client = self._connect()
        for col in client.list_collections():
            name = col if isinstance(col, str) else col.name
            if pattern.fullmatch(name) and name not in keep:
                try:
                    client.delete_collection(name)
                except Exception as exc:  # noqa: BLE001 - another process may have done it
                    log.info("could not drop %s: %s", name, exc)
                self._collections.pop(name, None)
                log.info("dropped chunk collection %s", name)
        self._remove_unused_segment_folders()

    def _remove_unused_segment_folders(self) -> None:
        """Delete the folders of vector segments no collection uses any more: an embedded
        Chroma leaves a dropped collection's folder on disk, and every reindex drops one."""
        if self.settings.chroma_host:
            return
        import shutil
        import sqlite3

        root = self.settings.chroma_dir
        database = root / "chroma.sqlite3"
        if not database.exists():
            return
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            used = {str(row[0]) for row in db.execute("SELECT id FROM segments")}
        for folder in root.iterdir():
            if (
                folder.is_dir()
                and _SEGMENT_FOLDER.fullmatch(folder.name)
                and folder.name not in used
            ):
                shutil.rmtree(folder, ignore_errors=True)
                log.info("removed the unused segment folder %s", folder.name)

    # -- writes -----------------------------------------------------------------------------
    def upsert_chunks(
        self,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        meta: DocumentMeta,
        rebuild: Rebuild | None = None,
    ) -> None:
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        target = self._chunks_of(rebuild)
        step = self.max_batch
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            target.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=[np.asarray(v).tolist() for v in vectors[i : i + step]],
                documents=[c.text for c in part],
                metadatas=[_chunk_metadata(c, meta) for c in part],
            )

    def delete_chunks(
        self, doc_id: str, keep: set[str] | None = None, rebuild: Rebuild | None = None
    ) -> int:
        """Delete a document's chunks except ``keep``; returns how many went."""
        target = self._chunks_of(rebuild)
        got = target.get(where={"doc_id": doc_id}, include=[])
        stale = [i for i in got["ids"] if not keep or i not in keep]
        step = self.max_batch
        for i in range(0, len(stale), step):
            target.delete(ids=stale[i : i + step])
        return len(stale)

    @contextmanager
    def before_commit(self, hook: Callable[[Document], None]) -> Iterator[None]:
        """While held, ``hook(doc)`` runs just before each ``put_document`` commits a
        document (the audit log's line: a kill can never leave a committed document
        without it)."""
        previous, self._before_commit = self._before_commit, hook
        try:
            yield
        finally:
            self._before_commit = previous

    def put_document(self, doc: Document) -> None:
        if self._before_commit is not None:
            self._before_commit(doc)
        self.put_documents([doc])

    def put_documents(self, docs: Sequence[Document]) -> None:
        step = self.max_batch
        for i in range(0, len(docs), step):
            part = docs[i : i + step]
            self.docs.upsert(
                ids=[d.meta.doc_id for d in part],
                embeddings=[_PLACEHOLDER] * len(part),
                documents=[d.text for d in part],
                metadatas=[_doc_metadata(d.meta) for d in part],
            )
        if docs:
            self.bump()

    def remove_document(self, source: str) -> DocumentMeta:
        meta = self.get_meta(source)
        if meta is None:
            raise DocumentNotFoundError(
                f"Không có tài liệu '{source}' trong chỉ mục. Xem danh sách bằng `ntm docs`. "
                f"(No document named '{source}'.)"
            )
        self.delete_chunks(meta.doc_id)
        pending = self.pending_rebuild()
        if pending is not None:
            self.delete_chunks(meta.doc_id, rebuild=pending)
        self.put_facts(meta.doc_id, [])
        self.docs.delete(ids=[meta.doc_id])
        self.bump()
        return meta

    # -- facts ------------------------------------------------------------------------------
    def put_facts(self, doc_id: str, facts: Sequence[Fact], prune: bool = True) -> None:
        """Write a document's facts; with ``prune``, the others it had go (after)."""
        target = self.fact_records
        step = self.max_batch
        for i in range(0, len(facts), step):
            part = facts[i : i + step]
            target.upsert(
                ids=[f.fact_id for f in part],
                embeddings=[_PLACEHOLDER] * len(part),
                documents=[f.value for f in part],
                metadatas=[_fact_metadata(f) for f in part],
            )
        if prune:
            self.prune_facts(doc_id, keep={f.fact_id for f in facts})

    def prune_facts(self, doc_id: str, keep: set[str]) -> None:
        target = self.fact_records
        step = self.max_batch
        old = target.get(where={"doc_id": doc_id}, include=[])["ids"]
        stale = [i for i in old if i not in keep]
        for i in range(0, len(stale), step):
            target.delete(ids=stale[i : i + step])

    def facts(
        self,
        doc_ids: Collection[str] | None = None,
        indicator: str | None = None,
        place: str | None = None,
        year: int | None = None,
    ) -> list[Fact]:
        conditions: list[dict] = []
        if doc_ids is not None:
            if not doc_ids:
                return []
            conditions.append({"doc_id": {"$in": sorted(doc_ids)}})
        if indicator:
            conditions.append({"indicator": indicator})
        if place:
            conditions.append({"place_key": fold(place)})
        if year is not None:
            conditions += [{"year_lo": {"$lte": year}}, {"year_hi": {"$gte": year}}]
        where = (
            None
            if not conditions
            else conditions[0]
            if len(conditions) == 1
            else {"$and": conditions}
        )
        out: list[Fact] = []
        offset = 0
        while True:
            got = self.fact_records.get(
                where=where, include=["metadatas"], limit=_PAGE, offset=offset
            )
            if not got["ids"]:
                break
            out.extend(_fact_from(m) for m in got["metadatas"])
            offset += len(got["ids"])
        return sorted(out, key=lambda f: (f.source, f.value_start))

    # -- reads ------------------------------------------------------------------------------
    def list_documents(self) -> list[DocumentMeta]:
        got = self.docs.get(where={"kind": "doc"}, include=["metadatas"])
        metas = [_meta_from(m) for m in got["metadatas"]]
        return sorted(metas, key=lambda m: m.source)

    def get_meta(self, source: str) -> DocumentMeta | None:
        got = self.docs.get(where={"source": source}, include=["metadatas"])
        return _meta_from(got["metadatas"][0]) if got["ids"] else None

    def get_document(self, doc_id: str) -> Document | None:
        got = self.docs.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        return Document(meta=_meta_from(got["metadatas"][0]), text=got["documents"][0])

    def count_chunks(self, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self.chunks.count()
        return len(self.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])

    def chunk_ids(
        self,
        doc_id: str | None = None,
        rebuild: Rebuild | None = None,
        version: str | None = None,
    ) -> set[str]:
        target = self._chunks_of(rebuild)
        conditions = [{"doc_id": doc_id}] if doc_id is not None else []
        if version is not None:
            conditions.append({"version": version})
        where = (
            None
            if not conditions
            else conditions[0]
            if len(conditions) == 1
            else {"$and": conditions}
        )
        ids: set[str] = set()
        offset = 0
        while True:
            got = target.get(where=where, include=[], limit=_PAGE, offset=offset)
            if not got["ids"]:
                return ids
            ids.update(got["ids"])
            offset += len(got["ids"])

    def vectors(self, chunk_ids: Collection[str]) -> dict[str, np.ndarray]:
        wanted = list(chunk_ids)
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(wanted), _PAGE):
            got = self.chunks.get(ids=wanted[i : i + _PAGE], include=["embeddings"])
            for cid, vector in zip(got["ids"], got["embeddings"], strict=True):
                found[cid] = np.asarray(vector, dtype=np.float32)
        return found

    def iter_chunks(self) -> Iterator[Chunk]:
        """Every searchable chunk, page by page (for the lexical index)."""
        for cid, text, meta, _ in self._chunk_rows(vectors=False):
            yield _chunk_from(cid, text, meta)

    def iter_chunk_vectors(self) -> Iterator[tuple[Chunk, np.ndarray]]:
        """Every searchable chunk with its vector (for the retriever's exact search)."""
        for cid, text, meta, vector in self._chunk_rows(vectors=True):
            yield _chunk_from(cid, text, meta), np.asarray(vector, dtype=np.float32)

    def _chunk_rows(self, vectors: bool) -> Iterator[tuple]:
        """(id, text, metadata, vector or None) of every searchable chunk, page by page."""
        target = self.chunks
        include = ["documents", "metadatas", *(["embeddings"] if vectors else [])]
        offset = 0
        while True:
            got = target.get(include=include, limit=_PAGE, offset=offset)
            if not got["ids"]:
                return
            found = got["embeddings"] if vectors else [None] * len(got["ids"])
            yield from zip(got["ids"], got["documents"], got["metadatas"], found, strict=True)
            offset += len(got["ids"])

    def query(
        self, vector: np.ndarray, n: int, doc_ids: Collection[str] | None = None
    ) -> list[tuple[Chunk, float]]:
        """Nearest searchable chunks with cosine similarity, best first."""
        target = self.chunks
        total = target.count()
        if total == 0 or (doc_ids is not None and not doc_ids):
            return []
        where = None if doc_ids is None else {"doc_id": {"$in": sorted(doc_ids)}}
        got = target.query(
            query_embeddings=[np.asarray(vector).tolist()],
            n_results=min(n, total),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        return [
            (_chunk_from(cid, text, meta), 1.0 - float(dist))
            for cid, text, meta, dist in zip(
                got["ids"][0],
                got["documents"][0],
                got["metadatas"][0],
                got["distances"][0],
                strict=True,
            )
        ]


def _chunk_metadata(chunk: Chunk, meta: DocumentMeta) -> dict:
    data = {
        "doc_id": chunk.doc_id,
        "source": chunk.source,
        "index": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
        "version": meta.content_hash[:16],
    }
    if meta.year:
        data["year"] = meta.year
    # Chroma arrays must be non-empty; absent means "no place named".
    if meta.provinces:
        data["provinces"] = list(meta.provinces)
    if meta.districts:
        data["districts"] = list(meta.districts)
    return data


def _chunk_from(chunk_id: str, text: str, meta: dict) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        source=str(meta["source"]),
        index=int(meta["index"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text,
        version=str(meta.get("version", "")),
    )


def _doc_metadata(meta: DocumentMeta) -> dict:
    data = {
        "kind": "doc",
        "doc_id": meta.doc_id,
        "source": meta.source,
        "title": meta.title,
        "content_hash": meta.content_hash,
        "chunk_count": meta.chunk_count,
        "chars": meta.chars,
        "origin": meta.origin,
        "places": json.dumps(
            {"provinces": list(meta.provinces), "districts": list(meta.districts)},
            ensure_ascii=False,
        ),
    }
    if meta.date:
        data["date"] = meta.date
        data["year"] = meta.year
    return data


def _meta_from(data: dict) -> DocumentMeta:
    places = json.loads(data.get("places") or "{}")
    return DocumentMeta(
        doc_id=str(data["doc_id"]),
        source=str(data["source"]),
        title=str(data.get("title", "")),
        date=data.get("date"),
        provinces=tuple(places.get("provinces", ())),
        districts=tuple(places.get("districts", ())),
        content_hash=str(data.get("content_hash", "")),
        chunk_count=int(data.get("chunk_count", 0)),
        chars=int(data.get("chars", 0)),
        origin=str(data.get("origin", "")),
    )


def _fact_metadata(fact: Fact) -> dict:
    data = {
        "doc_id": fact.doc_id,
        "source": fact.source,
        "version": fact.version,
        "indicator": fact.indicator,
        "kind": str(fact.kind),
        "unit": fact.unit,
        "place_key": fold(fact.place),
        "place_level": fact.place_level,
        "fact": json.dumps(fact.to_dict(), ensure_ascii=False),
    }
    if fact.time_lo:
        data["year_lo"] = int(fact.time_lo[:4])
        data["year_hi"] = int(fact.time_hi[:4])
    return data


def _fact_from(data: dict) -> Fact:
    return Fact.from_dict(json.loads(data["fact"]))


def _store_failure(store: ChromaStore, exc: Exception) -> StoreError:
    s = store.settings
    if s.chroma_host:
        return StoreError(
            f"Mất kết nối tới máy chủ Chroma tại {store.location} ({type(exc).__name__}: {exc}). "
            f"Kiểm tra máy chủ đang chạy và NTM_CHROMA_HOST={s.chroma_host} / "
            f"NTM_CHROMA_PORT={s.chroma_port}; thử lại khi nó chạy lại. (The Chroma server "
            f"at {store.location} cannot be reached; retry once it is back.)"
        )
    return StoreError(
        f"Chỉ mục Chroma tại {store.location} không dùng được ({type(exc).__name__}: {exc}). "
        "Kiểm tra quyền ghi và dung lượng đĩa của NTM_HOME. (The embedded Chroma index failed.)"
    )


def _failures() -> tuple[type[BaseException], ...]:
    """What Chroma and its HTTP client raise when the store, not our code, is at fault."""
    import chromadb.errors
    import httpx

    return (chromadb.errors.ChromaError, httpx.HTTPError, ConnectionError, OSError)


def _guarded(method):
    """The method, with the store's own failures raised as :class:`StoreError` (with the
    host and port), never a raw ``httpx.ConnectError``; iterators are guarded as they run."""
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except StoreError:
                raise
            except _failures() as exc:
                raise _store_failure(self, exc) from exc

        return generator

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except StoreError:
            raise
        except _failures() as exc:
            raise _store_failure(self, exc) from exc

    return wrapper


for _name, _member in list(vars(ChromaStore).items()):
    if not _name.startswith("_") and _name != "writing" and inspect.isfunction(_member):
        setattr(ChromaStore, _name, _guarded(_member))
