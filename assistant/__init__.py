"""NTM Assistant: questions over Vietnamese New Rural Development documents, with citations.

The answering layer: it stands on ``ingest`` and ``vectorstore``, which stand on ``base``.
Everything a user of the Python API needs is importable from here.

Usage::

    from assistant import Assistant, SearchFilter

    bot = Assistant()                # settings from NTM_* environment variables
    bot.ingest(["documents/"])
    answer = bot.ask("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    answer, trace = bot.explain("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    print(answer.answer, [c.quote for c in answer.citations])
    retriever = bot.as_retriever(k=4)  # a LangChain BaseRetriever
"""

from __future__ import annotations

from assistant.answering import Rules, Trace
from assistant.core import Assistant
from base.errors import (
    AssistantError,
    DocumentNotFoundError,
    FileRejected,
    ModelError,
    ModelMismatchError,
    QuestionError,
    QuestionSetError,
    SettingsError,
    StoreError,
)
from base.settings import Settings
from base.types import (
    Answer,
    Chunk,
    Citation,
    Document,
    DocumentMeta,
    Hit,
    IngestReport,
    ReindexReport,
    Rejection,
    SearchFilter,
)

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Chunk",
    "Citation",
    "Document",
    "DocumentMeta",
    "DocumentNotFoundError",
    "FileRejected",
    "Hit",
    "IngestReport",
    "ModelError",
    "ModelMismatchError",
    "QuestionError",
    "QuestionSetError",
    "ReindexReport",
    "Rejection",
    "Rules",
    "SearchFilter",
    "Settings",
    "SettingsError",
    "StoreError",
    "Trace",
]
