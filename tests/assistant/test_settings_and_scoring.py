"""Settings from the environment, and the question-set scoring of eval/FORMAT.md."""

import json

import pytest

from assistant.evaluate import MAX_QUESTIONS, Unscorable, parse_questions, score
from base.errors import QuestionSetError, SettingsError
from base.settings import Settings
from base.types import Answer, Citation


def test_defaults_work_out_of_the_box(tmp_path):
    s = Settings.from_env({"HOME": str(tmp_path)})
    assert s.chroma_host is None and s.model == "embeddinggemma-300m" and s.quantize is True
    assert s.max_file_bytes == 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NTM_CHROMA_PORT", "http"),
        ("NTM_CHROMA_PORT", "70000"),
        ("NTM_QUANTIZE", "maybe"),
        ("NTM_MAX_FILE_MB", "-1"),
        ("NTM_MIN_CONFIDENCE", "2"),
        ("NTM_COLLECTION", "a b"),
        ("NTM_CHUNK_CHARS", "10"),
    ],
)
def test_a_bad_setting_names_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def _q(**fields):
    base = {
        "id": "q1",
        "question": "Bao nhiêu xã?",
        "answerable": True,
        "must_include": [r"\b65\b"],
        "sources": ["a.txt"],
    }
    base.update(fields)
    questions, problems = parse_questions(json.dumps(base, ensure_ascii=False).encode())
    assert not problems, problems
    return questions[0]


DOC = "Toàn tỉnh có 65 xã đạt chuẩn NTM. Năm 2021 có thêm 10 xã."


def _answer(text, quote="Toàn tỉnh có 65 xã đạt chuẩn NTM.", source="a.txt", abstained=False):
    start = DOC.find(quote)
    cites = () if abstained else (Citation(1, source, "t", None, quote, start, start + len(quote)),)
    return Answer("q", text, abstained, cites)


def test_scoring_follows_the_format():
    q = _q()
    assert score(q, _answer("65 xã [1]"), {"a.txt": DOC})[0]
    assert not score(q, _answer("56 xã [1]"), {"a.txt": DOC})[0]  # pattern missing
    assert not score(q, _answer("65 xã [1]", source="b.txt"), {"b.txt": DOC})[0]  # wrong source
    bad_quote = _answer("65 xã [1]", quote="Toàn tỉnh có 66 xã")
    assert not score(q, bad_quote, {"a.txt": DOC})[0]  # not verbatim
    assert not score(q, _answer("x", abstained=True), {"a.txt": DOC})[0]
    negative = _q(answerable=False, sources=[], must_include=[])
    assert score(negative, _answer("x", abstained=True), {})[0]
    assert not score(negative, _answer("65 xã [1]"), {"a.txt": DOC})[0]


def test_malformed_lines_are_reported_with_line_numbers_and_the_rest_kept():
    good = json.dumps({"id": "a", "question": "Q?", "answerable": False})
    lines = [
        good,
        "{broken",
        json.dumps({"id": "b", "question": "Q?", "must_include": ["("], "sources": ["x"]}),
        json.dumps({"id": "a", "question": "again", "answerable": False}),
        json.dumps({"id": "c", "question": "Q?", "answerable": "yes"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "question": "Q?"}),  # answerable without sources
    ]
    questions, problems = parse_questions("\n".join(lines).encode())
    assert [q.id for q in questions] == ["a"]
    assert [p.line for p in problems] == [2, 3, 4, 5, 6, 7]
    assert "trùng" in problems[2].message and "must_include" in problems[1].message


# a pattern that backtracks without end on a longer answer: the engine must give up on it
SLOW = "(.*)(.*)(.*)(.*)(.*)(.*)(.*)\\1\\2\\3\\4\\5\\6\\7x"


def test_patterns_that_could_run_forever_are_refused_or_stopped():
    def line(qid, *patterns):
        return json.dumps(
            {"id": qid, "question": "Q?", "must_include": list(patterns), "sources": ["a.txt"]}
        )

    lines = [
        line("ok", r"6[5,.]?\s*xã", r"(\d+)\s*xã"),
        line("nested", r"^(\D*\d*)*@"),  # the classic catastrophic shape: refused on load
        line("long", "x" * 301),
        line("many", *[f"{i}" for i in range(21)]),
        line("slow", SLOW),  # no nesting, but backreferences: stopped while matching
    ]
    questions, problems = parse_questions("\n".join(lines).encode())
    assert [q.id for q in questions] == ["ok", "slow"]
    reasons = {p.line: p.message for p in problems}
    assert "lồng lượng từ" in reasons[2] and r"(\D*\d*)*" in reasons[2]
    assert "300" in reasons[3] and "20" in reasons[4]
    long_answer = _answer("Huyện có 65 xã đạt chuẩn nông thôn mới, bình quân 16,6 tiêu chí [1]")
    assert score(questions[0], long_answer, {"a.txt": DOC})[0]
    with pytest.raises(Unscorable, match="không chấm"):
        score(questions[1], long_answer, {"a.txt": DOC})
    too_many = "\n".join(line(f"q{i}", "x") for i in range(MAX_QUESTIONS + 1))
    with pytest.raises(QuestionSetError, match=str(MAX_QUESTIONS)):
        parse_questions(too_many.encode())


def test_an_unreadable_question_set_is_refused_whole():
    with pytest.raises(QuestionSetError, match="UTF-8"):
        parse_questions(b"\xff\xfe\x00bad")
    with pytest.raises(QuestionSetError, match="trống|không có câu hỏi"):
        parse_questions(b"\n\n")


def test_a_malformed_direct_answer_is_reported():
    from assistant.evaluate import shape_problem
    from base.types import Answer

    def answer(value, kind):
        return Answer("?", f"{value} [1]", False, value=value, kind=kind)

    assert shape_problem(answer("33/119 xã, chiếm 27,32%", "ratio")) is None
    assert shape_problem(answer("9 trên tổng số 26 xã", "ratio")) is None
    assert shape_problem(answer("160 trong tổng số 178 xã", "ratio")) is None
    twin = "74/207 xã (trước khi sáp nhập xã); 65/181 xã (sau khi sáp nhập xã)"
    assert shape_problem(answer(twin, "ratio")) is None
    assert "fragment" in shape_problem(answer("74/207 xã; 65/181 xã phấn", "ratio"))
    assert shape_problem(answer("trên 270 km", "length")) is None
    assert shape_problem(answer("71 tỷ 355 triệu đồng", "money")) is None
    # an English frame's figures (assistant.answering.wording.english)
    assert shape_problem(answer("more than 27.8 billion VND", "money")) is None
    assert shape_problem(answer("11.5 to 12 criteria per commune", "count")) is None
    assert shape_problem(answer("65 communes, i.e. 35.91%", "count")) is None
    assert shape_problem(answer("18 province-level units", "count")) is None
    assert shape_problem(answer("Đồng chí Chu Minh Đạt", "person")) is None
    assert shape_problem(answer("Quyết định số 92/QĐ-TTg ngày 18/1/2022", "decision")) is None
    assert "fragment" in shape_problem(answer("7 xã phấn", "count"))
    assert "fragment" in shape_problem(answer("8 năm triển", "count"))
    # a sentence may end a phrase with those words
    ended = "không ai bị bỏ lại phía sau trên hành trình phát triển"
    assert shape_problem(answer(ended, "passage")) is None
    assert (
        shape_problem(answer("các xã tiếp tục nâng chất những tiêu chí đã đạt", "passage")) is None
    )
    assert "fragment" in shape_problem(
        answer("các xã tiếp tục nâng chất những tiêu chí đạt", "passage")
    )
    assert "person" in shape_problem(answer("08:17 (GMT+7)", "person"))
    assert "figure" in shape_problem(answer("Xã NTM kiểu", "count"))
