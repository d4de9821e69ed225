"""Where cases come from: the checked cases shipped in ``question_banks/cases/`` and the
teacher's cases kept in the item bank as documents of kind ``vpatient`` (the script's JSON
in the document's ``data``), so they travel with the bank's backups and exports.
"""

from __future__ import annotations

import glob
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import NotFoundError
from ..resources import QUESTION_BANKS
from .model import CaseScript, load_case

if TYPE_CHECKING:
    from ..bank import Bank

__all__ = ["CASES_DIR", "DOCUMENT_KIND", "shipped_cases", "CaseLibrary", "case_document",
           "case_from_document"]

CASES_DIR = os.path.join(QUESTION_BANKS, "cases")
DOCUMENT_KIND = "vpatient"


@lru_cache(maxsize=1)
def _shipped(folder: str) -> tuple[CaseScript, ...]:
    return tuple(load_case(p) for p in sorted(glob.glob(os.path.join(folder, "*.json"))))


def shipped_cases(folder: str | None = None) -> list[CaseScript]:
    """The validated cases in ``question_banks/cases/`` (or ``folder``), by file name.

    :raises ImportFileError: a shipped file is invalid (a packaging bug).
    """
    return list(_shipped(folder or CASES_DIR))


def case_document(case: CaseScript):
    """The bank :class:`~eduapp.domain.Document` that stores ``case`` (uid ``vp-<id>``,
    so saving the same case again updates it)."""
    from ..domain import Document
    return Document(kind=DOCUMENT_KIND, title=case.title, body=case.chief_complaint,
                    topic=case.topic, system=case.system, language=case.language,
                    status=case.status if case.status in ("draft", "reviewed", "approved",
                                                          "retired") else "draft",
                    data=case.to_dict(), provenance=dict(case.provenance),
                    uid=f"vp-{case.id}")


def case_from_document(doc) -> CaseScript:
    """The validated script stored in a bank document.

    :raises ValidationError: the stored script is invalid.
    """
    return CaseScript.from_dict(doc.data).validate()


class CaseLibrary:
    """Shipped cases plus the bank's ``vpatient`` documents; a bank case with the same id
    as a shipped one replaces it (the teacher edited it).

    :param bank: an :class:`eduapp.bank.Bank`, or ``None`` for shipped cases only.
    """

    def __init__(self, bank: Bank=None, folder: str | None = None):
        self.bank = bank
        self.folder = folder

    def cases(self) -> list[CaseScript]:
        """Every playable case: shipped first (by file), then the bank's, by id; invalid
        bank documents are skipped (the editor shows their problems)."""
        by_id = {c.id: c for c in shipped_cases(self.folder)}
        if self.bank is not None:
            for doc in self.bank.documents(kind=DOCUMENT_KIND, limit=100000):
                try:
                    case = case_from_document(doc)
                except Exception:  # noqa: BLE001 - a broken draft must not hide the rest
                    continue
                by_id[case.id] = case
        return list(by_id.values())

    def student_cases(self, allow_reviewed: bool = False) -> list[CaseScript]:
        """The cases students may see and play: approved ones (``reviewed`` ones too when
        ``allow_reviewed``, the teacher's setting that also lets practice serve reviewed
        questions). Shipped cases are checked and count as approved; a bank copy of a
        shipped case that is not (yet) approved leaves the shipped version playable.
        Order as :meth:`cases`."""
        ok = {"approved", "reviewed"} if allow_reviewed else {"approved"}
        shipped = {c.id: c for c in shipped_cases(self.folder)}
        out = []
        for c in self.cases():
            if c.status in ok:
                out.append(c)
            elif c.id in shipped:
                out.append(shipped[c.id])
        return out

    def get(self, case_id: str) -> CaseScript:
        """The case ``case_id``.

        :raises NotFoundError: no such case (the message lists the ids there are).
        """
        cases = self.cases()
        for c in cases:
            if c.id == case_id:
                return c
        raise NotFoundError(code="vp.case-not-found",
                            values={"id": case_id, "ids": [c.id for c in cases]})

    def save(self, case: CaseScript) -> CaseScript:
        """Validate ``case`` and store it in the bank (insert or update by id).

        :raises ValidationError: the script is invalid (nothing stored).
        :raises NotFoundError: the library has no bank.
        """
        if self.bank is None:
            raise NotFoundError(code="vp.no-bank")
        case.validate()
        self.bank.save_document(case_document(case))
        return case

    def is_shipped(self, case_id: str) -> bool:
        """Whether ``case_id`` is one of the shipped cases."""
        return any(c.id == case_id for c in shipped_cases(self.folder))
