"""The programme's words as tables: place levels, units and their families, indicators.

A document's "12 xã đạt chuẩn nông thôn mới nâng cao" and a question's "bao nhiêu xã đạt
chuẩn NTM nâng cao" must meet on the same words, so ingest (``ingest.facts``) and answering
read them from this one lexicon. Every word is folded (lower case, no diacritics, see
``base.text.fold``). Each table is a tuple of frozen rows; the sets, dicts and functions
below a table are derived from it, so a new place word, unit or indicator is one new row.

Usage::

    tier_of("thi xa"), tier_rank("huyen")                # ('huyen', 3)
    unit_family("ha")                                    # 'area'
    units_agree("xa", "phuong")                          # True: both count communes
    indicator("xa", "dat chuan nong thon moi nang cao")  # 'xa_nang_cao'
    indicator("%", "ty le ho ngheo da chieu")            # 'ho_ngheo'
    INDICATORS["xa_nang_cao"]                            # 'xã đạt chuẩn NTM nâng cao (advanced …)'
    indicator_units("ho_ngheo")                          # frozenset({'%'})

The tables live in four modules: ``levels`` (place levels), ``units``, ``indicators`` and
``offices``;
import their names from here.
"""

from base.lexicon.indicators import (
    BRIEF_INDICATORS,
    FAMILIES,
    INDICATOR_ROWS,
    INDICATORS,
    RELATED,
    UNIT_CUES,
    Indicator,
    UnitCue,
    asked_indicator,
    indicator,
    indicator_label,
    indicator_units,
)
from base.lexicon.levels import (
    COMMUNE_WORDS,
    DISTRICT_WORDS,
    HAMLET_WORDS,
    PLACE_LEVELS,
    QUESTION_PLACE_WORDS,
    TEXT_PLACE_WORDS,
    TIERS,
    PlaceLevel,
    Tier,
    tier_label,
    tier_of,
    tier_rank,
)
from base.lexicon.offices import ASKED_OFFICES, NAMED_OFFICES, OFFICE_RANKS, OFFICES
from base.lexicon.units import (
    COUNTING_FAMILIES,
    PLACE_NOUNS,
    QUESTION_UNITS,
    SETTLEMENTS,
    UNIT_ROWS,
    UNITS,
    UNITS_LONGEST_FIRST,
    Unit,
    counts_things,
    unit_family,
    units_agree,
    units_in,
)

__all__ = [
    "ASKED_OFFICES",
    "NAMED_OFFICES",
    "OFFICES",
    "OFFICE_RANKS",
    "BRIEF_INDICATORS",
    "COMMUNE_WORDS",
    "COUNTING_FAMILIES",
    "DISTRICT_WORDS",
    "FAMILIES",
    "HAMLET_WORDS",
    "INDICATORS",
    "INDICATOR_ROWS",
    "Indicator",
    "PLACE_LEVELS",
    "PLACE_NOUNS",
    "PlaceLevel",
    "QUESTION_PLACE_WORDS",
    "QUESTION_UNITS",
    "RELATED",
    "SETTLEMENTS",
    "TEXT_PLACE_WORDS",
    "TIERS",
    "Tier",
    "UNITS",
    "UNITS_LONGEST_FIRST",
    "UNIT_CUES",
    "UNIT_ROWS",
    "Unit",
    "UnitCue",
    "counts_things",
    "asked_indicator",
    "indicator",
    "indicator_label",
    "indicator_units",
    "tier_label",
    "tier_of",
    "tier_rank",
    "unit_family",
    "units_agree",
    "units_in",
]
