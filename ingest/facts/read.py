"""The reader itself: every figure with a unit, paragraph by paragraph and sentence by
sentence, its words, kind, place and time read by the modules beside this one."""

from __future__ import annotations

import bisect
import re

from base.english import looks_english
from base.lexicon import FAMILIES, indicator, tier_of
from base.sentences import split_sentences
from base.text import fold
from base.times import read_times
from base.types import Document, Fact, FactKind
from ingest.facts.english import _english_fact, _english_mentions, _english_sentence, _english_times
from ingest.facts.kinds import (
    _AVERAGE_RANGE,
    _DIFFERENCE_BEFORE,
    _GROUP_SIZE,
    _QUALIFIED_COUNT,
    _SETTLEMENT_UNITS,
    _aim,
    _fold_by_character,
    _group_before,
    _group_words,
    _kind,
    _new_by_its_words,
    _plan_paragraph,
    _set_not_reached,
)
from ingest.facts.mentions import (
    _COORDINATED,
    _ITEM_AFTER,
    _LATER_SHARE,
    _MENTION,
    _OWN_BASE,
    _SHARE,
    _SHARE_CLOSE,
    _UNIT_RE,
    NamedUnit,
    _replace,
    _sentence_fact,
    _skip_number,
    to_number,
    unit_named_before,
)
from ingest.facts.places import (
    _NO_OPENING,
    _document_place,
    _known_names,
    _Opening,
    _past_the_list,
    _place_of,
    _scope_place,
)
from ingest.facts.rows import _ROW, _row_facts
from ingest.facts.sentence import _CLAUSE_REACH, _SentenceIndex
from ingest.facts.times import (
    _NOW,
    _PLAN_REACH,
    _document_time,
    _says_now,
    _time_of,
    _written_after,
)


def read_facts(doc: Document) -> list[Fact]:
    """Every figure with a unit in the document, in text order."""
    text = doc.text
    meta = doc.meta
    doc_time = _document_time(doc)
    doc_place = _document_place(doc)
    known = _known_names(text)
    english = looks_english(text)  # an English article: its English sentences read as English
    facts: list[Fact] = []
    title_at: tuple[int, int] | None = None  # the line above a table's rows
    for p_start, p_end in _paragraph_spans(text):
        paragraph = text[p_start:p_end]
        if _ROW.match(paragraph):
            facts.extend(_row_facts(doc, p_start, p_end, title_at, doc_place))
            continue
        # the line just above a table (a sheet's title) dates its rows
        title_at = None if paragraph.startswith("[Trang tính: ") else (p_start, p_end)
        para_times = read_times(paragraph, meta.date)
        if english:
            para_times = _english_times(paragraph.lower(), para_times)
        para_starts = [t.start for t in para_times]
        opening = _Opening(paragraph, known)  # the paragraph's subject, found once
        para_folded: list[str | None] = []  # the paragraph folded, once, when first needed
        for s_start, s_end in _pieces(text, split_sentences(text, p_start, p_end)):
            sentence = text[s_start:s_end]
            in_english = english and _english_sentence(sentence)
            folded, mentions = _mentions(sentence, in_english)
            if len(folded) != len(sentence):
                continue
            if not mentions:
                continue
            times = read_times(sentence, meta.date)
            if in_english:
                times = _english_times(folded, times)
            at = s_start - p_start
            # what every figure looks up, found once per sentence
            index = _SentenceIndex(sentence, folded, times, known, english=in_english)
            index.figure_ends = sorted(unit_m.end() for _, unit_m in mentions)
            now = [n.start() for n in _NOW.finditer(folded) if _says_now(sentence, folded, n)]
            plan: list[bool] = []  # whether the sentence continues a plan, read once
            # the paragraph's times shortly before the sentence (bounded work in a paragraph
            # of any length)
            recent = para_times[
                bisect.bisect_left(para_starts, at - _PLAN_REACH) : bisect.bisect_right(
                    para_starts, at
                )
            ]
            figures_at = [m.start("n") for m, _ in mentions]
            # a time right after a figure is that figure's ('70 triệu đồng/ha năm 2010')
            claimed = {
                t.start: m.start("n")
                for m, unit_m in mentions
                for t in index.times_attached(unit_m.end())
            }
            for m, unit_m in mentions:
                if index.in_time(m.start("n")):
                    continue  # part of a date
                if (
                    m.group("a")
                    and not in_english
                    and fold(unit_m.group("unit")).startswith("tieu chi")
                    and not _AVERAGE_RANGE.search(folded[: m.start()].rstrip())
                ):
                    continue  # 'đạt từ 15-18 tiêu chí' describes a group of communes
                # 'các huyện gồm: Đức Trọng (10 xã)': the count's place and what it counts
                breakdown = None if in_english else _breakdown(sentence, folded, m.start())
                if in_english:
                    fact = _english_fact(doc, sentence, folded, s_start, m, unit_m, index)
                else:
                    fact = _fact(doc, sentence, folded, s_start, m, unit_m, index, breakdown)
                if fact is None:
                    continue
                if fact.kind != FactKind.TARGET and not in_english:
                    if not plan:
                        if not para_folded:
                            para_folded.append(_fold_by_character(paragraph))
                        plan.append(_plan_paragraph(text, p_start, s_start, folded, para_folded[0]))
                    if plan[0]:
                        fact = _replace(fact, kind=FactKind.TARGET)
                fact = _after_previous(fact, facts, s_start, folded, in_english)
                before_places = _past_the_list(folded, index.places_before(m.start()), m.start())
                if in_english and not before_places:
                    # '785 communes nationwide': English names the place after the figure
                    before_places = index.places_after(unit_m.end())
                place, level = _place_of(
                    sentence, before_places, _NO_OPENING if in_english else opening, at
                )
                if breakdown:
                    place, level = breakdown[:2]
                elif not place and not level:
                    place, level = doc_place
                elif level and not place:
                    place = _scope_place(level, doc, doc_place)
                clause = index.clause(m.start(), m.end())
                time = _time_of(
                    fact.kind,
                    times,
                    m.start(),
                    recent,
                    at,
                    doc_time,
                    clause,
                    now=now,
                    figures=figures_at,
                    claimed=claimed,
                    own=m.start("n"),
                )
                facts.append(
                    _replace(
                        fact,
                        aim=fact.aim if fact.kind == FactKind.TARGET else "",
                        place=place,
                        place_level=level,
                        time_lo=time[0],
                        time_hi=time[1],
                        time_text=time[2],
                        time_from=time[3],
                        version=meta.content_hash[:16],
                    )
                )
    floor = "" if doc_time else _written_after(text)
    return [_replace(f, written_after=floor) if not f.time_lo else f for f in facts]


def _mentions(sentence: str, in_english: bool) -> tuple[str, list[tuple[re.Match, re.Match]]]:
    """The sentence folded as its figures' words are read, and its figures: each number with
    the unit after it."""
    if in_english:
        folded = sentence.lower()
        return folded, _english_mentions(sentence, folded)
    folded = _set_not_reached(sentence, fold(sentence).lower())
    return folded, [
        (m, unit_m)
        for m in _MENTION.finditer(sentence)
        if (unit_m := _UNIT_RE.match(folded, m.end()) or unit_named_before(sentence, folded, m))
        and not _skip_number(sentence, folded, m)
    ]


def _after_previous(
    fact: Fact, facts: list[Fact], s_start: int, folded: str, in_english: bool
) -> Fact:
    """What a figure takes from the figure before it in the same sentence (``facts[-1]``):
    its indicator, its being new, or a share's base."""
    previous = facts[-1] if facts and facts[-1].start == s_start else None
    if in_english and previous is not None and previous.unit != fact.unit:
        # '84/133 communes …, accounting for 63.2% …, of which … has 32
        # communes': the last figure of the same unit
        previous = next(
            (f for f in reversed(facts) if f.start == s_start and f.unit == fact.unit),
            previous,
        )
    if (
        previous is not None
        and not fact.indicator
        and not fact.group
        and previous.indicator
        and previous.unit == fact.unit
        and not (fact.unit == "%" and _OWN_BASE.match(fact.words.partition("|")[2].strip()))
    ):
        # 'có thêm 12 xã đạt chuẩn NTM, nâng tổng số lên 85 xã': the same indicator, or
        # the one of its family the figure's own words make precise (those after it first),
        # read before the rest of the sentence ('437 sản phẩm OCOP từ 3 sao trở lên, gồm 326
        # sản phẩm 3 sao, 103 sản phẩm 4 sao')
        own_before, _, own_after = fact.words.partition("|")
        said = f"{own_after} {own_before} {folded[: fact.value_start - s_start]}"
        joined = indicator(fact.unit, said)
        same_family = FAMILIES.get(joined) == FAMILIES.get(previous.indicator)
        fact = _replace(fact, indicator=joined if joined and same_family else previous.indicator)
    if (
        previous is not None
        and previous.kind == FactKind.INCREMENT
        and _new_by_its_words(previous.words.partition("|")[0])
        and fact.kind == FactKind.VALUE
        and previous.unit == fact.unit
        and _COORDINATED.fullmatch(folded, previous.value_end - s_start, fact.value_start - s_start)
    ):
        # 'công nhận mới 3 xã đạt chuẩn NTM và 7 xã đạt chuẩn NTM nâng cao': the
        # second count is new too (not '7 cấp mới và 12 nâng hạng': its own word)
        fact = _replace(fact, kind=FactKind.INCREMENT)
    if (
        previous is not None
        and previous.kind == FactKind.PART
        and fact.kind == FactKind.VALUE
        and previous.unit == fact.unit
        and _ITEM_AFTER.fullmatch(folded, previous.value_end - s_start, fact.value_start - s_start)
    ):
        # 'bao gồm 4 sản phẩm 5 sao quốc gia, 86 sản phẩm 4 sao và 256 sản phẩm 3 sao': each
        # item of the breakdown is a part (not '…, 3 đơn vị cấp huyện đạt chuẩn': another unit)
        fact = _replace(fact, kind=FactKind.PART)
    if fact.unit == "%" and not fact.indicator and facts and facts[-1].start == s_start:
        # 'chiếm tỷ lệ 35,91%' after '65 xã đạt chuẩn': the share of that count
        if facts[-1].indicator.startswith("xa_") and re.search(
            r"\b(chiem|ty le|bang)\b", fact.words.split("|")[0]
        ):
            fact = _replace(fact, indicator="ty_le_xa")
    return fact


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


# The longest stretch of text read as one sentence. Every figure's words, kind and place are
# read from its sentence, so a run of text with no sentence end (a table flattened into one
# line, figures without punctuation) is read in pieces of this size: the work per figure stays
# bounded and reading stays linear in the text's length. Articles' sentences are far shorter.
_MAX_SENTENCE = 2000


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each one longer than ``_MAX_SENTENCE`` cut at spaces into pieces."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > _MAX_SENTENCE:
            cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
            cut = start + _MAX_SENTENCE if cut == -1 else cut + 1
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


# a breakdown by place, each count in brackets after its place, under a plural place word
# that heads the list: 'số xã đạt chuẩn thuộc các huyện gồm: Đức Trọng (10 xã), Lâm Hà (7
# xã)' (the head folded; the name as written)
_BREAKDOWN_HEAD = re.compile(
    r"\b(?:cac|nhung)\s+(?P<word>huyen|thi xa|thanh pho|xa|phuong|tinh|ban|thon|ap)\b[^:;()]{0,40}:"
)


_BRACKETED_NAME = re.compile(
    r"(?:^|[,:;]|\bvà)\s*(?:(?:huyện|thị xã|thành phố|TP\.?|TX\.?|xã|phường|thị trấn)\s+)?"
    r"(?P<name>[A-ZĐ][\w’'-]*(?:\s+[A-ZĐ0-9][\w’'-]*){0,3})\s*\(\s*$"
)


def _breakdown(sentence: str, folded: str, at: int) -> tuple[str, str, str] | None:
    """(place, level, the head's words) of a count in brackets after its place, in a list
    headed by a plural place word; None for any other figure."""
    name = _BRACKETED_NAME.search(sentence, max(0, at - 60), at)
    if name is None:
        return None
    heads = list(_BREAKDOWN_HEAD.finditer(folded, 0, name.start("name")))
    head = heads[-1] if heads else None  # the last head before the name
    if head is None or not tier_of(head.group("word")):
        return None
    words = " ".join(folded[: head.start()].split()[-10:])
    return name.group("name"), tier_of(head.group("word")), words


# ... or the level a clause counts at: 'Ở cấp huyện, 51% đã hoàn thành nhiệm vụ'
_TOPIC = re.compile(
    r"(?:(?:ve|doi voi|rieng|trong linh vuc|ve linh vuc)\s+(?P<topic>[^,;]{3,60})"
    r"|o\s+(?P<level>cap (?:tinh|huyen|xa))),"
)


# the OCOP programme named earlier in a sentence (folded)
_OCOP_NAMED = re.compile(r"\b(?:ocop|moi xa(?:, phuong)? mot san pham)\b")
# a count of products earlier in a sentence: a later one takes its indicator from it (folded)
_PRODUCTS_BEFORE = re.compile(r"\d\s+san pham\b")
# a product's own star grade, right after it: '2 sản phẩm 3 sao', 'đạt từ 3-5 sao' (folded)
_OWN_GRADE = re.compile(r"(?:dat\s+)?(?:(?:tu\s+)?[345]\s*(?:-|den)\s*)?[345]\s*sao\b")
# the programme's name written out right after a figure's unit (folded words after it)
_PROGRAMME_AFTER = re.compile(r"^nong thon moi\b")


def _fact(
    doc, sentence, folded, offset, m, unit_m, index: _SentenceIndex, breakdown=None
) -> Fact | None:
    """A Vietnamese figure's fact; ``breakdown``: the place list it is a count of, if any
    (:func:`_breakdown`)."""
    unit = re.sub(r"\s+", " ", unit_m.group("unit"))
    unit = "%" if unit == "phan tram" else unit
    number = to_number(m.group("n"))
    if m.group("big") and number is not None:
        number += 1000 * (to_number(m.group("big")) or 0)  # '71 tỷ 355 triệu' = 71.355 triệu
    denominator_raw = m.group("d") or m.group("d2")
    denominator = to_number(denominator_raw) if denominator_raw else None
    value_start = m.start() if not m.group("approx") else m.start("approx")
    if m.group("a"):
        value_start = m.start("range_from") if m.group("range_from") else m.start("a")
        number = None  # a range: no single value
    value_end = unit_m.end()
    value = sentence[value_start:value_end].strip()
    if isinstance(unit_m, NamedUnit):
        value = f"{value} {unit_m.written}"  # 'là 15,9' of 'Số tiêu chí …': '15,9 tiêu chí'
    # the clause around the value: what it counts, and whether it is a total, an increment…
    # (no further than _CLAUSE_REACH either side: bounded work in text without punctuation)
    clause_start = max(index.clause_start(m.start()), value_start - _CLAUSE_REACH)
    if isinstance(unit_m, NamedUnit):
        clause_start = min(clause_start, unit_m.named_at)  # 'Tổng số xã đạt chuẩn: 12'
    clause_end = min(index.next_clause_end(value_end)[0], value_end + _CLAUSE_REACH)
    before = folded[clause_start:value_start].strip()
    if re.search(r"\b(binh quan|trung binh|moi)$", before) and number == 1:
        return None  # 'bình quân 01 xã đạt 13,15 tiêu chí': a divisor, not a count
    band = fold(m.group("approx") or "").strip() in ("duoi", "tren")
    if band and unit.startswith("tieu chi") and re.search(r"\bxa(?: (?:dat|con))?$", before):
        return None  # 'không có xã dưới 10 tiêu chí': a band of communes, not a figure
    if unit == "%" and _QUALIFIED_COUNT.search(before):
        return None  # '18 đơn vị cấp tỉnh có 100% số xã đạt chuẩn': what the 18 have in common
    after = folded[value_end:clause_end].strip()
    after = re.split(r"\s(?:va|,)\s(?=\d)", after)[0]  # up to the next figure
    share = ""
    share_m = _SHARE.match(folded, value_end) or _LATER_SHARE.match(folded, value_end)
    if share_m and unit != "%":
        s, e = share_m.span(1)
        share = sentence[s:e]
        if share_m.re is _SHARE:
            # '6.250/8.014 xã (78%) đạt chuẩn …': what the figure counts follows the brackets
            e += len(_SHARE_CLOSE.match(folded, e).group())
            after = folded[e : min(index.next_clause_end(e)[0], e + _CLAUSE_REACH)].strip()
    topic = _TOPIC.match(folded)  # 'Về xây dựng NTM nâng cao, huyện có 02 xã đạt chuẩn.'
    if topic and topic.end() <= clause_start:
        before = f"{topic.group('topic') or topic.group('level')} {before}"
    if breakdown:  # 'số xã đạt chuẩn … các huyện gồm: Đức Trọng (10 xã)': the head counts
        before = f"{breakdown[2]} {before}"
    words = f"{' '.join(before.split()[-8:])} | {' '.join(after.split()[:12])}"
    # '6/9 huyện nông thôn mới', '80 xã nông thôn mới': the programme's name right after the
    # unit names places that meet its standard, as 'huyện NTM' does
    key = indicator(unit, f"{before} {_PROGRAMME_AFTER.sub('ntm', after)}")
    if (
        not key
        and unit == "san pham"
        and (
            _OWN_GRADE.match(after)
            or (
                _OCOP_NAMED.search(folded, 0, value_start)
                and not _PRODUCTS_BEFORE.search(folded, 0, value_start)
            )
        )
    ):
        # '336 sản phẩm đạt từ 3-5 sao': only the OCOP programme rates products in stars, and
        # the grade right after a figure is its own (one before it may be the figure before's);
        # 'Sau 10 năm triển khai Chương trình … (OCOP), … với 569 sản phẩm': its products
        key = indicator(unit, f"ocop {after}")
    group = ""
    size = _GROUP_SIZE.match(after) if unit in _SETTLEMENT_UNITS else None
    if size and (not key or re.search(r"\b(?:binh quan|trung binh)\b", size.group())):
        # '20 xã biên giới phấn đấu bình quân đạt từ 11,5 đến 12 tiêu chí/xã': how many
        # communes the next figure is about (an average, not a band of communes by criteria)
        key = ""
        group = _group_words(sentence, folded, value_end - len(unit_m.group("unit")), clause_end)
    elif unit == "%" or unit.startswith("tieu chi"):
        group = _group_before(sentence, folded, clause_start, value_start)
    planned = index.target_before(m.start()) and not index.reached_after_plan(m.start())
    kind = _kind(planned, before, after)
    aim = _aim(before, after, folded[value_end:], unit)
    if kind in (FactKind.VALUE, FactKind.TOTAL) and (
        _DIFFERENCE_BEFORE.search(folded[clause_start : m.start("n")])
        or re.match(r"so voi\b", after)
    ):
        kind = FactKind.DIFFERENCE
    return _sentence_fact(
        doc,
        offset,
        sentence,
        value_start,
        value_end,
        value=value,
        number=number,
        unit=unit,
        indicator=key,
        kind=kind,
        words=words,
        denominator=denominator,
        share=share,
        aim=aim,
        group=group,
    )
