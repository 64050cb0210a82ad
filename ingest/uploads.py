"""What an upload may become: safe file names and the checks run before anything is written.

Pure functions, used by the app's documents page and testable without it.

Usage::

    plan = plan_uploads([("../../Báo cáo.TXT", 2048)], max_files=20, max_bytes=20 << 20)
    plan.accepted   # [(0, 'Báo cáo.TXT')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from base.types import Rejection
from ingest.loaders import SUPPORTED_SUFFIXES

_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\/]')

MAX_NAME_CHARS = 120


def safe_filename(name: str, fallback: str = "tai-lieu") -> str:
    """A file name from the browser made safe to write and to use as a document's source id.

    Directories are stripped (both separators), control and format characters removed,
    ``..`` and leading dots dropped, characters that are unsafe on common file systems
    replaced by ``_``; the extension is kept. Never empty, never a path.

    >>> safe_filename("../../etc/Báo cáo\\x00 2021.TXT")
    'Báo cáo 2021.TXT'
    """
    name = unicodedata.normalize("NFC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE_NAME_CHARS.sub("_", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = re.sub(r"[^0-9A-Za-z]", "", suffix)[:10]
    while ".." in stem:
        stem = stem.replace("..", ".")
    stem = re.sub(r"\s+", " ", stem).strip(" .~$")
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1].strip(" .") or fallback
    return f"{stem}.{suffix}" if suffix else stem


@dataclass
class UploadPlan:
    """Which uploads to ingest (index into the upload list, sanitised name) and which not."""

    accepted: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def plan_uploads(
    files: Sequence[tuple[str, int]],
    max_files: int,
    max_bytes: int,
    suffixes: Sequence[str] = SUPPORTED_SUFFIXES,
) -> UploadPlan:
    """Check uploads (browser name, size in bytes) against the limits before writing any.

    A rejection names the file as the user knows it and the setting at fault; every other
    file still goes in.
    """
    plan = UploadPlan()
    taken: dict[str, str] = {}
    allowed = {s.lower() for s in suffixes}
    for index, (name, size) in enumerate(files):
        shown = name if name.strip() else "?"
        safe = safe_filename(name)
        suffix = Path(safe).suffix.lower()
        if index >= max_files:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"vượt quá {max_files} tệp mỗi lần tải (NTM_UPLOAD_MAX_FILES) — hãy tải tệp "
                    f"này ở lượt sau (more than {max_files} files in one upload)",
                )
            )
        elif suffix not in allowed:
            kinds = ", ".join(sorted(allowed))
            plan.rejected.append(
                Rejection(
                    shown,
                    f"định dạng không hỗ trợ {suffix or '(không có đuôi tệp)'}; chỉ nhận {kinds} "
                    f"(unsupported type)",
                )
            )
        elif size > max_bytes:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa {max_bytes / 1048576:g} MB — "
                    "NTM_UPLOAD_MAX_MB) (file too large)",
                )
            )
        elif size == 0:
            plan.rejected.append(Rejection(shown, "tệp rỗng (empty file)"))
        elif safe.lower() in taken:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"trùng tên với tệp {taken[safe.lower()]} trong cùng lượt tải; tên tệp "
                    "định danh tài liệu (same name as another file in this upload)",
                )
            )
        else:
            taken[safe.lower()] = shown
            plan.accepted.append((index, safe))
    return plan
