"""The selection stage: from the ranking, what the answer says, described for composition.

Either a refusal (no candidate, or the best one below the abstention threshold: the places no
document names and the nearest passages), or a ``Selection``: the best candidate as a
``Finding`` (its direct answer, when it holds, its structured fields), and besides it the same
figure counted another way in the passage, a second document that says the same, or, when the
question names no time and the documents give the figure at several times, the newest value
with the older ones.

Usage::

    chosen = select(evidence, ranking, rules, threshold=0.25, lang="vi")
    chosen.best.lead if isinstance(chosen, Selection) else chosen.missing_places
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answering import extract, kinds
from assistant.answering.checks.place import speaks_of_nation
from assistant.answering.checks.time import when_holds
from assistant.answering.kinds.compared import unit_as_written
from assistant.answering.kinds.figure import answer_kind_of_fact
from assistant.answering.kinds.passage import units_about
from assistant.answering.names import has_name
from assistant.answering.passages import whole
from assistant.answering.records import (
    CheckName,
    Evidence,
    Finding,
    Frame,
    Ranked,
    Ranking,
    Refusal,
    Selection,
    Sentence,
    Twin,
    written,
)
from assistant.answering.rules import Rules
from assistant.answering.wording import display_date, say, time_label
from base.locations import location_at
from base.sentences import split_sentences
from base.text import fold
from base.times import TARGET_CUES, read_times
from base.types import Citation, Fact, FactKind

_TARGET = re.compile(TARGET_CUES)
_COUNTED = re.compile(
    r"(?i)\b((?:trước|sau)\s+(?:khi\s+)?(?:sáp nhập|sắp xếp|hợp nhất)[^,;.)(]*"
    r"|theo\s+(?:số liệu|bộ tiêu chí|cách tính)[^,;.)(]{0,40})"
)


def select(
    evidence: Evidence, ranking: Ranking, rules: Rules, threshold: float, lang: str
) -> Selection | Refusal:
    """What the answer will say, or why it says nothing."""
    frame = evidence.frame
    if not ranking.ranked or ranking.confidence < threshold:
        return refusal(evidence, ranking, rules)
    best = ranking.ranked[0]
    if kinds.get(frame.kind).time_bounds and _of_another_time(best, rules):
        nearest = ranking.ranked[: rules.select.related_passages]
        years = sorted({y for r in nearest if (y := _year_of(r)) is not None})
        return replace(refusal(evidence, ranking, rules), other_times=tuple(map(str, years)))
    timeline = _timeline(best, ranking.ranked, frame, rules)
    if len(timeline) > 1:
        found = tuple(describe(item, frame, lang, rules) for item in timeline)
        return Selection(frame, found[0], timeline=found, confidence=ranking.confidence)
    found = describe(best, frame, lang, rules)
    qtype = kinds.get(frame.kind)
    if qtype.gathers:
        found = _gathered(found, ranking.ranked, rules)
    if qtype.appends:
        found = _with_words(found, qtype.appends, evidence, rules, lang)
    return Selection(
        frame,
        found,
        twin=_counted_otherwise(best, evidence, rules),
        also=_also(best, ranking.ranked, rules),
        confidence=ranking.confidence,
    )


def refusal(evidence: Evidence, ranking: Ranking | None, rules: Rules) -> Refusal:
    """No answer: which asked places no passage's document names, and the nearest passages."""
    frame = evidence.frame
    if not evidence.hits:
        return Refusal(frame, no_passage=True)
    # places no passage read names and no document of the collection names either (one the
    # collection names is there, only not about this)
    missing = tuple(
        place.display
        for place in frame.places
        if not evidence.known(place.name, place.level)
        and not any(
            _names(fold(doc.text + " " + doc.meta.title), place)
            for doc in (evidence.documents.get(h.doc.doc_id) for h in evidence.hits)
            if doc is not None
        )
    )
    pool = [r.verdict for r in ranking.ranked] + list(ranking.rejected) if ranking else []
    weight = rules.select.related_coverage
    pool.sort(key=lambda v: -(v.sentence.hit.score + weight * v.coverage))
    related: list[Citation] = []
    seen = set()
    for verdict in pool:
        chunk, doc = verdict.sentence.hit.chunk, verdict.sentence.doc
        if chunk.chunk_id in seen:
            continue
        seen.add(chunk.chunk_id)
        meta = doc.meta
        related.append(
            Citation(
                len(related) + 1,
                meta.source,
                meta.title,
                meta.date,
                chunk.text,
                chunk.start,
                chunk.end,
                location_at(doc.text, chunk.start),
            )
        )
        if len(related) == rules.select.related_passages:
            break
    confidence = ranking.confidence if ranking else 0.0
    nearest = ()
    if missing:
        by_source = {d.meta.source: d.meta for d in evidence.documents.values()}
        asked = {fold(p) for p in missing}
        nearest = tuple(
            dict.fromkeys(
                p
                for c in related
                if c.source in by_source
                for p in by_source[c.source].provinces
                if fold(p) not in asked
            )
        )
    return Refusal(
        frame,
        missing_places=missing,
        related=tuple(related),
        confidence=confidence,
        nearest_places=nearest,
    )


def _names(folded_text: str, place) -> bool:
    """Whether a (folded) document names an asked place; the whole country in any of its
    words ('cả nước', 'toàn quốc', 'nationwide')."""
    if place.level == "ca nuoc":
        return speaks_of_nation(folded_text)
    return has_name(folded_text, place.name)


def _of_another_time(best: Ranked, rules: Rules) -> bool:
    """Whether the best passage is of another time than the one asked, which bounds it (the
    difficulties of 2015 are not those of 2021)."""
    return any(
        c.name == CheckName.TIME and c.factor <= rules.time.bounded_floor
        for c in best.verdict.checks
    )


def _year_of(item: Ranked) -> int | None:
    """The year a passage is of: its document's date, else its sentence's own time."""
    if item.sentence.doc.meta.year is not None:
        return item.sentence.doc.meta.year
    lo, _, _ = when_holds(item.sentence, None)
    return lo[0] if lo else None


# -- describing a finding ------------------------------------------------------------------
def describe(item: Ranked, frame: Frame, lang: str, rules: Rules | None = None) -> Finding:
    """A ranked candidate as the answer gives it: its direct answer with and without its
    time frame, when it holds, the items of a list, and the structured fields of ``Answer``."""
    qtype = kinds.get(frame.kind)
    rules = rules or Rules.default()
    lead = direct_value(item, frame, lang=lang)
    value = direct_value(item, frame, qualify=False, lang=lang)
    items = _items(item, qtype, rules)
    if len(items) > 1:
        value = "; ".join(text for text, _ in items)
    fact = item.fact
    as_of = _as_of_range(item)
    if fact is not None:
        kind = answer_kind_of_fact(fact)
        unit = unit_as_written(fact)
        place = fact.place or None
    else:
        kind = qtype.answer_kind_of(value)
        unit = None
        place = frame.places[0].display if frame.places else None
    return Finding(item, lead, value, _when(item, lang), as_of, kind, unit, place, items)


def _items(item: Ranked, qtype, rules: Rules) -> tuple[tuple[str, Sentence], ...]:
    """The items of a list the answer gives: those a passage announces, or a passage's
    sentence and the following ones of its paragraph that go on saying the same kind of thing
    ('Khó khăn về … Bên cạnh đó, … còn chậm'), each with its sentence."""
    cand = item.verdict.candidate
    sentence = item.sentence
    if cand is None:
        return ()
    if len(cand.items) > 1:
        return tuple((sentence.text[a:b], sentence) for a, b in cand.items)
    if not qtype.joins_lists:
        return ()
    found = [(cand.text, sentence)]
    text = sentence.doc.text
    if _POINTS_BACK.match(cand.text):
        # 'Điều này phần nào ảnh hưởng đến tiến độ': what it points at is the sentence before
        before = _sentence_before(sentence)
        if before is not None:
            found.insert(0, (_without_cut_end(before.text.rstrip(" .")), before))
    line_end = _paragraph_end(text, sentence.end)
    budget = rules.passage.more_chars
    for start, end in split_sentences(text, sentence.end, line_end):
        if len(found) > rules.passage.more_sentences or end - sentence.end > budget:
            break
        following = _sentence_at_span(sentence, start, end)
        said = _without_cut_end(following.text.rstrip(" ."))
        if not qtype.continues(following.folded) or not whole(said):
            break
        found.append((said, following))
    return tuple(found) if len(found) > 1 else ()


# the opening of a sentence that points back at the one before: 'Điều này …', 'Việc đó …',
# 'Vì vậy, …' (what it points at is the cause, the difficulty, the task asked about)
_POINTS_BACK = re.compile(
    r"\s*(?:(?:chính )?(?:điều|việc|những điều|tình trạng|thực trạng) (?:này|đó|trên)|"
    r"vì vậy|vì thế|do đó|do vậy|bởi vậy|chính vì (?:vậy|thế))\b",
    re.IGNORECASE,
)


def _sentence_before(sentence: Sentence) -> Sentence | None:
    """The whole sentence before ``sentence`` in its paragraph, if there is one."""
    text = sentence.doc.text
    start = text.rfind("\n", 0, sentence.start) + 1
    spans = split_sentences(text, start, sentence.start)
    if not spans:
        return None
    before = _sentence_at_span(sentence, *spans[-1])
    return before if whole(before.text.rstrip(" .")) else None


def _without_cut_end(text: str) -> str:
    """``text`` without a last clause the document cut ('… nông thôn mới; t')."""
    head, _, last = text.rpartition(";")
    return head.rstrip() if head and not whole(last) else text


# the start of a paragraph that goes on with the one before ('Đồng thời, …', 'Bên cạnh đó, …')
_GOES_ON = re.compile(
    r"\s*(?:đồng thời|bên cạnh đó|ngoài ra|mặt khác|cùng với đó|tiếp đó|thêm vào đó)\b",
    re.IGNORECASE,
)


def _paragraph_end(text: str, at: int) -> int:
    """Where the paragraph around ``at`` ends, taking in the next one when it opens by going
    on with it ('Đồng thời, tuyên truyền, vận động …')."""
    end = text.find("\n", at)
    if end < 0:
        return len(text)
    if _GOES_ON.match(text, end + 1):
        following = text.find("\n", end + 1)
        return len(text) if following < 0 else following
    return end


def _gathered(best: Finding, ranked, rules: Rules) -> Finding:
    """A summary: the best sentence and the next best ones nearly as good, each an item with
    its citation, in the order the documents give them."""
    r = rules.select
    chosen = [best.ranked] + [
        item
        for item in ranked[1:]
        if item.score >= r.gather_score * best.ranked.score and item.verdict.candidate is not None
    ][: r.gathered - 1]
    if len(chosen) < 2:
        return best
    chosen.sort(
        key=lambda item: (
            item.sentence.doc.meta.doc_id != best.sentence.doc.meta.doc_id,
            item.sentence.doc.meta.doc_id,
            item.sentence.start,
        )
    )
    items = tuple((item.verdict.candidate.text, item.sentence) for item in chosen)
    return replace(best, items=items, value="; ".join(text for text, _ in items))


def _with_words(found: Finding, appends, evidence: Evidence, rules: Rules, lang: str) -> Finding:
    """An answer's items, then the lists of the kinds it ``appends`` that the documents of
    those items state (a summary: its figures, then 'khó khăn, hạn chế như: A; B', 'đề nghị:
    A; B'), each item verbatim with its sentence, the first headed ('Tồn tại, hạn chế: A')."""
    items = list(found.items or ((found.value, found.sentence),))
    near = {}  # doc_id -> a sentence of it, in the order the figures come
    for _, stated in items:
        near.setdefault(stated.doc.meta.doc_id, stated)
    asked = [p.name for p in evidence.frame.places]
    seen = {fold(text) for text, _ in items}
    words: list[tuple[str, Sentence]] = []
    for kind, head in appends:
        qtype = kinds.get(kind)
        said = _listed(list(near.values()), asked, seen, qtype, rules)
        said = said[: rules.select.summary_said]
        for i, (text, stated) in enumerate(said):
            words.append((f"{say(head, lang)} {text}" if i == 0 else text, stated))
            seen.add(fold(text))
    if not words:
        return found
    # a list's sentence whole among the figures gives way to its items
    listing = {stated.key for _, stated in words}
    items = [(text, stated) for text, stated in items if stated.key not in listing] + words
    return replace(found, items=tuple(items), value="; ".join(text for text, _ in items))


def _listed(near: list[Sentence], asked: list[str], seen: set[str], qtype, rules: Rules) -> list:
    """(item, sentence) of the first list of ``qtype``'s words in the documents of ``near``
    (their whole text, in the order given), naming no other province than those ``asked``,
    without the items already ``seen`` (folded)."""
    for one in near:
        text = one.doc.text
        for start, _, end in units_about(text, asked, rules):
            for _, _, spans in qtype.lists_in(text[start:end], rules, strict=True):
                stated = _sentence_at_span(one, start, end)
                found = [
                    (stated.text[a:b], stated)
                    for a, b in spans
                    if whole(stated.text[a:b]) and fold(stated.text[a:b]) not in seen
                ]
                if len(found) > 1:
                    return found
    return []


def direct_value(item: Ranked, frame: Frame, qualify: bool = True, lang: str = "vi") -> str:
    """What the direct answer says when ``item`` is the best candidate (without ``[n]``)."""
    qtype = kinds.get(frame.kind)
    own = qtype.direct_value(item, frame, lang)
    if own:
        return own
    cand = item.verdict.candidate
    if cand is None:
        return item.sentence.text
    lead = _figure(item, lang) if item.fact is not None else cand.text
    if qtype.figures and qualify:
        qualifier = _qualifier(item.sentence)
        if qualifier and qualifier not in lead:
            label = qualifier if lang == "vi" else _time_label_en(item, qualifier)
            if label:
                lead = f"{lead} ({label})"
    elif qtype.capitalised:
        lead = lead[0].upper() + lead[1:]
    return lead


def _figure(item: Ranked, lang: str) -> str:
    """A figure as the direct answer gives it: the value as written, with the share stated
    with it ('33/119 xã, chiếm 27,32%'), or for a share the count it is the share of."""
    fact = item.fact
    value = fact.value
    if fact.share and fact.share not in value:
        value = say("share", lang, value=value, share=fact.share)
    if fact.unit == "%":
        facts = item.sentence.facts
        base = next((f for f in facts if f.share and fold(f.share) == fold(fact.value)), None)
        if base is not None:
            value = f"{value} ({base.value})"
    return value


def _as_of_range(item: Ranked) -> str | None:
    """When the answer holds: 'yyyy-mm', 'yyyy', or 'yyyy-mm..yyyy-mm'."""
    lo, hi, _ = when_holds(item.sentence, item.fact)
    if lo is None:
        return None
    if lo == hi:
        return f"{hi[0]:04d}-{hi[1]:02d}"
    if lo[0] == hi[0] and lo[1] == 1 and hi[1] == 12:
        return f"{hi[0]:04d}"
    return f"{lo[0]:04d}-{lo[1]:02d}..{hi[0]:04d}-{hi[1]:02d}"


def _qualifier(sentence: Sentence) -> str | None:
    """The time frame of the sentence, or of the paragraph just before it, verbatim."""
    found = extract.time_qualifier(sentence.text)
    if found:
        return found
    text = sentence.doc.text
    para_start = text.rfind("\n", 0, sentence.start) + 1
    earlier = extract.time_qualifiers(text[para_start : sentence.start])
    earlier.sort(key=lambda m: (0 if re.search(r"(?i)đến|tới", m.group()) else 1, -m.start()))
    return earlier[0].group().strip(" ,") if earlier else None


def _time_label_en(item: Ranked, qualifier: str | None) -> str | None:
    """The English label of when a figure holds ('as of 7/2021', '2020', '2016–2020'), from
    the structured time: the figure's own, else the qualifier's, else the document's date."""
    lo, hi, where = when_holds(item.sentence, item.fact)
    date = item.sentence.doc.meta.date
    said = [t for t in read_times(qualifier or "", date) if t.role != "baseline"]
    if said and (lo is None or where == "document"):
        lo, hi = said[0].lo, said[0].hi
    if lo is None:
        return None
    roles = {t.role for t in said}
    fact = item.fact
    if not said and fact is not None and fact.time_text and where != "document":
        roles = {t.role for t in read_times(fact.time_text, date)}
    return time_label(lo, hi, as_of="asof" in roles)


def _when(item: Ranked, lang: str) -> str:
    """When a value held, for a list of values over time: the document's words in the
    Vietnamese frame, a label made from the structured time in the English one."""
    qualifier = _qualifier(item.sentence)
    if qualifier:
        label = qualifier if lang == "vi" else _time_label_en(item, qualifier)
        if label:
            return label
    fact = item.fact
    if fact is not None and fact.time_text:
        if fact.time_from == "document":
            return say("per_article", lang, date=fact.time_text)
        label = fact.time_text if lang == "vi" else _time_label_en(item, None)
        if label:
            return label
    return say("per_document", lang, date=display_date(item.sentence.doc.meta.date, lang))


# -- beside the best -----------------------------------------------------------------------
def _as_of(item: Ranked) -> str | None:
    """When a figure holds ('yyyy-mm'): its own time, else its sentence's, else the doc's."""
    if item.fact is not None and item.fact.time_hi:
        return item.fact.time_hi
    lo, hi, _ = when_holds(item.sentence, item.fact)
    if hi is not None:
        return f"{hi[0]:04d}-{hi[1]:02d}"
    return item.sentence.doc.meta.date


def _is_target(item: Ranked) -> bool:
    if item.fact is not None:
        return item.fact.kind == FactKind.TARGET
    return bool(_TARGET.search(item.sentence.folded))


def _timeline(best: Ranked, ranked, frame: Frame, rules: Rules) -> list[Ranked]:
    """Different values of the same figure at different times, newest first.

    Only when the question names no time: then the newest value answers it, and the older
    ones are shown with when they held rather than silently dropped.
    """
    if not kinds.get(frame.kind).figures or frame.times or not best.value:
        return [best]
    r = rules.select
    picked = {best.sentence.doc.meta.doc_id: best}
    for item in ranked[1:]:
        doc_id = item.sentence.doc.meta.doc_id
        if doc_id in picked or not item.value:
            continue
        if item.score < r.timeline_score * best.score:
            continue
        if item.verdict.value_score < r.timeline_value * best.verdict.value_score:
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


def _also(best: Ranked, ranked, rules: Rules) -> Sentence | None:
    """A second document whose best value is the same, nearly as strong: it corroborates."""
    for other in ranked[1 : 1 + rules.select.corroborating]:
        if (
            other.sentence.doc.meta.doc_id != best.sentence.doc.meta.doc_id
            and best.value
            and other.value
            and fold(other.value) == fold(best.value)
            and other.score >= rules.select.also_score * best.score
        ):
            return other.sentence
    return None


def _counted_otherwise(best: Ranked, evidence: Evidence, rules: Rules) -> Twin | None:
    """The same figure counted another way nearby ('74/207 xã' before the communes merged,
    '65/181 xã' after), with the words that say how each was counted."""
    fact = best.fact
    if fact is None:
        return None
    doc = best.sentence.doc
    text = doc.text

    def label(f: Fact) -> str | None:
        clause_start = max(text.rfind(ch, 0, f.value_start) for ch in ".;\n") + 1
        found = list(_COUNTED.finditer(text, clause_start, f.value_start))
        return found[-1].group(1).strip() if found else None

    own = label(fact)
    if own is None:
        return None
    for other in evidence.facts.get(doc.meta.doc_id, ()):
        if (
            other.value_start != fact.value_start
            and abs(other.value_start - fact.value_start) < rules.select.twin_chars
            and (other.indicator, other.kind, other.time_lo, other.time_hi)
            == (fact.indicator, fact.kind, fact.time_lo, fact.time_hi)
            and fold(other.value) != fold(fact.value)
            and written(other, text)
        ):
            other_label = label(other)
            if other_label and fold(other_label) != fold(own):
                return Twin(_sentence_at(best, other), other.value, own, other_label)
    return None


def _sentence_at(best: Ranked, fact: Fact) -> Sentence:
    """The sentence that states ``fact``, in the best candidate's document."""
    return _sentence_at_span(best.sentence, fact.start, fact.end)


def _sentence_at_span(near: Sentence, start: int, end: int) -> Sentence:
    """The sentence ``near.doc.text[start:end]`` of the same document, as evidence."""
    return Sentence.of(near.hit, near.doc, start, end)
