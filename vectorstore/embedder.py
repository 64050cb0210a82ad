"""The embedding model: the only module that loads sentence-transformers.

Usage::

    embedder = SentenceTransformerEmbedder(settings)   # cheap; the model loads on first use
    vectors = embedder.embed_documents(["Toàn tỉnh có 65 xã đạt chuẩn NTM"], titles=["…"])
    query = embedder.embed_query("Lạng Sơn có bao nhiêu xã đạt chuẩn NTM?")
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import numpy as np

from base.errors import ModelError
from base.protocols import Embedder
from base.settings import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model, with its own query and document prompts."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._model = None
        self._lock = threading.Lock()
        self._name = (
            DEFAULT_MODEL if settings.model == DEFAULT_MODEL else _model_label(settings.model)
        )

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        model = self.model
        getter = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        return int(getter())

    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def warm_up(self) -> None:
        self.embed_query("nông thôn mới")

    def _load(self):
        import torch

        if self.settings.threads:
            torch.set_num_threads(self.settings.threads)
        path = resolve_model_path(self.settings)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        try:
            model = SentenceTransformer(str(path), device="cpu")
        except Exception as exc:  # noqa: BLE001 - any loader failure is a model problem
            raise ModelError(
                f"Không nạp được mô hình nhúng '{self.settings.model}' ({path}): {exc}. "
                "Chạy `ntm model fetch` hoặc kiểm tra NTM_MODEL. "
                f"(Could not load the embedding model: {exc}.)"
            ) from exc
        model.eval()
        if self.settings.quantize:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.ao.quantization.quantize_dynamic(
                    model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True
                )
        log.info("loaded embedding model %s from %s", self.name, path)
        return model

    def _prompt(self, kind: str) -> str:
        prompts = getattr(self.model, "prompts", None) or {}
        return prompts.get(kind, "")

    def embed_documents(self, texts: list[str], titles: list[str] | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prompt = self._prompt("document")
        if titles is not None and "title: none" in prompt:
            inputs = [
                prompt.replace("title: none", f"title: {title or 'none'}") + text
                for title, text in zip(titles, texts, strict=True)
            ]
        else:
            inputs = [prompt + text for text in texts]
        return self._encode(inputs)

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._prompt("query") + text])[0]

    def _encode(self, inputs: list[str]) -> np.ndarray:
        import torch

        with torch.inference_mode():
            vectors = self.model.encode(
                inputs,
                batch_size=self.settings.embed_batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


def _model_label(model: str) -> str:
    path = Path(model).expanduser()
    if path.exists():
        return f"path:{path.resolve().name}"
    return model


def resolve_model_path(settings: Settings) -> Path | str:
    """Where to load the configured model from, or a ModelError saying how to get it."""
    from vectorstore.model_fetch import default_model_dir, is_model_ready

    if settings.model == DEFAULT_MODEL:
        if not is_model_ready(settings.model_cache):
            raise ModelError(
                "Chưa có mô hình nhúng EmbeddingGemma-300M trong "
                f"{default_model_dir(settings.model_cache)}. Chạy `ntm model fetch` (hoặc "
                "`make run`). (The embedding model is missing: run `ntm model fetch`.)"
            )
        return default_model_dir(settings.model_cache)
    path = Path(settings.model).expanduser()
    if path.exists():
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise ModelError(
                f"NTM_MODEL={settings.model!r}: thư mục này không chứa mô hình "
                "sentence-transformers (thiếu modules.json/config.json). "
                "(Not a sentence-transformers model directory.)"
            )
        return path
    return settings.model  # a hub name; loading fails with a clear message when offline
