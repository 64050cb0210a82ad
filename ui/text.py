"""Every word the app shows, Vietnamese first then English, and the current language.

Usage::

    t("chat_title")   # "Hỏi đáp về Nông thôn mới" (English: "Ask about New Rural Development")
    t("index_stats", docs=5, chunks=45)
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.brief_export import WORDS as BRIEF_WORDS

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
    "page_brief": (":material/summarize: Soạn báo cáo", ":material/summarize: Brief"),
    "page_users": (":material/group: Người dùng", ":material/group: Users"),
    # signing in, roles, users
    "role_reader": ("người đọc", "reader"),
    "role_editor": ("biên tập viên", "editor"),
    "role_admin": ("quản trị viên", "admin"),
    "login_title": ("Đăng nhập", "Sign in"),
    "login_caption": (
        "Ứng dụng này dùng chung: đăng nhập bằng tài khoản quản trị viên đã cấp cho bạn.",
        "This app is shared: sign in with the account your administrator gave you.",
    ),
    "login_name": ("Tên đăng nhập", "User name"),
    "login_password": ("Mật khẩu", "Password"),
    "login_button": ("Đăng nhập", "Sign in"),
    "login_failed": (
        "Sai tên đăng nhập hoặc mật khẩu.",
        "Wrong user name or password.",
    ),
    # the sign-in page has no language switch: both languages in one message
    "login_wait": (
        "Đăng nhập sai nhiều lần liên tiếp: hãy thử lại sau {until}. "
        "(Too many failed sign-ins: try again after {until}.)",
        "Too many failed sign-ins: try again after {until}.",
    ),
    "login_locked": (
        "Tên đăng nhập này hoặc máy này bị tạm khoá vì đăng nhập sai quá nhiều lần, đến {until}. "
        "(Sign-in locked after too many failures, until {until}.)",
        "Sign-in locked after too many failures, until {until}.",
    ),
    "login_oidc_caption": (
        "Đăng nhập bằng tài khoản của cơ quan (nhà cung cấp định danh).",
        "Sign in with your organisation's account (identity provider).",
    ),
    "signed_in": ("Đăng nhập: **{name}** ({role})", "Signed in: **{name}** ({role})"),
    "logout": ("Đăng xuất", "Sign out"),
    "single_user": (
        "Chế độ một người dùng: không có đăng nhập, chỉ mở trên máy này (127.0.0.1).",
        "Single-user mode: no sign-in, open on this machine only (127.0.0.1).",
    ),
    "exposed_read_only": (
        "Ứng dụng đang mở trên địa chỉ {address} mà chưa cấu hình người dùng, nên chỉ được đọc "
        "(không tải lên, xoá hay lập chỉ mục lại). Tạo người dùng bằng `ntm users add TÊN "
        "--role admin` (tệp `NTM_USERS_FILE`), hoặc cấu hình đăng nhập OIDC (`[auth]` trong "
        "`.streamlit/secrets.toml`), rồi tải lại trang.",
        "The app is open on address {address} with no users configured, so it is read-only "
        "(no upload, delete or re-index). Create users with `ntm users add NAME --role admin` "
        "(file `NTM_USERS_FILE`), or configure OIDC sign-in (`[auth]` in "
        "`.streamlit/secrets.toml`), then reload the page.",
    ),
    "denied": (
        "Vai trò {role} không được phép làm việc này.",
        "The {role} role may not do this.",
    ),
    "reader_note": (
        "Bạn có quyền đọc (vai trò {role}): tải lên, xoá và lập chỉ mục lại dành cho biên tập "
        "viên và quản trị viên.",
        "You may read (role {role}): upload, delete and re-index are for editors and admins.",
    ),
    "audit_header": ("Nhật ký thay đổi", "Change log"),
    "audit_caption": (
        "Mọi lần nạp (từng tài liệu, cả tệp bị từ chối), nhập, xoá, lập chỉ mục lại, thay đổi "
        "người dùng và đăng nhập sai, từ ứng dụng và dòng lệnh, mới nhất trước (`{path}`).",
        "Every ingest (each document, rejected files too), import, delete, re-index, user change "
        "and failed sign-in, from the app and the command line, newest first (`{path}`).",
    ),
    "audit_empty": ("Chưa có thay đổi nào.", "No changes yet."),
    "col_time": ("Thời gian (UTC)", "Time (UTC)"),
    "col_user": ("Người dùng", "User"),
    "col_action": ("Thao tác", "Action"),
    "col_sha256": ("sha256", "sha256"),
    "col_result": ("Kết quả", "Result"),
    "action_ingest": ("nạp", "ingest"),
    "action_delete": ("xoá", "delete"),
    "action_reindex": ("lập chỉ mục lại", "re-index"),
    "action_import": ("nhập", "import"),
    "action_user_add": ("thêm người dùng", "add user"),
    "action_user_role": ("đổi vai trò", "change role"),
    "action_user_remove": ("xoá người dùng", "remove user"),
    "action_user_password": ("đổi mật khẩu", "change password"),
    "action_sign_in": ("đăng nhập", "sign-in"),
    "col_subject": ("Tài liệu / người dùng", "Document / user"),
    "col_client": ("Từ máy", "From"),
    "result_added": ("thêm mới", "added"),
    "result_updated": ("cập nhật", "updated"),
    "result_deleted": ("đã xoá", "deleted"),
    "result_rejected": ("bị từ chối", "rejected"),
    "result_error": ("lỗi", "error"),
    "result_imported": ("đã nhập", "imported"),
    "users_title": ("Người dùng", "Users"),
    "users_caption": (
        "Người đọc hỏi đáp, soạn báo cáo và chạy đánh giá; biên tập viên thêm tải lên, xoá và "
        "lập chỉ mục lại tài liệu; quản trị viên thêm quản lý người dùng. Tệp: `{path}`.",
        "Readers ask, write briefs and run evaluations; editors also upload, delete and "
        "re-index documents; admins also manage users. File: `{path}`.",
    ),
    "col_name": ("Tên", "Name"),
    "col_role": ("Vai trò", "Role"),
    "col_signin": ("Đăng nhập bằng", "Signs in with"),
    "signin_password": ("mật khẩu", "password"),
    "signin_oidc": ("OIDC (e-mail)", "OIDC (e-mail)"),
    "users_add_header": ("Thêm người dùng", "Add a user"),
    "users_name_help": (
        "Tên đăng nhập, hoặc e-mail với đăng nhập OIDC (khi đó để trống mật khẩu).",
        "A user name, or an e-mail with OIDC sign-in (then leave the password empty).",
    ),
    "users_add_button": ("Thêm", "Add"),
    "users_added": ("Đã thêm {name} ({role}).", "Added {name} ({role})."),
    "users_change_header": ("Đổi vai trò hoặc xoá", "Change a role or remove"),
    "users_pick": ("Người dùng", "User"),
    "users_new_role": ("Vai trò mới", "New role"),
    "users_role_button": ("Đổi vai trò", "Change role"),
    "users_role_changed": ("{name} giờ là {role}.", "{name} is now {role}."),
    "users_remove_confirm": (
        "Tôi chắc chắn muốn xoá người dùng này",
        "I am sure: remove this user",
    ),
    "users_remove_button": ("Xoá người dùng", "Remove user"),
    "users_removed": ("Đã xoá {name}.", "Removed {name}."),
    "users_not_self": (
        "Không thể tự xoá hay tự hạ quyền của chính mình.",
        "You cannot remove or demote yourself.",
    ),
    "users_password_needed": (
        "Cần mật khẩu, trừ khi đăng nhập bằng OIDC (tên là e-mail).",
        "A password is needed unless the user signs in with OIDC (the name is an e-mail).",
    ),
    "index_stats": (
        "{docs} tài liệu · {chunks} đoạn trong chỉ mục",
        "{docs} documents · {chunks} passages indexed",
    ),
    "starting": (
        "Đang chuẩn bị trợ lý (chỉ lần đầu sau khi khởi động)…",
        "Getting the assistant ready (only once after start)…",
    ),
    "starting_model": ("Đang nạp mô hình nhúng…", "Loading the embedding model…"),
    "starting_index": ("Đang đọc chỉ mục…", "Reading the index…"),
    "start_failed": ("Không khởi động được trợ lý", "The assistant could not start"),
    "with_llm": (
        "Câu trả lời được một mô hình ngôn ngữ viết lại, số liệu được kiểm tra với trích dẫn.",
        "Answers are rewritten by a language model; their figures are checked against the quotes.",
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
    "stage_search": (
        "Đang tìm trong tài liệu…",
        "Searching the documents…",
    ),
    "stage_read": ("Đang đọc các đoạn liên quan…", "Reading the relevant passages…"),
    "stage_compose": ("Đang soạn câu trả lời…", "Composing the answer…"),
    "stage_rewrite": (
        "Mô hình ngôn ngữ đang viết lại câu trả lời…",
        "The language model is rewriting the answer…",
    ),
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
    "resolved": ("Câu hỏi được hiểu là: “{q}”", "Understood as: “{q}”"),
    "citations": ("Nguồn trích dẫn", "Citations"),
    "related": (
        "Đoạn văn gần nhất ({n}) — không phải câu trả lời, chỉ để tham khảo",
        "Closest passages ({n}) — not an answer, for reference only",
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
    "upload_warnings": (
        "{n} cảnh báo — các tệp này vẫn được nạp, trừ những trang hoặc phần nêu dưới đây:",
        "{n} warning(s) — these files were added, except the pages or parts named below:",
    ),
    "col_file": ("Tệp", "File"),
    "col_reason": ("Lý do", "Reason"),
    "col_problem": ("Vấn đề", "Problem"),
    "list_header": ("Danh sách tài liệu", "Document list"),
    "col_title": ("Tiêu đề", "Title"),
    "col_date": ("Ngày", "Date"),
    "col_provinces": ("Tỉnh", "Provinces"),
    "col_districts": ("Huyện", "Districts"),
    "col_chunks": ("Số đoạn", "Passages"),
    "col_source": ("Tệp nguồn", "Source file"),
    "manage_header": ("Quản lý", "Manage"),
    "delete_pick": ("Chọn tài liệu cần xoá", "Documents to delete"),
    "delete_filtered": (
        "{n}/{total} tài liệu khớp “{q}” (ô Tìm tài liệu ở trên)",
        "{n} of {total} documents match “{q}” (the Find box above)",
    ),
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
    "find_document": ("Tìm tài liệu", "Find a document"),
    "find_document_hint": (
        "một phần tiêu đề hoặc tên tệp, có dấu hay không dấu",
        "part of a title or file name",
    ),
    "no_document_found": ("Không có tài liệu nào khớp “{q}”.", "No document matches “{q}”."),
    # brief page
    "brief_title": ("Soạn báo cáo số liệu", "Conference brief"),
    "brief_caption": (
        "Số liệu chính, kết quả nổi bật, tồn tại hạn chế, nhiệm vụ giải pháp, diễn biến, chỗ các "
        "nguồn khác nhau, mục tiêu và kết quả của một địa bàn trong một thời kỳ; mỗi ý có trích "
        "dẫn nguyên văn. Tải về dạng Word hoặc Markdown.",
        "Headline figures, main results, shortcomings, tasks, timelines, conflicts between "
        "sources, targets against results for a place and period; every point quoted verbatim. "
        "Download as Word or Markdown.",
    ),
    "brief_place": ("Địa bàn (tỉnh, huyện, xã)", "Place (province, district, commune)"),
    "brief_all_places": ("Mọi địa bàn", "Every place"),
    "brief_from": ("Từ năm", "From year"),
    "brief_to": ("Đến năm", "To year"),
    "brief_from_empty": ("trống: từ đầu", "empty: from the start"),
    "brief_to_empty": ("trống: đến nay", "empty: up to now"),
    "brief_period_hint": (
        "Để trống năm nào thì không giới hạn phía đó; để trống cả hai: báo cáo mọi thời điểm.",
        "An empty year sets no limit on that side; both empty: a brief of all time.",
    ),
    "brief_indicators": ("Chỉ tiêu", "Indicators"),
    "brief_make": ("Soạn báo cáo", "Make the brief"),
    "brief_download_docx": ("Tải về Word (.docx)", "Download Word (.docx)"),
    "brief_download_md": ("Tải về Markdown (.md)", "Download Markdown (.md)"),
    "brief_col_counted": ("Loại, cách đếm", "Kind, counted"),
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
    "upload_replace": (
        "Thay tài liệu cùng tên đã có",
        "Replace documents of the same name",
    ),
    "upload_replace_help": (
        "Không chọn: tệp trùng tên với một tài liệu nạp từ thư mục khác bị từ chối, kèm lý do. "
        "Tải lên lại chính tài liệu đã tải lên luôn là cập nhật.",
        "Unticked: a file named like a document indexed from a folder is refused, with the "
        "reason. Uploading a document uploaded before always updates it.",
    ),
    "qset_problems": ("{n} dòng lỗi sẽ bị bỏ qua", "{n} malformed line(s) will be skipped"),
    "eval_unscored": (
        "{n} câu không chấm được (mẫu must_include chạy quá thời gian cho phép), tính là sai:",
        "{n} question(s) could not be scored (a must_include pattern ran past its time budget), "
        "counted as wrong:",
    ),
    "qset_limits": (
        "Giới hạn: tối đa {questions} câu mỗi bộ, {patterns} mẫu must_include mỗi câu, mỗi mẫu "
        "{chars} ký tự và chạy tối đa {seconds} s; mẫu lồng lượng từ như (\\d+,)* bị từ chối.",
        "Limits: at most {questions} questions per set, {patterns} must_include patterns per "
        "question, {chars} characters and {seconds} s per pattern; nested quantifiers such as "
        "(\\d+,)* are refused.",
    ),
    "qset_too_big": (
        "Tệp {name} quá lớn ({size} MB, tối đa {mb} MB — NTM_UPLOAD_MAX_MB).",
        "{name} is too large ({size} MB, at most {mb} MB — NTM_UPLOAD_MAX_MB).",
    ),
    "eval_run": ("Chạy đánh giá", "Run the evaluation"),
    "eval_anonymous_limit": (
        "Ứng dụng đang mở cho mọi người mà không đăng nhập: khách chỉ chạy được bộ tối đa "
        "{most} câu (bộ này có {n} câu; cài đặt NTM_ANONYMOUS_EVAL_QUESTIONS). Chạy bộ lớn bằng "
        "`ntm eval` trên máy chủ, hoặc nhờ quản trị viên tạo tài khoản.",
        "The app is open to everyone without sign-in: visitors may run sets of at most {most} "
        "questions (this one has {n}; setting NTM_ANONYMOUS_EVAL_QUESTIONS). Run larger sets "
        "with `ntm eval` on the server, or ask an administrator for an account.",
    ),
    "eval_progress": (
        "Đang đánh giá: {done}/{total} câu ({qid})",
        "Evaluating: {done}/{total} questions ({qid})",
    ),
    "eval_needs_docs": (
        "Hãy nạp tài liệu trước khi đánh giá.",
        "Ingest documents before evaluating.",
    ),
    "eval_result_for": ("Kết quả cho {name}", "Results for {name}"),
    "m_accuracy": ("Độ chính xác", "Accuracy"),
    "m_accuracy_help": (
        "Tỷ lệ câu trả lời đúng: giá trị mong đợi nằm trong câu trả lời trực tiếp (dòng đầu), "
        "có trích dẫn đúng tài liệu; câu không có đáp án phải được từ chối.",
        "Share of right answers: the expected value is in the direct answer (its first line), "
        "citing the right document; a question with no answer must be refused.",
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
    "m_hit1_help": (
        "Tỷ lệ câu hỏi mà đoạn văn tìm được đầu tiên thuộc đúng tài liệu nguồn.",
        "Share of questions whose first passage found is from the right source document.",
    ),
    "m_hit5": ("Truy hồi hit@5", "Retrieval hit@5"),
    "m_hit5_help": (
        "Tỷ lệ câu hỏi có đúng tài liệu nguồn trong 5 đoạn văn tìm được đầu tiên.",
        "Share of questions with the right source document among the first 5 passages found.",
    ),
    "m_mrr": ("MRR", "MRR"),
    "m_mrr_help": (
        "Thứ hạng đảo trung bình: 1 khi đúng tài liệu luôn đứng đầu, 0,5 khi đứng thứ hai…",
        "Mean reciprocal rank: 1 when the right document always comes first, 0.5 when second…",
    ),
    "m_abst_p": ("Từ chối đúng chỗ", "Refusals justified"),
    "m_abst_p_help": (
        "Trong các câu trợ lý từ chối trả lời, tỷ lệ câu thật sự không có trong tài liệu.",
        "Among the questions the assistant refused, the share the documents truly do not answer.",
    ),
    "m_abst_r": ("Từ chối đủ", "Refusals made"),
    "m_abst_r_help": (
        "Trong các câu không có trong tài liệu, tỷ lệ câu trợ lý đã từ chối trả lời.",
        "Among the questions the documents do not answer, the share the assistant refused.",
    ),
    "m_lat_med": ("Độ trễ trung vị", "Median latency"),
    "m_lat_help": (
        "Thời gian trả lời của câu ở giữa; p95: 95% số câu nhanh hơn mức này.",
        "Answer time of the middle question; p95: 95% of questions are faster than this.",
    ),
    "m_verbatim": ("Trích dẫn nguyên văn", "Verbatim citations"),
    "m_verbatim_help": (
        "Tỷ lệ trích dẫn có đoạn trích đúng từng chữ trong tài liệu gốc.",
        "Share of citations whose quote is word for word in the source document.",
    ),
    "m_glossary_text": (
        "**Độ chính xác**: giá trị mong đợi nằm trong câu trả lời trực tiếp (dòng đầu) và có "
        "trích dẫn đúng tài liệu. **Truy hồi hit@1 / hit@5**: tỷ lệ câu hỏi có đúng tài liệu "
        "nguồn ở đoạn văn tìm được đầu tiên / trong 5 đoạn đầu. **MRR** (thứ hạng đảo trung "
        "bình): 1 khi đúng tài liệu luôn đứng đầu, 0,5 khi đứng thứ hai. **Từ chối đúng chỗ**: "
        "trong các câu bị từ chối, tỷ lệ câu thật sự không có trong tài liệu; **từ chối đủ**: "
        "trong các câu không có trong tài liệu, tỷ lệ câu đã bị từ chối.",
        "**Accuracy**: the expected value is in the direct answer (its first line), citing the "
        "right document. **Retrieval hit@1 / hit@5**: share of questions with the right source "
        "document as the first passage found / among the first 5. **MRR** (mean reciprocal "
        "rank): 1 when the right document always comes first, 0.5 when second. **Refusals "
        "justified**: among refused questions, the share the documents truly do not answer; "
        "**refusals made**: among the questions the documents do not answer, the share refused.",
    ),
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
# the brief's headings, column names and messages are the words of its Word and Markdown files
TEXT.update({f"brief_{key}": words for key, words in BRIEF_WORDS.items()})


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
