"""Who is using the app, and what their role lets them change.

Three ways to run, decided on every script run:

- **OIDC**: ``.streamlit/secrets.toml`` has an ``[auth]`` section. Streamlit's own
  ``st.login()`` / ``st.user`` / ``st.logout()`` sign people in; the users file
  (``NTM_USERS_FILE``) gives each e-mail its role, ``reader`` when it is not there.
- **Local users**: the users file exists. A login form checks the password against its salted
  hash; the session remembers the user name, and the role is read from the file on every run
  (a role changed or a user removed takes effect at once). Failed sign-ins slow down, then
  lock out, the name and the client (:class:`assistant.users.SignInGuard`, ``NTM_SIGNIN_*``);
  each one is in the audit log.
- **No configuration**: everyone may do everything, but only while the server listens on
  127.0.0.1/localhost; on any other address the app is read-only and says how to configure
  users.

The pages ask :func:`current` for the identity and call :func:`require` inside every handler
that changes something: hidden buttons alone are never trusted.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

from assistant.audit import AuditLog, cli_actor
from assistant.users import (
    EDIT,
    MAX_NAME,
    SignInGuard,
    SignInLimits,
    SignInVerdict,
    UsersFile,
    allows,
)
from base.errors import AssistantError
from base.settings import Settings
from ui.render import md_escape
from ui.text import t

LOCAL_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1"})

_IDENTITY = "_ntm_identity"  # set by sign_in on every run; no widget has this key
_USER = "_ntm_user"  # the signed-in local user's name


@dataclass(frozen=True)
class Identity:
    """The person behind this session: ``name`` goes into the audit log."""

    name: str
    role: str
    mode: str  # oidc | local | open (this machine, no configuration) | exposed (read-only)

    def can(self, action: str) -> bool:
        return allows(self.role, action)

    @property
    def role_name(self) -> str:
        return t(f"role_{self.role}")


NOBODY = Identity("?", "reader", "exposed")


def oidc_configured() -> bool:
    """Whether Streamlit's sign-in is configured (an ``[auth]`` section in its secrets)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all
        return False


def client_address() -> str:
    """Where this session's browser connects from, for the audit log ('?' when unknown)."""
    try:
        return str(st.context.ip_address or "?")
    except Exception:  # noqa: BLE001 - outside a browser session (AppTest)
        return "?"


def server_address() -> str:
    return str(st.get_option("server.address") or "")


def sign_in(settings: Settings) -> Identity:
    """The identity of this session; shows the sign-in form and stops the run while nobody is
    signed in. A users file that cannot be read stops the app with its message (fail closed)."""
    users = UsersFile(settings.users_file)
    try:
        if oidc_configured():
            identity = _oidc(users)
        elif users.exists():
            identity = _local(users, settings)
        elif server_address() in LOCAL_ADDRESSES:
            identity = Identity(cli_actor().replace("cli:", "local:", 1), "editor", "open")
        else:
            identity = Identity("anonymous", "reader", "exposed")
    except AssistantError as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        st.stop()
    st.session_state[_IDENTITY] = identity
    return identity


def _oidc(users: UsersFile) -> Identity:
    if not st.user.is_logged_in:
        st.title(t("login_title"))
        st.caption(t("login_oidc_caption"))
        if st.button(t("login_button"), type="primary", icon=":material/login:"):
            st.login()
        st.stop()
    email = str(st.user.get("email") or "").strip()
    user = users.get(email) if email and users.exists() else None
    return Identity(
        email or str(st.user.get("name") or "?"), user.role if user else "reader", "oidc"
    )


_GUARDS: dict[SignInLimits, SignInGuard] = {}
_GUARDS_LOCK = threading.Lock()


def sign_in_guard(settings: Settings) -> SignInGuard:
    """The process's count of failed sign-ins (shared by every session), for these limits."""
    limits = SignInLimits.from_settings(settings)
    with _GUARDS_LOCK:
        if limits not in _GUARDS:
            _GUARDS[limits] = SignInGuard(limits, clock=time.time)
        return _GUARDS[limits]


def _checked(settings: Settings, name: str, password: str, users: UsersFile):
    """The user when the password is right and this name and client may try now; otherwise
    None, with the reason on screen and the attempt in the audit log (who, from where)."""
    guard = sign_in_guard(settings)
    client = client_address()
    name = name[: MAX_NAME + 1]  # no valid name is longer: the log and the count stay small
    audit = AuditLog(settings.audit_file)
    verdict = guard.check(name, client)
    if not verdict.allowed:  # the password is not even checked
        _refused(verdict)
        until = _clock_time(verdict.retry_at)
        audit.record(name, "sign_in", source=name, result=f"refused until {until}", client=client)
        return None
    user = users.verify(name, password)
    if user is not None:
        guard.succeeded(name, client)
        return user
    verdict = guard.failed(name, client)
    result = f"failed ({verdict.failures} in a row)"
    if not verdict.allowed:
        kind = "locked" if verdict.locked else "next try"
        result += f"; {kind} until {_clock_time(verdict.retry_at)}"
    audit.record(name, "sign_in", source=name, result=result, client=client)
    st.error(t("login_failed"), icon=":material/lock:")
    if not verdict.allowed:
        _refused(verdict)
    return None


def _clock_time(at: float | None) -> str:
    return datetime.fromtimestamp(at or 0, UTC).strftime("%H:%M:%S %d/%m/%Y UTC")


def _refused(verdict: SignInVerdict) -> None:
    until = _clock_time(verdict.retry_at)
    if verdict.locked:
        st.error(t("login_locked", until=until), icon=":material/lock_clock:")
    else:
        st.warning(t("login_wait", until=until), icon=":material/hourglass_top:")


def _local(users: UsersFile, settings: Settings) -> Identity:
    name = st.session_state.get(_USER)
    if name:
        user = users.get(name)
        if user is not None and user.can_sign_in_locally:
            return Identity(user.name, user.role, "local")
        st.session_state.pop(_USER, None)  # removed meanwhile: sign in again
    _, middle, _ = st.columns([1, 2, 1])
    with middle:
        st.title(t("login_title"))
        st.caption(t("login_caption"))
        with st.form("login"):
            entered = st.text_input(t("login_name"), key="login-name", max_chars=MAX_NAME)
            password = st.text_input(t("login_password"), type="password", key="login-password")
            sent = st.form_submit_button(t("login_button"), type="primary")
        if sent:
            user = _checked(settings, entered, password, users)
            if user is not None:
                st.session_state[_USER] = user.name
                st.rerun()
    st.stop()
    raise AssertionError  # st.stop() does not return


def sign_out() -> None:
    identity = current()
    st.session_state.pop(_USER, None)
    st.session_state.pop(_IDENTITY, None)
    if identity.mode == "oidc":
        st.logout()
    st.rerun()


def current() -> Identity:
    """This run's identity; a reader with no name when none was established (fail closed)."""
    identity = st.session_state.get(_IDENTITY)
    return identity if isinstance(identity, Identity) else NOBODY


def require(action: str = EDIT) -> bool:
    """True when the current identity may do ``action``; otherwise shows why and says False.
    Called inside every handler that changes the collection or the users."""
    identity = current()
    if identity.can(action):
        return True
    st.error(t("denied", role=identity.role_name), icon=":material/block:")
    return False


def sidebar_status(identity: Identity) -> None:
    """Who is signed in with a sign-out button, or the note on the mode without sign-in."""
    if identity.mode in ("local", "oidc"):
        st.caption(t("signed_in", name=md_escape(identity.name), role=identity.role_name))
        if st.button(t("logout"), icon=":material/logout:", key="logout"):
            sign_out()
    elif identity.mode == "open":
        st.caption(t("single_user"))
    else:
        st.warning(t("exposed_read_only", address=md_escape(server_address() or "0.0.0.0")))
