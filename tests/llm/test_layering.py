"""eduapp.llm stays free of Qt, and is the only package that imports openai."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import eduapp


def test_llm_imports_no_qt():
    code = ("import sys, eduapp.llm; "
            "sys.exit(1 if any(m.split('.')[0] == 'PySide6' for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_only_llm_imports_openai():
    root = pathlib.Path(eduapp.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if "llm" not in p.relative_to(root).parts[:1]
                 and any(line.strip().startswith(("import openai", "from openai"))
                         for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
