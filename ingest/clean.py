"""Remove web-page debris (toolbars, counters, widgets, related-news lists) from article text.

Citations quote the cleaned text, so cleaning only ever removes: whole lines, or a debris
phrase glued to the start or end of a line. Nothing inside a kept line changes, not even its
spaces, so every line of the result is verbatim (a prefix or suffix of) a line of the NFC
source. Rules are conservative: a debris rule only matches a short line (under
``SHORT_LINE`` characters) unless the line is made of known toolbar words only.

What is not text is not indexed either: a run of more than ``NOT_TEXT_RUN`` characters with
no space (base64, a data URI, one character repeated) or with no letter (a line of digits and
commas, of '!') is cut out of its line, and the text on either side of it becomes a line of
its own; ``clean(text, dropped)`` lists the lengths of the runs cut, for an ingest warning.

Usage::

    clean("Skip to main content\\nĐăng nhập\\n\\nTiêu đề\\n\\nNội dung.")
    # -> 'Tiêu đề\\n\\nNội dung.'
"""

from __future__ import annotations

import re

from base.locations import is_marker_line
from base.text import normalize

SHORT_LINE = 80
# The longest run of characters without a space, or without a letter, that may still be text:
# no word is this long, and no sentence goes this far without a letter.
NOT_TEXT_RUN = 300
_NO_SPACE_RUN = re.compile(rf"(?<!\S)\S{{{NOT_TEXT_RUN + 1},}}")
_NO_LETTER_RUN = re.compile(rf"(?<![\W\d_])[\W\d_]{{{NOT_TEXT_RUN + 1},}}")
_RUN_LEAD = re.compile(r"(?:[.,;:!?…)\]\"”’]{1,3}(?=\s))?\s*")

# Words of toolbars, share and accessibility widgets. A line made only of these (and
# separators) is debris whatever its length: "Chế độ ban đêm In trang Xuất PDF Đọc nội dung".
_TOOLBAR_WORDS = [
    r"skip to (?:main )?content",
    r"chuyển (?:đến|tới) nội dung(?: chính)?",
    r"(?:đi|bỏ qua) (?:đến |tới )?nội dung(?: chính)?",
    r"truy cập nội dung(?: luôn)?",
    r"chế độ ban (?:đêm|ngày)",
    r"chế độ (?:tối|sáng)",
    r"in trang",
    r"in bài(?: viết)?",
    r"bản in",
    r"xuất pdf",
    r"tải (?:về )?pdf",
    r"đọc nội dung",
    r"đọc bài(?: viết)?",
    r"nghe (?:đọc )?bài(?: viết)?",
    r"nghe đọc",
    r"cỡ chữ",
    r"phóng to",
    r"thu nhỏ",
    r"[-–]\s?a\s+a\s+\+\s?a",
    r"a\s?[-–]\s+a\s+a\s?\+",
    r"a\s?\+\s+a\s+a\s?[-–]",
    r"chia sẻ(?: bài viết)?",
    r"gửi (?:email|bài viết|cho bạn bè)",
    r"lưu (?:bài viết|tin)",
    r"sao chép (?:liên kết|link)",
    r"copy link",
    r"share",
    r"tweet",
    r"print",
    r"facebook",
    r"zalo",
    r"twitter",
    r"email",
    r"google\+?",
    r"website",
    r"rss",
    r"đăng nhập",
    r"đăng ký",
    r"đăng xuất",
    r"tìm kiếm",
    r"search",
    r"trang chủ",
    r"quay lại",
    r"về trang trước",
    r"(?:lên )?đầu trang",
    r"bình luận",
    r"thích",
    r"like",
]
_SEPARATORS = r"[\s|/•·,;:>»\-–—]*"
_TOOLBAR_LINE = re.compile(
    rf"^{_SEPARATORS}(?:(?:{'|'.join(_TOOLBAR_WORDS)}){_SEPARATORS})+$", re.IGNORECASE
)

# Short lines that are debris on their own, wherever they are.
_DEBRIS_LINE = re.compile(
    r"^(?:"
    # visitor counters: "Đang truy cập:2569", "Tổng truy cập: 2883081", "Thống kê truy cập"
    r"(?:đang|lượt|tổng(?: số)?(?: lượt)?|số lượt) (?:truy cập|online)\s*:?\s*[\d.,\s]*"
    r"|(?:online|đang online|hôm nay|hôm qua|trong (?:tuần|tháng|năm)|tuần (?:này|trước)"
    r"|tháng (?:này|trước)|khách|thành viên|lượt xem|số lượt xem)\s*:?\s*\d[\d.,\s]*"
    r"|thống kê (?:truy cập|lượt truy cập)\s*:?"
    r"|(?:các|những) tin (?:đã đưa|khác)(?: ngày)?\s*:?"
    r"|xem (?:theo )?ngày\s*:?"
    r"|xem thêm\s*:?"
    r"|bạn (?:thấy|đánh giá) (?:trang web|trang thông tin|website|cổng thông tin)\b.*"
    r"|ý kiến (?:bạn đọc|của bạn)\s*:?|gửi (?:ý kiến|bình luận)"
    r"|tags?\s*:.*|từ khóa\s*:.*|từ khoá\s*:.*"
    r")$",
    re.IGNORECASE,
)

# Short lines that are debris only in the page's trailer (after the last long paragraph):
# site footers, contact lines, poll options. In an article body they could be real text.
# A contact line ('ĐT: 0939.923988', 'Hotline: …'); titles skip it too (``ingest.metadata``).
CONTACT = r"(?:địa chỉ|điện thoại|đt|tel|fax|e-?mail|hotline)\s*:"
_TRAILER_LINE = re.compile(
    r"^(?:"
    r"(?:©|\(c\)|copyright\b|bản quyền\b).*"
    r"|(?:cơ quan chủ quản|giấy phép(?: số| xuất bản)?|chịu trách nhiệm(?: chính| nội dung)?"
    r"|trưởng ban biên tập|tổng biên tập|ghi rõ nguồn|phát triển bởi|thiết kế bởi)\b.*"
    rf"|{CONTACT}.*"
    r"|(?:rất )?hài lòng|không hài lòng|bình thường|bình chọn|xem kết quả"
    r")$",
    re.IGNORECASE,
)

# Breadcrumbs such as "Trang chủ > Tin tức > Nông thôn mới" (allowed to be a little longer).
_BREADCRUMB = re.compile(r"^(?:trang chủ|home)\s*[>»/|›].*$", re.IGNORECASE)

# Cookie notices are long sentences but unmistakable.
_COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:sử dụng|dùng|chấp nhận|đồng ý|use|accept|consent)\b"
    r"|\b(?:sử dụng|dùng|chấp nhận|đồng ý|use|accept|consent)\b.*\bcookies?\b",
    re.IGNORECASE,
)

# A related-news header: it and everything after it go, when it is in the tail of the page.
_TAIL_HEADER = re.compile(
    r"^(?:tin liên quan|tin cùng chuyên mục|bài viết liên quan|các bài viết liên quan|"
    r"bài liên quan|tin bài liên quan|tin khác|các tin khác|tin mới hơn|tin cũ hơn|"
    r"tin đã đưa|các tin đã đưa(?: ngày)?|xem thêm các tin khác|có thể bạn quan tâm|"
    r"đọc thêm|tin mới nhất|tin nổi bật|tin đọc nhiều)\s*:?$",
    re.IGNORECASE,
)

# Debris glued onto the end or start of a real line: "Xuân HuyThống kê truy cập".
_GLUED_SUFFIX = re.compile(
    r"(?:thống kê truy cập|các tin đã đưa ngày\s*:?|đang truy cập\s*:?\s*[\d.,]*)\s*$",
    re.IGNORECASE,
)
_GLUED_PREFIX = re.compile(
    r"^(?:skip to (?:main )?content|truy cập nội dung luôn|chuyển đến nội dung chính)",
    re.IGNORECASE,
)

# Words that mark a toolbar line (the line under the banner and above the article).
_TOOLBAR_MARK = re.compile(
    r"in trang|xuất pdf|chế độ ban đêm|đọc nội dung|[-–]\s?a\s+a\s+\+\s?a|cỡ chữ",
    re.IGNORECASE,
)
# Site-wide exhortation banners ("Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội ...").
_SLOGAN = re.compile(
    r"^(?:quyết tâm|nhiệt liệt chào mừng|chào mừng|mừng đảng|thi đua|"
    r"toàn đảng, toàn dân|đoàn kết)\b.*(?:nghị quyết|đại hội|kỷ niệm|thắng lợi|năm)",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    r"^(?:(?:thứ \w+|chủ nhật)\s*,?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2})?$",
    re.IGNORECASE,
)
_TOP_LINES = 8


def clean(text: str, dropped: list[int] | None = None) -> str:
    """Normalise ``text`` and drop web-page debris and runs that are not text; article
    sentences are never touched, but for the line breaks of a hard-wrapped text (a report
    saved from a PDF), which become spaces so that a sentence is one line again. ``dropped``
    receives the length of each run that was not text."""
    lines = [
        piece
        for line in normalize(text).split("\n")
        for piece in _without_not_text(line, dropped if dropped is not None else [])
    ]
    lines = _unwrap(lines)
    lines = _drop_banner(lines)
    lines = _cut_tail(lines)
    body_end = max((i for i, line in enumerate(lines) if len(line) >= 2 * SHORT_LINE), default=-1)
    kept = [_clean_line(line, trailer=i > body_end) for i, line in enumerate(lines)]
    out = "\n".join(line for line in kept if line is not None)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


# a hard-wrapped text (a report saved from a PDF or a mail): most lines are of a width, and a
# sentence runs on into a line that starts in lower case or with a digit
_WRAP_WIDTH = (45, 100)
_WRAPPED_SHARE = 0.5
_WRAPPED_LEAST = 4
_LINE_END = re.compile(r"[.!?:;…\"”)\]]\s*$")
_FULL_LINE = 60  # a wrapped line this long runs on even into a capital ('… Ban' / 'Chỉ đạo')
_WRAPPED_HEADING = 15
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[a-zđ]\))\s")
_ITEM_MARK = re.compile(r"^[-+•*–]\s*(?!\d)")


def _without_not_text(line: str, dropped: list[int]) -> list[str]:
    """``line`` as it is, or, when it holds runs that are not text (``NOT_TEXT_RUN``), the
    pieces of text around them, each a line of its own; the runs' lengths go to ``dropped``."""
    spans = [m.span() for m in _NO_SPACE_RUN.finditer(line)]
    for m in _NO_LETTER_RUN.finditer(line):
        # the mark that ends the sentence before it stays with that sentence ('chuẩn. 1, 1, …')
        start = m.start() + _RUN_LEAD.match(line, m.start()).end() - m.start()
        if m.end() - start > NOT_TEXT_RUN and line[start : m.end()].strip():
            spans.append((start, m.end()))
    if not spans:
        return [line]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[str] = []
    at = 0
    for start, end in merged:
        pieces.append(line[at:start].strip())
        dropped.append(end - start)
        at = end
    pieces.append(line[at:].strip())
    return [piece for piece in pieces if piece] or [""]


def _unwrap(lines: list[str]) -> list[str]:
    """The lines of a hard-wrapped text joined back into its paragraphs; other texts as they
    are (a line of a page is a paragraph, and a short line a heading)."""
    texty = [line.strip() for line in lines if len(line.strip()) >= 20]
    wrapped = [line for line in texty if _wraps(line)]
    if len(wrapped) < _WRAPPED_LEAST or len(wrapped) < _WRAPPED_SHARE * len(texty):
        return lines
    out: list[str] = []
    raw = ""  # the line before, as it was
    for line in lines:
        stripped = line.strip()
        if out and stripped and _runs_into(raw, stripped):
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
        raw = stripped
    return out


def _runs_into(before: str, line: str) -> bool:
    """Whether the sentence of the (stripped) line ``before`` goes on in ``line``: a line of
    the wrapped width that stops with no final mark, followed by a line that starts in lower
    case or with a digit, or by any line but an item when it was nearly full ('… Ban' / 'Chỉ
    đạo'); a short heading cut at its comma goes on too ('1. Công tác chỉ đạo,' / 'điều
    hành'). An item starts its own line: '- Xác định …', '1. Mục đích' (not '- 2025')."""
    if not before or _LINE_END.search(before):
        return False
    item = bool(_ITEM_MARK.match(line) or _LIST_MARK.match(line))
    runs_on = (line[:1].islower() or line[:1].isdigit()) and not _LIST_MARK.match(line)
    if _wraps(before) and (runs_on or (len(before) >= _FULL_LINE and not item)):
        return True
    return runs_on and len(before) >= _WRAPPED_HEADING


def _wraps(line: str) -> bool:
    """A line of a wrapped text's width that stops with no final mark."""
    return _WRAP_WIDTH[0] <= len(line) <= _WRAP_WIDTH[1] and not _LINE_END.search(line)


def is_debris_line(line: str) -> bool:
    """Whether a (stripped) line is web-page furniture rather than article text."""
    if not line:
        return False
    if _TOOLBAR_LINE.match(line):
        return True
    if len(line) < SHORT_LINE and _DEBRIS_LINE.match(line):
        return True
    if len(line) < 2 * SHORT_LINE and _BREADCRUMB.match(line):
        return True
    return len(line) < 4 * SHORT_LINE and bool(_COOKIE.search(line))


def _clean_line(line: str, trailer: bool) -> str | None:
    """The line without glued debris, "" for a blank line, None when it must go."""
    if not line:
        return ""
    if is_marker_line(line):
        return line  # '[Trang 3]': where the text below it is, which citations show
    if is_debris_line(line) or (trailer and len(line) < SHORT_LINE and _TRAILER_LINE.match(line)):
        return None
    if len(line) < 2 * SHORT_LINE:
        line = _GLUED_PREFIX.sub("", line).lstrip()
        line = _GLUED_SUFFIX.sub("", line).rstrip()
        if not line or is_debris_line(line):
            return None
    return line


def _drop_banner(lines: list[str]) -> list[str]:
    """Drop a site banner above the toolbar line at the very top of the page."""
    # Page markers ('[Trang 1]') are neither banner nor headline: never dropped, never read.
    content = [i for i, line in enumerate(lines) if line and not is_marker_line(line)]
    content = content[:_TOP_LINES]
    toolbar = next(
        (i for i in content if _TOOLBAR_MARK.search(lines[i]) and _TOOLBAR_LINE.match(lines[i])),
        None,
    )
    if toolbar is None:
        return lines
    above = [i for i in content if i < toolbar and not is_debris_line(lines[i])]
    if not above:
        return lines
    after = [
        i
        for i in range(toolbar + 1, len(lines))
        if lines[i] and not is_debris_line(lines[i]) and not is_marker_line(lines[i])
    ]
    # The headline comes after the toolbar when the next real line is short and no sentence.
    headline_follows = bool(after) and _looks_like_headline(lines[after[0]])
    drop = {i for i in above if _SLOGAN.match(lines[i]) or headline_follows}
    return [line for i, line in enumerate(lines) if i not in drop]


def _looks_like_headline(line: str) -> bool:
    return len(line) < 250 and not line.endswith((".", "…")) and not _DATE_ONLY.match(line)


def _cut_tail(lines: list[str]) -> list[str]:
    """Cut a related-news header and everything after it in the second half of the page."""
    total = sum(len(line) + 1 for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen > total / 2 and _TAIL_HEADER.match(line):
            return lines[:i]
        seen += len(line) + 1
    return lines
