"""Plain data passed between the stages: frozen dataclasses, no untyped dicts.

Offsets (``start``/``end``) always index the stored, cleaned document text, so that
``document.text[chunk.start:chunk.end] == chunk.text`` and a citation can highlight its span.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum

from base.text import fold


def doc_id_for(source: str) -> str:
    """Stable id of a document from its source file name."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentMeta:
    """What the index knows about one document, without its text."""

    doc_id: str
    source: str
    title: str
    date: str | None  # ISO yyyy-mm-dd (or yyyy-mm, yyyy) of the event or publication
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    content_hash: str = ""  # sha256 of the file's bytes: decides whether re-ingest is needed
    chunk_count: int = 0
    chars: int = 0
    # where the file came from: its folder, or 'upload'; a different file of the same name
    # from elsewhere does not replace it silently ('' for documents indexed before)
    origin: str = ""

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["provinces"] = list(self.provinces)
        data["districts"] = list(self.districts)
        return data


@dataclass(frozen=True)
class Document:
    """A cleaned document ready to be chunked."""

    meta: DocumentMeta
    text: str


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: ``text == document.text[start:end]``."""

    chunk_id: str
    doc_id: str
    source: str
    index: int
    start: int
    end: int
    text: str
    version: str = ""  # content hash of the document version the chunk belongs to

    @staticmethod
    def make_id(doc_id: str, start: int, end: int, text: str, version: str = "") -> str:
        """Deterministic, and distinct per document version: writing a new version never
        overwrites the chunks of the committed one, which stay searchable until it is
        replaced (see ``ingest.pipeline``)."""
        digest = hashlib.sha256(f"{doc_id}:{version}:{start}:{end}:{text}".encode()).hexdigest()
        return f"{doc_id}-{digest[:16]}"


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its document's metadata and scores."""

    chunk: Chunk
    doc: DocumentMeta
    score: float  # fused (reciprocal rank fusion) score
    dense_score: float | None = None  # cosine similarity, when the dense search found it
    lexical_score: float | None = None  # BM25 score, when the lexical search found it
    rank: int = 0

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "dense_score": None if self.dense_score is None else round(self.dense_score, 4),
            "lexical_score": None if self.lexical_score is None else round(self.lexical_score, 4),
            "source": self.doc.source,
            "title": self.doc.title,
            "date": self.doc.date,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "text": self.chunk.text,
        }


@dataclass(frozen=True)
class Citation:
    """A numbered reference: ``quote`` is verbatim ``document.text[start:end]``; ``location``
    says where in the file it is ('trang 3', 'trang 3 (OCR)', 'bảng 2, dòng 5'; see
    :func:`base.locations.location_at`), None when the text has no page or row markers."""

    n: int
    source: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int
    location: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """What ``ask`` returns; ``to_dict()`` is what ``ntm ask --json`` prints."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = ()  # closest passages when abstaining: reading, not evidence
    timings_ms: dict = field(default_factory=dict)
    confidence: float = 0.0
    resolved_question: str | None = None  # the follow-up question completed from history
    # The direct answer as data, so that API users and briefs need not parse the text:
    value: str | None = None  # as shown: '33/119 xã, chiếm 27,32%', 'Quyết định số 92/QĐ-TTg'
    kind: str | None = (
        None  # count|ratio|percent|money|length|area|person|place|decision|date|list|text|passage
    )
    unit: str | None = None  # 'xã', 'tiêu chí/xã', 'tỷ đồng', '%'…
    as_of: str | None = None  # when it holds: 'yyyy-mm', 'yyyy', or 'yyyy-mm..yyyy-mm'
    place: str | None = None  # the place it is about, as the document names it
    lang: str = "vi"  # the language of the words around the quotes: 'vi' or 'en'

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "value": self.value,
            "kind": self.kind,
            "unit": self.unit,
            "as_of": self.as_of,
            "place": self.place,
            "citations": [c.to_dict() for c in self.citations],
            "related": [c.to_dict() for c in self.related],
            "confidence": round(self.confidence, 4),
            "resolved_question": self.resolved_question,
            "lang": self.lang,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }


@dataclass(frozen=True)
class Rejection:
    """A file that was not ingested, with the reason shown to the user."""

    path: str
    reason: str


@dataclass(frozen=True)
class IngestWarning:
    """A problem with a file that was still ingested ('trang 3: OCR found no text')."""

    path: str
    message: str


@dataclass
class IngestReport:
    """Outcome of one ingest run."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)  # files kept despite them
    chunks_written: int = 0
    facts_reread: int = 0  # stored documents whose figures a newer reader read again
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 3 if self.rejected else 0

    def to_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [asdict(r) for r in self.rejected],
            "warnings": [asdict(w) for w in self.warnings],
            "chunks_written": self.chunks_written,
            "facts_reread": self.facts_reread,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class SearchFilter:
    """Restricts retrieval; an empty field means no restriction. Places match folded names.

    Usage::

        SearchFilter(provinces=("Lạng Sơn",), years=(2021,))
    """

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


@dataclass(frozen=True)
class Rebuild:
    """A set of chunk vectors being built beside the searchable one (see ``ntm reindex``).

    ``name`` identifies it inside the store; it becomes the searchable set only when complete.
    """

    name: str
    model: str
    dimension: int
    full: bool = False  # every chunk embedded again (``reindex --full``), kept on resume


@dataclass
class ReindexReport:
    """Outcome of one ``reindex``: how many chunks, and how many needed the model."""

    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    documents: int = 0
    resumed: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


class FactKind(StrEnum):
    """What a figure states about its indicator; the value is what the facts index stores, so
    ``FactKind.TOTAL == "total"``.

    Usage::

        FactKind("increment").label()      # 'tăng thêm'
        FactKind.PART.label("en")          # 'of which'
    """

    TOTAL = "total"  # 'nâng tổng số lên', 'toàn tỉnh có', 'lũy kế'
    INCREMENT = "increment"  # 'có thêm', 'tăng'
    TARGET = "target"  # 'phấn đấu', 'mục tiêu', 'kế hoạch'
    PART = "part"  # 'trong đó …'
    DIFFERENCE = "difference"  # 'thấp hơn 2,56% so với …'
    VALUE = "value"  # none of these

    def label(self, lang: str = "vi") -> str:
        """The kind's name for people: Vietnamese ('tổng'), or English with ``lang='en'``."""
        vi, en = _FACT_KIND_LABELS[self]
        return en if lang == "en" else vi


_FACT_KIND_LABELS = {
    FactKind.TOTAL: ("tổng", "total"),
    FactKind.INCREMENT: ("tăng thêm", "increase"),
    FactKind.TARGET: ("mục tiêu", "target"),
    FactKind.PART: ("trong đó", "of which"),
    FactKind.DIFFERENCE: ("chênh lệch", "difference"),
    FactKind.VALUE: ("giá trị", "value"),
}


@dataclass(frozen=True)
class Fact:
    """One figure a document states, read into a structure (see ``ingest.facts``).

    ``text[start:end]`` of the document is the sentence that states it (what a citation
    quotes) and ``text[value_start:value_end]`` the value as written ('33/119 xã', 'trên
    270 km', '2,26%'). ``kind`` tells a total from an increment ('có thêm 8 xã'), a target
    ('phấn đấu…') or a plain value; ``time_lo``/``time_hi`` ('yyyy-mm') is when it holds, read
    from the sentence, else its paragraph, else the document (``time_from`` says which).
    """

    doc_id: str
    source: str
    start: int
    end: int
    value_start: int
    value_end: int
    value: str
    number: float | None
    unit: str
    indicator: str
    kind: FactKind
    words: str  # folded words that describe the figure
    denominator: float | None = None
    share: str = ""  # a percentage stated with it ('chiếm 27,32%'), verbatim
    place: str = ""
    place_level: str = ""  # tinh | huyen | xa | thon | ca nuoc | ''
    time_lo: str = ""
    time_hi: str = ""
    time_text: str = ""
    time_from: str = ""  # sentence | paragraph | document | ''
    version: str = ""
    # what a target counts, as the kind it would have were it no plan: 'total' ('nâng tổng số
    # lên 85 xã'), 'increment' ('có thêm 13 xã'), 'per_year' ('mỗi năm có thêm 10 xã') or
    # 'value' (not said); '' for a figure that is no target
    aim: str = ""
    # the part of the place the figure is about, as the source words it ('xã biên giới' in
    # 'các xã biên giới đạt bình quân 15 tiêu chí'); '' for the whole place
    group: str = ""
    # an undated figure of an undated article: the latest year the article states as past
    # ('yyyy'), so it was written then or later; '' otherwise
    written_after: str = ""

    @property
    def fact_id(self) -> str:
        return f"{self.doc_id}-{self.version}-f{self.value_start}-{self.value_end}"

    @property
    def year(self) -> int | None:
        return int(self.time_hi[:4]) if self.time_hi else None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["fact_id"] = self.fact_id
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> Fact:
        """The fact ``to_dict()`` wrote (in the facts index, in an export): keys that are no
        field (``fact_id``) are left out and ``kind`` is read back as a :class:`FactKind`."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        return cls(**{**values, "kind": FactKind(values["kind"])})
