"""The seams: what an embedding model and a store must offer, whoever implements them.

``vectorstore.embedder.SentenceTransformerEmbedder`` and ``vectorstore.chroma_store.ChromaStore``
are the product's implementations; the tests' ``FakeEmbedder`` is another embedder. Everything
above the seam (``ingest.pipeline``, the retriever, the answerer) is written against these.

Usage::

    def index(store: Store, embedder: Embedder, doc: Document, chunks: list[Chunk]) -> None:
        vectors = embedder.embed_documents([c.text for c in chunks], titles=[doc.meta.title] * len(chunks))
        store.upsert_chunks(chunks, vectors, doc.meta)
        store.put_document(doc)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

import numpy as np

from base.types import Chunk, Document, DocumentMeta, Fact, Rebuild


@runtime_checkable
class Embedder(Protocol):
    """Turns passages and questions into unit vectors of one model."""

    @property
    def name(self) -> str:
        """Identifies the model; the index refuses vectors from another one."""

    @property
    def dimension(self) -> int: ...

    def embed_documents(self, texts: list[str], titles: list[str] | None = None) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


@runtime_checkable
class Store(Protocol):
    """Documents, their chunks with vectors, and the record of the model that made them.

    Chunks live in a *searchable set*. A rebuild (``ntm reindex``) writes a second set beside
    it and switches over only when that is complete, so a crash at any point leaves the old
    set searchable. Methods that take ``rebuild`` write to or read from that set instead.

    A document's record is written after its chunks and carries its content hash: chunks whose
    ``version`` does not match their document's record are an unfinished write and must not
    be shown (``committed`` says which are).
    """

    @property
    def location(self) -> str:
        """Where the data lives, for messages (a directory or a server address)."""

    # -- the model record --------------------------------------------------------------------
    def indexed_model(self) -> tuple[str, int] | None:
        """(model name, dimension) of the searchable vectors, or None when there are none."""

    def ensure_model(self, name: str, dimension: int) -> None:
        """Record the model, or raise ``ModelMismatchError`` if the index holds another's."""

    def revision(self) -> str:
        """Changes on every write: readers' caches of an older revision are stale."""

    # -- documents -------------------------------------------------------------------------
    def writing(self, on_wait: Callable[[str], None] | None = None) -> AbstractContextManager:
        """Held while a process writes (ingest, remove, reindex, import): writers of one
        index wait for each other; ``on_wait`` hears why when this one has to wait."""

    def before_commit(self, hook: Callable[[Document], None]) -> AbstractContextManager:
        """While held, ``hook(doc)`` runs just before each ``put_document`` commits."""

    def put_document(self, doc: Document) -> None:
        """Write a document's record (its commit marker) after its chunks."""

    def put_documents(self, docs: Sequence[Document]) -> None:
        """Write several records at once (their texts must not change: chunks point into them)."""

    def remove_document(self, source: str) -> DocumentMeta:
        """Delete a document and its chunks everywhere; ``DocumentNotFoundError`` if unknown."""

    def list_documents(self) -> list[DocumentMeta]: ...

    def get_meta(self, source: str) -> DocumentMeta | None: ...

    def get_document(self, doc_id: str) -> Document | None: ...

    # -- chunks ----------------------------------------------------------------------------
    def upsert_chunks(
        self,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        meta: DocumentMeta,
        rebuild: Rebuild | None = None,
    ) -> None: ...

    def delete_chunks(
        self, doc_id: str, keep: set[str] | None = None, rebuild: Rebuild | None = None
    ) -> int:
        """Delete a document's chunks except ``keep``; returns how many went."""

    def chunk_ids(
        self,
        doc_id: str | None = None,
        rebuild: Rebuild | None = None,
        version: str | None = None,
    ) -> set[str]:
        """Ids of a document's chunks (of every chunk when ``doc_id`` is None); only those
        written for that document ``version`` (``Chunk.version``) when it is given."""

    def vectors(self, chunk_ids: Collection[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those searchable chunks that exist."""

    def count_chunks(self, doc_id: str | None = None) -> int: ...

    def iter_chunks(self) -> Iterator[Chunk]:
        """Every searchable chunk (committed or not), page by page."""

    def iter_chunk_vectors(self) -> Iterator[tuple[Chunk, np.ndarray]]:
        """Every searchable chunk with its stored vector, page by page."""

    def query(
        self, vector: np.ndarray, n: int, doc_ids: Collection[str] | None = None
    ) -> list[tuple[Chunk, float]]:
        """The ``n`` nearest searchable chunks with cosine similarity, best first; only those
        of ``doc_ids`` when given."""

    # -- the facts index -------------------------------------------------------------------
    def prune_facts(self, doc_id: str, keep: set[str]) -> None:
        """Delete a document's facts except those of ``keep`` (ids)."""

    def put_facts(self, doc_id: str, facts: Sequence[Fact], prune: bool = True) -> None:
        """Replace the figures read from a document (written before its record)."""

    def facts_reader(self) -> str:
        """Version of the fact reader (``ingest.facts.READER``) the stored figures come from;
        '' for an index written before it was recorded."""

    def set_facts_reader(self, version: str) -> None:
        """Record that every stored document's figures were read by that reader version."""

    def facts(
        self,
        doc_ids: Collection[str] | None = None,
        indicator: str | None = None,
        place: str | None = None,
        year: int | None = None,
    ) -> list[Fact]:
        """Stored figures, of those documents, that indicator, place (any spelling that folds
        the same) and year when given; of any document version (filter by ``Fact.version``)."""

    # -- rebuilds --------------------------------------------------------------------------
    def pending_rebuild(self) -> Rebuild | None:
        """The rebuild a crash left unfinished, if any."""

    def start_rebuild(self, model: str, dimension: int, full: bool = False) -> Rebuild:
        """Begin a rebuild for this model, or resume the unfinished one for the same model;
        ``full`` (every chunk embedded again) is stored with it and kept on resume."""

    def finish_rebuild(self, rebuild: Rebuild, docs: Sequence[Document]) -> None:
        """Write ``docs``' records, then make the rebuild the searchable set in one step."""
