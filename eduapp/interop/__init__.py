"""Import and export: one module per format, a registry, and format detection.

``parse_file(path, fmt="auto")`` picks the module and returns a :class:`ParseResult`;
``write_file(units, path, fmt)`` writes. The bank stores a parse result in one
transaction (``Bank.import_result``).
"""

from __future__ import annotations

import importlib
import os

from ..domain import collector_paused
from ..errors import ExportError, ImportFileError
from .base import ParseResult, Unit, flatten

#: ``--format`` name -> module path. Each module follows the contract in ``base.py``.
#: Order is the order of format detection: the most specific signatures first.
FORMAT_MODULES = {
    "eduapp-json": "eduapp.interop.eduapp_json",
    "moodle-xml": "eduapp.interop.moodle_xml",
    "qti": "eduapp.interop.qti",
    "apkg": "eduapp.interop.anki",
    "csv": "eduapp.interop.csv_format",
    "aiken": "eduapp.interop.aiken",
    "gift": "eduapp.interop.gift",
}


def register(name: str, module: str) -> None:
    """Add a format module to the registry (used by the format modules' package init)."""
    FORMAT_MODULES[name] = module


def format_module(name: str):
    """The module for a format name.

    :raises ImportFileError: unknown format name (a usage error).
    """
    if name not in FORMAT_MODULES:
        raise ImportFileError(f"unknown format {name!r}; known: {', '.join(FORMAT_MODULES)}")
    return importlib.import_module(FORMAT_MODULES[name])


def detect_format(path: str) -> str:
    """Guess the format of a file from its first 64 KiB and its name.

    :raises ImportFileError: unreadable file or no format recognises it.
    """
    try:
        if os.path.isdir(path):
            head = b""
        else:
            with open(path, "rb") as fh:
                head = fh.read(65536)
    except OSError as e:
        raise ImportFileError(f"cannot read the file ({e.strerror})", file=path) from None
    if not os.path.isdir(path) and not head.strip():
        raise ImportFileError("the file is empty", file=path)
    for name in FORMAT_MODULES:
        module = format_module(name)
        if module.detect(head, path):
            return name
    raise ImportFileError("the file's format is not recognised; name it with --format",
                          file=path)


def parse_file(path: str, fmt: str = "auto") -> ParseResult:
    """Parse ``path`` in format ``fmt`` (``auto`` detects it).

    :raises ImportFileError: nothing in the file could be read.
    """
    name = detect_format(path) if fmt == "auto" else fmt
    with collector_paused():
        return format_module(name).parse(path)


def write_file(units, path: str, fmt: str, documents=(), media=None) -> None:
    """Write ``units`` (items and sets) to ``path`` in format ``fmt``.

    :raises ExportError: the format cannot be written or the file cannot be saved.
    """
    try:
        module = format_module(fmt)
    except ImportFileError as e:
        raise ExportError(str(e)) from None
    if not hasattr(module, "write"):
        raise ExportError(f"EduApp can read {fmt} but not write it")
    module.write(units, path, documents=documents, media=media)


__all__ = ["ParseResult", "Unit", "flatten", "FORMAT_MODULES", "register", "format_module",
           "detect_format", "parse_file", "write_file"]
