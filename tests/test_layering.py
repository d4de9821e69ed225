"""The map of ``../shared/DESIGN.md`` holds: imports point down the layers only, no two
modules import each other (directly or around a circle), and every package the map names
exists. Imports are read from the source (``ast``), including imports inside functions;
imports under ``if TYPE_CHECKING:`` are annotations, not dependencies, and are skipped,
except inside the GUI, where two modules that name each other even in annotations are
one circle (a window module and the module that opens it, say)."""

from __future__ import annotations

import ast
import os
import re

import pytest

from .conftest import REPO, SHARED

PACKAGE = os.path.join(REPO, "eduapp")

#: Layers from the bottom up (DESIGN.md "Layers"): a module may import its own layer and
#: the ones below. ``cli`` is the entry point: with no arguments it opens the GUI.
LAYERS = [
    {"__init__", "errors", "messages", "resources", "files", "textfiles", "storage", "domain",
     "config", "provenance", "language", "htmltext", "cloze"},
    {"llm", "bank"},
    {"interop"},
    {"authoring", "exams", "practice"},
    {"pdf"},
    {"vpatient", "marking"},
    {"workspace"},
    {"commands", "ui"},
    {"cli", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _modules() -> dict[str, str]:
    """``{dotted module name: file path}`` for every module of the package."""
    out = {}
    for root, _dirs, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, REPO)[:-3].split(os.sep)
                if rel[-1] == "__init__":
                    rel = rel[:-1]
                out[".".join(rel)] = path
    return out


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for sub in ast.walk(child):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def _imports(module: str, path: str, known: set[str], *,
             annotations: bool = False) -> set[str]:
    """The eduapp modules ``module`` imports (resolved to the longest known name); with
    ``annotations``, those imported under ``if TYPE_CHECKING:`` too."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    skip = set() if annotations else _type_checking_lines(tree)
    is_pkg = path.endswith("__init__.py")
    base = module.split(".") if is_pkg else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                root = base[:len(base) - node.level + 1]
                stem = ".".join(root + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # "from .. import storage" names a module; "from ..domain import Item" a name
            names = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem
                     for a in node.names]
        for name in names:
            parts = name.split(".")
            while parts and ".".join(parts) not in known:
                parts.pop()
            if parts and ".".join(parts) != module:
                found.add(".".join(parts))
    return found


def _graph(annotations: bool = False) -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {m: _imports(m, p, known, annotations=annotations) for m, p in mods.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _ancestors(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:k]) for k in range(1, len(parts))}


def test_every_module_belongs_to_a_layer():
    unknown = sorted({_layer(m) for m in _graph()} - set(RANK))
    assert unknown == [], f"add {unknown} to LAYERS (and to DESIGN.md's map)"


def test_no_module_imports_a_higher_layer():
    graph = _graph()
    upward = sorted(f"{m} -> {t}" for m, targets in graph.items() for t in targets
                    if RANK.get(_layer(t), 0) > RANK.get(_layer(m), 0))
    assert upward == []


def test_no_import_cycles_between_modules():
    graph = _graph()
    # a package's __init__ re-exports its modules: the edge from a module to its own
    # package (and back) is the package's face, not a dependency
    graph = {m: {t for t in ts if t not in _ancestors(m) and m not in _ancestors(t)}
             for m, ts in graph.items()}
    assert _cycles(graph) == []


def test_no_import_cycles_inside_the_gui_even_in_annotations():
    graph = {m: {t for t in ts if t.startswith("eduapp.ui.") and t not in _ancestors(m)
                 and m not in _ancestors(t)}
             for m, ts in _graph(annotations=True).items() if m.startswith("eduapp.ui.")}
    assert _cycles(graph) == []


def test_no_import_cycles_between_packages():
    graph: dict[str, set[str]] = {}
    for m, targets in _graph().items():
        graph.setdefault(_layer(m), set()).update(
            _layer(t) for t in targets if _layer(t) != _layer(m))
    assert _cycles(graph) == []


def test_no_page_imports_another_page():
    graph = _graph()
    pages = [m for m in graph if m.startswith("eduapp.ui.pages.")]
    crossing = sorted(f"{m} -> {t}" for m in pages for t in graph[m]
                      if t.startswith("eduapp.ui.pages.") and t != m)
    assert crossing == []


def test_only_the_bank_writes_sql_against_its_tables():
    tables = r"\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:items|item_sets|item_versions|documents|media)\b"
    offenders = []
    for module, path in _modules().items():
        if _layer(module) in ("bank", "storage"):
            continue
        if re.search(tables, open(path, encoding="utf-8").read()):
            offenders.append(module)
    assert offenders == []


def test_every_package_named_in_the_design_exists():
    path = os.path.join(SHARED, "DESIGN.md")
    if not os.path.exists(path):
        pytest.skip("../shared/DESIGN.md not beside the repo")
    text = open(path, encoding="utf-8").read()
    block = text.split("## Layers", 1)[1].split("```", 2)[1]
    named = set(re.findall(r"eduapp/([a-z_]+(?:\.py|/))", block))
    named |= {f"{n}/" for n in re.findall(r"^    ([a-z_]+)/", block, re.M)}
    missing = sorted(n for n in named if not os.path.exists(os.path.join(PACKAGE, n)))
    assert missing == []
