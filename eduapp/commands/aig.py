"""``eduapp generate aig``: items from item models and knowledge tables, offline.

``--list`` prints the catalogue; ``MODEL`` (an id, or ``--file PATH``) generates drafts
into the bank and prints them in the items shape of DESIGN.md.
"""

from __future__ import annotations

import sys

from ..authoring.aig import load_file
from ..domain import ItemSet
from ..errors import EduAppError
from .bank import item_json

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _usage(ctx, problem: str) -> int:
    if ctx.json:
        ctx.emit({"error": problem})
    print(f"eduapp generate aig: {problem}", file=sys.stderr)
    return EXIT_USAGE


def _item(item) -> dict:
    d = item_json(item)
    for o, src in zip(d["options"], item.options):
        if src.match is not None:  # matching items: the right-hand answer
            o["match"] = src.match
    d["provenance"] = {k: item.provenance.get(k) for k in (
        "source", "aig_kind", "model_id", "model_version", "scenario", "enemy_group",
        "generation_id") if k in item.provenance}
    return d


def run_aig(args, ctx) -> int:
    """List sources, or generate from one and store the drafts.

    Exit 0 when items were stored, 1 when some generated items were rejected by the gate
    (reported), 2 for usage errors, 3 when nothing could be generated or read.
    """
    if args.list:
        sources = ctx.workspace.item_model_sources()
        rows = [s.to_dict() for s in sources]
        lines = [f"{r['id']:<28} {r['kind']:<10} {r['language']}  {r['combinations']:>7}  "
                 f"{r['title']}" for r in rows]
        ctx.emit({"models": rows}, lines or ["no item models or knowledge tables"])
        return EXIT_OK
    if bool(args.model) == bool(args.file):
        return _usage(ctx, "give a MODEL id or --file PATH (or --list)")
    if not args.all and args.count < 1:
        return _usage(ctx, "--count must be at least 1")
    if args.file:
        found = load_file(args.file)
        if args.model:
            found = [s for s in found if s.id == args.model]
        if len(found) != 1:
            raise EduAppError(code="aig.which-table", values={
                "file": args.file, "n": len(found), "arg": "MODEL", "ids": [s.id for s in load_file(args.file)]})
        source = found[0]
    else:
        source = ctx.workspace.item_model_source(args.model)
    stored = ctx.workspace.generate_from_model(source, count=None if args.all else args.count,
                                               seed=args.seed)
    report = stored.report
    items = stored.items
    payload = {"generation_id": stored.generation_id,
               "model": {"id": source.id, "title": source.title, "kind": source.kind,
                         "language": source.language},
               "items": [_item(i) for i in items],
               "sets": [{"uid": u.uid, "kind": u.kind, "instruction": u.vignette,
                         "item_ids": [m.id for m in u.items]}
                        for u in stored.units if isinstance(u, ItemSet)],
               "summary": dict(report.summary(), stored=len(items),
                               already_in_bank=stored.already_in_bank),
               "rejected": report.rejected_examples}
    lines = []
    for i in items:
        lines.append(f"#{i.id} [{i.type}, {i.status}] {' '.join(i.full_stem.split())}")
        for n, o in enumerate(i.options):
            mark = "*" if o.correct else " "
            text = f"{o.text} -> {o.match}" if o.match else o.text
            lines.append(f"    {mark} {chr(65 + n)}. {text}")
        for f in i.findings:
            lines.append(f"    {f.severity}: {f.rule}: {f.message}")
    lines.append(f"{len(items)} draft item(s) stored from {source.kind} {source.id} "
                 f"({report.valid} possible; {report.duplicates + report.near_duplicates} "
                 f"duplicates dropped; {stored.already_in_bank} already in the bank)")
    lines += [f"rejected by the gate: {r}" for r in report.rejected_examples]
    ctx.emit(payload, lines)
    if not items and not stored.already_in_bank:
        return EXIT_FAILED
    return EXIT_REJECTED if report.rejected else EXIT_OK
