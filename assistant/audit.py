"""The audit log: one JSON line per change, in ``<NTM_HOME>/audit.jsonl``.

Each line holds the time (ISO 8601, UTC), the user (the app's user name, ``cli:<OS user>`` for
the command line), the action, what it was about (``source``: a document's file name, or the
user name a user change or a failed sign-in is about), the sha256 of the file where there is
one, the result and, for what comes from the app, the client's address (``client``).

The actions: ``ingest`` (one line per document as it commits, and per rejected file or
upload), ``import`` (one line per document as it commits), ``delete``, ``reindex``,
``user_add``, ``user_role``, ``user_remove``, ``user_password`` (from the app and ``ntm
users``) and ``sign_in`` (failed sign-ins and lockouts). Lines are appended with ``O_APPEND``
in one ``write`` each, so two processes (the app and the CLI) never interleave their lines.

Usage::

    log = AuditLog(settings.audit_file)
    log.record("lan", "delete", source="bao-cao.txt", sha256="ab12…", result="deleted")
    log.entries()[0]["user"]                     # newest first
"""

from __future__ import annotations

import getpass
import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

ACTIONS = (
    "ingest",
    "import",
    "delete",
    "reindex",
    "user_add",
    "user_role",
    "user_remove",
    "user_password",
    "sign_in",
)


def cli_actor() -> str:
    """``cli:<OS user>``: who ran an ``ntm`` command."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (containers)
        name = str(os.getuid())
    return f"cli:{name}"


def api_actor() -> str:
    """The actor of a Python API call that named none: ``api:<OS user>``."""
    return "api:" + cli_actor().removeprefix("cli:")


@dataclass(frozen=True)
class AuditEntry:
    time: str
    user: str
    action: str
    source: str | None
    sha256: str | None
    result: str
    client: str | None = None  # where from: the app's client address


class AuditLog:
    """Appends entries to, and reads them from, one JSON-lines file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def record(
        self,
        user: str,
        action: str,
        *,
        source: str | None = None,
        sha256: str | None = None,
        result: str,
        client: str | None = None,
    ) -> AuditEntry:
        entry = AuditEntry(
            time=datetime.now(UTC).isoformat(timespec="seconds"),
            user=user,
            action=action,
            source=source,
            sha256=sha256,
            result=result,
            client=client,
        )
        fields = {k: v for k, v in asdict(entry).items() if k != "client" or v is not None}
        line = (json.dumps(fields, ensure_ascii=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, line)  # one write per line: whole lines even with two writers
        finally:
            os.close(fd)
        return entry

    def entries(self, limit: int | None = 500) -> list[dict]:
        """The newest ``limit`` entries, newest first; unreadable lines are skipped."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        found = []
        for line in reversed(lines):
            if limit is not None and len(found) >= limit:
                break
            try:
                item = json.loads(line)
            except ValueError:
                log.warning("skipping a bad line of %s", self.path)
                continue
            if isinstance(item, dict):
                found.append(item)
        return found
