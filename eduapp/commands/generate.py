"""``eduapp generate questions|notes|case``: generate into the bank (drafts) and print.

``--language`` chooses the language of what is generated (English when not given) and of
the messages printed (:attr:`~eduapp.cli.Context.message_language` when not given)."""

from __future__ import annotations

import os

from ..authoring import QuestionSpec, describe_finding
from ..authoring.gate import describe_hint
from ..errors import EduAppError, ExportError, os_reason
from .bank import item_json

EXIT_OK, EXIT_REJECTED = 0, 1


def _progress(ctx):
    if ctx.json:
        return None
    import sys

    def report(done, total):
        print(f"  {done}/{total} generated", file=sys.stderr, flush=True)
    return report


def run_questions(args, ctx) -> int:
    """Generate draft questions, gate them, store them; print ids and findings.

    Exit 0 when every item was produced, 1 when some could not be (reported), 3 when none.
    """
    source = ""
    if getattr(args, "source", None):
        from ..textfiles import read_text
        source = read_text(args.source, what="source file", consequence="nothing was generated")
    spec = QuestionSpec(topic=args.topic, count=args.count, kind=args.type,
                        language=args.language or "en", bloom=args.bloom or "",
                        difficulty=args.difficulty, source_text=source)
    res = ctx.workspace.generate_questions(spec, provider=args.provider,
                                           on_progress=_progress(ctx))
    payload = {"generation_id": res.generation_id, "provider": res.provider,
               "items": [dict(item_json(i), quality=i.provenance.get("quality", ""))
                         for i in res.items],
               "failures": res.failures, "reused": res.reused}
    if res.hint:
        payload["hint"] = res.hint
    if res.failure_errors:
        payload["failure_codes"] = [e.code for e in res.failure_errors]
    if ctx.json_language != "en":
        payload["failures"] = res.describe_failures(ctx.json_language)
    zh = ctx.message_language == "zh"
    lines = []
    for i in res.items:
        lines.append(f"#{i.id} [{i.type}, {i.status}] {' '.join(i.full_stem.split())}")
        for n, o in enumerate(i.options):
            lines.append(f"    {'*' if o.correct else ' '} {chr(65 + n)}. {o.text}")
        for f in i.findings:
            lines.append(f"    {f.severity}: {f.rule}: "
                         f"{describe_finding(f, ctx.message_language)}")
    lines += [("未能生成：" if zh else "failed: ") + f
              for f in res.describe_failures(ctx.message_language)]
    if zh:
        lines.append(f"已保存 {len(res.items)} 道草稿题（生成批次 {res.generation_id}）"
                     + ("；此前已保存过，未重新生成" if res.reused else ""))
    else:
        lines.append(f"{len(res.items)} draft item(s) stored (generation {res.generation_id})"
                     + ("; already stored earlier, nothing new generated" if res.reused else ""))
    if res.hint:
        lines.append(("注意：" if zh else "note: ") + describe_hint(res.hint, ctx.message_language))
    ctx.emit(payload, lines)
    return EXIT_REJECTED if res.failures else EXIT_OK


def _doc_json(doc) -> dict:
    return {"id": doc.id, "uid": doc.uid, "kind": doc.kind, "title": doc.title,
            "language": doc.language, "status": doc.status, "body": doc.body,
            "data": doc.data, "provenance": doc.provenance}


def run_notes(args, ctx) -> int:
    """Generate lecture notes into the document store; print them or write --out."""
    doc = ctx.workspace.generate_document("notes", args.topic, args.language or "en",
                                          provider=args.provider).value
    if args.out:
        folder = os.path.dirname(os.path.abspath(args.out))
        if not os.path.isdir(folder):
            raise ExportError(code="file.no-folder", values={"folder": folder})
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(doc.body)
    text = [f"notes #{doc.id} stored: {doc.title}"] + (
        [f"written to {args.out}"] if args.out else ["", doc.body])
    if doc.provenance.get("quality"):
        text.append(f"note: {doc.provenance.get('suggestion', '')}")
    ctx.emit(dict(_doc_json(doc), out=args.out), text)
    return EXIT_OK


def run_case(args, ctx) -> int:
    """Generate a structured case study into the document store and print it."""
    doc = ctx.workspace.generate_document("case", args.topic, args.language or "en",
                                          provider=args.provider).value
    text = [f"case #{doc.id} stored: {doc.title}", "", doc.body]
    if doc.provenance.get("quality"):
        text.append(f"note: {doc.provenance.get('suggestion', '')}")
    ctx.emit(_doc_json(doc), text)
    return EXIT_OK
