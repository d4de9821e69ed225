"""Writing a QTI content package (zip): ``imsmanifest.xml`` with IEEE LOM metadata, one
item file per item under ``items/``, media under ``media/``."""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import quoteattr

from ...errors import ExportError
from ...files import atomic_write
from ..base import units_items
from .. import mediafiles
from ..lom import lom_metadata
from .item_writer import item_xml, qti_identifier
from .versions import MANIFEST


def write(units, path: str, documents=(), media: dict | None = None,
          version: str = "2.1") -> None:
    """Write ``units`` as a QTI content package (zip): ``imsmanifest.xml``, one
    ``items/<id>.xml`` per item and ``media/<sha256 prefix>/<name>`` per file.

    :param version: ``"2.1"`` (default) or ``"3.0"``; a path ending ``.qti3.zip`` picks 3.0.
    :param media: bytes of files the items refer to, by sha256.
    :raises ExportError: unknown version or the file cannot be written.
    """
    if path.lower().endswith(".qti3.zip"):
        version = "3.0"
    if version not in MANIFEST:
        raise ExportError(code="qti.write-version",
                          values={"version": version, "choices": ["2.1", "3.0"]})
    ns, schema_loc, rtype, schema = MANIFEST[version]
    items = units_items(units)
    resources = []
    files: dict[str, bytes] = {}
    used_ids: set[str] = set()
    for item in items:
        ident = qti_identifier(item)
        base = ident
        n = 1
        while ident in used_ids:
            n += 1
            ident = f"{base}_{n}"
        used_ids.add(ident)
        media_paths = {}
        deps = []
        for m in mediafiles.media_bytes(item, media):
            rel = f"media/{m.sha256[:16]}/{m.name}"
            files[rel] = m.data
            media_paths[m.name] = "../" + rel
            deps.append(rel)
        href = f"items/{ident}.xml"
        text = item_xml(item, version, media_paths)
        if ident != qti_identifier(item):
            text = text.replace(f'identifier="{qti_identifier(item)}"',
                                f'identifier="{ident}"', 1)
        files[href] = text.encode("utf-8")
        resources.append(
            f'<resource identifier="RES_{ident}" type="{rtype}" href="{href}">'
            + lom_metadata(item)  # provenance: author, reviewer, sources (eduapp.interop.lom)
            + f'<file href="{href}"/>' + "".join(f'<file href={quoteattr(d)}/>' for d in deps)
            + "</resource>")
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?>\n<manifest xmlns="{ns}" '
                f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                f'xsi:schemaLocation="{schema_loc}" identifier="MANIFEST_EDUAPP">\n'
                f"<metadata><schema>{schema}</schema><schemaversion>"
                f"{'3.0.0' if version == '3.0' else '2.1'}</schemaversion></metadata>\n"
                "<organizations/>\n<resources>\n" + "\n".join(resources)
                + "\n</resources>\n</manifest>\n")

    def writer(fh):
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("imsmanifest.xml", manifest)
            for name, data in files.items():
                zf.writestr(name, data)

    atomic_write(path, writer, binary=True)


def write_qti3(units, path: str, documents=(), media: dict | None = None) -> None:
    """:func:`write` with ``version="3.0"``."""
    write(units, path, documents, media, version="3.0")
