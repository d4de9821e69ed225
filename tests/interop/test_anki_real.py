"""Each ``.apkg`` export opens in Anki itself: the real ``anki`` package (Anki's Rust
backend) imports it with its own importer, and the notes, fields and media are there."""

from __future__ import annotations

import os

import pytest

from eduapp.interop import write_file

anki_collection = pytest.importorskip("anki.collection",
                                      reason="the 'anki' package (test extra) is absent")


def _import_in_anki(apkg: str, folder) -> tuple:
    from anki.collection import Collection, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions
    col = Collection(os.path.join(str(folder), "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=apkg, options=ImportAnkiPackageOptions(with_scheduling=False)))
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        media_dir = col.media.dir()
        media = sorted(os.listdir(media_dir))
        return [(n.guid, n.note_type()["name"], list(n.keys()), list(n.fields)) for n in notes], \
            media
    finally:
        col.close()


def test_apkg_export_opens_in_anki(units, media_table, tmp_path):
    path = tmp_path / "deck.apkg"
    left_out = write_file(units, str(path), "apkg", media=media_table)
    assert left_out == []
    notes, media = _import_in_anki(str(path), tmp_path)
    items = [u for u in units]
    assert len(notes) == len(items)
    by_guid = {g: (model, keys, fields) for g, model, keys, fields in notes}
    for item in items:
        model, keys, fields = by_guid[item.uid]
        assert model == "EduApp Question"
        assert keys == ["Question", "Options", "Answer", "Explanation", "EduApp"]
        if item.type in ("sba", "multi", "tf"):
            for o in item.options:
                assert o.text.split("<")[0][:10] in fields[1]
    assert "ecg.png" in media


def test_apkg_from_anki_keeps_its_guids_through_eduapp(tmp_path):
    from eduapp.interop import parse_file
    from .test_outside_cases import case
    src = case("23-apkg-guids-with-markup-chars.apkg")
    if not os.path.exists(src):
        pytest.skip("../shared/cases is absent")
    result = parse_file(src, "apkg")
    out = tmp_path / "again.apkg"
    write_file(result.units, str(out), "apkg")
    notes, _ = _import_in_anki(str(out), tmp_path)
    assert sorted(g for g, *_ in notes) == sorted(i.idnumber for i in result.items)
