"""The review workflow for generated items (service API; the GUI shows it).

Generated items land as ``draft`` items in the review queue with their gate findings. A
person then accepts them (``reviewed`` or ``approved``: only ever by an explicit call made
for a person's action, never by a pipeline), edits, regenerates or discards them.
Bank calls are serialised by the bank; model calls (regenerate) belong on a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..bank import ItemFilter
from ..domain import Item, now
from ..errors import ApprovalBlockedError, NotFoundError, ValidationError
from .dedup import DuplicateIndex
from .gate import gate_findings
from .questions import GenerationResult, QuestionSpec, generate_questions

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["review_queue", "approval_problems", "accept", "edit", "discard", "regenerate", "restored_version"]


def review_queue(bank: Bank, *, limit: int | None = None, with_duplicates: bool = False) -> list[Item]:
    """Generated items (by a language model or from an AIG item model or knowledge table)
    still in ``draft``, newest first, each with its gate findings.

    :param with_duplicates: also check each against the rest of the bank (slower: builds
        a duplicate index of the bank first).
    """
    ids = bank.query_ids("", ItemFilter(statuses=["draft"]), order="-id")
    items = [i for i in bank.get_items(ids)
             if i.provenance.get("source") in ("generated", "aig")]
    items = items[:limit] if limit else items
    index = DuplicateIndex.from_bank(bank) if with_duplicates else None
    for item in items:
        item.findings = gate_findings(item, index=index, bank=bank)
    return items


def approval_problems(item: Item) -> list:
    """What holds an item back from approval: its error-level gate findings and a blind
    second answer that disagreed with the key (``verification-disagrees``)."""
    return [f for f in gate_findings(item)
            if f.severity == "error" or f.rule == "verification-disagrees"]


def accept(bank: Bank, ids, status: str = "reviewed", *, override: bool = False,
           by: str = "") -> int:
    """A person accepts items: set them ``reviewed`` or ``approved``.

    Approving an item with :func:`approval_problems` needs ``override`` (the person saw
    the reasons and confirmed); the item's provenance then records who approved it, when,
    and over which findings (``approved_over``).

    :param by: who accepts (a user name), recorded with an override.
    :returns: how many changed.
    :raises ApprovalBlockedError: ``approved`` without ``override`` for flagged items.
    :raises ValidationError: another status. :raises NotFoundError: an unknown id.
    """
    if status not in ("reviewed", "approved"):
        raise ValidationError(code="review.accept-status")
    ids = list(ids)
    if status == "approved":
        blocked = {}
        for item in bank.get_items(ids):
            if item.status == "approved":
                continue  # approved before: nothing new to confirm
            problems = approval_problems(item)
            if problems:
                blocked[item.id] = (item, problems)
        if blocked and not override:
            raise ApprovalBlockedError({i: p for i, (_item, p) in blocked.items()})
        with bank.transaction():
            for item, problems in blocked.values():
                item.provenance = dict(item.provenance, approved_over={
                    "by": by or "unknown", "at": now(),
                    "findings": [f.rule for f in problems]})
                bank.save_item(item, note="approved despite findings")
            return bank.set_status(ids, status)
    return bank.set_status(ids, status)


def edit(bank: Bank, item: Item) -> Item:
    """Save a person's edit of an item (a new version) and return it with fresh findings.

    :raises ValidationError: the edited item breaks a structural rule.
    """
    saved = bank.save_item(item, note="edited in review")
    saved.findings = gate_findings(saved)
    return saved


def discard(bank: Bank, ids) -> list[int]:
    """Move items to the trash (restorable from the bank). :returns: ids deleted."""
    return bank.delete_items(list(ids))


def regenerate(bank: Bank, profile, item_id: int, *, generation_id: str | None = None,
               verify: bool = True, cancel=None) -> GenerationResult:
    """Write a replacement for one generated item with the spec it was made from, and
    discard the old one once the new one is stored. Worker thread.

    :raises NotFoundError: no such item, or it was not generated (no spec in provenance).
    :raises LLMUnavailableError, LLMOutputError, CancelledError: as
        :func:`~.questions.generate_questions`; the old item is kept then.
    """
    old = bank.get_item(item_id)
    spec = old.provenance.get("spec")
    if not spec:
        raise NotFoundError(code="review.not-generated", values={"id": item_id})
    qs = QuestionSpec(topic=spec.get("topic") or old.topic, count=1,
                      kind=spec.get("type", "sba"), language=spec.get("language", old.language),
                      bloom=spec.get("bloom", ""), difficulty=spec.get("difficulty"),
                      objectives=spec.get("objectives", []), system=spec.get("system", ""),
                      n_options=spec.get("n_options", 5))
    result = generate_questions(bank, profile, qs, generation_id=generation_id, verify=verify,
                                cancel=cancel)
    if old.status == "draft" and not result.reused:
        bank.delete_items([item_id])
    return result


def restored_version(bank: Bank, item_id: int, version: int) -> Item:
    """Version ``version`` of an item, ready to be saved as its newest version: the old
    content with the identity of the current item (id, uid, review status and place in its
    set), so restoring never moves an item out of its set or changes its status.

    :raises NotFoundError: no such item or version.
    """
    current = bank.get_item(item_id)
    restored = bank.item_version(item_id, version)
    restored.id, restored.uid, restored.status = item_id, current.uid, current.status
    restored.set_uid, restored.set_position = current.set_uid, current.set_position
    return restored
