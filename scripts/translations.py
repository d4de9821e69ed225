#!/usr/bin/env python3
"""Refresh the interface translations.

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``eduapp/ui`` into
   ``assets/translations/eduapp_zh_CN.ts`` (existing translations are kept).
2. ``--fill FILE.json`` (optional) applies ``{"source text": "译文"}`` pairs to entries
   that are still unfinished.
3. ``pyside6-lrelease`` compiles the ``.qm`` file the app loads.

It prints how many strings are still untranslated; the test suite fails while any are.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET  # our own file, not untrusted input

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "assets", "translations", "eduapp_zh_CN.ts")
QM = TS[:-3] + ".qm"
BIN = os.path.dirname(sys.executable)


def sources() -> list[str]:
    """Every Python file of the GUI, relative to the repo root."""
    return sorted(os.path.relpath(p, ROOT) for p in
                  glob.glob(os.path.join(ROOT, "eduapp", "ui", "**", "*.py"), recursive=True))


def lupdate(ts_path: str = TS) -> None:
    """Collect the tr() strings into ``ts_path`` (no obsolete entries kept)."""
    subprocess.run([os.path.join(BIN, "pyside6-lupdate"), *sources(), "-no-obsolete",
                    "-source-language", "en", "-target-language", "zh_CN", "-ts", ts_path],
                   cwd=ROOT, check=True, capture_output=True)


def unfinished(ts_path: str = TS) -> list[tuple[str, str]]:
    """``(context, source)`` of entries without a finished translation."""
    out = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not (t.text or "").strip():
                if t is None or t.get("type") not in ("vanished", "obsolete"):
                    out.append((name, message.findtext("source")))
    return out


def fill(pairs: dict[str, str], ts_path: str = TS) -> int:
    """Apply translations to unfinished entries whose source text is in ``pairs``."""
    tree = ET.parse(ts_path)
    n = 0
    for message in tree.getroot().iter("message"):
        src = message.findtext("source")
        t = message.find("translation")
        if src in pairs and t is not None and (t.get("type") == "unfinished" or not t.text):
            t.text = pairs[src]
            t.attrib.pop("type", None)
            n += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return n


def lrelease() -> None:
    """Compile the ``.qm`` file."""
    subprocess.run([os.path.join(BIN, "pyside6-lrelease"), TS, "-qm", QM], cwd=ROOT,
                   check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", metavar="FILE.json")
    args = parser.parse_args()
    lupdate()
    if args.fill:
        with open(args.fill, encoding="utf-8") as fh:
            print(f"filled {fill(json.load(fh))} translations")
        lupdate()  # back to lupdate's own layout, so that the file's diffs stay small
    lrelease()
    missing = unfinished()
    for context, src in missing:
        print(f"untranslated: [{context}] {src}")
    print(f"{len(missing)} untranslated strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
