"""The `ntm` command line, in process, with the fake embedder and a real Chroma."""

import json
import subprocess

import pytest

from assistant.cli import main
from assistant.core import Assistant
from ingest import ocr
from tests.conftest import CLI, QUESTIONS, ROOT, FakeEmbedder
from tests.ingest.test_loaders import make_pdf
from tests.scans import join_pdfs, scanned_pdf


@pytest.fixture
def run(capsys):
    embedder = FakeEmbedder()

    def invoke(*argv):
        code = main(list(argv), assistant_factory=lambda s: Assistant(s, embedder=embedder))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_ingest_prints_a_summary_and_exits_zero_then_reports_unchanged(run, docs_copy):
    code, out, _ = run("ingest", str(docs_copy))
    assert code == 0 and "Thêm mới (added): 5" in out
    code, out, _ = run("ingest", str(docs_copy), "--json")
    assert code == 0 and len(json.loads(out)["unchanged"]) == 5


def test_rejected_files_give_exit_status_3_and_name_the_reason(run, docs_copy):
    (docs_copy / "rong.txt").write_text("   ", encoding="utf-8")
    code, out, err = run("ingest", str(docs_copy))
    assert code == 3
    assert "rong.txt" in err and "rỗng" in err
    assert "Thêm mới (added): 5" in out


def test_usage_errors_exit_2(run):
    with pytest.raises(SystemExit) as exc:
        run("search")
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        run("frobnicate")
    assert exc.value.code == 2


def test_bad_setting_is_named(run, monkeypatch, capsys):
    monkeypatch.setenv("NTM_CHUNK_CHARS", "lots")
    code, _, err = run("docs")
    assert code == 2 and "NTM_CHUNK_CHARS" in err


def test_docs_search_ask_and_remove(run, docs_copy, tmp_path):
    run("ingest", str(docs_copy))
    code, out, _ = run("docs", "--json")
    docs = json.loads(out)
    assert code == 0 and {d["source"] for d in docs} == {p.name for p in docs_copy.iterdir()}
    assert all({"title", "date", "provinces", "districts", "chunk_count"} <= d.keys() for d in docs)

    code, out, _ = run("search", "Đình Lập có bao nhiêu xã đạt chuẩn", "--json", "-k", "3")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3 and hits[0]["score"] >= hits[-1]["score"]
    assert hits[0]["source"] == "000_b1a6b20c5124416e.txt"

    code, out, _ = run("ask", "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?", "--json")
    answer = json.loads(out)
    assert code == 0
    assert set(answer) >= {"question", "answer", "abstained", "citations", "timings_ms"}
    for c in answer["citations"]:
        assert set(c) == {"n", "source", "title", "date", "quote", "start", "end", "location"}
        assert c["location"] is None  # plain text files have no pages

    code, _, err = run("remove", "khong-co.txt")
    assert code == 1 and "khong-co.txt" in err
    code, out, _ = run("remove", "003_7c20399e720dfcdf.txt")
    assert code == 0
    code, out, _ = run("docs", "--json")
    assert "003_7c20399e720dfcdf.txt" not in {d["source"] for d in json.loads(out)}


def test_ask_explains_why_it_chose_its_answer(run, docs_copy):
    run("ingest", str(docs_copy))
    question = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?"
    code, out, _ = run("ask", question, "--explain")
    assert code == 0
    answer, _, why = out.partition("Vì sao (why):")
    assert "06/10 xã" in answer.split("\n\n")[0]
    assert "loại number, đơn vị xa, nơi huyện Đình Lập" in why
    assert "1. 06/10 xã" in why and "place: " in why  # the best candidate and its checks
    assert "trả lời: độ tin cậy" in why
    code, out, _ = run("ask", question, "--explain", "--json")
    data = json.loads(out)
    part = data["trace"]["parts"][0]
    assert part["answered"] and part["candidates"][0]["value"] == data["value"]
    assert {c["check"] for c in part["candidates"][0]["checks"]} >= {"place", "time", "value"}
    code, out, _ = run("ask", "Ai là Bí thư Tỉnh ủy Cà Mau?", "--explain")
    assert "từ chối" in out.partition("Vì sao (why):")[2]


def test_home_option_overrides_the_environment(run, docs_copy, tmp_path):
    other = tmp_path / "other-home"
    run("--home", str(other), "ingest", str(docs_copy / "000_b1a6b20c5124416e.txt"))
    code, out, _ = run("docs", "--json", "--home", str(other))
    assert [d["source"] for d in json.loads(out)] == ["000_b1a6b20c5124416e.txt"]
    code, out, _ = run("docs", "--json")
    assert json.loads(out) == []


def test_bad_questions_get_a_message_not_a_traceback(run, docs_copy):
    run("ingest", str(docs_copy))
    for question, words in [
        ("   ", "trống"),
        ("?!...", "không có chữ"),
        ("xã " * 800, "quá dài"),
        ("这个省有多少个乡？", "chữ viết khác"),
    ]:
        code, out, err = run("ask", question)
        assert code == 2 and words in err and "Traceback" not in err


def test_eval_reports_malformed_lines_and_writes_answers_and_reports(run, docs_copy, tmp_path):
    run("ingest", str(docs_copy))
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()[:3]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "x1", "question": ""}))
    impossible = {
        "id": "x2",
        "question": "Huyện Lộc Bình có bao nhiêu xã đạt chuẩn?",
        "answerable": True,
        "sources": ["none.txt"],
        "must_include": ["zzz"],
    }
    lines.append(json.dumps(impossible, ensure_ascii=False))
    qs = tmp_path / "qs.jsonl"
    qs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    answers, html_report, md_report = tmp_path / "a.jsonl", tmp_path / "r.html", tmp_path / "r.md"
    code, out, err = run(
        "eval", str(qs), "--answers-out", str(answers), "--report", str(html_report)
    )
    assert code == 4  # the other lines were scored, but the set is not what its author meant
    assert "dòng 2" in err and "dòng 5" in err  # line numbers of the malformed lines
    assert "2 dòng" in err
    assert "Độ chính xác" in out and "hit@5" in out
    rows = [json.loads(line) for line in answers.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["d001", "d002", "d003", "x2"]
    assert rows[-1]["correct"] is False
    assert all("citations" in r and "answer" in r for r in rows)
    page = html_report.read_text(encoding="utf-8")
    assert "<svg" in page and "latency histogram" in page and "accuracy per tag" in page
    assert "vì sao (why)" in page  # each failed question's trace
    assert rows[-1]["trace"]["parts"][0]["analysis"]["places"] == ["huyện Lộc Bình"]
    run("eval", str(qs), "--report", str(md_report))
    markdown = md_report.read_text(encoding="utf-8")
    assert "## Độ chính xác theo nhãn" in markdown
    # why x2 failed: its question, what it answered, and the stages' account of it
    failed = markdown.split("### x2: ")[1]
    assert "lý do (why wrong)" in failed and "→ " in failed
    code, _, err = run("eval", str(qs), "--min-accuracy", "150")
    assert code == 2
    code, out, err = run("eval", str(qs), "--min-accuracy", "0", "--json")
    summary = json.loads(out)
    assert code == 4 and summary["questions"] == 4 and summary["accuracy"] <= 0.75
    assert len(summary["malformed_lines"]) == 2
    for report, words in (
        (tmp_path, "thư mục"),  # a folder, not a file
        (tmp_path / "khong-co" / "r.html", "không tồn tại"),
        (tmp_path / "r.pdf", ".html hoặc .md"),
    ):
        code, out, err = run("eval", str(qs), "--report", str(report))
        assert code == 2 and words in err and "Traceback" not in err, err
        assert out == ""  # refused before asking anything
    code, _, err = run("eval", str(qs), "--min-accuracy", "0.99")
    assert code == 1 and "--min-accuracy" in err
    code, _, err = run("eval", str(tmp_path / "missing.jsonl"))
    assert code == 2 and "missing.jsonl" in err


def test_brief_writes_word_and_markdown_and_names_bad_requests(run, docs_copy, tmp_path):
    from docx import Document as Docx

    assert run("ingest", str(docs_copy))[0] == 0
    out_file = tmp_path / "bao-cao.docx"
    code, out, _ = run(
        "brief", "--place", "Lạng Sơn", "--from", "2019", "--to", "2021", "--out", str(out_file)
    )
    assert code == 0 and "Đã ghi" in out
    tables = Docx(str(out_file)).tables
    assert tables and tables[0].rows[0].cells[0].text == "Chỉ tiêu" and len(tables[0].rows) > 1
    code, out, _ = run("brief", "--place", "lang son", "--from", "2019", "--to", "2021")
    assert code == 0 and out.startswith("# Báo cáo số liệu nông thôn mới: Lạng Sơn")
    assert "| xã đạt chuẩn NTM |" in out
    code, _, err = run("brief", "--place", "Lạng Sơn", "--from", "2021", "--to", "2019")
    assert code != 0 and "lớn hơn" in err
    code, _, err = run("brief", "--out", str(tmp_path / "bao-cao.pdf"))
    assert code != 0 and ".docx" in err
    code, out, err = run("brief", "--place", "Cà Mau")
    assert code == 0 and "Không có số liệu" in out and "Cà Mau" in err


def test_english_answers_and_briefs_give_english_units_and_numbers(run, docs_copy, tmp_path):
    from docx import Document as Docx

    assert run("ingest", str(docs_copy))[0] == 0
    question = (
        "Toàn tỉnh Lạng Sơn có bao nhiêu xã được công nhận đạt chuẩn NTM tính đến tháng 8/2021?"
    )
    code, out, _ = run("ask", question)
    assert code == 0 and out.startswith("65 xã, chiếm 35,91%")
    code, out, _ = run("ask", question, "--lang", "en")
    assert code == 0 and out.startswith("65 communes, i.e. 35.91% (as of 8/2021) [1]")
    assert "“Theo báo cáo, đến hết tháng 8/2021" in out  # the quote as the document has it
    code, out, _ = run("ask", question, "--lang", "en", "--json")
    assert json.loads(out)["value"] == "65 communes, i.e. 35.91%"

    code, out, _ = run(
        "brief", "--place", "Lạng Sơn", "--from", "2019", "--to", "2021", "--lang", "en"
    )
    assert code == 0 and out.startswith("# NTM figures: Lạng Sơn, 2019–2021")
    assert "| average criteria per commune | Lạng Sơn | 13.15 criteria |" in out
    word = tmp_path / "brief.docx"
    args = ("--place", "Lạng Sơn", "--from", "2019", "--to", "2021", "--out", str(word))
    assert run("brief", *args, "--lang", "en")[0] == 0
    header = [c.text for c in Docx(str(word)).tables[0].rows[0].cells]
    assert header == ["Indicator", "Place", "Latest value", "As of", "Change", "Source"]
    with pytest.raises(SystemExit) as exc:
        run("brief", "--lang", "fr")
    assert exc.value.code == 2


@pytest.mark.skipif(ocr.missing_tools() is not None, reason="OCR (tesseract-ocr-vie) not installed")
def test_a_scanned_pdf_is_ingested_with_a_warning_and_cited_by_page(run, tmp_path):
    docs = tmp_path / "scans"
    docs.mkdir()
    cover = "Bao cao ket qua xay dung nong thon moi huyen Tan Lac nam 2023"
    figures = "Huyện Tân Lạc có 11 xã đạt chuẩn nông thôn mới, bình quân mỗi xã đạt 17,2 tiêu chí."
    (docs / "tan-lac.pdf").write_bytes(join_pdfs(make_pdf([cover]), scanned_pdf([], [figures])))
    code, out, err = run("ingest", str(docs))
    assert code == 0 and "Thêm mới (added): 1" in out
    assert "tan-lac.pdf: trang 2: nhận dạng chữ (OCR) không đọc được chữ nào" in err

    code, out, _ = run("ask", "Huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?")
    assert code == 0 and "11 xã" in out.split("\n")[0]
    assert f"[1] {cover} (không rõ ngày) — tan-lac.pdf, trang 3 (OCR)" in out
    code, out, _ = run("ask", "How many communes in Tan Lac district meet the standard?")
    assert "tan-lac.pdf, page 3 (OCR)" in out
    code, out, _ = run("ask", "Huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?", "--json")
    assert json.loads(out)["citations"][0]["location"] == "trang 3 (OCR)"


def test_eval_with_a_pattern_that_runs_forever_finishes_and_names_it(run, docs_copy, tmp_path):
    from tests.assistant.test_settings_and_scoring import SLOW

    run("ingest", str(docs_copy))
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    first = next(r for r in rows if r["answerable"])
    slow = {**first, "id": "cham", "must_include": [SLOW]}
    nested = {**first, "id": "long", "must_include": [r"^(\D*\d*)*@"]}
    qs = tmp_path / "qs.jsonl"
    qs.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (first, slow, nested)) + "\n",
        encoding="utf-8",
    )
    code, out, err = run("eval", str(qs))
    assert code == 4
    assert "cham:" in out and "không chấm được" in out  # the question, and why
    assert "dòng 3" in err and "lồng lượng từ" in err  # refused on load, by line
    assert "1 câu không chấm được" in err


HOSTILE_NAMES = {
    "ten\x1b[31mdo.txt": "ten\\x1b[31mdo.txt",  # an ESC sequence would recolour the terminal
    "hai\ndong.txt": "hai\\ndong.txt",
    "co\ttab.txt": "co\\ttab.txt",
}


def test_names_with_control_characters_are_spelt_out_and_can_be_removed(run, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        (folder / name).write_text(
            f"Báo cáo xã số {i}\n\nNăm 2022, xã số {i} có {i + 3} thôn đạt chuẩn nông thôn mới.\n",
            encoding="utf-8",
        )
    assert run("ingest", str(folder))[0] == 0
    code, out, _ = run("docs")
    assert code == 0 and "\x1b" not in out and "\t" not in out.split("\t", 1)[0]
    listed = [line.split("\t")[0] for line in out.splitlines() if not line.startswith("    ")]
    assert sorted(listed) == sorted(HOSTILE_NAMES.values())  # one line each, spelt out
    for shown in HOSTILE_NAMES.values():  # the name as shown is the name to type
        code, out, err = run("remove", shown)
        assert code == 0, err
        assert out == f"Đã xoá {shown} (1 đoạn). (Removed.)\n"
    assert "chưa có tài liệu nào" in run("docs")[1]


def test_a_question_of_non_utf8_bytes_gets_a_message_not_a_traceback(tmp_path):
    question = "Huyện Đình Lập có bao nhiêu xã?".encode() + b" \xff\xfe"
    done = subprocess.run(  # bytes on the command line, as a terminal in another encoding sends
        [*CLI, "ask", question],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "Traceback" not in err
    offset = question.index(b"\xff")
    assert f"Câu hỏi không phải văn bản UTF-8 (byte 0xff ở vị trí {offset})" in err
