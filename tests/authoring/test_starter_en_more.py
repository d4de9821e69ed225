"""The English starter extension: ``question_banks/starter_en_more.json`` (items and sets in
the disciplines the licensing exams weight) and ``notes_en_more.json`` (one lecture note
per new discipline).

Every item parses and validates, passes the item-writing linter with no finding at all,
carries its provenance (source, sources with years, author, an independent reviewer and the review date), and every image
it refers to is in the file's media table as a readable PNG; uids are unique across all the
starter files; the bank keeps its declared shape (>= 160 items, >= 20 sets, >= 10 items
with an image, >= a fifth hard, every discipline >= 8 items, keys spread over A-E).
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
from collections import Counter

import pytest

from eduapp.authoring.lint import lint_item
from eduapp.domain import ItemSet
from eduapp.interop import eduapp_json

BANKS = os.path.join(os.path.dirname(__file__), "..", "..", "question_banks")
ITEMS_FILE = os.path.join(BANKS, "starter_en_more.json")
NOTES_FILE = os.path.join(BANKS, "notes_en_more.json")
DISCIPLINES = ("surgery", "obstetrics and gynaecology", "paediatrics", "psychiatry",
               "haematology", "rheumatology", "dermatology", "emergency medicine",
               "medical ethics and law", "preventive medicine", "physiology", "biochemistry",
               "pathology", "microbiology", "pharmacology")
PROVENANCE = ("source", "sources", "author", "reviewer", "reviewed_at")

pytestmark = pytest.mark.skipif(not os.path.exists(ITEMS_FILE), reason="no English extension")


@pytest.fixture(scope="module")
def parsed():
    result = eduapp_json.parse(ITEMS_FILE)
    assert not result.errors, result.errors
    items = []
    for unit in result.units:
        items.extend(unit.items if isinstance(unit, ItemSet) else [unit])
    return result, items


def test_every_item_validates_and_passes_the_linter(parsed):
    _, items = parsed
    flagged = {i.uid: [f.rule for f in lint_item(i)] for i in items}
    assert {uid: rules for uid, rules in flagged.items() if rules} == {}
    for item in items:
        item.validate()
        assert item.language == "en" and item.status == "approved"
        assert item.explanation and all(o.explanation for o in item.options)


def test_provenance_on_every_item_set_and_note(parsed):
    result, items = parsed
    notes = eduapp_json.parse(NOTES_FILE)
    assert not notes.errors
    owners = items + [u for u in result.units if isinstance(u, ItemSet)] + notes.documents
    for owner in owners:
        missing = [k for k in PROVENANCE if not owner.provenance.get(k)]
        assert not missing, (getattr(owner, "uid", ""), missing)
        assert owner.provenance["source"] == "starter"
        assert all(src.get("year") for src in owner.provenance["sources"]), owner.uid
        reviewer = owner.provenance["reviewer"]
        assert reviewer.get("kind") in ("human", "model") and reviewer != owner.provenance["author"]
        assert len(owner.provenance["reviewed_at"]) == 10  # YYYY-MM-DD


def test_images_are_embedded_and_readable(parsed):
    from PIL import Image
    result, items = parsed
    with_images = [i for i in items if i.media]
    assert len(with_images) >= 10
    for item in with_images:
        for m in item.media:
            data = result.media[m.sha256].data
            assert hashlib.sha256(data).hexdigest() == m.sha256
            with Image.open(io.BytesIO(data)) as img:
                assert img.format == "PNG" and min(img.size) >= 200


def test_shape_of_the_extension(parsed):
    result, items = parsed
    assert len(items) >= 160
    assert sum(isinstance(u, ItemSet) for u in result.units) >= 20
    per_discipline = Counter(i.discipline for i in items)
    assert set(per_discipline) == set(DISCIPLINES)
    assert min(per_discipline.values()) >= 8
    hard = [i for i in items if i.difficulty is not None and i.difficulty < 0.4]
    assert len(hard) * 5 >= len(items)
    keys = Counter(i.key_indices[0] for i in items if i.type == "sba" and i.exam_type == "SBA")
    assert set(keys) == set(range(5)) and max(keys.values()) - min(keys.values()) <= 3


def test_a_note_for_every_new_discipline_with_a_table():
    notes = eduapp_json.parse(NOTES_FILE)
    assert not notes.errors
    assert len(notes.documents) >= 10
    for doc in notes.documents:
        doc.validate()
        assert doc.kind == "notes" and doc.language == "en"
        assert "\n|---" in doc.body, doc.uid  # at least one Markdown knowledge table


def test_uids_are_unique_across_the_starter_files():
    seen = Counter()
    for path in glob.glob(os.path.join(BANKS, "*.json")):
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        for entry in doc.get("items", []) + doc.get("documents", []):
            seen[entry["uid"]] += 1
        for s in doc.get("sets", []):
            seen[s["uid"]] += 1
            for member in s["items"]:
                seen[member["uid"]] += 1
    assert [uid for uid, n in seen.items() if n > 1] == []
