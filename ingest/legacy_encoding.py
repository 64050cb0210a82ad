"""Vietnamese text typed in the 8-bit font encodings of the 1990s, back to Unicode (pure).

Before Unicode, Vietnamese offices typed in fonts that drew Vietnamese letters at the places
of Western ones: TCVN3 (TCVN 5712:1993 VN3, the ".VnTime" fonts of the ABC keyboard) and
VNI-Windows (the "VNI-Times" fonts). Read as Unicode such text is garbage: TCVN3 "N«ng th«n
míi", VNI "Noâng thoân môùi" for "Nông thôn mới". :func:`detect` tells which encoding a text
was typed in (None for real Unicode or other languages) and :func:`to_unicode` converts it.

Both accept the raw bytes of a file or the text a Western reading gave (a DOCX run in a
legacy font holds the Windows-1252 reading of the bytes).

Usage::

    detect("N«ng th«n míi")             # 'tcvn3'
    to_unicode("N«ng th«n míi", "tcvn3")  # 'Nông thôn mới'
    font_encoding(".VnTimeH")           # 'tcvn3' (an upper-case 'H' font)
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (VN3): one byte per letter, tone included. The standard fonts hold lower-case toned
# letters and the seven upper-case base letters; upper case toned letters are the same bytes
# in an 'H' font (.VnTimeH).
_TCVN3 = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
}
# each vowel's five tones in the chart's order: grave, hook, tilde, acute, dot below
for _codes, _letters in (
    ((0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "àảãáạ"),
    ((0xBB, 0xBC, 0xBD, 0xBE, 0xC6), "ằẳẵắặ"),
    ((0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "ầẩẫấậ"),
    ((0xCC, 0xCE, 0xCF, 0xD0, 0xD1), "èẻẽéẹ"),
    ((0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "ềểễếệ"),
    ((0xD7, 0xD8, 0xDC, 0xDD, 0xDE), "ìỉĩíị"),
    ((0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "òỏõóọ"),
    ((0xE5, 0xE6, 0xE7, 0xE8, 0xE9), "ồổỗốộ"),
    ((0xEA, 0xEB, 0xEC, 0xED, 0xEE), "ờởỡớợ"),
    ((0xEF, 0xF1, 0xF2, 0xF3, 0xF4), "ùủũúụ"),
    ((0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "ừửữứự"),
    ((0xFA, 0xFB, 0xFC, 0xFD, 0xFE), "ỳỷỹýỵ"),
):
    _TCVN3.update(zip(_codes, _letters, strict=True))

# VNI-Windows: a base letter followed by a mark byte (circumflex, breve, tone, or both), and
# single bytes for ơ ư đ and the toned i. Marks become combining characters; NFC composes.
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_LOWER = {
    0xF9: _ACUTE,  # ù
    0xF8: _GRAVE,  # ø
    0xFB: _HOOK,  # û
    0xF5: _TILDE,  # õ
    0xEF: _DOT,  # ï
    0xE2: _CIRCUMFLEX,  # â
    0xE1: _CIRCUMFLEX + _ACUTE,  # á
    0xE0: _CIRCUMFLEX + _GRAVE,  # à
    0xE5: _CIRCUMFLEX + _HOOK,  # å
    0xE3: _CIRCUMFLEX + _TILDE,  # ã
    0xE4: _CIRCUMFLEX + _DOT,  # ä
    0xEA: _BREVE,  # ê
    0xE9: _BREVE + _ACUTE,  # é
    0xE8: _BREVE + _GRAVE,  # è
    0xFA: _BREVE + _HOOK,  # ú
    0xFC: _BREVE + _TILDE,  # ü
    0xEB: _BREVE + _DOT,  # ë
    0xF4: "ơ",  # ô
    0xF6: "ư",  # ö
    0xF1: "đ",  # ñ
    0xED: "í",
    0xEC: "ì",
    0xE6: "ỉ",  # æ
    0xF3: "ĩ",  # ó
    0xF2: "ị",  # ò
    0xEE: "ỵ",  # î
}
# the upper-case letters' marks sit 0x20 lower, as in Latin-1
_VNI = {code - 0x20: value.upper() for code, value in _VNI_LOWER.items()}
_VNI.update(_VNI_LOWER)

_TABLES = {"tcvn3": _TCVN3, "vni": _VNI}

# the vowel groups a Vietnamese syllable may have (tone marks aside)
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê "
    "ui uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu"
).split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
    r"(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")(?:ng|nh|ch|[cmnpt])?"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_EDGE = "\"'“”‘’()[]{}.,;:!?…-–—/*"


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: '.VnTime', '.VnArialH' -> 'tcvn3';
    'VNI-Times', 'VNI-Helve' -> 'vni'; None for any other font."""
    name = (font or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith(("vni-", "vni ", "vni_")):
        return "vni"
    return None


def is_upper_case_font(font: str | None) -> bool:
    """Whether a TCVN3 font draws its letters in upper case ('.VnTimeH', '.VnArialH')."""
    name = (font or "").strip()
    return name.lower().startswith(".vn") and name.endswith("H")


def _bytes_of(text: str) -> list[int | str]:
    """Each character's Windows-1252 byte, or the character itself when it has none."""
    out: list[int | str] = []
    for ch in text:
        try:
            out.append(ch.encode("cp1252")[0])
        except UnicodeEncodeError:
            out.append(ord(ch) if ord(ch) < 0x100 else ch)
    return out


def to_unicode(data: str | bytes, encoding: str, upper: bool = False) -> str:
    """``data`` typed in ``encoding`` ('tcvn3' or 'vni') as Unicode NFC text.

    Bytes outside the chart read as Windows-1252; characters that have no Windows-1252 byte
    (real Unicode letters) stay as they are. ``upper`` for text in a TCVN3 'H' font.
    """
    table = _TABLES[encoding]
    units = list(data) if isinstance(data, bytes) else _bytes_of(data)
    out: list[str] = []
    for unit in units:
        if isinstance(unit, str):
            out.append(unit)
        elif unit in table:
            out.append(table[unit])
        elif unit < 0x80:
            out.append(chr(unit))
        else:
            out.append(
                bytes([unit]).decode("cp1252", errors="replace").replace("\ufffd", chr(unit))
            )
    text = unicodedata.normalize("NFC", "".join(out))
    return text.upper() if upper else text


def from_unicode(text: str, encoding: str) -> bytes:
    """``text`` typed in ``encoding``: the inverse of :func:`to_unicode`, for tests and tools.

    Upper-case toned letters have no TCVN3 byte outside the 'H' fonts; they come out in lower
    case there. Characters with no byte in the chart or in Windows-1252 become '?'.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        reverse = {letter: code for code, letter in _TCVN3.items()}
        out = bytearray()
        for ch in text:
            code = reverse.get(ch, reverse.get(ch.lower()))
            out += bytes([code]) if code is not None else ch.encode("cp1252", errors="replace")
        return bytes(out)
    singles = {v: k for k, v in _VNI.items() if len(v) == 1 and unicodedata.combining(v) == 0}
    marks = {v: k for k, v in _VNI_LOWER.items() if unicodedata.combining(v[0])}
    out = bytearray()
    for ch in text:
        if ch in singles:
            out.append(singles[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, rest = parts[0], parts[1:]
        if rest.startswith("\u031b"):  # horn: ơ ư are letters of their own in VNI
            base, rest = unicodedata.normalize("NFC", base + "\u031b"), rest[1:]
        if base in singles:
            out.append(singles[base])
        else:
            out += base.encode("cp1252", errors="replace")
        if rest:
            # the hat first, then the tone (NFD puts a dot below before the hat)
            mark = "".join(sorted(rest, key=lambda m: m in _TONES))
            code = marks.get(mark)
            if code is not None and base.isupper():
                code -= 0x20
            out += bytes([code]) if code is not None else b"?"
    return bytes(out)


def _valid_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE.fullmatch(bare))


def _score(text: str) -> tuple[int, int]:
    """(words with a non-ASCII letter, those of them that are Vietnamese syllables)."""
    words = [w.strip(_EDGE) for w in text.split()]
    marked = [w for w in words if w and not w.isascii()]
    return len(marked), sum(1 for w in marked if _valid_syllable(w))


def detect(data: str | bytes) -> str | None:
    """'tcvn3' or 'vni' when ``data`` reads as Vietnamese only in that legacy encoding.

    Bytes that are valid UTF-8 are judged by their text. Unicode Vietnamese, English and
    other languages give None: a conversion must turn most garbled words into Vietnamese
    syllables, and at least two of them, before it is believed.
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    text = data if isinstance(data, str) else None
    if text is not None and text.isascii():
        return None
    if text is not None:
        marked, valid = _score(text)
        if marked and valid >= 0.6 * marked:
            return None  # already reads as Vietnamese (or as nothing a chart would fix)
    best, best_valid = None, 0
    for encoding in _TABLES:
        marked, valid = _score(to_unicode(data, encoding))
        if marked and valid >= 2 and valid >= 0.8 * marked and valid > best_valid:
            best, best_valid = encoding, valid
    return best
