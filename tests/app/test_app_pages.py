"""The app's pages driven by Streamlit's AppTest: chat with citations and follow-ups, filters,
documents (upload, rejections, delete, re-index), evaluation, errors.

Tests marked ``integration`` use the real model over an index of the five bundled documents,
built once per module by the CLI (``ntm ingest documents``) exactly as the Makefile does.
The others run on an empty index and never load the model.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.audit import AuditLog
from base.settings import Settings
from base.types import doc_id_for
from tests.conftest import cli_ingest
from tests.hostile_docs import HOSTILE, SHOWN_NAMES, TITLES, hostile_home
from tests.scans import scanned_pdf

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
DOCUMENTS = ROOT / "documents"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
DINH_LAP = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?"
DINH_LAP_SOURCE = "000_b1a6b20c5124416e.txt"
DINH_LAP_QUOTE = "Toàn huyện có 06/10 xã đạt chuẩn NTM"
TIMEOUT = 300

EVIL_DOC = (
    "Xã Thử Nghiệm đạt chuẩn nông thôn mới năm 2023\n\n"
    "Ngày 05/03/2023, huyện Hữu Lũng, tỉnh Lạng Sơn công bố xã Thử Nghiệm đạt chuẩn nông "
    "thôn mới.\n"
    'Xã Thử Nghiệm có 7 thôn đạt chuẩn thôn kiểu mẫu <img src=x onerror="alert(1)"> và '
    "<script>alert(2)</script> thu nhập bình quân đạt 48 triệu đồng/người/năm.\n"
)

# what would be alive if a hostile string were not escaped: an image, a link, a colour
# directive, HTML, a terminal code
ALIVE = re.compile(
    r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(|(?<!\\):red(?<!\\)\[|<b>|<img|<a |\x1b|\t"
    r"|(?i:https?|www)\\?[:.]"  # a bare address: Streamlit would make it a link
)

SCANNED = scanned_pdf(
    [], ["Đến hết năm 2023, huyện Tân Lạc có 11 xã đạt chuẩn nông thôn mới."]
)  # a blank page, then a scanned page


# -- helpers ----------------------------------------------------------------------------------
def start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if page:
        at.query_params["page"] = page
    at.run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    """No stack trace and no error box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def unescape(markdown):
    """Escaped Markdown as a reader sees it (other values as they are)."""
    if not isinstance(markdown, str):
        return markdown
    shown = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown))
    return shown.replace("\u2060", "")  # the word joiner that keeps addresses from linking


def html_of(at: AppTest) -> list[str]:
    return [h.value for h in at.html if not h.value.lstrip().startswith("<style>")]


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} in {[b.label for b in at.button]}"
    return found[0]


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert_clean(at)
    return at


def go_to(at: AppTest, page: str) -> AppTest:
    at.session_state["page"] = page  # what clicking the sidebar entry does
    at.run()
    assert_clean(at)
    return at


@pytest.fixture(scope="module")
def pristine_home(tmp_path_factory) -> Path:
    """An index of the bundled documents built by the CLI, never opened by a test."""
    home = tmp_path_factory.mktemp("app-pristine")
    cli_ingest(DOCUMENTS, home)
    return home


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """An index of the hostile documents, built by the CLI."""
    return hostile_home(tmp_path_factory.mktemp("app-hostile"))


def markdown_shown(at: AppTest) -> list[str]:
    """Every string of the page that Streamlit renders as Markdown: text elements, alerts,
    labels, the cells of tables."""
    texts = [
        e.value
        for kind in ("markdown", "caption", "subheader", "success", "info", "warning", "error")
        for e in getattr(at, kind)
    ]
    texts += [e.label for e in at.expander]
    texts += [w.label for kind in ("multiselect", "selectbox", "button") for w in getattr(at, kind)]
    for table in at.table:
        texts += [str(v) for v in table.value.to_numpy().ravel()]
    return texts


@pytest.fixture(scope="module")
def shared_home(pristine_home, tmp_path_factory) -> Path:
    """The read-only index the chat and evaluation tests share (one model load)."""
    home = tmp_path_factory.mktemp("app-shared") / "home"
    shutil.copytree(pristine_home, home)
    return home


@pytest.fixture
def indexed(shared_home, monkeypatch) -> Path:
    monkeypatch.setenv("NTM_HOME", str(shared_home))
    return shared_home


# -- without the model ------------------------------------------------------------------------
def test_empty_index_offers_the_bundled_documents():
    at = start()
    assert at.title[0].value == "Hỏi đáp về Nông thôn mới"
    assert any("Chỉ mục đang trống" in i.value for i in at.info)
    count = len([p for p in DOCUMENTS.iterdir() if p.is_file()])
    assert button(at, f"Nạp {count} tài liệu mẫu từ documents/")
    assert at.chat_input[0].proto.disabled  # nothing to answer from yet
    go_to(at, "documents")
    assert at.title[0].value == "Tài liệu"
    assert [m.value for m in at.metric][:2] == ["0", "0"]
    assert button(at, f"Nạp {count} tài liệu mẫu từ documents/")
    assert "Chưa có tài liệu nào." in [c.value for c in at.caption]


def test_four_pages_in_vietnamese_with_an_english_switch():
    at = start()
    radio = at.sidebar.radio(key="page-vi")
    assert radio.options == [
        ":material/forum: Hỏi đáp",
        ":material/summarize: Soạn báo cáo",
        ":material/library_books: Tài liệu",
        ":material/monitoring: Đánh giá",
    ]
    titles = {}
    for page in ("documents", "evaluation", "brief", "chat"):
        at.sidebar.radio(key="page-vi").set_value(page).run()  # a click in the sidebar
        assert_clean(at)
        titles[page] = at.title[0].value
    assert titles == {
        "chat": "Hỏi đáp về Nông thôn mới",
        "brief": "Soạn báo cáo số liệu",
        "documents": "Tài liệu",
        "evaluation": "Đánh giá",
    }
    at.sidebar.toggle[0].set_value(True).run()
    assert at.title[0].value == "Ask about New Rural Development"
    assert at.chat_input[0].placeholder == "Type a question about NTM…"
    assert at.sidebar.radio(key="page-en").options[3] == ":material/monitoring: Evaluation"
    at.sidebar.radio(key="page-en").set_value("documents").run()
    assert at.title[0].value == "Documents"
    at.sidebar.toggle[0].set_value(False).run()
    assert at.title[0].value == "Tài liệu"  # switching language keeps the page


def test_page_can_be_opened_by_url():
    at = start(page="evaluation")
    assert at.title[0].value == "Đánh giá"
    assert at.sidebar.radio(key="page-vi").value == "evaluation"


def test_rejected_uploads_are_listed_with_the_reason(monkeypatch):
    monkeypatch.setenv("NTM_UPLOAD_MAX_FILES", "2")
    monkeypatch.setenv("NTM_UPLOAD_MAX_MB", "0.001")  # about 1 KB
    at = start(page="documents")
    assert any("Tối đa 2 tệp mỗi lần, mỗi tệp ≤ 0.001 MB" in c.value for c in at.caption)
    at.file_uploader[0].set_value(
        [
            ("../../virus.exe", b"MZ\x90\x00", "application/octet-stream"),
            ("big.txt", "Nông thôn mới. ".encode() * 200, "text/plain"),
            ("third.md", b"# NTM", "text/markdown"),
        ]
    ).run()
    button(at, "Nạp vào chỉ mục").click().run()
    assert_clean(at)
    assert any("3 tệp bị từ chối" in w.value for w in at.warning)
    table = at.dataframe[0].value
    reasons = dict(zip(table["Tệp"], table["Lý do"], strict=True))
    assert set(reasons) == {"../../virus.exe", "big.txt", "third.md"}
    assert "không hỗ trợ .exe" in reasons["../../virus.exe"]
    assert "NTM_UPLOAD_MAX_MB" in reasons["big.txt"]
    assert "NTM_UPLOAD_MAX_FILES" in reasons["third.md"]
    assert [m.value for m in at.metric][0] == "0"  # nothing half-ingested
    # each refusal is in the audit log, under who tried and from where
    logged = AuditLog(Settings.from_env().audit_file).entries(limit=None)
    assert sorted((e["action"], e["source"], e["result"][:9]) for e in logged) == [
        ("ingest", "../../virus.exe", "rejected:"),
        ("ingest", "big.txt", "rejected:"),
        ("ingest", "third.md", "rejected:"),
    ]
    assert all(e["user"].startswith("local:") and e["client"] for e in logged)


def test_evaluation_page_reads_bundled_and_uploaded_question_sets():
    at = start(page="evaluation")
    assert at.selectbox(key="qset_pick").value.name == "questions.jsonl"
    total = sum(1 for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip())
    assert any(
        unescape(c.value) == f"{total} câu hỏi trong eval/questions.jsonl" for c in at.caption
    )
    run = button(at, "Chạy đánh giá")
    assert run.disabled  # the index is empty
    assert any("Hãy nạp tài liệu trước khi đánh giá" in w.value for w in at.warning)

    at.radio(key="qset_source-vi").set_value("upload").run()
    good = QUESTIONS.read_text(encoding="utf-8").splitlines()[0]
    at.file_uploader(key="qset_upload").set_value(
        ("../mine/bộ câu hỏi.jsonl", f"{good}\n{{not json\n".encode(), "application/jsonl")
    ).run()
    assert_clean(at)
    assert any(unescape(c.value) == "1 câu hỏi trong bộ câu hỏi.jsonl" for c in at.caption)
    problems = [e for e in at.expander if "1 dòng lỗi sẽ bị bỏ qua" in e.label]
    assert problems and "dòng 2: không phải JSON hợp lệ" in problems[0].text[0].value


def test_bad_setting_is_an_error_message_not_a_stack_trace(monkeypatch):
    monkeypatch.setenv("NTM_UPLOAD_MAX_FILES", "nhiều")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.error) == 1
    assert "NTM\\_UPLOAD\\_MAX\\_FILES" in at.error[0].value
    assert "số nguyên" in at.error[0].value


def test_one_assistant_per_process_shared_by_sessions(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT))
    import app

    first, _ = app.get_assistant()
    second, _ = app.get_assistant()  # another session, same settings
    assert first is second
    monkeypatch.setenv("NTM_HOME", str(tmp_path / "other"))
    assert app.get_assistant()[0] is not first  # different settings, different index


# -- with the real model ----------------------------------------------------------------------
@pytest.mark.integration
def test_question_error_is_shown_in_the_chat_and_left_out_of_the_history(indexed):
    at = start()
    at.chat_input[0].set_value("12345 ???").run()
    assert not at.status  # the stages are gone: the error says what happened
    assert not at.exception
    assert len(at.error) == 1 and "Câu hỏi không có chữ nào" in at.error[0].value
    at.chat_input[0].set_value("Còn huyện Lộc Bình thì sao?").run()
    assert not at.exception
    assert len(at.error) == 1  # the earlier error stays in the conversation, nothing new
    captions = [unescape(c.value) for c in at.caption]
    assert not any(c.startswith("Câu hỏi được hiểu là") for c in captions)  # no history used


@pytest.mark.integration
def test_answer_shows_numbered_citation_highlighted_in_its_paragraph(indexed):
    at = ask(start(), DINH_LAP)
    assert not at.status  # no "done" box left above an answer on screen
    html = html_of(at)
    assert html[0] == f'<div class="ntm-user">{DINH_LAP}</div>'
    answer = html[1]
    assert answer.startswith('<div class="ntm-answer">06/10 xã')
    assert '<sup class="ntm-ref">[1]</sup>' in answer
    card = next(h for h in html if 'class="ntm-cited"' in h)
    assert '<span class="ntm-badge">1</span>' in card
    assert "Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn" in card
    assert "27/08/2021" in card and DINH_LAP_SOURCE in card
    assert f"<mark>{DINH_LAP_QUOTE}" in card
    assert "Đối với huyện Đình Lập, tính đến hết tháng 7/2021" in card  # its paragraph
    assert at.markdown[0].value == "**Nguồn trích dẫn**"

    copy = at.code[0].value  # the Markdown behind "Sao chép" and "Tải về"
    assert copy.startswith(f"**Câu hỏi:** {DINH_LAP}")
    assert (
        f"[1] Hội nghị trực tuyến sơ kết công tác xây dựng Nông thôn mới tỉnh Lạng Sơn — "
        f"27/08/2021 — {DINH_LAP_SOURCE}" in copy
    )
    assert f"> {DINH_LAP_QUOTE}" in copy
    assert at.get("download_button")[0].proto.label == "Tải về (Markdown)"

    button(at, "Mở toàn văn tại đoạn này").click().run()
    assert_clean(at)
    doc = next(h for h in html_of(at) if 'id="ntm-doc"' in h)
    assert f'<mark id="ntm-passage">{DINH_LAP_QUOTE}' in doc
    assert "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức" in doc  # the whole text, not a chunk
    assert any("scrollTop" in h for h in html_of(at))


def _answers_html(at: AppTest) -> list[str]:
    return [h for h in html_of(at) if h.startswith('<div class="ntm-answer')]


@pytest.mark.integration
def test_a_language_model_rewrite_is_shown_only_when_its_figures_check_out(
    indexed, chat_server, monkeypatch
):
    monkeypatch.setenv("NTM_LLM_URL", chat_server.url)
    chat_server.replies += [
        "Theo báo cáo, huyện Đình Lập có 06/10 xã đạt chuẩn nông thôn mới [1].",
        "Huyện Đình Lập có 8 xã đạt chuẩn nông thôn mới [1].",  # 8 is in no quote
    ]
    at = ask(start(), DINH_LAP)
    answer = _answers_html(at)[0]
    assert answer.startswith('<div class="ntm-answer">Theo báo cáo, huyện Đình Lập có 06/10 xã')
    assert chat_server.requests[0]["stream"] is True  # streamed into the page as it is written
    assert not any("bị loại" in c.value for c in at.caption)

    ask(at, "Đình Lập có mấy xã đạt chuẩn nông thôn mới?")
    second = _answers_html(at)[1]
    assert second.startswith('<div class="ntm-answer">06/10 xã') and "8 xã" not in second
    assert any("Bản viết lại của mô hình ngôn ngữ bị loại" in c.value for c in at.caption)
    card = [h for h in html_of(at) if 'class="ntm-cited"' in h][-1]
    assert f"<mark>{DINH_LAP_QUOTE}" in card


@pytest.mark.integration
def test_follow_up_uses_the_conversation_and_abstention_shows_related_reading(indexed):
    at = ask(start(), DINH_LAP)
    at = ask(at, "Còn huyện Lộc Bình thì sao?")
    captions = [unescape(c.value) for c in at.caption]
    assert "Câu hỏi được hiểu là: “Huyện Lộc Bình có bao nhiêu xã đạt chuẩn NTM?”" in captions
    answers = [h for h in html_of(at) if h.startswith('<div class="ntm-answer')]
    assert len(answers) == 2 and "không có thông tin" in answers[1]
    assert answers[1].startswith('<div class="ntm-answer ntm-refusal">')  # the refusal stands out
    related = [e for e in at.expander if e.label.startswith("Đoạn văn gần nhất (")]
    assert len(related) == 1 and "không phải câu trả lời" in related[0].label
    assert not related[0].proto.expanded  # collapsed: the refusal stays in view
    cards = [h for h in html_of(at) if 'class="ntm-related"' in h]
    assert cards and all('<span class="ntm-badge rel">↗</span>' in h for h in cards)
    assert not any('class="ntm-badge">' in h for h in cards)  # no citation numbers
    assert [m.value for m in at.markdown].count("**Nguồn trích dẫn**") == 1  # first answer only
    assert "Đoạn văn liên quan (chỉ để tham khảo, không phải trích dẫn)" in at.code[1].value
    assert "Nguồn trích dẫn" not in at.code[1].value


@pytest.mark.integration
def test_sidebar_filters_restrict_the_documents_searched(indexed):
    at = start()
    assert at.sidebar.multiselect(key="f_provinces").options == ["Lạng Sơn", "Thái Nguyên"]
    at.sidebar.multiselect(key="f_provinces").set_value(["Thái Nguyên"]).run()
    assert any(unescape(c.value) == "Đang lọc: Tỉnh: Thái Nguyên" for c in at.caption)
    at = ask(at, DINH_LAP)
    passages = [h for h in html_of(at) if "ntm-cite-head" in h]
    assert passages, "expected citations or related passages"
    assert all("003_7c20399e720dfcdf.txt" in h for h in passages)  # the only Thái Nguyên doc
    assert not any(DINH_LAP_SOURCE in h for h in passages)


@pytest.mark.integration
def test_evaluation_runs_and_reports_failures_with_downloads(indexed):
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    right = rows[0]
    unanswerable = next(r for r in rows if not r["answerable"])
    wrong = {**rows[2], "id": "sai1", "answer": "Nguyễn Văn Không", "must_include": ["Không Có"]}
    raw = "\n".join(json.dumps(r, ensure_ascii=False) for r in (right, unanswerable, wrong))
    at = start(page="evaluation")
    at.radio(key="qset_source-vi").set_value("upload").run()
    at.file_uploader(key="qset_upload").set_value(
        ("nho.jsonl", (raw + "\n[1, 2]\n").encode(), "application/jsonl")
    ).run()
    button(at, "Chạy đánh giá").click().run()
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Độ chính xác"] == "66,7%"  # Vietnamese decimal comma
    assert set(metrics) >= {
        "Truy hồi hit@1",
        "Truy hồi hit@5",
        "MRR",
        "Từ chối đúng chỗ",
        "Từ chối đủ",
        "Độ trễ trung vị",
        "Trích dẫn nguyên văn",
    }
    assert metrics["Từ chối đủ"] == "100,0%"
    # every metric explained in the interface language, the jargon on the page too
    assert all(m.proto.help for m in at.metric)
    assert any("thứ hạng đảo trung bình" in c.value for c in at.caption)
    per_tag = at.table[0].value
    from ui.evaluation import tag_label

    wanted = {tag_label(tag) for tag in set(right["tags"]) | set(unanswerable["tags"])}
    assert set(per_tag["Nhãn"]) >= wanted and "không có đáp án" in wanted
    assert any(m.value == "**Câu trả lời sai (1)**" for m in at.markdown)
    failed = [e for e in at.expander if e.label.startswith("sai1")]
    assert len(failed) == 1
    detail = failed[0].children[0].value if hasattr(failed[0].children[0], "value") else ""
    assert "Nguyễn Văn Không" in detail and "Đặng Văn Lộc" in detail  # expected and given
    assert any("Dòng lỗi đã bỏ qua (1)" in e.label for e in at.expander)
    downloads = [d.proto.label for d in at.get("download_button")]
    assert downloads == ["Tải câu trả lời (JSONL)", "Tải báo cáo (HTML)", "Tải báo cáo (Markdown)"]


@pytest.mark.integration
def test_upload_ask_reindex_and_delete(pristine_home, tmp_path, monkeypatch):
    home = tmp_path / "home"
    shutil.copytree(pristine_home, home)  # this test changes the index: its own copy
    monkeypatch.setenv("NTM_HOME", str(home))
    at = start(page="documents")
    at.file_uploader[0].set_value(
        [
            ("../../Xã Thử Nghiệm.txt", EVIL_DOC.encode(), "text/plain"),
            ("notes.exe", b"MZ", "application/octet-stream"),
            ("ban-quet.pdf", SCANNED, "application/pdf"),
        ]
    ).run()
    button(at, "Nạp vào chỉ mục").click().run()
    assert_clean(at)
    assert [unescape(s.value) for s in at.success] == ["Đã thêm: Xã Thử Nghiệm.txt, ban-quet.pdf"]
    # the scanned PDF went in by OCR; its blank page is named, not silently dropped
    assert any("1 cảnh báo" in w.value for w in at.warning)
    problems = at.dataframe[1].value
    assert list(problems["Tệp"]) == ["ban-quet.pdf"]
    assert list(problems["Vấn đề"])[0].startswith("trang 1: nhận dạng chữ (OCR)")
    assert any("../../Xã Thử Nghiệm.txt → Xã Thử Nghiệm.txt" in unescape(i.value) for i in at.info)
    assert any("1 tệp bị từ chối" in w.value for w in at.warning)
    rejected = at.dataframe[0].value
    assert list(rejected["Tệp"]) == ["notes.exe"]
    table = at.table[0].value.map(unescape)  # st.table renders Markdown: cells are escaped
    assert len(table) == 7
    row = table[table["Tệp nguồn"] == "Xã Thử Nghiệm.txt"].iloc[0]
    assert row["Tiêu đề"] == "Xã Thử Nghiệm đạt chuẩn nông thôn mới năm 2023"
    assert row["Ngày"] == "05/03/2023" and row["Tỉnh"] == "Lạng Sơn" and row["Số đoạn"] >= 1

    go_to(at, "chat")
    ask(at, "Xã Thử Nghiệm có bao nhiêu thôn đạt chuẩn thôn kiểu mẫu?")
    html = html_of(at)
    assert "7 thôn" in html[1]
    card = next(h for h in html if 'class="ntm-cited"' in h)
    assert "Xã Thử Nghiệm.txt" in card
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in card
    assert not any("<script" in h or "<img" in h for h in html)  # shown as text, never run

    go_to(at, "documents")
    button(at, "Lập chỉ mục lại").click().run()
    assert_clean(at)
    chunks = int(at.metric[1].value)
    # same model, same chunking: every passage keeps its vector, none is embedded again
    done = f"Đã lập chỉ mục lại {chunks} đoạn (nhúng mới 0, giữ vector cũ {chunks})."
    assert any(s.value == done for s in at.success)

    at.checkbox(key=f"delete-1-{doc_id_for('Xã Thử Nghiệm.txt')}").check().run()
    assert button(at, "Xoá tài liệu").disabled  # not before the confirmation
    at.checkbox(key="delete-sure-1").check().run()
    button(at, "Xoá tài liệu").click().run()
    assert_clean(at)
    assert [unescape(s.value) for s in at.success] == ["Đã xoá: Xã Thử Nghiệm.txt"]
    # the message stands under the delete button, not at the top of the page
    blocks = [type(e).__name__ for e in at.main]
    assert blocks.index("Success") > blocks.index("Title") + 3
    assert "Xã Thử Nghiệm.txt" not in list(at.table[0].value["Tệp nguồn"].map(unescape))
    assert at.metric[0].value == "6"


def test_a_brief_for_a_province_and_period_with_downloads(indexed):
    at = start("brief")
    assert at.title[0].value == "Soạn báo cáo số liệu"
    # the form says what empty years do, in words; no grey year that looks filled in
    empty = [at.text_input(key=k).placeholder for k in ("brief_from", "brief_to")]
    assert empty == ["trống: từ đầu", "trống: đến nay"]
    assert any("mọi thời điểm" in c.value for c in at.caption)
    # each place with its level
    options = at.selectbox(key="brief_place").options
    assert any(re.fullmatch(r"Lạng Sơn \((?:[^)]*, )?tỉnh(?:, [^)]*)?\)", o) for o in options)
    assert any(re.fullmatch(r"Đình Lập \(huyện(?:, [^)]*)?\)", o) for o in options), options
    at.selectbox(key="brief_place").set_value("Lạng Sơn")
    at.text_input(key="brief_from").set_value("2019")
    at.text_input(key="brief_to").set_value("2021")
    button(at, "Soạn báo cáo").click().run()
    assert_clean(at)
    assert "Lạng Sơn, 2019–2021" in at.subheader[0].value
    headline = at.table[0].value.map(unescape)
    assert "xã đạt chuẩn NTM" in list(headline["Chỉ tiêu"])
    quotes = "\n".join(unescape(m.value) for m in at.markdown)
    for value, source in zip(headline["Giá trị mới nhất"], headline["Nguồn"], strict=True):
        n = source.strip("[]")
        assert re.search(rf"\[{n}\] .*“[^”]*{re.escape(value)}", quotes), (value, n)
    # the sections in words: the difficulties and tasks the Lạng Sơn articles list, each item
    # verbatim in the quote it cites
    texts = [unescape(m.value) for m in at.markdown]
    for heading in ("3. Tồn tại, hạn chế", "4. Nhiệm vụ, giải pháp"):
        items = texts[texts.index(f"**{heading}**") + 1].split("\n")
        assert len(items) >= 3, heading
        for item in items:
            text, n = re.fullmatch(r"- (.+) \[(\d+)\]", item).groups()
            assert re.search(rf"\[{n}\] .*“[^”]*{re.escape(text)}", quotes), (text, n)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Tải về Word (.docx)", "Tải về Markdown (.md)"]


def test_a_brief_for_a_place_without_figures_says_so(indexed):
    at = start("brief")
    at.text_input(key="brief_from").set_value("2031")
    button(at, "Soạn báo cáo").click().run()
    assert_clean(at)
    assert "không có số liệu nào trong" in at.warning[0].value
    at.text_input(key="brief_from").set_value("năm ngoái")
    button(at, "Soạn báo cáo").click().run()
    assert at.error and "không phải một năm" in at.error[0].value


@pytest.mark.integration
def test_titles_and_file_names_from_documents_show_as_text(hostile, tmp_path, monkeypatch):
    home = tmp_path / "home"
    shutil.copytree(hostile, home)
    monkeypatch.setenv("NTM_HOME", str(home))
    at = start(page="documents")
    shown = markdown_shown(at)
    alive = [s for s in shown if ALIVE.search(s)]
    assert not alive, alive  # no image, link, colour, HTML or terminal code comes alive
    table = at.table[0].value.map(unescape)
    # the reader sees each title and file name as written (control characters spelt out)
    assert sorted(table["Tiêu đề"]) == sorted(TITLES)
    assert sorted(table["Tệp nguồn"]) == SHOWN_NAMES
    # the delete list: a tick box per document, its whole title and file name as text
    # (escaped: its label renders Markdown), control characters spelt out
    picks = [unescape(c.label) for c in at.checkbox if c.key.startswith("delete-0-")]
    assert sorted(picks) == sorted(
        f"{title} — {name}".replace("\x1b", "\\x1b").replace("\t", "\\t")
        for name, title in zip(HOSTILE, TITLES, strict=True)
    )
    # the change log names the files the same way
    (log,) = [d.value for d in at.table if "Người dùng" in d.value.columns]
    assert set(SHOWN_NAMES) <= set(log["Tài liệu / người dùng"].map(unescape))

    go_to(at, "chat")
    ask(at, "Xã Minh Quang có bao nhiêu thôn đạt chuẩn thôn nông thôn mới kiểu mẫu?")
    card = next(h for h in html_of(at) if 'class="ntm-cited"' in h)
    assert "[Tải báo cáo](http://127.0.0.1:9/bao-cao) :red[đỏ] &lt;b&gt;đậm&lt;/b&gt;" in card
    assert not [s for s in markdown_shown(at) if ALIVE.search(s)]
    options = at.sidebar.multiselect(key="f_sources").options
    assert not any("\x1b" in o for o in options) and any("\\x1b" in o for o in options)
    # the Markdown people download: the title and quote escaped, nothing fetched when opened
    download = at.get("download_button")[0].proto
    markdown = next(c.value for c in at.code)
    assert download.label == "Tải về (Markdown)"
    assert r"\[Tải báo cáo\](http:\/\/127.0.0.1:9/bao-cao)" in markdown
    assert not re.search(r"(?<!\\)(\]\(|<)", markdown)
