"""How fast scanned PDF pages are read: the OCR path (pdftoppm at 300 dpi, then Tesseract `vie`).

Draws ``--pages`` A4 pages (300 dpi) of invented Vietnamese report text, 12 pt DejaVu Sans, about
1,900 characters a page, into one image-only PDF; times each page through
:func:`ingest.ocr.recognise_page` (rasterise + recognise), then the whole file through
:func:`ingest.loaders.read_document` (what ingest runs). Also reports how much of the drawn text
came back (character similarity, difflib) and whether every figure did.

Usage::

    .venv/bin/python benchmarks/ocr_bench.py [--pages 6]

Prints a Markdown table and writes ``benchmarks/results/ocr.json``.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"

from ingest import ocr  # noqa: E402
from ingest.loaders import read_document  # noqa: E402

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
A4 = (2480, 3508)  # pixels at 300 dpi
DISTRICTS = ["Tân Lạc", "Lạc Sơn", "Kim Bôi", "Mai Châu", "Đà Bắc", "Yên Thủy", "Lương Sơn"]


def page_text(i: int) -> list[str]:
    """Invented report paragraphs for page ``i``, figures varying with the page."""
    d = DISTRICTS[i % len(DISTRICTS)]
    return [
        f"BÁO CÁO KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI HUYỆN {d.upper()} NĂM {2016 + i}",
        f"Đến hết năm {2016 + i}, huyện {d} có {8 + i} xã đạt chuẩn nông thôn mới, chiếm "
        f"{40 + i},{i + 1}% tổng số xã; bình quân mỗi xã đạt {15 + i % 4},{i + 2} tiêu chí. "
        f"Trong năm, huyện có thêm {1 + i % 3} xã được công nhận đạt chuẩn nông thôn mới nâng "
        f"cao và {i % 2 + 1} thôn đạt chuẩn thôn kiểu mẫu.",
        f"Tổng nguồn vốn huy động thực hiện Chương trình đạt {120 + 7 * i},{i + 3} tỷ đồng, "
        f"trong đó vốn ngân sách Trung ương {45 + i} tỷ đồng, vốn ngân sách địa phương "
        f"{30 + i},5 tỷ đồng, nhân dân đóng góp {12 + i} tỷ đồng và hiến {3 + i},2 ha đất để "
        "làm đường giao thông nông thôn.",
        f"Thu nhập bình quân đầu người khu vực nông thôn đạt {38 + i},{i + 4} triệu "
        f"đồng/người/năm, tăng {3 + i % 3},1 triệu đồng so với năm trước; tỷ lệ hộ nghèo giảm "
        f"còn {6 - i % 4},{i + 1}%. Toàn huyện đã cứng hóa {50 + 4 * i},{i} km đường giao thông "
        "nông thôn, đạt 102% kế hoạch.",
        "Năm tới, huyện phấn đấu có thêm 2 xã đạt chuẩn nông thôn mới, 1 xã đạt chuẩn nông "
        "thôn mới nâng cao; tiếp tục duy trì và nâng cao chất lượng các tiêu chí đã đạt, nhất "
        "là tiêu chí về môi trường, thu nhập và hộ nghèo.",
    ]


def draw_page(paragraphs: list[str], size: int = 50) -> Image.Image:
    font = ImageFont.truetype(str(FONT), size)
    page = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(page)
    y = 250
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, width=int((A4[0] - 400) / (size * 0.56))):
            draw.text((200, y), line, font=font, fill=0)
            y += int(size * 1.5)
        y += size
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=6)
    args = parser.parse_args()
    missing = ocr.missing_tools()
    if missing:
        sys.exit(missing)

    texts = [page_text(i) for i in range(args.pages)]
    images = [draw_page(t) for t in texts]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=300, save_all=True, append_images=images[1:])
    raw = buffer.getvalue()

    load_before = os.getloadavg()[0]
    per_page, similarity, figures_found, figures_total = [], [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "scan.pdf"
        pdf.write_bytes(raw)
        for n, paragraphs in enumerate(texts, 1):
            started = time.perf_counter()
            read = ocr.recognise_page(pdf, n, Path(tmp))
            per_page.append(time.perf_counter() - started)
            truth = "\n".join(paragraphs)
            similarity.append(difflib.SequenceMatcher(None, truth, read, autojunk=False).ratio())
            figures = re.findall(r"\d+(?:,\d+)?", truth)
            figures_total += len(figures)
            figures_found += sum(1 for f in figures if f in read)
        started = time.perf_counter()
        _, text = read_document(pdf, 100 * 1024 * 1024)
        whole = time.perf_counter() - started
    assert text.count("chữ nhận dạng OCR") == args.pages

    median = statistics.median(per_page)
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    result = {
        "pages": args.pages,
        "page": "A4, 300 dpi, 12 pt DejaVu Sans, ~1,900 characters",
        "median_s_per_page": round(median, 2),
        "max_s_per_page": round(max(per_page), 2),
        "pages_per_minute": round(60 / median, 1),
        "read_document_s": round(whole, 2),
        "read_document_pages_per_minute": round(60 * args.pages / whole, 1),
        "char_similarity_median": round(statistics.median(similarity), 4),
        "figures_recognised": f"{figures_found}/{figures_total}",
        "tesseract": (version.stdout or version.stderr).splitlines()[0],
        "cpus": os.cpu_count(),
        # other processes on the machine: timings are only comparable at a similar load
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "machine": platform.machine(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ocr.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print("| đo (measure) | kết quả |\n|---|---|")
    for key, value in result.items():
        print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
