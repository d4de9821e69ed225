"""Opening a zip from a user safely: its central directory is checked (names, links,
sizes, compression ratio, encryption) before any member is read."""

from __future__ import annotations

import re
import stat
import zipfile

from ..errors import ImportFileError

#: Zip limits, checked from the central directory before any member is read.
MAX_ZIP_ENTRIES = 50_000
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024
#: A member that expands more than this many times over is treated as a zip bomb.
MAX_ZIP_RATIO = 200
#: Zip members that are never content (macOS resource forks, Finder and Windows junk).
JUNK_PARTS = ("__MACOSX",)
JUNK_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


def _bad_name(name: str) -> str | None:
    if "\x00" in name:
        return "contains a NUL byte"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "is an absolute path"
    if any(part == ".." for part in norm.split("/")):
        return "climbs out of the archive (..)"
    return None


def is_junk(name: str) -> bool:
    """True for ``__MACOSX/`` resource forks, ``._*`` AppleDouble files, ``.DS_Store`` and
    similar entries that are never content."""
    parts = name.replace("\\", "/").split("/")
    return (any(p in JUNK_PARTS for p in parts) or parts[-1] in JUNK_NAMES
            or parts[-1].startswith("._"))


def open_zip(path: str) -> zipfile.ZipFile:
    """Open a zip after checking its central directory, before any member is read.

    Refused: member names with ``..`` or absolute paths, symlinks, more than
    :data:`MAX_ZIP_ENTRIES` members, a member over :data:`MAX_ZIP_MEMBER_BYTES`, a total
    over :data:`MAX_ZIP_TOTAL_BYTES`, a compression ratio over :data:`MAX_ZIP_RATIO`
    (zip bombs), encrypted members.

    :raises ImportFileError: not a zip, truncated, or any check above fails.
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ImportFileError(file=path, code="zip.unreadable",
                              values={"detail": str(e)}) from None
    try:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ImportFileError(file=path,
                                  code="zip.too-many",
                                  values={"n": len(infos), "max": MAX_ZIP_ENTRIES})
        total = 0
        for info in infos:
            why = _bad_name(info.filename)
            if why:
                raise ImportFileError(file=path,
                                      code="zip.bad-name",
                                      values={"name": info.filename, "why": why})
            mode = info.external_attr >> 16
            if info.create_system == 3 and stat.S_ISLNK(mode):
                raise ImportFileError(file=path,
                                      code="zip.symlink",
                                      values={"name": info.filename})
            if info.flag_bits & 0x1:
                raise ImportFileError(file=path,
                                      code="zip.encrypted",
                                      values={"name": info.filename})
            if info.file_size > MAX_ZIP_MEMBER_BYTES:
                raise ImportFileError(file=path,
                                      code="zip.entry-too-large",
                                      values={"name": info.filename, "size": info.file_size})
            if (info.file_size > 1024 * 1024
                    and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)):
                raise ImportFileError(file=path,
                                      code="zip.bomb",
                                      values={"name": info.filename,
                                              "ratio": info.file_size // max(info.compress_size, 1)})
            total += info.file_size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise ImportFileError(file=path,
                                  code="zip.too-big",
                                  values={"mb": total // (1024 * 1024),
                                          "max": MAX_ZIP_TOTAL_BYTES // (1024 * 1024)})
    except ImportFileError:
        zf.close()
        raise
    return zf


def read_member(zf: zipfile.ZipFile, name: str, path: str) -> bytes:
    """Read one checked member, never more than its declared size.

    :raises ImportFileError: missing member, CRC error, truncated archive.
    """
    try:
        info = zf.getinfo(name)
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise ImportFileError(file=path,
                                  code="zip.larger-than-declared",
                                  values={"name": name})
        return data
    except KeyError:
        raise ImportFileError(file=path, code="zip.no-entry", values={"name": name}) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
        raise ImportFileError(file=path,
                              code="zip.entry-unreadable",
                              values={"name": name, "detail": str(e)}) from None
