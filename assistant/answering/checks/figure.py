"""Checks of a figure against the asked one: its unit, indicator, kind, category and place.

Pure functions of a stored fact (``base.types.Fact``) and the question's frame. Each returns
a ``Fit`` whose ``mismatch`` is a factor (0 rules the figure out, 1 is no objection) and whose
``score`` is a bonus for what fits well; ``notes`` say why, for the trace.

Usage::

    fit = fact_fit(fact, frame, rules.figure)
    fit.mismatch, fit.score, fit.notes   # 0.35, 0.0, ('another indicator (von)',)
"""

from __future__ import annotations

import re

from assistant.answering.names import same_place
from assistant.answering.records import Fit, Frame, Measure
from assistant.answering.rules import FigureRules
from assistant.answering.vocabulary import CATEGORY_MODIFIERS, canonical_terms
from base.lexicon import FAMILIES, RELATED, counts_things, indicator_units, tier_of, tier_rank
from base.text import fold, syllables
from base.types import Fact, FactKind

_OUT = Fit(0.0, 0.0)  # ruled out
# place words that count different places of one level: a question that names one of them asks
# for it, not the others ('xã' is not 'thị trấn' or 'phường', 'huyện' not 'thành phố')
_OWN_WORD = frozenset({"xa", "thi tran", "phuong", "huyen", "thi xa", "thanh pho"})


def fact_fit(fact: Fact, frame: Frame, rules: FigureRules) -> Fit:
    """How well a figure answers the question: ``mismatch`` is the factor, ``score`` the
    bonus. The same indicator, the same kind of figure (a total is not an increment), the
    numbers the question states, about the place asked rather than another."""
    allowed = indicator_units(frame.indicator)
    if allowed is not None and fact.unit and fact.unit not in allowed:
        return _note(_OUT, "đơn vị không hợp chỉ tiêu")  # an income is never '16 tiêu chí'
    if fact.kind == FactKind.DIFFERENCE and not frame.asks_difference:
        return _note(_OUT, "chênh lệch, không phải một số liệu")  # 'thấp hơn 2,56% so với …'
    if (
        frame.indicator == "tieu_chi_binh_quan"
        and re.match(r"\d+/", fact.value)
        and fact.unit == "tieu chi"
    ):
        # '9/9 tiêu chí' counts criteria met; 'bình quân 4,57/19 tiêu chí' is an average
        return _note(_OUT, "số tiêu chí đạt, không phải bình quân")
    fit = Fit(0.0, 1.0)
    if (
        frame.unit
        and fact.unit != frame.unit
        and frame.unit in _OWN_WORD
        and fact.unit in _OWN_WORD
    ):
        # '7 thị trấn đạt chuẩn' for 'bao nhiêu xã': places of the same level, not the ones asked
        fit = fit.times(rules.other_place_word, f"đếm {fact.unit}, câu hỏi hỏi {frame.unit}")
    if (
        frame.counted
        and (counts_things(fact.unit) or fact.unit == "%")
        and not fact.unit.startswith(frame.counted)
    ):
        # '242 xã' or '3,52%' for 'bao nhiêu trường': no count of the noun asked
        fit = fit.times(rules.other_counted, f"đếm {fact.unit}, câu hỏi đếm {frame.counted}")
    fit = _indicator_fit(fact, frame, rules, fit)
    fit = _planned_total_fit(fact, frame, rules, fit)
    fit = _measure_fit(fact, frame, rules, fit)
    fit = _stated_fit(fact, frame, rules, fit)
    own = re.match(r"\d+(?:[.,/]\d+)*", fact.value)
    if own and own.group() in frame.numbers:
        # the question's own figure ('khi có 7 xã đạt 19 tiêu chí') is no answer
        fit = fit.times(rules.own_number, "số của chính câu hỏi")
    return _place_fit(fact, frame, rules, fit)


def _note(fit: Fit, note: str) -> Fit:
    return Fit(fit.score, fit.mismatch, fit.notes + (note,))


def _indicator_fit(fact: Fact, frame: Frame, rules: FigureRules, fit: Fit) -> Fit:
    if frame.indicator and fact.indicator:
        if frame.indicator == fact.indicator:
            return fit.plus(rules.same_indicator, "đúng chỉ tiêu")
        if FAMILIES.get(frame.indicator) != FAMILIES.get(fact.indicator):
            # an income is never the funds mobilised, a poverty rate never the clean-water share
            return fit.times(rules.other_family, f"chỉ tiêu khác hẳn ({fact.indicator})")
        if RELATED.get(frame.indicator) == fact.indicator:
            # '13 xã đạt 19/19 tiêu chí' for 'bao nhiêu xã được công nhận'
            return fit.times(rules.related_indicator, f"chỉ tiêu gần ({fact.indicator})")
        return fit.times(rules.other_indicator, f"chỉ tiêu khác ({fact.indicator})")
    if frame.indicator:
        return fit.times(rules.unknown_indicator, "không rõ chỉ tiêu")
    if fact.indicator == "tieu_chi_binh_quan" and not frame.asks_average:
        # an average per commune answers no question that does not ask for one
        return fit.times(rules.unasked_average, "bình quân, câu hỏi không hỏi bình quân")
    return fit


def _planned_total_fit(fact: Fact, frame: Frame, rules: FigureRules, fit: Fit) -> Fit:
    """'phấn đấu nâng tổng số xã … lên bao nhiêu': the planned total, not the addition."""
    if not (frame.target and fact.kind == FactKind.TARGET and frame.asks_total):
        return fit
    said = fact.words.split("|")[0]
    if re.search(r"\b(tong so|nang tong|luy ke|len)\b", said):
        return fit.plus(rules.planned_total, "tổng dự kiến")
    if re.search(r"\b(them|xay dung|moi)\b", said):
        return fit.times(rules.planned_addition, "số dự kiến thêm, không phải tổng")
    return fit


def _measure_fit(fact: Fact, frame: Frame, rules: FigureRules, fit: Fit) -> Fit:
    """A total answers 'có bao nhiêu', an increment 'thêm bao nhiêu'."""
    if frame.measure == Measure.INCREMENT:
        if fact.kind == FactKind.INCREMENT:
            return fit.plus(rules.increment_asked, "số tăng thêm")
        if fact.kind == FactKind.TOTAL:
            return fit.times(rules.total_for_increment, "tổng, câu hỏi hỏi số tăng thêm")
        if fact.kind == FactKind.VALUE:
            return fit.times(rules.value_for_increment, "không rõ là số tăng thêm")
        return fit
    if fact.kind == FactKind.INCREMENT:
        return fit.times(rules.unasked_increment, "số tăng thêm, không phải tổng")
    if fact.kind == FactKind.TOTAL:
        return fit.plus(rules.total, "tổng số")
    if fact.kind == FactKind.PART and fact.indicator != frame.indicator:
        return fit.times(rules.other_part, "một phần của số trước nó")  # 'trong đó …'
    if fact.kind == FactKind.PART and not _ASKS_PART.search(frame.folded):
        # '84/133 xã …, trong đó tỉnh cũ có 32 xã': the whole answers, not its part
        return fit.times(rules.unasked_part, "một phần của số trước nó, câu hỏi không hỏi phần")
    return fit


# a question about a part of a whole: 'trong đó có bao nhiêu …', 'of which how many …' (folded)
_ASKS_PART = re.compile(r"\b(?:trong do|trong so)\b")


def _stated_fit(fact: Fact, frame: Frame, rules: FigureRules, fit: Fit) -> Fit:
    """Numbers the question states ('đạt từ 10 đến 14 tiêu chí') must describe the figure."""
    if not frame.stated:
        return fit
    described = {
        n
        # '19/19' and each of its numbers
        for n in re.findall(r"\d+(?:[.,/]\d+)?", fact.words)
        + re.findall(r"\d+(?:[.,]\d+)?", fact.words)
        if not re.fullmatch(r"(19|20)\d\d", n)
    }
    if not described:
        return fit
    share = sum(n in described for n in frame.stated) / len(frame.stated)
    fit = fit.plus(rules.stated_number * share)
    if share == 0:
        fit = fit.times(rules.stated_missing, "không có số câu hỏi nêu")
    return fit


def _place_fit(fact: Fact, frame: Frame, rules: FigureRules, fit: Fit) -> Fit:
    """The figure's own place against each asked place of the finest level asked: in 'xã A
    (huyện B) … của tỉnh C' the district and the province say where the commune
    lies, and the commune's figure is no lower level's."""
    asked = [p for p in frame.places if tier_of(p.level) in _FIGURE_TIERS]
    finest = min((tier_rank(tier_of(p.level)) for p in asked), default=None)
    for place in asked:
        level = tier_of(place.level)
        if tier_rank(level) != finest or not fact.place_level:
            continue
        same_level = fact.place_level == level
        if same_level and fact.place and not same_place(fold(fact.place), place.name):
            fit = fit.times(rules.other_place, f"số liệu của nơi khác ({fact.place})")
        elif tier_rank(fact.place_level) < tier_rank(level):
            fit = fit.times(rules.finer_place, "số liệu của cấp dưới")
        elif fact.place_level == _COUNTRY:
            fit = fit.times(rules.national_place, "số liệu của cả nước")
        elif tier_rank(fact.place_level) > tier_rank(level):
            fit = fit.times(rules.coarser_place, "số liệu của cấp trên")
    return fit


# the tiers whose figures a question's place is checked against
_FIGURE_TIERS = ("tinh", "huyen", "xa")
_COUNTRY = "ca nuoc"


# a next figure joined to one: ', 27 xã', ' và 27 xã', '; có 5 thôn'
_NEXT_FIGURE = re.compile(r"(?:\s+(?:và|and)|[,;])\s+(?:(?:có|có thêm|with)\s+)?\d")


def category_fit(clause, frame: Frame, fit: Fit, rules: FigureRules) -> Fit:
    """'xã đạt chuẩn NTM nâng cao' is another category than 'xã đạt chuẩn NTM': a category
    word near the figure that the question does not ask for, or the reverse for a count of
    places, weakens it."""
    s = clause.sentence.text
    cand = clause.candidate
    # the figure's own words: up to a next figure joined to it ('80/85 xã đạt chuẩn NTM và 27
    # xã đạt chuẩn NTM nâng cao': 'nâng cao' is the 27's)
    joined = _NEXT_FIGURE.search(s, cand.end, clause.end)
    own_end = joined.start() if joined else clause.end
    after = syllables(canonical_terms(fold(s[cand.end : own_end])))[: rules.category_words_after]
    before = s[max(clause.start, cand.start - rules.category_chars_before) : cand.start]
    near = " ".join(syllables(fold(before)) + after)
    # a count of places, or a share of them ('tỷ lệ xã đạt chuẩn NTM nâng cao')
    settlement = frame.unit in ("xa", "thon", "xom", "ban", "khu dan cu", "huyen") or (
        frame.indicator == "ty_le_xa"
    )
    for modifier in CATEGORY_MODIFIERS:
        in_candidate = bool(re.search(rf"\b{modifier}\b", near))
        in_question = modifier in frame.modifiers
        if in_candidate and not in_question:
            fit = fit.times(rules.unasked_category, f"nhóm khác ({modifier})")
        elif in_question and not in_candidate and settlement:
            fit = fit.times(rules.missing_category, f"không nói {modifier}")
    return fit
