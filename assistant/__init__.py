"""NTM Assistant: questions over Vietnamese New Rural Development documents, with citations.

Usage::

    from assistant import Assistant

    bot = Assistant()                # settings from NTM_* environment variables
    bot.ingest(["documents/"])
    answer = bot.ask("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    print(answer.answer, [c.quote for c in answer.citations])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["Answer", "Assistant", "AssistantError", "Settings"]

if TYPE_CHECKING:  # pragma: no cover
    from assistant.core import Assistant
    from assistant.errors import AssistantError
    from assistant.settings import Settings
    from assistant.types import Answer


def __getattr__(name: str):
    # Lazy so that `ingest` and `vectorstore` can import `assistant.types` and friends
    # without pulling in the whole answering stack (and without import cycles).
    if name == "Assistant":
        from assistant.core import Assistant

        return Assistant
    if name == "Answer":
        from assistant.types import Answer

        return Answer
    if name == "AssistantError":
        from assistant.errors import AssistantError

        return AssistantError
    if name == "Settings":
        from assistant.settings import Settings

        return Settings
    raise AttributeError(name)
