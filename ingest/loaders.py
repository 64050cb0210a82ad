"""The only module that opens user files: find them, read them, extract their text.

A file that cannot be used raises :class:`FileRejected` whose ``reason`` is shown to the user
("tệp rỗng (empty file)"); the caller reports it and goes on with the other files. Text comes
out as extracted, not yet cleaned (see :func:`ingest.clean.clean`).

Usage::

    files, rejected = collect_files([Path("documents"), Path("bao-cao.pdf")])
    for path in files:
        try:
            raw, text = read_document(path, max_bytes=settings_max_bytes)
        except FileRejected as err:
            rejected.append(Rejection(str(path), err.reason))
"""

from __future__ import annotations

import io
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from base.errors import FileRejected
from base.locations import page_marker
from base.types import Rejection
from ingest import ocr

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")

# Files a directory walk skips without a word: OS and editor droppings.
_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"}

Warn = Callable[[str], None]  # a problem that did not stop the file: 'trang 3: OCR found no text'
PageProgress = Callable[[int, int, str], None]  # (pages done, pages to do, message)

REASON_NOT_FOUND = "không tồn tại (not found)"
REASON_EMPTY = "tệp rỗng (empty file)"
REASON_BINARY = "nội dung nhị phân, không phải văn bản (binary content, not text)"
REASON_UNDECODABLE = (
    "không giải mã được (cannot decode as UTF-8); hãy lưu lại tệp với mã hoá UTF-8 "
    "(save the file as UTF-8)"
)


def _unsupported(suffix: str) -> str:
    if not suffix:
        return "định dạng không hỗ trợ (unsupported type: no file extension)"
    return f"định dạng không hỗ trợ (unsupported type {suffix})"


def _is_junk(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES or name.endswith("~")


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Rejection]]:
    """The files to ingest under ``paths`` and the paths rejected up front, with reasons.

    Directories are walked recursively in sorted order, skipping hidden files and folders
    and OS junk (.DS_Store, Thumbs.db, Office lock files); any other file of an unsupported
    type is reported. A named file is taken or rejected as it is; a file named twice is
    taken once.
    """
    files: list[Path] = []
    rejected: list[Rejection] = []
    seen: set[Path] = set()

    def take(path: Path) -> None:
        if not path.exists():
            rejected.append(Rejection(str(path), REASON_NOT_FOUND))
        elif not path.is_file():
            rejected.append(Rejection(str(path), "không phải tệp thường (not a regular file)"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            rejected.append(Rejection(str(path), _unsupported(path.suffix.lower())))
        else:
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(path)

    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not _is_junk(name):
                        take(Path(root) / name)
        elif path.exists() or path.is_symlink():
            take(path)
        else:
            rejected.append(Rejection(str(path), REASON_NOT_FOUND))
    return files, rejected


def read_document(
    path: Path,
    max_bytes: int,
    *,
    raw: bytes | None = None,
    warn: Warn | None = None,
    progress: PageProgress | None = None,
) -> tuple[bytes, str]:
    """(raw bytes, extracted text) of one file, or :class:`FileRejected` saying why not.

    ``max_bytes`` comes from the NTM_MAX_FILE_MB setting. The text is NFC but otherwise as
    extracted: one paragraph per line, headline first where the format says which it is; a
    PDF's pages each open with a marker line ('[Trang 3]', see :mod:`base.locations`).
    ``raw``: the bytes already read by :func:`read_bytes`. ``warn`` hears of problems that did
    not stop the file (a scanned page OCR could not read); ``progress`` of OCR, page by page.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRejected(_unsupported(suffix), path=path)
    raw = read_bytes(path, max_bytes) if raw is None else raw
    if not raw.strip():
        raise FileRejected(REASON_EMPTY, path=path)
    if suffix in TEXT_SUFFIXES:
        text = _decode_text(path, raw)
        if suffix == ".md":
            text = markdown_to_text(text)
    elif suffix in HTML_SUFFIXES:
        text = _html_text(path, raw)
    elif suffix == ".pdf":
        text = _pdf_text(path, raw, warn, progress)
    else:
        text = _docx_text(path, raw)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise FileRejected(REASON_EMPTY, path=path)
    return raw, text


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (at most ``max_bytes``), or :class:`FileRejected` saying why not: what
    ingest hashes to skip an unchanged file before extracting (and OCR-ing) its text."""
    try:
        if not path.exists():
            raise FileRejected(REASON_NOT_FOUND, path=path)
        if path.is_dir():
            raise FileRejected("là thư mục, không phải tệp (is a directory, not a file)", path=path)
        size = path.stat().st_size
        if size > max_bytes:
            raise FileRejected(
                f"tệp quá lớn: {_size(size)}, giới hạn {_size(max_bytes)}; tăng NTM_MAX_FILE_MB "
                f"nếu cần (file too large: {_size(size)} > {_size(max_bytes)} limit; "
                "raise NTM_MAX_FILE_MB to allow it)",
                path=path,
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except PermissionError as err:
        raise FileRejected(
            "không có quyền đọc tệp (unreadable: permission denied)", path=path
        ) from err
    except IsADirectoryError as err:
        raise FileRejected(
            "là thư mục, không phải tệp (is a directory, not a file)", path=path
        ) from err
    except OSError as err:
        raise FileRejected(f"không đọc được tệp (cannot read: {err.strerror})", path=path) from err
    if len(raw) > max_bytes:  # grew while we looked
        raise FileRejected(
            f"tệp quá lớn (file too large: > {_size(max_bytes)}; see NTM_MAX_FILE_MB)", path=path
        )
    return raw


def _size(n: int) -> str:
    """'25.3 MB', '150 KB', '100 B': sizes as people read them."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


# --------------------------------------------------------------------------- text decoding

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_VIET = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
_VIET_LETTERS = set(_VIET + _VIET.upper())
_VIET_SPECIFIC = _VIET_LETTERS - set("aeiouyAEIOUYéÉàÀèÈìÌòÒùÙáÁíÍóÓúÚýÝâÂêÊôÔãÃõÕ")
_TYPOGRAPHY = set("“”‘’–—…•·«»°€£§¶©®™×÷±\u00a0\u2009\u202f")


def decode_text(raw: bytes) -> str | None:
    """Text of ``raw``: UTF-8/16/32 by BOM, else UTF-8, else Vietnamese Windows (cp1258).

    None when no decoding gives plausible text (the fallback must read as Vietnamese or
    ASCII, so random high bytes or another language's code page are refused).
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    return text if _looks_vietnamese(text) else None


def _looks_vietnamese(text: str) -> bool:
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return False
    plausible = sum(
        1 for ch in chars if (" " <= ch <= "~") or ch in _VIET_LETTERS or ch in _TYPOGRAPHY
    )
    specific = sum(1 for ch in chars if ch in _VIET_SPECIFIC)
    return plausible / len(chars) >= 0.98 and specific >= max(1, len(chars) // 200)


def _looks_binary(text: str) -> bool:
    """Mostly control or replacement characters: not a text file."""
    if "\x00" in text:
        return True
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f")
    )
    return bad / len(sample) > 0.05


def _decode_text(path: Path, raw: bytes) -> str:
    has_bom = any(raw.startswith(bom) for bom, _ in _BOMS)
    if not has_bom and b"\x00" in raw:
        raise FileRejected(REASON_BINARY, path=path)
    text = decode_text(raw)
    if text is None:
        if _looks_binary(raw.decode("latin-1")):
            raise FileRejected(REASON_BINARY, path=path)
        raise FileRejected(REASON_UNDECODABLE, path=path)
    if _looks_binary(text):
        raise FileRejected(REASON_BINARY, path=path)
    return text


# --------------------------------------------------------------------------- Markdown

_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*=+\s*$")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_BULLET = re.compile(r"^(\s*)[*+-]\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def markdown_to_text(text: str) -> str:
    """Markdown without its markup: headings, emphasis, links (their text stays), images.

    Conservative on purpose: anything that is not clearly markup is left alone.
    """
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _MD_FENCE.match(line) or _MD_RULE.match(line) or _MD_REF_DEF.match(line):
            continue
        if _MD_TABLE_RULE.match(line) and "-" in line:
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub(r"\1", line)
        if line.strip().startswith("|") and line.strip().endswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), line)
        line = _MD_AUTOLINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_STRONG.sub(r"\2", line)
        line = _MD_STRIKE.sub(r"\1", line)
        line = _MD_EM_STAR.sub(r"\1", line)
        line = _MD_EM_UNDERSCORE.sub(r"\1", line)
        line = _MD_ESCAPE.sub(r"\1", line)
        out.append(line.rstrip())
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

_HTML_DROP = tuple(
    "script style noscript nav footer aside form iframe svg button select input textarea "
    "template canvas object embed link meta head".split()
)
_HTML_BLOCKS = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table thead "
    "tbody tfoot caption blockquote pre figure figcaption address hr details summary center "
    "body html".split()
)
_HTML_CELLS = {"td", "th"}


def _html_text(path: Path, raw: bytes) -> str:
    if b"\x00" in raw and not any(raw.startswith(bom) for bom, _ in _BOMS):
        raise FileRejected(REASON_BINARY, path=path)
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(raw, "lxml")
    except Exception as err:  # noqa: BLE001 - any parser failure is a bad file
        raise FileRejected("tệp HTML hỏng (corrupt HTML)", path=path) from err
    return html_to_text(soup)


def html_to_text(soup) -> str:
    """The article text of a parsed page, one paragraph per line, headline first."""
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    root = _html_root(soup)
    # The headline: an <h1> of the article, else one outside the site's header/nav, else
    # the longest part of <title> ("Tiêu đề | Cổng TTĐT tỉnh").
    heading = root.find("h1") or next(
        (
            h1
            for h1 in soup.find_all("h1")
            if not h1.find_parent(["header", "nav", "footer", "aside"])
        ),
        None,
    )
    headline = heading.get_text(" ", strip=True) if heading else ""
    if not headline and page_title:
        parts = [p.strip() for p in page_title.split("|") if p.strip()]
        headline = max(parts, key=len) if parts else ""
    for tag in root.find_all(_HTML_DROP):
        tag.decompose()
    # A page header outside the article is site furniture; inside it, it holds the headline.
    if root.name not in ("article",):
        for tag in root.find_all("header"):
            if not tag.find_parent("article"):
                tag.decompose()

    parts: list[str] = []
    _walk(root, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    lines = [line for line in lines if line]
    if headline:
        headline = " ".join(headline.split())
        if headline in lines[:6]:
            lines.remove(headline)
        lines.insert(0, headline)
    return "\n".join(lines)


def _html_root(soup):
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text(" ", strip=True)))
    return soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup


def _walk(node, parts: list[str]) -> None:
    from bs4 import Comment, NavigableString, Tag

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child).replace("\n", " "))
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                parts.append("\n")
            elif name in _HTML_BLOCKS:
                parts.append("\n")
                _walk(child, parts)
                parts.append("\n")
            elif name in _HTML_CELLS:
                parts.append(" ")
                _walk(child, parts)
                parts.append(" ")
            elif name == "img":
                continue
            else:
                _walk(child, parts)


# --------------------------------------------------------------------------- PDF, DOCX


def _pdf_text(
    path: Path,
    raw: bytes,
    warn: Warn | None = None,
    progress: PageProgress | None = None,
) -> str:
    """Each page's text after its marker line ('[Trang 3]'); pages without a text layer are
    read by OCR ('[Trang 3 · chữ nhận dạng OCR]'). A page OCR cannot read is reported through
    ``warn`` and left out; the other pages are kept."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileRejected(
                "PDF được bảo vệ bằng mật khẩu (password-protected PDF; remove the password)",
                path=path,
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except FileRejected:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        logger.debug("PDF parse failure in %s: %r", path, err)
        raise FileRejected(
            "tệp PDF bị hỏng hoặc không hợp lệ (corrupt or invalid PDF)", path=path
        ) from err
    scanned = [n for n, text in enumerate(pages, 1) if not _has_text_layer(text)]
    recognised: dict[int, str] = {}
    if scanned:
        missing = ocr.missing_tools()
        if missing and not any(pages):
            raise FileRejected(
                "PDF không có chữ trích xuất được, có thể là bản quét (PDF has no extractable "
                f"text: scanned?); {missing}",
                path=path,
            )
        if missing:
            for n in (n for n in scanned if not pages[n - 1]):
                _warn(
                    warn,
                    path,
                    f"trang {n} là bản quét, bị bỏ qua (page {n} is scanned, skipped): {missing}",
                )
        else:
            for n, (text, problem) in _ocr_pages(path, raw, scanned, progress).items():
                if text:
                    recognised[n] = text
                elif not pages[n - 1]:  # a thin text layer ('3') is kept when OCR reads nothing
                    _warn(warn, path, f"trang {n}: {problem}")
    parts = []
    for n, text in enumerate(pages, 1):
        if n in recognised:
            parts.append(f"{page_marker(n, ocr=True)}\n{recognised[n]}")
        elif text:
            parts.append(f"{page_marker(n)}\n{text}")
    if not parts:
        raise FileRejected(
            "PDF không có chữ trích xuất được, có thể là bản quét, và nhận dạng chữ (OCR) cũng "
            "không đọc được chữ nào (PDF has no extractable text: scanned? OCR found no text "
            "either)",
            path=path,
        )
    return "\n\n".join(parts)


# A page whose text layer has fewer letters and digits than this is read by OCR: a scan
# carries at most a stamped page number or a few stray glyphs.
MIN_TEXT_LAYER = 20


def _has_text_layer(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= MIN_TEXT_LAYER


def _warn(warn: Warn | None, path: Path, message: str) -> None:
    logger.warning("%s: %s", path, message)
    if warn is not None:
        warn(message)


def _ocr_pages(
    path: Path, raw: bytes, pages: list[int], progress: PageProgress | None
) -> dict[int, tuple[str, str]]:
    """Page number (1-based) -> (text OCR read on it, '' and why not) for each of ``pages``."""
    out: dict[int, tuple[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="ntm-ocr-") as tmp:
        pdf = Path(tmp) / "document.pdf"
        pdf.write_bytes(raw)
        for done, n in enumerate(pages):
            if progress:
                progress(done, len(pages), f"{path.name}: trang {n}")
            try:
                text = ocr.recognise_page(pdf, n, Path(tmp))
            except ocr.OcrError as err:
                out[n] = ("", str(err))
                continue
            empty = "nhận dạng chữ (OCR) không đọc được chữ nào (OCR found no text)"
            out[n] = (text, "" if text else empty)
        if progress:
            progress(len(pages), len(pages), path.name)
    return out


def _docx_text(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected(
            "tệp Word cũ (.doc) đặt tên .docx; hãy lưu lại dạng .docx "
            "(legacy .doc format; save it as .docx)",
            path=path,
        )
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                lines.extend(_table_lines(Table(child, document)))
    except Exception as err:  # noqa: BLE001 - python-docx/zipfile/lxml raise many kinds
        logger.debug("DOCX parse failure in %s: %r", path, err)
        raise FileRejected(
            "tệp Word (DOCX) bị hỏng hoặc không hợp lệ (corrupt or invalid DOCX)", path=path
        ) from err
    text = "\n".join(line.strip() for line in lines)
    if not text.strip():
        raise FileRejected("tài liệu Word không có chữ (DOCX has no text)", path=path)
    return text


def _table_lines(table) -> list[str]:
    """Each cell's text as a line, merged cells once, nested tables included."""
    lines: list[str] = []
    seen: set = set()  # the cells' XML elements: a merged cell appears once per grid slot
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                lines.append(paragraph.text)
            for inner in cell.tables:
                lines.extend(_table_lines(inner))
    return lines
