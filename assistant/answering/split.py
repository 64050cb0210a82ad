"""Questions that ask for several things at once, split into questions that stand alone.

Usage::

    split_question("Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM và bao nhiêu xã NTM nâng cao?")
    # ['Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM?',
    #  'Đến tháng 7/2022, Long An có bao nhiêu xã NTM nâng cao?']
"""

from __future__ import annotations

import re

from assistant.answering.question_places import find_places
from base.lexicon import QUESTION_UNITS, units_in
from base.text import fold
from base.times import read_times

_SLOT = re.compile(
    r"\b(la bao nhieu|bao nhieu|may|o muc nao|muc nao|so hieu nao|nao|ai|khi nao|so may|gi)\b"
)
_JOIN = re.compile(r"(?:,\s*)?\b(?:va|con|trong do|dong thoi|kem theo)\b\s*|,\s*")
_CATEGORY = re.compile(r"\b(nang cao|kieu mau)\s+va\s+(nang cao|kieu mau)\b")
# the standard and its tiers listed after one 'bao nhiêu' ('đạt chuẩn NTM, NTM nâng cao và
# NTM kiểu mẫu'), folded
_TIER_ITEM = re.compile(
    r"(?:\s*,\s*(?:va\s+)?|\s+va\s+)(?P<item>(?P<own>(?:ntm|nong thon moi)\s+)?"
    r"(?:nang cao|kieu mau))"
)
_TIER_LIST = re.compile(rf"\b(?P<base>ntm|nong thon moi)(?:{_TIER_ITEM.pattern})+")
_TOPICS = re.compile(
    r"\b(thu nhap|ho ngheo|tieu chi|so xa|xa|huyen|ocop|san pham|von|km|ty le|nang cao|kieu mau|"
    r"kinh phi|ngan sach)\b"
)
# two moves of two figures asked by one 'bao nhiêu' ('giảm tỷ lệ nhà tạm … và nâng thu nhập
# bình quân lên bao nhiêu'): (verb, what) twice, folded
_MOVE_VERB = r"(?:giam|nang|tang|dua|ha)"
_TWO_MOVES = re.compile(
    rf"\b({_MOVE_VERB})\b(.+?)\s+va\s+({_MOVE_VERB})\b(.+?)\s*"
    r"(?:(?:len|xuong|con|o)\s*(?:muc\s*)?)?$"
)
# two kinds of place counted by one 'bao nhiêu' ('bao nhiêu xã và huyện')
_SETTLEMENT_UNITS = "|".join(
    re.escape(u)
    for u in QUESTION_UNITS
    if u in units_in("settlement:xa", "settlement:huyen", "settlement:thon", "settlement:tinh")
)
_UNIT_PAIR = re.compile(rf"\s*({_SETTLEMENT_UNITS})\s+va\s+({_SETTLEMENT_UNITS})\b")
_OWN_SUBJECT = re.compile(
    r"^(?:\S+\s+){0,3}?(?:(?i:tỉnh|huyện|xã|thành phố|thị xã|quận)\s+[A-ZĐ](?![A-ZĐ])"
    r"|(?i:cả nước|toàn quốc))"
)


def split_question(question: str) -> list[str]:
    """The sub-questions of a question that asks for several things at once, each standing
    alone ('… có bao nhiêu xã đạt chuẩn NTM và bao nhiêu xã NTM nâng cao?' → two questions that
    share 'Đến tháng 7/2022, Long An có'); ``[question]`` when it asks for one thing."""
    folded = fold(question).lower()
    if len(folded) != len(question):
        return [question]
    slots = list(_SLOT.finditer(folded))
    if len(slots) >= 2:
        first, second = slots[0], slots[1]
        joins = list(_JOIN.finditer(folded, first.end(), second.start()))
        if joins:
            join = joins[-1]
            head = question[: join.start()].rstrip(" ,")
            tail = question[join.end() :].strip()
            if second.group() == "gi":  # two questions in words: 'mục tiêu gì … và khó khăn gì'
                return _two_in_words(question, head, tail, second)
            return [_ask_mark(head), _ask_mark(_second_part(question, first, tail))]
    if len(slots) == 1:
        pair = _UNIT_PAIR.match(folded, slots[0].end())
        if pair:  # 'bao nhiêu xã và huyện đạt chuẩn': one count of each
            a, b = pair.span(1), pair.span(2)
            return [
                question[: a[0]] + question[a[0] : a[1]] + question[pair.end() :],
                question[: a[0]] + question[b[0] : b[1]] + question[pair.end() :],
            ]
        moves = _TWO_MOVES.search(folded, 0, slots[0].start())
        if moves:  # 'giảm tỷ lệ hộ nghèo … và nâng thu nhập lên bao nhiêu': two goals
            head, rest = question[: moves.start(1)], question[slots[0].start() :]
            to = "xuống" if moves.group(1) in ("giam", "ha") else "lên"  # where the first goes
            to = fold(to) if question.isascii() else to
            return [
                _ask_mark(f"{head}{question[moves.start(1) : moves.end(2)]} {to} {rest}"),
                _ask_mark(f"{head}{question[moves.start(3) : slots[0].start()]}{rest}"),
            ]
        tiers = _TIER_LIST.search(folded, slots[0].end())
        if tiers:  # 'bao nhiêu xã đạt chuẩn NTM, NTM nâng cao và NTM kiểu mẫu': one of each
            head, tail = question[: tiers.start()], question[tiers.end() :]
            base = question[tiers.start() : tiers.end("base")]
            parts = [head + base + tail]
            for item in _TIER_ITEM.finditer(folded, tiers.end("base"), tiers.end()):
                named = question[item.start("item") : item.end()]
                own = item.group("own")  # 'NTM nâng cao', or 'nâng cao' after the base
                parts.append(head + (named if own else f"{base} {named}") + tail)
            return parts
        m = _CATEGORY.search(folded)
        if m:  # 'số xã đạt chuẩn NTM nâng cao và kiểu mẫu'
            a, b = m.span(1), m.span(2)
            return [
                question[: m.start()] + question[a[0] : a[1]] + question[m.end() :],
                question[: m.start()] + question[b[0] : b[1]] + question[m.end() :],
            ]
        times = [t for t in read_times(question) if t.role != "baseline"]
        joined = len(times) == 2 and re.fullmatch(
            r"\s*(?:va|,)\s*", folded[times[0].end : times[1].start]
        )
        if joined:  # 'tháng 1/2018 và năm 2019 lần lượt là bao nhiêu'
            cut = re.sub(r"\blần lượt\s*", "", question)
            span = (times[0].start, times[1].end)
            return [
                cut[: span[0]] + times[0].text + cut[span[1] :],
                cut[: span[0]] + times[1].text + cut[span[1] :],
            ]
        # 'thu nhập bình quân đầu người và tỷ lệ hộ nghèo của huyện X là bao nhiêu'
        start = folded.rfind(",", 0, slots[0].start()) + 1
        segment = folded[start : slots[0].start()]
        halves = re.split(r"\s+va\s+", segment)
        if len(halves) == 2 and all(_TOPICS.search(h) for h in halves):
            left_end = start + segment.find(" va ")
            right_start = left_end + len(" va ")
            owner = re.search(r"\s(cua|o|tai)\s", folded[right_start : slots[0].start()])
            rest_at = right_start + owner.start() if owner else slots[0].start()
            return [
                question[:left_end] + question[rest_at:],
                question[:start] + " " + question[right_start:],
            ]
    return [question]


def _two_in_words(question: str, head: str, tail: str, second: re.Match) -> list[str]:
    """'Hà Tĩnh đặt những mục tiêu gì cho năm 2024 và khó khăn lớn nhất là gì?': the second
    part is asked of the first's places and times ('Hà Tĩnh khó khăn lớn nhất là gì (năm
    2024)?'); words after the last 'gì' ('… trong năm 2021') belong to both."""
    after = question[second.end() :].strip(" ?")
    first = f"{head} {after}" if after else head
    places = [] if find_places(tail) else [p.display for p in find_places(head)]
    times = [t.text for t in read_times(question) if t.role != "baseline"]
    missing = [t for t in times if t not in tail]
    part = " ".join([*places, tail.rstrip(" ?")])
    part = f"{part} ({', '.join(missing)})" if missing else part
    return [_ask_mark(first), _ask_mark(part)]


def _ask_mark(text: str) -> str:
    return " ".join(text.strip().rstrip(" ,.?").split()) + "?"


def _second_part(question: str, first: re.Match, tail: str) -> str:
    """The second sub-question: its own words, with what the first one shares (the time, the
    place, the verb: 'Đến tháng 7/2022, Long An có') unless it names its own subject."""
    prefix = question[: first.start()]
    if _OWN_SUBJECT.match(tail):
        times = " ".join(t.text for t in read_times(prefix) if t.role != "baseline")
        # the time goes first: 'bao nhiêu' followed by 'năm 2015' would ask for a number of years
        part = (
            f"{times[:1].upper()}{times[1:]}, {tail.rstrip(' ?')}" if times else tail.rstrip(" ?")
        )
        return _borrow_unit(part, question[first.start() :])
    own_topic = _TOPICS.search(fold(tail.split(" bao ")[0]).lower())
    comma = prefix.rfind(",")
    last_clause = fold(prefix[comma + 1 :]).lower()
    if own_topic and _TOPICS.search(last_clause) and comma >= 0:
        # the shared clause speaks of the first figure ('thu nhập … chỉ đạt'): keep the intro
        # and the place only
        places = " ".join(f"ở {p.display}" for p in find_places(prefix[comma + 1 :]))
        part = f"{prefix[: comma + 1]} {tail.rstrip(' ?')} {places}"
    else:
        verb = _OWN_VERB.match(tail)
        verbs = list(_VERB.finditer(fold(prefix).lower())) if verb else []
        if verbs:
            # '… công nhận thêm bao nhiêu xã và nâng tổng số lên bao nhiêu': the second part
            # has its own verb; it shares the time and place only
            prefix = prefix[: verbs[0].start()]
        part = f"{prefix.rstrip()} {tail}"
    return _borrow_unit(part, question[first.start() :])


_OWN_VERB = re.compile(r"(?i)(?:đã\s+)?(?:có|nâng|tăng|giảm|đạt|còn|huy động|công nhận)\b")
_VERB = re.compile(r"\b(?:da\s+)?(?:co|nang|tang|giam|dat|con|huy dong|cong nhan|xay dung)\b")


def _borrow_unit(part: str, first_slot_phrase: str) -> str:
    """'… tăng bao nhiêu so với năm 2018' after '… bao nhiêu tiêu chí …': the unit is shared."""
    folded = fold(part).lower()
    m = re.search(r"\b(bao nhieu|may)\b\s*", folded)
    if not m:
        return part
    rest = folded[m.end() :]
    if any(re.match(rf"{re.escape(u)}\b", rest) for u in QUESTION_UNITS):
        return part
    if any(
        re.search(rf"\bso (?:luong )?{re.escape(u)}\b", folded[: m.start()]) for u in QUESTION_UNITS
    ):
        return part  # 'nâng tổng số xã đạt chuẩn lên bao nhiêu': it says what it counts
    unit_m = re.search(r"\b(?:bao nhieu|may)\s+(.*)", fold(first_slot_phrase).lower())
    if not unit_m:
        return part
    for unit in QUESTION_UNITS:
        if unit != "%" and re.match(rf"{re.escape(unit)}\b", unit_m.group(1)):
            at = unit_m.start(1)
            per = re.match(r"/[^\W\d_]+", first_slot_phrase[at + len(unit) :])  # 'tiêu chí/xã'
            original = first_slot_phrase[at : at + len(unit) + (per.end() if per else 0)]
            return f"{part[: m.end()].rstrip()} {original} {part[m.end() :]}".strip()
    return part
