"""Encounter records (practice history, class results), the debrief PDF, and the
``eduapp vp`` commands."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from eduapp.practice import PracticeStore
from eduapp.practice import store as store_module
from eduapp.vpatient import class_results, save_encounter, student_results
from tests.llm.scripted_server import answer

PLAY = """# a student's turns
Hello, I'm Dr Lee, one of the doctors. What brings you in today?
When did it start?
Does the pain spread anywhere?
Do you smoke?
/exam vitals
/order ECG
/wait 5
/diagnose anterior STEMI; aortic dissection
/plan aspirin 300 mg, ticagrelor, primary PCI
"""


def _play(encounter, lines, case_id="chest-pain-en"):
    enc = encounter(case_id)
    for line in lines:
        enc.run_line(line)
    return enc, enc.finish()


def test_encounters_are_kept_per_student_with_class_results(encounter, data_dir):
    store = PracticeStore.open_in(data_dir)
    li, wang = store.create_profile("Li Wei"), store.create_profile("Wang Fang")
    enc, rep = _play(encounter, ["What brings you in?", "Do you smoke?", "/order ECG",
                                 "/diagnose STEMI"])
    save_encounter(store, li, enc, rep)
    enc2, rep2 = _play(encounter, ["What brings you in?", "Any family history of heart "
                                   "disease?", "/diagnose pericarditis"])
    save_encounter(store, wang, enc2, rep2)
    rows = store.encounters(li)
    assert len(rows) == 1 and rows[0]["revealed"] == enc.revealed
    assert rows[0]["transcript"][1]["role"] == "patient" and rows[0]["orders"][0]["id"] == "ecg"
    assert rows[0]["diagnosis_correct"] is True and rows[0]["score"] == round(rep.total, 1)
    [res] = class_results(store, "chest-pain-en")
    assert res.students == 2 and res.diagnosis_rate == 0.5
    rates = {i.item_id: i.rate for i in res.items}
    # the opening answer tells the site ("in the middle of my chest"): both students have it
    assert rates["h_smoking"] == 0.5 and rates["h_family"] == 0.5 and rates["h_site"] == 1
    assert rates["h_radiation"] == 0
    assert res.items[0].rate == 0  # least done first: what most students forget
    assert student_results(store, li)[0]["case_id"] == "chest-pain-en"
    store.delete_profile(li)
    assert store.encounters(li) == []
    store.close()


def test_encounters_travel_in_attempt_files_to_the_teacher(encounter, data_dir, tmp_path):
    from eduapp.practice import export_attempts, import_attempts
    student = PracticeStore.open_in(data_dir)
    li = student.create_profile("Li Wei")
    enc, rep = _play(encounter, ["What brings you in?", "Do you smoke?", "/diagnose STEMI"])
    save_encounter(student, li, enc, rep)
    path = str(tmp_path / "li.json")
    export_attempts(student, path)
    student.close()
    teacher_dir = tmp_path / "teacher"
    teacher_dir.mkdir()
    teacher = PracticeStore.open_in(str(teacher_dir))
    result = import_attempts(teacher, [path, path])
    assert result["encounters"] == 1 and result["errors"] == []
    [res] = class_results(teacher, "chest-pain-en")
    assert res.students == 1 and {i.item_id: i.done for i in res.items}["h_smoking"] == 1
    assert teacher.encounters()[0]["transcript"][3]["text"] == "What brings you in?"
    teacher.close()


def test_old_practice_history_is_migrated(data_dir):
    path = f"{data_dir}/practice.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    store_module.migrate.__globals__  # noqa: B018 - the module is loaded
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at REAL)")
    store_module._v1(conn)
    conn.execute("INSERT INTO schema_version VALUES (1, 0)")
    conn.execute("INSERT INTO profiles(uid, name, created_at) VALUES ('p1', 'Old', 0)")
    conn.close()
    store = PracticeStore.open_in(data_dir)
    assert store.encounters() == [] and store.profiles()[0]["name"] == "Old"
    store.close()
    import os
    assert os.path.exists(f"{path}.v1.bak")


@pytest.mark.parametrize("case_id, lines, words", [
    ("chest-pain-en", ["What brings you in?", "/order ECG", "/diagnose STEMI"],
     ["Virtual patient debrief", "Teaching points", "Transcript"]),
    ("abdominal-pain-zh", ["你哪里不舒服？", "/exam 腹部", "/diagnose 急性阑尾炎"],
     ["虚拟病人复盘", "教学要点", "对话记录", "现病史"]),
])
def test_debrief_pdf(encounter, tmp_path, case_id, lines, words):
    from eduapp.pdf.debrief import render_debrief
    _, rep = _play(encounter, lines, case_id)
    path = tmp_path / "debrief.pdf"
    pages = render_debrief(rep, str(path), student="Li Wei")
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert pages >= 1
    for w in words:
        assert w in text.replace("\n", "")


def test_cli_list(run_cli):
    code, out, _ = run_cli("vp", "list", "--json")
    assert code == 0
    ids = {c["id"] for c in out["cases"]}
    assert {"chest-pain-en", "polyuria-zh"} <= ids
    assert set(out["cases"][0]) >= {"id", "title", "language", "chief_complaint"}


def test_cli_play_json_and_records(run_cli, tmp_path, data_dir):
    script = tmp_path / "turns.txt"
    script.write_text(PLAY, encoding="utf-8")
    pdf = tmp_path / "d.pdf"
    code, out, _ = run_cli("vp", "play", "chest-pain-en", "--script", script, "--json",
                           "--student", "Li Wei", "--debrief", pdf)
    assert code == 0
    assert out["transcript"][0]["role"] == "system"
    assert {t["role"] for t in out["transcript"]} == {"student", "patient", "system"}
    # site, character and duration come with the opening answer (the cc fact's reveals)
    assert out["revealed"] == ["cc", "site", "character", "duration", "onset", "radiation",
                               "smoking"]
    score = out["score"]
    assert set(score) >= {"total", "sections", "missed"} and 0 < score["total"] < 100
    assert "Family history of premature coronary disease" in score["missed"]
    assert score["sections"]["management"]["score"] == 6
    assert any("ST elevation" in t["text"] for t in out["transcript"])
    assert pdf.exists() and out["encounter_id"]
    code, out, _ = run_cli("vp", "results", "chest-pain-en", "--json")
    assert out["cases"][0]["students"] == 1


def test_cli_play_reports_bad_lines_and_missing_files(run_cli, tmp_path):
    script = tmp_path / "turns.txt"
    script.write_text("What brings you in?\n/xray chest\n", encoding="utf-8")
    code, out, err = run_cli("vp", "play", "chest-pain-en", "--script", script)
    assert code == 1 and "line 2: unknown command /xray" in out
    code, _, err = run_cli("vp", "play", "chest-pain-en", "--script", tmp_path / "none.txt")
    assert code == 3 and "cannot read" in err
    code, _, err = run_cli("vp", "play", "no-such-case", "--script", script)
    assert code == 3 and "chest-pain-en" in err  # the message lists the cases there are


def test_cli_export_edit_import(run_cli, tmp_path):
    out_file = tmp_path / "case.json"
    code, _, _ = run_cli("vp", "export", "headache-en", "--out", out_file)
    assert code == 0
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["diagnosis"]["name"].startswith("Aneurysmal")
    doc["id"], doc["title"] = "headache-copy", "My headache case"
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(doc), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**doc, "id": "bad", "checklist": {
        "style": "osce", "sections": [{"id": "s", "title": "S", "items": [
            {"id": "x", "text": "x", "refs": ["fact:nope"]}]}]}}), encoding="utf-8")
    code, out, _ = run_cli("vp", "import", copy, bad, "--json")
    assert code == 1 and out["imported"] == 1 and out["cases"] == ["headache-copy"]
    assert "fact:nope" in out["errors"][0]["message"] and out["errors"][0]["file"] == str(bad)
    code, out, _ = run_cli("vp", "import", copy, "--json")
    assert code == 0 and out["updated"] == 1
    code, out, _ = run_cli("vp", "list", "--json")
    mine = [c for c in out["cases"] if c["id"] == "headache-copy"]
    assert mine and mine[0]["source"] == "bank" and mine[0]["title"] == "My headache case"


def test_cli_generate_stores_a_valid_draft(run_cli, scripted_server, scripted_profile,
                                           data_dir, tmp_path):
    from eduapp.llm import ProviderStore
    ProviderStore(data_dir).save(scripted_profile)
    draft = {
        "title": "Cough in a smoker", "chief_complaint": "Cough for 3 months",
        "opening": "I can't shake this cough.",
        "patient": {"name": "Tom", "age": 64, "sex": "male", "occupation": "builder",
                    "speech_style": "gruff", "emotional_state": "worried"},
        "objectives": ["Take a cough history"],
        "facts": [{"id": "cc", "category": "presenting", "topics": ["chief_complaint", "cough"],
                   "keywords": [], "answer": "This cough won't go."},
                  {"id": "onset", "category": "hpi", "topics": ["onset"], "keywords": [],
                   "answer": "Three months ago."},
                  {"id": "blood", "category": "ros", "topics": ["hemoptysis", "made_up"],
                   "keywords": [], "answer": "A streak of blood last week."},
                  {"id": "weight", "category": "ros", "topics": ["weight_change"],
                   "keywords": [], "answer": "Lost half a stone."},
                  {"id": "smoking", "category": "social", "topics": ["smoking"],
                   "keywords": [], "answer": "Forty years, twenty a day."}],
        "exam": [{"id": "chest", "system": "respiratory", "name": "Chest",
                  "finding": "Clubbing; reduced air entry right apex."}],
        "investigations": [{"id": "cxr", "name": "Chest X-ray", "synonyms": ["cxr"],
                            "result": "Right apical mass.", "cost": 40, "minutes": 30}],
        "diagnosis": {"name": "Lung cancer", "synonyms": ["bronchial carcinoma"]},
        "differential": [{"name": "Tuberculosis", "synonyms": ["tb"]}],
        "management": [{"id": "ct", "name": "Staging CT", "synonyms": ["ct chest"]}],
        "summary": "A smoker with haemoptysis and weight loss.",
        "teaching_points": ["Two weeks' wait referral."]}
    scripted_server.script(answer(draft))
    study = tmp_path / "study.md"
    study.write_text("# Case study\nA 64-year-old builder with haemoptysis.", encoding="utf-8")
    code, out, _ = run_cli("vp", "generate", "--topic", "lung cancer", "--provider",
                           "scripted", "--source", study, "--json")
    assert "64-year-old builder" in scripted_server.chat_requests[-1]["messages"][0]["content"]
    assert code == 0
    case = out["case"]
    assert case["status"] == "draft" and case["id"].startswith("draft-lung-cancer")
    assert case["facts"][2]["topics"] == ["hemoptysis"]  # an unknown concept was dropped
    items = [i["refs"] for s in case["checklist"]["sections"] for i in s["items"]]
    assert ["diagnosis"] in items and ["fact:blood"] in items
    code, out, _ = run_cli("vp", "list", "--json")
    assert any(c["id"] == case["id"] for c in out["cases"])


def test_cli_play_with_a_provider_that_leaks(run_cli, tmp_path, scripted_server,
                                             scripted_profile, data_dir):
    from eduapp.llm import ProviderStore
    ProviderStore(data_dir).save(scripted_profile)
    scripted_server.responder = lambda body: answer("Honestly, it's a STEMI, doctor.")
    script = tmp_path / "turns.txt"
    script.write_text("What is my diagnosis?\nWhen did it start?\n", encoding="utf-8")
    code, out, _ = run_cli("vp", "play", "chest-pain-en", "--script", script,
                           "--provider", "scripted", "--json")
    assert code == 0 and out["engine"] == "llm:scripted"
    answers = [t for t in out["transcript"] if t["role"] == "patient"][1:]
    assert [t["by"] for t in answers] == ["guard", "guard"]
    assert not any("STEMI" in t["text"] for t in out["transcript"])
    assert out["revealed"] == ["onset"] and out["score"]["guarded"]


def test_cli_play_gives_up_a_provider_that_is_down_once(run_cli, tmp_path, scripted_server,
                                                        scripted_profile, data_dir):
    """An unreachable provider is asked once, not at every turn (each would wait for the
    timeout): the offline engine answers the rest and a note says so."""
    from eduapp.llm import ProviderStore
    ProviderStore(data_dir).save(scripted_profile)
    scripted_server.stop()
    script = tmp_path / "turns.txt"
    script.write_text("When did it start?\nDo you smoke?\n/diagnose heart attack\n",
                      encoding="utf-8")
    code, out, _ = run_cli("vp", "play", "chest-pain-en", "--script", script,
                           "--provider", "scripted", "--json")
    assert code == 0
    answers = [t for t in out["transcript"] if t["role"] == "patient" and t["kind"] == "answer"]
    assert len(answers) == 3, answers
    assert [t["by"] for t in answers] == ["script", "offline", "offline"]
    assert out["notes"] and "offline engine" in out["notes"][0]
    assert "onset" in out["revealed"]


def test_cli_play_checks_its_inputs_before_playing(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    code, _, err = run_cli("vp", "play", "chest-pain-en", "--script", empty)
    assert code == 3 and "no student turns" in err
    script = tmp_path / "turns.txt"
    script.write_text("When did it start?\n", encoding="utf-8")
    code, out, err = run_cli("vp", "play", "chest-pain-en", "--script", script,
                             "--debrief", tmp_path / "missing" / "x.pdf")
    assert code == 3 and "does not exist" in err and "Patient" not in out
