"""Who may change what in the app, driven by Streamlit's AppTest over a real Chroma and the
fake embedder: sign-in, roles, the handlers' own checks, the change log, the users page, the
mode without configuration, and OIDC roles (with ``AppTest.user`` standing in for a provider)."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

import ui.common
from assistant.audit import AuditLog
from assistant.core import Assistant
from assistant.users import SignInGuard, SignInLimits, UsersFile
from base.settings import Settings
from tests.conftest import QUESTIONS, FakeEmbedder

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 120
PASSWORD = "dong-lua-vang"
REPORT = (
    "Xã Quang Lang đạt chuẩn nông thôn mới nâng cao\n\n"
    "Ngày 20/10/2023, huyện Chi Lăng, tỉnh Lạng Sơn công nhận xã Quang Lang đạt chuẩn nông "
    "thôn mới nâng cao với 19/19 tiêu chí.\n"
).encode()


@pytest.fixture(autouse=True)
def fake_assistant(monkeypatch):
    """The app's shared assistant with the fake embedder: no model load, a real Chroma."""
    shared: dict = {}

    def assistant(key, settings):
        if key not in shared:
            ready = ui.common.Readiness()
            ready.done.set()
            shared[key] = (Assistant(settings, embedder=FakeEmbedder()), ready)
        return shared[key]

    monkeypatch.setattr(ui.common, "_shared_assistant", assistant)


@pytest.fixture
def users(settings) -> UsersFile:
    users = UsersFile(settings.users_file)
    users.add("quan", "admin", PASSWORD)
    users.add("lan", "editor", PASSWORD)
    users.add("hoa", "reader", PASSWORD)
    return users


def start(page: str = "documents") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["page"] = page
    return at.run()


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="login-name").input(name)
    at.text_input(key="login-password").input(password)
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown):
    """Escaped Markdown as read (the word joiner that keeps an e-mail from linking is
    invisible)."""
    if not isinstance(markdown, str):
        return markdown
    return markdown.replace("\\", "").replace("\u2060", "")


def successes(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.success]


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_the_users_file_asks_for_a_sign_in_and_refuses_a_wrong_password(users):
    at = start()
    assert at.title[0].value == "Đăng nhập"
    assert not at.file_uploader and "Tài liệu" not in [t.value for t in at.title]
    sign_in(at, "lan", PASSWORD + "?")
    assert [e.value for e in at.error] == ["Sai tên đăng nhập hoặc mật khẩu."]
    assert at.title[0].value == "Đăng nhập"


def test_a_reader_sees_no_upload_delete_reindex_or_change_log(users):
    at = sign_in(start(), "hoa")
    assert at.title[0].value == "Tài liệu"
    assert any("Đăng nhập: **hoa** (người đọc)" in c.value for c in at.sidebar.caption)
    assert not at.file_uploader
    for hidden in ("Nạp vào chỉ mục", "Xoá tài liệu", "Lập chỉ mục lại"):
        assert hidden not in labels(at)
    assert not at.multiselect and "Nhật ký thay đổi" not in [s.value for s in at.subheader]
    assert any("Bạn có quyền đọc" in i.value for i in at.info)
    radio = at.sidebar.radio(key="page-vi")
    assert ":material/group: Người dùng" not in radio.options  # admins only


def test_an_editor_uploads_and_the_change_log_shows_who_and_what(users, settings):
    at = sign_in(start(), "lan")
    assert at.file_uploader
    at.file_uploader[0].set_value([("quang-lang.txt", REPORT, "text/plain")]).run()
    [b for b in at.button if b.label == "Nạp vào chỉ mục"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert successes(at) == ["Đã thêm: quang-lang.txt"]
    (log,) = [d.value for d in at.table if "Người dùng" in d.value.columns]
    first = log.iloc[0].map(plain)  # the table renders Markdown: its cells are escaped
    assert (
        first["Người dùng"],
        first["Thao tác"],
        first["Tài liệu / người dùng"],
        first["Kết quả"],
    ) == (
        "lan",
        "nạp",
        "quang-lang.txt",
        "thêm mới",
    )
    assert first["sha256"] == hashlib.sha256(REPORT).hexdigest()[:12]
    assert settings.audit_file.exists()


def test_a_demoted_editor_loses_the_controls_at_the_next_click(users):
    at = sign_in(start(), "lan")
    assert at.file_uploader
    users.set_role("lan", "reader")  # an admin changes the role meanwhile
    at.run()
    assert not at.file_uploader and "Xoá tài liệu" not in labels(at)


def test_the_handlers_check_the_role_themselves(settings):
    """Even when a change is triggered without its (hidden) button, a reader is refused."""

    def script():
        import streamlit as st

        from ui.auth import _IDENTITY, Identity
        from ui.common import get_assistant
        from ui.documents import ingest_uploads

        class Upload:
            name, size = "quang-lang.txt", 200

            def getvalue(self):
                return b"Xa Quang Lang dat chuan nong thon moi nam 2023."

        bot, settings = get_assistant()
        st.session_state[_IDENTITY] = Identity("hoa", "reader", "local")
        ingest_uploads(bot, [Upload()], settings, None)
        st.metric("docs", len(bot.documents()))

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert [e.value for e in at.error] == ["Vai trò người đọc không được phép làm việc này."]
    assert at.metric[0].value == "0"
    assert not settings.audit_file.exists()


def test_an_admin_manages_users_from_the_users_page(users, settings):
    at = sign_in(start(page="users"), "quan")
    assert at.title[0].value == "Người dùng"
    table = at.dataframe[0].value
    assert dict(zip(table["Tên"], table["Vai trò"], strict=True)) == {
        "quan": "quản trị viên",
        "lan": "biên tập viên",
        "hoa": "người đọc",
    }
    at.text_input(key="new-user-name").input("minh")
    at.selectbox(key="new-user-role").set_value("editor")
    at.text_input(key="new-user-pw").input("mat-khau-minh")
    [b for b in at.button if b.label == "Thêm"][0].click().run()
    assert successes(at) == ["Đã thêm minh (biên tập viên)."]
    assert users.verify("minh", "mat-khau-minh").role == "editor"

    at.selectbox(key="pick-user-1").set_value("hoa")
    at.selectbox(key="role-1").set_value("editor")
    [b for b in at.button if b.label == "Đổi vai trò"][0].click().run()
    assert users.get("hoa").role == "editor"
    assert "quan" not in at.selectbox(key="pick-user-2").options  # never yourself
    at.selectbox(key="pick-user-2").set_value("lan")
    at.checkbox(key="remove-sure-2").check().run()
    [b for b in at.button if b.label == "Xoá người dùng"][0].click().run()
    assert users.get("lan") is None and successes(at) == ["Đã xoá lan."]
    # each change is in the audit log under the admin who made it
    logged = AuditLog(settings.audit_file).entries(limit=None)[::-1]
    assert [(e["user"], e["action"], e["source"], e["result"]) for e in logged] == [
        ("quan", "user_add", "minh", "editor (password)"),
        ("quan", "user_role", "hoa", "reader → editor"),
        ("quan", "user_remove", "lan", "removed (editor)"),
    ]


def test_sign_out_returns_to_the_sign_in_form(users):
    at = sign_in(start(), "lan")
    at.sidebar.button(key="logout").click().run()
    assert at.title[0].value == "Đăng nhập"


def test_without_configuration_on_this_machine_everyone_may_edit():
    at = start()
    assert any("Chế độ một người dùng" in c.value for c in at.sidebar.caption)
    assert at.file_uploader and "Lập chỉ mục lại" in labels(at)


def test_without_configuration_on_another_address_the_app_is_read_only():
    config.set_option("server.address", "0.0.0.0")  # the conftest puts it back
    at = start()
    assert not at.file_uploader and "Lập chỉ mục lại" not in labels(at)
    warning = " ".join(plain(w.value) for w in at.sidebar.warning)
    assert "0.0.0.0" in warning and "ntm users add" in warning and "[auth]" in warning


@pytest.mark.parametrize(("email", "editor"), [("lan@xa.vn", True), ("khach@xa.vn", False)])
def test_oidc_roles_come_from_the_users_file_by_email(settings, email, editor):
    UsersFile(settings.users_file).add("lan@xa.vn", "editor")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["page"] = "documents"
    at.secrets = {"auth": {"redirect_uri": "http://127.0.0.1:8501/oauth2callback"}}
    at.user = {"is_logged_in": True, "email": email}
    at.run()
    assert not at.exception
    assert bool(at.file_uploader) is editor
    role = "biên tập viên" if editor else "người đọc"
    assert any(f"**{email}** ({role})" in plain(c.value) for c in at.sidebar.caption)


def test_oidc_without_a_signed_in_user_shows_only_the_sign_in_button():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.secrets = {"auth": {"redirect_uri": "http://127.0.0.1:8501/oauth2callback"}}
    at.user = {"is_logged_in": False}
    at.run()
    assert at.title[0].value == "Đăng nhập" and labels(at) == ["Đăng nhập"]


class Clock:
    """The sign-in guard's clock, moved by the test: no test sleeps."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def until_shown(at: AppTest) -> tuple[float, bool] | None:
    """The time the page says to come back at, and whether it says locked."""
    for alert in [*at.error, *at.warning]:
        found = re.search(r"(\d\d:\d\d:\d\d \d\d/\d\d/\d{4}) UTC", alert.value)
        if found:
            when = datetime.strptime(found.group(1), "%H:%M:%S %d/%m/%Y").replace(tzinfo=UTC)
            return when.timestamp(), "tạm khoá" in alert.value
    return None


def test_thirty_wrong_passwords_lock_the_name_out_until_the_time_shown(
    users, settings, monkeypatch
):
    clock = Clock()
    guard = SignInGuard(SignInLimits.from_settings(settings), clock)
    monkeypatch.setattr(ui.auth, "sign_in_guard", lambda _settings: guard)
    at = start()
    for attempt in range(30):  # someone guessing, back exactly when the page says
        sign_in(at, "lan", f"doan-mo-{attempt}")
        shown = until_shown(at)
        if shown and not shown[1]:
            clock.now = shown[0]
    until, locked = until_shown(at)
    assert locked and until == clock.now + settings.signin_lock_minutes * 60
    sign_in(at, "lan", PASSWORD)  # the right password, while locked
    assert at.title[0].value == "Đăng nhập"
    assert any("bị tạm khoá" in e.value and "(Sign-in locked" in e.value for e in at.error)
    logged = [
        e for e in AuditLog(settings.audit_file).entries(limit=None) if e["action"] == "sign_in"
    ]
    assert len(logged) == 31 and all(e["user"] == "lan" and e["client"] for e in logged)
    failed = [e for e in logged if e["result"].startswith("failed")]
    assert len(failed) == settings.signin_lock_failures  # refused tries are not even checked
    assert any("locked until" in e["result"] for e in failed)

    clock.now = until  # the lockout is over
    sign_in(at, "lan", PASSWORD)
    assert at.title[0].value == "Tài liệu"


def test_a_visitor_of_an_exposed_app_cannot_start_a_long_evaluation(tmp_path, monkeypatch):
    monkeypatch.setenv("NTM_ANONYMOUS_EVAL_QUESTIONS", "5")
    settings = Settings.from_env()
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "quang-lang.txt").write_bytes(REPORT)
    Assistant(settings, embedder=FakeEmbedder()).ingest([folder])
    config.set_option("server.address", "0.0.0.0")  # the conftest puts it back
    at = start(page="evaluation")  # the bundled set: more questions than a visitor may run
    bundled = sum(1 for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line)
    assert bundled > settings.anonymous_eval_questions
    (warning,) = [plain(w.value) for w in at.warning if "NTM_ANONYMOUS" in w.value]
    assert f"tối đa 5 câu (bộ này có {bundled} câu" in warning
    assert [b for b in at.button if b.label == "Chạy đánh giá"][0].disabled
    assert not at.metric  # no evaluation ran

    small = "\n".join(QUESTIONS.read_text(encoding="utf-8").splitlines()[:2]) + "\n"
    at.radio(key="qset_source-vi").set_value("upload").run()
    at.file_uploader(key="qset_upload").set_value(
        ("nho.jsonl", small.encode(), "application/jsonl")
    ).run()
    assert not [w for w in at.warning if "NTM_ANONYMOUS" in w.value]  # a small set: runs
    [b for b in at.button if b.label == "Chạy đánh giá"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(m.label.startswith("Độ chính xác") for m in at.metric)
