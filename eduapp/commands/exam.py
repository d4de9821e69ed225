"""``eduapp exam build``: assemble an exam from a blueprint (or a query), make its forms,
store it in the bank and write its PDFs and ``manifest.json`` into a folder.

Exit codes (DESIGN.md): 0 the blueprint was filled; 1 some cells could not be filled
(the exam is built from what was found and the shortfalls are listed); 2 usage;
3 nothing could be assembled (nothing is written) or the files could not be written.
"""

from __future__ import annotations

import os
import sys

from ..exams import Blueprint
from ..pdf.fonts import describe_substitutions, take_substitutions

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def run_build(args, ctx) -> int:
    """Build the exam; print the manifest (``--json``: manifest plus ``shortfalls`` and
    ``notes``) or a summary for people."""
    problem = None
    if not args.blueprint and (not args.count or args.count < 1):
        problem = "--query needs --count N (N >= 1)"
    elif not 1 <= args.forms <= 26:
        problem = "--forms must be between 1 and 26"
    elif not 0 <= getattr(args, "negative_marking", 0.0) <= 1:
        problem = "--negative-marking is a share of the question's marks, from 0 to 1"
    if problem:
        if ctx.json:
            ctx.emit({"error": problem})
        print(f"eduapp exam build: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.blueprint:
        blueprint = Blueprint.load(args.blueprint)
    else:
        blueprint = Blueprint.for_query(args.query, args.count)
    result = ctx.workspace.assemble_exam(
        blueprint, seed=args.seed, include_drafts=args.include_drafts, title=args.title,
        language=args.language,
        allow_enemies=True if getattr(args, "allow_enemies", False) else None)
    exam = result.exam
    shortfalls = [s.to_dict() for s in result.shortfalls]
    if not exam.question_count:
        payload = {"error": "nothing could be assembled", "shortfalls": shortfalls,
                   "notes": result.notes}
        ctx.emit(payload, ["nothing could be assembled; nothing was written"]
                 + [f"short: {s['message']}" for s in shortfalls])
        return EXIT_FAILED
    exam.negative_marking = getattr(args, "negative_marking", 0.0)
    exam.multi_partial = not getattr(args, "all_or_nothing", False)
    take_substitutions()  # forget stand-ins from earlier PDFs of this process
    files = ctx.workspace.publish_exam(exam, args.out, forms=args.forms,
                                       extra={"shortfalls": shortfalls, "notes": result.notes})
    # characters no font has were printed as stand-ins: say which (never silently '?')
    result.notes.extend(describe_substitutions(take_substitutions()))
    payload = dict(files.manifest)
    payload["out"] = os.path.abspath(args.out)
    recorded = exam.id is not None
    payload["recorded"] = recorded
    lines = [f"exam {exam.id if recorded else exam.uid[:10].upper()}: {exam.question_count} "
             f"questions, {len(exam.forms)} form(s), seed {exam.seed}, written to "
             f"{payload['out']}"]
    if not recorded:
        result.notes.append("the data folder is read-only: the PDFs were written but the "
                            "exam was not recorded in the bank (it cannot be opened again "
                            "or marked from there)")
    for f in exam.forms:
        lines.append(f"  form {f.code}: {' '.join(files.forms[f.code].values())}")
    lines.append(f"  teacher's version: {files.teacher}")
    lines += [f"note: {n}" for n in result.notes]
    lines += [f"short: {s['message']}" for s in shortfalls]
    ctx.emit(payload, lines)
    return EXIT_REJECTED if shortfalls else EXIT_OK
