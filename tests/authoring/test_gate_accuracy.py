"""The quality gate of issue 16: K-type, clang association, two defensible keys (offline
and with a blind model answer), the language rule, the accuracy targets per language on
the annotated gate set, and the starter bank (every file in question_banks/) passing the
gate and validating, with complete provenance."""

from __future__ import annotations

import glob
import json
import os

import pytest

from bench.bench_gate_accuracy import annotated_results, rates, starter_results
from eduapp.authoring import RULES, detected_language, gate_findings, lint_item
from eduapp.domain import Document, Item, ItemSet, Option
from eduapp.provenance import check_provenance
from tests.authoring.conftest import auto, load_data, sba_answer
from tests.conftest import write_json

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GATE_SET = load_data("annotated_gate_set.json")["items"]


def rules(item: Item) -> set[str]:
    return {f.rule for f in gate_findings(item) if f.severity in ("error", "warning")}


def sba(stem, texts, key=0, language="en", vignette="", **kw) -> Item:
    return Item(type="sba", stem=stem, vignette=vignette, language=language,
                explanation="because", options=[Option(t, i == key, "why")
                                                for i, t in enumerate(texts)], **kw)


# ------------------------------------------------------------------ the annotated set

def test_the_gate_set_is_big_bilingual_and_half_flawed():
    assert len(GATE_SET) >= 60
    for lang in ("en", "zh"):
        rows = [e for e in GATE_SET if e["language"] == lang]
        flawed = sum(e["flaw"] != "clean" for e in rows)
        assert len(rows) >= 30 and 0.35 <= flawed / len(rows) <= 0.65
    kinds = {e["flaw"] for e in GATE_SET} - {"clean"}
    assert {"k-type", "word-repeat", "two-keys"} <= kinds and len(kinds) >= 12
    assert kinds <= set(RULES)
    # the language trap: Chinese items an importer labelled English are in the clean half
    assert any(e["flaw"] == "clean" and e["language"] == "zh" and e["item"]["language"] == "en"
               for e in GATE_SET)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_accuracy_targets_per_language(language):
    r = rates(annotated_results(), language)
    assert r["flawed_share"] >= 0.9, r
    assert r["clean_share"] <= 0.1, r
    assert r["flawed_hit"] / r["flawed"] >= 0.9, r  # and for the right reason


@pytest.mark.parametrize("kind", ["k-type", "word-repeat", "two-keys"])
def test_each_new_flaw_kind_is_found_by_its_own_rule(kind):
    rows = [r for r in annotated_results() if r["flaw"] == kind]
    assert len(rows) >= 6 and sum(r["hit"] for r in rows) / len(rows) >= 0.8


# ------------------------------------------------------------------ the starter bank

STARTER_FILES = sorted(glob.glob(os.path.join(ROOT, "question_banks", "*.json")))


def test_every_starter_item_validates_and_has_no_error_finding():
    results = starter_results()
    assert len(results) >= 84
    assert [r for r in results if r["errors"]] == []
    for lang in ("en", "zh"):
        assert rates(results, lang)["clean_share"] <= 0.1


@pytest.mark.parametrize("path", STARTER_FILES, ids=os.path.basename)
def test_every_starter_entry_records_its_provenance(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    entries = [Item.from_dict(d) for d in data.get("items", [])]
    for s in data.get("sets", []):
        item_set = ItemSet.from_dict(s)
        item_set.validate()
        entries += [item_set] + item_set.items
    entries += [Document.from_dict(d) for d in data.get("documents", [])]
    assert entries
    for e in entries:
        if isinstance(e, Item):
            e.validate()
        check_provenance(e.provenance, complete=True)  # raises with the missing key


def test_exam_type_labels_of_the_starter_bank():
    from bench.bench_gate_accuracy import starter_items
    for _name, item in starter_items():
        if item.type == "tf":
            assert item.exam_type == "TF"
        elif item.type == "short":
            assert item.exam_type == "SAQ"
        elif item.exam_type == "X":
            assert item.language == "zh" and item.type == "multi"


# ------------------------------------------------------------------ the rules

@pytest.mark.parametrize("texts,stem", [
    (["1 and 3 only", "2 and 4 only", "1, 2 and 3", "4 only", "1, 2, 3 and 4"],
     "Which are adverse effects of lithium? 1. Tremor 2. Hypothyroidism 3. Polyuria 4. Rash"),
    (["①②", "①③", "②④", "①②③", "④"], "下列哪些属于肾病综合征的表现：①大量蛋白尿 ②低白蛋白血症 ③水肿 ④血尿"),
    (["I only", "I and II", "II and III", "I, II and III", "III only"],
     "Which raise concern for malignancy? (I) microcalcification (II) irregular margin (III) halo"),
    (["(1)(2)(3)", "(1)(3)", "(2)(4)", "(4)", "(1)(2)(3)(4)"],
     "Which are adverse effects of amiodarone? (1) fibrosis (2) hypothyroidism (3) deposits"),
    (["1, 2 and 3 are correct", "1 and 3 are correct", "2 and 4 are correct", "Only 4",
      "All are correct"], "Which are true of warfarin? 1. a 2. b 3. c 4. d"),
], ids=["numbers", "circled", "roman", "brackets", "are-correct"])
def test_k_type_is_found(texts, stem):
    assert "k-type" in rules(sba(stem, texts, key=3))


@pytest.mark.parametrize("texts", [
    ["1", "2", "3", "4", "5"],
    ["12", "24", "48", "72", "96"],
    ["Type 1 diabetes", "Type 2 diabetes", "MODY", "LADA", "Gestational diabetes"],
])
def test_numbers_as_answers_are_not_k_type(texts):
    item = sba("How many hours after the overdose is the first paracetamol level taken, "
               "at the earliest?", texts, key=3)
    assert "k-type" not in rules(item)


@pytest.mark.parametrize("key,distractor,language", [
    ("Intramuscular adrenaline", "Intramuscular epinephrine", "en"),
    ("Pulmonary embolism", "PE", "en"),
    ("Non-ST-elevation myocardial infarction", "NSTEMI", "en"),
    ("Paracetamol", "Acetaminophen", "en"),
    ("Intravenous ceftriaxone", "Intravenous ceftriaxone plus vancomycin", "en"),
    ("肾上腺素", "副肾素", "zh"),
    ("头孢曲松", "头孢曲松联合万古霉素", "zh"),
    ("慢性阻塞性肺疾病", "慢阻肺", "zh"),
])
def test_two_defensible_keys_offline(key, distractor, language):
    others = ["Oral cetirizine", "Nebulised salbutamol", "Oral prednisolone"] if language == "en" \
        else ["苯海拉明", "地塞米松", "多巴胺"]
    item = sba("Which is the most appropriate choice?" if language == "en" else "首选的是",
               [key, others[0], distractor, others[1], others[2]], key=0, language=language)
    assert "two-keys" in rules(item)


@pytest.mark.parametrize("key,distractor", [
    ("肾上腺素", "去甲肾上腺素"),      # another drug that contains the name
    ("伤寒", "流行性斑疹伤寒"),         # another disease
    ("Aspirin plus ticagrelor", "Aspirin alone"),
    ("Epinephrine", "Norepinephrine"),
])
def test_names_that_nest_are_not_two_keys(key, distractor):
    lang = "zh" if not key.isascii() else "en"
    item = sba("首选的抢救药物是" if lang == "zh" else "Which drug is given first?",
               [key, distractor, "Dopamine" if lang == "en" else "多巴胺",
                "Atropine" if lang == "en" else "阿托品", "Glucagon" if lang == "en" else "胰高血糖素"],
               language=lang)
    assert "two-keys" not in rules(item)


def test_clang_from_the_lead_in_and_not_from_vignette_context():
    cue = sba("Which drug reverses heparin?", ["Vitamin K", "Protamine, a heparin antagonist",
                                                "Idarucizumab", "Andexanet alfa"], key=1)
    f = next(f for f in gate_findings(cue) if f.rule == "word-repeat")
    field, start, end = f.span
    assert field == "options[1]" and cue.options[1].text[start:end] == "heparin"
    context = sba("Which of the following is the most likely diagnosis?",
                  ["Diabetic ketoacidosis", "Hyperosmolar state", "Lactic acidosis",
                   "Gastroenteritis"], vignette="A 19-year-old woman with type 1 diabetes has "
                  "vomiting, glucose 28 mmol/L, ketones 5.2 mmol/L and pH 7.12.")
    assert "word-repeat" not in rules(context)
    zh = sba("治疗甲状腺危象首选的抗甲状腺药物是", ["丙硫氧嘧啶（抗甲状腺药）", "普萘洛尔", "碘化钾",
                                         "氢化可的松"], language="zh")
    assert "word-repeat" in rules(zh)
    asked = sba("通过增加肾小管钙重吸收而升高血钙的激素是", ["降钙素", "甲状旁腺激素", "甲状腺素",
                                                "醛固酮"], key=1, language="zh")
    assert "word-repeat" not in rules(asked)


# ------------------------------------------------------------------ the language rule

MIXED = sba("最适宜的治疗药物是", ["Metformin", "Gliclazide", "Insulin glargine", "Pioglitazone"],
            key=2, language="zh", vignette="男，28岁。口渴、多尿2个月，空腹血糖16 mmol/L，HbA1c "
            "11.2%，GAD抗体阳性，C肽低。")


def test_chinese_with_latin_drug_names_stays_chinese():
    assert detected_language(MIXED) == "zh"
    assert rules(MIXED) == set()


def test_a_clean_chinese_item_labelled_english_is_not_wrong_language():
    item = Item.from_dict({**MIXED.to_dict(), "language": "en", "uid": ""})
    found = {f.rule: f.severity for f in gate_findings(item)}
    assert "wrong-language" not in found and found.get("language-label") == "info"


def test_english_text_in_a_chinese_item_and_chinese_from_an_english_request():
    english = sba("Which drug is first-line for hypertension in pregnancy?",
                  ["Labetalol", "Lisinopril", "Losartan", "Atenolol"], language="zh")
    assert "wrong-language" in rules(english)
    generated = Item.from_dict({**MIXED.to_dict(), "language": "en", "uid": "",
                                "provenance": {"source": "generated"}})
    assert "wrong-language" in rules(generated)


# ------------------------------------------------------------------ with a model

def test_lint_verify_blind_answer_disagreeing_flags_two_keys(run_cli, tmp_path, scripted_server,
                                                             saved_profile):
    auto(scripted_server, sba_answer(), verdict="C")
    doc = {"format": "eduapp-json", "version": 1, "items": [
        {"type": "sba", "language": "en", "explanation": "Adrenaline first.",
         "stem": "A 24-year-old man has stridor and hypotension after a wasp sting. Which drug "
                 "should be given first?",
         "options": [{"text": t, "correct": i == 0, "explanation": "x"} for i, t in enumerate(
             ["Intramuscular adrenaline", "Oral cetirizine", "Intravenous hydrocortisone",
              "Nebulised salbutamol"])]}]}
    path = write_json(tmp_path / "items.json", doc)
    code, out, err = run_cli("lint", path, "--verify", "--provider", "scripted", "--json")
    assert code == 0, err
    found = {f["rule"]: f for f in out["items"][0]["findings"]}
    assert "verification-disagrees" in found and "C" in found["verification-disagrees"]["message"]
    assert any(b.get("response_format") for b in scripted_server.chat_requests)
    code, out, _ = run_cli("lint", path, "--json")  # without --verify no model is asked
    assert "verification-disagrees" not in {f["rule"] for f in out["items"][0]["findings"]}
