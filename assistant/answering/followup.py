"""Questions in context: a follow-up completed from the one before it ('Còn Thái Nguyên thì
sao?'), and the language the question was asked in.

Usage::

    resolve_follow_up("Còn huyện Hữu Lũng thì sao?", ["Huyện Chi Lăng có bao nhiêu xã …?"])
    # 'Huyện Hữu Lũng có bao nhiêu xã …?'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.question_places import capitalised_name, find_places
from assistant.answering.records import Place
from assistant.answering.rules import AnalyseRules
from assistant.answering.vocabulary import is_english
from base.text import fold, syllables

_FOLLOW_UP = re.compile(
    r"^(con|the con|vay con|va|con voi)\b|\bthi sao\b|\bthi the nao\b|\bthi sao\s*\??$|"
    r"^(what|how) about\b|^and\b",
)


def resolve_follow_up(question: str, history: list[str], rules: AnalyseRules) -> str:
    """Complete a follow-up ('Còn Thái Nguyên thì sao?') from the previous question."""
    if not history:
        return question
    folded = fold(question).strip()
    previous = history[-1]
    new_places = find_places(question)
    if not new_places:
        m = re.search(r"(?i)^\s*(?:còn|thế còn|vậy còn|và|what about|how about|and)\s+", question)
        name = capitalised_name(question, m.end()) if m else ""
        if name:
            new_places = (Place("", fold(name), name),)
    new_years = re.findall(r"\b(?:19|20)\d\d\b", question)
    short = len(syllables(folded)) <= rules.follow_up_words
    if not (
        _FOLLOW_UP.search(folded)
        or (short and (new_places or new_years) and "bao nhieu" not in folded)
    ):
        return question
    resolved = previous
    old_places = find_places(previous)
    if new_places:
        if old_places:
            # Replace the first named place of the previous question by the new one(s).
            resolved = _replace_folded(resolved, old_places[0], new_places[0])
        else:
            resolved = f"{resolved.rstrip(' ?')} ở {new_places[0].display}?"
    if new_years:
        old_years = re.findall(r"\b(?:19|20)\d\d\b", resolved)
        if old_years:
            resolved = resolved.replace(old_years[0], new_years[0], 1)
        else:
            resolved = f"{resolved.rstrip(' ?')} năm {new_years[0]}?"
    return resolved


def _replace_folded(text: str, old: Place, new: Place) -> str:
    """Replace the name of ``old`` in ``text`` by the name of ``new``, keeping the place word
    written in ``text`` ('Huyện Chi Lăng …' + 'huyện Hữu Lũng' -> 'Huyện Hữu Lũng …')."""
    new_name = new.display
    first, _, rest = new.display.partition(" ")
    if rest and new.level and fold(first).rstrip(".") == new.level.split()[0]:
        new_name = new.display.split(" ", len(new.level.split()))[-1]
    folded_text = fold(text)
    index = folded_text.find(old.name)
    if index < 0 or len(folded_text) != len(text):
        return text.replace(old.display, new.display, 1)
    start = index
    word = re.search(
        r"(thanh pho|thi xa|thi tran|huyen|tinh|xa|thon|quan|phuong|tp)\s+$", folded_text[:index]
    )
    if word and new.level and fold(word.group(1)) != new.level and new.level in _LEVEL_WORDS:
        # 'Huyện Đình Lập' followed by 'Còn Thái Nguyên?' (a province): 'tỉnh Thái Nguyên'
        start = word.start()
        written = _LEVEL_WORDS[new.level]
        new_name = (written.capitalize() if text[start].isupper() else written) + " " + new_name
    return text[:start] + new_name + text[index + len(old.name) :]


_LEVEL_WORDS = {
    "tinh": "tỉnh",
    "huyen": "huyện",
    "xa": "xã",
    "thon": "thôn",
    "thi xa": "thị xã",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "quan": "quận",
}


def previous_questions(history: Sequence | None) -> list[str]:
    """The user's earlier questions, from strings or chat messages ({'role', 'content'})."""
    out = []
    for item in history or ():
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and item.get("role", "user") == "user":
            content = item.get("content") or item.get("question")
            if isinstance(content, str) and content.strip():
                out.append(content)
    return out


def asked_in_english(text: str, resolved: str, rules: AnalyseRules) -> bool:
    """Whether the question was typed in English. A short follow-up ('What about Lang Son?')
    is too short to tell by its words: its English opening, or the English question it
    completes when it has no Vietnamese diacritics, decides."""
    if is_english(text, rules) or re.match(r"(?i)\s*(?:(?:what|how)\s+about|and)\b", text):
        return True
    return resolved != text and fold(text) == text.lower() and is_english(resolved, rules)
