"""Knowledge tables: items from the Markdown tables of lecture notes and case studies.

A teacher marks a table (drug -> mechanism -> antidote, disease -> first-line treatment,
organism -> stain -> drug) and picks question directions (row cue column -> asked
column). Each direction gives three kinds of item, all with distractors taken from the
other rows' values of the asked column, so options are homogeneous and plausible (the
NBME guide's advice on distractors: the same kind of thing as the key):

* single-best-answer items, one per row (the cue in the stem, 5 options);
* B1 / EMQ shared-option sets (one option list of 5 values, 4 member questions);
* matching items (4-5 cues to pair with their values).

A row whose cue appears in another row with a different answer is ambiguous in that
direction and left out; a value the key shares with another row is never a distractor.
Explanations are written from the table itself ("X is the antidote of Y, not of Z").

The mark lives in the document's ``data["knowledge_tables"]`` (a list of
:meth:`KnowledgeTable.spec` dicts with the table's zero-based index in the body), so the
note's Markdown stays as it is. Pure functions; any thread.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from ...domain import Document, Item, ItemSet, Option
from ...errors import ValidationError
from ..dedup import DuplicateIndex
from .generator import AigResult, Deduplicator, _admit, enemy_group

__all__ = ["MarkdownTable", "Direction", "KnowledgeTable", "parse_markdown_tables",
           "tables_of_document", "propose_tables", "mark_table", "generate_from_table",
           "TABLE_FORMAT"]

TABLE_FORMAT = "eduapp-knowledge-table"
_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD = re.compile(r"\*\*|__|`")


@dataclass
class MarkdownTable:
    """A pipe table found in Markdown text.

    :ivar index: zero-based position among the text's tables.
    :ivar line: zero-based line of the header row.
    """

    index: int
    line: int
    header: list[str]
    rows: list[list[str]]


def _cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    parts = re.split(r"(?<!\\)\|", s)
    return [_MD.sub("", p.replace("\\|", "|")).strip() for p in parts]


def parse_markdown_tables(text: str) -> list[MarkdownTable]:
    """Every GitHub-style pipe table in ``text`` (a header row, a ``|---|`` separator,
    body rows); rows are padded or cut to the header's width.

    :returns: tables in text order.
    """
    lines = text.splitlines()
    out: list[MarkdownTable] = []
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and _SEP.match(lines[i + 1]):
            header = _cells(lines[i])
            rows = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                cells = _cells(lines[j])
                cells = (cells + [""] * len(header))[:len(header)]
                rows.append(cells)
                j += 1
            out.append(MarkdownTable(len(out), i, header, rows))
            i = j
        else:
            i += 1
    return out


@dataclass
class Direction:
    """One question direction: the cue column ``source`` asks for column ``target``
    (zero-based column indices).

    :ivar stem: SBA stem template with ``{cue}`` (``"Which antidote is given for {cue}
        poisoning?"``); default: a sentence built from the column headers.
    :ivar b1_stem: template of a B1 member question (default ``"{cue}"``).
    :ivar instruction: B1 set instruction; default from the headers.
    :ivar matching_stem: stem of a matching item; default from the headers.
    """

    source: int
    target: int
    stem: str = ""
    b1_stem: str = ""
    instruction: str = ""
    matching_stem: str = ""

    def to_dict(self) -> dict:
        d = {"from": self.source, "to": self.target}
        for k in ("stem", "b1_stem", "instruction", "matching_stem"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        return d


@dataclass
class KnowledgeTable:
    """A marked knowledge table with its question directions.

    :ivar source: where the table comes from (``document:<uid>`` or a file path).
    """

    id: str
    title: str
    language: str
    header: list[str]
    rows: list[list[str]]
    directions: list[Direction]
    topic: str = ""
    system: str = ""
    discipline: str = ""
    bloom: str = "remember"
    difficulty: float | None = None
    tags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    source: str = ""
    table_index: int | None = None

    def validate(self) -> None:
        """:raises ValidationError: fewer than 4 rows, no direction, a column out of range,
        a direction from a column to itself, a language other than en/zh."""
        if self.language not in ("en", "zh"):
            raise ValidationError(code="aig.table-language",
                                  values={"id": self.id, "choices": ["en", "zh"]})
        if len(self.header) < 2:
            raise ValidationError(code="aig.table-columns", values={"id": self.id})
        if len(self.rows) < 4:
            raise ValidationError(code="aig.table-rows", values={"id": self.id})
        if not self.directions:
            raise ValidationError(code="aig.table-direction", values={"id": self.id})
        for d in self.directions:
            for col in (d.source, d.target):
                if not 0 <= col < len(self.header):
                    raise ValidationError(code="aig.column-missing",
                                          values={"id": self.id, "col": col,
                                                  "last": len(self.header) - 1})
            if d.source == d.target:
                raise ValidationError(code="aig.direction-columns", values={"id": self.id})
            for t in (d.stem, d.b1_stem):
                if t and "{cue}" not in t:
                    raise ValidationError(code="aig.template-cue",
                                          values={"id": self.id, "template": t, "cue": "{cue}"})

    def spec(self) -> dict:
        """The mark as kept in a document's ``data["knowledge_tables"]``."""
        d = {"id": self.id, "title": self.title, "table": self.table_index,
             "directions": [x.to_dict() for x in self.directions]}
        for k in ("bloom", "discipline", "tags", "references", "difficulty"):
            if getattr(self, k):
                d[k] = getattr(self, k)
        return d

    def to_dict(self) -> dict:
        """A stand-alone ``eduapp-knowledge-table`` JSON document (the table inline)."""
        d = {"format": TABLE_FORMAT, "version": 1, **self.spec(), "language": self.language,
             "topic": self.topic, "system": self.system, "header": self.header,
             "rows": self.rows}
        d.pop("table", None)
        return d

    @classmethod
    def from_dict(cls, d: dict, *, header: list[str] | None = None,
                  rows: list[list[str]] | None = None, language: str | None = None,
                  **defaults) -> "KnowledgeTable":
        """From a stand-alone table document or a document mark (then ``header``,
        ``rows`` and ``language`` come from the note).

        :raises ValidationError: a missing field or a bad direction.
        """
        if not isinstance(d, dict):
            raise ValidationError(code="aig.table-object")
        if d.get("format", TABLE_FORMAT) != TABLE_FORMAT:
            raise ValidationError(code="aig.table-format", values={"format": d.get("format")})
        directions = []
        for n, raw in enumerate(d.get("directions") or [], 1):
            if not isinstance(raw, dict) or "from" not in raw or "to" not in raw:
                raise ValidationError(code="aig.direction-fields",
                                      values={"n": n, "fields": ['"from"', '"to"']})
            try:
                src, dst = int(raw["from"]), int(raw["to"])
            except (TypeError, ValueError):
                raise ValidationError(code="aig.direction-numbers", values={"n": n}) from None
            directions.append(Direction(src, dst, str(raw.get("stem", "")),
                                        str(raw.get("b1_stem", "")),
                                        str(raw.get("instruction", "")),
                                        str(raw.get("matching_stem", ""))))
        header = header if header is not None else d.get("header")
        rows = rows if rows is not None else d.get("rows")
        if not isinstance(header, list) or not isinstance(rows, list):
            raise ValidationError(code="aig.table-fields",
                                  values={"fields": ['"header"', '"rows"']})
        t = cls(id=str(d.get("id", "")), title=str(d.get("title", "")),
                language=language or str(d.get("language", "en")),
                header=[str(h) for h in header],
                rows=[[str(c) for c in r] for r in rows], directions=directions,
                topic=str(d.get("topic", defaults.get("topic", ""))),
                system=str(d.get("system", defaults.get("system", ""))),
                discipline=str(d.get("discipline", "")), bloom=str(d.get("bloom", "remember")),
                difficulty=d.get("difficulty"), tags=list(d.get("tags") or []),
                references=list(d.get("references") or []),
                source=defaults.get("source", ""), table_index=d.get("table"))
        if not t.id:
            raise ValidationError(code="aig.table-id", values={"field": '"id"'})
        t.validate()
        return t


def tables_of_document(doc: Document) -> list[KnowledgeTable]:
    """The knowledge tables a teacher marked in ``doc`` (``data["knowledge_tables"]``).

    :raises ValidationError: a mark points at a table that is not in the body.
    """
    marks = (doc.data or {}).get("knowledge_tables") or []
    if not marks:
        return []
    tables = parse_markdown_tables(doc.body)
    out = []
    for m in marks:
        idx = m.get("table")
        if not isinstance(idx, int) or not 0 <= idx < len(tables):
            raise ValidationError(code="aig.table-index",
                                  values={"title": doc.title, "id": m.get("id"), "index": idx,
                                          "n": len(tables)})
        t = tables[idx]
        out.append(KnowledgeTable.from_dict(
            m, header=t.header, rows=t.rows, language=doc.language, topic=doc.topic,
            system=doc.system, source=f"document:{doc.uid}"))
    return out


def mark_table(doc: Document, table: KnowledgeTable) -> Document:
    """Record ``table`` as a knowledge table of ``doc`` (its ``data["knowledge_tables"]``),
    replacing an earlier mark with the same id or on the same table; returns ``doc``.

    :raises ValidationError: the table is invalid or not one of the note's tables.
    """
    table.validate()
    tables = parse_markdown_tables(doc.body)
    if table.table_index is None or not 0 <= table.table_index < len(tables):
        raise ValidationError(code="aig.no-table-index",
                              values={"title": doc.title, "index": table.table_index})
    marks = [m for m in (doc.data or {}).get("knowledge_tables") or []
             if m.get("id") != table.id and m.get("table") != table.table_index]
    doc.data = dict(doc.data or {}, knowledge_tables=marks + [table.spec()])
    return doc


def propose_tables(doc: Document) -> list[KnowledgeTable]:
    """Tables of ``doc`` that could be knowledge tables (4+ rows, 2+ columns, a first
    column of distinct values), each with the directions first column -> every other
    column. The teacher confirms, edits or drops them."""
    out = []
    for t in parse_markdown_tables(doc.body):
        firsts = [r[0].casefold() for r in t.rows]
        if len(t.rows) < 4 or len(t.header) < 2 or len(set(firsts)) < len(firsts):
            continue
        kt = KnowledgeTable(
            id=f"{doc.uid}-t{t.index}", title=f"{doc.title}: {' / '.join(t.header)}",
            language=doc.language, header=t.header, rows=t.rows,
            directions=[Direction(0, c) for c in range(1, len(t.header))],
            topic=doc.topic, system=doc.system, source=f"document:{doc.uid}",
            table_index=t.index)
        out.append(kt)
    return out


# --------------------------------------------------------------------------- generating

def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


_WORDS = re.compile(r"[A-Za-z]{4,}|[\u4e00-\u9fff]{2,}")


def _gives_away(cue: str, answer: str) -> bool:
    """The cue names its own answer (a word of 4+ letters of the answer, or two Chinese
    characters of it, in the cue, as the gate's clang rule counts them: "Digoxin-specific antibody fragments" -> digoxin): such an item
    would be a clang cue (NBME guide), so the row is not asked in that direction."""
    cue = cue.lower()
    for word in _WORDS.findall(answer.lower()):
        if word.isascii():
            if word in cue:
                return True
        elif any(word[k:k + 2] in cue for k in range(len(word) - 1)):
            return True
    return False


def _eligible(table: KnowledgeTable, d: Direction) -> list[int]:
    """Rows usable in direction ``d``: cue and answer present, cue not ambiguous, cue not
    naming its answer."""
    answers: dict[str, set[str]] = {}
    for r in table.rows:
        answers.setdefault(_norm(r[d.source]), set()).add(_norm(r[d.target]))
    return [i for i, r in enumerate(table.rows)
            if r[d.source].strip() and r[d.target].strip()
            and len(answers[_norm(r[d.source])]) == 1
            and not _gives_away(r[d.source], r[d.target])]


def _cues_for(table: KnowledgeTable, d: Direction, value: str) -> list[str]:
    return [r[d.source] for r in table.rows if _norm(r[d.target]) == _norm(value)]


def _explain(table: KnowledgeTable, d: Direction, cue: str, value: str, correct: bool) -> str:
    src, dst = table.header[d.source], table.header[d.target]
    if table.language == "zh":
        if correct:
            return f"正确。“{cue}”对应的{dst}是“{value}”。"
        others = "、".join(f"“{c}”" for c in _cues_for(table, d, value))
        return f"错误。“{value}”对应的{src}是{others}，不是“{cue}”。"
    if correct:
        return f"Correct. The {_lower_first(src)} “{cue}” goes with the " \
               f"{_lower_first(dst)} “{value}”."
    others = "; ".join(f"“{c}”" for c in _cues_for(table, d, value))
    return (f"Incorrect. “{value}” goes with the {_lower_first(src)} {others}, "
            f"not “{cue}”.")


def _sba_stem(table: KnowledgeTable, d: Direction, cue: str) -> str:
    if d.stem:
        return d.stem.replace("{cue}", cue)
    src, dst = table.header[d.source], table.header[d.target]
    if table.language == "zh":
        return f"{src}为“{cue}”时，对应的{dst}是"
    return f"{src}: {cue}. Which {_lower_first(dst)} corresponds to it?"


def _rng(*parts) -> random.Random:
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return random.Random(int(h[:16], 16))


def _distractors(table: KnowledgeTable, d: Direction, row: int, n: int, seed) -> list[int]:
    key = _norm(table.rows[row][d.target])
    pool, seen = [], {key}
    for i, r in enumerate(table.rows):
        v = _norm(r[d.target])
        if i != row and v and v not in seen:
            seen.add(v)
            pool.append(i)
    rng = _rng(table.id, d.source, d.target, row, seed)
    return sorted(rng.sample(pool, min(n, len(pool))))


def _uid(table: KnowledgeTable, *parts) -> str:
    content = repr((table.header, table.rows, [x.to_dict() for x in table.directions]))
    raw = "\x1f".join([table.id, hashlib.sha256(content.encode()).hexdigest()[:12],
                       *map(str, parts)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _base(table: KnowledgeTable, d: Direction, kind: str, rows: list[int]) -> dict:
    return dict(topic=table.topic, system=table.system, discipline=table.discipline,
                bloom=table.bloom, difficulty=table.difficulty, language=table.language,
                status="draft", tags=list(dict.fromkeys(["aig", "knowledge-table",
                                                         *table.tags])),
                references=list(table.references),
                provenance={"source": "aig", "aig_kind": "table", "model_id": table.id,
                            "model_title": table.title, "table_source": table.source,
                            "direction": [d.source, d.target], "format": kind,
                            "rows": rows, "enemy_group": enemy_group(table.id)})


def _sba_items(table: KnowledgeTable, d: Direction, seed) -> list[Item]:
    out = []
    zh = table.language == "zh"
    for row in _eligible(table, d):
        distract = _distractors(table, d, row, 4, seed)
        if len(distract) < 3:
            continue
        cue = table.rows[row][d.source]
        opts = sorted([row, *distract])
        options = [Option(text=table.rows[i][d.target], correct=i == row,
                          explanation=_explain(table, d, cue, table.rows[i][d.target],
                                               i == row)) for i in opts]
        item = Item(type="sba", stem=_sba_stem(table, d, cue), options=options,
                    exam_type="A1" if zh else "SBA",
                    uid=_uid(table, "sba", d.source, d.target, row, seed),
                    **_base(table, d, "sba", [row]))
        out.append(item)
    return out


def _groups(table: KnowledgeTable, d: Direction, size: int, seed) -> list[list[int]]:
    rows = _eligible(table, d)
    rng = _rng(table.id, "groups", d.source, d.target, seed)
    rng.shuffle(rows)
    groups: list[list[int]] = []
    for r in rows:
        v = _norm(table.rows[r][d.target])
        for g in groups:
            if len(g) < size and all(_norm(table.rows[x][d.target]) != v for x in g):
                g.append(r)
                break
        else:
            groups.append([r])
    return [sorted(g) for g in groups if len(g) >= 4]


def _b1_sets(table: KnowledgeTable, d: Direction, seed) -> list[ItemSet]:
    zh = table.language == "zh"
    src, dst = table.header[d.source], table.header[d.target]
    out = []
    for g in _groups(table, d, 5, seed):
        asked = g[:4] if len(g) == 5 else g[:3]
        options = [Option(text=table.rows[i][d.target]) for i in g]
        members = []
        for pos, row in enumerate(asked):
            cue = table.rows[row][d.source]
            stem = d.b1_stem.replace("{cue}", cue) if d.b1_stem else (
                f"{src}：{cue}" if zh else f"{src}: {cue}")
            members.append(Item(
                type="sba", stem=stem,
                options=[Option(text=table.rows[i][d.target], correct=i == row,
                                explanation=_explain(table, d, cue, table.rows[i][d.target],
                                                     i == row)) for i in g],
                exam_type="B1" if zh else "EMQ",
                uid=_uid(table, "b1", d.source, d.target, tuple(g), row, seed),
                **_base(table, d, "b1", [row])))
        if d.instruction:
            instruction = d.instruction
        elif zh:
            instruction = (f"（共用备选答案）请为下列每一{src}选择对应的{dst}。"
                           "每个备选答案可能被选择一次、多次或不被选择。")
        else:
            instruction = (f"For each {_lower_first(src)} below, select the "
                           f"{_lower_first(dst)} that matches it. Each option may be used "
                           "once, more than once, or not at all.")
        base = _base(table, d, "b1", g)
        s = ItemSet(kind="shared_options", items=members, title=f"{table.title}: {src} → {dst}",
                    vignette=instruction, options=options, exam_type="B1" if zh else "EMQ",
                    language=table.language, topic=table.topic, system=table.system,
                    tags=base["tags"], provenance=base["provenance"],
                    uid=_uid(table, "b1set", d.source, d.target, tuple(g), seed))
        out.append(s.attach())
    return out


def _matching_items(table: KnowledgeTable, d: Direction, seed) -> list[Item]:
    zh = table.language == "zh"
    src, dst = table.header[d.source], table.header[d.target]
    out = []
    for g in _groups(table, d, 5, ("m", seed)):
        if d.matching_stem:
            stem = d.matching_stem
        elif zh:
            stem = f"请将下列{src}与其对应的{dst}配对。"
        else:
            stem = f"Match each {_lower_first(src)} with its {_lower_first(dst)}."
        pairs = [Option(text=table.rows[i][d.source], correct=True,
                        match=table.rows[i][d.target]) for i in g]
        expl = ("；".join(f"{p.text}—{p.match}" for p in pairs) + "。") if zh else \
            ("; ".join(f"{p.text}: {p.match}" for p in pairs) + ".")
        out.append(Item(type="matching", stem=stem, options=pairs, explanation=expl,
                        uid=_uid(table, "match", d.source, d.target, tuple(g), seed),
                        **_base(table, d, "matching", g)))
    return out


def table_units(table: KnowledgeTable, seed=0) -> list:
    """Every unit the table makes: per direction its SBA items, its B1 sets and its
    matching items (unchecked; see :func:`generate_from_table`)."""
    table.validate()
    units: list = []
    for d in table.directions:
        units += _sba_items(table, d, seed)
        units += _b1_sets(table, d, seed)
        units += _matching_items(table, d, seed)
    return units


def count_table_items(table: KnowledgeTable) -> int:
    """Questions the table makes (a B1 set counts by its members)."""
    return sum(len(u.items) if isinstance(u, ItemSet) else 1 for u in table_units(table))


def generate_from_table(table: KnowledgeTable, *, count: int | None = None,
                        seed: int | None = None, formats: tuple[str, ...] = ("sba", "b1",
                                                                             "matching"),
                        index: DuplicateIndex | None = None) -> AigResult:
    """Generate SBA items, B1 sets and matching items from a knowledge table.

    :param count: at most this many questions (a B1 set counts by its members; a set
        that would overshoot is skipped); ``None`` for all.
    :param seed: seeds the distractor choice, the B1 grouping and the sample order;
        ``None`` is seed 0 for all items and a fresh sample for ``count``.
    :param formats: which of ``sba``, ``b1``, ``matching`` to make.
    :param index: the bank's near-duplicate index for the gate, or ``None``.
    :raises ValidationError: an invalid table.
    """
    if count is not None and count < 1:
        raise ValidationError(code="aig.count-min")
    units = [u for u in table_units(table, 0 if seed is None else seed)
             if u.provenance["format"] in formats]
    result = AigResult(table.id, "table")
    result.valid = sum(len(u.items) if isinstance(u, ItemSet) else 1 for u in units)
    if count is not None:
        random.Random(seed).shuffle(units)
    dedup = Deduplicator()
    n = 0
    for u in units:
        size = len(u.items) if isinstance(u, ItemSet) else 1
        if count is not None and n + size > count:
            if n >= count:
                break
            continue
        result.considered += 1
        if _admit(result, u, dedup, index):
            n += size
    return result
