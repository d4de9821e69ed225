"""``eduapp bank import|export|search|stats|set-status``."""

from __future__ import annotations

from ..bank import ItemFilter
from ..errors import ApprovalBlockedError, describe_record
from ..provenance import review_date

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 3


def item_json(item) -> dict:
    """The DESIGN.md item shape: ``{id, type, stem, options, status, findings, ...}``,
    plus ``reviewed_at`` (``YYYY-MM-DD`` or ``""``)."""
    return {"id": item.id, "uid": item.uid, "type": item.type, "stem": item.stem,
            "vignette": item.vignette,
            "options": [{"text": o.text, "correct": o.correct, "explanation": o.explanation}
                        for o in item.options],
            "status": item.status, "topic": item.topic, "language": item.language,
            "exam_type": item.exam_type, "reviewed_at": review_date(item.provenance),
            "findings": [f.to_dict() for f in item.findings]}


def entry_lines(kind: str, entries: list[dict], language: str = "en") -> list[str]:
    """``kind: FILE:LINE (entry N): message`` per ``{file, line, item, message}`` entry:
    how ``bank import`` and ``lint`` name an entry of a file (the parser's numbering,
    :meth:`eduapp.interop.ParseResult.entry_of`); the message worded in ``language``
    (``en``/``zh``) when the entry carries a code."""
    zh = language == "zh"
    label = {"error": "错误", "note": "提示"}.get(kind, kind) if zh else kind
    lines = []
    for err in entries:
        where = err.get("file") or ""
        if err.get("line"):
            where += f" 第 {err['line']} 行" if zh else f":{err['line']}"
        if err.get("item") is not None:
            where += f"（第 {err['item']} 条）" if zh else f" (entry {err['item']})"
        sep = "：" if zh else ": "
        lines.append(f"{label}{sep}{where}{sep}{describe_record(err, language)}")
    return lines


def run_import(args, ctx) -> int:
    """Import each FILE in one transaction; report per-file errors with line numbers."""
    outcome = ctx.workspace.import_files(args.files, args.format, category=args.category or "",
                                         strict=args.strict,
                                         language=getattr(args, "language", None) or "")
    total = outcome.summary
    docs = (total.documents, total.documents_updated, total.documents_skipped)
    lines = [f"imported {total.imported}, updated {total.updated}, skipped {total.skipped} "
             "(unchanged)"
             + (f"; documents: imported {docs[0]}, updated {docs[1]}, skipped {docs[2]} "
                "(unchanged)" if any(docs) else "")]
    lines += entry_lines("error", total.errors, ctx.message_language)
    lines += entry_lines("note", total.warnings, ctx.message_language)
    ctx.emit(total.to_dict(), lines)
    if outcome.failed_files == len(args.files):
        return EXIT_FAILED
    return EXIT_REJECTED if total.errors else EXIT_OK


def run_export(args, ctx) -> int:
    """Export the bank (or the items matching --query/--category) to one file."""
    out = ctx.workspace.export_items(args.format, args.out, query=args.query,
                                     category=args.category)
    lines = [f"exported {out.exported} items to {args.out} ({args.format})"]
    lines += [f"left out: {e['item']}: {e['message']}" for e in out.not_represented]
    lines += [f"changed: {e['item']}: {e['message']}" for e in out.changed]
    ctx.emit(out.to_dict(), lines)
    return EXIT_REJECTED if out.not_represented else EXIT_OK


def run_search(args, ctx) -> int:
    """Full-text search, ranked (or, with no words, a listing newest first); prints ids,
    types, statuses, review dates and stems. ``--reviewed-before YEAR`` keeps the items
    last reviewed before that year or never reviewed."""
    filters = ItemFilter(reviewed_before=getattr(args, "reviewed_before", None))
    items = ctx.workspace.search(args.query or "", limit=args.limit, filters=filters)
    lines = [f"{i.id:>7}  {i.type:<9} {i.status:<9} {review_date(i.provenance) or '-':<10}  "
             f"{' '.join(i.full_stem.split())[:80]}" for i in items] or ["no items found"]
    ctx.emit({"items": [item_json(i) for i in items]}, lines)
    return EXIT_OK


def run_stats(args, ctx) -> int:
    """Counts of items by type, status, language, system and exam type."""
    stats = ctx.bank.stats()
    lines = [f"bank: {stats['path']} (schema {stats['schema_version']}"
             + (", read-only: nothing can be changed)" if stats.get("read_only") else ")"),
             f"items: {stats['items']}   sets: {stats['sets']}   documents: "
             f"{stats['documents']}   media: {stats['media']}   in trash: {stats['deleted']}"]
    for key in ("by_type", "by_status", "by_language", "by_system", "by_exam_type"):
        if stats[key]:
            parts = ", ".join(f"{k or '-'} {v}" for k, v in stats[key].items())
            lines.append(f"{key[3:]}: {parts}")
    ctx.emit(stats, lines)
    return EXIT_OK


def run_set_status(args, ctx) -> int:
    """Set the review status of the given item ids that are in the bank; ids that are not
    are reported and make the exit code 1 (none found: 3, nothing changed). Approving
    items the quality gate flagged needs ``--force`` (recorded with the user's name);
    without it the flagged items and their findings are listed and nothing changes (exit
    1). With ``--reviewer NAME`` also record NAME and today's date as their last review."""
    import getpass
    from ..errors import NotFoundError
    known = ctx.bank.live_ids(args.ids)
    missing = [i for i in dict.fromkeys(args.ids) if i not in set(known)]
    if not known:
        raise NotFoundError(f"no item with id {', '.join(map(str, missing))}: nothing was "
                            "changed")
    try:
        changed, _ = ctx.workspace.set_status(known, args.status,
                                              override=getattr(args, "force", False),
                                              by=getattr(args, "reviewer", None)
                                              or getpass.getuser())
    except ApprovalBlockedError as e:
        lines = [f"eduapp: {e}; nothing was changed (use --force to approve anyway)"]
        for item_id, findings in sorted(e.blocked.items()):
            for f in findings:
                lines.append(f"  #{item_id}: {f.severity}: {f.rule}: {f.message}")
        ctx.emit({"error": str(e), "blocked": [
            {"id": i, "findings": [f.to_dict() for f in fs]} for i, fs in
            sorted(e.blocked.items())]}, lines)
        return EXIT_REJECTED
    payload = {"status": args.status, "ids": known, "changed": changed, "missing": missing}
    lines = [f"{changed} item(s) set to {args.status}"]
    if getattr(args, "reviewer", None):
        reviewed, _ = ctx.workspace.record_review(known, args.reviewer)
        payload["reviewed"] = reviewed
        lines[0] += f"; review by {args.reviewer} recorded on {reviewed} item(s)"
    if missing:
        lines.append(f"error: no item with id {', '.join(map(str, missing))}")
    ctx.emit(payload, lines)
    return EXIT_REJECTED if missing else EXIT_OK
