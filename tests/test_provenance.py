"""Provenance: sources parsed from references, the checks, the bank's "reviewed before YEAR"
filter and its CLI option, and eduapp-json carrying every key through export and import."""

from __future__ import annotations

import json

import pytest

from eduapp.bank import ItemFilter
from eduapp.errors import ValidationError
from eduapp.provenance import (author_of, check_provenance, describe_contributor,
                               parse_reference, review_year)
from tests.conftest import make_sba, write_json


@pytest.mark.parametrize("text,kind,edition,year", [
    ("2024 ESC Guidelines for the management of atrial fibrillation (Eur Heart J "
     "2024;45:3314-3414)", "guideline", "2024", 2024),
    ("《内科学》第9版（葛均波、徐永健、王辰主编，人民卫生出版社，2018）", "textbook", "第9版", 2018),
    ("Harrison's Principles of Internal Medicine, 21st ed. (2022)", "textbook", "21st ed.", 2022),
    ("《妊娠和产后甲状腺疾病诊治指南（第2版）》（2019）", "guideline", "第2版", 2019),
    ("Imazio M et al. Colchicine for acute pericarditis. N Engl J Med 2013;369:1522-8",
     "article", "2013", 2013),
    ("《中国急性缺血性卒中诊治指南2023》（中华医学会神经病学分会）", "guideline", "2023", 2023),
])
def test_parse_reference(text, kind, edition, year):
    src = parse_reference(text)
    assert (src["kind"], src["edition"], src["year"]) == (kind, edition, year)
    assert src["title"]


def test_check_provenance():
    good = {"sources": [{"kind": "guideline", "title": "GOLD 2025", "edition": "2025",
                         "year": 2025}],
            "author": {"kind": "model", "provider": "OpenAI", "model": "gpt-4o"},
            "reviewer": {"kind": "human", "name": "Dr Li"}, "reviewed_at": "2026-11-30"}
    check_provenance(good, complete=True)
    check_provenance({"source": "imported"})  # older shapes stay valid
    for bad in ({**good, "reviewed_at": "2026"}, {**good, "author": {"kind": "model"}},
                {**good, "reviewer": {"kind": "robot", "name": "x"}},
                {**good, "sources": [{"kind": "guideline", "title": "x"}]}):
        with pytest.raises(ValidationError):
            check_provenance(bad, complete=True)
    with pytest.raises(ValidationError, match="reviewer"):
        check_provenance({k: v for k, v in good.items() if k != "reviewer"}, complete=True)
    assert review_year(good) == 2026


def test_author_of_generated_items_from_the_older_keys():
    a = author_of({"source": "generated", "provider": "deepseek", "model": "deepseek-chat"})
    assert a.kind == "model" and "deepseek-chat" in describe_contributor(a)
    assert describe_contributor(None, language="zh") == "未记录"


def _stamp(date):
    return {"source": "manual", "reviewer": {"kind": "human", "name": "Dr Li"},
            "reviewed_at": date} if date else {"source": "manual"}


def test_bank_filter_reviewed_before(bank):
    ids = {d: bank.save_item(make_sba(f"Item reviewed {d or 'never'}",
                                      provenance=_stamp(d))).id
           for d in ("2019-12-31", "2020-01-01", "2025-06-30", "")}
    found = set(bank.query_ids("", ItemFilter(reviewed_before=2020)))
    assert found == {ids["2019-12-31"], ids[""]}
    found = set(bank.query_ids("", ItemFilter(reviewed_before=2026)))
    assert found == set(ids.values())
    assert set(bank.query_ids("reviewed", ItemFilter(reviewed_before=2021))) == {
        ids["2019-12-31"], ids["2020-01-01"], ids[""]}
    assert bank.count(ItemFilter(reviewed_before=1990)) == 1  # only the never-reviewed one


def test_cli_bank_search_reviewed_before(run_cli, bank):
    old = bank.save_item(make_sba("Aspirin after infarction", provenance=_stamp("2018-03-01")))
    bank.save_item(make_sba("Aspirin in angina", provenance=_stamp("2025-03-01")))
    code, out, err = run_cli("bank", "search", "aspirin", "--reviewed-before", "2024", "--json")
    assert code == 0, err
    assert [i["id"] for i in out["items"]] == [old.id]
    assert out["items"][0]["reviewed_at"] == "2018-03-01"
    code, out, _ = run_cli("bank", "search", "--reviewed-before", "2030")
    assert code == 0 and "2018-03-01" in out and "2025-03-01" in out
    code, _, err = run_cli("bank", "search", "x", "--reviewed-before", "soon")
    assert code == 2


def test_eduapp_json_round_trips_provenance(run_cli, bank, tmp_path):
    prov = {"source": "starter", "sources": [{"kind": "textbook", "title": "内科学",
                                              "edition": "第9版", "year": 2018}],
            "author": {"kind": "unrecorded", "name": "seed"},
            "reviewer": {"kind": "model", "provider": "Anthropic", "model": "Claude"},
            "reviewed_at": "2026-11-30", "review_changes": "",
            "revisions": [{"date": "2026-11-30", "by": {"kind": "human", "name": "Dr Li"},
                           "change": "creatinine 88 -> 52"}]}
    bank.save_item(make_sba("急性肾炎最可能的诊断是", language="zh", provenance=prov))
    out_path = tmp_path / "out.json"
    code, _, err = run_cli("bank", "export", "--format", "eduapp-json", "--out", out_path)
    assert code == 0, err
    exported = json.loads(out_path.read_text(encoding="utf-8"))["items"][0]["provenance"]
    assert exported == prov
    doc = {"format": "eduapp-json", "version": 1, "items": [
        {**make_sba("Imported with provenance").to_dict(), "provenance": prov}]}
    code, _, err = run_cli("bank", "import", write_json(tmp_path / "in.json", doc))
    assert code == 0, err
    stored = [i for i in bank.search("Imported") if i.stem.startswith("Imported")][0]
    assert stored.provenance == prov


def test_qti_package_carries_provenance_as_lom(tmp_path):
    import zipfile
    import xml.etree.ElementTree as ET

    from eduapp.interop import parse_file, write_file
    prov = {"source": "starter", "sources": [{"kind": "guideline", "title": "GOLD 2025 Report",
                                              "edition": "2025", "year": 2025}],
            "author": {"kind": "model", "provider": "DeepSeek", "model": "deepseek-chat"},
            "reviewer": {"kind": "human", "name": "Dr Li"}, "reviewed_at": "2026-11-30"}
    path = str(tmp_path / "out.zip")
    write_file([make_sba("Which drug for COPD?", provenance=prov)], path, "qti")
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("imsmanifest.xml"))
    lom = "{http://ltsc.ieee.org/xsd/LOM}"
    roles = [c.find(f"{lom}role/{lom}value").text for c in root.iter(f"{lom}contribute")]
    assert roles == ["author", "validator"]
    texts = " ".join(e.text or "" for e in root.iter())
    assert "deepseek-chat (DeepSeek)" in texts and "Dr Li" in texts and "2026-11-30" in texts
    assert "GOLD 2025 Report (guideline, 2025, 2025)" in texts
    assert len(parse_file(path, "qti").items) == 1  # the package still reads back


def test_qti_manifest_with_lom_validates_against_the_cp_xsd(tmp_path):
    """Opt-in like the other XSD checks: EDUAPP_QTI_XSD_DIR holds the 1EdTech XSDs."""
    import os
    import zipfile

    xsd_dir = os.environ.get("EDUAPP_QTI_XSD_DIR")
    if not xsd_dir:
        pytest.skip("set EDUAPP_QTI_XSD_DIR to a folder holding the 1EdTech XSDs")
    etree = pytest.importorskip("lxml.etree")
    found = [os.path.join(d, "imscp_v1p1.xsd") for d, _s, files in os.walk(xsd_dir)
             if "imscp_v1p1.xsd" in files]
    if not found:
        pytest.skip("imscp_v1p1.xsd is not there")
    from eduapp.interop import write_file
    prov = {"author": {"kind": "human", "name": "Dr Li <li@example.org>"},
            "reviewer": {"kind": "model", "provider": "OpenAI", "model": "gpt-4o"},
            "reviewed_at": "2026-11-30",
            "sources": [{"kind": "textbook", "title": "内科学 & co", "edition": "第9版",
                         "year": 2018}]}
    path = str(tmp_path / "p.zip")
    write_file([make_sba("Which drug?", provenance=prov)], path, "qti")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = etree.XMLSchema(etree.parse(found[0], parser))
    with zipfile.ZipFile(path) as zf:
        doc = etree.fromstring(zf.read("imsmanifest.xml"), parser)
    assert schema.validate(doc), [e.message for e in schema.error_log]


def test_record_review_keeps_content_and_other_provenance(bank, run_cli):
    import time
    from eduapp.errors import NotFoundError
    item = bank.save_item(make_sba("Aspirin question", provenance={
        "source": "starter", "sources": [{"kind": "guideline", "title": "x", "year": 2020}]}))
    assert bank.record_review([item.id], {"kind": "human", "name": "Dr Li"}, "2021-02-03") == 1
    stored = bank.get_item(item.id)
    assert stored.version == 1 and stored.provenance["sources"][0]["year"] == 2020
    assert stored.provenance["reviewer"] == {"kind": "human", "name": "Dr Li"}
    assert stored.provenance["reviewed_at"] == "2021-02-03"
    with pytest.raises(ValidationError):
        bank.record_review([item.id], {"kind": "human", "name": "Dr Li"}, "03/02/2021")
    with pytest.raises(NotFoundError):
        bank.record_review([item.id, 999], {"kind": "human", "name": "Dr Li"})
    assert bank.get_item(item.id).provenance["reviewed_at"] == "2021-02-03"
    code, out, err = run_cli("bank", "set-status", "approved", item.id, "--reviewer", "Dr Wang",
                             "--json")
    assert code == 0 and out["reviewed"] == 1, err
    prov = bank.get_item(item.id).provenance
    assert prov["reviewer"]["name"] == "Dr Wang" and prov["reviewed_at"] == time.strftime("%Y-%m-%d")
    assert bank.count(ItemFilter(reviewed_before=int(time.strftime("%Y")))) == 0


def test_free_form_provenance_is_brought_into_shape():
    from eduapp.provenance import normalise_provenance
    raw = {"source": "starter", "reference": "《外科学》第10版（2024）",
           "author": "EduApp 内容组（模型辅助：Anthropic Claude）",
           "reviewer": "作者自查（待独立第二审读）", "reviewed": "2026-11-30"}
    prov = normalise_provenance(raw, ["《食物中毒诊断标准及技术处理总则》（GB 14938—94）"])
    assert prov["author"] == {"kind": "model", "provider": "Anthropic", "model": "Claude",
                              "name": "EduApp 内容组"}
    assert prov["reviewer"]["kind"] == "model" and prov["reviewer"]["model"] == "Claude"
    assert prov["reviewed_at"] == "2026-11-30" and "reviewed" not in prov
    assert [s["year"] for s in prov["sources"]] == [1994, 2024]
    assert "reference" not in prov and raw["author"].startswith("EduApp")  # input unchanged
    check_provenance(prov, complete=True)
    english = normalise_provenance({"author": "EduApp content team (model-assisted: "
                                              "Anthropic Claude)", "reviewer": "Dr Li"})
    assert english["author"]["provider"] == "Anthropic" and english["reviewer"] == {
        "kind": "human", "name": "Dr Li"}
