"""Writing files safely: every file EduApp writes (exports, PDFs, settings, provider
profiles, attempt files) goes through a temporary file in the same folder that is renamed
over the target only when it is complete, so a crash, a full disk or an error never leaves
a half-written file and never damages the old one.

Files get the permissions a normal ``open()`` would give (``0o666`` less the umask), not
the ``0o600`` of :func:`tempfile.mkstemp`, so a PDF can be opened by a colleague or a
print server.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from typing import Callable, Iterator

from .errors import ExportError, os_reason


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str, error: type[Exception] = ExportError) -> Iterator[str]:
    """Yield a temporary path beside ``path``; when the block succeeds it is renamed to
    ``path`` with normal permissions, when it fails it is deleted.

    :param error: the :class:`~eduapp.errors.EduAppError` type raised for an ``OSError``
        (a sentence naming the file and the reason).
    :raises ExportError: (or ``error``) the folder cannot be written, the disk is full.

    ::

        with atomic_output("paper_A.pdf") as tmp:
            canvas.save(tmp)
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".eduapp-", suffix=".tmp")
    except OSError as e:
        raise error(code="file.cannot-write-in",
                    values={"folder": folder, "reason": os_reason(e)}) from None
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        if isinstance(e, OSError):
            raise error(code="file.cannot-write",
                        values={"path": path, "reason": os_reason(e)}) from None
        raise


def atomic_write(path: str, writer: Callable[[object], None], *, binary: bool = False,
                 error: type[Exception] = ExportError) -> None:
    """Write ``path`` through :func:`atomic_output`, calling ``writer(file object)``
    (text mode: UTF-8, newlines as written).

    :raises ExportError: (or ``error``) the folder is not writable or the disk is full.
    """
    with atomic_output(path, error) as tmp:
        if binary:
            with open(tmp, "wb") as fh:
                writer(fh)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                writer(fh)


def write_json(path: str, doc, *, indent: int | None = 1,
               error: type[Exception] = ExportError) -> None:
    """Write ``doc`` as UTF-8 JSON (non-ASCII kept) atomically.

    :raises ExportError: (or ``error``) the file cannot be written.
    """
    atomic_write(path, lambda fh: json.dump(doc, fh, ensure_ascii=False, indent=indent),
                 error=error)


def human_size(n: float) -> str:
    """A size in bytes as people read it: ``512 B``, ``1.5 KB``, ``12.0 MB``, ``3.2 GB``
    (steps of 1,024; GB is the largest unit)."""
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
