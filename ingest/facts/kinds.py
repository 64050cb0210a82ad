"""What kind of figure a clause states: a total, an increment, a target and what it aims at,
a difference, a qualified count; the group of places an average or a share is of; whether a
sentence continues a plan."""

from __future__ import annotations

import re

from base.lexicon import units_in
from base.text import fold
from base.times import TARGET_CUES, blank_share_of_plan
from base.types import FactKind
from ingest.facts.times import _NOW, _PLAN_REACH

_TARGET = re.compile(
    r"(?<!vuot )(?<!theo )(?<!hoan thanh )(?<!dat )(?<!so voi )(?<!chuong trinh )"
    rf"\b({TARGET_CUES}|se co|se dat|can dat|dang ky|target|aim|plan)\b"
)


_INCREMENT = re.compile(
    r"\b(them|tang them|tang|bo sung|moi duoc cong nhan|cong nhan moi|cong nhan them|"
    r"more|additional|new)\b\s*(?:duoc\s*)?(?:\w+\s*)?$"
    r"|\btrong nam(?: qua| nay| (?:19|20)\d\d)?,?\s*(?:\w+\s+){0,3}?(?:da\s+)?(?:co|cong nhan)\s*$"
)


_TOTAL = re.compile(
    r"\b(nang tong so|nang so|tong so|tong cong|luy ke|toan tinh co|toan huyen co|"
    r"toan tinh hien co|toan huyen hien co|ca nuoc co|ca tinh co|den nay|hien co|hien nay co|"
    r"hien da co|da co|co tong|tat ca|total|in total)\b"
)


# the units that count places: a count of them may be the size of a group ('20 xã biên giới')
_SETTLEMENT_UNITS = units_in("settlement:xa", "settlement:huyen", "settlement:thon")


# after a count: the counted places go on to reach another figure ('… biên giới phấn đấu bình
# quân đạt từ 11,5 …', '… điểm … đã đạt trung bình 10,8/14 …')
_GROUP_SIZE = re.compile(
    r"[^\d,;:]{0,90}?\b(?:dat|co)\s+(?:binh quan\s+|trung binh\s+)?(?:tu\s+|tren\s+|khoang\s+)?\d"
)


# what qualifies a place word as a group ('xã biên giới', 'xã NTM nâng cao', 'xã điểm'): the
# words after it up to a verb or a preposition
_GROUP_STOP = (
    r"tren|dat|phan|binh|trung|da|co|trong|cua|theo|tai|o|thuoc|la|duoc|con|deu|va|hoi|se|"
    r"dang|du|can|nam|toan|tinh|huyen|xa|thon|tu|den|voi|nhu|moi|cac"
)


_PLACE_WORD = re.compile(
    "|".join(sorted((re.escape(u) for u in _SETTLEMENT_UNITS), key=len, reverse=True))
)


_GROUP_AFTER = re.compile(rf"\s+((?:(?!(?:{_GROUP_STOP})\b)[^\W\d]+\s*){{1,5}})")


# the place word of a group an average or share is of: 'mỗi xã NTM nâng cao', 'các xã biên
# giới', '20 xã biên giới'
_GROUP_HEAD = re.compile(r"\b(?:cac|moi|nhung|\d+(?:[.,]\d+)?)\s+(xa|huyen|thon)\b")


# 'bình quân [mỗi xã trên địa bàn tỉnh] đạt từ 12,5 đến 13 tiêu chí': an average's range
_AVERAGE_RANGE = re.compile(r"\b(?:binh quan|trung binh)(?: [\w/]+){0,8}$")


def _group_words(sentence: str, folded: str, at: int, end: int) -> str:
    """The group a place word at ``at`` starts, as the sentence writes it ('xã biên giới');
    '' when no words qualify it."""
    head = _PLACE_WORD.match(folded, at, end)
    if head is None:
        return ""
    words = _GROUP_AFTER.match(folded, head.end(), end)
    if words is None:
        return ""
    return " ".join(sentence[at : head.end() + len(words.group(0).rstrip())].split())


def _group_before(sentence: str, folded: str, start: int, end: int) -> str:
    """The group of places an average or share between ``start`` and ``end`` is of: the
    last one named there with words that qualify it ('mỗi xã NTM nâng cao' -> 'xã NTM nâng
    cao'); '' for the whole place."""
    found = ""
    for m in _GROUP_HEAD.finditer(folded, start, end):
        found = _group_words(sentence, folded, m.start(1), end)
    return found


def _aim(before: str, after: str, rest: str, unit: str) -> str:
    """What a figure counts were it a target, from the folded words of its clause: a total
    ('nâng tổng số … lên 85 xã', 'toàn tỉnh có 115/181 xã'), a yearly increment ('bình quân
    mỗi năm có thêm 10 xã'), an increment ('có thêm 13 xã', 'xây dựng 10 xã …, nâng tổng số
    lên 85 xã', '10 xã phấn đấu đạt chuẩn'), else 'value'. ``rest``: the sentence after it."""
    tail = " ".join(before.split()[-4:])
    if re.search(r"\b(?:nang tong so|nang so|tong so|luy ke)\b", before):
        return FactKind.TOTAL.value
    if re.search(r"\b(?:moi nam|hang nam|hang nam|binh quan nam)\b", before):
        return "per_year"
    if _INCREMENT.search(tail) or re.match(r"(?:\w+\s+)?(?:moi|them)\b", after):
        return FactKind.INCREMENT.value
    if unit in _SETTLEMENT_UNITS and (
        # the communes that aim at the standard: they have not reached it yet
        re.match(
            r"(?:[^\d,;]{0,40}?\s)?(?:phan dau|dang ky|du kien|se)\s+(?:dat|ve dich|hoan thanh)",
            after,
        )
        # 'xây dựng 10 xã đạt chuẩn NTM, nâng tổng số … lên 85 xã'
        or re.match(r"[^;.\d]{0,120}?\bnang (?:tong )?so\b[^;.\d]{0,80}?\blen\s+\d", rest)
    ):
        return FactKind.INCREMENT.value
    if _TOTAL.search(before):
        return FactKind.TOTAL.value
    return FactKind.VALUE.value


# 'đặt mục tiêu' (set a goal) folds as 'đạt mục tiêu' (reached it): told apart before folding
_SET_GOAL = re.compile(r"(?i)\bđặt(?=\s+(?:ra\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch)\b)")


def _set_not_reached(sentence: str, folded: str) -> str:
    """``folded`` with 'đặt' before a goal written 'set', so that 'đạt mục tiêu' (a result)
    and 'đặt mục tiêu' (a plan) stay apart, and with the plan's word of a share reached
    ('đạt 88% mục tiêu') blanked; lengths are kept."""
    folded = blank_share_of_plan(folded)
    if len(folded) != len(sentence):
        return folded
    for m in _SET_GOAL.finditer(sentence):
        folded = folded[: m.start()] + "set" + folded[m.end() :]
    return folded


# a figure said to be reached, not planned
_REACHED = re.compile(
    r"\b(?:da dat|da co|da duoc|da hoan thanh|hien co|hien dat|hien da|den nay)\b"
)


def states_plan(text: str) -> bool:
    """Whether ``text`` states a plan: 'phấn đấu', 'kế hoạch', 'mục tiêu', 'chỉ tiêu', 'dự
    kiến', 'đăng ký', 'sẽ đạt' … (not 'vượt kế hoạch', 'hoàn thành chỉ tiêu', 'đạt mục tiêu':
    those report a result)."""
    return _TARGET.search(_set_not_reached(text, fold(text).lower())) is not None


def names_now(time_text: str) -> bool:
    """Whether a time as a source words it is the time of writing ('đến nay', 'tính đến thời
    điểm này', 'hiện nay'), not a stated date or year."""
    return _NOW.search(fold(time_text).lower()) is not None


_RESULT = re.compile(r"\b(da dat|dat duoc|hien co|den nay|da co|da duoc|ket qua|thuc hien duoc)\b")


def _fold_by_character(text: str) -> str | None:
    """``fold(text).lower()`` when it folds every character to exactly one (so that a slice of
    it is the fold of the same slice of ``text``: a long paragraph is folded once, not once per
    sentence); None when some character folds to none or several, or lower-cases by context
    (a final sigma)."""
    if "Σ" in text or any(len(fold(ch).lower()) != 1 for ch in set(text)):
        return None
    return fold(text).lower()


def _plan_paragraph(
    text: str,
    p_start: int,
    s_start: int,
    folded_sentence: str,
    folded_paragraph: str | None = None,
) -> bool:
    """Whether a sentence continues a list of goals ('Mục tiêu đến năm 2025: …; xây dựng 32 xã
    đạt chuẩn NTM nâng cao'): its paragraph set out a plan before it and it reports no result.
    ``folded_paragraph``: the paragraph's :func:`_fold_by_character`, when there is one."""
    if s_start == p_start or _RESULT.search(folded_sentence):
        return False
    a = max(p_start, s_start - _PLAN_REACH)
    if folded_paragraph is not None:
        before = folded_paragraph[a - p_start : s_start - p_start]
    else:
        before = fold(text[a:s_start]).lower()
    # the plan opens a clause: 'Mục tiêu đến năm 2025: …', 'Năm 2022, tỉnh phấn đấu …'
    return bool(
        re.search(
            r"(?:^|[.;:]\s*)(?:[\w/,-]+\s+){0,6}?(phan dau|muc tieu(?! quoc gia)|ke hoach|chi tieu|"
            r"dinh huong)\b",
            before,
        )
        and _TARGET.search(before)
    )


# a count of places followed by what they all have: '18 đơn vị cấp tỉnh có (100% số xã …)'
_QUALIFIED_COUNT = re.compile(
    r"\d\s+(?:don vi cap tinh|don vi cap huyen|don vi|tinh|huyen|thanh pho|thi xa|xa|thon|ap)"
    r"(?:\s+\w+){0,3}?\s+(?:co|dat)$"
)


# a difference from another figure: 'thấp hơn 2,56% so với trung bình toàn tỉnh'
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:(?:thap|cao|nhieu|it|lon|nho) hon|vuot|chenh lech|"
    r"vuot (?:ke hoach|chi tieu|muc tieu)(?: de ra| duoc giao| giao)?)\s*$"
)


# an act of recognition right before its count: 'vừa ký quyết định công nhận 8 xã', 'hội đồng
# xét, công nhận 5 xã đạt chuẩn' recognises that many now (folded; 'đã công nhận 85 xã' may
# count them all so far, and totals before it win)
_RECOGNISES = re.compile(r"(?<!\bduoc )(?<!\bda )\bcong nhan(?: dat chuan)?\s*$")


def _new_by_its_words(before: str) -> bool:
    """Whether the words before a figure say it is new ('có thêm 3 xã', 'công nhận 3 xã')."""
    return bool(_INCREMENT.search(before) or _RECOGNISES.search(before))


def _kind(target_before: bool, before: str, after: str) -> FactKind:
    """``target_before``: whether the sentence names a plan or a target year before the figure
    (:meth:`_SentenceIndex.target_before`)."""
    if target_before or _TARGET.search(" ".join(after.split()[:3])):
        return FactKind.TARGET
    tail = " ".join(before.split()[-4:])
    if _INCREMENT.search(tail) or re.match(r"(?:\w+\s+)?(moi|them)\b", after):
        return FactKind.INCREMENT
    if _RECOGNISES.search(tail) and not _TOTAL.search(before):
        return FactKind.INCREMENT
    if re.match(r"(?:trong do|rieng|(?:bao )?gom)\b", before):
        return FactKind.PART  # 'đạt 356 tỷ đồng, trong đó Nhân dân đóng góp trên 74 tỷ đồng'
    if _TOTAL.search(before):
        return FactKind.TOTAL
    return FactKind.VALUE
