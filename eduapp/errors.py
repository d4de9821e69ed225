"""The one tree of expected failures.

Every error a user can cause (a bad file, an unreachable provider, a missing item) is an
:class:`EduAppError`; ``str()`` of one is a sentence that is safe to show in the GUI or
print from the CLI. Anything that is not an ``EduAppError`` is a bug: the GUI logs it with
its traceback and shows a short message with a "copy details" button.
"""

from __future__ import annotations


class EduAppError(Exception):
    """Expected failure; ``str()`` is safe to show the user."""


class ValidationError(EduAppError):
    """Data that breaks a rule of the domain (an item with no key, an unknown status)."""


class NotFoundError(EduAppError):
    """An item, set, document, exam or profile that does not exist (any more)."""


class ImportFileError(EduAppError):
    """A file, or one entry in it, that cannot be imported.

    :param message: what is wrong, as a sentence.
    :param file: the path of the file, as the user gave it.
    :param line: 1-based line number where the problem starts, or ``None``.
    :param item: 1-based index or title of the entry in the file, or ``None``.
    """

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 item: str | int | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.item = item
        where = ""
        if file:
            where = str(file)
            if line:
                where += f", line {line}"
            where += ": "
        super().__init__(f"{where}{message}")

    def to_dict(self) -> dict:
        """The import-summary error shape of DESIGN.md: ``{file, line, item, message}``."""
        return {"file": self.file, "line": self.line, "item": self.item, "message": self.message}


class ExportError(EduAppError):
    """An export that cannot be written (unwritable folder, full disk, unsupported content)."""


class BankError(EduAppError):
    """The item bank's database cannot be used as it is."""


class BankCorruptError(BankError):
    """The database file is not a readable SQLite database or fails its integrity check."""


class BankMissingError(BankCorruptError):
    """The bank file is missing or empty (0 bytes) although the data folder's backups
    hold a bank: it is not silently started anew; restore the latest backup instead."""


class BankVersionError(BankError):
    """The database was written by a newer EduApp whose schema this version does not know."""


class LLMUnavailableError(EduAppError):
    """The language-model provider cannot be reached, refuses the key, or is overloaded."""


class LLMOutputError(EduAppError):
    """The model answered, but with output that is cut off or fails its JSON schema."""


class CancelledError(EduAppError):
    """The user cancelled a long operation; nothing it was doing was stored."""


class ApprovalBlockedError(ValidationError):
    """Approving items that the quality gate found wrong (an error-level finding) or that a
    blind second answer disagreed with; a person must confirm it, and is recorded.

    :ivar blocked: ``{item id: [Finding, ...]}``: why each item was held back.
    """

    def __init__(self, blocked: dict):
        self.blocked = blocked
        n = len(blocked)
        super().__init__(f"{n} item{'s' if n != 1 else ''} cannot be approved without a "
                         "confirmation: the quality gate or the blind second answer found a "
                         "problem")


class BankReadOnlyError(BankError):
    """The data folder or bank file is read-only (a CD, a locked network share): the bank
    can be read, searched and exported, but nothing can be changed."""


class BankBusyError(BankError):
    """Another EduApp (the app or a command) held the bank for longer than the wait allows;
    nothing was changed and the action can be tried again."""


class DiskFullError(EduAppError):
    """The disk holding the data folder or the output file is full; nothing was changed."""


class BackupError(EduAppError):
    """A backup cannot be written, read or restored (full disk, damaged archive, unknown
    name); the data folder and the existing backups are unchanged."""
