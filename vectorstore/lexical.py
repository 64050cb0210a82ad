"""BM25 (bm25s) over accent-folded syllables and syllable bigrams.

Questions typed without diacritics ("dinh lap") match text with them ("Đình Lập"), and exact
numbers and names ("06/10", "Chùa Vàng") weigh heavily. The index is built in memory from the
chunks Chroma holds; :class:`LexicalIndex` is immutable, the retriever rebuilds it when stale.

Usage::

    index = LexicalIndex.build(chunks, titles={"doc-id": "Hội nghị…"})
    for position, score in index.search("xa dat chuan", k=10): ...
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import bm25s
import numpy as np
from bm25s.tokenization import Tokenized

from base.text import lexical_terms
from base.types import Chunk

logging.getLogger("bm25s").setLevel(logging.WARNING)


class LexicalIndex:
    def __init__(
        self, chunks: Sequence[Chunk], retriever, vocab: dict[str, int], df: Counter | None = None
    ):
        self.chunks = list(chunks)
        self._retriever = retriever
        self._vocab = vocab
        self._df = df or Counter()

    def idf(self, term: str) -> float:
        """Inverse document frequency of a folded term over the chunks (unknown: highest)."""
        n = max(1, len(self.chunks))
        return math.log(1 + (n - self._df.get(term, 0) + 0.5) / (self._df.get(term, 0) + 0.5))

    @classmethod
    def build(cls, chunks: Sequence[Chunk], titles: dict[str, str] | None = None) -> LexicalIndex:
        titles = titles or {}
        vocab: dict[str, int] = {}
        ids: list[list[int]] = []
        df: Counter = Counter()
        for chunk in chunks:
            terms = lexical_terms(chunk.text)
            title = titles.get(chunk.doc_id)
            if title:
                terms += lexical_terms(title)
            ids.append([vocab.setdefault(term, len(vocab)) for term in terms])
            df.update(set(terms))
        retriever = None
        if chunks:
            retriever = bm25s.BM25()
            retriever.index(Tokenized(ids=ids, vocab=vocab), show_progress=False)
        return cls(chunks, retriever, vocab, df)

    def has_term(self, term: str) -> bool:
        """Whether any chunk holds this folded syllable (or 'a_b' bigram)."""
        return term in self._vocab

    def __len__(self) -> int:
        return len(self.chunks)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Positions (into ``self.chunks``) and BM25 scores of the best ``k`` chunks.

        ``mask`` (bool per chunk) keeps only the chunks a filter allows.
        """
        if self._retriever is None:
            return []
        query_ids = sorted({self._vocab[t] for t in lexical_terms(query) if t in self._vocab})
        if not query_ids:
            return []
        scores = self._retriever.get_scores_from_ids(query_ids)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]
