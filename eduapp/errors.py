"""The one tree of expected failures, worded in English or Chinese.

Every error a user can cause (a bad file, an unreachable provider, a missing item) is an
:class:`EduAppError`; ``str()`` of one is an English sentence that is safe to show in the
GUI or print from the CLI. Anything that is not an ``EduAppError`` is a bug: the GUI logs it
with its traceback and shows a short message with a "copy details" button.

An error raised with a ``code`` carries the ``values`` its sentence needs; the catalogue
:data:`eduapp.messages.ERROR_TEXT` holds each code's English and Chinese wording, and
:func:`describe_error` words the error in the reader's language (the pattern of the
quality-gate findings, :func:`eduapp.authoring.finding_text.describe_finding`)::

    raise NotFoundError(code="item-not-found", values={"id": 42})
    str(e)                      # 'there is no item 42'
    describe_error(e, "zh")     # '题库中没有编号为 42 的试题'

A value may itself depend on the language: a :class:`Phrase` (a catalogue code of its own,
e.g. a field name), another ``EduAppError`` (a cause), or a list or tuple of values (joined
with ", " in English and "、" in Chinese). Errors raised with a plain sentence and no code
are shown as ``str(e)`` in every language.

Pure data and functions: any thread.
"""

from __future__ import annotations

import errno
import string
from typing import Any

from .messages import ERROR_TEXT

__all__ = [
    "EduAppError", "ValidationError", "NotFoundError", "ImportFileError", "ExportError",
    "BankError", "BankCorruptError", "BankVersionError", "LLMUnavailableError",
    "LLMOutputError", "CancelledError", "ApprovalBlockedError", "BankReadOnlyError",
    "BankBusyError", "DiskFullError", "BackupError", "Phrase", "describe_error", "word",
    "os_reason", "ErrorRecord", "describe_record", "describe_value",
]


class Phrase:
    """A language-dependent value of an error: a catalogue code (with values of its own)
    worded in the reader's language, e.g. ``Phrase("field-stem")`` -> "stem" / "题干".

    :param code: a key of :data:`~eduapp.messages.ERROR_TEXT`.
    :param values: the values its template needs.
    """

    __slots__ = ("code", "values")

    def __init__(self, code: str, **values: Any):
        if code not in ERROR_TEXT:
            raise KeyError(f"unknown message code {code!r}")
        self.code = code
        self.values = values

    def __str__(self) -> str:
        return word(self.code, self.values, "en")

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (other.code, other.values) == (self.code,
                                                                            self.values)

    def __hash__(self) -> int:
        return hash(self.code)


class _Formatter(string.Formatter):
    """``str.format`` plus an English plural spec: ``{n:item|items}`` gives "item" when
    ``n`` is 1 and "items" otherwise (the number itself is written as ``{n}``)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def os_reason(e: BaseException) -> "Phrase | str":
    """Why an operating-system call failed, as a value for an error's sentence: a
    :class:`Phrase` for the common causes (disk full, permission denied, read-only disk,
    missing file...), else the system's own text (``strerror``)."""
    name = errno.errorcode.get(getattr(e, "errno", None) or -1, "")
    if name == "EPERM":
        name = "EACCES"
    if f"word.os.{name}" in ERROR_TEXT:
        return Phrase(f"word.os.{name}")
    return getattr(e, "strerror", None) or str(e)


def _word_value(value: Any, language: str) -> Any:
    if isinstance(value, Phrase):
        return word(value.code, value.values, language)
    if isinstance(value, ImportFileError):  # the outer error says where
        return value.describe_message(language)
    if isinstance(value, EduAppError):
        return describe_error(value, language)
    if isinstance(value, (list, tuple)):
        sep = "、" if language == "zh" else ", "
        return sep.join(str(_word_value(v, language)) for v in value)
    return value


def describe_value(value: Any, language: str = "en") -> str:
    """One error value as text in ``language``: a :class:`Phrase` worded, an error
    described, a list joined ("a, b" / "a、b"), anything else ``str()``; e.g.
    ``describe_value(os_reason(e), "zh")`` for why a file could not be opened."""
    return str(_word_value(value, language))


def word(code: str, values: dict | None, language: str = "en") -> str:
    """The catalogue entry ``code`` worded in ``language`` (``en``/``zh``) with ``values``.

    :raises KeyError: an unknown code, or a template naming a value that is not given.
    """
    en, zh = ERROR_TEXT[code]
    template = zh if language == "zh" else en
    worded = {k: _word_value(v, language) for k, v in (values or {}).items()}
    return _FORMATTER.format(template, **worded)


def describe_error(exc: BaseException, language: str = "en") -> str:
    """``exc`` as a sentence in ``language`` (``en`` or ``zh``; anything else: English).

    An :class:`EduAppError` with a catalogue ``code`` is worded from its template; an
    :class:`ImportFileError` adds where in the file ("a.xml, line 3: " / "a.xml 第 3 行：");
    any other exception is ``str(exc)`` (a code-less sentence, or a bug's message).
    """
    if isinstance(exc, EduAppError):
        return exc.describe(language)
    return str(exc)


class EduAppError(Exception):
    """Expected failure; ``str()`` is an English sentence safe to show the user.

    :param message: the sentence; may be left out when ``code`` is given (it is then the
        English wording of the code).
    :param code: a key of :data:`~eduapp.messages.ERROR_TEXT`, or ``None`` for a sentence
        that is the same in every language.
    :param values: the values the code's template needs (numbers, names, :class:`Phrase`).
    :raises KeyError: ``code`` is not in the catalogue (a programming error).
    """

    def __init__(self, message: str | None = None, *args: Any, code: str | None = None,
                 values: dict | None = None):
        self.code = code
        self.values = dict(values or {})
        if code is not None and message is None:
            message = word(code, self.values, "en")
        elif code is not None and code not in ERROR_TEXT:
            raise KeyError(f"unknown message code {code!r}")
        if message is None:
            super().__init__(*args)
        else:
            super().__init__(message, *args)

    def describe(self, language: str = "en") -> str:
        """This error as a sentence in ``language`` (see :func:`describe_error`)."""
        if self.code is None or language != "zh":
            return str(self)
        return word(self.code, self.values, language)





class ValidationError(EduAppError):
    """Data that breaks a rule of the domain (an item with no key, an unknown status)."""


class NotFoundError(EduAppError):
    """An item, set, document, exam or profile that does not exist (any more)."""


class ImportFileError(EduAppError):
    """A file, or one entry in it, that cannot be imported.

    :param message: what is wrong, as an English sentence (may be left out with ``code``).
    :param file: the path of the file, as the user gave it.
    :param line: 1-based line number where the problem starts, or ``None``.
    :param item: 1-based index or title of the entry in the file, or ``None``.
    :param code: a catalogue code for the sentence (see :class:`EduAppError`).
    :param values: the values of the code's template.
    """

    def __init__(self, message: str | None = None, file: str | None = None,
                 line: int | None = None, item: str | int | None = None, *,
                 code: str | None = None, values: dict | None = None):
        if message is None and code is not None:
            message = word(code, values, "en")
        self.message = message or ""
        self.file = file
        self.line = line
        self.item = item
        super().__init__(f"{self._where('en')}{self.message}", code=code, values=values)

    def _where(self, language: str) -> str:
        if not self.file:
            return ""
        if language == "zh":
            return f"{self.file} 第 {self.line} 行：" if self.line else f"{self.file}："
        return f"{self.file}, line {self.line}: " if self.line else f"{self.file}: "

    def describe_message(self, language: str = "en") -> str:
        """What is wrong, without where, in ``language`` (the import summary's message)."""
        if self.code is None or language != "zh":
            return self.message
        return word(self.code, self.values, language)

    def describe(self, language: str = "en") -> str:
        """Where and what, in ``language`` ("a.xml, line 3: ..." / "a.xml 第 3 行：...")."""
        if language != "zh":
            return str(self)
        return self._where(language) + self.describe_message(language)

    def to_dict(self, language: str = "en") -> "ErrorRecord":
        """The import-summary error shape of DESIGN.md: ``{file, line, item, message}``
        (the message in ``language``), plus ``code`` when the error has one. The dict
        remembers the error (:class:`ErrorRecord`), so a summary can be worded again in
        another language with :func:`describe_record`."""
        out = ErrorRecord(file=self.file, line=self.line, item=self.item,
                          message=self.describe_message(language))
        if self.code is not None:
            out["code"] = self.code
        out.error = self
        return out


class ErrorRecord(dict):
    """A summary's error as a plain dict (JSON as it is) that also keeps the error it came
    from in ``.error`` (``None`` once copied or loaded from JSON)::

        ErrorRecord(file=path, message=str(e), error=e)   # or ImportFileError.to_dict()
    """

    error: "EduAppError | None" = None

    def __init__(self, *args: Any, error: "EduAppError | None" = None, **fields: Any):
        super().__init__(*args, **fields)
        self.error = error


def describe_record(record: dict, language: str = "en") -> str:
    """The ``message`` of a summary's error dict in ``language``: worded again from its
    error when the dict is an :class:`ErrorRecord` (what is wrong, without the file an
    :class:`ImportFileError` names), else the stored message."""
    error = getattr(record, "error", None)
    if error is not None and hasattr(error, "describe_message"):
        return error.describe_message(language)
    if isinstance(error, EduAppError):
        return error.describe(language)
    return str(record.get("message", ""))


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
        super().__init__(code="approval-blocked", values={"n": len(blocked)})


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
