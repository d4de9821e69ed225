"""The quality gate: every check that runs on a generated or imported item.

Linter (:mod:`.lint`), near-duplicate check against the bank (:mod:`.dedup`), the blind
verification recorded at generation time (:mod:`.verify`), and a note on items written by
the embedded model. Findings are not stored with items; the review queue and the editor
recompute them with :func:`gate_findings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import word
from ..domain import Finding, Item
from .finding_text import make_finding
from .dedup import DuplicateIndex, duplicate_findings
from .lint import lint_item
from .relevance import topic_finding
from .verify import verification_finding, verify_item

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["gate_findings", "describe_bank_item", "LOW_QUALITY", "STRONGER_PROVIDER_HINT", "passes_gate",
           "blind_check", "flagged"]

#: The provenance ``quality`` flag of output from the embedded model.
LOW_QUALITY = "low — embedded 135M model"
#: The advice shown with what the embedded model wrote (English; the catalogue code
#: ``gen.stronger-provider`` words it in Chinese: :func:`describe_hint`).
STRONGER_PROVIDER_VALUES = {"providers": ["OpenAI", "DeepSeek", "Qwen", "Ollama", "vLLM"]}
STRONGER_PROVIDER_HINT = word("gen.stronger-provider", STRONGER_PROVIDER_VALUES)


def describe_hint(hint: str, language: str = "en") -> str:
    """A generation's ``hint`` in ``language``: the stronger-provider advice worded from the
    catalogue, any other hint as it is."""
    if hint == STRONGER_PROVIDER_HINT:
        return word("gen.stronger-provider", STRONGER_PROVIDER_VALUES, language)
    return hint


def gate_findings(item: Item, *, index: DuplicateIndex | None = None,
                  bank: Bank=None) -> list[Finding]:
    """All gate findings for ``item``: linter, near duplicates in ``index`` (skipped when
    ``None``), a generated draft that does not concern its requested topic
    (:func:`~.relevance.topic_finding`), blind-verification disagreement, and the
    low-quality note.

    :param bank: the :class:`~eduapp.bank.Bank` ``index`` was built from: a near-copy
        finding then says which bank item is copied (status, source, start of its stem).
    :returns: findings, errors first.
    """
    out = lint_item(item)
    if index is not None:
        out += duplicate_findings(item, index,
                                  describe=(lambda key: describe_bank_item(bank, key))
                                  if bank is not None else None)
    off = topic_finding(item)
    if off is not None:
        out.append(off)
    v = verification_finding(item)
    if v is not None:
        out.append(v)
    if str(item.provenance.get("quality", "")).startswith("low"):
        out.append(make_finding("low-quality-model", "info", "low-quality-model"))
    order = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: order.get(f.severity, 3))
    return out


def describe_bank_item(bank: Bank, item_id: int) -> str:
    """A few words on a bank item for a finding: ``approved, starter bank: "A 58-year-old
    man with…"`` (status, where it came from, the first 70 characters of its stem).

    :raises NotFoundError: no such item.
    """
    other = bank.get_item(int(item_id))
    source = {"starter": "starter bank", "imported": "imported", "generated": "generated",
              "aig": "item model", "manual": "written by hand"}.get(
        str(other.provenance.get("source", "manual")), str(other.provenance.get("source")))
    stem = " ".join(other.full_stem.split())
    stem = stem if len(stem) <= 70 else stem[:69] + "…"
    return f'{other.status}, {source}: "{stem}"'


def passes_gate(findings: list[Finding]) -> bool:
    """Whether an item has no ``error`` and no ``warning`` finding."""
    return not any(f.severity in ("error", "warning") for f in findings)


def blind_check(profile, item: Item, *, cancel=None) -> dict | None:
    """The gate's "two defensible keys" check with a language model: ``profile`` answers
    ``item`` blind (without the key); the answer is recorded in
    ``item.provenance["verification"]`` so that :func:`gate_findings` raises
    ``verification-disagrees`` when it differs from the key (a wrong key, or a second
    option that an independent reader finds as good). Worker thread.

    :returns: the verification record (``None`` for items without options).
    :raises LLMUnavailableError: the provider cannot be used.
    """
    v = verify_item(profile, item, cancel=cancel)
    if v is not None and "error" not in v:
        item.provenance = {**item.provenance, "verification": v}
    return v


def flagged(findings: list[Finding]) -> bool:
    """Whether the gate flags an item: it has an ``error`` or ``warning`` finding (the
    measure of ``bench/bench_gate_accuracy.py``)."""
    return not passes_gate(findings)
