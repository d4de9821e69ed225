"""Meta-tests: the layering holds, every visible string is translated, every CLI command
of DESIGN.md exists and has --help."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from .conftest import REPO, SHARED

FEATURES = ["eduapp.domain", "eduapp.errors", "eduapp.config", "eduapp.cli", "eduapp.bank",
            "eduapp.interop", "eduapp.llm", "eduapp.authoring", "eduapp.exams", "eduapp.pdf",
            "eduapp.practice", "eduapp.vpatient", "eduapp.commands", "eduapp.marking"]


@pytest.mark.parametrize("module", FEATURES)
def test_feature_packages_do_not_import_qt(module):
    code = (f"import importlib, sys\n"
            f"try:\n    importlib.import_module({module!r})\n"
            f"except ModuleNotFoundError as e:\n"
            f"    if e.name == {module!r}: sys.exit(0)\n    raise\n"
            f"bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            f"sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, f"{module} imports PySide6\n{proc.stderr}"


def test_only_llm_imports_openai():
    offenders = []
    for root, _dirs, files in os.walk(os.path.join(REPO, "eduapp")):
        if os.sep + "llm" in root:
            continue
        for name in files:
            if name.endswith(".py"):
                text = open(os.path.join(root, name), encoding="utf-8").read()
                if re.search(r"^\s*(import openai|from openai)", text, re.M):
                    offenders.append(name)
    assert offenders == []


def test_every_ui_string_is_translated(tmp_path):
    sys.path.insert(0, os.path.join(REPO, "scripts"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    ts = str(tmp_path / "current.ts")
    import shutil
    shutil.copy(translations.TS, ts)
    translations.lupdate(ts)
    missing = translations.unfinished(ts)
    assert missing == [], (f"{len(missing)} untranslated strings; run `make translations` "
                           f"and translate them: {missing[:10]}")
    assert os.path.getmtime(translations.QM) >= 0


def _design_commands() -> list[list[str]]:
    path = os.path.join(SHARED, "DESIGN.md")
    if not os.path.exists(path):
        pytest.skip("../shared/DESIGN.md not beside the repo")
    text = open(path, encoding="utf-8").read()
    block = text.split("## CLI contract", 1)[1].split("```", 2)[1]
    commands = []
    for line in block.splitlines():
        group = None
        for part in line.split("·"):
            part = part.strip()
            if re.match(r"eduapp [a-z]", part):
                words = part.split()[1:]
            elif group and re.match(r"[a-z]", part):  # "· vp play CASE": same line, no prefix
                words = part.split()
            else:
                continue  # "eduapp      open the GUI" is a description, not a command
            head = []
            for w in words:
                if not re.fullmatch(r"[a-z][a-z|-]*", w):
                    break
                head.append(w)
            if len(head) >= 1:
                group = head[0]
                subs = head[1].split("|") if len(head) > 1 else [None]
                for sub in subs:
                    commands.append([group] + ([sub] if sub else []))
    return commands


def test_every_design_command_exists_with_help(capsys):
    from eduapp.cli import main
    commands = _design_commands()
    assert ["bank", "import"] in commands and ["vp", "play"] in commands
    for cmd in commands:
        with pytest.raises(SystemExit) as exc:
            from eduapp.cli import build_parser
            build_parser().parse_args(cmd + ["--help"])
        assert exc.value.code == 0, cmd
        assert "usage: eduapp" in capsys.readouterr().out
