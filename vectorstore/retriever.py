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

from base.errors import ModelMismatchError, StoreError
from base.protocols import Embedder, Store
from base.types import Chunk, DocumentMeta, Hit, SearchFilter
from vectorstore.lexical import LexicalIndex

log = logging.getLogger(__name__)

RRF_K = 60
# Up to this many chunks the dense side is an exact cosine scan of vectors held in memory
# (20,000 chunks of 768 floats: 62 MB, 6 ms per question): the nearest passages are then
# the same on every build of the index. Chroma's HNSW graph is approximate, and a rebuilt graph
# can miss a borderline passage that the previous one found. Larger collections use Chroma.
EXACT_LIMIT = 100_000


class _Snapshot:
    """Everything derived from one revision of the store, rebuilt when it changes."""

    def __init__(
        self,
        revision: str,
        metas: dict[str, DocumentMeta],
        index: LexicalIndex,
        model: tuple[str, int] | None = None,
        vectors: np.ndarray | None = None,
    ):
        self.revision = revision
        self.model = model  # of the searchable vectors: a query must come from the same one
        self.metas = metas
        self.index = index
        self.vectors = vectors  # unit rows aligned with index.chunks; None: ask Chroma
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
        exact_limit: int = EXACT_LIMIT,
    ):
        self.store = store
        self.embedder = embedder
        self.candidates = candidates
        self.exact_limit = exact_limit
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
            vectors = None
            pairs = None
            if self.store.count_chunks() <= self.exact_limit:
                try:
                    pairs = [p for p in self.store.iter_chunk_vectors() if _committed(p[0], metas)]
                except StoreError as err:
                    # An embedded Chroma written by another process meanwhile (a CLI ingest
                    # beside the app) cannot hand this process the new vectors until it
                    # reopens: search as Chroma's index sees it rather than not at all.
                    log.warning("exact search unavailable, using Chroma's index: %s", err)
            if pairs is not None:
                pairs.sort(key=lambda p: (p[0].source, p[0].index))
                chunks = [c for c, _ in pairs]
                vectors = _unit_rows([v for _, v in pairs])
            else:
                chunks = [c for c in self.store.iter_chunks() if _committed(c, metas)]
                chunks.sort(key=lambda c: (c.source, c.index))
            titles = {d: m.title for d, m in metas.items()}
            model = self.store.indexed_model()
            index = LexicalIndex.build(chunks, titles)
            snap = _Snapshot(revision, metas, index, model, vectors)
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
        if snap.vectors is not None:
            dense = _nearest(snap, query_vector, self.candidates, snap.mask(filters))
        else:
            dense = self.store.query(query_vector, self.candidates, _allowed(filters, snap))
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


def _unit_rows(vectors: list[np.ndarray]) -> np.ndarray:
    if not vectors:
        return np.zeros((0, 0), dtype=np.float32)
    rows = np.stack(vectors).astype(np.float32, copy=False)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def _nearest(
    snap: _Snapshot, vector: np.ndarray, n: int, mask: np.ndarray | None
) -> list[tuple[Chunk, float]]:
    """The ``n`` chunks most similar to ``vector`` (cosine), best first; ties by text order."""
    if not len(snap.index.chunks):
        return []
    query = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(query))
    sims = snap.vectors @ (query / norm if norm else query)
    allowed = np.arange(len(sims)) if mask is None else np.flatnonzero(mask)
    if not len(allowed):
        return []
    if len(allowed) > n:
        allowed = allowed[np.argpartition(-sims[allowed], n - 1)[:n]]
    order = allowed[np.lexsort((allowed, -sims[allowed]))]
    return [(snap.index.chunks[i], float(sims[i])) for i in order]


def _committed(chunk: Chunk, metas: dict[str, DocumentMeta]) -> bool:
    """Chunks of the document version whose record was written (see ingest.pipeline)."""
    meta = metas.get(chunk.doc_id)
    return meta is not None and chunk.version == meta.content_hash[:16]


def _allowed(filters: SearchFilter, snap: _Snapshot) -> set[str] | None:
    """The documents a filter allows, resolved against current metadata (None: all)."""
    if not filters:
        return None
    return {d for d, meta in snap.metas.items() if filters.allows(meta)}
