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

import copy
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from base.errors import FileRejected
from base.locations import page_marker
from base.types import Rejection
from ingest import legacy_encoding, ocr

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".xlsx")
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
REASON_BAD_BYTES = (
    "gần như là văn bản UTF-8 nhưng có {n} byte lỗi: hãy mở tệp và lưu lại dưới dạng UTF-8 "
    "(byte lỗi ở vị trí {offsets}) (almost UTF-8 text with {n} invalid bytes, at offsets "
    "{offsets}: save it as UTF-8)"
)
MAX_BAD_BYTES = 16  # more invalid spots than this: another encoding, or not text at all
REASON_HIDDEN = (
    "tên bắt đầu bằng dấu chấm (tệp hay thư mục ẩn): bỏ qua; đổi tên nếu muốn nạp "
    "(a hidden name: skipped; rename it to ingest it)"
)


def _unsupported(suffix: str) -> str:
    if not suffix:
        return "định dạng không hỗ trợ (unsupported type: no file extension)"
    return f"định dạng không hỗ trợ (unsupported type {suffix})"


def _is_junk(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES or name.endswith("~")


REASON_LINK_OUTSIDE = (
    "liên kết tượng trưng trỏ ra ngoài thư mục đang nạp ({target}); bỏ qua — dùng "
    "--follow-links nếu thật sự muốn nạp (symbolic link leaves the folder being ingested; "
    "skipped)"
)


def collect_files(
    paths: list[Path], follow_links: bool = False
) -> tuple[list[Path], list[Rejection]]:
    """The files to ingest under ``paths`` and the paths rejected up front, with reasons.

    Directories are walked recursively in sorted order, skipping OS junk (.DS_Store,
    Thumbs.db, Office lock files) without a word and hidden folders and documents (a name
    starting with ".") with ``REASON_HIDDEN``; any other file of an unsupported type is
    reported. A symbolic link inside a folder that points outside it ('/etc/passwd')
    is reported and skipped unless ``follow_links``. A named file is taken or rejected as it
    is; a file named twice is taken once.
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
            top = path.resolve()
            for root, dirs, names in os.walk(path, followlinks=follow_links):
                kept = []
                for d in sorted(dirs):
                    if d.startswith("."):  # reported, not walked
                        rejected.append(Rejection(str(Path(root) / d), REASON_HIDDEN))
                        continue
                    if not follow_links and (Path(root) / d).is_symlink():
                        leaves = _leaves(Path(root) / d, top)
                        if leaves:
                            rejected.append(Rejection(str(Path(root) / d), leaves))
                        continue  # a link to a folder inside is walked where it really is
                    kept.append(d)
                dirs[:] = kept
                for name in sorted(names):
                    if _is_junk(name):
                        hidden = name.startswith(".") and name.lower() not in _JUNK_NAMES
                        if hidden and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                            rejected.append(Rejection(str(Path(root) / name), REASON_HIDDEN))
                        continue
                    leaves = None if follow_links else _leaves(Path(root) / name, top)
                    if leaves:
                        rejected.append(Rejection(str(Path(root) / name), leaves))
                    else:
                        take(Path(root) / name)
        elif path.exists() or path.is_symlink():
            take(path)
        else:
            rejected.append(Rejection(str(path), REASON_NOT_FOUND))
    return files, rejected


def _leaves(path: Path, top: Path) -> str | None:
    """Why a symbolic link under the folder ``top`` may not be followed (None: it may)."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if target == top or top in target.parents:
        return None
    return REASON_LINK_OUTSIDE.format(target=target)


@dataclass(frozen=True)
class Limits:
    """What one file may expand into (from the NTM_MAX_* settings): a 441 KB DOCX can hold
    142 MB of XML. Checked before anything is unpacked or parsed where the format allows; a
    DOCX/XLSX's parts are then measured as they are inflated, not believed."""

    unpacked_bytes: int = 50 * 1024 * 1024  # NTM_MAX_UNPACKED_MB
    pages: int = 2000  # NTM_MAX_PAGES
    chars: int = 5_000_000  # NTM_MAX_CHARS
    entries: int = 10_000  # parts of a DOCX/XLSX package


def read_document(
    path: Path,
    max_bytes: int,
    *,
    raw: bytes | None = None,
    warn: Warn | None = None,
    progress: PageProgress | None = None,
    limits: Limits = Limits(),
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
        text = _pdf_text(path, raw, warn, progress, limits.pages)
    elif suffix == ".xlsx":
        text = _xlsx_text(path, _inflate_package(path, raw, limits))
    elif raw.startswith(_OLE_MAGIC):  # .doc, or a .doc renamed .docx
        text = _doc_text(path, raw, limits)
    elif suffix == ".doc" and not raw.startswith(b"PK"):
        raise FileRejected(REASON_BAD_DOC, path=path)
    else:  # .docx, or a .docx renamed .doc
        text = _docx_text(path, _inflate_package(path, raw, limits))
    if len(text) > limits.chars:
        raise FileRejected(
            f"trích ra {len(text):,} ký tự, vượt giới hạn {limits.chars:,} ký tự mỗi tài liệu "
            f"(NTM_MAX_CHARS) (more text than NTM_MAX_CHARS allows)".replace(",", "."),
            path=path,
        )
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise FileRejected(REASON_EMPTY, path=path)
    return raw, text


# how much of a package part is inflated at a time: memory stays at the budget plus this
_INFLATE_STEP = 1024 * 1024
REASON_LYING_PACKAGE = (
    "danh mục của gói khai báo sai kích thước các phần; tệp đã bị sửa hoặc hỏng (a package "
    "whose directory misstates its parts' sizes)"
)


def _inflate_package(path: Path, raw: bytes, limits: Limits) -> bytes:
    """The DOCX/XLSX package ``raw`` with every part inflated within the byte budget
    (NTM_MAX_UNPACKED_MB) and packed again uncompressed, for its format's reader; or
    :class:`FileRejected`. The sizes its directory declares are checked first (an honest bomb
    is refused without inflating anything), then measured while inflating, a step at a time:
    a directory that under-declares them cannot make the reader inflate past the budget."""
    try:
        package = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        return raw  # not a zip at all: the format's reader says it is corrupt
    with package:
        parts = package.infolist()
        if len(parts) > limits.entries:
            raise FileRejected(
                f"gói có {len(parts)} phần, vượt giới hạn {limits.entries} (a package of too "
                "many parts: not a document)",
                path=path,
            )
        declared = sum(max(0, part.file_size) for part in parts)
        if declared > limits.unpacked_bytes:
            raise _unpacks_past(path, raw, declared, limits)
        left = limits.unpacked_bytes
        out = io.BytesIO()
        try:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked:
                for part in parts:
                    # read up to one byte past the budget, whatever the directory says (its
                    # CRC is checked here, once the whole part is read)
                    probe = copy.copy(part)
                    probe.file_size = left + 1
                    del probe.CRC
                    size = crc = 0
                    with (
                        package.open(probe) as source,
                        repacked.open(
                            part.filename, "w", force_zip64=left > zipfile.ZIP64_LIMIT
                        ) as target,
                    ):
                        while chunk := source.read(_INFLATE_STEP):
                            size += len(chunk)
                            if size > left:
                                raise _unpacks_past(path, raw, None, limits)
                            target.write(chunk)
                            crc = zlib.crc32(chunk, crc)
                    if size != part.file_size:
                        raise FileRejected(REASON_LYING_PACKAGE, path=path)
                    if crc != part.CRC:
                        return raw  # corrupt: the format's reader says so
                    left -= size
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            return raw  # a corrupt, encrypted or unsupported part: the reader says which
    return out.getvalue()


def _unpacks_past(path: Path, raw: bytes, declared: int | None, limits: Limits) -> FileRejected:
    """The refusal of a package that unpacks past the budget: ``declared`` by its directory,
    or (None) measured while inflating it although its directory declared less."""
    if declared is None:
        what = f"giải nén thật ra hơn {_size(limits.unpacked_bytes)} dù danh mục khai báo ít hơn"
        why = "directory under-declares its sizes"
    else:
        what = f"giải nén ra {_size(declared)}"
        why = "a zip bomb?"
    return FileRejected(
        f"{what}, vượt giới hạn {_size(limits.unpacked_bytes)} (NTM_MAX_UNPACKED_MB); tệp "
        f"{_size(len(raw))} mà nở ra như vậy là bom nén hoặc không phải văn bản (unpacks past "
        f"NTM_MAX_UNPACKED_MB: {why})",
        path=path,
    )


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
    """Text of ``raw``: UTF-8/16/32 by BOM, else UTF-8, else the legacy Vietnamese font
    encodings TCVN3 or VNI when the bytes read as Vietnamese in one of them, else Vietnamese
    Windows (cp1258).

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
    legacy = legacy_encoding.detect(raw)  # TCVN3 or VNI bytes (.VnTime, VNI-Times fonts)
    if legacy is not None:
        return legacy_encoding.to_unicode(raw, legacy)
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
        bad = _bad_utf8_offsets(raw)
        if bad and not _looks_binary(raw.decode("utf-8", errors="replace")):
            offsets = ", ".join(map(str, bad[:5])) + (", …" if len(bad) > 5 else "")
            raise FileRejected(REASON_BAD_BYTES.format(n=len(bad), offsets=offsets), path=path)
        if _looks_binary(raw.decode("latin-1")):
            raise FileRejected(REASON_BINARY, path=path)
        raise FileRejected(REASON_UNDECODABLE, path=path)
    if _looks_binary(text):
        raise FileRejected(REASON_BINARY, path=path)
    return _legacy_to_unicode(text)


def _bad_utf8_offsets(raw: bytes) -> list[int] | None:
    """The byte offsets where ``raw`` is not UTF-8, or None past ``MAX_BAD_BYTES`` of them."""
    offsets: list[int] = []
    at = 0
    while True:
        try:
            raw[at:].decode("utf-8")
            return offsets
        except UnicodeDecodeError as exc:
            offsets.extend(range(at + exc.start, at + exc.end))
            at += exc.end
        if len(offsets) > MAX_BAD_BYTES:
            return None


def _legacy_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 or VNI font (garbage as Unicode) converted; other text as is."""
    encoding = legacy_encoding.detect(text)
    if encoding is None:
        return text
    logger.info("converting text typed in the legacy %s encoding to Unicode", encoding)
    return legacy_encoding.to_unicode(text, encoding)


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
    max_pages: int = 2000,
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
        if len(reader.pages) > max_pages:
            raise FileRejected(
                f"PDF có {len(reader.pages)} trang, vượt giới hạn {max_pages} trang "
                "(NTM_MAX_PAGES) (more pages than NTM_MAX_PAGES allows)",
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


_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
REASON_BAD_DOC = "tệp Word cũ (.doc) bị hỏng hoặc không hợp lệ (corrupt or invalid .doc file)"
_CONVERT_TIMEOUT_S = 120


def _docx_text(path: Path, raw: bytes) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
        default_font = _default_font(document)
        lines: list[str] = []
        tables = 0
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_paragraph_text(Paragraph(child, document), default_font))
            elif tag == "tbl":
                tables += 1
                lines.extend(_table_lines(Table(child, document), tables, default_font))
    except Exception as err:  # noqa: BLE001 - python-docx/zipfile/lxml raise many kinds
        logger.debug("DOCX parse failure in %s: %r", path, err)
        raise FileRejected(
            "tệp Word (DOCX) bị hỏng hoặc không hợp lệ (corrupt or invalid DOCX)", path=path
        ) from err
    text = "\n".join(line.strip() for line in lines)
    if not text.strip():
        raise FileRejected("tài liệu Word không có chữ (DOCX has no text)", path=path)
    return _legacy_to_unicode(text)


def _default_font(document) -> str:
    """The document's default font: the Normal style's, else the defaults' (docDefaults)."""
    try:
        name = document.styles["Normal"].font.name
    except KeyError:
        name = None
    if name:
        return name
    fonts = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    if fonts:
        return _font_of(fonts[0]) or ""
    return ""


def _font_of(rfonts) -> str | None:
    """The font a w:rFonts element sets for Western text (hAnsi draws the letters above
    ASCII, where the legacy encodings put Vietnamese letters)."""
    if rfonts is None:
        return None
    for attribute in ("hAnsi", "ascii"):
        value = rfonts.get(
            f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{attribute}"
        )
        if value:
            return value
    return None


def _style_font(style) -> str | None:
    while style is not None:
        rpr = style.element.rPr
        name = _font_of(rpr.rFonts) if rpr is not None else None
        if name:
            return name
        style = style.base_style
    return None


def _paragraph_text(paragraph, default_font: str) -> str:
    """A paragraph's text, each run typed in a TCVN3 or VNI font ('.VnTime', 'VNI-Times')
    converted to Unicode."""
    paragraph_font = _style_font(paragraph.style) or default_font
    if not any(
        legacy_encoding.font_encoding(_run_font(run, paragraph_font)) for run in paragraph.runs
    ):
        return paragraph.text
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        for run in getattr(item, "runs", [item]):
            font = _run_font(run, paragraph_font)
            encoding = legacy_encoding.font_encoding(font)
            text = run.text
            if encoding and not _has_vietnamese_unicode(text):
                text = legacy_encoding.to_unicode(
                    text, encoding, upper=legacy_encoding.is_upper_case_font(font)
                )
            parts.append(text)
    return "".join(parts)


def _run_font(run, paragraph_font: str) -> str:
    rpr = run.element.rPr
    name = _font_of(rpr.rFonts) if rpr is not None else None
    if not name and run.style is not None:
        name = _style_font(run.style)
    return name or paragraph_font


def _has_vietnamese_unicode(text: str) -> bool:
    """Letters only Unicode has (ạ, ơ, đ…): the run is Unicode despite its old font."""
    return any(ch in _VIET_SPECIFIC for ch in text)


def _table_lines(table, number: int, default_font: str = "") -> list[str]:
    """A data table's rows as 'Bảng n, dòng r: Header: value; …' lines, so that each value
    keeps what it is; a layout table (one column, no header row) one line per cell."""
    grid = [_row_cells(row) for row in table.rows]
    if _has_header(grid):
        header = [_cell_text(cell, default_font) for cell in grid[0]]
        lines: list[str] = []
        for r, cells in enumerate(grid[1:], start=2):
            values = [_cell_text(cell, default_font) for cell in cells]
            if any(values):
                lines.append(f"Bảng {number}, dòng {r}: " + _pairs(header, values))
            for cell in cells:
                for inner in cell.tables:
                    lines.extend(_table_lines(inner, number, default_font))
        return lines
    lines = []
    seen: set = set()  # the cells' XML elements: a merged cell appears once per grid slot
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                lines.append(_paragraph_text(paragraph, default_font))
            for inner in cell.tables:
                lines.extend(_table_lines(inner, number, default_font))
    return lines


def _row_cells(row) -> list:
    """A row's cells, a cell merged across columns once."""
    cells: list = []
    for cell in row.cells:
        if not cells or cells[-1]._tc is not cell._tc:
            cells.append(cell)
    return cells


def _cell_text(cell, default_font: str) -> str:
    return " ".join(
        " ".join(_paragraph_text(p, default_font).split()) for p in cell.paragraphs
    ).strip()


def _has_header(grid: list[list]) -> bool:
    """Whether a table's first row names its columns: at least two columns of short,
    one-line, non-numeric labels, over at least one more row; and a table of three rows or
    three columns (a two-by-two table is the layout of an official letter's heading)."""
    if len(grid) < 2 or len(grid[0]) < 2 or (len(grid) < 3 and len(grid[0]) < 3):
        return False
    labels = []
    for cell in grid[0]:
        paragraphs = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
        if len(paragraphs) > 1:
            return False
        labels.append(paragraphs[0] if paragraphs else "")
    filled = [label for label in labels if label]
    return (
        len(filled) >= 2
        and len(filled) >= len(labels) - 1
        and all(len(label) <= 80 and not _NUMERIC.fullmatch(label) for label in filled)
    )


_NUMERIC = re.compile(r"[\d\s.,%/+-]+")


def _pairs(header: list[str], values: list[str]) -> str:
    """'Header1: value1; Header2: value2; …', an empty value as '—', a nameless column by
    its number ('Cột 3') and skipped when empty."""
    pairs = []
    for i in range(max(len(header), len(values))):
        name = header[i] if i < len(header) else ""
        value = values[i] if i < len(values) else ""
        if not name and not value:
            continue
        pairs.append(f"{name or f'Cột {i + 1}'}: {value or '—'}")
    return "; ".join(pairs)


# --------------------------------------------------------------------------- DOC (Word 97-2003)


def _doc_text(path: Path, raw: bytes, limits: Limits = Limits()) -> str:
    """An old binary Word file's text: LibreOffice turns it into DOCX (tables, fonts and all,
    read like any DOCX), else antiword gives its plain text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    if not soffice and not antiword:
        raise FileRejected(
            "cần LibreOffice hoặc antiword để đọc tệp Word cũ (.doc); hãy cài đặt một trong hai "
            "hoặc lưu lại tệp dạng .docx (install LibreOffice or antiword to read .doc files, "
            "or save the file as .docx)",
            path=path,
        )
    with tempfile.TemporaryDirectory(prefix="ntm-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(raw)
        if soffice:
            command = [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--infilter=MS Word 97",
                "--convert-to",
                "docx",
                "--outdir",
                tmp,
                str(source),
            ]
        else:
            command = [antiword, "-m", "UTF-8.txt", "-w", "0", str(source)]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=_CONVERT_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as err:
            raise FileRejected(
                f"đọc tệp .doc quá {_CONVERT_TIMEOUT_S} giây, đã dừng "
                f"(reading the .doc took over {_CONVERT_TIMEOUT_S} s; stopped)",
                path=path,
            ) from err
        if soffice:
            converted = Path(tmp) / "input.docx"
            if not converted.is_file():
                logger.debug("soffice failed on %s: %r", path, done.stderr[-500:])
                raise FileRejected(REASON_BAD_DOC, path=path)
            converted_raw = converted.read_bytes()
            return _docx_text(path, _inflate_package(path, converted_raw, limits))
    if done.returncode != 0:
        logger.debug("antiword failed on %s: %r", path, done.stderr[-500:])
        raise FileRejected(REASON_BAD_DOC, path=path)
    text = done.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise FileRejected("tài liệu Word không có chữ (.doc has no text)", path=path)
    return _legacy_to_unicode(text)


# --------------------------------------------------------------------------- XLSX

MAX_XLSX_CELLS = 200_000


def _xlsx_text(path: Path, raw: bytes) -> str:
    """Each sheet as '[Trang tính: name]' then one line per data row that keeps the header:
    'Dòng 5: Xã: Tân Mỹ; Huyện: Văn Lãng; Số tiêu chí đạt: 15' (an appendix's row per
    commune). Rows above the header (the appendix's title) are lines of their own."""
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - zipfile/openpyxl/lxml raise many kinds
        logger.debug("XLSX parse failure in %s: %r", path, err)
        raise FileRejected(
            "tệp Excel (XLSX) bị hỏng hoặc không hợp lệ (corrupt or invalid XLSX)", path=path
        ) from err
    lines: list[str] = []
    cells = 0
    try:
        for sheet in book.worksheets:
            lines.append(f"[Trang tính: {sheet.title}]")
            header: list[str] | None = None
            for row in sheet.iter_rows():
                cells += len(row)
                if cells > MAX_XLSX_CELLS:
                    raise FileRejected(
                        f"bảng tính quá lớn: hơn {MAX_XLSX_CELLS:,} ô".replace(",", ".")
                        + f" (spreadsheet too large: over {MAX_XLSX_CELLS:,} cells)",
                        path=path,
                    )
                values = [_cell_value(cell) for cell in row]
                if not any(values):
                    continue
                if header is None:
                    texts = [c.value for c in row if isinstance(c.value, str) and c.value.strip()]
                    if len(texts) >= 2:
                        header = values
                    else:
                        lines.append(" ".join(v for v in values if v))
                    continue
                number = next((c.row for c in row if getattr(c, "row", None)), None)
                lines.append(f"Dòng {number}: " + _pairs(header, values))
    except FileRejected:
        raise
    except Exception as err:  # noqa: BLE001 - a broken sheet inside a valid zip
        logger.debug("XLSX read failure in %s: %r", path, err)
        raise FileRejected(
            "tệp Excel (XLSX) bị hỏng hoặc không hợp lệ (corrupt or invalid XLSX)", path=path
        ) from err
    finally:
        book.close()
    text = "\n".join(lines)
    if not any(line and not line.startswith("[Trang tính: ") for line in lines):
        raise FileRejected("bảng tính không có dữ liệu (spreadsheet has no data)", path=path)
    return _legacy_to_unicode(text)


def _cell_value(cell) -> str:
    """A cell's value as a Vietnamese reader writes it: 15 (not 15.0), 12,5, 85% for a
    percentage-formatted 0.85, dates dd/mm/yyyy."""
    import datetime

    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (int, float)):
        percent = "%" in (getattr(cell, "number_format", "") or "")
        return _number(value * 100 if percent else value) + ("%" if percent else "")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.strftime("%d/%m/%Y" if isinstance(value, datetime.date) else "%H:%M")
    return " ".join(str(value).split())


def _number(value: float) -> str:
    """15.0 -> '15', 12.5 -> '12,5', 0.1 + 0.2 -> '0,3' (no binary noise)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")
