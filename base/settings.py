"""All settings in one place, read once from ``NTM_*`` environment variables.

Defaults work out of the box: an embedded Chroma under ``NTM_HOME`` and the EmbeddingGemma
model from the model cache. A bad value raises :class:`SettingsError` naming the variable.

Usage::

    settings = Settings.from_env()              # os.environ
    settings = Settings.from_env({"NTM_HOME": "/tmp/ntm"})
    settings = settings.replace(home=Path("/srv/ntm"))
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from base.errors import SettingsError

DEFAULT_MODEL = "embeddinggemma-300m"


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


@dataclass(frozen=True)
class Settings:
    """Every knob of the product; see the README's configuration table."""

    home: Path
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "ntm"
    model: str = DEFAULT_MODEL
    model_cache: Path = Path()
    model_local_dir: Path | None = None
    quantize: bool = True
    embed_batch_size: int = 16
    threads: int | None = None
    chunk_chars: int = 600
    max_file_mb: float = 20.0
    max_unpacked_mb: float = 50.0  # what a DOCX/XLSX may unpack into (zip bombs)
    max_pages: int = 2000  # pages of a PDF
    max_chars: int = 5_000_000  # characters of text extracted from one document
    progress: bool = True
    min_confidence: float | None = None
    rules_file: Path | None = None  # NTM_RULES: a rules table (JSON) overriding the defaults
    max_question_chars: int = 1000
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    upload_max_files: int = 20
    upload_max_mb: float = 20.0
    users_path: Path | None = None  # NTM_USERS_FILE; None: <home>/users.toml
    # failed sign-ins, per user name and per client address: free tries, then a delay that
    # doubles from signin_delay_s up to signin_max_delay_s, then a lockout
    signin_free_failures: int = 3
    signin_delay_s: float = 2.0
    signin_max_delay_s: float = 60.0
    signin_lock_failures: int = 10
    signin_lock_minutes: float = 15.0
    # what an anonymous visitor of an app exposed without users may evaluate at once
    anonymous_eval_questions: int = 20

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        reader = _Reader(env)
        home = reader.path("NTM_HOME") or _xdg("XDG_DATA_HOME", ".local/share") / "ntm-assistant"
        cache = reader.path("NTM_MODEL_CACHE") or (
            _xdg("XDG_CACHE_HOME", ".cache") / "ntm-assistant" / "models"
        )
        settings = cls(
            home=home,
            chroma_host=reader.text("NTM_CHROMA_HOST"),
            chroma_port=reader.integer("NTM_CHROMA_PORT", 8000, low=1, high=65535),
            collection=reader.text("NTM_COLLECTION") or "ntm",
            model=reader.text("NTM_MODEL") or DEFAULT_MODEL,
            model_cache=cache,
            model_local_dir=reader.path("NTM_MODEL_LOCAL_DIR"),
            quantize=reader.boolean("NTM_QUANTIZE", True),
            embed_batch_size=reader.integer("NTM_EMBED_BATCH", 16, low=1, high=512),
            threads=reader.integer("NTM_THREADS", None, low=1, high=256),
            chunk_chars=reader.integer("NTM_CHUNK_CHARS", 600, low=200, high=4000),
            max_file_mb=reader.number("NTM_MAX_FILE_MB", 20.0, low=0.001),
            max_unpacked_mb=reader.number("NTM_MAX_UNPACKED_MB", 50.0, low=0.001),
            max_pages=reader.integer("NTM_MAX_PAGES", 2000, low=1),
            max_chars=reader.integer("NTM_MAX_CHARS", 5_000_000, low=1000),
            progress=reader.boolean("NTM_PROGRESS", True),
            min_confidence=reader.number("NTM_MIN_CONFIDENCE", None, low=0.0, high=1.0),
            rules_file=reader.path("NTM_RULES"),
            max_question_chars=reader.integer("NTM_MAX_QUESTION_CHARS", 1000, low=20),
            llm_url=reader.text("NTM_LLM_URL"),
            llm_model=reader.text("NTM_LLM_MODEL"),
            llm_api_key=reader.text("NTM_LLM_API_KEY"),
            upload_max_files=reader.integer("NTM_UPLOAD_MAX_FILES", 20, low=1),
            upload_max_mb=reader.number("NTM_UPLOAD_MAX_MB", 20.0, low=0.001),
            users_path=reader.path("NTM_USERS_FILE"),
            signin_free_failures=reader.integer("NTM_SIGNIN_FREE_FAILURES", 3, low=0),
            signin_delay_s=reader.number("NTM_SIGNIN_DELAY_S", 2.0, low=0.0),
            signin_max_delay_s=reader.number("NTM_SIGNIN_MAX_DELAY_S", 60.0, low=0.0),
            signin_lock_failures=reader.integer("NTM_SIGNIN_LOCK_FAILURES", 10, low=1),
            signin_lock_minutes=reader.number("NTM_SIGNIN_LOCK_MINUTES", 15.0, low=0.0),
            anonymous_eval_questions=reader.integer("NTM_ANONYMOUS_EVAL_QUESTIONS", 20, low=0),
        )
        settings.validate()
        return settings

    def replace(self, **changes) -> Settings:
        new = dataclasses.replace(self, **changes)
        new.validate()
        return new

    def validate(self) -> None:
        import re

        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,40}[A-Za-z0-9]", self.collection):
            raise SettingsError(
                f"NTM_COLLECTION={self.collection!r} không hợp lệ: chỉ dùng chữ, số, '.', '_' "
                "hoặc '-', dài 3–42 ký tự. (Invalid collection name.)"
            )

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def users_file(self) -> Path:
        """The local users and roles (``ntm users``); the app asks for a login when it exists."""
        return self.users_path or self.home / "users.toml"

    @property
    def audit_file(self) -> Path:
        """One JSON line per change to the collection (ingest, delete, reindex)."""
        return self.home / "audit.jsonl"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


class _Reader:
    """Parses environment values, naming the variable in every error."""

    def __init__(self, env: Mapping[str, str]):
        self.env = env

    def text(self, name: str) -> str | None:
        value = self.env.get(name, "").strip()
        return value or None

    def path(self, name: str) -> Path | None:
        value = self.text(name)
        return Path(value).expanduser() if value else None

    def boolean(self, name: str, default: bool) -> bool:
        value = self.text(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise SettingsError(
            f"{name}={value!r} không hợp lệ: dùng 1/0, true/false, yes/no hoặc on/off. "
            f"({name} must be a boolean.)"
        )

    def integer(self, name: str, default, low: int | None = None, high: int | None = None):
        value = self.text(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise SettingsError(
                f"{name}={value!r} không hợp lệ: cần một số nguyên. ({name} must be an integer.)"
            ) from None
        return self._bounded(name, number, low, high)

    def number(self, name: str, default, low: float | None = None, high: float | None = None):
        value = self.text(name)
        if value is None:
            return default
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise SettingsError(
                f"{name}={value!r} không hợp lệ: cần một số. ({name} must be a number.)"
            ) from None
        if number != number:  # NaN
            raise SettingsError(f"{name}={value!r} không hợp lệ. ({name} must be a number.)")
        return self._bounded(name, number, low, high)

    @staticmethod
    def _bounded(name, number, low, high):
        if (low is not None and number < low) or (high is not None and number > high):
            span = f"{low if low is not None else '-∞'}–{high if high is not None else '∞'}"
            raise SettingsError(
                f"{name}={number} nằm ngoài khoảng cho phép {span}. ({name} out of range {span}.)"
            )
        return number
