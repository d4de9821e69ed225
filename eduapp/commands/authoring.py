"""``eduapp lint FILE... [--format FMT] [--verify [--provider NAME]] [--language en|zh]``: the
quality gate on a file, nothing stored.

Findings and errors are worded in ``--language`` (else the interface language setting,
else English); ``--json`` output words them in ``--language`` when it is given and in
English otherwise, and always carries the language-neutral ``rule``/``code``."""

from __future__ import annotations

import sys

from ..authoring import blind_check, describe_finding, gate_findings
from ..errors import ImportFileError
from ..interop import parse_file

EXIT_OK, EXIT_REJECTED, EXIT_FAILED = 0, 1, 3

#: Severity names as the text output prints them: ``severity -> (English, Chinese)``.
SEVERITY_TEXT = {"error": ("error", "错误"), "warning": ("warning", "警告"),
                 "info": ("info", "提示")}


def run_lint(args, ctx) -> int:
    """Run the gate on every item of every FILE, in file order; with ``--verify`` a model
    answers each choice item blind first (the two-defensible-keys check). Entries are
    named as ``bank import`` names them (``entry N``, the parser's numbering); an entry
    the parser cannot read is printed as an error, never dropped silently. Exit 1 when
    some entry could not be read, 3 when no file could be read."""
    from .bank import entry_lines
    from ..domain import ItemSet
    profile = None
    if getattr(args, "verify", False):
        profile = ctx.workspace.provider(getattr(args, "provider", None))
    lang, json_lang = ctx.message_language, ctx.json_language
    zh = lang == "zh"
    out_items: list[dict] = []
    errors: list[dict] = []
    lines: list[str] = []
    read = 0
    for path in args.files:
        try:
            result = parse_file(path, args.format)
        except ImportFileError as e:
            e.file = e.file or path
            errors.append(e.to_dict(json_lang))
            lines.append(("错误：" if zh else "error: ") + e.describe(lang))
            continue
        read += 1
        file_errors = [e.to_dict(json_lang) for e in result.errors]
        errors.extend(file_errors)
        n = 0
        for unit in result.units:
            entry, line = result.entry_of(unit)
            members = unit.items if isinstance(unit, ItemSet) else [unit]
            for k, item in enumerate(members, start=1):
                n += 1
                # as import's errors name it (a set member: its set's entry and position)
                label = entry if len(members) == 1 else f"{entry}, question {k}"
                if profile is not None:
                    blind_check(profile, item)
                findings = gate_findings(item)
                out_items.append({"file": path, "index": n, "entry": label, "line": line,
                                  "stem": item.full_stem,
                                  "findings": [dict(f.to_dict(),
                                                    message=describe_finding(f, json_lang))
                                               for f in findings]})
                head = " ".join(item.full_stem.split())[:70]
                lines.append(f"{path}{f':{line}' if line else ''} (entry {label}): {head}")
                for f in findings:
                    where = f" [{f.span[0]} {f.span[1]}-{f.span[2]}]" if f.span else ""
                    severity = SEVERITY_TEXT.get(f.severity, (f.severity, f.severity))[zh]
                    sep = "：" if zh else ": "
                    lines.append(f"    {severity:<7} {f.rule}{where}{sep}"
                                 f"{describe_finding(f, lang)}")
                if not findings:
                    lines.append("    无问题" if zh else "    ok")
        lines += entry_lines("error", file_errors, lang)
    flagged = sum(1 for i in out_items if any(f["severity"] != "info" for f in i["findings"]))
    if zh:
        lines.append(f"共 {len(out_items)} 道题，其中 {flagged} 道有警告或错误"
                     + (f"；{len(errors)} 个条目无法读取（见上方错误）" if errors else ""))
    else:
        lines.append(f"{len(out_items)} item{'s' if len(out_items) != 1 else ''}, "
                     f"{flagged} with warnings or errors"
                     + (f"; {len(errors)} entr{'y' if len(errors) == 1 else 'ies'} could not "
                        "be read (see the errors above)" if errors else ""))
    ctx.emit({"items": out_items, "errors": errors}, lines)
    if read == 0:
        if not ctx.json:
            print("eduapp: " + ("没有可以读取的文件" if zh else "no file could be read"),
                  file=sys.stderr)
        return EXIT_FAILED
    return EXIT_REJECTED if errors else EXIT_OK
