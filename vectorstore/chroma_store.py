"""Chroma, the single source of truth: the only module that imports chromadb.

Two collections per ``NTM_COLLECTION`` prefix: ``<prefix>_chunks`` (passages with their
vectors and metadata) and ``<prefix>_documents`` (each document's full cleaned text and
metadata, written *after* its chunks: a document record is the commit marker of its ingest).
The same code talks to an embedded ``PersistentClient`` or to a Chroma server.

Usage::

    store = ChromaStore(settings)
    store.ensure_model("embeddinggemma-300m", 768)
    store.upsert_chunks(chunks, vectors, doc.meta)
    store.put_document(doc)
    store.query(vector, n=20)
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterator, Sequence

import numpy as np

from assistant.errors import DocumentNotFoundError, ModelMismatchError, StoreError
from assistant.settings import Settings
from assistant.types import Chunk, Document, DocumentMeta

log = logging.getLogger(__name__)

_STATE_ID = "__state__"
_PAGE = 2000


class ChromaStore:
    """Documents and chunks in Chroma (embedded or server)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._client = None
        self._chunks = None
        self._docs = None
        self._lock = threading.RLock()

    # -- connection -------------------------------------------------------------------------
    @property
    def location(self) -> str:
        s = self.settings
        return f"http://{s.chroma_host}:{s.chroma_port}" if s.chroma_host else str(s.chroma_dir)

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

    def _collection(self, kind: str):
        cached = self._chunks if kind == "chunks" else self._docs
        if cached is not None:
            return cached
        client = self._connect()
        name = f"{self.settings.collection}_{kind}"
        space = "cosine" if kind == "chunks" else "l2"
        try:
            col = client.get_or_create_collection(
                name, embedding_function=None, metadata={"hnsw:space": space}
            )
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"Không mở được bộ sưu tập Chroma '{name}': {exc}") from exc
        if kind == "chunks":
            self._chunks = col
        else:
            self._docs = col
        return col

    @property
    def chunks(self):
        return self._collection("chunks")

    @property
    def docs(self):
        return self._collection("documents")

    # -- model bookkeeping ------------------------------------------------------------------
    def _state(self) -> dict:
        got = self.docs.get(ids=[_STATE_ID], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else {}

    def _write_state(self, **changes) -> None:
        state = self._state()
        state.update(changes)
        state["kind"] = "state"
        state["revision"] = uuid.uuid4().hex
        self.docs.upsert(ids=[_STATE_ID], embeddings=[[0.0]], documents=[""], metadatas=[state])

    def indexed_model(self) -> tuple[str, int] | None:
        state = self._state()
        if "model" in state and self.chunks.count() > 0:
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

    def revision(self) -> str:
        """Changes on every write: tells readers that their caches are stale."""
        return str(self._state().get("revision", "empty"))

    def bump(self) -> None:
        self._write_state()

    # -- writes -----------------------------------------------------------------------------
    def upsert_chunks(
        self, chunks: Sequence[Chunk], vectors: np.ndarray, meta: DocumentMeta
    ) -> None:
        if len(chunks) != len(vectors):
            raise ValueError("one vector per chunk")
        step = self.max_batch
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            self.chunks.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=[v.tolist() for v in vectors[i : i + step]],
                documents=[c.text for c in part],
                metadatas=[_chunk_metadata(c, meta) for c in part],
            )

    def delete_chunks(self, doc_id: str, keep: set[str] | None = None) -> int:
        """Delete a document's chunks except ``keep``; returns how many went."""
        got = self.chunks.get(where={"doc_id": doc_id}, include=[])
        stale = [i for i in got["ids"] if not keep or i not in keep]
        step = self.max_batch
        for i in range(0, len(stale), step):
            self.chunks.delete(ids=stale[i : i + step])
        return len(stale)

    def put_document(self, doc: Document) -> None:
        meta = doc.meta
        self.docs.upsert(
            ids=[meta.doc_id],
            embeddings=[[0.0]],
            documents=[doc.text],
            metadatas=[_doc_metadata(meta)],
        )
        self.bump()

    def remove_document(self, source: str) -> DocumentMeta:
        meta = self.get_meta(source)
        if meta is None:
            raise DocumentNotFoundError(
                f"Không có tài liệu '{source}' trong chỉ mục. Xem danh sách bằng `ntm docs`. "
                f"(No document named '{source}'.)"
            )
        self.delete_chunks(meta.doc_id)
        self.docs.delete(ids=[meta.doc_id])
        self.bump()
        return meta

    def drop_chunks(self) -> None:
        """Delete every chunk (re-index keeps the documents' texts)."""
        client = self._connect()
        client.delete_collection(f"{self.settings.collection}_chunks")
        self._chunks = None
        self._write_state(model="", dimension=0)

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

    def iter_chunks(self) -> Iterator[Chunk]:
        """Every chunk, page by page (for the lexical index)."""
        offset = 0
        while True:
            got = self.chunks.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
            if not got["ids"]:
                return
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
                yield _chunk_from(cid, text, meta)
            offset += len(got["ids"])

    def query(
        self, vector: np.ndarray, n: int, where: dict | None = None
    ) -> list[tuple[Chunk, float]]:
        """Nearest chunks with cosine similarity, best first."""
        total = self.chunks.count()
        if total == 0:
            return []
        got = self.chunks.query(
            query_embeddings=[vector.tolist()],
            n_results=min(n, total),
            where=where or None,
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
    )
