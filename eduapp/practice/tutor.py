"""Ask the tutor: an LLM tutor grounded in the item, its explanations and the teacher's
lecture notes for the item's topic.

:func:`grounding` gathers the sources (the item with its key and per-option explanations,
its references, and the lecture notes ``bank.documents(topic=..., kind="notes")``);
:func:`tutor_messages` turns them into chat messages; :class:`Tutor` asks the LLM when a
provider profile is given and reachable, and otherwise gives the offline answer
(:func:`offline_reply`): the explanations and the linked notes themselves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..domain import Document, Item
from ..errors import LLMOutputError, LLMUnavailableError

if TYPE_CHECKING:
    from ..bank import Bank

log = logging.getLogger(__name__)

#: Longest excerpt of one lecture note put into the prompt, in characters.
NOTE_CHARS = 4000
#: Most notes put into the prompt.
MAX_NOTES = 3


@dataclass
class Grounding:
    """What the tutor may rely on.

    :ivar item_text: the item as Markdown: stem, options marked key / distractor with
        their explanations, the explanation and references.
    :ivar notes: lecture notes for the item's topic (or system), at most :data:`MAX_NOTES`.
    """

    item: Item
    item_text: str
    notes: list[Document] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """Titles of the sources: ``["Question", "<note title>", ...]`` plus references."""
        return ["Question"] + [d.title for d in self.notes] + list(self.item.references)


@dataclass
class TutorReply:
    """The tutor's answer: Markdown text, the sources it rests on, whether it came from
    the LLM (``llm``) or is the offline fallback (``offline``)."""

    text: str
    sources: list[str]
    by: str


def item_markdown(item: Item) -> str:
    """The item with its key and explanations, as Markdown."""
    lines = []
    if item.vignette:
        lines += [item.vignette, ""]
    lines += [f"**{item.stem}**", ""]
    for i, o in enumerate(item.options):
        tag = "✔" if o.correct else "✘"
        letter = chr(ord("A") + i) if i < 26 else str(i + 1)
        lines.append(f"- {letter}. {o.text} {tag}" + (f" — {o.explanation}" if o.explanation
                                                      else ""))
    if item.model_answer:
        lines += ["", f"Model answer: {item.model_answer}"]
    if item.explanation:
        lines += ["", item.explanation]
    if item.references:
        lines += ["", "References: " + "; ".join(item.references)]
    return "\n".join(lines).strip()


def grounding(bank: Bank, item: Item) -> Grounding:
    """Gather the tutor's sources for ``item`` from ``bank`` (lecture notes by topic, else
    by system; the item's own language first)."""
    notes: list[Document] = []
    for key in (item.topic, item.system):
        if key and not notes:
            try:
                notes = bank.documents(topic=key, kind="notes")
            except Exception:  # noqa: BLE001 - notes are optional help
                log.exception("reading notes for %s failed", key)
                notes = []
    notes.sort(key=lambda d: d.language != item.language)
    return Grounding(item=item, item_text=item_markdown(item), notes=notes[:MAX_NOTES])


def tutor_messages(g: Grounding, question: str, history: list[dict] | None = None,
                   language: str = "en") -> list[dict]:
    """Chat messages for the tutor: a system message holding the grounding, the earlier
    turns (``[{"role", "content"}]``), then the student's ``question``."""
    lang = "Simplified Chinese" if language == "zh" else "English"
    notes = "\n\n".join(f"### {d.title}\n{d.body[:NOTE_CHARS]}" for d in g.notes)
    system = (f"You are a patient medical tutor. Answer in {lang}, briefly, using only the "
              "question, its explanations and the lecture notes below; if they do not "
              "cover the student's question, say so. Do not invent references.\n\n"
              f"## Question with key and explanations\n{g.item_text}"
              + (f"\n\n## Lecture notes\n{notes}" if notes else ""))
    return ([{"role": "system", "content": system}] + list(history or [])
            + [{"role": "user", "content": question}])


def offline_reply(g: Grounding, language: str = "en") -> TutorReply:
    """The answer without a model: the item's explanations and the linked notes."""
    head = ("离线模式：以下是本题的解析和相关讲义。" if language == "zh" else
            "No tutor model is available; here are the question's explanations and the "
            "lecture notes for its topic.")
    parts = [head, "", g.item_text]
    for d in g.notes:
        parts += ["", f"### {d.title}", d.body[:NOTE_CHARS]]
    return TutorReply(text="\n".join(parts), sources=g.sources, by="offline")


#: What the tutor would use, per status code: ``code -> (English, Chinese)`` templates
#: over ``provider`` and ``model``.
_STATUS = {
    "model": ("Tutor: {provider} ({model}) answers from this question's explanations and "
              "the lecture notes for its topic.",
              "辅导：由 {provider}（{model}）根据本题解析和本主题讲义回答。"),
    "embedded": ("The tutor is offline: the built-in model ({model}) is too weak to tutor "
                 "or mark answers reliably, so Ask shows the question's explanations and "
                 "lecture notes instead. A stronger model can be set up in Settings "
                 "(Providers).",
                 "辅导处于离线状态：内置模型（{model}）能力太弱，无法可靠地辅导或评分，"
                 "因此“提问”只显示本题解析和讲义。可在“设置”（模型提供方）中配置更强的模型。"),
    "missing": ("The tutor is offline: no model provider is configured (the default "
                "provider “{provider}” does not exist), so Ask shows the question's "
                "explanations and lecture notes instead. Set one up in Settings (Providers).",
                "辅导处于离线状态：尚未配置模型提供方（默认提供方“{provider}”不存在），"
                "因此“提问”只显示本题解析和讲义。请在“设置”（模型提供方）中配置。"),
}


@dataclass
class TutorStatus:
    """Which model the tutor (and the short-answer marker) would use, and why none when
    none: ``code`` is ``model`` (a configured provider), ``embedded`` (the default is the
    built-in model, too weak to tutor) or ``missing`` (the default provider does not
    exist); ``provider`` and ``model`` name it."""

    code: str
    provider: str = ""
    model: str = ""

    @property
    def available(self) -> bool:
        """Whether a model answers (``code == "model"``)."""
        return self.code == "model"

    def describe(self, language: str = "en") -> str:
        """The status as a sentence in ``language`` (``en`` or ``zh``)."""
        template = _STATUS[self.code][1 if language == "zh" else 0]
        return template.format(provider=self.provider or "?", model=self.model or "?")


class Tutor:
    """Answers a student's question about an item. Blocking: call from a worker thread.

    :param bank: the item bank (for the notes).
    :param profile: an :class:`eduapp.llm.ProviderProfile`, or ``None`` for offline.
    """

    def __init__(self, bank: Bank, profile=None):
        self.bank = bank
        self.profile = profile

    def ask(self, item: Item, question: str, history: list[dict] | None = None,
            language: str = "en", on_delta=None) -> TutorReply:
        """:returns: a :class:`TutorReply` (offline when there is no reachable model)."""
        g = grounding(self.bank, item)
        if self.profile is None:
            return offline_reply(g, language)
        from ..llm import stream_text
        try:
            done = stream_text(self.profile, tutor_messages(g, question, history, language),
                               on_delta=on_delta)
        except (LLMUnavailableError, LLMOutputError) as e:
            log.info("tutor model unavailable: %s", e)
            return offline_reply(g, language)
        return TutorReply(text=done.text, sources=g.sources, by="llm")
