"""The optional LLM step through ``langchain_openai.ChatOpenAI``, against an OpenAI-compatible
server on 127.0.0.1 that streams a scripted reply (no language model runs here): the client,
the streaming and the checks that keep a generated answer honest are what is under test."""

import pytest

from assistant import Answer, Assistant, Citation
from assistant.generate import Rewriter, generate, verify

QUOTE = "Toàn huyện có 06/10 xã đạt chuẩn NTM, 01 xã đạt từ 15-18 tiêu chí."
EXTRACTIVE = Answer(
    "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?",
    "06/10 xã [1]\n\nCăn cứ: “" + QUOTE + "” [1]",
    False,
    (Citation(1, "000.txt", "Hội nghị", "2021-08-27", QUOTE, 10, 10 + len(QUOTE)),),
)


def test_a_backed_answer_streams_token_by_token_and_keeps_the_citations(chat_server, settings):
    chat_server.replies.append("Huyện Đình Lập có 06/10 xã đạt chuẩn nông thôn mới [1].")
    tokens = []
    answer = Rewriter(settings.replace(llm_url=chat_server.url, llm_model="m")).rewrite(
        EXTRACTIVE, on_token=tokens.append
    )
    assert len(tokens) > 5 and "".join(tokens).startswith("Huyện Đình Lập có 06/10")
    assert answer.answer.startswith("Huyện Đình Lập có 06/10 xã") and QUOTE in answer.answer
    assert answer.citations == EXTRACTIVE.citations
    request = chat_server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["stream"] is True
    assert request["model"] == "m" and QUOTE in request["messages"][1]["content"]


def test_an_invented_number_sends_the_user_the_extractive_answer(chat_server, settings):
    chat_server.replies.append("Huyện Đình Lập có 7 xã đạt chuẩn [1].")
    answer = generate(EXTRACTIVE, settings.replace(llm_url=chat_server.url))
    assert answer.answer == EXTRACTIVE.answer and answer.timings_ms["llm_rejected"] == 1.0


def test_an_unreachable_server_keeps_the_extractive_answer(settings):
    answer = generate(EXTRACTIVE, settings.replace(llm_url="http://127.0.0.1:9/v1"))
    assert answer.answer == EXTRACTIVE.answer and answer.timings_ms["llm_error"] == 1.0


def test_abstentions_are_never_sent(chat_server, settings):
    refusal = Answer("Hà Giang có bao nhiêu xã?", "Tài liệu hiện có không có thông tin này.", True)
    assert generate(refusal, settings.replace(llm_url=chat_server.url)) is refusal
    assert chat_server.requests == []


def test_any_langchain_chat_model_can_be_plugged_in(settings):
    from langchain_core.language_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    llm = GenericFakeChatModel(messages=iter([AIMessage("Đình Lập có 06/10 xã đạt chuẩn [1].")]))
    answer = generate(EXTRACTIVE, settings, llm=llm)  # no NTM_LLM_URL needed
    assert answer.answer.startswith("Đình Lập có 06/10 xã đạt chuẩn [1].")


def test_the_assistant_streams_the_rewrite_of_its_extractive_answer(
    chat_server, settings, fake_embedder, docs_copy
):
    bot = Assistant(settings.replace(llm_url=chat_server.url), embedder=fake_embedder)
    bot.ingest([docs_copy])
    chat_server.replies.append("Đình Lập có 06/10 xã đạt chuẩn nông thôn mới [1].")
    tokens = []
    answer = bot.ask("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?", on_token=tokens.append)
    assert "".join(tokens) == "Đình Lập có 06/10 xã đạt chuẩn nông thôn mới [1]."
    assert answer.answer.startswith("Đình Lập có 06/10 xã") and "llm_ms" in answer.timings_ms
    assert answer.citations and "06/10" in answer.citations[0].quote


def test_verify_names_what_is_wrong():
    assert verify("06/10 xã [1]", EXTRACTIVE) is None
    assert "citation" in verify("06/10 xã", EXTRACTIVE)
    assert "[2]" in verify("06/10 xã [2]", EXTRACTIVE)
    assert "9" in verify("9 xã [1]", EXTRACTIVE)


@pytest.mark.parametrize("reply", ["", "Không rõ."])
def test_an_empty_or_uncited_reply_is_rejected(chat_server, settings, reply):
    chat_server.replies.append(reply)
    answer = generate(EXTRACTIVE, settings.replace(llm_url=chat_server.url))
    assert answer.answer == EXTRACTIVE.answer


LIMITS = "Tuy nhiên vẫn còn khó khăn như: nguồn vốn còn thiếu; giải ngân còn chậm."
FIGURES = "Năm 2021, tỉnh có thêm 9 xã đạt chuẩn, nâng tổng số lên 70 xã."
SUMMARY = Answer(
    "Tóm tắt kết quả xây dựng nông thôn mới của tỉnh năm 2021",
    f"- {FIGURES[:-1]} [1]\n- Tồn tại, hạn chế: nguồn vốn còn thiếu [2]\n- giải ngân còn chậm [2]"
    f"\n\nCăn cứ: “{FIGURES}” [1]",
    False,
    (
        Citation(1, "a.txt", "Tổng kết", "2021-12-30", FIGURES, 0, len(FIGURES)),
        Citation(2, "a.txt", "Tổng kết", "2021-12-30", LIMITS, 70, 70 + len(LIMITS)),
    ),
    kind="passage",
)


def test_a_summary_is_rephrased_from_all_its_items_and_keeps_every_one(chat_server, settings):
    chat_server.replies.append(
        "Năm 2021, tỉnh có thêm 9 xã đạt chuẩn, tổng số 70 xã [1]; tuy vậy nguồn vốn còn thiếu "
        "và giải ngân còn chậm [2]."
    )
    answer = generate(SUMMARY, settings.replace(llm_url=chat_server.url))
    assert answer.answer.startswith("Năm 2021, tỉnh có thêm 9 xã đạt chuẩn, tổng số 70 xã [1]")
    sent = chat_server.requests[0]["messages"][1]["content"]
    # every item went to the model, not only the first line, with the instruction for words
    assert "nguồn vốn còn thiếu [2]" in sent and "giải ngân còn chậm [2]" in sent
    assert "không bỏ ý nào" in sent


def test_a_summary_rewrite_that_drops_an_item_gives_the_extractive_answer(chat_server, settings):
    chat_server.replies.append("Năm 2021, tỉnh có thêm 9 xã đạt chuẩn, tổng số 70 xã [1].")
    answer = generate(SUMMARY, settings.replace(llm_url=chat_server.url))
    assert answer.answer == SUMMARY.answer and answer.timings_ms["llm_rejected"] == 1.0
    assert "[2]" in verify("70 xã [1]", SUMMARY)
