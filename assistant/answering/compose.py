"""The composing stage: the answer's text, from the selection's records only.

A ``Draft`` holds the direct answer (the first paragraph, what a reader sees first), the
paragraphs below it and the citations its ``Ref``s point to; ``render`` numbers the citations
and writes the text. The answer to a question asked in several parts is one draft made of the
parts' drafts (``combine``), its citations numbered once: nothing is parsed back out of text.

Usage::

    draft = draft_of(selection, lang="vi")
    answer = answer_of(question, selection, draft, resolved, lang="vi")
    print(answer.answer)   # '06/10 xã (tính đến hết tháng 7/2021) [1]\\n\\nCăn cứ: “…” [1]'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answering.records import (
    AnswerKind,
    Draft,
    Ref,
    Refusal,
    Selection,
    Sentence,
    Text,
)
from assistant.answering.wording import say
from base.locations import location_at
from base.text import fold
from base.types import Answer, Citation


class _Citations:
    """Citations in the order they are first cited; one per quoted sentence."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, sentence: Sentence) -> Ref:
        for c in self.items:
            if c.source == sentence.doc.meta.source and c.start == sentence.start:
                return Ref(c.n)
        meta = sentence.doc.meta
        self.items.append(
            Citation(
                len(self.items) + 1,
                meta.source,
                meta.title,
                meta.date,
                sentence.text,
                sentence.start,
                sentence.end,
                location_at(sentence.doc.text, sentence.start),
            )
        )
        return Ref(len(self.items))


def draft_of(selection: Selection, lang: str) -> Draft:
    """The draft of an answer: the newest value with the older ones below it, or the best
    value with its evidence (and the twin count, and a corroborating document)."""
    cites = _Citations()
    if selection.timeline:
        return _timeline_draft(selection, cites, lang)
    best = selection.best
    lead: Text = ()
    # a list, item by item, in the first paragraph (no blank line between the items), its
    # citations numbered in the order the items come
    for i, (item, stated) in enumerate(best.items):
        lead += (("\n" if i else "") + f"- {item} ", cites.cite(stated))
    n = cites.cite(best.sentence)
    if not best.items:
        lead = (best.lead, " ", n)
    body: list[Text] = [(say("evidence", lang), " “", best.sentence.text, "” ", n)]
    twin = selection.twin
    if twin is not None:
        m = cites.cite(twin.sentence)
        refs: Text = (n,) if m == n else (n, m)
        lead = (twin_value(selection, lang), " ", *refs)
        if m != n:
            body.append(("“", twin.sentence.text, "” ", m))
    if selection.also is not None:
        m = cites.cite(selection.also)
        body.append((say("also", lang), " “", selection.also.text, "” ", m))
    return Draft(lead, tuple(body), tuple(cites.items))


def _timeline_draft(selection: Selection, cites: _Citations, lang: str) -> Draft:
    newest, *older = selection.timeline
    n = cites.cite(newest.sentence)
    lead: Text = (f"{newest.value} ({newest.when}) ", n)
    earlier: list[str | Ref] = [say("earlier", lang)]
    for item in older:
        m = cites.cite(item.sentence)
        title = item.sentence.doc.meta.title
        earlier += ["\n", f"- {item.value} ({item.when}; {title}) ", m]
    quotes: list[str | Ref] = []
    for item in selection.timeline:
        quotes += (["\n"] if quotes else []) + [
            cites.cite(item.sentence),
            f" “{item.sentence.text}”",
        ]
    return Draft(lead, (tuple(earlier), tuple(quotes)), tuple(cites.items))


def twin_value(selection: Selection, lang: str) -> str:
    """Both counts of a figure counted two ways, each with how it was counted."""
    twin = selection.twin
    label, other = twin.label, twin.other_label
    if lang == "en":
        label, other = _counted_in_english(label), _counted_in_english(other)
    return f"{selection.best.ranked.fact.value} ({label}); {twin.value} ({other})"


def _counted_in_english(label: str) -> str:
    """'theo số liệu trước khi sáp nhập xã' -> 'before the merger'; other labels as written."""
    folded = fold(label)
    if re.search(r"\b(sap nhap|sap xep|hop nhat)\b", folded):
        return "before the merger" if re.search(r"\btruoc\b", folded) else "after the merger"
    return label


def render(text: Text, numbers: dict[int, int] | None = None) -> str:
    """Words with their references written '[n]' (renumbered by ``numbers`` when given)."""
    out = []
    for part in text:
        if isinstance(part, Ref):
            out.append(f"[{numbers.get(part.n, part.n) if numbers else part.n}]")
        else:
            out.append(part)
    return "".join(out)


def render_draft(draft: Draft) -> str:
    return "\n\n".join([render(draft.lead)] + [render(block) for block in draft.body])


@dataclass(frozen=True)
class Composed:
    """An answer, the draft it was rendered from and what was selected (None for a
    refusal)."""

    answer: Answer
    draft: Draft | None = None
    selection: Selection | None = None


def answer_of(question: str, selection: Selection, resolved: str | None, lang: str) -> Composed:
    """The ``Answer`` of a selection: its text, citations and structured fields."""
    draft = draft_of(selection, lang)
    best = selection.best
    value = best.value if selection.twin is None else twin_value(selection, lang)
    answer = Answer(
        question=question,
        answer=render_draft(draft),
        abstained=False,
        citations=draft.citations,
        confidence=selection.confidence,
        resolved_question=resolved,
        lang=lang,
        value=value,
        kind=best.kind,
        unit=best.unit,
        as_of=best.as_of,
        place=best.place,
    )
    return Composed(answer, draft, selection)


def refusal_of(question: str, refusal: Refusal, resolved: str | None, lang: str) -> Composed:
    """The abstention: that the documents do not hold the answer, and why when known."""
    text = say("abstain", lang)
    if refusal.no_passage:
        text = f"{text} {say('no_passage', lang)}"
    elif refusal.missing_places:
        text += " " + say("no_document_about", lang, places=", ".join(refusal.missing_places))
        if refusal.nearest_places:
            text += " " + say("nearest_places", lang, places=", ".join(refusal.nearest_places))
    elif refusal.other_times:
        text += " " + say("other_times", lang, times=", ".join(refusal.other_times))
    answer = Answer(
        question,
        text,
        True,
        related=refusal.related,
        confidence=refusal.confidence,
        resolved_question=resolved,
        lang=lang,
    )
    return Composed(answer)


def combine(
    question: str,
    resolved: str | None,
    parts: list[str],
    composed: list[Composed],
    lang: str,
    labels: list[str] | None = None,
    conclusion: str = "",
) -> Answer:
    """One answer to a question that asked for several things: the direct answers of its
    parts side by side ('112 xã [1]; 22 xã [2]'), each after its label when given
    ('Thái Nguyên: 112 xã [1]'), then the ``conclusion`` drawn from them, their evidence below,
    citations numbered once. Every part was answered in the frame language ``lang``."""
    answers = [c.answer for c in composed]
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
    for index, (part, item) in enumerate(zip(parts, composed, strict=True)):
        label = f"{labels[index]}: " if labels else ""
        if item.draft is None:
            leads.append(label + say("no_information_for", lang, part=part.rstrip("?")))
            continue
        mapping = {}
        for c in item.draft.citations:
            key = (c.source, c.start, c.end)
            if key not in numbers:
                numbers[key] = len(citations) + 1
                citations.append(replace(c, n=numbers[key]))
            mapping[c.n] = numbers[key]
        lead = label + render(item.draft.lead, mapping).strip()
        if lead not in leads:  # two parts the same passage answers: said once
            leads.append(lead)
        bodies += [
            b for b in (render(block, mapping) for block in item.draft.body) if b not in bodies
        ]
    timings: dict[str, float] = {}
    for answer in answers:
        for key, value in answer.timings_ms.items():
            timings[key] = timings.get(key, 0.0) + value
    return Answer(
        question=question,
        answer="; ".join(leads)
        + (f" — {conclusion}" if conclusion else "")
        + ("\n\n" + "\n\n".join(bodies) if bodies else ""),
        abstained=False,
        citations=tuple(citations),
        timings_ms=timings,
        confidence=min(a.confidence for a in given) * len(given) / len(answers),
        resolved_question=resolved,
        value="; ".join(a.value or "" for a in given),
        kind=AnswerKind.LIST,
        as_of=given[0].as_of,
        place=given[0].place,
        lang=lang,
    )
