"""Version notes of the item history, worded per language.

The bank stores each version's note as a short English phrase that doubles as a
language-neutral code (``created``, ``edited``, ``imported``, ``generated``,
``restored version 3`` ...); :func:`describe_note` words it for the reader. Notes written
by a person or by older versions that match no pattern are shown as stored.

Pure functions: any thread.
"""

from __future__ import annotations

import re

__all__ = ["NOTE_TEXT", "describe_note"]

#: Fixed notes: ``stored note -> (English, Chinese)``.
NOTE_TEXT: dict[str, tuple[str, str]] = {
    "created": ("created", "新建"),
    "edited": ("edited", "编辑"),
    "imported": ("imported", "导入"),
    "generated": ("generated", "生成"),
    "generated (AIG)": ("generated from an item model (AIG)", "由题目模型生成（AIG）"),
    "approved despite findings": ("approved despite findings", "有质量问题但仍批准"),
    "edited in review": ("edited in review", "审核时编辑"),
}

_PATTERNS: tuple[tuple[re.Pattern, str, str], ...] = (
    (re.compile(r"^restored version (?P<n>\d+)$"),
     "restored version {n}", "恢复为第 {n} 版"),
    (re.compile(r"^revised after the sitting of exam (?P<exam>\S+) \((?P<title>.*?)\)"
                r"(?:: (?P<why>.*))?$", re.S),
     "revised after the sitting of exam {exam} ({title}){why}",
     "考试 {exam}（{title}）阅卷后修订{why}"),
)


def describe_note(note: str, language: str = "en") -> str:
    """The version note ``note`` as the history shows it in ``language`` (``en``/``zh``).

    :param note: the note stored with a version (see :meth:`Bank.history`).
    :returns: the worded note; an unknown note unchanged.
    """
    zh = language == "zh"
    fixed = NOTE_TEXT.get(note)
    if fixed is not None:
        return fixed[1] if zh else fixed[0]
    for pattern, en, zh_text in _PATTERNS:
        m = pattern.match(note or "")
        if m:
            values = {k: v or "" for k, v in m.groupdict().items()}
            if values.get("why"):
                values["why"] = ("：" if zh else ": ") + values["why"]
            return (zh_text if zh else en).format(**values)
    return note
