"""End to end: ``streamlit run app.py`` on 127.0.0.1, driven in headless Chromium.

One journey over a fresh, empty index, as a new user meets the product: ingest the bundled
documents from the empty state, ask, read the citation, download it, open the whole document
at the passage, ask a follow-up, upload files while a second person asks a question, ask about
the upload (whose HTML must show as text), and run an evaluation. Screenshots of every step go
to ``test-artifacts/app/``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.hostile_docs import HOST, SHOWN_NAMES, TITLES, hostile_home
from tests.languages import other_language

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
DOCUMENTS = ROOT / "documents"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
ARTIFACTS = ROOT / "test-artifacts" / "app"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEXT_FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
SLOW = 300_000  # ms: the first ingest loads the model; CI machines are shared

PASSWORD = "dong-lua-vang"
DINH_LAP = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?"
DINH_LAP_SOURCE = "000_b1a6b20c5124416e.txt"
DINH_LAP_TITLE = "Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn"
DINH_LAP_QUOTE = "Toàn huyện có 06/10 xã đạt chuẩn NTM"
EVIL_NAME = "../../Xã Thử Nghiệm.txt"
EVIL_DOC = (
    "Xã Thử Nghiệm đạt chuẩn nông thôn mới năm 2023\n\n"
    "Ngày 05/03/2023, huyện Hữu Lũng, tỉnh Lạng Sơn công bố xã Thử Nghiệm đạt chuẩn nông "
    "thôn mới.\n"
    'Xã Thử Nghiệm có 7 thôn đạt chuẩn thôn kiểu mẫu <img src=x onerror="window.__pwned=1"> '
    "và <script>window.__pwned=2</script> thu nhập bình quân đạt 48 triệu đồng/người/năm.\n"
)

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def big_document(paragraphs: int = 40) -> str:
    """A report long enough that its last passage sits far below the top of the page."""
    lines = [
        "Báo cáo rà soát tiêu chí thôn nông thôn mới huyện Mẫu Sơn năm 2022",
        "",
        "Ngày 15/11/2022",
    ]
    for i in range(1, paragraphs + 1):
        lines.append(
            f"Thôn Khuổi {i:04d} của xã Mẫu Sơn đã rà soát {i % 9 + 1} tiêu chí trong năm 2022. "
            f"Ban phát triển thôn Khuổi {i:04d} họp {i % 5 + 2} lần để bàn kế hoạch giao thông, "
            f"thủy lợi và môi trường; kinh phí đối ứng của người dân đạt {i % 50 + 10} triệu đồng."
        )
    return "\n".join(lines) + "\n"


def serve(tmp, env_extra: dict[str, str] | None = None):
    """``streamlit run app.py`` on 127.0.0.1 with a home of its own; yields (url, log path)."""
    port = free_port()
    env = {**os.environ, "NTM_HOME": str(tmp / "home"), "NTM_PROGRESS": "0", **(env_extra or {})}
    log_path = tmp / "streamlit.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(APP),
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield url, log_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app as the README runs it, on an empty index of its own."""
    yield from serve(tmp_path_factory.mktemp("app-e2e"))


@pytest.fixture(scope="module")
def users_server(tmp_path_factory):
    """The app with a users file: a reader (hoa) and an editor (lan)."""
    from assistant.users import UsersFile

    tmp = tmp_path_factory.mktemp("app-e2e-users")
    users = UsersFile(tmp / "users.toml")
    users.add("hoa", "reader", PASSWORD)
    users.add("lan", "editor", PASSWORD)
    yield from serve(tmp, {"NTM_USERS_FILE": str(users.path)})


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The app over an index of documents with Markdown, HTML and terminal codes in their
    titles and file names."""
    tmp = tmp_path_factory.mktemp("app-e2e-hostile")
    hostile_home(tmp)
    yield from serve(tmp)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: `apt-get install -y chromium` (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# -- helpers ----------------------------------------------------------------------------------
def shot(page, name: str, height: int | None = None) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if height:
        page.set_viewport_size({"width": 1400, "height": height})
        page.evaluate(NEXT_FRAMES)  # the page laid out again at its new size
    page.screenshot(path=str(ARTIFACTS / name))
    if height:
        page.set_viewport_size({"width": 1400, "height": 1000})


def no_trace(page) -> None:
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id(
        "stException"
    ).first.inner_text()


def watch_thinking(page, thinking: str) -> None:
    page.evaluate(
        """(thinking) => {
        window.__thinking = false;
        new MutationObserver(() => {
            if (document.body.textContent.includes(thinking)) {
                window.__thinking = true;
            }
        }).observe(document.body, {subtree: true, childList: true, characterData: true});
    }""",
        thinking,
    )


def status_words(lang: str) -> list[str]:
    """The labels of the answering and start-up status boxes in one language."""
    from ui.text import TEXT

    keys = [k for k in TEXT if k == "thinking" or k.startswith(("stage_", "starting"))]
    return [TEXT[k][lang == "en"].rstrip("…") for k in keys]


def ask(page, question: str, thinking: str = "Đang tìm trong tài liệu") -> None:
    """Type a question, see the stages of the answer, wait for the answer and its cards; the
    status box is gone once the answer is on screen."""
    before = page.locator(".ntm-answer").count()
    downloads = page.get_by_test_id("stDownloadButton").count()
    watch_thinking(page, thinking)
    page.get_by_test_id("stChatInputTextArea").fill(question)
    page.keyboard.press("Enter")
    page.wait_for_function(  # one answer more, with its cards and the download button drawn
        # after them: what a reader sees of a whole answer
        f"document.querySelectorAll('.ntm-answer').length > {before} && "
        "document.querySelectorAll('[data-testid=stDownloadButton]').length > "
        f"{downloads}",
        timeout=SLOW,
    )
    assert page.evaluate("window.__thinking"), "no visible thinking state while answering"
    settle(page)
    no_trace(page)
    boxes = page.locator("[data-testid=stExpander] summary").all_inner_texts()
    lang = "en" if thinking.isascii() else "vi"
    left = [b for b in boxes if any(w in b for w in status_words(lang))]
    assert not left, f"a status box stayed on screen: {left}"


def settle(page) -> None:
    """Wait until the script run is over as a reader sees it: no running indicator, no faded
    (stale) element of the previous run left on the page, every citation card drawn with its
    passage (no empty box)."""
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidgetRunningIcon], "
        "[data-testid=stStatusWidgetRunningManIcon]') && "
        "!document.querySelector('[data-stale=true]') && "
        "[...document.querySelectorAll('.ntm-cited, .ntm-related')]"
        ".every(c => c.querySelector('.ntm-passage'))",
        timeout=SLOW,
    )


def in_view(page, selector: str) -> bool:
    """Whether the last element matching ``selector`` is inside the visible viewport."""
    return page.evaluate(
        """(sel) => {
        const all = document.querySelectorAll(sel);
        const r = all[all.length - 1].getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
    }""",
        selector,
    )


def go_to(page, index: int, title: str) -> None:
    page.locator("[data-testid=stSidebar] [role=radiogroup] label").nth(index).click()
    page.locator("h1", has_text=title).wait_for(timeout=SLOW)
    settle(page)  # nothing of the previous page left on screen


def open_with_documents(page, url: str) -> None:
    """Open the app; fill an empty index with the bundled documents as a user would."""
    page.goto(url)
    example = page.get_by_role("button", name=DINH_LAP)
    empty = page.get_by_text("Chỉ mục đang trống")
    example.or_(empty).first.wait_for(timeout=SLOW)
    if empty.is_visible():  # run alone: the index is the user's to fill first
        bundled = len([p for p in DOCUMENTS.iterdir() if p.is_file()])
        page.get_by_role("button", name=f"Nạp {bundled} tài liệu mẫu từ documents/").click()
        example.wait_for(timeout=SLOW)
    settle(page)


def open_passage(page, button_index: int = -1) -> dict:
    """Open the whole document at a citation; where the passage is in its scrolled box."""
    page.get_by_role("button", name="Mở toàn văn tại đoạn này").nth(button_index).click()
    page.wait_for_selector("#ntm-passage", timeout=60_000)
    page.wait_for_function(
        "document.getElementById('ntm-doc')?.dataset.scrolled === '1'", timeout=20_000
    )
    return page.evaluate(
        """() => {
        const box = document.getElementById('ntm-doc');
        const m = document.getElementById('ntm-passage').getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return {visible: m.top >= b.top && m.bottom <= b.bottom, scrollTop: box.scrollTop,
                mark: document.getElementById('ntm-passage').textContent,
                text: box.textContent};
    }"""
    )


# -- the journey ------------------------------------------------------------------------------
def test_browser_journey_ingest_ask_cite_upload_evaluate(server, browser, tmp_path):
    url, log_path = server
    bundled = len([p for p in DOCUMENTS.iterdir() if p.is_file()])
    a_ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    b_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    c_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = a_ctx.new_page()
    other = b_ctx.new_page()
    english = c_ctx.new_page()
    try:
        # 1. empty index: the app offers to ingest documents/
        page.goto(url)
        page.get_by_text("Chỉ mục đang trống").wait_for(timeout=SLOW)
        no_trace(page)
        shot(page, "01-empty-index.png")
        page.get_by_role("button", name=f"Nạp {bundled} tài liệu mẫu từ documents/").click()
        page.get_by_role("button", name=DINH_LAP).wait_for(timeout=SLOW)  # an example question
        settle(page)
        page.get_by_text(f"{bundled} tài liệu ·").wait_for(timeout=60_000)
        shot(page, "02-ingested.png")

        # 2. a question, answered with a numbered citation highlighted in its paragraph
        ask(page, DINH_LAP)
        assert "06/10" in page.locator(".ntm-answer").first.inner_text()
        card = page.locator(".ntm-cited").first
        card_text = card.inner_text()
        assert DINH_LAP_TITLE in card_text and "27/08/2021" in card_text
        assert DINH_LAP_SOURCE in card_text
        assert card.locator("mark").inner_text().startswith(DINH_LAP_QUOTE)
        assert "Đối với huyện Đình Lập" in card.locator(".ntm-passage").inner_text()
        shot(page, "03-answer.png")

        # 3. the answer with its citations as Markdown, for a brief
        with page.expect_download() as download:
            page.get_by_role("button", name="Tải về (Markdown)").first.click()
        markdown = Path(download.value.path()).read_text(encoding="utf-8")
        assert markdown.startswith(f"**Câu hỏi:** {DINH_LAP}")
        assert f"[1] {DINH_LAP_TITLE} — 27/08/2021 — {DINH_LAP_SOURCE}" in markdown
        assert f"> {DINH_LAP_QUOTE}" in markdown

        # 4. the whole document, scrolled to the highlighted passage
        where = open_passage(page, 0)
        assert where["visible"] and where["mark"].startswith(DINH_LAP_QUOTE)
        assert "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức" in where["text"]
        shot(page, "04-document-at-passage.png")
        page.keyboard.press("Escape")
        page.locator("#ntm-doc").wait_for(state="detached", timeout=20_000)

        # 5. a follow-up uses the conversation; the refusal stays in view, the closest
        # passages are collapsed and labelled as not an answer
        ask(page, "Còn huyện Lộc Bình thì sao?")
        page.get_by_text(
            "Câu hỏi được hiểu là: “Huyện Lộc Bình có bao nhiêu xã đạt chuẩn NTM?”"
        ).wait_for(timeout=10_000)
        refusal = page.locator(".ntm-refusal").last
        refusal.wait_for(timeout=10_000)
        related = page.get_by_text("không phải câu trả lời, chỉ để tham khảo")
        related.first.wait_for(timeout=10_000)
        assert related.count() == 1
        assert not page.locator(".ntm-related").first.is_visible()  # collapsed
        assert in_view(page, ".ntm-refusal")
        shot(page, "05-refusal-in-view.png")
        related.first.click()
        page.locator(".ntm-related").first.wait_for(state="visible", timeout=10_000)
        shot(page, "05b-closest-passages-opened.png")

        # 6. one person uploads while another asks: both get what they expect
        other.goto(url)
        other.get_by_role("button", name=DINH_LAP).wait_for(timeout=SLOW)
        go_to(page, 2, "Tài liệu")
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
            [
                {
                    "name": "bao-cao-mau-son.txt",
                    "mimeType": "text/plain",
                    "buffer": big_document().encode(),
                },
                {"name": EVIL_NAME, "mimeType": "text/plain", "buffer": EVIL_DOC.encode()},
                {"name": "virus.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x00"},
            ]
        )
        page.get_by_text("virus.exe").wait_for(timeout=30_000)
        shot(page, "06-files-chosen.png")
        page.get_by_role("button", name="Nạp vào chỉ mục").click()
        page.get_by_test_id("stProgress").wait_for(timeout=60_000)
        ask(other, DINH_LAP)
        overlapped = page.get_by_test_id("stProgress").count() > 0
        assert "06/10" in other.locator(".ntm-answer").first.inner_text()
        assert DINH_LAP_SOURCE in other.locator(".ntm-cited").first.inner_text()
        page.get_by_text("Đã thêm:").wait_for(timeout=SLOW)
        settle(page)
        no_trace(page)
        added = page.get_by_text("Đã thêm:").inner_text()
        assert "bao-cao-mau-son.txt" in added and "Xã Thử Nghiệm.txt" in added
        assert page.get_by_text(f"{EVIL_NAME} → Xã Thử Nghiệm.txt").count() == 1
        assert page.get_by_text("1 tệp bị từ chối").count() == 1
        shot(page, "07-uploaded.png", height=1900)
        print(f"upload still running when the other session's answer arrived: {overlapped}")

        # 7. the upload answers questions; its HTML is shown as text, never run
        ask(other, "Xã Thử Nghiệm có bao nhiêu thôn đạt chuẩn thôn kiểu mẫu?")
        assert "7 thôn" in other.locator(".ntm-answer").last.inner_text()
        card = other.locator(".ntm-cited").last
        assert "Xã Thử Nghiệm.txt" in card.inner_text()
        assert "<script>window.__pwned=2</script>" in card.inner_text()
        assert other.evaluate("window.__pwned") is None
        assert other.locator(".ntm-cited img, .ntm-cited script").count() == 0
        shot(other, "08-uploaded-answer-escaped.png")

        # 8. a passage deep in a long document: the view scrolls to it
        ask(other, "Thôn Khuổi 0038 của xã Mẫu Sơn đã rà soát bao nhiêu tiêu chí?")
        assert "3 tiêu chí" in other.locator(".ntm-answer").last.inner_text()
        where = open_passage(other)
        assert where["mark"].startswith("Thôn Khuổi 0038")
        assert where["visible"] and where["scrollTop"] > 500
        shot(other, "09-long-document-scrolled.png")
        other.keyboard.press("Escape")

        # 9. an evaluation run with its report
        go_to(page, 3, "Đánh giá")
        rows = [json.loads(x) for x in QUESTIONS.read_text(encoding="utf-8").splitlines()]
        wrong = {
            **rows[2],
            "id": "sai1",
            "answer": "Nguyễn Văn Không",
            "must_include": ["Không Có"],
        }
        small = [rows[0], next(r for r in rows if not r["answerable"]), wrong]
        page.get_by_text("Tải lên tệp JSONL").click()
        questions = tmp_path / "bo-nho.jsonl"
        questions.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in small) + "\n", encoding="utf-8"
        )
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(questions))
        page.get_by_text("3 câu hỏi trong bo-nho.jsonl").wait_for(timeout=30_000)
        page.get_by_role("button", name="Chạy đánh giá").click()
        page.get_by_text("Kết quả cho bo-nho.jsonl").wait_for(timeout=SLOW)
        settle(page)
        no_trace(page)
        metric = page.get_by_test_id("stMetric").filter(has_text="Độ chính xác")
        assert "%" in metric.inner_text()
        page.get_by_role("button", name="Tải báo cáo (HTML)").wait_for(timeout=30_000)
        assert page.get_by_text("Câu trả lời sai (1)").count() == 1
        page.get_by_test_id("stExpander").filter(has_text="sai1").locator("summary").click()
        page.get_by_text("Nguyễn Văn Không").wait_for(timeout=10_000)  # the expected answer
        shot(page, "10-evaluation-report.png", height=1900)

        # 10. the documents table shows full titles, and finds by title or file name
        go_to(page, 2, "Tài liệu")
        long_title = "Báo cáo rà soát tiêu chí thôn nông thôn mới huyện Mẫu Sơn năm 2022"
        # the documents' table, not the change log's (which names users)
        table = (
            page.get_by_test_id("stTable")
            .filter(has_text="Tiêu đề")
            .filter(has_not_text="Người dùng")
        )
        table.wait_for(timeout=SLOW)
        assert long_title in table.inner_text()  # whole, not cut
        page.get_by_label("Tìm tài liệu").fill("mau son")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "[...document.querySelectorAll('[data-testid=stTable]')].find(t => "
            "t.textContent.includes('Tiêu đề') && !t.textContent.includes('Người dùng'))"
            "?.querySelectorAll('tbody tr').length === 1",
            timeout=30_000,
        )
        assert long_title in table.inner_text()
        shot(page, "11-documents-full-titles.png")

        # 11. a Vietnamese session shows no English label
        english_words = (
            "Citations",
            "Evidence",
            "Sources",
            "Select all",
            "No results",
            "Choose an option",
            "Answer ready",
            "Related reading",
        )
        shown = "\n".join(
            other.locator(
                "[data-testid=stMainBlockContainer], [data-testid=stSidebar]"
            ).all_inner_texts()
        )
        assert "Nguồn trích dẫn" in shown  # the page is there
        assert not [w for w in english_words if w in shown]
        shot(other, "12-vietnamese-session.png")

        # 12. an English session: English interface and answer frame, for an English question
        # and for a Vietnamese one
        english.goto(url)
        english.get_by_text("English").click()
        english.get_by_role("heading", name="Ask about New Rural Development").wait_for(
            timeout=SLOW
        )
        settle(english)  # the page redrawn in English before typing
        ask(
            english,
            "How many communes in Dinh Lap district have met the new rural standard?",
            thinking="Searching the documents",
        )
        ask(english, DINH_LAP, thinking="Searching the documents")
        frame_words = (
            "Căn cứ",
            "Nguồn trích dẫn",
            "Đã soạn xong",
            "Câu hỏi được hiểu là",
            "Tài liệu hiện có",
            "Hỏi đáp",
            "Mở toàn văn",
            "không rõ ngày",
        )
        shown = english.locator("[data-testid=stMainBlockContainer]").inner_text()
        assert not [w for w in frame_words if w in shown]
        assert shown.count("Evidence:") == 2 and "06/10 xã" in shown
        shot(english, "13-english-session.png", height=1600)
        assert "Traceback" not in log_path.read_text()
    except Exception:
        shot(page, "failure-session-a.png")
        shot(other, "failure-session-b.png")
        shot(english, "failure-session-c.png")
        raise
    finally:
        a_ctx.close()
        b_ctx.close()
        c_ctx.close()


def test_browser_brief_downloaded_as_word_and_rendered_to_pages(server, browser):
    """A brief made on the "Soạn báo cáo" page, downloaded as Word, and the document's pages
    rendered (LibreOffice → PDF → PNG) beside the page's screenshot in the artifacts."""
    import shutil

    from docx import Document as Docx

    url, log_path = server
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = ctx.new_page()
    try:
        open_with_documents(page, url)
        go_to(page, 1, "Soạn báo cáo số liệu")
        page.get_by_label("Địa bàn (tỉnh, huyện, xã)").click()
        page.keyboard.type("Lạng Sơn")
        # each place is listed with its level: 'Lạng Sơn (tỉnh)'
        page.get_by_role("option", name=re.compile(r"^Lạng Sơn \((?:.*, )?tỉnh\b")).click()
        page.get_by_label("Từ năm").fill("2019")
        page.get_by_label("Đến năm").fill("2021")
        page.get_by_role("button", name="Soạn báo cáo").click()
        word = page.get_by_role("button", name="Tải về Word (.docx)")
        word.wait_for(timeout=SLOW)
        page.get_by_text("9. Trích dẫn").wait_for(timeout=SLOW)  # the whole brief drawn
        settle(page)
        page.wait_for_function(  # tables and charts drawn, not their loading placeholders
            "!document.querySelector('[data-testid=stSkeleton]') && "
            "[...document.querySelectorAll('[data-testid=stDataFrame]')]"
            ".every(d => !d.checkVisibility() || d.querySelector('canvas'))",  # open ones
            timeout=SLOW,
        )
        no_trace(page)
        assert page.get_by_text("Lạng Sơn, 2019–2021").count() >= 1
        shot(page, "20-brief.png", height=2400)

        with page.expect_download() as download:
            word.click()
        assert download.value.suggested_filename.endswith(".docx")
        saved = ARTIFACTS / "20-brief.docx"
        download.value.save_as(saved)
        doc = Docx(str(saved))
        assert [c.text for c in doc.tables[0].rows[0].cells][:3] == [
            "Chỉ tiêu",
            "Địa bàn",
            "Giá trị mới nhất",
        ]
        assert "Lạng Sơn" in doc.paragraphs[0].text
        # the sections in words, each item cited, and the item verbatim in its quote
        paragraphs = [p.text for p in doc.paragraphs]
        quotes = dict(re.findall(r"^\[(\d+)\] .*?: “(.*)”$", "\n".join(paragraphs), flags=re.M))
        for heading, following in (
            ("3. Tồn tại, hạn chế", "4. Nhiệm vụ, giải pháp"),
            ("4. Nhiệm vụ, giải pháp", "5. Diễn biến theo thời gian"),
        ):
            items = paragraphs[paragraphs.index(heading) + 1 : paragraphs.index(following)]
            assert len(items) >= 3, heading
            for item in items:
                text, n = re.fullmatch(r"(.+) \[(\d+)\]", item).groups()
                assert text in quotes[n], (text, quotes[n])
        assert page.get_by_text("3. Tồn tại, hạn chế").count() == 1

        soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
        if not soffice or not pdftoppm:
            pytest.skip("LibreOffice or poppler-utils missing (make browser installs them)")
        for old in ARTIFACTS.glob("20-brief-page-*.png"):
            old.unlink()
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(ARTIFACTS), str(saved)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = ARTIFACTS / "20-brief.pdf"
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", str(pdf), str(ARTIFACTS / "20-brief-page")],
            check=True,
            capture_output=True,
            timeout=120,
        )
        pages = sorted(ARTIFACTS.glob("20-brief-page-*.png"))
        assert pages and all(p.stat().st_size > 10_000 for p in pages)
        assert "Traceback" not in log_path.read_text()
    except Exception:
        shot(page, "failure-brief.png")
        raise
    finally:
        ctx.close()


# -- who may change what ----------------------------------------------------------------------
def test_browser_an_evaluation_with_runaway_patterns_blocks_no_one(server, browser, tmp_path):
    """One user evaluates an uploaded set whose patterns backtrack without end; another user's
    chat question meanwhile is answered, and the evaluation names the patterns it refused or
    could not run, instead of freezing the app."""
    from tests.assistant.test_settings_and_scoring import SLOW as RUNAWAY

    url, _ = server
    a_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    b_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page, other = a_ctx.new_page(), b_ctx.new_page()
    try:
        open_with_documents(page, url)
        rows = [json.loads(x) for x in QUESTIONS.read_text(encoding="utf-8").splitlines()]
        answerable = [r for r in rows if r["answerable"]]
        many = [{**r, "id": f"{r['id']}-{n}"} for n in range(3) for r in answerable]
        runaway = {**answerable[0], "id": "chay-mai", "must_include": [RUNAWAY]}
        nested = {**answerable[0], "id": "long-nhau", "must_include": [r"^(\D*\d*)*@"]}
        questions = tmp_path / "bo-xau.jsonl"
        questions.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in [runaway, nested, *many]) + "\n",
            encoding="utf-8",
        )
        go_to(page, 3, "Đánh giá")
        page.get_by_text("Tải lên tệp JSONL").click()
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(questions))
        page.get_by_text(f"{len(many) + 1} câu hỏi trong bo-xau.jsonl").wait_for(timeout=30_000)
        problems = page.get_by_test_id("stExpander").filter(has_text="1 dòng lỗi")
        problems.locator("summary").click()
        problems.get_by_text("lồng lượng từ").wait_for(timeout=10_000)  # refused on load: line 2
        assert "dòng 2" in problems.inner_text()
        page.get_by_role("button", name="Chạy đánh giá").click()
        page.get_by_text("Đang đánh giá:").wait_for(timeout=SLOW)

        # meanwhile, another user asks on the chat page
        other.goto(url)
        other.get_by_role("button", name=DINH_LAP).wait_for(timeout=SLOW)
        settle(other)
        ask(other, DINH_LAP)
        assert "06/10" in other.locator(".ntm-answer").last.inner_text()
        still_running = page.get_by_text("Đang đánh giá:").is_visible()

        page.get_by_text("Kết quả cho bo-xau.jsonl").wait_for(timeout=SLOW)
        settle(page)
        no_trace(page)
        warning = page.get_by_test_id("stAlert").filter(has_text="không chấm được")
        assert "chay-mai" in warning.inner_text()
        shot(page, "21-evaluation-runaway-pattern.png", height=1400)
        assert still_running, "the chat answer came only after the evaluation had finished"
    finally:
        a_ctx.close()
        b_ctx.close()


def sign_in(page, url: str, name: str) -> None:
    page.goto(f"{url}/?page=documents")
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator("h1", has_text="Tài liệu").wait_for(timeout=SLOW)
    settle(page)
    no_trace(page)


def test_browser_reader_cannot_upload_and_editor_upload_is_in_the_change_log(users_server, browser):
    url, _ = users_server
    reader = browser.new_context(viewport={"width": 1400, "height": 1000})
    editor = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = reader.new_page()
        sign_in(page, url, "hoa")
        page.get_by_text("Đăng nhập: hoa (người đọc)").wait_for(timeout=10_000)
        page.get_by_text("Bạn có quyền đọc").wait_for(timeout=10_000)
        assert page.locator("[data-testid=stFileUploader]").count() == 0
        assert page.get_by_role("button", name="Xoá tài liệu").count() == 0
        assert page.get_by_role("button", name="Lập chỉ mục lại").count() == 0
        shot(page, "30-reader-documents.png")

        page = editor.new_page()
        sign_in(page, url, "lan")
        page.get_by_text("Đăng nhập: lan (biên tập viên)").wait_for(timeout=10_000)
        page.get_by_text("Chưa có thay đổi nào.").wait_for(timeout=10_000)
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
            [{"name": "quang-lang.txt", "mimeType": "text/plain", "buffer": EVIL_DOC.encode()}]
        )
        page.get_by_text("quang-lang.txt").first.wait_for(timeout=60_000)  # in the uploader
        page.get_by_role("button", name="Nạp vào chỉ mục").click()
        page.get_by_text("Đã thêm: quang-lang.txt").wait_for(timeout=SLOW)  # loads the model
        settle(page)
        no_trace(page)
        # the change log (the table that names users), its row for this upload as drawn
        log = page.get_by_test_id("stTable").filter(has_text="Người dùng")
        row = log.locator("tbody tr").filter(has_text="quang-lang.txt").first
        row.wait_for(timeout=60_000)
        cells = [c.inner_text().strip() for c in row.locator("td, th").all()]
        assert "lan" in cells and "quang-lang.txt" in cells and "thêm mới" in cells, cells
        log.scroll_into_view_if_needed()
        shot(page, "31-editor-change-log.png")
    finally:
        reader.close()
        editor.close()


def test_browser_hostile_titles_show_as_text_fetch_nothing_and_link_nowhere(
    hostile_server, browser
):
    url, _ = hostile_server
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))
    try:
        page = context.new_page()
        page.goto(f"{url}/?page=documents")
        table = page.get_by_test_id("stTable").filter(has_text="Tiêu đề")
        table.wait_for(timeout=SLOW)
        settle(page)
        no_trace(page)
        # each title and file name shown as the text it is (an invisible word joiner keeps an
        # address from becoming a link)
        cells = {c.replace("\u2060", "").strip() for c in table.locator("td").all_inner_texts()}
        assert set(TITLES) <= cells and set(SHOWN_NAMES) <= cells, cells
        # nothing of a title became an element: no image, no link, no bold, no colour
        made = page.evaluate(
            """(host) => [...document.querySelectorAll('img, a, b, [data-testid=stMain] span')]
                .filter(e => (e.getAttribute('src') || e.getAttribute('href') || '')
                               .includes(host)
                          || ['đậm', 'đỏ'].includes(e.textContent.trim()))
                .map(e => e.outerHTML)""",
            HOST,
        )
        assert made == []
        # the delete list names them the same way, as text
        options = [
            o.replace("\u2060", "") for o in page.get_by_test_id("stCheckbox").all_inner_texts()
        ]
        assert any(TITLES[1] in o for o in options), options
        assert any("ten\\x1b[31mdo\\tx.txt" in o for o in options), options
        shot(page, "40-hostile-titles.png", height=1400)
        assert not [u for u in asked if HOST in u]  # no reader's browser fetched anything
    finally:
        context.close()


# -- one language at a time -------------------------------------------------------------------
# what a user reads on each page, per language
WORDS = {
    "vi": {
        "toggle": False,
        "chat": "Hỏi đáp về Nông thôn mới",
        "thinking": "Đang tìm trong tài liệu",
        "brief": "Soạn báo cáo số liệu",
        "place": "Địa bàn (tỉnh, huyện, xã)",
        "from": "Từ năm",
        "to": "Đến năm",
        "make": "Soạn báo cáo",
        "citations": "9. Trích dẫn",
        "evaluation": "Đánh giá",
        "upload": "Tải lên tệp JSONL",
        "loaded": "3 câu hỏi trong bo-ngon-ngu.jsonl",
        "run": "Chạy đánh giá",
        "results": "Kết quả cho bo-ngon-ngu.jsonl",
        "share": "65 xã, chiếm 35,91%",
        "month": "tháng 8",
        "downloads": ("Tải về Word (.docx)", "Tải về Markdown (.md)"),
        "headline": "1. Số liệu chính",
    },
    "en": {
        "toggle": True,
        "chat": "Ask about New Rural Development",
        "thinking": "Searching the documents",
        "brief": "Conference brief",
        "place": "Place (province, district, commune)",
        "from": "From year",
        "to": "To year",
        "make": "Make the brief",
        "citations": "9. Citations",
        "evaluation": "Evaluation",
        "upload": "Upload a JSONL file",
        "loaded": "3 questions in bo-ngon-ngu.jsonl",
        "run": "Run the evaluation",
        "results": "Results for bo-ngon-ngu.jsonl",
        "share": "65 communes, i.e. 35.91%",
        "month": "August",
        "downloads": ("Download Word (.docx)", "Download Markdown (.md)"),
        "headline": "1. Headline figures",
    },
}


def downloaded_text(path: Path) -> str:
    """A downloaded brief as a reader reads it: a Word file's paragraphs and table cells, or
    the Markdown as written."""
    if path.suffix != ".docx":
        return path.read_text(encoding="utf-8")
    from docx import Document as Docx

    doc = Docx(str(path))
    rows = ["\t".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + rows)


def read_page(page) -> str:
    """The main column as a reader reads it, without the question they typed, the passages and
    titles of the citation cards, an evaluation's expected and given answers (values: the
    answers scored), and with the charts' axis and legend words."""
    return page.evaluate(
        """() => {
        const main = document.querySelector('[data-testid=stMainBlockContainer]');
        let text = main.innerText;
        for (const e of main.querySelectorAll(
                '.ntm-user, .ntm-passage, .ntm-cite-head, .ntm-meta, .ntm-fail, '
                + '[data-testid=stChatInput], '
                + '[data-testid*=Icon]')) {  // an icon's name is no word of the page
            text = text.replace(e.innerText, '\\n');
        }
        const chart = [...main.querySelectorAll('svg text')].map(t => t.textContent);
        return text + '\\n' + chart.join('\\n');
    }"""
    )


def cut_labels(page, selector: str) -> list[str]:
    """Labels under ``selector`` that do not fit their box (cut with an ellipsis)."""
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)]
            .filter(l => [l, ...l.querySelectorAll('*')].some(e => {
                const s = getComputedStyle(e);
                const clips = s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX);
                return clips && e.textContent.trim() && e.scrollWidth > e.clientWidth + 1;
            }))
            .map(l => l.innerText)""",
        selector,
    )


def one_language_journey(page, url: str, lang: str, tmp_path) -> None:
    w = WORDS[lang]
    open_with_documents(page, url)
    if w["toggle"]:
        page.get_by_text("English").click()
    page.get_by_role("heading", name=w["chat"]).wait_for(timeout=SLOW)
    settle(page)
    tag = "15" if lang == "en" else "14"

    # the chat: a figure with its share, and two sentences of one paragraph cited
    d001 = "Toàn tỉnh Lạng Sơn có bao nhiêu xã được công nhận đạt chuẩn NTM tính đến tháng 8/2021?"
    merger = (
        "tinh theo so lieu truoc khi sap nhap xa, den nam 2020 lang son co bao nhieu xa dat chuan"
    )
    ask(page, d001, thinking=w["thinking"])
    assert w["share"] in page.locator(".ntm-answer").last.inner_text()
    ask(page, merger, thinking=w["thinking"])
    answer = page.locator(".ntm-answer").last.inner_text()
    assert "74/207" in answer and "65/181" in answer
    card = page.locator(".ntm-cited").last  # one card for the paragraph both sentences are in
    assert card.locator(".ntm-badge").all_inner_texts() == ["1", "2"]
    assert card.locator("mark").count() == 2
    assert not re.search(r"\)”", answer), answer  # no bracket the quote does not open
    shown = read_page(page)
    assert not other_language(shown, lang), other_language(shown, lang)
    shot(page, f"{tag}-{lang}-answers.png", height=1600)

    # the brief and its chart
    go_to(page, 1, w["brief"])
    page.get_by_label(w["place"]).click()
    page.keyboard.type("Lạng Sơn")
    # each place is listed with its level, in the interface language: 'Lạng Sơn (tỉnh)'
    level = r"tỉnh" if lang == "vi" else r"province"
    page.get_by_role("option", name=re.compile(rf"^Lạng Sơn \((?:.*, )?{level}\b")).click()
    page.get_by_label(w["from"]).fill("2019")
    page.get_by_label(w["to"]).fill("2021")
    page.get_by_role("button", name=w["make"]).click()
    page.get_by_text(w["citations"]).wait_for(timeout=SLOW)
    settle(page)
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=stVegaLiteChart] svg text').length > 10",
        timeout=SLOW,
    )
    axis = page.locator("[data-testid=stVegaLiteChart] svg text").all_text_contents()
    assert any(a.startswith(w["month"]) for a in axis), axis  # the interface's month names
    shown = read_page(page)
    assert not other_language(shown, lang), other_language(shown, lang)
    no_trace(page)
    shot(page, f"{tag}-{lang}-brief.png", height=2600)
    # the Word and Markdown files an official hands on, in the page's language
    for button in w["downloads"]:
        with page.expect_download() as download:
            page.get_by_role("button", name=button).click()
        saved = ARTIFACTS / f"{tag}-{lang}-{download.value.suggested_filename}"
        download.value.save_as(saved)
        text = downloaded_text(saved)
        assert w["headline"] in text and w["citations"] in text, text[:500]
        assert not other_language(text, lang), other_language(text, lang)
    settle(page)

    # the evaluation page, with a failed question and its reason
    rows = [json.loads(x) for x in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    wrong = {**rows[4], "id": "sai1", "answer": "Nguyễn Văn Không", "must_include": ["Không Có"]}
    small = [rows[0], next(r for r in rows if not r["answerable"]), wrong]
    questions = tmp_path / "bo-ngon-ngu.jsonl"
    questions.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in small) + "\n", encoding="utf-8"
    )
    go_to(page, 3, w["evaluation"])
    page.get_by_text(w["upload"]).click()
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(questions))
    page.get_by_text(w["loaded"]).wait_for(timeout=30_000)
    page.get_by_role("button", name=w["run"]).click()
    page.get_by_text(w["results"]).wait_for(timeout=SLOW)
    settle(page)
    no_trace(page)
    page.get_by_test_id("stExpander").filter(has_text="sai1").locator("summary").click()
    page.get_by_text("Nguyễn Văn Không").wait_for(timeout=10_000)
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=stVegaLiteChart] svg text').length > 3",
        timeout=SLOW,
    )
    shown = read_page(page)
    values = tuple(r["question"] for r in small) + ("Nguyễn Văn Không", "Không Có", "sai1")
    assert not other_language(shown, lang, values), other_language(shown, lang, values)
    assert not cut_labels(page, "[data-testid=stMetricLabel]")
    shot(page, f"{tag}-{lang}-evaluation.png", height=1900)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_browser_one_language_in_answers_brief_chart_and_evaluation(
    server, browser, tmp_path, lang
):
    """Each interface language alone in the chat's answer frame, the brief page and its chart
    and the evaluation page (values and quotes aside), status boxes gone once the answer is
    on screen, one card per cited paragraph, labels whole, the brief's Word and Markdown
    downloads in the same language; no deprecation in the app's log."""
    url, log_path = server
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = ctx.new_page()
    try:
        one_language_journey(page, url, lang, tmp_path)
        log = log_path.read_text()
        assert "Traceback" not in log
        assert not re.search(r"(?i)deprecat|use_container_width", log), log[-3000:]
    except Exception:
        shot(page, f"failure-one-language-{lang}.png")
        raise
    finally:
        ctx.close()


def test_browser_delete_list_shows_whole_titles(server, browser):
    url, _ = server
    ctx = browser.new_context(viewport={"width": 1100, "height": 1000})
    page = ctx.new_page()
    try:
        open_with_documents(page, url)
        go_to(page, 2, "Tài liệu")
        boxes = page.get_by_test_id("stCheckbox").filter(has_text=".txt")
        boxes.first.wait_for(timeout=SLOW)
        assert boxes.count() >= len(list(DOCUMENTS.iterdir()))
        assert not cut_labels(page, "[data-testid=stCheckbox] label")
        boxes.first.scroll_into_view_if_needed()
        shot(page, "17-delete-list.png")
    finally:
        ctx.close()
