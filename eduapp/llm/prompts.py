"""Prompt templates: versioned, bilingual files in ``eduapp/llm/prompts/``.

One file per prompt and language, ``<name>.<language>.md`` (``en`` and ``zh``), starting
with a front-matter block that gives the version recorded in provenance::

    ---
    version: 2025-01.1
    ---
    You write single-best-answer questions about {{topic}} ...

``{{name}}`` placeholders are filled by :meth:`Prompt.render`. Bump the version whenever the
text changes in a way that changes what the model produces.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from ..errors import NotFoundError, ValidationError

__all__ = ["Prompt", "load_prompt", "list_prompts", "PROMPT_DIR", "LANGUAGES"]

PROMPT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "prompts")
LANGUAGES = ("en", "zh")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


@dataclass(frozen=True)
class Prompt:
    """One prompt template in one language.

    :ivar name: file stem, e.g. ``"json_repair"``.
    :ivar language: ``"en"`` or ``"zh"``.
    :ivar text: the template (front matter removed), with ``{{placeholders}}``.
    :ivar version: version string from the front matter.
    """

    name: str
    language: str
    text: str
    version: str

    @property
    def placeholders(self) -> set[str]:
        """Names of the ``{{placeholders}}`` in the text."""
        return set(_PLACEHOLDER.findall(self.text))

    def render(self, **values) -> str:
        """The text with every ``{{name}}`` replaced by ``str(values[name])``.

        :raises ValueError: a placeholder has no value (a programming error).
        """
        missing = self.placeholders - values.keys()
        if missing:
            raise ValueError(f"prompt {self.name}.{self.language} needs values for "
                             f"{', '.join(sorted(missing))}")
        return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.text)

    def provenance(self) -> dict:
        """What to record in an item's provenance: ``{"prompt", "prompt_version",
        "prompt_language"}``."""
        return {"prompt": self.name, "prompt_version": self.version,
                "prompt_language": self.language}


def load_prompt(name: str, language: str = "en", directory: str | None = None) -> Prompt:
    """Load the template ``name`` in ``language`` (files are read once, then cached).

    Any thread.

    :param name: file stem, e.g. ``"json_repair"``.
    :param language: ``"en"`` or ``"zh"`` (``"zh-CN"``-style tags are cut to ``"zh"``).
    :param directory: another folder of templates; default :data:`PROMPT_DIR`.
    :raises NotFoundError: there is no such template in that language.
    :raises ValidationError: the file has no ``version`` in its front matter.

    ::

        p = load_prompt("json_repair", "zh")
        text = p.render(errors="...", schema_name="item")
    """
    lang = (language or "en").split("-")[0].split("_")[0].lower()
    return _load(name, lang, directory or PROMPT_DIR)


@functools.lru_cache(maxsize=256)
def _load(name: str, lang: str, directory: str) -> Prompt:
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", name):
        raise NotFoundError(code="llm.prompt-missing", values={"name": name})
    path = os.path.join(directory, f"{name}.{lang}.md")
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise NotFoundError(code="llm.prompt-language",
                            values={"name": name, "language": lang}) from None
    m = re.match(r"\A---\s*\n(.*?)\n---\s*\n", raw, re.S)
    meta = {}
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip()
        raw = raw[m.end():]
    if not meta.get("version"):
        raise ValidationError(code="llm.prompt-version", values={"path": path})
    return Prompt(name, lang, raw.strip("\n"), meta["version"])


def list_prompts(directory: str | None = None) -> dict[str, set[str]]:
    """The templates there are: ``{name: {languages}}`` (for a check that each exists in
    every language of :data:`LANGUAGES`)."""
    out: dict[str, set[str]] = {}
    for f in sorted(os.listdir(directory or PROMPT_DIR)):
        m = re.fullmatch(r"(.+)\.([a-z]{2})\.md", f)
        if m:
            out.setdefault(m.group(1), set()).add(m.group(2))
    return out
