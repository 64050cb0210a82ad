"""English in NTM text: telling it apart, the glossary that turns its programme words into
folded Vietnamese ones, and its unit words as the lexicon's units (``base.lexicon``), so that
English questions and English articles meet the lexicon's words; and the other way, the
English words an English answer or brief says its figures with (:data:`UNIT_EN`,
:data:`NAMED_LEVELS`, :data:`FRAME_EN`) and names the indicators with (:data:`INDICATOR_EN`).

Questions (``assistant.answering``) and documents (``ingest.facts``, ``ingest.metadata``) read
English through this one glossary; answers, briefs, the CLI and the app say English with the
words at its end (``assistant.answering.wording.english``). It is a glossary of the
programme's words, not a translator.

Usage::

    english_hints("How many communes met the standard?")   # 3
    looks_english("The whole province has 525 residential areas …")  # True
    to_folded_vietnamese("How many communes …")   # 'bao nhieu xa …'
    english_unit("residential areas").unit       # 'khu dan cu'
    UNIT_EN["xa"]                                # ('commune', 'communes')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from base.text import fold

# English -> folded Vietnamese, for the words of the programme (glossary, not translation).
# Applied in order: a phrase comes before the words inside it.
GLOSSARY = {
    # 'of which the old Phu Tho province has 32 communes': a part of the figure before
    r"of which|of these|of them|including": "trong do",
    r"who|whom": "ai",
    r"chaired|chairs|presided(?: over)?|hosted|led": "chu tri",
    r"online": "truc tuyen",
    r"kilomet(?:re|er)s?|km": "km",
    r"hectares?|ha": "ha",
    r"when|what date|which day|on what day": "khi nao ngay nao",
    r"which|what": "nao",
    r"how many|number of|how much|amount of": "bao nhieu",
    # 'received the new-style rural title', 'obtained this status': recognised
    r"(?:receiv|obtain|gain|attain|earn|gett?|achiev|award)\w* (?:the |this |that |a )?"
    r"(?:new[- ]style rural |new[- ]rural |ntm )?(?:\w+ )?(?:title|status)": "dat chuan",
    # 'communes that reached between 15 and 18 of the criteria': a band of communes
    r"(?:reach\w*|met|meet\w*|achiev\w*|fulfil\w*|satisf\w*) (?:between|from) (\d+) (?:and|to) (\d+)"
    r"(?: of the| of)?": r"dat tu \1 den \2",
    # the whole of a place: 'the whole province has 525 …', '785 communes nationwide'
    r"the (?:whole|entire) province|province-?wide|across the province|throughout the province": (
        "toan tinh"
    ),
    r"the (?:whole|entire) district|district-?wide|across the district": "toan huyen",
    r"nationwide|the whole country|the entire country|across the country|throughout the country"
    r"|national[- ]scale|the nation'?s?": "ca nuoc",
    r"communes?": "xa",
    r"district[- ]level (?:units?|localities)": "don vi cap huyen",
    r"districts?": "huyen",
    r"provinces?|provincial": "tinh",
    r"villages?|hamlets?": "thon",
    r"new[- ]style rural(?: areas?)?|new[- ]rural|new countryside|rural development|ntm": (
        "nong thon moi ntm"
    ),
    r"standards?|criteria met": "dat chuan",
    r"meet(?:ing|s)?|met|reach(?:ed|ing|es)?|achiev\w*|attain\w*|recogni[sz]ed|certified": "dat cong nhan",
    # 'fulfilled all 19 criteria': every one of them
    r"all(?= \d)": "du",
    r"criteria|criterion|categories": "tieu chi",
    r"targets?|targeted|aims?|aimed|goals?|plans?|planned|strives?|objectives?|expect(?:s|ed)? to": "phan dau muc tieu ke hoach",
    r"advanced": "nang cao",
    r"decisions?": "quyet dinh",
    r"resolutions?": "nghi quyet",
    r"model|exemplary": "kieu mau",
    r"residential (?:areas?|quarters?)": "khu dan cu",
    r"schools?": "truong hoc",
    r"irrigation": "thuy loi",
    r"(?:clean|domestic) water": "nuoc sinh hoat",
    r"roads?": "duong giao thong",
    r"concrete": "be tong",
    r"works|projects?|facilit(?:y|ies)": "cong trinh",
    r"cultural houses?": "nha van hoa",
    r"health (?:stations?|centers?|centres?)": "tram y te",
    r"chair(?:man|woman|person)?": "chu tich",
    r"deputy|vice": "pho",
    r"secretary": "bi thu",
    r"people'?s committee": "ubnd",
    r"people'?s council": "hdnd",
    # after 'people's committee/council': 'how many … residents' counts people
    r"residents?|inhabitants?|people|persons": "nguoi",
    r"party committee": "uy",
    r"steering committee": "ban chi dao",
    r"conference|meeting": "hoi nghi",
    r"average|on average|per commune": "binh quan",
    r"poor households?|poverty(?: rate)?": "ho ngheo",
    r"percentage|percent|rate|proportion|share": "ty le",
    r"billion(?: vnd| dong)?": "ty dong",
    r"million(?: vnd| dong)?": "trieu dong",
    r"-?stars?": "sao",
    r"certificates?|certification": "chung nhan",
    r"products?": "san pham",
    r"(?:ocop )?entit(?:y|ies)": "chu the",  # who makes OCOP products: 'chủ thể'
    r"total investment|investment capital": "tong von dau tu",
    r"investment": "von dau tu",
    r"budget": "ngan sach",
    r"funds?|funding|capital|resources": "von nguon luc",
    r"mobili[sz]\w*|raised?|raising": "huy dong",
    # 'bringing the total to 85', 'a total of'
    r"(?:bringing|raising|brings|raises) the (?:total )?(?:number|total)|a total of|in total": (
        "nang tong so"
    ),
    r"increase[sd]?|rise|grow\w*": "tang",
    r"more|additional|newly": "them",
    r"income": "thu nhap",
    r"per (?:capita|head|person)": "dau nguoi",
    r"border": "bien gioi",
    # farming: 'the area of high-tech vegetables and flowers'
    r"cultivated (?:land|area)|farmland|(?:farming|planting|growing|land) area": "dien tich",
    r"high-tech|hi-tech|high technology": "cong nghe cao",
    r"vegetables?": "rau",
    r"flowers?": "hoa",
    r"hectares?": "ha",
    r"coordination office": "van phong dieu phoi",
    r"assigned|in charge|tasked": "giao chu tri",
    r"built|build|construct\w*": "xay dung",
    r"upgraded?|repair\w*": "nang cap sua chua",
    r"city": "thanh pho",
    r"prime minister": "thu tuong",
    r"completed?|complet\w*|fulfil\w*": "hoan thanh",
    r"accounting for|making up|equivalent to": "chiem",
    r"up to now|so far|to date|as of now|currently": "den nay",
    r"by": "den",
    r"year": "nam",
    r"month": "thang",
}

# Words an article's sentences need that a question's analysis must not read ('What has the
# programme achieved' is no 'có thể'): 'the whole province has 525 …' is a total ('toàn tỉnh có').
ARTICLE_GLOSSARY = {
    r"has|have|had": "co",
}

_ENGLISH_HINT = re.compile(
    r"\b(how|what|which|who|when|where|many|much|the|does|did|is|are|was|were|has|have|of|"
    r"per|communes?|province|district)\b",
    re.I,
)
# function words of running English text (an article rather than a question)
_ENGLISH_PROSE = re.compile(
    r"\b(the|of|and|to|in|is|are|was|were|has|have|with|for|by|that|which|this|from|on)\b", re.I
)
_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)


def english_hints(text: str) -> int:
    """How many English question words and programme nouns ``text`` has."""
    return len(_ENGLISH_HINT.findall(text))


def marked_share(text: str) -> float:
    """The share of ``text``'s words written with Vietnamese diacritics (0.0 without words)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if fold(w) != w.lower()) / len(words)


# an English article: this share of its words are English function words, and few are marked
_PROSE_SHARE = 0.12
_PROSE_MAX_MARKED = 0.25


def looks_english(text: str) -> bool:
    """Whether running text (an article, a sentence of it) is written in English: English
    function words make up a good share of its words and few words carry Vietnamese
    diacritics (a Vietnamese name or a site's tagline may)."""
    words = _WORD.findall(text)
    if not words:
        return False
    return (
        len(_ENGLISH_PROSE.findall(text)) / len(words) >= _PROSE_SHARE
        and marked_share(text) < _PROSE_MAX_MARKED
    )


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b")


def _question_order(out: str) -> str:
    """A lower-case question's words in the order the glossary reads them."""
    if re.match(r"\s*(?:what|how|which|who)\b", out):
        # 'What was the income … when it was recognised?': the 'when' clause says which
        # figure, it is not what is asked
        out = re.sub(r"\bwhen\b", " khi ", out)
    # Vietnamese puts 'nào' after the noun: 'which commune' -> 'commune which' -> 'xa nao'
    # ('what does a province … receive' asks for the object: the province is its subject)
    return re.sub(
        r"\b(which|what)\s+((?:(?!(?:does|do|did|is|are|was|were|has|have|had|will|would|can|"
        r"should|must)\b)\w+\s+){0,2}?(?:communes?|districts?|provinces?|villages?|hamlets?|units?|localit(?:y|ies)|agency|agencies|body|office|organi[sz]ation|decisions?|resolutions?)(?:[- ]level\s+(?:units?|localit(?:y|ies)))?)\b",
        r"\2 \1",
        out,
    )


# 'how many Quang Ninh OCOP products': names (capitalised words) between the asking words and
# the noun they count, which Vietnamese writes after the noun ('bao nhiêu sản phẩm OCOP …')
_NAMES_BEFORE_NOUN = re.compile(
    r"\b(?P<ask>[Hh]ow (?:many|much))\s+(?P<names>(?:[A-Z][\w'-]*\s+){1,3})(?P<noun>[a-z][\w-]*)\b"
)


def to_folded_vietnamese(text: str, article: bool = False) -> str:
    """Folded text with English programme words replaced by their Vietnamese equivalents
    (``article``: words of an article's sentence, :data:`ARTICLE_GLOSSARY` too)."""
    if not article:
        text = _NAMES_BEFORE_NOUN.sub(r"\g<ask> \g<noun> \g<names>", text)
        text = re.sub(r"\s+", " ", text)
    out = text.lower()
    if not article:
        out = _question_order(out)
    for pattern, replacement in GLOSSARY.items():
        out = _compiled(pattern).sub(f" {replacement} ", out)
    if article:
        for pattern, replacement in ARTICLE_GLOSSARY.items():
            out = _compiled(pattern).sub(f" {replacement} ", out)
        out = " ".join(out.split())
    return fold(out)


# -- English unit words --------------------------------------------------------------------------


@dataclass(frozen=True)
class EnglishUnit:
    """English words written after a number ('785 communes', '8.8 percent', 'VND30 billion')
    and the unit of ``base.lexicon.UNIT_ROWS`` they count in, so an English article's figures meet the
    same checks as a Vietnamese one's."""

    pattern: str  # a regex on lower-case English
    unit: str  # a word of base.lexicon.UNIT_ROWS
    money: bool = False  # an amount of VND only with 'VND' or 'dong' written beside it


ENGLISH_UNIT_ROWS = (
    EnglishUnit(r"trillion", "nghin ty dong", money=True),
    EnglishUnit(r"billion|bln|bn", "ty dong", money=True),
    EnglishUnit(r"million|mln", "trieu dong", money=True),
    EnglishUnit(r"percent|per cent|%", "%"),
    EnglishUnit(r"commune-level (?:units?|localities)|communes?|wards?|townships?", "xa"),
    EnglishUnit(r"district-level (?:units?|localities)|districts?", "huyen"),
    EnglishUnit(
        r"provinces?(?: and (?:centrally[- ](?:run|managed) )?cities)?"
        r"|provincial-level (?:units?|localities)",
        "tinh",
    ),
    EnglishUnit(r"residential (?:areas?|quarters?|groups?|clusters?)", "khu dan cu"),
    EnglishUnit(r"villages?|hamlets?", "thon"),
    EnglishUnit(r"households?", "ho"),
    EnglishUnit(r"people|persons?|residents?|inhabitants?", "nguoi"),
    EnglishUnit(r"workers?|labou?rers?", "lao dong"),
    EnglishUnit(r"(?:ocop )?products?", "san pham"),
    EnglishUnit(r"(?:ocop )?entit(?:y|ies)", "chu the"),
    EnglishUnit(r"decisions?", "quyet dinh"),
    EnglishUnit(r"criteria|criterion|categories", "tieu chi"),
    EnglishUnit(r"hectares?|ha", "ha"),
    EnglishUnit(r"kilomet(?:re|er)s?|km", "km"),
    EnglishUnit(r"times|-?fold", "lan"),
    EnglishUnit(r"cooperatives?", "hop tac xa"),
    EnglishUnit(r"enterprises|businesses", "doanh nghiep"),
    EnglishUnit(r"works|projects", "cong trinh"),
    EnglishUnit(r"models", "mo hinh"),
    EnglishUnit(r"schools", "truong hoc"),
)


def english_unit(written: str) -> EnglishUnit | None:
    """The row of English unit words ``written`` (lower case) is, or None."""
    words = " ".join(written.split())
    for row in ENGLISH_UNIT_ROWS:
        if _compiled_unit(row.pattern).fullmatch(words):
            return row
    return None


@cache
def _compiled_unit(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# -- the frame in English -----------------------------------------------------------------------
# What an answer or a brief composes around the documents' words ('65 xã, chiếm 35,91%', 'tăng 4
# (từ 61 xã, 12/2019)') is said in English with these words (``assistant.answering.wording``).

# folded unit (base.lexicon.UNITS) -> (one, many)
UNIT_EN: dict[str, tuple[str, str]] = {
    "tieu chi/xa": ("criterion per commune", "criteria per commune"),
    "trieu dong/nguoi/nam": ("million VND per person per year",) * 2,
    "trieu dong/nguoi": ("million VND per person",) * 2,
    "trieu dong": ("million VND",) * 2,
    "ty dong": ("billion VND",) * 2,
    "nghin ty dong": ("trillion VND",) * 2,
    "ngan ty dong": ("trillion VND",) * 2,
    "nghin dong": ("thousand VND",) * 2,
    "khu dan cu": ("residential area", "residential areas"),
    "don vi cap huyen": ("district-level unit", "district-level units"),
    "don vi hanh chinh cap huyen": ("district-level unit", "district-level units"),
    "don vi cap tinh": ("province-level unit", "province-level units"),
    "don vi hanh chinh cap tinh": ("province-level unit", "province-level units"),
    "san pham": ("product", "products"),
    "chu the": ("entity", "entities"),
    "tieu chi": ("criterion", "criteria"),
    "chi tieu": ("indicator", "indicators"),
    "cong trinh": ("facility", "facilities"),
    "truong hoc": ("school", "schools"),
    "tram y te": ("health station", "health stations"),
    "nha van hoa": ("cultural house", "cultural houses"),
    "hop tac xa": ("cooperative", "cooperatives"),
    "to hop tac": ("cooperative group", "cooperative groups"),
    "lao dong": ("worker", "workers"),
    "doanh nghiep": ("business", "businesses"),
    "y tuong": ("idea", "ideas"),
    "vuon mau": ("model garden", "model gardens"),
    "vuon": ("garden", "gardens"),
    "lan": ("time", "times"),
    "diem": ("site", "sites"),
    "mo hinh": ("model", "models"),
    "du an": ("project", "projects"),
    "quyet dinh": ("decision", "decisions"),
    "thi tran": ("township", "townships"),
    "thi xa": ("town", "towns"),
    "thanh pho": ("city", "cities"),
    "hec ta": ("ha",) * 2,
    "hecta": ("ha",) * 2,
    "nguoi": ("person", "people"),
    "thon": ("hamlet", "hamlets"),
    "xom": ("hamlet", "hamlets"),
    "ban": ("village", "villages"),
    "ap": ("hamlet", "hamlets"),
    "lang": ("village", "villages"),
    "xa": ("commune", "communes"),
    "phuong": ("ward", "wards"),
    "huyen": ("district", "districts"),
    "tinh": ("province", "provinces"),
    "km": ("km",) * 2,
    "m2": ("m2",) * 2,
    "m3": ("m3",) * 2,
    "m": ("m",) * 2,
    "tan": ("tonne", "tonnes"),
    "kg": ("kg",) * 2,
    "ha": ("ha",) * 2,
    "ho": ("household", "households"),
    "nha": ("house", "houses"),
    "cho": ("market", "markets"),
    "ty": ("billion",) * 2,
    "trieu": ("million",) * 2,
    "dong": ("VND",) * 2,
    "%": ("%",) * 2,
}

# the level words written before a place's name that an English frame writes after it, in
# their UNIT_EN words ('tỉnh Hà Giang' -> 'Hà Giang province', 'các xã A và B' -> 'A and B communes')
NAMED_LEVELS = ("tinh", "huyen", "thi xa", "thanh pho", "xa", "phuong", "thi tran")

# the few words answers and briefs put around figures (folded regexes, whole words) ->
# English, in order: a phrase before the words in it
FRAME_EN: tuple[tuple[str, str], ...] = (
    # the brief's kinds and series ('tăng thêm mỗi năm', 'mức đạt, riêng xã biên giới',
    # 'chưa có số liệu cùng loại'): longer phrases before the words in them
    (
        r"khong so duoc: cac so truoc duoc dem khac \(xem dien bien\)",
        "not comparable: the earlier figures are counted differently (see the timelines)",
    ),
    (r"khong noi tong hay tang them", "total or increase not stated"),
    (r"chua co so lieu cung loai", "no result of the same kind yet"),
    (r"khong ro (?:theo )?cach dem(?: nao)?", "counted differently, unclear how"),
    (r"tang them moi nam", "increase per year"),
    (r"tang them", "increase"),
    (r"tong so", "total"),
    (r"muc dat", "level"),
    (r"muc tieu", "target"),
    (r"chenh lech", "difference"),
    (r"trong do", "of which"),
    (r"rieng", "only"),
    (r"xa (?:ntm )?nang cao", "advanced NTM communes"),
    (r"xa (?:ntm )?kieu mau", "model NTM communes"),
    (r"xa diem", "pilot communes"),
    (r"xa bien gioi", "border communes"),
    (r"xa dac biet kho khan", "extremely disadvantaged communes"),
    # the words before an approximate figure ('xấp xỉ 30 tỷ đồng', 'chưa đến 5%')
    (r"xap xi", "about"),
    (r"gan nhu", "nearly"),
    (r"chua den|duoi", "under"),
    (r"uoc dat|uoc", "an estimated"),
    (r"toi(?= \d)", "up to"),
    (r"tinh den(?: het)?(?: thang| nam)?", "as of"),
    (r"den het(?: thang| nam)?", "as of"),
    (r"tu (?=\S+ den )", ""),  # 'từ 11,5 đến 12' -> '11,5 to 12'
    (r"den", "to"),
    (r"tang", "up"),
    (r"giam", "down"),
    (r"khong doi", "unchanged"),
    (r"dem khac nhau", "counted differently"),
    (r"truoc (?:khi )?sap nhap(?: xa)?", "before the merger"),
    (r"sau (?:khi )?sap nhap(?: xa)?", "after the merger"),
    (r"theo so lieu", "by the figures"),
    (r"tong", "total"),
    (r"gia tri", "value"),
    (r"khong ro", "unknown"),
    (r"chua co", "none yet"),
    (r"tu", "from"),
    (r"hon", "more than"),
    (r"tren", "over"),
    (r"gan", "nearly"),
    (r"khoang", "about"),
    (r"chiem", "i.e."),
    (r"cuoi nam", "end of"),
    (r"thang (?=\d)", ""),
    (r"ngay (?=\d)", ""),
    (r"nam (?=\d)", ""),
    (r"va", "and"),
    (r"moi thoi diem", "all time"),
    (r"toan bo tai lieu", "all documents"),
)

# the indicators of base.lexicon by name, for an English interface or brief (the lexicon's labels
# are Vietnamese, with a short English gloss in brackets for `ntm facts --indicator list`)
INDICATOR_EN: dict[str, str] = {
    "xa_chua_dat": "communes not yet meeting the NTM standard",
    "xa_theo_tieu_chi": "communes by criteria met",
    "xa_kieu_mau": "model NTM communes",
    "xa_nang_cao_du_tieu_chi": "communes meeting every advanced criterion",
    "xa_du_tieu_chi": "communes meeting every criterion",
    "xa_nang_cao": "advanced NTM communes",
    "xa_dat_chuan": "communes meeting the NTM standard",
    "huyen_nang_cao": "advanced NTM districts",
    "huyen_dat_chuan": "districts meeting the NTM standard",
    "tinh_hoan_thanh": "provinces completing the NTM tasks",
    "thon_kieu_mau": "model hamlets and residential areas",
    "thon_dat_chuan": "hamlets meeting the NTM standard",
    "tieu_chi_binh_quan": "average criteria per commune",
    "ocop_3_sao": "3-star OCOP products",
    "ocop_4_sao": "4-star OCOP products",
    "ocop_5_sao": "5-star OCOP products",
    "ocop": "OCOP products",
    "duong_km": "km of rural roads",
    "thu_nhap": "income per head",
    "von": "funds mobilised",
    "ho_ngheo": "poverty rate",
    "nuoc_sach": "households using clean water",
    "ty_le_xa": "share of communes meeting the standard",
    "ty_le_huyen": "share of district-level units meeting the standard",
}
