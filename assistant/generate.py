"""Optional generated answers from a chat model, by default an OpenAI-compatible LLM server.

The extractive answer stays the source of truth: the model only rewrites it into a fluent
sentence from the same numbered quotes. A generated answer is used only when every number it
states appears in the quotes it cites and every ``[n]`` it uses exists, and, for an answer in
the documents' words (a summary, the difficulties, the tasks …), when it keeps the ``[n]`` of
every item; otherwise the extractive answer is returned unchanged. Abstentions are never sent
to the model.

The model is any LangChain chat model; with ``NTM_LLM_URL=http://127.0.0.1:8080/v1`` (llama.cpp
server, vLLM, Ollama's OpenAI endpoint…), ``NTM_LLM_MODEL`` and, if the server wants one,
``NTM_LLM_API_KEY``, it is ``langchain_openai.ChatOpenAI`` pointed at that server. Tokens can be
streamed to the user while the model writes (``on_token``); the checks run on the whole text.

Usage::

    rewriter = Rewriter(settings)                      # or Rewriter(settings, llm=ChatOllama(...))
    answer = rewriter.rewrite(extractive_answer, on_token=lambda piece: print(piece, end=""))
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from base.settings import Settings
from base.types import Answer

if TYPE_CHECKING:  # pragma: no cover - typing only: langchain loads when a model is used
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

TIMEOUT_S = 60

SYSTEM_PROMPT = (
    "Bạn là trợ lý trả lời câu hỏi về chương trình xây dựng nông thôn mới. Chỉ dùng các trích "
    "dẫn được đánh số. Trả lời ngắn gọn bằng ngôn ngữ được yêu cầu, ghi số trích dẫn dạng [1] "
    "sau mỗi ý. Không thêm số liệu nào không có trong trích dẫn."
)
# the language of the rewrite: the extractive answer's frame language (``Answer.lang``)
_REPLY_IN = {"vi": "tiếng Việt", "en": "tiếng Anh (English)"}

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:/\d+)?")


def _numbers(text: str) -> set[str]:
    return {n.replace(".", "").replace(",", ".") for n in _NUMBER.findall(text)}


# an answer in the documents' words (limits, tasks, a summary …): its items are rephrased
# into a paragraph, none left out
_IN_WORDS = "passage"
WORDS_PROMPT = (
    "Viết các ý của câu trả lời trích xuất thành một đoạn văn ngắn, mạch lạc: số liệu trước, "
    "rồi tồn tại, hạn chế, rồi nhiệm vụ, giải pháp khi có. Giữ đúng nghĩa từng ý, không bỏ ý "
    "nào, không thêm ý nào; ghi số trích dẫn [n] của mỗi ý ngay sau ý đó."
)


def _refs(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


def direct_answer(answer: Answer) -> str:
    """The extractive answer's first paragraph: what the reader sees first."""
    return answer.answer.strip().split("\n\n")[0]


def verify(generated: str, answer: Answer) -> str | None:
    """Why ``generated`` cannot be trusted, or None when every claim is backed."""
    cited = _refs(generated)
    known = {c.n for c in answer.citations}
    if not cited:
        return "no citation"
    if cited - known:
        return f"unknown citation {sorted(cited - known)}"
    if answer.kind == _IN_WORDS:
        dropped = _refs(direct_answer(answer)) - cited
        if dropped:
            return f"items of citations {sorted(dropped)} left out"
    quotes = " ".join(c.quote for c in answer.citations if c.n in cited)
    stated = _numbers(re.sub(r"\[\d+\]", " ", generated))
    missing = stated - _numbers(quotes) - _numbers(answer.question)
    if missing:
        return f"numbers not in the quotes: {sorted(missing)}"
    return None


def openai_chat_model(settings: Settings) -> BaseChatModel:
    """``ChatOpenAI`` pointed at ``NTM_LLM_URL`` (any OpenAI-compatible server)."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=settings.llm_url,
        api_key=settings.llm_api_key or "not-needed",  # local servers ignore it
        model=settings.llm_model or "default",
        temperature=0,
        timeout=TIMEOUT_S,
        max_retries=1,
        streaming=True,
    )


class Rewriter:
    """Rewrites extractive answers with a chat model, keeping only what the quotes back.

    ``llm`` is any LangChain chat model; by default ``ChatOpenAI`` on ``NTM_LLM_URL``, created
    on first use.
    """

    def __init__(self, settings: Settings, llm: BaseChatModel | None = None):
        self.settings = settings
        self._llm = llm

    @property
    def llm(self) -> BaseChatModel:
        if self._llm is None:
            self._llm = openai_chat_model(self.settings)
        return self._llm

    @staticmethod
    def messages(answer: Answer) -> list[BaseMessage]:
        from langchain_core.messages import HumanMessage, SystemMessage

        quotes = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
        how = f"{WORDS_PROMPT}\n" if answer.kind == _IN_WORDS else ""
        return [
            SystemMessage(SYSTEM_PROMPT),
            HumanMessage(
                f"Trích dẫn:\n{quotes}\n\nCâu hỏi: {answer.question}\n"
                f"Câu trả lời trích xuất:\n{direct_answer(answer)}\n"
                f"{how}Trả lời bằng {_REPLY_IN.get(answer.lang, _REPLY_IN['vi'])}."
            ),
        ]

    def rewrite(self, answer: Answer, on_token: Callable[[str], None] | None = None) -> Answer:
        """The answer rewritten by the model when that is safe; else ``answer`` itself."""
        if answer.abstained or not answer.citations:
            return answer
        pieces: list[str] = []
        try:
            for chunk in self.llm.stream(self.messages(answer)):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    pieces.append(piece)
                    if on_token is not None:
                        on_token(piece)
        except Exception as exc:  # noqa: BLE001 - any server or client failure: keep extractive
            log.warning("LLM unusable (%s); keeping the extractive answer", exc)
            return replace(answer, timings_ms={**answer.timings_ms, "llm_error": 1.0})
        text = "".join(pieces).strip()
        problem = verify(text, answer)
        if problem:
            log.warning("generated answer rejected (%s); keeping the extractive answer", problem)
            return replace(answer, timings_ms={**answer.timings_ms, "llm_rejected": 1.0})
        evidence = "\n\n".join(f"[{c.n}] “{c.quote}”" for c in answer.citations)
        return replace(answer, answer=f"{text}\n\n{evidence}")


def generate(
    answer: Answer,
    settings: Settings,
    llm: BaseChatModel | None = None,
    on_token: Callable[[str], None] | None = None,
) -> Answer:
    """One-off :meth:`Rewriter.rewrite`; a no-op when no model is configured or given."""
    if llm is None and not settings.llm_url:
        return answer
    return Rewriter(settings, llm).rewrite(answer, on_token)
