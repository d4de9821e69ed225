"""``eduapp exam mark | review | stats``: scanned answer sheets (:mod:`eduapp.marking`).

Exit codes (DESIGN.md): 0 everything read and decided; 1 some marks await review or some
input was rejected (duplicates, sheets of another exam, unreadable pages, missing pages,
files that could not be opened) and is reported by name; 2 usage; 3 nothing could be read.
"""

from __future__ import annotations

import getpass
import os
import sys

from ..marking import reason_text
from ..practice.itemstats import THRESHOLD_SOURCES

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _usage(ctx, problem: str, command: str) -> int:
    if ctx.json:
        ctx.emit({"error": problem})
    print(f"eduapp exam {command}: {problem}", file=sys.stderr)
    return EXIT_USAGE


def _run_mark(svc, args, ctx) -> int:
    """Read the scans, store them, write the reports (``--out``) and print the result."""
    result = svc.mark(args.exam, args.scans, class_list=args.class_list)
    payload = result.to_dict()
    if args.out and result.run_read:
        files = svc.write_reports(args.exam, args.out, page_size=ctx.settings.page_size)
        payload["files"] = files
    lines = [f"exam {args.exam}: {result.read} of {result.sheets} page(s) read, "
             f"{len(result.scores)} candidate(s), {result.pending} mark(s) await review"]
    for e in result.errors:
        lines.append(f"  cannot read {e['file']}: {e['message']}")
    for e in result.unreadable:
        lines.append(f"  unreadable: {e['file']} page {e['page']}: {e['message']}")
    for e in result.other_exam:
        lines.append(f"  another exam's sheet: {e['file']} page {e['page']}")
    for d in result.duplicates:
        where = ", ".join(f"{s['file']} p{s['page']}" for s in d["sheets"])
        lines.append(f"  duplicate candidate {d['candidate']}: {where} (not scored)")
    for m in result.missing_pages:
        lines.append(f"  candidate {m['candidate']}: missing sheet page(s) "
                     f"{', '.join(map(str, m['missing']))}")
    for u in result.unmatched:
        lines.append(f"  {u['message']}: {u['candidate'] or '?'} ({u['file']} p{u['page']})")
    for a in result.absent:
        lines.append(f"  no sheet for {a['candidate']} {a['name']}")
    for e in result.flagged:
        if e.flag.resolution is None:
            lines.append(f"  review #{e.flag.id}: {e.file} p{e.page} candidate "
                         f"{e.candidate or '?'} question {e.flag.question}: "
                         f"{reason_text(e.flag.reason)} (seen: {e.flag.detected or '-'})")
    for s in result.scores:
        lines.append(f"  {s.candidate or '?':>14} {s.name:<16} form {s.form} "
                     f"{s.total:g}/{s.max_marks:g} ({s.percent:.0f}%)"
                     + (f" [{s.pending} under review]" if s.pending else ""))
    if payload.get("files"):
        lines.append(f"reports written to {os.path.abspath(args.out)}")
    ctx.emit(payload, lines)
    if not result.run_read:  # none of the files given held a readable sheet of this exam
        return EXIT_FAILED
    return EXIT_OK if result.clean else EXIT_REJECTED


def _run_review(svc, args, ctx) -> int:
    """List the marks awaiting review; ``--resolve ID=ANSWER`` decides them (logged)."""
    decided = []
    for spec in args.resolve or []:
        if "=" not in spec:
            return _usage(ctx, f"--resolve takes ID=ANSWER, not {spec!r}", "review")
        fid, value = spec.split("=", 1)
        if not fid.strip().isdigit():
            return _usage(ctx, f"--resolve takes ID=ANSWER, not {spec!r}", "review")
        decided.append(svc.resolve(int(fid), value, by=getpass.getuser()))
    for spec in args.candidate or []:
        where, _, number = spec.rpartition("=")
        file, _, page = where.rpartition(":")
        if not file or not page.isdigit():
            return _usage(ctx, f"--candidate takes FILE:PAGE=NUMBER, not {spec!r}", "review")
        decided.append(svc.correct_candidate(args.exam, file, int(page), number,
                                             by=getpass.getuser()))
    forgotten = []
    for file in args.forget or []:
        forgotten.append({"file": file, "pages": svc.forget_file(args.exam, file,
                                                                 by=getpass.getuser())})
    rewrites = []
    for rid in args.accept_rewrite or []:
        rewrites.append(svc.decide_rewrite(rid, "accept", by=getpass.getuser()))
    for rid in args.reject_rewrite or []:
        rewrites.append(svc.decide_rewrite(rid, "reject", by=getpass.getuser()))
    queue = svc.review_queue(args.exam)
    items = [_item_entry(e) for e in svc.item_queue(args.exam)]
    payload = {"exam_id": args.exam, "pending": [e.to_dict() for e in queue],
               "decided": decided, "rewrites_decided": rewrites, "forgotten": forgotten,
               "items": items}
    lines = [f"exam {args.exam}: {len(queue)} mark(s) await review"]
    for e in queue:
        lines.append(f"  #{e.flag.id} {e.file} p{e.page} candidate {e.candidate or '?'} "
                     f"question {e.flag.question}: {reason_text(e.flag.reason)}; seen "
                     f"{e.flag.detected or '-'}; choices {''.join(e.flag.choices)}")
    for d in decided:
        lines.append(f"  decided #{d['flag']}: question {d['question']} = {d['new'] or '(blank)'}")
    if queue:
        lines.append("decide with: eduapp exam review EXAM --resolve ID=ANSWER "
                     "(letters, empty for no answer)")
    for f in forgotten:
        lines.append(f"  removed {f['pages']} page(s) read from {f['file']}")
    for r in rewrites:
        lines.append(f"  rewrite #{r['id']} of item {r['item_id']}: {r['status']}"
                     + (f" (saved as version {r['new_version']})" if r["new_version"] else ""))
    lines += _item_lines(items)
    ctx.emit(payload, lines)
    return EXIT_REJECTED if queue else EXIT_OK


def _item_entry(e) -> dict:
    return {"item_id": e.item.id, "version": e.item.version, "stem": e.item.stem,
            "reasons": e.reasons, "evidence": e.evidence, "rewrite": e.rewrite}


def _item_lines(items: list[dict]) -> list[str]:
    lines = [f"{len(items)} item(s) flagged by the sitting:"] if items else []
    for it in items:
        lines.append(f"  item {it['item_id']} v{it['version']}: {'; '.join(it['reasons'])}")
        rw = it["rewrite"]
        if rw:
            s = rw["suggestion"]
            lines.append(f"    suggested rewrite #{rw['id']} ({rw['status']}): {s['stem'][:100]}")
            lines += [f"      {'*' if o['correct'] else ' '}{chr(65 + k)}. {o['text']}"
                      for k, o in enumerate(s["options"])]
            if s.get("rationale"):
                lines.append(f"    why: {s['rationale']}")
    return lines


def _run_stats(svc, args, ctx) -> int:
    """Print the item analysis of the exam's sitting (and store it with the items)."""
    thresholds = {}
    if args.p_band:
        low, high = args.p_band
        if not 0 <= low < high <= 1:
            return _usage(ctx, "--p-band takes LOW HIGH with 0 <= LOW < HIGH <= 1", "stats")
        thresholds = {"p_low": low, "p_high": high}
    analysis, exam = svc.statistics(args.exam, thresholds=thresholds)
    if not analysis.candidates:
        ctx.emit({"error": "no marked candidates for this exam", "candidates": 0},
                 [f"exam {args.exam}: no marked candidates yet (eduapp exam mark first)"])
        return EXIT_FAILED
    payload = analysis.to_dict()
    items = exam.items()
    for n, (row, item) in enumerate(zip(payload["items"], items), 1):
        row["number"], row["item_id"] = n, item.id
        row["history"] = [{"exam_id": h["exam_id"], "exam_title": h.get("exam_title", ""),
                           "sat_at": h["sat_at"], "version": h.get("version"), "n": h["n"],
                           "p": h.get("p"), "r_pb": h.get("r_pb")}
                          for h in svc.item_history(item.uid)]
    fmt = lambda v, f="{:.2f}": "-" if v is None else f.format(v)  # noqa: E731
    lines = [f"exam {args.exam}: {analysis.candidates} candidates, KR-20 "
             f"{fmt(analysis.kr20, '{:.3f}')}, SEM {fmt(analysis.sem)} questions, mean "
             f"{fmt(analysis.mean)} right (SD {fmt(analysis.sd)})",
             f"{'#':>3} {'item':>6} {'p':>5} {'r_pb':>6}  options (all/upper)  attention"]
    for n, (st, item) in enumerate(zip(analysis.items, items), 1):
        opts = " ".join(f"{chr(65 + k)}{r:.0%}/{st.upper_rates[k]:.0%}"
                        for k, r in enumerate(st.option_rates))
        lines.append(f"{n:>3} {item.id:>6} {fmt(st.p):>5} {fmt(st.r_pb):>6}  {opts}  "
                     + "; ".join(st.attention))
        earlier = [h for h in payload["items"][n - 1]["history"] if h["exam_id"] != args.exam]
        if earlier:
            lines.append("      earlier sittings: " + "; ".join(
                f"exam {h['exam_id']} p {fmt(h['p'])} r_pb {fmt(h['r_pb'])} (n {h['n']})"
                for h in earlier))
    drafted = []
    if args.suggest:
        from ..llm import ProviderStore
        name = args.provider or ctx.settings.default_provider or "embedded"
        profile = ProviderStore(ctx.data_dir).get(name)
        for e in svc.item_queue(args.exam):
            if e.rewrite is None or e.rewrite["status"] != "pending":
                drafted.append(svc.draft_rewrite(args.exam, e.item.id, profile))
    items = [_item_entry(e) for e in svc.item_queue(args.exam)]
    payload["review_items"] = items
    payload["drafted"] = [r["id"] for r in drafted]
    lines += _item_lines(items)
    if items and not args.suggest:
        lines.append("draft rewrites with: eduapp exam stats EXAM --suggest [--provider NAME]")
    lines.append("thresholds: " + "; ".join(f"{k} {v}" for k, v in analysis.thresholds.items()))
    lines += [f"  {k}: {v}" for k, v in THRESHOLD_SOURCES.items()]
    ctx.emit(payload, lines)
    return EXIT_OK


def _closing(fn):
    """A handler ``fn(service, args, ctx)`` run with the workspace's marking service
    (closed with the workspace)."""
    def run(args, ctx) -> int:
        return fn(ctx.workspace.marking, args, ctx)
    run.__doc__ = fn.__doc__
    return run


run_mark = _closing(_run_mark)
run_review = _closing(_run_review)
run_stats = _closing(_run_stats)
