"""Reading a user's file safely: a size limit, and clear errors for a missing, empty,
unreadable or binary file (every failure is an :class:`ImportFileError` naming the file)."""

from __future__ import annotations

import os

from ..errors import ImportFileError, os_reason

#: Largest single file an importer reads into memory (bytes).
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_bytes(path: str, *, allow_empty: bool = False) -> bytes:
    """The bytes of ``path``.

    :raises ImportFileError: missing/unreadable file, a folder, larger than
        :data:`MAX_FILE_BYTES`, or empty (unless ``allow_empty``).
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError(file=path, code="import.folder")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ImportFileError(file=path,
                                  code="import.too-large",
                                  values={"mb": size // (1024 * 1024), "max": MAX_FILE_BYTES // (1024 * 1024)})
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise ImportFileError(file=path,
                              code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not allow_empty and not data.strip():
        raise ImportFileError(file=path, code="import.empty")
    return data


def read_head(path: str, size: int = 8) -> bytes:
    """The first ``size`` bytes of ``path`` (to tell a zip from XML without reading it all).

    :raises ImportFileError: missing, unreadable or empty file, or a folder.
    """
    try:
        if os.path.isdir(path):
            raise ImportFileError(file=path, code="import.folder")
        with open(path, "rb") as fh:
            head = fh.read(size)
    except OSError as e:
        raise ImportFileError(file=path,
                              code="import.cannot-read",
                              values={"reason": os_reason(e)}) from None
    if not head:
        raise ImportFileError(file=path, code="import.empty")
    return head


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or more than 5 % control characters other
    than tab, line ends and Word's U+0007/U+000B/U+000C (not text)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    # tab, LF, CR and the marks Word's text export writes (bell = end of cell, vertical
    # tab = manual line break, form feed = page break) are text
    ctrl = sum(1 for b in head if b < 32 and b not in (7, 9, 10, 11, 12, 13))
    return ctrl > len(head) * 0.05
