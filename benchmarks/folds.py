"""Folds of a question set, for measuring out of fold: a question's fold is fixed by its first
source document (its id for an unanswerable question), so that the questions about one article
stay together and no article is both developed on and reported.

    fold_of(question, 5)                       # 0 … 4
    pick(questions, folds={3, 4}, n=5, tags={"limits", "why"})

Keep the folds you report untouched while developing: do not read their questions, answers or
failures.
"""

from __future__ import annotations

import hashlib

from assistant.evaluate import Question


def fold_of(question: Question, n: int = 5) -> int:
    key = question.sources[0] if question.sources else question.id
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % n


def pick(
    questions: list[Question],
    folds: set[int] | None = None,
    n: int = 5,
    tags: set[str] | None = None,
) -> list[Question]:
    """The questions of these folds (all when None) having any of these tags (any when None)."""
    return [
        q
        for q in questions
        if (folds is None or fold_of(q, n) in folds) and (not tags or tags & set(q.tags))
    ]


def parse_folds(text: str | None) -> set[int] | None:
    """'3,4' -> {3, 4}; None -> None."""
    return None if not text else {int(part) for part in text.split(",") if part.strip()}
