"""The users file: salted scrypt hashes, verification, roles, and bad files named by line."""

from __future__ import annotations

import pytest

from assistant.users import EDIT, MANAGE_USERS, UsersFile, allows, parse_users
from base.errors import UserError, UsersFileError

PASSWORD = "lúa-xanh-2024"


@pytest.fixture
def users(tmp_path) -> UsersFile:
    return UsersFile(tmp_path / "home" / "users.toml")


def test_roles_grant_what_the_issue_says():
    assert not allows("reader", EDIT) and not allows("reader", MANAGE_USERS)
    assert allows("editor", EDIT) and not allows("editor", MANAGE_USERS)
    assert allows("admin", EDIT) and allows("admin", MANAGE_USERS)
    assert not allows("boss", EDIT)


def test_passwords_are_stored_salted_and_hashed_never_in_plain(users):
    users.add("lan", "editor", PASSWORD)
    users.add("hoa", "reader", PASSWORD)  # same password, different salt
    text = users.path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    stored = {u.name: u.password for u in users.load()}
    assert stored["lan"].startswith("scrypt$") and stored["lan"] != stored["hoa"]
    assert (users.path.stat().st_mode & 0o777) == 0o600  # only its owner reads it


def test_verify_accepts_the_right_password_only(users):
    users.add("lan", "editor", PASSWORD)
    assert users.verify("lan", PASSWORD).role == "editor"
    assert users.verify("LAN", PASSWORD).name == "lan"  # names are case-insensitive
    assert users.verify("lan", PASSWORD + "x") is None
    assert users.verify("lan", "") is None
    assert users.verify("nobody", PASSWORD) is None


def test_an_oidc_entry_has_a_role_but_cannot_sign_in_with_a_password(users):
    users.add("an@xa.vn", "admin")
    assert users.get("An@Xa.vn").role == "admin"
    assert users.verify("an@xa.vn", "") is None


def test_add_remove_and_set_role_with_clear_errors(users):
    users.add("lan", "admin", PASSWORD)
    users.add("hoa", "reader", PASSWORD)
    with pytest.raises(UserError, match="'Hoa' đã có"):
        users.add("Hoa", "editor", PASSWORD)
    with pytest.raises(UserError, match="Vai trò 'boss' không có"):
        users.add("minh", "boss", PASSWORD)
    with pytest.raises(UserError, match="ít nhất 8 ký tự"):
        users.add("minh", "reader", "ngan")
    with pytest.raises(UserError, match="không hợp lệ"):
        users.add("hai tu", "reader", PASSWORD)
    assert users.set_role("hoa", "editor").role == "editor"
    with pytest.raises(UserError, match="quản trị viên cuối cùng"):
        users.set_role("lan", "reader")
    with pytest.raises(UserError, match="quản trị viên cuối cùng"):
        users.remove("lan")
    users.remove("hoa")
    assert [u.name for u in users.load()] == ["lan"]
    with pytest.raises(UserError, match="Không có người dùng 'hoa'"):
        users.remove("hoa")


def test_a_missing_file_says_how_to_make_one(users):
    with pytest.raises(UsersFileError, match="ntm users add"):
        users.load()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[[user]]\nname = "lan"\nrole = editor\n', 3, "hỏng ở dòng 3"),
        (
            '[[user]]\nname = "lan"\nrole = "editor"\n\n[[user]]\nname = "hoa"\nrole = "boss"\n',
            5,
            "Vai trò 'boss'",
        ),
        ('[[user]]\nname = "lan"\nrole = "reader"\npassword = "matkhau123"\n', 1, "mã băm"),
        ('[[user]]\nname = "lan"\nrole = "reader"\nrol = "admin"\n', 1, "khoá lạ rol"),
        (
            '[[user]]\nname = "lan"\nrole = "reader"\n[[user]]\nname = "Lan"\nrole = "admin"\n',
            4,
            "lặp lại",
        ),
        ('[[user]]\nrole = "reader"\n', 1, "thiếu 'name'"),
    ],
)
def test_a_malformed_file_is_reported_with_its_line(text, line, words):
    with pytest.raises(UsersFileError) as exc:
        parse_users(text, "users.toml")
    message = str(exc.value)
    assert f"dòng {line}" in message and words in message and "users.toml" in message


class Clock:
    """A clock the test moves: no test sleeps."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_failed_sign_ins_slow_down_then_lock_out_per_name_and_per_client():
    from assistant.users import SignInGuard, SignInLimits

    clock = Clock()
    limits = SignInLimits(free_failures=3, delay_s=2, max_delay_s=60, lock_failures=10, lock_s=900)
    guard = SignInGuard(limits, clock)
    waits = []
    for _ in range(9):  # an attacker who always comes back as soon as allowed
        assert guard.check("lan", "10.0.0.7").allowed
        verdict = guard.failed("lan", "10.0.0.7")
        waits.append(0 if verdict.allowed else verdict.retry_at - clock.now)
        clock.now = verdict.retry_at or clock.now
    assert waits == [0, 0, 0, 2, 4, 8, 16, 32, 60]  # a delay that grows, up to its bound
    verdict = guard.failed("lan", "10.0.0.7")  # the tenth in a row
    assert verdict.locked and verdict.retry_at == clock.now + 900
    assert not guard.check("LAN", "10.0.0.99").allowed  # the name is locked from anywhere
    assert not guard.check("hoa", "10.0.0.7").allowed  # and the client for any name
    assert guard.check("hoa", "10.0.0.8").allowed  # nobody else waits
    clock.now += 900
    assert guard.check("lan", "10.0.0.7").allowed
    guard.succeeded("lan", "10.0.0.7")
    assert guard.failed("lan", "10.0.0.7").allowed  # counted afresh after a success
