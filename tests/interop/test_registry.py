"""The public API: registry, detection, parse_file/write_file; and the layering rule."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from eduapp.errors import ExportError, ImportFileError
from eduapp.interop import FORMAT_MODULES, detect_format, format_module, parse_file, write_file

FIX = os.path.join(os.path.dirname(__file__), "fixtures")


@pytest.mark.parametrize("name", sorted(FORMAT_MODULES))
def test_each_module_follows_the_contract(name):
    module = format_module(name)
    assert module.NAME == name
    assert isinstance(module.EXTENSIONS, tuple) and module.EXTENSIONS
    assert callable(module.detect) and callable(module.parse) and callable(module.write)
    assert module.parse.__doc__ and module.write.__doc__


@pytest.mark.parametrize("fixture,fmt", [
    ("moodle_all.xml", "moodle-xml"), ("gift_all.gift", "gift"), ("aiken_mixed.txt", "aiken"),
    ("qti21_choice.xml", "qti"), ("qti30_text_entry.xml", "qti"),
])
def test_detection(fixture, fmt):
    assert detect_format(os.path.join(FIX, fixture)) == fmt


@pytest.mark.parametrize("fmt,suffix", [
    ("moodle-xml", ".xml"), ("gift", ".gift"), ("aiken", ".txt"), ("csv", ".csv"),
    ("qti", ".zip"), ("apkg", ".apkg"), ("eduapp-json", ".json"),
])
def test_write_then_detect_then_parse(units, media_table, tmp_path, fmt, suffix):
    path = tmp_path / f"out{suffix}"
    write_file(units, str(path), fmt, media=media_table)
    assert detect_format(str(path)) == fmt
    result = parse_file(str(path))
    assert result.format == fmt and result.items


def test_unknown_format_and_unwritable_folder(units, tmp_path):
    with pytest.raises(ImportFileError):
        parse_file(os.path.join(FIX, "gift_all.gift"), "nope")
    with pytest.raises(ExportError):
        write_file(units, str(tmp_path / "x"), "nope")
    with pytest.raises(ExportError):
        write_file(units, str(tmp_path / "missing" / "x.xml"), "moodle-xml")


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(ImportFileError, match="cannot read"):
        parse_file(str(tmp_path / "nothing.gift"))
    empty = tmp_path / "empty.gift"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        parse_file(str(empty))


def test_interop_does_not_import_qt():
    code = ("import sys, eduapp.interop as i\n"
            "for n in i.FORMAT_MODULES: i.format_module(n)\n"
            "assert 'PySide6' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
