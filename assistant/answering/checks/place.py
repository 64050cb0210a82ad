"""The place check: does a sentence speak of the places the question names?

A ladder of how strongly the evidence vouches for each asked place (named in the sentence, in
its paragraph, in the title, somewhere in the document, only by the document's press tag, or
not at all), then the scope of the sentence: a province's figure does not answer a question
about one of its districts, nor a district's a question about one of its communes.

Usage::

    check = place_check(sentence, evidence, qtype, rules.place)
    check.factor, check.reason   # 0.0, 'nói về tỉnh khác'
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.names import (
    districts_in,
    fold_cached,
    has_name,
    named_districts,
    provinces_in,
    same_place,
)
from assistant.answering.records import Check, CheckName, Evidence, Place, Sentence
from assistant.answering.rules import PlaceRules
from base.lexicon import COMMUNE_WORDS, DISTRICT_WORDS, HAMLET_WORDS
from base.places import COMMUNE_NAMED, main_commune, province_of
from base.text import fold

# the whole country, in Vietnamese and in English-language articles ('Vietnam', 'the country')
_NATIONAL = (
    r"\b(ca nuoc|toan quoc|nationwide|national|nationally|countrywide|viet nam|vietnam|"
    r"the country|across the country)\b"
)


# the whole country, and nothing else ('Việt Nam' also names bodies: 'MTTQ Việt Nam'); in an
# article that names no province, the central level too ('Văn phòng Điều phối … Trung ương',
# 'sản phẩm OCOP cấp quốc gia', 'hồ sơ của các tỉnh, thành phố')
_WHOLE_COUNTRY = (
    r"\b(ca nuoc|toan quoc|nationwide|countrywide|across the country|trung uong|"
    r"cap quoc gia|cac tinh,? thanh pho)\b"
)


def speaks_of_nation(folded_text: str) -> bool:
    """Whether a (folded) text speaks of the whole country."""
    return bool(re.search(_NATIONAL, folded_text))


_WHOLE_PROVINCE = r"\b(toan|ca) tinh\b"


def place_check(sentence: Sentence, evidence: Evidence, qtype, rules: PlaceRules) -> Check:
    """The product of the ladder factors of every asked place; 0 with the reason when one
    of them is not what the sentence speaks of."""
    factor = 1.0
    for place in evidence.frame.places:
        if place.level == "ca nuoc":
            if _national(sentence):
                continue
            return Check(CheckName.PLACE, 0.0, "không phải số liệu của cả nước")
        level, why = _ladder(place, sentence, evidence, qtype, rules)
        if level:
            level, why = _scope(place, level, sentence, evidence, qtype, rules)
        if not level and _lies_in(place, sentence, evidence.frame.places):
            continue  # the district's own article, which names no province, need not name it
        if not level:
            return Check(CheckName.PLACE, 0.0, why)
        factor *= level
    return Check(CheckName.PLACE, factor)


def _lies_in(place: Place, sentence: Sentence, asked) -> bool:
    """'huyện Bình Giang, tỉnh Hải Dương': whether ``place`` is a province the question names
    only to say where a district or commune it asks about lies, and the sentence's document
    names that finer place and no province at all."""
    if place.level != "tinh" or sentence.doc.meta.provinces:
        return False
    doc_f = fold_cached(sentence.doc.text)
    return any(
        p.level in DISTRICT_WORDS | COMMUNE_WORDS and has_name(doc_f, _search_name(p))
        for p in asked
    )


def _national(sentence: Sentence) -> bool:
    """The whole country: the sentence or its paragraph must speak of it, not of one province
    ('cả nước có 5.425 xã', not 'tỉnh Hòa Bình có 85 xã')."""
    if speaks_of_nation(sentence.folded):
        return True
    return not provinces_in(sentence.text) and (
        speaks_of_nation(sentence.paragraph_folded)
        # a national article (its title says so, or its figures were read as the country's:
        # a national meeting held in one province)
        or speaks_of_nation(fold(sentence.doc.meta.title))
        or any(f.place_level == "ca nuoc" for f in sentence.facts)
    )


def _last_commune(sentence: Sentence, rules: PlaceRules) -> str | None:
    """The commune (folded) the text last named before the sentence, a little above it: the
    one a speaker's words are about."""
    text = sentence.doc.text
    above = text[max(0, sentence.start - rules.last_commune_chars) : sentence.start]
    names = COMMUNE_NAMED.findall(above)
    return fold(names[-1]).lower() if names else None


def _main_commune(sentence: Sentence) -> str | None:
    """The commune (folded) of a commune's own article whose title does not name it: the
    one the document names more often than any other, when the sentence's paragraph names
    no other commune."""
    main = main_commune(sentence.doc.text)
    if not main or _communes_named(sentence.paragraph):
        return None
    return fold(main[0]).lower()


def _sole_commune(text: str, name: str) -> bool:
    """Whether ``text`` names the commune ``name`` (folded) and no other."""
    return _communes_named(text) == frozenset((name,))


@lru_cache(maxsize=64)
def _communes_named(text: str) -> frozenset[str]:
    """The communes a document names (folded), read once per document."""
    return frozenset(fold(m.group(1)).lower() for m in COMMUNE_NAMED.finditer(text))


def _search_name(place: Place) -> str:
    # 'phap' alone is in 'giai phap'; 'nuoc phap' is not
    return f"{place.level} {place.name}" if " " not in place.name and place.level else place.name


def _ladder(place: Place, sentence: Sentence, evidence: Evidence, qtype, rules: PlaceRules):
    """(factor, why): where the evidence names the place, most specific first."""
    meta = sentence.doc.meta
    name = _search_name(place)
    district_level = place.level in DISTRICT_WORDS
    province_level = place.level == "tinh" or (not place.level and not district_level)
    doc_f = fold_cached(sentence.doc.text)
    own_province = province_level and any(same_place(fold(p), place.name) for p in meta.provinces)
    if has_name(sentence.folded, name):
        return rules.in_sentence, ""
    if has_name(sentence.paragraph_folded, name):
        return rules.in_paragraph, ""
    if has_name(fold(meta.title), name):
        return rules.in_title, ""
    if place.level in COMMUNE_WORDS | HAMLET_WORDS:
        # a commune or hamlet is too fine-grained for the rest of the article to vouch for
        # it, unless the article names no other place of its level: then it is about it
        if place.level in COMMUNE_WORDS:
            if _sole_commune(sentence.doc.text, place.name):
                return rules.sole_commune, ""
            if _last_commune(sentence, rules) == place.name:
                return rules.last_commune, ""  # 'Bà Bùi Thị Nga, … xã Bà Nà cho biết, …' above
            if _main_commune(sentence) == place.name:
                return rules.main_commune, ""
        return 0.0, f"không nói về {place.display}"
    if has_name(doc_f, name):
        return (rules.district_in_document if district_level else rules.in_document), ""
    if qtype.place_in_document and not own_province:
        # whose office, which decision: an article that never names the place cannot say
        # (unless it is that province's own newspaper: 'LSO -')
        return 0.0, f"không nói về {place.display}"
    if not evidence.known(place.name, place.level):
        return 0.0, f"không tài liệu nào nói về {place.display}"
    if own_province:
        return rules.press_tag, ""  # the article's province, known from its press tag ('LSO-')
    if province_level and not meta.provinces and not provinces_in(sentence.doc.text):
        if re.search(_WHOLE_COUNTRY, doc_f):
            # a national article that names no province speaks of the country, not of this
            # province ('Năm 2024, đã đánh giá cho 55 sản phẩm' in a ministry's review)
            return 0.0, f"bài viết nói về cả nước, không nói về {place.display}"
        return rules.no_province_named, ""  # names no province: weak evidence for this one
    if district_level and not meta.districts and not districts_in(doc_f):
        return _unnamed_district(place, sentence, doc_f, rules)
    return 0.0, f"không nói về {place.display}"


def _unnamed_district(place: Place, sentence: Sentence, doc_f: str, rules: PlaceRules):
    """A document that names no gazetteer district: perhaps the asked one's own article,
    unless it is about another province or names another district."""
    meta = sentence.doc.meta
    homes = {fold(p) for p in province_of(place.display)}
    named = {fold(p) for p in meta.provinces} | provinces_in(sentence.doc.text)
    if homes and named and not any(same_place(p, h) for p in named for h in homes):
        return 0.0, f"không nói về {place.display} (tài liệu về tỉnh khác)"
    own = named_districts(sentence.doc.text)
    if own and not any(same_place(p, place.name) for p in own):
        return 0.0, f"không nói về {place.display} (tài liệu về huyện khác)"
    return rules.no_district_named, ""


# the bare commune word as a clause's subject: 'Đến nay, xã đã đạt …', 'toàn xã có …' (folded)
_COMMUNE_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*)(?:toan )?xa\s+(?:da |cung |van |hien )?(?:co|dat|hoan thanh)\b"
)


def _scope(place: Place, level: float, sentence: Sentence, evidence: Evidence, qtype, rules):
    """(factor, why) after what the sentence's own scope says: another district, the whole
    province, a district's figure for a province question."""
    name = _search_name(place)
    sentence_f = sentence.folded
    named_here = has_name(sentence_f, name)
    if place.level in DISTRICT_WORDS:
        others = {d for d in districts_in(sentence_f) if not same_place(d, name)}
        if others and not named_here:
            return 0.0, f"nói về huyện khác ({', '.join(sorted(others))})"
        if re.search(_WHOLE_PROVINCE, sentence_f) and not named_here:
            if qtype.figures:
                return 0.0, f"số liệu của toàn tỉnh, không phải của {place.display}"
            return level * rules.province_for_district, ""
        return level, ""
    if place.level in COMMUNE_WORDS | HAMLET_WORDS and not named_here:
        # a figure of the district or province, not of this commune; unless the commune is
        # the sentence's subject ('Đến nay, xã đã đạt 19/19 tiêu chí … của tỉnh')
        higher = re.search(r"\b(huyen|tinh|toan tinh|toan huyen)\b", sentence_f)
        if higher and not _COMMUNE_SUBJECT.search(sentence_f, 0, higher.start()):
            if qtype.figures:
                return 0.0, f"số liệu của huyện, tỉnh, không phải của {place.display}"
            return level * rules.higher_for_commune, ""
        return level, ""
    province_level = place.level == "tinh" or not place.level
    if province_level and place.level != "xa":
        here = provinces_in(sentence.text) or provinces_in(sentence.paragraph)
        if here and not any(same_place(p, name) for p in here):
            return 0.0, "nói về tỉnh khác"
        district_subject = re.search(r"\b(toan huyen|doi voi huyen)\b", sentence_f) or (
            districts_in(sentence_f)
        )
        if (
            evidence.frame.scope == "tinh"
            and district_subject
            and not re.search(_WHOLE_PROVINCE, sentence_f)
        ):
            return level * rules.district_for_province, ""  # a district's figure
    return level, ""
