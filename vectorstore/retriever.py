"""Hybrid retrieval: reciprocal rank fusion of dense (Chroma) and lexical (BM25) results.

Usage::

    retriever = HybridRetriever(store, embedder)
    hits = retriever.search("Đình Lập có bao nhiêu xã đạt chuẩn?", k=5,
                            filters=SearchFilter(provinces=("Lạng Sơn",)))
"""

from __future__ import annotations

import logging
import threading
import time

import numpy as np

from base.errors import ModelMismatchError
from base.protocols import Embedder, Store
from base.types import Chunk, DocumentMeta, Hit, SearchFilter
from vectorstore.lexical import LexicalIndex

log = logging.getLogger(__name__)

RRF_K = 60


class _Snapshot:
    """Everything derived from one revision of the store, rebuilt when it changes."""

    def __init__(
        self,
        revision: str,
        metas: dict[str, DocumentMeta],
        index: LexicalIndex,
        model: tuple[str, int] | None = None,
    ):
        self.revision = revision
        self.model = model  # of the searchable vectors: a query must come from the same one
        self.metas = metas
        self.index = index
        self.positions = {c.chunk_id: i for i, c in enumerate(index.chunks)}
        self.doc_of = np.array([c.doc_id for c in index.chunks], dtype=object)
        self.by_doc: dict[str, list[Chunk]] = {}
        for chunk in index.chunks:
            self.by_doc.setdefault(chunk.doc_id, []).append(chunk)

    def mask(self, filters: SearchFilter) -> np.ndarray | None:
        if not filters:
            return None
        allowed = {d for d, meta in self.metas.items() if filters.allows(meta)}
        return np.array([d in allowed for d in self.doc_of], dtype=bool)


class HybridRetriever:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        candidates: int = 30,
    ):
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> _Snapshot:
        """The current lexical index and document metadata, rebuilt if the store changed."""
        revision = self.store.revision()
        snap = self._snapshot
        if snap is not None and snap.revision == revision:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is not None and snap.revision == revision:
                return snap
            started = time.perf_counter()
            metas = {m.doc_id: m for m in self.store.list_documents()}
            # Only chunks of committed document versions: an interrupted ingest's partial
            # chunks stay invisible until the next ingest completes them.
            chunks = [c for c in self.store.iter_chunks() if _committed(c, metas)]
            chunks.sort(key=lambda c: (c.source, c.index))
            titles = {d: m.title for d, m in metas.items()}
            model = self.store.indexed_model()
            snap = _Snapshot(revision, metas, LexicalIndex.build(chunks, titles), model)
            self._snapshot = snap
            log.info(
                "lexical index rebuilt: %d chunks in %.0f ms",
                len(chunks),
                (time.perf_counter() - started) * 1000,
            )
            return snap

    def search(
        self,
        question: str,
        k: int = 5,
        filters: SearchFilter | None = None,
        query_vector: np.ndarray | None = None,
        timings: dict | None = None,
    ) -> list[Hit]:
        filters = filters or SearchFilter()
        timings = {} if timings is None else timings
        t0 = time.perf_counter()
        snap = self.snapshot()
        self._check_model(snap)
        t1 = time.perf_counter()
        if query_vector is None:
            query_vector = self.embedder.embed_query(question)
        t2 = time.perf_counter()
        dense = self.store.query(query_vector, self.candidates, doc_ids=_allowed(filters, snap))
        dense = [(c, s) for c, s in dense if _committed(c, snap.metas)]
        t3 = time.perf_counter()
        lexical = snap.index.search(question, self.candidates, mask=snap.mask(filters))
        t4 = time.perf_counter()

        fused: dict[str, dict] = {}
        for rank, (chunk, sim) in enumerate(dense):
            entry = fused.setdefault(chunk.chunk_id, {"chunk": chunk, "rrf": 0.0})
            entry["rrf"] += 1.0 / (RRF_K + rank + 1)
            entry["dense"] = sim
        for rank, (position, score) in enumerate(lexical):
            chunk = snap.index.chunks[position]
            entry = fused.setdefault(chunk.chunk_id, {"chunk": chunk, "rrf": 0.0})
            entry["rrf"] += 1.0 / (RRF_K + rank + 1)
            entry["lexical"] = score
        ranked = sorted(fused.values(), key=lambda e: -e["rrf"])[:k]
        hits = [
            Hit(
                chunk=e["chunk"],
                doc=snap.metas[e["chunk"].doc_id],
                score=e["rrf"],
                dense_score=e.get("dense"),
                lexical_score=e.get("lexical"),
                rank=i + 1,
            )
            for i, e in enumerate(ranked)
        ]
        timings.update(
            index_ms=(t1 - t0) * 1000,
            embed_ms=(t2 - t1) * 1000,
            dense_ms=(t3 - t2) * 1000,
            lexical_ms=(t4 - t3) * 1000,
        )
        return hits

    def _check_model(self, snap: _Snapshot) -> None:
        """A question embedded by one model cannot be compared with another model's vectors."""
        if snap.model is None or snap.model[0] == self.embedder.name:
            return
        indexed, configured = snap.model[0], self.embedder.name
        pending = self.store.pending_rebuild()
        finish = (
            "Lần `ntm reindex` sang mô hình này chưa xong: chạy lại `ntm reindex` để hoàn tất. "
            if pending is not None and pending.model == configured
            else "Chạy `ntm reindex` để xây lại chỉ mục bằng mô hình này. "
        )
        raise ModelMismatchError(
            f"Chỉ mục tại {self.store.location} được xây bằng mô hình '{indexed}', còn cấu hình "
            f"hiện tại dùng '{configured}'. {finish}Hoặc đặt lại NTM_MODEL={indexed!r}. "
            f"(The index holds vectors of '{indexed}', not '{configured}': run `ntm reindex`, "
            f"or set NTM_MODEL back to {indexed!r}.)"
        )

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """The searchable chunks of one committed document, in text order."""
        return list(self.snapshot().by_doc.get(doc_id, ()))


def _committed(chunk: Chunk, metas: dict[str, DocumentMeta]) -> bool:
    """Chunks of the document version whose record was written (see ingest.pipeline)."""
    meta = metas.get(chunk.doc_id)
    return meta is not None and chunk.version == meta.content_hash[:16]


def _allowed(filters: SearchFilter, snap: _Snapshot) -> set[str] | None:
    """The documents a filter allows, resolved against current metadata (None: all)."""
    if not filters:
        return None
    return {d for d, meta in snap.metas.items() if filters.allows(meta)}
