"""Reading a QTI content package (zip, folder or its ``imsmanifest.xml``) or a lone item
file: which items the manifest lists (else the tests' item references, else every item
file), section rubric blocks kept as shared case texts, and :func:`parse`."""

from __future__ import annotations

import os
import posixpath
import re

from ...domain import ItemSet
from ...errors import ImportFileError
from .. import filereading, textencoding, xmlparse
from ..base import ParseResult
from .elements import feedback_text
from . import qti12_reader
from .item_reader import ItemReader, item_from_root, parse_item_file
from .source import FolderSource, Source, ZipSource, join_href
from .versions import NAME


def _scan_items(source: Source) -> list[str]:
    """Every XML file of the package whose start names an assessment item."""
    out = []
    for n in source.names():
        if n.lower().endswith(".xml") and not n.endswith("imsmanifest.xml"):
            head = source.read(n)[:4096]
            if b"assessmentItem" in head or b"qti-assessment-item" in head:
                out.append(n)
    return out


def _test_roots(source: Source, tests: list[str], path: str):
    """``(test path, root element)`` of each assessment test of the package that parses;
    a test that does not is passed over (its items may still be listed by the manifest)."""
    for test in tests:
        try:
            yield test, xmlparse.parse_xml(source.read(test), path)
        except ImportFileError:
            continue


def _test_items(source: Source, tests: list[str], path: str) -> list[str]:
    """Items referred to by ``assessmentItemRef`` in the package's assessment tests."""
    out = []
    for test, root in _test_roots(source, tests, path):
        for ref in root.iter():
            if xmlparse.local(ref.tag) == "assessmentitemref":
                rel = join_href(posixpath.dirname(test), ref.attrib.get("href", ""))
                if rel and source.exists(rel) and rel not in out:
                    out.append(rel)
    return out


def _manifest_items(source: Source, path: str, result: ParseResult,
                    tests_out: list | None = None, qti1_out: list | None = None) -> list[str]:
    manifests = sorted((n for n in source.names() if n.rsplit("/", 1)[-1] == "imsmanifest.xml"),
                       key=lambda n: n.count("/"))
    if not manifests:
        return _scan_items(source)
    mname = manifests[0]
    base = posixpath.dirname(mname)
    root = xmlparse.parse_xml(source.read(mname), path)
    if xmlparse.local(root.tag) != "manifest":
        raise ImportFileError(file=path, code="qti.no-manifest-root",
                              values={"file": "imsmanifest.xml", "root": "<manifest>"})
    out: list[str] = []
    qti1: list[str] = []
    tests: list[str] = []
    for res in root.iter():
        if xmlparse.local(res.tag) != "resource":
            continue
        rtype = res.attrib.get("type", "")
        href = res.attrib.get("href", "")
        if not href:
            continue
        xml_base = res.attrib.get("{http://www.w3.org/XML/1998/namespace}base", "")
        if "imsqti_item" in rtype or "imsqti_apipitem" in rtype or "assessmentitem" in \
                rtype.lower():
            rel = join_href(posixpath.join(base, xml_base), href)
            if rel is None:
                result.errors.append(ImportFileError(file=path,
                                                     code="qti.outside",
                                                     values={"href": href}))
            elif not source.exists(rel):
                result.errors.append(ImportFileError(file=path,
                                                     code="qti.missing-resource",
                                                     values={"href": href}))
            else:
                out.append(rel)
        elif "questestinterop" in rtype or re.search(r"xmlv1p\d", rtype):
            rel = join_href(posixpath.join(base, xml_base), href)
            if rel and source.exists(rel):
                qti1.append(rel)
        elif "imsqti_test" in rtype:
            rel = join_href(posixpath.join(base, xml_base), href)
            if rel and source.exists(rel):
                tests.append(rel)
    if tests_out is not None:
        tests_out.extend(tests)
    if not out:
        out = _test_items(source, tests, path)
    if not out:
        out = _scan_items(source)
    if not out and qti1_out is not None:
        qti1_out.extend(qti1)  # a QTI 1.x package: read by qti12_reader
    return out


def _section_rubrics(source: Source, tests: list[str], path: str) -> list[tuple]:
    """Candidate-view ``rubricBlock``s of the assessment tests' sections (shared case texts,
    instructions): ``[(section identifier, title, text, [item paths in the section])]``."""
    out = []
    for test, root in _test_roots(source, tests, path):
        for section in root.iter():
            if xmlparse.local(section.tag) != "assessmentsection":
                continue
            blocks = [r for r in section if xmlparse.local(r.tag) == "rubricblock"
                      and (not xmlparse.attr(r, "view").split()
                           or "candidate" in xmlparse.attr(r, "view").split())]
            text = "\n\n".join(t for t in (feedback_text(r) for r in blocks) if t)
            if not text:
                continue
            refs = [join_href(posixpath.dirname(test), ref.attrib.get("href", ""))
                    for ref in section.iter() if xmlparse.local(ref.tag) == "assessmentitemref"]
            out.append((xmlparse.attr(section, "identifier"), xmlparse.attr(section, "title"), text,
                        [r for r in refs if r]))
    return out


def _apply_section_rubrics(result: ParseResult, by_path: dict, rubrics: list[tuple],
                           path: str) -> None:
    """Keep each section's candidate text: the shared vignette of a case set of the
    section's items (one item: its vignette), reported as a note naming the section."""
    for ident, title, text, refs in rubrics:
        members = [by_path[r] for r in refs if r in by_path]
        members = [m for m in members if any(u is m for u in result.units)]
        label = ident or title or "section"
        if not members:
            result.warnings.append(ImportFileError(
                file=path, item=label, code="qti.rubric-lost",
                values={"label": label, "text": text[:80]}))
            continue
        if len(members) == 1:
            item = members[0]
            item.vignette = f"{text}\n\n{item.vignette}".strip()
        else:
            at = next(k for k, u in enumerate(result.units) if u is members[0])
            result.units = [u for u in result.units if not any(u is m for m in members)]
            result.units.insert(at, ItemSet(kind="case", title=title or ident,
                                            vignette=text, items=members).attach())
        result.warnings.append(ImportFileError(
            file=path, item=label, code="qti.rubric-kept",
            values={"label": label, "element": "rubricBlock", "n": len(members)}))


def _parse_package(source: Source, path: str) -> ParseResult:
    result = ParseResult(format=NAME, file=path)
    try:
        tests: list[str] = []
        qti1: list[str] = []
        names = _manifest_items(source, path, result, tests, qti1)
        for doc in qti1:
            root = xmlparse.parse_xml(source.read(doc), path)
            qti12_reader.parse_document(root, qti12_reader.Context(
                source, posixpath.dirname(doc), path, result))
        if not names and not qti1 and not result.errors:
            raise ImportFileError(file=path, code="qti.no-items")
        by_path = {}
        for n in names:
            reader = ItemReader(source, posixpath.dirname(n), path, result, n)
            item = parse_item_file(source.read(n), reader)
            if item is not None:
                result.add(item, n)
                by_path[n] = item
        _apply_section_rubrics(result, by_path, _section_rubrics(source, tests, path), path)
    finally:
        source.close()
    return result


def parse(path: str) -> ParseResult:
    """Read a QTI item file, a package zip, a package folder or its ``imsmanifest.xml``.

    :returns: items in manifest order; an item with an unsupported interaction, several
        interactions, or a missing file is an error naming the entry
        (the rest still imports). Media shown by items are read from the package (and
        checked to be images where named as images).
    :raises ImportFileError: unreadable/empty/binary file, unsafe zip (see
        :func:`eduapp.interop.archives.open_zip`), XML that is not well-formed, or
        no items at all.
    """
    if os.path.isdir(path):
        if not os.path.exists(os.path.join(path, "imsmanifest.xml")):
            raise ImportFileError(file=path, code="qti.no-manifest",
                                  values={"file": "imsmanifest.xml"})
        return _parse_package(FolderSource(path), path)
    if filereading.read_head(path).startswith(b"PK"):
        return _parse_package(ZipSource(path), path)
    data = filereading.read_bytes(path)
    if filereading.looks_binary(data) and not textencoding.bom_encoding(data):
        raise ImportFileError(file=path, code="qti.binary")
    data, encoding = xmlparse.undeclared_to_utf8(data, path)
    root = xmlparse.parse_xml(data, path)
    name = xmlparse.local(root.tag)
    if name == "manifest":
        return _parse_package(FolderSource(os.path.dirname(os.path.abspath(path))), path)
    if name == "questestinterop":
        return _parse_qti12(root, path, encoding)
    if name == "assessmenttest":
        raise ImportFileError(file=path, code="qti.test-only", values={"kind": "assessmentTest"})
    if name != "assessmentitem":
        raise ImportFileError(file=path, code="qti.wrong-root", values={"root": f"<{name}>"})
    result = ParseResult(format=NAME, file=path, encoding=encoding)
    reader = ItemReader(_lone_file_source(path), "", path, result, os.path.basename(path))
    item = item_from_root(root, reader)
    if item is not None:
        result.add(item, os.path.basename(path))
    return result


def _lone_file_source(path: str) -> FolderSource | None:
    """The folder of a lone item file, for the media it shows (``None`` when it cannot be
    listed)."""
    try:
        return FolderSource(os.path.dirname(os.path.abspath(path)))
    except ImportFileError:
        return None


def _parse_qti12(root, path: str, encoding: str) -> ParseResult:
    """A QTI 1.2 document on its own (no manifest)."""
    result = ParseResult(format=NAME, file=path, encoding=encoding)
    qti12_reader.parse_document(root, qti12_reader.Context(_lone_file_source(path), "", path,
                                                           result))
    if not result.units and not result.errors:
        raise ImportFileError(file=path, code="qti.v12-no-items")
    return result
