"""The Python API shared by the CLI, the app and the tests.

Usage::

    from assistant import Assistant

    bot = Assistant()                       # NTM_* settings from the environment
    report = bot.ingest(["documents"])      # IngestReport: added / updated / unchanged / rejected
    hits = bot.search("Đình Lập có bao nhiêu xã đạt chuẩn?", k=5)
    answer = bot.ask("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    print(answer.to_dict())

One instance may serve many threads (the Streamlit sessions of one process): the model and the
Chroma client load once, lazily, and writes are serialised.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import DocumentNotFoundError
from assistant.settings import Settings
from assistant.types import Answer, Document, DocumentMeta, Hit, IngestReport
from ingest.pipeline import Progress, ingest_paths, prepare_document
from vectorstore.chroma_store import ChromaStore
from vectorstore.embedder import Embedder, SentenceTransformerEmbedder
from vectorstore.retriever import HybridRetriever, SearchFilter

log = logging.getLogger(__name__)


class Assistant:
    """Ingest, search and ask over one index."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        store: ChromaStore | None = None,
    ):
        self.settings = settings or Settings.from_env()
        self.embedder = embedder or SentenceTransformerEmbedder(self.settings)
        self.store = store or ChromaStore(self.settings)
        self.retriever = HybridRetriever(self.store, self.embedder)
        self._write_lock = threading.Lock()
        self._answerer = None

    # -- documents --------------------------------------------------------------------------
    def ingest(self, paths: Sequence[str | Path], progress: Progress | None = None) -> IngestReport:
        with self._write_lock:
            return ingest_paths(
                [Path(p) for p in paths], self.store, self.embedder, self.settings, progress
            )

    def documents(self) -> list[DocumentMeta]:
        return self.store.list_documents()

    def document(self, source: str) -> Document:
        meta = self.store.get_meta(source)
        doc = self.store.get_document(meta.doc_id) if meta else None
        if doc is None:
            raise DocumentNotFoundError(
                f"Không có tài liệu '{source}' trong chỉ mục. (No document named '{source}'.)"
            )
        return doc

    def remove(self, source: str) -> DocumentMeta:
        with self._write_lock:
            return self.store.remove_document(source)

    def reindex(self, progress: Progress | None = None) -> int:
        """Re-chunk and re-embed every stored document (after a model or chunking change)."""
        with self._write_lock:
            docs = [self.store.get_document(m.doc_id) for m in self.store.list_documents()]
            self.store.drop_chunks()
            self.store.ensure_model(self.embedder.name, self.embedder.dimension)
            total, done = 0, 0
            prepared = []
            for doc in docs:
                if doc is None:
                    continue
                fresh, chunks = prepare_document(
                    doc.meta.source, doc.meta.content_hash, doc.text, self.settings.chunk_chars
                )
                prepared.append((fresh, chunks))
                total += len(chunks)
            for fresh, chunks in prepared:
                vectors = self.embedder.embed_documents(
                    [c.text for c in chunks], titles=[fresh.meta.title] * len(chunks)
                )
                self.store.upsert_chunks(chunks, vectors, fresh.meta)
                self.store.put_document(fresh)
                done += len(chunks)
                if progress:
                    progress(done, total, fresh.meta.source)
            return done

    # -- questions --------------------------------------------------------------------------
    def search(self, question: str, k: int = 5, filters: SearchFilter | None = None) -> list[Hit]:
        from assistant.answer import check_question

        question = check_question(question, self.settings)
        return self.retriever.search(question, k=k, filters=filters)

    def ask(
        self,
        question: str,
        history: Sequence[str | dict] | None = None,
        filters: SearchFilter | None = None,
    ) -> Answer:
        from assistant.answer import Answerer

        if self._answerer is None:
            self._answerer = Answerer(self.retriever, self.embedder, self.store, self.settings)
        started = time.perf_counter()
        answer = self._answerer.ask(question, history=history, filters=filters)
        if self.settings.llm_url:
            from assistant.generate import generate

            llm_started = time.perf_counter()
            answer = generate(answer, self.settings)
            answer.timings_ms["llm_ms"] = (time.perf_counter() - llm_started) * 1000
        answer.timings_ms["total_ms"] = (time.perf_counter() - started) * 1000
        return answer

    def warm_up(self) -> None:
        """Load the model and the lexical index now rather than on the first question."""
        if hasattr(self.embedder, "warm_up"):
            self.embedder.warm_up()
        self.retriever.snapshot()
