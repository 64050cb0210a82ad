"""Hand-built records for the answering stages' tests: invented documents, their sentences and
facts, an evidence of them, a lexical index made of words. No Chroma, no embedding model."""

from __future__ import annotations

import hashlib
import math
from types import MappingProxyType

from assistant.answering.analyse import analyze
from assistant.answering.checks.words import term_weights
from assistant.answering.records import Evidence, Frame, Sentence
from assistant.answering.rules import Rules
from base.text import lexical_terms
from base.types import Chunk, Document, DocumentMeta, Hit
from ingest.facts import read_facts

RULES = Rules()


def document(
    text: str,
    title: str = "Tin tổng hợp",
    date: str | None = "2021-08-27",
    provinces: tuple[str, ...] = (),
    districts: tuple[str, ...] = (),
    source: str = "bai-viet.txt",
) -> Document:
    """An invented document, as ingest would store it (its content hash sets the version)."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    meta = DocumentMeta(
        doc_id=hashlib.sha256(source.encode()).hexdigest()[:16],
        source=source,
        title=title,
        date=date,
        provinces=provinces,
        districts=districts,
        content_hash=digest,
        chars=len(text),
    )
    return Document(meta, text)


def sentence(doc: Document, quote: str, dense: float | None = 0.8, facts=None) -> Sentence:
    """The sentence ``quote`` of ``doc`` (it must occur verbatim), with the facts ingest reads
    in it, as the gathering stage hands it on."""
    start = doc.text.index(quote)
    end = start + len(quote)
    if facts is None:
        facts = read_facts(doc)
    chunk = Chunk(
        "c-" + doc.meta.doc_id, doc.meta.doc_id, doc.meta.source, 0, 0, len(doc.text), doc.text
    )
    hit = Hit(chunk=chunk, doc=doc.meta, score=0.03, dense_score=dense, lexical_score=1.0)
    return Sentence.of(hit, doc, start, end, facts)


class WordIndex:
    """A lexical index of a few texts: every syllable and syllable pair they use, and an IDF
    that makes rarer words weigh more (the retriever's index offers the same two methods)."""

    def __init__(self, *texts: str):
        self.docs = [set(lexical_terms(t)) for t in texts]
        self.vocabulary = set().union(*self.docs) if self.docs else set()

    def has_term(self, term: str) -> bool:
        return term in self.vocabulary

    def idf(self, term: str) -> float:
        n = max(1, len(self.docs))
        df = sum(term in d for d in self.docs)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def frame(question: str) -> Frame:
    return analyze(question, RULES)


def evidence(
    question_or_frame, *sentences: Sentence, extra_texts: tuple[str, ...] = ()
) -> Evidence:
    """The evidence of hand-picked sentences, over an index of their documents' texts."""
    f = frame(question_or_frame) if isinstance(question_or_frame, str) else question_or_frame
    docs = {s.doc.meta.doc_id: s.doc for s in sentences}
    index = WordIndex(*(d.text + " " + d.meta.title for d in docs.values()), *extra_texts)
    facts = {doc_id: tuple(read_facts(doc)) for doc_id, doc in docs.items()}
    return Evidence(
        frame=f,
        hits=tuple(s.hit for s in sentences),
        sentences=tuple(sentences),
        documents=MappingProxyType(docs),
        facts=MappingProxyType(facts),
        weights=MappingProxyType(term_weights(f, index)),
        best_dense=max((s.hit.dense_score or 0.0) for s in sentences) if sentences else 0.0,
        index=index,
    )
