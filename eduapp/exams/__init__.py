"""Exam assembly: blueprints, the assembler, manual edits, forms and stored exams.

::

    blueprint = Blueprint.load("midterm.json")
    result = assemble(bank, blueprint, seed=7, recent_window=settings.recent_exam_window)
    for s in result.shortfalls:
        print(s.message, s.request)          # what to generate to fill the cell
    make_forms(result.exam, 3)               # forms A, B, C with keys
    ExamStore(bank).save(result.exam)

No Qt here; every function runs on any thread.
"""

from .assembler import (Assembly, CellAvailability, Shortfall, arrange_sections, assemble,
                        cell_availability)
from .blueprint import (DIFFICULTY_BANDS, Blueprint, BlueprintCell, BlueprintSection,
                        difficulty_band)
from .conventions import FORMATS, section_instructions, section_title, set_label, unit_format
from .forms import make_forms, master_key, shuffle_options
from .model import (LETTERS, Exam, ExamForm, ExamSection, ExamUnit, FormQuestion,
                    SetSnapshot)
from .store import ExamStore, ExamSummary

__all__ = ["Assembly", "CellAvailability", "Shortfall", "assemble", "arrange_sections",
           "cell_availability", "Blueprint",
           "BlueprintCell", "BlueprintSection", "DIFFICULTY_BANDS", "difficulty_band",
           "FORMATS", "section_instructions", "section_title", "set_label", "unit_format",
           "make_forms", "master_key", "shuffle_options", "LETTERS", "Exam", "ExamForm",
           "ExamSection", "ExamUnit", "FormQuestion", "SetSnapshot", "ExamStore",
           "ExamSummary"]
