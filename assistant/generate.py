"""Optional generated answers from an LLM server (OpenAI-compatible ``/v1/chat/completions``).

The extractive answer stays the source of truth: the server only rewrites it into a fluent
sentence from the same numbered quotes. A generated answer is used only when every number it
states appears in the quotes it cites and every ``[n]`` it uses exists; otherwise the
extractive answer is returned unchanged. Abstentions are never sent to the server.

Enable with ``NTM_LLM_URL=http://127.0.0.1:8080/v1`` (llama.cpp server, vLLM, Ollama's
OpenAI endpoint…), ``NTM_LLM_MODEL`` and, if the server wants one, ``NTM_LLM_API_KEY``.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import replace

from assistant.settings import Settings
from assistant.types import Answer

log = logging.getLogger(__name__)

TIMEOUT_S = 30

SYSTEM_PROMPT = (
    "Bạn là trợ lý trả lời câu hỏi về chương trình xây dựng nông thôn mới. Chỉ dùng các trích "
    "dẫn được đánh số. Trả lời ngắn gọn bằng tiếng Việt (hoặc tiếng Anh nếu câu hỏi bằng tiếng "
    "Anh), ghi số trích dẫn dạng [1] sau mỗi ý. Không thêm số liệu nào không có trong trích dẫn."
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:/\d+)?")


def _numbers(text: str) -> set[str]:
    return {n.replace(".", "").replace(",", ".") for n in _NUMBER.findall(text)}


def verify(generated: str, answer: Answer) -> str | None:
    """Why ``generated`` cannot be trusted, or None when every claim is backed."""
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", generated)}
    known = {c.n for c in answer.citations}
    if not cited:
        return "no citation"
    if cited - known:
        return f"unknown citation {sorted(cited - known)}"
    quotes = " ".join(c.quote for c in answer.citations if c.n in cited)
    stated = _numbers(re.sub(r"\[\d+\]", " ", generated))
    missing = stated - _numbers(quotes) - _numbers(answer.question)
    if missing:
        return f"numbers not in the quotes: {sorted(missing)}"
    return None


def generate(answer: Answer, settings: Settings) -> Answer:
    """The answer rewritten by the LLM server when that is safe; else ``answer`` itself."""
    if not settings.llm_url or answer.abstained or not answer.citations:
        return answer
    quotes = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
    payload = {
        "model": settings.llm_model or "default",
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {
                "role": "user",
                "content": f"Trích dẫn:\n{quotes}\n\nCâu hỏi: {answer.question}\n"
                f"Câu trả lời trích xuất: {answer.answer.splitlines()[0]}",
            },
        ],
    }
    url = settings.llm_url.rstrip("/") + "/chat/completions"
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json"}
        | ({"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}),
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data = json.loads(response.read().decode("utf-8"))
        text = str(data["choices"][0]["message"]["content"]).strip()
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("LLM server %s unusable (%s); keeping the extractive answer", url, exc)
        return replace(answer, timings_ms={**answer.timings_ms, "llm_error": 1.0})
    problem = verify(text, answer)
    if problem:
        log.warning("generated answer rejected (%s); keeping the extractive answer", problem)
        return replace(answer, timings_ms={**answer.timings_ms, "llm_rejected": 1.0})
    evidence = "\n\n".join(f"[{c.n}] “{c.quote}”" for c in answer.citations)
    return replace(answer, answer=f"{text}\n\n{evidence}")
