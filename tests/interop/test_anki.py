"""Anki: decks EduApp writes open in Anki and come back whole; Basic and Cloze notes import."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import genanki
import pytest

from eduapp.errors import ImportFileError
from eduapp.interop import anki, detect_format, parse_file, write_file

from .conftest import PNG, sample_set


def test_round_trip_is_lossless(units, media_table, tmp_path):
    path = tmp_path / "deck.apkg"
    write_file(units + [sample_set()], str(path), "apkg", media=media_table)
    assert detect_format(str(path)) == "apkg"
    again = parse_file(str(path))
    assert again.errors == []
    flat = units + sample_set().items
    assert len(again.items) == len(flat)
    for a, b in zip(units, again.items):
        da, db = a.to_dict(), b.to_dict()
        da.pop("provenance"), db.pop("provenance")
        assert da == db
    assert again.items[0].media[0].data == PNG


def test_deck_content_as_anki_shows_it(units, tmp_path):
    path = tmp_path / "deck.apkg"
    anki.write(units[:1], str(path))
    with zipfile.ZipFile(path) as zf:
        col = zf.read("collection.anki2")
    db_path = tmp_path / "c.sqlite"
    db_path.write_bytes(col)
    db = sqlite3.connect(db_path)
    guid, flds = db.execute("select guid, flds from notes").fetchone()
    question, options, answer, explanation, _data = flds.split("\x1f")
    assert guid == units[0].uid
    assert "Which drug reverses heparin?" in question
    assert options.count("<li>") == 4
    assert answer == "A. Protamine sulfate"
    assert "neutralises heparin" in explanation
    decks = json.loads(db.execute("select decks from col").fetchone()[0])
    assert "EduApp::Pharmacology::Antidotes" in {d["name"] for d in decks.values()}


def test_basic_and_cloze_notes_from_other_decks(tmp_path):
    deck = genanki.Deck(123, "Cardio::Drugs")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=["What reverses heparin?",
                                                                  "Protamine"],
                               guid="abc123", tags=["pharm"]))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL,
                               fields=["The {{c1::mitral}} valve has {{c2::two}} cusps.",
                                       "Also called bicuspid."]))
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=['<img src="dot.png">', "dot"]))
    media = tmp_path / "dot.png"
    media.write_bytes(PNG)
    path = tmp_path / "other.apkg"
    genanki.Package(deck, media_files=[str(media)]).write_to_file(str(path))
    result = anki.parse(str(path))
    basic, cloze, image = result.items
    assert (basic.type, basic.stem, basic.model_answer, basic.idnumber, basic.tags,
            basic.category) == ("short", "What reverses heparin?", "Protamine", "abc123",
                                ["pharm"], "Cardio/Drugs")
    assert cloze.type == "cloze"
    assert cloze.stem == "The {1:SHORTANSWER:=mitral} valve has {1:SHORTANSWER:=two} cusps."
    assert cloze.explanation == "Also called bicuspid."
    assert [s["answers"][0]["text"] for s in cloze.extra["cloze"]["subquestions"]] == \
        ["mitral", "two"]
    assert [m.name for m in image.media] == ["dot.png"]


def test_new_format_without_zstandard_is_a_clear_error(tmp_path, monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_zstd(name, *a, **k):
        if name == "zstandard":
            raise ImportError(name)
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_zstd)
    path = tmp_path / "new.apkg"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("collection.anki2", b"SQLite format 3\x00dummy")
        zf.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd\x00")
        zf.writestr("media", b"")
    with pytest.raises(ImportFileError, match="zstandard"):
        anki.parse(str(path))


@pytest.mark.parametrize("entries,message", [
    ({"readme.txt": b"hi"}, "no collection"),
    ({"collection.anki2": b"not sqlite"}, "not an SQLite"),
    ({"collection.anki2": b"SQLite format 3\x00" + b"\x00" * 100}, "cannot be read"),
])
def test_broken_packages(tmp_path, entries, message):
    path = tmp_path / "b.apkg"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    with pytest.raises(ImportFileError, match=message):
        anki.parse(str(path))
