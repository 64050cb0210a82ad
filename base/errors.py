"""One family of errors whose messages are safe to show to a user.

Every message is Vietnamese first, with an English gloss, and names the file, value or setting
at fault and what to do about it. The CLI turns them into a message and an exit code, the app
into ``st.error``.
"""

from __future__ import annotations

import os


class AssistantError(Exception):
    """Base class: ``str(err)`` is a complete, user-facing message."""

    exit_code = 1


class SettingsError(AssistantError):
    """An ``NTM_*`` setting has a value that cannot be used."""

    exit_code = 2


class ModelError(AssistantError):
    """The embedding model is missing, corrupt or cannot be fetched."""


class ModelMismatchError(AssistantError):
    """The index was built with another embedding model than the one configured."""


class StoreError(AssistantError):
    """Chroma (embedded or server) cannot be reached or used."""


class QuestionError(AssistantError):
    """The question cannot be answered as typed (empty, too long, wrong script...)."""

    exit_code = 2


class DocumentNotFoundError(AssistantError):
    """A document named by the user is not in the index."""


class QuestionSetError(AssistantError):
    """A question-set file cannot be read at all."""

    exit_code = 2


class BackupError(AssistantError):
    """An export cannot be written, or a file to import is not a usable export."""


class UsersFileError(AssistantError):
    """The users file (``NTM_USERS_FILE``) is missing or cannot be read; names the line."""


class UserError(AssistantError):
    """A user management request that cannot be done: unknown role, duplicate or missing user."""

    exit_code = 2


class PermissionDenied(AssistantError):
    """The signed-in user's role does not allow this change."""


class FileRejected(AssistantError):
    """A user file that cannot be ingested; ``reason`` says why, in words a user can act on.

    Usage::

        raise FileRejected("tệp rỗng (empty file)", path=path)
    """

    exit_code = 3

    def __init__(self, reason: str, path: os.PathLike | str | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        super().__init__(reason if path is None else f"{path}: {reason}")
