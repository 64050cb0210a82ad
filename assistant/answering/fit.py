"""How well one value of a sentence fits the question: the words around it, then the question
type's own evidence (``QuestionType.fit``), then the numbers the question states.

Usage::

    fit = value_fit(sentence, candidate, candidates, frame, qtype, weights, rules)
    fit.score, fit.mismatch   # words and cues for it; a factor against it
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.checks.words import context_terms, coverage
from assistant.answering.kinds import Clause, QuestionType
from assistant.answering.records import Candidate, Fit, Frame, Sentence
from assistant.answering.rules import Rules, ValueRules
from assistant.answering.vocabulary import canonical_terms, states_number
from base.text import fold, syllables


@dataclass(frozen=True)
class Words:
    """The question's weighted words, for the question types' reading of a clause."""

    weights: dict[str, float]
    rules: ValueRules

    def coverage(self, text: str) -> float:
        return coverage(self.weights, context_terms(text))


def order_match(wanted: tuple[str, ...], have: list[str]) -> float:
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


def _clause_bounds(s: str, cand: Candidate, separators: str) -> tuple[int, int]:
    """The clause around a value: between the nearest separators before and after it."""
    a = max([s.rfind(ch, 0, cand.start) for ch in separators] + [-1]) + 1
    stops = [i for i in (s.find(ch, cand.end) for ch in separators) if i >= 0]
    return a, (min(stops) if stops else len(s))


def value_fit(
    sentence: Sentence,
    cand: Candidate,
    cands: list[Candidate],
    frame: Frame,
    qtype: QuestionType,
    weights: dict[str, float],
    rules: Rules,
) -> Fit:
    """(score, mismatch) of a value: its clause's and window's share of the question's words,
    the words around the asked slot ('bao nhiêu xã [đạt chuẩn NTM nâng cao]'), the type's
    own evidence, and the numbers the question states."""
    r = rules.value
    s = sentence.text
    a, b = _clause_bounds(s, cand, qtype.clause_separators)
    clause = s[max(0, cand.start - r.reach_back) : b] if qtype.reaches_back else s[a:b]
    window = s[max(0, cand.start - r.window_chars) : min(len(s), cand.end + r.window_chars)]
    clause_cov = coverage(weights, context_terms(clause))
    window_cov = coverage(weights, context_terms(window))
    fit = Fit(r.clause * clause_cov + r.window * window_cov)
    stop = b
    if (frame.tail or frame.head) and qtype.stops_at_next:
        # up to the next value of the same type: its words describe that one
        stop = min([b] + [c.start for c in cands if c.start > cand.start])
    located = Clause(sentence, cand, a, b, stop, tuple(cands))
    if frame.tail or frame.head:
        # 'bao nhiêu xã đạt chuẩn NTM nâng cao' reads '32 xã đạt chuẩn NTM nâng cao';
        # 'xã nào về đích NTM nâng cao' reads 'xã Đình Lập về đích NTM nâng cao'
        after = syllables(canonical_terms(fold(s[cand.end : stop])))[: r.words_after]
        before = syllables(canonical_terms(fold(s[a : cand.start])))[-r.words_before :]
        tail = order_match(frame.tail, after)
        label = _label(s, a, cand, frame, r)
        head = order_match(frame.head, before)
        tail, fit = qtype.slot_match(located, frame, tail, fit, Words(weights, r))
        fit = fit.plus(r.tail * tail + r.head * head)
        later = [c.start for c in cands if c.start > cand.start]
        if label < r.part_label and later and _PARTS_FOLLOW.search(fold(s[cand.end : later[0]])):
            # 'tổng kinh phí là 46.920 triệu đồng, trong đó … vốn đầu tư phát triển là
            # 33.685 triệu đồng': the question names a part, and a later value is labelled so
            for other in cands:
                if other.start > cand.start:
                    o_a, _ = _clause_bounds(s, other, qtype.clause_separators)
                    if _label(s, o_a, other, frame, r) >= r.part_label:
                        fit = fit.times(r.total_of_parts, "tổng số; câu hỏi hỏi một phần")
                        break
    fit = qtype.fit(located, frame, fit, rules)
    return _stated_numbers(s, a, clause, cand, frame, fit, r)


# the fewest slot words that make a label ('vốn đầu tư'); one word ('vốn') labels anything
_LABEL_WORDS = 2
# what follows a total whose parts are listed after it
_PARTS_FOLLOW = re.compile(r"\b(trong do|bao gom|gom co)\b")


def _label(s: str, a: int, cand: Candidate, frame: Frame, r: ValueRules) -> float:
    """Share of the slot's words (several) that label ``cand`` from before, in its clause."""
    if len(frame.tail) < _LABEL_WORDS:
        return 0.0
    words = syllables(canonical_terms(fold(s[a : cand.start])))[-2 * r.words_before :]
    return order_match(frame.tail, words)


def _stated_numbers(
    s: str, a: int, clause: str, cand: Candidate, frame: Frame, fit: Fit, r: ValueRules
) -> Fit:
    """Numbers the question states ('từ 15 đến 18 tiêu chí', '9/9') must sit in the same
    clause; the question's own number is not its answer ('3' is not '3.989'); a figure just
    after 'so với' is a baseline, one after 'từ' that 'xuống/lên' another follows is where a
    move started; 'tăng'/'giảm' before it answers 'tăng bao nhiêu'."""
    described = [n for n in frame.numbers if n not in frame.conditions]
    if described:
        clause_f = fold(clause)
        present = sum(1 for n in described if states_number(clause_f, n))
        fit = fit.plus(r.stated_numbers * present / len(described))
    if frame.numbers:
        own = re.search(r"\d+(?:[.,/]\d+)*", cand.text)
        if own and own.group() in frame.numbers:
            fit = fit.plus(-r.own_number, "số của chính câu hỏi")
    before = fold(s[max(a, cand.start - r.compared_chars) : cand.start])
    if re.search(r"so voi", before):
        fit = fit.plus(-r.compared, "mốc so sánh")
    if frame.asks_change and re.search(r"\b(tang|giam)( them)?\s*$", before):
        fit = fit.plus(r.change, "số tăng/giảm")
    after = fold(s[cand.end : cand.end + r.compared_chars])
    if _FROM.search(before) and _MOVES_TO.match(after):
        fit = fit.times(r.starting_point, "điểm xuất phát (từ … xuống/lên …)")
    return fit


# the words between a move's start and its end: 'từ 3,68% xuống còn 1,79%', 'từ 40 lên 55'
_MOVE_GAP = re.compile(r"\s*(?:[^\s\d]+\s+){0,3}?(?:xuong|len|con)\s+(?:con\s+)?")
# what follows the starting point of a move: that gap, then the figure it moves to
_MOVES_TO = re.compile(_MOVE_GAP.pattern + r"\d")
# 'từ' right before a value: where a move starts; read in this many characters before it
_FROM = re.compile(r"\btu\s*$")
_FROM_CHARS = 8


def carry_moves(text: str, scored: list) -> list:
    """``scored`` ((fit, when, candidate) of one sentence's values) with the end of a move
    ('từ 3,68% xuống còn 1,79%') fitting at least as well as its start: the words before the
    start ('giảm tỷ lệ nhà tạm từ') describe both."""
    out = []
    for fit, when, cand in scored:
        for start_fit, _, start in scored:
            gap = fold(text[start.end : cand.start])
            moved = start.end <= cand.start and _MOVE_GAP.fullmatch(gap)
            if moved and _FROM.search(fold(text[max(0, start.start - _FROM_CHARS) : start.start])):
                fit = fit.at_least(start_fit.score)
        out.append((fit, when, cand))
    return out
