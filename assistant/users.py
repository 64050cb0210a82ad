"""Who may change what: the three roles and the local users file.

Roles: a ``reader`` asks questions, makes briefs and runs evaluations; an ``editor`` may also
upload, delete and re-index documents; an ``admin`` may also manage users. Offices without an
identity provider keep their users in a TOML file (``NTM_USERS_FILE``, default
``<NTM_HOME>/users.toml``), one ``[[user]]`` table each, with a salted scrypt hash of the
password (never the password). With OIDC sign-in (Streamlit's ``[auth]``) the same file gives
the role of an e-mail address; such entries have no password.

Usage::

    users = UsersFile(settings.users_file, audit=AuditLog(settings.audit_file))
    users.add("lan", "editor", password="mật khẩu dài", actor="quan")  # logged under quan
    users.verify("lan", "mật khẩu dài")          # the User, or None
    allows(users.get("lan").role, EDIT)          # True

The file looks like::

    [[user]]
    name = "lan"
    role = "editor"
    password = "scrypt$16384$8$1$<salt>$<hash>"
"""

from __future__ import annotations

import base64
import dataclasses
import fcntl
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.audit import AuditLog, api_actor
from base.errors import UserError, UsersFileError

ROLES = ("reader", "editor", "admin")
ROLE_NAMES = {"reader": "người đọc", "editor": "biên tập viên", "admin": "quản trị viên"}

EDIT = "edit"  # upload, delete, re-index documents
MANAGE_USERS = "manage_users"
_RIGHTS = {
    "reader": frozenset(),
    "editor": frozenset({EDIT}),
    "admin": frozenset({EDIT, MANAGE_USERS}),
}

MIN_PASSWORD = 8
_SCRYPT = (2**14, 8, 1)  # n, r, p: about 16 MiB and a few tens of ms per check
MAX_NAME = 100  # characters of a user name (or e-mail)
_NAME = re.compile(rf"[\w.@+-]{{1,{MAX_NAME}}}")
_ENTRY_KEYS = {"name", "role", "password"}


def allows(role: str, action: str) -> bool:
    """Whether ``role`` may do ``action`` (``EDIT`` or ``MANAGE_USERS``)."""
    return action in _RIGHTS.get(role, frozenset())


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(
            f"Vai trò '{role}' không có; dùng một trong: {', '.join(ROLES)}. "
            f"(Unknown role '{role}'.)"
        )
    return role


def normalize_name(name: str) -> str:
    """NFC, trimmed; a user name or e-mail of letters, digits and ``. _ - @ +``."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if not _NAME.fullmatch(name):
        raise UserError(
            f"Tên người dùng '{name}' không hợp lệ: 1–100 ký tự gồm chữ, số và . _ - @ + "
            f"(không có dấu cách). (Invalid user name.)"
        )
    return name


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """A salted scrypt hash, ``scrypt$n$r$p$salt$hash`` (base64), for the users file."""
    if len(password) < MIN_PASSWORD:
        raise UserError(
            f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự. "
            f"(The password needs at least {MIN_PASSWORD} characters.)"
        )
    n, r, p = _SCRYPT
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    kind, n, r, p, salt, digest = stored.split("$")
    if kind != "scrypt":
        raise ValueError(kind)
    return int(n), int(r), int(p), base64.b64decode(salt), base64.b64decode(digest)


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (compared in constant time)."""
    n, r, p, salt, digest = _parse_hash(stored)
    tried = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(digest), maxmem=2**26
    )
    return hmac.compare_digest(tried, digest)


_DUMMY = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(16))
    return _DUMMY


@dataclass(frozen=True)
class User:
    """One entry of the users file; ``password`` is the stored hash, None for OIDC-only."""

    name: str
    role: str
    password: str | None = None

    @property
    def can_sign_in_locally(self) -> bool:
        return self.password is not None


class UsersFile:
    """The users file: read on every call (changes by the CLI show at once), written whole
    and atomically under a lock, readable only by its owner. With ``audit``, every change is
    written to the audit log under its ``actor`` just before the file is replaced."""

    def __init__(self, path: Path | str, audit: AuditLog | None = None):
        self.path = Path(path)
        self.audit = audit

    def exists(self) -> bool:
        return self.path.is_file()

    # -- reading ----------------------------------------------------------------------------
    def load(self) -> list[User]:
        if not self.exists():
            raise UsersFileError(
                f"Chưa có tệp người dùng {self.path}: tạo bằng `ntm users add TÊN --role admin`. "
                f"(No users file {self.path}.)"
            )
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsersFileError(
                f"Không đọc được tệp người dùng {self.path}: {exc}. (Cannot read the users file.)"
            ) from None
        return parse_users(text, str(self.path))

    def get(self, name: str) -> User | None:
        wanted = _key(name)
        return next((u for u in self.load() if _key(u.name) == wanted), None)

    def verify(self, name: str, password: str) -> User | None:
        """The user when ``password`` is theirs; None otherwise (same work either way)."""
        try:
            user = self.get(name)
        except UserError:
            user = None
        stored = user.password if user is not None and user.password else _dummy_hash()
        ok = check_password(password, stored)
        return user if ok and user is not None and user.password else None

    # -- writing ----------------------------------------------------------------------------
    def add(
        self, name: str, role: str, password: str | None = None, *, actor: str | None = None
    ) -> User:
        """Add a user; without ``password`` the entry only gives an OIDC e-mail its role."""
        name, role = normalize_name(name), check_role(role)
        stored = hash_password(password) if password is not None else None

        def change(users: list[User]) -> tuple[User, str]:
            if any(_key(u.name) == _key(name) for u in users):
                raise UserError(
                    f"Người dùng '{name}' đã có trong {self.path}; đổi vai trò bằng "
                    f"`ntm users set-role`. (User '{name}' already exists.)"
                )
            user = User(name, role, stored)
            users.append(user)
            return user, f"{role} ({'password' if stored else 'OIDC'})"

        return self._change(change, "user_add", actor, create=True)

    def remove(self, name: str, *, actor: str | None = None) -> User:
        def change(users: list[User]) -> tuple[User, str]:
            user = self._find(users, name)
            users.remove(user)
            self._keep_an_admin(users, user)
            return user, f"removed ({user.role})"

        return self._change(change, "user_remove", actor)

    def set_role(self, name: str, role: str, *, actor: str | None = None) -> User:
        role = check_role(role)

        def change(users: list[User]) -> tuple[User, str]:
            user = self._find(users, name)
            new = User(user.name, role, user.password)
            users[users.index(user)] = new
            self._keep_an_admin(users, user)
            return new, f"{user.role} → {role}"

        return self._change(change, "user_role", actor)

    def set_password(self, name: str, password: str, *, actor: str | None = None) -> User:
        stored = hash_password(password)

        def change(users: list[User]) -> tuple[User, str]:
            user = self._find(users, name)
            new = User(user.name, user.role, stored)
            users[users.index(user)] = new
            return new, "password changed"

        return self._change(change, "user_password", actor)

    def _find(self, users: list[User], name: str) -> User:
        wanted = _key(name)
        for user in users:
            if _key(user.name) == wanted:
                return user
        raise UserError(f"Không có người dùng '{name}' trong {self.path}. (No user '{name}'.)")

    @staticmethod
    def _keep_an_admin(users: list[User], changed: User) -> None:
        if changed.role == "admin" and not any(u.role == "admin" for u in users):
            raise UserError(
                f"'{changed.name}' là quản trị viên cuối cùng: thêm một quản trị viên khác "
                "trước. (Cannot remove the last admin.)"
            )

    def _change(
        self,
        change: Callable[[list[User]], tuple[User, str]],
        action: str,
        actor: str | None,
        create: bool = False,
    ) -> User:
        """Apply ``change`` under the lock; its audit line goes before the file is replaced
        (a kill in between leaves a line for a change that did not land, never the reverse)."""
        with self._locked():
            users = self.load() if (self.exists() or not create) else []
            user, result = change(users)
            if self.audit is not None:
                self.audit.record(actor or api_actor(), action, source=user.name, result=result)
            self._write(users)
            return user

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = os.open(self.path.with_name(self.path.name + ".lock"), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)

    def _write(self, users: list[User]) -> None:
        lines = ["# NTM Assistant: người dùng và vai trò (users and roles); sửa bằng `ntm users`."]
        for user in users:
            lines += [
                "",
                "[[user]]",
                f"name = {_toml_str(user.name)}",
                f"role = {_toml_str(user.role)}",
            ]
            if user.password:
                lines.append(f"password = {_toml_str(user.password)}")
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".toml")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def parse_users(text: str, where: str = "users.toml") -> list[User]:
    """The users of a users file's text; a bad file raises ``UsersFileError`` naming the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = f" ở dòng {found.group(1)}" if found else ""
        raise UsersFileError(
            f"Tệp người dùng {where} hỏng{line}: {exc}. "
            f"(Malformed users file{', line ' + found.group(1) if found else ''}.)"
        ) from None
    headers = [
        i for i, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*user\s*\]\]", line)
    ]

    def bad(index: int | None, problem: str) -> UsersFileError:
        line = headers[index] if index is not None and index < len(headers) else None
        at = f" ở dòng {line}" if line else ""
        return UsersFileError(
            f"Tệp người dùng {where} hỏng{at}: {problem}. "
            f"(Malformed users file{', line ' + str(line) if line else ''}.)"
        )

    extra = set(data) - {"user"}
    if extra:
        raise bad(None, f"khoá lạ {', '.join(sorted(extra))}; chỉ dùng các bảng [[user]]")
    entries = data.get("user", [])
    if not isinstance(entries, list):
        raise bad(None, "'user' phải là các bảng [[user]]")
    users: list[User] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise bad(i, f"khoá lạ {', '.join(sorted(unknown))} (dùng name, role, password)")
        name, role, password = entry.get("name"), entry.get("role"), entry.get("password")
        if not isinstance(name, str) or not name.strip():
            raise bad(i, "thiếu 'name'")
        try:
            name = normalize_name(name)
            check_role(role if isinstance(role, str) else repr(role))
        except UserError as exc:
            raise bad(i, str(exc)) from None
        if password is not None:
            try:
                _parse_hash(password)
            except (ValueError, TypeError, AttributeError):
                raise bad(
                    i, "'password' phải là mã băm do `ntm users` tạo, không phải mật khẩu"
                ) from None
        if _key(name) in seen:
            raise bad(i, f"người dùng '{name}' lặp lại")
        seen.add(_key(name))
        users.append(User(name, role, password))
    return users


# -- failed sign-ins ---------------------------------------------------------------------------

MAX_TRACKED = 10_000  # names and clients remembered at once; the oldest quiet ones go first


@dataclass(frozen=True)
class SignInLimits:
    """How failed sign-ins slow down and lock out (``NTM_SIGNIN_*``, see the README)."""

    free_failures: int = 3  # failures in a row without any delay
    delay_s: float = 2.0  # the first delay; it doubles with each failure after that
    max_delay_s: float = 60.0
    lock_failures: int = 10  # failures in a row that lock the name or client out
    lock_s: float = 900.0

    @classmethod
    def from_settings(cls, settings) -> SignInLimits:
        return cls(
            free_failures=settings.signin_free_failures,
            delay_s=settings.signin_delay_s,
            max_delay_s=settings.signin_max_delay_s,
            lock_failures=settings.signin_lock_failures,
            lock_s=settings.signin_lock_minutes * 60,
        )


@dataclass(frozen=True)
class SignInVerdict:
    """Whether a sign-in may be tried now: ``retry_at`` (a clock time) when it must wait,
    ``locked`` when that wait is a lockout; ``failures`` in a row so far."""

    allowed: bool
    retry_at: float | None = None
    locked: bool = False
    failures: int = 0


@dataclass
class _Record:
    failures: int = 0
    retry_at: float = 0.0
    locked: bool = False
    last: float = 0.0


class SignInGuard:
    """Failed sign-ins counted per user name and per client address (in this process).

    After ``free_failures`` failures in a row a name or client must wait before its next try,
    a wait that doubles with each failure; after ``lock_failures`` it is locked out for
    ``lock_s``. Nothing here sleeps: a try that comes too early is refused at once with the
    time it may come back, so one person's failures never hold up another's session. A
    success clears the name and the client.

    Usage::

        guard = SignInGuard(SignInLimits(), clock=time.time)
        verdict = guard.check("lan", "10.0.0.7")
        if verdict.allowed and not users.verify("lan", password):
            verdict = guard.failed("lan", "10.0.0.7")
    """

    def __init__(self, limits: SignInLimits, clock: Callable[[], float]):
        self.limits = limits
        self.clock = clock
        self._records: dict[tuple[str, str], _Record] = {}
        self._lock = threading.Lock()

    def _keys(self, name: str, client: str) -> list[tuple[str, str]]:
        return [("user", _key(name)), ("client", client)]

    def check(self, name: str, client: str) -> SignInVerdict:
        """Whether ``name`` may try a password from ``client`` now."""
        now = self.clock()
        with self._lock:
            waits = [
                r
                for k in self._keys(name, client)
                if (r := self._records.get(k)) is not None and r.retry_at > now
            ]
        if not waits:
            return SignInVerdict(True)
        worst = max(waits, key=lambda r: (r.locked, r.retry_at))
        return SignInVerdict(False, worst.retry_at, worst.locked, worst.failures)

    def failed(self, name: str, client: str) -> SignInVerdict:
        """Count a wrong password; the verdict for the next try."""
        now = self.clock()
        limits = self.limits
        count = 0
        with self._lock:
            for key in self._keys(name, client):
                record = self._records.setdefault(key, _Record())
                if record.locked and record.retry_at <= now:  # a lockout over: start afresh
                    record.failures, record.locked = 0, False
                record.failures += 1
                record.last = now
                extra = record.failures - limits.free_failures
                if record.failures >= limits.lock_failures:
                    record.retry_at, record.locked = now + limits.lock_s, True
                elif extra > 0:
                    delay = min(limits.max_delay_s, limits.delay_s * 2 ** (extra - 1))
                    record.retry_at = now + delay
                count = max(count, record.failures)
            self._forget_quiet(now)
        return dataclasses.replace(self.check(name, client), failures=count)

    def succeeded(self, name: str, client: str) -> None:
        with self._lock:
            for key in self._keys(name, client):
                self._records.pop(key, None)

    def _forget_quiet(self, now: float) -> None:
        if len(self._records) <= MAX_TRACKED:
            return
        quiet = sorted(self._records.items(), key=lambda item: item[1].last)
        for key, record in quiet[: len(self._records) - MAX_TRACKED]:
            if record.retry_at <= now:
                del self._records[key]
