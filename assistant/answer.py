"""The extractive answerer: the answer is read off the retrieved passages, or it abstains.

No language model is needed. Candidate sentences are scored against the question by meaning
(the embedding model's similarity of their passage), by words (accent-insensitive, weighted by
rarity) and by what the question asks for (a number with its unit, a person, a place, a date).
Places and years named in the question must be matched by the evidence. Every quote is a
sentence of the stored document text, with its offsets.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant import extract
from assistant.query import (
    COMMUNE_LEVEL,
    DISTRICT_LEVEL,
    HAMLET_LEVEL,
    Frame,
    analyze,
    canonical_terms,
    is_english,
    resolve_follow_up,
    split_question,
    to_folded_vietnamese,
)
from assistant.scorer import Scorer
from assistant.wording import check_lang, display_date, frame_lang, say, time_label
from base.errors import QuestionError
from base.indicators import RELATED, SETTLEMENTS, indicator_units
from base.indicators import indicator as indicator_of
from base.locations import is_marker_line, location_at
from base.places import province_of
from base.sentences import split_sentences
from base.settings import Settings
from base.text import fold, syllables
from base.times import TARGET_CUES, TimeRef, months_apart, overlap, read_times
from base.types import Answer, Citation, Document, Fact, Hit
from ingest.facts import read_facts, sentence_time


def check_question(question: object, settings: Settings) -> str:
    """The question, trimmed, or a QuestionError saying what is wrong with it."""
    if not isinstance(question, str):
        raise QuestionError("Câu hỏi phải là văn bản. (The question must be text.)")
    text = unicodedata.normalize("NFC", question).strip()
    if not text:
        raise QuestionError("Câu hỏi đang trống: hãy nhập câu hỏi. (The question is empty.)")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise QuestionError(
            "Câu hỏi không có chữ nào: hãy nhập câu hỏi bằng tiếng Việt hoặc tiếng Anh. "
            "(The question has no words.)"
        )
    if len(text) > settings.max_question_chars:
        raise QuestionError(
            f"Câu hỏi quá dài ({len(text)} ký tự, tối đa {settings.max_question_chars}, "
            "cài đặt NTM_MAX_QUESTION_CHARS): hãy hỏi ngắn gọn hơn. "
            f"(The question is too long: {len(text)} characters, at most "
            f"{settings.max_question_chars}.)"
        )
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin / len(letters) < 0.6:
        raise QuestionError(
            "Câu hỏi viết bằng chữ viết khác: hiện chỉ hỗ trợ tiếng Việt (có hoặc không dấu) "
            "và tiếng Anh. (Only Vietnamese and English questions are supported.)"
        )
    return text


# -- the extractive answerer ------------------------------------------------------------------

log = logging.getLogger(__name__)

ABSTAIN_TEXT = say("abstain", "vi")  # the Vietnamese abstention; see assistant.wording
# Chosen on the development set and on place/year-swapped variants of it (see README,
# "Abstention threshold"): the lowest confidence of a correct answer sits well above it,
# and the swapped questions, which must abstain, sit below it.
DEFAULT_MIN_CONFIDENCE = 0.16
RETRIEVE_K = 10
FACT_HITS = 8  # passages the facts index may add to those the search returned
_TARGET = re.compile(TARGET_CUES)
# Qualifiers that make a different count in NTM reporting: communes that reached the
# *advanced* or *model* standard, *border* communes, *pilot* communes…
_CATEGORY_MODIFIERS = ("nang cao", "kieu mau", "bien gioi", "dac biet kho khan", "xa diem")
_COMPARISON_YEAR = re.compile(r"so voi (?:cuoi |dau )?(?:nam |cung ky )?((?:19|20)\d\d)")


@dataclass
class _Scored:
    hit: Hit
    doc: Document
    start: int
    end: int
    text: str
    score: float = 0.0
    coverage: float = 0.0
    candidate: extract.Candidate | None = None
    candidate_score: float = 0.0
    reason: str = ""
    facts: tuple[Fact, ...] = ()  # the figures this sentence states
    fact: Fact | None = None  # the one chosen as the answer
    features: dict | None = None  # what the fitted scorer weighs
    rank: float = 0.0  # the fitted scorer's ranking logit

    @property
    def value(self) -> str | None:
        return self.candidate.text if self.candidate else None


class Answerer:
    """Finds the answer inside the retrieved passages; abstains when the evidence is weak.

    Usage::

        answerer = Answerer(retriever, embedder, store, settings)
        answer = answerer.ask("Thái Nguyên có bao nhiêu xã đạt chuẩn NTM?")
    """

    def __init__(self, retriever, embedder, store, settings: Settings):
        self.retriever = retriever
        self.embedder = embedder
        self.store = store
        self.settings = settings
        self.scorer = Scorer.load()
        if settings.min_confidence is not None:
            self.min_confidence = settings.min_confidence
        elif self.scorer is not None:
            self.min_confidence = self.scorer.threshold
        else:
            self.min_confidence = DEFAULT_MIN_CONFIDENCE
        self.trace: list | None = None  # set to a list to collect scored candidates (fitting)
        self._docs: dict[tuple[str, str], Document] = {}
        self._facts: dict[tuple[str, str], list[Fact]] = {}
        self._revision = ""  # of the store, when the figures above were read
        self._lock = threading.Lock()

    # -- public --------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: Sequence | None = None,
        filters=None,
        lang: str | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> Answer:
        """The answer to ``question``, or an abstention.

        ``progress`` is told each stage as it starts: "search", "read", "compose".

        ``lang`` is the interface language, "vi" or "en", or None for automatic. The words
        around the quoted evidence (the frame) are English when ``lang`` is "en" or the
        question is English, Vietnamese otherwise; ``Answer.lang`` says which.
        """
        lang = check_lang(lang)
        text = check_question(question, self.settings)
        previous = _previous_questions(history)
        resolved = resolve_follow_up(text, previous)
        lang = frame_lang(lang, _asked_in_english(text, resolved))
        parts = split_question(resolved)
        if len(parts) == 1:
            return self._ask_one(text, resolved, filters, lang, progress)
        answers = [self._ask_one(part, part, filters, lang, progress) for part in parts]
        return _combine(text, resolved if resolved != text else None, parts, answers, lang)

    def _ask_one(
        self, text: str, resolved: str, filters, lang: str = "vi", progress=None
    ) -> Answer:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        if progress:
            progress("search")
        frame = analyze(resolved)
        lexical_text = resolved
        if frame.english:
            lexical_text = f"{resolved} {to_folded_vietnamese(resolved)}"
        t1 = time.perf_counter()
        vector = self.embedder.embed_query(resolved)
        t2 = time.perf_counter()
        hits = self.retriever.search(
            lexical_text, k=RETRIEVE_K, filters=filters, query_vector=vector, timings=timings
        )
        t3 = time.perf_counter()
        if progress:
            progress("read")
        answer = self._answer(text, resolved, frame, hits, filters, lang, progress)
        t4 = time.perf_counter()
        timings.update(
            analyze_ms=(t1 - t0) * 1000,
            embed_ms=(t2 - t1) * 1000,
            retrieve_ms=(t3 - t2) * 1000,
            extract_ms=(t4 - t3) * 1000,
        )
        answer.timings_ms.update(timings)
        return answer

    # -- internals -----------------------------------------------------------------------
    def _document(self, meta) -> Document | None:
        """The document's text, cached by content hash (a changed document is a new key)."""
        key = (meta.doc_id, meta.content_hash)
        with self._lock:
            doc = self._docs.get(key)
        if doc is None:
            doc = self.store.get_document(meta.doc_id)
            if doc is not None:
                with self._lock:
                    if len(self._docs) > 256:
                        self._docs.clear()
                    self._docs[key] = doc
        return doc

    def _facts_of(self, doc: Document) -> list[Fact]:
        """The figures of a document: from the facts index, else read now (an index built
        before it had one); once per document version."""
        key = (doc.meta.doc_id, doc.meta.content_hash)
        with self._lock:
            facts = self._facts.get(key)
        if facts is None:
            version = doc.meta.content_hash[:16]
            stored = [
                f for f in self.store.facts(doc_ids=[doc.meta.doc_id]) if f.version == version
            ]
            facts = stored or read_facts(doc)
            with self._lock:
                if len(self._facts) > 512:
                    self._facts.clear()
                self._facts[key] = facts
        return facts

    def _fact_hits(self, frame: Frame, hits: list[Hit], filters=None) -> list[Hit]:
        """Passages the facts index points to that the search did not return: the figure of
        the asked indicator for the asked place, in an article the search ranked lower (among
        many near-identical articles about other districts)."""
        if frame.kind not in ("number", "percent") or not frame.indicator or not frame.places:
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
                if len(extra) >= FACT_HITS:
                    return extra
        return extra

    def _answer(
        self,
        question: str,
        resolved: str,
        frame: Frame,
        hits: list[Hit],
        filters=None,
        lang: str = "vi",
        progress=None,
    ) -> Answer:
        resolved_out = resolved if resolved != question else None
        if not hits:
            return Answer(
                question,
                f"{say('abstain', lang)} {say('no_passage', lang)}",
                True,
                resolved_question=resolved_out,
                lang=lang,
            )
        hits = hits + self._fact_hits(frame, hits, filters)
        snap = self.retriever.snapshot()
        with self._lock:
            if snap.revision != self._revision:  # written since: figures may have been re-read
                self._facts.clear()
                self._revision = snap.revision
        index = snap.index
        ctx = _Context(
            frame, _term_weights(frame, index), max((h.dense_score or 0.0) for h in hits), index
        )
        scored: list[_Scored] = []
        rejected: list[_Scored] = []
        for hit in hits:
            doc = self._document(hit.doc)
            if doc is None:
                continue
            facts = self._facts_of(doc) if frame.kind in ("number", "percent") else []
            for start, end in split_sentences(doc.text, hit.chunk.start, hit.chunk.end):
                if is_marker_line(doc.text[start:end]):
                    continue  # '[Trang 3]' says where, it is no evidence
                item = _Scored(hit, doc, start, end, doc.text[start:end])
                item.facts = tuple(f for f in facts if start <= f.value_start < end)
                _score(item, ctx)
                (scored if item.score > 0 else rejected).append(item)
        confidence = self._rank(scored)
        if progress:
            progress("compose")
        if self.trace is not None:
            self.trace.append((resolved, frame, list(scored)))
        if not scored or confidence < self.min_confidence:
            return self._abstain(
                question, frame, hits, rejected, scored, resolved_out, confidence, lang
            )
        best = scored[0]
        citations: list[Citation] = []

        def cite(item: _Scored) -> int:
            for c in citations:
                if c.source == item.doc.meta.source and c.start == item.start:
                    return c.n
            meta = item.doc.meta
            citations.append(
                Citation(
                    len(citations) + 1,
                    meta.source,
                    meta.title,
                    meta.date,
                    item.text,
                    item.start,
                    item.end,
                    location_at(item.doc.text, item.start),
                )
            )
            return len(citations)

        timeline = _timeline(best, scored, frame)
        if len(timeline) > 1:
            # the newest value is the answer; older ones, which differ, are listed below it
            newest = timeline[0]
            n = cite(newest)
            lead_value = _lead(newest, frame, qualify=False, lang=lang)
            lines = [f"{lead_value} ({_when(newest, lang)}) [{n}]", ""]
            lines.append(say("earlier", lang))
            for item in timeline[1:]:
                m = cite(item)
                lines.append(
                    f"- {_lead(item, frame, qualify=False, lang=lang)} ({_when(item, lang)}; "
                    f"{item.doc.meta.title}) [{m}]"
                )
            lines.append("")
            for item in timeline:
                lines.append(f"[{cite(item)}] “{item.text}”")
            text = "\n".join(lines)
            best = newest
        else:
            n = cite(best)
            lead = direct_value(best, frame, lang=lang)
            lead_value = direct_value(best, frame, qualify=False, lang=lang)
            text = f"{lead} [{n}]\n\n{say('evidence', lang)} “{best.text}” [{n}]"
            twin = _counted_otherwise(best, self._facts_of(best.doc))
            if twin is not None:
                # the passage counts the same figure two ways (before and after a merger…):
                # both values, each with the words that say how it was counted
                other_fact, label, other_label = twin
                other_text = best.doc.text[other_fact.start : other_fact.end]
                m = cite(_Scored(best.hit, best.doc, other_fact.start, other_fact.end, other_text))
                if lang == "en":
                    label, other_label = (
                        _counted_in_english(label),
                        _counted_in_english(other_label),
                    )
                lead_value = f"{best.fact.value} ({label}); {other_fact.value} ({other_label})"
                refs = f"[{n}]" if m == n else f"[{n}][{m}]"
                text = f"{lead_value} {refs}\n\n{say('evidence', lang)} “{best.text}” [{n}]"
                if m != n:
                    text += f"\n\n“{other_text}” [{m}]"
            # A second document that says the same thing strengthens the answer.
            for other in scored[1:6]:
                if (
                    other.doc.meta.doc_id != best.doc.meta.doc_id
                    and best.value
                    and other.value
                    and fold(other.value) == fold(best.value)
                    and other.score >= 0.8 * best.score
                ):
                    m = cite(other)
                    text += f"\n\n{say('also', lang)} “{other.text}” [{m}]"
                    break
        return Answer(
            question=question,
            answer=text,
            abstained=False,
            citations=tuple(citations),
            confidence=confidence,
            resolved_question=resolved_out,
            lang=lang,
            **_structured(best, frame, lead_value),
        )

    def _rank(self, scored: list[_Scored]) -> float:
        """Sort the candidates best first; the confidence that the best one is right."""
        if not scored:
            return 0.0
        if self.scorer is None:
            scored.sort(key=lambda s: -s.score)
            return scored[0].score
        for item in scored:
            item.rank = self.scorer.rank(item.features)
            item.score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, item.rank))))
        scored.sort(key=lambda s: -s.rank)
        best = scored[0]
        value = fold(best.value) if best.value else None
        second = next(
            (s.rank for s in scored[1:] if value is None or not s.value or fold(s.value) != value),
            None,
        )
        return self.scorer.confidence(best.rank, second)

    def _abstain(
        self, question, frame, hits, rejected, scored, resolved_out, confidence=0.0, lang="vi"
    ) -> Answer:
        text = say("abstain", lang)
        missing = _missing_places(frame, hits, self._document)
        if missing:
            text += " " + say("no_document_about", lang, places=", ".join(missing))
        related: list[Citation] = []
        seen = set()
        pool = sorted(scored + rejected, key=lambda s: -(s.hit.score + 0.01 * s.coverage))
        for item in pool:
            key = item.hit.chunk.chunk_id
            if key in seen:
                continue
            seen.add(key)
            meta = item.doc.meta
            chunk = item.hit.chunk
            related.append(
                Citation(
                    len(related) + 1,
                    meta.source,
                    meta.title,
                    meta.date,
                    chunk.text,
                    chunk.start,
                    chunk.end,
                    location_at(item.doc.text, chunk.start),
                )
            )
            if len(related) == 3:
                break
        return Answer(
            question,
            text,
            True,
            related=tuple(related),
            confidence=confidence,
            resolved_question=resolved_out,
            lang=lang,
        )


def _structured(item: _Scored, frame: Frame, value: str) -> dict:
    """The direct answer as data: value, kind, unit, when, where."""
    fact = item.fact
    lo, hi, _ = _time_of(item)
    as_of = None
    if lo is not None:
        as_of = (
            f"{hi[0]:04d}-{hi[1]:02d}"
            if lo == hi
            else (
                f"{hi[0]:04d}"
                if lo[0] == hi[0] and lo[1] == 1 and hi[1] == 12
                else f"{lo[0]:04d}-{lo[1]:02d}..{hi[0]:04d}-{hi[1]:02d}"
            )
        )
    if fact is not None:
        unit_text = fact.value[len(fact.value.rstrip("%")) :] if fact.unit == "%" else ""
        written = re.search(r"\d\s*([^\d.,/\s][^\d]*)$", fact.value)
        unit = unit_text or (written.group(1).strip() if written else fact.unit)
        if fact.unit == "%":
            kind = "percent"
        elif fact.denominator is not None:
            kind = "ratio"
        elif "dong" in fact.unit or fact.unit in ("ty", "trieu"):
            kind = "money"
        elif fact.unit == "km":
            kind = "length"
        elif fact.unit in ("ha", "hec ta", "hecta"):
            kind = "area"
        else:
            kind = "count"
        return {
            "value": value,
            "kind": kind,
            "unit": unit,
            "as_of": as_of,
            "place": fact.place or None,
        }
    kinds = {
        "person": "person",
        "place": "place",
        "list": "list",
        "date": "date",
        "decision": "decision",
        "entity": "text",
    }
    kind = kinds.get(frame.kind, "text")
    if frame.kind == "place" and (" và " in value or " and " in value):
        kind = "list"
    place = frame.places[0].display if frame.places else None
    return {"value": value, "kind": kind, "unit": None, "as_of": as_of, "place": place}


def _combine(
    question: str,
    resolved: str | None,
    parts: list[str],
    answers: list[Answer],
    lang: str = "vi",
) -> Answer:
    """One answer to a question that asked for several things: the direct answers of its
    parts side by side ('112 xã [1]; 22 xã [2]'), their evidence below, citations renumbered.
    Every part was answered in the frame language ``lang``."""
    given = [a for a in answers if not a.abstained]
    if not given:
        first = answers[0]
        return Answer(
            question,
            first.answer,
            True,
            related=first.related,
            resolved_question=resolved,
            lang=lang,
        )
    citations: list[Citation] = []
    numbers: dict[tuple[str, int, int], int] = {}
    leads, bodies = [], []
    for part, answer in zip(parts, answers, strict=True):
        if answer.abstained:
            leads.append(say("no_information_for", lang, part=part.rstrip("?")))
            continue
        mapping = {}
        for c in answer.citations:
            key = (c.source, c.start, c.end)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(replace(c, n=numbers[key]))
            mapping[c.n] = numbers[key]

        def renumber(text: str, mapping=mapping) -> str:
            return re.sub(
                r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", text
            )

        lead, _, body = answer.answer.partition("\n\n")
        leads.append(renumber(lead.strip()))
        if body.strip():
            bodies.append(renumber(body.strip()))
    timings: dict[str, float] = {}
    for answer in answers:
        for key, value in answer.timings_ms.items():
            timings[key] = timings.get(key, 0.0) + value
    confidence = min(a.confidence for a in given) * len(given) / len(answers)
    return Answer(
        question=question,
        answer="; ".join(leads) + ("\n\n" + "\n\n".join(bodies) if bodies else ""),
        abstained=False,
        citations=tuple(citations),
        timings_ms=timings,
        confidence=confidence,
        resolved_question=resolved,
        value="; ".join(a.value or "" for a in given),
        kind="list",
        as_of=given[0].as_of,
        place=given[0].place,
        lang=lang,
    )


def _asked_in_english(text: str, resolved: str) -> bool:
    """Whether the question was typed in English. A short follow-up ('What about Lang Son?')
    is too short to tell by its words: its English opening, or the English question it
    completes when it has no Vietnamese diacritics, decides."""
    if is_english(text) or re.match(r"(?i)\s*(?:(?:what|how)\s+about|and)\b", text):
        return True
    return resolved != text and fold(text) == text.lower() and is_english(resolved)


def _previous_questions(history: Sequence | None) -> list[str]:
    out = []
    for item in history or ():
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and item.get("role", "user") == "user":
            content = item.get("content") or item.get("question")
            if isinstance(content, str) and content.strip():
                out.append(content)
    return out


def _term_weights(frame: Frame, index) -> dict[str, float]:
    """IDF weight of each content word of the question; stated numbers weigh like rare words."""
    weights = {term: index.idf(term) for term in frame.terms}
    top = max(weights.values(), default=1.0)
    for number in frame.numbers:
        for part in re.split(r"[/]", number):
            weights[part] = top
    return weights


def _coverage(weights: dict[str, float], terms: set[str]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for t, w in weights.items() if t in terms) / total


def _paragraph(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)]


_WORDS = re.compile(r"[\w/]+")


@lru_cache(maxsize=4096)
def _padded(folded_text: str) -> str:
    """' words separated by single spaces ': whole-word lookups become substring checks."""
    return " " + " ".join(_WORDS.findall(folded_text)) + " "


def _has_name(folded_text: str, name: str) -> bool:
    """Whether the folded ``name`` occurs in ``folded_text`` as whole words."""
    return " " + " ".join(_WORDS.findall(name)) + " " in _padded(folded_text)


@lru_cache(maxsize=512)
def _fold_cached(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from base.places import DISTRICT_TO_PROVINCES, PROVINCES

    provinces = tuple(sorted({fold(p) for p in PROVINCES}, key=len, reverse=True))
    districts = tuple(sorted({fold(d) for d in DISTRICT_TO_PROVINCES}, key=len, reverse=True))
    return provinces, districts


def _provinces_in(folded_text: str) -> set[str]:
    """Provinces the text names, not communes or districts that share a province's name
    ('xã Long An (Tân Châu)' is a commune of An Giang)."""
    provinces, _ = _gazetteer()
    padded = _padded(folded_text)
    found = set()
    for p in provinces:
        needle = " " + " ".join(_WORDS.findall(p)) + " "
        at = padded.find(needle)
        while at >= 0:
            if not _LOWER_PLACE_WORD.search(padded[max(0, at - 12) : at + 1]):
                found.add(p)
                break
            at = padded.find(needle, at + 1)
    return found


_LOWER_PLACE_WORD = re.compile(r"\b(?:xa|phuong|thi tran|thon|ap|ban|xom|huyen|quan|thi xa) $")


def _districts_in(folded_text: str) -> set[str]:
    """Districts named with their place word ('huyện Đình Lập'), folded."""
    _, districts = _gazetteer()
    found = set()
    for m in re.finditer(r"\b(?:huyen|thi xa|quan|thanh pho|tp)\s+((?:\w+\s?){1,3})", folded_text):
        words = m.group(1).split()
        for n in (3, 2, 1):
            name = " ".join(words[:n])
            if name in districts:
                found.add(name)
                break
    return found


def _same(a: str, b: str) -> bool:
    return a == b or _has_name(a, b) or _has_name(b, a)


@dataclass
class _Context:
    """What scoring needs besides the sentence: word weights and what the corpus knows."""

    frame: Frame
    weights: dict[str, float]
    best_dense: float
    index: object
    people: tuple[str, ...] = ()  # folded names of people the question names

    def known(self, name: str, level: str = "") -> bool:
        """Whether any document of the collection names this place."""
        tokens = name.split()
        if len(tokens) == 1:
            # one syllable is too common a word ('Pháp' in 'giải pháp'): want 'nước Pháp'
            word = level.split()[-1] if level else ""
            return self.index.has_term(f"{word}_{tokens[0]}" if word else tokens[0])
        return all(
            self.index.has_term(f"{a}_{b}") for a, b in zip(tokens, tokens[1:], strict=False)
        )


def _place_factor(item: _Scored, ctx: _Context, sentence_f: str, paragraph_f: str):
    frame = ctx.frame
    factor = 1.0
    meta = item.doc.meta
    title_f = fold(meta.title)
    doc_f = _fold_cached(item.doc.text)
    for place in frame.places:
        if place.level == "ca nuoc":
            # the whole country: the sentence or its paragraph must speak of it, not of one
            # province ('cả nước có 5.425 xã', not 'tỉnh Hòa Bình có 85 xã')
            national = r"\b(ca nuoc|toan quoc|nationwide|national|viet nam)\b"
            if re.search(national, sentence_f) or (
                not _provinces_in(sentence_f)
                and (
                    re.search(national, paragraph_f)
                    # a national article (its title says so, or its figures were read as the
                    # country's: a national meeting held in one province)
                    or re.search(national, title_f)
                    or any(f.place_level == "ca nuoc" for f in item.facts)
                )
            ):
                continue
            return 0.0, "không phải số liệu của cả nước"
        name = place.name
        if " " not in name and place.level:
            name = f"{place.level} {name}"  # 'phap' alone is in 'giai phap'; 'nuoc phap' is not
        district_level = place.level in DISTRICT_LEVEL
        province_level = place.level == "tinh" or (not place.level and not district_level)
        if _has_name(sentence_f, name):
            level = 1.0
        elif _has_name(paragraph_f, name):
            level = 0.95
        elif _has_name(title_f, name):
            level = 0.9
        elif place.level in COMMUNE_LEVEL | HAMLET_LEVEL:
            # a commune or hamlet is too fine-grained for the rest of the article to vouch for it
            return 0.0, f"không nói về {place.display}"
        elif _has_name(doc_f, name):
            level = 0.6 if district_level else 0.8
        elif frame.kind in ("person", "decision") and not (
            province_level and any(_same(fold(p), place.name) for p in meta.provinces)
        ):
            # whose office, which decision: an article that never names the place cannot say
            # (unless it is that province's own newspaper: 'LSO -')
            return 0.0, f"không nói về {place.display}"
        elif not ctx.known(place.name, place.level):
            return 0.0, f"không tài liệu nào nói về {place.display}"
        elif province_level and any(_same(fold(p), place.name) for p in meta.provinces):
            level = 0.8  # the article's province, known from its press tag ('LSO-')
        elif province_level and not meta.provinces and not _provinces_in(doc_f):
            level = 0.35  # the article names no province at all: weak evidence for this one
        elif district_level and not meta.districts and not _districts_in(doc_f):
            homes = {fold(p) for p in province_of(place.display)}
            named = {fold(p) for p in meta.provinces} | _provinces_in(doc_f)
            if homes and named and not any(_same(p, h) for p in named for h in homes):
                return 0.0, f"không nói về {place.display} (tài liệu về tỉnh khác)"
            own = _named_districts(item.doc.text)
            if own and not any(_same(p, place.name) for p in own):
                return 0.0, f"không nói về {place.display} (tài liệu về huyện khác)"
            level = 0.5  # names no district: perhaps this one's own article
        else:
            return 0.0, f"không nói về {place.display}"
        if district_level:
            others = {d for d in _districts_in(sentence_f) if not _same(d, name)}
            if others and not _has_name(sentence_f, name):
                return 0.0, f"nói về huyện khác ({', '.join(sorted(others))})"
            if re.search(r"\b(toan|ca) tinh\b", sentence_f) and not _has_name(sentence_f, name):
                if frame.kind in ("number", "percent"):
                    return 0.0, f"số liệu của toàn tỉnh, không phải của {place.display}"
                level *= 0.3  # the province's figure, not the district's
        elif place.level in COMMUNE_LEVEL | HAMLET_LEVEL and not _has_name(sentence_f, name):
            # a figure of the district or province, not of this commune
            if re.search(r"\b(huyen|tinh|toan tinh|toan huyen)\b", sentence_f):
                if frame.kind in ("number", "percent"):
                    return 0.0, f"số liệu của huyện, tỉnh, không phải của {place.display}"
                level *= 0.5
        elif province_level and place.level != "xa":
            here = _provinces_in(sentence_f) or _provinces_in(paragraph_f)
            if here and not any(_same(p, name) for p in here):
                return 0.0, "nói về tỉnh khác"
            district_subject = re.search(r"\b(toan huyen|doi voi huyen)\b", sentence_f) or (
                _districts_in(sentence_f)
            )
            if (
                frame.scope == "tinh"
                and district_subject
                and not re.search(r"\b(toan|ca) tinh\b", sentence_f)
            ):
                level *= 0.6  # a district's figure, the question asks for the province's
        factor *= level
    return factor, ""


@lru_cache(maxsize=256)
def _named_districts(text: str) -> frozenset[str]:
    """Districts a document names with their place word, gazetteer or not ('huyện Ia Lâm'),
    folded."""
    found = extract.places(text, {"huyen", "thi xa", "quan"})
    return frozenset(fold(c.text.split(" ", 1)[-1]) for c in found if " " in c.text)


def _years_stated(folded_text: str) -> set[str]:
    """Years a text states, not counting baselines ('tăng … so với năm 2020')."""
    return set(re.findall(r"(?:19|20)\d\d", _COMPARISON_YEAR.sub(" ", folded_text)))


def _question_years(frame: Frame) -> list[int]:
    """Years the answer must be about: not ranges ('2021-2025') nor comparisons ('so với năm 2020')."""
    compared = {int(y) for y in _COMPARISON_YEAR.findall(frame.folded)}
    period = r"((?:19|20)\d\d)\s*(?:-|–|den)\s*((?:19|20)\d\d)"
    ranged = {int(y) for pair in re.findall(period, frame.folded) for y in pair}
    outside = {int(y) for y in re.findall(r"(?:19|20)\d\d", re.sub(period, " ", frame.folded))}
    return [y for y in frame.years if y not in compared and (y not in ranged or y in outside)]


def _time_of(item: _Scored) -> tuple[tuple[int, int] | None, tuple[int, int] | None, str]:
    """(lo, hi, where) of when the chosen figure, or else the sentence, holds."""
    if item.fact is not None:
        lo, hi, where = item.fact.time_lo, item.fact.time_hi, item.fact.time_from
    else:
        lo, hi, _, where = sentence_time(item.doc, item.start, item.end)
    if not lo:
        return None, None, ""
    return _month(lo), _month(hi), where


def _month(iso: str) -> tuple[int, int]:
    return int(iso[:4]), int(iso[5:7])


def _whole_years(lo, hi) -> bool:
    return lo[1] == 1 and hi[1] == 12


def time_fit(asked: TimeRef, lo, hi, where: str) -> float:
    """How well a figure holding over ``lo``–``hi`` answers a question about ``asked``.

    An undated figure is still evidence, though weaker than one of the right time. Years are
    compared as years ('năm 2020' is not 'năm 2021', however close December is to January);
    months and dates allow a report published a month or two after the time asked about. A
    figure of another time is none, unless only the document's date (often when it was
    published, not when the figure held) says so.
    """
    if lo is None:
        return 0.55
    far = 0.05 if where == "document" else 0.0
    a_lo, a_hi = asked.lo, asked.hi
    asked_years = _whole_years(a_lo, a_hi)
    fact_years = _whole_years(lo, hi)
    long_fact = months_apart(lo, hi) >= 14
    if overlap((a_lo, a_hi), (lo, hi)):
        if long_fact and months_apart(a_lo, a_hi) < 12:
            return 0.6  # 'giai đoạn 2016-2020' for a question about 2018
        if months_apart(a_lo, a_hi) >= 14 and not long_fact:
            return 0.7  # somewhere in 'giai đoạn 2021-2025': not much of a match
        if fact_years and not asked_years:
            return 0.8  # the year is right, the month unknown
        return 1.0
    if asked_years and fact_years:
        return far
    gap = min(months_apart(a_hi, lo), months_apart(hi, a_lo))
    if asked_years:
        # a figure dated in the first months after the year: the year's report
        return 0.8 if lo > a_hi and gap <= 2 else far
    if gap <= 2:
        return 0.85 if where == "document" else 0.7
    if where == "document" and gap <= 12:
        return 0.25
    return far


def _time_factor(item: _Scored, frame: Frame) -> tuple[float, str]:
    """For people, places, dates and names: a time in the question identifies the event
    rather than bounds a figure, so another time weakens the evidence without ruling it out
    ('đề án NTM 2021-2025' is a name)."""
    if not frame.times:
        return 1.0, ""
    sentence_f = fold(item.text)
    if any(fold(t.text) in sentence_f for t in frame.times):
        return 1.0, ""  # the sentence names the very time (or period) the question does
    lo, hi, where = _time_of(item)
    best = max(time_fit(t, lo, hi, where) for t in frame.times)
    return max(best, 0.4 if where != "sentence" else 0.25), ""


def _unit_fits(fact: Fact, frame: Frame) -> bool:
    """Whether a figure is of the unit the question counts ('xã' answers 'bao nhiêu xã')."""
    if frame.kind == "percent":
        return fact.unit == "%"
    unit = frame.unit
    if not unit:
        return True
    if unit in SETTLEMENTS:
        return SETTLEMENTS.get(fact.unit) == SETTLEMENTS[unit]
    if unit in ("tieu chi",):
        return fact.unit.startswith("tieu chi")
    if unit in ("ty dong", "ty", "trieu dong", "trieu", "nghin dong", "dong"):
        return "dong" in fact.unit or fact.unit in ("ty", "trieu")
    if unit in ("%", "ty le", "phan tram"):
        return fact.unit == "%"
    if unit in ("ha", "hec ta", "hecta"):
        return fact.unit in ("ha", "hec ta", "hecta")
    return fact.unit == unit or fact.unit.startswith(unit + " ") or fact.unit.startswith(unit + "/")


def _candidates(item: _Scored, frame: Frame) -> list[extract.Candidate]:
    s = item.text
    if frame.kind in ("number", "percent"):
        return [
            extract.Candidate(
                "number", f.value_start - item.start, f.value_end - item.start, f.value, f
            )
            for f in item.facts
            if _unit_fits(f, frame)
        ]
    if frame.kind == "person":
        return extract.people(s)
    if frame.kind in ("place", "list"):
        levels = None
        if frame.unit in ("don vi", "dia phuong"):
            levels = (
                {"huyen", "thi xa", "thanh pho", "tp", "quan"} if "huyen" in frame.folded else None
            )
        elif frame.unit:
            levels = {frame.unit} | (
                {"tp", "thanh pho", "thi xa"} if frame.unit == "huyen" else set()
            )
        # a place the question names is not its answer (unless it is another level of place
        # with the same name: 'xã Đình Lập' of 'huyện Đình Lập')
        asked = {(p.level, p.name) for p in frame.places}
        return [
            c
            for c in extract.places(s, levels)
            if (_place_level(c.text), fold(c.text.split(" ", 1)[-1])) not in asked
        ] + extract.enumerations(s, levels)
    if frame.kind == "date":
        return extract.dates(s)
    if frame.kind == "decision":
        return extract.decisions(s)
    if frame.kind == "entity":
        return extract.noun_phrases(s)
    return []


def _place_level(mention: str) -> str:
    folded = fold(mention)
    for word in ("thanh pho", "thi xa", "thi tran", "khu dan cu"):
        if folded.startswith(word):
            return word
    return folded.split(" ", 1)[0].rstrip(".")


_DATE_PRECISION = {
    "ngay": re.compile(r"\d{1,2}[/-]\d{1,2}|ngày\s+\d", re.I),
    "thang": re.compile(r"tháng|\d{1,2}/\d{4}", re.I),
    "nam": re.compile(r"(19|20)\d\d"),
}


def _context_terms(text: str) -> set[str]:
    return set(syllables(canonical_terms(fold(text))))


def _candidate_fit(item: _Scored, cand: extract.Candidate, frame: Frame, weights, cands=None):
    s = item.text
    mismatch = 1.0
    # the clause around the candidate: between the nearest ';' (or ',' for numbers) marks
    seps = ";" if frame.kind in ("person", "place", "entity") else ";,"
    a = max([s.rfind(ch, 0, cand.start) for ch in seps] + [-1]) + 1
    stops = [i for i in (s.find(ch, cand.end) for ch in seps) if i >= 0]
    b = min(stops) if stops else len(s)
    clause = s[a:b]
    if frame.kind in ("person", "place"):
        clause = s[max(0, cand.start - 60) : b]
    window = s[max(0, cand.start - 80) : min(len(s), cand.end + 80)]
    clause_cov = _coverage(weights, _context_terms(clause))
    window_cov = _coverage(weights, _context_terms(window))
    score = 0.8 * clause_cov + 0.2 * window_cov
    stop = b
    if frame.tail or frame.head:
        # 'bao nhiêu xã đạt chuẩn NTM nâng cao' reads '32 xã đạt chuẩn NTM nâng cao';
        # 'xã nào về đích NTM nâng cao' reads 'xã Đình Lập về đích NTM nâng cao'
        if frame.kind in ("person", "place", "entity"):
            # up to the next candidate of the same kind: its words describe that one
            following = [c.start for c in (cands or []) if c.start > cand.start]
            stop = min([b] + following)
        after = syllables(canonical_terms(fold(s[cand.end : stop])))[:10]
        before_words = syllables(canonical_terms(fold(s[a : cand.start])))[-5:]
        tail = _order_match(frame.tail, after)
        head = _order_match(frame.head, before_words)
        fact = cand.fact
        if (
            fact is not None
            and frame.indicator
            and fact.indicator == frame.indicator
            and indicator_of(fact.unit, fact.words.replace("|", " ")) != fact.indicator
        ):
            # the figure counts what is asked though its own clause does not say so: it took
            # the indicator of the figure before it ('có thêm 12 xã đạt chuẩn NTM, nâng tổng số
            # lên 85 xã')
            tail = max(tail, 0.8)
            score = max(score, _coverage(weights, _context_terms(s[: cand.end])))
        score += 0.4 * tail + 0.2 * head
    if frame.kind == "decision":
        before = fold(s[max(0, cand.start - 30) : cand.start])
        if re.search(r"\b(theo quy dinh tai|quy dinh tai|can cu|theo|huong dan tai)\s*$", before):
            mismatch *= 0.4  # the legal basis cited, not the decision asked about
        place_names = [p.name for p in frame.places]
        if place_names:
            around = fold(s[max(0, cand.start - 120) : min(len(s), cand.end + 160)])
            found = sum(_has_name(around, n) for n in place_names) / len(place_names)
            score += 0.5 * found
    if frame.kind == "date":
        # 'ngày nào' wants a day, 'năm nào' a year
        for precision, pattern in _DATE_PRECISION.items():
            if re.search(rf"\b{precision} nao\b", frame.folded) and pattern.search(cand.text):
                score += 0.3
                break
    if frame.kind in ("number", "percent"):
        # 'xã đạt chuẩn NTM nâng cao' is another category than 'xã đạt chuẩn NTM'
        after = syllables(canonical_terms(fold(s[cand.end : b])))[:14]
        near = " ".join(syllables(fold(s[max(a, cand.start - 30) : cand.start])) + after)
        settlement = frame.unit in ("xa", "thon", "xom", "ban", "khu dan cu", "huyen")
        for modifier in _CATEGORY_MODIFIERS:
            in_candidate = bool(re.search(rf"\b{modifier}\b", near))
            in_question = bool(re.search(rf"\b{modifier}\b", frame.folded))
            if in_candidate and not in_question:
                mismatch *= 0.5
            elif in_question and not in_candidate and settlement:
                mismatch *= 0.6
        if cand.fact is not None:
            factor, bonus = _fact_fit(cand.fact, frame)
            mismatch *= factor
            score += bonus
    if frame.kind in ("place", "list") and frame.places:
        # 'thôn Tân Long xã Hồ Sơn và thôn Chùa vàng xã Minh Quang': the place named right after
        # a candidate is where it lies
        where = extract.places(s[cand.end : cand.end + 40])
        if where and where[0].start <= 2:
            level, name = _place_level(where[0].text), fold(where[0].text.split(" ", 1)[-1])
            asked = [p for p in frame.places if _FACT_LEVEL.get(p.level) == _FACT_LEVEL.get(level)]
            if any(_same(name, p.name) for p in asked):
                score += 0.4
            elif asked:
                mismatch *= 0.4
    if frame.kind == "person":
        role = syllables(fold(s[cand.end : stop]))[:12]
        asked = frame.tail
        # 'Phó Chủ tịch' is not 'Chủ tịch'; a province's office is not a district's
        for marker in ("pho", "thuong truc"):
            if (marker in " ".join(role)) != (marker in " ".join(asked)) and asked:
                mismatch *= 0.6
        for level, other in (("huyen", "tinh"), ("tinh", "huyen")):
            if level in asked and other in role and level not in role:
                mismatch = 0.0  # the province's office for the district's, or the reverse
    # numbers the question states ('từ 15 đến 18 tiêu chí', '9/9') must sit in the same clause
    q_numbers = frame.numbers
    described = [n for n in q_numbers if n not in frame.conditions]
    if described:
        clause_f = fold(clause)
        present = sum(1 for n in described if _states(clause_f, n))
        score += 0.3 * present / len(described)
    if q_numbers:
        own = re.search(r"\d+(?:[.,/]\d+)*", cand.text)
        if own and own.group() in q_numbers:
            score -= 0.5  # the question's own number is not its answer ('3' is not '3.989')
    before = fold(s[max(a, cand.start - 25) : cand.start])
    if re.search(r"so voi", before):
        score -= 0.3
    if re.search(r"\b(tang|giam)\b", frame.folded) and re.search(
        r"\b(tang|giam)( them)?\s*$", before
    ):
        score += 0.3
    return score, mismatch


def _states(folded: str, number: str) -> bool:
    """Whether ``folded`` text states ``number`` as a whole number ('19' is not in '19,5')."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", folded) is not None


def _order_match(wanted: tuple[str, ...], have: list[str]) -> float:
    """Share of ``wanted`` words found in ``have`` in the same order (a subsequence match)."""
    if not wanted:
        return 0.0
    found, position = 0, 0
    for word in wanted:
        try:
            position = have.index(word, position) + 1
            found += 1
        except ValueError:
            continue
    return found / len(wanted)


def _fact_time(fact: Fact):
    if not fact.time_lo:
        return None, None, ""
    return _month(fact.time_lo), _month(fact.time_hi), fact.time_from


def _fact_fit(fact: Fact, frame: Frame) -> tuple[float, float]:
    """(factor, bonus) of a figure for the question: the same indicator, the same kind of
    figure (a total is not an increment), about the place asked rather than another."""
    factor, bonus = 1.0, 0.0
    allowed = indicator_units(frame.indicator)
    if allowed is not None and fact.unit and fact.unit not in allowed:
        return 0.0, 0.0  # an income is never '16 tiêu chí', a count of communes never '%'
    if fact.kind == "difference" and not re.search(r"\b(hon|chenh lech|so voi)\b", frame.folded):
        return 0.0, 0.0  # 'thấp hơn 2,56% so với …' is a gap between figures, not one
    if frame.indicator == "tieu_chi_binh_quan" and "/" in fact.value and fact.unit == "tieu chi":
        return 0.0, 0.0  # '9/9 tiêu chí' are criteria met, not an average per commune
    if frame.indicator and fact.indicator:
        if frame.indicator == fact.indicator:
            bonus += 0.3
        elif RELATED.get(frame.indicator) == fact.indicator:
            factor *= 0.7  # '13 xã đạt 19/19 tiêu chí' for 'bao nhiêu xã được công nhận'
        else:
            factor *= 0.35
    elif frame.indicator:
        factor *= 0.85
    elif fact.indicator == "tieu_chi_binh_quan" and not re.search(
        r"\b(binh quan|trung binh|moi xa)\b", frame.folded
    ):
        factor *= 0.5  # an average per commune answers no question that does not ask for one
    if (
        frame.target
        and fact.kind == "target"
        and re.search(r"\b(nang tong so|tong so)\b", frame.folded)
    ):
        # 'phấn đấu nâng tổng số xã … lên bao nhiêu': the planned total, not the planned addition
        said = fact.words.split("|")[0]
        if re.search(r"\b(tong so|nang tong|luy ke|len)\b", said):
            bonus += 0.3
        elif re.search(r"\b(them|xay dung|moi)\b", said):
            factor *= 0.6
    if frame.measure == "increment":
        if fact.kind == "increment":
            bonus += 0.2
        elif fact.kind == "total":
            factor *= 0.4
        elif fact.kind == "value":
            factor *= 0.6
    elif fact.kind == "increment":
        factor *= 0.35
    elif fact.kind == "total":
        bonus += 0.3  # 'có bao nhiêu xã' asks for the standing total
    elif fact.kind == "part" and fact.indicator != frame.indicator:
        factor *= 0.6  # 'trong đó …': a part of the figure before it
    # numbers the question states ('đạt từ 10 đến 14 tiêu chí') must describe the figure
    stated = [
        n
        for n in frame.numbers
        if not re.fullmatch(r"(19|20)\d\d|\d{1,2}/(19|20)\d\d", n)
        and not any(n in fold(t.text) for t in frame.times)
        and n not in frame.conditions
    ]
    if stated:
        described = {
            n
            # '19/19' and each of its numbers
            for n in re.findall(r"\d+(?:[.,/]\d+)?", fact.words)
            + re.findall(r"\d+(?:[.,]\d+)?", fact.words)
            if not re.fullmatch(r"(19|20)\d\d", n)
        }
        if described:
            share = sum(n in described for n in stated) / len(stated)
            bonus += 0.3 * share
            if share == 0:
                factor *= 0.35
    own = re.match(r"\d+(?:[.,/]\d+)*", fact.value)
    if own and own.group() in frame.numbers:
        factor *= 0.3  # the question's own figure ('khi có 7 xã đạt 19 tiêu chí') is no answer
    for place in frame.places:
        level = _FACT_LEVEL.get(place.level, "")
        if not level or not fact.place_level:
            continue
        if fact.place_level == level and fact.place and not _same(fold(fact.place), place.name):
            factor *= 0.3  # the same kind of place, another one
        elif _LEVEL_RANK.get(fact.place_level, 0) < _LEVEL_RANK.get(level, 0):
            factor *= 0.6  # a district's figure for a province question
        elif _LEVEL_RANK.get(fact.place_level, 0) > _LEVEL_RANK.get(level, 0):
            factor *= 0.3  # the district's figure for a commune question
    return factor, bonus


_FACT_LEVEL = {
    "tinh": "tinh",
    "huyen": "huyen",
    "thi xa": "huyen",
    "thanh pho": "huyen",
    "tp": "huyen",
    "quan": "huyen",
    "xa": "xa",
    "phuong": "xa",
    "thi tran": "xa",
}
_LEVEL_RANK = {"thon": 1, "xa": 2, "huyen": 3, "tinh": 4, "ca nuoc": 5}


def _score(item: _Scored, ctx: _Context) -> None:
    frame, weights = ctx.frame, ctx.weights
    sentence_f = fold(item.text)
    paragraph = _paragraph(item.doc.text, item.start, item.end)
    paragraph_f = fold(paragraph)
    place, why = _place_factor(item, ctx, sentence_f, paragraph_f)
    if place == 0:
        item.reason = why
        return
    tier = _tier_mismatch(frame.folded, sentence_f, paragraph_f)
    if tier:
        item.reason = tier
        return
    figures = frame.kind in ("number", "percent")
    if not figures:
        years, why = _time_factor(item, frame)
        if years == 0:
            item.reason = why
            return
    if frame.conditions:
        # 'khi tỉnh mới có 7 xã đạt 19 tiêu chí': the document of that moment states those
        text_f = _fold_cached(item.doc.text)
        found = sum(1 for n in frame.conditions if _states(text_f, n))
        place *= 0.7 + 0.3 * found / len(frame.conditions)
    for person in ctx.people:
        # a person the question names identifies the event: the document must name them
        if not _has_name(_fold_cached(item.doc.text), person):
            place *= 0.5
    sentence_terms = _context_terms(item.text)
    context_terms = sentence_terms | _context_terms(paragraph) | _context_terms(item.doc.meta.title)
    cov_sentence = _coverage(weights, sentence_terms)
    cov_context = _coverage(weights, context_terms)
    item.coverage = cov_sentence
    # The rarest words of the question must be found in the document (an English question's
    # glossary words that the collection never uses do not count).
    pool = [t for t in weights if ctx.index.has_term(t)]
    rare = sorted(pool, key=lambda t: -weights[t])[:3]
    doc_terms = context_terms | _doc_terms(item.doc)
    if rare and not any(t in doc_terms for t in rare):
        item.reason = "thiếu từ khoá chính"
        return
    # Words the collection never uses ('OCOP' where no article mentions it) weaken every
    # answer; glossary words of an English question are not held against it.
    if not frame.english:
        absent = sum(w for t, w in weights.items() if not ctx.index.has_term(t))
        place *= 1.0 - 0.6 * absent / (sum(weights.values()) or 1.0)
    q_bigrams = _bigrams(frame.folded)
    bigram = len(q_bigrams & _bigrams(sentence_f)) / len(q_bigrams) if q_bigrams else 0.0
    dense = item.hit.dense_score if item.hit.dense_score is not None else 0.5 * ctx.best_dense
    typed = frame.kind in (
        "number",
        "percent",
        "person",
        "date",
        "place",
        "list",
        "entity",
        "decision",
    )
    cands = _candidates(item, frame) if typed else []
    if cands:
        fits = []
        for c in cands:
            fit, mismatch = _candidate_fit(item, c, frame, weights, cands)
            when = 1.0
            if c.fact is not None and frame.times:
                lo, hi, where = _fact_time(c.fact)
                when = max(time_fit(t, lo, hi, where) for t in frame.times)
            fits.append((fit, mismatch, when, c))
        fit, mismatch, when, best = max(fits, key=lambda p: p[0] * p[1] * p[2])
        item.candidate_score, item.candidate = fit * mismatch, best
        item.fact = best.fact
        place *= mismatch
        if figures:
            years = when
            if years == 0:
                item.reason = f"không phải thời điểm {', '.join(t.text for t in frame.times)}"
                return
            baseline = [int(y) for y in _COMPARISON_YEAR.findall(sentence_f)]
            asked = _question_years(frame)
            if item.fact is not None and not item.fact.time_lo and baseline and asked:
                if max(asked) <= max(baseline):
                    # 'tăng 0,15 tiêu chí so với năm 2020': a figure of after 2020
                    item.reason = f"số liệu sau năm {max(baseline)}"
                    return
    elif frame.kind in ("number", "percent", "person", "date", "place", "decision"):
        item.reason = "không có giá trị đúng loại"
        return
    target = 1.0
    if item.fact is not None:
        if frame.target and item.fact.kind != "target":
            target = 0.3  # a result does not say what was planned
        elif not frame.target and item.fact.kind == "target":
            item.reason = "chỉ là mục tiêu, không phải kết quả"
            return  # a plan is not a result
    else:
        has_target = bool(_TARGET.search(sentence_f) or _TARGET.search(paragraph_f[:200]))
        if frame.target and not has_target:
            target = 0.75
    cov_document = _coverage(weights, doc_terms)
    candidate = max(0.0, min(2.0, item.candidate_score))
    base = (
        0.30 * dense
        + 0.20 * cov_sentence
        + 0.10 * cov_context
        + 0.10 * cov_document
        + 0.05 * bigram
        + 0.25 * candidate
    )
    item.score = base * place * years * target
    item.features = _features(item, frame, ctx, locals())


# The programme's tiers: 'xã NTM nâng cao', 'huyện NTM kiểu mẫu', 'kiểu mẫu là 11 xã' (not
# 'nâng cao thu nhập', which improves an income)
_TIER = re.compile(
    r"\b(nang cao|kieu mau)\b(?!\s+(?:chat luong|doi song|thu nhap|hieu qua|hieu luc|nhan thuc|"
    r"nang luc|vai tro|trach nhiem|tinh than|suc|gia tri|muc song|trinh do|ky nang|kien thuc))"
)


def _tier_mismatch(question_f: str, sentence_f: str, paragraph_f: str) -> str | None:
    """Why a sentence cannot answer a question about one tier of the standard: it speaks of
    another tier ('nâng cao' for 'kiểu mẫu'), or of none where its paragraph does not either
    (the plain standard for 'nâng cao'). None when the tiers agree."""
    asked = set(_TIER.findall(question_f))
    if not asked:
        return None
    here = set(_TIER.findall(sentence_f))
    if asked & here:
        return None
    if here or not asked & set(_TIER.findall(paragraph_f)):
        wanted = (
            " / ".join(sorted(asked))
            .replace("nang cao", "nâng cao")
            .replace("kieu mau", "kiểu mẫu")
        )
        return f"không nói về NTM {wanted}"
    return None


def _features(item: _Scored, frame: Frame, ctx: _Context, v: dict) -> dict[str, float]:
    """What the fitted scorer (``assistant.scorer``) weighs, for one candidate sentence."""
    fact = item.fact
    kinds = {
        "number": "figure",
        "percent": "figure",
        "person": "person",
        "place": "place",
        "list": "place",
        "decision": "decision",
        "date": "date",
    }
    q_kind = kinds.get(frame.kind, "text")
    features = {
        "prior": item.score,
        "dense": v["dense"],
        "cov_sentence": v["cov_sentence"],
        "cov_context": v["cov_context"],
        "cov_document": v["cov_document"],
        "bigram": v["bigram"],
        "candidate": v["candidate"],
        "log_place": math.log(max(v["place"], 1e-3)),
        "log_time": math.log(max(v["years"], 1e-3)),
        "log_target": math.log(max(v["target"], 1e-3)),
        f"q_{q_kind}": 1.0,
        "english": float(frame.english),
        "from_facts": float(item.hit.dense_score is None and item.hit.lexical_score is None),
        "ask_increment": float(frame.measure == "increment"),
        "ask_total": float(frame.measure == "total"),
    }
    if fact is not None:
        if frame.indicator and fact.indicator:
            features["ind_same" if fact.indicator == frame.indicator else "ind_diff"] = 1.0
        elif frame.indicator:
            features["ind_missing"] = 1.0
        if fact.kind == "part":
            features["kind_part"] = 1.0
        elif (frame.measure == "increment") == (fact.kind == "increment"):
            features["kind_match"] = 1.0  # an increment for 'thêm bao nhiêu', a total otherwise
        else:
            features["kind_mismatch"] = 1.0
    if frame.times:
        _, _, where = _time_of(item)
        features[f"time_{where or 'none'}"] = 1.0
    return features


_DOC_TERMS: dict[str, set[str]] = {}


def _doc_terms(doc: Document) -> set[str]:
    key = doc.meta.doc_id + doc.meta.content_hash
    terms = _DOC_TERMS.get(key)
    if terms is None:
        if len(_DOC_TERMS) > 5000:
            _DOC_TERMS.clear()
        terms = _DOC_TERMS[key] = _context_terms(doc.text + " " + doc.meta.title)
    return terms


def _bigrams(folded: str) -> set[str]:
    tokens = [
        t
        for t in syllables(canonical_terms(folded))
        if t not in {"co", "bao", "nhieu", "nao", "ai", "la"}
    ]
    return {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}


def _qualifier(item: _Scored) -> str | None:
    """The time frame of the sentence, or of the paragraph just before it, verbatim."""
    found = extract.time_qualifier(item.text)
    if found:
        return found
    text = item.doc.text
    para_start = text.rfind("\n", 0, item.start) + 1
    earlier = extract.time_qualifiers(text[para_start : item.start])
    earlier.sort(key=lambda m: (0 if re.search(r"(?i)đến|tới", m.group()) else 1, -m.start()))
    return earlier[0].group().strip(" ,") if earlier else None


def _as_of(item: _Scored) -> str | None:
    """When a figure holds ('yyyy-mm'): its own time, else its sentence's, else the doc's."""
    if item.fact is not None and item.fact.time_hi:
        return item.fact.time_hi
    lo, hi, _ = _time_of(item)
    if hi is not None:
        return f"{hi[0]:04d}-{hi[1]:02d}"
    return item.doc.meta.date


def direct_value(item: _Scored, frame: Frame, qualify: bool = True, lang: str | None = None) -> str:
    """What the direct answer says when ``item`` is the best candidate (without ``[n]``), in
    the frame language ``lang`` (by default the question's)."""
    lang = lang or ("en" if frame.english else "vi")
    if frame.kind in ("place", "list"):
        listed = _place_list(item, frame, lang)
        if listed:
            return listed
    return _lead(item, frame, qualify, lang)


def _lead(item: _Scored, frame: Frame, qualify: bool = True, lang: str = "vi") -> str:
    cand = item.candidate
    if cand is None:
        return item.text
    lead = _figure(item, lang) if item.fact is not None else cand.text
    if frame.kind in ("number", "percent") and qualify:
        qualifier = _qualifier(item)
        if qualifier and qualifier not in lead:
            label = qualifier if lang == "vi" else _time_label_en(item, qualifier)
            if label:
                lead = f"{lead} ({label})"
    elif frame.kind in ("place", "decision"):
        lead = lead[0].upper() + lead[1:]
    return lead


def _time_label_en(item: _Scored, qualifier: str | None) -> str | None:
    """The English label of when a figure holds ('as of 7/2021', '2020', '2016–2020'), from
    the structured time rather than the document's words: the figure's own time, else the
    time the Vietnamese qualifier states, else the document's date. 'as of' when the
    qualifier (or the figure's time) says the figure stood at that time ('tính đến …')."""
    lo, hi, where = _time_of(item)
    said = [t for t in read_times(qualifier or "", item.doc.meta.date) if t.role != "baseline"]
    if said and (lo is None or where == "document"):
        lo, hi = said[0].lo, said[0].hi
    if lo is None:
        return None
    roles = {t.role for t in said}
    if not said and item.fact is not None and item.fact.time_text and where != "document":
        roles = {t.role for t in read_times(item.fact.time_text, item.doc.meta.date)}
    return time_label(lo, hi, as_of="asof" in roles)


_NAME_RUN = re.compile(
    r"\s*(?:,|và|;)\s*(?:và\s+)?((?![A-ZĐ]{2,}\b)[A-ZĐ][\w’'-]*(?:\s(?![A-ZĐ]{2,}\b)[A-ZĐ][\w’'-]*){0,3})"
)


def _place_list(item: _Scored, frame: Frame, lang: str = "vi") -> str | None:
    """All the places that answer a 'which places' question, when the sentence lists several:
    'các huyện Triệu Sơn, Nông Cống và Thiệu Hóa', 'huyện Phú Hòa và huyện Tây Hòa'. A plural
    question ('những huyện nào') takes every place of the asked level in the sentence; a
    singular one the enumeration its best answer belongs to."""
    s = item.text
    if item.candidate is not None and item.candidate.kind == "list":
        return item.candidate.text  # 'các huyện: Triệu Sơn, Nông Cống và Thiệu Hóa'
    cands = sorted((c for c in _candidates(item, frame) if c.kind != "list"), key=lambda c: c.start)
    if not cands or item.candidate is None:
        return None
    names: list[tuple[int, str]] = []
    for c in cands:
        names.append((c.start, c.text))
        pos = c.end
        while m := _NAME_RUN.match(s, pos):  # names listed after it without a place word
            names.append((m.start(1), m.group(1)))
            pos = m.end()
    plural = bool(re.search(r"\b(nhung|cac)\b.*\bnao\b|\bgom\b", frame.folded)) or (
        frame.english and re.search(r"\b(which|what)\s+\w+s\b", frame.text.lower())
    )
    if plural:
        chosen = names
    else:
        # the run of names around the chosen one, joined only by commas and 'và'
        at = item.candidate.start
        index = next((i for i, (start, _) in enumerate(names) if start == at), None)
        if index is None:
            return None
        lo = hi = index
        while lo > 0 and _joined(s, names[lo - 1], names[lo]):
            lo -= 1
        while hi + 1 < len(names) and _joined(s, names[hi], names[hi + 1]):
            hi += 1
        chosen = names[lo : hi + 1]
    seen, out = set(), []
    for _, name in chosen:
        key = fold(name.split(" ", 1)[-1] if " " in name else name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    if len(out) < 2:
        return None
    text = say("and", lang, first=", ".join(out[:-1]), last=out[-1])
    return text[0].upper() + text[1:]


def _joined(s: str, a: tuple[int, str], b: tuple[int, str]) -> bool:
    between = s[a[0] + len(a[1]) : b[0]]
    return bool(re.fullmatch(r"\s*(?:\([^)]*\))?\s*(?:,|và|,\s*và|;)\s*", between))


_COUNTED = re.compile(
    r"(?i)\b((?:trước|sau)\s+(?:khi\s+)?(?:sáp nhập|sắp xếp|hợp nhất)[^,;.)(]*"
    r"|theo\s+(?:số liệu|bộ tiêu chí|cách tính)[^,;.)(]{0,40})"
)


def _counted_in_english(label: str) -> str:
    """'theo số liệu trước khi sáp nhập xã' -> 'before the merger'; other labels as written."""
    folded = fold(label)
    if re.search(r"\b(sap nhap|sap xep|hop nhat)\b", folded):
        return "before the merger" if re.search(r"\btruoc\b", folded) else "after the merger"
    return label


def _counted_otherwise(item: _Scored, facts: Sequence[Fact]) -> tuple[Fact, str, str] | None:
    """The same figure counted another way nearby ('74/207 xã' before the communes merged,
    '65/181 xã' after), with the words that say how each was counted; None when there is
    no such twin."""
    fact = item.fact
    if fact is None:
        return None
    text = item.doc.text

    def label(f: Fact) -> str | None:
        clause_start = max(text.rfind(ch, 0, f.value_start) for ch in ".;\n") + 1
        found = list(_COUNTED.finditer(text, clause_start, f.value_start))
        return found[-1].group(1).strip() if found else None

    own = label(fact)
    if own is None:
        return None
    for other in facts:
        if (
            other.value_start != fact.value_start
            and abs(other.value_start - fact.value_start) < 400
            and (other.indicator, other.kind, other.time_lo, other.time_hi)
            == (fact.indicator, fact.kind, fact.time_lo, fact.time_hi)
            and fold(other.value) != fold(fact.value)
        ):
            other_label = label(other)
            if other_label and fold(other_label) != fold(own):
                return other, own, other_label
    return None


def _figure(item: _Scored, lang: str = "vi") -> str:
    """A figure as the direct answer gives it: the value as written, with the share stated
    with it ('33/119 xã, chiếm 27,32%'; '33/119 xã, i.e. 27,32%' in English), or for a share
    the count it is the share of."""
    fact = item.fact
    value = fact.value
    if fact.share and fact.share not in value:
        value = say("share", lang, value=value, share=fact.share)
    if fact.unit == "%":
        base = next((f for f in item.facts if f.share and fold(f.share) == fold(fact.value)), None)
        if base is not None:
            value = f"{value} ({base.value})"
    return value


def _when(item: _Scored, lang: str = "vi") -> str:
    """When a value held, for the list of values over time: the document's words in the
    Vietnamese frame, a label made from the structured time in the English one."""
    qualifier = _qualifier(item)
    if qualifier:
        label = qualifier if lang == "vi" else _time_label_en(item, qualifier)
        if label:
            return label
    if item.fact is not None and item.fact.time_text:
        if item.fact.time_from == "document":
            return say("per_article", lang, date=item.fact.time_text)
        label = item.fact.time_text if lang == "vi" else _time_label_en(item, None)
        if label:
            return label
    return say("per_document", lang, date=display_date(item.doc.meta.date, lang))


def _timeline(best: _Scored, scored: list[_Scored], frame: Frame) -> list[_Scored]:
    """Different values of the same figure at different times, newest first.

    Only when the question names no time: then the newest value answers it, and the older
    ones are shown with when they held rather than silently dropped.
    """
    if frame.kind not in ("number", "percent") or frame.times or not best.value:
        return [best]
    picked = {best.doc.meta.doc_id: best}
    for item in scored[1:]:
        doc_id = item.doc.meta.doc_id
        if doc_id in picked or not item.value:
            continue
        if item.score < 0.75 * best.score or item.candidate_score < 0.8 * best.candidate_score:
            continue
        if _is_target(item) != _is_target(best):
            continue  # a target is not a result
        if best.fact is not None and item.fact is not None:
            if (best.fact.indicator, best.fact.kind) != (item.fact.indicator, item.fact.kind):
                continue  # another figure, not the same one at another time
        picked[doc_id] = item
    values = {fold(i.value) for i in picked.values()}
    when = {_as_of(i) for i in picked.values()}
    if len(picked) < 2 or len(values) < 2 or len(when) < 2 or None in when:
        return [best]
    return sorted(picked.values(), key=lambda i: _as_of(i) or "", reverse=True)


def _is_target(item: _Scored) -> bool:
    if item.fact is not None:
        return item.fact.kind == "target"
    return bool(_TARGET.search(fold(item.text)))


def _missing_places(frame: Frame, hits: list[Hit], get_doc) -> list[str]:
    missing = []
    for place in frame.places:
        found = False
        for hit in hits:
            doc = get_doc(hit.doc)
            if doc is not None and _has_name(fold(doc.text + " " + doc.meta.title), place.name):
                found = True
                break
        if not found:
            missing.append(place.display)
    return missing
