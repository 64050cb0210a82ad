"""Deterministic generator of synthetic Vietnamese NTM documents and a matching question set.

    .venv/bin/python benchmarks/synth/generate.py --out DIR --seed N [--districts 60]
        [--near-identical 300]

writes ``DIR/docs/syn_NNNN.txt`` (UTF-8, NFC) and ``DIR/questions.jsonl`` (the format of
eval/FORMAT.md), to tune (seed 1) and to hold-out test (seed 2) the answerer. Only the standard
library and the project's gazetteer (``base.places``) are used; the same seed always gives the
same bytes.

Documents (news and report style, with web-page debris, varied dates and phrasings):

* district reports: ``--districts`` districts x 3 consecutive years, each stating several
  yearly figures (communes at the NTM standard as a total and as the year's increment, NTM
  nâng cao / kiểu mẫu, criteria per commune, share, OCOP, income, poverty, roads, investment),
  targets, people with their titles and recognition decisions;
* ``--near-identical`` short templated district articles (2-4 figures each);
* province summaries that also give figures of several districts, and national summaries;
* post-2025 merged communes ("xã Tân Hòa, tỉnh Phú Thọ", no district level).

Every figure comes from a time series per place, so all documents agree with each other. Every
figure written into a text is recorded as a ``Mention`` (document, place, year, indicator,
rendered text, sentence). Questions are built from these records, never by parsing the text.
``self_check`` runs at the end and raises on any failure: the records are in their documents
and consistent, every pattern compiles and matches the reference answer and the source
text, sources are exactly the documents stating the answer, and what unanswerable questions ask
is truly absent.

Splits: odd seeds draw their places from one fixed half of the provinces (and of the commune
names, given names and post-2025 provinces), even seeds from the other half. About a quarter of
the phrasings (every template whose index in its list is 3 mod 4) are reserved for even seeds.
So with seed 1 (tuning) and seed 2 (held-out) no place, number or reserved phrasing of the
held-out split is seen while tuning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import string
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from base.places import DISTRICTS_BY_PROVINCE, PROVINCES, PROVINCES_2025  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """'Đình Lập' -> 'Dinh Lap' (case kept)."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return nfc("".join(ch for ch in text if unicodedata.category(ch) != "Mn"))


def fold(text: str) -> str:
    return strip_diacritics(text).lower()


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def vn_num(value: float, decimals: int = 0) -> str:
    """Vietnamese number: '1.234,5'; trailing decimal zeros dropped ('17,0' -> '17')."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def canon_number(text: str) -> str:
    """A rendered number without zero padding: '06' -> '6'."""
    head, sep, tail = text.partition(",")
    if "." not in head and len(head) > 1:
        head = head.lstrip("0") or "0"
    return head + sep + tail


def number_pattern(text: str) -> str:
    """Regex for a rendered number, tolerant of separators: '1.234,5' -> 1[.,\\s]?234[,.]5."""
    head, _, decimals = canon_number(text).partition(",")
    digits = head.replace(".", "")
    first = len(digits) % 3 or 3
    groups = [digits[:first]] + [digits[i : i + 3] for i in range(first, len(digits), 3)]
    body = r"[.,\s]?".join(groups)
    if len(digits) == 1:
        body = "0?" + body
    if decimals:
        return rf"(?<![\d.,]){body}[,.]{decimals}(?!\d)"
    return rf"(?<![\d.,]){body}(?![\d]|[.,]\d)"


_LETTER_CLASSES = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def name_pattern(name: str) -> str:
    """Accent-tolerant regex for a name: 'Lê Văn An' matches 'Le Van An' and 'LÊ VĂN AN'."""
    parts = []
    for ch in name:
        if ch.isspace():
            parts.append(r"\s+")
            continue
        base = fold(ch)
        parts.append(f"[{_LETTER_CLASSES[base]}]" if base in _LETTER_CLASSES else re.escape(ch))
    return r"\b" + "".join(parts) + r"\b"


def decision_pattern(number: int) -> str:
    return rf"(?<!\d){number}\s*/\s*Q[ĐD]"


def word_regex(name: str) -> re.Pattern:
    """Finds a place name in folded text, as whole words."""
    return re.compile(r"(?<![a-z0-9])" + re.escape(fold(name)) + r"(?![a-z0-9])")


def year_regex(year: int) -> re.Pattern:
    return re.compile(rf"(?<!\d){year}(?!\d)")


# ---------------------------------------------------------------------------------------------
# Phrasings
# ---------------------------------------------------------------------------------------------


class Phrasebook:
    """Chooses among template lists. Templates at index 3 mod 4 are reserved for the held-out
    (even) seeds, which also favour them; tuning (odd) seeds never use them."""

    def __init__(self, rng: random.Random, heldout: bool) -> None:
        self.rng = rng
        self.heldout = heldout

    def pick(self, options: Sequence, allow: Callable[[str], bool] | None = None):
        idx = [
            i
            for i in range(len(options))
            if (self.heldout or i % 4 != 3) and (allow is None or allow(options[i]))
        ]
        if not idx:
            raise ValueError(f"no usable template among {options!r}")
        weights = [3 if (self.heldout and i % 4 == 3) else 1 for i in idx]
        return options[self.rng.choices(idx, weights)[0]]


# Vietnamese names ----------------------------------------------------------------------------

FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Hà", "Tạ", "Trịnh", "Mai", "Cao", "Lưu",
    "Triệu", "Đoàn", "Lâm", "Chu", "Nông", "Kiều",
]  # fmt: skip
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "Xuân", "Công", "Thế",
               "Đình", "Mạnh", "Tiến", "Trọng", "Anh", "Bá"]  # fmt: skip
MIDDLE_FEMALE = ["Thị", "Thu", "Hồng", "Kim", "Thanh", "Ngọc", "Bích", "Thúy", "Minh", "Diệu"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Lâm", "Long", "Nam", "Phong", "Quân",
    "Sơn", "Thắng", "Tuấn", "Vinh", "Trung", "Thành", "Hiếu", "Lộc", "Toàn", "Định", "Chiến",
    "Huy", "Kiên", "Mạnh", "Nghĩa", "Phúc", "Tài", "Thịnh", "Tú", "Việt", "Hưng", "Đạt",
    "Hoàng", "Khải", "Luân", "Quyết", "Tâm", "Thuận", "Cảnh", "Điệp",
]  # fmt: skip
GIVEN_FEMALE = [
    "Hà", "Hoa", "Lan", "Mai", "Hương", "Thảo", "Yến", "Hạnh", "Dung", "Nga", "Oanh", "Phượng",
    "Thủy", "Trang", "Vân", "Loan", "Liên", "Huyền", "Nhung", "Hằng", "Xuyến", "Duyên",
]  # fmt: skip

COMMUNE_FIRST = [
    "Tân", "Hòa", "Phú", "An", "Bình", "Đông", "Tây", "Nam", "Bắc", "Thạnh", "Hưng", "Vĩnh",
    "Quang", "Minh", "Thuận", "Đức", "Xuân", "Trung", "Yên", "Hợp", "Thượng", "Long", "Phước",
    "Mỹ", "Thái", "Hồng", "Kim", "Ngọc", "Cẩm", "Sơn", "Thanh", "Quảng", "Tiên", "Lạc", "Gia",
    "Phúc", "Nghĩa", "Hiệp", "Đại", "Tam",
]  # fmt: skip
COMMUNE_SECOND = [
    "Lập", "Hòa", "Bình", "Thịnh", "An", "Phong", "Lợi", "Tiến", "Thành", "Hưng", "Phát", "Lộc",
    "Xuân", "Sơn", "Hải", "Đông", "Tây", "Trung", "Mỹ", "Quý", "Khánh", "Thủy", "Tân", "Yên",
    "Nghĩa", "Hiệp", "Thuận", "Đạt", "Vinh", "Long", "Cường", "Phú", "Điền", "Kiều", "Lâm",
    "Định", "Hà", "Châu", "Liên", "Tường",
]  # fmt: skip

# The five centrally-run cities have few rural districts; they are left out.
BIG_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
# Cities and towns (thành phố, thị xã) and island districts of the gazetteer: a "huyện" report
# about them would read wrong, so they are not used.
URBAN_OR_ISLAND = set(
    "Vĩnh Yên|Phúc Yên|Bắc Ninh|Từ Sơn|Hải Dương|Chí Linh|Kinh Môn|Hưng Yên|Mỹ Hào|Thái Bình|"
    "Phủ Lý|Duy Tiên|Nam Định|Ninh Bình|Tam Điệp|Hạ Long|Cẩm Phả|Móng Cái|Uông Bí|Đông Triều|"
    "Quảng Yên|Cô Tô|Hà Giang|Cao Bằng|Bắc Kạn|Tuyên Quang|Lào Cai|Sa Pa|Yên Bái|Nghĩa Lộ|"
    "Thái Nguyên|Sông Công|Phổ Yên|Lạng Sơn|Bắc Giang|Việt Yên|Chũ|Việt Trì|Phú Thọ|"
    "Điện Biên Phủ|Mường Lay|Lai Châu|Sơn La|Hòa Bình|Thanh Hóa|Sầm Sơn|Bỉm Sơn|Nghi Sơn|Vinh|"
    "Cửa Lò|Hoàng Mai|Thái Hòa|Hà Tĩnh|Hồng Lĩnh|Kỳ Anh|Đồng Hới|Ba Đồn|Đông Hà|Quảng Trị|"
    "Cồn Cỏ|Huế|Hương Thủy|Hương Trà|Thuận Hóa|Phú Xuân|Tam Kỳ|Hội An|Điện Bàn|Quảng Ngãi|"
    "Đức Phổ|Lý Sơn|Quy Nhơn|An Nhơn|Hoài Nhơn|Tuy Hòa|Sông Cầu|Đông Hòa|Nha Trang|Cam Ranh|"
    "Ninh Hòa|Trường Sa|Phan Rang - Tháp Chàm|Phan Thiết|La Gi|Phú Quý|Kon Tum|Pleiku|An Khê|"
    "Ayun Pa|Buôn Ma Thuột|Buôn Hồ|Gia Nghĩa|Đà Lạt|Bảo Lộc|Đồng Xoài|Bình Long|Phước Long|"
    "Chơn Thành|Tây Ninh|Hòa Thành|Trảng Bàng|Thủ Dầu Một|Thuận An|Dĩ An|Tân Uyên|Bến Cát|"
    "Biên Hòa|Long Khánh|Vũng Tàu|Bà Rịa|Phú Mỹ|Côn Đảo|Tân An|Kiến Tường|Mỹ Tho|Gò Công|"
    "Cai Lậy|Bến Tre|Trà Vinh|Duyên Hải|Vĩnh Long|Bình Minh|Cao Lãnh|Sa Đéc|Hồng Ngự|"
    "Long Xuyên|Châu Đốc|Tân Châu|Tịnh Biên|Rạch Giá|Hà Tiên|Phú Quốc|Kiên Hải|Vị Thanh|Ngã Bảy|"
    "Long Mỹ|Sóc Trăng|Ngã Năm|Vĩnh Châu|Bạc Liêu|Giá Rai|Cà Mau".split("|")
)
# Post-2025 centrally-run cities ("thành phố", not "tỉnh"); merged communes are placed elsewhere.
CITIES_2025 = BIG_CITIES | {"Huế"}

# Document templates: district reports --------------------------------------------------------
# Fields: {d} district, {p} province, {y} year, {py}/{ny} previous/next year, {when} as-of phrase
# ("đến hết năm 2021"), {during} period phrase ("năm 2021"), figures ({total}, {n}, {inc},
# {share}, {nc}, {kmau}, {avg}, {ocop}, {ocop4}, {ocop3}, {ocop_new}, {income}, {poverty},
# {poor}, {km}, {invest}, {invest_state}, {ptotal}, {pincome}, {ppoverty}, deltas), targets
# ({t_inc}, {t_total}, {t_income}), people ({p1}, {p2}) and decisions.

TOTAL_INC = [
    "{during}, toàn huyện có thêm {inc} xã được công nhận đạt chuẩn nông thôn mới, nâng tổng số xã đạt chuẩn lên {total}/{n} xã.",
    "{during}, huyện {d} có thêm {inc} xã đạt chuẩn NTM; lũy kế đến nay toàn huyện có {total} xã đạt chuẩn trên tổng số {n} xã.",
    "{when}, toàn huyện có {total}/{n} xã đạt chuẩn nông thôn mới, trong đó {inc} xã được công nhận {during}.",
    "Kết quả, {inc} xã về đích nông thôn mới {during}, nâng tổng số xã đạt chuẩn của huyện lên {total} xã.",
    "Số xã đạt chuẩn NTM của huyện tăng từ {ptotal} xã năm {py} lên {total}/{n} xã, tức là có thêm {inc} xã {during}.",
    "Toàn huyện hiện có {total} trên tổng số {n} xã đạt chuẩn NTM, tăng {inc} xã so với cuối năm {py}.",
    "Lũy kế đến nay, {total} xã của huyện đã đạt chuẩn nông thôn mới; riêng {during} có thêm {inc} xã được UBND tỉnh công nhận.",
    "{during}, huyện đã có thêm {inc} xã hoàn thành đủ 19/19 tiêu chí, đưa số xã đạt chuẩn nông thôn mới lên {total} xã.",
]
TOTAL_ONLY = [
    "{when}, toàn huyện có {total}/{n} xã đạt chuẩn nông thôn mới.",
    "Lũy kế {when}, huyện có {total} xã đạt chuẩn NTM trên tổng số {n} xã.",
    "Hiện toàn huyện đã có {total} trên tổng số {n} xã được công nhận đạt chuẩn nông thôn mới.",
    "Tổng số xã đạt chuẩn nông thôn mới của huyện {when} là {total} xã.",
    "{when}, số xã đạt chuẩn NTM của huyện {d} đã lên {total}/{n} xã.",
    "Huyện {d} đã nâng tổng số xã đạt chuẩn nông thôn mới lên {total} xã ({when}).",
]
TOTAL_SHARE = [
    "{when}, toàn huyện có {total}/{n} xã đạt chuẩn nông thôn mới, chiếm {share}%.",
    "Huyện có {total} trên tổng số {n} xã đạt chuẩn NTM, chiếm tỷ lệ {share}%.",
    "Lũy kế đến nay có {total}/{n} xã đạt chuẩn, đạt tỷ lệ {share}% số xã.",
    "{when}, {total} xã của huyện đạt chuẩn nông thôn mới (chiếm {share}% tổng số xã).",
    "Số xã đạt chuẩn nông thôn mới {when} là {total}/{n} xã, bằng {share}% tổng số xã toàn huyện.",
]
TOTAL_NC_KMAU = [
    "{when}, toàn huyện có {total}/{n} xã đạt chuẩn NTM, {nc} xã đạt chuẩn NTM nâng cao, {kmau} xã đạt chuẩn NTM kiểu mẫu.",
    "Lũy kế đến nay, huyện có {total} xã đạt chuẩn nông thôn mới, trong đó {nc} xã đạt chuẩn nâng cao và {kmau} xã đạt chuẩn kiểu mẫu.",
    "Toàn huyện hiện có {total}/{n} xã đạt chuẩn, {nc} xã đạt chuẩn nâng cao; số xã đạt chuẩn kiểu mẫu là {kmau}.",
    "{when}, huyện {d} có {total} xã đạt chuẩn nông thôn mới ({nc} xã nâng cao, {kmau} xã kiểu mẫu).",
    "Đến nay, {total} trên tổng số {n} xã đạt chuẩn NTM; {nc} xã được công nhận đạt chuẩn NTM nâng cao và {kmau} xã đạt chuẩn NTM kiểu mẫu.",
]
INC_ONLY = [
    "{during}, có thêm {inc} xã được công nhận đạt chuẩn nông thôn mới.",
    "Riêng {during}, huyện có {inc} xã về đích nông thôn mới.",
    "{during}, {inc} xã của huyện hoàn thành các tiêu chí và được công nhận đạt chuẩn.",
    "So với cuối năm {py}, số xã đạt chuẩn tăng thêm {inc} xã.",
    "{during}, UBND tỉnh đã công nhận thêm {inc} xã của huyện đạt chuẩn NTM.",
    "Số xã được công nhận mới {during} là {inc} xã.",
]
SHARE = [
    "Tỷ lệ xã đạt chuẩn nông thôn mới của huyện đạt {share}%.",
    "Số xã đạt chuẩn chiếm {share}% tổng số xã trên địa bàn.",
    "Như vậy, {share}% số xã của huyện đã về đích nông thôn mới.",
    "Tỷ lệ xã đạt chuẩn NTM toàn huyện hiện là {share}%, cao hơn mức bình quân chung của tỉnh.",
    "Với kết quả này, tỷ lệ xã đạt chuẩn của huyện lên {share}%.",
    "Hiện tỷ lệ xã đạt chuẩn nông thôn mới trên địa bàn huyện là {share}%.",
]
NC_KMAU = [
    "Trong số các xã đạt chuẩn, có {nc} xã đạt chuẩn NTM nâng cao và {kmau} xã đạt chuẩn NTM kiểu mẫu.",
    "Huyện hiện có {nc} xã đạt chuẩn nông thôn mới nâng cao, {kmau} xã đạt chuẩn nông thôn mới kiểu mẫu.",
    "Về xây dựng NTM nâng cao, kiểu mẫu, toàn huyện đã có {nc} xã đạt chuẩn nâng cao, {kmau} xã đạt chuẩn kiểu mẫu.",
    "Đáng chú ý, {nc} xã đã được công nhận đạt chuẩn NTM nâng cao, trong đó {kmau} xã đạt chuẩn NTM kiểu mẫu.",
    "Số xã đạt chuẩn NTM nâng cao là {nc} xã; số xã đạt chuẩn NTM kiểu mẫu là {kmau} xã.",
]
NC_ONLY = [
    "Toàn huyện có {nc} xã đạt chuẩn nông thôn mới nâng cao.",
    "Đã có {nc} xã được công nhận đạt chuẩn NTM nâng cao.",
    "Về xây dựng nông thôn mới nâng cao, huyện có {nc} xã đạt chuẩn.",
    "Số xã đạt chuẩn NTM nâng cao của huyện là {nc} xã.",
]
KMAU_ONLY = [
    "Huyện có {kmau} xã đạt chuẩn nông thôn mới kiểu mẫu.",
    "Đã có {kmau} xã được công nhận đạt chuẩn NTM kiểu mẫu.",
    "Về xây dựng xã kiểu mẫu, toàn huyện có {kmau} xã đạt chuẩn.",
    "Số xã đạt chuẩn NTM kiểu mẫu của huyện là {kmau} xã.",
]
AVG = [
    "Bình quân mỗi xã đạt {avg} tiêu chí.",
    "Số tiêu chí bình quân đạt được của mỗi xã là {avg} tiêu chí/xã.",
    "Bình quân toàn huyện đạt {avg} tiêu chí/xã, tăng {avg_delta} tiêu chí so với năm {py}.",
    "Các xã trên địa bàn huyện đạt bình quân {avg} tiêu chí.",
    "Về mức độ đạt tiêu chí, bình quân mỗi xã của huyện đạt {avg} tiêu chí, không còn xã dưới {low} tiêu chí.",
    "Số tiêu chí bình quân mỗi xã là {avg}, cao hơn bình quân chung của tỉnh.",
]
OCOP = [
    "Toàn huyện có {ocop} sản phẩm OCOP, trong đó {ocop4} sản phẩm đạt 4 sao.",
    "Chương trình OCOP được triển khai hiệu quả, đến nay huyện có {ocop} sản phẩm đạt chuẩn OCOP từ 3 sao trở lên ({ocop4} sản phẩm 4 sao).",
    "Về chương trình Mỗi xã một sản phẩm, huyện đã có {ocop} sản phẩm được công nhận, gồm {ocop3} sản phẩm 3 sao và {ocop4} sản phẩm 4 sao.",
    "Số sản phẩm OCOP của huyện đạt {ocop} sản phẩm; {ocop4} sản phẩm được xếp hạng 4 sao.",
    "Huyện {d} hiện có {ocop} sản phẩm OCOP được công nhận, phần lớn là nông sản chế biến và dược liệu.",
    "{during}, huyện có thêm {ocop_new} sản phẩm được công nhận OCOP, nâng tổng số lên {ocop} sản phẩm, trong đó có {ocop4} sản phẩm 4 sao.",
]
INCOME = [
    "Thu nhập bình quân đầu người đạt {income} triệu đồng/người/năm.",
    "Thu nhập bình quân của người dân khu vực nông thôn đạt {income} triệu đồng/năm.",
    "Đời sống người dân từng bước được nâng lên, thu nhập bình quân đầu người năm {y} ước đạt {income} triệu đồng.",
    "Thu nhập bình quân đầu người tăng từ {pincome} triệu đồng năm {py} lên {income} triệu đồng/người/năm.",
    "Mức thu nhập bình quân đầu người trên địa bàn huyện đạt {income} triệu đồng, tăng {income_delta} triệu đồng so với năm trước.",
    "Bình quân thu nhập đầu người ở nông thôn đạt {income} triệu đồng/người/năm.",
]
POVERTY = [
    "Tỷ lệ hộ nghèo đa chiều còn {poverty}%.",
    "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm xuống còn {poverty}%.",
    "Tỷ lệ hộ nghèo đa chiều giảm từ {ppoverty}% năm {py} xuống còn {poverty}%.",
    "Toàn huyện còn {poor} hộ nghèo, chiếm tỷ lệ {poverty}%.",
    "Công tác giảm nghèo đạt kết quả tích cực, tỷ lệ hộ nghèo đa chiều của huyện còn {poverty}%, giảm {poverty_delta}% so với năm {py}.",
    "Tỷ lệ hộ nghèo đa chiều của huyện ở mức {poverty}%.",
]
KM = [
    "{during}, huyện đã xây dựng, nâng cấp {km} km đường giao thông nông thôn.",
    "Nhân dân hiến đất, góp công, cùng với nguồn vốn các cấp, huyện đã bê tông hóa {km} km đường giao thông nông thôn {during}.",
    "Huyện đã làm mới, sửa chữa {km} km đường trục thôn, ngõ xóm {during}.",
    "Về hạ tầng, {during} toàn huyện cứng hóa được {km} km đường giao thông.",
    "Hệ thống giao thông tiếp tục được đầu tư, với {km} km đường được xây mới và nâng cấp {during}.",
]
INVEST = [
    "{during}, toàn huyện huy động được {invest} tỷ đồng để xây dựng nông thôn mới.",
    "Tổng vốn huy động thực hiện Chương trình {during} là {invest} tỷ đồng, trong đó vốn ngân sách nhà nước {invest_state} tỷ đồng.",
    "Kinh phí huy động để thực hiện các tiêu chí {during} đạt {invest} tỷ đồng.",
    "Tổng nguồn lực đầu tư cho xây dựng nông thôn mới {during} ước đạt {invest} tỷ đồng.",
    "Nguồn lực huy động cho Chương trình {during} đạt {invest} tỷ đồng, vượt kế hoạch đề ra.",
]
KM_INVEST = [
    "Tổng nguồn lực huy động cho xây dựng nông thôn mới {during} đạt {invest} tỷ đồng; trong đó đã cứng hóa {km} km đường giao thông.",
    "Các nguồn lực được huy động với tổng kinh phí {invest} tỷ đồng, đầu tư làm mới và nâng cấp {km} km đường giao thông.",
    "{during}, huyện huy động {invest} tỷ đồng, xây dựng và nâng cấp {km} km đường giao thông nông thôn.",
    "Với tổng vốn huy động {invest} tỷ đồng {during}, huyện đã đầu tư {km} km đường giao thông và nhiều công trình thiết yếu.",
]
TARGET_NEXT = [
    "Năm {ny}, huyện phấn đấu có thêm {t_inc} xã đạt chuẩn nông thôn mới.",
    "Mục tiêu năm {ny}, toàn huyện có thêm {t_inc} xã về đích nông thôn mới.",
    "Trong năm {ny}, huyện tập trung chỉ đạo để {t_inc} xã hoàn thành các tiêu chí, đạt chuẩn NTM.",
    "Kế hoạch năm {ny} đề ra là phấn đấu có thêm {t_inc} xã đạt chuẩn nông thôn mới.",
    "Huyện đăng ký năm {ny} có thêm {t_inc} xã được công nhận đạt chuẩn NTM.",
    "Chỉ tiêu năm {ny}: phấn đấu đưa thêm {t_inc} xã về đích nông thôn mới.",
]
TARGET_2025 = [
    "Phấn đấu đến năm 2025 có {t_total}/{n} xã đạt chuẩn NTM.",
    "Huyện đặt mục tiêu đến năm 2025 có {t_total} xã đạt chuẩn nông thôn mới và thu nhập bình quân đầu người đạt {t_income} triệu đồng.",
    "Mục tiêu đến năm 2025, toàn huyện có {t_total} xã đạt chuẩn nông thôn mới.",
    "Đến năm 2025, huyện phấn đấu thu nhập bình quân đầu người đạt {t_income} triệu đồng/người/năm.",
    "Giai đoạn đến năm 2025, huyện phấn đấu có {t_total} xã đạt chuẩn, thu nhập bình quân đầu người đạt {t_income} triệu đồng/năm.",
]
DECISION = [
    "Theo Quyết định số {dec_no} ngày {dec_date} của UBND tỉnh {p}, {communes} được công nhận đạt chuẩn NTM năm {y}.",
    "UBND tỉnh {p} đã ban hành Quyết định số {dec_no} ngày {dec_date} công nhận {communes} đạt chuẩn nông thôn mới.",
    "{communes} đã được UBND tỉnh công nhận đạt chuẩn nông thôn mới tại Quyết định số {dec_no} ngày {dec_date}.",
    "Quyết định số {dec_no} ngày {dec_date} của Chủ tịch UBND tỉnh {p} công nhận {communes} đạt chuẩn NTM năm {y} đã tạo động lực lớn cho các địa phương.",
]
CHAIR_PHRASES = [
    "đồng chí {name}, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện",
    "đồng chí {name} - Chủ tịch UBND huyện {d}",
    "{honor} {name}, Chủ tịch UBND huyện {d}",
    "{honor} {name} - Phó Bí thư Huyện ủy, Chủ tịch Ủy ban nhân dân huyện",
    "đồng chí {name}, Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện",
]
SECRETARY_PHRASES = [
    "đồng chí {name}, Bí thư Huyện ủy",
    "đồng chí {name} - Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy {d}",
    "đồng chí {name}, Tỉnh ủy viên, Bí thư Huyện ủy, Trưởng Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện",
    "{honor} {name}, Bí thư Huyện ủy {d}",
]
VICE_PHRASES = [
    "đồng chí {name}, Phó Chủ tịch UBND huyện",
    "{honor} {name} - Phó Chủ tịch UBND huyện, Phó Trưởng Ban Chỉ đạo",
    "đồng chí {name}, Huyện ủy viên, Phó Chủ tịch UBND huyện",
]
LEAD_YEAR_END = [
    "Ngày {date}, Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện {d} tổ chức hội nghị tổng kết công tác xây dựng nông thôn mới năm {y}, triển khai nhiệm vụ năm {ny}. {p1} chủ trì hội nghị.",
    "Sáng {date}, UBND huyện {d}, tỉnh {p} tổ chức hội nghị đánh giá kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}. Dự và chỉ đạo hội nghị có {p1}.",
    "Chiều {date}, Huyện ủy {d} tổ chức hội nghị sơ kết công tác lãnh đạo xây dựng nông thôn mới năm {y}. {p1} chủ trì hội nghị.",
    "Ngày {date}, huyện {d} (tỉnh {p}) tổ chức hội nghị tổng kết Chương trình xây dựng nông thôn mới năm {y} với sự tham dự của {p1}.",
    "Ngày {date}, UBND huyện {d} tổ chức hội nghị trực tuyến đến các xã, thị trấn để đánh giá kết quả xây dựng nông thôn mới năm {y}. {p1} chủ trì hội nghị.",
]
LEAD_H1 = [
    "Ngày {date}, UBND huyện {d} tổ chức hội nghị sơ kết công tác xây dựng nông thôn mới 6 tháng đầu năm {y}, triển khai nhiệm vụ 6 tháng cuối năm. {p1} chủ trì hội nghị.",
    "Sáng {date}, Ban Chỉ đạo xây dựng nông thôn mới huyện {d}, tỉnh {p} họp đánh giá kết quả 6 tháng đầu năm {y}. Dự họp có {p1}.",
    "Chiều {date}, huyện {d} tổ chức sơ kết giữa năm {y} về Chương trình mục tiêu quốc gia xây dựng nông thôn mới. {p1} chủ trì.",
    "Ngày {date}, {p1} chủ trì hội nghị sơ kết 6 tháng đầu năm {y} về xây dựng nông thôn mới của huyện {d}.",
]
LEAD_NOV = [
    "Chiều {date}, Thường trực Huyện ủy {d} làm việc với Ban Chỉ đạo xây dựng nông thôn mới huyện về tiến độ thực hiện các tiêu chí năm {y}. Tham dự buổi làm việc có {p1}.",
    "Ngày {date}, UBND huyện {d}, tỉnh {p} họp đánh giá tiến độ xây dựng nông thôn mới những tháng cuối năm {y}. {p1} chủ trì cuộc họp.",
    "Sáng {date}, {p1} kiểm tra tiến độ xây dựng nông thôn mới tại các xã đăng ký về đích năm {y} của huyện {d}.",
    "Ngày {date}, Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện {d} họp rà soát kết quả thực hiện các tiêu chí năm {y}, dưới sự chủ trì của {p1}.",
]
LEAD_NODATE = [
    "Năm {y}, dù còn nhiều khó khăn, huyện {d} (tỉnh {p}) vẫn tập trung lãnh đạo, chỉ đạo quyết liệt việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới và đạt được nhiều kết quả quan trọng.",
    "Theo báo cáo của UBND huyện {d}, tỉnh {p}, năm {y} công tác xây dựng nông thôn mới trên địa bàn tiếp tục được các cấp ủy, chính quyền quan tâm chỉ đạo.",
    "Năm {y}, huyện {d} xác định xây dựng nông thôn mới là nhiệm vụ trọng tâm, huy động sự vào cuộc của cả hệ thống chính trị.",
    "Bước sang năm {y}, phong trào xây dựng nông thôn mới ở huyện {d}, tỉnh {p} tiếp tục được triển khai đồng bộ, rộng khắp.",
]
LEAD_NODATE_H1 = [
    "6 tháng đầu năm {y}, huyện {d} (tỉnh {p}) tiếp tục triển khai đồng bộ các giải pháp xây dựng nông thôn mới.",
    "Theo báo cáo sơ kết 6 tháng đầu năm {y} của UBND huyện {d}, tỉnh {p}, phong trào xây dựng nông thôn mới tiếp tục có nhiều chuyển biến.",
    "Nửa đầu năm {y}, huyện {d} tập trung chỉ đạo các xã hoàn thiện hồ sơ, nâng cao chất lượng các tiêu chí nông thôn mới.",
]
CLOSING = [
    "Phát biểu kết luận hội nghị, {p2} đề nghị các xã tiếp tục nâng cao chất lượng các tiêu chí đã đạt, tập trung hoàn thành các tiêu chí còn thiếu, phát huy vai trò chủ thể của người dân.",
    "Theo {p2}, kết quả trên có được là nhờ sự vào cuộc quyết liệt của cả hệ thống chính trị và sự đồng thuận của Nhân dân.",
    "“Xây dựng nông thôn mới là nhiệm vụ thường xuyên, liên tục, có điểm khởi đầu nhưng không có điểm kết thúc”, {p2} nhấn mạnh.",
    "{p2} cho biết, thời gian tới huyện sẽ ưu tiên nguồn lực cho các xã đăng ký về đích, đồng thời chú trọng phát triển sản xuất, nâng cao đời sống cho người dân.",
    "Trao đổi với phóng viên, {p2} khẳng định công tác tuyên truyền, vận động là khâu then chốt để người dân đồng thuận hiến đất, góp công xây dựng hạ tầng nông thôn.",
]
FILLER = [
    "Phong trào xây dựng nông thôn mới đã nhận được sự hưởng ứng tích cực của các tầng lớp Nhân dân, nhiều hộ gia đình tự nguyện hiến đất, góp công làm đường giao thông.",
    "Hạ tầng kinh tế - xã hội khu vực nông thôn tiếp tục được đầu tư, bộ mặt nông thôn có nhiều đổi thay rõ nét.",
    "Công tác bảo vệ môi trường, xây dựng cảnh quan xanh - sạch - đẹp được các địa phương quan tâm thực hiện.",
    "Sản xuất nông nghiệp chuyển dịch theo hướng hàng hóa, ứng dụng công nghệ cao, gắn với liên kết tiêu thụ sản phẩm.",
    "Đời sống vật chất và tinh thần của người dân được nâng lên; an ninh trật tự khu vực nông thôn được giữ vững.",
    "Tuy nhiên, việc xây dựng nông thôn mới vẫn còn một số khó khăn, hạn chế như nguồn lực đầu tư còn hạn hẹp, một số tiêu chí chưa bền vững.",
    "Một số xã còn tư tưởng trông chờ, ỷ lại vào nguồn hỗ trợ của Nhà nước; việc huy động nguồn lực xã hội hóa còn gặp khó khăn.",
    "Các hợp tác xã, tổ hợp tác tiếp tục được củng cố, phát huy vai trò cầu nối giữa doanh nghiệp và nông dân.",
    "Công tác tuyên truyền được đổi mới về nội dung và hình thức, góp phần nâng cao nhận thức của cán bộ, đảng viên và Nhân dân.",
    "Nhiều mô hình sản xuất hiệu quả được nhân rộng, góp phần cải thiện đời sống của người dân.",
    "Các thiết chế văn hóa, thể thao cơ sở được đầu tư đồng bộ, đáp ứng nhu cầu sinh hoạt của Nhân dân.",
    "Chất lượng giáo dục, y tế ở khu vực nông thôn từng bước được cải thiện.",
    "Bên cạnh kết quả đạt được, tiến độ thực hiện một số tiêu chí như môi trường, tổ chức sản xuất còn chậm.",
    "Thời gian tới, huyện tiếp tục rà soát, đánh giá thực chất mức độ đạt các tiêu chí, không chạy theo thành tích.",
    "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” được triển khai sâu rộng tại các khu dân cư.",
]
TASKS_INTRO = [
    "Về nhiệm vụ thời gian tới, huyện tập trung chỉ đạo quyết liệt, huy động tối đa các nguồn lực.",
    "Để hoàn thành kế hoạch, huyện yêu cầu các phòng, ban, xã bám sát tiêu chí, phân công rõ người, rõ việc.",
    "Trên cơ sở kết quả đạt được, huyện đề ra các chỉ tiêu cụ thể cho giai đoạn tiếp theo.",
    "Ban Chỉ đạo huyện đã giao chỉ tiêu cụ thể cho từng xã, gắn với trách nhiệm người đứng đầu.",
]
TITLES_YEAR_END = [
    "Huyện {d} tổng kết công tác xây dựng nông thôn mới năm {y}",
    "{d} ({p}): Xây dựng nông thôn mới đạt nhiều kết quả quan trọng",
    "Nông thôn mới ở {d}: Vững bước trên chặng đường mới",
    "Huyện {d}: Nâng cao chất lượng các tiêu chí nông thôn mới",
    "{d} về đích nông thôn mới: Động lực từ sự đồng thuận của Nhân dân",
    "Huyện {d} triển khai nhiệm vụ xây dựng nông thôn mới năm {ny}",
    "Huyện {d} nâng tổng số xã đạt chuẩn nông thôn mới lên {total} xã",
    "Nhìn lại một năm xây dựng nông thôn mới ở huyện {d}",
]
TITLES_H1 = [
    "Huyện {d} sơ kết 6 tháng đầu năm {y} về xây dựng nông thôn mới",
    "{d}: Nông thôn mới 6 tháng đầu năm có nhiều chuyển biến",
    "Huyện {d} đẩy nhanh tiến độ xây dựng nông thôn mới nửa cuối năm",
    "{d} ({p}) sơ kết giữa năm chương trình nông thôn mới",
]
TITLES_NOV = [
    "Huyện {d} đẩy nhanh tiến độ xây dựng nông thôn mới những tháng cuối năm {y}",
    "{d}: Nước rút hoàn thành các tiêu chí nông thôn mới",
    "Huyện {d} rà soát các xã đăng ký về đích nông thôn mới",
    "{d} ({p}) tăng tốc về đích nông thôn mới",
]
REPORT_HEAD = [
    "BÁO CÁO\nKết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y} trên địa bàn huyện {d}",
    "BÁO CÁO\nTình hình thực hiện Chương trình MTQG xây dựng nông thôn mới huyện {d}, tỉnh {p} năm {y}",
    "BÁO CÁO TÓM TẮT\nKết quả xây dựng nông thôn mới huyện {d} năm {y}",
]
REPORT_HEAD_H1 = [
    "BÁO CÁO\nSơ kết 6 tháng đầu năm {y} thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới huyện {d}",
    "BÁO CÁO\nKết quả xây dựng nông thôn mới 6 tháng đầu năm {y} huyện {d}, tỉnh {p}",
]
REPORT_PERSON = [
    "Dưới sự chỉ đạo trực tiếp của {p1}, các phòng, ban và UBND các xã đã triển khai đồng bộ các nhiệm vụ.",
    "Ban Chỉ đạo huyện do {p1} làm Trưởng ban đã ban hành kế hoạch và phân công thành viên phụ trách từng xã.",
    "Công tác chỉ đạo, điều hành được {p1} trực tiếp đôn đốc, kiểm tra định kỳ hằng tháng.",
]
AUTHORS = ["Minh Anh", "Thu Hà", "Quang Huy (CTV)", "PV", "Hồng Nhung", "Văn Tuấn - Thanh Mai",
           "Bảo Ngọc", "Trung Kiên", "Phương Linh", "Nhóm PV"]  # fmt: skip
TOP_DEBRIS = [
    "Trang chủ > Tin tức > Nông thôn mới",
    "Trang chủ | Tin tức - Sự kiện | Xây dựng nông thôn mới",
    "Đăng nhập | Đăng ký",
    "Chế độ ban đêm In trang Xuất PDF Đọc nội dung",
    "Cỡ chữ: A- A A+",
    "Chia sẻ",
    "Facebook Zalo Email",
    "Skip to main content",
    "Tìm kiếm",
]
BOTTOM_DEBRIS = [
    "Chia sẻ",
    "Lượt xem: {views}",
    "Bình luận",
    "Đang truy cập: {online}",
    "Tổng truy cập: {visits}",
    "Hotline: {hotline}",
    "Đường dây nóng: {hotline}",
    "© Bản quyền thuộc Cổng thông tin điện tử tỉnh {p}",
    "Ghi rõ nguồn khi phát hành lại thông tin từ website này",
]
RELATED_HEADERS = ["Tin liên quan", "Tin cùng chuyên mục", "Các tin khác", "Bài viết liên quan"]
RELATED_TITLES = [
    "Huyện {x} ra quân xây dựng nông thôn mới",
    "{x}: Phát triển sản phẩm OCOP gắn với du lịch cộng đồng",
    "Huyện {x} đẩy mạnh phong trào hiến đất làm đường",
    "Nâng cao chất lượng tiêu chí môi trường ở huyện {x}",
    "Huyện {x} kiểm tra tiến độ xây dựng nông thôn mới nâng cao",
    "Người dân {x} chung sức xây dựng khu dân cư kiểu mẫu",
]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

# Near-identical templated articles (one text, a few swapped words) ----------------------------

NEAR_TITLES = [
    "Huyện {d} đẩy mạnh xây dựng nông thôn mới",
    "{d}: Diện mạo nông thôn ngày càng khởi sắc",
]
NEAR_INTRO = [
    "{P} - Thời gian qua, huyện {d}, tỉnh {p} đã tập trung lãnh đạo, chỉ đạo quyết liệt việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, huy động sự vào cuộc của cả hệ thống chính trị và sự đồng thuận của Nhân dân.",
    "{P} - Thời gian qua, huyện {d}, tỉnh {p} đã triển khai đồng bộ nhiều giải pháp thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, huy động sự vào cuộc của cả hệ thống chính trị và sự đồng thuận của Nhân dân.",
]
NEAR_CLAUSES = {
    "total": "toàn huyện có {total}/{n} xã đạt chuẩn nông thôn mới",
    "nang_cao": "{nc} xã đạt chuẩn nông thôn mới nâng cao",
    "avg": "bình quân mỗi xã đạt {avg} tiêu chí",
    "ocop": "có {ocop} sản phẩm OCOP được công nhận",
    "income": "thu nhập bình quân đầu người đạt {income} triệu đồng/năm",
    "poverty": "tỷ lệ hộ nghèo đa chiều còn {poverty}%",
    "km": "{km} km đường giao thông nông thôn được cứng hóa trong năm",
    "investment": "nguồn lực huy động trong năm đạt {invest} tỷ đồng",
}
NEAR_MIDDLE = "Bộ mặt nông thôn trên địa bàn huyện ngày càng khởi sắc; hạ tầng giao thông, thủy lợi, trường học, trạm y tế được đầu tư đồng bộ; đời sống vật chất và tinh thần của người dân được nâng lên rõ rệt."
NEAR_END = "Thời gian tới, huyện {d} tiếp tục phát huy kết quả đạt được, nâng cao chất lượng các tiêu chí, hướng tới xây dựng nông thôn mới nâng cao, kiểu mẫu./."

# Province and national summaries --------------------------------------------------------------

PROV_TITLES = [
    "Tỉnh {p} tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}",
    "{p}: {pt}/{m} xã đạt chuẩn nông thôn mới",
    "Toàn tỉnh {p} có thêm {pinc} xã đạt chuẩn nông thôn mới trong năm {y}",
    "{p} tiếp tục nâng cao chất lượng xây dựng nông thôn mới",
]
PROV_LEAD = [
    "Ngày {date}, UBND tỉnh {p} tổ chức hội nghị tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}. {pc} chủ trì hội nghị.",
    "Sáng {date}, Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh {p} tổ chức hội nghị đánh giá kết quả xây dựng nông thôn mới năm {y}, với sự chủ trì của {pc}.",
    "Năm {y}, Chương trình xây dựng nông thôn mới trên địa bàn tỉnh {p} tiếp tục đạt nhiều kết quả quan trọng, theo báo cáo tại hội nghị tổng kết do {pc} chủ trì.",
]
PROV_CHAIR = [
    "đồng chí {name}, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh",
    "{honor} {name}, Chủ tịch UBND tỉnh {p}",
    "đồng chí {name} - Chủ tịch Ủy ban nhân dân tỉnh, Trưởng Ban Chỉ đạo",
]
PROV_TOTAL = [
    "Năm {y}, toàn tỉnh có thêm {pinc} xã đạt chuẩn nông thôn mới, nâng tổng số lên {pt}/{m} xã, chiếm {pshare}%.",
    "Đến hết năm {y}, toàn tỉnh có {pt}/{m} xã đạt chuẩn NTM (chiếm {pshare}%), tăng {pinc} xã so với năm {py}.",
    "Lũy kế đến cuối năm {y}, {pt} trên tổng số {m} xã của tỉnh đạt chuẩn nông thôn mới, đạt tỷ lệ {pshare}%; riêng năm {y} có {pinc} xã được công nhận.",
    "Toàn tỉnh hiện có {pt}/{m} xã đạt chuẩn nông thôn mới, bằng {pshare}% tổng số xã, trong đó {pinc} xã được công nhận trong năm {y}.",
]
PROV_NC = [
    "Toàn tỉnh có {pnc} xã đạt chuẩn NTM nâng cao, {pkmau} xã đạt chuẩn NTM kiểu mẫu; {pdu} đơn vị cấp huyện được công nhận hoàn thành nhiệm vụ/đạt chuẩn nông thôn mới.",
    "Bên cạnh đó, {pnc} xã đã đạt chuẩn nông thôn mới nâng cao và {pkmau} xã đạt chuẩn kiểu mẫu; tỉnh có {pdu} huyện, thị xã, thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới.",
    "Số xã đạt chuẩn NTM nâng cao toàn tỉnh là {pnc} xã, kiểu mẫu là {pkmau} xã; {pdu} đơn vị cấp huyện đạt chuẩn/hoàn thành nhiệm vụ xây dựng NTM.",
]
PROV_AVG_OCOP = [
    "Bình quân toàn tỉnh đạt {pavg} tiêu chí/xã; toàn tỉnh có {pocop} sản phẩm OCOP được công nhận.",
    "Các xã trong tỉnh đạt bình quân {pavg} tiêu chí; chương trình OCOP có {pocop} sản phẩm đạt từ 3 sao trở lên.",
    "Số tiêu chí bình quân mỗi xã của tỉnh là {pavg}; số sản phẩm OCOP toàn tỉnh đạt {pocop} sản phẩm.",
]
PROV_INCOME = [
    "Thu nhập bình quân đầu người khu vực nông thôn toàn tỉnh đạt {pincome} triệu đồng/năm.",
    "Thu nhập bình quân của cư dân nông thôn trong tỉnh đạt {pincome} triệu đồng/người/năm.",
]
PROV_DISTRICTS_INTRO = [
    "Nhiều địa phương có kết quả nổi bật.",
    "Về kết quả của các địa phương,",
    "Cụ thể tại các huyện,",
]
PROV_CLAUSES = [
    "huyện {d} có {total}/{n} xã đạt chuẩn nông thôn mới",
    "huyện {d} có thêm {inc} xã đạt chuẩn, nâng tổng số lên {total} xã",
    "huyện {d} có {total} xã đạt chuẩn, trong đó {nc} xã đạt chuẩn nâng cao",
    "huyện {d} có {ocop} sản phẩm OCOP và {total} xã đạt chuẩn nông thôn mới",
    "huyện {d} đạt bình quân {avg} tiêu chí/xã, với {total}/{n} xã đạt chuẩn",
]
PROV_HARD = [
    "Riêng huyện {d}, địa bàn còn nhiều khó khăn, mới có {total}/{n} xã đạt chuẩn, bình quân {avg} tiêu chí/xã.",
    "Huyện {d} là địa phương có tỷ lệ thấp nhất tỉnh với {total}/{n} xã đạt chuẩn, bình quân mỗi xã đạt {avg} tiêu chí.",
    "Ở chiều ngược lại, huyện {d} chỉ có {total} trên tổng số {n} xã đạt chuẩn; các xã còn lại đạt bình quân {avg} tiêu chí/xã toàn huyện.",
]
PROV_TARGET = [
    "Năm {ny}, toàn tỉnh phấn đấu có thêm {pt_inc} xã đạt chuẩn nông thôn mới.",
    "Mục tiêu năm {ny} của tỉnh là có thêm {pt_inc} xã về đích nông thôn mới.",
    "Kế hoạch năm {ny}, tỉnh {p} phấn đấu công nhận thêm {pt_inc} xã đạt chuẩn NTM.",
]
NATION_TITLES = [
    "Cả nước có {nt} xã đạt chuẩn nông thôn mới",
    "Năm {y}: Chương trình xây dựng nông thôn mới tiếp tục đạt kết quả quan trọng",
    "Toàn cảnh nông thôn mới cả nước năm {y}",
]
NATION_TOTAL = [
    "Theo Văn phòng Điều phối nông thôn mới Trung ương, tính đến hết năm {y}, cả nước có {nt} xã (chiếm {nshare}%) đạt chuẩn nông thôn mới, tăng {ninc} xã so với cuối năm {py}.",
    "Đến cuối năm {y}, cả nước có {nt} xã đạt chuẩn NTM, chiếm {nshare}% tổng số xã; riêng năm {y} có thêm {ninc} xã được công nhận.",
    "Lũy kế đến hết năm {y}, toàn quốc có {nt} xã được công nhận đạt chuẩn nông thôn mới, đạt tỷ lệ {nshare}%, trong đó {ninc} xã đạt chuẩn trong năm {y}.",
]
NATION_NC = [
    "Trong số các xã đạt chuẩn, {nnc} xã đạt chuẩn NTM nâng cao và {nkmau} xã đạt chuẩn NTM kiểu mẫu.",
    "Cả nước có {nnc} xã đạt chuẩn nông thôn mới nâng cao, {nkmau} xã đạt chuẩn nông thôn mới kiểu mẫu.",
]
NATION_DU = [
    "Cả nước có {ndu} đơn vị cấp huyện được Thủ tướng Chính phủ công nhận hoàn thành nhiệm vụ/đạt chuẩn nông thôn mới.",
    "Về cấp huyện, {ndu} huyện, thị xã, thành phố thuộc tỉnh đã được công nhận đạt chuẩn/hoàn thành nhiệm vụ xây dựng nông thôn mới.",
]
NATION_OTHER = [
    "Chương trình OCOP tiếp tục được triển khai hiệu quả với {nocop} sản phẩm OCOP đạt từ 3 sao trở lên; thu nhập bình quân của người dân nông thôn đạt {nincome} triệu đồng/người/năm.",
    "Cả nước hiện có {nocop} sản phẩm OCOP; bình quân mỗi xã đạt {navg} tiêu chí; thu nhập bình quân khu vực nông thôn đạt {nincome} triệu đồng/người/năm.",
]

# Post-2025 merged communes ------------------------------------------------------------------

NEW_TITLES = [
    "Xã {c} ({p}) xây dựng nông thôn mới sau sắp xếp",
    "Xã {c}: Nông thôn mới trên địa bàn mới",
    "{c} - xã mới, diện mạo mới",
    "Xã {c}, tỉnh {p} giữ vững các tiêu chí nông thôn mới sau hợp nhất",
]
NEW_LEAD = [
    "Từ ngày 01/7/2025, xã {c}, tỉnh {p} chính thức đi vào hoạt động trên cơ sở sắp xếp các xã {o1}, {o2} và {o3}. Sau sắp xếp, xã có diện tích tự nhiên {area} km², dân số {pop} người với {hamlets} thôn.",
    "Xã {c} (tỉnh {p}) được thành lập trên cơ sở nhập toàn bộ diện tích tự nhiên, quy mô dân số của các xã {o1}, {o2} và {o3}; xã mới có {hamlets} thôn, dân số {pop} người.",
    "Sau khi chính quyền địa phương hai cấp vận hành từ tháng 7/2025, xã {c}, tỉnh {p} (hợp nhất từ các xã {o1}, {o2}, {o3}) có diện tích {area} km² và {hamlets} thôn.",
]
NEW_FIGS = {
    "hamlets_model": [
        "Năm 2025, xã có {hm} thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.",
        "Đến nay, {hm} thôn của xã được công nhận khu dân cư nông thôn mới kiểu mẫu.",
    ],
    "ocop": [
        "Toàn xã có {ocop} sản phẩm OCOP, trong đó {ocop4} sản phẩm 4 sao.",
        "Xã hiện có {ocop} sản phẩm đạt chuẩn OCOP ({ocop4} sản phẩm 4 sao).",
    ],
    "income": [
        "Thu nhập bình quân đầu người năm 2025 ước đạt {income} triệu đồng.",
        "Thu nhập bình quân của người dân trong xã năm 2025 đạt {income} triệu đồng/người/năm.",
    ],
    "poverty": [
        "Tỷ lệ hộ nghèo đa chiều của xã còn {poverty}%.",
        "Cuối năm 2025, tỷ lệ hộ nghèo đa chiều giảm còn {poverty}%.",
    ],
    "investment": [
        "Năm 2025, xã huy động {invest} tỷ đồng, cứng hóa {km} km đường giao thông nông thôn.",
        "Tổng nguồn lực huy động xây dựng nông thôn mới năm 2025 của xã đạt {invest} tỷ đồng, trong đó có {km} km đường được bê tông hóa.",
    ],
}
NEW_CHAIR = [
    "{honor} {name}, Chủ tịch UBND xã {c}",
    "đồng chí {name} - Chủ tịch UBND xã",
]
NEW_SECRETARY = [
    "đồng chí {name}, Bí thư Đảng ủy xã {c}",
    "{honor} {name} - Bí thư Đảng ủy xã",
]
NEW_PERSON_SENT = [
    "Theo {pc}, sau sắp xếp, xã rà soát lại toàn bộ các tiêu chí để có lộ trình nâng cao chất lượng.",
    "{pc} cho biết, xã tập trung giữ vững các tiêu chí đã đạt, không để tiêu chí nào bị “rớt chuẩn” sau hợp nhất.",
    "“Bộ máy mới phải gần dân, sát dân hơn”, {pc} nói.",
]
NEW_SECRETARY_SENT = [
    "Ban Chấp hành Đảng bộ xã do {ps} làm Bí thư đã ban hành nghị quyết chuyên đề về nông thôn mới.",
    "Tại hội nghị, {ps} đề nghị các thôn tiếp tục phát huy vai trò tự quản của cộng đồng.",
]
NEW_TARGET = [
    "Năm 2026, xã phấn đấu thu nhập bình quân đầu người đạt {t_income} triệu đồng.",
    "Mục tiêu năm 2026, thu nhập bình quân đầu người của xã đạt {t_income} triệu đồng/người/năm.",
]

# Questions -----------------------------------------------------------------------------------
# {ent}: the place ("huyện Đình Lập", "tỉnh Lạng Sơn", "cả nước", "xã Tân Hòa, tỉnh Phú Thọ");
# {when}: the time ("đến hết năm 2021", "năm 2021", "hiện nay").

Q_VI = {
    "total": [
        "{when}, {ent} có bao nhiêu xã đạt chuẩn nông thôn mới?",
        "{ent} có bao nhiêu xã đạt chuẩn NTM {when}?",
        "Số xã đạt chuẩn nông thôn mới của {ent} {when} là bao nhiêu?",
        "{when} {ent} đã có mấy xã được công nhận đạt chuẩn NTM?",
        "Cho biết số lượng xã đạt chuẩn NTM của {ent} {when}.",
        "{ent} {when} có tổng cộng bao nhiêu xã về đích nông thôn mới?",
        "Bao nhiêu xã ở {ent} đã đạt chuẩn nông thôn mới {when}?",
        "{ent} {when} có tất cả mấy xã đạt chuẩn NTM?",
    ],
    "increment": [
        "{when}, {ent} có thêm bao nhiêu xã đạt chuẩn nông thôn mới?",
        "{ent} có bao nhiêu xã được công nhận đạt chuẩn NTM mới {when}?",
        "Số xã về đích nông thôn mới {when} của {ent} là mấy?",
        "{when} {ent} tăng thêm mấy xã đạt chuẩn NTM?",
        "Bao nhiêu xã của {ent} được công nhận đạt chuẩn nông thôn mới {when}?",
        "{ent} có thêm mấy xã về đích NTM {when}?",
    ],
    "nang_cao": [
        "{ent} có bao nhiêu xã đạt chuẩn NTM nâng cao {when}?",
        "Số xã đạt chuẩn NTM nâng cao của {ent} {when}?",
        "{when}, {ent} có mấy xã được công nhận NTM nâng cao?",
        "Bao nhiêu xã ở {ent} đã đạt chuẩn nâng cao {when}?",
        "Cho biết số xã NTM nâng cao của {ent} {when}.",
    ],
    "kieu_mau": [
        "{ent} có bao nhiêu xã đạt chuẩn NTM kiểu mẫu {when}?",
        "Số xã nông thôn mới kiểu mẫu của {ent} {when} là bao nhiêu?",
        "{when}, {ent} có mấy xã được công nhận NTM kiểu mẫu?",
        "Bao nhiêu xã ở {ent} đạt chuẩn kiểu mẫu {when}?",
        "Cho biết số xã đạt chuẩn nông thôn mới kiểu mẫu tại {ent} {when}.",
    ],
    "avg": [
        "Bình quân mỗi xã của {ent} đạt bao nhiêu tiêu chí NTM {when}?",
        "Số tiêu chí nông thôn mới bình quân/xã của {ent} {when} là bao nhiêu?",
        "{when}, các xã ở {ent} đạt trung bình bao nhiêu tiêu chí?",
        "Mức đạt tiêu chí bình quân của các xã thuộc {ent} {when}?",
        "Trung bình một xã ở {ent} đạt mấy tiêu chí nông thôn mới {when}?",
    ],
    "share": [
        "Tỷ lệ xã đạt chuẩn NTM ở {ent} {when} là bao nhiêu phần trăm?",
        "{when}, bao nhiêu phần trăm số xã của {ent} đạt chuẩn NTM?",
        "Xã đạt chuẩn NTM chiếm tỷ lệ bao nhiêu ở {ent} {when}?",
        "Cho biết tỷ lệ xã về đích nông thôn mới của {ent} {when}.",
        "Phần trăm số xã đạt chuẩn nông thôn mới tại {ent} {when}?",
    ],
    "ocop": [
        "{ent} có bao nhiêu sản phẩm OCOP {when}?",
        "Số sản phẩm OCOP của {ent} {when} là bao nhiêu?",
        "{when}, {ent} có tổng cộng mấy sản phẩm đạt chuẩn OCOP?",
        "Cho biết tổng số sản phẩm OCOP được công nhận ở {ent} {when}.",
        "Bao nhiêu sản phẩm của {ent} đạt OCOP {when}?",
    ],
    "ocop4": [
        "{ent} có bao nhiêu sản phẩm OCOP 4 sao {when}?",
        "Số sản phẩm OCOP đạt 4 sao của {ent} {when}?",
        "{when}, {ent} có mấy sản phẩm được xếp hạng OCOP 4 sao?",
        "Cho biết số sản phẩm 4 sao OCOP tại {ent} {when}.",
    ],
    "income": [
        "Thu nhập bình quân đầu người của {ent} {when} là bao nhiêu?",
        "{when}, người dân {ent} có thu nhập bình quân đầu người bao nhiêu?",
        "Mức thu nhập bình quân/người/năm ở {ent} {when}?",
        "Cho biết thu nhập bình quân đầu người tại {ent} {when}.",
        "Thu nhập trung bình mỗi người dân ở {ent} {when} đạt bao nhiêu triệu đồng?",
    ],
    "poverty": [
        "Tỷ lệ hộ nghèo đa chiều của {ent} {when} là bao nhiêu?",
        "{when}, {ent} còn bao nhiêu phần trăm hộ nghèo đa chiều?",
        "Cho biết tỷ lệ hộ nghèo theo chuẩn đa chiều ở {ent} {when}.",
        "Tỷ lệ nghèo đa chiều tại {ent} {when}?",
        "{ent} {when} có tỷ lệ hộ nghèo bao nhiêu?",
    ],
    "km": [
        "{when}, {ent} đã xây dựng, nâng cấp được bao nhiêu km đường giao thông nông thôn?",
        "Bao nhiêu km đường giao thông được làm mới, nâng cấp ở {ent} {when}?",
        "Số km đường giao thông nông thôn {ent} cứng hóa {when} là bao nhiêu?",
        "{ent} làm được bao nhiêu cây số đường {when}?",
        "Chiều dài đường giao thông được đầu tư tại {ent} {when}?",
    ],
    "investment": [
        "{when} {ent} huy động được bao nhiêu tỷ đồng cho xây dựng NTM?",
        "Tổng vốn mà {ent} huy động cho chương trình NTM {when} là bao nhiêu?",
        "{ent} đã huy động bao nhiêu vốn cho chương trình nông thôn mới {when}?",
        "Cho biết số vốn huy động để xây dựng NTM ở {ent} {when}.",
        "Kinh phí thực hiện Chương trình NTM mà {ent} huy động {when} là bao nhiêu?",
    ],
    "district_units": [
        "{ent} có bao nhiêu huyện, thị xã, thành phố được công nhận đạt chuẩn NTM {when}?",
        "Số đơn vị cấp huyện về đích NTM của {ent} {when}?",
        "{when}, {ent} có mấy đơn vị cấp huyện đạt chuẩn nông thôn mới?",
        "Cho biết số đơn vị cấp huyện của {ent} đạt chuẩn NTM {when}.",
    ],
    "hamlets_model": [
        "{ent} có bao nhiêu thôn đạt chuẩn khu dân cư NTM kiểu mẫu {when}?",
        "Số thôn kiểu mẫu của {ent} {when} là bao nhiêu?",
        "{when}, {ent} có mấy khu dân cư NTM kiểu mẫu?",
        "Cho biết số thôn được công nhận khu dân cư kiểu mẫu ở {ent} {when}.",
    ],
    "target_inc": [
        "{ent} phấn đấu năm {ny} có thêm bao nhiêu xã đạt chuẩn NTM?",
        "Kế hoạch năm {ny} của {ent} là có thêm mấy xã về đích nông thôn mới?",
        "Chỉ tiêu số xã đạt chuẩn nông thôn mới trong năm {ny} mà {ent} đặt ra là bao nhiêu?",
        "Năm {ny}, {ent} đặt mục tiêu có thêm bao nhiêu xã được công nhận đạt chuẩn NTM?",
        "{ent} đăng ký bao nhiêu xã về đích NTM trong năm {ny}?",
    ],
    "target_total": [
        "Mục tiêu đến năm 2025 {ent} có bao nhiêu xã đạt chuẩn NTM?",
        "{ent} phấn đấu đến năm 2025 có bao nhiêu xã đạt chuẩn nông thôn mới?",
        "Chỉ tiêu số xã đạt chuẩn NTM đến năm 2025 của {ent} là bao nhiêu?",
        "Đến năm 2025, {ent} đặt mục tiêu có mấy xã về đích nông thôn mới?",
    ],
    "target_income": [
        "{ent} đặt mục tiêu thu nhập bình quân đầu người đến năm {ny} là bao nhiêu?",
        "Đến năm {ny}, {ent} phấn đấu thu nhập bình quân đầu người đạt bao nhiêu?",
        "Mục tiêu thu nhập bình quân đầu người năm {ny} của {ent}?",
        "Chỉ tiêu thu nhập bình quân đầu người mà {ent} hướng tới vào năm {ny} là bao nhiêu?",
    ],
}
Q_EN = {
    "total": [
        "How many communes in {ent} had met the new rural development standard {when}?",
        "What was the number of NTM-standard communes in {ent} {when}?",
        "{when}, how many communes of {ent} were recognised as new rural communes?",
        "How many communes of {ent} met the NTM standard {when}?",
    ],
    "increment": [
        "How many more communes in {ent} met the NTM standard {when}?",
        "How many communes of {ent} were newly recognised as new rural communes {when}?",
    ],
    "nang_cao": ["How many communes in {ent} had reached the advanced new rural standard {when}?"],
    "kieu_mau": ["How many model new rural communes did {ent} have {when}?"],
    "avg": ["On average, how many new rural criteria did each commune in {ent} meet {when}?"],
    "share": ["What percentage of communes in {ent} met the new rural standard {when}?"],
    "ocop": ["How many OCOP products did {ent} have {when}?"],
    "ocop4": ["How many 4-star OCOP products did {ent} have {when}?"],
    "income": ["What was the average income per capita in {ent} {when}?"],
    "poverty": ["What was the multidimensional poverty rate of {ent} {when}?"],
    "km": ["How many kilometres of rural roads did {ent} build or upgrade {when}?"],
    "investment": ["How much money did {ent} mobilise for new rural development {when}?"],
    "district_units": ["How many district-level units of {ent} met the new rural standard {when}?"],
    "hamlets_model": ["How many model new rural hamlets did {ent} have {when}?"],
    "target_inc": ["How many more communes does {ent} aim to bring to the NTM standard in {ny}?"],
    "target_total": ["How many communes does {ent} aim to have at the new rural standard by 2025?"],
    "target_income": ["What average income per capita does {ent} target for {ny}?"],
}
Q_PERSON_VI = [
    "Ai là {role} {org}{when}?",
    "{role} {org}{when} là ai?",
    "Cho biết họ tên {role} {org}{when}.",
    "Người giữ chức {role} {org}{when} là ai?",
    "{role} {org}{when} tên là gì?",
]
Q_PERSON_EN = {
    "chair": ["Who is the chairperson of the People's Committee of {ent}{when}?",
              "Who chaired the People's Committee of {ent}{when}?"],
    "secretary": ["Who is the Party secretary of {ent}{when}?",
                  "Who was the Party Committee secretary of {ent}{when}?"],
}  # fmt: skip
Q_DECISION_VI = [
    "Các xã của {ent} đạt chuẩn NTM năm {y} được công nhận theo quyết định số mấy?",
    "Quyết định công nhận các xã đạt chuẩn nông thôn mới năm {y} của {ent} có số hiệu là gì?",
    "Số quyết định của UBND tỉnh công nhận xã đạt chuẩn NTM năm {y} ở {ent} là bao nhiêu?",
    "Xã {c} thuộc {ent} được công nhận đạt chuẩn nông thôn mới theo quyết định nào?",
    "Văn bản nào công nhận các xã của {ent} về đích nông thôn mới năm {y}?",
]
Q_DECISION_EN = [
    "What is the number of the decision recognising the communes of {ent} that met the new rural standard in {y}?",
]
Q_TIMELINE_VI = [
    "Số xã đạt chuẩn NTM của {ent} qua các năm {y1}, {y2}, {y3} là bao nhiêu?",
    "Từ năm {y1} đến năm {y3}, số xã đạt chuẩn nông thôn mới của {ent} thay đổi như thế nào qua từng năm?",
    "Liệt kê số xã đạt chuẩn nông thôn mới của {ent} trong từng năm {y1}, {y2} và {y3}.",
    "Diễn biến số xã đạt chuẩn NTM ở {ent} giai đoạn {y1}-{y3}?",
]
Q_TIMELINE_EN = [
    "How did the number of NTM-standard communes in {ent} change from {y1} to {y3}, year by year?",
]

UNITS = {
    "total": " xã", "increment": " xã", "nang_cao": " xã", "kieu_mau": " xã",
    "avg": " tiêu chí/xã", "share": "%", "ocop": " sản phẩm", "ocop4": " sản phẩm 4 sao",
    "income": " triệu đồng/người/năm", "poverty": "%", "km": " km", "investment": " tỷ đồng",
    "district_units": " đơn vị cấp huyện", "hamlets_model": " thôn", "target_inc": " xã",
    "target_total": " xã", "target_income": " triệu đồng/người/năm",
}  # fmt: skip
KIND_TAGS = {
    "total": ["total"], "increment": ["increment"], "nang_cao": ["total"],
    "kieu_mau": ["total"], "avg": ["average"], "share": ["share"], "ocop": ["ocop"],
    "ocop4": ["ocop"], "income": ["income"], "poverty": ["poverty"], "km": ["km"],
    "investment": ["investment"], "district_units": ["total"], "hamlets_model": ["total"],
    "target_inc": ["target"], "target_total": ["target"], "target_income": ["target", "income"],
}  # fmt: skip
ASOF_INDS = ["total", "nang_cao", "kieu_mau", "avg", "share", "ocop", "ocop4", "income",
             "poverty", "district_units", "hamlets_model"]  # fmt: skip
DURING_INDS = ["increment", "km", "investment"]
RESULT_INDS = ASOF_INDS + DURING_INDS
# Words whose presence next to a number in a place's own documents would state an indicator.
IND_WORDS = {
    "total": r"đạt chuẩn", "nang_cao": r"nâng cao", "kieu_mau": r"kiểu mẫu", "avg": r"tiêu chí",
    "share": r"%", "ocop": r"ocop|sao", "ocop4": r"ocop|sao", "income": r"thu nhập",
    "poverty": r"nghèo", "km": r"\bkm\b|cây số", "investment": r"tỷ đồng|nguồn lực|vốn",
}  # fmt: skip
ALLOWED_TAGS = {
    "numeric", "total", "increment", "target", "share", "average", "ocop", "income", "poverty",
    "km", "investment", "person", "decision", "timeline", "now", "year", "no-diacritics",
    "english", "unanswerable", "near-identical", "district-report", "province-summary",
    "new-place",
}  # fmt: skip
# Which optional indicators a district's reports state, and how often one report states them.
OPTIONAL_INDS = ["share", "nang_cao", "kieu_mau", "avg", "ocop", "income", "poverty", "km",
                 "investment", "decision", "target"]  # fmt: skip
# Weights of the question kinds asked about district reports.
DISTRICT_KIND_WEIGHTS = {
    "total": 14, "increment": 10, "nang_cao": 6, "kieu_mau": 5, "avg": 7, "share": 8, "ocop": 6,
    "ocop4": 3, "income": 7, "poverty": 6, "km": 5, "investment": 5, "target_inc": 5,
    "target_total": 3, "target_income": 2, "chair": 5, "secretary": 3, "decision": 6,
    "timeline": 4,
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Records of what the documents state
# ---------------------------------------------------------------------------------------------

Key = tuple  # (entity, year or None, indicator)


@dataclass
class Val:
    """A value to write into a template; ``key`` set when it states a fact."""

    text: str
    key: Key | None = None
    value: object = None


@dataclass
class Mention:
    doc: str
    key: Key
    value: object
    text: str
    sentence: str


class Corpus:
    def __init__(self) -> None:
        self.docs: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        self.subject: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self.by_key: dict[Key, list[Mention]] = defaultdict(list)
        self._next = 0
        self._folded: dict[str, str] = {}

    def new_id(self) -> str:
        self._next += 1
        return f"tmp{self._next:05d}"

    def add(self, doc_id: str, text: str, kind: str, subject: str, mentions: list[Mention]):
        self.docs[doc_id] = text
        self.kind[doc_id] = kind
        self.subject[doc_id] = subject
        self.mentions.extend(mentions)

    def rename(self, rng: random.Random) -> None:
        """Final names syn_0001.txt..., in an order that says nothing about the content."""
        ids = list(self.docs)
        rng.shuffle(ids)
        names = {old: f"syn_{i:04d}.txt" for i, old in enumerate(ids, start=1)}
        self.docs = {names[k]: v for k, v in self.docs.items()}
        self.kind = {names[k]: v for k, v in self.kind.items()}
        self.subject = {names[k]: v for k, v in self.subject.items()}
        for m in self.mentions:
            m.doc = names[m.doc]
        self.by_key = defaultdict(list)
        for m in self.mentions:
            self.by_key[m.key].append(m)

    def folded(self, doc: str) -> str:
        if doc not in self._folded:
            self._folded[doc] = fold(self.docs[doc])
        return self._folded[doc]

    def has(self, key: Key) -> bool:
        return bool(self.by_key.get(key))

    def keys_of(self, ent: str) -> list[Key]:
        return [k for k in self.by_key if k[0] == ent]

    def sources(self, keys: Sequence[Key]) -> list[str]:
        return sorted({m.doc for k in keys for m in self.by_key.get(k, [])})


class DocBuilder:
    """Collects the sentences of one document and the facts they state."""

    def __init__(self, corpus: Corpus, kind: str, subject: str) -> None:
        self.corpus = corpus
        self.id = corpus.new_id()
        self.kind = kind
        self.subject = subject
        self._said: list[tuple[Val, str]] = []

    def say(self, template: str, values: dict, capitalize: bool = True) -> str:
        names = dict.fromkeys(f for _, f, _, _ in string.Formatter().parse(template) if f)
        texts = {k: (v.text if isinstance(v, Val) else str(v)) for k, v in values.items()}
        sentence = template.format(**texts)
        # A field that opens a sentence inside the template ("... hội nghị. {p1} chủ trì").
        sentence = re.sub(r"([.!?] )(\w)", lambda m: m.group(1) + m.group(2).upper(), sentence)
        if capitalize:
            sentence = cap(sentence)
        for name in names:
            v = values[name]
            if isinstance(v, Val) and v.key is not None:
                self._said.append((v, sentence))
        return sentence

    def finish(self, lines: list[str]) -> str:
        text = nfc(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n")
        mentions = [Mention(self.id, v.key, v.value, v.text, nfc(s)) for v, s in self._said]
        self.corpus.add(self.id, text, self.kind, self.subject, mentions)
        return self.id


# ---------------------------------------------------------------------------------------------
# Places, people and their figures
# ---------------------------------------------------------------------------------------------


@dataclass
class District:
    name: str
    province: str
    role: str  # "report", "near-identical" or "summary-only"
    years: list[int]
    n: int = 0
    series: dict[int, dict] = field(default_factory=dict)
    share_dec: int = 1
    reported: set[str] = field(default_factory=set)
    asof: dict[int, str] = field(default_factory=dict)
    chair: dict[int, tuple[str, str]] = field(default_factory=dict)
    secretary: tuple[str, str] = ("", "")
    vice: tuple[str, str] = ("", "")
    t_inc: dict[int, int] = field(default_factory=dict)
    t_total: int = 0
    t_income: int = 0
    decisions: dict[int, tuple[int, dt.date, list[str]]] = field(default_factory=dict)
    pinned: set[int] = field(default_factory=set)  # years a province summary quotes

    @property
    def ent(self) -> str:
        return f"d:{self.name}"


@dataclass
class Province:
    name: str
    districts: list[District]
    hard: list[District]
    years: list[int]
    m: int = 0
    series: dict[int, dict] = field(default_factory=dict)
    chair: tuple[str, str] = ("", "")
    t_inc: dict[int, int] = field(default_factory=dict)

    @property
    def ent(self) -> str:
        return f"p:{self.name}"


@dataclass
class Commune:
    name: str
    province: str
    merged: list[str]
    values: dict = field(default_factory=dict)
    chair: tuple[str, str] = ("", "")
    secretary: tuple[str, str] = ("", "")

    @property
    def ent(self) -> str:
        return f"c:{self.name}|{self.province}"


def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _contains_words(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    k = len(needle)
    return any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))


def gazetteer_names() -> list[str]:
    names = set(PROVINCES) | set(PROVINCES_2025)
    for districts in DISTRICTS_BY_PROVINCE.values():
        names.update(districts)
    return sorted(names)


def eligible_districts() -> dict[str, list[str]]:
    """Rural-looking districts whose name is unambiguous, even without diacritics."""
    all_names = gazetteer_names()
    folded = defaultdict(set)
    for name in all_names:
        folded[fold(name)].add(name)
    owners = defaultdict(set)
    for province, districts in DISTRICTS_BY_PROVINCE.items():
        for d in districts:
            owners[d].add(province)
    out: dict[str, list[str]] = {}
    for province, districts in DISTRICTS_BY_PROVINCE.items():
        if province in BIG_CITIES:
            continue
        keep = []
        for d in districts:
            if len(owners[d]) > 1 or d in PROVINCES or d in PROVINCES_2025 or d in URBAN_OR_ISLAND:
                continue
            if d.startswith("Quận") or len(folded[fold(d)]) > 1 or fold(province) in fold(d):
                continue
            w = _words(d)
            if any(o != d and _contains_words(_words(o), w) for o in all_names):
                continue
            keep.append(d)
        out[province] = keep
    return out


def split_provinces(eligible: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """Two fixed halves of the provinces with about as many districts each (seed-independent)."""
    provinces = [p for p in PROVINCES if eligible.get(p)]
    random.Random("ntm-synth-provinces").shuffle(provinces)
    provinces.sort(key=lambda p: -len(eligible[p]))
    halves: tuple[list[str], list[str]] = ([], [])
    sizes = [0, 0]
    for p in provinces:
        i = 0 if sizes[0] <= sizes[1] else 1
        halves[i].append(p)
        sizes[i] += len(eligible[p])
    return halves


class Names:
    """Unique people and commune names for one split."""

    def __init__(self, rng: random.Random, half: int) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.given_m = [g for i, g in enumerate(GIVEN_MALE) if i % 2 == half]
        self.given_f = [g for i, g in enumerate(GIVEN_FEMALE) if i % 2 == half]
        gaz = [_words(n) for n in gazetteer_names()]
        pool = []
        for a in COMMUNE_FIRST:
            for b in COMMUNE_SECOND:
                if a == b:
                    continue
                name = f"{a} {b}"
                w = _words(name)
                if any(_contains_words(g, w) or _contains_words(w, g) for g in gaz):
                    continue
                pool.append(name)
        random.Random("ntm-synth-communes").shuffle(pool)
        self.communes = [c for i, c in enumerate(pool) if i % 2 == half]
        rng.shuffle(self.communes)

    def person(self) -> tuple[str, str]:
        """(full name, 'ông'/'bà')."""
        for _ in range(10_000):
            female = self.rng.random() < 0.25
            middle = self.rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
            given = self.rng.choice(self.given_f if female else self.given_m)
            name = f"{self.rng.choice(FAMILY_NAMES)} {middle} {given}"
            if name not in self.used:
                self.used.add(name)
                return name, "bà" if female else "ông"
        raise RuntimeError("ran out of person names")

    def commune(self) -> str:
        if not self.communes:
            raise RuntimeError("ran out of commune names")
        name = self.communes.pop()
        self.used.add(name)
        return name


def make_series(rng: random.Random, d: District, first: int, last: int) -> None:
    """Yearly figures of a district for first-1 .. last+1, evolving plausibly."""
    steps = last - first + 2  # yearly increments of 1-3 communes from first-1 to last+1
    total = rng.randint(2, 12)
    d.n = total + 3 * steps + rng.randint(1, 8)
    d.share_dec = rng.choice([1, 1, 2])
    nc = rng.randint(1, min(3, total))
    kmau = rng.randint(1, min(2, nc))
    rest = rng.uniform(10.5, 14.0)
    ocop = rng.randint(4, 20)
    ocop4 = rng.randint(1, max(1, ocop // 4))
    income = rng.uniform(26, 55)
    poverty = rng.uniform(1.5, 11.0)
    households = rng.randint(12000, 42000)
    prev = None
    for y in range(first - 1, last + 2):
        if prev is not None:
            total += rng.choice([1, 1, 2, 2, 3])
            nc = min(total, nc + rng.choice([0, 1, 1, 2]))
            kmau = min(nc, kmau + rng.choice([0, 0, 1]))
            rest = min(17.5, rest + rng.uniform(0.3, 0.9))
            ocop += rng.randint(1, 6)
            ocop4 = min(ocop, ocop4 + rng.choice([0, 0, 1, 1, 2]))
            income += rng.uniform(2.0, 5.5)
            poverty = max(0.3, poverty - rng.uniform(0.3, 1.3))
        avg = round((total * 19 + (d.n - total) * rest) / d.n, 1)
        pov = round(poverty, 2)
        if prev is not None and pov >= prev["poverty"]:
            pov = round(prev["poverty"] - 0.05, 2)
        invest = round(rng.uniform(45, 2400), 1)
        row = {
            "total": total,
            "share": round(total / d.n * 100, d.share_dec),
            "nang_cao": nc,
            "kieu_mau": kmau,
            "avg": avg,
            "rest": rest,
            "ocop": ocop,
            "ocop4": ocop4,
            "ocop3": ocop - ocop4,
            "income": round(income, 1),
            "poverty": pov,
            "poor": round(households * pov / 100),
            "km": round(rng.uniform(8, 95), 1),
            "investment": invest,
            "invest_state": round(invest * rng.uniform(0.2, 0.6), 1),
        }
        if prev is not None:
            row["increment"] = total - prev["total"]
            row["ocop_new"] = ocop - prev["ocop"]
        d.series[y] = row
        prev = row
    last_row = d.series[last + 1]
    series_totals = {r["total"] for r in d.series.values()}
    for y in range(first, last + 1):
        avoid = {d.series[y]["increment"], d.series[y + 1]["increment"]}
        d.t_inc[y + 1] = rng.choice([t for t in range(1, 6) if t not in avoid])
    d.t_total = rng.choice(
        [t for t in range(last_row["total"] + 1, d.n + 1) if t not in series_totals]
    )
    d.t_income = round(last_row["income"] + rng.uniform(6, 15))


# ---------------------------------------------------------------------------------------------
# Generation context
# ---------------------------------------------------------------------------------------------


@dataclass
class Ctx:
    rng: random.Random
    ph: Phrasebook
    corpus: Corpus
    names: Names
    half: int
    report_districts: list[District] = field(default_factory=list)
    near_districts: list[District] = field(default_factory=list)
    hard_districts: list[District] = field(default_factory=list)
    absent_districts: list[tuple[str, str]] = field(default_factory=list)
    provinces: list[Province] = field(default_factory=list)
    nation: dict = field(default_factory=dict)
    nation_years: list[int] = field(default_factory=list)
    communes: list[Commune] = field(default_factory=list)
    provinces_2025: list[str] = field(default_factory=list)
    decision_numbers: set[int] = field(default_factory=set)
    near_docs: list[tuple[District, int, str]] = field(default_factory=list)


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def fmt_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def header_line(ctx: Ctx, date: dt.date) -> str:
    rng = ctx.rng
    hh, mm = rng.randint(6, 21), rng.randint(0, 59)
    style = ctx.ph.pick(["full", "updated", "plain", "posted", "short"])
    if style == "full":
        return f"{WEEKDAYS[date.weekday()]}, {fmt_date(date)} {hh:02d}:{mm:02d} GMT+7"
    if style == "updated":
        return f"Cập nhật: {fmt_date(date)}"
    if style == "plain":
        return f"{fmt_date(date)} {hh:02d}:{mm:02d}"
    if style == "posted":
        return f"Ngày đăng: {date.day:02d}-{date.month:02d}-{date.year}"
    return f"{WEEKDAYS[date.weekday()]}, {date.day}/{date.month}/{date.year}"


def debris(ctx: Ctx, province: str, top: bool) -> list[str]:
    rng = ctx.rng
    if top:
        lines = rng.sample(TOP_DEBRIS, rng.randint(1, 3))
        return lines + [""]
    values = {
        "views": vn_num(rng.randint(120, 9800)),
        "online": str(rng.randint(20, 900)),
        "visits": vn_num(rng.randint(100_000, 9_000_000)),
        "hotline": f"09{rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}",
        "p": province,
    }
    lines = [t.format(**values) for t in rng.sample(BOTTOM_DEBRIS, rng.randint(1, 3))]
    if rng.random() < 0.5:
        others = [d.name for d in ctx.report_districts + ctx.near_districts]
        lines.append(rng.choice(RELATED_HEADERS))
        for x in rng.sample(others, min(3, len(others))):
            lines.append(rng.choice(RELATED_TITLES).format(x=x))
    return [""] + lines


# ---------------------------------------------------------------------------------------------
# A. Yearly district reports
# ---------------------------------------------------------------------------------------------

COUNT_INDS = {"total", "increment", "nang_cao", "kieu_mau", "ocop", "ocop4", "ocop3", "ocop_new"}
DECIMALS = {"avg": 1, "income": 1, "poverty": 2, "km": 1, "investment": 1, "invest_state": 1}


def _when(ph: Phrasebook, asof: str, y: int) -> str:
    if asof == "year-end":
        return ph.pick([f"đến hết năm {y}", f"tính đến cuối năm {y}", f"đến cuối năm {y}",
                        f"tính đến ngày 31/12/{y}"])  # fmt: skip
    if asof == "nov":
        return ph.pick([f"tính đến tháng 11/{y}", f"đến hết tháng 11/{y}",
                        f"tính đến cuối tháng 11/{y}"])  # fmt: skip
    return ph.pick([f"tính đến hết tháng 6/{y}", f"đến giữa năm {y}", f"tính đến ngày 30/6/{y}"])


def _during(ph: Phrasebook, asof: str, y: int) -> str:
    if asof == "year-end":
        return ph.pick([f"năm {y}", f"trong năm {y}"])
    if asof == "nov":
        return ph.pick([f"từ đầu năm {y} đến nay", f"trong 11 tháng năm {y}"])
    return ph.pick([f"6 tháng đầu năm {y}", f"trong 6 tháng đầu năm {y}"])


def person_val(ph: Phrasebook, templates: list[str], ent: str, year, role: str,
               person: tuple[str, str], **extra) -> Val:  # fmt: skip
    name, honor = person
    text = ph.pick(templates).format(name=name, honor=honor, **extra)
    return Val(text, (ent, year, role), name)


def communes_text(names: list[str]) -> str:
    if len(names) == 1:
        return f"xã {names[0]}"
    if len(names) == 2:
        return f"xã {names[0]} và xã {names[1]}"
    return "các xã " + ", ".join(names[:-1]) + f" và {names[-1]}"


def district_values(ctx: Ctx, d: District, y: int, pad: bool) -> dict:
    """Every field a district-report template may use, for year y."""
    s, ps = d.series[y], d.series[y - 1]
    ent = d.ent

    def fv(ind: str, year: int = y, value=None) -> Val:
        value = (d.series[year][ind]) if value is None else value
        if ind == "share":
            text = vn_num(value, d.share_dec)
        elif ind in DECIMALS:
            text = vn_num(value, DECIMALS[ind])
        elif pad and ind in COUNT_INDS and value < 10:
            text = f"{value:02d}"
        else:
            text = vn_num(value)
        return Val(text, (ent, year, ind), value)

    v = {
        "d": d.name, "p": d.province, "y": y, "py": y - 1, "ny": y + 1,
        "n": Val(str(d.n), (ent, None, "n"), d.n),
        "avg_delta": vn_num(round(s["avg"] - ps["avg"], 1), 1),
        "income_delta": vn_num(round(s["income"] - ps["income"], 1), 1),
        "poverty_delta": vn_num(round(ps["poverty"] - s["poverty"], 2), 2),
        "low": str(max(5, int(s["rest"]) - 2)),
        "ptotal": fv("total", y - 1), "pincome": fv("income", y - 1),
        "ppoverty": fv("poverty", y - 1),
        "t_inc": Val(str(d.t_inc[y + 1]), (ent, y + 1, "target_inc"), d.t_inc[y + 1]),
        "t_total": Val(str(d.t_total), (ent, 2025, "target_total"), d.t_total),
        "t_income": Val(str(d.t_income), (ent, 2025, "target_income"), d.t_income),
    }  # fmt: skip
    for ind, name in [("total", "total"), ("increment", "inc"), ("share", "share"),
                      ("nang_cao", "nc"), ("kieu_mau", "kmau"), ("avg", "avg"),
                      ("ocop", "ocop"), ("ocop4", "ocop4"), ("ocop3", "ocop3"),
                      ("ocop_new", "ocop_new"), ("income", "income"), ("poverty", "poverty"),
                      ("poor", "poor"), ("km", "km"), ("investment", "invest"),
                      ("invest_state", "invest_state")]:  # fmt: skip
        v[name] = fv(ind)
    if y in d.decisions:
        no, date, names = d.decisions[y]
        v["dec_no"] = Val(f"{no}/QĐ-UBND", (ent, y, "decision"), no)
        v["dec_date"] = fmt_date(date)
        v["communes"] = communes_text(names)
    return v


def commune_sentences(ctx: Ctx, b: DocBuilder, v: dict, include: set[str]) -> list[str]:
    """Totals and increments (always), with share / nâng cao / kiểu mẫu when included."""
    ph, rng = ctx.ph, ctx.rng
    out: list[str] = []
    done: set[str] = set()
    both = "nang_cao" in include and "kieu_mau" in include
    mode = rng.random()
    if mode < 0.4:
        out.append(b.say(ph.pick(TOTAL_INC), v))
    else:
        if mode < 0.6 and both:
            first = b.say(ph.pick(TOTAL_NC_KMAU), v)
            done |= {"nang_cao", "kieu_mau"}
        elif mode < 0.8 and "share" in include:
            first = b.say(ph.pick(TOTAL_SHARE), v)
            done.add("share")
        else:
            first = b.say(ph.pick(TOTAL_ONLY), v)
        inc = b.say(ph.pick(INC_ONLY), v)
        out += [first, inc] if rng.random() < 0.6 else [inc, first]
    if "share" in include and "share" not in done:
        out.append(b.say(ph.pick(SHARE), v))
    if both and "nang_cao" not in done:
        out.append(b.say(ph.pick(NC_KMAU), v))
    elif "nang_cao" in include and "nang_cao" not in done:
        out.append(b.say(ph.pick(NC_ONLY), v))
    elif "kieu_mau" in include and "kieu_mau" not in done:
        out.append(b.say(ph.pick(KMAU_ONLY), v))
    if "decision" in include and "dec_no" in v:
        out.append(b.say(ph.pick(DECISION), v))
    return out


def district_report(ctx: Ctx, d: District, y: int) -> str:
    """One yearly report (news or administrative style) of district d for year y."""
    rng, ph = ctx.rng, ctx.ph
    asof = d.asof[y]
    b = DocBuilder(ctx.corpus, "district-report", d.ent)
    pad = rng.random() < 0.2
    v = district_values(ctx, d, y, pad)
    v["when"] = _when(ph, asof, y)
    v["during"] = _during(ph, asof, y)
    include = {"total", "increment"} | {i for i in OPTIONAL_INDS if i in d.reported
                                         and rng.random() < 0.85}  # fmt: skip

    # People: one in the lead (if the lead names one), another in the closing paragraph.
    roles = ["chair", "secretary", "vice"]
    rng.shuffle(roles)
    if rng.random() < 0.6 and "chair" in roles[2:]:
        roles.remove("chair")
        roles.insert(0, "chair")

    def person(role: str) -> Val:
        if role == "chair":
            return person_val(ph, CHAIR_PHRASES, d.ent, y, "chair", d.chair[y], d=d.name)
        if role == "secretary":
            return person_val(ph, SECRETARY_PHRASES, d.ent, y, "secretary", d.secretary,
                              d=d.name)  # fmt: skip
        return person_val(ph, VICE_PHRASES, d.ent, y, "vice", d.vice, d=d.name)

    v["p1"], v["p2"] = person(roles[0]), person(roles[1])

    # Date: header line, in the lead, both, or only the year in the text.
    date = {
        "year-end": lambda: rng.choice([rand_date(rng, dt.date(y, 12, 8), dt.date(y, 12, 30)),
                                        rand_date(rng, dt.date(y + 1, 1, 5),
                                                  dt.date(y + 1, 1, 25))]),
        "nov": lambda: rand_date(rng, dt.date(y, 11, 15), dt.date(y, 12, 8)),
        "h1": lambda: rand_date(rng, dt.date(y, 6, 25), dt.date(y, 7, 20)),
    }[asof]()  # fmt: skip
    date_style = ph.pick(["header", "lead", "both", "none", "header-daymonth"])
    lines: list[str] = []
    if rng.random() < 0.35:
        lines += debris(ctx, d.province, top=True)
    if date_style in ("header", "both", "header-daymonth"):
        lines.append(header_line(ctx, date))
    style = "report" if rng.random() < 0.25 else "news"
    titles = {"year-end": TITLES_YEAR_END, "nov": TITLES_NOV, "h1": TITLES_H1}[asof]
    if style == "report":
        heads = REPORT_HEAD_H1 if asof == "h1" else REPORT_HEAD
        lines += [ph.pick(heads).format(d=d.name, p=d.province, y=y), ""]
    else:
        lines += [b.say(ph.pick(titles), v), ""]

    # "header": header line, lead without a date; "lead"/"both": full date in the lead;
    # "header-daymonth": the lead names the day without the year; "none": only the year.
    if date_style in ("lead", "both", "header-daymonth"):
        v["date"] = (
            fmt_date(date) if date_style != "header-daymonth" else f"{date.day}/{date.month}"
        )
        leads = {"year-end": LEAD_YEAR_END, "nov": LEAD_NOV, "h1": LEAD_H1}[asof]
        lead = b.say(ph.pick(leads), v)
    else:
        lead = b.say(ph.pick(LEAD_NODATE_H1 if asof == "h1" else LEAD_NODATE), v)

    # Figure paragraphs.
    groups: list[list[str]] = [commune_sentences(ctx, b, v, include)]
    if "avg" in include:
        allow = (lambda t: "{avg_delta}" not in t) if v["avg_delta"] in ("0", "-0") else None
        groups.append([b.say(ph.pick(AVG, allow), v)])
    if "ocop" in include:
        groups.append([b.say(ph.pick(OCOP), v)])
    social = []
    if "income" in include:
        social.append(b.say(ph.pick(INCOME), v))
    if "poverty" in include:
        social.append(b.say(ph.pick(POVERTY), v))
    if social:
        groups.append(social)
    if "km" in include and "investment" in include and rng.random() < 0.5:
        groups.append([b.say(ph.pick(KM_INVEST), v)])
    else:
        infra = []
        if "km" in include:
            infra.append(b.say(ph.pick(KM), v))
        if "investment" in include:
            infra.append(b.say(ph.pick(INVEST), v))
        if infra:
            groups.append(infra)
    first, rest = groups[0], groups[1:]
    rng.shuffle(rest)
    groups = [first] + rest if rng.random() < 0.6 else rest[:1] + [first] + rest[1:]
    fillers = rng.sample(FILLER, rng.randint(1, 3))
    for f in fillers:
        groups.insert(rng.randint(1, len(groups)), [f])

    targets = []
    if "target" in include:
        targets.append(b.say(ph.pick(TARGET_NEXT), v))
        if rng.random() < 0.6:
            targets.append(b.say(ph.pick(TARGET_2025), v))
    closing = b.say(ph.pick(CLOSING), v)

    # Assemble.
    if style == "report":
        body = [lead, b.say(ph.pick(REPORT_PERSON), v), "", f"I. KẾT QUẢ THỰC HIỆN NĂM {y}"
                if asof == "year-end" else "I. KẾT QUẢ THỰC HIỆN"]  # fmt: skip
        for g in groups:
            body.append("- " + " ".join(g))
        body += ["", f"II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {y + 1}"
                 if asof == "year-end" else "II. NHIỆM VỤ THỜI GIAN TỚI"]  # fmt: skip
        body.append("- " + ph.pick(TASKS_INTRO) + (" " + " ".join(targets) if targets else ""))
        body += ["", closing]
        lines += body
    else:
        paragraphs = [lead]
        merged: list[str] = []
        for g in groups:
            merged += g
            if rng.random() < 0.55:
                paragraphs.append(" ".join(merged))
                merged = []
        if merged:
            paragraphs.append(" ".join(merged))
        if targets:
            paragraphs.append(" ".join([ph.pick(TASKS_INTRO)] + targets))
        paragraphs.append(closing)
        lines += "\n\n".join(paragraphs).split("\n")
        lines += ["", ph.pick(AUTHORS)]
    if rng.random() < 0.4:
        lines += debris(ctx, d.province, top=False)
    return b.finish(lines)


# ---------------------------------------------------------------------------------------------
# B. Near-identical templated articles
# ---------------------------------------------------------------------------------------------


def near_identical_article(ctx: Ctx, d: District, y: int, inds: list[str]) -> str:
    rng = ctx.rng
    b = DocBuilder(ctx.corpus, "near-identical", d.ent)
    v = district_values(ctx, d, y, pad=False)
    when_style = rng.choice(["nay", "year-end", "year"])
    if when_style == "nay":
        v["when"] = "đến nay"
        date = rand_date(rng, dt.date(y, 10, 1), dt.date(y, 12, 28))
    elif when_style == "year-end":
        v["when"] = f"đến hết năm {y}"
        date = rand_date(rng, dt.date(y, 12, 20), dt.date(y + 1, 1, 31))
    else:
        v["when"] = f"năm {y}"
        date = rand_date(rng, dt.date(y, 12, 1), dt.date(y + 1, 2, 15))
    v["P"] = rng.choice([d.province.upper(), d.name, f"Báo {d.province}"])
    clauses = "; ".join(NEAR_CLAUSES[i] for i in inds)
    lines = []
    if rng.random() < 0.3:
        lines += debris(ctx, d.province, top=True)
    lines.append(f"Cập nhật lúc {rng.randint(7, 20):02d}:{rng.randint(0, 59):02d} "
                 f"{fmt_date(date)}" if rng.random() < 0.3 else fmt_date(date))  # fmt: skip
    lines += [NEAR_TITLES[rng.randint(0, 1)].format(d=d.name), ""]
    lines += [b.say(NEAR_INTRO[rng.randint(0, 1)], v), ""]
    lines += [b.say("Theo báo cáo của UBND huyện {d}, {when}, " + clauses + ".", v), ""]
    lines += [NEAR_MIDDLE, "", NEAR_END.format(d=d.name), "", rng.choice(AUTHORS)]
    if rng.random() < 0.3:
        lines += debris(ctx, d.province, top=False)
    return b.finish(lines)


# ---------------------------------------------------------------------------------------------
# C. Province and national summaries
# ---------------------------------------------------------------------------------------------


def make_province_series(rng: random.Random, prov: Province) -> None:
    members = prov.districts + prov.hard
    years = range(min(prov.years) - 1, max(prov.years) + 2)
    others_n = rng.randint(60, 160)
    prov.m = others_n + sum(d.n for d in members)
    o_total = rng.randint(int(others_n * 0.3), int(others_n * 0.6))
    o_nc, o_kmau = rng.randint(2, 10), rng.randint(0, 3)
    o_ocop, o_avg = rng.randint(40, 140), rng.uniform(13.0, 16.0)
    du, income = rng.randint(1, 4), rng.uniform(35, 58)
    for y in years:
        if y != years[0]:
            o_total += rng.randint(3, 12)
            o_nc += rng.randint(1, 6)
            o_kmau += rng.randint(0, 3)
            o_ocop += rng.randint(8, 30)
            o_avg = min(18.0, o_avg + rng.uniform(0.2, 0.7))
            du += rng.choice([0, 1, 1, 2])
            income += rng.uniform(2.5, 5.0)
        total = o_total + sum(d.series[y]["total"] for d in members)
        row = {
            "total": total,
            "share": round(total / prov.m * 100, 2),
            "nang_cao": o_nc + sum(d.series[y]["nang_cao"] for d in members),
            "kieu_mau": o_kmau + sum(d.series[y]["kieu_mau"] for d in members),
            "ocop": o_ocop + sum(d.series[y]["ocop"] for d in members),
            "avg": round(
                (o_avg * others_n + sum(d.series[y]["avg"] * d.n for d in members)) / prov.m, 2
            ),  # fmt: skip
            "district_units": du,
            "income": round(income, 1),
        }
        if y != years[0]:
            row["increment"] = total - prov.series[y - 1]["total"]
        prov.series[y] = row
    for y in prov.years:
        nxt = prov.series[y + 1]["increment"]
        target = nxt + rng.choice([-4, -3, -2, 2, 3, 5])
        prov.t_inc[y + 1] = target if target > 0 else nxt + 3


def province_summary(ctx: Ctx, prov: Province, y: int) -> str:
    rng, ph = ctx.rng, ctx.ph
    b = DocBuilder(ctx.corpus, "province-summary", prov.ent)
    s = prov.series[y]
    ent = prov.ent

    def pv(ind: str, dec: int = 0) -> Val:
        return Val(vn_num(s[ind], dec), (ent, y, ind), s[ind])

    v = {
        "p": prov.name, "y": y, "py": y - 1, "ny": y + 1,
        "m": Val(vn_num(prov.m), (ent, None, "n"), prov.m),
        "pt": pv("total"), "pinc": pv("increment"), "pshare": pv("share", 2),
        "pnc": pv("nang_cao"), "pkmau": pv("kieu_mau"), "pocop": pv("ocop"),
        "pavg": pv("avg", 2), "pdu": pv("district_units"), "pincome": pv("income", 1),
        "pt_inc": Val(str(prov.t_inc[y + 1]), (ent, y + 1, "target_inc"), prov.t_inc[y + 1]),
        "pc": person_val(ph, PROV_CHAIR, ent, y, "chair", prov.chair, p=prov.name),
    }  # fmt: skip
    date = rand_date(rng, dt.date(y, 12, 10), dt.date(y + 1, 1, 28))
    v["date"] = fmt_date(date)
    lines = []
    if rng.random() < 0.4:
        lines += debris(ctx, prov.name, top=True)
    if rng.random() < 0.7:
        lines.append(header_line(ctx, date))
    lines += [b.say(ph.pick(PROV_TITLES), v), ""]
    paragraphs = [b.say(ph.pick(PROV_LEAD), v)]
    figs = [b.say(ph.pick(PROV_TOTAL), v), b.say(ph.pick(PROV_NC), v)]
    if rng.random() < 0.8:
        figs.append(b.say(ph.pick(PROV_AVG_OCOP), v))
    if rng.random() < 0.6:
        figs.append(b.say(ph.pick(PROV_INCOME), v))
    paragraphs.append(" ".join(figs))
    # District figures in the same article.
    clauses = []
    for d in prov.districts:
        dv = district_values(ctx, d, y, pad=False)
        clauses.append(b.say(ph.pick(PROV_CLAUSES), dv, capitalize=False))
    intro = ph.pick(PROV_DISTRICTS_INTRO)
    if clauses:
        joined = "; ".join(clauses) + "."
        paragraphs.append(f"{intro} {cap(joined) if intro.endswith('.') else joined}")
    for d in prov.hard:
        paragraphs.append(b.say(ph.pick(PROV_HARD), district_values(ctx, d, y, pad=False)))
    paragraphs.append(" ".join(rng.sample(FILLER, 2)))
    paragraphs.append(b.say(ph.pick(PROV_TARGET), v))
    lines += "\n\n".join(paragraphs).split("\n")
    lines += ["", rng.choice(AUTHORS)]
    if rng.random() < 0.4:
        lines += debris(ctx, prov.name, top=False)
    return b.finish(lines)


def make_nation(rng: random.Random, years: list[int]) -> dict[int, dict]:
    all_communes = rng.randint(8100, 8300)
    total = rng.randint(4300, 5200)
    nc, kmau, du = rng.randint(500, 1100), rng.randint(50, 150), rng.randint(150, 200)
    ocop, income, avg = rng.randint(5000, 7500), rng.uniform(38, 45), rng.uniform(16.0, 16.8)
    series = {}
    for y in range(min(years) - 1, max(years) + 1):
        if series:
            total += rng.randint(300, 700)
            nc += rng.randint(200, 500)
            kmau += rng.randint(30, 120)
            du += rng.randint(15, 40)
            ocop += rng.randint(800, 1800)
            income += rng.uniform(2.5, 4.5)
            avg = min(18.5, avg + rng.uniform(0.2, 0.5))
        row = {
            "total": total, "share": round(total / all_communes * 100, 2), "nang_cao": nc,
            "kieu_mau": kmau, "district_units": du, "ocop": ocop, "income": round(income, 1),
            "avg": round(avg, 2),
        }  # fmt: skip
        if series:
            row["increment"] = total - series[y - 1]["total"]
        series[y] = row
    return series


def national_summary(ctx: Ctx, y: int) -> str:
    rng, ph = ctx.rng, ctx.ph
    b = DocBuilder(ctx.corpus, "province-summary", "n:VN")
    s = ctx.nation[y]

    def nv(ind: str, dec: int = 0) -> Val:
        return Val(vn_num(s[ind], dec), ("n:VN", y, ind), s[ind])

    v = {
        "y": y, "py": y - 1, "nt": nv("total"), "nshare": nv("share", 2),
        "ninc": nv("increment"), "nnc": nv("nang_cao"), "nkmau": nv("kieu_mau"),
        "ndu": nv("district_units"), "nocop": nv("ocop"), "nincome": nv("income", 1),
        "navg": nv("avg", 2),
    }  # fmt: skip
    date = rand_date(rng, dt.date(y + 1, 1, 5), dt.date(y + 1, 2, 20))
    lines = []
    if rng.random() < 0.5:
        lines += debris(ctx, rng.choice(PROVINCES), top=True)
    lines += [header_line(ctx, date), b.say(ph.pick(NATION_TITLES), v), ""]
    lines += [b.say(ph.pick(NATION_TOTAL), v) + " " + b.say(ph.pick(NATION_NC), v), ""]
    lines += [b.say(ph.pick(NATION_DU), v), "", b.say(ph.pick(NATION_OTHER), v), ""]
    lines += [" ".join(rng.sample(FILLER, 2)), "", rng.choice(AUTHORS)]
    return b.finish(lines)


# ---------------------------------------------------------------------------------------------
# D. Post-2025 merged communes (no district level)
# ---------------------------------------------------------------------------------------------


def new_place_article(ctx: Ctx, c: Commune) -> str:
    rng, ph = ctx.rng, ctx.ph
    b = DocBuilder(ctx.corpus, "new-place", c.ent)
    ent, s = c.ent, c.values

    def cv(ind: str, dec: int = 0) -> Val:
        return Val(vn_num(s[ind], dec), (ent, 2025, ind), s[ind])

    v = {
        "c": c.name, "p": c.province, "o1": c.merged[0], "o2": c.merged[1], "o3": c.merged[2],
        "area": vn_num(s["area"], 1), "pop": vn_num(s["pop"]), "hamlets": str(s["hamlets"]),
        "hm": cv("hamlets_model"), "ocop": cv("ocop"), "ocop4": cv("ocop4"),
        "income": cv("income", 1), "poverty": cv("poverty", 2), "invest": cv("investment", 1),
        "km": cv("km", 1),
        "t_income": Val(str(s["t_income"]), (ent, 2026, "target_income"), s["t_income"]),
        "pc": person_val(ph, NEW_CHAIR, ent, 2025, "chair", c.chair, c=c.name),
        "ps": person_val(ph, NEW_SECRETARY, ent, 2025, "secretary", c.secretary, c=c.name),
    }  # fmt: skip
    date = rand_date(rng, dt.date(2025, 12, 1), dt.date(2026, 3, 31))  # reports on 2025
    lines = []
    if rng.random() < 0.4:
        lines += debris(ctx, c.province, top=True)
    lines += [header_line(ctx, date), b.say(ph.pick(NEW_TITLES), v), ""]
    paragraphs = [b.say(ph.pick(NEW_LEAD), v)]
    inds = [i for i in NEW_FIGS if rng.random() < 0.8] or ["ocop"]
    c.values["stated"] = inds
    paragraphs.append(" ".join(b.say(ph.pick(NEW_FIGS[i]), v) for i in inds))
    people = [b.say(ph.pick(NEW_PERSON_SENT), v)]
    if rng.random() < 0.7:
        people.append(b.say(ph.pick(NEW_SECRETARY_SENT), v))
    paragraphs.append(" ".join(people))
    if rng.random() < 0.6:
        paragraphs.append(b.say(ph.pick(NEW_TARGET), v))
    lines += "\n\n".join(paragraphs).split("\n")
    lines += ["", rng.choice(AUTHORS)]
    if rng.random() < 0.3:
        lines += debris(ctx, c.province, top=False)
    return b.finish(lines)


# ---------------------------------------------------------------------------------------------
# Planning the corpus
# ---------------------------------------------------------------------------------------------


def plan(ctx: Ctx, n_report: int, n_near: int) -> None:
    """Choose the places of this split and give them figures, people, years."""
    rng, names = ctx.rng, ctx.names
    eligible = eligible_districts()
    provinces = split_provinces(eligible)[ctx.half]
    pool = {p: list(eligible[p]) for p in provinces}
    for p in provinces:
        rng.shuffle(pool[p])
    taken: set[str] = set()

    def take(p: str) -> str:
        name = pool[p].pop()
        taken.add(name)
        return name

    # Province summaries: 3 report districts + 1 summary-only district each, shared years.
    n_prov = max(5, n_report // 10)
    per_prov = min(3, n_report // n_prov)
    big = [p for p in provinces if len(pool[p]) >= per_prov + 3]
    summary_provs = rng.sample(big, min(n_prov, len(big)))
    second = set(rng.sample(summary_provs, min(2, len(summary_provs))))
    for p in summary_provs:
        first = rng.randint(2018, 2022)
        years = [first + 1] + ([first + 2] if p in second else [])
        members = []
        for _ in range(per_prov):
            d = District(take(p), p, "report", [first, first + 1, first + 2])
            d.pinned = set(years)
            members.append(d)
            ctx.report_districts.append(d)
        hard = District(take(p), p, "summary-only", years)
        ctx.hard_districts.append(hard)
        prov = Province(p, members, [hard], years)
        prov.chair = names.person()
        ctx.provinces.append(prov)

    flat = [(p, name) for p in provinces for name in pool[p]]
    rng.shuffle(flat)
    while len(ctx.report_districts) < n_report:
        if not flat:
            raise SystemExit("not enough districts in this half of the gazetteer")
        p, name = flat.pop()
        first = rng.randint(2018, 2022)
        ctx.report_districts.append(District(name, p, "report", [first, first + 1, first + 2]))
    ctx.absent_districts = flat[:25]
    flat = flat[25:]
    if n_near:
        n_b = min(len(flat), math.ceil(n_near / 2))
        if n_b * 4 < n_near:
            raise SystemExit("not enough districts for the near-identical articles")
        counts = [1] * n_b
        while sum(counts) < n_near:
            i = rng.randrange(n_b)
            if counts[i] < 4:
                counts[i] += 1
        for (p, name), k in zip(flat[:n_b], counts, strict=True):
            years = sorted(rng.sample(range(2019, 2025), k))
            ctx.near_districts.append(District(name, p, "near-identical", years))

    # Figures, people, report details.
    for d in ctx.report_districts:
        first, last = d.years[0], d.years[-1]
        make_series(rng, d, first, last)
        d.reported = {i for i in OPTIONAL_INDS if rng.random() < 0.72}
        for y in d.years:
            if y in d.pinned:
                d.asof[y] = "year-end"
            elif y == last:
                d.asof[y] = rng.choices(["year-end", "nov", "h1"], [70, 15, 15])[0]
            else:
                d.asof[y] = rng.choices(["year-end", "nov"], [85, 15])[0]
        chair = names.person()
        new_chair = names.person() if rng.random() < 0.3 else chair
        d.chair = {y: (new_chair if y == last else chair) for y in d.years}
        d.secretary, d.vice = names.person(), names.person()
        for y in d.years:
            inc = d.series[y]["increment"]
            if inc > 4:
                continue
            no = rng.randint(100, 4999)
            while no in ctx.decision_numbers:
                no = rng.randint(100, 4999)
            ctx.decision_numbers.add(no)
            end = {"year-end": dt.date(y, 12, 5), "nov": dt.date(y, 11, 10),
                   "h1": dt.date(y, 6, 20)}[d.asof[y]]  # fmt: skip
            date = rand_date(rng, end - dt.timedelta(days=80), end)
            d.decisions[y] = (no, date, [names.commune() for _ in range(inc)])
    for d in ctx.near_districts:
        make_series(rng, d, d.years[0], d.years[-1])
    for d in ctx.hard_districts:
        make_series(rng, d, d.years[0], d.years[-1])
    for prov in ctx.provinces:
        make_province_series(rng, prov)

    nation_years = [2019, 2021, 2023] if ctx.half == 0 else [2020, 2022, 2024]
    ctx.nation_years = sorted(rng.sample(nation_years, 2))
    ctx.nation = make_nation(rng, ctx.nation_years)

    p2025 = list(PROVINCES_2025)
    random.Random("ntm-synth-2025").shuffle(p2025)
    p2025 = [p for p in p2025 if p not in CITIES_2025]
    ctx.provinces_2025 = [p for i, p in enumerate(p2025) if i % 2 == ctx.half]
    for _ in range(max(6, round(n_report / 7.5))):
        c = Commune(names.commune(), rng.choice(ctx.provinces_2025),
                    [names.commune() for _ in range(3)])  # fmt: skip
        ocop = rng.randint(2, 14)
        income = round(rng.uniform(45, 85), 1)
        hamlets = rng.randint(18, 45)
        c.values = {
            "area": round(rng.uniform(60, 240), 1), "pop": rng.randint(18000, 52000),
            "hamlets": hamlets, "hamlets_model": rng.randint(2, hamlets // 3), "ocop": ocop,
            "ocop4": rng.randint(1, max(1, ocop // 3)), "income": income,
            "poverty": round(rng.uniform(0.4, 6.5), 2), "investment": round(rng.uniform(20, 400), 1),
            "km": round(rng.uniform(5, 40), 1), "t_income": round(income + rng.uniform(5, 12)),
        }  # fmt: skip
        c.chair, c.secretary = names.person(), names.person()
        ctx.communes.append(c)


def generate_documents(ctx: Ctx) -> None:
    rng = ctx.rng
    for d in ctx.report_districts:
        for y in d.years:
            district_report(ctx, d, y)
    near_inds = list(NEAR_CLAUSES)
    for d in ctx.near_districts:
        for y in d.years:
            k = rng.randint(2, 4)
            inds = ["total"] + rng.sample(near_inds[1:], k - 1) if rng.random() < 0.7 else \
                rng.sample(near_inds, k)  # fmt: skip
            inds.sort(key=near_inds.index)
            doc = near_identical_article(ctx, d, y, inds)
            ctx.near_docs.append((d, y, doc))
    for prov in ctx.provinces:
        for y in prov.years:
            province_summary(ctx, prov, y)
    for y in ctx.nation_years:
        national_summary(ctx, y)
    for c in ctx.communes:
        new_place_article(ctx, c)


# ---------------------------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------------------------


@dataclass
class Subject:
    ent: str
    kind: str  # district, province, nation, commune
    name: str
    province: str = ""


@dataclass
class Question:
    question: str
    answer: str
    must: list[str]
    sources: list[str]
    answerable: bool
    tags: list[str]
    checks: list[tuple[list[Key], str]] = field(default_factory=list)
    absent: dict | None = None
    qid: str = ""
    masks: list[str] = field(default_factory=list)  # place names, ignored by the quote check

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.qid,
                "question": self.question,
                "answer": self.answer,
                "must_include": self.must,
                "sources": self.sources,
                "answerable": self.answerable,
                "tags": self.tags,
            },
            ensure_ascii=False,
        )


QUOTE_WORDS = 10


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", fold(text))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _mask(text: str, names: list[str]) -> str:
    text = fold(text)
    for name in names:
        text = re.sub(r"[\s,-]*".join(map(re.escape, fold(name).split())), " X ", text)
    return text


def quoted(corpus: Corpus, q: Question) -> set[tuple[str, ...]]:
    """Runs of QUOTE_WORDS words (place names aside) that a question shares with a source.
    Shorter runs are the programme's fixed terms ("được công nhận đạt chuẩn nông thôn mới"
    is 8 words)."""
    grams = _ngrams(_mask(q.question, q.masks), QUOTE_WORDS)
    shared: set[tuple[str, ...]] = set()
    for s in q.sources:
        shared |= grams & _ngrams(_mask(corpus.docs[s], q.masks), QUOTE_WORDS)
    return shared


def paraphrased(method):
    """Ask again (another random phrasing) while the question quotes one of its sources."""

    def wrapper(self, *args, **kwargs):
        for _ in range(30):
            q = method(self, *args, **kwargs)
            if not quoted(self.corpus, q):
                return q
        return q

    return wrapper


class Asker:
    """Turns records into questions: phrasing, language, answer, patterns, sources, tags."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.ph = ctx.ph
        self.corpus = ctx.corpus

    # --- phrasing ---------------------------------------------------------------------------

    def lang(self) -> str:
        r = self.rng.random()
        return "en" if r < 0.05 else "nodiac" if r < 0.15 else "vi"

    def ent_text(self, subj: Subject, lang: str) -> str:
        rng = self.rng
        name, prov = subj.name, subj.province
        if lang == "en":
            if rng.random() < 0.5:
                name, prov = strip_diacritics(name), strip_diacritics(prov)
            return {
                "district": rng.choice([f"{name} district", f"{name} district, {prov} province"]),
                "province": f"{name} province",
                "nation": rng.choice(["the whole country", "Vietnam as a whole"]),
                "commune": f"{name} commune, {prov} province",
            }[subj.kind]
        if subj.kind == "district":
            return rng.choices([f"huyện {name}", f"huyện {name}, tỉnh {prov}",
                                f"huyện {name} ({prov})"], [6, 3, 1])[0]  # fmt: skip
        if subj.kind == "province":
            return rng.choice([f"tỉnh {name}", f"toàn tỉnh {name}"])
        if subj.kind == "nation":
            return rng.choice(["cả nước", "toàn quốc"])
        return rng.choice(
            [f"xã {name}, tỉnh {prov}", f"xã {name} ({prov})", f"xã {name} tỉnh {prov}"]
        )

    def when_text(self, mode: str, y: int, asof: str, lang: str, during: bool,
                  kind: str = "district") -> str:  # fmt: skip
        ph = self.ph
        if kind == "commune":  # post-2025 articles: the year of the merger, or "now"
            if lang == "en":
                return ph.pick([f"in {y}", "now", "after the merger"])
            return ph.pick([f"năm {y}", "hiện nay", "sau sắp xếp", f"trong năm {y}"])
        if lang == "en":
            if mode == "now":
                return ph.pick(["now", "at present", "currently"])
            if asof == "h1":
                return f"in the first half of {y}" if during else f"by mid-{y}"
            if asof == "nov":
                return f"from January to November {y}" if during else f"as of November {y}"
            return f"in {y}" if during else ph.pick([f"by the end of {y}", f"in {y}"])
        if mode == "now":
            return ph.pick(["hiện nay", "đến nay", "hiện tại", "tính đến nay"])
        if during:
            return {"year-end": ph.pick([f"năm {y}", f"trong năm {y}"]),
                    "nov": ph.pick([f"từ đầu năm {y} đến tháng 11", f"trong 11 tháng năm {y}"]),
                    "h1": ph.pick([f"6 tháng đầu năm {y}", f"trong nửa đầu năm {y}"])}[asof]  # fmt: skip
        return {"year-end": ph.pick([f"đến hết năm {y}", f"năm {y}", f"tính đến cuối năm {y}",
                                     f"đến cuối năm {y}", f"tính đến năm {y}"]),
                "nov": ph.pick([f"tính đến tháng 11/{y}", f"đến tháng 11 năm {y}"]),
                "h1": ph.pick([f"tính đến giữa năm {y}", f"sau 6 tháng đầu năm {y}",
                               f"đến hết tháng 6/{y}"])}[asof]  # fmt: skip

    def finish_text(self, text: str, lang: str) -> str:
        text = cap(re.sub(r"\s+", " ", text).replace(" ?", "?").replace(" .", ".").strip())
        text = text.replace(", ?", "?")
        return strip_diacritics(text) if lang == "nodiac" else text

    def lang_tags(self, lang: str) -> list[str]:
        return {"en": ["english"], "nodiac": ["no-diacritics"], "vi": []}[lang]

    def doc_tags(self, sources: list[str]) -> list[str]:
        return sorted({self.corpus.kind[s] for s in sources})

    def masked(self, subj: Subject, q: Question) -> Question:
        q.masks = [x for x in (subj.name, subj.province) if x]
        return q

    # --- answerable ---------------------------------------------------------------------------

    @paraphrased
    def fact(self, subj: Subject, ind: str, y: int, mode: str = "year", asof: str = "year-end",
             extra_tags: Sequence[str] = ()) -> Question:  # fmt: skip
        """A figure question. mode: 'year' (the year is named), 'now' (newest), 'target'."""
        key = (subj.ent, y, ind)
        mentions = self.corpus.by_key[key]
        text = canon_number(mentions[0].text)
        pattern = number_pattern(text)
        lang = self.lang()
        during = ind in DURING_INDS
        when = self.when_text(mode, y, asof, lang, during, subj.kind)
        templates = (Q_EN if lang == "en" else Q_VI)[ind]
        tpl = self.ph.pick(templates)
        q = tpl.format(ent=self.ent_text(subj, lang), when=when, ny=y)
        sources = self.corpus.sources([key])
        tags = ["numeric", *KIND_TAGS[ind], *self.doc_tags(sources), *self.lang_tags(lang)]
        tags += list(extra_tags)
        if mode == "now":
            tags.append("now")
        elif mode == "year" and any(
            k[1] != y and k[1] is not None for k in self.corpus.keys_of(subj.ent) if k[2] == ind
        ):
            tags.append("year")
        answer = f"{text}{UNITS[ind]} ({answer_time(mode, y, asof, during)})"
        return self.masked(subj, Question(self.finish_text(q, lang), answer, [pattern], sources, True,
                        sorted(set(tags)), [([key], pattern)]))  # fmt: skip

    @paraphrased
    def person(self, subj: Subject, role: str, name: str, years: list[int], mode: str,
               y: int | None = None) -> Question:  # fmt: skip
        """Who holds a role; mode 'any' (no time named), 'now' or 'year'."""
        keys = [(subj.ent, yy, role) for yy in years]
        keys = [k for k in keys if self.corpus.has(k) and self.corpus.by_key[k][0].value == name]
        pattern = name_pattern(name)
        lang = self.lang()
        ent_vi = f"tỉnh {subj.name}" if subj.kind == "province" else self.ent_text(subj, "vi")
        if lang == "en":
            when = {"any": "", "now": " now", "year": f" in {y}"}[mode]
            q = self.ph.pick(Q_PERSON_EN[role]).format(ent=self.ent_text(subj, lang), when=when)
        else:
            when = {"any": "", "now": self.ph.pick([" hiện nay", " hiện tại"]),
                    "year": self.ph.pick([f" năm {y}", f" vào năm {y}", f" trong năm {y}"])}[mode]  # fmt: skip
            if role == "chair":
                org = self.rng.choice(["UBND ", "Ủy ban nhân dân "]) + ent_vi
            elif subj.kind == "district":
                org = f"Huyện ủy {subj.name}" + (f" ({subj.province})" if self.rng.random() < 0.3
                                                 else "")  # fmt: skip
            else:
                org = f"Đảng ủy {ent_vi}"
            role_vi = "Chủ tịch" if role == "chair" else "Bí thư"
            q = self.ph.pick(Q_PERSON_VI).format(role=role_vi, org=org, when=when)
        sources = self.corpus.sources(keys)
        tags = ["person", *self.doc_tags(sources), *self.lang_tags(lang)]
        if mode == "now":
            tags.append("now")
        if mode == "year":
            tags.append("year")
        place = {"district": f"huyện {subj.name}", "province": f"tỉnh {subj.name}",
                 "commune": f"xã {subj.name}, tỉnh {subj.province}"}[subj.kind]  # fmt: skip
        if role == "chair":
            title = f"Chủ tịch UBND {place}"
        elif subj.kind == "district":
            title = f"Bí thư Huyện ủy {subj.name}"
        else:
            title = f"Bí thư Đảng ủy {place}"
        years_held = sorted(k[1] for k in keys)
        held = f", năm {years_held[-1]}" if mode in ("now", "year") else ""
        answer = f"{name} ({title}{held})"
        return self.masked(subj, Question(self.finish_text(q, lang), answer, [pattern], sources, True,
                        sorted(set(tags)), [(keys, pattern)]))  # fmt: skip

    @paraphrased
    def decision(self, subj: Subject, d: District, y: int) -> Question:
        key = (subj.ent, y, "decision")
        no, date, communes = d.decisions[y]
        pattern = decision_pattern(no)
        lang = self.lang()
        if lang == "en":
            q = self.ph.pick(Q_DECISION_EN).format(ent=self.ent_text(subj, lang), y=y)
        else:
            q = self.ph.pick(Q_DECISION_VI).format(ent=self.ent_text(subj, lang), y=y,
                                                   c=self.rng.choice(communes))  # fmt: skip
        sources = self.corpus.sources([key])
        tags = ["decision", *self.doc_tags(sources), *self.lang_tags(lang)]
        answer = f"Quyết định số {no}/QĐ-UBND ngày {fmt_date(date)} của UBND tỉnh {d.province}"
        return self.masked(subj, Question(self.finish_text(q, lang), answer, [pattern], sources, True,
                        sorted(set(tags)), [([key], pattern)]))  # fmt: skip

    @paraphrased
    def timeline(self, subj: Subject, years: list[int]) -> Question:
        keys = [(subj.ent, y, "total") for y in years]
        texts = [canon_number(self.corpus.by_key[k][0].text) for k in keys]
        patterns = [number_pattern(t) for t in texts]
        lang = self.lang()
        y1, y2, y3 = years
        tpl = self.ph.pick(Q_TIMELINE_EN if lang == "en" else Q_TIMELINE_VI)
        q = tpl.format(ent=self.ent_text(subj, lang), y1=y1, y2=y2, y3=y3)
        sources = self.corpus.sources(keys)
        tags = ["numeric", "timeline", "total", *self.doc_tags(sources), *self.lang_tags(lang)]
        answer = "; ".join(f"{y}: {t} xã" for y, t in zip(years, texts, strict=True))
        checks = [([k], p) for k, p in zip(keys, patterns, strict=True)]
        return self.masked(subj, Question(self.finish_text(q, lang), answer, patterns, sources, True,
                        sorted(set(tags)), checks))  # fmt: skip

    # --- unanswerable -------------------------------------------------------------------------

    def unanswerable(self, subj: Subject, ind: str, y: int, absent: dict, mode: str = "year",
                     extra_tags: Sequence[str] = ()) -> Question:  # fmt: skip
        lang = self.lang()
        during = ind in DURING_INDS
        if ind.startswith("target"):
            q = self.ph.pick((Q_EN if lang == "en" else Q_VI)[ind]).format(
                ent=self.ent_text(subj, lang), ny=y
            )
        else:
            when = self.when_text(mode, y, "year-end", lang, during, subj.kind)
            q = self.ph.pick((Q_EN if lang == "en" else Q_VI)[ind]).format(
                ent=self.ent_text(subj, lang), when=when
            )
        tags = ["unanswerable", *KIND_TAGS.get(ind, []), *self.lang_tags(lang), *extra_tags]
        return self.masked(subj, Question(self.finish_text(q, lang), "Không có thông tin trong tài liệu.", [], [],
                        False, sorted(set(tags)), absent=absent))  # fmt: skip


def answer_time(mode: str, y: int, asof: str, during: bool) -> str:
    """When the reference answer holds, in words."""
    if mode == "target":
        return f"mục tiêu năm {y}"
    text = {
        "year-end": f"năm {y}",
        "nov": f"từ đầu năm đến tháng 11/{y}" if during else f"tính đến tháng 11/{y}",
        "h1": f"6 tháng đầu năm {y}" if during else f"tính đến hết tháng 6/{y}",
    }[asof]
    return text + (", số liệu mới nhất" if mode == "now" else "")


def district_subject(d: District) -> Subject:
    return Subject(d.ent, "district", d.name, d.province)


def district_questions(ask: Asker, d: District, k: int) -> list[Question]:
    """k questions of different kinds about one report district."""
    corpus, rng = ask.corpus, ask.rng
    subj = district_subject(d)
    last = d.years[-1]
    options: dict[str, list[Callable[[], Question]]] = defaultdict(list)
    for ind in RESULT_INDS:
        years = [y for y in d.years if corpus.has((d.ent, y, ind))]
        for y in years:
            options[ind].append(lambda ind=ind, y=y: ask.fact(subj, ind, y, "year", d.asof[y]))
        if ind in ASOF_INDS and last in years:
            for _ in range(2):
                options[ind].append(lambda ind=ind: ask.fact(subj, ind, last, "now", d.asof[last]))
    for y in d.years:
        if corpus.has((d.ent, y + 1, "target_inc")):
            options["target_inc"].append(lambda y=y: ask.fact(subj, "target_inc", y + 1, "target"))
    for ind in ("target_total", "target_income"):
        if corpus.has((d.ent, 2025, ind)):
            options[ind].append(lambda ind=ind: ask.fact(subj, ind, 2025, "target"))
    chairs = {y: d.chair[y][0] for y in d.years if corpus.has((d.ent, y, "chair"))}
    if chairs:
        changed = len(set(d.chair[y][0] for y in d.years)) > 1
        if changed:
            if last in chairs:
                options["chair"].append(lambda: ask.person(subj, "chair", chairs[last], d.years,
                                                           "now"))  # fmt: skip
            for y, name in chairs.items():
                options["chair"].append(
                    lambda y=y, name=name: ask.person(subj, "chair", name, [y], "year", y)
                )
        else:
            name = next(iter(chairs.values()))
            options["chair"].append(lambda: ask.person(subj, "chair", name, d.years, "any"))
    if any(corpus.has((d.ent, y, "secretary")) for y in d.years):
        options["secretary"].append(lambda: ask.person(subj, "secretary", d.secretary[0],
                                                       d.years, "any"))  # fmt: skip
    for y in d.years:
        if corpus.has((d.ent, y, "decision")):
            options["decision"].append(lambda y=y: ask.decision(subj, d, y))
    if all(corpus.has((d.ent, y, "total")) for y in d.years) and d.asof[last] != "h1":
        options["timeline"].append(lambda: ask.timeline(subj, d.years))
    kinds = [x for x in DISTRICT_KIND_WEIGHTS if options.get(x)]
    out = []
    while kinds and len(out) < k:
        kind = rng.choices(kinds, [DISTRICT_KIND_WEIGHTS[x] for x in kinds])[0]
        kinds.remove(kind)
        out.append(rng.choice(options[kind])())
    return out


def own_docs(corpus: Corpus, ent: str) -> list[str]:
    return [doc for doc, subj in corpus.subject.items() if subj == ent]


def stated_nearby(corpus: Corpus, docs: list[str], ind: str) -> bool:
    """Whether any sentence of these documents puts the indicator's words next to a number."""
    words = re.compile(IND_WORDS[ind], re.IGNORECASE)
    for doc in docs:
        for sentence in re.split(r"(?<=[.;:!?])\s+|\n", corpus.docs[doc]):
            if words.search(sentence) and re.search(r"\d", sentence):
                return True
    return False


def mentions_place(corpus: Corpus, name: str) -> list[str]:
    rx = word_regex(name)
    return [doc for doc in corpus.docs if rx.search(corpus.folded(doc))]


def absent_ok(corpus: Corpus, spec: dict) -> bool:
    """Whether what an unanswerable question asks is truly absent from every document."""
    kind = spec["type"]
    if kind == "place":
        return not mentions_place(corpus, spec["name"])
    ent = spec["ent"]
    keys = corpus.keys_of(ent)
    if kind == "year":
        y = spec["year"]
        if any(k[1] == y for k in keys):
            return False
        rx = year_regex(y)
        return not any(rx.search(corpus.docs[doc]) for doc in mentions_place(corpus, spec["name"]))
    if kind == "indicator":
        ind = spec["ind"]
        if any(k[2] == ind for k in keys):
            return False
        return not stated_nearby(corpus, own_docs(corpus, ent), ind)
    if kind == "target":
        y = spec["year"]
        if not corpus.has((ent, y, spec["target"])):
            return False
        return not any(k[1] == y and k[2] in RESULT_INDS for k in keys)
    raise ValueError(kind)


def unanswerable_questions(ask: Asker, n: int) -> list[Question]:
    """About n questions whose answer is in no document, of several kinds in turn."""
    ctx, corpus, rng = ask.ctx, ask.corpus, ask.rng
    reports = list(ctx.report_districts)
    near = list(ctx.near_districts)
    rng.shuffle(reports)
    rng.shuffle(near)
    absent_d = list(ctx.absent_districts)

    def year_kind() -> Question | None:
        if not reports:
            return None
        d = reports.pop()
        first, last = d.years[0], d.years[-1]
        for y in rng.sample([first - 4, first - 3, first - 2, last + 2, last + 3], 5):
            if y > 2024:
                continue
            spec = {"type": "year", "ent": d.ent, "name": d.name, "year": y}
            if absent_ok(corpus, spec):
                ind = rng.choice(["total", "ocop", "income", "poverty", "avg", "increment"])
                return ask.unanswerable(district_subject(d), ind, y, spec,
                                        extra_tags=["year", "district-report"])  # fmt: skip
        return None

    def indicator_kind(pool: list[District], tag: str) -> Question | None:
        if not pool:
            return None
        d = pool.pop()
        missing = [i for i in IND_WORDS if i not in ("share", "total")]
        rng.shuffle(missing)
        for ind in missing:
            spec = {"type": "indicator", "ent": d.ent, "name": d.name, "ind": ind}
            if absent_ok(corpus, spec):
                y = rng.choice(d.years)
                return ask.unanswerable(district_subject(d), ind, y, spec, extra_tags=[tag])
        return None

    def target_kind() -> Question | None:
        if not reports:
            return None
        d = reports.pop()
        last = d.years[-1]
        if rng.random() < 0.6:
            spec = {"type": "target", "ent": d.ent, "year": last + 1, "target": "target_inc"}
            if absent_ok(corpus, spec):
                return ask.unanswerable(district_subject(d), "increment", last + 1, spec,
                                        extra_tags=["target", "district-report"])  # fmt: skip
        spec = {"type": "target", "ent": d.ent, "year": 2025, "target": "target_total"}
        if absent_ok(corpus, spec):
            return ask.unanswerable(district_subject(d), "total", 2025, spec,
                                    extra_tags=["target", "district-report"])  # fmt: skip
        return None

    def absent_district() -> Question | None:
        if not absent_d:
            return None
        p, name = absent_d.pop()
        spec = {"type": "place", "name": name}
        if not absent_ok(corpus, spec):
            return None
        ind = rng.choice(["total", "ocop", "income", "poverty", "increment", "nang_cao"])
        subj = Subject(f"d:{name}", "district", name, p)
        return ask.unanswerable(subj, ind, rng.randint(2019, 2024), spec)

    def absent_commune() -> Question | None:
        name = ctx.names.commune()
        prov = rng.choice(ctx.provinces_2025)
        spec = {"type": "place", "name": name}
        if not absent_ok(corpus, spec):
            return None
        ind = rng.choice(["ocop", "income", "poverty", "hamlets_model"])
        subj = Subject(f"c:{name}|{prov}", "commune", name, prov)
        return ask.unanswerable(subj, ind, 2025, spec, extra_tags=["new-place"])

    makers = [
        year_kind, lambda: indicator_kind(reports, "district-report"), target_kind,
        absent_district, absent_commune, lambda: indicator_kind(near, "near-identical"),
        year_kind, target_kind,
    ]  # fmt: skip
    out: list[Question] = []
    turn = 0
    while len(out) < n and turn < 50 * max(n, 1):
        q = makers[turn % len(makers)]()
        turn += 1
        if q is not None:
            out.append(q)
    return out


def build_questions(ctx: Ctx, n_near_questions: int) -> list[Question]:
    ask = Asker(ctx)
    corpus, rng = ctx.corpus, ctx.rng
    qs: list[Question] = []
    for d in ctx.report_districts:
        qs += district_questions(ask, d, 2)
    # Near-identical articles: figures that only that article states.
    sample = rng.sample(ctx.near_docs, min(n_near_questions, len(ctx.near_docs)))
    for d, y, _doc in sample:
        inds = [i for i in NEAR_CLAUSES if corpus.has((d.ent, y, i))]
        ind = rng.choice(inds)
        qs.append(ask.fact(district_subject(d), ind, y, "year", "year-end"))
    # Province summaries: one province figure, one district figure from the same article.
    for prov in ctx.provinces:
        subj = Subject(prov.ent, "province", prov.name)
        for y in prov.years:
            ind = rng.choice(["total", "increment", "share", "nang_cao", "kieu_mau",
                              "district_units", "total", "avg", "ocop"])  # fmt: skip
            if corpus.has((prov.ent, y, ind)):
                qs.append(ask.fact(subj, ind, y, "year"))
        y = prov.years[0]
        hard = prov.hard[0]
        qs.append(ask.fact(district_subject(hard), rng.choice(["total", "avg"]), y, "year"))
        if rng.random() < 0.5:
            qs.append(ask.fact(subj, "target_inc", y + 1, "target"))
        elif rng.random() < 0.5:
            qs.append(ask.person(subj, "chair", prov.chair[0], prov.years, "any"))
    # National summaries.
    nat = Subject("n:VN", "nation", "cả nước")
    for y in ctx.nation_years:
        for ind in rng.sample(["total", "share", "increment", "nang_cao", "kieu_mau",
                               "district_units", "ocop", "income"], 2):  # fmt: skip
            if corpus.has(("n:VN", y, ind)):
                qs.append(ask.fact(nat, ind, y, "year"))
    # Post-2025 communes.
    for c in ctx.communes:
        subj = Subject(c.ent, "commune", c.name, c.province)
        options = [i for i in ("hamlets_model", "ocop", "ocop4", "income", "poverty",
                               "investment", "km") if corpus.has((c.ent, 2025, i))]  # fmt: skip
        picks = rng.sample(options, min(len(options), rng.choice([1, 2])))
        for ind in picks:
            qs.append(ask.fact(subj, ind, 2025, "year", extra_tags=["new-place"]))
        if rng.random() < 0.5:
            role = rng.choice(["chair", "secretary"])
            name = c.chair[0] if role == "chair" else c.secretary[0]
            if corpus.has((c.ent, 2025, role)):
                qs.append(ask.person(subj, role, name, [2025], "any"))
    n_unans = round(len(qs) * 0.15 / 0.85)
    qs += unanswerable_questions(ask, n_unans)
    # Drop accidental duplicates, shuffle, number.
    seen, unique = set(), []
    for q in qs:
        if q.question not in seen:
            seen.add(q.question)
            unique.append(q)
    rng.shuffle(unique)
    return unique


# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------


class SelfCheckError(AssertionError):
    pass


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise SelfCheckError(message)


def self_check(corpus: Corpus, questions: list[Question]) -> None:
    """Raise SelfCheckError on the first inconsistency between records, texts and questions."""
    for name, text in corpus.docs.items():
        _require(text == nfc(text), f"{name}: not NFC")
        _require(not re.search(r"\{\w*\}", text), f"{name}: unfilled template field")
        _require(re.fullmatch(r"syn_\d{4}\.txt", name) is not None, f"{name}: bad file name")
    # Every record is in its document, and all records of one fact agree.
    for m in corpus.mentions:
        text = corpus.docs[m.doc]
        _require(m.sentence in text or cap(m.sentence) in text,
                 f"{m.doc}: sentence not in text: {m.sentence!r}")  # fmt: skip
        _require(m.text in m.sentence or cap(m.text) in m.sentence,
                 f"{m.doc}: {m.text!r} not in {m.sentence!r}")  # fmt: skip
    for key, ms in corpus.by_key.items():
        values = {m.value for m in ms}
        _require(len(values) == 1, f"{key}: inconsistent values {values}")
    ids = [q.qid for q in questions]
    _require(len(ids) == len(set(ids)), "duplicate question ids")
    for q in questions:
        where = f"{q.qid} ({q.question})"
        _require(set(q.tags) <= ALLOWED_TAGS, f"{where}: unknown tags {set(q.tags) - ALLOWED_TAGS}")
        _require(q.question == nfc(q.question), f"{where}: question not NFC")
        if "no-diacritics" in q.tags:
            _require(strip_diacritics(q.question) == q.question, f"{where}: has diacritics")
        for p in q.must:
            try:
                re.compile(p)
            except re.error as exc:
                raise SelfCheckError(f"{where}: pattern {p!r} does not compile: {exc}") from None
        if not q.answerable:
            _require(not q.must and not q.sources, f"{where}: unanswerable with patterns/sources")
            _require("unanswerable" in q.tags, f"{where}: missing tag")
            _require(q.absent is not None and absent_ok(corpus, q.absent),
                     f"{where}: what it asks is present: {q.absent}")  # fmt: skip
            continue
        _require(bool(q.must) and bool(q.sources), f"{where}: no pattern or no source")
        _require(all(s in corpus.docs for s in q.sources), f"{where}: unknown source")
        answer = nfc(q.answer.split("\n\n")[0])
        for p in q.must:
            _require(re.search(p, answer, re.IGNORECASE) is not None,
                     f"{where}: {p!r} does not match the answer {answer!r}")  # fmt: skip
        all_keys = [k for keys, _ in q.checks for k in keys]
        _require(q.sources == corpus.sources(all_keys), f"{where}: sources != stating documents")
        for keys, p in q.checks:
            ms = [m for k in keys for m in corpus.by_key.get(k, [])]
            _require(bool(ms), f"{where}: no record for {keys}")
            for m in ms:
                _require(re.search(p, m.text, re.IGNORECASE) is not None,
                         f"{where}: {p!r} does not match {m.text!r} in {m.doc}")  # fmt: skip
                _require(re.search(p, corpus.docs[m.doc], re.IGNORECASE) is not None,
                         f"{where}: {p!r} does not match {m.doc}")  # fmt: skip
        _require(len(q.checks) == len(q.must), f"{where}: a pattern without a check")
        # Paraphrase, not quotation.
        shared = quoted(corpus, q)
        _require(not shared, f"{where}: quotes a source: {shared}")
    _require(
        sum(not q.answerable for q in questions) >= 0.1 * len(questions), "too few unanswerable"
    )


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def generate(out: Path, seed: int, districts: int = 60, near_identical: int = 300) -> dict:
    rng = random.Random(f"ntm-synth-{seed}")
    half = 0 if seed % 2 else 1  # odd seeds: tuning half; even seeds: held-out half
    ctx = Ctx(
        rng=rng,
        ph=Phrasebook(rng, heldout=seed % 2 == 0),
        corpus=Corpus(),
        names=Names(rng, half),
        half=half,
    )
    plan(ctx, districts, near_identical)
    generate_documents(ctx)
    ctx.corpus.rename(rng)
    questions = build_questions(ctx, max(1, near_identical // 10))
    for i, q in enumerate(questions, start=1):
        q.qid = f"syn{seed}-{i:04d}"
    self_check(ctx.corpus, questions)

    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for old in docs_dir.glob("syn_*.txt"):
        old.unlink()
    for name in sorted(ctx.corpus.docs):
        (docs_dir / name).write_text(ctx.corpus.docs[name], encoding="utf-8")
    with (out / "questions.jsonl").open("w", encoding="utf-8") as fh:
        for q in questions:
            fh.write(q.to_json() + "\n")
    tags: dict[str, int] = defaultdict(int)
    for q in questions:
        for t in q.tags:
            tags[t] += 1
    kinds: dict[str, int] = defaultdict(int)
    for k in ctx.corpus.kind.values():
        kinds[k] += 1
    return {
        "documents": len(ctx.corpus.docs),
        "documents_by_kind": dict(sorted(kinds.items())),
        "questions": len(questions),
        "answerable": sum(q.answerable for q in questions),
        "tags": dict(sorted(tags.items(), key=lambda kv: -kv[1])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True, help="1 = tuning, 2 = held-out")
    parser.add_argument("--districts", type=int, default=60, help="districts with 3 reports")
    parser.add_argument("--near-identical", type=int, default=300, help="templated articles")
    args = parser.parse_args(argv)
    if args.districts < 1 or args.near_identical < 0:
        parser.error("--districts must be >= 1 and --near-identical >= 0")
    stats = generate(args.out, args.seed, args.districts, args.near_identical)
    print(json.dumps(stats, ensure_ascii=False, indent=2))
    print(f"self-check passed; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
