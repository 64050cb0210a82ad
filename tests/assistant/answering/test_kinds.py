"""The registry of question types: one row per type of how a question of it is detected, and
what registering a new type changes (no other module)."""

import re

import pytest

from assistant.answering import extract, kinds
from assistant.answering.analyse import analyze
from assistant.answering.judge import judge
from assistant.answering.kinds import Detection, QuestionType, Registry
from assistant.answering.rank import rank
from assistant.answering.records import AnswerKind, Candidate, CandidateKind, QuestionKind, Refusal
from assistant.answering.rules import Rules
from assistant.answering.select import select
from tests.assistant.answering.kit import document, evidence, sentence
from tests.assistant.answering.kit import frame as frame_of


def _chosen(ev):
    """What the ranking and selection stages pick from the evidence, with no threshold."""
    return select(ev, rank(judge(ev, Rules()), Rules()), Rules(), threshold=0.0, lang="vi")


def _best(question: str, title: str, *quotes: str, **meta):
    """The best finding for ``question`` over an article of ``title`` and ``quotes`` (each a
    line, each a sentence of the evidence); ``meta``: the article's provinces or districts."""
    doc = document("\n".join((title, *quotes)) + "\n", **meta)
    return _chosen(evidence(question, *(sentence(doc, q) for q in quotes))).best


# one row per registered type: a question of it, the kind and unit the analysis reads
TYPES = [
    ("Huyện Bắc Sơn có bao nhiêu xã đạt chuẩn nông thôn mới?", QuestionKind.NUMBER, "xa"),
    ("huyen bac son co bao nhieu xa dat chuan", QuestionKind.NUMBER, "xa"),
    ("How many communes of Lạng Sơn met the new rural standard?", QuestionKind.NUMBER, "xa"),
    ("How many ethnic Khmer residents live in Tân An commune?", QuestionKind.NUMBER, "nguoi"),
    ("How many OCOP entities does the province have?", QuestionKind.NUMBER, "chu the"),
    ("Tỉnh có bao nhiêu chủ thể OCOP?", QuestionKind.NUMBER, "chu the"),
    ("Cho biết số xã đạt chuẩn NTM nâng cao của tỉnh?", QuestionKind.NUMBER, "xa"),
    ("Mức thu nhập bình quân đầu người của huyện?", QuestionKind.NUMBER, "trieu dong"),
    ("Tỷ lệ hộ nghèo của huyện là bao nhiêu?", QuestionKind.PERCENT, "%"),
    ("Ai là Bí thư Huyện ủy Cao Lộc?", QuestionKind.PERSON, None),
    ("Who chaired the conference on new rural development?", QuestionKind.PERSON, None),
    ("Hội nghị tổng kết được tổ chức vào ngày nào?", QuestionKind.DATE, None),
    ("Huyện Yên Thế được công nhận đạt chuẩn nông thôn mới năm nào?", QuestionKind.YEAR, None),
    ("In which year was Yen The district recognised as new rural?", QuestionKind.YEAR, None),
    ("Thôn nào của xã Yên Phúc đạt chuẩn khu dân cư kiểu mẫu?", QuestionKind.PLACE, "thon"),
    ("Which commune of Van Quan district reached the standard first?", QuestionKind.PLACE, "xa"),
    ("Những huyện nào đạt chuẩn nông thôn mới năm 2020?", QuestionKind.LIST, "huyen"),
    # a stated number of places, named: a list, not one place
    ("Hai địa phương cấp huyện nào của tỉnh được chọn làm điểm?", QuestionKind.LIST, "huyen"),
    ("Cho tôi biết 3 xã của Hòa Lạc được công nhận năm 2022", QuestionKind.LIST, "xa"),
    ("Năm 2021, xã nào đạt chuẩn đầu tiên?", QuestionKind.PLACE, "xa"),  # 'năm' is a year
    ("Quyết định nào công nhận huyện đạt chuẩn?", QuestionKind.DECISION, None),
    # the decision's number, not a count of decisions
    (
        "Số quyết định của UBND tỉnh công nhận xã đạt chuẩn là bao nhiêu?",
        QuestionKind.DECISION,
        None,
    ),
    ("Tỉnh đã ký bao nhiêu quyết định công nhận xã?", QuestionKind.NUMBER, "quyet dinh"),
    ("Đề án xây dựng nông thôn mới của tỉnh ai ký?", QuestionKind.PERSON, None),
    ("Cơ quan nào chủ trì xây dựng đề án?", QuestionKind.ENTITY, None),
    ("can tho la dia phuong thu may ca nuoc hoan thanh nhiem vu", QuestionKind.RANK, None),
    ("Huyện là đơn vị thứ bao nhiêu của tỉnh đạt chuẩn?", QuestionKind.RANK, None),
    ("Những hạn chế, khó khăn của Lạng Sơn năm 2021 là gì?", QuestionKind.LIMITS, None),
    # criteria in words, and 'nông thôn mới nào' is no 'thôn nào'
    ("Xã Tân Lập còn những tiêu chí nông thôn mới nào chưa đạt?", QuestionKind.LIMITS, None),
    ("Vì sao tiến độ xây dựng nông thôn mới chậm?", QuestionKind.CAUSE, None),
    ("Tỉnh về đích là nhờ những yếu tố nào?", QuestionKind.CAUSE, None),
    ("Chủ tịch UBND tỉnh yêu cầu các địa phương làm gì?", QuestionKind.TASKS, None),
    ("Lạng Sơn đặt mục tiêu gì cho giai đoạn 2021-2025?", QuestionKind.GOAL, None),
    ("Bài học kinh nghiệm của huyện là gì?", QuestionKind.LESSON, None),
    ("Thôn thông minh phải đáp ứng những điều kiện gì?", QuestionKind.DEFINITION, None),
    ("Tóm tắt kết quả xây dựng nông thôn mới của Lạng Sơn năm 2021", QuestionKind.SUMMARY, None),
    # what a place reached is its results; what one must reach is a requirement
    ("Thôn Hòa Lạc đạt những chỉ số gì khi xây dựng thôn thông minh?", QuestionKind.SUMMARY, None),
    ("Thôn thông minh phải đạt những chỉ số gì?", QuestionKind.DEFINITION, None),
    ("Chủ tịch UBND tỉnh nhấn mạnh điều gì về cách làm?", QuestionKind.STATEMENT, None),
    ("What did the minister stress about new rural development?", QuestionKind.STATEMENT, None),
    (
        "Thái Nguyên và Lạng Sơn, tỉnh nào có nhiều xã đạt chuẩn NTM hơn vào năm 2020?",
        QuestionKind.COMPARISON,
        None,
    ),
    (
        "Số tiêu chí bình quân mỗi xã của Lạng Sơn tăng bao nhiêu từ năm 2019 đến tháng 8/2021?",
        QuestionKind.CHANGE,
        None,
    ),
    (
        "How did the number of communes meeting the standard in Lang Son change from 2019 to 2021?",
        QuestionKind.CHANGE,
        None,
    ),
    (
        "Số xã đạt chuẩn NTM của huyện Sơn Hà qua các năm 2020, 2021, 2022 là bao nhiêu?",
        QuestionKind.SERIES,
        None,
    ),
    ("Tình hình xây dựng nông thôn mới của tỉnh", QuestionKind.TEXT, None),
    # a 'gì'/'nào' that asks no name is answered in words, not with a capitalised phrase
    ("Tỉnh chú trọng nâng chất những tiêu chí nào?", QuestionKind.TEXT, None),
    # the office of a person the question names; an office's holder is a person question
    ("Ông Lò Văn Tâm giữ chức vụ gì?", QuestionKind.TITLE, None),
    ("Nguyễn Tuấn Thanh là ai?", QuestionKind.TITLE, None),
    ("Who is Nguyen Tuan Thanh?", QuestionKind.TITLE, None),
    ("Chủ tịch UBND huyện Bình Gia là ai?", QuestionKind.PERSON, None),
    # an office's holder asked by name ('tên là gì', 'họ tên'); a place's or a thing's name is none
    ("Chủ tịch UBND xã Tân Lập tên là gì?", QuestionKind.PERSON, None),
    ("Cho biết họ tên Bí thư Huyện ủy Thanh Bình.", QuestionKind.PERSON, None),
    ("Xã mới sau sáp nhập có tên là gì?", QuestionKind.ENTITY, None),
    ("What has the programme achieved over ten years?", QuestionKind.TEXT, None),
    ("Which agency chaired the scheme?", QuestionKind.ENTITY, None),
    # a 'what' before a verb asks for the object: the province is the subject
    ("What does a province that meets the new rural standard receive?", QuestionKind.TEXT, None),
    ("Huyện đã phát triển những mô hình kinh tế điển hình nào?", QuestionKind.TEXT, None),
    ("Những sản phẩm nào của huyện đạt OCOP 4 sao?", QuestionKind.LIST, None),
]


@pytest.mark.parametrize(("question", "kind", "unit"), TYPES)
def test_each_type_is_detected_by_its_own_detector(question, kind, unit):
    frame = analyze(question)
    assert (frame.kind, frame.unit) == (kind, unit)


def test_every_kind_has_a_registered_type_and_a_row_above():
    registered = {qtype.kind for qtype in kinds.REGISTRY}
    assert registered == set(QuestionKind)
    assert {kind for _, kind, _ in TYPES} == registered


def test_which_year_answers_the_year_of_the_event_not_a_baseline_or_a_plan():
    doc = document(
        "Năm 2019, huyện Yên Thế được công nhận đạt chuẩn nông thôn mới, sớm hơn so với năm "
        "2015 dự kiến. Huyện phấn đấu đạt chuẩn nâng cao vào năm 2025.",
        title="Yên Thế đạt chuẩn nông thôn mới",
    )
    s = sentence(doc, doc.text)
    frame = analyze("Huyện Yên Thế được công nhận đạt chuẩn nông thôn mới năm nào?")
    ev = evidence(frame, s)
    (verdict,) = judge(ev, Rules())
    assert verdict.value == "Năm 2019"
    # the year the question names is not its answer
    again = analyze("Năm 2025 huyện Yên Thế phấn đấu đạt chuẩn nâng cao, còn đạt chuẩn năm nào?")
    assert "2025" not in [c.text[-4:] for c in kinds.get(again.kind).candidates(s, again, Rules())]


def test_the_year_of_a_result_is_no_answer_to_a_question_about_a_goal():
    doc = document(
        "Tuy nhiên, tỷ lệ hộ nghèo của xã Hòa Phú năm 2025 vẫn ở mức 37,5%.",
        title="Xã Hòa Phú còn nhiều khó khăn",
    )
    s = sentence(doc, doc.text)
    frame = analyze("Xã Hòa Phú đặt mục tiêu đạt chuẩn nông thôn mới vào năm nào?")
    verdicts = judge(evidence(frame, s), Rules())
    assert not [v for v in verdicts if v.accepted]
    # the year a goal is set for does answer it
    plan = document("Xã Hòa Phú phấn đấu đạt chuẩn nông thôn mới vào năm 2027.", title="Xã Hòa Phú")
    (verdict,) = judge(evidence(frame, sentence(plan, plan.text)), Rules())
    assert verdict.accepted and verdict.value.endswith("2027")


def test_a_figure_that_moves_is_answered_with_where_it_goes_not_where_it_started():
    doc = document(
        "Năm 2024, xã Hòa Phú đặt mục tiêu giảm tỷ lệ hộ nghèo từ 3,6% xuống còn 1,8%.",
        title="Hòa Phú năm 2024",
    )
    s = sentence(doc, doc.text)
    frame = analyze("Năm 2024 xã Hòa Phú đặt mục tiêu giảm tỷ lệ hộ nghèo xuống bao nhiêu?")
    (verdict,) = judge(evidence(frame, s), Rules())
    assert verdict.value == "1,8%"
    up = document("Thu nhập bình quân của xã Hòa Phú tăng từ 40 triệu đồng lên 55 triệu đồng.")
    frame = analyze("Thu nhập bình quân của xã Hòa Phú tăng lên bao nhiêu?")
    (verdict,) = judge(evidence(frame, sentence(up, up.text)), Rules())
    assert verdict.value == "55 triệu đồng"


def test_a_decision_question_is_not_read_as_a_figure_by_its_bao_nhieu():
    # the decision detector runs before the figure's: 'quyết định số bao nhiêu' asks a number
    assert analyze("Quyết định số bao nhiêu công nhận xã đạt chuẩn?").kind == QuestionKind.DECISION


def test_a_decision_is_given_with_the_date_its_sentence_gives_before_it():
    said = "Ngày 23/3/2022, UBND tỉnh đã có Quyết định số 728/QĐ-UBND công nhận 04 xã đạt chuẩn."
    doc = document(f"Bình Minh công nhận 4 xã\n{said}\n", provinces=("Bình Minh",))
    question = "Quyết định nào công nhận 4 xã của tỉnh Bình Minh đạt chuẩn, ký ngày nào?"
    ev = evidence(question, sentence(doc, said))
    chosen = _chosen(ev)
    assert chosen.best.lead == "Quyết định số 728/QĐ-UBND (ngày 23/3/2022)"


@pytest.mark.parametrize(
    "question",
    [
        "ket luan cua tinh uy binh minh ve co che ho tro ntm so may",
        "Kế hoạch triển khai chương trình năm 2025 của tỉnh Bình Minh số mấy?",
        "Under which Prime Minister's decision was Hoa Lac district recognised?",
        "Đề án xây dựng nông thôn mới của tỉnh có số hiệu gì?",
    ],
)
def test_every_kind_of_numbered_document_is_asked_for_by_its_number(question):
    assert analyze(question).kind == QuestionKind.DECISION


@pytest.mark.parametrize(
    "said, number",
    [
        # a year between the number and its code
        ("Vốn thực hiện theo Nghị quyết số 72/2021/NQ-HĐND của HĐND tỉnh.", "72/2021/NQ-HĐND"),
        ("Ban Thường vụ ban hành Kết luận số 71-KL/TU về cơ chế hỗ trợ.", "71-KL/TU"),
        ("Văn phòng có Công văn số 602/VPUBND-KT chấp thuận danh sách.", "602/VPUBND-KT"),
        # a colon after the type, and a legal text's own number in its header
        ("UBND tỉnh ban hành các Quyết định: 476/QĐ-UBND, 477/QĐ-UBND công nhận.", "477/QĐ-UBND"),
        ("Số: 75/KH-UBND", "75/KH-UBND"),
    ],
)
def test_a_document_number_is_read_whole(said, number):
    (found,) = extract.decisions(said)
    assert found.text.endswith(number)


def test_the_type_of_document_asked_beats_a_decision_of_another_type():
    said = (
        "UBND tỉnh ban hành Quyết định số 1600/QĐ-UBND phê duyệt Đề án số 16/ĐA-UBND về xây "
        "dựng nông thôn mới giai đoạn 2017-2020."
    )
    question = "Đề án xây dựng nông thôn mới tỉnh Bình Minh có số hiệu gì?"
    best = _best(question, "Tỉnh Bình Minh: đề án nông thôn mới", said, provinces=("Bình Minh",))
    assert best.value.endswith("16/ĐA-UBND")


def test_a_decision_cited_as_a_basis_answers_when_the_question_says_what_it_did():
    basis = (
        "Căn cứ Quyết định số 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ về việc ban "
        "hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020;"
    )
    other = (
        "UBND thành phố ban hành Quyết định số 4296/QĐ-UBND về Bộ tiêu chí nông thôn mới đặc thù."
    )
    doc = document(f"Bộ tiêu chí\n{basis}\n{other}\n")
    question = "Quyết định nào ban hành Bộ tiêu chí quốc gia về xã nông thôn mới 2016-2020?"
    ev = evidence(question, sentence(doc, basis), sentence(doc, other))
    assert _chosen(ev).best.value.startswith("Quyết định số 1980/QĐ-TTg")
    # a basis cited for something else stays a basis
    ev = evidence("Quyết định nào công nhận các xã đạt chuẩn nông thôn mới?", sentence(doc, basis))
    (verdict,) = judge(ev, Rules())
    assert "căn cứ pháp lý" in " ".join(verdict.fit.notes)


def test_a_decision_named_for_a_recognition_still_to_come_did_not_recognise():
    pending = (
        "Hiện nay, huyện Hòa Lạc có 12/13 xã đạt chuẩn; thị trấn đang hoàn thiện hồ sơ để được "
        "xét công nhận đô thị văn minh theo Quyết định số 27 của UBND tỉnh."
    )
    doc = document(f"Huyện Hòa Lạc\n{pending}\n", districts=("Hòa Lạc",))
    asked = "Huyện Hòa Lạc được công nhận đạt chuẩn nông thôn mới theo quyết định số mấy?"
    assert isinstance(_chosen(evidence(asked, sentence(doc, pending))), Refusal)
    # a question that asks for the standard's decision still finds it there
    standard = "Thị trấn Hòa Lạc được xét theo quyết định số mấy?"
    assert _chosen(evidence(standard, sentence(doc, pending))).best.value.startswith(
        "Quyết định số 27"
    )


def test_a_list_read_across_sentences_gives_every_place_it_names():
    said = (
        "Theo đó, 3 xã đạt chuẩn kiểu mẫu là: xã Mỹ An, xã Quảng Thạch được công nhận về văn "
        "hóa. Xã Lương Sơn (huyện Hà Trung) đạt chuẩn về giáo dục."
    )
    question = "Ba xã kiểu mẫu của tỉnh Bình Minh là những xã nào?"
    best = _best(question, "Tỉnh Bình Minh có 3 xã kiểu mẫu", said, provinces=("Bình Minh",))
    assert best.lead == "Xã Mỹ An, xã Quảng Thạch và xã Lương Sơn"


def test_a_list_question_that_counts_its_places_prefers_a_sentence_naming_that_many():
    one = "Chủ tịch UBND huyện trao quyết định công nhận đạt chuẩn cho bản Nà Hỳ 1, xã Pa Ham."
    both = (
        "Là những bản xuất phát điểm thấp, bản Nà Hỳ 1, xã Pa Ham; bản Phiêng Đất B, xã Nậm "
        "Nèn đã nỗ lực vươn lên."
    )
    question = "Hai bản đầu tiên của huyện Hòa Lạc đạt chuẩn là những bản nào?"
    title = "Huyện Hòa Lạc có hai bản đạt chuẩn"
    lead = _best(question, title, one, both, districts=("Hòa Lạc",)).lead
    assert "Nà Hỳ 1" in lead and "Phiêng Đất B" in lead


def test_a_list_the_sentence_counts_otherwise_than_the_question_is_another_group():
    five = (
        "Theo đó, 5 xã của huyện Hòa Lạc được công nhận đạt chuẩn nông thôn mới kiểu mẫu là: xã "
        "Mỹ An, xã Quảng Thạch, xã Lương Sơn, xã Tân Phú và xã An Hòa."
    )
    four = "Đợt này có 4 xã gồm: xã Suối Tiên, Sơn Hà, Bàu Sen và Đá Mài."
    title = "Huyện Hòa Lạc có thêm 4 xã đạt chuẩn nông thôn mới"
    for question in (
        "Bốn xã nào của huyện Hòa Lạc được công nhận đạt chuẩn nông thôn mới?",
        "Which four communes of Hoa Lac district were recognised as new-style rural communes?",
    ):
        lead = _best(question, title, five, four, districts=("Hòa Lạc",)).lead
        assert "Suối Tiên" in lead and "Đá Mài" in lead and "Mỹ An" not in lead


def test_how_many_places_a_list_question_and_its_sentence_count():
    from assistant.answering.kinds.place import _stated_count, asked_count

    assert asked_count(frame_of("Ba xã nào của huyện Hòa Lạc đạt chuẩn?")) == 3
    assert asked_count(frame_of("Which four communes of Hoa Lac district met the standard?")) == 4
    # a year before the place word is no count
    assert (
        asked_count(frame_of("Đến cuối năm 2024 huyện Hòa Lạc có những xã nào đạt chuẩn?")) is None
    )
    said = "cong nhan cho 03/05 huyen tren dia ban, gom: huyen A, B va C; 7 xa la: D"  # folded
    assert _stated_count(said, said.index("huyen A")) == 3  # of a ratio, its first number
    assert _stated_count(said, said.index("D")) == 7


def test_a_commune_that_is_its_sentences_subject_is_not_outranked_by_the_province_it_names():
    said = "Đến nay, xã đã đạt 19/19 tiêu chí theo bộ tiêu chí nông thôn mới nâng cao của tỉnh."
    question = "Xã Tân Mỹ đạt bao nhiêu tiêu chí nông thôn mới nâng cao?"
    title = "Xã Tân Mỹ, huyện Hòa Lạc: đạt chuẩn nâng cao"
    assert _best(question, title, said, districts=("Hòa Lạc",)).value == "19/19 tiêu chí"


def test_a_date_question_is_not_answered_with_the_time_it_states_itself():
    # the year names what was recognised; the day the decision was signed is the answer
    said = (
        "Ngày 15/01/2024, UBND tỉnh đã ban hành quyết định công nhận xã Hòa Lạc "
        "đạt chuẩn nông thôn mới nâng cao năm 2023."
    )
    doc = document(f"Hòa Lạc đạt chuẩn nâng cao\n{said}\n", provinces=("Bình Minh",))
    question = "Ngày nào UBND tỉnh ban hành quyết định công nhận xã Hòa Lạc đạt chuẩn năm 2023?"
    ev = evidence(question, sentence(doc, said))
    chosen = _chosen(ev)
    assert chosen.best.lead == "Ngày 15/01/2024"


def test_a_day_asked_is_answered_with_a_day_rather_than_a_year():
    year = "Đề án 16/ĐA-UBND năm 2016 về xây dựng nông thôn mới của tỉnh Bình Minh."
    day = "Ủy ban nhân dân tỉnh Bình Minh ban hành đề án này ngày 16/11/2016."
    question = "Đề án nông thôn mới của tỉnh Bình Minh ngày nào?"
    best = _best(question, "Đề án của tỉnh Bình Minh", year, day, provinces=("Bình Minh",))
    assert best.value == "ngày 16/11/2016"


def test_a_share_of_the_asked_tier_beats_the_share_of_the_standard_beside_it():
    said = (
        "Tính đến tháng 6/2025, tỉnh Bình Minh có 79,3% xã đạt chuẩn nông thôn mới, 42,4% xã "
        "đạt chuẩn nông thôn mới nâng cao."
    )
    ask = "Tính đến tháng 6/2025, tỷ lệ xã đạt chuẩn NTM nâng cao của tỉnh Bình Minh là bao nhiêu?"
    best = _best(ask, "Tỉnh Bình Minh tổng kết", said, provinces=("Bình Minh",))
    assert best.value == "42,4%"


def test_a_starting_point_answers_only_a_question_about_the_start():
    start = "Khi bắt đầu xây dựng nông thôn mới, xã Hòa Lạc chỉ đạt 4 tiêu chí."
    now = "Đến nay, xã Hòa Lạc đã đạt 12/19 tiêu chí."
    now_asked = "Xã Hòa Lạc hiện nay đạt bao nhiêu tiêu chí?"
    start_asked = "Khi bắt đầu xây dựng nông thôn mới, xã Hòa Lạc đạt mấy tiêu chí?"
    place = {"districts": ("Bình Minh",)}
    assert _best(now_asked, "Xã Hòa Lạc vươn lên", start, now, **place).value == "12/19 tiêu chí"
    assert _best(start_asked, "Xã Hòa Lạc vươn lên", start, now, **place).value == "4 tiêu chí"


def test_a_part_named_by_the_question_beats_the_total_it_belongs_to():
    said = (
        "Tổng kinh phí bố trí cho chương trình năm 2023 của huyện Hòa Lạc là 52.400 triệu "
        "đồng, trong đó vốn sự nghiệp là 12.100 triệu đồng, vốn đầu tư phát triển là 40.300 "
        "triệu đồng."
    )
    doc = document(f"Hòa Lạc bố trí vốn\n{said}\n", districts=("Hòa Lạc",))
    ask = "Năm 2023 huyện Hòa Lạc bố trí bao nhiêu vốn đầu tư phát triển cho chương trình?"
    ev = evidence(ask, sentence(doc, said))
    chosen = _chosen(ev)
    assert chosen.best.value == "40.300 triệu đồng"
    # the total answers the question about the total
    ev = evidence("Năm 2023 huyện Hòa Lạc bố trí tổng kinh phí bao nhiêu?", sentence(doc, said))
    chosen = _chosen(ev)
    assert chosen.best.value == "52.400 triệu đồng"


def test_which_have_not_is_answered_with_those_not_there_yet():
    done = "Năm 2023, UBND tỉnh công nhận xã Hòa Lạc đạt chuẩn nông thôn mới."
    left = "Còn lại 2 xã chưa được công nhận đạt chuẩn: xã Tân An và xã Phú Mỹ."
    doc = document(f"Bình Minh năm 2023\n{done} {left}\n", provinces=("Bình Minh",))
    pair = (sentence(doc, done), sentence(doc, left))
    ev = evidence("Năm 2023 tỉnh Bình Minh còn những xã nào chưa đạt chuẩn?", *pair)
    chosen = _chosen(ev)
    assert "Tân An" in chosen.best.lead and "Hòa Lạc" not in chosen.best.lead
    ev = evidence("Năm 2023 tỉnh Bình Minh có xã nào được công nhận đạt chuẩn?", *pair)
    chosen = _chosen(ev)
    assert "Hòa Lạc" in chosen.best.lead and "Tân An" not in chosen.best.lead


def test_a_new_type_is_one_registration(monkeypatch):
    """A type registered from outside the analysis and judging modules is detected, reads its
    values and gives its answer kind: nothing else needs to change."""

    class Slogan(QuestionType):
        kind = QuestionKind.ENTITY  # standing in for a new kind
        answer_kind = AnswerKind.TEXT
        reads_values = True

        def detectors(self):
            return ((5, lambda folded: Detection(self.kind) if "khau hieu" in folded else None),)

        def candidates(self, s, frame, rules):
            m = re.search(r"“([^”]+)”", s.text)
            return [Candidate(CandidateKind.ENTITY, m.start(1), m.end(1), m.group(1))] if m else []

    registry = Registry()
    for qtype in kinds.REGISTRY:
        registry.register(qtype)
    registry.register(Slogan())
    monkeypatch.setattr(kinds, "REGISTRY", registry)
    monkeypatch.setattr(kinds, "detect", registry.detect)
    monkeypatch.setattr(kinds, "get", registry.get)
    frame = analyze("Khẩu hiệu của phong trào là gì?")
    assert frame.kind == QuestionKind.ENTITY
    doc = document("Phong trào mang khẩu hiệu “Cả nước chung sức xây dựng nông thôn mới”.")
    s = sentence(doc, doc.text)
    found = kinds.get(frame.kind).candidates(s, frame, Rules())
    assert [c.text for c in found] == ["Cả nước chung sức xây dựng nông thôn mới"]


def test_types_declare_the_shape_of_their_direct_answers():
    assert kinds.REGISTRY.shape(AnswerKind.COUNT)("06/10 xã") is None
    assert kinds.REGISTRY.shape(AnswerKind.COUNT)("NTM") is not None
    # an English frame's figure with its approximation and its share in words
    for figure in ("as many as 785 communes, i.e. 8.8 percent", "over 1,500 people, i.e. over 30%"):
        assert kinds.REGISTRY.shape(AnswerKind.COUNT)(figure) is None
    assert kinds.REGISTRY.shape(AnswerKind.RANK)("Thứ 3 trong cả nước") is None
    assert kinds.REGISTRY.shape(AnswerKind.RANK)("Cần Thơ") is not None
    assert kinds.REGISTRY.shape(AnswerKind.PERSON)("Hồ Tiến Thiệu") is None
    assert kinds.REGISTRY.shape(AnswerKind.PERSON)("Bắc") is not None
    assert kinds.REGISTRY.shape(AnswerKind.DECISION)("Quyết định số 1104/QĐ-UBND") is None
    assert kinds.REGISTRY.shape(AnswerKind.DATE)("tháng sau") is not None
    assert kinds.REGISTRY.shape("no such kind") is None


def test_which_places_prefers_the_sentence_that_names_them():
    doc = document(
        "Năm 2022, UBND tỉnh Hà Lam đã chấp thuận danh sách những xã đăng ký đạt chuẩn nông thôn "
        "mới kiểu mẫu năm 2022 của Hà Lam.\n"
        "Theo đó, 03 xã phấn đấu kiểu mẫu: Lương Sơn (huyện Hà Trung), Bảo An (thành phố Hà Lam), "
        "Tân Phú (huyện Tân Lý).",
        date="2022-07-05",
        provinces=("Hà Lam",),
        source="ha-lam.txt",
    )
    lead, listing = doc.text.split("\n")
    ev = evidence(
        "Những xã nào của Hà Lam đăng ký đạt chuẩn nông thôn mới kiểu mẫu năm 2022?",
        sentence(doc, lead),
        sentence(doc, listing),
    )
    verdicts = {v.sentence.text: v for v in judge(ev, Rules())}
    assert verdicts[lead].prior < verdicts[listing].prior
    assert verdicts[listing].value.startswith("Lương Sơn (huyện Hà Trung)")


def test_metres_and_tonnes_answer_the_measure_asked_for():
    said = (
        "Bản Nà Lốc được hỗ trợ 33 tấn xi măng, bà con hiến đất và làm được 270m đường.",
        "Bản Nà Lốc có 1,2 km đường nội bản được cứng hóa.",
    )
    best = _best("Bản Nà Lốc làm được bao nhiêu mét đường?", "Bản Nà Lốc làm đường", *said)
    assert best.value == "270m"
    best = _best("Bản Nà Lốc được hỗ trợ bao nhiêu tấn xi măng?", "Bản Nà Lốc làm đường", *said)
    assert best.value == "33 tấn"


def test_an_order_answers_in_the_field_the_question_counts_it_in():
    said = (
        "Hòa Lạc là địa phương đầu tiên ở khu vực Tây Nguyên và thứ 4 trong cả nước hoàn thành "
        "nhiệm vụ xây dựng nông thôn mới.",
    )
    title = "Hòa Lạc hoàn thành nhiệm vụ xây dựng nông thôn mới"
    best = _best("Hòa Lạc là địa phương thứ mấy cả nước hoàn thành nhiệm vụ?", title, *said)
    assert best.value.lower() == "thứ 4 trong cả nước"
    best = _best("Hòa Lạc là địa phương thứ mấy ở Tây Nguyên hoàn thành?", title, *said)
    assert best.value.lower() == "đầu tiên ở khu vực tây nguyên"


def test_a_weekday_before_a_date_is_no_order():
    assert [
        c.text for c in extract.ordinals("Thứ Hai, ngày 5/6/2023, huyện tổ chức hội nghị.")
    ] == []
    assert [c.text for c in extract.ordinals("Thứ 6 - 26/02/2016")] == []
    assert [c.text for c in extract.ordinals("Huyện là đơn vị thứ hai của tỉnh đạt chuẩn.")] == [
        "thứ hai của tỉnh"
    ]


def test_the_whole_answers_a_question_that_asks_no_part_of_it():
    said = (
        "Sau sáp nhập, toàn tỉnh Bình Minh có 84/133 xã đạt chuẩn nông thôn mới, trong đó tỉnh "
        "Bình Minh cũ có 32 xã.",
    )
    title = "Bình Minh sau sáp nhập"
    best = _best("Sau sáp nhập, tỉnh Bình Minh có bao nhiêu xã đạt chuẩn NTM?", title, *said)
    assert best.value.startswith("84/133 xã")


@pytest.mark.parametrize(
    ("said", "office"),
    [
        (
            "Ông Lò Văn Tâm - Phó Giám đốc Sở NN&PTNT tỉnh Bình Minh - cho biết, tỉnh có 20 xã.",
            "Phó Giám đốc Sở NN&PTNT tỉnh Bình Minh",
        ),
        (
            "Ông Lò Văn Tâm, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Hòa Lạc chia sẻ kinh nghiệm.",
            "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Hòa Lạc",
        ),
        (
            "Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Lò Văn Tâm yêu cầu các địa phương.",
            "Chủ tịch UBND tỉnh",
        ),
        # every office of the lexicon's list ('Thủ tướng' too)
        ("Thủ tướng Chính phủ Lò Văn Tâm yêu cầu các bộ, ngành hỗ trợ.", "Thủ tướng Chính phủ"),
    ],
)
def test_a_named_persons_office_is_the_words_beside_the_name(said, office):
    best = _best("Ông Lò Văn Tâm giữ chức vụ gì?", "Hội nghị nông thôn mới", said)
    assert best.value == office
