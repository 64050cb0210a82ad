"""An English article's figures, read into the same facts: its number format ('1,922', '8.8'),
its unit words mapped to the lexicon's units (``base.lexicon.ENGLISH_UNIT_ROWS``), and the
words around a figure turned into folded Vietnamese by the questions' glossary
(``base.english``), so that indicators, kinds and aims are read by the same rules."""

from __future__ import annotations

import re
from dataclasses import replace

from base.english import ENGLISH_UNIT_ROWS, english_unit, marked_share, to_folded_vietnamese
from base.lexicon import indicator
from base.times import TimeRef
from base.types import Fact, FactKind
from ingest.facts.kinds import _aim, _kind
from ingest.facts.mentions import _sentence_fact
from ingest.facts.sentence import _CLAUSE_REACH, _SentenceIndex

_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


_EN_APPROX = (
    r"(?:(?:over|about|nearly|almost|around|approximately|some|roughly|more than|less than|"
    r"at least|up to|as many as)\s+)?"
)


_EN_MENTION = re.compile(
    rf"(?<![\w/.,$€£])(?P<approx>{_EN_APPROX})(?P<cur>vnd\s?)?"
    rf"(?:(?P<range_from>from\s+|between\s+)?(?P<a>{_EN_NUM})\s*(?:-|–|to)\s*(?=\d))?"
    rf"(?P<n>{_EN_NUM})(?![\d,.]\d)(?:\s*/\s*(?P<d>{_EN_NUM}))?"
    rf"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?:total\s+|overall\s+)?(?P<d2>{_EN_NUM})(?=\s+[a-z]))?"
)


_EN_UNIT_RE = re.compile(
    r"(?P<extra>\s+(?:more|additional|new|newly[- ]recogni[sz]ed|other))?\s*(?P<unit>"
    + "|".join(f"(?:{row.pattern})" for row in ENGLISH_UNIT_ROWS)
    + r")(?P<cur>\s+(?:vnd|dong|đồng))?"
    r"(?P<per>\s*(?:/|per|a)\s*(?:person|capita|head)(?P<year>\s*(?:/|per|a)\s*year)?)?"
    r"(?![\w%])"
)


# a denominator after the unit: '13.8 categories out of the overall 19 criteria'
_EN_OUT_OF = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:the\s+)?(?:total\s+|overall\s+)?({_EN_NUM})\s+[a-z]"
)


# a share stated with a figure: '785 communes nationwide, or 8.8 percent', '84/133 communes
# (63.2%)', '…, accounting for 63.2% of …'
_EN_SHARE_WORDS = r"or|accounting for|making up|representing|equal to|equivalent to"


_EN_SHARE = re.compile(
    rf"[^\d;.]{{0,90}}?(?:\(|\b(?:{_EN_SHARE_WORDS})\s+)({_EN_NUM}\s?(?:%|percent|per cent))"
)


_EN_SHARE_BEFORE = re.compile(rf"(?:\(|\b(?:{_EN_SHARE_WORDS}))\s*$")


# a plan or goal before a figure ('aims to have', 'targets', 'set tasks … to achieve'), or its
# horizon after it ('… by 2020')
_EN_TARGET = re.compile(
    r"\b(?:aims?|aimed|aiming|targets?|targeted|targeting|plans?|planned|planning|strives?|"
    r"striving|goals?|objectives?|expects?|expected|to (?:have|reach|achieve|build|meet|get)|"
    r"will (?:reach|achieve|have|increase|rise|grow|meet|complete|build))\b"
)


# where the words after a figure reach the next one: '10 communes meet … and 13 communes …'
# (not a range's 'between 15 and 18')
_EN_NEXT_FIGURE = re.compile(r"(?:(?<!\d)\s+and|,)\s+(?=(?:\w+\s+){0,3}\d)")


_EN_HORIZON = re.compile(r"\bby (?:the end of )?(?:19|20)\d\d\b")


# a year an English figure is compared with: 'an increase of 389 communes since the end of 2016'
_EN_BASELINE = re.compile(
    r"\b(?:since|compared (?:with|to)|than|from)\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?"
    r"(?:(?:the\s+)?(?:year\s+)?)?$"
)


def _english_times(low: str, times: list[TimeRef]) -> list[TimeRef]:
    """``times`` of English text ``low`` with a compared year marked as a baseline."""
    return [
        replace(t, role="baseline")
        if _EN_BASELINE.search(low, max(0, t.start - 40), t.start)
        else t
        for t in times
    ]


def _english_sentence(sentence: str) -> bool:
    """Whether a sentence of an English article is English (not a Vietnamese tagline)."""
    return marked_share(sentence) < 0.1 and len(sentence.lower()) == len(sentence)


def _english_mentions(sentence: str, low: str) -> list[tuple[re.Match, re.Match]]:
    """The figures of an English sentence: each number with the unit words after it."""
    found = []
    taken = 0  # the end of the last figure's denominator ('… out of the overall 19 criteria')
    for m in _EN_MENTION.finditer(low):
        unit_m = _EN_UNIT_RE.match(low, m.end())
        if unit_m is None or m.start() < taken:
            continue
        row = english_unit(unit_m.group("unit"))
        if row is None or row.money and not (m.group("cur") or unit_m.group("cur")):
            continue  # 'US$1.35 million', '7 million' of anything: no amount of VND
        if re.fullmatch(r"(?:19|20)\d\d", m.group("n")) and not m.group("d"):
            continue  # a year
        if re.search(r"\b(?:no\.?|number)\s*$", low[max(0, m.start() - 10) : m.start()]):
            continue  # 'Decision No. 1600'
        found.append((m, unit_m))
        out_of = _EN_OUT_OF.match(low, unit_m.end())
        taken = out_of.end(1) if out_of else 0
    return found


def _english_number(text: str) -> float | None:
    """'1,922' -> 1922.0, '8.8' -> 8.8."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _english_fact(doc, sentence, low, offset, m, unit_m, index: _SentenceIndex) -> Fact | None:
    """A figure of an English sentence, read like :func:`_fact` reads a Vietnamese one: its
    unit from the lexicon, its words in folded Vietnamese for the indicator, kind and aim."""
    row = english_unit(unit_m.group("unit"))
    unit = row.unit
    if unit_m.group("per") and unit == "trieu dong":
        unit = "trieu dong/nguoi/nam" if unit_m.group("year") else "trieu dong/nguoi"
    number = _english_number(m.group("n"))
    denominator_raw = m.group("d") or m.group("d2")
    out_of = _EN_OUT_OF.match(low, unit_m.end())
    if not denominator_raw and out_of:
        denominator_raw = out_of.group(1)
    denominator = _english_number(denominator_raw) if denominator_raw else None
    value_start = m.start()
    if m.group("a"):
        value_start = m.start("range_from") if m.group("range_from") else m.start("a")
        number = None  # a range: no single value
    value_end = unit_m.end()
    value = sentence[value_start:value_end].strip()
    # what the figure counts: English often says it before the figure's own clause ('In
    # 2014, as many as 785 communes …', 'On average, a commune has met 13.8 …'), so the words
    # since the figure before it (or the sentence's start), within its semicolons
    clause_lo, clause_hi = index.clause(value_start, value_end)
    since = max([e for e in index.figure_ends if e <= value_start] + [clause_lo])
    before = low[max(since, value_start - _CLAUSE_REACH) : value_start]
    end = min(index.next_clause_end(value_end)[0], clause_hi, value_end + _CLAUSE_REACH)
    after = _EN_NEXT_FIGURE.split(low[value_end:end])[0]
    share = ""
    share_m = _EN_SHARE.match(low, value_end) if unit != "%" else None
    if share_m and share_m.start(1) < clause_hi:
        share = sentence[share_m.start(1) : share_m.end(1)]
        rest = re.match(r"[\s,)]*", low[share_m.end(1) :]).end() + share_m.end(1)
        stop = min(index.next_clause_end(rest)[0], clause_hi, rest + _CLAUSE_REACH)
        after = f"{low[value_end : share_m.start(1)]} {_EN_NEXT_FIGURE.split(low[rest:stop])[0]}"
    before_vi = to_folded_vietnamese(before, article=True)
    after_vi = to_folded_vietnamese(after, article=True)
    if unit == "%" and _EN_SHARE_BEFORE.search(before):
        before_vi += " chiem"  # 'or 8.8 percent': the share of the figure before
    words = f"{' '.join(before_vi.split()[-8:])} | {' '.join(after_vi.split()[:12])}"
    key = indicator(unit, f"{before_vi} {after_vi}")
    planned = bool(
        _EN_TARGET.search(low, since if since > clause_lo else 0, value_start)
        or _EN_HORIZON.search(after)
    )
    # whether it is a total, an increment or a part: its own clause says
    own = to_folded_vietnamese(low[max(since, index.clause_start(value_start)) : value_start], True)
    kind = _kind(planned, own, after_vi)
    if kind == FactKind.VALUE and unit_m.group("extra"):
        kind = FactKind.INCREMENT  # '23 more communes'
    aim = _aim(own, after_vi, to_folded_vietnamese(low[value_end:], article=True), unit)
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
    )
