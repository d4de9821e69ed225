"""Virtual patients: case scripts, the offline matcher (the main interview engine), the
encounter (examination and investigation menus, branching), scoring and debrief, records,
draft generation and the LLM role-play patient with its code-enforced leak guard. No Qt.

::

    from eduapp.vpatient import CaseLibrary, Encounter
    case = CaseLibrary(bank).get("chest-pain-en")
    enc = Encounter(case)
    reply, _ = enc.ask("What brings you in today?")
    enc.examine("cardiovascular"); enc.order("ECG")
    enc.diagnose("anterior STEMI"); enc.plan("aspirin, ticagrelor, primary PCI")
    report = enc.finish()          # report.total (0..100), report.missed, report.to_dict()
"""

from .engine import Encounter, OfflinePatient, Reply, Turn, match_terms, stock_line
from .generate import draft_checklist, generate_case_script
from .lexicon import concepts
from .library import CaseLibrary, case_document, shipped_cases
from .matcher import Match, Matcher
from .model import (CaseScript, Checklist, ChecklistItem, ChecklistSection, Diagnosis,
                    ExamFinding, Fact, Investigation, ManagementStep, Patient, Persona,
                    case_from_json, load_case, save_case)
from .records import class_results, save_encounter, student_results
from .roleplay import LLMPatient, judge_diagnosis, judge_plan, leak_check, system_prompt
from .scoring import ScoreReport, score_encounter

__all__ = ["Encounter", "OfflinePatient", "Reply", "Turn", "match_terms", "stock_line",
           "draft_checklist", "generate_case_script", "concepts", "CaseLibrary",
           "case_document", "shipped_cases", "Match", "Matcher", "CaseScript", "Checklist",
           "ChecklistItem", "ChecklistSection", "Diagnosis", "ExamFinding", "Fact",
           "Investigation", "ManagementStep", "Patient", "Persona", "case_from_json",
           "load_case", "save_case", "class_results", "save_encounter", "student_results",
           "LLMPatient", "judge_diagnosis", "judge_plan", "leak_check", "system_prompt", "ScoreReport",
           "score_encounter"]
