"""Reading what a QTI item counts as right: response declarations (``correctResponse``,
``mapping``) and the common hand-written response processing (``match``/``equal`` of
the response with a ``baseValue``, numerical tolerance bands)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import xmlparse
from .elements import ItemSkipped, children, find, text_of


@dataclass
class ResponseDecl:
    cardinality: str = "single"
    base_type: str = "identifier"
    correct: list[str] = field(default_factory=list)
    mapping: dict[str, float] = field(default_factory=dict)
    default: float = 0.0
    upper: float | None = None
    case_sensitive: bool = True


def response_decls(root) -> dict[str, ResponseDecl]:
    out = {}
    for d in children(root, "responsedeclaration"):
        decl = ResponseDecl(cardinality=xmlparse.attr(d, "cardinality", "single"),
                     base_type=xmlparse.attr(d, "baseType", "identifier"))
        cr = find(d, "correctresponse")
        if cr is not None:
            decl.correct = [text_of(v) for v in children(cr, "value")]
        mp = find(d, "mapping")
        if mp is not None:
            try:
                decl.default = float(xmlparse.attr(mp, "defaultValue", "0") or 0)
                ub = xmlparse.attr(mp, "upperBound")
                decl.upper = float(ub) if ub else None
                for entry in children(mp, "mapentry"):
                    decl.mapping[xmlparse.attr(entry, "mapKey")] = float(
                        xmlparse.attr(entry, "mappedValue", "0"))
                    if xmlparse.attr(entry, "caseSensitive", "true").lower() == "false":
                        decl.case_sensitive = False
            except ValueError:
                raise ItemSkipped("a mapping value is not a number") from None
        out[xmlparse.attr(d, "identifier")] = decl
    return out


def processing_matches(root, resp_id: str) -> list[str]:
    """Values compared with ``resp_id`` in hand-written response processing
    (``match``/``member``/``stringMatch``/``equal`` of the variable and a ``baseValue``)
    inside a branch that sets a score."""
    rp = find(root, "responseprocessing")
    out = []
    if rp is None:
        return out
    for cond in rp.iter():
        if xmlparse.local(cond.tag) not in ("match", "member", "stringmatch", "equal"):
            continue
        var = [c for c in cond if xmlparse.local(c.tag) == "variable"
               and xmlparse.attr(c, "identifier") == resp_id]
        vals = [c for c in cond if xmlparse.local(c.tag) == "basevalue"]
        if var and vals:
            out.extend(text_of(v) for v in vals)
    return out


def processing_tolerance(root) -> float | None:
    rp = find(root, "responseprocessing")
    if rp is None:
        return None
    for e in rp.iter():
        if xmlparse.local(e.tag) == "equal" and xmlparse.attr(e, "toleranceMode") == "absolute":
            tol = xmlparse.attr(e, "tolerance", "0").split()
            try:
                return float(tol[0]) if tol else 0.0
            except ValueError:
                return None
    return None


def processing_bands(root, decl: "ResponseDecl") -> list[tuple[str, float, float]]:
    """Numerical tolerance bands in response processing: each ``responseIf``/
    ``responseElseIf`` whose condition is an ``equal`` (``toleranceMode`` absolute, or
    exact) of RESPONSE with a ``baseValue`` or ``correct``, and which sets SCORE to a
    ``baseValue``.

    :returns: ``[(value, tolerance, score)]`` in document order (score as written, not
        yet divided by the top score); empty when the processing has no such branch.
    """
    rp = find(root, "responseprocessing")
    out: list[tuple[str, float, float]] = []
    if rp is None:
        return out
    for branch in rp.iter():
        if xmlparse.local(branch.tag) not in ("responseif", "responseelseif"):
            continue
        cond = next((c for c in branch if xmlparse.local(c.tag) == "equal"), None)
        sov = next((c for c in branch if xmlparse.local(c.tag) == "setoutcomevalue"
                    and xmlparse.attr(c, "identifier") == "SCORE"), None)
        if cond is None or sov is None:
            continue
        value = next((text_of(c) for c in cond if xmlparse.local(c.tag) == "basevalue"), None)
        if value is None and any(xmlparse.local(c.tag) == "correct" for c in cond):
            value = decl.correct[0] if decl.correct else None
        score_el = next((c for c in sov if xmlparse.local(c.tag) == "basevalue"), None)
        if value is None or score_el is None:
            continue
        try:
            tol_parts = xmlparse.attr(cond, "tolerance", "0").split() or ["0"]
            tol = float(tol_parts[0]) if xmlparse.attr(cond, "toleranceMode",
                                                      "exact") == "absolute" else 0.0
            out.append((value, tol, float(text_of(score_el))))
        except ValueError:
            continue
    return out


def processing_otherwise(root) -> float:
    """The SCORE that the ``responseElse`` of a numerical band condition (a
    ``responseCondition`` whose branches compare RESPONSE with ``equal``) gives any other
    response: Moodle's catch-all answer ``*``. 0 when there is none or it is not a number."""
    rp = find(root, "responseprocessing")
    if rp is None:
        return 0.0
    for cond in rp.iter():
        if xmlparse.local(cond.tag) != "responsecondition":
            continue
        branches = [c for c in cond if xmlparse.local(c.tag) in ("responseif", "responseelseif")]
        if not any(xmlparse.local(c.tag) == "equal" for b in branches for c in b):
            continue
        for other in (c for c in cond if xmlparse.local(c.tag) == "responseelse"):
            for sov in other:
                if xmlparse.local(sov.tag) == "setoutcomevalue" and \
                        xmlparse.attr(sov, "identifier") == "SCORE":
                    value = next((text_of(c) for c in sov
                                  if xmlparse.local(c.tag) == "basevalue"), "0")
                    try:
                        return float(value)
                    except ValueError:
                        return 0.0
    return 0.0
