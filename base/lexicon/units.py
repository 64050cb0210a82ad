"""Units: what a figure is counted in, its family (what kind of thing it counts), and which units
a question may ask for after 'bao nhiêu'."""

from __future__ import annotations

from dataclasses import dataclass


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


# Nouns that count places without naming their level ('bao nhiêu địa phương', 'mấy đơn vị'):
# a count of communes or districts answers them.
PLACE_NOUNS = ("dia phuong", "don vi", "dia ban", "khu vuc", "noi")
# The families of units that count things (not an amount, a share, a size or a time).
COUNTING_FAMILIES = ("settlement", "count", "criteria", "people", "households")


def counts_things(unit: str) -> bool:
    """Whether a folded unit counts things ('xa', 'san pham', 'ho'), not an amount ('ty
    dong'), a share, an area, a length or a time."""
    return unit_family(unit).split(":")[0] in COUNTING_FAMILIES


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
