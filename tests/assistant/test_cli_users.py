"""`ntm users …` and the audit lines of the CLI's changes, in process."""

from __future__ import annotations

import io
import json

import pytest

from assistant.audit import cli_actor
from assistant.cli import main
from assistant.core import Assistant
from assistant.users import UsersFile
from tests.conftest import FakeEmbedder

PASSWORD = "ruong-bac-thang"


@pytest.fixture
def run(capsys, monkeypatch):
    embedder = FakeEmbedder()

    def invoke(*argv, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv), assistant_factory=lambda s: Assistant(s, embedder=embedder))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def users_file(settings) -> UsersFile:
    return UsersFile(settings.users_file)


def test_add_list_set_role_and_remove(run, settings):
    code, out, _ = run(
        "users", "add", "lan", "--role", "editor", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert code == 0 and "Đã thêm lan (editor)" in out
    assert users_file(settings).verify("lan", PASSWORD).role == "editor"
    assert PASSWORD not in settings.users_file.read_text(encoding="utf-8")
    code, out, _ = run("users", "add", "an@xa.vn", "--role", "admin", "--no-password")
    assert code == 0
    code, out, _ = run("users", "list")
    assert out.splitlines() == [
        "lan\teditor (biên tập viên)\tmật khẩu",
        "an@xa.vn\tadmin (quản trị viên)\tOIDC",
    ]
    code, out, _ = run("users", "set-role", "lan", "reader")
    assert code == 0 and "lan giờ là reader" in out
    assert users_file(settings).get("lan").role == "reader"
    code, out, _ = run("users", "remove", "lan")
    assert code == 0 and [u.name for u in users_file(settings).load()] == ["an@xa.vn"]


def test_the_password_is_asked_twice_when_not_on_stdin(run, settings, monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run("users", "add", "lan", "--role", "editor")
    assert code == 2 and "không khớp" in err and not settings.users_file.exists()
    answers = iter([PASSWORD, PASSWORD])
    code, _, _ = run("users", "add", "lan", "--role", "editor")
    assert code == 0 and users_file(settings).verify("lan", PASSWORD) is not None


def test_errors_are_vietnamese_first_and_name_the_problem(run, settings):
    code, _, err = run("users", "list")
    assert code == 1 and "Chưa có tệp người dùng" in err and str(settings.users_file) in err
    code, _, err = run("users", "add", "lan", "--role", "boss", "--no-password")
    assert code == 2 and err.startswith("ntm: Vai trò 'boss' không có") and "(Unknown role" in err
    run("users", "add", "lan", "--role", "admin", "--no-password")
    code, _, err = run("users", "add", "Lan", "--role", "editor", "--no-password")
    assert code == 2 and "'Lan' đã có" in err
    code, _, err = run("users", "set-role", "hoa", "editor")
    assert code == 2 and "Không có người dùng 'hoa'" in err
    settings.users_file.write_text('[[user]]\nname = "lan"\nrole = "admin"\n\n[[user]\n')
    code, _, err = run("users", "list")
    assert code == 1 and "hỏng ở dòng 5" in err


def test_cli_changes_are_written_to_the_audit_log_as_cli_user(run, settings, docs_copy):
    run("ingest", str(docs_copy))
    source = sorted(p.name for p in docs_copy.iterdir())[0]
    run("remove", source)
    run("reindex")
    entries = [json.loads(x) for x in settings.audit_file.read_text().splitlines()]
    assert {e["user"] for e in entries} == {cli_actor()}
    assert cli_actor().startswith("cli:")
    assert [e["action"] for e in entries] == ["ingest"] * 5 + ["delete", "reindex"]
    assert entries[5]["source"] == source and len(entries[5]["sha256"]) == 64


def test_user_changes_from_the_cli_are_in_the_audit_log(run, settings):
    run("users", "add", "lan", "--role", "editor", "--password-stdin", stdin=PASSWORD + "\n")
    run("users", "set-role", "lan", "admin")
    run("users", "set-password", "lan", "--password-stdin", stdin=PASSWORD + "!\n")
    logged = [json.loads(line) for line in settings.audit_file.read_text("utf-8").splitlines()]
    assert [(e["user"], e["action"], e["source"], e["result"]) for e in logged] == [
        (cli_actor(), "user_add", "lan", "editor (password)"),
        (cli_actor(), "user_role", "lan", "editor → admin"),
        (cli_actor(), "user_password", "lan", "password changed"),
    ]
