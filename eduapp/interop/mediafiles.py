"""Media files of items: telling an image by its magic bytes, MIME types, and carrying
media bytes between a file, its items and a parse result."""

from __future__ import annotations

import mimetypes
import os

from ..domain import Item, Media
from ..errors import ImportFileError


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
)


def image_mime(data: bytes) -> str | None:
    """The image MIME type the magic bytes of ``data`` show, or ``None`` when ``data`` is
    not a PNG, JPEG, GIF, BMP, TIFF, ICO, WebP or SVG image."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in head:
        return "image/svg+xml"
    return None


def guess_mime(name: str) -> str:
    """MIME type from a file name (``application/octet-stream`` when unknown)."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def make_media(name: str, data: bytes, path: str, where: str | None = None
               ) -> tuple[Media | None, ImportFileError | None]:
    """A :class:`Media` for ``data`` named ``name``, or an error when a file named as an
    image (by extension) is not one by its magic bytes.

    :returns: ``(media, None)`` or ``(None, error)``.
    """
    base = os.path.basename(name.replace("\\", "/")) or "file"
    mime = guess_mime(base)
    real = image_mime(data)
    if mime.startswith("image/") and real is None:
        return None, ImportFileError(file=path,
                                     item=where,
                                     code="import.not-an-image",
                                     values={"name": base})
    if real:
        mime = real
    return Media(name=base, mime=mime, data=data), None


def attach_media(item: Item, media: Media, result) -> None:
    """Add ``media`` to ``item.media`` (once) and its bytes to ``result.media``."""
    if media.data is not None:
        result.media.setdefault(media.sha256, media)
    if not any(m.sha256 == media.sha256 and m.name == media.name for m in item.media):
        item.media.append(Media(name=media.name, mime=media.mime, data=media.data,
                                sha256=media.sha256))


def media_bytes(item: Item, media: dict | None) -> list[Media]:
    """The media of ``item`` that have bytes, taken from the item or from ``media`` (the
    export's table keyed by sha256)."""
    out = []
    for m in item.media:
        data = m.data
        if data is None and media and m.sha256 in media:
            data = media[m.sha256].data
        if data is not None:
            out.append(Media(name=m.name, mime=m.mime, data=data, sha256=m.sha256))
    return out
