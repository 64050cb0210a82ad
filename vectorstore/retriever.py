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
from dataclasses import dataclass

import numpy as np

from assistant.types import Chunk, DocumentMeta, Hit
from ingest.text import fold
from vectorstore.chroma_store import ChromaStore
from vectorstore.embedder import Embedder
from vectorstore.lexical import LexicalIndex

log = logging.getLogger(__name__)

RRF_K = 60


@dataclass(frozen=True)
class SearchFilter:
    """Restricts retrieval; an empty field means no restriction. Places match folded names."""

    sources: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.provinces or self.districts or self.years)

    def allows(self, meta: DocumentMeta) -> bool:
        if self.sources and meta.source not in self.sources:
            return False
        if self.provinces and not _overlaps(self.provinces, meta.provinces):
            return False
        if self.districts and not _overlaps(self.districts, meta.districts):
            return False
        return not (self.years and meta.year not in self.years)


def _overlaps(wanted: tuple[str, ...], have: tuple[str, ...]) -> bool:
    return bool({fold(w) for w in wanted} & {fold(h) for h in have})


class _Snapshot:
    """Everything derived from one revision of the store, rebuilt when it changes."""

    def __init__(self, revision: str, metas: dict[str, DocumentMeta], index: LexicalIndex):
        self.revision = revision
        self.metas = metas
        self.index = index
        self.positions = {c.chunk_id: i for i, c in enumerate(index.chunks)}
        self.doc_of = np.array([c.doc_id for c in index.chunks], dtype=object)

    def mask(self, filters: SearchFilter) -> np.ndarray | None:
        if not filters:
            return None
        allowed = {d for d, meta in self.metas.items() if filters.allows(meta)}
        return np.array([d in allowed for d in self.doc_of], dtype=bool)


class HybridRetriever:
    def __init__(
        self,
        store: ChromaStore,
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
            snap = _Snapshot(revision, metas, LexicalIndex.build(chunks, titles))
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
        t1 = time.perf_counter()
        if query_vector is None:
            query_vector = self.embedder.embed_query(question)
        t2 = time.perf_counter()
        dense = self.store.query(query_vector, self.candidates, where=_where(filters, snap))
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

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.snapshot().index.chunks if c.doc_id == doc_id]


def _committed(chunk: Chunk, metas: dict[str, DocumentMeta]) -> bool:
    """Chunks of the document version whose record was written (see ingest.pipeline)."""
    meta = metas.get(chunk.doc_id)
    return meta is not None and chunk.version == meta.content_hash[:16]


def _where(filters: SearchFilter, snap: _Snapshot) -> dict | None:
    """The Chroma filter: the allowed documents, resolved against current metadata."""
    if not filters:
        return None
    allowed = sorted(d for d, meta in snap.metas.items() if filters.allows(meta))
    return {"doc_id": {"$in": allowed or ["__none__"]}}
