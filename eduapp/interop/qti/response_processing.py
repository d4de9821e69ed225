"""Writing what a QTI item counts as right: ``correctResponse`` and the response
processing (match, map, numerical tolerance bands, cloze gaps) for export."""

from __future__ import annotations

from ...domain import Item
from .versions import attribute_name


def format_number(x: float) -> str:
    return f"{x:.7g}"


def correct_response(t, values) -> str:
    """A ``correctResponse`` holding ``values`` (already escaped); nothing when there are none,
    as the XSD wants at least one ``value``."""
    values = list(values)
    if not values:
        return ""
    return (f'<{t["cr"]}>' + "".join(f'<{t["value"]}>{v}</{t["value"]}>' for v in values)
            + f'</{t["cr"]}>')


def response_processing(t, rules, has_fb: bool, item: Item) -> str:
    """Inline response processing equivalent to the 1EdTech templates (match_correct,
    map_response) plus setting FEEDBACK so per-option feedbackInline shows."""
    A = lambda n: attribute_name("3.0" if t["item"].startswith("qti-") else "2.1", n)  # noqa: E731

    def sov(ident, inner):
        return f'<{t["sov"]} identifier="{ident}">{inner}</{t["sov"]}>'

    def bv(base, v):
        return f'<{t["bv"]} {A("baseType")}="{base}">{v}</{t["bv"]}>'

    var = f'<{t["var"]} identifier="RESPONSE"/>'
    parts = []
    if rules == "match":
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["match"]}>{var}<{t["correct"]} '
                     f'identifier="RESPONSE"/></{t["match"]}>{sov("SCORE", bv("float", 1))}'
                     f'</{t["ri"]}><{t["re"]}>{sov("SCORE", bv("float", 0))}</{t["re"]}>'
                     f'</{t["rc"]}>')
    elif rules == "map":
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["isnull"]}>{var}</{t["isnull"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["ri"]}><{t["re"]}>'
                     + sov("SCORE", f'<{t["mr"]} identifier="RESPONSE"/>') +
                     f'</{t["re"]}></{t["rc"]}>')
    elif isinstance(rules, tuple) and rules[0] == "bands":
        branches = []
        for value, tol, frac in rules[1]:
            tag = t["rei"]
            width = format_number(tol)
            mode = (f'{A("toleranceMode")}="absolute" tolerance="{width} {width}"'
                    if tol else f'{A("toleranceMode")}="exact"')
            score = bv("float", format_number(frac))
            branches.append(f'<{tag}><{t["equal"]} {mode}>{var}'
                            f'{bv("float", format_number(value))}</{t["equal"]}>'
                            f'{sov("SCORE", score)}</{tag}>')
        # any other response: the share of Moodle's catch-all answer "*" (0 without one)
        other = format_number(rules[2]) if len(rules) > 2 else 0
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["isnull"]}>{var}</{t["isnull"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["ri"]}>'
                     + "".join(branches)
                     + f'<{t["re"]}>{sov("SCORE", bv("float", other))}</{t["re"]}></{t["rc"]}>')
    elif isinstance(rules, tuple):
        tol = format_number(rules[1])
        parts.append(f'<{t["rc"]}><{t["ri"]}><{t["equal"]} {A("toleranceMode")}="absolute" '
                     f'tolerance="{tol} {tol}">{var}<{t["correct"]} identifier="RESPONSE"/>'
                     f'</{t["equal"]}>{sov("SCORE", bv("float", 1))}</{t["ri"]}><{t["re"]}>'
                     f'{sov("SCORE", bv("float", 0))}</{t["re"]}></{t["rc"]}>')
    elif rules == "cloze":
        n = len((item.extra.get("cloze") or {}).get("subquestions") or [])
        for k in range(1, n + 1):
            v = f'<{t["var"]} identifier="RESPONSE_{k}"/>'
            add = (f'<{_sum(t)}><{t["var"]} identifier="SCORE"/>'
                   + bv("float", format_number(1 / n)) + f'</{_sum(t)}>')
            parts.append(f'<{t["rc"]}><{t["ri"]}><{t["match"]}>{v}<{t["correct"]} '
                         f'identifier="RESPONSE_{k}"/></{t["match"]}>{sov("SCORE", add)}'
                         f'</{t["ri"]}></{t["rc"]}>')
    if has_fb and item.type in ("sba", "multi", "tf"):
        parts.append(sov("FEEDBACK", var))
    if not parts:
        return ""
    return f'<{t["rp"]}>' + "".join(parts) + f'</{t["rp"]}>\n'


def _sum(t) -> str:
    return "qti-sum" if t["item"].startswith("qti-") else "sum"
