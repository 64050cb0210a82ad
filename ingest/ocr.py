"""Optical character recognition of a scanned PDF page: poppler's ``pdftoppm`` draws the page,
Tesseract with its Vietnamese model (``vie``) reads it. Both run as subprocesses with time limits.

:mod:`ingest.loaders` (which opens the user's file) writes the PDF to a temporary folder and
calls :func:`recognise_page` for each page that has no text layer.

Usage::

    problem = missing_tools()   # None, or what to install ('tesseract-ocr-vie'), in words
    text = recognise_page(Path("/tmp/x/document.pdf"), 3, Path("/tmp/x"))  # NFC text or ''
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

logger = logging.getLogger(__name__)

# Commands (replaceable in tests), resolution and time limits.
PDFTOPPM = "pdftoppm"
TESSERACT = "tesseract"
LANGUAGE = "vie"
DPI = 300
RASTER_TIMEOUT_S = 60
OCR_TIMEOUT_S = 180

INSTALL_HINT = "sudo apt-get install tesseract-ocr tesseract-ocr-vie"


class OcrError(Exception):
    """A page OCR could not read; the message (Vietnamese, then English) says why."""


def missing_tools() -> str | None:
    """What is missing for OCR, as a message that says what to install; None when ready."""
    if shutil.which(TESSERACT) is None:
        return (
            "chưa cài công cụ nhận dạng chữ tiếng Việt: cài tesseract-ocr-vie "
            f"(`{INSTALL_HINT}`) (OCR is not installed: install tesseract-ocr-vie)"
        )
    try:
        listed = subprocess.run(
            [shutil.which(TESSERACT), "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        languages = set(listed.stdout.split())
    except (OSError, subprocess.SubprocessError) as err:
        logger.warning("tesseract --list-langs failed: %r", err)
        languages = set()
    if LANGUAGE not in languages:
        return (
            "Tesseract chưa có mô hình tiếng Việt: cài tesseract-ocr-vie "
            f"(`{INSTALL_HINT}`) (Tesseract lacks the Vietnamese model: install "
            "tesseract-ocr-vie)"
        )
    if shutil.which(PDFTOPPM) is None:
        return (
            "chưa cài pdftoppm để chuyển trang PDF thành ảnh: cài poppler-utils "
            "(pdftoppm is not installed: install poppler-utils)"
        )
    return None


def recognise_page(pdf: Path, page: int, workdir: Path) -> str:
    """The text OCR reads on page ``page`` (1-based) of ``pdf``: NFC, one paragraph a line;
    '' when it reads nothing. Raises :class:`OcrError` when a tool fails or runs too long."""
    image = workdir / f"page-{page}.png"
    _run(
        [
            shutil.which(PDFTOPPM) or PDFTOPPM,
            "-r",
            str(DPI),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(image.with_suffix("")),
        ],
        RASTER_TIMEOUT_S,
        "không chuyển được trang thành ảnh (could not render the page to an image)",
    )
    try:
        out = _run(
            [shutil.which(TESSERACT) or TESSERACT, str(image), "stdout", "-l", LANGUAGE],
            OCR_TIMEOUT_S,
            "Tesseract không đọc được trang (Tesseract failed on the page)",
        )
    finally:
        image.unlink(missing_ok=True)
    return tidy(out.decode("utf-8", errors="replace"))


def tidy(text: str) -> str:
    """Tesseract's output as the loaders give text: NFC, the lines of a paragraph joined (a
    sentence wrapped across lines stays one sentence), paragraphs one a line, blocks without a
    letter or digit dropped."""
    text = unicodedata.normalize("NFC", text.replace("\f", "\n"))
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if any(ch.isalnum() for ch in joined):
            paragraphs.append(joined)
    return "\n".join(paragraphs)


def _run(command: list[str], timeout: int, failure: str) -> bytes:
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as err:
        raise OcrError(
            f"quá thời gian nhận dạng chữ, {timeout} s (OCR timed out after {timeout} s)"
        ) from err
    except OSError as err:
        raise OcrError(f"{failure}: {err.strerror}") from err
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        logger.debug("%s failed (%d): %s", command[0], done.returncode, detail)
        raise OcrError(f"{failure}: {detail[-1] if detail else done.returncode}")
    return done.stdout
