"""The encounter engine on the shipped cases: menus with time and cost, unlisted tests,
results that come back after their turnaround, branching, diagnosis and plan matching,
scoring by checklist section, and fidelity to the script."""

from __future__ import annotations

import pytest

from eduapp.vpatient import stock_line
from eduapp.vpatient.bench import QUESTIONS_DIR, read_questions


def test_examination_and_orders_cost_time_and_money(encounter):
    enc = encounter("chest-pain-en")
    enc.examine("cardiovascular")
    assert enc.minutes == 3 and "JVP not raised" in enc.transcript[-1].text
    enc.order("ECG")
    assert enc.cost == 20 and enc.pending  # the ECG takes 5 minutes
    assert not any("ST elevation" in t.text for t in enc.transcript)
    enc.wait(5)
    assert "ST elevation" in enc.transcript[-1].text and not enc.pending
    enc.order("troponin")
    assert enc.cost == 35 and enc.orders[-1]["minutes"] == 60


def test_unlisted_examination_and_tests_follow_the_script(encounter, cases):
    enc = encounter("chest-pain-en")  # exam_unlisted: normal, investigation_unlisted: normal
    enc.examine("thyroid")
    assert "no abnormality" in enc.transcript[-1].text
    enc.order("serum magnesium")
    assert "within normal limits" in enc.transcript[-1].text
    assert enc.orders[-1]["listed"] is False and enc.cost == 0
    child = encounter("fever-child-zh")  # investigation_unlisted: not_available
    child.order("PET-CT")
    assert "无法开展" in child.transcript[-1].text


def test_patient_deteriorates_when_reperfusion_is_delayed(encounter):
    enc = encounter("chest-pain-en")
    enc.order("ECG")
    enc.wait(61)
    assert enc.state == "shock"
    assert any("faint" in t.text for t in enc.transcript if t.role == "patient")
    enc.examine("general")
    assert "Grey, cold peripheries" in enc.transcript[-1].text  # the state's own finding


def test_patient_improves_after_the_right_treatment(encounter):
    enc = encounter("chest-pain-en")
    enc.plan("aspirin 300 mg and ticagrelor; call the cath lab for primary PCI")
    assert enc.state == "reperfused"
    assert {"management:aspirin", "management:p2y12", "management:pci"} <= enc.done
    enc.wait(120)
    assert enc.state == "reperfused"  # the deterioration rule no longer applies


def test_chinese_case_branches_too(encounter):
    enc = encounter("polyuria-zh")
    enc.wait(60)
    assert enc.state == "shock"
    enc.plan("生理盐水补液，小剂量胰岛素静滴，补钾")
    assert enc.state == "recovering"


@pytest.mark.parametrize("case_id, text, correct", [
    ("chest-pain-en", "Anterior STEMI", True),
    ("chest-pain-en", "acute myocardial infraction", True),  # a spelling slip
    ("chest-pain-en", "pericarditis", False),
    ("abdominal-pain-zh", "急性化脓性阑尾炎", True),
    ("abdominal-pain-zh", "右输尿管结石", False),
    ("polyuria-zh", "DKA", True),
    ("headache-en", "migraine", False),
])
def test_diagnosis_is_matched_against_its_synonyms(encounter, case_id, text, correct):
    enc = encounter(case_id)
    enc.diagnose(text)
    assert enc.diagnosis_correct is correct


def test_differential_counts_after_the_leading_diagnosis(encounter):
    enc = encounter("chest-pain-en")
    enc.diagnose("STEMI; differential: aortic dissection, pulmonary embolism")
    assert {"diagnosis", "differential:0", "differential:1"} <= enc.done
    report = enc.finish()
    assert report.differential == ["Aortic dissection", "Pulmonary embolism"]


def test_score_by_section_with_what_was_missed(encounter):
    enc = encounter("chest-pain-en")
    for line in ["Hello, I'm Dr Lee, one of the doctors. What brings you in today?",
                 "When did it start?", "Where exactly is it?", "What does it feel like?",
                 "Does it spread anywhere?", "Do you smoke?", "Any allergies?",
                 "/exam vitals", "/order ECG", "/diagnose anterior STEMI",
                 "/plan aspirin 300 mg, ticagrelor, primary PCI"]:
        enc.run_line(line)
    report = enc.finish()
    sections = {s.id: s for s in report.sections}
    assert sections["investigations"].points == 3  # the ECG
    assert sections["management"].points == 6
    assert sections["diagnosis"].points == 3
    missed = {m["item"] for m in report.missed}
    assert {"h_family", "h_dissection", "i_trop", "m_analgesia"} <= missed
    assert {"h_onset", "h_site", "h_smoking", "c_intro", "c_open"}.isdisjoint(missed)
    assert 0 < report.total < 100 and report.global_rating in range(1, 6)
    e = report.efficiency
    assert (e["questions"], e["tests"], e["cost"]) == (7, 1, 20)
    assert report.teaching_points and report.transcript[0]["role"] == "system"


def test_cn_history_station_sections(encounter):
    enc = encounter("abdominal-pain-zh")
    for q in ["你好，我是王医生。你哪里不舒服？", "什么时候开始的？", "疼的位置有没有变化？",
              "有没有恶心呕吐？", "发烧吗？", "大便怎么样？", "小便怎么样？", "看过医生吗？",
              "以前得过什么病？", "对什么药过敏吗？", "我总结一下，你是肚子疼了十二个小时，对吗？"]:
        enc.ask(q)
    report = enc.finish()
    titles = [s.title for s in report.sections]
    assert titles[:3] == ["现病史", "相关病史", "问诊技巧"]
    skills = {i.id: i.done for i in report.sections[2].items}
    assert skills["s_intro"] and skills["s_open"] and skills["s_summary"]
    assert skills["s_nojargon"]  # no 医学术语 in eleven questions
    assert report.global_rating is None  # the 病史采集 station has no global rating


def test_jargon_costs_the_no_jargon_item(encounter):
    enc = encounter("abdominal-pain-zh")
    for q in ["哪里不舒服？", "有没有转移性右下腹痛？", "有放射痛吗？", "发烧吗？", "大便正常吗？"]:
        enc.ask(q)
    assert "skill:no_jargon" not in enc.done
    enc.finish()
    assert "skill:no_jargon" not in enc.done


@pytest.mark.parametrize("case_id", ["chest-pain-en", "abdominal-pain-zh", "fever-child-zh",
                                     "dyspnoea-en", "headache-en", "polyuria-zh"])
def test_offline_patient_never_contradicts_the_script(encounter, cases, case_id):
    """Fidelity over a scripted interview (all the labelled questions): every patient
    answer is a script answer or a stock line, so nothing contradicts the script."""
    case = cases[case_id]
    enc = encounter(case_id)
    allowed = {f.answer for f in case.facts} | {
        stock_line(case, k) for k in ("unsure", "negative", "greeting", "summary", "closing",
                                      "empathy", "explanation", "refuse", "unknown",
                                      "clarify")}
    contradictions = 0
    for _, q in read_questions(f"{QUESTIONS_DIR}/questions_{case_id}.tsv"):
        reply, _ = enc.ask(q)
        pieces = [case.fact(f).answer for f in reply.facts]
        if reply.facts:
            ok = reply.text == " ".join(pieces)
        else:
            ok = reply.text in allowed or case.patient.name in reply.text
        contradictions += not ok
    assert contradictions == 0


def test_script_commands_and_errors(encounter):
    enc = encounter("headache-en")
    with pytest.raises(ValueError, match="unknown command"):
        enc.run_line("/xray chest")
    with pytest.raises(ValueError, match="needs an argument"):
        enc.run_line("/order")
    turns = enc.run_line("/exam neuro")
    assert "Kernig" in turns[-1].text


def test_what_the_opening_answer_tells_counts_as_revealed(encounter, cases):
    # "pain in the middle of my chest, like a heavy weight": site and character are out
    enc = encounter("chest-pain-en")
    reply, _ = enc.ask("What brings you in today?")
    assert reply.facts == ["cc"]
    assert enc.revealed[:3] == ["cc", "site", "character"]
    report = enc.finish()
    done = {i.id for s in report.sections for i in s.items if i.done}
    assert {"h_site", "h_character"} <= done and "h_radiation" not in done


def test_a_fact_can_only_reveal_another_fact(cases):
    from eduapp.errors import ValidationError
    from eduapp.vpatient.model import CaseScript
    data = cases["headache-en"].to_dict()
    data["facts"][0]["reveals"] = ["no_such_fact"]
    with pytest.raises(ValidationError, match="reveals 'no_such_fact'"):
        CaseScript.from_dict(data).validate()
