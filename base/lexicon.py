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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from base.english import INDICATOR_EN

# -- place levels --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tier:
    """A level of the administrative map; a wider one has a larger rank."""

    name: str  # folded: 'xa'
    rank: int
    vi: str = ""  # its name for people: 'xã'
    en: str = ""  # 'commune'


TIERS = (
    Tier("thon", 1, "thôn", "hamlet"),  # thôn, xóm, bản, ấp: hamlets
    Tier("xa", 2, "xã", "commune"),  # xã, phường, thị trấn: communes
    Tier("huyen", 3, "huyện", "district"),  # huyện, quận, thị xã, thành phố thuộc tỉnh
    Tier("tinh", 4, "tỉnh", "province"),  # tỉnh, thành phố trực thuộc trung ương
    Tier("ca nuoc", 5, "cả nước", "country"),  # the whole country
)


@dataclass(frozen=True)
class PlaceLevel:
    """A folded word that tells a place's tier: written before a name ('huyện Đình Lập') or,
    when ``whole``, naming a whole area by itself ('toàn tỉnh')."""

    word: str
    tier: str
    in_text: bool = False  # ingest reads it before a name in documents
    in_question: bool = False  # answering reads it before a name in questions
    whole: bool = False  # the whole area of its tier ('toàn huyện có 7/7 xã')


PLACE_LEVELS = (
    PlaceLevel("tinh", "tinh", in_text=True, in_question=True),
    PlaceLevel("thanh pho", "huyen", in_text=True, in_question=True),
    PlaceLevel("tp", "huyen", in_text=True, in_question=True),
    PlaceLevel("thi xa", "huyen", in_text=True, in_question=True),
    PlaceLevel("tx", "huyen", in_text=True),
    PlaceLevel("huyen", "huyen", in_text=True, in_question=True),
    PlaceLevel("quan", "huyen", in_text=True, in_question=True),
    PlaceLevel("xa", "xa", in_text=True, in_question=True),
    PlaceLevel("phuong", "xa", in_text=True, in_question=True),
    PlaceLevel("thi tran", "xa", in_text=True, in_question=True),
    PlaceLevel("thon", "thon", in_text=True, in_question=True),
    PlaceLevel("xom", "thon", in_text=True, in_question=True),
    PlaceLevel("ban", "thon", in_text=True, in_question=True),
    PlaceLevel("ap", "thon", in_text=True),
    PlaceLevel("lang", "thon", in_question=True),
    PlaceLevel("to dan pho", "thon", in_question=True),
    PlaceLevel("toan tinh", "tinh", whole=True),
    PlaceLevel("ca tinh", "tinh", whole=True),
    PlaceLevel("toan huyen", "huyen", whole=True),
    PlaceLevel("ca huyen", "huyen", whole=True),
    PlaceLevel("toan xa", "xa", whole=True),
    PlaceLevel("ca nuoc", "ca nuoc", whole=True),
    PlaceLevel("toan quoc", "ca nuoc", whole=True),
    PlaceLevel("nationwide", "ca nuoc", whole=True),
)

_TIER_RANK = {t.name: t.rank for t in TIERS}
_TIERS_BY_NAME = {t.name: t for t in TIERS}
_PLACE_TIER = {p.word: p.tier for p in PLACE_LEVELS}


def _question_words(tier: str) -> frozenset[str]:
    return frozenset(p.word for p in PLACE_LEVELS if p.in_question and p.tier == tier)


# The words a document writes before a place's name (what ``ingest.facts`` reads).
TEXT_PLACE_WORDS = frozenset(p.word for p in PLACE_LEVELS if p.in_text)
# The words a question writes before a place's name, longest first ('thi xa' before 'xa').
QUESTION_PLACE_WORDS = tuple(
    sorted((p.word for p in PLACE_LEVELS if p.in_question), key=len, reverse=True)
)
DISTRICT_WORDS = _question_words("huyen")  # 'huyện', 'thị xã', 'quận', 'thành phố', 'TP'
COMMUNE_WORDS = _question_words("xa")  # 'xã', 'phường', 'thị trấn'
HAMLET_WORDS = _question_words("thon")  # 'thôn', 'xóm', 'bản', 'làng', 'tổ dân phố'


def tier_of(word: str) -> str:
    """The tier a folded place word or whole-area phrase names ('thi xa' -> 'huyen',
    'toan tinh' -> 'tinh'); '' when it names none."""
    return _PLACE_TIER.get(word, "")


def tier_label(tier: str, lang: str = "vi") -> str:
    """A tier's name for people: 'tỉnh' ('province' with ``lang='en'``); '' when unknown."""
    found = _TIERS_BY_NAME.get(tier)
    if found is None:
        return ""
    return found.en if lang == "en" else found.vi


def tier_rank(tier: str) -> int:
    """How wide a tier is: thôn 1 < xã 2 < huyện 3 < tỉnh 4 < cả nước 5; 0 when unknown."""
    return _TIER_RANK.get(tier, 0)


# -- units ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A folded unit a figure is counted in, and its family: what kind of thing it counts
    ('settlement:xa' for communes, 'money', 'percent', 'area'…)."""

    word: str
    family: str
    in_text: bool = True  # documents write it after a number ('12 xã', '2,26%')
    asked: int = 0  # its turn among the units a question asks for after 'bao nhiêu'/'mấy'; 0: never


# Rows in the order of :data:`UNITS`: ingest tries the units longest first, and this order
# breaks ties between units of one length; ``asked`` is the order in which a question's words
# are tried.
UNIT_ROWS = (
    Unit("tieu chi/xa", "criteria:average"),  # criteria per commune: an average
    Unit("trieu dong/nguoi/nam", "money:per_head"),
    Unit("trieu dong/nguoi", "money:per_head"),
    Unit("trieu dong", "money", asked=5),
    Unit("ty dong", "money", asked=4),
    Unit("nghin ty dong", "money"),
    Unit("ngan ty dong", "money"),
    Unit("nghin dong", "money", asked=6),
    Unit("khu dan cu", "settlement:thon", asked=3),
    Unit("don vi cap huyen", "settlement:huyen", asked=2),
    Unit("don vi hanh chinh cap huyen", "settlement:huyen", asked=1),
    Unit("don vi cap tinh", "settlement:tinh"),
    Unit("don vi hanh chinh cap tinh", "settlement:tinh"),
    Unit("san pham", "count", asked=7),
    Unit("chu the", "count", asked=52),  # OCOP entities: '219 chủ thể'
    Unit("tieu chi", "criteria", asked=8),
    Unit("chi tieu", "count", asked=45),  # a standard's indicators: "bao nhiêu chỉ tiêu"
    Unit("cong trinh", "count", asked=9),
    Unit("truong hoc", "count", asked=10),
    Unit("tram y te", "count", asked=11),
    Unit("nha van hoa", "count", asked=12),
    Unit("hop tac xa", "count", asked=13),
    Unit("to hop tac", "count"),
    Unit("lao dong", "people", asked=28),
    Unit("doanh nghiep", "count", asked=29),
    Unit("y tuong", "count", asked=30),
    Unit("vuon mau", "count", asked=37),
    Unit("vuon", "count", asked=46),  # 'bao nhiêu vườn đạt chuẩn', '1.300 vườn'
    Unit("lan", "count", asked=33),
    Unit("diem", "count", asked=39),
    Unit("mo hinh", "count", asked=31),
    Unit("du an", "count", asked=32),
    Unit("quyet dinh", "count", asked=53),  # 'đã ký 13 quyết định công nhận …'
    Unit("thi tran", "settlement:xa"),
    Unit("thi xa", "settlement:huyen"),
    Unit("thanh pho", "settlement:huyen"),
    Unit("hec ta", "area", asked=24),
    Unit("hecta", "area", asked=25),
    Unit("nguoi", "people", asked=27),
    Unit("thon", "settlement:thon", asked=15),
    Unit("xom", "settlement:thon", asked=16),
    Unit("ban", "settlement:thon", asked=17),
    Unit("ap", "settlement:thon", asked=18),  # the southern hamlet: "bao nhiêu ấp"
    Unit("lang", "settlement:thon"),
    Unit("xa", "settlement:xa", asked=19),
    Unit("phuong", "settlement:xa"),
    Unit("huyen", "settlement:huyen", asked=20),
    Unit("tinh", "settlement:tinh", asked=21),
    Unit("km", "length", asked=22),
    Unit("m2", "area:m2", asked=48),  # land given for roads: 'hiến 2.800 m2 đất'
    Unit("m3", "volume", asked=49),
    Unit("m", "length:m"),  # '270m đường'
    Unit("met", "length:m", in_text=False, asked=50),  # 'bao nhiêu mét đường'
    Unit("tan", "weight", asked=47),  # '33 tấn xi măng'
    Unit("kg", "weight:kg", asked=51),
    Unit("ha", "area", asked=23),
    Unit("ho", "households", asked=26),
    Unit("nha", "count", asked=14),
    Unit("cho", "count", asked=38),
    Unit("ty", "money", asked=43),
    Unit("trieu", "money", asked=42),
    Unit("dong", "money", asked=44),
    Unit("%", "percent", asked=34),
    # only in questions: 'bao nhiêu phần trăm', 'tỷ lệ … là bao nhiêu', 'mấy năm'
    Unit("phan tram", "percent", in_text=False, asked=35),
    Unit("ty le", "percent", in_text=False, asked=36),
    Unit("nam", "time", in_text=False, asked=40),
    Unit("thang", "time", in_text=False, asked=41),
)

_UNIT = {u.word: u for u in UNIT_ROWS}

# What may follow a number in a document, in table order, and longest first (as read).
UNITS = tuple(u.word for u in UNIT_ROWS if u.in_text)
UNITS_LONGEST_FIRST = tuple(sorted(UNITS, key=len, reverse=True))
# What a question may ask for after 'bao nhiêu'/'mấy', in the order its words are tried.
QUESTION_UNITS = tuple(
    u.word for u in sorted((u for u in UNIT_ROWS if u.asked), key=lambda u: u.asked)
)
# Settlement units -> the tier of the places they count ('phuong' -> 'xa').
SETTLEMENTS = {
    u.word: u.family.partition(":")[2] for u in UNIT_ROWS if u.family.startswith("settlement:")
}


def unit_family(unit: str) -> str:
    """The family of a folded unit ('phuong' -> 'settlement:xa', 'hecta' -> 'area'); ''
    when the lexicon does not know it."""
    row = _UNIT.get(unit)
    return row.family if row else ""


def units_in(*families: str) -> frozenset[str]:
    """The units a document may write of these families ('settlement:xa' -> xã, phường…)."""
    return frozenset(u.word for u in UNIT_ROWS if u.in_text and u.family in families)


def units_agree(asked: str | None, stated: str) -> bool:
    """Whether a figure stated in unit ``stated`` answers a question asking for ``asked``
    (one of :data:`QUESTION_UNITS`, or None when the question names no unit): 'phường'
    answers 'bao nhiêu xã', 'hecta' answers 'bao nhiêu ha', 'tiêu chí/xã' answers 'bao nhiêu
    tiêu chí'. For a percent question only '%' answers; callers check that first."""
    if not asked:
        return True
    row = _UNIT.get(asked)
    family = row.family if row else ""
    if ":" in family:
        # the same tier of places ('phường' answers 'bao nhiêu xã'), or the same measure
        # ('270m' answers 'bao nhiêu mét')
        return unit_family(stated) == family
    if family == "criteria":
        return stated.startswith(asked)  # 'tieu chi/xa' answers 'tieu chi'
    if family == "money" and row.asked:
        # Known bug, kept bit for bit until its own fix: the substring test also accepts
        # 'lao dong' (workers) as money, since 'dong' is in it. (A money unit no question
        # asks for, 'nghin ty dong', falls through to the last rule, as it always did.)
        return "dong" in stated or stated in ("ty", "trieu")
    if family == "percent":
        return stated == "%"
    if family == "area":
        return unit_family(stated) == "area"
    return stated == asked or stated.startswith((asked + " ", asked + "/"))


# -- indicators ----------------------------------------------------------------------------------


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
_ALL_CRITERIA = r"\b(?:dat|hoan thanh|du)\s+(?:du\s+)?(?:chuan\s+)?\d+(?:/\d+)?\s+tieu chi\b"
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
_OCOP = r"\bocop\b"


def _first_star(grade: int) -> str:
    """Words whose first star grade ('3 sao', '4 sao', '5 sao') is ``grade``."""
    return rf"(?s)^(?:(?!\b[345]\s*sao\b).)*\b{grade}\s*sao\b"


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
