"""Which place a figure is about: the places a sentence names (Vietnamese and English), the
subject that opens a paragraph, a list that spells out an earlier count, a scope word
('toàn tỉnh'), the document's own place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from base.lexicon import TEXT_PLACE_WORDS, tier_of, tier_rank
from base.places import main_commune
from base.text import fold
from base.types import Document
from ingest.metadata import english_place_mentions, place_mentions

_PLACE = re.compile(
    # (the place word may open a sentence or a title: 'Xã Tân Hưng, huyện Bàu Bàng: …')
    r"(?<![^\W_])(?P<word>(?i:thành phố|thị xã|thị trấn|huyện|tỉnh|quận|phường|xã|thôn|xóm|bản|ấp)|"
    r"TP\.?|TX\.?)\s+(?P<name>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0-9][\w'’-]*\s?){1,4})"
)


_SCOPE = re.compile(
    # (not a ranking: 'huyện đầu tiên trong cả nước', 'dẫn đầu cả nước')
    r"\b(toan tinh|ca tinh|toan huyen|ca huyen|"
    r"(?<!dau tien )(?<!dau tien trong )(?<!dau tien cua )(?<!dan dau )(?<!nhat )"
    r"(?<!nhat trong )(?<!nhat cua )(?<!so voi )(?:ca nuoc|toan quoc)|nationwide)\b"
    r"|(?:^|[,;:]\s*)(huyen|tinh|xa)\s+(?=(?:da |cung |van |\w+ )?(?:co|dat|dang ky|xay dung|huy dong|"
    r"duoc|phan dau|hoan thanh)\b)"
    r"|\bdia ban (huyen|tinh)\b"  # 'trên địa bàn huyện đạt …'
    # 'nâng tổng số xã nâng cao của tỉnh lên 35 xã': the whole's own, after a place named
    r"|\bcua (huyen|tinh)(?=\s+(?:len|la|dat)\b)"
)


# how far into its paragraph a place names the subject of what follows
_OPENING_REACH = 80


class _Opening:
    """The places that open a paragraph ('Đối với huyện Đình Lập, …'), read once per paragraph
    however many figures ask: the gazetteer's names of the whole paragraph are found once, and
    the places before a sentence are kept per sentence start within the opening reach."""

    def __init__(self, paragraph: str, known: KnownNames | None) -> None:
        self.paragraph = paragraph
        self.known = known
        self.gazetteer: list[tuple[int, int, str, str]] | None = None
        self.found: dict[int, list[tuple[int, str, str]]] = {}

    def before(self, sentence_at: int) -> list[tuple[int, str, str]]:
        end = min(sentence_at, _OPENING_REACH)
        if end not in self.found:
            if self.gazetteer is None:
                self.gazetteer = place_mentions(self.paragraph)
            self.found[end] = [
                p
                for p in places_in(self.paragraph, 0, end, self.known, self.gazetteer)
                if p[0] < _OPENING_REACH
            ]
        return list(self.found[end])


def _place_of(
    sentence: str, mentions: list[tuple[int, str, str]], opening: _Opening, sentence_at: int
) -> tuple[str, str]:
    """The place a figure is about: the last one named before it in the sentence ('huyện Đình
    Lập', 'Lâm Đồng', 'toàn tỉnh', or 'Thanh Lang' once the document has said 'xã Thanh
    Lang'), else the subject that opens the paragraph. ``mentions``: the last places named
    before the figure (:meth:`_SentenceIndex.places_before`), in text order."""
    if not mentions:
        # 'Đối với huyện Đình Lập, …' opening the paragraph names the subject of what follows
        mentions = opening.before(sentence_at)
    if not mentions:
        return "", ""
    mentions.sort(key=lambda p: p[0])
    at, name, level = mentions[-1]
    for before_at, before_name, before_level in reversed(mentions[:-1]):
        # 'huyện Vị Thủy, tỉnh Hậu Giang đã có 4/9 xã': an address, whose first place is the
        # subject and the rest say where it lies
        if not (
            before_level
            and level
            and tier_rank(before_level) < tier_rank(level)
            and _ADDRESS_GAP.fullmatch(sentence, before_at, at)
        ):
            break
        at, name, level = before_at, before_name, before_level
    return name, level


# what opens a list of the places a count is made of: '3 đơn vị cấp huyện … là huyện A, B và
# thị xã C', 'gồm: …' (folded)
_LIST_OPENS = re.compile(r"\b(?:la|gom|gom co|bao gom)\b|:")


def _past_the_list(folded: str, mentions: list, figure_at: int) -> list:
    """The places named before a figure less those of an earlier clause's list: in 'toàn tỉnh
    có 3 huyện … là huyện A, B và thị xã C; 92 xã đạt chuẩn' the towns listed make up the 3
    districts, and the 92 communes are the province's ('toàn tỉnh')."""
    semi = folded.rfind(";", 0, figure_at)
    if semi < 0 or any(at > semi for at, _, _ in mentions):
        return mentions  # one clause, or the figure's own clause names its place
    opens = [o.start() for o in _LIST_OPENS.finditer(folded, 0, semi)]
    kept = [p for p in mentions if opens and p[0] < opens[-1]]
    return kept or mentions


# from a place's name to the place it lies in, in an address: 'Vị Thủy, tỉnh ', 'Tân Mỹ (huyện '
_ADDRESS_GAP = re.compile(
    r"[^\W\d][\w'’ -]{0,30}?\s*(?:,|\(|-)\s*(?:(?:tỉnh|huyện|thành phố|thị xã|TP\.?|TX\.?)\s+)?",
    re.IGNORECASE,
)


# an English sentence reads no paragraph opening ('Đối với huyện Đình Lập, …')
_NO_OPENING = _Opening("", None)


class KnownNames:
    """The places a document introduces with a place word ('huyện Vĩnh Thuận', 'xã Thanh
    Lang'), so that later bare mentions ('Kinh tế của Vĩnh Thuận', '(Thanh An 0,3%, Thanh Lang
    0,85%)') are read as those places."""

    def __init__(self, levels: dict[str, str]) -> None:
        self.levels = levels
        # each name under its first word: a mention is found by looking up the word that
        # starts it (time linear in the text however many names the document introduces)
        self.by_word: dict[str, list[str]] = {}
        for name in sorted(levels, key=len, reverse=True):
            self.by_word.setdefault(_WORD_RUN.match(name).group(), []).append(name)

    def _find(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """(position, name) of each name in ``text[start:end]`` as a whole word, the longest
        at a place, left to right without overlaps."""
        if not self.by_word:
            return
        after = start
        for word in _WORD_RUN.finditer(text, start, end):
            at = word.start()
            if at < after:
                continue
            for name in self.by_word.get(word.group(), ()):
                stop = at + len(name)
                if (
                    stop <= end
                    and text.startswith(name, at)
                    and (stop == end or not _WORD_CHAR.match(text, stop))
                ):
                    yield at, name
                    after = stop
                    break

    def mentions(self, text: str, start: int, end: int) -> list[tuple[int, str, str]]:
        found = []
        for at, name in self._find(text, start, end):
            before = text[max(0, at - 20) : at].split()
            word = before[-1] if before else ""
            if (
                word[:1].isupper()
                and word[-1:] not in ",.;:("
                and fold(word).lower().rstrip(".") not in TEXT_PLACE_WORDS
            ):
                continue  # part of a longer name ('Nguyễn Thanh Lang')
            found.append((at, name, self.levels[name]))
        return found


_WORD_RUN = re.compile(r"(?<!\w)\w+")


_WORD_CHAR = re.compile(r"\w")


def _known_names(text: str) -> KnownNames:
    levels: dict[str, str] = {}
    ambiguous: set[str] = set()
    for m in _PLACE.finditer(text):
        name = _trim_name(m.group("name"))
        level = tier_of(fold(m.group("word")).lower().rstrip("."))
        if len(name) < 4 or " " not in name or not level:
            continue  # one-syllable names are too often ordinary words
        if levels.get(name, level) != level:
            ambiguous.add(name)
        levels.setdefault(name, level)
    return KnownNames({n: lvl for n, lvl in levels.items() if n not in ambiguous})


def places_in(
    text: str,
    start: int = 0,
    end: int | None = None,
    known: KnownNames | None = None,
    gazetteer: list[tuple[int, int, str, str]] | None = None,
) -> list[tuple[int, str, str]]:
    """(position, name, level) of the places named in ``text[start:end]``: gazetteer names
    ('Lâm Đồng', 'huyện Kim Bảng') and any name after a place word ('xã Tân Mỹ', 'ấp Phú Hòa',
    'tỉnh Phú Thọ'), the document's words first: a name no list knows still counts; with
    ``known``, also the bare names the document introduced with a place word. ``gazetteer``:
    ``place_mentions(text)`` when the caller already has it (it reads the whole text)."""
    end = len(text) if end is None else end
    found: dict[int, tuple[int, str, str]] = {}
    if known is not None:
        for at, name, level in known.mentions(text, start, end):
            found[at] = (at, name, level)
    for s, _, name, level in place_mentions(text) if gazetteer is None else gazetteer:
        if start <= s < end:
            found[s] = (s, name, level)
    for m in _PLACE.finditer(text, start, end):
        word = fold(m.group("word")).lower().rstrip(".")
        name = _trim_name(m.group("name"))
        if not name:
            continue
        level = tier_of(word)
        at = m.start("name")
        seen = found.get(at)
        if seen is None or seen[2] != level and level in ("xa", "thon"):
            found[at] = (at, name, level)
    return sorted(found.values())


_NAME_STOP = re.compile(
    r"\s(?:Có|Đạt|Được|Là|Năm|Tháng|Đến|Trong|Của|Và|Với|Đã|Sẽ|Cũng|Nay|Hiện|Ông|Bà|Đồng)\b.*$"
)


def _trim_name(name: str) -> str:
    name = _NAME_STOP.sub("", name.strip())
    words = name.split()
    while words and (
        words[-1].isdigit() or not words[-1][0].isupper() and not words[-1][0].isdigit()
    ):
        words.pop()
    if any(w.isupper() and len(w) > 1 and not w.isdigit() for w in words[:1]):
        return ""  # an acronym ('xã NTM'), not a name
    # a known name followed by other capitalised words ('tỉnh Gia Lai Võ Ngọc Thành'): the
    # name ends where the gazetteer's does
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if place_mentions(f"tỉnh {head}") or place_mentions(f"huyện {head}"):
            if n < len(words):
                return head
            break
    return " ".join(words).strip(" ,.;:")


def _scope_place(level: str, doc: Document, doc_place: tuple[str, str] = ("", "")) -> str:
    """The place a bare level word means ('toàn tỉnh', 'huyện đã có', 'xã đã đạt'): the
    document's own place of that level ('' when it names none)."""
    if level == "xa":  # a commune's article ('Xã Tân Hưng: …') speaks of it as 'xã'
        return doc_place[0] if doc_place[1] == "xa" else ""
    if level == "tinh" and doc.meta.provinces:
        return doc.meta.provinces[0]
    if level == "huyen" and doc.meta.districts:
        return doc.meta.districts[0]
    if level == "ca nuoc":
        return "Việt Nam"
    return ""


def _document_place(doc: Document) -> tuple[str, str]:
    """What the article is about: the place its title names, else the commune it is about
    (named more often than any other place), else its first province."""
    title = doc.meta.title
    named = [p for p in places_in(title) if not _at_venue(title, p[0])]
    folded_title = fold(title).lower()
    for district in doc.meta.districts:
        # 'Ba Tơ (Quảng Ngãi): …': a district of the article named in its title, without
        # 'huyện', is what it is about; the province says where it lies
        if re.search(rf"\b{re.escape(fold(district).lower())}\b", folded_title) and not any(
            level in ("huyen", "xa") for _, _, level in named
        ):
            return district, "huyen"
    if named:
        _, name, level = named[0]
        return name, level
    provinces = [(at, name) for at, _, name, level in place_mentions(doc.text) if level == "tinh"]
    named = Counter(name for _, name in provinces)
    commune = main_commune(doc.text) if not doc.meta.districts else None
    if commune and commune[1] >= max(2, *named.values(), 0):
        # a commune's own article whose title does not name it: it names the commune at
        # least as often as any province (and no district: since mid-2025 there are none)
        return commune[0], "xa"
    national = len(re.findall(r"\b(?:ca nuoc|toan quoc)\b", fold(doc.text).lower()))
    if national and len(set(doc.meta.provinces)) >= 3:
        if national >= max(named.values(), default=0):
            # the country's results, naming provinces among them (a provincial article names
            # its own province more often than the country)
            return "Việt Nam", "ca nuoc"
    venues = _venues(doc.text, provinces)
    for province in doc.meta.provinces:
        if province not in venues:
            return province, "tinh"
    if national:
        return "Việt Nam", "ca nuoc"  # a national article that met somewhere
    if doc.meta.districts:
        return doc.meta.districts[0], "huyen"
    return "", ""


def _at_venue(text: str, start: int) -> bool:
    """Whether the place named at ``start`` is where something took place ('tại TP Hải
    Phòng', 'ở tỉnh Nam Định'), not what the text is about."""
    before = fold(text[max(0, start - 20) : start]).lower()
    return bool(re.search(r"\b(?:tai|o)\s+(?:(?:tp|thanh pho|tinh)\.?\s+)?$", before))


def _venues(text: str, provinces: list[tuple[int, str]]) -> set[str]:
    """Provinces the text names only as where something took place ('tại TP Hải Phòng'),
    of its province ``provinces`` mentions (position, name)."""
    venue: dict[str, bool] = {}
    for start, name in provinces:
        venue[name] = venue.get(name, True) and _at_venue(text, start)
    return {name for name, only in venue.items() if only}


_ENGLISH_SCOPE = re.compile(
    r"\b(?:(?P<ca_nuoc>nationwide|the (?:whole|entire) country|across the country|"
    r"throughout the country|national[- ]scale|the nation'?s?)|"
    r"(?P<tinh>the (?:whole|entire) province|province-?wide|across the province|"
    r"throughout the province|in the province)|"
    r"(?P<huyen>the (?:whole|entire) district|district-?wide|in the district))\b"
)


_ENGLISH_SCOPES = {"ca_nuoc": "ca nuoc", "tinh": "tinh", "huyen": "huyen"}


_ENGLISH_PLACE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*)\s+"
    r"(?P<word>province|district|commune|ward|town|village|hamlet)\b"
)


_ENGLISH_PLACE_WORDS = {
    "province": "tinh",
    "district": "huyen",
    "town": "huyen",
    "commune": "xa",
    "ward": "xa",
    "village": "thon",
    "hamlet": "thon",
}


def english_places_in(sentence: str) -> list[tuple[int, str, str]]:
    """(position, name, level) of the places an English sentence names: the gazetteer's
    provinces and districts ('Phu Tho', 'Cam Giang district'), and any capitalised name
    before a place word ('Kim Dinh commune', 'the old Son Vi commune')."""
    found: dict[int, tuple[int, str, str]] = {}
    for m in _ENGLISH_PLACE.finditer(sentence):
        words = m.group("name").split()
        while words and words[0] in ("The", "In", "Of", "Old", "New"):
            words.pop(0)
        if words:
            at = m.end("name") - len(" ".join(words))
            found[at] = (at, " ".join(words), _ENGLISH_PLACE_WORDS[m.group("word")])
    for start, _, name, level in english_place_mentions(sentence):
        found[start] = (start, name, level)
    return sorted(found.values())
