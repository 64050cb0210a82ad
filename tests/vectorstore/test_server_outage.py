"""A Chroma server that goes away mid-session: the project's own error, naming the server, from
the API and the CLI; the first request after it comes back succeeds."""

import pytest

from assistant import Assistant, AssistantError
from assistant.cli import main
from base.errors import StoreError
from tests.conftest import ChromaServer, FakeEmbedder

pytestmark = pytest.mark.server


@pytest.fixture
def server(tmp_path):
    server = ChromaServer(tmp_path / "chroma")
    (tmp_path / "chroma").mkdir()
    server.start()
    yield server
    server.stop()


def test_a_stopped_server_gives_the_projects_error_and_a_restart_recovers(
    server, settings, docs_copy, capsys, monkeypatch
):
    remote = settings.replace(chroma_host="127.0.0.1", chroma_port=server.port)
    bot = Assistant(remote, embedder=FakeEmbedder())
    bot.ingest([docs_copy])
    question = "Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới?"
    before = bot.ask(question).answer

    server.stop()
    where = f"127.0.0.1:{server.port}"
    for call in (
        lambda: bot.ask(question),
        lambda: bot.search(question),
        lambda: bot.ingest([docs_copy]),
        lambda: bot.documents(),
    ):
        with pytest.raises(StoreError) as err:
            call()
        assert where in str(err.value) and "NTM_CHROMA_HOST" in str(err.value)
        assert isinstance(err.value, AssistantError)

    monkeypatch.setenv("NTM_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("NTM_CHROMA_PORT", str(server.port))
    for argv in (["ingest", str(docs_copy)], ["ask", question], ["docs"]):
        code = main(argv, assistant_factory=lambda s: Assistant(s, embedder=FakeEmbedder()))
        _, err = capsys.readouterr()
        assert code == 1 and where in err and "Traceback" not in err, (argv, err)

    server.start()  # the same port and data
    assert bot.ask(question).answer == before  # the first request after the restart
