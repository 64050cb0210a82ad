"""The programme's indicators and units: what a figure counts, in documents and in questions.

The same words describe a figure in an article ("12 xã đạt chuẩn nông thôn mới nâng cao") and
in a question ("bao nhiêu xã đạt chuẩn NTM nâng cao"): ``indicator(unit, words)`` turns them
into one key ('xa_nang_cao'), so that a question finds the figures that answer it whatever the
wording ("về đích", "được công nhận", "đạt chuẩn" are one thing; "nâng cao" is another).

Usage::

    indicator("xa", "dat chuan nong thon moi nang cao")   # 'xa_nang_cao'
    indicator("%", "ty le ho ngheo da chieu")              # 'ho_ngheo'
    INDICATORS["xa_nang_cao"]                              # 'xã đạt chuẩn NTM nâng cao'
"""

from __future__ import annotations

import re

# Units, folded, longest first: what may follow a number.
UNITS = (
    "tieu chi/xa",
    "trieu dong/nguoi/nam",
    "trieu dong/nguoi",
    "trieu dong",
    "ty dong",
    "nghin ty dong",
    "ngan ty dong",
    "nghin dong",
    "khu dan cu",
    "don vi cap huyen",
    "don vi hanh chinh cap huyen",
    "don vi cap tinh",
    "don vi hanh chinh cap tinh",
    "san pham",
    "tieu chi",
    "chi tieu",
    "cong trinh",
    "truong hoc",
    "tram y te",
    "nha van hoa",
    "hop tac xa",
    "to hop tac",
    "lao dong",
    "doanh nghiep",
    "y tuong",
    "vuon mau",
    "lan",
    "diem",
    "mo hinh",
    "du an",
    "thi tran",
    "thi xa",
    "thanh pho",
    "hec ta",
    "hecta",
    "nguoi",
    "thon",
    "xom",
    "ban",
    "ap",
    "lang",
    "xa",
    "phuong",
    "huyen",
    "tinh",
    "km",
    "ha",
    "ho",
    "nha",
    "cho",
    "ty",
    "trieu",
    "dong",
    "%",
)

# Settlement units: counts of places that reach a standard.
SETTLEMENTS = {
    "xa": "xa",
    "phuong": "xa",
    "thi tran": "xa",
    "huyen": "huyen",
    "don vi cap huyen": "huyen",
    "don vi hanh chinh cap huyen": "huyen",
    "thi xa": "huyen",
    "thanh pho": "huyen",
    "tinh": "tinh",
    "don vi cap tinh": "tinh",
    "don vi hanh chinh cap tinh": "tinh",
    "thon": "thon",
    "xom": "thon",
    "ban": "thon",
    "ap": "thon",
    "lang": "thon",
    "khu dan cu": "thon",
}

# Readable names of the indicators (Vietnamese first), for `ntm facts` and briefs.
INDICATORS = {
    "xa_dat_chuan": "xã đạt chuẩn NTM (communes meeting the NTM standard)",
    "xa_du_tieu_chi": "xã đạt đủ tiêu chí NTM (communes meeting every criterion, not said to be recognised)",
    "xa_nang_cao": "xã đạt chuẩn NTM nâng cao (advanced NTM communes)",
    "xa_nang_cao_du_tieu_chi": "xã đạt đủ tiêu chí NTM nâng cao (every advanced criterion met)",
    "xa_kieu_mau": "xã đạt chuẩn NTM kiểu mẫu (model NTM communes)",
    "huyen_dat_chuan": "huyện đạt chuẩn / hoàn thành nhiệm vụ NTM (districts)",
    "huyen_nang_cao": "huyện đạt chuẩn NTM nâng cao (advanced NTM districts)",
    "tinh_hoan_thanh": "tỉnh hoàn thành nhiệm vụ xây dựng NTM (provinces)",
    "thon_dat_chuan": "thôn, bản, ấp đạt chuẩn NTM (hamlets)",
    "thon_kieu_mau": "thôn, khu dân cư NTM kiểu mẫu (model hamlets)",
    "tieu_chi_binh_quan": "số tiêu chí bình quân mỗi xã (average criteria per commune)",
    "xa_theo_tieu_chi": "số xã theo số tiêu chí đạt (communes by criteria met)",
    "ocop": "sản phẩm OCOP (OCOP products)",
    "ocop_3_sao": "sản phẩm OCOP 3 sao",
    "ocop_4_sao": "sản phẩm OCOP 4 sao",
    "ocop_5_sao": "sản phẩm OCOP 5 sao",
    "duong_km": "km đường giao thông (road km)",
    "von": "vốn, kinh phí huy động (investment)",
    "thu_nhap": "thu nhập bình quân đầu người (income per head)",
    "ho_ngheo": "tỷ lệ hộ nghèo (poverty rate)",
    "ty_le_xa": "tỷ lệ xã đạt chuẩn (share of communes)",
}

# Indicators that count nearly the same thing: a commune that meets every criterion is usually
# recognised soon after, so one answers for the other when nothing better is found.
RELATED = {
    "xa_du_tieu_chi": "xa_dat_chuan",
    "xa_dat_chuan": "xa_du_tieu_chi",
    "xa_nang_cao_du_tieu_chi": "xa_nang_cao",
    "xa_nang_cao": "xa_nang_cao_du_tieu_chi",
}

# 'đạt 19/19 tiêu chí', 'hoàn thành 11/11 tiêu chí', 'đạt đủ 19 tiêu chí': every criterion
# met, which is not yet recognition ('được công nhận đạt chuẩn')
_ALL_CRITERIA = re.compile(
    r"\b(?:dat|hoan thanh|du)\s+(?:du\s+)?(?:chuan\s+)?\d+(?:/\d+)?\s+tieu chi\b"
)
_RECOGNISED = re.compile(r"\b(?:cong nhan|ve dich)\b|\bdat chuan (?:xa )?(?:nong thon moi|ntm)\b")
_MONEY = re.compile(
    r"\b(nguon luc|kinh phi|nguon von|von dau tu|tong von|tong muc dau tu|huy dong)\b"
)

_STANDARD = r"\b(dat chuan|cong nhan|ve dich|dat ntm|hoan thanh nhiem vu|dat \d+/\d+ tieu chi|dat 19 tieu chi|ntm)\b"


def indicator(unit: str | None, words: str) -> str:
    """The indicator key of a figure: its ``unit`` (folded, from :data:`UNITS`) and the folded
    ``words`` around it (what is counted, 'bình quân', 'hộ nghèo'…); '' when none fits."""
    w = f" {words} "
    unit = unit or ""
    if unit in ("%",) or re.search(r"\b(ty le|phan tram)\b", w) and unit in ("", "%"):
        if re.search(r"\bho ngheo\b", w):
            return "ho_ngheo"
        if re.search(r"\bxa\b", w) and re.search(_STANDARD, w):
            return "ty_le_xa"
        return ""
    if unit.startswith("trieu dong") or unit == "trieu":
        if re.search(r"\bthu nhap\b", w):
            return "thu_nhap"
    if re.search(r"\bthu nhap\b", w) and unit in ("", "trieu dong/nguoi/nam", "trieu dong/nguoi"):
        return "thu_nhap"
    if unit in ("ty dong", "nghin ty dong", "ngan ty dong", "ty", "trieu dong", "dong", "trieu"):
        if re.search(
            r"\b(von|huy dong|dau tu|kinh phi|ngan sach|nguon luc|dong gop|ho tro|tong muc|chi)\b",
            w,
        ):
            return "von"
        return ""
    if not unit and _MONEY.search(w):
        return "von"  # 'huy động được bao nhiêu nguồn lực', 'tổng kinh phí … là bao nhiêu'
    if unit == "km":
        return "duong_km" if re.search(r"\b(duong|giao thong|be tong|cung hoa|nhua)\b", w) else ""
    if unit == "san pham" and re.search(r"\bocop\b", w):
        star = re.search(r"\b([345])\s*sao\b", w)
        return f"ocop_{star.group(1)}_sao" if star else "ocop"
    if unit in ("tieu chi/xa",) or (
        unit == "tieu chi" and re.search(r"\b(binh quan|trung binh|moi xa|/xa)\b", w)
    ):
        return "tieu_chi_binh_quan"
    level = SETTLEMENTS.get(unit)
    if level:
        if level == "xa" and re.search(r"\bdat (?:tu )?\d+\s*(?:-|den)\s*\d+ tieu chi\b", w):
            return "xa_theo_tieu_chi"
        if re.search(r"\bkieu mau\b", w):
            return {"xa": "xa_kieu_mau", "thon": "thon_kieu_mau"}.get(level, "")
        if level == "xa" and _ALL_CRITERIA.search(w) and not _RECOGNISED.search(w):
            return "xa_nang_cao_du_tieu_chi" if re.search(r"\bnang cao\b", w) else "xa_du_tieu_chi"
        if re.search(r"\bnang cao\b", w):
            return {"xa": "xa_nang_cao", "huyen": "huyen_nang_cao"}.get(level, "")
        if re.search(_STANDARD, w):
            return {
                "xa": "xa_dat_chuan",
                "huyen": "huyen_dat_chuan",
                "tinh": "tinh_hoan_thanh",
                "thon": "thon_dat_chuan",
            }[level]
    return ""


_MONEY_UNITS = frozenset(
    {
        "trieu dong/nguoi/nam",
        "trieu dong/nguoi",
        "trieu dong",
        "ty dong",
        "nghin ty dong",
        "ngan ty dong",
        "nghin dong",
        "ty",
        "trieu",
        "dong",
    }
)


def indicator_units(key: str) -> frozenset[str] | None:
    """The units (folded) a figure of indicator ``key`` can have: an income is in đồng, never
    in 'tiêu chí' or 'xã'; None when any unit may do."""
    if key == "von":
        return _MONEY_UNITS
    if key == "thu_nhap":  # per head: never billions
        return frozenset(u for u in _MONEY_UNITS if not u.startswith(("ty", "nghin ty", "ngan ty")))
    if key == "ho_ngheo":
        return frozenset({"%"})
    if key == "duong_km":
        return frozenset({"km"})
    if key == "tieu_chi_binh_quan":
        return frozenset({"tieu chi/xa", "tieu chi"})
    if key.startswith("ocop"):
        return frozenset({"san pham"})
    level = {"xa": "xa", "hu": "huyen", "th": "thon", "ti": "tinh"}.get(key[:2])
    if key == "ty_le_xa":
        return frozenset({"%"} | {u for u, lvl in SETTLEMENTS.items() if lvl == "xa"})
    if key.startswith(("xa_", "huyen_", "thon_", "tinh_")) and level:
        return frozenset(u for u, lvl in SETTLEMENTS.items() if lvl == level)
    return None
