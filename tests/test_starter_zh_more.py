"""The Chinese starter additions (question_banks/starter_zh_more.json, notes_zh_more.json):
every item validates and passes the quality gate, sets are well formed, images resolve to
PNG bytes, provenance is complete, and the bank reaches the breadth the issue asks for."""

from __future__ import annotations

import io
import json
import os
from collections import Counter

import pytest

from eduapp.authoring.dedup import DuplicateIndex
from eduapp.authoring.gate import gate_findings
from eduapp.domain import Document, ItemSet
from eduapp.interop import eduapp_json
from eduapp.provenance import check_provenance
from tests.conftest import REPO

BANK = os.path.join(REPO, "question_banks", "starter_zh_more.json")
NOTES = os.path.join(REPO, "question_banks", "notes_zh_more.json")
OLD = os.path.join(REPO, "question_banks", "starter_zh.json")
PROVENANCE_KEYS = {"source", "sources", "author", "reviewer", "reviewed_at", "review_changes"}

pytestmark = pytest.mark.skipif(not os.path.exists(BANK), reason="no Chinese additions")


@pytest.fixture(scope="module")
def parsed():
    return eduapp_json.parse(BANK)


@pytest.fixture(scope="module")
def items(parsed):
    out = []
    for unit in parsed.units:
        out.extend(unit.items if isinstance(unit, ItemSet) else [unit])
    return out


def test_the_file_parses_without_errors(parsed, items):
    assert parsed.errors == []
    assert len(items) >= 160
    assert all(i.language == "zh" and i.status == "approved" for i in items)


def test_every_item_passes_the_gate_with_no_error(items):
    bad = {i.uid: [f.rule for f in gate_findings(i) if f.severity == "error"] for i in items}
    assert {uid: rules for uid, rules in bad.items() if rules} == {}


def test_no_item_is_a_near_duplicate_of_another_chinese_starter_item(items):
    old = eduapp_json.parse(OLD)
    index = DuplicateIndex()
    for unit in old.units:
        for i in (unit.items if isinstance(unit, ItemSet) else [unit]):
            index.add(i.uid, i)
    for i in items:
        index.add(i.uid, i)
    dupes = {i.uid: index.query(i, exclude=i.uid) for i in items}
    assert {k: v for k, v in dupes.items() if v} == {}


def test_single_answer_items_have_one_key_and_an_explanation_per_option(items):
    for i in items:
        keys = [o.correct for o in i.options]
        if i.type == "sba":
            assert len(i.options) == 5 and keys.count(True) == 1, i.uid
        assert all(o.explanation.startswith(("正确。", "错误。")) for o in i.options), i.uid
        assert i.explanation and i.references and i.difficulty is not None, i.uid


def test_keys_are_spread_and_a_fifth_is_hard(items):
    sba = [i for i in items if i.type == "sba"]
    letters = Counter("ABCDE"[i.key_indices[0]] for i in sba)
    assert min(letters.values()) >= len(sba) // 5 - 3, letters
    hard = [i for i in items if i.difficulty < 0.4]
    assert len(hard) * 5 >= len(items), len(hard)


def test_x_items_are_labelled_as_the_graduate_entrance_type(items):
    for i in items:
        if i.exam_type == "X":
            assert i.type == "multi" and "考研西医综合" in i.tags and "考研西医综合" in i.stem


def test_sets_are_case_clusters_or_shared_option_lists(parsed):
    sets = [u for u in parsed.units if isinstance(u, ItemSet)]
    assert len(sets) >= 20
    for s in sets:
        assert 2 <= len(s.items) <= 4, s.uid
        if s.kind == "shared_options":
            texts = [o.text for o in s.options]
            for m in s.items:
                assert [o.text for o in m.options] == texts, m.uid
        else:
            assert s.kind == "case" and s.vignette and s.exam_type in ("A3", "A4"), s.uid


def test_every_image_is_a_png_in_the_media_table(parsed, items):
    Image = pytest.importorskip("PIL.Image")
    with_media = [i for i in items if i.media]
    assert len(with_media) >= 10
    for i in with_media:
        for m in i.media:
            data = parsed.media[m.sha256].data
            assert m.mime == "image/png"
            with Image.open(io.BytesIO(data)) as img:
                assert img.format == "PNG" and img.width >= 300


def test_provenance_is_complete_on_items_sets_and_notes(parsed, items):
    units = list(items) + [u for u in parsed.units if isinstance(u, ItemSet)]
    notes = eduapp_json.parse(NOTES).documents
    for x in units + notes:
        assert PROVENANCE_KEYS <= set(x.provenance), x.uid
        check_provenance(x.provenance, complete=True)
        assert x.provenance["source"] == "starter", x.uid
        assert all(s["year"] >= 1990 for s in x.provenance["sources"]), x.uid
        # the second reader's review is recorded, with what it changed ("" for nothing)
        assert x.provenance["reviewer"]["name"].startswith("second reader"), x.uid
        assert isinstance(x.provenance.get("review_changes"), str), x.uid
        if x.provenance["review_changes"]:
            assert x.provenance["revisions"][-1]["change"], x.uid


def test_each_discipline_has_a_note_with_a_knowledge_table(items):
    notes: list[Document] = eduapp_json.parse(NOTES).documents
    systems = {n.system for n in notes}
    assert {i.system for i in items} <= systems
    for n in notes:
        assert n.kind == "notes" and n.language == "zh"
        assert "## 小结表" in n.body and "|---|" in n.body, n.uid


def test_the_image_script_matches_the_file():
    """The embedded images are the ones scripts/make_starter_images_zh.py draws."""
    pytest.importorskip("matplotlib")
    pytest.importorskip("neurokit2")
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "make_starter_images_zh", os.path.join(REPO, "scripts", "make_starter_images_zh.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with open(BANK, encoding="utf-8") as fh:
        doc = json.load(fh)
    by_uid = {i["uid"]: i for i in doc["items"]}
    by_uid.update({m["uid"]: m for s in doc["sets"] for m in s["items"]})
    assert set(mod.IMAGES) <= set(by_uid)
    for uid, (name, _draw) in mod.IMAGES.items():
        assert [m["name"] for m in by_uid[uid]["media"]] == [name]
