"""The hybrid search as a LangChain retriever, so that any LangChain chain can use it.

Usage::

    retriever = Assistant().as_retriever(k=4)
    for doc in retriever.invoke("Đình Lập có bao nhiêu xã đạt chuẩn NTM?"):
        print(doc.metadata["source"], doc.metadata["start"], doc.page_content[:80])
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from base.types import Hit, SearchFilter


def to_langchain(hit: Hit) -> LCDocument:
    """One retrieved passage as a LangChain document; ``page_content`` is verbatim text of the
    stored document at ``metadata["start"]:metadata["end"]``."""
    return LCDocument(
        id=hit.chunk.chunk_id,
        page_content=hit.chunk.text,
        metadata={
            "source": hit.doc.source,
            "title": hit.doc.title,
            "date": hit.doc.date,
            "doc_id": hit.doc.doc_id,
            "start": hit.chunk.start,
            "end": hit.chunk.end,
            "provinces": list(hit.doc.provinces),
            "districts": list(hit.doc.districts),
            "rank": hit.rank,
            "score": hit.score,
            "dense_score": hit.dense_score,
            "lexical_score": hit.lexical_score,
        },
    )


class NTMRetriever(BaseRetriever):
    """Dense + BM25 search over the NTM index (see ``Assistant.as_retriever``)."""

    assistant: Any  # assistant.core.Assistant: typed loosely so pydantic need not know it
    k: int = 5
    filters: SearchFilter | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[LCDocument]:
        return [
            to_langchain(h) for h in self.assistant.search(query, k=self.k, filters=self.filters)
        ]
