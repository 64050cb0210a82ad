"""Answers in words: what a passage announces, item by item, verbatim; one row per question
type that answers so (invented texts, no index, no model)."""

import re

import pytest

from assistant.answering.analyse import analyze
from assistant.answering.compose import answer_of, refusal_of
from assistant.answering.judge import judge
from assistant.answering.passages import announced, items_of, list_end
from assistant.answering.rank import rank
from assistant.answering.records import QuestionKind, Refusal
from assistant.answering.select import select
from tests.assistant.answering.kit import RULES, document, evidence, sentence

REPORT = document(
    "Hội nghị sơ kết xây dựng nông thôn mới tỉnh Bình Minh năm 2021\n"
    "Năm 2021, tỉnh Bình Minh có thêm 9 xã đạt chuẩn nông thôn mới, nâng tổng số lên 70 xã.\n"
    "Tuy nhiên, việc xây dựng nông thôn mới vẫn còn những khó khăn, hạn chế như: nguồn vốn "
    "đầu tư còn thấp; tiến độ giải ngân chậm; một số xã chưa quan tâm phát triển sản xuất…. "
    "Nguyên nhân chủ yếu là do ảnh hưởng của dịch bệnh kéo dài và giá vật liệu tăng cao.\n"
    "Kết luận hội nghị, đồng chí Chủ tịch UBND tỉnh đề nghị các sở, ngành tăng cường kiểm tra; "
    "đẩy nhanh giải ngân vốn đầu tư công; chú trọng xây dựng sản phẩm OCOP.\n"
    "Mục tiêu của tỉnh như sau:\n"
    "- Đến năm 2025 có 100 xã đạt chuẩn nông thôn mới;\n"
    "- Thu nhập bình quân đạt 60 triệu đồng/người/năm.\n"
    "Bài học kinh nghiệm là phải phát huy vai trò chủ thể của người dân.",
    title="Bình Minh sơ kết nông thôn mới năm 2021",
    provinces=("Bình Minh",),
    source="binh-minh.txt",
)


def test_a_list_is_read_item_by_item_after_its_announcer():
    text = "vẫn còn những khó khăn, hạn chế như: vốn còn thấp; giải ngân chậm…."
    found = announced(text, re.compile(r"\b(kho khan|han che)\b"), 80)
    ((start, end, items),) = found
    assert [text[a:b] for a, b in items] == ["vốn còn thấp", "giải ngân chậm"]
    assert text[start:end] == "vốn còn thấp; giải ngân chậm"
    # no list without its announcer: 'xã đặc biệt khó khăn; …' is no list of difficulties
    assert (
        announced("các xã đặc biệt khó khăn; xã biên giới", re.compile(r"\bkho khan\b"), 80) == []
    )


def test_a_sentence_ending_in_a_colon_is_read_with_the_lines_it_announces():
    text = REPORT.text
    colon = text.index("như sau:") + len("như sau:")
    end = list_end(text, colon, 1500)
    assert text[colon:end].strip().splitlines()[-1].startswith("- Thu nhập")
    assert [text[a:b] for a, b in items_of(text, colon, end)] == [
        "Đến năm 2025 có 100 xã đạt chuẩn nông thôn mới",
        "Thu nhập bình quân đạt 60 triệu đồng/người/năm",
    ]


def _answer(question: str, *quotes: str):
    ev = evidence(question, *(sentence(REPORT, q) for q in quotes))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    compose = refusal_of if isinstance(chosen, Refusal) else answer_of
    return ev.frame, compose(question, chosen, None, "vi").answer


LIMITS = (
    "Tuy nhiên, việc xây dựng nông thôn mới vẫn còn những khó khăn, hạn chế như: nguồn vốn đầu "
    "tư còn thấp; tiến độ giải ngân chậm; một số xã chưa quan tâm phát triển sản xuất…."
)
PRAISE = "Năm 2021, tỉnh Bình Minh có thêm 9 xã đạt chuẩn nông thôn mới, nâng tổng số lên 70 xã."
CAUSE = "Nguyên nhân chủ yếu là do ảnh hưởng của dịch bệnh kéo dài và giá vật liệu tăng cao."
TASKS = (
    "Kết luận hội nghị, đồng chí Chủ tịch UBND tỉnh đề nghị các sở, ngành tăng cường kiểm tra; "
    "đẩy nhanh giải ngân vốn đầu tư công; chú trọng xây dựng sản phẩm OCOP."
)
LESSON = "Bài học kinh nghiệm là phải phát huy vai trò chủ thể của người dân."


@pytest.mark.parametrize(
    ("question", "kind", "lead"),
    [
        (
            "Những khó khăn, hạn chế trong xây dựng nông thôn mới của Bình Minh năm 2021 là gì?",
            QuestionKind.LIMITS,
            "- nguồn vốn đầu tư còn thấp [1]\n- tiến độ giải ngân chậm [1]\n"
            "- một số xã chưa quan tâm phát triển sản xuất [1]",
        ),
        (
            "nhung kho khan, han che trong xay dung ntm cua binh minh",
            QuestionKind.LIMITS,
            "- nguồn vốn đầu tư còn thấp [1]\n- tiến độ giải ngân chậm [1]\n"
            "- một số xã chưa quan tâm phát triển sản xuất [1]",
        ),
        (
            "Chủ tịch UBND tỉnh Bình Minh đề nghị các sở, ngành làm gì?",
            QuestionKind.TASKS,
            "- các sở, ngành tăng cường kiểm tra [1]\n- đẩy nhanh giải ngân vốn đầu tư công [1]\n"
            "- chú trọng xây dựng sản phẩm OCOP [1]",
        ),
        (
            "Bài học kinh nghiệm của Bình Minh là gì?",
            QuestionKind.LESSON,
            LESSON[:-1] + " [1]",
        ),
    ],
)
def test_each_kind_answers_in_the_documents_words(question, kind, lead):
    frame, answer = _answer(question, PRAISE, LIMITS, CAUSE, TASKS, LESSON)
    assert frame.kind == kind
    assert answer.answer.split("\n\n")[0] == lead
    # the evidence quoted below is the whole sentence the items come from
    assert answer.citations[0].quote in REPORT.text


def test_why_is_answered_with_the_cause_the_passage_gives():
    question = "Vì sao việc xây dựng nông thôn mới của Bình Minh còn chậm?"
    frame, answer = _answer(question, PRAISE, LIMITS, CAUSE, TASKS, LESSON)
    assert frame.kind == QuestionKind.CAUSE
    direct = answer.answer.split("\n\n")[0]
    assert CAUSE[:-1] in direct  # the cause, verbatim, in the direct answer
    assert "đề nghị" not in direct and "Bài học" not in direct


def test_a_goal_list_announced_by_a_line_is_answered_from_its_lines():
    text = REPORT.text
    start = text.index("Mục tiêu của tỉnh như sau:")
    end = list_end(text, start + len("Mục tiêu của tỉnh như sau:"), 1500)
    frame, answer = _answer("Bình Minh đặt mục tiêu gì đến năm 2025?", PRAISE, text[start:end])
    assert frame.kind == QuestionKind.GOAL
    assert answer.answer.split("\n\n")[0] == (
        "- Đến năm 2025 có 100 xã đạt chuẩn nông thôn mới [1]\n"
        "- Thu nhập bình quân đạt 60 triệu đồng/người/năm [1]"
    )
    assert answer.kind == "passage" and answer.value.count("; ") == 1


def test_a_run_of_short_names_announced_is_a_list_and_a_clause_is_not():
    cue = re.compile(r"\bchua dat\b")
    text = "địa phương còn một số tiêu chí chưa đạt như: quy hoạch chung, giao thông, thu nhập và nghèo đa chiều."
    ((_, _, items),) = announced(text, cue, 80)
    assert [text[a:b] for a, b in items] == [
        "quy hoạch chung",
        "giao thông",
        "thu nhập",
        "nghèo đa chiều",
    ]
    clause = "các tiêu chí chưa đạt gồm: giao thông nông thôn còn xuống cấp, nhiều tuyến chưa được cứng hóa."
    ((_, _, items),) = announced(clause, cue, 80)
    assert len(items) == 1  # a clause's comma parts no list


def test_the_steering_committee_is_no_lead_of_tasks():
    from assistant.answering.kinds import REGISTRY

    tasks = REGISTRY.get(QuestionKind.TASKS)
    text = (
        "Tỉnh xây dựng kế hoạch, quy chế hoạt động Ban Chỉ đạo, giai đoạn 2016 - 2020; kiện toàn "
        "phân công lãnh đạo các sở giúp đỡ các xã."
    )
    assert tasks.lists_in(text, RULES) == []
    asked = "UBND tỉnh chỉ đạo các sở, ngành tăng cường kiểm tra; đẩy nhanh giải ngân vốn."
    ((_, _, items),) = tasks.lists_in(asked, RULES)
    assert [asked[a:b] for a, b in items] == [
        "các sở, ngành tăng cường kiểm tra",
        "đẩy nhanh giải ngân vốn",
    ]


def test_a_sentence_pointing_back_at_the_goal_is_not_the_goal():
    doc = document(
        "Tỉnh Hòa Lạc phấn đấu năm 2024 được công nhận hoàn thành nhiệm vụ xây dựng nông thôn "
        "mới, có 100% xã đạt chuẩn. Để thực hiện được mục tiêu này, tỉnh cần nguồn lực rất lớn "
        "từ ngân sách và doanh nghiệp. Năm 2023, tỉnh có 180 xã đạt chuẩn.",
        title="Hòa Lạc bàn giải pháp nông thôn mới",
        source="hoa-lac.txt",
    )
    goal, means, _ = (part + "." for part in doc.text.rstrip(".").split(". "))
    ev = evidence(
        "Tỉnh Hòa Lạc đặt mục tiêu gì cho năm 2024?", sentence(doc, goal), sentence(doc, means)
    )
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead.startswith("Tỉnh Hòa Lạc phấn đấu năm 2024") and "nguồn lực" not in lead


def test_a_speaker_announcing_the_answer_is_context_not_the_answer():
    text = (
        "Huyện Sơn Hà gặp khó trong xây dựng nông thôn mới\n"
        "Ông Lò Văn Tâm, Chủ tịch UBND huyện Sơn Hà, cho biết:\n\n"
        "- Dân cư sống rải rác nên đầu tư đường giao thông rất tốn kém, khó huy động sức dân.\n"
        "- Tập quán sinh hoạt làm việc chỉnh trang nghĩa trang khó thực hiện.\n"
    )
    doc = document(text, title="Huyện Sơn Hà gặp khó", source="son-ha.txt")
    start = text.index("Ông Lò Văn Tâm")
    colon = text.index(":", start) + 1
    unit = text[start : list_end(text, colon, 1500)]
    ev = evidence(
        "Theo Chủ tịch UBND huyện Sơn Hà, những khó khăn nào khiến các xã khó về đích?",
        sentence(doc, unit),
    )
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead == (
        "- Dân cư sống rải rác nên đầu tư đường giao thông rất tốn kém, khó huy động sức dân [1]\n"
        "- Tập quán sinh hoạt làm việc chỉnh trang nghĩa trang khó thực hiện [1]"
    )  # the speaker's name and title are in the quote below, not the direct answer


@pytest.mark.parametrize(
    "tag",
    ["(Cổng TTĐT BM)- ", "(Dân trí) – ", "Báo Bình Minh (BBM) ", "(BBM) ", "BBM - ", "TTXVN - "],
)
def test_the_papers_tag_opening_an_article_is_not_part_of_the_answer(tag):
    body = (
        "Xác định giảm nghèo là nhiệm vụ hàng đầu, huyện Sơn Hà đề ra nghị quyết mỗi năm giảm "
        "hộ nghèo từ 4% trở lên."
    )
    text = f"Sơn Hà nỗ lực giảm nghèo\n{tag}{body}\n"
    doc = document(text, title="Sơn Hà nỗ lực giảm nghèo", source="son-ha.txt")
    ev = evidence("Huyện Sơn Hà đã làm gì để giảm nghèo?", sentence(doc, tag + body))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead == body.rstrip(".") + " [1]"


def test_what_a_speaker_stressed_is_what_follows_the_verb_not_the_speaker():
    said = (
        "Ông Lò Văn Tâm, Phó Chủ tịch UBND tỉnh Bình Minh nhấn mạnh, tỉnh không chạy theo thành "
        "tích mà đặt sự hài lòng của người dân lên hàng đầu."
    )
    text = f"Bình Minh về đích nông thôn mới\nNhững ngày đầu mùa gặt, nông dân ra đồng.\n{said}\n"
    doc = document(text, title="Bình Minh về đích", provinces=("Bình Minh",), source="bm.txt")
    question = "Theo Phó Chủ tịch UBND tỉnh Lò Văn Tâm, cách làm của Bình Minh nhấn mạnh điều gì?"
    ev = evidence(
        question, sentence(doc, "Những ngày đầu mùa gặt, nông dân ra đồng."), sentence(doc, said)
    )
    assert ev.frame.kind == QuestionKind.STATEMENT
    assert [p.name for p in ev.frame.places] == ["binh minh"]  # the leader is no province
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of(question, chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead == (
        "tỉnh không chạy theo thành tích mà đặt sự hài lòng của người dân lên hàng đầu [1]"
    )


def test_a_title_asked_is_answered_with_the_sentence_that_gives_it_not_a_name():
    said = "Ông Lò Văn Tâm, Phó Chủ tịch UBND tỉnh Bình Minh, cho biết tỉnh đã về đích sớm."
    doc = document(f"Bình Minh về đích\n{said}\n", provinces=("Bình Minh",), source="bm.txt")
    question = "Ông Lò Văn Tâm giữ chức vụ gì?"
    ev = evidence(question, sentence(doc, said))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of(question, chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert "Phó Chủ tịch UBND tỉnh Bình Minh" in lead


def test_a_sentence_pointing_back_is_answered_with_the_one_it_points_at():
    text = (
        "Bình Minh sơ kết nông thôn mới năm 2021\n"
        "Năm 2021, chương trình giai đoạn mới chưa được Trung ương ban hành. Điều này phần nào "
        "ảnh hưởng đến tiến độ xây dựng nông thôn mới của tỉnh Bình Minh.\n"
    )
    doc = document(text, provinces=("Bình Minh",), source="bm.txt")
    pointing = "Điều này phần nào ảnh hưởng đến tiến độ xây dựng nông thôn mới của tỉnh Bình Minh."
    question = "Năm 2021, vướng mắc nào ảnh hưởng đến tiến độ xây dựng nông thôn mới ở Bình Minh?"
    ev = evidence(question, sentence(doc, pointing))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of(question, chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead.splitlines()[0] == (
        "- Năm 2021, chương trình giai đoạn mới chưa được Trung ương ban hành [1]"
    )
    assert lead.splitlines()[1].startswith("- Điều này phần nào ảnh hưởng")


def test_the_task_set_beats_the_sentence_that_only_repeats_the_question():
    echo = (
        "Phó Thủ tướng vừa ký quyết định công nhận huyện Sơn Hà, tỉnh Bình Minh đạt chuẩn nông "
        "thôn mới năm 2020."
    )
    task = (
        "Phó Thủ tướng giao UBND tỉnh Bình Minh chỉ đạo huyện Sơn Hà nâng cao chất lượng tiêu "
        "chí về môi trường, thực hiện nghiêm quy định về đất đai."
    )
    doc = document(f"Sơn Hà đạt chuẩn\n{echo}\n{task}\n", date=None, source="sh.txt")
    question = (
        "Phó Thủ tướng giao tỉnh Bình Minh chỉ đạo huyện Sơn Hà làm gì sau khi công nhận đạt "
        "chuẩn nông thôn mới năm 2020?"
    )
    ev = evidence(question, sentence(doc, echo), sentence(doc, task))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of(question, chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert "nâng cao chất lượng tiêu chí về môi trường" in lead


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What difficulties did Binh Minh face in new rural development?", QuestionKind.LIMITS),
        ("Why was new rural development in Binh Minh slow?", QuestionKind.CAUSE),
        ("Vì sao tỷ lệ hộ nghèo của Bình Minh còn cao?", QuestionKind.CAUSE),  # a rate named
        ("Tỷ lệ hộ nghèo của Bình Minh là bao nhiêu?", QuestionKind.PERCENT),
        ("Xã nhóm 1 là những xã như thế nào?", QuestionKind.DEFINITION),
        ("Tỉnh có bao nhiêu xã còn khó khăn?", QuestionKind.NUMBER),  # a figure is a figure
        ("Những xã nào chưa hoàn thành tiêu chí?", QuestionKind.LIST),  # places are places
    ],
)
def test_the_kinds_that_answer_in_words_are_told_apart(question, kind):
    assert analyze(question).kind == kind


def test_an_answer_in_words_goes_on_into_the_sentences_that_continue_it():
    doc = document(
        "Huyện Tân Phú bắt tay xây dựng nông thôn mới với xuất phát điểm thấp. Khó khăn về "
        "kết cấu hạ tầng rất lớn vì còn nhiều xã bãi ngang. Năm 2020, huyện về đích.",
        title="Tân Phú về đích nông thôn mới",
        source="tan-phu.txt",
    )
    first = "Huyện Tân Phú bắt tay xây dựng nông thôn mới với xuất phát điểm thấp."
    ev = evidence(
        "Huyện Tân Phú có những khó khăn gì khi bắt tay xây dựng NTM?", sentence(doc, first)
    )
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead == (
        "- Huyện Tân Phú bắt tay xây dựng nông thôn mới với xuất phát điểm thấp [1]\n"
        "- Khó khăn về kết cấu hạ tầng rất lớn vì còn nhiều xã bãi ngang [2]"
    )  # the third sentence says no difficulty: the answer stops before it


def test_an_answer_in_words_goes_on_into_a_paragraph_that_opens_by_going_on():
    doc = document(
        "Theo kế hoạch, các sở, ngành tỉnh Hòa Lạc tiếp tục hướng dẫn thực hiện phong trào thi "
        "đua.\nĐồng thời, tăng cường tuyên truyền, vận động người dân chung sức xây dựng nông "
        "thôn mới.\nNăm 2020, tỉnh có 50 xã đạt chuẩn.",
        title="Kế hoạch của tỉnh Hòa Lạc",
        source="hoa-lac.txt",
    )
    first = doc.text.split("\n")[0]
    ev = evidence("Tỉnh Hòa Lạc giao các sở, ngành nhiệm vụ gì?", sentence(doc, first))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    assert lead.split("\n") == [
        "- " + first.rstrip(".") + " [1]",
        "- Đồng thời, tăng cường tuyên truyền, vận động người dân chung sức xây dựng nông thôn "
        "mới [2]",
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("nguồn vốn đầu tư còn thấp; tiến độ giải ngân chậm", None),
        ("NTM", "quá ngắn"),  # a fragment where a sentence was asked
        ("Hồ Tiến Thiệu", "một cái tên"),  # a name for a 'what'
        ("tiếp tục nâng cao chất lượng các tiêu chí và", "bị cắt"),  # cut mid-phrase
        # the criteria not met, a list of names: each item may be a name of two words
        ("quy hoạch chung; giao thông; thu nhập; nghèo đa chiều", None),
        ("quy hoạch chung; giao thông", "quá ngắn"),  # two short parts are no list of names
        ("quy hoạch chung; giao thông; thu nhập và", "bị cắt"),
    ],
)
def test_the_shape_check_flags_answers_in_words_that_are_no_answer(value, problem):
    from assistant.evaluate import shape_problem
    from base.types import Answer

    found = shape_problem(Answer("?", value + " [1]", False, value=value, kind="passage"))
    assert (found is None) if problem is None else (problem in found)


def test_a_summary_gives_the_sentences_that_state_the_figures():
    question = "Tóm tắt kết quả xây dựng nông thôn mới của Bình Minh năm 2021"
    frame, answer = _answer(question, PRAISE, LIMITS, TASKS, LESSON)
    assert frame.kind == QuestionKind.SUMMARY
    lead = answer.answer.split("\n\n")[0]
    # the sentence that states the figures first; then the difficulties and the tasks the
    # report lists, item by item, each under its head; never the lesson
    assert lead.split("\n") == [
        "- " + PRAISE[:-1] + " [1]",
        "- Tồn tại, hạn chế: nguồn vốn đầu tư còn thấp [2]",
        "- tiến độ giải ngân chậm [2]",
        "- một số xã chưa quan tâm phát triển sản xuất [2]",
        "- Nhiệm vụ, giải pháp: các sở, ngành tăng cường kiểm tra [3]",
        "- đẩy nhanh giải ngân vốn đầu tư công [3]",
        "- chú trọng xây dựng sản phẩm OCOP [3]",
    ]
    assert answer.kind == "passage"


def test_a_summary_adds_no_words_of_another_province():
    other = document(
        "Năm 2021, tỉnh Bình Minh có thêm 9 xã đạt chuẩn nông thôn mới, nâng tổng số lên 70 xã. "
        "Tại tỉnh Sơn La, những khó khăn, vướng mắc gồm: thiếu đất sạch; giá vật liệu tăng cao.",
        source="hai-tinh.txt",
    )
    question = "Tóm tắt kết quả xây dựng nông thôn mới của Bình Minh năm 2021"
    ev = evidence(question, sentence(other, PRAISE))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    answer = answer_of(question, chosen, None, "vi").answer
    assert "đất sạch" not in answer.answer.split("\n\n")[0]


def test_the_difficulties_of_another_year_are_refused_naming_the_year_they_are_of():
    """The difficulties of 2015 are not those the 2021 report lists: the answer says the
    documents hold them only for 2021, where a person's or a decision's question would still
    be answered from another year's article."""
    frame, answer = _answer(
        "Những khó khăn, hạn chế trong xây dựng nông thôn mới của Bình Minh năm 2015 là gì?",
        LIMITS,
    )
    assert frame.kind == QuestionKind.LIMITS and answer.abstained
    assert "chỉ nêu điều này cho thời điểm khác: 2021" in answer.answer
    same_year = _answer(
        "Những khó khăn, hạn chế trong xây dựng nông thôn mới của Bình Minh năm 2021 là gì?",
        LIMITS,
    )[1]
    assert not same_year.abstained and "nguồn vốn đầu tư còn thấp" in same_year.answer


def test_the_goals_of_another_horizon_are_not_the_goals_asked():
    goal = "Mục tiêu đến năm 2020, tỉnh Bình Minh có 30% số xã đạt chuẩn nông thôn mới."
    doc = document(f"Bình Minh xây dựng nông thôn mới\n{goal}\n", date=None, source="bm.txt")
    question = "Mục tiêu xây dựng nông thôn mới của tỉnh Bình Minh đến năm 2030 là gì?"
    ev = evidence(question, sentence(doc, goal))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    assert ev.frame.kind == QuestionKind.GOAL and isinstance(chosen, Refusal)


def test_a_summary_gathers_several_figure_sentences_best_document_first():
    doc = document(
        "Năm 2021, huyện Tân Phú có thêm 3 xã đạt chuẩn nông thôn mới. Thu nhập bình quân đạt "
        "52 triệu đồng/người/năm. Tỷ lệ hộ nghèo giảm còn 2,1%.",
        title="Tân Phú năm 2021",
        source="tan-phu-2021.txt",
    )
    sentences = [
        sentence(doc, q)
        for q in (
            "Năm 2021, huyện Tân Phú có thêm 3 xã đạt chuẩn nông thôn mới.",
            "Thu nhập bình quân đạt 52 triệu đồng/người/năm.",
            "Tỷ lệ hộ nghèo giảm còn 2,1%.",
        )
    ]
    ev = evidence("Tóm tắt kết quả nông thôn mới của huyện Tân Phú năm 2021", *sentences)
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    lead = answer_of("?", chosen, None, "vi").answer.answer.split("\n\n")[0]
    lines = lead.splitlines()
    assert len(lines) >= 2 and all(line.startswith("- ") for line in lines)
    # in the order the article gives them
    assert [s.text[:-1] in lead for s in sentences].count(True) == len(lines)
    positions = [lead.index(s.text[:10]) for s in sentences if s.text[:-1] in lead]
    assert positions == sorted(positions)


def test_a_place_no_document_speaks_of_is_refused_naming_those_the_documents_are_about():
    frame, answer = _answer(
        "Những khó khăn, hạn chế trong xây dựng nông thôn mới của tỉnh Hà Giang năm 2021 là gì?",
        LIMITS,
    )
    assert answer.abstained
    assert "Không tài liệu nào nói về tỉnh Hà Giang" in answer.answer
    assert "Các tài liệu gần nhất nói về: Bình Minh." in answer.answer
