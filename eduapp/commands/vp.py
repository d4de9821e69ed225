"""``eduapp vp list|play|export|import|generate|results``: virtual patients headless."""

from __future__ import annotations

import os

from ..errors import (EduAppError, ErrorRecord, ExportError, ImportFileError,
                      LLMUnavailableError, ValidationError, describe_record, os_reason)

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 3


def _library(ctx):
    from ..vpatient import CaseLibrary
    return CaseLibrary(ctx.bank)


def run_list(args, ctx) -> int:
    """List every case, shipped ones and the bank's, with its review status (students
    play only approved ones; ``vp play`` is a teacher's tool and plays any)."""
    lib = _library(ctx)
    rows = [{"id": c.id, "title": c.title, "language": c.language,
             "chief_complaint": c.chief_complaint, "status": c.status,
             "source": "shipped" if lib.is_shipped(c.id) else "bank"} for c in lib.cases()]
    ctx.emit({"cases": rows}, [f"{r['id']:<22} {r['language']}  {r['status']:<8}  "
                               f"{r['title']}  ({r['chief_complaint']})" for r in rows]
             or ["no virtual-patient cases"])
    return EXIT_OK


def _student_profile(ctx, name: str) -> tuple[object, int]:
    from ..practice import PracticeStore
    store = PracticeStore.open_in(ctx.data_dir)
    for p in store.profiles():
        if p["name"] == name:
            return store, p["id"]
    return store, store.create_profile(name)


def run_play(args, ctx) -> int:
    """Play CASE from a file of student turns (one a line; ``/exam``, ``/order``,
    ``/wait``, ``/diagnose``, ``/plan``; ``#`` comments); print the transcript and score.

    With ``--provider`` the patient is role-played by that model (leak guard on), else
    the offline engine plays. ``--student NAME`` stores the encounter in that student's
    history; ``--debrief FILE`` writes the debrief PDF. Exit 1 when some lines were
    rejected (reported), 3 when the file cannot be read or the case does not exist.
    """
    from ..vpatient import Encounter
    case = _library(ctx).get(args.case)
    from ..textfiles import read_text
    lines = read_text(args.script, what="script", consequence="nothing was played"
                      ).splitlines()
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        raise ImportFileError(None, args.script, code="vp.no-student-turns")
    if getattr(args, "debrief", None):
        folder = os.path.dirname(os.path.abspath(args.debrief))
        if not os.path.isdir(folder):   # say it before the encounter, not after
            raise ExportError(code="file.no-folder", values={"folder": folder})
    patient, judge, plan_judge, engine = None, None, None, "offline"
    if getattr(args, "provider", None):
        from ..vpatient.roleplay import LLMPatient, judge_diagnosis, judge_plan
        profile = ctx.workspace.provider(args.provider)
        patient = LLMPatient(profile)

        def usable():
            if patient.unavailable:   # do not wait for a provider that was down once
                raise LLMUnavailableError(patient.unavailable)
            return profile

        judge = lambda c, text: judge_diagnosis(usable(), c, text)  # noqa: E731
        plan_judge = lambda c, text, ids: judge_plan(usable(), c, text, ids)  # noqa: E731
        engine = f"llm:{profile.name}"
    enc = Encounter(case, patient, judge=judge, plan_judge=plan_judge)
    errors = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            enc.run_line(line)
        except ValueError as e:
            errors.append({"file": args.script, "line": n, "item": None, "message": str(e)})
    report = enc.finish()
    saved = None
    if getattr(args, "student", None):
        from ..vpatient.records import save_encounter
        store, pid = _student_profile(ctx, args.student)
        try:
            saved = save_encounter(store, pid, enc, report, engine)
        finally:
            store.close()
    if getattr(args, "debrief", None):
        from ..pdf.debrief import render_debrief
        render_debrief(report, args.debrief, student=getattr(args, "student", "") or "")
    payload = {"case": case.id, "engine": engine,
               "transcript": [{"role": t.role, "text": t.text, "kind": t.kind,
                               "minutes": t.minutes, "facts": t.facts, "by": t.by}
                              for t in enc.transcript],
               "revealed": list(enc.revealed), "score": report.cli_score(),
               "errors": errors, "encounter_id": saved, "notes": []}
    if patient is not None and patient.unavailable:
        payload["notes"].append(f"the provider {engine[4:]} could not be used "
                                f"({patient.unavailable}); the offline engine answered from "
                                "then on")
    words = _WORDS["zh" if case.language == "zh" else "en"]
    text = [f"{words[t.role]}{words['colon']}{t.text}" for t in enc.transcript]
    text += ["", words["score"].format(total=report.total)
             + (words["rating"].format(rating=report.global_rating, scale=report.rating_scale)
                if report.global_rating is not None else "")
             + (words["right"] if report.diagnosis["correct"] else words["wrong"])]
    for s in report.sections:
        text.append(f"  {s.title}{words['colon']}{s.points_text}")
    text += [f"  {words['missed']}{words['colon']}{m['section']}{words['colon']}{m['text']}"
             for m in report.missed]
    text += [f"line {e['line']}: {e['message']}" for e in errors]
    text += [f"note: {n}" for n in payload["notes"]]
    ctx.emit(payload, text)
    return EXIT_REJECTED if errors else EXIT_OK


#: The words of the text transcript, in the case's language.
_WORDS = {
    "en": {"student": "Student", "patient": "Patient", "system": "  --", "colon": ": ",
           "score": "Score {total:.0f}/100", "rating": ", global rating {rating}/{scale} "
           "(derived)", "right": "; diagnosis correct", "wrong": "; diagnosis not correct",
           "missed": "missed"},
    "zh": {"student": "学生", "patient": "病人", "system": "  --", "colon": "：",
           "score": "得分 {total:.0f}/100", "rating": "，总体评分 {rating}/{scale}（由清单推算）",
           "right": "；诊断正确", "wrong": "；诊断不正确", "missed": "遗漏"},
}


def run_export(args, ctx) -> int:
    """Write CASE as a case-script JSON file (``docs/case-scripts.md``)."""
    from ..vpatient import save_case
    case = _library(ctx).get(args.case)
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder):
        raise ExportError(code="file.no-folder", values={"folder": folder})
    save_case(case, args.out)
    ctx.emit({"case": case.id, "out": args.out}, f"{case.id} written to {args.out}")
    return EXIT_OK


def run_import(args, ctx) -> int:
    """Validate each case-script FILE and store it in the bank (by case id: a case already
    there is updated). Exit 1 when some files were rejected (reported with why)."""
    from ..vpatient import CaseLibrary, load_case
    lib = CaseLibrary(ctx.bank)
    known = {c.id for c in lib.cases() if not lib.is_shipped(c.id)}
    imported = updated = 0
    errors, ids = [], []
    for path in args.files:
        try:
            case = load_case(path)
            lib.save(case)
        except ImportFileError as e:
            e.file = e.file or path
            errors.append(e.to_dict())
            continue
        except ValidationError as e:
            errors.append(ErrorRecord(file=path, line=None, item=None, message=str(e), error=e))
            continue
        ids.append(case.id)
        if case.id in known:
            updated += 1
        else:
            imported += 1
            known.add(case.id)
    ctx.emit({"imported": imported, "updated": updated, "skipped": 0, "errors": errors,
              "cases": ids},
             [f"{imported} case(s) imported, {updated} updated"]
             + [f"{e['file']}: {describe_record(e, ctx.message_language)}" for e in errors])
    if errors and not ids:
        return EXIT_FAILED
    return EXIT_REJECTED if errors else EXIT_OK


def run_generate(args, ctx) -> int:
    """Generate a draft case script with the language model, from a topic and optionally a
    case study (``--source FILE`` or ``--case-study ID`` of the bank), and store it in the
    bank (status draft); ``--out FILE`` also writes it as JSON."""
    from ..llm import ProviderStore
    from ..vpatient import CaseLibrary, save_case
    from ..vpatient.generate import generate_case_script
    name = getattr(args, "provider", None) or ctx.settings.default_provider or "embedded"
    profile = ProviderStore(ctx.data_dir).get(name)
    source = ""
    if getattr(args, "source", None):
        from ..textfiles import read_text
        source = read_text(args.source, what="source file", consequence="nothing was generated")
    if getattr(args, "case_study", None) is not None:
        doc = ctx.bank.get_document(args.case_study)
        source = f"{doc.title}\n\n{doc.body}\n\n{source}".strip()
    case = generate_case_script(profile, args.topic, args.language, source_text=source)
    CaseLibrary(ctx.bank).save(case)
    if getattr(args, "out", None):
        save_case(case, args.out)
    ctx.emit({"case": case.to_dict(), "id": case.id, "provider": profile.name},
             [f"draft case {case.id} stored: {case.title}",
              f"{len(case.facts)} facts, {len(case.exam)} examinations, "
              f"{len(case.investigations)} investigations; review it before students play it"])
    return EXIT_OK


def run_results(args, ctx) -> int:
    """Class results per case and per checklist item (least done first)."""
    from ..practice import PracticeStore
    from ..vpatient.records import class_results
    store = PracticeStore.open_in(ctx.data_dir)
    try:
        results = class_results(store, getattr(args, "case", None))
    finally:
        store.close()
    payload = {"cases": [{"id": r.case_id, "title": r.case_title, "students": r.students,
                          "mean_score": round(r.mean_score, 1),
                          "diagnosis_rate": round(r.diagnosis_rate, 3),
                          "mean_questions": round(r.mean_questions, 1),
                          "mean_cost": round(r.mean_cost, 1),
                          "items": [{"section": i.section, "id": i.item_id, "text": i.text,
                                     "done": i.done, "n": i.n, "rate": round(i.rate, 3)}
                                    for i in r.items]} for r in results]}
    lines = []
    for r in results:
        lines.append(f"{r.case_id}: {r.students} student(s), mean score {r.mean_score:.0f}, "
                     f"diagnosis right {r.diagnosis_rate:.0%}")
        lines += [f"  {i.rate:>4.0%}  {i.section}: {i.text}" for i in r.items[:10]]
    ctx.emit(payload, lines or ["no encounters yet"])
    return EXIT_OK
