"""Virtual patients: case scripts, the offline matcher, the encounter engine, scoring and
debrief, and the LLM role-play patient with its leak guard. No Qt here.
"""

from .lexicon import concepts
from .matcher import Match, Matcher
from .model import (CaseScript, Checklist, ChecklistItem, ChecklistSection, Diagnosis,
                    ExamFinding, Fact, Investigation, ManagementStep, Patient, Persona,
                    case_from_json, load_case, save_case)

__all__ = ["concepts", "Match", "Matcher", "CaseScript", "Checklist", "ChecklistItem",
           "ChecklistSection", "Diagnosis", "ExamFinding", "Fact", "Investigation",
           "ManagementStep", "Patient", "Persona", "case_from_json", "load_case", "save_case"]
