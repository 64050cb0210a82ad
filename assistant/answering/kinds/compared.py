"""What comparisons and changes share: whether two cited figures count the same thing, and
what the difference between them is, in the frame's language (no question type here)."""

from __future__ import annotations

import re

from assistant.answering.records import Selection
from assistant.answering.wording import number, say
from base.lexicon import unit_family
from base.types import Fact


def figure_of(selection: Selection | None) -> Fact | None:
    """The figure an answer gave, when it gave one with a number."""
    if selection is None or selection.best.ranked.fact is None:
        return None
    fact = selection.best.ranked.fact
    return fact if fact.number is not None else None


def decimals(fact: Fact) -> int:
    """Decimals the value is written with ('13,15' -> 2)."""
    m = re.search(r"\d[,.](\d+)", fact.value)
    return len(m.group(1)) if m and not re.search(r"\d\.\d{3}\b", fact.value) else 0


def like_pair(selections: list, lang: str) -> tuple[Fact, Fact] | str:
    """The two figures the first two answers gave, when they count the same thing; else what
    to say instead (why they cannot be compared, or '' when an answer gave no figure)."""
    a, b = (figure_of(s) for s in selections[:2])
    if a is None or b is None:
        return ""
    return unlike(a, b, lang) or (a, b)


def unlike(a: Fact, b: Fact, lang: str) -> str:
    """Why two figures do not count the same thing ('' when they do): another indicator,
    unit or kind, or another total (before and after communes merged)."""
    if (a.indicator or b.indicator) and a.indicator != b.indicator:
        return say("not_comparable", lang, why=f"{a.indicator or '—'} / {b.indicator or '—'}")
    if unit_family(a.unit) != unit_family(b.unit) or a.unit != b.unit:
        return say("not_comparable", lang, why=f"{a.unit} / {b.unit}")
    if a.kind != b.kind:
        return say("not_comparable", lang, why=f"{a.kind.label(lang)} / {b.kind.label(lang)}")
    if a.denominator and b.denominator and a.denominator != b.denominator:
        totals = say(
            "other_total",
            lang,
            a=number(a.denominator, 0, lang),
            b=number(b.denominator, 0, lang),
        )
        return say("not_comparable", lang, why=totals)
    return ""


def unit_as_written(fact: Fact) -> str:
    """'xã', 'tiêu chí/xã', 'tỷ đồng', '%': the unit as the value writes it."""
    unit_text = fact.value[len(fact.value.rstrip("%")) :] if fact.unit == "%" else ""
    written = re.search(r"\d\s*([^\d.,/\s][^\d]*)$", fact.value)
    return unit_text or (written.group(1).strip() if written else fact.unit)


def difference(a: Fact, b: Fact, lang: str) -> str:
    """|b - a| with the unit as written, at the precision of the two values."""
    places = max(decimals(a), decimals(b))
    amount = number(abs(b.number - a.number), places, lang)
    unit = unit_as_written(b)
    return f"{amount}%" if unit == "%" else f"{amount} {unit}".strip()
