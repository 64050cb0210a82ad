"""Vietnamese typed in the old TCVN3 and VNI font encodings, back to Unicode."""

from __future__ import annotations

import unicodedata

import pytest

from ingest.legacy_encoding import detect, font_encoding, from_unicode, to_unicode

SENTENCE = "Huyện Đình Lập có 6 xã đạt chuẩn nông thôn mới; bình quân mỗi xã đạt 16,6 tiêu chí."
# The sentence as the two encodings store it, byte by byte (TCVN 5712:1993 VN3 and VNI charts).
TCVN3_BYTES = (
    b"Huy\xd6n \xa7\xd7nh L\xcbp c\xe3 6 x\xb7 \xae\xb9t chu\xc8n n\xabng th\xabn m\xedi; "
    b"b\xd7nh qu\xa9n m\xe7i x\xb7 \xae\xb9t 16,6 ti\xaau ch\xdd."
)
VNI_BYTES = (
    b"Huye\xe4n \xd1\xecnh La\xe4p co\xf9 6 xa\xf5 \xf1a\xeft chua\xe5n no\xe2ng tho\xe2n "
    b"m\xf4\xf9i; b\xecnh qua\xe2n mo\xe3i xa\xf5 \xf1a\xeft 16,6 tie\xe2u ch\xed."
)
# every vowel with no tone and each of the five, and đ
ALL_LETTERS = (
    " ".join(
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in "aăâeêioôơuưy"
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
    + " đ Đ"
)


@pytest.mark.parametrize(("encoding", "raw"), [("tcvn3", TCVN3_BYTES), ("vni", VNI_BYTES)])
def test_a_full_sentence_in_each_legacy_encoding_is_detected_and_converted(encoding, raw):
    assert detect(raw) == encoding
    assert to_unicode(raw, encoding) == SENTENCE
    # the same garbage as a Western reading gives it (a DOCX run, a text pasted into UTF-8)
    garbled = raw.decode("cp1252")
    assert detect(garbled) == encoding
    assert to_unicode(garbled, encoding) == SENTENCE


def test_the_well_known_garbled_forms_read_as_vietnamese():
    assert to_unicode("N«ng th«n míi", detect("N«ng th«n míi")) == "Nông thôn mới"
    assert to_unicode("Noâng thoân môùi", detect("Noâng thoân môùi")) == "Nông thôn mới"
    motto = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"
    assert (
        to_unicode("Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc", "tcvn3")
        == motto
    )
    assert (
        to_unicode(
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc", "vni"
        )
        == motto
    )


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_toned_letter_survives_a_round_trip(encoding):
    assert to_unicode(from_unicode(ALL_LETTERS, encoding), encoding) == ALL_LETTERS


def test_vni_upper_case_round_trips_and_tcvn3_h_fonts_are_upper_case():
    upper = "HUYỆN ĐÌNH LẬP ĐẠT CHUẨN NÔNG THÔN MỚI"
    assert to_unicode(from_unicode(upper, "vni"), "vni") == upper
    assert to_unicode(from_unicode(upper, "tcvn3"), "tcvn3", upper=True) == upper


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        unicodedata.normalize("NFD", SENTENCE),
        ALL_LETTERS,
        "The commune reached 15 criteria in 2019.",
        "Café, résumé and naïve façades in Zürich; Größe über alles.",
        "Hội nghị — “Nông thôn mới” © 2020 · 35,91% ± 0,5 °C",
    ],
)
def test_unicode_and_other_languages_are_never_converted(text):
    assert detect(text) is None
    assert detect(text.encode("utf-8")) is None


def test_font_names_tell_the_encoding():
    assert [
        font_encoding(f) for f in (".VnTime", ".VnArialH", "VNI-Times", "Times New Roman", None)
    ] == [
        "tcvn3",
        "tcvn3",
        "vni",
        None,
        None,
    ]
