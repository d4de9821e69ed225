"""Fill in the provenance of every item, set and document of eduapp-json files.

For each entry it first brings free-form provenance into shape (``reference`` strings,
``author``/``reviewer`` written as text such as ``"EduApp content team (model-assisted:
Anthropic Claude)"``, ``reviewed`` dates: see ``eduapp.provenance.normalise_provenance``),
then derives ``provenance.sources`` from the entry's ``references`` (items) or from the
"References"/"参考资料" line of a note's body (documents), and sets
``author``, ``reviewer`` and ``reviewed_at`` from the options where they are missing
(``--overwrite`` replaces them). Keys that are already there are kept, so the script can
be run again after new items are added. The files are rewritten in the starter bank's
layout (UTF-8, one-space indent).

Usage::

    python scripts/fill_provenance.py question_banks/starter_en_more.json \\
        --author model --author-provider Anthropic --author-model Claude \\
        --reviewer model --reviewer-provider Anthropic --reviewer-model Claude \\
        --reviewer-name "second reader" --reviewed-at 2026-11-30

Exit codes: 0 written, 1 an entry still lacks something required (reported), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from eduapp.errors import ValidationError  # noqa: E402
from eduapp.provenance import (check_provenance, normalise_provenance,  # noqa: E402
                               sources_from_references)

_REFS_LINE = re.compile(r"^\*?(?:References|参考资料)[:：]\s*(.+?)\*?\s*$", re.M)


def note_references(body: str) -> list[str]:
    """The references listed on a note's ``*References: a; b; c.*`` line."""
    m = _REFS_LINE.search(body)
    if not m:
        return []
    return [r.strip(" .。") for r in re.split(r"[;；]", m.group(1)) if r.strip(" .。")]


def contributor(kind: str, name: str, provider: str, model: str) -> dict | None:
    if not kind:
        return None
    d = {"kind": kind, "name": name, "provider": provider, "model": model}
    return {k: v for k, v in d.items() if v}


def fill(entry: dict, references: list[str], args) -> None:
    prov = normalise_provenance(entry.get("provenance") or {}, references)
    entry["provenance"] = prov
    if args.overwrite or not prov.get("sources"):
        prov["sources"] = sources_from_references(references)
    author = contributor(args.author, args.author_name, args.author_provider, args.author_model)
    reviewer = contributor(args.reviewer, args.reviewer_name, args.reviewer_provider,
                           args.reviewer_model)
    for key, value in (("author", author), ("reviewer", reviewer),
                       ("reviewed_at", args.reviewed_at)):
        if value and (args.overwrite or not prov.get(key)):
            prov[key] = value
    if args.review_changes is not None and (args.overwrite or "review_changes" not in prov):
        prov["review_changes"] = args.review_changes


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+")
    for who in ("author", "reviewer"):
        p.add_argument(f"--{who}", choices=("human", "model", "unrecorded"), default="")
        p.add_argument(f"--{who}-name", default="")
        p.add_argument(f"--{who}-provider", default="")
        p.add_argument(f"--{who}-model", default="")
    p.add_argument("--reviewed-at", default="", metavar="YYYY-MM-DD")
    p.add_argument("--review-changes", default=None)
    p.add_argument("--overwrite", action="store_true")
    args = p.parse_args(argv)
    problems = 0
    for path in args.files:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        entries = []
        for item in data.get("items", []):
            entries.append((item, item.get("references", [])))
        for s in data.get("sets", []):
            refs = [r for i in s.get("items", []) for r in i.get("references", [])]
            entries.append((s, list(dict.fromkeys(refs))))
            for item in s.get("items", []):
                entries.append((item, item.get("references", [])))
        for doc in data.get("documents", []):
            entries.append((doc, note_references(doc.get("body", ""))))
        for entry, refs in entries:
            fill(entry, refs, args)
            try:
                check_provenance(entry["provenance"], complete=True)
            except ValidationError as e:
                problems += 1
                print(f"{path}: {entry.get('uid', '?')}: {e}", file=sys.stderr)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
