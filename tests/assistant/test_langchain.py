"""The LangChain seam: ``Assistant.as_retriever()`` in LangChain chains, and the README's
LCEL example run as written against an OpenAI-compatible server on 127.0.0.1."""

import contextlib
import io
import re

import pytest
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda

from assistant import Assistant, SearchFilter
from tests.conftest import ROOT


@pytest.fixture
def bot(settings, fake_embedder, docs_copy):
    assistant = Assistant(settings, embedder=fake_embedder)
    assistant.ingest([docs_copy])
    return assistant


def test_the_retriever_returns_verbatim_passages_with_where_they_come_from(bot):
    retriever = bot.as_retriever(k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới")
    assert len(docs) == 3
    top = docs[0]
    assert top.metadata["source"] == "000_b1a6b20c5124416e.txt"
    assert top.metadata["date"] == "2021-08-27" and "Lạng Sơn" in top.metadata["provinces"]
    assert top.metadata["title"].startswith("Hội nghị")
    for doc in docs:
        text = bot.document(doc.metadata["source"]).text
        assert text[doc.metadata["start"] : doc.metadata["end"]] == doc.page_content
    assert [d.metadata["rank"] for d in docs] == [1, 2, 3]


def test_the_retriever_keeps_its_filters_and_works_in_a_pipe_and_a_batch(bot):
    only_thai_nguyen = bot.as_retriever(k=5, filters=SearchFilter(provinces=("Thái Nguyên",)))
    sources = RunnableLambda(lambda docs: sorted({d.metadata["source"] for d in docs}))
    chain = only_thai_nguyen | sources
    assert chain.invoke("xã đạt chuẩn nông thôn mới") == ["003_7c20399e720dfcdf.txt"]
    assert chain.batch(["OCOP", "tiêu chí"]) == [["003_7c20399e720dfcdf.txt"]] * 2


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- langchain-example -->\n```python\n(.*?)```", readme, re.S)
    assert match, "the README lost its LangChain example"
    return match.group(1)


@pytest.mark.integration
def test_the_readme_langchain_example_runs_as_written(
    real_assistant, real_home, chat_server, monkeypatch
):
    monkeypatch.setenv("NTM_HOME", str(real_home))
    monkeypatch.setenv("NTM_LLM_URL", chat_server.url)
    reply = "Huyện Đình Lập có 06/10 xã đạt chuẩn NTM [1]."
    chat_server.replies.append(reply)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_readme_example(), "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102
    assert out.getvalue().strip() == reply
    sent = chat_server.requests[0]["messages"]
    context = sent[0]["content"]
    assert "[1] " in context and "06/10 xã đạt chuẩn NTM" in context  # the retrieved passage
    assert "000_b1a6b20c5124416e.txt" in context
    assert sent[1]["content"] == "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?"
