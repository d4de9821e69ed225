"""The end of a practice session: asking before ending with unanswered questions, and the
summary sentence shown when it is over."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox


def confirm_end(parent, unanswered: int, mode: str) -> bool:
    """Ask whether to submit (``mode`` ``timed``) or end (``tutor``) a session with
    ``unanswered`` questions not answered; ``True`` when the student says yes (No is the
    default button)."""
    question = (QApplication.translate("PracticeSummary", "1 question is not answered.")
                if unanswered == 1 else
                QApplication.translate("PracticeSummary", "{n} questions are not answered.")
                .format(n=unanswered))
    question += " " + (QApplication.translate(
        "PracticeSummary", "Submit the session anyway? Unanswered questions count as wrong.")
        if mode == "timed" else QApplication.translate(
        "PracticeSummary", "End the session anyway? Unanswered questions are not counted."))
    title = (QApplication.translate("PracticeSummary", "Submit") if mode == "timed" else
             QApplication.translate("PracticeSummary", "End the session"))
    answer = QMessageBox.question(parent, title, question, QMessageBox.Yes | QMessageBox.No,
                                  QMessageBox.No)
    return answer == QMessageBox.Yes


def summary_text(results: dict, time_up: bool = False) -> str:
    """The sentence shown when a session is over.

    :param results: :meth:`~eduapp.practice.Session.results` (``correct``, ``total``,
        ``score`` as a 0..1 fraction).
    :param time_up: the clock ran out (the session was submitted by itself).
    """
    text = QApplication.translate(
        "PracticeSummary", "Session over: {correct} of {total} right ({score:.0%}). Review "
        "each question with the navigator.").format(
        correct=results["correct"], total=results["total"], score=results["score"])
    if time_up:
        text = QApplication.translate(
            "PracticeSummary", "Time is up: the session was submitted.") + " " + text
    return text


__all__ = ["confirm_end", "summary_text"]
