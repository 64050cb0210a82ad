"""The words of questions: stopwords, scaffold phrases, abbreviations, and the English
glossary that turns an English question's programme words into folded Vietnamese ones
(``base.english``: ingest reads English articles with the same glossary).

Usage::

    is_english("How many communes of Lang Son met the new rural standard?")  # True
    to_folded_vietnamese("How many communes …")   # 'bao nhieu xa cua lang son dat cong nhan …'
    canonical_terms("xay dung nong thon moi")     # 'xay dung ntm'
"""

from __future__ import annotations

import re

from assistant.answering.rules import AnalyseRules
from base.english import english_hints, marked_share
from base.english import to_folded_vietnamese as to_folded_vietnamese  # the questions' glossary

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


def is_english(text: str, rules: AnalyseRules) -> bool:
    """Whether a question is typed in English: enough English function words and few
    words with Vietnamese diacritics."""
    if not text.strip():
        return False
    return (
        english_hints(text) >= rules.english_min_hints
        and marked_share(text) < rules.english_max_marked
    )


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
# 'chưa' (not yet): 'những xã nào chưa đạt', 'còn 2 xã chưa được công nhận: …'
NOT_YET = re.compile(r"\bchua\b")
COMPARISON_YEAR = re.compile(r"so voi (?:cuoi |dau )?(?:nam |cung ky )?((?:19|20)\d\d)")


def states_number(folded: str, number: str) -> bool:
    """Whether ``folded`` text states ``number`` as a whole number ('19' is not in '19,5')."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", folded) is not None
