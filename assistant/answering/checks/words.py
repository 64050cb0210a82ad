"""The word checks: how much of the question a sentence, its context and its document say.

The question's content words are weighted by rarity in the collection (IDF); a sentence's
coverage is the weighted share of them it has. The keyword check rules a sentence out when its
document has none of the question's rarest words; the vocabulary check weakens every answer to
a question whose words the collection never uses ('OCOP' where no article mentions it); the
conditions check wants the document of the moment a question describes ('khi tỉnh mới có 7
xã …').

Usage::

    weights = term_weights(frame, index)
    coverage(weights, context_terms("Toàn huyện có 06/10 xã đạt chuẩn NTM"))   # 0.0 … 1.0
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from assistant.answering.names import fold_cached, has_name
from assistant.answering.records import Check, CheckName, Frame, Sentence
from assistant.answering.rules import WordRules
from assistant.answering.vocabulary import canonical_terms, states_number
from base.english import looks_english, to_folded_vietnamese
from base.text import fold, syllables
from base.types import Document

# question words that carry no content in a bigram
_QUESTION_WORDS = {"co", "bao", "nhieu", "nao", "ai", "la"}
_DOC_TERMS_KEPT = 5000  # documents whose terms stay cached


def term_weights(frame: Frame, index) -> dict[str, float]:
    """IDF weight of each content word of the question; stated numbers weigh like rare words."""
    weights = {term: index.idf(term) for term in frame.terms}
    top = max(weights.values(), default=1.0)
    for number in frame.numbers:
        for part in re.split(r"[/]", number):
            weights[part] = top
    return weights


def coverage(weights: dict[str, float], terms: AbstractSet[str]) -> float:
    """The weighted share of the question's words among ``terms``."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for t, w in weights.items() if t in terms) / total


@lru_cache(maxsize=4096)
def context_terms(text: str) -> frozenset[str]:
    """The folded syllables of a text, long forms abbreviated ('nong thon moi' -> 'ntm'); an
    English text's also in the glossary's Vietnamese ('districts' -> 'huyen'), the words its
    questions are read in."""
    terms = set(syllables(canonical_terms(fold(text))))
    if len(_MARKED.findall(text)) * _MARKED_SHARE < len(text) and looks_english(text):
        terms |= set(syllables(canonical_terms(to_folded_vietnamese(text, article=True))))
    return frozenset(terms)


# letters beyond ASCII: a Vietnamese text has one in every few characters, an English one few
_MARKED = re.compile(r"[^\x00-\x7f]")
_MARKED_SHARE = 12  # an English text has fewer than one in this many characters


_DOC_TERMS: dict[str, frozenset[str]] = {}


def document_terms(doc: Document) -> frozenset[str]:
    """The terms of a whole document and its title, cached per document version."""
    key = doc.meta.doc_id + doc.meta.content_hash
    terms = _DOC_TERMS.get(key)
    if terms is None:
        if len(_DOC_TERMS) > _DOC_TERMS_KEPT:
            _DOC_TERMS.clear()
        terms = _DOC_TERMS[key] = context_terms(doc.text + " " + doc.meta.title)
    return terms


@lru_cache(maxsize=1024)
def bigrams(folded: str) -> frozenset[str]:
    """Pairs of consecutive content syllables ('xa dat', 'dat chuan')."""
    tokens = [t for t in syllables(canonical_terms(folded)) if t not in _QUESTION_WORDS]
    return frozenset(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))


def rare_terms(weights: dict[str, float], index, rules: WordRules) -> tuple[str, ...]:
    """The question's rarest words that the collection uses (an English question's glossary
    words that no article uses do not count)."""
    pool = [t for t in weights if index.has_term(t)]
    return tuple(sorted(pool, key=lambda t: -weights[t])[: rules.rare_terms])


def vocabulary_factor(frame: Frame, weights: dict[str, float], index, rules: WordRules) -> float:
    """Words the collection never uses weaken every answer (not an English question's)."""
    if frame.english:
        return 1.0
    absent = sum(w for t, w in weights.items() if not index.has_term(t))
    return 1.0 - rules.absent_words * absent / (sum(weights.values()) or 1.0)


def keywords_check(rare: tuple[str, ...], terms: AbstractSet[str], sentence: Sentence) -> Check:
    """0 when the sentence's document has none of the question's rarest words."""
    if rare and not any(t in terms or t in document_terms(sentence.doc) for t in rare):
        return Check(CheckName.KEYWORDS, 0.0, "thiếu từ khoá chính")
    return Check(CheckName.KEYWORDS, 1.0)


def conditions_check(sentence: Sentence, frame: Frame, rules: WordRules) -> Check:
    """'khi tỉnh mới có 7 xã đạt 19 tiêu chí', 'khi huyện X đạt chuẩn, tỉnh có …': the document
    of that moment states those numbers and names those places; one that does not is weaker
    evidence."""
    wanted = len(frame.conditions) + len(frame.occasion_places)
    if not wanted:
        return Check(CheckName.CONDITIONS, 1.0)
    text_f = fold_cached(sentence.doc.text)
    found = sum(1 for n in frame.conditions if states_number(text_f, n))
    found += sum(1 for name in frame.occasion_places if has_name(text_f, name))
    factor = rules.condition_floor + rules.condition_share * found / wanted
    return Check(CheckName.CONDITIONS, factor)
