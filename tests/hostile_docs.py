"""Documents whose titles (first lines) and file names are Markdown, HTML and terminal codes,
as an attacker or an unlucky export would name them, and an index of them built by the CLI.

The addresses point at port 9 of this machine (discard): a test that sees a request for them
knows something was fetched."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cli_ingest

HOST = "127.0.0.1:9"
HOSTILE = {
    "anh.txt": f"![b](http://{HOST}/x.png)\n\nNgày 05/03/2023, huyện Hữu Lũng, tỉnh Lạng Sơn "
    "công bố xã Thử Nghiệm đạt chuẩn nông thôn mới.\n",
    "lien-ket.txt": f"[Tải báo cáo](http://{HOST}/bao-cao) :red[đỏ] <b>đậm</b>\n\nXã Minh "
    "Quang có 9/9 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu năm 2022.\n",
    "ten\x1b[31mdo\tx.txt": "Báo cáo huyện Đình Lập\n\nToàn huyện có 06/10 xã đạt chuẩn NTM.\n",
}
TITLES = [text.split("\n")[0] for text in HOSTILE.values()]
# the file names as every screen shows them: control characters spelt out
SHOWN_NAMES = ["anh.txt", "lien-ket.txt", "ten\\x1b[31mdo\\tx.txt"]


def hostile_home(tmp: Path) -> Path:
    """``ntm ingest`` of the hostile documents into ``tmp/home``; returns the home."""
    folder = tmp / "hostile-docs"
    folder.mkdir()
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    cli_ingest(folder, tmp / "home")
    return tmp / "home"
