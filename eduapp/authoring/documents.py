"""Lecture notes and case studies: structured JSON from the model, rendered to Markdown,
stored in the bank's document store (``Document`` kinds ``notes`` and ``case``).

A case study keeps its structure in ``Document.data`` (presentation, history, examination,
investigations, differential, final diagnosis, management, discussion questions), so it can
seed a virtual patient; ``Document.body`` is the Markdown handout. Worker threads only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..domain import Document, new_uid, now
from ..errors import ValidationError
from ..llm import complete_json_result
from .gate import LOW_QUALITY, STRONGER_PROVIDER_HINT
from .prompting import authoring_prompt, budget_for, extras_text
from .output_schemas import CASE_SCHEMA, NOTES_SCHEMA, grammar_schema

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["generate_notes", "generate_case", "notes_markdown", "case_markdown",
           "existing_document"]

_L = {"en": {"objectives": "Learning objectives", "key": "Key points", "summary": "Summary",
             "check": "Self-check questions", "answer": "Answer", "presentation": "Presentation",
             "history": "History", "exam": "Examination", "inv": "Investigations",
             "test": "Test", "result": "Result", "ddx": "Differential diagnosis",
             "dx": "Final diagnosis", "mgmt": "Management", "disc": "Discussion questions"},
      "zh": {"objectives": "学习目标", "key": "要点", "summary": "总结", "check": "自测题",
             "answer": "答案", "presentation": "就诊表现", "history": "病史", "exam": "体格检查",
             "inv": "辅助检查", "test": "项目", "result": "结果", "ddx": "鉴别诊断",
             "dx": "最终诊断", "mgmt": "处理", "disc": "讨论题"}}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def notes_markdown(data: dict, language: str = "en") -> str:
    """Markdown of lecture notes in :data:`~.schemas.NOTES_SCHEMA` shape."""
    t = _L.get(language, _L["en"])
    md = [f"# {data['title']}", "", f"## {t['objectives']}", ""]
    md += [f"- {o}" for o in data["learning_objectives"]] + [""]
    for s in data["sections"]:
        md += [f"## {s['heading']}", "", s["body"].strip(), ""]
    md += [f"## {t['key']}", ""] + [f"- {k}" for k in data["key_points"]] + [""]
    table = data["summary_table"]
    cols = table["columns"]
    md += [f"## {t['summary']}", "", "| " + " | ".join(_cell(c) for c in cols) + " |",
           "|" + "---|" * len(cols)]
    for row in table["rows"]:
        row = (list(row) + [""] * len(cols))[:len(cols)]
        md.append("| " + " | ".join(_cell(c) for c in row) + " |")
    md += ["", f"## {t['check']}", ""]
    for n, q in enumerate(data["self_check"], 1):
        md += [f"{n}. {q['question']}", f"   - *{t['answer']}:* {q['answer']}"]
    return "\n".join(md).rstrip() + "\n"


def case_markdown(data: dict, language: str = "en") -> str:
    """Markdown handout of a case study in :data:`~.schemas.CASE_SCHEMA` shape."""
    t = _L.get(language, _L["en"])
    md = [f"# {data['title']}", "", f"## {t['presentation']}", "", data["presentation"], "",
          f"## {t['history']}", "", data["history"], "", f"## {t['exam']}", "",
          data["examination"], "", f"## {t['inv']}", "", f"| {t['test']} | {t['result']} |",
          "|---|---|"]
    md += [f"| {_cell(i['test'])} | {_cell(i['result'])} |" for i in data["investigations"]]
    md += ["", f"## {t['ddx']}", ""]
    md += [f"- **{d['diagnosis']}**: {d['reasoning']}" for d in data["differential_diagnosis"]]
    md += ["", f"## {t['dx']}", "", data["final_diagnosis"], "", f"## {t['mgmt']}", ""]
    md += [f"{n}. {m}" for n, m in enumerate(data["management"], 1)]
    md += ["", f"## {t['disc']}", ""]
    for n, q in enumerate(data["discussion_questions"], 1):
        md += [f"{n}. {q['question']}", f"   - *{t['answer']}:* {q['answer']}"]
    return "\n".join(md).rstrip() + "\n"


def existing_document(bank: Bank, kind: str, generation_id: str) -> Document | None:
    """The document of ``kind`` stored under ``generation_id`` (the 500 newest are searched)."""
    for doc in bank.documents(kind=kind, limit=500):
        if doc.provenance.get("generation_id") == generation_id:
            return doc
    return None


def _generate(bank: Bank, profile, kind: str, prompt_name: str, schema: dict, render, topic: str,
              language: str, generation_id: str | None, source_text: str, on_progress,
              cancel) -> Document:
    if not topic.strip():
        raise ValidationError(code="gen.no-topic-short")
    if language not in ("en", "zh"):
        raise ValidationError(code="gen.language", values={"choices": ["en", "zh"]})
    gid = generation_id or new_uid()
    old = existing_document(bank, kind, gid)
    if old is not None:
        return old
    budget = budget_for(profile)
    prompt = authoring_prompt(prompt_name, language)
    msgs = [{"role": "system", "content": authoring_prompt("author_system", language).text},
            {"role": "user", "content": prompt.render(
                topic=topic, extras=extras_text(language, source=source_text,
                                                source_chars=budget.source_chars))}]
    if profile.is_embedded:  # llama.cpp: integer ranges as enums, no huge length bounds
        schema = grammar_schema(schema)
    res = complete_json_result(profile, msgs, schema, schema_name=kind, language=language,
                               max_tokens=max(budget.max_tokens, 1000 if profile.is_embedded
                                              else 4000),
                               on_progress=on_progress, cancel=cancel)
    prov = {"source": "generated", "provider": profile.name, "provider_kind": profile.kind,
            "model": res.model, **prompt.provenance(), "at": now(), "generation_id": gid,
            "structured_output": res.mode, "attempts": res.attempts}
    if profile.is_embedded:
        prov["quality"] = LOW_QUALITY
        prov["suggestion"] = STRONGER_PROVIDER_HINT
    doc = Document(kind=kind, title=res.data["title"].strip() or topic, body=render(
        res.data, language), topic=topic, language=language, status="draft", data=res.data,
        provenance=prov, tags=["generated"])
    return bank.save_document(doc)


def generate_notes(bank: Bank, profile, topic: str, language: str = "en", *,
                   generation_id: str | None = None, source_text: str = "",
                   on_progress: Callable[[int, float], None] | None = None,
                   cancel=None) -> Document:
    """Generate lecture notes (Markdown) and store them as a ``notes`` document (draft).

    :param on_progress: ``(tokens_so_far, elapsed_seconds)`` while the answer streams.
    :param generation_id: retrying with the same id returns the stored document.
    :returns: the stored :class:`Document` (``data``: the structured notes).
    :raises ValidationError: empty topic or unknown language.
    :raises LLMUnavailableError: the provider cannot be used (nothing stored).
    :raises LLMOutputError: the answer is cut off or still invalid after the repair.
    :raises CancelledError: ``cancel`` was set (nothing stored).
    """
    return _generate(bank, profile, "notes", "notes", NOTES_SCHEMA, notes_markdown, topic,
                     language, generation_id, source_text, on_progress, cancel)


def generate_case(bank: Bank, profile, topic: str, language: str = "en", *,
                  generation_id: str | None = None, source_text: str = "",
                  on_progress: Callable[[int, float], None] | None = None,
                  cancel=None) -> Document:
    """Generate a structured case study and store it as a ``case`` document (draft):
    ``data`` holds the structure (:data:`~.schemas.CASE_SCHEMA`), ``body`` the handout.

    Same parameters and errors as :func:`generate_notes`.
    """
    return _generate(bank, profile, "case", "case", CASE_SCHEMA, case_markdown, topic, language,
                     generation_id, source_text, on_progress, cancel)
