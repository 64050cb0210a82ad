"""Places: 'Xã nào về đích NTM nâng cao?', 'Những huyện nào đạt chuẩn?', 'Which commune …?'.

Two kinds register here: PLACE (which place) and LIST (which places, 'kể tên', 'liệt kê').
A plural question gets every place of the asked level the sentence names; a singular one the
run of names its best answer belongs to ('huyện Phú Hòa và huyện Tây Hòa').
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from assistant.answering import extract
from assistant.answering.kinds import Clause, Detection, QuestionType, register
from assistant.answering.names import same_place
from assistant.answering.records import (
    AnswerKind,
    Candidate,
    CandidateKind,
    Fit,
    Frame,
    QuestionKind,
    Ranked,
    Sentence,
)
from assistant.answering.rules import Rules
from assistant.answering.vocabulary import LEVEL_BEFORE_SLOT, NAMED_THINGS, NOT_YET
from assistant.answering.wording import say
from base.lexicon import TEXT_PLACE_WORDS, tier_of
from base.text import fold
from base.times import WORD_NUMBERS

# the words a question names a kind of place with ('thôn', 'xã', 'địa phương'; folded, not the
# 'thôn' of 'nông thôn')
_PLACE_WORDS = r"(?<!nong )thon|xom|ban|xa|huyen|tinh|thanh pho|thi xa|don vi|dia phuong"
_PLACE_SLOT = re.compile(rf"\b({_PLACE_WORDS}|co quan)\s+(?:\w+\s+){{0,1}}?nao\b")
_LIST = re.compile(r"\bnhung\b.*\bnao\b|\bke ten\b|\bliet ke\b")
# a list of names without a place word: 'kể tên', 'những sản phẩm nào', 'những tuyến … nào'
_NAMES_ASKED = re.compile(
    rf"\b(?:ke ten|liet ke)\b|\b(?:{NAMED_THINGS})\b(?:\s+\S+){{0,3}}\s+nao\b"
)
# names listed after a place without their own place word: ', Nông Cống và Thiệu Hóa'
_NAME_RUN = re.compile(
    r"\s*(?:,|và|;)\s*(?:và\s+)?((?![A-ZĐ]{2,}\b)[A-ZĐ][\w’'-]*(?:\s(?![A-ZĐ]{2,}\b)[A-ZĐ][\w’'-]*){0,3})"
)
_DISTRICT_WORDS = {"huyen", "thi xa", "thanh pho", "tp", "quan"}
# the levels whose places are compared when a place lies in another
_LYING_TIERS = ("tinh", "huyen", "xa")


# number words, Vietnamese folded and English: 'ba xã', 'which four communes'
_NUMBER_WORDS = {
    **WORD_NUMBERS,
    **{w: i for i, w in enumerate("two three four five six seven eight nine ten".split(), 2)},
}
# a count of places asked by name: 'hai địa phương cấp huyện nào', 'cho tôi biết 3 xã của …',
# 'which four communes' (folded, English glossed; not 'năm', which is also a year)
_MANY = "|".join(w for w, n in _NUMBER_WORDS.items() if n >= 2 and w != "nam")
_COUNTED_PLACES = re.compile(
    rf"\b(?:{_MANY}|\d{{1,2}})\s+(?:\w+\s+){{0,2}}?"
    rf"(?P<unit>{_PLACE_WORDS})\b"
)
_TELL_ME = re.compile(
    r"\b(?:cho (?:toi |minh |em )?biet|ke ten|liet ke|neu ten|neu)\s+(?:cac\s+)?$"
)


def _counted_places(folded: str) -> Detection | None:
    """'Hai địa phương cấp huyện nào …?', 'Cho tôi biết 3 xã của X được công nhận …': a
    stated number of places, named."""
    for m in _COUNTED_PLACES.finditer(folded):
        asks = re.match(r"(?:\s+\S+){0,4}?\s+nao\b", folded[m.end() :])
        if asks or _TELL_ME.search(folded, 0, m.start()):
            slot = _PLACE_SLOT.search(folded, m.start("unit"))
            return Detection(QuestionKind.LIST, slot.group(1) if slot else m.group("unit"))
    return None


def _which_places(folded: str) -> Detection | None:
    if not _LIST.search(folded):
        return _counted_places(folded)
    slot = _PLACE_SLOT.search(folded)
    if slot is None and not _NAMES_ASKED.search(folded):
        # 'còn những tiêu chí nào chưa đạt', 'những mô hình kinh tế nào': things the articles
        # describe in their words, not names to list
        return None
    return Detection(QuestionKind.LIST, slot.group(1) if slot else None)


def _which_place(folded: str) -> Detection | None:
    m = _PLACE_SLOT.search(folded)
    if m and m.group(1) != "co quan":
        return Detection(QuestionKind.PLACE, m.group(1))
    return None


def place_level(mention: str) -> str:
    """The folded place word a mention starts with ('Thành phố Lạng Sơn' -> 'thanh pho')."""
    folded = fold(mention)
    for word in ("thanh pho", "thi xa", "thi tran", "khu dan cu"):
        if folded.startswith(word):
            return word
    return folded.split(" ", 1)[0].rstrip(".")


def _tier(word: str) -> str:
    tier = tier_of(word)
    return tier if tier in _LYING_TIERS else ""


class PlaceType(QuestionType):
    """Which place: a named place of the asked level."""

    kind: ClassVar[QuestionKind] = QuestionKind.PLACE
    answer_kind = AnswerKind.PLACE
    feature_group = "place"
    reads_values = True
    needs_value = True
    clause_separators = ";"
    reaches_back = True
    stops_at_next = True
    capitalised = True

    def detectors(self):
        return ((70, _which_place),)

    def before_slot(self, before: str) -> str:
        return LEVEL_BEFORE_SLOT.sub("", before.strip())

    def refine(self, frame: Frame) -> Frame:
        """The place words an answer may have: the asked level ('huyện' also takes 'thành
        phố', 'thị xã'), districts for 'đơn vị/địa phương … huyện nào', any otherwise."""
        levels = None
        if frame.unit in ("don vi", "dia phuong"):
            levels = _DISTRICT_WORDS if "huyen" in frame.folded else None
        elif frame.unit:
            levels = {frame.unit} | (
                {"tp", "thanh pho", "thi xa"} if frame.unit == "huyen" else set()
            )
        return replace(frame, slot_levels=frozenset(levels) if levels is not None else None)

    def candidates(self, sentence: Sentence, frame: Frame, rules: Rules) -> list[Candidate]:
        # a place the question names is not its answer (unless it is another level of place
        # with the same name: 'xã Đình Lập' of 'huyện Đình Lập')
        levels = set(frame.slot_levels) if frame.slot_levels is not None else None
        asked = {(p.level, p.name) for p in frame.places}
        s = sentence.text
        return (
            [
                c
                for c in extract.places(s, levels)
                if (place_level(c.text), fold(c.text.split(" ", 1)[-1])) not in asked
            ]
            + extract.enumerations(s, levels)
            + extract.district_groups(s)
        )

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """'thôn Tân Long xã Hồ Sơn và thôn Chùa vàng xã Minh Quang': the place named right
        after a candidate is where it lies; places said not to be there yet ('còn 2 xã chưa
        được công nhận: …') answer 'which have not', and only that."""
        r = rules.place_answer
        s, start, end = clause.sentence.text, clause.candidate.start, clause.candidate.end
        around = (
            s[max(0, start - r.polarity_chars) : start] + " " + s[end : end + r.polarity_chars // 3]
        )
        if bool(NOT_YET.search(fold(around))) != frame.not_yet:
            fit = fit.times(r.other_polarity, "chưa đạt / đã đạt: ngược với câu hỏi")
        if not frame.places:
            return fit
        where = extract.places(clause.sentence.text[end : end + r.lies_in_chars])
        if not where or where[0].start > r.lies_in_gap:
            return fit
        level, name = place_level(where[0].text), fold(where[0].text.split(" ", 1)[-1])
        asked = [p for p in frame.places if _tier(p.level) == _tier(level)]
        if any(same_place(name, p.name) for p in asked):
            return fit.plus(r.lies_in_asked, "nằm trong nơi được hỏi")
        if asked:
            return fit.times(r.lies_elsewhere, "nằm ở nơi khác")
        return fit

    def direct_value(self, ranked: Ranked, frame: Frame, lang: str) -> str | None:
        return place_list(ranked, frame, lang)

    def answer_kind_of(self, value: str) -> AnswerKind:
        return AnswerKind.LIST if (" và " in value or " and " in value) else AnswerKind.PLACE


class ListType(PlaceType):
    """Which places: 'những huyện nào', 'kể tên', 'liệt kê'."""

    kind: ClassVar[QuestionKind] = QuestionKind.LIST
    answer_kind = AnswerKind.LIST
    needs_value = False
    clause_separators = ";,"
    reaches_back = False
    stops_at_next = False
    capitalised = False
    joins_place_runs = True

    def detectors(self):
        return ((60, _which_places),)

    def answer_kind_of(self, value: str) -> AnswerKind:
        return AnswerKind.LIST

    def without_value(self, rules: Rules) -> float:
        return rules.place_answer.list_without_names

    def fit(self, clause: Clause, frame: Frame, fit: Fit, rules: Rules) -> Fit:
        """As a place's, and a sentence naming as many places as the question counts ('Hai
        bản đầu tiên … là những bản nào') over one naming fewer."""
        fit = super().fit(clause, frame, fit, rules)
        want = asked_count(frame)
        if want is None:
            return fit
        cands = clause.candidates
        listed = max((_listed(c.text) for c in cands if c.kind == CandidateKind.LIST), default=0)
        named = {fold(name) for _, name in _names(clause.sentence.text, cands)}
        stated = _stated_count(clause.sentence.folded, clause.candidate.start)
        if stated is not None and stated != want:
            # '5 xã đạt chuẩn kiểu mẫu là: …' lists another group than the four asked
            fit = fit.times(
                rules.place_answer.count_other, f"câu kể {stated} nơi, không phải {want}"
            )
        if max(len(named), listed) >= want:
            return fit.plus(rules.place_answer.count_met, f"nêu đủ {want} nơi")
        return fit.times(rules.place_answer.count_short, f"nêu chưa đủ {want} nơi")


# how many places a 'which places' question counts: 'Hai bản đầu tiên …', '3 xã … là những xã
# nào', 'which four communes' (folded, English glossed; the number before the place word, not
# a year: 'đến cuối năm 2024 huyện …')
_COUNTED = re.compile(
    rf"\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})\s+(?:{'|'.join(TEXT_PLACE_WORDS)})\b"
)
# a sentence that counts the list it gives: '4 xã được công nhận đợt này gồm: …', '03/05 huyện
# …, gồm: …' (folded; of a ratio, the places listed are its first number)
_COUNTS_ITS_LIST = re.compile(
    rf"(?<![/\d])\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})(?:/\d{{1,3}})?\s+"
    rf"(?:{'|'.join(TEXT_PLACE_WORDS)})\b[^.;:0-9]{{0,80}}?"
    r"(?:\bla\b|\bgom\b|\bgom co\b|\bbao gom\b|:)"
)


def _count_of(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def asked_count(frame: Frame) -> int | None:
    """The number of places a list question asks for, when it says one (two or more)."""
    m = _COUNTED.search(frame.folded)
    if m is None:
        return None
    n = _count_of(m.group(1))
    return n if n >= 2 else None


def _stated_count(folded: str, at: int) -> int | None:
    """The number a sentence gives the list of places at ``at`` ('4 xã … gồm: …' -> 4): the
    last count announced before it, if any."""
    counts = [m for m in _COUNTS_ITS_LIST.finditer(folded) if m.end() <= at]
    return _count_of(counts[-1].group(1)) if counts else None


def place_list(ranked: Ranked, frame: Frame, lang: str) -> str | None:
    """All the places that answer a 'which places' question, when the sentence lists several:
    'các huyện Triệu Sơn, Nông Cống và Thiệu Hóa', 'huyện Phú Hòa và huyện Tây Hòa'."""
    verdict = ranked.verdict
    s = verdict.sentence.text
    if verdict.candidate is not None and verdict.candidate.kind == CandidateKind.LIST:
        return verdict.candidate.text  # 'các huyện: Triệu Sơn, Nông Cống và Thiệu Hóa'
    names = _names(s, verdict.candidates)
    if not names or verdict.candidate is None:
        return None
    chosen = names if frame.plural else _run_around(s, names, verdict.candidate.start)
    if chosen is None:
        return None
    seen, out = set(), []
    for _, name in chosen:
        key = fold(name.split(" ", 1)[-1] if " " in name else name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    if len(out) < 2:
        return None
    # 'Xã Bình Ba, xã Nghĩa Thành': a place word opening a sentence is no capital in a list
    out = out[:1] + [_lower_place_word(name) for name in out[1:]]
    text = say("and", lang, first=", ".join(out[:-1]), last=out[-1])
    return text[0].upper() + text[1:]


def _listed(text: str) -> int:
    """How many names an enumeration gives ('Lương Ninh (huyện Quảng Ninh), Xuân Thủy và Bảo
    Ninh' -> 3): its parts between commas, semicolons and 'và', brackets aside."""
    bare = re.sub(r"\([^)]*\)", " ", text.split(":", 1)[-1])
    return len([p for p in re.split(r",|;|\bvà\b", bare) if p.strip()])


def _names(s: str, cands) -> list[tuple[int, str]]:
    """(start, name) of each place a sentence names, with the names listed after one without
    their own place word (', Nông Cống và Thiệu Hóa'); lists read whole are left out."""
    names: list[tuple[int, str]] = []
    for c in sorted((c for c in cands if c.kind != CandidateKind.LIST), key=lambda c: c.start):
        names.append((c.start, c.text))
        pos = c.end
        while m := _NAME_RUN.match(s, pos):
            names.append((m.start(1), m.group(1)))
            pos = m.end()
    return names


def _lower_place_word(name: str) -> str:
    word = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if fold(word) in TEXT_PLACE_WORDS else name


def _run_around(s: str, names: list[tuple[int, str]], at: int):
    """The run of names around the chosen one, joined only by commas and 'và'."""
    index = next((i for i, (start, _) in enumerate(names) if start == at), None)
    if index is None:
        return None
    lo = hi = index
    while lo > 0 and _joined(s, names[lo - 1], names[lo]):
        lo -= 1
    while hi + 1 < len(names) and _joined(s, names[hi], names[hi + 1]):
        hi += 1
    return names[lo : hi + 1]


def _joined(s: str, a: tuple[int, str], b: tuple[int, str]) -> bool:
    between = s[a[0] + len(a[1]) : b[0]]
    return bool(re.fullmatch(r"\s*(?:\([^)]*\))?\s*(?:,|và|,\s*và|;)\s*", between))


register(PlaceType())
register(ListType())
