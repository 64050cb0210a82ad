"""Offices: the titles people hold in the articles ('Chủ tịch UBND tỉnh', 'Bí thư Huyện ủy',
'Giám đốc Sở …'), as written and folded, so that a question's office and a sentence's are read
from one list."""

from __future__ import annotations

from base.text import fold

# The first words of an office as articles write them, Vietnamese then English; an office
# runs on from them to its body ('Chủ tịch UBND huyện Ba Tơ').
OFFICES = (
    "Chủ tịch",
    "Bí thư",
    "Giám đốc",
    "Trưởng",
    "Chánh",
    "Phó",
    "Thứ trưởng",
    "Bộ trưởng",
    "Thủ tướng",
    "Ủy viên",
    "Uỷ viên",
    "Tổng",
    "Chủ nhiệm",
    "Deputy",
    "Director",
    "Chairman",
    "Chairwoman",
    "Vice",
    "Head",
    "Secretary",
    "Minister",
    "Chief",
)
# Words before an office that say which holder ('Nguyên Chủ tịch', 'Quyền Giám đốc').
OFFICE_RANKS = ("Nguyên", "Phó", "Quyền")
# Offices named whole, as written: those a question names to ask for their holder ('Chủ
# tịch UBND xã X tên là gì?') and those a brief lists its people by; never a word of another
# meaning ('trưởng' alone folds like 'trường', a school).
NAMED_OFFICES = (
    "Chủ tịch",
    "Bí thư",
    "Giám đốc",
    "Trưởng ban",
    "Trưởng phòng",
    "Trưởng thôn",
    "Chánh Văn phòng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Chủ nhiệm",
)
# ... folded
ASKED_OFFICES = tuple(fold(o).lower() for o in NAMED_OFFICES)
