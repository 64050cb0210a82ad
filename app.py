"""NTM Assistant — the Streamlit front end over the :class:`assistant.core.Assistant` API.

Run it (the Makefile ingests ``documents/`` first)::

    ntm ingest documents
    streamlit run app.py

Three pages: "Hỏi đáp" (chat with numbered citations), "Tài liệu" (upload, list, delete,
re-index) and "Đánh giá" (run a question set). One :class:`Assistant` (model and Chroma
client) is loaded per process with ``st.cache_resource`` and shared by every session.

Safety: text that comes from a document, an upload or a user is always escaped before it
reaches ``st.html``/``st.markdown``; file names from the browser are never used as paths.
The rendering helpers at the top of this file are pure functions, unit-tested without
Streamlit (``import app`` does not start the UI).
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.evaluate import direct_answer
from base.errors import AssistantError
from base.settings import Settings
from base.types import Answer, Citation, DocumentMeta, IngestReport, Rejection, SearchFilter
from ingest.loaders import SUPPORTED_SUFFIXES

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
DOCUMENTS_DIR = ROOT / "documents"
EVAL_DIR = ROOT / "eval"
DEFAULT_QUESTION_SET = "questions.jsonl"
PAGES = ("chat", "documents", "evaluation")
PASSAGE_ID = "ntm-passage"
AVATARS = {"user": ":material/person:", "assistant": ":material/eco:"}
EXAMPLE_QUESTIONS = (
    "Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?",
    "Thôn nào của xã Minh Quang đạt 9/9 tiêu chí thôn NTM kiểu mẫu?",
    "Năm 2021 Lạng Sơn có bao nhiêu xã phấn đấu đạt chuẩn nông thôn mới?",
)

# -- words on screen: (Vietnamese, English) ---------------------------------------------------
TEXT: dict[str, tuple[str, str]] = {
    "tagline": (
        "Hỏi đáp có trích dẫn trên tài liệu Nông thôn mới",
        "Cited answers over New Rural Development documents",
    ),
    "english": ("English", "English"),
    "nav": ("Trang", "Page"),
    "page_chat": (":material/forum: Hỏi đáp", ":material/forum: Ask"),
    "page_documents": (":material/library_books: Tài liệu", ":material/library_books: Documents"),
    "page_evaluation": (":material/monitoring: Đánh giá", ":material/monitoring: Evaluation"),
    "index_stats": (
        "{docs} tài liệu · {chunks} đoạn trong chỉ mục",
        "{docs} documents · {chunks} passages indexed",
    ),
    "no_llm": (
        "Trả lời trích xuất từ tài liệu, không cần máy chủ mô hình ngôn ngữ.",
        "Answers are extracted from the documents; no language-model server needed.",
    ),
    "unexpected": (
        "Đã có lỗi không mong muốn; chi tiết đã được ghi vào nhật ký máy chủ. Hãy thử lại.",
        "Something unexpected went wrong; the details are in the server log. Please try again.",
    ),
    # chat
    "chat_title": ("Hỏi đáp về Nông thôn mới", "Ask about New Rural Development"),
    "chat_caption": (
        "Đặt câu hỏi bằng tiếng Việt (có hoặc không dấu) hoặc tiếng Anh. Mỗi câu trả lời kèm "
        "trích dẫn đánh số; câu hỏi tiếp theo có thể dựa vào câu trước (“Còn huyện … thì sao?”).",
        "Ask in Vietnamese (with or without diacritics) or English. Every answer comes with "
        "numbered citations; a follow-up may build on the previous question (“What about …?”).",
    ),
    "chat_placeholder": ("Nhập câu hỏi về Nông thôn mới…", "Type a question about NTM…"),
    "chat_empty": (
        "Chưa có câu hỏi nào. Thử một câu hỏi mẫu:",
        "No questions yet. Try an example:",
    ),
    "thinking": (
        "Đang tìm trong tài liệu và soạn câu trả lời…",
        "Searching the documents and preparing the answer…",
    ),
    "thinking_done": ("Đã soạn xong câu trả lời", "Answer ready"),
    "llm_drafting": (
        "Mô hình ngôn ngữ đang viết lại câu trả lời; số liệu và trích dẫn sẽ được kiểm tra "
        "trước khi hiển thị:",
        "The language model is rewriting the answer; its figures and citations are checked "
        "before it is shown:",
    ),
    "llm_rejected": (
        "Bản viết lại của mô hình ngôn ngữ bị loại (có số liệu hoặc trích dẫn không khớp với "
        "nguồn); dưới đây là câu trả lời trích nguyên văn từ tài liệu.",
        "The language model's rewrite was discarded (a figure or citation did not match the "
        "sources); this is the answer taken verbatim from the documents.",
    ),
    "llm_error": (
        "Không dùng được máy chủ mô hình ngôn ngữ; dưới đây là câu trả lời trích nguyên văn.",
        "The language model server could not be used; this is the verbatim extracted answer.",
    ),
    "thinking_failed": ("Không trả lời được câu hỏi này", "Could not answer this question"),
    "resolved": ("Câu hỏi được hiểu là: “{q}”", "Understood as: “{q}”"),
    "citations": ("Nguồn trích dẫn", "Citations"),
    "related": (
        "Đoạn văn liên quan — chỉ để tham khảo, không phải trích dẫn",
        "Related reading — for reference only, not citations",
    ),
    "related_note": (
        "Tài liệu không trả lời được câu hỏi này. Các đoạn dưới đây gần nhất với câu hỏi, "
        "nhưng không chứng minh một câu trả lời.",
        "The documents do not answer this question. The passages below are the closest, "
        "but they do not support an answer.",
    ),
    "no_date": ("không rõ ngày", "date unknown"),
    "open_doc": ("Mở toàn văn tại đoạn này", "Open the full text at this passage"),
    "doc_dialog": ("Toàn văn tài liệu", "Full document"),
    "doc_moved": (
        "Đoạn trích không còn khớp với tài liệu hiện tại (tài liệu đã được cập nhật).",
        "The quote no longer matches the current document (it has been updated).",
    ),
    "doc_gone": (
        "Tài liệu này không còn trong chỉ mục; chỉ còn đoạn trích đã lưu.",
        "This document is no longer in the index; only the saved quote is shown.",
    ),
    "download_md": ("Tải về (Markdown)", "Download (Markdown)"),
    "copy_md": ("Sao chép", "Copy"),
    "copy_help": (
        "Bấm biểu tượng sao chép ở góc khung để chép câu trả lời kèm trích dẫn.",
        "Use the copy icon in the corner to copy the answer with its citations.",
    ),
    "latency": (":material/timer: {time}", ":material/timer: {time}"),
    "clear_chat": ("Xoá cuộc trò chuyện", "Clear the conversation"),
    "filters": ("Bộ lọc tìm kiếm", "Search filters"),
    "filters_caption": ("Để trống nghĩa là không giới hạn.", "Empty means no restriction."),
    "filter_docs": ("Tài liệu", "Documents"),
    "filter_provinces": ("Tỉnh", "Provinces"),
    "filter_districts": ("Huyện", "Districts"),
    "filter_years": ("Năm", "Years"),
    "filter_any": ("Tất cả", "All"),
    "pick_documents": ("Chọn tài liệu", "Choose documents"),
    "filters_active": ("Đang lọc: {what}", "Filtering: {what}"),
    # empty index
    "empty_index": (
        "Chỉ mục đang trống: chưa có tài liệu nào để trả lời.",
        "The index is empty: there are no documents to answer from yet.",
    ),
    "ingest_bundled": (
        "Nạp {n} tài liệu mẫu từ documents/",
        "Ingest the {n} bundled documents from documents/",
    ),
    "ingest_progress": (
        "Đang nạp: {done}/{total} đoạn {what}",
        "Ingesting: {done}/{total} passages {what}",
    ),
    "ingest_starting": ("Đang đọc tệp…", "Reading the files…"),
    # documents page
    "docs_title": ("Tài liệu", "Documents"),
    "docs_caption": (
        "Các tài liệu mà trợ lý dùng để trả lời. Tải thêm tệp, xoá tài liệu hoặc lập chỉ mục lại.",
        "The documents the assistant answers from. Upload files, delete documents or re-index.",
    ),
    "metric_docs": ("Tài liệu", "Documents"),
    "metric_chunks": ("Đoạn văn", "Passages"),
    "metric_places": ("Tỉnh được nhắc đến", "Provinces mentioned"),
    "upload_header": ("Tải tài liệu lên", "Upload documents"),
    "upload_label": ("Chọn tệp ({types})", "Choose files ({types})"),
    "upload_limits": (
        "Tối đa {files} tệp mỗi lần, mỗi tệp ≤ {mb} MB (cài đặt NTM_UPLOAD_MAX_FILES, "
        "NTM_UPLOAD_MAX_MB). Tên tệp được dùng làm tên nguồn; tải lại cùng tên sẽ cập nhật "
        "tài liệu.",
        "At most {files} files at a time, each ≤ {mb} MB (settings NTM_UPLOAD_MAX_FILES, "
        "NTM_UPLOAD_MAX_MB). The file name is the source name; uploading the same name "
        "updates it.",
    ),
    "browse": ("Chọn tệp", "Browse files"),
    "drop_here": (
        "hoặc kéo thả tệp vào đây · tối đa {mb} MB mỗi tệp",
        "or drag and drop files here · at most {mb} MB each",
    ),
    "upload_button": ("Nạp vào chỉ mục", "Add to the index"),
    "upload_added": ("Đã thêm: {names}", "Added: {names}"),
    "upload_updated": ("Đã cập nhật: {names}", "Updated: {names}"),
    "upload_unchanged": ("Không đổi (đã có sẵn): {names}", "Unchanged (already indexed): {names}"),
    "upload_renamed": ("Tên tệp đã được làm sạch: {pairs}", "File names were sanitised: {pairs}"),
    "upload_rejected": (
        "{n} tệp bị từ chối — các tệp khác không bị ảnh hưởng:",
        "{n} file(s) rejected — the other files were not affected:",
    ),
    "col_file": ("Tệp", "File"),
    "col_reason": ("Lý do", "Reason"),
    "list_header": ("Danh sách tài liệu", "Document list"),
    "col_title": ("Tiêu đề", "Title"),
    "col_date": ("Ngày", "Date"),
    "col_provinces": ("Tỉnh", "Provinces"),
    "col_districts": ("Huyện", "Districts"),
    "col_chunks": ("Số đoạn", "Passages"),
    "col_source": ("Tệp nguồn", "Source file"),
    "manage_header": ("Quản lý", "Manage"),
    "delete_pick": ("Chọn tài liệu cần xoá", "Documents to delete"),
    "delete_confirm": (
        "Tôi chắc chắn muốn xoá các tài liệu đã chọn",
        "I am sure I want to delete the selected documents",
    ),
    "delete_button": ("Xoá tài liệu", "Delete"),
    "deleted": ("Đã xoá: {names}", "Deleted: {names}"),
    "reindex_help": (
        "Cắt đoạn và tính lại vector cho mọi tài liệu (sau khi đổi mô hình hoặc cách chia đoạn).",
        "Re-chunk and re-embed every document (after a model or chunking change).",
    ),
    "reindex_button": ("Lập chỉ mục lại", "Re-index"),
    "reindex_progress": (
        "Đang lập chỉ mục lại: {done}/{total} đoạn {what}",
        "Re-indexing: {done}/{total} passages {what}",
    ),
    "reindexed": (
        "Đã lập chỉ mục lại {n} đoạn (nhúng mới {embedded}, giữ vector cũ {reused}).",
        "Re-indexed {n} passages ({embedded} embedded, {reused} kept).",
    ),
    "no_docs_table": ("Chưa có tài liệu nào.", "No documents yet."),
    # evaluation page
    "eval_title": ("Đánh giá", "Evaluation"),
    "eval_caption": (
        "Chạy một bộ câu hỏi có đáp án (định dạng eval/FORMAT.md) và xem trợ lý trả lời đúng "
        "bao nhiêu.",
        "Run a question set with reference answers (format of eval/FORMAT.md) and see how the "
        "assistant scores.",
    ),
    "qset_source": ("Bộ câu hỏi", "Question set"),
    "qset_bundled": ("Có sẵn trong kho mã", "Bundled with the project"),
    "qset_upload": ("Tải lên tệp JSONL", "Upload a JSONL file"),
    "qset_pick": ("Chọn bộ câu hỏi", "Pick a question set"),
    "qset_uploader": ("Tệp JSON Lines (.jsonl)", "JSON Lines file (.jsonl)"),
    "qset_none": ("Không có bộ câu hỏi nào trong eval/.", "There is no question set in eval/."),
    "qset_loaded": ("{n} câu hỏi trong {name}", "{n} questions in {name}"),
    "qset_problems": ("{n} dòng lỗi sẽ bị bỏ qua", "{n} malformed line(s) will be skipped"),
    "qset_too_big": (
        "Tệp {name} quá lớn ({size} MB, tối đa {mb} MB — NTM_UPLOAD_MAX_MB).",
        "{name} is too large ({size} MB, at most {mb} MB — NTM_UPLOAD_MAX_MB).",
    ),
    "eval_run": ("Chạy đánh giá", "Run the evaluation"),
    "eval_progress": (
        "Đang đánh giá: {done}/{total} câu ({qid})",
        "Evaluating: {done}/{total} questions ({qid})",
    ),
    "eval_needs_docs": (
        "Hãy nạp tài liệu trước khi đánh giá.",
        "Ingest documents before evaluating.",
    ),
    "eval_result_for": ("Kết quả cho {name}", "Results for {name}"),
    "m_accuracy": (
        "Độ chính xác (câu trả lời trực tiếp)",
        "Accuracy (direct answer)",
    ),
    "m_accuracy_old": ("cách chấm cũ: {v}", "old rule: {v}"),
    "reliability": (
        "Độ tin cậy: trong các câu trả lời có độ tin cậy ≥ c, tỷ lệ đúng",
        "Reliability: among answers given with confidence ≥ c, the share right",
    ),
    "col_min_conf": ("Độ tin cậy ≥", "Confidence ≥"),
    "col_answers": ("Số câu trả lời", "Answers"),
    "col_precision": ("Tỷ lệ đúng", "Share right"),
    "m_hit1": ("Truy hồi hit@1", "Retrieval hit@1"),
    "m_hit5": ("Truy hồi hit@5", "Retrieval hit@5"),
    "m_mrr": ("MRR", "MRR"),
    "m_abst_p": ("Từ chối đúng (precision)", "Abstention precision"),
    "m_abst_r": ("Từ chối đủ (recall)", "Abstention recall"),
    "m_lat_med": ("Độ trễ trung vị", "Median latency"),
    "m_lat_p95": ("Độ trễ p95", "p95 latency"),
    "m_verbatim": ("Trích dẫn nguyên văn", "Verbatim citations"),
    "per_tag": ("Độ chính xác theo nhãn", "Accuracy per tag"),
    "col_tag": ("Nhãn", "Tag"),
    "col_correct": ("Đúng", "Correct"),
    "col_total": ("Tổng", "Total"),
    "col_accuracy": ("Tỉ lệ", "Accuracy"),
    "latency_chart": ("Độ trễ từng câu (ms)", "Latency per question (ms)"),
    "failed_header": ("Câu trả lời sai ({n})", "Failed questions ({n})"),
    "no_failures": ("Mọi câu hỏi đều đúng.", "Every question is correct."),
    "expected": ("Đáp án mong đợi", "Expected answer"),
    "given": ("Câu trả lời của trợ lý", "The assistant's answer"),
    "failure": ("Lý do sai", "Why it failed"),
    "question": ("Câu hỏi", "Question"),
    "unanswerable": (
        "(không có trong tài liệu — cần từ chối trả lời)",
        "(not in the documents — should abstain)",
    ),
    "all_results": ("Tất cả câu hỏi", "All questions"),
    "col_id": ("Mã", "Id"),
    "col_ok": ("Đúng?", "Correct?"),
    "col_ms": ("ms", "ms"),
    "dl_answers": ("Tải câu trả lời (JSONL)", "Download the answers (JSONL)"),
    "dl_report": ("Tải báo cáo (HTML)", "Download the report (HTML)"),
    "dl_report_md": ("Tải báo cáo (Markdown)", "Download the report (Markdown)"),
    "malformed": ("Dòng lỗi đã bỏ qua", "Malformed lines skipped"),
}


def lang() -> str:
    """'en' when the English switch is on, else 'vi' (also outside a Streamlit run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return "vi"
    return "en" if st.session_state.get("lang_en") else "vi"


def t(key: str, **values: Any) -> str:
    """The on-screen text for ``key`` in the current language."""
    vi, en = TEXT[key]
    text = en if lang() == "en" else vi
    return text.format(**values) if values else text


# -- pure helpers (unit-tested without Streamlit) ---------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:])")
_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\/]')
MAX_NAME_CHARS = 120


def esc(text: object) -> str:
    """HTML-escaped text: whatever it holds is shown as text, never run or rendered."""
    return html.escape(str(text), quote=True)


def md_escape(text: object) -> str:
    """Text safe inside ``st.markdown`` and widget labels: no HTML, no Markdown syntax."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def safe_filename(name: str, fallback: str = "tai-lieu") -> str:
    """A file name from the browser made safe to write and to use as a document's source id.

    Directories are stripped (both separators), control and format characters removed,
    ``..`` and leading dots dropped, characters that are unsafe on common file systems
    replaced by ``_``; the extension is kept. Never empty, never a path.

    >>> safe_filename("../../etc/Báo cáo\\x00 2021.TXT")
    'Báo cáo 2021.TXT'
    """
    name = unicodedata.normalize("NFC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE_NAME_CHARS.sub("_", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = re.sub(r"[^0-9A-Za-z]", "", suffix)[:10]
    while ".." in stem:
        stem = stem.replace("..", ".")
    stem = re.sub(r"\s+", " ", stem).strip(" .~$")
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1].strip(" .") or fallback
    return f"{stem}.{suffix}" if suffix else stem


@dataclass
class UploadPlan:
    """Which uploads to ingest (index into the upload list, sanitised name) and which not."""

    accepted: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def plan_uploads(
    files: Sequence[tuple[str, int]],
    max_files: int,
    max_bytes: int,
    suffixes: Sequence[str] = SUPPORTED_SUFFIXES,
) -> UploadPlan:
    """Check uploads (browser name, size in bytes) against the limits before writing any.

    A rejection names the file as the user knows it and the setting at fault; every other
    file still goes in.
    """
    plan = UploadPlan()
    taken: dict[str, str] = {}
    allowed = {s.lower() for s in suffixes}
    for index, (name, size) in enumerate(files):
        shown = name if name.strip() else "?"
        safe = safe_filename(name)
        suffix = Path(safe).suffix.lower()
        if index >= max_files:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"vượt quá {max_files} tệp mỗi lần tải (NTM_UPLOAD_MAX_FILES) — hãy tải tệp "
                    f"này ở lượt sau (more than {max_files} files in one upload)",
                )
            )
        elif suffix not in allowed:
            kinds = ", ".join(sorted(allowed))
            plan.rejected.append(
                Rejection(
                    shown,
                    f"định dạng không hỗ trợ {suffix or '(không có đuôi tệp)'}; chỉ nhận {kinds} "
                    f"(unsupported type)",
                )
            )
        elif size > max_bytes:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"tệp quá lớn ({size / 1048576:.1f} MB, tối đa {max_bytes / 1048576:g} MB — "
                    "NTM_UPLOAD_MAX_MB) (file too large)",
                )
            )
        elif size == 0:
            plan.rejected.append(Rejection(shown, "tệp rỗng (empty file)"))
        elif safe.lower() in taken:
            plan.rejected.append(
                Rejection(
                    shown,
                    f"trùng tên với tệp {taken[safe.lower()]} trong cùng lượt tải; tên tệp "
                    "định danh tài liệu (same name as another file in this upload)",
                )
            )
        else:
            taken[safe.lower()] = shown
            plan.accepted.append((index, safe))
    return plan


def format_date(iso: str | None) -> str:
    """'2021-08-27' -> '27/08/2021' (Vietnamese order); partial dates stay partial."""
    if not iso:
        return t("no_date")
    parts = iso.split("-")
    return "/".join(reversed(parts))


def paragraph_bounds(text: str, start: int, end: int, limit: int = 900) -> tuple[int, int]:
    """The paragraph (line) around ``text[start:end]``, clipped to about ``limit`` characters."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 == -1 else p1
    if p1 - p0 > limit:
        room = max(0, limit - (end - start)) // 2
        if start - p0 > room:
            cut = text.rfind(" ", p0, start - room)
            p0 = start - room if cut == -1 else cut + 1
        if p1 - end > room:
            cut = text.find(" ", end + room, p1)
            p1 = end + room if cut == -1 else cut
    return p0, p1


def highlight(text: str, start: int, end: int, mark_id: str | None = None) -> str:
    """Escaped ``text`` with ``text[start:end]`` wrapped in ``<mark>``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    ident = f' id="{esc(mark_id)}"' if mark_id else ""
    return f"{esc(text[:start])}<mark{ident}>{esc(text[start:end])}</mark>{esc(text[end:])}"


def locate(doc_text: str, citation: Citation) -> tuple[int, int] | None:
    """Where the citation's quote is in the document: its offsets, else the quote's first match."""
    if citation.quote and doc_text[citation.start : citation.end] == citation.quote:
        return citation.start, citation.end
    at = doc_text.find(citation.quote) if citation.quote else -1
    return (at, at + len(citation.quote)) if at >= 0 else None


def passage_html(doc_text: str | None, citation: Citation) -> str:
    """The quote highlighted inside its surrounding paragraph, escaped."""
    span = locate(doc_text, citation) if doc_text else None
    if span is None:
        return f'<div class="ntm-passage"><mark>{esc(citation.quote)}</mark></div>'
    p0, p1 = paragraph_bounds(doc_text, *span)
    before = "… " if p0 > 0 and doc_text[p0 - 1] != "\n" else ""
    after = " …" if p1 < len(doc_text) and doc_text[p1] != "\n" else ""
    body = highlight(doc_text[p0:p1], span[0] - p0, span[1] - p0)
    return f'<div class="ntm-passage">{before}{body}{after}</div>'


def document_html(doc_text: str, span: tuple[int, int] | None) -> str:
    """The whole document, escaped, with the passage marked by ``id="ntm-passage"``."""
    body = highlight(doc_text, *span, mark_id=PASSAGE_ID) if span else esc(doc_text)
    return f'<div class="ntm-doc" id="ntm-doc">{body}</div>'


def meta_html(date: str | None, source: str) -> str:
    """'27/08/2021 · file.txt', escaped."""
    return f'{esc(format_date(date))} · <span class="ntm-src">{esc(source)}</span>'


def format_ms(ms: float) -> str:
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def answer_html(text: str) -> str:
    """The answer text, escaped, with its ``[n]`` markers as superscript references."""
    body = re.sub(r"\[(\d{1,3})\]", r'<sup class="ntm-ref">[\1]</sup>', esc(text))
    return f'<div class="ntm-answer">{body}</div>'


def citation_line(c: Citation, numbered: bool = True) -> str:
    """'[1] Title — 27/08/2021 — file.txt' (plain text)."""
    head = f"[{c.n}] " if numbered else ""
    return f"{head}{c.title} — {format_date(c.date)} — {c.source}"


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def answer_markdown(answer: Answer) -> str:
    """The answer with its citations as Markdown, for pasting into a brief."""
    en = lang() == "en"
    out = [f"**{'Question' if en else 'Câu hỏi'}:** {answer.question}"]
    if answer.resolved_question:
        label = "Understood as" if en else "Câu hỏi được hiểu là"
        out.append(f"*{label}:* {answer.resolved_question}")
    out += ["", answer.answer.strip(), ""]
    if answer.citations:
        out += [f"**{'Sources' if en else 'Nguồn trích dẫn'}:**", ""]
        for c in answer.citations:
            out += [citation_line(c), "", _quote_block(c.quote), ""]
    if answer.related:
        label = (
            "Related reading (for reference only, not citations)"
            if en
            else "Đoạn văn liên quan (chỉ để tham khảo, không phải trích dẫn)"
        )
        out += [f"**{label}:**", ""]
        for c in answer.related:
            out += [f"- {citation_line(c, numbered=False)}", "", _quote_block(c.quote), ""]
    return "\n".join(out).rstrip() + "\n"


def documents_rows(metas: Sequence[DocumentMeta]) -> list[dict]:
    """One row per document for the documents table."""
    return [
        {
            t("col_title"): m.title,
            t("col_date"): format_date(m.date) if m.date else "",
            t("col_provinces"): ", ".join(m.provinces),
            t("col_districts"): ", ".join(m.districts),
            t("col_chunks"): m.chunk_count,
            t("col_source"): m.source,
        }
        for m in metas
    ]


def filter_options(metas: Sequence[DocumentMeta]) -> dict[str, list]:
    """The values the sidebar filters offer: sources, provinces, districts, years."""
    return {
        "sources": sorted(m.source for m in metas),
        "provinces": sorted({p for m in metas for p in m.provinces}),
        "districts": sorted({d for m in metas for d in m.districts}),
        "years": sorted({m.year for m in metas if m.year}, reverse=True),
    }


def answers_jsonl(report) -> str:
    """Every answer of an evaluation, one JSON object a line."""
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in report.results)


def short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the shared assistant ---------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def _shared_assistant(key: str, _settings: Settings):
    """One Assistant per process and settings: the model and Chroma client load once."""
    from assistant.core import Assistant

    bot = Assistant(_settings)

    def warm() -> None:  # load the model now rather than on the first question
        try:
            if bot.documents():
                bot.warm_up()
        except Exception:  # noqa: BLE001 - the first question reports any real problem
            log.warning("warm-up failed", exc_info=True)

    threading.Thread(target=warm, name="ntm-warm-up", daemon=True).start()
    return bot


def get_assistant():
    settings = Settings.from_env()
    return _shared_assistant(repr(settings), settings), settings


def attempt(fn: Callable, *args, **kwargs) -> tuple[Any, str | None]:
    """(result, None) or (None, a message safe to show): never a stack trace on screen."""
    try:
        return fn(*args, **kwargs), None
    except AssistantError as exc:
        return None, str(exc)
    except Exception:  # noqa: BLE001 - show a clean message, log the details
        log.exception("unexpected error in %s", getattr(fn, "__name__", fn))
        return None, t("unexpected")


def call(fn: Callable, *args, **kwargs) -> Any:
    """Run an API call; on failure show the message with ``st.error`` and return None."""
    result, error = attempt(fn, *args, **kwargs)
    if error:
        st.error(md_escape(error), icon=":material/error:")
    return result


def progress_callback(bar, key: str) -> Callable[[int, int, str], None]:
    def report(done: int, total: int, what: str) -> None:
        share = done / total if total else 1.0
        label = t(key, done=done, total=total, what=md_escape(f"· {what}" if what else ""))
        bar.progress(min(1.0, max(0.0, share)), text=label)

    return report


# -- styling ----------------------------------------------------------------------------------
CSS = """
<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {
  font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {
  content: var(--ntm-browse); font-size: .875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: var(--ntm-drop); font-size: .875rem; }
.ntm-answer { white-space: pre-wrap; line-height: 1.65; font-size: 1.02rem; }
.ntm-ref { color: #2e7d32; font-weight: 600; font-size: .72em; margin-left: 1px; }
.ntm-cite-head { font-weight: 600; line-height: 1.4; }
.ntm-badge { display: inline-block; min-width: 1.7em; text-align: center; border-radius: .6em;
  background: #2e7d32; color: #fff; font-size: .8em; padding: 0 .35em; margin-right: .35em; }
.ntm-badge.rel { background: #78909c; }
.ntm-meta { color: #6b7280; font-size: .85rem; margin: .1rem 0 .35rem 0; }
.ntm-passage { white-space: pre-wrap; line-height: 1.6; padding: .5rem .75rem;
  border-left: 3px solid #8bc34a; background: rgba(139, 195, 74, .08); border-radius: 4px; }
.ntm-passage mark, .ntm-doc mark { background: #fff176; color: inherit; padding: 0 2px;
  border-radius: 2px; }
.ntm-related .ntm-passage { border-left-color: #b0bec5; background: rgba(176, 190, 197, .10); }
.ntm-related .ntm-passage mark { background: #e3e8eb; }
.ntm-doc { white-space: pre-wrap; line-height: 1.65; max-height: 62vh; overflow-y: auto;
  padding: .75rem 1rem; border: 1px solid rgba(128, 128, 128, .3); border-radius: 6px; }
.ntm-doc mark { outline: 2px solid #f9a825; }
.ntm-user { white-space: pre-wrap; }
.ntm-src { font-weight: 500; }
.ntm-fail { white-space: pre-wrap; padding: .25rem .5rem; border-radius: 4px; margin-bottom: .75rem;
  background: rgba(128, 128, 128, .08); }
</style>
"""


def page_css(settings: Settings) -> str:
    """Vietnamese (or English) words for the file uploader's built-in English labels."""
    browse = json.dumps(t("browse"), ensure_ascii=False)
    drop = json.dumps(t("drop_here", mb=f"{settings.upload_max_mb:g}"), ensure_ascii=False)
    return f"<style>:root {{ --ntm-browse: {browse}; --ntm-drop: {drop}; }}</style>"


SCROLL_SCRIPT = """
<script>
(function () {
  let tries = 0;
  function go() {
    const mark = document.getElementById("ntm-passage");
    const box = document.getElementById("ntm-doc");
    if (mark && box) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
      box.dataset.scrolled = "1";
    } else if (tries++ < 50) {
      setTimeout(go, 100);
    }
  }
  go();
})();
</script>
"""


# -- shared pieces of the pages ---------------------------------------------------------------
def show_flash() -> None:
    for kind, message in st.session_state.pop("flash", []):
        getattr(st, kind)(md_escape(message))


def flash(kind: str, message: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, message))


def offer_bundled_ingest(bot, key: str) -> None:
    """The empty-index state: say so and offer to ingest the bundled documents."""
    st.info(t("empty_index"), icon=":material/inbox:")
    bundled = sorted(p for p in DOCUMENTS_DIR.glob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not bundled:
        return
    if st.button(
        t("ingest_bundled", n=len(bundled)), key=key, type="primary", icon=":material/upload_file:"
    ):
        bar = st.progress(0.0, text=t("ingest_starting"))
        report = call(
            bot.ingest, [DOCUMENTS_DIR], progress=progress_callback(bar, "ingest_progress")
        )
        if report is not None:
            remember_ingest(report, {})
            st.rerun()


def remember_ingest(report: IngestReport, names: dict[str, str], early=()) -> None:
    """Keep an ingest outcome for the next run; rejected paths shown as the user's names."""
    rejected = [Rejection(names.get(r.path, Path(r.path).name), r.reason) for r in report.rejected]
    st.session_state["ingest_outcome"] = {
        "added": list(report.added),
        "updated": list(report.updated),
        "unchanged": list(report.unchanged),
        "rejected": list(early) + rejected,
        "renamed": [],
    }


def show_ingest_outcome() -> None:
    outcome = st.session_state.get("ingest_outcome")
    if not outcome:
        return
    if outcome["added"]:
        st.success(
            md_escape(t("upload_added", names=", ".join(outcome["added"]))),
            icon=":material/check_circle:",
        )
    if outcome["updated"]:
        st.success(
            md_escape(t("upload_updated", names=", ".join(outcome["updated"]))),
            icon=":material/sync:",
        )
    if outcome["unchanged"]:
        st.info(
            md_escape(t("upload_unchanged", names=", ".join(outcome["unchanged"]))),
            icon=":material/info:",
        )
    if outcome["renamed"]:
        pairs = ", ".join(f"{a} → {b}" for a, b in outcome["renamed"])
        st.info(md_escape(t("upload_renamed", pairs=pairs)), icon=":material/edit:")
    if outcome["rejected"]:
        st.warning(t("upload_rejected", n=len(outcome["rejected"])), icon=":material/block:")
        st.dataframe(
            [{t("col_file"): r.path, t("col_reason"): r.reason} for r in outcome["rejected"]],
            hide_index=True,
            width="stretch",
        )


def sticky_radio(
    label: str, options: Sequence[str], labels: dict[str, str], state_key: str, **kwargs
) -> str:
    """A radio whose choice survives the language switch.

    Streamlit keeps a radio's value as its displayed label, so translating the labels would
    reset it. The choice lives in ``st.session_state[state_key]``; the widget itself gets a
    key per language and is set from that choice.
    """
    current = st.session_state.get(state_key)
    if current not in options:
        current = options[0]
    widget_key = f"{state_key}-{lang()}"
    st.session_state[widget_key] = current

    def remember() -> None:
        st.session_state[state_key] = st.session_state[widget_key]

    st.radio(label, options, key=widget_key, format_func=labels.get, on_change=remember, **kwargs)
    st.session_state[state_key] = current
    return current


# -- chat page --------------------------------------------------------------------------------
def sidebar_filters(metas: Sequence[DocumentMeta]) -> SearchFilter:
    options = filter_options(metas)
    titles = {m.source: m.title for m in metas}
    with st.sidebar:
        st.subheader(t("filters"), divider="green")
        st.caption(t("filters_caption"))
        for key, values in (
            ("f_sources", options["sources"]),
            ("f_provinces", options["provinces"]),
            ("f_districts", options["districts"]),
            ("f_years", options["years"]),
        ):  # a document deleted meanwhile must not leave a stale choice behind
            if key in st.session_state:
                st.session_state[key] = [v for v in st.session_state[key] if v in values]
        anything = t("filter_any")
        sources = st.multiselect(
            t("filter_docs"),
            options["sources"],
            key="f_sources",
            format_func=lambda s: short(f"{titles.get(s, s)} ({s})", 60),
            placeholder=anything,
        )
        provinces = st.multiselect(
            t("filter_provinces"), options["provinces"], key="f_provinces", placeholder=anything
        )
        districts = st.multiselect(
            t("filter_districts"), options["districts"], key="f_districts", placeholder=anything
        )
        years = st.multiselect(
            t("filter_years"), options["years"], key="f_years", placeholder=anything
        )
    return SearchFilter(
        sources=tuple(sources),
        provinces=tuple(provinces),
        districts=tuple(districts),
        years=tuple(int(y) for y in years),
    )


def describe_filter(flt: SearchFilter) -> str:
    parts = []
    if flt.sources:
        parts.append(f"{t('filter_docs')}: {len(flt.sources)}")
    if flt.provinces:
        parts.append(f"{t('filter_provinces')}: {', '.join(flt.provinces)}")
    if flt.districts:
        parts.append(f"{t('filter_districts')}: {', '.join(flt.districts)}")
    if flt.years:
        parts.append(f"{t('filter_years')}: {', '.join(map(str, flt.years))}")
    return " · ".join(parts)


class DocCache:
    """Document texts fetched once per script run (a citation list names a few documents)."""

    def __init__(self, bot):
        self.bot = bot
        self.texts: dict[str, str | None] = {}

    def text(self, source: str) -> str | None:
        if source not in self.texts:
            doc, _ = attempt(self.bot.document, source)
            self.texts[source] = doc.text if doc is not None else None
        return self.texts[source]


def open_document(bot, source: str, quote: str, start: int, end: int) -> None:
    """A dialog with the whole document, scrolled to the passage, which is highlighted."""

    def body() -> None:
        doc, error = attempt(bot.document, source)
        if error:
            st.error(md_escape(error), icon=":material/error:")
            return
        cite = Citation(0, source, doc.meta.title, doc.meta.date, quote, start, end)
        span = locate(doc.text, cite)
        st.html(
            f'<div class="ntm-cite-head">{esc(doc.meta.title)}</div>'
            f'<div class="ntm-meta">{meta_html(doc.meta.date, source)}</div>'
        )
        if span is None:
            st.warning(t("doc_moved"), icon=":material/error:")
        st.html(document_html(doc.text, span))
        st.html(SCROLL_SCRIPT, unsafe_allow_javascript=True)

    st.dialog(t("doc_dialog"), width="large")(body)()


def render_citation(c: Citation, docs: DocCache, key: str, related: bool = False) -> bool:
    """One citation card; True when its 'open the full text' button was pressed."""
    with st.container(border=True):
        badge = (
            '<span class="ntm-badge rel">↗</span>'
            if related
            else (f'<span class="ntm-badge">{c.n}</span>')
        )
        text = docs.text(c.source)
        meta = meta_html(c.date, c.source)
        st.html(
            f'<div class="{"ntm-related" if related else "ntm-cited"}">'
            f'<div class="ntm-cite-head">{badge}{esc(c.title)}</div>'
            f'<div class="ntm-meta">{meta}</div>{passage_html(text, c)}</div>'
        )
        if text is None:
            st.caption(t("doc_gone"))
            return False
        return st.button(t("open_doc"), key=key, icon=":material/menu_book:", type="tertiary")


def render_answer(bot, answer: Answer, index: int, docs: DocCache) -> None:
    if answer.resolved_question:
        st.caption(md_escape(t("resolved", q=answer.resolved_question)))
    for flag in ("llm_rejected", "llm_error"):
        if answer.timings_ms.get(flag):
            st.caption(t(flag))
    st.html(answer_html(answer.answer))
    opened = None
    if answer.citations:
        st.markdown(f"**{t('citations')}**")
        for c in answer.citations:
            if render_citation(c, docs, key=f"open-{index}-c{c.n}"):
                opened = c
    if answer.related:
        st.info(t("related_note"), icon=":material/travel_explore:")
        with st.expander(t("related"), expanded=True, icon=":material/link:"):
            for i, c in enumerate(answer.related):
                if render_citation(c, docs, key=f"open-{index}-r{i}", related=True):
                    opened = c
    markdown = answer_markdown(answer)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.download_button(
            t("download_md"),
            markdown,
            file_name=f"ntm-tra-loi-{index + 1}.md",
            mime="text/markdown",
            key=f"dl-{index}",
            icon=":material/download:",
            on_click="ignore",
        )
        with st.popover(t("copy_md"), icon=":material/content_copy:", key=f"copy-{index}"):
            st.caption(t("copy_help"))
            st.code(markdown, language="markdown", wrap_lines=True)
        total = answer.timings_ms.get("total_ms")
        if total is not None:
            st.caption(t("latency", time=format_ms(total)))
    if opened is not None:
        open_document(bot, opened.source, opened.quote, opened.start, opened.end)


def render_user(text: str) -> None:
    st.html(f'<div class="ntm-user">{esc(text)}</div>')


def chat_page(bot, settings: Settings) -> None:
    st.title(t("chat_title"))
    st.caption(t("chat_caption"))
    metas = call(bot.documents)
    if metas is None:
        return
    flt = sidebar_filters(metas)
    with st.sidebar:
        if st.button(t("clear_chat"), icon=":material/delete_sweep:", width="stretch"):
            st.session_state["messages"] = []
    messages: list[dict] = st.session_state.setdefault("messages", [])
    show_flash()
    if not metas:
        offer_bundled_ingest(bot, key="ingest-bundled-chat")
    if flt:
        st.caption(md_escape(t("filters_active", what=describe_filter(flt))))

    docs = DocCache(bot)
    for i, message in enumerate(messages):
        with st.chat_message(message["role"], avatar=AVATARS[message["role"]]):
            if message["role"] == "user":
                render_user(message["content"])
            elif message.get("answer") is not None:
                render_answer(bot, message["answer"], i, docs)
            else:
                st.error(md_escape(message.get("error", "")), icon=":material/error:")

    question = st.chat_input(
        t("chat_placeholder"), max_chars=settings.max_question_chars, disabled=not metas
    )
    if not messages and metas and not question and "pending_question" not in st.session_state:
        st.markdown(t("chat_empty"))
        with st.container(horizontal=True):
            for n, example in enumerate(EXAMPLE_QUESTIONS):
                if st.button(example, key=f"example-{n}", icon=":material/lightbulb:"):
                    st.session_state["pending_question"] = example
                    st.rerun()
    question = question or st.session_state.pop("pending_question", None)
    if not question:
        return
    history = [
        m["content"]
        for m, reply in zip(messages, messages[1:], strict=False)
        if m["role"] == "user" and reply.get("answer") is not None
    ]
    messages.append({"role": "user", "content": question})
    with st.chat_message("user", avatar=AVATARS["user"]):
        render_user(question)
    with st.chat_message("assistant", avatar=AVATARS["assistant"]):
        draft = st.empty()  # the language model's rewrite as it streams, when one is configured
        pieces: list[str] = []

        def show_draft(piece: str) -> None:
            pieces.append(piece)
            with draft.container():
                st.caption(t("llm_drafting"))
                st.markdown(md_escape("".join(pieces)))

        with st.status(t("thinking"), expanded=False) as status:
            answer, error = attempt(
                bot.ask,
                question,
                history=history,
                filters=flt or None,
                on_token=show_draft if bot.rewriter is not None else None,
            )
            if error:
                status.update(label=t("thinking_failed"), state="error")
            else:
                status.update(label=t("thinking_done"), state="complete")
        draft.empty()
        if error:
            messages.append({"role": "assistant", "error": error})
            st.error(md_escape(error), icon=":material/error:")
        else:
            messages.append({"role": "assistant", "answer": answer})
            render_answer(bot, answer, len(messages) - 1, docs)


# -- documents page ---------------------------------------------------------------------------
def ingest_uploads(bot, uploads: Sequence, settings: Settings, progress) -> None:
    """Write each accepted upload into a fresh temporary directory under its sanitised name,
    ingest them together and remember the outcome (rejected files listed with the reason)."""
    plan = plan_uploads(
        [(f.name, f.size) for f in uploads],
        settings.upload_max_files,
        int(settings.upload_max_mb * 1024 * 1024),
    )
    names: dict[str, str] = {}
    renamed = []
    with tempfile.TemporaryDirectory(prefix="ntm-upload-") as batch:
        paths = []
        for index, safe in plan.accepted:
            folder = Path(tempfile.mkdtemp(dir=batch))
            path = folder / safe
            path.write_bytes(uploads[index].getvalue())
            paths.append(path)
            names[str(path)] = safe
            if safe != uploads[index].name:
                renamed.append((uploads[index].name, safe))
        report = IngestReport()
        if paths:
            report = call(bot.ingest, paths, progress=progress)
            if report is None:
                return
        remember_ingest(report, names, early=plan.rejected)
        st.session_state["ingest_outcome"]["renamed"] = renamed


def documents_page(bot, settings: Settings) -> None:
    st.title(t("docs_title"))
    st.caption(t("docs_caption"))
    show_flash()
    metas = call(bot.documents)
    if metas is None:
        return
    c1, c2, c3 = st.columns(3)
    c1.metric(t("metric_docs"), len(metas), border=True)
    c2.metric(t("metric_chunks"), sum(m.chunk_count for m in metas), border=True)
    c3.metric(t("metric_places"), len({p for m in metas for p in m.provinces}), border=True)
    if not metas:
        offer_bundled_ingest(bot, key="ingest-bundled-docs")

    st.subheader(t("upload_header"), divider="green")
    round_ = st.session_state.setdefault("upload_round", 0)
    # No ``type=`` on purpose: a file of another type reaches plan_uploads and is listed with
    # the reason, in the user's language, instead of being refused by the widget in English.
    uploads = st.file_uploader(
        t("upload_label", types=", ".join(SUPPORTED_SUFFIXES)),
        accept_multiple_files=True,
        key=f"uploader-{round_}",
        max_upload_size=max(1, math.ceil(settings.upload_max_mb)),
    )
    st.caption(
        t("upload_limits", files=settings.upload_max_files, mb=f"{settings.upload_max_mb:g}")
    )
    if st.button(
        t("upload_button"), type="primary", icon=":material/upload_file:", disabled=not uploads
    ):
        bar = st.progress(0.0, text=t("ingest_starting"))
        ingest_uploads(bot, uploads, settings, progress_callback(bar, "ingest_progress"))
        st.session_state["upload_round"] = round_ + 1
        st.rerun()
    show_ingest_outcome()

    st.subheader(t("list_header"), divider="green")
    if metas:
        st.dataframe(
            documents_rows(metas),
            hide_index=True,
            width="stretch",
            column_config={
                t("col_title"): st.column_config.TextColumn(width="large"),
                t("col_chunks"): st.column_config.NumberColumn(format="%d", width="small"),
            },
        )
    else:
        st.caption(t("no_docs_table"))

    st.subheader(t("manage_header"), divider="green")
    left, right = st.columns(2, gap="large")
    with left:
        titles = {m.source: m.title for m in metas}
        chosen = st.multiselect(
            t("delete_pick"),
            [m.source for m in metas],
            format_func=lambda s: short(f"{titles.get(s, s)} ({s})", 80),
            key=f"delete-pick-{round_}",
            placeholder=t("pick_documents"),
        )
        sure = st.checkbox(t("delete_confirm"), key=f"delete-sure-{round_}")
        if st.button(t("delete_button"), icon=":material/delete:", disabled=not (chosen and sure)):
            gone = []
            for source in chosen:
                if call(bot.remove, source) is not None:
                    gone.append(source)
            if gone:
                flash("success", t("deleted", names=", ".join(gone)))
            st.session_state["upload_round"] = round_ + 1
            st.session_state.pop("ingest_outcome", None)
            st.rerun()
    with right:
        st.caption(t("reindex_help"))
        if st.button(t("reindex_button"), icon=":material/refresh:", disabled=not metas):
            bar = st.progress(0.0, text=t("ingest_starting"))
            done = call(bot.reindex, progress=progress_callback(bar, "reindex_progress"))
            if done is not None:
                st.success(
                    t("reindexed", n=done.chunks, embedded=done.embedded, reused=done.reused),
                    icon=":material/check_circle:",
                )


# -- evaluation page --------------------------------------------------------------------------
def bundled_question_sets() -> list[Path]:
    sets = sorted(EVAL_DIR.glob("*.jsonl"), key=lambda p: (p.name != DEFAULT_QUESTION_SET, p.name))
    return [p for p in sets if p.is_file()]


def pct(x: float) -> str:
    return f"{x:.1%}"


def show_report(name: str, report) -> None:
    s = report.summary()
    st.subheader(md_escape(t("eval_result_for", name=name)), divider="green")
    r1 = st.columns(4)
    r1[0].metric(
        t("m_accuracy"),
        pct(s["accuracy"]),
        f"{s['correct']}/{s['questions']} · "
        + t("m_accuracy_old", v=pct(s["accuracy_whole_text"])),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    r1[1].metric(t("m_hit1"), pct(s["retrieval"]["hit@1"]), border=True)
    r1[2].metric(t("m_hit5"), pct(s["retrieval"]["hit@5"]), border=True)
    r1[3].metric(t("m_mrr"), f"{s['retrieval']['mrr']:.3f}", border=True)
    r2 = st.columns(4)
    r2[0].metric(t("m_abst_p"), pct(s["abstention"]["precision"]), border=True)
    r2[1].metric(t("m_abst_r"), pct(s["abstention"]["recall"]), border=True)
    r2[2].metric(
        t("m_lat_med"),
        format_ms(s["latency_ms"]["median"]),
        f"p95 {format_ms(s['latency_ms']['p95'])}",
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    r2[3].metric(t("m_verbatim"), pct(s["citations_verbatim"]), border=True)

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"**{t('per_tag')}**")
        st.dataframe(
            [
                {
                    t("col_tag"): tag,
                    t("col_correct"): v["correct"],
                    t("col_total"): v["total"],
                    t("col_accuracy"): v["accuracy"],
                }
                for tag, v in s["per_tag"].items()
            ],
            hide_index=True,
            width="stretch",
            column_config={
                t("col_accuracy"): st.column_config.ProgressColumn(
                    format="percent", min_value=0.0, max_value=1.0
                )
            },
        )
    with right:
        st.markdown(f"**{t('latency_chart')}**")
        import pandas as pd

        latencies = pd.DataFrame(
            {
                "ms": [
                    r.answer.timings_ms.get("total_ms", 0.0) if r.answer else 0.0
                    for r in report.results
                ]
            },
            index=[r.question.id for r in report.results],
        )
        st.bar_chart(latencies, height=260, color="#2e7d32", x_label="", y_label="ms")

    st.markdown(f"**{t('reliability')}**")
    st.dataframe(
        [
            {
                t("col_min_conf"): row["min_confidence"],
                t("col_answers"): row["answers"],
                t("col_precision"): row["precision"],
            }
            for row in s["reliability"]
        ],
        hide_index=True,
        column_config={
            t("col_precision"): st.column_config.ProgressColumn(
                format="percent", min_value=0.0, max_value=1.0
            )
        },
    )
    failed = [r for r in report.results if not r.correct]
    st.markdown(f"**{t('failed_header', n=len(failed))}**")
    if not failed:
        st.success(t("no_failures"), icon=":material/celebration:")
    for r in failed:
        label = md_escape(f"{r.question.id} — {short(r.question.question, 80)} — {r.failure}")
        with st.expander(label, icon=":material/cancel:"):
            expected = r.question.answer if r.question.answerable else t("unanswerable")
            given = r.answer.answer if r.answer else (r.error or "")
            st.html(
                f"<p><b>{esc(t('question'))}:</b> {esc(r.question.question)}</p>"
                f"<p><b>{esc(t('failure'))}:</b> {esc(r.failure or r.error or '')}</p>"
                f"<p><b>{esc(t('expected'))}:</b></p><div class='ntm-fail'>{esc(expected)}</div>"
                f"<p><b>{esc(t('given'))}:</b></p><div class='ntm-fail'>{esc(given)}</div>"
            )
    with st.expander(t("all_results"), icon=":material/content_copy:"):
        st.dataframe(
            [
                {
                    t("col_id"): r.question.id,
                    t("col_ok"): r.correct,
                    t("question"): r.question.question,
                    t("given"): direct_answer(r.answer) if r.answer else (r.error or ""),
                    t("failure"): r.failure,
                    t("col_ms"): round(r.answer.timings_ms.get("total_ms", 0.0)) if r.answer else 0,
                }
                for r in report.results
            ],
            hide_index=True,
            width="stretch",
        )
    if report.problems:
        with st.expander(f"{t('malformed')} ({len(report.problems)})", icon=":material/error:"):
            st.text("\n".join(str(p) for p in report.problems))

    from assistant.evaluate import render_html, render_markdown

    stem = Path(name).stem
    with st.container(horizontal=True):
        st.download_button(
            t("dl_answers"),
            answers_jsonl(report),
            f"{stem}-answers.jsonl",
            mime="application/jsonl",
            icon=":material/download:",
            on_click="ignore",
            key="dl-answers",
        )
        st.download_button(
            t("dl_report"),
            render_html(report),
            f"{stem}-report.html",
            mime="text/html",
            icon=":material/download:",
            on_click="ignore",
            key="dl-report",
        )
        st.download_button(
            t("dl_report_md"),
            render_markdown(report),
            f"{stem}-report.md",
            mime="text/markdown",
            icon=":material/download:",
            on_click="ignore",
            key="dl-report-md",
        )


def evaluation_page(bot, settings: Settings) -> None:
    from assistant.evaluate import parse_questions, run_eval

    st.title(t("eval_title"))
    st.caption(t("eval_caption"))
    metas = call(bot.documents)
    if metas is None:
        return
    source = sticky_radio(
        t("qset_source"),
        ("bundled", "upload"),
        {"bundled": t("qset_bundled"), "upload": t("qset_upload")},
        "qset_source",
        horizontal=True,
    )
    raw, name = None, None
    if source == "bundled":
        sets = bundled_question_sets()
        if not sets:
            st.info(t("qset_none"))
        else:
            path = st.selectbox(
                t("qset_pick"), sets, format_func=lambda p: f"eval/{p.name}", key="qset_pick"
            )
            raw, error = attempt(path.read_bytes)
            name = f"eval/{path.name}"
            if error:
                st.error(md_escape(error), icon=":material/error:")
    else:
        up = st.file_uploader(
            t("qset_uploader"),
            key="qset_upload",
            max_upload_size=max(1, math.ceil(settings.upload_max_mb)),
        )
        if up is not None:
            name = safe_filename(up.name)
            if up.size > settings.upload_max_mb * 1024 * 1024:
                st.error(
                    md_escape(
                        t(
                            "qset_too_big",
                            name=name,
                            size=f"{up.size / 1048576:.1f}",
                            mb=f"{settings.upload_max_mb:g}",
                        )
                    ),
                    icon=":material/error:",
                )
            else:
                raw = up.getvalue()
    if raw is None:
        return
    parsed = call(parse_questions, raw, name)
    if parsed is None:
        return
    questions, problems = parsed
    st.caption(md_escape(t("qset_loaded", n=len(questions), name=name)))
    if problems:
        with st.expander(t("qset_problems", n=len(problems)), icon=":material/error:"):
            st.text("\n".join(str(p) for p in problems))
    if not metas:
        st.warning(t("eval_needs_docs"), icon=":material/inbox:")
    if st.button(
        t("eval_run"),
        type="primary",
        icon=":material/play_arrow:",
        disabled=not (metas and questions),
    ):
        bar = st.progress(0.0, text=t("eval_progress", done=0, total=len(questions), qid="…"))

        def tick(done: int, total: int, qid: str) -> None:
            bar.progress(
                done / total, text=md_escape(t("eval_progress", done=done, total=total, qid=qid))
            )

        report = call(run_eval, bot, questions, progress=tick)
        if report is not None:
            report.problems = problems
            st.session_state["eval"] = (name, report)
        bar.empty()
    if "eval" in st.session_state:
        show_report(*st.session_state["eval"])


# -- the app ----------------------------------------------------------------------------------
def sidebar(bot) -> str:
    with st.sidebar:
        st.markdown("## :material/eco: NTM Assistant")
        st.caption(t("tagline"))
        st.toggle(t("english"), key="lang_en")
        if "page" not in st.session_state:
            wanted = st.query_params.get("page")
            st.session_state["page"] = wanted if wanted in PAGES else PAGES[0]
        page = sticky_radio(
            t("nav"),
            PAGES,
            {p: t(f"page_{p}") for p in PAGES},
            "page",
            label_visibility="collapsed",
        )
        st.query_params["page"] = page
        metas, _ = attempt(bot.documents)
        if metas is not None:
            st.caption(t("index_stats", docs=len(metas), chunks=sum(m.chunk_count for m in metas)))
        st.caption(t("no_llm"))
    return page


def main() -> None:
    st.set_page_config(page_title="NTM Assistant", page_icon=":material/eco:", layout="wide")
    try:
        bot, settings = get_assistant()
    except AssistantError as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        st.stop()
    except Exception:  # noqa: BLE001
        log.exception("could not start the assistant")
        st.error(t("unexpected"), icon=":material/error:")
        st.stop()
    st.html(CSS + page_css(settings))
    page = sidebar(bot)
    {"chat": chat_page, "documents": documents_page, "evaluation": evaluation_page}[page](
        bot, settings
    )


if __name__ == "__main__":
    main()
