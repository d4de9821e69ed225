"""The class list: a CSV that matches candidate numbers to names (and, optionally, the
language each student's result slip is printed in).

Columns are found by their header, in English or Chinese, in any order:
``candidate`` (also ``candidate_number``, ``number``, ``id``, ``准考证号``, ``考号``, ``学号``),
``name`` (``姓名``) and ``language`` (``lang``, ``语言``: ``en`` or ``zh``). UTF-8 with or
without BOM (as Excel writes it), or GB18030 (older Chinese Excel); comma, semicolon or
tab separated.
"""

from __future__ import annotations

import csv
import io

from ..errors import ImportFileError, os_reason

_CANDIDATE = {"candidate", "candidate_number", "candidate number", "number", "id",
              "student_id", "准考证号", "考号", "学号"}
_NAME = {"name", "student", "姓名"}
_LANGUAGE = {"language", "lang", "语言"}


def read_class_list(path: str) -> list[dict]:
    """``[{"candidate": "20240001", "name": "李明", "language": "zh"|"" }]`` in file order.

    :raises ImportFileError: unreadable file, no candidate column, a row without a
        number, or a number listed twice (with the line).
    """
    from ..textfiles import read_text
    text = read_text(path, what="class list", consequence="no class list was read")
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ImportFileError(None, path, code="classlist.empty")
    header = [h.strip().lower() for h in rows[0]]

    def col(names):
        return next((i for i, h in enumerate(header) if h in names), None)

    ci, ni, li = col(_CANDIDATE), col(_NAME), col(_LANGUAGE)
    if ci is None:
        raise ImportFileError(None, path, line=1, code="classlist.no-number-column",
                              values={"names": ["candidate", "准考证号", "..."]})
    out, seen = [], {}
    for line, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        number = row[ci].strip() if ci < len(row) else ""
        if not number:
            raise ImportFileError(None, path, line=line, code="classlist.no-number")
        if number in seen:
            raise ImportFileError(None, path, line=line, code="classlist.twice",
                                  values={"number": number, "line": seen[number]})
        seen[number] = line
        lang = row[li].strip().lower() if li is not None and li < len(row) else ""
        out.append({"candidate": number,
                    "name": row[ni].strip() if ni is not None and ni < len(row) else "",
                    "language": lang if lang in ("en", "zh") else ""})
    return out
