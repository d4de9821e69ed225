"""A case script's JSON dict and the case form's fields, both ways: which field, table
column and row shows which key of a :class:`~eduapp.vpatient.CaseScript`.

``form`` is always a :class:`~eduapp.ui.case_editor.CaseEditor` (typed by its Qt base
here, because the editor imports this module)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QTabWidget

from ..domain import facet_key, facet_name
from .row_table import split_list

#: top-level keys of a script the form handles: it shows them, except ``format`` and
#: ``version``, which it leaves out (``CaseScript`` writes its own); any other key
#: (``provenance``) is kept as it was loaded
SHOWN_KEYS = frozenset({"format", "version", "id", "title", "language", "topic", "system",
                        "status", "chief_complaint", "opening", "objectives", "patient",
                        "facts", "exam", "investigations", "diagnosis", "differential",
                        "management", "checklist", "debrief", "states", "initial_state",
                        "rules", "lines", "unlisted_symptoms", "exam_unlisted",
                        "investigation_unlisted", "currency"})


def fill_form(form: QTabWidget, data: dict) -> None:
    """Show the script ``data`` (its JSON dict) in ``form``'s fields and tables, rows
    unchecked (the caller rechecks once it is all in)."""
    p = data.get("patient", {}) or {}
    persona = p.get("persona", {}) or {}

    def combo(box: QComboBox, value, default) -> None:
        i = box.findData(value if value is not None else default)
        box.setCurrentIndex(max(0, i))
    form.f_id.setText(data.get("id", ""))
    form.f_title.setText(data.get("title", ""))
    combo(form.f_language, data.get("language"), "en")
    form.f_topic.setText(data.get("topic", ""))
    system = data.get("system", "")
    i = form.f_system.findData(system)
    if i >= 0:
        form.f_system.setCurrentIndex(i)
    else:
        form.f_system.setCurrentText(facet_name(system, form.language) if system else "")
    combo(form.f_status, data.get("status"), "draft")
    form.f_cc.setText(data.get("chief_complaint", ""))
    form.f_opening.setPlainText(data.get("opening", ""))
    form.f_objectives.setPlainText("\n".join(data.get("objectives", [])))
    form.f_name.setText(p.get("name", ""))
    form.f_age.setValue(float(p.get("age", 0) or 0))
    form.f_sex.setText(p.get("sex", ""))
    form.f_occupation.setText(p.get("occupation", ""))
    form.f_setting.setText(p.get("setting", ""))
    form.f_style.setText(persona.get("speech_style", ""))
    form.f_mood.setText(persona.get("emotional_state", ""))
    form.f_informant.setText(persona.get("informant", ""))
    combo(form.f_unlisted, data.get("unlisted_symptoms"), "negative")
    combo(form.f_exam_unlisted, data.get("exam_unlisted"), "normal")
    combo(form.f_inv_unlisted, data.get("investigation_unlisted"), "not_available")
    form.f_currency.setText(data.get("currency", ""))
    lines = data.get("lines", {}) or {}
    for key, edit in form.f_lines.items():
        edit.setText(lines.get(key, ""))
    form.facts.set_rows(data.get("facts", []), check=False)
    form.exam.set_rows(data.get("exam", []), check=False)
    form.investigations.set_rows(data.get("investigations", []), check=False)
    dx = data.get("diagnosis", {}) or {}
    if isinstance(dx, str):
        dx = {"name": dx}
    form.f_dx.setText(dx.get("name", ""))
    form.f_dx_synonyms.setText(", ".join(dx.get("synonyms", [])))
    form.differential.set_rows([{"name": d} if isinstance(d, str) else d
                                for d in data.get("differential", [])], check=False)
    form.management.set_rows(data.get("management", []), check=False)
    checklist = data.get("checklist", {}) or {}
    combo(form.f_style_box, checklist.get("style"), "osce")
    rating = checklist.get("global_rating")
    form.f_rating.setChecked(rating is not None)
    form.f_rating_scale.setValue(int((rating or {}).get("scale", 5)))
    form.f_rating_weight.setValue(float((rating or {}).get("weight", 0)))
    sections = checklist.get("sections", [])
    form.sections.set_rows([{"id": s.get("id", ""), "title": s.get("title", "")}
                            for s in sections], check=False)
    form.refresh_section_choices()
    items = []
    for s in sections:
        for it in s.get("items", []):
            it = dict(it)
            if "ref" in it and "refs" not in it:
                ref = it.pop("ref")
                it["refs"] = ref if isinstance(ref, list) else [ref]
            items.append({**it, "section": s.get("id", "")})
    form.items.set_rows(items, check=False)
    debrief = data.get("debrief", {}) or {}
    form.f_summary.setPlainText(debrief.get("summary", ""))
    form.f_points.setPlainText("\n".join(debrief.get("teaching_points", [])))
    form.f_initial.setText(data.get("initial_state", ""))
    form.states.set_rows(data.get("states", []), check=False)
    rules = []
    for r in data.get("rules", []):
        when, then = r.get("when", {}) or {}, r.get("then", {}) or {}
        rules.append({"id": r.get("id", ""), **when, **then})
    form.rules.set_rows(rules, check=False)


def read_form(form: QTabWidget) -> dict:
    """The keys of :data:`SHOWN_KEYS` (but ``format`` and ``version``) as ``form`` shows
    them, in the script's JSON shape (not validated; a number typed wrong stays text, so
    that :meth:`~eduapp.vpatient.CaseScript.from_dict` names the field)."""
    def lines(edit: QPlainTextEdit) -> list[str]:
        return [x.strip() for x in edit.toPlainText().splitlines() if x.strip()]
    system = form.f_system.currentText().strip()
    i = form.f_system.findText(system)
    system = form.f_system.itemData(i) if i >= 0 else facet_key(system)
    sections = []
    for s in form.sections.rows():
        items = []
        for it in form.items.rows():
            if it["section"] == s["id"]:
                it = dict(it)
                del it["section"]
                items.append(it)
        sections.append({"id": s["id"], "title": s["title"], "items": items})
    orphans = [it for it in form.items.rows() if it["section"] not in
               {s["id"] for s in sections}]
    if orphans:  # an item without a section is kept so the check can name it
        sections.append({"id": "", "title": "", "items": [
            {k: v for k, v in it.items() if k != "section"} for it in orphans]})
    rating = ({"scale": form.f_rating_scale.value(),
               "weight": form.f_rating_weight.value()} if form.f_rating.isChecked()
              else None)
    rules = []
    for r in form.rules.rows():
        when = {k: r[k] for k in ("state", "minutes_at_least", "done", "not_done",
                                  "counters_at_least")}
        then = {k: r[k] for k in ("goto", "message", "counters")}
        rules.append({"id": r["id"], "when": when, "then": then})
    return {
        "id": form.f_id.text().strip(), "title": form.f_title.text().strip(),
        "language": form.f_language.currentData(), "topic": form.f_topic.text().strip(),
        "system": system or "", "status": form.f_status.currentData(),
        "currency": form.f_currency.text().strip(),
        "objectives": lines(form.f_objectives),
        "patient": {"name": form.f_name.text().strip(), "age": form.f_age.value(),
                    "sex": form.f_sex.text().strip(),
                    "occupation": form.f_occupation.text().strip(),
                    "setting": form.f_setting.text().strip(),
                    "persona": {"speech_style": form.f_style.text().strip(),
                                "emotional_state": form.f_mood.text().strip(),
                                "informant": form.f_informant.text().strip()}},
        "chief_complaint": form.f_cc.text().strip(),
        "opening": form.f_opening.toPlainText().strip(),
        "unlisted_symptoms": form.f_unlisted.currentData(),
        "exam_unlisted": form.f_exam_unlisted.currentData(),
        "investigation_unlisted": form.f_inv_unlisted.currentData(),
        "facts": form.facts.rows(), "exam": form.exam.rows(),
        "investigations": form.investigations.rows(),
        "diagnosis": {"name": form.f_dx.text().strip(),
                      "synonyms": split_list(form.f_dx_synonyms.text())},
        "differential": form.differential.rows(), "management": form.management.rows(),
        "checklist": {"style": form.f_style_box.currentData(), "sections": sections,
                      "global_rating": rating},
        "debrief": {"summary": form.f_summary.toPlainText().strip(),
                    "teaching_points": lines(form.f_points)},
        "states": form.states.rows(), "initial_state": form.f_initial.text().strip(),
        "rules": rules,
        "lines": {k: e.text().strip() for k, e in form.f_lines.items()},
    }


__all__ = ["SHOWN_KEYS", "fill_form", "read_form"]
