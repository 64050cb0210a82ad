"""The Python API shared by the CLI, the app and the tests.

Usage::

    from assistant import Assistant

    bot = Assistant()                       # NTM_* settings from the environment
    report = bot.ingest(["documents"])      # IngestReport: added / updated / unchanged / rejected
    hits = bot.search("Đình Lập có bao nhiêu xã đạt chuẩn?", k=5)
    answer = bot.ask("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    print(answer.to_dict())
    docs = bot.as_retriever(k=4).invoke("Đình Lập có bao nhiêu xã đạt chuẩn?")  # LangChain

One instance may serve many threads (the Streamlit sessions of one process): the model and the
Chroma client load once, lazily, and writes are serialised.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answering import Answerer, Trace, check_question
from assistant.answering.wording import english_answer
from assistant.audit import AuditLog, api_actor
from assistant.backup import BackupReport, export_collection, import_collection
from assistant.brief import Brief, build_brief, check_brief_request
from assistant.generate import Rewriter
from base.errors import DocumentNotFoundError, QuestionError
from base.lexicon import INDICATORS
from base.protocols import Embedder, Store
from base.settings import Settings
from base.types import (
    Answer,
    Document,
    DocumentMeta,
    Fact,
    Hit,
    IngestReport,
    ReindexReport,
    SearchFilter,
)
from ingest.pipeline import Progress, ingest_paths, reindex
from vectorstore.chroma_store import ChromaStore
from vectorstore.embedder import SentenceTransformerEmbedder
from vectorstore.retriever import HybridRetriever

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.language_models import BaseChatModel

    from assistant.langchain_retriever import NTMRetriever

log = logging.getLogger(__name__)


class Assistant:
    """Ingest, search and ask over one index.

    ``embedder`` and ``store`` default to the EmbeddingGemma model and Chroma; any
    implementation of the ``Embedder``/``Store`` protocols (``base.protocols``) will do. ``llm``
    is an optional LangChain chat model that rewrites extractive answers (by default
    ``ChatOpenAI`` on ``NTM_LLM_URL`` when that is set; none otherwise).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        store: Store | None = None,
        llm: BaseChatModel | None = None,
    ):
        self.settings = settings or Settings.from_env()
        self.embedder = embedder or SentenceTransformerEmbedder(self.settings)
        self.store = store or ChromaStore(self.settings)
        self.retriever = HybridRetriever(self.store, self.embedder)
        self.rewriter = (
            Rewriter(self.settings, llm) if llm is not None or self.settings.llm_url else None
        )
        self._write_lock = threading.Lock()
        # told why a write waits for another process on the same home (the CLI prints it)
        self.on_wait: Callable[[str], None] | None = None
        self._answerer = None
        self.audit = AuditLog(self.settings.audit_file)

    # -- documents --------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """This process's threads, then other processes on the same home, one at a time."""
        with self._write_lock, self.store.writing(self.on_wait):
            yield

    @contextmanager
    def _change(self, actor: str, action: str, source: str | None = None) -> Iterator[None]:
        """A change to the collection, one writer at a time; a failure is written to the
        audit log (under ``actor``) before it is raised."""
        with self._writing():
            try:
                yield
            except Exception as exc:
                self.audit.record(actor, action, source=source, result=f"error: {exc}")
                raise

    def ingest(
        self,
        paths: Sequence[str | Path],
        progress: Progress | None = None,
        *,
        follow_links: bool = False,
        actor: str | None = None,
        origin: str | None = None,
        replace_same_name: bool = False,
    ) -> IngestReport:
        """Read, chunk, embed and store files and folders. A symbolic link in a folder that
        points outside it is skipped with a reason unless ``follow_links``. Every file added,
        updated or rejected is written to the audit log under ``actor`` (the app's user,
        ``cli:<OS user>``; default ``api:<OS user>``). A file named like a document indexed
        from another folder (or uploaded, ``origin='upload'``) is refused unless
        ``replace_same_name``."""
        actor = actor or api_actor()
        with (
            self._change(actor, "ingest", ", ".join(Path(p).name for p in paths)),
            self.store.before_commit(self._audit_commit(actor, "ingest")),
        ):
            report = ingest_paths(
                [Path(p) for p in paths],
                self.store,
                self.embedder,
                self.settings,
                progress,
                follow_links=follow_links,
                origin=origin,
                replace_same_name=replace_same_name,
            )
        for rejection in report.rejected:
            self.audit.record(
                actor,
                "ingest",
                source=Path(rejection.path).name,
                result=f"rejected: {rejection.reason}",
            )
        return report

    def export(self, path: str | Path) -> BackupReport:
        """The whole collection (texts, chunks with vectors, facts) in one zip file."""
        return export_collection(self.store, Path(path))

    def import_collection(self, path: str | Path, *, actor: str | None = None) -> BackupReport:
        """Add the documents of an export (replacing those of the same file name), without
        embedding anything again; refused when this index holds another model's vectors.
        Each imported document is written to the audit log under ``actor``."""
        actor = actor or api_actor()
        with (
            self._change(actor, "import", Path(path).name),
            self.store.before_commit(self._audit_commit(actor, "import", "imported")),
        ):
            report = import_collection(self.store, Path(path))
        return report

    def _audit_commit(self, actor: str, action: str, result: str | None = None):
        """The audit line of each document, written as it commits (just before its commit
        marker): a kill mid-run leaves no committed document without its line. ``result``
        by default says whether the document is new ('added') or replaces one ('updated')."""

        def record(doc: Document) -> None:
            said = result or ("updated" if self.store.get_meta(doc.meta.source) else "added")
            self.audit.record(
                actor, action, source=doc.meta.source, sha256=doc.meta.content_hash, result=said
            )

        return record

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

    def remove(self, source: str, *, actor: str | None = None) -> DocumentMeta:
        """Delete a document from the index (written to the audit log under ``actor``)."""
        actor = actor or api_actor()
        with self._change(actor, "delete", source):
            meta = self.store.remove_document(source)
        self.audit.record(
            actor, "delete", source=meta.source, sha256=meta.content_hash, result="deleted"
        )
        return meta

    def reindex(
        self, progress: Progress | None = None, *, full: bool = False, actor: str | None = None
    ) -> ReindexReport:
        """Re-chunk every stored document and rebuild its vectors beside the searchable ones.

        Needed after changing the model or the chunk size. Search keeps working on the old
        vectors until the new set is complete; an interrupted run is resumed by the next
        ``reindex`` or ``ingest``. Unchanged chunks keep their vectors when the model is the
        same, unless ``full``. Written to the audit log under ``actor``.
        """
        actor = actor or api_actor()
        with self._change(actor, "reindex"):
            done = reindex(self.store, self.embedder, self.settings, progress, force=full)
        self.audit.record(
            actor,
            "reindex",
            result=f"{done.documents} documents, {done.chunks} chunks "
            f"({done.embedded} embedded, {done.reused} kept)" + (", full" if full else ""),
        )
        return done

    # -- the facts index --------------------------------------------------------------------
    def facts(
        self,
        place: str | None = None,
        indicator: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        source: str | None = None,
    ) -> list[Fact]:
        """Figures read from the documents (``ingest.facts``), newest first.

        ``place`` matches the place a figure is about, with or without diacritics ('Lạng Sơn',
        'lang son'); ``indicator`` is a key of ``base.lexicon.INDICATORS``; ``year`` keeps
        figures whose time includes that year; ``kind`` is total, increment, target, part,
        difference or value.
        """
        if indicator and indicator not in INDICATORS:
            raise QuestionError(
                f"Chỉ tiêu '{indicator}' không có; dùng một trong: {', '.join(INDICATORS)}. "
                f"(Unknown indicator '{indicator}'.)"
            )
        committed = {m.doc_id: m for m in self.store.list_documents()}
        doc_ids = None
        if source:
            doc_ids = [m.doc_id for m in committed.values() if m.source == source]
            if not doc_ids:
                raise DocumentNotFoundError(
                    f"Không có tài liệu '{source}' trong chỉ mục. (No document named '{source}'.)"
                )
        found = [
            f
            for f in self.store.facts(doc_ids=doc_ids, indicator=indicator, place=place, year=year)
            if f.doc_id in committed
            and f.version == committed[f.doc_id].content_hash[:16]
            and (kind is None or f.kind == kind)
        ]
        return sorted(found, key=lambda f: (f.time_hi or "", f.source, f.value_start), reverse=True)

    def brief(
        self,
        place: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        indicators: Sequence[str] | None = None,
    ) -> Brief:
        """A conference brief for ``place`` (a province, district or commune as the documents
        name it; None for every place) over ``year_from``–``year_to``: headline figures,
        timelines, conflicts between sources, targets against results, decisions and people,
        every one cited verbatim (``assistant.brief``). Export it with
        ``assistant.brief_export.write_brief``."""
        place, lo, hi, keys = check_brief_request(place, year_from, year_to, indicators)
        committed = {m.doc_id: m for m in self.store.list_documents()}

        def current(place: str | None) -> list[Fact]:
            return [
                f
                for f in self.store.facts(place=place)
                if f.doc_id in committed and f.version == committed[f.doc_id].content_hash[:16]
            ]

        mine = current(place)
        if place and mine:  # as the documents spell it ('lang son' -> 'Lạng Sơn')
            place = Counter(f.place for f in mine).most_common(1)[0][0]
        sources = {f.source for f in mine if f.indicator in keys}
        documents = {}
        for meta in committed.values():
            if meta.source in sources:
                doc = self.store.get_document(meta.doc_id)
                if doc is not None:
                    documents[meta.source] = doc
        return build_brief(mine, documents, place, lo, hi, keys, elsewhere=lambda: current(None))

    def quote(self, fact: Fact) -> str:
        """The sentence of its document that states ``fact``, verbatim."""
        return self.document(fact.source).text[fact.start : fact.end]

    # -- questions --------------------------------------------------------------------------
    def search(self, question: str, k: int = 5, filters: SearchFilter | None = None) -> list[Hit]:
        question = check_question(question, self.settings)
        return self.retriever.search(question, k=k, filters=filters)

    def ask(
        self,
        question: str,
        history: Sequence[str | dict] | None = None,
        filters: SearchFilter | None = None,
        on_token: Callable[[str], None] | None = None,
        lang: str | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> Answer:
        """The answer with its citations, or an abstention.

        ``lang`` is the interface language: "vi", "en", or None (automatic). The words around
        the quoted evidence are English when it is "en" or the question is English, else
        Vietnamese (``Answer.lang``); an English frame gives its figures with English units
        and number format ('65 communes, i.e. 35.91%'), while quotes, names and sentences
        given as the answer stay as the documents write them.

        With a chat model configured, the extractive answer is rewritten by it; ``on_token``
        receives the rewrite as it is written (not yet checked: the returned answer is the
        rewrite only if every number and ``[n]`` in it is backed by the quotes). ``progress``
        is told each stage as it starts: "search", "read", "compose" (and "rewrite").
        """
        return self._answer(question, history, filters, on_token, lang, progress, None)

    def explain(
        self,
        question: str,
        history: Sequence[str | dict] | None = None,
        filters: SearchFilter | None = None,
        lang: str | None = None,
    ) -> tuple[Answer, Trace]:
        """The answer (as ``ask`` gives it) and the trace of how the answering stages reached
        it: the question's analysis, every candidate with what each check said, the outcome
        (``ntm ask --explain`` prints it)."""
        traces: list = []
        answer = self._answer(question, history, filters, None, lang, None, traces)
        return answer, traces[0]

    def _answer(self, question, history, filters, on_token, lang, progress, traces) -> Answer:
        started = time.perf_counter()
        if traces is None:
            answer = self.answerer.ask(
                question, history=history, filters=filters, lang=lang, progress=progress
            )
        else:
            answer, trace = self.answerer.explain(question, history, filters, lang)
            traces.append(trace)
        if self.rewriter is not None and not answer.abstained:
            if progress:
                progress("rewrite")
            llm_started = time.perf_counter()
            answer = self.rewriter.rewrite(answer, on_token)
            answer.timings_ms["llm_ms"] = (time.perf_counter() - llm_started) * 1000
        answer = english_answer(answer)  # an English frame's figures in English units
        answer.timings_ms["total_ms"] = (time.perf_counter() - started) * 1000
        return answer

    @property
    def answerer(self) -> Answerer:
        """The extractive answerer, created on first use."""
        if self._answerer is None:
            self._answerer = Answerer(self.retriever, self.embedder, self.store, self.settings)
        return self._answerer

    def as_retriever(self, k: int = 5, filters: SearchFilter | None = None) -> NTMRetriever:
        """A LangChain ``BaseRetriever`` over the hybrid search, for any LangChain chain.

        Each ``langchain_core.documents.Document`` holds one passage; its metadata carries
        ``source``, ``title``, ``date``, ``start``/``end`` (offsets into the stored text),
        places and scores.
        """
        # imported here: langchain_core takes ~0.6 s to import, which `ntm docs` need not pay
        from assistant.langchain_retriever import NTMRetriever

        return NTMRetriever(assistant=self, k=k, filters=filters)

    def warm_up(self) -> None:
        """Load the model and the lexical index now rather than on the first question."""
        if hasattr(self.embedder, "warm_up"):
            self.embedder.warm_up()
        self.retriever.snapshot()
