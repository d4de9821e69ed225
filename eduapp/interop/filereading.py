"""Reading a user's file safely (:mod:`eduapp.textfiles`, where the code lives: the
blueprints, scripts and item models outside interop read their files the same way)."""

from __future__ import annotations

from ..textfiles import MAX_FILE_BYTES, looks_binary, read_bytes, read_head

__all__ = ["MAX_FILE_BYTES", "looks_binary", "read_bytes", "read_head"]
