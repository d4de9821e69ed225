"""What is wrong in a case form (:class:`~eduapp.ui.case_editor.CaseEditor`): its single
fields, and each row of its tables, as a short sentence in the interface language.

A row check is called with the row (a dict of the table's columns, already parsed:
lists, numbers, maps) and its zero-based index, and returns the problem or ``""``. Checks
see the whole form, because a row may refer to other parts of the script: a checklist item
to a fact, a rule to a state. What a reference may name follows
:meth:`eduapp.vpatient.CaseScript.known_refs`.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from .row_table import ID_PATTERN as _ID
from .row_table import RowTable


class CaseChecks(QObject):
    """The checks of one case form.

    :param form: the :class:`~eduapp.ui.case_editor.CaseEditor` checked (typed by its Qt
        base here: the editor imports this module); the checks read its fields and tables
        when called.
    """

    def __init__(self, form: QTabWidget):
        super().__init__(form)
        self.form = form
        #: the references known while a whole form is rechecked (see :meth:`refs_fixed`)
        self._known: set[str] | None = None

    @contextmanager
    def refs_fixed(self) -> Iterator[None]:
        """Work out what may be referred to once for many row checks (a recheck of every
        row), instead of once per checklist item or rule."""
        self._known = {r for r, _ in self.known_refs()}
        try:
            yield
        finally:
            self._known = None

    def field_problems(self) -> list[tuple[QWidget, str]]:
        """``(field, problem)`` of the single fields (case id, title, chief complaint,
        opening line, diagnosis, initial state) that are wrong."""
        form = self.form
        out = []
        cid = form.f_id.text().strip()
        if not cid:
            out.append((form.f_id, self.tr("needs an id")))
        elif not _ID.match(cid):
            out.append((form.f_id, self.tr("the id may hold only letters, digits, '_' and "
                                           "'-'")))
        for widget, text in ((form.f_title, form.f_title.text()),
                             (form.f_cc, form.f_cc.text()),
                             (form.f_opening, form.f_opening.toPlainText()),
                             (form.f_dx, form.f_dx.text())):
            if not text.strip():
                out.append((widget, self.tr("must not be empty")))
        states = self._state_ids()
        initial = form.f_initial.text().strip()
        if states and initial not in states:
            out.append((form.f_initial, self.tr("must be one of the states: {ids}").format(
                ids=", ".join(sorted(states)))))
        elif not states and initial:
            out.append((form.f_initial, self.tr("state {id} does not exist").format(
                id=initial)))
        return out

    def known_refs(self) -> list[tuple[str, str]]:
        """``[(reference, description)]`` of everything a checklist item may refer to in
        the form as it is now (the same forms as
        :meth:`~eduapp.vpatient.CaseScript.known_refs`)."""
        from ..vpatient.model import SKILLS
        form = self.form
        out = [("diagnosis", form.f_dx.text().strip())]
        out += [(f"fact:{r['id']}", r["answer"][:60]) for r in form.facts.rows() if r["id"]]
        out += [(f"exam:{r['id']}", r["name"]) for r in form.exam.rows() if r["id"]]
        out += [(f"investigation:{r['id']}", r["name"])
                for r in form.investigations.rows() if r["id"]]
        out += [(f"management:{r['id']}", r["name"]) for r in form.management.rows()
                if r["id"]]
        out += [(f"differential:{n}", r["name"])
                for n, r in enumerate(form.differential.rows())]
        skills = self.skill_names()
        out += [(f"skill:{s}", skills.get(s, s)) for s in SKILLS]
        return out

    def skill_names(self) -> dict[str, str]:
        """Shown names of the communication skills."""
        return {"introduction": self.tr("introduces themself"),
                "open_question": self.tr("opens with an open question"),
                "empathy": self.tr("shows empathy"), "summary": self.tr("summarises"),
                "closing": self.tr("asks if there is anything else"),
                "explanation": self.tr("explains what happens next"),
                "no_jargon": self.tr("avoids medical jargon")}

    # ------------------------------------------------------------------ row checks

    def _dupe(self, table: RowTable, row: dict, n: int) -> str:
        rid = row.get("id", "")
        if not rid:
            return self.tr("needs an id")
        if not _ID.match(rid):
            return self.tr("the id may hold only letters, digits, '_' and '-'")
        if any(r.get("id") == rid for k, r in enumerate(table.rows()) if k != n):
            return self.tr("another row has the id {id}").format(id=rid)
        return ""

    @staticmethod
    def _is_number(value, positive: bool = False) -> bool:
        return isinstance(value, float) and (value > 0 if positive else value >= 0)

    def check_fact(self, row: dict, n: int) -> str:
        """A history fact: an id, the patient's answer, a way to ask for it, known topics."""
        from ..vpatient.lexicon import concept_ids
        p = self._dupe(self.form.facts, row, n)
        if p:
            return p
        if not row["answer"]:
            return self.tr("needs the patient's answer")
        if not (row["topics"] or row["keywords"] or row["questions"]):
            return self.tr("cannot be asked: give topics, keywords or example questions")
        unknown = [t for t in row["topics"] if t not in concept_ids()]
        if unknown:
            return self.tr("unknown topic {t} (not in the interview lexicon)").format(
                t=", ".join(unknown))
        return ""

    def check_exam(self, row: dict, n: int) -> str:
        """An examination: an id, a name and a finding, minutes and cost 0 or more."""
        p = self._dupe(self.form.exam, row, n)
        if p:
            return p
        if not row["name"] or not row["finding"]:
            return self.tr("needs a name and a finding")
        if not self._is_number(row["minutes"]) or not self._is_number(row["cost"]):
            return self.tr("minutes and cost must be numbers, 0 or more")
        return ""

    def check_investigation(self, row: dict, n: int) -> str:
        """A test: an id, a name and a result, cost and turnaround 0 or more."""
        p = self._dupe(self.form.investigations, row, n)
        if p:
            return p
        if not row["name"] or not row["result"]:
            return self.tr("needs a name and a result")
        if not self._is_number(row["minutes"]) or not self._is_number(row["cost"]):
            return self.tr("cost and turnaround must be numbers, 0 or more")
        return ""

    def check_named(self, row: dict, n: int) -> str:
        """A differential diagnosis: a name."""
        return "" if row["name"] else self.tr("needs a name")

    def check_management(self, row: dict, n: int) -> str:
        """A management step: an id and a name."""
        return self._dupe(self.form.management, row, n) or self.check_named(row, n)

    def check_section(self, row: dict, n: int) -> str:
        """A checklist section: an id, a title and at least one item."""
        p = self._dupe(self.form.sections, row, n)
        if p:
            return p
        if not row["title"]:
            return self.tr("needs a title")
        if not any(r["section"] == row["id"] for r in self.form.items.rows()):
            return self.tr("has no items")
        return ""

    def _unknown_refs(self, refs: list[str], states: bool = False) -> list[str]:
        known = set(self._known) if self._known is not None else \
            {r for r, _ in self.known_refs()}
        if states:
            known |= {f"state:{r['id']}" for r in self.form.states.rows()}
        return [r for r in refs if r not in known]

    def check_item(self, row: dict, n: int) -> str:
        """A checklist item: an id, a section, a text, references the script has, a weight
        above 0."""
        p = self._dupe(self.form.items, row, n)
        if p:
            return p
        if not row["section"]:
            return self.tr("choose a section")
        if not row["text"]:
            return self.tr("needs the item's text")
        if not row["refs"]:
            return self.tr("refers to nothing: choose what it refers to")
        unknown = self._unknown_refs(row["refs"])
        if unknown:
            return self.tr("refers to {refs}, which is not in the script").format(
                refs=", ".join(unknown))
        if not self._is_number(row["weight"], positive=True):
            return self.tr("the weight must be a number above 0")
        return ""

    def _state_ids(self) -> set[str]:
        return {r["id"] for r in self.form.states.rows() if r["id"]}

    def check_state(self, row: dict, n: int) -> str:
        """A state: an id; the examinations it changes exist."""
        p = self._dupe(self.form.states, row, n)
        if p:
            return p
        exams = {r["id"] for r in self.form.exam.rows()}
        unknown = [k for k in row["exam"] if k not in exams]
        if unknown:
            return self.tr("changes examination {ids}, which is not in the script").format(
                ids=", ".join(unknown))
        return ""

    def check_rule(self, row: dict, n: int) -> str:
        """A rule: an id; the states and references it names exist; numbers are numbers."""
        p = self._dupe(self.form.rules, row, n)
        if p:
            return p
        states = self._state_ids()
        for key in ("state", "goto"):
            if row[key] and row[key] not in states:
                return self.tr("state {id} does not exist").format(id=row[key])
        unknown = self._unknown_refs(row["done"] + row["not_done"], states=True)
        if unknown:
            return self.tr("refers to {refs}, which is not in the script").format(
                refs=", ".join(unknown))
        if row["minutes_at_least"] is not None and not self._is_number(row["minutes_at_least"]):
            return self.tr("minutes must be a number")
        if any(not isinstance(v, float) for v in list(row["counters"].values())
               + list(row["counters_at_least"].values())):
            return self.tr("counters must be name=number")
        return ""


__all__ = ["CaseChecks"]
