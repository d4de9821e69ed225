"""Authoring: generation pipelines (questions, notes, cases) and the quality gate
(item-writing-flaw linter, near-duplicate detection, blind answer verification), plus the
review workflow for generated drafts.

No Qt here. The linter and the duplicate index are pure and fast (any thread); generation,
verification and regeneration call a language model and belong on worker threads.

::

    from eduapp.authoring import QuestionSpec, generate_questions, lint_item
    res = generate_questions(bank, profile, QuestionSpec("asthma", count=4))
"""

from .dedup import DuplicateIndex, DuplicateMatch, duplicate_findings, similarity
from .documents import generate_case, generate_notes, case_markdown, notes_markdown
from .gate import (LOW_QUALITY, STRONGER_PROVIDER_HINT, blind_check, flagged, gate_findings,
                   passes_gate)
from .finding_text import FINDING_TEXT, describe_finding, make_finding
from .lint import RULES, Rule, detected_language, lead_in, lint_item
from .questions import (GenerationResult, QuestionSpec, check_generated, existing_generation,
                        generate_questions, item_from_json)
from .review import accept, discard, edit, regenerate, review_queue
from .output_schemas import CASE_SCHEMA, NOTES_SCHEMA, QUESTION_KINDS, question_schema
from .verify import verification_finding, verify_item

__all__ = [
    "FINDING_TEXT", "describe_finding", "make_finding",
    "RULES", "Rule", "lead_in", "lint_item", "detected_language", "blind_check", "flagged",
    "DuplicateIndex", "DuplicateMatch", "duplicate_findings", "similarity",
    "LOW_QUALITY", "STRONGER_PROVIDER_HINT", "gate_findings", "passes_gate",
    "GenerationResult", "QuestionSpec", "check_generated", "existing_generation",
    "generate_questions", "item_from_json",
    "generate_notes", "generate_case", "notes_markdown", "case_markdown",
    "accept", "discard", "edit", "regenerate", "review_queue",
    "CASE_SCHEMA", "NOTES_SCHEMA", "QUESTION_KINDS", "question_schema",
    "verify_item", "verification_finding",
]
