"""Asking a person to confirm the approval of items the quality gate or a blind second
answer flagged (the Workspace refuses it otherwise and records who confirmed)."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..authoring.finding_text import describe_finding
from ..errors import ApprovalBlockedError
from .app import current_language


def user_name() -> str:
    """Who is approving: the operating-system user (recorded in the item's provenance)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "unknown"


def confirm_approval(parent: QWidget, error: ApprovalBlockedError) -> bool:
    """Show why each item was held back and ask whether to approve it anyway.

    :returns: True when the person chose "Approve anyway".
    """
    lines = []
    for item_id, findings in sorted(error.blocked.items()):
        for f in findings:
            lines.append(f"#{item_id}: {describe_finding(f, current_language())}")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(QApplication.translate("Approval", "Approve flagged items?"))
    box.setText(QApplication.translate(
        "Approval", "{n} of the items have problems that students should not see. Fix them "
                    "first, or approve anyway: your name is recorded with the approval.")
        .format(n=len(error.blocked)))
    box.setInformativeText("\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))
    anyway = box.addButton(QApplication.translate("Approval", "Approve anyway"),
                           QMessageBox.AcceptRole)
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(QMessageBox.Cancel)
    box.exec()
    return box.clickedButton() is anyway
