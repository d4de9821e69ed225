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
                    tests_out: list | None = None) -> list[str]:
    manifests = sorted((n for n in source.names() if n.rsplit("/", 1)[-1] == "imsmanifest.xml"),
                       key=lambda n: n.count("/"))
    if not manifests:
        return _scan_items(source)
    mname = manifests[0]
    base = posixpath.dirname(mname)
    root = xmlparse.parse_xml(source.read(mname), path)
    if xmlparse.local(root.tag) != "manifest":
        raise ImportFileError("imsmanifest.xml has no <manifest> root", file=path)
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
                result.errors.append(ImportFileError(
                    f"manifest resource {href!r} points outside the package; skipped",
                    file=path))
            elif not source.exists(rel):
                result.errors.append(ImportFileError(
                    f"manifest resource {href!r} is not in the package; skipped", file=path))
            else:
                out.append(rel)
        elif "questestinterop" in rtype or re.search(r"xmlv1p\d", rtype):
            qti1.append(href)
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
    if not out and qti1:
        raise ImportFileError(f"this is a QTI 1.x package ({', '.join(qti1)}), which EduApp "
                              "does not read; export QTI 2.1 or 3.0 from the source system",
                              file=path)
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
                f"section {label}: its candidate instructions were not imported (none of its "
                f"items could be): {text[:80]}", file=path, item=label))
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
            f"section {label}: its candidate rubricBlock is kept as the shared text of its "
            f"{len(members)} item(s)", file=path, item=label))


def _parse_package(source: Source, path: str) -> ParseResult:
    result = ParseResult(format=NAME, file=path)
    try:
        tests: list[str] = []
        names = _manifest_items(source, path, result, tests)
        if not names and not result.errors:
            raise ImportFileError("the package holds no QTI 2.x/3.0 items", file=path)
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
        interactions, a QTI 1.2 resource, or a missing file is an error naming the entry
        (the rest still imports). Media shown by items are read from the package (and
        checked to be images where named as images).
    :raises ImportFileError: unreadable/empty/binary file, unsafe zip (see
        :func:`eduapp.interop.archives.open_zip`), XML that is not well-formed, QTI 1.2, or
        no items at all.
    """
    if os.path.isdir(path):
        if not os.path.exists(os.path.join(path, "imsmanifest.xml")):
            raise ImportFileError("the folder has no imsmanifest.xml", file=path)
        return _parse_package(FolderSource(path), path)
    if filereading.read_head(path).startswith(b"PK"):
        return _parse_package(ZipSource(path), path)
    data = filereading.read_bytes(path)
    if filereading.looks_binary(data) and not textencoding.bom_encoding(data):
        raise ImportFileError("the file is binary data, not QTI XML or a zip", file=path)
    root = xmlparse.parse_xml(data, path)
    name = xmlparse.local(root.tag)
    if name == "manifest":
        return _parse_package(FolderSource(os.path.dirname(os.path.abspath(path))), path)
    if name == "questestinterop":
        raise ImportFileError("this is QTI 1.2, which EduApp does not read; export QTI 2.1 "
                              "or 3.0 from the source system", file=path)
    if name == "assessmenttest":
        raise ImportFileError("this is an assessmentTest, which only lists items; import "
                              "the package (zip or folder) that holds them", file=path)
    if name != "assessmentitem":
        raise ImportFileError(f"not a QTI item: the root element is <{name}>", file=path)
    result = ParseResult(format=NAME, file=path)
    folder = os.path.dirname(os.path.abspath(path))
    source = None
    try:
        source = FolderSource(folder)
    except ImportFileError:
        source = None
    reader = ItemReader(source, "", path, result, os.path.basename(path))
    item = item_from_root(root, reader)
    if item is not None:
        result.add(item, os.path.basename(path))
    return result
