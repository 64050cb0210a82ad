"""The answer's frame (the words around the quoted evidence) follows one language, with the
fake embedder (fast): Vietnamese for a Vietnamese question, English for an English one or when
the interface asks for English; quotes and values stay as the documents write them."""

import json
import re

import pytest

from assistant import Assistant, QuestionError
from assistant.answering.wording import WORDS, say, time_label
from assistant.cli import main
from assistant.generate import Rewriter
from base.text import fold
from tests.conftest import FakeEmbedder, index_articles

ARTICLES = {
    "hoa-binh-2022.txt": (
        "Hội nghị tổng kết xây dựng nông thôn mới tỉnh Hòa Bình năm 2022\n\n"
        "Cập nhật: 28/12/2022 09:15\n\n"
        "Năm 2022, tỉnh Hòa Bình có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 85 xã, "
        "chiếm 40,1% tổng số xã. Bình quân mỗi xã đạt 15,8 tiêu chí."
    ),
    "tan-lac-2019.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2019\n\n"
        "Đến hết năm 2019, huyện Tân Lạc có 6/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 38,2 triệu đồng/người/năm."
    ),
    "tan-lac-2020.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2020\n\n"
        "Đến hết năm 2020, huyện Tân Lạc có 8/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 41,5 triệu đồng/người/năm."
    ),
    "tan-lac-2021.txt": (
        "Huyện Tân Lạc tổng kết xây dựng nông thôn mới năm 2021\n\n"
        "Đến hết năm 2021, huyện Tân Lạc có 11/16 xã đạt chuẩn nông thôn mới; thu nhập bình quân "
        "đầu người đạt 44,9 triệu đồng/người/năm. Ngày 20/12/2021, UBND tỉnh Hòa Bình ban hành "
        "Quyết định số 2468/QĐ-UBND công nhận các xã Phong Phú, Mãn Đức và Quyết Chiến đạt chuẩn "
        "nông thôn mới."
    ),
    "kim-boi-2021.txt": (
        "Huyện Kim Bôi sơ kết xây dựng nông thôn mới\n\n"
        "Cập nhật: 02/08/2021 10:00\n\n"
        "Tính đến hết tháng 7/2021, huyện Kim Bôi có 06/10 xã đạt chuẩn nông thôn mới, chiếm 60%."
    ),
    # undated sentences: when each figure held is known only from the article's date
    "cao-phong-2020.txt": (
        "Huyện Cao Phong đẩy mạnh xây dựng nông thôn mới\n\n"
        "Cập nhật: 15/03/2020 08:00\n\n"
        "Huyện Cao Phong có 5/10 xã đạt chuẩn nông thôn mới."
    ),
    "cao-phong-2021.txt": (
        "Huyện Cao Phong sơ kết xây dựng nông thôn mới\n\n"
        "Cập nhật: 02/08/2021 10:00\n\n"
        "Huyện Cao Phong có 06/10 xã đạt chuẩn nông thôn mới."
    ),
}

FRAME_KEYS = [k for k in WORDS if k not in ("sources", "related")]  # the CLI's, not answers'


def _pieces(lang: int) -> list[str]:
    """The fixed words of every answer-frame message of one language ('Căn cứ:', 'chiếm',
    'as of', ', i.e.'…), without their fields."""
    out = []
    for key in FRAME_KEYS:
        for piece in re.split(r"\{\w+\}", WORDS[key][lang]):
            piece = piece.strip(" .,“”")
            if len(piece) >= 2:
                out.append(piece)
    return out


VIETNAMESE = _pieces(0) + ["tính đến", "Tính đến", "Đến hết", "năm"]
ENGLISH = _pieces(1)


def _frame(answer) -> str:
    """The answer text without the documents' words: the quotes, the value(s) (those of the
    earlier figures too), the titles."""
    text = re.sub(r"“[^”]*”", "“”", answer.answer)
    text = re.sub(r"(?m)^- [^(]*\(", "- (", text)
    for value in sorted((answer.value or "").split("; "), key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    for c in answer.citations:
        text = text.replace(c.title, " ")
    return text


def _found(words: list[str], text: str) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("wording"), ARTICLES)


VI_QUESTIONS = [
    "Tỉnh Hòa Bình có bao nhiêu xã đạt chuẩn nông thôn mới năm 2022?",  # count with its share
    "Huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới?",  # earlier figures
    "Huyện Cao Phong có bao nhiêu xã đạt chuẩn nông thôn mới?",  # dated by the articles
    "Đến tháng 7/2021 huyện Kim Bôi có bao nhiêu xã đạt chuẩn nông thôn mới?",
    "Những xã nào của tỉnh Hòa Bình được công nhận đạt chuẩn nông thôn mới theo Quyết định "
    "số 2468/QĐ-UBND?",
    "Tỉnh Hà Giang có bao nhiêu xã đạt chuẩn nông thôn mới?",  # abstains
    # two parts, the second not in the documents
    "Năm 2021 huyện Tân Lạc có bao nhiêu xã đạt chuẩn nông thôn mới và bao nhiêu sản phẩm OCOP?",
]
EN_QUESTIONS = [
    "How many communes in Hoa Binh province met the new rural standard in 2022?",
    "How many communes in Tan Lac district met the new rural standard?",
    "How many communes in Cao Phong district met the new rural standard?",
    "Which communes of Hoa Binh province were recognised by Decision 2468 in 2021?",
    "How many communes in Ha Giang province met the new rural standard?",
]


@pytest.mark.parametrize("question", VI_QUESTIONS)
def test_a_vietnamese_question_gets_a_vietnamese_frame(bot, question):
    answer = bot.ask(question)
    assert answer.lang == "vi" and answer.to_dict()["lang"] == "vi"
    frame = _frame(answer)
    assert not _found(ENGLISH, frame), frame
    if answer.abstained:
        assert answer.answer.startswith(say("abstain", "vi"))
    elif answer.kind != "list" or ";" not in (answer.value or ""):
        assert say("evidence", "vi") in answer.answer or say("earlier", "vi") in answer.answer


@pytest.mark.parametrize("question", EN_QUESTIONS)
def test_an_english_question_gets_an_english_frame(bot, question):
    answer = bot.ask(question)
    assert answer.lang == "en"
    frame = _frame(answer)
    assert not _found(VIETNAMESE, frame), frame
    if answer.abstained:
        assert answer.answer.startswith(f"{say('abstain', 'en')} No document mentions Hà Giang.")
        assert answer.answer.endswith("The nearest documents are about: Hòa Bình.")
    else:
        # nothing Vietnamese is left once the documents' words are taken out
        assert fold(frame) == frame.lower(), frame
        assert "Evidence:" in answer.answer or "Earlier figures:" in answer.answer


@pytest.mark.parametrize("question", VI_QUESTIONS)
def test_an_english_interface_gives_a_vietnamese_question_an_english_frame(bot, question):
    vietnamese, english = bot.ask(question), bot.ask(question, lang="en")
    assert english.lang == "en" and english.abstained == vietnamese.abstained
    assert [c.quote for c in english.citations] == [c.quote for c in vietnamese.citations]
    frame = _frame(english)
    assert not _found(VIETNAMESE, frame), frame


def test_a_vietnamese_interface_still_answers_an_english_question_in_english(bot):
    question = EN_QUESTIONS[0]
    answer = bot.ask(question, lang="vi")
    assert answer.lang == "en" and answer.answer == bot.ask(question).answer
    assert bot.ask(VI_QUESTIONS[0], lang="vi").answer == bot.ask(VI_QUESTIONS[0]).answer


def test_the_share_connector_and_the_list_follow_the_frame(bot):
    vi = bot.ask(VI_QUESTIONS[0])
    en = bot.ask(VI_QUESTIONS[0], lang="en")
    assert vi.value == "85 xã, chiếm 40,1%" and en.value == "85 communes, i.e. 40.1%"
    listed = bot.ask(VI_QUESTIONS[4], lang="en")
    assert listed.value.endswith("Mãn Đức and Quyết Chiến communes") and listed.kind == "list"
    assert bot.ask(VI_QUESTIONS[4]).value.endswith("Mãn Đức và Quyết Chiến")


def test_the_english_time_label_is_made_from_the_structured_time(bot):
    vi = bot.ask(VI_QUESTIONS[3])
    en = bot.ask(VI_QUESTIONS[3], lang="en")
    assert "(Tính đến hết tháng 7/2021) [1]" in vi.answer  # the document's words, verbatim
    lead = en.answer.split("\n\n")[0]
    assert lead == "06/10 communes, i.e. 60% (as of 7/2021) [1]"
    assert "2021" in lead and not re.search(r"(?i)tính đến|đến hết|tháng", lead)
    # the earlier figures of a timeline: 'as of 12/2020', not 'Đến hết năm 2020'
    timeline = bot.ask(EN_QUESTIONS[1]).answer
    assert "(as of 12/2021) [1]" in timeline and "- 8/16 communes (as of 12/2020;" in timeline
    # undated sentences: the article's date, in the frame's words
    dated = bot.ask(EN_QUESTIONS[2]).answer
    assert "(according to the article of 02/08/2021)" in dated
    assert "(theo bài ngày 02/08/2021)" in bot.ask(VI_QUESTIONS[2]).answer


def test_time_labels():
    assert time_label((2021, 7), (2021, 7), as_of=True) == "as of 7/2021"
    assert time_label((2020, 1), (2020, 12)) == "2020"
    assert time_label((2016, 1), (2020, 12)) == "2016–2020"
    assert time_label((2021, 1), (2021, 6)) == "1–6/2021"
    assert time_label((2019, 3), (2021, 6)) == "3/2019–6/2021"


def test_a_multi_part_answer_has_one_frame_language(bot):
    question = VI_QUESTIONS[-1]
    vi, en = bot.ask(question), bot.ask(question, lang="en")
    assert "; không có thông tin cho “" in vi.answer
    assert "; no information for “" in en.answer and "Evidence: “" in en.answer
    assert not _found(VIETNAMESE, _frame(en)) and not _found(ENGLISH, _frame(vi))


def test_an_empty_index_abstains_in_the_frame_language(settings):
    empty = Assistant(settings, embedder=FakeEmbedder())
    en = empty.ask(EN_QUESTIONS[0])
    assert en.abstained and en.answer == (
        "The documents do not contain this information. The index has no matching passage yet."
    )
    vi = empty.ask(VI_QUESTIONS[0])
    assert vi.answer == "Tài liệu hiện có không có thông tin này. Chỉ mục chưa có đoạn văn phù hợp."


@pytest.mark.parametrize("lang", ["fr", "EN", "", 1])
def test_an_unknown_language_is_named(bot, lang):
    with pytest.raises(QuestionError) as err:
        bot.ask(VI_QUESTIONS[0], lang=lang)
    assert f"'{lang}'" in str(err.value) and "Ngôn ngữ" in str(err.value)


def test_the_rewriter_is_asked_for_the_frame_language(bot):
    answer = bot.ask(VI_QUESTIONS[0], lang="en")
    prompt = Rewriter.messages(answer)[1].content
    assert "tiếng Anh (English)" in prompt
    assert "tiếng Việt" in Rewriter.messages(bot.ask(VI_QUESTIONS[0]))[1].content


def test_the_cli_takes_a_language_and_labels_in_it(capsys, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kim-boi-2021.txt").write_text(ARTICLES["kim-boi-2021.txt"], encoding="utf-8")
    embedder = FakeEmbedder()

    def run(*argv):
        code = main(list(argv), assistant_factory=lambda s: Assistant(s, embedder=embedder))
        out, err = capsys.readouterr()
        return code, out, err

    run("ingest", str(docs))
    question = VI_QUESTIONS[3]
    code, out, _ = run("ask", question)
    assert code == 0 and "Căn cứ:" in out and "Nguồn (sources):" in out
    code, out, _ = run("ask", question, "--lang", "en")
    assert code == 0 and "Evidence:" in out and "\nSources:" in out and "Nguồn" not in out
    assert out.startswith("06/10 communes, i.e. 60% (as of 7/2021) [1]")  # English units
    code, out, _ = run("ask", question, "--lang", "en", "--json")
    assert code == 0 and json.loads(out)["lang"] == "en"
    with pytest.raises(SystemExit) as exc:
        run("ask", question, "--lang", "fr")
    assert exc.value.code == 2


def test_a_follow_up_is_answered_in_the_language_it_was_typed_in(bot):
    english = bot.ask("What about Cao Phong?", history=[EN_QUESTIONS[1]])
    assert english.lang == "en" and "Cao Phong" in english.resolved_question
    vietnamese = bot.ask("Còn huyện Cao Phong thì sao?", history=[EN_QUESTIONS[1]])
    assert vietnamese.lang == "vi"
    assert bot.ask("What about Cao Phong?", history=[VI_QUESTIONS[1]]).lang == "en"
