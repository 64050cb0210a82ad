"""The gathering stage: the passages a question needs, their documents and stored facts,
sentence by sentence (an ``Evidence``).

The hybrid search (dense + BM25) finds passages; for a figure of a known indicator and place
the facts index adds the passages that state it, when the search ranked them out (among many
near-identical articles about other districts). Documents and their facts are read from the
store, once per document version; nothing is read off the text at question time.

Usage::

    gatherer = Gatherer(retriever, embedder, store, rules)
    hits = gatherer.search(frame, filters, timings)
    evidence = gatherer.gather(frame, hits, filters)
"""

from __future__ import annotations

import threading
import time
from types import MappingProxyType

from assistant.answering import kinds
from assistant.answering.checks.words import term_weights
from assistant.answering.passages import list_end, place_run_end
from assistant.answering.records import AnswerKind, Evidence, Frame, Sentence
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import to_folded_vietnamese
from base.locations import is_marker_line
from base.sentences import split_sentences
from base.types import Document, Fact, Hit

_DOCUMENTS_KEPT = 256  # documents whose text stays cached
_FACT_SETS_KEPT = 512  # documents whose facts stay cached


class Gatherer:
    """Finds and reads the evidence of a question; caches documents and facts per version.

    One instance serves many threads (the app's sessions)."""

    def __init__(self, retriever, embedder, store, rules: Rules):
        self.retriever = retriever
        self.embedder = embedder
        self.store = store
        self.rules = rules
        self._docs: dict[tuple[str, str], Document] = {}
        self._facts: dict[tuple[str, str], tuple[Fact, ...]] = {}
        self._revision = ""  # of the store, when the facts above were read
        self._lock = threading.Lock()

    def search(self, frame: Frame, filters, timings: dict) -> list[Hit]:
        """The passages the hybrid search finds for the question."""
        lexical_text = frame.text
        if frame.english:
            lexical_text = f"{frame.text} {to_folded_vietnamese(frame.text)}"
        started = time.perf_counter()
        vector = self.embedder.embed_query(frame.text)
        embedded = time.perf_counter()
        hits = self.retriever.search(
            lexical_text,
            k=self.rules.gather.passages,
            filters=filters,
            query_vector=vector,
            timings=timings,
        )
        timings["embed_ms"] = (embedded - started) * 1000
        timings["retrieve_ms"] = (time.perf_counter() - embedded) * 1000
        return hits

    def gather(self, frame: Frame, hits: list[Hit], filters=None) -> Evidence:
        """The evidence of the question: every sentence of the passages found, with the
        figures it states (for figure questions)."""
        qtype = kinds.get(frame.kind)
        figures = qtype.figures or qtype.reads_facts
        joins = self.rules.passage.list_chars if qtype.joins_lists else 0
        runs = self.rules.passage.list_chars if qtype.joins_place_runs else 0
        # an answer in words often sits beside the passage found, in its paragraph
        reach = self.rules.passage.paragraph_reach if qtype.answer_kind == AnswerKind.PASSAGE else 0
        if hits:
            hits = hits + self._fact_hits(frame, hits, filters)
        snap = self.retriever.snapshot()
        with self._lock:
            if snap.revision != self._revision:  # written since: figures may have been re-read
                self._facts.clear()
                self._revision = snap.revision
        documents: dict[str, Document] = {}
        facts: dict[str, tuple[Fact, ...]] = {}
        sentences: list[Sentence] = []
        seen: set[tuple[str, int]] = set()
        for hit in hits:
            doc = self._document(hit.doc)
            if doc is None:
                continue
            documents[doc.meta.doc_id] = doc
            doc_facts = self._facts_of(doc) if figures else ()
            if figures:
                facts[doc.meta.doc_id] = doc_facts
            for sentence in _sentences(hit, doc, doc_facts, joins, runs, reach):
                if sentence.key in seen:
                    continue  # read whole from another passage of the same paragraph
                seen.add(sentence.key)
                sentences.append(sentence)
        weights = term_weights(frame, snap.index)
        return Evidence(
            frame=frame,
            hits=tuple(hits),
            sentences=tuple(sentences),
            documents=MappingProxyType(documents),
            facts=MappingProxyType(facts),
            weights=MappingProxyType(weights),
            best_dense=max((h.dense_score or 0.0) for h in hits) if hits else 0.0,
            index=snap.index,
        )

    # -- stored records ------------------------------------------------------------------------
    def _document(self, meta) -> Document | None:
        """The document's text, cached by content hash (a changed document is a new key)."""
        key = (meta.doc_id, meta.content_hash)
        with self._lock:
            doc = self._docs.get(key)
        if doc is None:
            doc = self.store.get_document(meta.doc_id)
            if doc is not None:
                with self._lock:
                    if len(self._docs) > _DOCUMENTS_KEPT:
                        self._docs.clear()
                    self._docs[key] = doc
        return doc

    def _facts_of(self, doc: Document) -> tuple[Fact, ...]:
        """The stored figures of this version of the document, once per version."""
        key = (doc.meta.doc_id, doc.meta.content_hash)
        with self._lock:
            facts = self._facts.get(key)
        if facts is None:
            version = doc.meta.content_hash[:16]
            stored = self.store.facts(doc_ids=[doc.meta.doc_id])
            facts = tuple(f for f in stored if f.version == version)
            with self._lock:
                if len(self._facts) > _FACT_SETS_KEPT:
                    self._facts.clear()
                self._facts[key] = facts
        return facts

    def _fact_hits(self, frame: Frame, hits: list[Hit], filters=None) -> list[Hit]:
        """Passages the facts index points to that the search did not return: the figure of
        the asked indicator for the asked place, in an article the search ranked lower."""
        if not kinds.get(frame.kind).figures or not frame.indicator or not frame.places:
            return []
        snap = self.retriever.snapshot()
        seen = {h.chunk.chunk_id for h in hits}
        extra: list[Hit] = []
        for place in frame.places:
            for fact in self.store.facts(indicator=frame.indicator, place=place.name):
                meta = snap.metas.get(fact.doc_id)
                if meta is None or fact.version != meta.content_hash[:16]:
                    continue  # not a committed version
                if filters and not filters.allows(meta):
                    continue  # the user's filters apply to these passages too
                chunk = next(
                    (
                        c
                        for c in self.retriever.chunks_of(fact.doc_id)
                        if c.start <= fact.value_start < c.end
                    ),
                    None,
                )
                if chunk is None or chunk.chunk_id in seen:
                    continue
                seen.add(chunk.chunk_id)
                extra.append(Hit(chunk=chunk, doc=meta, score=0.0, rank=len(hits) + len(extra) + 1))
                if len(extra) >= self.rules.gather.fact_passages:
                    return extra
        return extra


def _sentences(
    hit: Hit,
    doc: Document,
    facts: tuple[Fact, ...],
    joins: int = 0,
    runs: int = 0,
    reach: int = 0,
) -> list[Sentence]:
    """The whole sentences of a passage, each with the figures it states; page markers are
    no evidence ('[Trang 3]' says where). With ``joins``, a sentence that announces a list
    ('… như sau:') is read with the list's lines (at most ``joins`` characters of them); with
    ``runs``, one that announces places with the sentences naming the next ones; with
    ``reach``, the sentences of its paragraph that begin within that many characters of it."""
    text = doc.text
    out = []
    covered = -1
    # whole sentences: a passage's sentence may begin in the chunk before or end after it (a
    # long paragraph is chunked at its semicolons too)
    first = text.rfind("\n", 0, hit.chunk.start) + 1
    last = text.find("\n", hit.chunk.end) if text.find("\n", hit.chunk.end) >= 0 else len(text)
    for start, end in split_sentences(text, first, last):
        if end <= hit.chunk.start - reach or start >= hit.chunk.end + reach:
            continue  # a sentence of the paragraph outside the passage found
        if start < covered:
            continue  # an item of the list read with the sentence before it
        sentence = text[start:end]
        if is_marker_line(sentence):
            continue
        if joins:
            end = list_end(text, end, joins)
            covered = end
        if runs:
            end = covered = place_run_end(text, start, end, runs)
        out.append(Sentence.of(hit, doc, start, end, facts))
    return out
