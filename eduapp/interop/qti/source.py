"""The files of a QTI content package, whether a zip or a folder, addressed by
``/``-separated paths relative to the package root; nothing outside it is read."""

from __future__ import annotations

import html as html_mod
import os
import posixpath
import re

from ...errors import ImportFileError
from .. import archives, filereading


class Source:
    """Files of a package addressed by ``/``-separated relative paths."""

    def names(self) -> list[str]:
        raise NotImplementedError

    def read(self, name: str) -> bytes:
        raise NotImplementedError

    def exists(self, name: str) -> bool:
        return name in self._set

    def close(self) -> None:
        pass


class ZipSource(Source):
    def __init__(self, path: str):
        self.path = path
        self.zf = archives.open_zip(path)
        self._names = [i.filename for i in self.zf.infolist()
                       if not i.is_dir() and not archives.is_junk(i.filename)]
        self._set = set(self._names)

    def names(self):
        return self._names

    def read(self, name):
        return archives.read_member(self.zf, name, self.path)

    def close(self):
        self.zf.close()


class FolderSource(Source):
    """Files under a folder; listed only when needed (a lone item file next to thousands of
    other files does not walk them), symlinks and paths leaving the folder refused."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)
        self._names: list[str] | None = None

    def names(self):
        if self._names is None:
            names = []
            for folder, dirs, files in os.walk(self.root):
                dirs[:] = [d for d in dirs if not archives.is_junk(d)]
                for f in files:
                    full = os.path.join(folder, f)
                    rel = os.path.relpath(full, self.root).replace(os.sep, "/")
                    if not archives.is_junk(rel) and not os.path.islink(full):
                        names.append(rel)
                    if len(names) > archives.MAX_ZIP_ENTRIES:
                        raise ImportFileError(file=self.root, code="qti.too-many-files")
            self._names = sorted(names)
        return self._names

    def _full(self, name: str) -> str | None:
        full = os.path.join(self.root, *name.split("/"))
        if os.path.islink(full):
            return None
        real = os.path.realpath(full)
        if not real.startswith(self.root + os.sep):
            return None
        return real

    def exists(self, name):
        full = self._full(name)
        return bool(full) and os.path.isfile(full) and not archives.is_junk(name)

    def read(self, name):
        full = self._full(name)
        if full is None:
            raise ImportFileError(file=self.root, code="qti.outside-folder", values={"name": name})
        return filereading.read_bytes(full, allow_empty=True)


def join_href(base_dir: str, href: str) -> str | None:
    """Resolve ``href`` against ``base_dir`` inside a package; ``None`` when it is a URL or
    would leave the package."""
    href = html_mod.unescape(href.split("#")[0].split("?")[0]).replace("\\", "/")
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("/"):
        return None
    from urllib.parse import unquote
    joined = posixpath.normpath(posixpath.join(base_dir, unquote(href)))
    if joined.startswith("../") or joined == "..":
        return None
    return joined
