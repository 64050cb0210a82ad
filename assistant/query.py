"""Question analysis: what is asked (a number of what, a person, a place, a date…) and which
places and times the answer must be about. Works on questions with or without diacritics, and
on English questions through a small glossary of the programme's vocabulary.

Usage::

    frame = analyze("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    frame.kind, frame.unit, frame.places   # 'number', 'xa', (Place('huyện', 'dinh lap'),)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from base.indicators import indicator as indicator_of
from base.text import fold, syllables
from base.times import TARGET_CUES, TimeRef, read_times

# Units a "bao nhiêu / mấy / how many" question may ask for, folded, longest first.
UNITS = (
    "don vi hanh chinh cap huyen",
    "don vi cap huyen",
    "khu dan cu",
    "ty dong",
    "trieu dong",
    "nghin dong",
    "san pham",
    "tieu chi",
    "cong trinh",
    "truong hoc",
    "tram y te",
    "nha van hoa",
    "hop tac xa",
    "nha",
    "thon",
    "xom",
    "ban",
    "xa",
    "huyen",
    "tinh",
    "km",
    "ha",
    "hec ta",
    "hecta",
    "ho",
    "nguoi",
    "lao dong",
    "doanh nghiep",
    "y tuong",
    "mo hinh",
    "du an",
    "lan",
    "%",
    "phan tram",
    "ty le",
    "vuon mau",
    "cho",
    "diem",
    "nam",
    "thang",
    "trieu",
    "ty",
    "dong",
)

# Folded place-type words that introduce a named place.
PLACE_WORDS = (
    "thanh pho",
    "thi xa",
    "thi tran",
    "huyen",
    "tinh",
    "quan",
    "phuong",
    "xa",
    "thon",
    "xom",
    "ban",
    "lang",
    "to dan pho",
    "tp",
)
DISTRICT_LEVEL = {"huyen", "thi xa", "quan", "thanh pho", "tp"}
COMMUNE_LEVEL = {"xa", "phuong", "thi tran"}
HAMLET_LEVEL = {"thon", "xom", "ban", "lang", "to dan pho"}

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
}

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
    r"\b(how|what|which|who|when|where|many|much|the|does|did|is|are|communes?|province|district)\b",
    re.I,
)


@dataclass(frozen=True)
class Place:
    level: str  # folded place word ('huyen', 'tinh', 'xa', 'thon'…) or '' when unknown
    name: str  # folded name ('dinh lap')
    display: str  # as written in the question

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True)
class Frame:
    """What a question asks and what its answer must be about."""

    text: str
    folded: str
    kind: str  # number | percent | person | place | entity | date | list | text
    unit: str | None = None
    places: tuple[Place, ...] = ()
    years: tuple[int, ...] = ()
    months: tuple[tuple[int, int], ...] = ()  # (month, year)
    terms: tuple[str, ...] = ()  # folded content syllables
    english: bool = False
    target: bool = False  # asks for a plan/target ("phấn đấu", "kế hoạch", "mục tiêu")
    scope: str | None = None  # 'tinh'/'huyen': about a whole province or district
    numbers: tuple[str, ...] = ()  # numbers the question states ('15', '18', '9/9'), not years
    # those of them that say when, not what ('khi tỉnh mới có 7 xã đạt 19 tiêu chí')
    conditions: tuple[str, ...] = ()
    head: tuple[str, ...] = ()  # words right before 'bao nhiêu' ('huyen', 'da', 'dat')
    tail: tuple[str, ...] = ()  # words right after the unit ('dat', 'chuan', 'ntm', 'nang', 'cao')
    indicator: str = ""  # what the asked figure counts (base.indicators): 'xa_nang_cao'…
    measure: str = ""  # increment | target | total | '' (the figure as it stands)
    times: tuple[TimeRef, ...] = ()  # when the answer must hold ('năm 2015', 'tháng 1/2018')


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


def is_english(text: str) -> bool:
    words = _WORD.findall(text)
    if not words:
        return False
    marked = sum(1 for w in words if fold(w) != w.lower())
    return len(_ENGLISH_HINT.findall(text)) >= 2 and marked / len(words) < 0.3


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


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """Folded province and district names -> display names."""
    try:
        from base.places import DISTRICT_TO_PROVINCES, PROVINCES
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return {}, {}
    provinces = {fold(p): p for p in PROVINCES}
    districts = {fold(d): d for d in DISTRICT_TO_PROVINCES}
    return provinces, districts


_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
_PLACE_RE = re.compile(
    r"(?<![^\W_])(?<!nông )(?<!Nông )(thành phố|thị xã|thị trấn|huyện|tỉnh|quận|phường|xã|thôn|xóm|bản|làng|nước|"
    r"quốc gia|tp\.?)"
    r"(?=\s)",
    re.IGNORECASE,
)


def _capitalised_name(text: str, start: int, limit: int = 4) -> str:
    """The run of capitalised words (or numbers) starting at ``start``."""
    plain = fold(text) == text.lower()  # typed without diacritics: 'Nam' may be 'năm'
    words = []
    for m in _WORD.finditer(text, start):
        gap = text[start : m.start()] if not words else text[words[-1][1] : m.start()]
        if gap.strip():
            break
        word = m.group()
        if not (word[0].isupper() or word.isdigit()) or (word.isupper() and len(word) > 2):
            break
        if word.lower() in _NAME_STOP_RAW or (plain and fold(word) in _NAME_STOP):
            break
        words.append((word, m.end()))
        if len(words) >= limit:
            break
    return " ".join(w for w, _ in words)


_NATION = re.compile(r"(?i)\b(cả nước|toàn quốc|ca nuoc|toan quoc|nationwide|the whole country)\b")


def find_places(text: str) -> tuple[Place, ...]:
    """Places a question names: 'huyện Đình Lập', 'xã Minh Quang', 'Lạng Sơn', 'dinh lap',
    and the whole country ('cả nước', 'toàn quốc')."""
    found: dict[str, Place] = {}
    nation = _NATION.search(text)
    if nation:
        found["ca nuoc"] = Place("ca nuoc", "ca nuoc", nation.group(1))
    # 1. A place word followed by a capitalised name (text with diacritics or capitals).
    for m in _PLACE_RE.finditer(text):
        name = _capitalised_name(text, m.end())
        if name:
            level = fold(m.group(1)).rstrip(".")
            found.setdefault(fold(name), Place(level, fold(name), f"{m.group(1).lower()} {name}"))
    # 2. Province and district names from the gazetteer, in folded text (no diacritics too).
    provinces, districts = _gazetteer()
    folded = f" {fold(text)} "
    # common phrases that contain a district's name: 'giao thông nông thôn' is not Thông Nông
    masked = _COMMON_PHRASES.sub(lambda m: "#" * len(m.group()), folded)
    padded = " " + " ".join(re.findall(r"[\w#]+", masked)) + " "
    has_capitals = any(ch.isupper() for ch in text)
    claimed: list[tuple[int, int]] = []  # spans already taken by a name
    for key in found:
        at = padded.find(f" {key} ")
        if at >= 0:
            claimed.append((at, at + len(key) + 1))
    matches = []
    for table, level in ((provinces, "tinh"), (districts, "huyen")):
        for key, display in table.items():
            if len(key) < 4 or key in found:
                continue
            at = padded.find(f" {key} ")
            if at < 0:
                continue
            if has_capitals and level == "huyen" and not _capitalised_in(text, key):
                continue  # a bare district name is written with capitals ('Lộc Bình')
            before = padded[:at].split()[-2:]
            word = next((w for w in PLACE_WORDS if " ".join(before).endswith(w)), None)
            lvl = ("tp" if word == "thanh pho" else word) if word else level
            matches.append((word is None, -len(key), level != "tinh", at, key, display, lvl))
    # Names introduced by a place word first, then the longest: 'huyen hai ha nam 2020' is
    # Hải Hà (and the year), not Hà Nam.
    for _, _, _, at, key, display, lvl in sorted(matches):
        span = (at, at + len(key) + 1)
        if any(a < span[1] and span[0] < b for a, b in claimed):
            continue
        if lvl in COMMUNE_LEVEL | HAMLET_LEVEL:
            continue  # 'xã Tân Thành' is a commune even if a district shares the name
        claimed.append(span)
        found.setdefault(key, Place(lvl, key, display))
    # Drop names contained in longer names ('lang' in 'lang son').
    keys = list(found)
    for key in keys:
        if any(key != other and re.search(rf"\b{re.escape(key)}\b", other) for other in keys):
            found.pop(key, None)
    return tuple(found.values())


_COMMON_PHRASES = re.compile(
    r"\b(giao thong nong thon|nong thon moi|khu vuc nong thon|nong thon)\b"
)


def _capitalised_in(text: str, folded_name: str) -> bool:
    """Whether ``folded_name`` occurs in ``text`` with every syllable capitalised."""
    words = _WORD.findall(text)
    size = len(folded_name.split())
    for i in range(len(words) - size + 1):
        window = words[i : i + size]
        if " ".join(fold(w) for w in window) == folded_name and all(w[0].isupper() for w in window):
            return True
    return False


_NAME_STOP_RAW = {
    "có",
    "đã",
    "đạt",
    "được",
    "là",
    "năm",
    "tháng",
    "tỉnh",
    "đến",
    "trong",
    "của",
    "phấn",
    "bao",
    "nhiêu",
    "về",
    "và",
    "tại",
    "thì",
    "còn",
}
_NAME_STOP = {
    "co",
    "da",
    "dat",
    "duoc",
    "la",
    "nam",
    "thang",
    "tinh",
    "den",
    "trong",
    "cua",
    "phan",
    "dau",
    "bao",
    "nhieu",
    "ve",
    "va",
    "tai",
    "thi",
    "con",
    "ntm",
}


def analyze(question: str) -> Frame:
    english = is_english(question)
    folded = to_folded_vietnamese(question) if english else fold(question)
    folded = re.sub(r"\s+", " ", folded).strip()
    kind, unit = _kind(folded)
    years = tuple(sorted({int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", folded)}))
    months = tuple(
        (int(m), int(y))
        for m, y in re.findall(r"thang\s+(\d{1,2})\s*[/-]\s*(20\d\d|19\d\d)", folded)
        if 1 <= int(m) <= 12
    )
    places = find_places(question)
    scaffold_free = folded
    if kind == "percent":
        scaffold_free = re.sub(r"\b(phan tram|ty le|percentage|percent)\b", " ", scaffold_free)
    for phrase in sorted(SCAFFOLD, key=len, reverse=True):
        scaffold_free = re.sub(rf"\b{phrase}\b", " ", scaffold_free)
    place_syllables = {t for p in places for t in p.name.split()}
    terms = tuple(
        dict.fromkeys(
            t
            for t in syllables(canonical_terms(scaffold_free))
            if t not in STOPWORDS and t not in place_syllables and not re.fullmatch(r"\d+", t)
        )
    )
    numbers = tuple(
        n for n in re.findall(r"\d+(?:[.,/]\d+)?", folded) if not re.fullmatch(r"(19|20)\d\d", n)
    )
    conditions = tuple(
        n
        for clause in re.findall(r"\b(?:khi|luc|thoi diem)\b([^,;?]*)", folded)
        for n in re.findall(r"\d+(?:[.,/]\d+)?", clause)
        if n in numbers
    )
    target = bool(re.search(TARGET_CUES, folded))
    head, tail = _slot_context(canonical_terms(folded), unit, kind)
    noise = place_syllables | STOPWORDS
    head = tuple(t for t in head if t not in noise)
    tail = tuple(t for t in tail if t not in noise)
    measure = ""
    if target:
        measure = "target"
    elif re.search(
        r"\b(co them|them (?:bao nhieu|may)|tang them|tang (?:bao nhieu|may)|(?:bao nhieu|may) \w+ (?:\w+ )?moi|"
        r"moi duoc cong nhan|duoc cong nhan them|cong nhan them|how many (?:more|new|additional))\b",
        folded,
    ):
        measure = "increment"
    elif re.search(r"\b(tong so|nang tong so|tong cong|luy ke|tat ca)\b", folded):
        measure = "total"
    times = tuple(t for t in read_times(question) if t.role != "baseline")
    asked_unit = "%" if kind == "percent" else unit
    key = indicator_of(asked_unit, folded) if kind in ("number", "percent") else ""
    scope = None
    levels = {p.level for p in places}
    if re.search(r"\b(toan|ca) tinh\b", folded) or (
        places and levels <= {"tinh", ""} and not levels & (DISTRICT_LEVEL | COMMUNE_LEVEL)
    ):
        scope = "tinh"
    elif re.search(r"\b(toan|ca) huyen\b", folded) or levels & DISTRICT_LEVEL:
        scope = "huyen"
    return Frame(
        text=question,
        folded=folded,
        kind=kind,
        unit=unit,
        places=places,
        years=years,
        months=months,
        terms=terms,
        english=english,
        target=target,
        scope=scope,
        numbers=numbers,
        conditions=conditions,
        head=head,
        tail=tail,
        indicator=key,
        measure=measure,
        times=times,
    )


_TAIL_STOP = re.compile(
    r"\b(tinh den|den nam|den het|tinh tu|trong nam|nam (?:19|20)\d\d|theo|so voi|tai|cua tinh|cua huyen)\b"
)


def _slot_context(
    folded: str, unit: str | None, kind: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words around the asked slot: 'đã đạt [bao nhiêu tiêu chí] huyện NTM',
    '[xã nào] về đích NTM nâng cao', '[ai] chủ trì hội nghị'."""
    if kind in ("number", "percent"):
        m = re.search(r"\b(?:bao nhieu|may)\b", folded) or _ASKED_FIGURE.search(folded)
    elif kind == "person":
        m = re.search(r"\bai\b", folded)
    else:
        m = re.search(r"\bnao\b", folded)
    if not m:
        return (), ()
    before = folded[: m.start()]
    if kind in ("place", "entity", "list"):
        before = re.sub(
            r"\b(?:thon|xom|ban|xa|huyen|tinh|thanh pho|thi xa|don vi|dia phuong|co quan)\s*$",
            "",
            before.strip(),
        )
    head = tuple(syllables(before)[-4:])
    rest = folded[m.end() :].strip()
    if unit and rest.startswith(unit):
        rest = rest[len(unit) :]
    rest = re.sub(r"^\s*(?:la|da|duoc)\b", "", rest) if kind == "person" else rest
    stop = _TAIL_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    tail = tuple(syllables(rest)[:6])
    if not tail and kind == "person":
        # 'Chủ tịch UBND huyện Bình Gia là ai?': the office is named before the slot
        office = re.sub(r"\b(la|thi|hien nay|hien)\s*$", "", before.strip())
        tail = tuple(syllables(office)[:6])
    if not tail and unit and kind == "number":
        # '… tổng số xã được công nhận đạt chuẩn NTM của Lạng Sơn là bao nhiêu?'
        counted = re.search(rf"\bso (?:luong )?{re.escape(unit)}\b(.*)$", before)
        if counted:
            phrase = counted.group(1)
            stop = _TAIL_STOP.search(phrase)
            phrase = phrase[: stop.start()] if stop else phrase
            phrase = re.sub(r"\b(la|thi)\s*$", "", phrase.strip())
            tail = tuple(syllables(phrase)[:6])
    return head, tail


_PLACE_SLOT = re.compile(
    r"\b(thon|xom|ban|xa|huyen|tinh|thanh pho|thi xa|don vi|dia phuong|co quan)\s+(?:\w+\s+){0,1}?nao\b"
)


_DECISION_Q = re.compile(
    r"\b(quyet dinh|nghi quyet|chi thi|van ban)\s+(?:so\s+)?(nao|may|bao nhieu|gi|so may)\b"
    r"|\bso hieu\b|\b(which|what) (decision|resolution)\b|\b(decision|quyet dinh) (number|no)\b"
    r"|\b(quyet dinh|van ban) so\s*(?:la\s*)?(?:gi|bao nhieu|may)\b"
)


_UNIT_ALTERNATION = "|".join(re.escape(u) for u in UNITS if u not in ("nam", "thang", "%"))
# A figure asked for without 'bao nhiêu': 'số xã …', 'số lượng sản phẩm …', 'mức thu nhập …'
_ASKED_FIGURE = re.compile(
    rf"\b(?:so luong|tong so|so)\s+(?P<unit>{_UNIT_ALTERNATION})\b"
    r"|\b(?:muc thu nhap|thu nhap binh quan|binh quan thu nhap|chieu dai|tong von|tong kinh phi|"
    r"von huy dong|tong nguon luc|nguon luc huy dong|"
    r"kinh phi|so km|dien tich)\b"
)
_FIGURE_UNITS = (
    (r"\bthu nhap\b", "trieu dong"),
    (r"\b(chieu dai|so km)\b", "km"),
    (r"\b(von|kinh phi|nguon luc)\b", "ty dong"),
    (r"\bdien tich\b", "ha"),
)


# Units that are also common words; after skipped words they are read as the words.
_FUNCTION_WORD_UNITS = {"nam", "thang", "cho", "ban", "lang", "ha", "ho", "lan", "diem", "ap"}


def _kind(folded: str) -> tuple[str, str | None]:
    if _DECISION_Q.search(folded):
        return "decision", None
    if re.search(r"\bty le\b|phan tram|bao nhieu %|\bpercent", folded):
        return "percent", "%"
    m = re.search(r"\b(?:bao nhieu|may)\b\s*(.*)", folded)
    if m:
        # 'number of new-rural criteria' -> 'bao nhieu nong thon moi ntm tieu chi': the
        # programme's name is no unit ('thôn')
        rest = re.sub(r"^(?:(?:nong thon moi|ntm)\s+)+", "", m.group(1))
        for skip in (0, 1, 2):  # 'how many OCOP products' -> 'bao nhieu ocop san pham'
            words = rest.split(" ", skip)[-1] if skip else rest
            skipped = rest.split(" ")[:skip]
            if skip and (
                len(rest.split(" ")) <= skip
                or any(w in STOPWORDS or w in ("so", "voi", "tang", "giam") for w in skipped)
            ):
                break
            for unit in UNITS:
                if skip and unit in _FUNCTION_WORD_UNITS:
                    continue  # 'bao nhiêu nguồn lực cho …': 'cho' is 'for', not 'chợ'

                if re.match(rf"{re.escape(unit)}\b", words) or (
                    words.startswith(unit) and unit == "%"
                ):
                    return "number", unit
        # 'tăng bao nhiêu', 'tổng số xã … là bao nhiêu': the unit is what is counted before
        before = folded[: m.start()]
        for unit in UNITS:
            if unit not in ("nam", "thang") and re.search(
                rf"\b(?:tong )?so (luong )?{re.escape(unit)}\b", before
            ):
                return "number", unit
        return "number", None
    if re.search(
        r"^ai\b|\bai (la|da|duoc|chu tri|phat bieu|dan dau|phu trach)\b|\bla ai\b|\bai\b\s*\??$",
        folded,
    ):
        return "person", None
    if re.search(
        r"\b(khi nao|ngay nao|thoi gian nao|luc nao|bao gio|thang nao|nam nao|thoi diem nao)\b",
        folded,
    ):
        return "date", None
    if re.search(r"\bnhung\b.*\bnao\b|\bke ten\b|\bliet ke\b", folded):
        return "list", _PLACE_SLOT.search(folded).group(1) if _PLACE_SLOT.search(folded) else None
    m = _PLACE_SLOT.search(folded)
    if m and m.group(1) != "co quan":
        return "place", m.group(1)
    asked = _ASKED_FIGURE.search(folded)
    if asked:  # 'Cho biết số xã NTM nâng cao …', 'Mức thu nhập bình quân … ?'
        if asked.group("unit"):
            return "number", asked.group("unit")
        for pattern, unit in _FIGURE_UNITS:
            if re.search(pattern, folded):
                return "number", unit
        return "number", None
    if re.search(r"\bnao\b|\bgi\b", folded):
        return "entity", None
    return "text", None


# -- follow-up questions ------------------------------------------------------------------------
_FOLLOW_UP = re.compile(
    r"^(con|the con|vay con|va|con voi)\b|\bthi sao\b|\bthi the nao\b|\bthi sao\s*\??$|"
    r"^(what|how) about\b|^and\b",
)


def resolve_follow_up(question: str, history: list[str]) -> str:
    """Complete a follow-up ('Còn Thái Nguyên thì sao?') from the previous question."""
    if not history:
        return question
    folded = fold(question).strip()
    previous = history[-1]
    new_places = find_places(question)
    if not new_places:
        m = re.search(r"(?i)^\s*(?:còn|thế còn|vậy còn|và|what about|how about|and)\s+", question)
        name = _capitalised_name(question, m.end()) if m else ""
        if name:
            new_places = (Place("", fold(name), name),)
    new_years = re.findall(r"\b(?:19|20)\d\d\b", question)
    short = len(syllables(folded)) <= 7
    if not (
        _FOLLOW_UP.search(folded)
        or (short and (new_places or new_years) and "bao nhieu" not in folded)
    ):
        return question
    resolved = previous
    old_places = find_places(previous)
    if new_places:
        if old_places:
            # Replace the first named place of the previous question by the new one(s).
            resolved = _replace_folded(resolved, old_places[0], new_places[0])
        else:
            resolved = f"{resolved.rstrip(' ?')} ở {new_places[0].display}?"
    if new_years:
        old_years = re.findall(r"\b(?:19|20)\d\d\b", resolved)
        if old_years:
            resolved = resolved.replace(old_years[0], new_years[0], 1)
        else:
            resolved = f"{resolved.rstrip(' ?')} năm {new_years[0]}?"
    return resolved


def _replace_folded(text: str, old: Place, new: Place) -> str:
    """Replace the name of ``old`` in ``text`` by the name of ``new``, keeping the place word
    written in ``text`` ('Huyện Chi Lăng …' + 'huyện Hữu Lũng' -> 'Huyện Hữu Lũng …')."""
    new_name = new.display
    first, _, rest = new.display.partition(" ")
    if rest and new.level and fold(first).rstrip(".") == new.level.split()[0]:
        new_name = new.display.split(" ", len(new.level.split()))[-1]
    folded_text = fold(text)
    index = folded_text.find(old.name)
    if index < 0 or len(folded_text) != len(text):
        return text.replace(old.display, new.display, 1)
    start = index
    word = re.search(
        r"(thanh pho|thi xa|thi tran|huyen|tinh|xa|thon|quan|phuong|tp)\s+$", folded_text[:index]
    )
    if word and new.level and fold(word.group(1)) != new.level and new.level in _LEVEL_WORDS:
        # 'Huyện Đình Lập' followed by 'Còn Thái Nguyên?' (a province): 'tỉnh Thái Nguyên'
        start = word.start()
        written = _LEVEL_WORDS[new.level]
        new_name = (written.capitalize() if text[start].isupper() else written) + " " + new_name
    return text[:start] + new_name + text[index + len(old.name) :]


_LEVEL_WORDS = {
    "tinh": "tỉnh",
    "huyen": "huyện",
    "xa": "xã",
    "thon": "thôn",
    "thi xa": "thị xã",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "quan": "quận",
}


# -- questions that ask for several figures ------------------------------------------------------
_SLOT = re.compile(
    r"\b(la bao nhieu|bao nhieu|may|o muc nao|muc nao|so hieu nao|nao|ai|khi nao|so may)\b"
)
_JOIN = re.compile(r"(?:,\s*)?\b(?:va|con|trong do|dong thoi|kem theo)\b\s*|,\s*")
_CATEGORY = re.compile(r"\b(nang cao|kieu mau)\s+va\s+(nang cao|kieu mau)\b")
_TOPICS = re.compile(
    r"\b(thu nhap|ho ngheo|tieu chi|so xa|xa|huyen|ocop|san pham|von|km|ty le|nang cao|kieu mau|"
    r"kinh phi|ngan sach)\b"
)
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
            return [_ask_mark(head), _ask_mark(_second_part(question, first, tail))]
    if len(slots) == 1:
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


_OWN_VERB = re.compile(r"(?i)(?:đã\s+)?(?:nâng|tăng|giảm|đạt|còn|huy động|công nhận)\b")
_VERB = re.compile(r"\b(?:da\s+)?(?:co|nang|tang|giam|dat|con|huy dong|cong nhan|xay dung)\b")


def _borrow_unit(part: str, first_slot_phrase: str) -> str:
    """'… tăng bao nhiêu so với năm 2018' after '… bao nhiêu tiêu chí …': the unit is shared."""
    folded = fold(part).lower()
    m = re.search(r"\b(bao nhieu|may)\b\s*", folded)
    if not m:
        return part
    rest = folded[m.end() :]
    if any(re.match(rf"{re.escape(u)}\b", rest) for u in UNITS):
        return part
    if any(re.search(rf"\bso (?:luong )?{re.escape(u)}\b", folded[: m.start()]) for u in UNITS):
        return part  # 'nâng tổng số xã đạt chuẩn lên bao nhiêu': it says what it counts
    unit_m = re.search(r"\b(?:bao nhieu|may)\s+(.*)", fold(first_slot_phrase).lower())
    if not unit_m:
        return part
    for unit in UNITS:
        if unit != "%" and re.match(rf"{re.escape(unit)}\b", unit_m.group(1)):
            at = unit_m.start(1)
            per = re.match(r"/[^\W\d_]+", first_slot_phrase[at + len(unit) :])  # 'tiêu chí/xã'
            original = first_slot_phrase[at : at + len(unit) + (per.end() if per else 0)]
            return f"{part[: m.end()].rstrip()} {original} {part[m.end() :]}".strip()
    return part
