"""The words of questions: stopwords, scaffold phrases, abbreviations, and the English
glossary that turns an English question's programme words into folded Vietnamese ones.

Usage::

    is_english("How many communes of Lang Son met the new rural standard?")  # True
    to_folded_vietnamese("How many communes …")   # 'bao nhieu xa cua lang son dat cong nhan …'
    canonical_terms("xay dung nong thon moi")     # 'xay dung ntm'
"""

from __future__ import annotations

import re

from assistant.answering.rules import AnalyseRules
from base.text import fold

# Question words and glue that carry no content.
STOPWORDS = set(
    """
    co bao nhieu may la gi nao ai khi ngay nhung cac cua va o tai den trong duoc nhu the
    sao nay do thi con vay voi cho tu theo mot so hay hoac nhat hien nam thang
    what which who whom when where how many much is are was were the a an of in on at to by for
    and or with from does did do has have had its it this that number s
    as been being their they these those then there into about after before
    """.split()
)
# Words that frame a question rather than name its subject ('Đơn vị cấp huyện nào…').
SCAFFOLD = {
    "don vi",
    "cap",
    "co quan",
    "dia phuong",
    "so luong",
    "tong so",
    "cu the",
    "hien nay",
    "bao gio",
    "luc nao",
    "the nao",
    "nhu the nao",
    "ra sao",
    "la bao nhieu",
    # the article asked about and what a cause is called: 'theo bài viết', 'nhờ những yếu tố nào'
    "bai viet",
    "bai bao",
    "yeu to",
    "nho nhung",
    "nho cac",
}

# the things a name answers (folded; English too): an office, a body, a programme, a movement,
# an award, a road; 'những mô hình nào', 'mục đích gì' are answered in the documents' words
NAMED_THINGS = (
    r"co quan|don vi|to chuc|bo|so|nganh|chuong trinh|phong trao|de an|du an|giai thuong|"
    r"danh hieu|huan chuong|ten|cong trinh|hoi dong|uy ban|ban|cuoc thi|tuyen|san pham|"
    r"agency|agencies|body|office|organi[sz]ations?|programmes?|programs?|movements?|awards?|"
    r"titles?|names?|projects?|ministry|ministries|departments?|committees?|communes|"
    r"districts|provinces|products?|roads?"
)

# English -> folded Vietnamese, for the words of the programme (glossary, not translation).
GLOSSARY = {
    r"who|whom": "ai",
    r"chaired|chairs|presided(?: over)?|hosted|led": "chu tri",
    r"online": "truc tuyen",
    r"kilomet(?:re|er)s?|km": "km",
    r"hectares?|ha": "ha",
    r"when|what date|which day|on what day": "khi nao ngay nao",
    r"which|what": "nao",
    r"how many|number of|how much|amount of": "bao nhieu",
    r"communes?": "xa",
    r"districts?": "huyen",
    r"provinces?|provincial": "tinh",
    r"villages?|hamlets?": "thon",
    r"new[- ]style rural(?: areas?)?|new[- ]rural|new countryside|rural development|ntm": (
        "nong thon moi ntm"
    ),
    r"standards?|criteria met": "dat chuan",
    r"meet(?:ing|s)?|met|reach(?:ed|ing|es)?|achiev\w*|attain\w*|recogni[sz]ed|certified": "dat cong nhan",
    r"criteria|criterion": "tieu chi",
    r"targets?|aims?|goals?|plans?|strives?|objectives?": "phan dau muc tieu ke hoach",
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
    r"party committee": "uy",
    r"steering committee": "ban chi dao",
    r"conference|meeting": "hoi nghi",
    r"average|on average|per commune": "binh quan",
    r"percentage|percent|rate|proportion|share": "ty le",
    r"billion(?: vnd| dong)?": "ty dong",
    r"million(?: vnd| dong)?": "trieu dong",
    r"products?": "san pham",
    r"total investment|investment capital": "tong von dau tu",
    r"investment": "von dau tu",
    r"budget": "ngan sach",
    r"funds?|funding|capital|resources": "von nguon luc",
    r"mobili[sz]\w*|raised?|raising": "huy dong",
    r"increase[sd]?|rise|grow\w*": "tang",
    r"income": "thu nhap",
    r"per (?:capita|head|person)": "dau nguoi",
    r"border": "bien gioi",
    r"coordination office": "van phong dieu phoi",
    r"assigned|in charge|tasked": "giao chu tri",
    r"built|build|construct\w*": "xay dung",
    r"upgraded?|repair\w*": "nang cap sua chua",
    r"city": "thanh pho",
    r"prime minister": "thu tuong",
    r"completed?|complet\w*|fulfil\w*": "hoan thanh",
    r"by": "den",
    r"year": "nam",
    r"month": "thang",
}

_ENGLISH_HINT = re.compile(
    r"\b(how|what|which|who|when|where|many|much|the|does|did|is|are|was|were|has|have|of|"
    r"per|communes?|province|district)\b",
    re.I,
)


# Abbreviations the articles use interchangeably with the words (folded).
ABBREVIATIONS = {
    "nong thon moi": "ntm",
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "mat tran to quoc": "mttq",
    "thanh pho": "tp",
}


def canonical_terms(folded: str) -> str:
    """Folded text with long forms replaced by their abbreviation ('nong thon moi' -> 'ntm')."""
    for long, short in ABBREVIATIONS.items():
        folded = re.sub(rf"\b{long}\b", short, folded)
    return folded


_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)


def is_english(text: str, rules: AnalyseRules) -> bool:
    """Whether a question is typed in English: enough English function words and few
    words with Vietnamese diacritics."""
    words = _WORD.findall(text)
    if not words:
        return False
    marked = sum(1 for w in words if fold(w) != w.lower())
    return (
        len(_ENGLISH_HINT.findall(text)) >= rules.english_min_hints
        and marked / len(words) < rules.english_max_marked
    )


def to_folded_vietnamese(text: str) -> str:
    """Folded text with English programme words replaced by their Vietnamese equivalents."""
    out = text.lower()
    if re.match(r"\s*(?:what|how|which|who)\b", out):
        # 'What was the income … when it was recognised?': the 'when' clause says which
        # figure, it is not what is asked
        out = re.sub(r"\bwhen\b", " khi ", out)
    # Vietnamese puts 'nào' after the noun: 'which commune' -> 'commune which' -> 'xa nao'
    out = re.sub(
        r"\b(which|what)\s+((?:\w+\s+){0,2}?(?:communes?|districts?|provinces?|villages?|hamlets?|units?|localit(?:y|ies)|agency|agencies|body|office|organi[sz]ation|decisions?|resolutions?))\b",
        r"\2 \1",
        out,
    )
    for pattern, replacement in GLOSSARY.items():
        out = re.sub(rf"\b(?:{pattern})\b", f" {replacement} ", out)
    return fold(out)


# Qualifiers that make a different count in NTM reporting: communes that reached the
# *advanced* or *model* standard, *border* communes, *pilot* communes…
CATEGORY_MODIFIERS = ("nang cao", "kieu mau", "bien gioi", "dac biet kho khan", "xa diem")

# a qualifier the question leaves out: '(không kể nâng cao)', 'trừ các xã kiểu mẫu'
LEFT_OUT = re.compile(
    r"\b(?:khong ke|khong tinh|tru|ngoai|excluding|not counting)\s+"
    r"(?:(?:cac|nhung|xa|huyen|ntm|nong thon moi|dat chuan|chuan)\s+)*"
    r"(?:" + "|".join(CATEGORY_MODIFIERS) + r")\b"
)

# The programme's tiers: 'xã NTM nâng cao', 'huyện NTM kiểu mẫu', 'kiểu mẫu là 11 xã' (not
# 'nâng cao thu nhập', which improves an income)
TIER = re.compile(
    r"\b(nang cao|kieu mau)\b(?!\s+(?:chat luong|doi song|thu nhap|hieu qua|hieu luc|nhan thuc|"
    r"nang luc|vai tro|trach nhiem|tinh than|suc|gia tri|muc song|trinh do|ky nang|kien thuc))"
)

# a place word right before a 'nào' slot names the slot, not what is asked about it
LEVEL_BEFORE_SLOT = re.compile(
    r"\b(?:thon|xom|ban|xa|huyen|tinh|thanh pho|thi xa|don vi|dia phuong|co quan)\s*$"
)

# 'so với năm 2020': a baseline the figure is compared with, not the figure's year
COMPARISON_YEAR = re.compile(r"so voi (?:cuoi |dau )?(?:nam |cung ky )?((?:19|20)\d\d)")


def states_number(folded: str, number: str) -> bool:
    """Whether ``folded`` text states ``number`` as a whole number ('19' is not in '19,5')."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", folded) is not None
