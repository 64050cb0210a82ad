"""Indicators: what a figure counts ('xã đạt chuẩn NTM nâng cao', 'tỷ lệ hộ nghèo'), read from
its unit and the words around it, with the families and relations between indicators."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from base.english import INDICATOR_EN
from base.lexicon.units import units_in


@dataclass(frozen=True)
class UnitCue:
    """Words that make a figure's unit precise before its indicator is read: a bare figure
    said to be a 'tỷ lệ' is a percentage; 'bình quân 15 tiêu chí' is criteria per commune."""

    unit: str  # as stated ('' when none)
    cue: str  # a regex on the folded words
    read_as: str


UNIT_CUES = (
    UnitCue("", r"\b(ty le|phan tram)\b", "%"),
    UnitCue("tieu chi", r"\b(binh quan|trung binh|moi xa|/xa)\b", "tieu chi/xa"),
)


@dataclass(frozen=True)
class Indicator:
    """What a figure counts ('xa_nang_cao'), and how the words around it say so.

    A figure is read as the first row, in table order, that reads its unit and whose cues all
    match its folded words while no exclusion does; so a row comes before the rows that would
    otherwise take its figures ('nâng cao' before 'đạt chuẩn'). A unit claims its figures: a
    figure whose unit's rows all fail ('tỷ đồng' with no money word, 'km' with no road) has
    no indicator, since no other row reads that unit; a bare figure said to be a 'tỷ lệ' is
    read as '%' (:data:`UNIT_CUES`), so only the percent rows may take it."""

    key: str
    label: str  # Vietnamese, then English in brackets
    units: frozenset[str]  # the units a figure of it may be stated in
    cues: tuple[str, ...] = ()  # regexes on the folded words; all must match
    exclusions: tuple[str, ...] = ()  # regexes on the folded words; none may match
    reads: frozenset[str] | None = None  # the units it is read from when not all of ``units``
    bare_cues: tuple[str, ...] | None = None  # cues for a figure with no unit; None: never
    related: str = ""  # counts nearly the same thing: one answers for the other
    # what it is a kind of ('xa' for every count or share of communes, 'ocop' for each star);
    # '' is its own: an income and the funds mobilised, or two rates, are never one another
    family: str = ""
    in_briefs: int = 0  # its turn among a brief's default indicators; 0: not by default


# 'đạt chuẩn', 'được công nhận', 'về đích', 'hoàn thành nhiệm vụ': one standard, many words
_STANDARD = (
    r"\b(dat chuan|cong nhan|ve dich|dat ntm|hoan thanh nhiem vu|dat \d+/\d+ tieu chi"
    r"|dat 19 tieu chi|ntm)\b"
)
# 'đạt 19/19 tiêu chí', 'hoàn thành 11/11 tiêu chí', 'đạt đủ 19 tiêu chí': every criterion
# met, which is not yet recognition ('được công nhận đạt chuẩn')
_ALL_CRITERIA = (
    r"\b(?:dat|hoan thanh|du)\s+(?:du\s+)?(?:chuan\s+)?\d+(?:/\d+)?\s+tieu chi\b"
    # … and without their number: 'hoàn thành các tiêu chí', 'đạt đủ các tiêu chí' (not 'các
    # tiêu chí về giao thông', some of them)
    r"|\b(?:hoan thanh|dat du|dat tat ca)\s+(?:tat ca\s+)?(?:cac\s+)?tieu chi\b"
    r"(?!\s+(?:ve|cua|so|giao|thuy|dien|truong|y te|moi|thu|ho|lao|to|van|quoc|nha|co|an|"
    r"chuan|nang|kieu|ntm|nong|\d))"
)
_RECOGNISED = r"\b(?:cong nhan|ve dich)\b|\bdat chuan (?:xa )?(?:nong thon moi|ntm)\b"
_BY_CRITERIA = r"\bdat (?:tu )?\d+\s*(?:-|den)\s*\d+ tieu chi\b"  # 'đạt từ 15-18 tiêu chí'
# 'còn 02/56 xã chưa được công nhận đạt chuẩn': those not there yet, never those that are
_NOT_YET = r"\bchua (?:duoc )?(?:cong nhan|dat|ve dich|hoan thanh)\b"
_MODEL = r"\bkieu mau\b"
_ADVANCED = r"\bnang cao\b"
_SPENT = r"\b(von|huy dong|dau tu|kinh phi|ngan sach|nguon luc|dong gop|ho tro|tong muc|chi)\b"
# a question with no unit needs plainer words: 'huy động được bao nhiêu nguồn lực'
_RAISED = r"\b(nguon luc|kinh phi|nguon von|von dau tu|tong von|tong muc dau tu|huy dong)\b"
_INCOME = r"\bthu nhap\b"
_ROAD = r"\b(duong|giao thong|be tong|cung hoa|nhua)\b"
# the programme by its acronym or its name ('Chương trình Mỗi xã một sản phẩm')
_OCOP = r"\b(?:ocop|moi xa mot san pham)\b"
# a product asked for by its star grade alone ('bao nhiêu sản phẩm 4 sao'): only the programme
# rates products in stars (a question's words; an article's grade may be the figure before's)
_GRADED = re.compile(r"\bsan pham\b.*\b[345]\s*sao\b")


def asked_indicator(unit: str | None, words: str) -> str:
    """The indicator of a question's figure (:func:`indicator`), a product graded in stars
    being an OCOP product."""
    if unit == "san pham" and _GRADED.search(words) and not re.search(_OCOP, words):
        words = f"{words} ocop"
    return indicator(unit, words)


def _first_star(grade: int) -> str:
    """Words whose first star grade ('3 sao', '4 sao', '5 sao') is ``grade``; a range of
    grades ('từ 3 sao trở lên', '3-5 sao', 'từ 3 đến 5 sao') is every product rated, no
    grade of its own."""
    return rf"(?s)^(?:(?!{_grade('[345]')}).)*{_grade(str(grade))}"


def _grade(digit: str) -> str:
    """One star grade, not a range's end ('3-5 sao', 'từ 3 đến 5 sao', '3 sao trở lên')."""
    return rf"(?<!\d\s-\s)(?<!\d-)(?<!\d\sden\s)\b{digit}\s*sao\b(?!\s*tro (?:len|xuong))"


_XA = units_in("settlement:xa")
_HUYEN = units_in("settlement:huyen")
_TINH = units_in("settlement:tinh")
_THON = units_in("settlement:thon")
_PRODUCTS = frozenset({"san pham"})
_MONEY = units_in("money", "money:per_head")

INDICATOR_ROWS = (
    Indicator(
        "xa_chua_dat",
        "xã chưa đạt chuẩn NTM (communes not yet meeting the standard)",
        _XA,
        cues=(_NOT_YET,),
    ),
    Indicator(
        "xa_theo_tieu_chi",
        "số xã theo số tiêu chí đạt (communes by criteria met)",
        _XA,
        cues=(_BY_CRITERIA,),
        family="xa",
    ),
    Indicator(
        "xa_kieu_mau",
        "xã đạt chuẩn NTM kiểu mẫu (model NTM communes)",
        _XA,
        cues=(_MODEL,),
        in_briefs=3,
        family="xa",
    ),
    Indicator(
        "xa_nang_cao_du_tieu_chi",
        "xã đạt đủ tiêu chí NTM nâng cao (every advanced criterion met)",
        _XA,
        cues=(_ALL_CRITERIA, _ADVANCED),
        exclusions=(_RECOGNISED,),
        related="xa_nang_cao",
        family="xa",
    ),
    Indicator(
        "xa_du_tieu_chi",
        "xã đạt đủ tiêu chí NTM (communes meeting every criterion, not said to be recognised)",
        _XA,
        cues=(_ALL_CRITERIA,),
        exclusions=(_RECOGNISED,),
        related="xa_dat_chuan",
        family="xa",
    ),
    Indicator(
        "xa_nang_cao",
        "xã đạt chuẩn NTM nâng cao (advanced NTM communes)",
        _XA,
        cues=(_ADVANCED,),
        related="xa_nang_cao_du_tieu_chi",
        in_briefs=2,
        family="xa",
    ),
    Indicator(
        "xa_dat_chuan",
        "xã đạt chuẩn NTM (communes meeting the NTM standard)",
        _XA,
        cues=(_STANDARD,),
        related="xa_du_tieu_chi",
        in_briefs=1,
        family="xa",
    ),
    Indicator(
        "huyen_nang_cao",
        "huyện đạt chuẩn NTM nâng cao (advanced NTM districts)",
        _HUYEN,
        cues=(_ADVANCED,),
        exclusions=(_MODEL,),
        family="huyen",
    ),
    Indicator(
        "huyen_dat_chuan",
        "huyện đạt chuẩn / hoàn thành nhiệm vụ NTM (districts)",
        _HUYEN,
        cues=(_STANDARD,),
        exclusions=(_MODEL, _ADVANCED),
        in_briefs=4,
        family="huyen",
    ),
    Indicator(
        "tinh_hoan_thanh",
        "tỉnh hoàn thành nhiệm vụ xây dựng NTM (provinces)",
        _TINH,
        cues=(_STANDARD,),
        exclusions=(_MODEL, _ADVANCED),
    ),
    Indicator(
        "thon_kieu_mau",
        "thôn, khu dân cư NTM kiểu mẫu (model hamlets)",
        _THON,
        cues=(_MODEL,),
        family="thon",
    ),
    Indicator(
        "thon_dat_chuan",
        "thôn, bản, ấp đạt chuẩn NTM (hamlets)",
        _THON,
        cues=(_STANDARD,),
        exclusions=(_ADVANCED,),
        family="thon",
    ),
    Indicator(
        "tieu_chi_binh_quan",
        "số tiêu chí bình quân mỗi xã (average criteria per commune)",
        frozenset({"tieu chi/xa", "tieu chi"}),
        reads=frozenset({"tieu chi/xa"}),  # 'bình quân … tiêu chí' is read so (UNIT_CUES)
        in_briefs=5,
    ),
    Indicator(
        "ocop_3_sao",
        "sản phẩm OCOP 3 sao",
        _PRODUCTS,
        (_OCOP, _first_star(3)),
        in_briefs=7,
        family="ocop",
    ),
    Indicator(
        "ocop_4_sao",
        "sản phẩm OCOP 4 sao",
        _PRODUCTS,
        (_OCOP, _first_star(4)),
        in_briefs=8,
        family="ocop",
    ),
    Indicator(
        "ocop_5_sao",
        "sản phẩm OCOP 5 sao",
        _PRODUCTS,
        (_OCOP, _first_star(5)),
        in_briefs=9,
        family="ocop",
    ),
    Indicator("ocop", "sản phẩm OCOP (OCOP products)", _PRODUCTS, (_OCOP,), in_briefs=6),
    Indicator(
        "duong_km",
        "km đường giao thông (road km)",
        frozenset({"km"}),
        cues=(_ROAD,),
        in_briefs=10,
    ),
    Indicator(
        "thu_nhap",
        "thu nhập bình quân đầu người (income per head)",
        # per head: never billions
        units_in("money:per_head") | {"trieu dong", "nghin dong", "trieu", "dong"},
        cues=(_INCOME,),
        reads=units_in("money:per_head") | {"trieu dong", "trieu"},
        bare_cues=(_INCOME,),
        in_briefs=12,
    ),
    Indicator(
        "von",
        "vốn, kinh phí huy động (investment)",
        _MONEY,
        cues=(_SPENT,),
        reads=units_in("money") - {"nghin dong"},
        bare_cues=(_RAISED,),
        in_briefs=11,
    ),
    Indicator(
        "ho_ngheo",
        "tỷ lệ hộ nghèo (poverty rate)",
        frozenset({"%"}),
        cues=(r"\bho ngheo\b",),
        in_briefs=13,
    ),
    Indicator(
        "nuoc_sach",
        "tỷ lệ hộ dùng nước sạch, nước hợp vệ sinh (households using clean water)",
        frozenset({"%"}),
        cues=(r"\bnuoc (?:sach|hop ve sinh|sinh hoat hop ve sinh)\b",),
    ),
    Indicator(
        "ty_le_xa",
        "tỷ lệ xã đạt chuẩn (share of communes)",
        frozenset({"%"}) | _XA,
        cues=(r"\bxa\b", _STANDARD),
        reads=frozenset({"%"}),
        family="xa",
    ),
    Indicator(
        "ty_le_huyen",
        "tỷ lệ đơn vị cấp huyện đạt chuẩn (share of district-level units)",
        frozenset({"%"}),
        # the districts as what is counted ('Ở cấp huyện, 51% đã hoàn thành nhiệm vụ'), not
        # a district a figure is of ('tỷ lệ hộ nghèo của huyện')
        cues=(r"\b(?:cap huyen|don vi cap huyen|cac huyen,? thi xa)\b", _STANDARD),
        exclusions=(_MODEL, _ADVANCED),
        reads=frozenset({"%"}),
        family="huyen",
    ),
)

_BY_KEY = {row.key: row for row in INDICATOR_ROWS}

# Readable names of the indicators (Vietnamese first), for `ntm facts` and briefs.
INDICATORS = {row.key: row.label for row in INDICATOR_ROWS}


def indicator_label(key: str, lang: str = "vi") -> str:
    """An indicator's name for people: 'xã đạt chuẩn NTM' ('communes meeting the NTM
    standard' with ``lang='en'``, from ``base.english.INDICATOR_EN``); the key itself when no
    row has it."""
    label = INDICATORS.get(key)
    if label is None:
        return key
    vi, _, en = label.partition(" (")
    if lang == "en":
        return INDICATOR_EN.get(key) or en.rstrip(")") or vi
    return vi


# Indicators that count nearly the same thing: a commune that meets every criterion is usually
# recognised soon after, so one answers for the other when nothing better is found.
RELATED = {row.key: row.related for row in INDICATOR_ROWS if row.related}
# What each indicator is a kind of: figures of two families never answer for one another.
FAMILIES = {row.key: row.family or row.key for row in INDICATOR_ROWS}
# What a brief covers unless told otherwise: the programme's headline indicators, in order.
BRIEF_INDICATORS = tuple(
    row.key for row in sorted((r for r in INDICATOR_ROWS if r.in_briefs), key=lambda r: r.in_briefs)
)


def indicator(unit: str | None, words: str) -> str:
    """The indicator key of a figure: its ``unit`` (folded, from :data:`UNITS` or
    :data:`QUESTION_UNITS`; None or '' when it has none) and the folded ``words`` around it
    (what is counted, 'bình quân', 'hộ nghèo'…); '' when no row fits."""
    w = f" {words} "
    unit = unit or ""
    for refine in UNIT_CUES:
        if refine.unit == unit and _rx(refine.cue).search(w):
            unit = refine.read_as
            break
    for row in INDICATOR_ROWS:
        if _fits(row, unit, w):
            return row.key
    return ""


def indicator_units(key: str) -> frozenset[str] | None:
    """The units (folded) a figure of indicator ``key`` can have: an income is in đồng, never
    in 'tiêu chí' or 'xã'; None when the key is no indicator's (any unit may do)."""
    row = _BY_KEY.get(key)
    return row.units if row else None


def _fits(row: Indicator, unit: str, w: str) -> bool:
    """Whether ``row`` reads a figure in ``unit`` ('' when none) with the padded words ``w``."""
    if unit:
        if unit not in (row.units if row.reads is None else row.reads):
            return False
        cues = row.cues
    elif row.bare_cues is None:
        return False
    else:
        cues = row.bare_cues
    return all(_rx(c).search(w) for c in cues) and not any(_rx(x).search(w) for x in row.exclusions)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """A cue's compiled pattern, compiled once."""
    return re.compile(pattern)
