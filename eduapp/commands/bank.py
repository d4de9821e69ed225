"""``eduapp bank import|export|search|stats|set-status``."""

from __future__ import annotations

import os

from ..bank import ImportSummary, ItemFilter
from ..domain import ItemSet
from ..errors import ExportError, ImportFileError
from ..interop import flatten, parse_file, write_file

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 3


def item_json(item) -> dict:
    """The DESIGN.md item shape: ``{id, type, stem, options, status, findings, ...}``."""
    return {"id": item.id, "uid": item.uid, "type": item.type, "stem": item.stem,
            "vignette": item.vignette,
            "options": [{"text": o.text, "correct": o.correct, "explanation": o.explanation}
                        for o in item.options],
            "status": item.status, "topic": item.topic, "language": item.language,
            "findings": [f.to_dict() for f in item.findings]}


def run_import(args, ctx) -> int:
    """Import each FILE in one transaction; report per-file errors with line numbers."""
    total = ImportSummary()
    failed_files = 0
    for path in args.files:
        try:
            result = parse_file(path, args.format,
                                language=getattr(args, "language", None))
            if args.category:
                for item in result.items:
                    item.category = args.category.strip("/")
            summary = ctx.bank.import_result(result, strict=args.strict)
        except ImportFileError as e:
            failed_files += 1
            total.errors.append(e.to_dict() if e.file else {**e.to_dict(), "file": path})
            continue
        total.add(summary)
    payload = total.to_dict()
    lines = [f"imported {total.imported}, updated {total.updated}, skipped {total.skipped}"
             + (f", documents {total.documents}" if total.documents else "")]
    for kind, entries in (("error", total.errors), ("note", total.warnings)):
        for err in entries:
            where = err["file"] or ""
            if err.get("line"):
                where += f":{err['line']}"
            if err.get("item") is not None:
                where += f" (entry {err['item']})"
            lines.append(f"{kind}: {where}: {err['message']}")
    ctx.emit(payload, lines)
    if failed_files == len(args.files):
        return EXIT_FAILED
    return EXIT_REJECTED if total.errors else EXIT_OK


def run_export(args, ctx) -> int:
    """Export the bank (or the items matching --query/--category) to one file."""
    bank = ctx.bank
    units = bank.export_units(args.query, ItemFilter(category=args.category))
    if not units:
        raise ExportError("no items match; nothing was exported")
    documents = bank.documents() if args.format == "eduapp-json" and not (
        args.query or args.category) else []
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder):
        raise ExportError(f"the folder {folder} does not exist")
    left_out = write_file(units, args.out, args.format, documents=documents,
                          media=bank.media_for(units))
    items = flatten(units)
    payload = {"exported": len(items) - len(left_out),
               "sets": sum(isinstance(u, ItemSet) for u in units),
               "documents": len(documents), "format": args.format, "out": args.out,
               "not_represented": left_out}
    lines = [f"exported {len(items) - len(left_out)} items to {args.out} ({args.format})"]
    lines += [f"left out: {e['item']}: {e['message']}" for e in left_out]
    ctx.emit(payload, lines)
    return EXIT_REJECTED if left_out else EXIT_OK


def _with_findings(items):
    try:
        from ..authoring import lint_item
    except ImportError:
        return items
    for item in items:
        item.findings = lint_item(item)
    return items


def run_search(args, ctx) -> int:
    """Full-text search, ranked; prints ids, types and stems."""
    items = _with_findings(ctx.bank.search(args.query, limit=max(1, args.limit)))
    lines = [f"{i.id:>7}  {i.type:<9} {i.status:<9} {' '.join(i.full_stem.split())[:90]}"
             for i in items] or ["no items found"]
    ctx.emit({"items": [item_json(i) for i in items]}, lines)
    return EXIT_OK


def run_stats(args, ctx) -> int:
    """Counts of items by type, status, language, system and exam type."""
    stats = ctx.bank.stats()
    lines = [f"bank: {stats['path']} (schema {stats['schema_version']})",
             f"items: {stats['items']}   sets: {stats['sets']}   documents: "
             f"{stats['documents']}   media: {stats['media']}   in trash: {stats['deleted']}"]
    for key in ("by_type", "by_status", "by_language", "by_system", "by_exam_type"):
        if stats[key]:
            parts = ", ".join(f"{k or '-'} {v}" for k, v in stats[key].items())
            lines.append(f"{key[3:]}: {parts}")
    ctx.emit(stats, lines)
    return EXIT_OK


def run_set_status(args, ctx) -> int:
    """Set the review status of the given item ids (all or nothing)."""
    changed = ctx.bank.set_status(args.ids, args.status)
    ctx.emit({"status": args.status, "ids": args.ids, "changed": changed},
             f"{changed} item(s) set to {args.status}")
    return EXIT_OK
