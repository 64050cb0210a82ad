"""The optional LLM step, against a small OpenAI-compatible server on 127.0.0.1 that answers
with a scripted reply (no language model runs here): the checks that keep a generated answer
honest are what is under test."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from assistant.generate import generate, verify
from assistant.types import Answer, Citation

QUOTE = "Toàn huyện có 06/10 xã đạt chuẩn NTM, 01 xã đạt từ 15-18 tiêu chí."
EXTRACTIVE = Answer(
    "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?",
    "06/10 xã [1]\n\nCăn cứ: “" + QUOTE + "” [1]",
    False,
    (Citation(1, "000.txt", "Hội nghị", "2021-08-27", QUOTE, 10, 10 + len(QUOTE)),),
)


@pytest.fixture
def llm_server():
    replies = []
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append(body)
            reply = replies.pop(0)
            data = json.dumps({"choices": [{"message": {"content": reply}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1", replies, received
    server.shutdown()


def test_a_backed_generated_answer_is_used_and_keeps_the_citations(llm_server, settings):
    url, replies, received = llm_server
    replies.append("Huyện Đình Lập có 06/10 xã đạt chuẩn nông thôn mới [1].")
    answer = generate(EXTRACTIVE, settings.replace(llm_url=url, llm_model="m"))
    assert answer.answer.startswith("Huyện Đình Lập có 06/10 xã")
    assert answer.citations == EXTRACTIVE.citations
    assert received[0]["model"] == "m" and QUOTE in received[0]["messages"][1]["content"]


def test_an_invented_number_sends_the_user_the_extractive_answer(llm_server, settings):
    url, replies, _ = llm_server
    replies.append("Huyện Đình Lập có 7 xã đạt chuẩn [1].")
    answer = generate(EXTRACTIVE, settings.replace(llm_url=url))
    assert answer.answer == EXTRACTIVE.answer


def test_an_unreachable_server_keeps_the_extractive_answer(settings):
    answer = generate(EXTRACTIVE, settings.replace(llm_url="http://127.0.0.1:9/v1"))
    assert answer.answer == EXTRACTIVE.answer


def test_verify_names_what_is_wrong():
    assert verify("06/10 xã [1]", EXTRACTIVE) is None
    assert "citation" in verify("06/10 xã", EXTRACTIVE)
    assert "[2]" in verify("06/10 xã [2]", EXTRACTIVE) or "2" in verify("06/10 xã [2]", EXTRACTIVE)
    assert "9" in verify("9 xã [1]", EXTRACTIVE)
