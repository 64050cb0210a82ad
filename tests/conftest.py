"""Shared fixtures: every store under tmp_path, a deterministic fake embedder for fast unit
tests, and a session-wide real assistant (real EmbeddingGemma model, real Chroma) over the
bundled documents for the integration tests."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.core import Assistant
from base.settings import Settings
from base.text import lexical_terms

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "documents"
QUESTIONS = ROOT / "eval" / "questions.jsonl"


class FakeEmbedder:
    """Hashes accent-folded syllables and bigrams into a unit vector: similar words, similar
    vectors. Deterministic and instant; stands in for the model in unit tests only."""

    def __init__(self, name: str = "fake-hash", dimension: int = 256):
        self._name = name
        self._dimension = dimension
        self.calls = 0
        self.texts_embedded = 0

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self._dimension, dtype=np.float32)
        for term in lexical_terms(text):
            h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
            v[h % self._dimension] += 1.0 if (h >> 40) & 1 else -1.0
        norm = np.linalg.norm(v)
        return v / norm if norm else v + 1.0 / np.sqrt(self._dimension)

    def embed_documents(self, texts, titles=None):
        self.calls += 1
        self.texts_embedded += len(texts)
        return (
            np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self._dimension))
        )

    def embed_query(self, text):
        return self._vector(text)


# the checkout's own `ntm` command, whatever is installed
CLI = [sys.executable, "-c", "import sys; from assistant.cli import main; sys.exit(main())"]


def cli_ingest(folder: Path, home: Path) -> None:
    """``ntm ingest folder`` into ``home``, as a user runs it; fails with its error output."""
    done = subprocess.run(
        [*CLI, "ingest", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NTM_HOME": str(home), "NTM_PROGRESS": "0"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def kill_after_lines(script: Path, marker: str, count: int, env: dict | None = None) -> None:
    """Run the worker ``script`` (this checkout on its path, ``env`` added) and kill it with
    SIGKILL once it has printed the line ``marker`` ``count`` times: a crash at that moment.
    Fails when the worker ends (or prints 'done') before that."""
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    deadline = time.monotonic() + 120
    while count and time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line and line != "done\n", f"the worker ended before printing {marker!r}"
        count -= line.strip() == marker
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets its own NTM_HOME; progress bars off."""
    monkeypatch.setenv("NTM_HOME", str(tmp_path / "ntm-home"))
    monkeypatch.setenv("NTM_PROGRESS", "0")
    for var in ("NTM_CHROMA_HOST", "NTM_CHROMA_PORT", "NTM_COLLECTION", "NTM_MODEL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.from_env()


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def fake_assistant(settings, fake_embedder) -> Assistant:
    return Assistant(settings, embedder=fake_embedder)


def index_articles(folder: Path, articles: dict[str, str]) -> Assistant:
    """An assistant (fake embedder) over small invented articles written into ``folder``;
    every article must go in."""
    docs = folder / "docs"
    docs.mkdir()
    for name, text in articles.items():
        (docs / name).write_text(text, encoding="utf-8")
    assistant = Assistant(
        Settings.from_env({"NTM_HOME": str(folder / "idx")}), embedder=FakeEmbedder()
    )
    report = assistant.ingest([docs])
    assert not report.rejected, report.rejected
    return assistant


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """A writable copy of the bundled documents."""
    target = tmp_path / "docs"
    shutil.copytree(DOCUMENTS, target)
    return target


@pytest.fixture(scope="session")
def real_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("real-home")


@pytest.fixture(scope="session")
def real_assistant(real_home) -> Assistant:
    """The product as users run it: real model, embedded Chroma, the bundled documents."""
    settings = Settings.from_env().replace(home=real_home, progress=False)
    bot = Assistant(settings)
    report = bot.ingest([DOCUMENTS])
    assert not report.rejected, report.rejected
    return bot


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """A real `chroma run` process on 127.0.0.1 that can be stopped and started again on the
    same port and data (a server that goes away and comes back)."""

    def __init__(self, data: Path):
        self.data = data
        self.port = free_port()
        self.proc = None
        self._log = None

    def start(self) -> None:
        import subprocess
        import sys
        import time
        import urllib.request

        chroma = Path(sys.executable).parent / "chroma"
        self._log = open(self.data / "server.log", "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                str(chroma),
                "run",
                "--path",
                str(self.data / "db"),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:  # until it answers its heartbeat, as a client would see it
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1)
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        (self.data / "server.log").read_text(errors="replace")
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        import subprocess

        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` server on 127.0.0.1, for the session; yields (host, port)."""
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    server.start()
    yield "127.0.0.1", server.port
    server.stop()


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def store_settings(request, tmp_path):
    """Settings for an embedded Chroma and for a Chroma server: shared behaviour tests.

    Only the server case is marked ``server``: the embedded case runs in the fast loop."""
    import uuid

    base = Settings.from_env()
    if request.param == "embedded":
        return base
    host, port = request.getfixturevalue("chroma_server")
    # one server for the session: a fresh collection name isolates each test
    return base.replace(chroma_host=host, chroma_port=port, collection=f"t{uuid.uuid4().hex[:12]}")


class ScriptedChatServer:
    """An OpenAI-compatible ``/v1/chat/completions`` endpoint on 127.0.0.1 that answers with
    scripted replies, streamed (server-sent events) or whole, as the client asks. No language
    model runs here: it stands in for llama.cpp/vLLM/Ollama so that the real client
    (``langchain_openai.ChatOpenAI``) and the checks on its output can be tested."""

    def __init__(self):
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.replies: list[str] = []
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, **body})
                reply = server.replies.pop(0) if server.replies else ""
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    words = reply.split(" ")
                    for i, word in enumerate(words):
                        piece = word if i == len(words) - 1 else word + " "
                        self._event({"delta": {"content": piece}, "finish_reason": None})
                    self._event({"delta": {}, "finish_reason": "stop"})
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                data = json.dumps(
                    {
                        "id": "chatcmpl-1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", "m"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": reply},
                                "finish_reason": "stop",
                            }
                        ],
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _event(self, choice: dict) -> None:
                chunk = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "m",
                    "choices": [{"index": 0, **choice}],
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

            def log_message(self, *args):
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_port}/v1"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


@pytest.fixture
def chat_server():
    server = ScriptedChatServer()
    yield server
    server.close()
