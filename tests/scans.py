"""Scanned PDFs made in the tests: Vietnamese text drawn onto a page image with Pillow (DejaVu
Sans, which matplotlib ships, has every Vietnamese glyph), saved as an image-only PDF with no
text layer, as a scanner writes it."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
DPI = 300


def scanned_page(paragraphs: list[str], width: int = 2000, size: int = 44) -> Image.Image:
    """A white page image with ``paragraphs`` in black, wrapped, a blank line between them."""
    font = ImageFont.truetype(str(FONT), size)
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width=int(width / (size * 0.55))))
        lines.append("")
    page = Image.new("L", (width, max(400, 160 + int(size * 1.6) * len(lines))), 255)
    draw = ImageDraw.Draw(page)
    for row, line in enumerate(lines):
        draw.text((100, 100 + int(size * 1.6) * row), line, font=font, fill=0)
    return page


def scanned_pdf(*pages: list[str]) -> bytes:
    """An image-only PDF, one page per list of paragraphs ([] gives a blank page)."""
    images = [scanned_page(paragraphs) for paragraphs in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return out.getvalue()


def join_pdfs(*pdfs: bytes) -> bytes:
    """The pages of ``pdfs`` in order, in one PDF."""
    writer = PdfWriter()
    for pdf in pdfs:
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
