"""Prompt building for generation: the authoring templates, worked examples from the bank,
and the size limits that keep prompts inside a small model's context.

Templates live in ``eduapp/authoring/prompts/<name>.<en|zh>.md`` with a ``version`` in
their front matter (loaded with :func:`eduapp.llm.load_prompt`); the version is recorded in
each generated item's provenance.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from ..bank import ItemFilter
from ..domain import Item
from ..llm import Prompt, load_prompt

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["PROMPT_DIR", "authoring_prompt", "extras_text", "worked_examples",
           "example_block", "Budget", "budget_for"]

PROMPT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prompts")


def authoring_prompt(name: str, language: str) -> Prompt:
    """The authoring template ``name`` in ``language`` (``en``/``zh``).

    :raises NotFoundError: no such template.
    """
    return load_prompt(name, language, directory=PROMPT_DIR)


class Budget:
    """How much context a provider gets: examples, source text and answer length.

    :ivar examples: worked examples from the bank (0-2).
    :ivar source_chars: characters of source text included.
    :ivar example_chars: characters per worked example.
    :ivar max_tokens: answer cap per call, tokens.
    """

    def __init__(self, examples: int, source_chars: int, example_chars: int, max_tokens: int):
        self.examples = examples
        self.source_chars = source_chars
        self.example_chars = example_chars
        self.max_tokens = max_tokens


def budget_for(profile) -> Budget:
    """The embedded SmolLM2-135M has a 2,048-token context: one short example, 600 characters
    of source, 700 answer tokens. Other providers: two examples, 8,000 characters."""
    if profile.is_embedded:
        return Budget(1, 600, 700, 700)
    return Budget(2, 8000, 1500, min(profile.max_tokens, 2048))


def extras_text(language: str, *, bloom: str = "", difficulty: float | None = None,
                objectives=(), source: str = "", source_chars: int = 8000,
                avoid=()) -> str:
    """The optional lines of a question prompt (Bloom level, difficulty, objectives,
    source text, stems to avoid repeating), in the prompt's language."""
    zh = language == "zh"
    lines = []
    if bloom:
        lines.append(f"- 认知层次（Bloom）：{bloom}" if zh else f"- Bloom level: {bloom}")
    if difficulty is not None:
        label = ("easy" if difficulty >= 0.75 else "hard" if difficulty < 0.45 else "medium")
        lines.append(f"- 难度：约{difficulty:.0%}的学生能答对" if zh else
                     f"- Difficulty: {label} (about {difficulty:.0%} of students answer correctly)")
    for o in objectives:
        lines.append(f"- 学习目标：{o}" if zh else f"- Learning objective: {o}")
    for a in avoid:
        lines.append(f"- 不要重复：{a[:120]}" if zh else f"- Do not repeat: {a[:120]}")
    if source:
        text = source[:source_chars]
        lines.append(("- 只依据下面的资料出题；如资料给出出处，写入 references：\n" if zh else
                      "- Base it only on this source; put any references it gives in references:\n")
                     + "\"\"\"\n" + text + "\n\"\"\"")
    return ("\n".join(lines) + "\n") if lines else ""


def worked_examples(bank: Bank, topic: str, language: str, item_type: str, n: int) -> list[Item]:
    """Up to ``n`` approved bank items nearest to ``topic`` (full-text rank), same language
    and type where possible: the worked examples of a prompt.

    Tries the whole topic first, then its single words (longest first), then any approved
    item of the language.
    """
    if n <= 0 or bank is None:
        return []
    types = ["sba"] if item_type in ("sba", "vignette") else [item_type]
    for filters in (ItemFilter(statuses=["approved"], languages=[language], types=types),
                    ItemFilter(statuses=["approved"], languages=[language])):
        ids = bank.query_ids(topic, filters, limit=n)
        if not ids:
            words = sorted(set(re.findall(r"[A-Za-z]{4,}|[\u4e00-\u9fff]{2,}", topic)),
                           key=len, reverse=True)
            for w in words:
                ids = bank.query_ids(w, filters, limit=n)
                if ids:
                    break
        if ids:
            return bank.get_items(ids[:n])
    return []


def example_block(items: list[Item], kind: str, language: str, max_chars: int) -> str:
    """The worked examples as JSON in the answer's own shape, each cut to ``max_chars``."""
    if not items:
        return ""
    zh = language == "zh"
    head = "\n示例（题库中已审核的题目，仅供参考格式与质量，不要照抄）：\n" if zh else \
        "\nExample of an approved item (for form and quality; do not copy it):\n"
    parts = []
    for item in items:
        parts.append(_clip(json.dumps(example_json(item, kind), ensure_ascii=False), max_chars))
    return head + "\n".join(parts) + "\n"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 3] + "..."


def example_json(item: Item, kind: str) -> dict:
    """An item in the JSON shape the model is asked to produce for ``kind``."""
    if kind == "tf":
        return {"statement": item.stem, "answer": bool(item.options and item.options[0].correct),
                "explanation": item.explanation[:200]}
    if kind == "short":
        return {"question": item.stem, "model_answer": item.model_answer[:200],
                "accepted_answers": [o.text for o in item.options][:3]}
    if kind == "multi":
        return {"stem": item.stem, "options": [
            {"text": o.text, "correct": o.correct, "explanation": o.explanation[:120]}
            for o in item.options]}
    d: dict = {}
    if kind == "vignette" and item.vignette:
        d["vignette"] = item.vignette
    d["stem"] = item.stem if (kind == "vignette" or not item.vignette) else item.full_stem
    d["options"] = [{"text": o.text, "explanation": o.explanation[:120]} for o in item.options]
    d["key"] = item.key_indices[0] if item.key_indices else 0
    return d
