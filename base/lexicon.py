"""TEMPORARY shim: replaced by the lexicon branch."""

from __future__ import annotations

from base.indicators import RELATED, SETTLEMENTS, indicator, indicator_units  # noqa: F401

DISTRICT_WORDS = frozenset({"huyen", "thi xa", "quan", "thanh pho", "tp"})
COMMUNE_WORDS = frozenset({"xa", "phuong", "thi tran"})
HAMLET_WORDS = frozenset({"thon", "xom", "ban", "lang", "to dan pho"})
PLACE_WORDS = (
    "thanh pho", "thi xa", "thi tran", "huyen", "tinh", "quan", "phuong", "xa", "thon", "xom",
    "ban", "lang", "to dan pho", "tp",
)
QUESTION_UNITS = (
    "don vi hanh chinh cap huyen", "don vi cap huyen", "khu dan cu", "ty dong", "trieu dong",
    "nghin dong", "san pham", "tieu chi", "cong trinh", "truong hoc", "tram y te", "nha van hoa",
    "hop tac xa", "nha", "thon", "xom", "ban", "xa", "huyen", "tinh", "km", "ha", "hec ta",
    "hecta", "ho", "nguoi", "lao dong", "doanh nghiep", "y tuong", "mo hinh", "du an", "lan", "%",
    "phan tram", "ty le", "vuon mau", "cho", "diem", "nam", "thang", "trieu", "ty", "dong",
)
_TIER = {
    "tinh": "tinh", "huyen": "huyen", "thi xa": "huyen", "thanh pho": "huyen", "tp": "huyen",
    "quan": "huyen", "xa": "xa", "phuong": "xa", "thi tran": "xa",
}
_RANK = {"thon": 1, "xa": 2, "huyen": 3, "tinh": 4, "ca nuoc": 5}


def tier_of(word: str) -> str:
    return _TIER.get(word, "")


def tier_rank(tier: str) -> int:
    return _RANK.get(tier, 0)


def related(key: str) -> str | None:
    return RELATED.get(key)


def units_agree(asked: str | None, stated: str) -> bool:
    if not asked:
        return True
    if asked in SETTLEMENTS:
        return SETTLEMENTS.get(stated) == SETTLEMENTS[asked]
    if asked in ("tieu chi",):
        return stated.startswith("tieu chi")
    if asked in ("ty dong", "ty", "trieu dong", "trieu", "nghin dong", "dong"):
        return "dong" in stated or stated in ("ty", "trieu")
    if asked in ("%", "ty le", "phan tram"):
        return stated == "%"
    if asked in ("ha", "hec ta", "hecta"):
        return stated in ("ha", "hec ta", "hecta")
    return stated == asked or stated.startswith(asked + " ") or stated.startswith(asked + "/")
