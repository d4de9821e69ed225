"""Generate from an item model or knowledge table and store the drafts in the bank.

Worker thread or CLI: reads the bank to build its near-duplicate index, then stores every
new unit in one transaction (nothing half-written stays on failure). Each generated unit
has a stable uid made from the model's id, its content fingerprint and the combination, so
generating the same combination again stores nothing twice: it is counted in
``already_in_bank``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...domain import ItemSet, new_uid, now
from ...errors import NotFoundError
from ..dedup import DuplicateIndex
from .catalog import AigSource
from .generator import AigResult, enemy_group, generate_from_model
from .model import ItemModel
from .tables import generate_from_table

if TYPE_CHECKING:
    from ...bank import Bank

__all__ = ["generate", "generate_into_bank", "StoredGeneration", "bank_index"]


def generate(source: AigSource | ItemModel, *, count: int | None = None,
             seed: int | None = None, index: DuplicateIndex | None = None) -> AigResult:
    """Generate (nothing stored) from a source: the preview of the editor, the benchmark.

    :param count: at most this many questions, ``None`` for all.
    :raises ValidationError: the model or table is invalid.
    """
    model = source.model if isinstance(source, AigSource) else source
    if isinstance(model, ItemModel):
        return generate_from_model(model, count=count, seed=seed, index=index)
    return generate_from_table(model, count=count, seed=seed, index=index)


def bank_index(bank: Bank, source_id: str) -> DuplicateIndex:
    """The bank's near-duplicate index without the items of ``source_id``'s own enemy
    group (those are siblings by design, kept apart on exams by the enemy rule)."""
    index = DuplicateIndex.from_bank(bank)
    for item_id in bank.ids_by_provenance("enemy_group", enemy_group(source_id)):
        index.remove(item_id)
    return index


@dataclass
class StoredGeneration:
    """What :func:`generate_into_bank` stored.

    :ivar units: the stored units (items with ``id`` and gate findings; sets whole).
    :ivar already_in_bank: generated units whose uid the bank already had (not stored).
    """

    generation_id: str
    source: AigSource
    report: AigResult
    units: list = field(default_factory=list)
    already_in_bank: int = 0

    @property
    def items(self) -> list:
        out = []
        for u in self.units:
            out.extend(u.items if isinstance(u, ItemSet) else [u])
        return out


def _exists(bank: Bank, uid: str) -> bool:
    try:
        bank.get_item_by_uid(uid)
        return True
    except NotFoundError:
        return False


def generate_into_bank(bank: Bank, source: AigSource, *, count: int | None = 20,
                       seed: int | None = None,
                       generation_id: str | None = None) -> StoredGeneration:
    """Generate up to ``count`` questions from ``source`` and store the new ones as drafts.

    :param count: questions wanted (a B1 set counts by its members); ``None`` for every
        valid combination.
    :param seed: sample seed; the same seed and model give the same items.
    :param generation_id: kept in each item's provenance (default a new id).
    :returns: a :class:`StoredGeneration`.
    :raises ValidationError: an invalid model, or ``count`` < 1.
    """
    gid = generation_id or new_uid()
    index = bank_index(bank, source.id)
    want = count
    for _attempt in range(4):  # ask for more when some are in the bank already
        report = generate(source, count=want, seed=seed, index=index)
        fresh = [u for u in report.units if not any(
            _exists(bank, m.uid) for m in (u.items if isinstance(u, ItemSet) else [u]))]
        got = sum(len(u.items) if isinstance(u, ItemSet) else 1 for u in fresh)
        if count is None or got >= count or report.considered >= report.valid:
            break
        want = want + (count - got)
    out = StoredGeneration(gid, source, report)
    out.already_in_bank = len(report.units) - len(fresh)
    stamp = now()
    n = 0
    with bank.transaction():
        for unit in fresh:
            members = unit.items if isinstance(unit, ItemSet) else [unit]
            if count is not None and n + len(members) > count:
                continue
            findings = [m.findings for m in members]
            for m in members:
                m.provenance.update({"generation_id": gid, "generation_index": n, "at": stamp})
                n += 1
            if isinstance(unit, ItemSet):
                unit.provenance.update({"generation_id": gid, "at": stamp})
                bank.save_set(unit, note="generated (AIG)")
            else:
                bank.save_item(unit, note="generated (AIG)")
            for m, f in zip(members, findings):
                m.findings = f
            out.units.append(unit)
    return out
