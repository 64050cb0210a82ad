"""Place levels: the words a document or a question writes before a place's name, and the tier
(province, district, commune, hamlet) each names."""

from __future__ import annotations

from dataclasses import dataclass


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
