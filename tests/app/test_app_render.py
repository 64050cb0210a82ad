"""The app's pure helpers, without a running Streamlit app: safe upload names and upload limits
(``ingest.uploads``), escaping and highlighting of document text (``ui.render``), where a
quote sits and the Markdown copy of an answer (``assistant.export``)."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant import export  # noqa: E402
from base.types import Answer, Citation, DocumentMeta, Rejection  # noqa: E402
from ingest import uploads  # noqa: E402
from ui import render  # noqa: E402

DOC = (
    "Hội nghị sơ kết NTM\n"
    "Đối với huyện Đình Lập, bình quân mỗi xã đạt 16,6 tiêu chí. "
    "Toàn huyện có 06/10 xã đạt chuẩn NTM. Năm 2021 huyện phấn đấu thêm 1 xã.\n"
    "Đoạn cuối <script>alert(1)</script>."
)
QUOTE = "Toàn huyện có 06/10 xã đạt chuẩn NTM."
START = DOC.index(QUOTE)


def cite(n=1, quote=QUOTE, start=START, source="000_a.txt", date="2021-08-27") -> Citation:
    return Citation(n, source, "Hội nghị sơ kết NTM", date, quote, start, start + len(quote))


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\báo cáo.docx", "báo cáo.docx"),
        ("/abs/path/Tài liệu NTM 2021.PDF", "Tài liệu NTM 2021.PDF"),
        ("a\x00b\x1f\u202ec.md", "abc.md"),
        ("..txt", "tai-lieu.txt"),
        ("....", "tai-lieu"),
        (".hidden.txt", "hidden.txt"),
        ("x..y..z.txt", "x.y.z.txt"),
        ('re<p>o:r"t|?*.html', "re_p_o_r_t___.html"),
        ("", "tai-lieu"),
        ("   ", "tai-lieu"),
        ("notes", "notes"),
        ("Nông thôn mới.tar.txt", "Nông thôn mới.tar.txt"),
    ],
)
def test_safe_filename_strips_directories_and_control_characters(raw, safe):
    assert uploads.safe_filename(raw) == safe


def test_safe_filename_is_never_a_path_and_keeps_the_extension():
    nasty = ["../" * 20 + "x.txt", "a/../../b.md", "C:\\x\\..\\y.htm", "\n\r.txt", "~$lock.docx"]
    for name in nasty:
        safe = uploads.safe_filename(name)
        assert "/" not in safe and "\\" not in safe and ".." not in safe
        assert not safe.startswith(".")
        assert Path(safe).name == safe
        assert Path(safe).suffix.lower() == Path(name.replace("\\", "/")).suffix.lower()


def test_safe_filename_is_nfc_and_bounded():
    decomposed = "Ba\u0300o ca\u0301o.txt"  # NFD 'Bào cáo'
    assert uploads.safe_filename(decomposed) == "Bào cáo.txt"
    long = uploads.safe_filename("x" * 500 + ".txt")
    assert len(long) <= uploads.MAX_NAME_CHARS and long.endswith(".txt")


def test_plan_uploads_applies_count_type_size_and_duplicate_limits():
    files = [
        ("a.txt", 10),
        ("../b.md", 10),  # sanitised to b.md
        ("virus.exe", 10),
        ("big.pdf", 5000),
        ("empty.txt", 0),
        ("dir/a.txt", 10),  # same sanitised name as the first
        ("late.txt", 10),  # beyond the count limit
    ]
    plan = uploads.plan_uploads(files, max_files=6, max_bytes=1000)
    assert plan.accepted == [(0, "a.txt"), (1, "b.md")]
    reasons = {r.path: r.reason for r in plan.rejected}
    assert set(reasons) == {"virus.exe", "big.pdf", "empty.txt", "dir/a.txt", "late.txt"}
    assert "không hỗ trợ .exe" in reasons["virus.exe"]
    assert "NTM_UPLOAD_MAX_MB" in reasons["big.pdf"]
    assert "rỗng" in reasons["empty.txt"]
    assert "trùng tên" in reasons["dir/a.txt"]
    assert "NTM_UPLOAD_MAX_FILES" in reasons["late.txt"]


def test_highlight_escapes_everything_and_marks_the_span():
    text = "<b>x</b> & <script>alert(1)</script> tail"
    start = text.index("<script>")
    out = render.highlight(text, start, start + len("<script>alert(1)</script>"), mark_id="p")
    assert "<script>" not in out and "<b>" not in out
    assert '<mark id="p">&lt;script&gt;alert(1)&lt;/script&gt;</mark>' in out
    assert out.startswith("&lt;b&gt;x&lt;/b&gt; &amp; ")
    assert out.endswith(" tail")


def test_highlight_clamps_bad_offsets():
    assert render.highlight("abc", -5, 99) == "<mark>abc</mark>"
    assert render.highlight("abc", 2, 1) == "ab<mark></mark>c"


def test_passage_shows_the_quote_inside_its_paragraph():
    out = render.passage_html(DOC, cite())
    assert f"<mark>{QUOTE}</mark>" in out
    assert "bình quân mỗi xã đạt 16,6 tiêu chí" in out  # the sentence before, same paragraph
    assert "Năm 2021 huyện phấn đấu" in out  # the sentence after
    assert "Hội nghị sơ kết" not in out  # another paragraph
    assert "script" not in out


def test_passage_finds_a_quote_whose_offsets_moved():
    moved = cite(start=0)  # offsets from an older version of the document
    assert export.locate(DOC, moved) == (START, START + len(QUOTE))
    assert f"<mark>{QUOTE}</mark>" in render.passage_html(DOC, moved)


def test_passage_without_document_shows_the_escaped_quote():
    out = render.passage_html(None, cite(quote="a <i>b</i>"))
    assert out == '<div class="ntm-passage"><mark>a &lt;i&gt;b&lt;/i&gt;</mark></div>'


def test_long_paragraph_is_clipped_around_the_quote():
    para = " ".join(f"câu{i}" for i in range(2000))
    start = para.index("câu1000")
    p0, p1 = export.paragraph_bounds(para, start, start + 7, limit=200)
    assert p1 - p0 <= 210 and p0 <= start < start + 7 <= p1
    out = render.passage_html(para, Citation(1, "s", "t", None, "câu1000", start, start + 7))
    assert out.count("…") == 2 and "<mark>câu1000</mark>" in out


def test_document_view_marks_the_passage_with_an_anchor_and_escapes():
    out = render.document_html(DOC, (START, START + len(QUOTE)))
    assert f'<mark id="{render.PASSAGE_ID}">{QUOTE}</mark>' in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out
    assert 'id="ntm-doc"' in out


def test_answer_html_escapes_and_turns_markers_into_references():
    out = render.answer_html("06/10 xã [1]\n<img src=x onerror=alert(1)> [2]")
    assert '<sup class="ntm-ref">[1]</sup>' in out and '<sup class="ntm-ref">[2]</sup>' in out
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out


def test_answer_markdown_holds_the_answer_and_numbered_citations():
    answer = Answer(
        "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?",
        "06/10 xã [1]",
        False,
        citations=(cite(), cite(n=2, source="004_b.txt", date=None)),
        resolved_question="Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM năm 2021?",
    )
    md = export.answer_markdown(answer)
    assert md.startswith("**Câu hỏi:** Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    assert "năm 2021?" in md
    assert "06/10 xã [1]" in md
    assert "[1] Hội nghị sơ kết NTM — 27/08/2021 — 000_a.txt" in md
    assert "[2] Hội nghị sơ kết NTM — không rõ ngày — 004_b.txt" in md
    assert f"> {QUOTE}" in md
    assert "liên quan" not in md


def test_answer_markdown_labels_related_passages_as_reading_not_citations():
    answer = Answer(
        "Còn huyện Lộc Bình?",
        "Tài liệu hiện có không có thông tin này.",
        True,
        related=(cite(quote="dòng 1\ndòng 2"),),
    )
    md = export.answer_markdown(answer)
    assert "Nguồn trích dẫn" not in md
    assert "Đoạn văn liên quan (chỉ để tham khảo, không phải trích dẫn)" in md
    assert "- Hội nghị sơ kết NTM — 27/08/2021 — 000_a.txt" in md
    assert "> dòng 1\n> dòng 2" in md


def test_citations_name_the_page_of_their_quote_when_they_have_one():
    on_page = replace(cite(), source="bao-cao.pdf", location="trang 3 (OCR)")
    assert render.meta_html(on_page.date, on_page.source, on_page.location) == (
        '27/08/2021 · <span class="ntm-src">bao-cao.pdf</span>'
        '<span class="ntm-loc">, trang 3 (OCR)</span>'
    )
    assert "ntm-loc" not in render.meta_html("2021-08-27", "000_a.txt", None)
    md = export.answer_markdown(Answer("Hỏi?", "11 xã [1]", False, citations=(on_page,)))
    assert "[1] Hội nghị sơ kết NTM — 27/08/2021 — bao-cao.pdf, trang 3 (OCR)" in md
    md = export.answer_markdown(
        Answer("How many?", "11 communes [1]", False, citations=(on_page,)), lang="en"
    )
    assert "— bao-cao.pdf, page 3 (OCR)" in md


def test_md_escape_neutralises_markdown_and_html():
    out = render.md_escape("**đậm** <b>x</b> [link](javascript:alert(1)) 000_a_b.txt")
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert r"\*\*đậm\*\*" in out and r"\[link\]\(javascript\:alert\(1\)\)" in out
    assert r"000\_a\_b\.txt" in out


def test_format_date_and_latency():
    assert render.format_date("2021-08-27") == "27/08/2021"
    assert render.format_date("2021-08") == "08/2021"
    assert render.format_date(None) == "không rõ ngày"
    assert render.format_ms(250.4) == "250 ms" and render.format_ms(13240) == "13,2 s"
    assert render.format_percent(2 / 3) == "66,7%" and render.format_number(1234.5) == "1.234,5"


def test_filter_options_and_table_rows_come_from_document_metadata():
    metas = [
        DocumentMeta(
            "1", "b.txt", "Tiêu đề B", "2020-06-26", ("Thái Nguyên",), ("Phú Bình",), chunk_count=10
        ),
        DocumentMeta(
            "2", "a.txt", "Tiêu đề A", "2021-08-27", ("Lạng Sơn",), ("Đình Lập",), chunk_count=9
        ),
        DocumentMeta("3", "c.txt", "Tiêu đề C", None, ("Lạng Sơn",), (), chunk_count=8),
    ]
    options = render.filter_options(metas)
    assert options == {
        "sources": ["a.txt", "b.txt", "c.txt"],
        "provinces": ["Lạng Sơn", "Thái Nguyên"],
        "districts": ["Phú Bình", "Đình Lập"],
        "years": [2021, 2020],
    }
    rows = render.documents_rows(metas)
    assert rows[1] == {
        "Tiêu đề": "Tiêu đề A",
        "Ngày": "27/08/2021",
        "Tỉnh": "Lạng Sơn",
        "Huyện": "Đình Lập",
        "Số đoạn": 9,
        "Tệp nguồn": r"a\.txt",  # st.table renders Markdown: shown as "a.txt"
    }
    assert rows[2]["Ngày"] == ""


def test_answers_jsonl_has_one_object_per_question():
    from assistant.evaluate import EvalReport, Question, QuestionResult

    q = Question("d1", "Câu hỏi?", True, "06/10", sources=("000_a.txt",))
    report = EvalReport(
        results=[
            QuestionResult(q, Answer("Câu hỏi?", "06/10 xã [1]", False, citations=(cite(),)), True),
            QuestionResult(q, None, False, error="lỗi", failure="đã từ chối trả lời"),
        ]
    )
    lines = export.answers_jsonl(report).splitlines()
    assert [json.loads(line)["correct"] for line in lines] == [True, False]
    assert json.loads(lines[0])["citations"][0]["quote"] == QUOTE


def test_rejection_is_the_backend_type():
    plan = uploads.plan_uploads([("x.exe", 1)], 5, 100)
    assert isinstance(plan.rejected[0], Rejection)


HOSTILE_TITLE = "![b](http://host/x.png) [Tải báo cáo](http://host/r) :red[đỏ] <img src=x>"


def test_a_hostile_title_is_text_in_markdown_places_and_plain_places():
    md = render.shown_md(HOSTILE_TITLE)
    assert "![" not in md and "](" not in md and ":red[" not in md and "<img" not in md
    assert render.shown("ten\x1b[31mdo\tx\n.txt") == "ten\\x1b[31mdo\\tx\\n.txt"
    assert render.shown("Xã Thử Nghiệm.txt") == "Xã Thử Nghiệm.txt"  # Vietnamese untouched


def test_the_downloaded_answer_escapes_what_came_from_documents():
    cite = Citation(1, "bao<b>.txt", HOSTILE_TITLE, None, "đạt 9/9 ![x](http://host/q.png)", 0, 5)
    answer = Answer("Bao nhiêu?", "Đạt 9/9 thôn [1].", False, citations=(cite,))
    md = render.answer_download(answer, "vi")
    assert "[1]" in md  # the citation marker stays readable
    assert not re.search(r"(?<!\\)(\]\(|<)", md)  # no link, image or tag is left unescaped
    assert r"\!\[b\](http:\/\/host/x.png)" in md and r"bao\<b\>.txt" in md


def test_the_evaluation_report_in_markdown_escapes_questions_and_answers():
    from assistant.evaluate import EvalReport, Question, QuestionResult, render_markdown

    q = Question("x1", "Xem ![b](http://host/q.png)?", True, "[Tải](http://host/r)")
    given = Answer(q.question, "<img src=x> 06/10 xã [1]", False, citations=(cite(),))
    md = render_markdown(EvalReport(results=[QuestionResult(q, given, False, failure="sai")]))
    rendered = re.sub(r"```.*?```", "", md, flags=re.S)  # code blocks show as typed anyway
    assert not re.search(r"(?<!\\)(\]\(|<img)", rendered)
    assert r"\!\[b\](http:\/\/host/q.png)" in rendered


# -- citations as people read them ---------------------------------------------------------------
def test_a_quote_does_not_end_with_a_bracket_it_does_not_open():
    text = "Số xã tăng (trước sáp nhập: 74/207 xã. Sau sáp nhập có 65/181 xã đạt chuẩn NTM). Hết."
    quote = "Sau sáp nhập có 65/181 xã đạt chuẩn NTM)."
    start = text.index(quote)
    tidy = export.tidy_quote(Citation(1, "s", "t", None, quote, start, start + len(quote)))
    assert tidy.quote == "Sau sáp nhập có 65/181 xã đạt chuẩn NTM"
    assert text[tidy.start : tidy.end] == tidy.quote  # still verbatim
    whole = Citation(1, "s", "t", None, "Có 2 xã (đạt chuẩn).", 0, 20)
    assert export.tidy_quote(whole) == whole
    answer = Answer("q", f"65/181 xã [1]\n\nCăn cứ: “{quote}” [1]", False, citations=(tidy,))
    shown = render.present(replace(answer, citations=(replace(tidy, quote=quote),)))
    assert "“Sau sáp nhập có 65/181 xã đạt chuẩn NTM” [1]" in shown.answer


def test_a_long_paragraph_is_cut_at_sentence_ends_around_the_quote():
    sentences = [f"Câu số {i} nói về xã thứ {i} của huyện." for i in range(60)]
    para = " ".join(sentences)
    start = para.index(sentences[30])
    p0, p1 = export.paragraph_bounds(para, start, start + len(sentences[30]), limit=300)
    assert p1 - p0 <= 300 and p0 <= start
    shown = para[p0:p1]
    assert shown.startswith("Câu số ") and shown.endswith("huyện.")  # whole sentences


def test_two_sentences_of_one_paragraph_make_one_card_with_both_marked():
    second = "Năm 2021 huyện phấn đấu thêm 1 xã."
    other = Citation(2, "000_a.txt", "t", None, second, DOC.index(second), DOC.index(second) + 34)
    cards = render.citation_cards([cite(), other], lambda source: DOC)
    assert cards == [(cite(), other)]
    out = render.passage_html(DOC, cards[0])
    assert out.count("<mark>") == 2 and f"<mark>{QUOTE}</mark>" in out
    elsewhere = cite(n=3, quote="Hội nghị sơ kết NTM", start=0)
    assert len(render.citation_cards([cite(), elsewhere], lambda source: DOC)) == 2


def test_a_document_titled_by_its_file_name_is_shown_by_its_first_line():
    text = "\n\n" + "Ngày 27/8/2021, UBND tỉnh Lạng Sơn tổ chức Hội nghị trực tuyến " * 3
    title = render.readable_title("000_b1a6b20c5124416e", "000_b1a6b20c5124416e.txt", text)
    assert title.startswith("Ngày 27/8/2021, UBND tỉnh Lạng Sơn") and title.endswith("…")
    assert len(title) <= 121
    assert render.readable_title("Hội nghị sơ kết", "000_a.txt", text) == "Hội nghị sơ kết"


def test_every_tag_of_the_bundled_question_sets_has_a_name_in_both_languages():
    from ui.evaluation import TAGS

    tags = {
        tag
        for path in [
            *(ROOT / "eval").glob("*.jsonl"),
            ROOT / "tests/fixtures/collection_questions.jsonl",
        ]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for tag in json.loads(line).get("tags", [])
    }
    assert tags and not tags - set(TAGS)


@pytest.mark.parametrize(
    ("reason", "vi", "en"),
    [
        (
            "thiếu '\\\\b65\\\\b' trong câu trả lời trực tiếp (direct answer)",
            "thiếu '\\\\b65\\\\b' trong câu trả lời trực tiếp",
            "'\\\\b65\\\\b' missing from the direct answer",
        ),
        ("lẽ ra phải từ chối trả lời", "lẽ ra phải từ chối trả lời", "should have abstained"),
        (
            "không phải một tên người (not a person's name): “Ủy ban”",
            "không phải một tên người: “Ủy ban”",
            "not a person's name: “Ủy ban”",
        ),
    ],
)
def test_why_an_answer_failed_is_said_in_one_language(monkeypatch, reason, vi, en):
    from ui import evaluation

    monkeypatch.setattr(evaluation, "lang", lambda: "vi")
    assert evaluation.failure_label(reason) == vi
    monkeypatch.setattr(evaluation, "lang", lambda: "en")
    assert evaluation.failure_label(reason) == en


def test_the_start_up_steps_all_have_a_text_even_once_the_assistant_is_ready(settings):
    """The page shows ``starting_<stage>`` while the assistant warms up: a page that looks just
    as the warm-up ends must still find a text (it once found the end stage, which had none)."""
    from ui import common
    from ui.text import TEXT

    assert all(f"starting_{stage}" in TEXT for stage in common.Readiness.STAGES)
    _, ready = common._shared_assistant(f"{settings!r} start-up steps", settings)
    assert ready.done.wait(timeout=120)  # no documents: the warm-up has nothing to load
    assert ready.stage in common.Readiness.STAGES
