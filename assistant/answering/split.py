"""Questions that ask for several things at once, split into questions that stand alone.

Usage::

    split_question("Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM và bao nhiêu xã NTM nâng cao?")
    # ['Đến tháng 7/2022, Long An có bao nhiêu xã đạt chuẩn NTM?',
    #  'Đến tháng 7/2022, Long An có bao nhiêu xã NTM nâng cao?']
"""

from __future__ import annotations

import re

from assistant.answering.question_places import find_places
from base.lexicon import QUESTION_UNITS, unit_family, units_in
from base.text import fold
from base.times import read_times

_SLOT = re.compile(
    r"\b(la bao nhieu|bao nhieu|may|o muc nao|muc nao|so hieu nao|nao|ai|khi nao|so may|gi)\b"
)
_JOIN = re.compile(r"(?:,\s*)?\b(?:va|con|trong do|dong thoi|kem theo)\b\s*|[,;]\s*")
# two tiers after one count: 'xã nâng cao và kiểu mẫu', 'xã nâng cao, kiểu mẫu' (folded)
_CATEGORY = re.compile(r"\b(nang cao|kieu mau)(?:\s+va|\s*,(?:\s*va)?)\s+(nang cao|kieu mau)\b")
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


_MOST_PARTS = 4


def split_question(question: str) -> list[str]:
    """The sub-questions of a question that asks for several things at once, each standing
    alone ('… có bao nhiêu xã đạt chuẩn NTM và bao nhiêu xã NTM nâng cao?' → two questions that
    share 'Đến tháng 7/2022, Long An có'); ``[question]`` when it asks for one thing. A part
    that still asks for two things is split again ('bao nhiêu chủ thể, bao nhiêu sản phẩm và
    bao nhiêu sản phẩm đạt 3 sao'), up to four parts. A count asked with its share ('…, chiếm
    bao nhiêu phần trăm?') is one question without the share: its answer gives the share the
    documents state with the count."""
    folded = fold(question).lower()
    if len(folded) == len(question):
        named = _count_and_names(question, folded)
        if named:
            return named
        share = _SHARE_OF_COUNT.search(folded) or _EN_SHARE_OF_COUNT.search(question)
        if share:  # the count's answer gives its share when the documents state it
            return [_ask_mark(question[: share.start("share")])]
    parts = _split_once(question)
    if len(parts) == 1:
        return parts
    parts = [_carry(part, question) for part in parts]
    out: list[str] = []
    for i, part in enumerate(parts):
        folded_part = fold(part).lower()
        again = re.search(r"\b(?:va|and)\b", folded_part) or _CATEGORY.search(folded_part)
        more = _split_once(part) if again else [part]
        room = _MOST_PARTS - len(out) - (len(parts) - i - 1)
        out.extend(more if 1 < len(more) <= room else [part])
    return out


def _split_once(question: str) -> list[str]:
    folded = fold(question).lower()
    if len(folded) != len(question):
        return [question]
    if _EN_SLOT.search(question) or _EN_YEAR_TAIL.search(question):
        return _split_english(question)
    slots = list(_SLOT.finditer(folded))
    if len(slots) >= 2:
        parts = _two_slots(question, folded, slots[0], slots[1])
        if parts:
            return parts
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
        tiers = _tier_parts(question, folded, slots[0])
        if tiers:  # 'bao nhiêu xã đạt chuẩn NTM, NTM nâng cao và NTM kiểu mẫu': one of each
            return tiers
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
        pair = _noun_pair(question, folded, slots[0])
        if pair:
            return pair
        topic = _TRAILING_TOPIC.search(folded, slots[0].end())
        if topic and slots[0].group() in ("bao nhieu", "may"):
            # '… có bao nhiêu xã đạt chuẩn và tỷ lệ hộ nghèo toàn tỉnh?': the second figure is
            # named after the first one's 'và', with no 'bao nhiêu' of its own
            head = question[: slots[0].start()]
            verb = list(_VERB.finditer(folded, 0, slots[0].start()))
            shared = head[: verb[-1].start()] if verb else head
            return [
                _ask_mark(question[: topic.start()]),
                _ask_mark(
                    f"{shared.rstrip()} {question[topic.start('what') :].rstrip(' ?')} "
                    f"{'la bao nhieu' if question.isascii() else 'là bao nhiêu'}"
                ),
            ]
    if len(slots) <= 1:
        return _two_topics(question, folded, slots[0].start() if slots else None)
    return [question]


def _tier_parts(question: str, folded: str, slot: re.Match) -> list[str]:
    """'bao nhiêu xã đạt chuẩn NTM, NTM nâng cao và NTM kiểu mẫu': one count of places of each
    tier; ``[]`` when none are listed, or when the count is of something else ('bao nhiêu
    quyết định công nhận xã NTM và NTM nâng cao' is one count)."""
    tiers = _TIER_LIST.search(folded, slot.end())
    counted = _unit_at(folded[slot.end() :].lstrip())
    if not tiers or (counted and not unit_family(counted).startswith("settlement")):
        return []
    head, tail = question[: tiers.start()], question[tiers.end() :]
    base = question[tiers.start() : tiers.end("base")]
    parts = [head + base + tail]
    for item in _TIER_ITEM.finditer(folded, tiers.end("base"), tiers.end()):
        named = question[item.start("item") : item.end()]
        own = item.group("own")  # 'NTM nâng cao', or 'nâng cao' after the base
        parts.append(head + (named if own else f"{base} {named}") + tail)
    return parts


# a count of places, then a request for their names: '… có bao nhiêu xã đạt chuẩn? Kể tên.',
# '…, đó là những xã nào?', '… và liệt kê' (folded)
_NAME_THEM = re.compile(
    r"(?:[?.,;]\s*(?:va\s+)?|\s+va\s+)(?:hay\s+)?"
    r"(?:ke ten|liet ke|neu ten|cho biet ten|(?:do |gom |bao gom )?(?:la\s+)?(?:nhung|cac)\s+"
    r"(?:[a-z]+\s+){0,2}nao)\b"
    # only words that point back at the places counted may follow ('kể tên các xã đó')
    r"(?:\s+(?:cac|nhung|do|nay|tren|cu the|ra|ten|xa|huyen|thon|ban|ap|phuong|tinh)){0,4}"
    r"\s*[?.]?\s*$"
)
_COUNTED_PLACES = re.compile(
    rf"\b(?:bao nhieu|may)\s+(?P<unit>{_SETTLEMENT_UNITS})\b(?!\s*(?:/|tren|tieu chi))"
)


# a count, then its share of the whole: '… có bao nhiêu xã đạt chuẩn, chiếm bao nhiêu phần
# trăm?' asks one figure and its share ('6.250/8.014 xã, chiếm 78%'), not a second figure
_SHARE_OF_COUNT = re.compile(
    r"\bbao nhieu\b[^,;?]*(?P<share>,\s*(?:chiem|dat)\s+(?:(?:ty le\s+)?bao nhieu\s*"
    r"(?:phan tram|%)?|ty le\s+bao nhieu)\b)"
)


def _count_and_names(question: str, folded: str) -> list[str]:
    """'Huyện X có bao nhiêu xã đạt chuẩn? Kể tên.': the count, then the places counted
    ('Huyện X có những xã nào đạt chuẩn?'); ``[]`` when the question asks nothing of the kind."""
    ask = _NAME_THEM.search(folded)
    if not ask:
        return []
    count = _COUNTED_PLACES.search(folded, 0, ask.start())
    if count is None:
        return []
    first = question[: ask.start()]
    unit = question[count.start("unit") : count.end("unit")]
    those, which = ("nhung", "nao") if question.isascii() else ("những", "nào")
    names = f"{first[: count.start()]}{those} {unit} {which}{first[count.end() :]}"
    return [_ask_mark(first), _ask_mark(names)]


def _two_slots(question: str, folded: str, first: re.Match, second: re.Match) -> list[str]:
    """Two asking words joined ('bao nhiêu xã … và bao nhiêu xã nâng cao'): one part each;
    ``[]`` when nothing joins them."""
    joins = list(_JOIN.finditer(folded, first.end(), second.start()))
    owners = False
    if not joins and first.group() == second.group() == "bao nhieu":
        # 'bao nhiêu sản phẩm của bao nhiêu chủ thể': two counts, one of the other's owners
        joins = list(re.finditer(r"\s+cua\s+", folded[: second.start()]))[-1:]
        joins = [j for j in joins if j.start() > first.end()]
        owners = bool(joins)
    if joins:
        join = joins[-1]
        head = question[: join.start()].rstrip(" ,")
        tail = question[join.end() :].strip()
        if owners:
            # '… bao nhiêu sản phẩm của bao nhiêu chủ thể tham gia?': what they did is both's
            after = folded[second.end() :].lstrip()
            unit = _unit_at(after)
            predicate = question[len(folded) - len(after) + len(unit) :].strip(" ?")
            if unit and predicate:
                head = f"{head} {predicate}"
        if second.group() == "gi":  # two questions in words: 'mục tiêu gì … và khó khăn gì'
            return _two_in_words(question, head, tail, second)
        asks = _asks_of_one_subject(question, folded, first, tail)
        if asks:
            return [_ask_mark(head), *asks]
        second_part = _second_part(question, first, tail)
        if "trong do" in join.group():
            # '…, trong đó bao nhiêu sản phẩm 4 sao': a part of the first figure, and asked so
            of_it = "Trong do" if question.isascii() else "Trong đó"
            second_part = f"{of_it}, {second_part[:1].lower()}{second_part[1:]}"
        return [_ask_mark(head), _ask_mark(second_part)]
    return []


def _two_topics(question: str, folded: str, slot_at: int | None) -> list[str]:
    """'Thu nhập bình quân đầu người và tỷ lệ hộ nghèo của huyện X là bao nhiêu': one figure
    of each topic, both of the place named after the second. A question with no asking word
    at all ('Thu nhập … và tỷ lệ hộ nghèo của huyện X khi đạt chuẩn?') asks the same."""
    if slot_at is None:
        if not question.rstrip().endswith("?") or not _TOPICS.match(folded):
            return [question]
        slot_at = len(folded.rstrip(" ?"))
    start = folded.rfind(",", 0, slot_at) + 1
    segment = folded[start:slot_at]
    halves = re.split(r"\s+va\s+", segment)
    if len(halves) != 2 or not all(_TOPICS.search(h) for h in halves):
        return [question]
    left_end = start + segment.find(" va ")
    right_start = left_end + len(" va ")
    owner = re.search(r"\s(cua|o|tai)\s", folded[right_start:slot_at])
    rest_at = right_start + owner.start() if owner else slot_at
    for place in find_places(question[right_start:slot_at]):
        at = folded.find(fold(place.display).lower(), right_start, slot_at)
        if at > right_start:  # 'tỷ lệ hộ nghèo và thu nhập … huyện Đơn Dương là bao nhiêu'
            at = folded.rfind(" ", right_start, at)
            rest_at = min(rest_at, at)
    return [
        _ask_mark(question[:left_end] + " " + question[rest_at:].lstrip()),
        _ask_mark(_capital(question[:start] + " " + question[right_start:])),
    ]


# After one count, 'A và B' then what both do or end of question: 'bao nhiêu khu dân cư và
# vườn mẫu đạt chuẩn', 'bao nhiêu km đường giao thông và đường nội đồng' (folded).
_LINKS = (
    r"dat|duoc|co|la|cong nhan|hoan thanh|ve dich|tang|giam|con|tham gia|nam|thang|o|tai|"
    r"cua|trong|den|sau|khi|va|theo|nang cao|kieu mau|bao nhieu|nao|gi"
)
_PHRASE = rf"(?:(?!(?:{_LINKS})\b)[^\W\d_]+(?:\s+|(?=\s*[?.]?\s*$))){{1,6}}"
_NOUN_PAIR = re.compile(rf"\s+(?P<a>{_PHRASE})va\s+(?P<b>{_PHRASE})(?=(?:{_LINKS})\b|\s*[?.]?\s*$)")
_MEASURES = ("length", "area", "money", "percent")


def _noun_pair(question: str, folded: str, slot: re.Match) -> list[str] | None:
    """One count of each of two things: 'bao nhiêu khu dân cư và vườn mẫu đạt chuẩn' →
    'bao nhiêu khu dân cư đạt chuẩn', 'bao nhiêu vườn mẫu đạt chuẩn'; a measure before the
    first ('bao nhiêu km đường giao thông và đường nội đồng') measures the second too."""
    if slot.group() not in ("bao nhieu", "may"):
        return None
    m = _NOUN_PAIR.match(folded, slot.end())
    if not m:
        return None
    a_start, a_end = m.start("a"), m.end("a")
    b_start, b_end = m.start("b"), m.end("b")
    unit, b_unit = _unit_at(folded[a_start:]), _unit_at(folded[b_start:])
    if unit and unit_family(unit) in _MEASURES and not folded[b_start:].startswith(unit):
        b_text = f"{question[a_start : a_start + len(unit)]} {question[b_start:b_end]}"
    elif (
        unit
        and b_unit
        and b_unit != unit
        and re.search(rf"\b{re.escape(b_unit)}\b", folded[a_start + len(unit) : a_end])
    ):
        # 'bao nhiêu mô hình xã thông minh và xã chuyển đổi số': the second parallels
        # the first after its unit ('mô hình'), which counts both
        b_text = f"{question[a_start : a_start + len(unit)]} {question[b_start:b_end]}"
    else:
        b_text = question[b_start:b_end]
    rest = question[b_end:]
    return [
        _ask_mark(f"{question[:a_start]}{question[a_start:a_end].rstrip()} {rest}"),
        _ask_mark(f"{question[:a_start]}{b_text.rstrip()} {rest}"),
    ]


# what a figure that is measured rather than counted is called (an income, a rate, a level, an
# amount of money), folded: such a part names its own figure and borrows no counted noun
_MEASURED_TOPICS = r"thu nhap|ty le|muc|von|kinh phi|ngan sach|gia tri|so tieu chi|binh quan"
# '… và tỷ lệ hộ nghèo toàn tỉnh?' after one count: a figure named with no asking word (folded)
_TRAILING_TOPIC = re.compile(
    rf"\s+va\s+(?P<what>(?:{_MEASURED_TOPICS})\b"
    r"(?:(?!\b(?:bao nhieu|may|nao|gi|va)\b)[^?])*)\s*\??\s*$"
)


# asks that carry their own verb after a first one: '…, ai ký, ngày nào', '…, ký ngày nào'
_OWN_ASK = re.compile(r"(?:ai|ngay nao|khi nao|nam nao|bao gio|\w+ (?:ngay|nam) nao)\b")
# the predicate of the first ask, which the others do not share: 'có số hiệu gì'
_PREDICATE = re.compile(r"\b(?:co|la|duoc)\s")


def _asks_of_one_subject(question: str, folded: str, first: re.Match, tail: str) -> list[str]:
    """'Đề án X có số hiệu gì, ai ký, ngày nào?': each ask after the first, of the subject
    ('Đề án X ai ký?', 'Đề án X ngày nào?'), without the first one's predicate ('có số
    hiệu'); ``[]`` when the asks after it do not each carry their own asking words."""
    asks = [a.strip(" ?") for a in tail.split(",")]
    if not asks or not all(_OWN_ASK.match(fold(a).lower()) for a in asks):
        return []
    predicates = list(_PREDICATE.finditer(folded, 0, first.start()))
    subject = question[: predicates[-1].start()] if predicates else question[: first.start()]
    return [_ask_mark(f"{subject.rstrip(' ,')} {a}") for a in asks]


def _two_in_words(question: str, head: str, tail: str, second: re.Match) -> list[str]:
    """'Hà Tĩnh đặt những mục tiêu gì cho năm 2024 và khó khăn lớn nhất là gì?': the second
    part is asked of the first's places and times ('Hà Tĩnh khó khăn lớn nhất là gì (năm
    2024)?'); words after the last 'gì' ('… trong năm 2021') belong to both."""
    after = question[second.end() :].strip(" ?")
    first = f"{head} {after}" if after else head
    places = [] if find_places(tail) else [p.display for p in find_places(head)]
    times = [t.text for t in read_times(question) if t.role != "baseline"]
    missing = [t for t in times if t not in tail]
    # the places kept apart ('xã Giao Phong, Giao Thủy, Nam Định'): run together they would
    # read as one name
    part = " ".join([", ".join(places), tail.rstrip(" ?")]).strip()
    part = f"{part} ({', '.join(missing)})" if missing else part
    return [_ask_mark(first), _ask_mark(part)]


# English: '…, and how many …' asks a second count (or share: 'what share of …')
_EN_SLOT_WORDS = r"how (?:many|much)|what (?:share|percentage|proportion|percent)"
_EN_SLOT = re.compile(rf"(?i)\b(?:{_EN_SLOT_WORDS})\b")
_EN_JOIN = re.compile(rf"(?i),?\s+and\s+(?=(?:{_EN_SLOT_WORDS})\b)")
# '… how many …, and what share of its population is that?': the count's own share
_EN_SHARE_OF_COUNT = re.compile(
    r"(?i)\bhow many\b[^?;]*?(?P<share>,?\s+and\s+what\s+(?:share|percentage|proportion|"
    r"percent)\b[^?;]*?\b(?:is|are|was|were|does|do)\s+(?:that|this|these|they|it)\b)"
)
_EN_VERB = re.compile(
    r"(?i)\b(?:does|do|did|have|has|had|is|are|was|were|will|would|held|hold|holds|met|meet|"
    r"meets|got|received|reached|achieved|achieve|live|lived|gained|earned|completed|became|"
    r"remained|still)\b"
)


# '…, and in which year?', '…, and when?' after a 'Which was …' question (the year of what
# the first part names)
_EN_YEAR_TAIL = re.compile(r"(?i),?\s+and\s+(?:in\s+(?:which|what)\s+year|when)\s*\??\s*$")
_EN_WHICH_BE = re.compile(r"(?i)^\s*(?:which|what|who)\s+(?P<verb>was|is|were|are)\s+")


def _split_english(question: str) -> list[str]:
    """'In 2022, how many OCOP products held star certificates, and how many were 4-star?' →
    the first part, and 'In 2022, how many OCOP products were 4-star?': the second borrows the
    first's time, the noun it counts when it names none, and the place when it names none.
    'Which was the first commune …, and in which year?' → the first part, and 'In which year
    was the first commune …?'."""
    year_tail = _EN_YEAR_TAIL.search(question)
    which = _EN_WHICH_BE.match(question)
    if year_tail and which:
        asked = question[which.end() : year_tail.start()]
        return [
            _ask_mark(question[: year_tail.start()]),
            _ask_mark(f"In which year {which.group('verb')} {asked}"),
        ]
    first = _EN_SLOT.search(question)
    join = _EN_JOIN.search(question, first.end()) if first else None
    if not join:
        return [question]
    tail = question[join.end() :]
    slot = _EN_SLOT.match(tail)
    rest = tail[slot.end() :].strip()
    if _EN_VERB.match(rest):  # 'and how many have …': the first part's noun is counted
        asked = question[first.end() : join.start()]
        verb = _EN_VERB.search(asked)
        noun = asked[: verb.start()].strip() if verb else ""
        rest = f"{noun} {rest}" if noun else rest
    second = f"{question[: first.start()]}{slot.group()} {rest}"
    return [_ask_mark(_capital(question[: join.start()])), _ask_mark(_capital(second))]


def _carry(part: str, question: str) -> str:
    """A part that names no place or no time is asked of the whole question's: 'How many
    have … (Trà Vinh)?'."""
    missing = []
    if not find_places(part):
        missing += [p.display for p in find_places(question)]
    if not any(t.role != "baseline" for t in read_times(part)):
        missing += [t.text for t in read_times(question) if t.role != "baseline"]
    if not missing:
        return part
    return _ask_mark(f"{part.rstrip(' ?')} ({', '.join(dict.fromkeys(missing))})")


def _capital(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


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
    if _OWN_TIME.match(fold(tail).lower()):
        # 'Khi bắt đầu …, xã X đạt mấy tiêu chí, hiện nay đạt bao nhiêu?': the second part is
        # of its own time; it shares the place only, not the first one's time or occasion
        places = ", ".join(p.display for p in find_places(prefix))
        part = f"{places} {tail}".strip()
        if re.search(r"\b(?:bao nhieu|may)\s*\??\s*$", fold(tail).lower()):
            # a bare 'bao nhiêu' asks what the first counted: 'xã đạt chuẩn', 'tiêu chí'
            return _ask_mark(f"{part.rstrip(' ?')} {question[first.end() :].split(',')[0]}")
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


# a second part that opens with its own time ('hiện nay đạt bao nhiêu', 'năm 2020 có …')
_OWN_TIME = re.compile(
    r"(?:hien nay|hien tai|den nay|nay|tinh den|den (?:het |cuoi )?(?:nam|thang)|"
    r"(?:vao |trong )?(?:nam|thang) \d+)\b"
)
_OWN_VERB = re.compile(r"(?i)(?:đã\s+)?(?:có|nâng|tăng|giảm|đạt|còn|huy động|công nhận)\b")
_VERB = re.compile(r"\b(?:da\s+)?(?:co|nang|tang|giam|dat|con|huy dong|cong nhan|xay dung|duoc)\b")


# what may follow a 'bao nhiêu' that borrows the first part's unit: nothing, or words that
# are not a noun it counts ('tăng bao nhiêu so với năm 2018'), folded
_NO_NOUN = re.compile(
    r"\s*(?:$|[?.,(]|(?:so voi|trong|tu|den|sau|vao|nam|thang|o|tai|cua|nua|theo|la|lan luot)\b)"
)
_MEASURED = re.compile(rf"\b(?:{_MEASURED_TOPICS})\b")


def _borrow_unit(part: str, first_slot_phrase: str) -> str:
    """'… tăng bao nhiêu so với năm 2018' after '… bao nhiêu tiêu chí …': the unit is shared."""
    folded = fold(part).lower()
    m = re.search(r"\b(bao nhieu|may)\b\s*", folded)
    if not m:
        return part
    rest = folded[m.end() :]
    if _unit_at(rest):
        return part
    if not _NO_NOUN.match(rest) or _MEASURED.search(folded, 0, m.start()):
        # 'bao nhiêu vườn đạt chuẩn' counts its own noun; 'thu nhập bình quân bao nhiêu' and
        # 'mức bình quân là bao nhiêu' measure their own figure
        return part
    if any(
        re.search(rf"\bso (?:luong )?{re.escape(u)}\b", folded[: m.start()]) for u in QUESTION_UNITS
    ):
        return part  # 'nâng tổng số xã đạt chuẩn lên bao nhiêu': it says what it counts
    unit_m = re.search(r"\b(?:bao nhieu|may)\s+(.*)", fold(first_slot_phrase).lower())
    if not unit_m:
        return part
    unit = _unit_at(unit_m.group(1))
    if unit and unit != "%":
        at = unit_m.start(1)
        per = re.match(r"/[^\W\d_]+", first_slot_phrase[at + len(unit) :])  # 'tiêu chí/xã'
        original = first_slot_phrase[at : at + len(unit) + (per.end() if per else 0)]
        return f"{part[: m.end()].rstrip()} {original} {part[m.end() :]}".strip()
    return part


def _unit_at(folded: str) -> str:
    """The unit a question's (folded) words start with ('tieu chi dat chuan' -> 'tieu chi'),
    in the lexicon's order of asked units; '' when they start with none."""
    return next((u for u in QUESTION_UNITS if re.match(rf"{re.escape(u)}\b", folded)), "")
