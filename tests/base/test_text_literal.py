"""Strings from documents and file names shown as what they are: ``printable`` spells out
control characters, ``markdown_literal`` keeps Markdown from turning text into links, images
or HTML."""

from __future__ import annotations

import re

import pytest

from base.text import markdown_literal, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("bao-cao\n.txt", "bao-cao\\n.txt"),
        ("a\tb", "a\\tb"),
        ("\x1b[31mđỏ\x1b[0m.txt", "\\x1b[31mđỏ\\x1b[0m.txt"),
        ("gnp.exe\u202etxt", "gnp.exe\\u202etxt"),  # a right-to-left override
        ("Báo cáo Đình Lập.docx", "Báo cáo Đình Lập.docx"),
    ],
)
def test_printable_spells_out_control_characters(raw, shown):
    assert printable(raw) == shown


@pytest.mark.parametrize(
    "raw",
    [
        "![b](http://host/x.png)",
        "[Tải báo cáo](http://host/bao-cao)",
        "<img src=x onerror=alert(1)>",
        "xem http://host/x hoặc www.host.vn",
        "[1](http://host) và [tham khảo]: http://host",
    ],
)
def test_markdown_literal_leaves_nothing_to_fetch_or_follow(raw):
    out = markdown_literal(raw)
    assert not re.search(r"(?<!\\)(\]\(|\]:|<|://|www\.)", out), out


def test_markdown_literal_keeps_ordinary_text_and_citation_markers():
    text = "Toàn huyện có 06/10 xã đạt chuẩn NTM (năm 2021) [1], chiếm 60% [2]."
    assert markdown_literal(text) == text
